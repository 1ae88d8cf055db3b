"""One headline per country by one rule (asmhub_utils/tidy/headline.py).

The rule's behaviour is pinned on fixture rows (`figure_rows.figure`); the tests named `test_todays_data_...` check
cases from today's data/ (a contributor's new figure may change them on purpose: then update them with the reason)."""

import pandas as pd
import pytest
from figure_rows import country
from figure_rows import figure as fig

from asmhub_utils.chapters import data
from asmhub_utils.tidy import headline, schema


@pytest.fixture(scope="module")
def countries() -> pd.DataFrame:
    return data.countries().set_index("iso3")


def test_todays_data_drc_headline_is_the_national_2_million_not_the_eastern_site_count(countries):
    drc = countries.loc["COD"]
    assert (drc["status"], drc["headline_central"], drc["headline_year"]) == ("national", 2_000_000, 2007)
    assert drc["headline_quotes"] == "CASM 2007" and drc["headline_coverage"] == "national"
    assert drc["headline_record_id"] != "seed-0168"  # 132,320 miners at 829 surveyed sites in the east


def test_todays_data_cameroon_never_shows_the_dam_count(countries):
    cmr = countries.loc["CMR"]
    assert cmr["headline_record_id"] != "seed-0145"  # 5,357 miners asked to leave sites flooded by a dam
    assert cmr["status"] in ("narrower national", "no national count")


@pytest.mark.parametrize(
    "iso3,central,year",
    [
        ("MAR", 100_000, 2017),
        ("SLE", 350_000, 2018),
        ("BFA", 1_000_000, 2017),
        ("IDN", 3_600_000, 2018),
        ("ZMB", 500_000, 2017),
        ("CHN", 9_000_000, 2002),
    ],
)
def test_todays_data_all_asm_national_estimate_wins(countries, iso3, central, year):
    row = countries.loc[iso3]
    assert (row["status"], row["headline_measure"]) == ("national", "all people in ASM")
    assert (row["headline_central"], row["headline_year"]) == (central, year)


def test_todays_data_zambia_shows_the_other_estimates_beside_the_headline(countries):
    assert (countries.loc["ZMB", "others_low"], countries.loc["ZMB", "others_high"]) == (30_000, 80_000)


def test_todays_data_india_headline_is_one_estimate_not_the_literature_range(countries):
    india = data.estimates().set_index("record_id").loc[countries.loc["IND", "headline_record_id"]]
    assert "range across literature" not in india["indicator"]


def test_no_headline_is_dependants_regional_site_zero_or_low(countries):
    figures = data.estimates().set_index("record_id")
    chosen = figures.loc[countries["headline_record_id"].replace("", pd.NA).dropna()]
    assert set(chosen["measures"]) <= {
        "all people in ASM",
        "one mineral only",
        "registered or licensed",
        "illegal only",
    }
    assert (chosen["coverage"] == "national").all() and (chosen["reliability"] != "low").all()
    assert (chosen[["value_low", "value_high", "value_central"]].max(axis=1) > 0).all()


def test_status_matches_the_headline(countries):
    has = countries["headline_record_id"] != ""
    assert (countries.loc[~has, "status"] == "no national count").all()
    assert set(countries.loc[has, "status"]) <= {"national", "narrower national"}
    assert (countries.loc[countries["status"] == "national", "headline_measure"] == "all people in ASM").all()


def test_a_national_count_beats_a_larger_survey_of_sites_in_one_region():
    """The DRC's case: a national estimate, and a newer count of miners at surveyed sites in the east."""
    national = fig("national", 2_000_000, 2007, "ASM miners (national estimate)")
    sites = fig("east", 132_320, 2019, "miners at surveyed sites", coverage="sites")
    row = country([national, sites])
    assert (row["status"], row["headline_record_id"]) == ("national", "national")
    assert (row["headline_central"], row["headline_year"]) == (2_000_000, 2007)


def test_an_all_asm_count_beats_a_newer_count_of_one_mineral():
    """Morocco's case: all people in ASM in 2017 against a newer, larger count of gold miners only."""
    row = country([fig("all", 100_000, 2017), fig("gold", 150_000, 2020, "gold miners", "one mineral only")])
    assert (row["status"], row["headline_record_id"], row["headline_measure"]) == (
        "national",
        "all",
        "all people in ASM",
    )


def test_newer_census_beats_compilation_but_an_older_one_does_not():
    best = fig("a", 1_000_000, 2015, "ASM miners (inventory best estimate)")
    assert country([best, fig("b", 800_000, 2020, "people in ASM (census)")])["headline_record_id"] == "b"
    assert country([best, fig("b", 800_000, 2010, "people in ASM (census)")])["headline_record_id"] == "a"


def test_an_outlier_is_set_aside_never_chosen_for_being_newest():
    rows = [fig("a", 1_000_000, 2010), fig("b", 900_000, 2012), fig("c", 50_000, 2020)]
    row = country(rows)
    assert row["headline_record_id"] == "b" and row["set_aside_record_ids"] == "c"


def test_narrower_stands_in_only_without_an_all_asm_count():
    gold = fig("g", 50_000, 2020, "gold miners", "one mineral only")
    assert country([gold])["status"] == "narrower national"
    assert country([gold, fig("a", 60_000, 2010)])["headline_record_id"] == "a"
    site = fig("s", 5_000, 2021, coverage="sites")
    dependants = fig("d", 500_000, 2021, measure="dependants and livelihoods")
    assert country([site, dependants])["status"] == "no national count"


def test_zero_and_low_figures_are_never_headlines():
    assert country([fig("z", 0, 2020), fig("l", 9_000, 2021, reliability="low")])["status"] == "no national count"


def test_echoes_count_once_and_are_listed():
    rows = [fig("a", 2_000_000, 2007, group="a"), fig("b", 2_000_000, 2018, group="a"), fig("c", 1_500_000, 2005)]
    row = country(rows)
    assert row["n_independent"] == 2 and row["headline_also_quoted_by"] == "b"


def test_countries_csv_is_in_the_data_package():
    names = [r["name"] for r in schema.datapackage()["resources"]]
    assert "countries" in names


def test_rules_shown_on_pages_name_no_code():
    """A reader reads the rules: no column or variable name (`others_low`), no module, no file of the repository."""
    import re

    from asmhub_utils.tidy import country_grade

    for text in (headline.rule_markdown(), country_grade.rule_markdown()):
        assert not re.findall(r"`[^`]+`|\b[a-z]+_[a-z_]+\b|\w+\.(?:py|csv)\b", text), text


def test_rules_shown_on_pages_name_modules_as_code_not_links():
    """MyST's linkify turns a bare 'echoes.py' into a link to a web host (.py is a country domain)."""
    import re

    from asmhub_utils.tidy import country_grade

    for text in (headline.rule_markdown(), country_grade.rule_markdown()):
        assert not re.findall(r"(?<![`/\w])[\w/]+\.py(?!`)", text)
