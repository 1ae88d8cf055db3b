"""The value parser on real value strings from data/raw/asm-source-sweep/figures.csv."""

import csv

import pytest

from asmhub_utils import paths
from asmhub_utils.values import ParsedValue, ValueParseError, midpoint, parse_value

M = 1e6
N = None
# (value text, unit, low, high, central, qualifier, kind) -- every string occurs in the seed figures.
CASES = [
    ("40500000", "persons", 40500000, 40500000, 40500000, "", "number"),
    ("12,000", "deaths/yr", 12000, 12000, 12000, "", "number"),
    ("535.3", "hectares", 535.3, 535.3, 535.3, "", "number"),
    ("80-100 million", "persons", 80 * M, 100 * M, N, "", "range"),
    ("60-150 million", "persons", 60 * M, 150 * M, N, "", "range"),
    ("10-16 million", "persons", 10 * M, 16 * M, N, "", "range"),
    ("1.5 million", "persons", 1.5 * M, 1.5 * M, 1.5 * M, "", "number"),
    ("about 1.5-2 million", "persons", 1.5 * M, 2 * M, N, "about", "range"),
    ("15-20", "percent", 15, 20, N, "", "range"),
    ("1,000,000-1,500,000", "persons", 1e6, 1.5e6, N, "", "range"),
    ("1000000-1500000", "persons", 1e6, 1.5e6, N, "", "range"),
    ("7-15.1", "tonnes/yr", 7, 15.1, N, "", "range"),
    ("380-870 (median 520)", "t/yr", 380, 870, 520, "", "range"),
    ("640-1350 (average 1000)", "tonnes/yr", 640, 1350, 1000, "", "range"),
    ("15-85 (probable ~50)", "tonnes/yr", 15, 85, 50, "", "range"),
    ("59 (52 confirmed + 7 missing)", "deaths", 59, 59, 59, "", "number"),
    ("2,000+", "tonnes/yr", 2000, N, 2000, "more than", "number"),
    ("15,000+", "persons", 15000, N, 15000, "more than", "number"),
    ("about 1,000", "sites", 1000, 1000, 1000, "about", "number"),
    ("approximately 2,600,000", "persons", 2.6e6, 2.6e6, 2.6e6, "about", "number"),
    ("around 239,700", "persons", 239700, 239700, 239700, "about", "number"),
    ("roughly 20", "percent", 20, 20, 20, "about", "number"),
    ("some 200", "syndicates", 200, 200, 200, "about", "number"),
    ("perhaps 150,000", "persons", 150000, 150000, 150000, "perhaps", "number"),
    ("over 40 million", "persons", 40 * M, N, 40 * M, "more than", "number"),
    ("more than 1,000,000", "persons", 1e6, N, 1e6, "more than", "number"),
    ("upwards of 10 million", "persons", 10 * M, N, 10 * M, "more than", "number"),
    ("at least 45 million", "persons", 45 * M, N, 45 * M, "at least", "number"),
    ("not less than 1,000,000", "persons", 1e6, N, 1e6, "at least", "number"),
    ("at least a further 60 million", "persons", 60 * M, N, 60 * M, "at least", "number"),
    ("up to 20", "percent", N, 20, 20, "up to", "number"),
    ("as many as 250,000", "persons", N, 250000, 250000, "up to", "number"),
    ("as much as 1,000", "tonnes/yr", N, 1000, 1000, "up to", "number"),
    ("nearly 45 million", "persons", N, 45 * M, 45 * M, "nearly", "number"),
    ("almost 38", "percent", N, 38, 38, "nearly", "number"),
    ("close to 10 million", "persons", N, 10 * M, 10 * M, "nearly", "number"),
    ("approaching 22,000", "persons", N, 22000, 22000, "nearly", "number"),
    ("typically 40", "percent", 40, 40, 40, "typically", "number"),
    ("one million", "persons", 1e6, 1e6, 1e6, "", "number"),
    ("près d'un million (nearly 1 million)", "persons", N, 1e6, 1e6, "nearly", "number"),
    ("about one third", "percent", 33.33, 33.33, 33.33, "about", "number"),
    ("around half", "percent", 50, 50, 50, "about", "number"),
    ("nearly half", "percent", N, 50, 50, "nearly", "number"),
    ("one in 25", "ratio", 0.04, 0.04, 0.04, "", "number"),
    ("USD 5 billion", "USD/yr", 5e9, 5e9, 5e9, "", "number"),
    ("USD 1,777 million", "USD/yr", 1.777e9, 1.777e9, 1.777e9, "", "number"),
    ("more than ZAR 14 billion", "ZAR/yr", 14e9, N, 14e9, "more than", "number"),
    ("28-34 billion", "USD", 28e9, 34e9, N, "", "range"),
    ("4.5 (145,000 oz)", "tonnes/yr", 4.5, 4.5, 4.5, "", "number"),
    ("156 (5%)", "tonnes", 156, 156, 156, "", "number"),
    ("nearly 38 (710 t)", "percent", N, 38, 38, "nearly", "number"),
    ("at least 1 million (possibly 1.5 million)", "persons", 1e6, N, 1e6, "at least", "number"),
    ("as little as 100 MAD (~USD 11)", "MAD/day", 100, N, 100, "as little as", "number"),
    ("about 1,400 miners at 172 mines", "persons/mines", 1400, 1400, 1400, "about", "number"),
    ("40,000-90,000 miners employing up to 350,000 labourers", "persons", 40000, 90000, N, "", "range"),
    ("1,000 (IGF-18) / 2,000 (ARM-18)", "persons", N, N, N, "several figures", "multiple"),
    ("1,000,000 (2013); 50,000 (2006)", "persons", N, N, N, "several figures", "multiple"),
    ("35,000 chefs de chantier + 272,000 workers", "persons", N, N, N, "several figures", "multiple"),
    ("100,000 miners and up to 500,000 diggers", "persons", N, N, N, "several figures", "multiple"),
    ("official ~2,400 kg vs unofficial ~185,000 kg (as reported)", "kg/yr", N, N, N, "several figures",
     "multiple"),
    ("dataset exists", "dataset", N, N, N, "", "text"),
    ("2017-04-10", "date", N, N, N, "", "text"),
    ("CC BY-NC 3.0 IGO", "licence", N, N, N, "", "text"),
    ("fully legalised", "text", N, N, N, "", "text"),
    ("yes", "event", N, N, N, "", "text"),
    ("thousands (some as young as 8)", "persons", N, N, N, "", "text"),
]


