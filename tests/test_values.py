"""The value parser on real value strings from data/raw/asm-source-sweep/figures.csv (English style) and
data/raw/asm-source-sweep-2/figures.csv (as printed, in the documents' languages)."""

import csv
import re

import pytest

from asmhub_utils import paths
from asmhub_utils.tidy import build, values
from asmhub_utils.tidy.values import (
    ParsedValue,
    ValueParseError,
    decimal_mark,
    guess_language,
    midpoint,
    official_language,
    parse_value,
)

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
    # two figures: miners and the labourers they employ (statements.py makes a row of each)
    ("40,000-90,000 miners employing up to 350,000 labourers", "persons", N, N, N, "several figures", "multiple"),
    ("1,000 (IGF-18) / 2,000 (ARM-18)", "persons", N, N, N, "several figures", "multiple"),
    ("1,000,000 (2013); 50,000 (2006)", "persons", N, N, N, "several figures", "multiple"),
    ("35,000 chefs de chantier + 272,000 workers", "persons", N, N, N, "several figures", "multiple"),
    ("100,000 miners and up to 500,000 diggers", "persons", N, N, N, "several figures", "multiple"),
    ("official ~2,400 kg vs unofficial ~185,000 kg (as reported)", "kg/yr", N, N, N, "several figures", "multiple"),
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


