"""What a reader sees on a phone (390 px) and on a desk (1280 px), in Debian's chromium.

No page scrolls sideways at 390 px; chart text is 11 px or more as displayed; a chart's mark names its value,
year and source on tap and links to the resource library; every figure row has a permalink that the
"Cite this page" block can cite; the Source column of estimates tables is on screen at 390 px; a search for
"mercury" puts the Mercury chapter first; the library has readable labels, a filter and BibTeX copy buttons.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import sync_playwright

from asmhub_utils.site import first_visit
from asmhub_utils.site.built_pages import book_pages

PHONE = {"width": 390, "height": 844}
THEME = "notebooks/themes/child_labour.html"


@pytest.fixture(scope="module")
def base_url(html_dir):
    with first_visit.serve(html_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser(html_dir):
    with sync_playwright() as playwright:
        browser = first_visit.launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def desk(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    "page", ["notebooks/primer.html", "notebooks/themes/gender.html", "notebooks/dashboard/amazon_mined_area.html"]
)
def test_charts_use_the_column_on_a_desk_screen(desk, base_url, page):
    desk.goto(base_url + page, wait_until="load")
    widths = desk.evaluate("""() => Array.from(document.querySelectorAll('svg.asm-chart')).map(svg => [
        svg.getBoundingClientRect().width, svg.parentElement.getBoundingClientRect().width])""")
    assert widths, f"no chart on {page}"
    narrow = [(round(w), round(column)) for w, column in widths if w < min(0.75 * column, 500)]
    assert not narrow, f"charts drawn narrow on {page} (chart px, column px): {narrow}"


MAP = "notebooks/places/map.html"
# The map is an inline SVG of vector shapes (chapters/svg_map.py): [its width, its column's width, shapes drawn].
MAP_SVG = """() => { const svg = document.querySelector('svg.asm-map-svg');
    return svg && [svg.getBoundingClientRect().width, svg.closest('.cell_output, figure').parentElement
                   .getBoundingClientRect().width, svg.querySelectorAll('path').length]; }"""


def test_the_map_fills_the_column_on_a_desk_screen(desk, base_url):
    """The map was a 422 px thumbnail at 1280 px: it is as wide as the column, drawn as vector shapes."""
    desk.goto(base_url + MAP, wait_until="load")
    shown, column, shapes = desk.evaluate(MAP_SVG)
    assert shown >= 0.9 * column and shown > 600, (shown, column)
    assert shapes > 100, shapes


def test_the_map_fills_the_column_on_a_phone(phone, base_url):
    phone.goto(base_url + MAP, wait_until="load")
    shown, column, shapes = phone.evaluate(MAP_SVG)
    assert 0.9 * column <= shown <= column + 1, (shown, column)
    assert shapes > 100, shapes


# Per paragraph or list item of the article: [text, characters of its text drawn bold (computed weight >= 600)].
_BOLD_SHARE = """() => Array.from(document.querySelectorAll('.bd-article p, .bd-article li'))
    .filter(block => !(block.tagName === 'P' && block.parentElement.tagName === 'LI')).map(block => {
    let all = 0, bold = 0;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('ul, ol') !== block.closest('ul, ol') && block.tagName === 'LI') continue;
        const n = node.textContent.replace(/\\s+/g, '').length;
        all += n;
        if (parseInt(getComputedStyle(node.parentElement).fontWeight, 10) >= 600) bold += n;
    }
    return [block.innerText.trim().slice(0, 90), all, bold];
})"""
BOLD_SHARE_MAX = 0.6  # a short bold lead (an indicator's name) is fine; a bold paragraph or source is not
BOLD_MIN_CHARS = 60  # a short line ("Sources:", a card label) may be all bold


# Every chart text drawn (even in part) outside its chart's box: [text, how far out in px]. Charts are written with
# their layout computed (chart_timeline.py) or checked (chart_layout.py) from the font's metrics; this measures the
# text as the browser draws it.
_CHART_TEXT_OUTSIDE = """() => Array.from(document.querySelectorAll('svg.asm-chart')).flatMap(svg => {
    const box = svg.getBoundingClientRect();
    return Array.from(svg.querySelectorAll('text')).map(t => {
        const r = t.getBoundingClientRect();
        const out = Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom);
        return [t.textContent, Math.round(out * 10) / 10];
    }).filter(([, out]) => out > 0.5);
})"""


@pytest.fixture(scope="module")
def phone_survey(phone, base_url, html_dir) -> dict[str, dict]:
    """Every page once at 390 px: its scroll width, the share of bold text in each paragraph or list item, and the
    chart text drawn outside its chart."""
    survey = {}
    for page in book_pages(html_dir):
        phone.goto(base_url + page, wait_until="load")
        survey[page] = {
            "width": phone.evaluate("document.documentElement.scrollWidth"),
            "blocks": phone.evaluate(_BOLD_SHARE),
            "outside": phone.evaluate(_CHART_TEXT_OUTSIDE),
        }
    return survey


def test_no_chart_text_is_cut_on_a_phone(phone_survey):
    cut = [f"{page}: {text!r} {out} px out" for page, s in phone_survey.items() for text, out in s["outside"]]
    assert not cut, "chart text drawn outside its chart:\n" + "\n".join(cut[:20])


def test_the_cut_text_check_sees_a_cut_label(phone, tmp_path):
    """The check above can fail: a label running past its chart's right edge is caught."""
    svg = (
        '<svg class="asm-chart" viewBox="0 0 100 50" style="width:100px">'
        '<text x="60" y="20" style="font-size:11px">a label too long</text></svg>'
    )
    (tmp_path / "c.html").write_text(f"<html><body>{svg}</body></html>")
    phone.goto(f"file://{tmp_path / 'c.html'}", wait_until="load")
    assert [text for text, _ in phone.evaluate(_CHART_TEXT_OUTSIDE)] == ["a label too long"]


