"""The kernels' preloads name modules and loaders that exist: a preload's failure is silent by design (its reply
is not awaited), so a renamed module would only cost speed, unnoticed, without this check."""

import ast
import importlib.util

import pytest

from asmhub_utils.chapters import data, edition_marks
from asmhub_utils.execute import prerun, profiles

LOADERS = {"data": data, "edition_marks": edition_marks}


@pytest.mark.parametrize("preload", [prerun.PRELOAD, profiles.PRELOAD], ids=["chapters", "profiles"])
def test_every_preloaded_module_and_loader_exists(preload):
    tree = ast.parse(preload)
    imported = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]
    assert imported and all(importlib.util.find_spec(name) for name in imported), imported
    calls = [node.func for node in ast.walk(tree) if isinstance(node, ast.Call)]
    for call in calls:
        assert isinstance(call, ast.Attribute) and hasattr(LOADERS[call.value.id], call.attr), ast.unparse(call)
