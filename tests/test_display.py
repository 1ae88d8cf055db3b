"""The display layer writes every value the way a reader reads it, and never changes what the source said."""

import pandas as pd
import pytest

from asmhub_utils.chapters import data, display, tables


@pytest.mark.parametrize(
    "value_text, unit, shown",
    [
        ("315000000", "persons", "315 million people"),
        ("40500000", "persons", "40.5 million people"),
        ("1234567", "persons", "1,234,567 people"),
        ("221253.2", "ha", "221,253 ha"),
        ("nearly half", "percent", "nearly half"),
        ("about one third", "percent", "about one third"),
        ("1989", "year", "1989"),
        ("fully legalised", "text", "fully legalised"),
        ("dataset exists", "dataset", "dataset exists"),
        ("935,000 carats (2019)", "carats", "935,000 carats (2019)"),
        ("20", "percent", "20%"),
        ("30 %", "percent", "30 %"),
        ("80-100 million", "persons", "80-100 million people"),
        ("1.2 million miners", "persons", "1.2 million miners"),
        ("2.5", "t/yr", "2.5 tonnes a year"),
        ("at least 2 per month", "deaths/month", "at least 2 per month"),
        ("2", "deaths/month", "2 deaths a month"),
        ("10 per day", "persons/day", "10 per day"),
    ],
)
def test_values_read_naturally(value_text, unit, shown):
    assert display.quantity(value_text, unit) == shown


def test_undated_reads_the_same_everywhere():
    assert display.year_label(None, 2023) == "undated (published 2023)"
    assert display.year_label(float("nan"), 2023.0) == "undated (published 2023)"
    assert display.year_label(None, None) == "undated"
    assert display.year_label(2017.0, 2020) == "2017"
    assert display.year_label(2017, 2020, "2017-2018") == "2017-2018"


def test_countries_in_reading_order():
    assert display.by_name(["SUR", "TCD", "COD"]) == ["TCD", "COD", "SUR"]
    assert display.by_name(["SUR", "TCD"]) == ["TCD", "SUR"]


def test_no_table_cell_shows_a_machine_value():
    """Every estimates table of the book: no bare long number, no unit after a word value, one 'undated'."""
    frame = data.dated(data.estimates())
    out = tables.estimates_table(frame)
    assert " percent<" not in out and "half percent" not in out and "1989 year" not in out
    assert "315000000" not in out
    undated = frame[frame["year"].isna()]
    if len(undated):
        assert "undated" in out


def test_every_figure_row_has_its_record_id_and_a_permalink():
    frame = data.dated(data.estimates()).head(20)
    out = tables.estimates_table(frame)
    for record in frame["record_id"]:  # a figure repeating another's estimate keeps its anchor in that row
        assert (f'<tr id="{record}">' in out and f'href="#{record}"' in out) or f'<span id="{record}">' in out


def test_publication_year_is_the_year_or_n_d():

    from asmhub_utils.chapters import display as _display

    assert _display.publication_year(2019) == "2019"
    assert _display.publication_year(2019.0) == "2019"
    assert _display.publication_year(pd.NA) == "n.d."
    assert _display.publication_year(None) == "n.d."
    assert _display.publication_year(float("nan")) == "n.d."


def test_count_writes_the_plural_a_reader_expects():
    assert display.count(1, "figure") == "1 figure"
    assert display.count(3, "figure") == "3 figures"
    assert display.count(1200, "independent estimate") == "1,200 independent estimates"
    assert display.count(2, "country", "countries") == "2 countries"


def test_a_bare_range_gets_separators_and_one_gets_the_singular():
    assert display.quantity("786-2211", "t") == "786-2,211 tonnes"
    assert display.quantity("70000-90000", "persons") == "70,000-90,000 people"
    assert display.quantity("1.0", "t/yr") == "1 tonne a year"
    assert display.quantity("1", "USD") == "1 US dollar"
    assert display.quantity("2019", "year") == "2019"


