"""What the notebooks depend on: the asmhub_utils modules their code imports (followed through every import),
the tidy tables, the raw files chapters read, and the book's metadata.

A change to any other module (the Sphinx extension, the validator, the PDF) re-runs no notebook. The Makefile
calls this file as a script (standard library only, so it works before the venv exists):

    python3 asmhub_utils/execute/notebook_inputs.py            # inputs of the chapters and the profile template
    python3 asmhub_utils/execute/notebook_inputs.py --modules  # only the asmhub_utils modules
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "asmhub_utils"
NOTEBOOKS = ROOT / "notebooks"
TEMPLATE = NOTEBOOKS / "templates" / "country_profile.ipynb"
# Data the chapters read through asmhub_utils: tidy tables, Amazon Mining Watch, country shapes, metadata.
DATA_GLOBS = [
    "data/*.csv",
    "data/*.json",
    "data/*.bib",
    "data/raw/mining-detector/**/*",
    "data/geo/**/*",
    "data/editions/**/*",  # a profile marks the figures changed since the previous edition
    "book/metadata.yml",
]


def chapter_notebooks() -> list[Path]:
    """The book's notebooks that import code: every chapter and the profile template (not generated profiles)."""
    return sorted(
        p
        for p in NOTEBOOKS.rglob("*.ipynb")
        if "profiles" not in p.relative_to(NOTEBOOKS).parts and ".ipynb_checkpoints" not in p.parts
    )


def _code_of(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    lines = []
    for cell in cells:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            lines.extend(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
    return "\n".join(lines)


def _module_file(dotted: str) -> Path | None:
    base = ROOT.joinpath(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def _imported(source: str, importer: str) -> set[str]:
    """Dotted names of asmhub_utils modules imported by `source` (importer: the importing module's dotted name)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == PACKAGE}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = importer.split(".")[: -node.level]
                module = ".".join(parts + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.split(".")[0] != PACKAGE:
                continue
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names if _module_file(f"{module}.{alias.name}")}
    # importing a.b.c runs a/__init__ and a/b/__init__ too
    for name in list(found):
        parts = name.split(".")
        found |= {".".join(parts[:i]) for i in range(1, len(parts))}
    return {name for name in found if _module_file(name)}


def modules_imported_by(notebooks: list[Path]) -> list[Path]:
    """Source files of every asmhub_utils module the notebooks' code cells import, directly or not."""
    todo = set().union(*(_imported(_code_of(nb), "__main__") for nb in notebooks)) if notebooks else set()
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _module_file(name)
        importer = f"{name}.__init__" if path.name == "__init__.py" else name
        todo |= _imported(path.read_text(encoding="utf-8"), importer) - seen
    return sorted(_module_file(name) for name in seen)


def data_inputs() -> list[Path]:
    return sorted({p for pattern in DATA_GLOBS for p in ROOT.glob(pattern) if p.is_file()})


def template_inputs(modules: list[Path]) -> list[Path]:
    """The HTML templates beside `modules` (asmhub_utils/<stage>/templates/) when they render through
    html_templates.py: an edited template changes the pages as an edited module does."""
    if not any(path.name == "html_templates.py" for path in modules):
        return []
    stages = {path.parent for path in modules}
    return sorted(p for p in (ROOT / PACKAGE).glob("*/templates/*.html") if p.parent.parent in stages)


def notebook_inputs(notebooks: list[Path] | None = None) -> list[Path]:
    """Every file whose change must re-run `notebooks` (default: all chapters and the profile template)."""
    notebooks = chapter_notebooks() if notebooks is None else notebooks
    modules = modules_imported_by(notebooks)
    return [*modules, *template_inputs(modules), *data_inputs()]


def main(argv: list[str]) -> None:
    files = modules_imported_by(chapter_notebooks()) if "--modules" in argv else notebook_inputs()
    print(" ".join(str(p.relative_to(ROOT)) for p in files))


if __name__ == "__main__":
    main(sys.argv[1:])
