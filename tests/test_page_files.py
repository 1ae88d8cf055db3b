"""A download or picture a page links to comes back when deleted: its notebook counts as not run (page_files)."""

import nbformat
from jupyter_cache import get_cache

from asmhub_utils.execute import page_files, prerun, profiles

LINKS = (
    'Sources ... <a href="../../downloads/gold-output.csv" download>Download</a> '
    '<img src="../../figures/map-phone.png" srcset="../../figures/map-phone.png 1x">'
    '<a href="./downloads/primer-spread.csv">x</a> <a href="downloads.html">not a file</a>'
)


def test_the_files_a_page_links_to_are_read_from_its_outputs():
    assert page_files.linked(LINKS) == {
        "downloads/gold-output.csv",
        "figures/map-phone.png",
        "downloads/primer-spread.csv",
    }


def test_a_missing_file_is_named(tmp_path):
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads" / "gold-output.csv").write_text("a\n")
    assert page_files.missing(LINKS, tmp_path) == ["downloads/primer-spread.csv", "figures/map-phone.png"]


def _tiny_chapter(folder, extra):
    """A chapter whose output links to downloads/tiny.csv, written when it runs (as save_csv does)."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "from pathlib import Path\nfrom IPython.display import HTML\n"
            f"Path({str(extra / 'downloads')!r}).mkdir(parents=True, exist_ok=True)\n"
            f"Path({str(extra / 'downloads' / 'tiny.csv')!r}).write_text('a\\n1\\n')\n"
            "HTML('<a href=\"../downloads/tiny.csv\" download>Download</a>')"
        )
    ]
    path = folder / "tiny.ipynb"
    nbformat.write(notebook, path)
    return path


def test_a_cached_chapter_whose_download_was_deleted_runs_again(tmp_path, monkeypatch):
    extra = tmp_path / "site_extra"
    path = _tiny_chapter(tmp_path, extra)
    monkeypatch.setattr(page_files, "SITE_EXTRA", extra)
    monkeypatch.setattr(page_files.missing, "__defaults__", (extra,))
    monkeypatch.setattr(prerun, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(prerun, "chapters", lambda: [path])
    assert prerun.run(jobs=1) == ([path], [])
    cache = get_cache(str(tmp_path / "cache"))
    assert prerun.uncached([path], cache) == [], "cached, and its download is there"

    (extra / "downloads" / "tiny.csv").unlink()
    assert prerun.uncached([path], cache) == [path]
    assert prerun.run(jobs=1) == ([path], [])
    assert (extra / "downloads" / "tiny.csv").read_text() == "a\n1\n"


def test_a_profile_whose_download_was_deleted_is_stale(tmp_path, monkeypatch):
    extra = tmp_path / "site_extra"
    (extra / "downloads").mkdir(parents=True)
    (extra / "downloads" / "profile-gha.csv").write_text("a\n")
    notebook = tmp_path / "GHA.ipynb"
    notebook.write_text('{"outputs": "<a href=\\"../../../downloads/profile-gha.csv\\">"}')
    monkeypatch.setattr(page_files.notebook_misses_files, "__defaults__", (extra,))
    monkeypatch.setattr(profiles, "inputs", lambda: [notebook])
    monkeypatch.setattr(profiles, "is_fresh", lambda output, newest: True)
    assert profiles.stale(["GHA"], tmp_path) == []
    (extra / "downloads" / "profile-gha.csv").unlink()
    assert profiles.stale(["GHA"], tmp_path) == ["GHA"]


def test_the_notebooks_opening_under_a_chart_is_one_helper(tmp_path, monkeypatch):
    """Sources, then the CSV of exactly these figures: what 20 notebook cells wrote out in two calls."""
    from asmhub_utils.chapters import data, downloads, source_lines, tables

    monkeypatch.setattr(downloads, "DOWNLOADS", tmp_path / "downloads")
    frame = data.dated(data.estimates().head(5))
    text = downloads.sources_and_figures(frame, "five-figures", prefix="Sources here")
    assert text == (
        source_lines.sources_line(frame, prefix="Sources here")
        + "\n\n"
        + downloads.save_csv(tables.figures_for_download(frame), "five-figures")
    )
    assert (tmp_path / "downloads" / "five-figures.csv").read_text().count("\n") == 6
