"""Notes for readers, provenance for the record (asmhub_utils/tidy/reader_notes.py), on fixtures."""

import pytest

from asmhub_utils.tidy import reader_notes


@pytest.mark.parametrize(
    "clause",
    [
        "printed as 'estimé à 9 825 personnes au total dont' - sentence truncated in stored excerpt",
        "page text is column-scrambled",
        "original source UBC-14 as quoted in sheet",
        "title reconstructed from URL slug (headline not in stored excerpt)",
        "EN: more than 7.5 thousand people",
        "source_year = inventory database last update 2022-09-23 (per artisanalmining.org/Inventory)",
        "wiki mirror - weak",
    ],
)
def test_working_notes_never_reach_a_page(clause):
    assert reader_notes.classify(clause)[0] == "working"
    assert reader_notes.reader_note(clause) == ""


@pytest.mark.parametrize(
    "note, shown",
    [
        (
            "working hypothesis per sheet ('Not a main ASM commodity but some'); source_year = inventory database",
            "The compiler calls this a working hypothesis.",
        ),
        (
            "40,000 replicated since 2003, extrapolated to 60,000",
            "40,000 replicated since 2003, extrapolated to 60,000.",
        ),
        ("original: UBC-14 (Seccatore et al. 2014) statistical model, gold only", "A statistical model, not a count."),
        ("claims, not persons", "Claims, not persons."),
        ("compiler notes these are outdated 1999 data", "The compiler calls this outdated."),
        ("licensed only (informal miners not counted)", "Licensed only (informal miners not counted)."),
    ],
)
def test_reader_caveats_are_shown_in_plain_words(note, shown):
    assert reader_notes.reader_note(note) == shown


def test_a_note_without_caveat_shows_nothing():
    assert reader_notes.reader_note("original: PAN/EMAPE inventories 2021; covered Plateaux, Centrale") == ""


def test_working_asides_leave_titles_and_locators_shown_on_pages():
    assert (
        reader_notes.without_working_asides("estimation, 2019 (Reuters 2019 (as quoted in sheet))")
        == "estimation, 2019 (Reuters 2019)"
    )
    assert (
        reader_notes.without_working_asides("Ten new gold deposits (title not in stored excerpt)")
        == "Ten new gold deposits"
    )
    assert reader_notes.without_working_asides("Mining Act (2019) (Togo)") == "Mining Act (2019) (Togo)"
