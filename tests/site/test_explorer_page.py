"""The explorer page in the static book: the default view is a real chart, table, sources line and download; the
menu (ipywidgets, for JupyterLab and Binder readers) leaves no dead widget and loads no widget script."""

import re

from asmhub_utils.chapters import explorer

PAGE = "notebooks/dashboard/explorer.html"


def test_the_book_shows_the_default_view(html_dir):
    page = (html_dir / PAGE).read_text(encoding="utf-8")
    assert re.search(r'<svg[^>]+aria-label="Chart: [^"]{10,}"', page), "the default view's chart"
    assert 'class="asm-estimates"' in page and "<tr id=" in page, "the default view's table"
    assert explorer.DEFAULT.label in page and "Sources:" in page and "Data years:" in page
    links = re.findall(r'href="([^"]*downloads/[^"]+\.csv)"', page)
    assert links and all((html_dir / PAGE).parent.joinpath(link).resolve().is_file() for link in links)


def test_the_menu_leaves_no_dead_widget_and_no_widget_script(html_dir):
    page = (html_dir / PAGE).read_text(encoding="utf-8")
    assert "widget-view+json" not in page and "Pick another view" not in page
    assert not re.search(r"<script[^>]+src=\"[^\"]*(require|embed-amd|html-manager)", page)
