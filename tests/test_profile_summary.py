"""Profile summary box, every figure on the page, and the map's classes: all read data/countries.csv."""

import pandas as pd
import pytest

from asmhub_utils.chapters import data, display, maps, places, profile_page


def test_thin_country_says_asm_reported_no_national_count():
    figs = profile_page.figures("ARG")
    assert "ASM is reported; no national count" in profile_page.summary_html("ARG", figs)


def test_summary_gives_headline_range_year_what_it_counts_and_the_rule():
    figs = profile_page.figures("COD")
    box = profile_page.summary_html("COD", figs)
    import re

    assert "#headline-rule" in box
    box = re.sub(r"<[^>]+>", "", box)  # the words a reader reads
    assert "2,000,000 (range 1,800,000-2,500,000); year: 2007" in box and "counts all people working in ASM" in box
    assert "quoting CASM 2007" in box and "Women:" in box


def test_narrower_headline_says_so():
    row = data.countries().set_index("iso3").loc["SSD"]
    assert row["status"] == "narrower national"
    assert "narrower national count" in profile_page.summary_html("SSD", profile_page.figures("SSD"))


def test_every_figure_of_the_country_is_on_its_page():
    figs = profile_page.figures("GHA")
    page = profile_page.all_figures_html(figs)
    groups = figs.groupby("echo_group")
    for _, members in groups:  # each estimate once; its echoes named as "also quoted by"
        assert any(profile_page._e(display.figure(m)) in page for _, m in members.iterrows())
    import re

    # one row per estimate (a statement, not a quantity, is a list item), each with its permalink anchor
    rows = re.findall(r'<(?:tr|li) id="([^"]+)">', page)
    assert len(rows) == figs["echo_group"].nunique()
    assert set(rows) <= set(figs["record_id"])
    assert all(f'href="#{rid}"' in page for rid in rows)
    assert "also quoted by" in page


def test_long_groups_start_folded():
    page = profile_page.all_figures_html(profile_page.figures("COD"))
    assert "<details open>" in page and "<details><summary>" in page


def test_map_classes_no_national_count_is_its_own_class_never_zero():
    row = pd.Series({"status": "no national count", "central": None, "low": None, "high": None})
    assert maps.map_class(row) == maps.NO_COUNT_LABEL
    assert maps.map_class(pd.Series({"status": "national", "central": None, "low": None, "high": None})) is None
    values = places.headline_values()
    none = values[values["status"] == "no national count"]
    assert none["central"].isna().all() and none["low"].isna().all()


def test_profile_chart_and_sentence_use_national_counts_only():
    counts = profile_page.national_counts(profile_page.figures("COD"))
    assert (counts["coverage"] == "national").all()
    assert "seed-0168" not in set(counts["record_id"])  # the eastern-DRC site count is listed, not charted
    assert "independent estimates, quoted" in profile_page.miner_summary(counts)


def test_value_and_unit_are_separated_by_a_space():
    box = profile_page.summary_html("CMR", profile_page.figures("CMR"))
    assert ")kg" not in box and "kg kg" not in box and "kg/yr" not in box  # units as words, once


@pytest.mark.parametrize("iso3", ["CHN", "GHA", "BRA"])
def test_gold_output_is_never_a_mercury_figure(iso3):
    summary = profile_page.summary_html(iso3, profile_page.figures(iso3))
    gold = [line for line in summary.split("<li>") if line.startswith("<strong>Gold output")]
    assert all("mercury" not in line.lower() for line in gold), gold


def test_summary_lines_skip_low_reliability_and_zero_figures():
    import pandas as pd

    frame = pd.DataFrame(
        {
            "reliability": ["low", "primary", "primary"],
            "value_central": [5.0, 0.0, None],
            "year": [2020, 2021, 2019],
            "record_id": ["a", "b", "c"],
        }
    )
    assert profile_page._latest(frame)["record_id"] == "c"
    assert profile_page._latest(frame.iloc[:2]) is None


def test_a_unit_is_written_once():
    assert display.quantity("63 tonnes", "t/yr") == "63 tonnes"
    assert display.quantity("77%", "percent") == "77%"
    assert display.quantity("2000000", "persons") == "2 million people"


def test_the_mercury_line_never_shows_gold_output():
    frame = pd.DataFrame(
        {
            "indicator": ["ASGM gold produced", "mercury use in ASGM", "Hg lost"],
            "unit": ["kg/yr", "t/yr", "g Hg per g Au"],
        }
    )
    assert list(data.about_mercury(frame)["indicator"]) == ["mercury use in ASGM", "Hg lost"]
    figs = data.estimates()
    for iso3, _own in figs[figs["dataset"] == "mercury"].groupby("iso3"):
        mercury = dict(profile_page.SUMMARY_FACTS)["Mercury"](figs[figs["iso3"] == iso3])
        assert not (
            mercury["unit"].isin(["kg/yr", "t/yr", "t"]) & ~mercury["indicator"].str.contains("mercury", case=False)
        ).any(), iso3


@pytest.mark.parametrize("iso3", ["COD", "BRA", "GHA"])
def test_the_facts_computed_once_give_the_pages_they_give_computed_twice(iso3):
    """The template computes summary_facts once for the summary and the every-figure tables; both read as when each
    computes them itself."""
    figs = profile_page.figures(iso3)
    facts = profile_page.summary_facts(figs)
    assert profile_page.summary_html(iso3, figs, facts) == profile_page.summary_html(iso3, figs)
    assert profile_page.all_figures_html(figs, facts) == profile_page.all_figures_html(figs)
