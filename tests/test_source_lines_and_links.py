"""Sources lines and prose citations link into the library and keep titles as text."""

import re

import pandas as pd
import pytest

from asmhub_utils.chapters import data, source_lines, source_links, text


def test_sources_line_cites_every_source_into_the_library_and_links_the_original():
    frame = data.estimates().query("dataset == 'mercury'")
    line = source_lines.sources_line(frame)
    cited = {key for keys in re.findall(r"\{cite:(?:t|empty)\}`([^`]+)`", line) for key in keys.split(",")}
    assert cited == set(frame["source_id"])
    for url in data.with_sources(frame)["source_url"]:
        assert f"]({url})" in line


def test_a_publisher_with_many_documents_is_named_once():
    frame = data.estimates()
    sources = data.sources()
    publisher = sources["publisher"].value_counts().index[0]
    ids = sources.loc[sources["publisher"] == publisher, "source_id"]
    assert len(ids) > source_lines.GROUP_ABOVE
    line = source_lines.sources_line(frame[frame["source_id"].isin(ids)])
    assert line.count(source_links.markdown_text(publisher)) == 1
    assert f"{len(ids)} documents" in line


def test_sources_line_marks_low_reliability():
    frame = data.estimates().merge(data.sources().query("reliability == 'low'")[["source_id"]]).head(1)
    assert "(**low reliability**)" in source_lines.sources_line(frame)


def test_a_title_with_markup_stays_text():
    row = data.with_sources(data.estimates().head(1))
    row["source_title"] = "<script>alert(1)</script> [x](http://evil) *bold* $1 {cite}`k`"
    line = source_lines.sources_line(row)
    assert "<script>" not in line
    assert "&lt;script&gt;" in line
    assert "\\[x\\]" in line and "\\*bold\\*" in line and "\\$1" in line and "\\{cite\\}" in line


def test_cite_forms_and_bad_keys():
    assert source_links.cite("a-2020-abc") == "{cite:p}`a-2020-abc`"
    assert source_links.cite(["a", "b", "a"], "t") == "{cite:t}`a,b`"
    with pytest.raises(ValueError):
        source_links.cite("not a key`")
    with pytest.raises(ValueError):
        source_links.cite([])


def _figure(**fields) -> pd.Series:
    """A made-up figure row with the columns the prose needs (not today's data)."""
    base = {
        "value_text": "838",
        "value_low": 838.0,
        "value_high": 838.0,
        "value_central": 838.0,
        "qualifier": "",
        "value_kind": "number",
        "unit": "t/yr",
        "year": None,
        "source_id": "unep-2024-abc123",
    }
    return pd.Series(base | fields)


def test_cited_figure_in_prose():
    # an undated figure says so, as every table and chart does (display.row_year)
    assert source_links.cited(_figure()) == "838 tonnes a year, undated {cite:p}`unep-2024-abc123`"
    assert source_links.cited(_figure(year=2019)) == "838 tonnes a year in 2019 {cite:p}`unep-2024-abc123`"
    decade = _figure(year=None, year_text="1990s")
    assert source_links.cited(decade) == "838 tonnes a year in the 1990s {cite:p}`unep-2024-abc123`"
    ranged = _figure(value_text="380-870", value_low=380.0, value_high=870.0, value_central=None)
    assert source_links.cited(ranged) == "380\\-870 tonnes a year, undated {cite:p}`unep-2024-abc123`"  # MyST-escaped
    # the citation gives an undated figure's publication year: "undated (published 2024) [UNEP, 2024]" said it twice
    published = _figure(published_year=2024)
    assert source_links.cited(published) == "838 tonnes a year, undated {cite:p}`unep-2024-abc123`"


def test_word_shares_get_no_percent_sign():
    assert text.figure(pd.Series({"value_text": "around half", "unit": "percent"})) == "around half"
    assert text.figure(pd.Series({"value_text": "20", "unit": "percent"})) == "20%"


def test_spread_names_lowest_highest_and_latest_with_their_sources():
    """text.spread on made-up figures: no averaging, each end with its year and publisher, 'n.d.' when undated."""

    def row(value_text, low, high, year, publisher, published):
        return dict(
            value_text=value_text,
            value_low=low,
            value_high=high,
            value_central=low if low == high else None,
            qualifier="",
            value_kind="number",
            unit="persons",
            year=year,
            year_text="",
            published_year=published,
            source_publisher=publisher,
            source_year=published,
            plot_year=year,
        )

    rows = [
        row("100", 100.0, 100.0, 2010, "Pub A", 2011),
        row("400-500", 400.0, 500.0, None, "Pub B", None),
        row("300", 300.0, 300.0, 2020, "Pub C", 2021),
    ]
    assert text.spread(pd.DataFrame(rows)) == (
        "from 100 people in 2010 (Pub A, 2011) to 400-500 people, undated "
        "(Pub B, n.d.); most recent: 300 people in 2020 (Pub C, 2021)"
    )
    # The most recent figure named once, where it is an end of the spread (never "... in 2010 ...; most recent: ...
    # in 2010 ...", the same figure twice).
    assert text.spread(pd.DataFrame(rows[:1])) == "100 people in 2010 (Pub A, 2011), the most recent"
    assert text.spread(pd.DataFrame(rows[:2])) == (
        "from 100 people in 2010 (Pub A, 2011), the most recent, to 400-500 people, undated (Pub B, n.d.)"
    )
    assert text.spread(pd.DataFrame([rows[0], rows[2]])) == (
        "from 100 people in 2010 (Pub A, 2011) to 300 people in 2020 (Pub C, 2021), the most recent"
    )
    assert text.spread(pd.DataFrame(rows).assign(value_low=None, value_high=None, value_central=None)) == "no figure"
