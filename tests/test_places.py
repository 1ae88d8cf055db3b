"""The country table and its data-quality grade."""

from pathlib import Path

import pandas as pd
import pytest

from asmhub_utils.chapters import data, places
from asmhub_utils.tidy import country_grade, minerals, schema


def figures(n: int, sources: int, latest: float | None, reliability: str | list[str]) -> pd.DataFrame:
    grades = reliability if isinstance(reliability, list) else [reliability] * n
    return pd.DataFrame(
        {"source_id": [f"s{i % sources}" for i in range(n)], "plot_year": [latest] * n, "source_reliability": grades}
    )


@pytest.mark.parametrize(("n", "points"), [(0, 0), (5, 0), (6, 1), (14, 1), (15, 2)])
def test_count_points(n, points):
    assert country_grade.count_points(n) == points


@pytest.mark.parametrize(("n", "points"), [(1, 0), (2, 1), (4, 1), (5, 2)])
def test_source_points(n, points):
    assert country_grade.source_points(n) == points


@pytest.mark.parametrize(("year", "points"), [(None, 0), (float("nan"), 0), (2014, 0), (2015, 1), (2019, 1), (2020, 2)])
def test_recency_points(year, points):
    assert country_grade.recency_points(year) == points


def test_reliability_points():
    assert country_grade.reliability_points(pd.Series(["low", "low"])) == 0
    assert country_grade.reliability_points(pd.Series(["secondary", "low"])) == 1
    assert country_grade.reliability_points(pd.Series(["primary", "secondary", "low"])) == 1
    assert country_grade.reliability_points(pd.Series(["primary", "secondary"])) == 2


def test_grade_letters_follow_the_documented_sums():
    assert country_grade.quality_grade(figures(15, 5, 2021, "primary")) == "A"  # 2+2+2+2 = 8
    assert country_grade.quality_grade(figures(6, 2, 2016, "primary")) == "B"  # 1+1+1+2 = 5
    assert country_grade.quality_grade(figures(6, 2, 2016, "secondary")) == "C"  # 1+1+1+1 = 4
    assert country_grade.quality_grade(figures(2, 1, 2000, "low")) == "D"  # 0
    assert country_grade.quality_grade(figures(2, 1, None, "primary")) == "D"  # 0+0+0+2 = 2


def test_no_figures_gets_a_dash():
    assert country_grade.quality_grade(figures(0, 1, None, "primary")) == country_grade.NO_DATA


def test_the_published_rule_says_what_the_functions_do():
    rule = country_grade.rule_markdown()
    assert "15 or more independent estimates" in rule and "**A** 7-8" in rule
    assert [country_grade.count_points(n) for n in (14, 15, 5, 6)] == [1, 2, 0, 1]
    assert [country_grade.source_points(n) for n in (1, 2, 4, 5)] == [0, 1, 1, 2]
    assert [country_grade.recency_points(y) for y in (2014, 2015, 2019, 2020, None)] == [0, 1, 1, 2, 0]
    ranges = {letter: f"**{letter}** {least}-{most}" for letter, least, most in zip("ABCD", (7, 5, 3, 0), (8, 6, 4, 2))}
    assert all(text in rule for text in ranges.values())
    assert all(country_grade.grade_letter(least) == letter for letter, least in country_grade.GRADE_POINTS.items())


def test_country_table_has_every_country_with_data_once():
    table = places.country_table()
    expected = places.country_figures()["iso3"].unique()
    assert len(table) == len(expected) >= 100
    assert table["ISO3"].is_unique and set(table["ISO3"]) == set(expected)
    assert list(table.columns) == list(places.TABLE_COLUMNS)
    assert set(table["Grade"]) <= {"A", "B", "C", "D", country_grade.NO_DATA}
    assert (table["Estimates"] >= table["Independent"]).all()


FIXTURES = Path(__file__).parent / "fixtures"


