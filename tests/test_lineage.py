"""Who produced a figure, the year it refers to, what it measures and where: rules pinned on the real rows."""

import csv

import pytest

from asmhub_utils import paths
from asmhub_utils.chapters import display
from asmhub_utils.tidy import lineage, measures


def rows() -> dict[str, dict]:
    with paths.ESTIMATES.open(encoding="utf-8", newline="") as handle:
        return {r["record_id"]: r for r in csv.DictReader(handle)}


@pytest.mark.parametrize(
    "note,name,year",
    [
        ("original source ARM-18 / IGF-18 (quoting IIED-13, from MMSD-03) as quoted in sheet", "MMSD 2003", 2003),
        ("original source ARM-18 (based on IIED-13 / CASM-07) as quoted in sheet", "CASM 2007", 2007),
        ("original source IGF-18 Table 3 (quoting Hilson 2016) as quoted in sheet", "Hilson 2016", 2016),
        ("Delve cites ILO 1999", "ILO 1999", 1999),
        ("local count: six mines only; original: Sotham, 2004; mercury", "Sotham 2004", 2004),
        ("original: MOZ-2022a census", "MOZ 2022a", 2022),
        ("original: WWF Gabon (NGO); article undated", "WWF Gabon", None),
        ("blog repost, undated, original source not named", None, None),
        ("earlier (beta) version of the Delve top-10 list", None, None),
        # a producer's name keeps its lowercase joining words
        ("original: Ghana Chamber of Mines, 2019; opinion column", "Ghana Chamber of Mines 2019", 2019),
        ("original: Department of Mining, PNG 2001", "Department of Mining, PNG 2001", 2001),
        (
            "original: Censo de Mineradores Artesanais de Moçambique 2021",
            "Censo de Mineradores Artesanais de Moçambique 2021",
            2021,
        ),
    ],
)
def test_original_source_is_the_earliest_producer_named(note, name, year):
    found = lineage.original_source(note)
    assert (found.name if found else None, found.year if found else None) == (name, year)


def test_title_that_quotes_names_the_original():
    title = "ASM Inventory country data sheet: Bolivia (quoting GEF 2021 'Second phase of planetGOLD')"
    assert lineage.original_source("", title) == lineage.Original("GEF 2021", 2021)


@pytest.mark.parametrize(
    "raw,original,expected",
    [
        (2018, lineage.Original("MMSD 2003", 2003), 2003),
        (2017, lineage.Original("DELVE 2019", 2019), 2017),
        (None, lineage.Original("ILO 1999", 1999), 1999),
        (None, None, None),
        (2020, None, 2020),
    ],
)
def test_reference_year_is_the_older_of_raw_and_original(raw, original, expected):
    assert lineage.reference_year(raw, original) == expected


@pytest.mark.parametrize(
    "year,text,label",
    [(2003, "2018", "2003"), (None, "2017-2018", "2017-2018"), (None, "1990s", "1990s"), (None, "", "undated")],
)
def test_year_label_shows_spans_never_undated(year, text, label):
    assert display.year_label(year, None, text) == label


def test_china_9_million_refers_to_mmsd_2003():
    china = rows()["seed-0138"]  # 2018 sheet row: "quoting IIED-13, from MMSD-03"
    assert (china["value_text"], china["year"], china["published_year"], china["original_source"]) == (
        "9000000",
        "2003",
        "2022",
        "MMSD 2003",
    )
    assert china["reliability"] == "secondary" and "MMSD 2003" in china["reliability_reason"]


def test_undated_figures_stay_undated():
    data = rows()
    undated = [
        r
        for r in data.values()
        if r["iso3"] in ("MLI", "IND")
        and r["dataset"] == "miners_by_country"
        and not r["year_text"]
        and not r["original_source"]
    ]
    assert undated and all(r["year"] == "" for r in undated)


@pytest.mark.parametrize(
    "indicator,unit,expected",
    [
        ("ASM miners (inventory best estimate)", "persons", "all people in ASM"),
        ("ASGM (gold) miners (estimate)", "persons", "one mineral only"),
        ("people directly dependent on ASM (at least)", "persons", "dependants and livelihoods"),
        ("people working directly and independently", "persons", "all people in ASM"),  # \bdependent
        ("livelihoods dependent on artisanal mining", "persons", "dependants and livelihoods"),
        ("subsistence miners (barequeros) registered in RUCOM", "persons", "registered or licensed"),
        ("artisanal miners at 829 surveyed active sites (eastern DRC)", "persons", "surveyed at sites"),
        ("expected ASGM population (statistical model)", "persons", "statistical model"),
        ("artisanal miners asked to leave gold sites flooded by Lom Pangar dam", "persons", "events"),
        ("ASM miners minimum", "persons", "inventory bound"),
        ("artisanal cobalt production", "t/yr", "production"),
        ("value of ASGM gold production", "USD/yr", "money"),
    ],
)
def test_measures_vocabulary(indicator, unit, expected):
    assert measures.measures("miners_by_country", indicator, unit, "number") == expected


@pytest.mark.parametrize(
    "indicator,note,expected",
    [
        ("artisanal miners at 829 surveyed active sites (eastern DRC)", "eastern DRC subset", "sites"),
        (
            "small-scale miners in Erongo region (local)",
            "local count: Erongo region only",
            "subnational: Erongo region",
        ),
        ("miners at 1,615 IPIS-visited eastern DRC mines", "eastern DRC subset", "sites"),
        ("ASGM miners supported (national)", "", "national"),
    ],
)
def test_coverage(indicator, note, expected):
    assert measures.coverage("country", indicator, note) == expected


def test_annual_flows_are_per_year_and_raw_unit_kept():
    data = rows()
    cobalt = data["seed-0601"]
    assert (cobalt["unit"], cobalt["unit_original"]) == ("t/yr", "tonnes")
    assert data["seed-0230"]["unit"] == "USD/yr"


def test_statement_of_several_figures_becomes_numeric_rows_pointing_to_it():
    data = rows()
    caf = data["seed-0114"]  # "40,000-90,000 miners employing up to 350,000 labourers"
    assert caf["value_kind"] == "multiple" and caf["value_low"] == ""
    miners, labourers = data["seed-0114.1"], data["seed-0114.2"]
    assert (miners["value_low"], miners["value_high"], miners["statement_of"]) == ("40000", "90000", "seed-0114")
    assert (labourers["value_high"], labourers["qualifier"], labourers["statement_of"]) == (
        "350000",
        "up to",
        "seed-0114",
    )
    ecuador = data["seed-0191.1"], data["seed-0191.2"]  # "105,000 (IGF-18) / 128,000 (ARM-18)"
    assert [r["original_source"] for r in ecuador] == ["IGF 2018", "ARM 2018"]
    indonesia = data["seed-0265.1"], data["seed-0265.2"]  # "1,000,000 (2013); 50,000 (2006)"
    assert [r["year"] for r in indonesia] == ["2013", "2006"]


def test_statement_without_a_unit_is_not_split():
    data = rows()
    assert not [r for r in data.values() if r["statement_of"] and data[r["statement_of"]]["unit"] == ""]


def test_zero_and_blank_unit_rows_are_no_people_counts():
    blank = [r for r in rows().values() if r["unit"] == ""]
    assert blank and not [r for r in blank if r["measures"] in measures.PEOPLE_MEASURES]
