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