# Second sweep: (value text, unit, document language as the build passes it, ISO3, low, high, central, qualifier,
# kind) -- every string occurs in the second sweep's figures.csv, with that unit and country.
SWEEP2 = [
    # French: qualifiers, space and dot thousands, decimal comma before a scale word
    ("9 825", "persons", "fr", "TGO", 9825, 9825, 9825, "", "number"),
    ("environ 10.000", "persons", "fr", "GAB", 10000, 10000, 10000, "about", "number"),
    ("près de 24 000", "persons", "fr", "CIV", N, 24000, 24000, "nearly", "number"),
    ("pas moins de 5000", "persons", "fr", "GAB", 5000, N, 5000, "at least", "number"),
    ("Plus de 10 000", "persons", None, "CMR", 10000, N, 10000, "more than", "number"),
    ("plus de 400 emplois", "persons", "en", "DZA", 400, N, 400, "more than", "number"),
    ("jusqu'à 10 milles emplois", "persons", "fr", "TGO", N, 10000, 10000, "up to", "number"),
    ("9,3 milliards", "", "fr", "TGO", 9.3e9, 9.3e9, 9.3e9, "", "number"),
    ("environ 40 tonnes", "", None, "GAB", 40, 40, 40, "about", "number"),
    # Spanish: the decimal mark depends on the country (Colombia and Costa Rica ",", Mexico and Peru ".")
    ("más de 70.000 personas", "persons", "es", "COL", 70000, N, 70000, "more than", "number"),
    ("116.000", "persons", "es", "COL", 116000, 116000, 116000, "", "number"),
    ("unas 4.000", "persons", "es", "CRI", 4000, 4000, 4000, "about", "number"),
    ("Unas 424", "persons", "es", "CRI", 424, 424, 424, "about", "number"),
    ("cerca de $1,5 millones", "USD", "es", "CRI", 1.5e6, 1.5e6, 1.5e6, "about", "number"),
    ("149.243 onzas troy de oro", "", "es", "CRI", 149243, 149243, 149243, "", "number"),
    ("1,415", "persons", "es", "MEX", 1415, 1415, 1415, "", "number"),
    ("alrededor de 1,500 personas", "persons", "es", "MEX", 1500, 1500, 1500, "about", "number"),
    ("2.9%", "percent", "es", "MEX", 2.9, 2.9, 2.9, "", "number"),
    ("31,576 Reinfos en operación", "", "es", "PER", 31576, 31576, 31576, "", "number"),
    ("al menos 1,090 empleos directos", "persons", "es", "DOM", 1090, N, 1090, "at least", "number"),
    ("entre 350 y 500", "persons", "es", "MEX", 350, 500, N, "", "range"),
    ("4 mil 445", "persons", "es", "MEX", 4445, 4445, 4445, "", "number"),
    ("alrededor de cuatro mil personas", "persons", "es", "DOM", 4000, 4000, 4000, "about", "number"),
    ("no son más de cuarenta", "persons", "es", "ARG", N, 40, 40, "up to", "number"),
    ("50 millones de dólares", "USD", "es", "URY", 50e6, 50e6, 50e6, "", "number"),
    ("más de 11500 mineros", "persons", "en", "ECU", 11500, N, 11500, "more than", "number"),
    # Portuguese
    ("pelo menos 2,3 toneladas", "", "pt", "GNQ", 2.3, N, 2.3, "at least", "number"),
    ("cerca de 200 kg", "kg/yr", "pt", "GNQ", 200, 200, 200, "about", "number"),
    # Russian (and Kazakh "мың" = thousand): decimal comma
    ("более 7,5 тысяч человек", "persons", "ru", "TJK", 7500, N, 7500, "more than", "number"),
    ("3,5 мың адам", "persons", "ru", "TJK", 3500, 3500, 3500, "", "number"),
    ("4,5 кг", "", "ru", "TJK", 4.5, 4.5, 4.5, "", "number"),
    ("Больше 20 тысяч", "persons", "ru", "KAZ", 20000, N, 20000, "more than", "number"),
    ("свыше 800", "persons", "ru", "KAZ", 800, N, 800, "more than", "number"),
    ("около 25 тонн", "t/yr", "ru", "KAZ", 25, 25, 25, "about", "number"),
    # English: space thousands, stray spaces, lakh, number words, ranges with words
    ("approximately 1 078", "", "en", "NAM", 1078, 1078, 1078, "about", "number"),
    ("between 5 000 and 8 000", "persons", "en", "NAM", 5000, 8000, N, "", "range"),
    ("between 1 and 2.5 tons", "t/yr", "en", "EGY", 1, 2.5, N, "", "range"),
    ("between 20 to 50", "", "en", "DOM", 20, 50, N, "", "range"),
    (".02 to .03 grams", "", "en", "PRK", 0.02, 0.03, N, "", "range"),
    ("1 ,000", "persons", "en", "CUB", 1000, 1000, 1000, "", "number"),
    ("5 ,000", "persons", "en", "PAN", 5000, 5000, 5000, "", "number"),
    ("600,000", "persons", None, "LKA", 600000, 600000, 600000, "", "number"),
    (
        "over five lakh labourers, of whom over one lakh are for supporting sectors",
        "persons",
        "en",
        "BGD",
        500000,
        N,
        500000,
        "more than",
        "number",
    ),
    ("almost half a million", "persons", "en", "SSD", N, 500000, 500000, "nearly", "number"),
    ("exceeded 7 thousand people", "persons", "en", "TJK", 7000, N, 7000, "more than", "number"),
    ("around three hundred", "persons", "en", "BLZ", 300, 300, 300, "about", "number"),
    ("Eighty percent", "percent", "en", "HTI", 80, 80, 80, "", "number"),
    ("five minors", "persons", "en", "BWA", 5, 5, 5, "", "number"),
    ("an estimated US$4 million annually", "USD", "en", "NAM", 4e6, 4e6, 4e6, "", "number"),
    ("2,000 - 3,000", "persons", "en", "DOM", 2000, 3000, N, "", "range"),
    (
        "four illegal gold mining sites were discovered last year and two this year",
        "",
        "en",
        "MYS",
        N,
        N,
        N,
        "several figures",
        "multiple",
    ),
    (
        "at least 90 known quarries ... only eight were licenced",
        "",
        "en",
        "TTO",
        N,
        N,
        N,
        "several figures",
        "multiple",
    ),
    # Kept as text: words, dates, ages, a year or a count, a typo, a truncated abbreviation, a ratio
    ("Plusieurs centaines", "persons", "fr", "BEN", N, N, N, "", "text"),
    ("tens of thousands", "persons", "en", "EGY", N, N, N, "", "text"),
    ("miles de mineros y sus familias", "", "es", "MEX", N, N, N, "", "text"),
    ("over several thousand people", "persons", "en", "UKR", N, N, N, "", "text"),
    ("المئات من الشباب", "persons", "ar", "YEM", N, N, N, "", "text"),
    ("حوالي 7 أو 8 جرامات من الذهب أسبوعياً", "", "ar", "TUR", N, N, N, "", "text"),
    ("14 au 15 novembre 2022", "", "fr", "TGO", N, N, N, "", "text"),
    ("3rd November 2022", "", "en", "BWA", N, N, N, "", "text"),
    ("entre 14 et 16 ans", "", "fr", "DZA", N, N, N, "", "text"),
    ("1990", "", "en", "SOM", N, N, N, "", "text"),
    ("1961 at Letšeng-la-Terai", "", "en", "LSO", N, N, N, "", "text"),
    ("over 50,000 thousand", "persons", None, "BGD", N, N, N, "", "text"),
    (">42 th", "", "en", "BGD", N, N, N, "", "text"),
    ("uno de cada seis de sus 30.000 habitantes", "", "es", "PRY", N, N, N, "", "text"),
    ("не может добывать более 50 кг золота в год", "kg/yr", "ru", "KAZ", N, N, N, "", "text"),
    ('"in the hundreds"', "", "en", "PAN", N, N, N, "", "text"),
]


