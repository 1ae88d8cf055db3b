"""Fixtures shared by the data tests."""

import shutil
from pathlib import Path

import pytest

import contrib_worker  # the transaction tests run it as a script; both point paths at a copy of data/
from asmhub_utils import paths
from asmhub_utils.chapters import data


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A copy of data/ that paths point to, so the real data is never touched."""
    root = tmp_path / "repo"
    shutil.copytree(paths.DATA, root / "data", ignore=shutil.ignore_patterns("geo"))
    copy = root / "data"
    for name, value in contrib_worker.data_paths(copy).items():
        monkeypatch.setattr(paths, name, value)
    return copy


@pytest.fixture
def fresh_loaders():
    """Empty the loaders' caches before and after a test that changes the tables they read."""
    data._estimates.cache_clear()
    data._sources.cache_clear()
    yield
    data._estimates.cache_clear()
    data._sources.cache_clear()
