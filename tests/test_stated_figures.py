"""nbval's job: the figures a chapter states (the outputs of its glue cells, stored in the notebook and tagged
`nbval-check-output`) reproduce from a clean kernel. asmhub_utils/execute/stated_figures.py keeps the contract;
these tests show that every chapter keeps it and that nbval fails when a stated figure changes."""

import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from asmhub_utils.execute import prerun, stated_figures


@pytest.mark.parametrize("path", prerun.chapters(), ids=lambda p: p.stem)
def test_every_chapter_stores_its_stated_figures_and_nothing_else(path):
    problems = stated_figures.problems(nbformat.read(path, as_version=4))
    assert not problems, f"{path.name}: " + "; ".join(problems) + " (run `make stated-figures`)"


def chapter(tmp_path, value: str):
    notebook = new_notebook(
        cells=[
            new_markdown_cell("The data holds {glue:text}`n` figures."),
            new_code_cell("from myst_nb import glue\n\nn = 40"),
            new_code_cell(f'glue("n", {value}, display=False)'),
            new_code_cell("print('a chart or a table: not a stated figure')"),
        ]
    )
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "chapter.ipynb"
    nbformat.write(notebook, path)
    return path


def nbval(path) -> subprocess.CompletedProcess:
    """nbval as `make nbval` runs it, on this notebook alone (an empty config: not the project's)."""
    (path.parent / "none.ini").write_text("[pytest]\n", encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "--nbval-lax",
            str(path),
            "--rootdir",
            str(path.parent),
            "-c",
            str(path.parent / "none.ini"),
        ],
        capture_output=True,
        text=True,
        cwd=path.parent,
        timeout=300,
    )


def test_refresh_tags_glue_cells_stores_their_outputs_and_clears_the_rest(tmp_path):
    path = chapter(tmp_path, "n + 2")
    assert stated_figures.problems(nbformat.read(path, as_version=4)) == [
        "cell 2 glues a figure but is not tagged 'nbval-check-output'"
    ]
    assert stated_figures.refresh(path) is True
    stored = nbformat.read(path, as_version=4)
    assert stated_figures.problems(stored) == []
    assert stored.cells[2].outputs[0]["data"]["application/papermill.record/text/plain"] == "42"
    assert stored.cells[3].outputs == [] and stored.cells[1].outputs == []
    assert stated_figures.refresh(path) is False, "a second run changes nothing"


def test_nbval_fails_when_a_stated_figure_changes_until_it_is_stored_again(tmp_path):
    path = chapter(tmp_path, "n + 2")
    stated_figures.refresh(path)
    assert nbval(path).returncode == 0
    notebook = nbformat.read(path, as_version=4)
    notebook.cells[1].source = "from myst_nb import glue\n\nn = 41"  # the data changed: the page would say 43
    nbformat.write(notebook, path)
    failed = nbval(path)
    assert failed.returncode != 0 and "Cell outputs differ" in failed.stdout
    assert "42" in failed.stdout and "43" in failed.stdout
    stated_figures.refresh(path)  # on purpose: the new figure is stored, the diff shows it
    assert nbval(path).returncode == 0


def test_an_output_outside_a_glue_cell_is_named():
    notebook = new_notebook(
        cells=[
            new_code_cell(
                "1 + 1",
                execution_count=1,
                outputs=[nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)],
            )
        ]
    )
    assert stated_figures.problems(notebook) == [
        "cell 0 stores an output but states no figure: chapters stay output-free"
    ]