def test_table_words_the_headline_of_countries_csv():
    """Four made-up countries (tests/fixtures/countries.csv), one per way a headline is worded."""
    headlines = data._read(FIXTURES / "countries.csv", schema.COUNTRY_COLUMNS)
    table = places.country_table(headlines).set_index("ISO3")
    # A best estimate with its source's own minimum and maximum.
    assert table.loc["AAA", "Headline estimate"] == "80,000 (range 70,000-90,000)"
    assert table.loc["AAA", "Year"] == "2016" and table.loc["AAA", "What it counts"] == "all people in ASM"
    # A country with figures but no national count: a dash, and says so.
    assert table.loc["BBB", "Headline estimate"] == country_grade.NO_DATA
    assert table.loc["BBB", "What it counts"] == "ASM reported; no national count"
    assert table.loc["BBB", "Source"] == country_grade.NO_DATA
    # No plain number: the source's own words; no year given: "undated", never the publication year.
    assert table.loc["CCC", "Headline estimate"] == "about 2 million"
    assert table.loc["CCC", "Year"] == "undated" and table.loc["CCC", "Region"] == country_grade.NO_DATA
    # One number, no range; a narrower count says what it counts.
    assert table.loc["DDD", "Headline estimate"] == "1,200"
    assert table.loc["DDD", "What it counts"] == "narrower national count: one mineral only"
    assert list(table.index) == ["AAA", "BBB", "CCC", "DDD"]


def test_miner_counts_leave_out_women_dependants_and_zeros():
    counts = places.miner_counts(places.country_figures())
    # by what each figure is filed as measuring (a curated row may keep 'indirect' in its indicator's words while
    # counting the people working directly), never women, bounds, indirect jobs or livelihoods
    assert counts["measures"].isin(places.MINER_MEASURES).all()
    assert not counts["measures"].str.contains("women|bound|indirect|dependants|livelihood", case=False).any()
    assert (counts[["value_low", "value_high", "value_central"]].max(axis=1) > 0).all()


def test_minerals_are_split_normalised_and_ranked():
    cells = pd.Series(["gold", "gold, diamond", "gemstones (emerald, lapis), gold", None, "diamonds & coal"])
    assert minerals.main_minerals(cells) == ["gold", "diamonds", "coal"]


def test_one_mineral_map_for_every_grouping():
    assert minerals.same_mineral("Diamond") == "diamonds"
    assert minerals.same_mineral("semi-precious stones") == minerals.same_mineral("gemstone")
    assert minerals.same_mineral("copper") == "copper"


def test_profile_links_are_page_relative():
    assert (
        '<a href="profiles/GHA.html">Ghana</a> <small class="asm-code">GHA \u00b7 Africa</small>'
        in places.country_table_html(places.country_table())
    )


def test_country_table_html_sorts_numbers_as_numbers_and_escapes_text():
    import re

    table = places.country_table().head(3).copy()
    table.loc[0, ["Headline estimate", "Year", "Source"]] = [
        "1,250,000 (range 1,000,000-1,500,000)",
        "2017-2018",
        "<script>alert(1)</script> & Co",
    ]
    table.loc[1, ["Headline estimate", "Year"]] = ["–", "undated (published 2023)"]
    html = places.country_table_html(table)
    first = data.countries().set_index("iso3").loc[table.loc[0, "ISO3"]]
    expected = places.headline_order(first)  # the parsed figure, never the words shown
    assert (
        f'data-label="Headline estimate" data-order="{expected:.15g}"' in html
        if expected is not None
        else 'data-label="Headline estimate" class' in html
    )
    assert 'data-label="Year" data-order="2017"' in html
    assert re.search(r'data-label="Year"(?: class="[^"]*")?>undated \(published 2023\)<', html)  # sorts last
    assert "<script>alert" not in html and 'title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"' in html
    assert 'class="asm-sortable" data-noun="countries"' in html and "asmhub-table.js" in html
    # the card's first lines are the name, the estimate, its year, what it counts and the source
    assert re.search(r'<td data-label="Source">', html) and re.search(
        r'<td data-label="Main minerals"[^>]*class="asm-more"', html
    )