def test_no_page_scrolls_sideways_on_a_phone(phone_survey):
    wide = [f"{page}: {s['width']} px" for page, s in phone_survey.items() if s["width"] > PHONE["width"] + 1]
    assert not wide, "pages wider than 390 px:\n" + "\n".join(wide[:20])


def _bold_blocks(blocks: list) -> list[str]:
    return [
        f"{round(100 * bold / total)}% bold: {text!r}"
        for text, total, bold in blocks
        if total >= BOLD_MIN_CHARS and bold > BOLD_SHARE_MAX * total
    ]


def test_no_paragraph_or_list_item_is_mostly_bold(phone_survey):
    """Bold is for a short lead (an indicator's name), never a whole paragraph or a source mid-sentence."""
    bad = [f"{page}: {b}" for page, s in phone_survey.items() for b in _bold_blocks(s["blocks"])]
    assert not bad, "paragraphs or list items mostly in bold:\n" + "\n".join(bad[:20])


def test_the_bold_check_sees_bold_glue(phone, tmp_path, html_dir):
    """The check above can fail: a list item whose glued text is bold (myst-nb's own style) is caught."""
    css = next(html_dir.glob("_static/mystnb*.css"), None)
    link = (
        f'<link rel="stylesheet" href="file://{css}">' if css else "<style>span.pasted-text{font-weight:bold}</style>"
    )
    item = (
        '<li><strong>People working in ASM</strong> (<span class="pasted-text">10 independent estimates</span>): '
        '<span class="pasted-text">from 6,000,000 people in 1993 (IGF / IISD, 2017) to nearly 45 million people, '
        "undated (CRED Foundation, n.d.)</span>.</li>"
    )
    (tmp_path / "p.html").write_text(
        f"<html><head>{link}</head><body><div class='bd-article'><ul>{item}</ul></div></body></html>"
    )
    phone.goto(f"file://{tmp_path / 'p.html'}", wait_until="load")
    assert _bold_blocks(phone.evaluate(_BOLD_SHARE))


@pytest.mark.parametrize(
    "page",
    [
        THEME,
        "notebooks/dashboard/headline_indicators.html",
        "notebooks/themes/child_labour.html",
        "notebooks/primer.html",
        "notebooks/dashboard/amazon_mined_area.html",
    ],
)
def test_chart_text_is_at_least_11px_on_a_phone(phone, base_url, page):
    phone.goto(base_url + page, wait_until="load")
    sizes = phone.evaluate("""() => Array.from(document.querySelectorAll('svg.asm-chart text')).map(t => {
        const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); })""")
    assert sizes, f"no chart text on {page}"
    assert min(sizes) >= 10.9, f"smallest chart text on {page}: {min(sizes):.1f} px"


