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
