"""The package follows the book's flow: a stage imports only stages before it (and the shared modules).

Order: shared (paths, errors, escape, html_templates) < tidy < editions (data packages and their diff) < contrib
< chapters < execute < site < commands/cli. One
exception is allowed and named: the tidy build reads contributions in the format `contrib.standard` defines.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "asmhub_utils"
ORDER = ["shared", "tidy", "editions", "contrib", "chapters", "execute", "site", "commands"]
ALLOWED_BACKWARD = {("asmhub_utils.tidy.build", "asmhub_utils.contrib.standard")}


def _stage(dotted: str) -> str:
    parts = dotted.split(".")
    if len(parts) > 1 and parts[1] in ORDER:
        return parts[1]
    return "commands" if len(parts) > 1 and parts[1] == "cli" else "shared"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("asmhub_utils"):
            found |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("asmhub_utils")}
    return found


def backward_imports(root: Path = ROOT) -> list[str]:
    wrong = []
    for path in sorted(root.rglob("*.py")):
        module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        for target in _imports(path):
            backward = ORDER.index(_stage(target)) > ORDER.index(_stage(module))
            if backward and not any(module == m and target.startswith(t) for m, t in ALLOWED_BACKWARD):
                wrong.append(f"{module} imports {target}")
    return wrong


def test_no_stage_imports_a_later_stage():
    assert backward_imports() == []


def test_a_backward_import_is_caught(tmp_path):
    (tmp_path / "asmhub_utils" / "tidy").mkdir(parents=True)
    (tmp_path / "asmhub_utils" / "tidy" / "x.py").write_text("from asmhub_utils.chapters import data\n")
    assert backward_imports(tmp_path / "asmhub_utils") == ["asmhub_utils.tidy.x imports asmhub_utils.chapters.data"]