@pytest.mark.parametrize("text,unit,language,iso3,low,high,central,qualifier,kind", SWEEP2, ids=[c[0] for c in SWEEP2])
def test_real_sweep2_value_strings(text, unit, language, iso3, low, high, central, qualifier, kind):
    assert parse_value(text, unit, language, iso3) == ParsedValue(low, high, central, qualifier, kind)


def test_every_sweep2_case_is_a_real_value_with_its_unit_and_country():
    with paths.SWEEP2_FIGURES.open(encoding="utf-8") as handle:
        raw = {(row["value"], row["unit"], row["country_iso3"]) for row in csv.DictReader(handle)}
    missing = [c[0] for c in SWEEP2 if (c[0], c[1], c[3]) not in raw]
    assert not missing


def test_the_build_reads_sweep2_values_as_the_cases_do():
    """The language the build passes for each row is the one the cases assume."""
    with paths.SWEEP2_FIGURES.open(encoding="utf-8") as handle:
        rows = [
            build.FigureRow("raw/asm-source-sweep-2/figures.csv", n, r)
            for n, r in enumerate(csv.DictReader(handle), start=2)
        ]
    cases = {(c[0], c[1], c[3]): c for c in SWEEP2}
    for row in rows:
        f = row.fields
        if (case := cases.get((f["value"], f["unit"], f["country_iso3"]))) is not None:
            parsed = parse_value(f["value"], f["unit"], build.document_language(row), f["country_iso3"])
            assert parsed == ParsedValue(*case[4:]), f["value"]


@pytest.mark.parametrize(
    "text,language",
    [
        ("1e400", "en"),
        ("1e400", None),
        ("0x10", "en"),
        ("0x10", None),
        ("2,5 million", "en"),
        ("2,5 million people", None),
        ("1,500", "fr"),
        ("12.500", "en"),
        ("1,500", None),
        ("5,00,000", "en"),
        ("1.234,5", "en"),
        ("1,234.5", "fr"),
        ("inf", "en"),
        ("NaN", "en"),
    ],
)
def test_forms_that_could_be_misread_stay_text(text, language):
    parsed = parse_value(text, "persons", language)
    assert parsed.kind == "text" and not parsed.is_numeric


@pytest.mark.parametrize(
    "text,language,country,expected",
    [
        ("1.234,5", "es", "COL", 1234.5),
        ("1,234.5", "es", "MEX", 1234.5),
        ("1 234,5", "fr", "", 1234.5),
        ("1 234", "fr", "", 1234),
        ("1 234", "ru", "", 1234),
        ("1 234", None, "", 1234),
        ("1,000,000", None, "", 1e6),
        ("1.000.000", None, "", 1e6),
        ("7,5", "ru", "", 7.5),
        ("2.5", None, "", 2.5),
        ("3 crore", "en", "", 3e7),
        ("0,125", "fr", "", 0.125),
    ],
)
def test_separators_by_language_and_digits(text, language, country, expected):
    assert parse_value(text, "persons", language, country).central == expected


