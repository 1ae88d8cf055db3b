"""One figure, one reading everywhere: reading what pages show of a record (record_views.py, beside this test)."""

import record_views
from figure_rows import sourced_figure

from asmhub_utils.chapters import tables

ROW = (
    '<tr id="seed-1"><td data-label="Year">1990s</td><td data-label="Estimate"><span class="asm-reading">about 4%'
    '</span></td><td data-label="What is counted">gold</td><td data-label="Source"><a href="x">Business Live</a> '
    "(2019)</td></tr>"
)
SUMMARY = (
    '<li data-record="seed-1"><strong>Gold:</strong> <span class="asm-reading">about 4%</span> (gold; '
    '<span data-label="Year">undated (published 2019)</span>; <span data-label="Source">Business Live</span>)'
    "</li>"
)


def test_a_record_shown_with_two_years_is_a_disagreement():
    shown = record_views.views(f"<table>{ROW}</table>", "a.html") + record_views.views(f"<ul>{SUMMARY}</ul>", "b.html")
    assert [(v.value, v.year, v.source) for v in shown] == [
        ("about 4%", "1990s", "Business Live"),
        ("about 4%", "undated (published 2019)", "Business Live"),
    ]
    assert list(record_views.disagreements(shown)) == ["seed-1"]


def test_the_same_number_in_other_words_agrees():
    row = ROW.replace("about 4%", "2 million people").replace("1990s", "2007")
    summary = SUMMARY.replace("about 4%", "2,000,000 (range 1,800,000-2,500,000)").replace(
        "undated (published 2019)", "2007"
    )
    shown = record_views.views(row, "a.html") + record_views.views(summary, "b.html")
    assert record_views.disagreements(shown) == {}


def test_rows_written_by_the_tables_module_are_read():
    import pandas as pd

    row = sourced_figure(indicator="jobs")
    html = tables.estimates_table(pd.DataFrame([row]))
    (view,) = record_views.views(html, "p.html")
    assert (view.record_id, view.value, view.year, view.source) == (
        "r-1",
        "up to 10,000 jobs",
        "undated (published 2019)",
        "Afrique-News",
    )
