"""The reader's line of every figure (asmhub_utils/tidy/readings.py), on fixtures."""

import pytest

from asmhub_utils.errors import DataError
from asmhub_utils.tidy import readings
from asmhub_utils.tidy.values import parse_value


def record(value_text, unit="persons", note="", measures="all people in ASM", language="fr", rid="r-1"):
    parsed = parse_value(value_text, unit, language)
    return {
        "record_id": rid,
        "value_text": value_text,
        "unit": unit,
        "note": note,
        "measures": measures,
        "value_low": parsed.low,
        "value_high": parsed.high,
        "value_central": parsed.central,
        "qualifier": parsed.qualifier,
        "value_kind": parsed.kind,
        "statement_of": "",
    }


@pytest.mark.parametrize(
    "text, unit, language, reading",
    [
        ("jusqu'à 10 milles emplois", "persons", "fr", "up to 10,000 jobs"),
        ("более 7,5 тысяч человек", "persons", "ru", "more than 7,500 people"),
        ("between 5 000 and 8 000", "persons", "en", "5,000 to 8,000 people"),
        ("80-100 million", "persons", "en", "80 to 100 million people"),
        ("environ 10.000", "persons", "fr", "about 10,000 people"),
        ("plus de 2 tonnes", "t/yr", "fr", "more than 2 tonnes a year"),
        ("Approximately 80%", "percent", "en", "about 80%"),
        ("al menos 1500 son mujeres", "persons", "es", "at least 1,500 women"),
        ("1", "persons", "en", "1 person"),
    ],
)
def test_a_quantity_reads_from_its_parsed_numbers(text, unit, language, reading):
    assert readings.read(record(text, unit, language=language), language)[:2] == (reading, readings.QUANTITY)


def test_a_count_of_women_is_named_by_what_it_measures():
    assert readings.read(record("about 2,000", measures="women", language="en"))[0] == "about 2,000 women"


def test_a_blank_unit_comes_from_the_note_or_is_said_to_be_unknown():
    assert (
        readings.read(record("1621", unit="", note="economic units, not persons; survey 2018"))[0]
        == "1,621 economic units"
    )
    assert (
        readings.read(record("261", unit="", note="Khatlon 104; unit as printed/implied: licences"))[0]
        == "261 licences"
    )
    assert readings.read(record("182", unit="", note="count by the commission"))[0] == "182 (unit not stated)"


def test_words_are_never_turned_into_a_number():
    reading, kind, _ = readings.read(record("Plusieurs centaines"), "fr")
    assert (reading, kind) == ("several hundred people", readings.WORDS)
    assert readings.read(record("miles de mineros", language="es"), "es")[0] == "thousands of miners"


def test_the_sweeps_gloss_is_used_for_words_and_statements():
    arabic = record("المئات من الشباب", note="= 'hundreds of young men'; local count only", language=None)
    assert readings.read(arabic)[:3] == ("hundreds of young men", readings.WORDS, "ar")
    law = record(
        "не может добывать более 50 кг золота в год",
        unit="",
        note="EN: max 50 kg gold per year; also: plots",
        language="ru",
    )
    assert readings.read(law)[:2] == ("max 50 kg gold per year", readings.STATEMENT)
    assert readings.gloss("gloss: employs more than 500,000 people; same feature") == "employs more than 500,000 people"


def test_a_date_or_a_description_is_a_statement():
    assert readings.read(record("14 au 15 novembre 2022", unit=""), "fr")[1] == readings.STATEMENT
    assert readings.read(record("The final step is to use mercury to extract the gold.", unit="", language="en"), "en")[
        :2
    ] == ("The final step is to use mercury to extract the gold.", readings.STATEMENT)
    assert readings.read(record("1989", unit="year", language="en"))[1] == readings.STATEMENT


def test_a_foreign_statement_without_gloss_has_no_reading_until_translated():
    rows = [record("14 au 15 novembre 2022", unit="")]
    readings.describe(rows, {"r-1": "fr"})
    assert readings.untranslated(rows) == ["r-1"]
    readings.describe(rows, {"r-1": "fr"}, {"r-1": ("14 au 15 novembre 2022", "14 to 15 November 2022")})
    assert rows[0]["value_reading"] == "14 to 15 November 2022" and readings.untranslated(rows) == []


def test_a_stale_translation_stops_the_build():
    rows = [record("14 au 15 novembre 2022", unit="")]
    with pytest.raises(DataError, match="glosses.csv"):
        readings.describe(rows, {}, {"r-1": ("15 novembre", "15 November")})


def test_a_statement_of_several_figures_reads_as_its_parts():
    whole = record("100,000 miners and up to 500,000 diggers", language="en", rid="s")
    parts = [
        dict(record("100,000 miners", language="en", rid="s.1"), statement_of="s"),
        dict(record("up to 500,000 diggers", language="en", rid="s.2"), statement_of="s"),
    ]
    rows = [whole, *parts]
    readings.describe(rows, {})
    assert whole["value_reading"] == "100,000 miners; up to 500,000 miners"


def test_every_figure_in_the_tidy_table_has_a_reading():
    import pandas as pd

    from asmhub_utils import paths

    frame = pd.read_csv(paths.ESTIMATES, dtype=str, keep_default_na=False)
    foreign = frame[~frame["value_language"].isin(["", "en"])]
    assert (foreign["value_reading"] != "").all(), foreign.loc[foreign["value_reading"] == "", "record_id"].tolist()


def test_a_share_in_fraction_words_keeps_its_words():
    assert readings.read(record("about one-third", unit="percent", language="en"), "en")[0] == "about one third"
    assert readings.read(record("around half", unit="percent", language="en"), "en")[0] == "about half"
