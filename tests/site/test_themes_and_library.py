"""The six theme chapters and the resource library, as built."""

import html
import re

import pytest

from asmhub_utils.chapters import data
from asmhub_utils.tidy import source_groups

THEMES = ["gender", "mercury", "child", "safety", "formalisation", "critical"]


def theme_page(html_dir, word):
    found = [p for p in (html_dir / "notebooks" / "themes").glob("*.html") if word in p.name]
    assert len(found) == 1, f"expected one theme page with '{word}' in its name, found {found}"
    return found[0].read_text(encoding="utf-8")


def article(page: str) -> str:
    return page[page.index("<article") : page.index("</article>")]


@pytest.mark.parametrize("word", THEMES)
def test_theme_page_has_a_chart_with_alt_text_and_sources(html_dir, word):
    body = article(theme_page(html_dir, word))
    charts = re.findall(r'<svg[^>]*class="asm-chart"[^>]*>', body)  # inline SVG charts (charts.publish)
    assert all(re.search(r'aria-label="[^"]{20,}"', chart) for chart in charts), f"{word}: chart without a label"
    images = re.findall(r"<img[^>]*>", body)
    assert images or charts, f"{word}: no chart"
    for image in images:
        assert re.search(r'alt="[^"]{20,}"', image), f"{word}: chart without alt text: {image[:120]}"
        src = re.search(r'src="([^"]+)"', image).group(1)
        assert (html_dir / "notebooks" / "themes" / src).resolve().exists(), src
    assert "Sources:" in body or "Source:" in body
    assert re.search(r'href="[^"]*downloads/[a-z0-9_-]+\.csv"', body)


@pytest.mark.parametrize("word", THEMES)
def test_theme_page_has_a_gaps_section(html_dir, word):
    body = article(theme_page(html_dir, word))
    assert re.search(r"<h2>What the data does not tell us", body)
    gaps = body[body.index("What the data does not tell us") :]
    assert gaps.count("<li>") >= 3


@pytest.mark.parametrize("word", THEMES)
def test_theme_page_cites_into_the_library_and_leaves_no_raw_markup(html_dir, word):
    body = article(theme_page(html_dir, word))
    assert len(re.findall(r'href="[^"]*library\.html#', body)) >= 3
    for raw in ("{cite", "{glue", "]("):
        assert raw not in body, f"{word}: unrendered {raw!r}"


@pytest.fixture(scope="module")
def library(html_dir) -> str:
    return (html_dir / "book" / "library.html").read_text(encoding="utf-8")


def test_library_lists_every_source_url(library):
    hrefs = {html.unescape(h) for h in re.findall(r'href="([^"]+)"', library)}
    missing = [u for u in data.sources()["url"] if u not in hrefs]
    assert not missing, missing[:10]


def test_library_has_one_entry_per_source_under_each_group(library):
    assert len(re.findall(r'role="listitem"', library)) == len(data.sources())
    for group in source_groups.GROUPS:
        assert f">{group}<" in library


def test_library_marks_low_reliability_and_secondary_sources(library):
    entries = re.findall(r'role="listitem">(.*?)</div>', library, re.S)
    by_url: dict[str, list[str]] = {}  # several sources can share a page (publisher as cited differs)
    for e in entries:
        for href in re.findall(r'href="(http[^"]+)"', e):
            by_url.setdefault(html.unescape(href), []).append(html.unescape(re.sub(r"<[^>]+>", "", e)))
    label = {"low": "Low-reliability source", "secondary": "Secondary source", "primary": "Primary source"}
    for _, source in data.sources().iterrows():
        texts = [t for t in by_url[source["url"]] if source["publisher"] in t]
        assert texts and any(label[source["reliability"]] in t for t in texts), source["source_id"]


def test_every_theme_sources_link_reaches_a_library_entry(html_dir, library):
    ids = set(re.findall(r'<div class="citation" id="([^"]+)"', library))
    for word in THEMES:
        targets = re.findall(r'href="[^"]*library\.html#([^"]+)"', theme_page(html_dir, word))
        assert targets and set(targets) <= ids, word


def test_primer_sources_line_cites_into_the_library(html_dir):
    primer = (html_dir / "notebooks" / "primer.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*library\.html#', primer)
