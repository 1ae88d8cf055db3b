"""The figures each chapter states, kept in the chapter so nbval can check that they reproduce.

Every code cell of a chapter that glues a figure into the prose (`glue(...)`) is tagged `nbval-check-output` and
keeps its outputs in the notebook: the glued values, exactly as the page states them. Every other cell stays
output-free. `make nbval` (and `make test`) run those chapters under `pytest --nbval-lax` from a clean kernel: nbval
compares the outputs of the tagged cells only, so a change to the data or the code that silently changes a stated
figure fails the tests until the stored outputs are rewritten on purpose with

    make stated-figures        (python -m asmhub_utils.execute.stated_figures [NOTEBOOK ...])

which re-runs the chapters, tags any new glue cell, stores the tagged cells' outputs and clears every other
output. Review the diff of the notebooks: it lists every stated figure that changed.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

from asmhub_utils import paths

TAG = "nbval-check-output"  # nbval's own tag: in --nbval-lax mode only these cells' outputs are compared
GLUE = re.compile(r"(^|[^\w.])glue\(")


def states_figures(cell: nbformat.NotebookNode) -> bool:
    """A code cell that glues a value into the page's prose."""
    return cell.cell_type == "code" and GLUE.search(cell.source) is not None


def tagged(cell: nbformat.NotebookNode) -> bool:
    return TAG in cell.get("metadata", {}).get("tags", [])


def chapters(toc: Path = paths.ROOT / "_toc.yml") -> list[Path]:
    """The book's chapter notebooks that state figures (a glue cell), in table-of-contents order."""
    from asmhub_utils.execute import prerun

    return [
        path
        for path in prerun.chapters(toc)
        if any(states_figures(cell) for cell in nbformat.read(path, as_version=4).cells)
    ]


def problems(notebook: nbformat.NotebookNode) -> list[str]:
    """What breaks the contract: a glue cell without the tag or without stored outputs, a tagged cell that
    states nothing, an output stored in any other cell."""
    found = []
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        if states_figures(cell) and not tagged(cell):
            found.append(f"cell {number} glues a figure but is not tagged {TAG!r}")
        elif states_figures(cell) and (not cell.outputs or cell.execution_count is None):
            found.append(f"cell {number} glues a figure but stores no output (nbval would not compare it)")
        elif tagged(cell) and not states_figures(cell):
            found.append(f"cell {number} is tagged {TAG!r} but glues nothing")
        elif not tagged(cell) and cell.outputs:
            found.append(f"cell {number} stores an output but states no figure: chapters stay output-free")
    return found


def _execute(path: Path, timeout: int = 180) -> nbformat.NotebookNode:
    """The chapter run from a clean kernel in its own folder (as the book and nbval run it)."""
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return notebook


def refresh(path: Path) -> bool:
    """Re-run the chapter; tag its glue cells, store their new outputs, clear every other output. Writes the
    notebook only when something changed; returns whether it did."""
    source = nbformat.read(path, as_version=4)
    before = copy.deepcopy(source)
    ran = _execute(path)
    for cell, done in zip(source.cells, ran.cells):
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.get("tags", [])
        if states_figures(cell):
            if TAG not in tags:
                cell.metadata["tags"] = [*tags, TAG]
            cell.outputs = [_stable(output) for output in done.outputs]
            cell.execution_count = done.execution_count
        else:
            if TAG in tags:
                cell.metadata["tags"] = [t for t in tags if t != TAG]
            cell.outputs, cell.execution_count = [], None
    if source == before:
        return False
    nbformat.write(source, path)
    return True


def _stable(output: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """An output without what changes from run to run (transient display ids)."""
    output = copy.deepcopy(output)
    output.pop("transient", None)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Store the figures the chapters state (outputs of their glue cells), for nbval to check."
    )
    parser.add_argument(
        "notebooks", nargs="*", type=Path, help="chapters to refresh (default: every chapter with a glue cell)"
    )
    options = parser.parse_args(argv)
    targets = [p.resolve() for p in options.notebooks] or chapters()
    changed = [path for path in targets if refresh(path)]
    for path in changed:
        print(f"stated figures rewritten: {path.relative_to(paths.ROOT)}")
    print(f"{len(targets)} chapters checked, {len(changed)} rewritten; review `git diff notebooks/`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
