"""What a page shows of a figure: its English reading, the source's words beside it, statements as statements,
caveats in plain words, never a compiler's working note (display.py, tables.py, profile_page.py), on fixtures."""

import re

import pandas as pd
from figure_rows import sourced_figure as row

from asmhub_utils.chapters import display, profile_page, tables


def test_the_reading_is_the_estimate_and_the_source_words_stand_beside_it_in_their_language():
    cell = tables.estimate_html(row())
    assert '<span class="asm-reading">up to 10,000 jobs</span>' in cell
    assert '<q lang="fr" dir="auto">jusqu&#x27;à 10 milles emplois</q>' in cell and "source\u2019s words" in cell


def test_english_words_the_reading_restates_are_not_repeated():
    english = row(value_text="about 60 percent", value_reading="about 60%", value_language="en", unit="percent")
    assert display.printed(english) == "" and "asm-printed" not in tables.estimate_html(english)


def test_a_statement_never_sits_in_an_estimate_column():
    said = row(
        record_id="r-2",
        value_text="14 au 15 novembre 2022",
        value_reading="14 to 15 November 2022",
        reading_kind="statement",
        indicator="validation workshop",
    )
    html = tables.estimates_table(pd.DataFrame([row(), said]))
    estimates = re.findall(r'data-label="Estimate"[^>]*>(.*?)</td>', html)
    assert len(estimates) == 1 and "novembre" not in estimates[0]
    assert '<li id="r-2">' in html and '<q lang="fr" dir="auto">14 au 15 novembre 2022</q>' in html
    assert "(14 to 15 November 2022)" in html


def test_a_page_shows_caveats_never_working_notes():
    shown = row(reader_note="Unverified claim, not a census.")
    html = tables.estimates_table(pd.DataFrame([shown]))
    assert "Caveat: unverified claim, not a census." in html
    assert "truncated" not in html and "stored excerpt" not in html
    page = profile_page.all_figures_html(pd.DataFrame([shown]))
    assert "Caveat: unverified claim" in page and "truncated" not in page and "Compiler" not in page


def test_no_profile_prints_a_code_path():
    page = profile_page.all_figures_html(pd.DataFrame([row()]))
    assert ".py" not in re.sub(r"<[^>]+>", "", page) and "asmhub-library:#how-reliability-is-judged" in page


def test_an_acronym_keeps_its_capitals_in_a_caveat():
    assert display.caveat(row(reader_note="ASGM only.")) == "Caveat: ASGM only."
