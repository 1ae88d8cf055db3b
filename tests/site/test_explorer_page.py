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


def test_the_menu_switches_views_without_a_kernel_and_no_setup_commands(html_dir):
    """Served as a static host serves it, picking another country shows its chart and table on the page."""
    from playwright.sync_api import sync_playwright

    from asmhub_utils.site import first_visit

    text = (html_dir / PAGE).read_text(encoding="utf-8")
    assert "make setup" not in text and "jupyter lab" not in text
    with first_visit.serve(html_dir) as url, sync_playwright() as playwright:
        browser = first_visit.launch(playwright)
        page = browser.new_page(viewport={"width": 390, "height": 800})
        page.goto(url + PAGE)
        options = page.locator("#asm-explorer-select option")
        assert options.count() == len(explorer.choices())
        page.select_option("#asm-explorer-select", explorer.view_name(explorer.Choice("country", "COD")))
        view = page.locator(".asm-explorer-shown section.asm-explorer-view")
        view.wait_for(timeout=10000)
        assert view.locator("svg").count() == 1 and view.locator("table.asm-estimates").count() == 1
        assert "Congo" in view.get_attribute("aria-label")
        browser.close()
