"""Source grades: news outlets and quoting words make a source secondary; a body's own newsroom does not."""
import pytest

from asmhub_utils.tidy import reliability, source_groups


@pytest.mark.parametrize("publisher, url", [
    ("ILO", "https://ilo.org/global/about-the-ilo/newsroom/news/WCMS_1/lang--en/index.htm"),
    ("World Bank", "https://worldbank.org/en/news/feature/2019/06/19/a-story"),
    ("UNEP (news story)", "https://unep.org/news-and-stories/story/going-gold"),
])
def test_a_body_publishing_its_own_news_page_is_primary(publisher, url):
    assert reliability.classify(publisher, url)[0] == "primary"


@pytest.mark.parametrize("publisher, url", [
    ("Radio Free Asia", "https://rfa.org/english/news/korea/panning-for-gold"),
    ("Zimbabwe Now (reporting ZimStat)", "https://example.org/a"),
    ("HornTrade (based on USGS Minerals Yearbook)", "http://www.horntrade.com/a"),
])
def test_news_outlets_and_reports_of_others_are_secondary(publisher, url):
    assert reliability.classify(publisher, url)[0] == "secondary"


def test_one_news_list_for_grades_and_library_shelves():
    for publisher, url in [("Kun.uz", "https://kun.uz/en/news/2019/a"), ("Metal Bulletin", "https://x.com/a")]:
        assert source_groups.classify("A title", publisher, url)[0] == "News"
        assert reliability.classify(publisher, url)[0] == "secondary"


def test_a_body_quoted_by_a_newspaper_does_not_make_it_news():
    assert source_groups.classify("t", "The Herald (citing UNICEF)", "https://herald.co.zw/a")[0] == "News"
    assert reliability.classify("UNICEF", "https://unicef.org/press-releases/a")[0] == "primary"


@pytest.mark.parametrize("publisher, url, notes, title", [
    ("IIED via ResearchGate", "https://example.org/a", (), "t"),
    ("Summary (summarising WB report)", "https://example.org/a", (), "t"),
    ("The Times", "https://thetimes.example/a", (), "t"),
    ("Someone", "https://docslib.org/doc/1", (), "t"),
    ("aladdinseparation.com", "https://aladdinseparation.com/a", (), "t"),
    ("A body", "https://example.org/a", ("weak evidence for this",), "t"),
    ("Sheet", "https://example.org/a", (), "Data sheet (quoting GEF 2021 report)"),
])
def test_every_reason_is_written_for_a_reader_not_the_matched_keyword(publisher, url, notes, title):
    """A reason never quotes the word a rule matched ("reported through another publisher ('via')")."""
    grade, reason = reliability.classify(publisher, url, notes, title)
    assert grade in ("secondary", "low")
    import re

    assert not re.search(r"'[^']+'", reason) and "REPORT.md" not in reason and "(" not in reason, reason
    assert len(reason.split()) >= 3


def test_every_rule_has_words_for_a_reader():
    for kinds, patterns in [(reliability.SECONDARY_KINDS, reliability.SECONDARY_PATTERNS),
                            (reliability.LOW_HOST_KINDS, reliability.LOW_HOSTS),
                            (reliability.LOW_NOTE_KINDS, reliability.LOW_NOTE_PHRASES)]:
        assert set(kinds) == set(patterns) and all(len(words.split()) >= 3 for words in kinds.values())
