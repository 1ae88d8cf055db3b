"""Source reliability: news outlets and quoting words make a source secondary; a body's own newsroom does not."""

import pytest

from asmhub_utils.tidy import reliability, source_groups


@pytest.mark.parametrize(
    "publisher, url",
    [
        ("ILO", "https://ilo.org/global/about-the-ilo/newsroom/news/WCMS_1/lang--en/index.htm"),
        ("World Bank", "https://worldbank.org/en/news/feature/2019/06/19/a-story"),
        ("UNEP (news story)", "https://unep.org/news-and-stories/story/going-gold"),
    ],
)
def test_a_body_publishing_its_own_news_page_is_primary(publisher, url):
    assert reliability.classify(publisher, url)[0] == "primary"


@pytest.mark.parametrize(
    "publisher, url",
    [
        ("Radio Free Asia", "https://rfa.org/english/news/korea/panning-for-gold"),
        ("Zimbabwe Now (reporting ZimStat)", "https://example.org/a"),
        ("HornTrade (based on USGS Minerals Yearbook)", "http://www.horntrade.com/a"),
    ],
)
def test_news_outlets_and_reports_of_others_are_secondary(publisher, url):
    assert reliability.classify(publisher, url)[0] == "secondary"


def test_one_news_list_for_reliability_and_library_shelves():
    for publisher, url in [("Kun.uz", "https://kun.uz/en/news/2019/a"), ("Metal Bulletin", "https://x.com/a")]:
        assert source_groups.classify("A title", publisher, url)[0] == "News"
        assert reliability.classify(publisher, url)[0] == "secondary"


def test_a_body_quoted_by_a_newspaper_does_not_make_it_news():
    assert source_groups.classify("t", "The Herald (citing UNICEF)", "https://herald.co.zw/a")[0] == "News"
    assert reliability.classify("UNICEF", "https://unicef.org/press-releases/a")[0] == "primary"


@pytest.mark.parametrize(
    "publisher, url, notes, title",
    [
        ("IIED via ResearchGate", "https://example.org/a", (), "t"),
        ("Summary (summarising WB report)", "https://example.org/a", (), "t"),
        ("The Times", "https://thetimes.example/a", (), "t"),
        ("Someone", "https://docslib.org/doc/1", (), "t"),
        ("aladdinseparation.com", "https://aladdinseparation.com/a", (), "t"),
        ("A body", "https://example.org/a", ("weak evidence for this",), "t"),
        ("Sheet", "https://example.org/a", (), "Data sheet (quoting GEF 2021 report)"),
    ],
)
def test_every_reason_is_written_for_a_reader_not_the_matched_keyword(publisher, url, notes, title):
    """A reason never quotes the word a rule matched ("reported through another publisher ('via')")."""
    tier, reason = reliability.classify(publisher, url, notes, title)
    assert tier in ("secondary", "low")
    import re

    assert not re.search(r"'[^']+'", reason) and "REPORT.md" not in reason and "(" not in reason, reason
    assert len(reason.split()) >= 3


def test_every_rule_has_words_for_a_reader():
    for kinds, patterns in [
        (reliability.SECONDARY_KINDS, reliability.SECONDARY_PATTERNS),
        (reliability.PRODUCER_KINDS, reliability.PRODUCER_PATTERNS),
        (reliability.REPORTER_KINDS, reliability.REPORTER_PATTERNS),
        (reliability.LOW_HOST_KINDS, reliability.LOW_HOSTS),
        (reliability.LOW_NOTE_KINDS, reliability.LOW_NOTE_PHRASES),
    ]:
        assert set(kinds) == set(patterns) and all(len(words.split()) >= 3 for words in kinds.values())


@pytest.mark.parametrize(
    "publisher, url, notes",
    [
        ("El Diario de Ejemplo", "https://ejemplo.uy/a", ()),  # newspaper word in its name
        ("Some Outlet", "https://someoutlet.example/2023/05/16/miners", ()),  # dated article path
        ("Some Outlet", "https://someoutlet.example/noticias/mineros", ()),  # news section in the path
        ("Otec", "https://otecfmghana.example/?p=1", ()),  # a radio station's address
        ("Some Outlet", "https://someoutlet.example/a", ("news report on a ministry statement",)),
        ("A Person (photographer's website)", "https://person.example/a", ()),
        ("Regional Encyclopedia", "https://enc.example/a", ()),
        ("Outlet, reposted by Aggregator", "https://agg.example/a", ()),
        ("Outlet", "https://outlet-example.translate.goog/a", ()),
        ("UNEP", "https://www.einpresswire.com/article/1/story", ()),  # a press-wire copy
    ],
)
def test_reporters_of_others_numbers_are_secondary_without_any_outlet_list(publisher, url, notes):
    tier, reason = reliability.classify(publisher, url, notes)
    assert tier == "secondary", reason


@pytest.mark.parametrize(
    "publisher, url",
    [
        ("National Institute of Statistics", "https://stats.example/census"),
        ("Ministry of Mines", "https://mines.example/2023/05/16/news"),  # its own news page
        ("Mining Authority", "https://example.org/a"),
        ("Anybody", "https://mines.gov.xx/page"),
        ("A University Press", "https://example.org/paper"),
        ("Global Inventory of ASM", "https://example.org/sheet"),
    ],
)
def test_producers_of_numbers_are_primary(publisher, url):
    assert reliability.classify(publisher, url)[0] == "primary"


def test_one_address_one_reliability_whatever_the_spelling_of_its_publisher():
    sources = [
        {
            "source_id": "a",
            "url": "https://www.outlet.example/page/",
            "reliability": "primary",
            "reliability_reason": "x",
        },
        {
            "source_id": "b",
            "url": "http://outlet.example/page",
            "reliability": "secondary",
            "reliability_reason": "a news report of another body's figure",
        },
        {"source_id": "c", "url": "https://outlet.example/other", "reliability": "primary", "reliability_reason": "x"},
    ]
    reliability.one_reliability_per_address(sources)
    assert [s["reliability"] for s in sources] == ["secondary", "secondary", "primary"]
    assert sources[0]["reliability_reason"] == "a news report of another body's figure"
