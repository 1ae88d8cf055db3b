"""A contributed source title holding a script tag is shown as text, never run, on a built book page.

The page is built by Jupyter Book from a notebook whose outputs are made by the functions the chapters use
(`source_lines.sources_line`, `tables.estimates_table`) on data that went through `asmhub contribute`.
"""

import subprocess
import sys
from pathlib import Path

import nbformat

from asmhub_utils.chapters import data, source_lines, tables
from asmhub_utils.contrib import contribute, standard

ATTACK = "<script>alert(1)</script>"


def _notebook(markdown: str, table: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(
        "# outputs made in the test",
        outputs=[
            nbformat.v4.new_output("display_data", data={"text/markdown": markdown}),
            nbformat.v4.new_output("display_data", data={"text/html": table}),
        ],
    )
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Contributed figures"), cell])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def test_script_in_source_title_is_escaped_in_built_html(data_copy, fresh_loaders, tmp_path):
    contribution = tmp_path / "attack.csv"
    text = standard.render_example().replace("Example Research Institute", "Test NGO")
    text = text.replace("Artisanal and small-scale mining in Ghana", f"ASM survey {ATTACK}")
    contribution.write_text(text.replace("Survey of 12 districts", f"note {ATTACK}"), encoding="utf-8")
    contribute.contribute(contribution)

    figures = data.estimates().query("origin == 'contrib/attack.csv'")
    assert len(figures) == 3
    line = source_lines.sources_line(figures)
    table = tables.estimates_table(figures)

    book = tmp_path / "book"
    book.mkdir()
    nbformat.write(_notebook(line, table), book / "page.ipynb")
    (book / "_config.yml").write_text("title: test\nexecute:\n  execute_notebooks: 'off'\n", encoding="utf-8")
    (book / "_toc.yml").write_text("format: jb-book\nroot: page\n", encoding="utf-8")
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    subprocess.run([str(jupyter_book), "build", "-W", "-q", str(book)], check=True, capture_output=True, timeout=120)

    page = (book / "_build" / "html" / "page.html").read_text(encoding="utf-8")
    assert "alert(1)" in page, "the contributed title is on the page"
    assert "<script>alert(1)" not in page, "the title must never become a script element"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
