"""The chapter pre-run fills Jupyter Book's cache so that the build finds each chapter cached."""

import nbformat
from jupyter_cache import get_cache

from asmhub_utils import paths
from asmhub_utils.execute import prerun


def test_chapters_are_the_toc_notebooks_without_generated_profiles():
    found = prerun.chapters()
    assert paths.NOTEBOOKS / "primer.ipynb" in found
    assert any(p.parent.name == "themes" for p in found)
    assert not any("profiles" in p.parts for p in found)


def test_a_prerun_notebook_matches_in_the_cache_with_its_outputs(tmp_path, monkeypatch):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# t"),
        nbformat.v4.new_code_cell(f"import os\nprint(os.getcwd() == {str(tmp_path)!r}, 6 * 7)"),
    ]
    path = tmp_path / "tiny.ipynb"
    nbformat.write(notebook, path)
    monkeypatch.setattr(prerun, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(prerun, "chapters", lambda: [path])

    done, failed = prerun.run(jobs=1)

    assert (done, failed) == ([path], [])
    record = get_cache(str(tmp_path / "cache")).match_cache_notebook(nbformat.read(path, as_version=4))
    cached = get_cache(str(tmp_path / "cache")).get_cache_bundle(record.pk).nb
    outputs = [c for c in cached.cells if c.cell_type == "code"][0].outputs
    assert outputs[0]["text"] == "True 42\n", "runs in the notebook's own folder, like Jupyter Book"


def _only_chapter(path, code: str, monkeypatch) -> None:
    """A one-cell notebook at `path`, the pre-run's only chapter, cached beside it."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(code)]
    nbformat.write(notebook, path)
    monkeypatch.setattr(prerun, "CACHE", path.parent / "cache")
    monkeypatch.setattr(prerun, "chapters", lambda: [path])


def test_a_failing_notebook_is_reported_and_not_cached(tmp_path, monkeypatch):
    _only_chapter(tmp_path / "bad.ipynb", "raise ValueError('boom')", monkeypatch)

    done, failed = prerun.run(jobs=1)

    assert done == [] and len(failed) == 1 and "bad.ipynb" in failed[0]
    assert get_cache(str(tmp_path / "cache")).list_cache_records() == []


def test_kernels_that_cannot_start_leave_the_chapters_to_jupyter_book_in_one_line(tmp_path, monkeypatch, capsys):
    """No kernel of the pool starts: the pre-run caches nothing and says so in one line, no traceback; Jupyter
    Book then runs the chapters and reports what stops them."""
    from asmhub_utils.execute import kernel_start

    _only_chapter(tmp_path / "tiny.ipynb", "1", monkeypatch)
    monkeypatch.setattr(kernel_start, "LAUNCHER", "asmhub_utils.execute.no_such_launcher")

    assert prerun.main(["--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "pre-run: nothing cached: the notebook kernel ended before it was ready" in err
    assert "Traceback" not in err
