"""The book has its six parts, and the primer shows its chart with sources."""

import re

PARTS = ["Primer", "Data dashboard", "Places", "Themes", "Resource library", "Contribute data"]


def test_landing_page_links_every_part(html_dir):
    index = (html_dir / "book" / "index.html").read_text(encoding="utf-8")
    for part in PARTS:
        assert part in index
    targets = re.findall(r'href="([^"#]+\.html)', (html_dir / "book" / "index.html").read_text(encoding="utf-8"))
    for target in targets:
        if not target.startswith("http"):
            assert (html_dir / "book" / target).resolve().exists(), target


def test_primer_shows_its_chart_sources_and_download(html_dir):
    primer = next(html_dir.rglob("*primer*.html")).read_text(encoding="utf-8")
    assert re.search(r'<svg[^>]+aria-label="Chart: People working directly in ASM', primer)
    assert "Sources:" in primer
    assert re.search(r'href="[^"]*downloads/primer-global-workforce\.csv"', primer)
    assert (html_dir / "downloads" / "primer-global-workforce.csv").exists()


def test_no_file_name_is_linked_as_a_web_host(pages):
    """Fuzzy linkify once made `REPORT.md` a link to http://REPORT.md on profiles."""
    import re

    file_host = re.compile(r'href="https?://[^"/]+\.(md|py|csv|json|yml|ipynb)/?"', re.IGNORECASE)
    offenders = [f"{p.name}: {m.group(0)}" for p in pages for m in file_host.finditer(p.read_text("utf-8"))]
    assert not offenders, offenders[:10]


def test_no_page_counts_in_hedged_plurals(pages):
    """'3 figure(s)' reads as machine output: counts go through display.count."""
    import re

    hedged = re.compile(r"\b\d[\d,]* [a-z ]*?\w\(s\)")
    offenders = [f"{p.name}: {m.group(0)}" for p in pages for m in hedged.finditer(p.read_text("utf-8"))]
    assert not offenders, offenders[:10]


_REPO_PATH = re.compile(
    r"\bdata/(?:estimates|countries|sources|curation|corrections)\.csv\b|\basmhub_utils/[\w/]+\.py\b"
)
_FOR_CONTRIBUTORS = ("contribute", "changelog")


def _prose(page_html: str) -> str:
    """The reader's text of a page's main column: no scripts, no code cells (their source is the book's code)."""
    main = re.search(r"<main.*?</main>", page_html, flags=re.S)
    text = main.group(0) if main else page_html
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", text, flags=re.S)
    text = re.sub(r'<div class="cell_input.*?</div>\s*</div>', " ", text, flags=re.S)
    return re.sub(r"<[^>]+>", " ", text)


def test_reader_pages_name_no_repository_file(html_dir, pages):
    """Compilers' paths stay in the code: a reader page says 'the book's figures table', not data/estimates.csv.
    The contribution pages and the changelog address contributors and keep them."""
    offenders = [
        f"{p.relative_to(html_dir)}: {m.group(0)}"
        for p in pages
        if not any(word in p.as_posix() for word in _FOR_CONTRIBUTORS)
        for m in _REPO_PATH.finditer(_prose(p.read_text("utf-8")))
    ]
    assert not offenders, offenders[:10]


def test_the_sidebar_stops_above_the_profiles_and_a_page_lists_them_all(html_dir):
    """108 profiles in every page's sidebar cost a fifth of the Jupyter Book phase and ~9 KB a page: the sidebar lists
    the parts and their pages; the Country profiles page links to every profile, A to Z."""
    from bs4 import BeautifulSoup

    profiles = sorted(p.stem for p in (html_dir / "notebooks" / "places" / "profiles").glob("*.html"))
    assert len(profiles) > 50
    for page in ("book/index.html", "notebooks/places/profiles/GHA.html", "notebooks/places/map.html"):
        nav = BeautifulSoup((html_dir / page).read_text(encoding="utf-8"), "html.parser").select_one("nav.bd-docs-nav")
        links = [a["href"] for a in nav.find_all("a", href=True)]
        assert any("country_table" in href for href in links), page
        assert not [href for href in links if "/profiles/" in href or href.startswith("../profiles/")], page
    listing = BeautifulSoup((html_dir / "book/places/profiles.html").read_text(encoding="utf-8"), "html.parser")
    linked = {a["href"].rsplit("/", 1)[-1].removesuffix(".html") for a in listing.select("article a[href]")}
    assert set(profiles) <= linked