def test_one_country_figures_are_its_rows_of_all_country_figures():
    every = data.country_figures()
    ghana = data.country_figures("GHA")
    assert len(ghana) and set(ghana["iso3"]) == {"GHA"} and set(ghana["scope"]) == {"country"}
    assert sorted(ghana["record_id"]) == sorted(every.loc[every["iso3"] == "GHA", "record_id"])
    assert {"source_title", "plot_year", "year_basis"} <= set(ghana.columns)
    assert data.country_figures("XXX").empty


def test_kosovo_is_on_the_map_by_its_user_assigned_code():
    from asmhub_utils.chapters import maps

    assert "XKX" in set(maps.world()["iso_a3"])


def test_a_headline_in_words_reads_in_english_and_sorts_by_its_parsed_number():
    headlines = data.countries().head(2).copy()
    headlines.loc[
        headlines.index[0],
        [
            "headline_record_id",
            "headline_value_text",
            "headline_low",
            "headline_high",
            "headline_central",
            "headline_qualifier",
        ],
    ] = ["x-1", "jusqu'à 10 milles emplois", None, 10000.0, None, "up to"]
    headlines.loc[
        headlines.index[1],
        [
            "headline_record_id",
            "headline_value_text",
            "headline_low",
            "headline_high",
            "headline_central",
            "headline_qualifier",
        ],
    ] = ["x-2", "75 000", 75000.0, 75000.0, 75000.0, ""]
    table = places.country_table(headlines)
    assert "up to 10,000" in set(table["Headline estimate"])
    assert "jusqu'à" not in " ".join(table["Headline estimate"])
    html = places.country_table_html(table)
    assert 'data-order="10000">up to 10,000<' in html and 'data-order="75000">75,000<' in html


def test_an_editors_decision_on_a_headline_is_shown_in_the_table():
    headlines = data.countries()
    decided = data.estimates()
    decided = decided[decided["curation"] != ""]
    picked = headlines[headlines["headline_record_id"].isin(decided["record_id"])]
    if picked.empty:  # make one: the first headline with a decision of the editors
        headlines = headlines.copy()
        rid = headlines.loc[headlines["headline_record_id"] != "", "headline_record_id"].iloc[0]
        from unittest import mock

        frame = data.estimates().copy()
        frame.loc[frame["record_id"] == rid, "curation"] = "measures set by curation: a workforce, not all miners"
        with mock.patch.object(data, "estimates", return_value=frame):
            table = places.country_table(headlines)
    else:
        table = places.country_table(headlines)
    assert table["What it counts"].str.contains("Editors' decision on ").any()


def test_a_computed_share_of_women_reads_as_the_share_and_its_two_figures(monkeypatch):
    """A tapped mark of the women chart read '30,000 women' beside a dot drawn at 15%: the mark names the
    computed share, with the women's figure and the total it is computed from."""
    from asmhub_utils.chapters import charts, display, series

    common = dict(scope="country", dataset="miners_by_country", iso3="LBR", source_id="s1", year=2015.0)
    rows = pd.DataFrame(
        [
            dict(common, indicator="female ASM miners (estimate)", value_central=30000.0, value_reading="30,000 women"),
            dict(common, indicator="ASM miners (inventory best estimate)", value_central=200000.0, value_reading=""),
        ]
    ).assign(source_year=2022.0)
    monkeypatch.setattr(data, "estimates", lambda: rows)
    share = series.derived_female_shares().iloc[0]
    assert share["value_central"] == 15.0
    assert charts.mark_title(share).startswith("15% (30,000 women of 200,000 miners), 2015. ")
    assert display.figure(share) == "30,000 women"  # the women's record reads as it does everywhere else