@pytest.mark.parametrize("text,unit,low,high,central,qualifier,kind", CASES, ids=[c[0] for c in CASES])
def test_real_value_strings(text, unit, low, high, central, qualifier, kind):
    assert parse_value(text, unit) == ParsedValue(low, high, central, qualifier, kind)


def test_every_case_is_a_real_seed_value():
    with paths.SEED_FIGURES.open(encoding="utf-8") as handle:
        seed = {row["value"] for row in csv.DictReader(handle)}
    assert {c[0] for c in CASES} <= seed


def test_ranges_are_never_averaged():
    assert parse_value("80-100 million", "persons").central is None


def test_empty_value_is_an_error():
    with pytest.raises(ValueParseError):
        parse_value("  ", "persons")


def test_reversed_range_is_not_read_as_a_range():
    assert parse_value("20-10", "percent").kind == "text"


def test_seed_parse_coverage_does_not_drop():
    """782 of 803 seed values read as numbers when this test was written; a change that reads fewer fails."""
    with paths.SEED_FIGURES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    numeric = sum(parse_value(r["value"], r["unit"]).is_numeric for r in rows)
    assert numeric >= 782


def test_midpoint_prefers_the_stated_value():
    assert midpoint(10.0, 20.0, 12.0) == 12.0
    assert midpoint(10.0, 20.0, None) == 15.0
    assert midpoint(None, 20.0, None) == 20.0
    assert midpoint(None, None, None) is None
