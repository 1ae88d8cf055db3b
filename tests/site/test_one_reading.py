"""One figure, one reading everywhere, and pages written for readers, read from the built book."""

import re

import record_views
from bs4 import BeautifulSoup

from asmhub_utils.chapters import data
from asmhub_utils.site import built_pages

WORKING_NOTES = re.compile(
    r"Compiler.s note|stored excerpt|column-scrambled|as quoted in sheet|"
    r"title reconstructed from URL",
    re.I,
)
CODE_PATH = re.compile(r"asmhub_utils/|\b[a-z_]+/[a-z_]+\.py\b")


def _pages(html_dir):
    return built_pages.book_pages(html_dir)


def _visible(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "head", "noscript"]):
        hidden.decompose()
    main = soup.find("main") or soup
    return " ".join(main.get_text(" ").split())


def test_a_record_reads_the_same_wherever_it_appears(html_dir):
    shown = record_views.site_views(html_dir, _pages(html_dir))
    assert len({v.record_id for v in shown}) > 500  # the profiles and the themes mark their figures
    differ = record_views.disagreements(shown)
    report = [
        f"{rid}: " + " | ".join(f"{v.page}: {v.value} / {v.year} / {v.source}" for v in views)
        for rid, views in list(differ.items())[:15]
    ]
    assert not differ, "\n".join(report)


def test_no_page_prints_a_code_path_or_a_working_note(html_dir):
    offenders = []
    for page in _pages(html_dir):
        if page.startswith("notebooks/contribute") or page.startswith("book/contribute"):
            continue  # the contribution guide tells contributors which command and file to use
        text = _visible((html_dir / page).read_text(encoding="utf-8"))
        for pattern in (CODE_PATH, WORKING_NOTES):
            found = pattern.search(text)
            if found:
                offenders.append(f"{page}: …{text[max(0, found.start() - 60) : found.end() + 40]}…")
    assert not offenders, "\n".join(offenders[:20])


def test_no_statement_sits_in_an_estimate_column(html_dir):
    estimates = data.estimates()
    statements = set(estimates.loc[estimates["reading_kind"] == "statement", "record_id"])
    offenders = []
    for page in _pages(html_dir):
        soup = BeautifulSoup((html_dir / page).read_text(encoding="utf-8"), "html.parser")
        offenders += [
            f"{page}: {row['id']}"
            for row in soup.select("tr[id]")
            if row["id"] in statements and row.select_one('[data-label="Estimate"]')
        ]
    assert not offenders, offenders[:20]


def test_a_value_printed_outside_english_is_shown_with_its_english_reading(html_dir):
    estimates = data.estimates().set_index("record_id")
    foreign = estimates[~estimates["value_language"].isin(["", "en"])]
    missing = []
    for page in _pages(html_dir):
        soup = BeautifulSoup((html_dir / page).read_text(encoding="utf-8"), "html.parser")
        for node in soup.select("tr[id], li[id], li[data-record]"):
            rid = node.get("data-record") or node["id"]
            if rid not in foreign.index:
                continue
            text = " ".join(node.get_text(" ").split())
            words, reading = foreign.loc[rid, "value_text"], foreign.loc[rid, "value_reading"]
            if " ".join(str(words).split()) in text and reading not in text:  # the source's words alone
                missing.append(f"{page}: {rid}")
    assert not missing, missing[:20]