@pytest.mark.parametrize(
    "row, shown",
    [
        (
            {
                "value_text": "31",
                "unit": "persons",
                "indicator": "deaths in a gold mine collapse",
                "measures": "events",
            },
            "31 deaths",
        ),
        (
            {"value_text": "about 30", "unit": "persons", "indicator": "children at a site", "measures": "children"},
            "about 30 children",
        ),
        ({"value_text": "1", "unit": "persons", "indicator": "girls", "measures": "children"}, "1 child"),
        ({"value_text": "12000", "unit": "persons", "indicator": "women miners", "measures": "women"}, "12,000 women"),
        (
            {"value_text": "2000000", "unit": "persons", "indicator": "ASM miners", "measures": "all people in ASM"},
            "2 million people",
        ),
    ],
)
def test_a_count_of_persons_names_whom_it_counts(row, shown):
    assert display.figure(row) == shown


@pytest.mark.parametrize(
    "text, unit, shown",
    [
        ("nearly 38 (710 t)", "percent", "nearly 38% (710 t)"),
        ("about one third (over 30)", "percent", "about one third (over 30%)"),
        ("59 (52 confirmed + 7 missing)", "deaths", "59 deaths (52 confirmed + 7 missing)"),
        ("about one third (a third)", "percent", "about one third (a third)"),
    ],
)
def test_the_unit_follows_the_number_it_belongs_to(text, unit, shown):
    assert display.quantity(text, unit) == shown


def test_landing_headlines_say_what_they_count_in_words():
    import re

    from asmhub_utils.site.sphinx_ext.headlines import headlines_html

    items = re.findall(r"<li>(.*?)</li>", headlines_html())
    assert items and all(re.search(r"</strong> \([^)]{10,}\):", item) for item in items)
    assert not re.search(r"\d{1,3}(,\d{3}){2,} people", headlines_html()), "a headline in millions reads in words"


def test_notes_say_whose_words_they_are():
    assert (
        display.curation_note("coverage set by curation: one mine only")
        == "Editors' decision on where it applies: one mine only"
    )
    assert (
        display.compiler_note("sentence truncated in stored excerpt")
        == "Compiler's note: sentence truncated in stored excerpt"
    )
    assert display.compiler_note("") == display.curation_note(None) == ""


def test_numbers_follow_the_locale_with_the_books_rules_on_top():
    """Babel writes the digits and number words of the book's language, or of another one."""
    assert display.number(1234567) == "1,234,567" and display.number(0.046) == "0.046"
    assert display.millions(40_500_000) == "40.5 million" and display.millions(1_234_567) is None
    assert display.millions(2_500_000_000) == "2.5 billion" and display.millions(1_234_500_000) is None
    assert display.number(1234567, locale="de") == "1.234.567"
    assert display.millions(40_500_000, locale="de") == "40,5 Millionen"
    assert display.count(1234, "figure", locale="de") == "1.234 figures"
    assert display.whole(221253.5) == "221,254" and display.whole(2.5) == "2"


def test_axis_ticks_read_short():
    from asmhub_utils.chapters import charts

    assert [charts.human(v) for v in (12_500_000, 1_500, 9_994, 250, 2.5, 0, 2e9)] == [
        "12.5M",
        "1.5k",
        "9.99k",
        "250",
        "2.5",
        "0",
        "2B",
    ]
    assert charts.human(1_500, locale="de") == "1500"  # CLDR German has no short form for thousands


def test_a_country_name_inside_a_sentence_loses_its_capital_the():
    assert display.in_sentence("The Democratic Republic of the Congo") == "the Democratic Republic of the Congo"
    assert display.in_sentence("Theland") == "Theland"
    assert display.in_sentence("Ghana") == "Ghana"


def test_a_year_in_brackets_nests_no_bracket():
    undated = {"year": None, "year_text": "", "published_year": 2023}
    assert display.row_year(undated) == "undated (published 2023)"
    assert display.bracketed_year(undated) == "undated, published 2023"
    assert display.bracketed_year({"year": 2019.0}) == "2019"
