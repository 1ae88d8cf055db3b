"""Search in chromium: another name of a country finds its profile first; a topic finds its chapter before any
country profile."""

from __future__ import annotations

import pytest


def _results(site, query: str) -> list[str]:
    url, browser = site
    page = browser.new_page()
    page.goto(f"{url}search.html?q={query}")
    page.wait_for_selector("#search-results li", timeout=20000)
    hrefs = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
    page.close()
    return hrefs


@pytest.mark.parametrize("query, code", [("DRC", "COD"), ("Congo-Kinshasa", "COD"), ("Ivory%20Coast", "CIV")])
def test_other_names_of_a_country_find_its_profile_first(site, query, code):
    assert f"profiles/{code}.html" in _results(site, query)[0]


def test_a_topic_finds_its_chapter_before_profiles(site):
    results = _results(site, "child%20labour")
    assert "themes/child_labour.html" in results[0]
    first_profile = next((i for i, href in enumerate(results) if "/profiles/" in href), len(results))
    chapters = [i for i, href in enumerate(results) if "/profiles/" not in href]
    assert first_profile > min(chapters)


TOP = 5  # results a reader sees without scrolling on a desk screen


def _results_with_snippets(site, query: str) -> tuple[list[str], list[str]]:
    """The result links and, for the first TOP results, the text shown under each (waits for it)."""
    url, browser = site
    page = browser.new_page()
    page.goto(f"{url}search.html?q={query}")
    page.wait_for_selector("#search-results li", timeout=20000)
    page.wait_for_function(
        f"""() => {{
            const items = [...document.querySelectorAll('#search-results li')].slice(0, {TOP});
            return items.length > 0 && items.every((li) => li.querySelector('.asm-search-snippet'));
        }}""",
        timeout=20000,
    )
    hrefs = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
    snippets = page.eval_on_selector_all(
        f"#search-results li:nth-child(-n+{TOP}) .asm-search-snippet", "ps => ps.map(p => p.textContent)"
    )
    marked = page.eval_on_selector_all("#search-results .asm-search-snippet mark", "ms => ms.map(m => m.textContent)")
    page.close()
    assert marked, "no query word is marked in a snippet"
    return hrefs, snippets


@pytest.mark.parametrize(
    "query, first, words",
    [
        ("DRC", "profiles/COD.html", ("congo",)),  # searched as the book's name of the country
        ("gold%20mercury", "themes/mercury.html", ("gold", "mercury")),
    ],
)
def test_each_top_result_shows_the_words_around_the_match(site, query, first, words):
    hrefs, snippets = _results_with_snippets(site, query)
    assert first in hrefs[0], hrefs[:3]
    assert len(snippets) == min(TOP, len(hrefs))
    for snippet in snippets:
        assert any(word in snippet.lower() for word in words), snippet
        assert len(snippet) < 300, snippet  # a line or two around the match, not the page


def test_snippets_are_fetched_only_for_the_results_in_view(site):
    """Sphinx's summaries fetched every result's page (a search for "mercury": 7.9 MB); the snippets fetch the
    page text of the results near the screen only."""
    url, browser = site
    page = browser.new_page(viewport={"width": 390, "height": 844})
    fetched = []
    page.on("request", lambda request: "_searchtext/" in request.url and fetched.append(request.url))
    page.goto(f"{url}search.html?q=mercury")
    page.wait_for_selector("#search-results li .asm-search-snippet", timeout=20000)
    page.wait_for_timeout(1500)
    results = page.eval_on_selector_all("#search-results li", "items => items.length")
    page.close()
    assert results > 30, results
    assert 0 < len(fetched) < results / 2, (len(fetched), results)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_search_box_icon_does_not_cover_the_query(site, width):
    """Without the theme's icon script the magnifier stayed an <i> placed absolutely over the query's first
    letters ("Qhe Democratic Republic ...")."""
    url, browser = site
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{url}search.html?q=gold")
    icon = page.locator(".bd-search-container form.bd-search > i.fa-magnifying-glass").bounding_box()
    box = page.locator(".bd-search-container form.bd-search input").bounding_box()
    page.close()
    assert icon["x"] + icon["width"] <= box["x"] + 1, (icon, box)


def test_the_count_of_results_reads_as_the_book_writes(site):
    """Sphinx's "found 13 page(s)" is machine output; the count says "Pages that match the search: 13."."""
    url, browser = site
    page = browser.new_page()
    page.goto(f"{url}search.html?q=mercury")
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('#search-results p.search-summary')?.textContent || '')"
    )
    status = page.text_content("#search-results p.search-summary")
    page.close()
    assert "(s)" not in status and status.startswith("Pages that match the search: "), status