def test_language_comes_from_script_then_words():
    assert guess_language("более 7,5 тысяч человек") == "ru"
    assert guess_language("المئات من الشباب") == "ar"
    assert guess_language("environ 10.000") == "fr"
    assert guess_language("más de 70.000 personas") == "es"
    assert guess_language("pelo menos 2,3 toneladas") == "pt"
    assert guess_language("ASM Inventory country data sheet: Cuba") == "en"
    assert guess_language("2,5 million") is None  # English and French both say "million"
    assert guess_language("9 825") is None


def test_decimal_mark_by_language_and_country():
    assert decimal_mark("en", "ZAF") == "."  # English keeps "." whatever CLDR says of South Africa
    assert decimal_mark("es", "MEX") == "." and decimal_mark("es", "COL") == ","
    assert decimal_mark("fr", "TGO") == "," and decimal_mark("ru", "TJK") == ","
    assert decimal_mark(None) is None and decimal_mark("ar") is None
    assert official_language("COL") == "es" and official_language("LKA") is None


def test_sweep2_parse_coverage_does_not_drop():
    """160 of 255 second-sweep values read to a number or range when this test was written."""
    with paths.SWEEP2_FIGURES.open(encoding="utf-8") as handle:
        rows = [
            build.FigureRow("raw/asm-source-sweep-2/figures.csv", n, r)
            for n, r in enumerate(csv.DictReader(handle), start=2)
        ]
    numeric = sum(
        parse_value(
            r.fields["value"], r.fields["unit"], build.document_language(r), r.fields["country_iso3"]
        ).is_numeric
        for r in rows
    )
    assert numeric >= 160


def test_every_seed_value_is_in_english_style():
    """The build reads the seed sweep as English: no value may use another convention."""
    with paths.SEED_FIGURES.open(encoding="utf-8") as handle:
        values = [row["value"] for row in csv.DictReader(handle)]
    other = [v for v in values if re.search(r"\d[ .\u00a0\u202f]\d{3}(?!\d)|\d,\d{1,2}(?!\d)", v)]
    assert not other


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
    """782 of 803 seed values read as numbers when this test was written (one of them, "40,000-90,000 miners
    employing up to 350,000 labourers", is now read as a statement of two figures, split by statements.py);
    a change that reads fewer fails."""
    with paths.SEED_FIGURES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    parsed = [parse_value(r["value"], r["unit"]) for r in rows]
    assert sum(p.is_numeric for p in parsed) >= 781 and sum(p.is_numeric or p.kind == "multiple" for p in parsed) >= 793


def test_midpoint_prefers_the_stated_value():
    assert midpoint(10.0, 20.0, 12.0) == 12.0
    assert midpoint(10.0, 20.0, None) == 15.0
    assert midpoint(None, 20.0, None) == 20.0
    assert midpoint(None, None, None) is None


def test_a_stray_space_after_the_thousands_comma_is_read_as_one_number():
    parsed = values.parse_value("an estimated 70,000 to 80, 000 active miners", "persons", "en")
    assert (parsed.low, parsed.high) == (70_000, 80_000)


@pytest.mark.parametrize("text", ["May 2019", "5 May 2019", "mai 2020", "March 2021"])
def test_a_month_keeps_a_date_text(text):
    assert parse_value(text, "persons", "en").kind == "text"


def test_may_as_a_verb_is_not_a_month():
    """'which may exceed 80,000' (PNG's Minister for Mining) is a lower bound, not a date."""
    parsed = parse_value("may exceed 80,000", "persons", "en")
    assert (parsed.low, parsed.high, parsed.qualifier) == (80000, None, "more than")
