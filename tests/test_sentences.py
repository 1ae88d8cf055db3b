"""The checks that fail a generated sentence (asmhub_utils/site/sentences.py); the built book is checked by
tests/site/test_sentences.py."""

from asmhub_utils.chapters import text
from asmhub_utils.site.sentences import problems


def test_the_issues_examples_fail():
    assert problems(
        "6-8% in 2020 (U.S. Geological Survey (publication page), 2023) of world cobalt mine "
        "production was artisanal, by one estimate, in 2020"
    ) == ["doubled year", "nested citation", "citation inside a figure"]
    assert problems("838 tonnes, which is almost 38% in 2015 [SAICM, 2019] of all emissions") == [
        "citation inside a figure"
    ]


def test_sentences_that_parse_pass():
    for sentence in (
        "from 6 million people in 1993 (IGF / IISD, prepared by IIED, 2017) to 45 million people in "
        "2025 (Business Live, 2025)",
        "from 10% in 2020 (A, 2021) to 20% in 2020 (B, 2022)",
        "Artisanal share of world cobalt mine production, by one estimate: 6-8% in 2020 "
        "(U.S. Geological Survey, 2023); most of it from the DRC.",
    ):
        assert problems(sentence) == [], sentence


def test_figure_with_source_never_nests_a_citation():
    row = {
        "value_text": "6-8",
        "unit": "percent",
        "year": 2020,
        "year_text": "2020",
        "measures": "",
        "indicator": "share",
        "source_publisher": "U.S. Geological Survey (publication page)",
        "source_year": 2023,
    }
    import pandas as pd

    sentence = text.figure_with_source(pd.Series(row))
    assert sentence == "6-8% in 2020 (U.S. Geological Survey, publication page, 2023)"
    assert problems(sentence) == []


def test_an_undated_figure_does_not_repeat_its_citations_year():
    import pandas as pd

    assert problems("about 30 billion US dollars a year, undated (published 2024) (UNEP, 2024)") == [
        "publication year twice"
    ]
    assert problems("838 tonnes a year, undated (published 2024) [ UNEP , 2024 ]") == ["publication year twice"]
    row = {"value_text": "30", "unit": "USD bn/yr", "year": None, "source_publisher": "UNEP", "source_year": 2024}
    sentence = text.figure_with_source(pd.Series(row))
    assert sentence.endswith(", undated (UNEP, 2024)"), sentence
    assert problems(sentence) == []


def test_a_unit_said_twice_fails():
    assert problems("the estimated value of ASGM gold in a year is 28 to 34 billion US dollars a year in 2020") == [
        "unit twice"
    ]
    assert problems("from 640 to 1,000 tonnes a year (median 892) in 2023 (A, 2023) to 1,608 tonnes a year") == []