@pytest.mark.parametrize("page", [THEME, "notebooks/dashboard/amazon_mined_area.html"])
def test_a_tapped_mark_names_its_source_and_links_to_the_library(phone, base_url, page):
    phone.goto(base_url + page, wait_until="load")
    mark = phone.locator("svg.asm-chart a.asm-mark").first
    title = mark.locator("title").text_content()
    assert "Reliability" in title and any(ch.isdigit() for ch in title)
    assert "library.html#src-" in mark.get_attribute("href")
    mark.tap()
    note = phone.locator("figure.asm-figure .asm-mark-note").first
    assert title.split(".")[0] in note.text_content()
    href = note.locator("a").get_attribute("href")
    anchor = href.split("#")[1]
    phone.goto(base_url + "book/library.html", wait_until="load")
    assert phone.locator(f"#{anchor}").count() == 1


def test_every_figure_row_has_a_permalink_the_cite_this_page_block_cites(phone, base_url):
    phone.goto(base_url + THEME, wait_until="load")
    rows = phone.evaluate("""() => Array.from(document.querySelectorAll('table.asm-estimates tbody tr[id]'))
        .map(r => [r.id, !!r.querySelector('a.asm-permalink[href="#' + r.id + '"]')])""")
    assert rows and all(has for _, has in rows)
    record = rows[0][0]
    phone.goto(base_url + THEME + "#" + record, wait_until="load")
    assert record in phone.locator(".asmhub-cite .asm-cite-figure").text_content()


def test_the_source_column_is_on_screen_at_390px(phone, base_url):
    phone.goto(base_url + THEME, wait_until="load")
    box = phone.locator("table.asm-estimates td[data-label=Source]").first.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_search_for_mercury_puts_the_mercury_chapter_first(phone, base_url):
    phone.goto(base_url + "search.html?q=mercury", wait_until="load")
    phone.wait_for_selector("#search-results ul.search li a", timeout=20000)
    first = phone.locator("#search-results ul.search li a").first.get_attribute("href")
    assert "themes/mercury" in first, first


def test_library_labels_filter_and_copy(phone, base_url):
    phone.goto(base_url + "book/library.html", wait_until="load")
    labels = phone.locator("div.citation span.label").all_text_contents()[:50]
    key = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{6}$")  # a BibTeX key (source_id), never a label
    assert labels and all(
        re.search(r" (\d{4}|n\.d\.)[a-z]?\]?$", label) and not key.search(label.strip("[]")) for label in labels
    ), labels[:5]
    assert phone.locator("button.asm-copy-bibtex").count() == phone.locator("div.citation").count()
    phone.select_option("#asm-filter-reliability", "low")
    # each shown entry's reliability as the build wrote it (window.ASMHUB_BIB, keyed by source id)
    shown = phone.evaluate(
        "Array.from(document.querySelectorAll('div.citation')).filter(d => !d.hidden)"
        ".map(d => (window.ASMHUB_BIB[d.id.replace(/^src-\\d+-/, '')] || {}).r)"
    )
    assert shown and set(shown) == {"low"}


def test_profiles_are_listed_and_linked_in_order_of_their_names(phone, base_url):
    """The Country profiles page lists them A to Z by name ('The Gambia' under G), and a profile's previous and
    next links are its neighbours in that list (the order Sphinx follows, sphinx_ext/country_index.py)."""
    phone.goto(base_url + "book/places/profiles.html", wait_until="load")
    listed = phone.evaluate("""() => Array.from(document.querySelectorAll('article a'))
        .filter(a => a.getAttribute('href').includes('profiles/'))
        .map(a => [a.textContent.trim(), a.getAttribute('href').split('/').pop()])""")
    key = [name.lower().removeprefix("the ") for name, _ in listed]
    assert len(listed) > 10 and key == sorted(key)
    middle = len(listed) // 2
    phone.goto(base_url + "notebooks/places/profiles/" + listed[middle][1], wait_until="load")
    previous = phone.locator("a.left-prev").get_attribute("href").split("/")[-1]
    following = phone.locator("a.right-next").get_attribute("href").split("/")[-1]
    assert (previous, following) == (listed[middle - 1][1], listed[middle + 1][1])


def test_a_first_search_costs_at_most_1mb(phone, html_dir, base_url):
    """Search index and page, gzip basis (benchmarks/page_weight.py prints both bases)."""
    reader = first_visit.Reader(phone.context.browser)
    visit = reader.load(base_url + "search.html?q=mercury")
    reader.page.wait_for_selector("#search-results ul.search li", timeout=20000)
    reader.page.wait_for_timeout(500)
    reader.close()
    weight = first_visit.gzip_bytes(html_dir, visit.local_urls)
    assert weight <= first_visit.SEARCH_TARGET, f"first search: {weight // 1024} KB ({len(visit.local_urls)} files)"
