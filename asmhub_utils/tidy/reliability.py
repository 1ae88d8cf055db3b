"""How far a source can be trusted: primary, secondary or low, from REPORT.md's quality flags.

The rules read the publisher, URL and the figure notes, in this order:

1. **low**: hosts and pages REPORT.md section 8 flags (blog reposts, Wikipedia mirrors, aggregator pages,
   unsourced TV claims, a Statista proxy address), or a note that says so ("low reliability",
   "weak evidence", "internally inconsistent", "unsourced", ...).
2. **secondary**: the figure reaches us through someone else: a mirror or document-sharing copy, a news
   report of another body's figure, a blog, or a publisher described as "via", "citing", "reporting",
   "reposting", "reprint", "summarising".
3. **secondary**: the title says the page quotes, cites, reposts or reprints another producer
   ("... (quoting GEF 2021 ...)", "reprint of ... reporting"); the reason names whom it quotes.
4. **primary**: the publisher produced or compiled the figure itself.

Each figure then gets its own grade (`grade` in data/estimates.csv): the source's, except that a figure whose
note or source names another producer (`original_source`, rules in lineage.py) is **secondary** and says whom
it quotes, even on a primary source: a compilation sheet that quotes a 2003 study did not produce the number.
A low source keeps its figures low.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlparse

from asmhub_utils.tidy import source_groups

# Each flagged host with what it is, in a reader's words (the reason an entry shows; REPORT.md section 8 says why).
LOW_HOST_KINDS = {
    r"aladdinseparation": "a blog repost of another body's figure",
    r"liquisearch": "a copy of an encyclopedia article",
    r"\bwikipedia\b": "an encyclopedia article (Wikipedia), not the study it cites",
    r"zam magazine": "a magazine claim the compilers found internally inconsistent",
    r"mwanzo tv": "a TV report that gives no source for its figure",
    r"tv republika": "a TV report that gives no source for its figure",
    r"sastouthabitat": "a web page repeating another body's figure",
    r"econcartography": "an aggregator page repeating figures without their source",
    r"stolygc": "an aggregator page repeating figures without their source",
    r"ezproxy": "a library proxy copy, not the publisher's own page",
}
LOW_HOSTS = tuple(LOW_HOST_KINDS)
# Phrases in a figure's note that grade its source low (host names in notes are not enough: a note may
# mention another source to compare with).
LOW_NOTE_KINDS = {
    r"low[- ]reliability": "the compilers' note rates it low", r"low citation quality": "the compilers' note rates it low",
    r"low-quality": "the compilers' note rates it low", r"weak evidence": "the compilers' note calls the evidence weak",
    r"internally inconsistent": "the compilers' note finds it inconsistent with itself",
    r"\bunsourced\b": "it gives no source for the figure",
    r"not an official statistic": "the compilers' note says it is not an official statistic",
}
LOW_NOTE_PHRASES = tuple(LOW_NOTE_KINDS)
# Reaching us through someone else: quoting words, mirrors and document-sharing copies (read in the publisher and
# URL). News outlets are secondary too: their list is the library's News shelf (`source_groups.NEWS`), read, as
# there, in the publisher's own name and the web host only, never in the body it quotes or the page's path.
QUOTES = "quotes another publisher's figure"
COPY = "a copy on a document-sharing site, not the publisher's own"
SECONDARY_KINDS = {
    r"\bvia\b": QUOTES, r"\bciting\b": QUOTES, r"\breporting\b": QUOTES, r"\breposting\b": QUOTES,
    r"\breprint": "a reprint of another publisher's document", r"\bsummaris": "a summary of another publisher's report",
    r"\bmirror\b": COPY, r"\bbased on\b": QUOTES, r"\bblog\b": "a blog post quoting another body's figure",
    r"\bcopy\b": COPY, r"docslib": COPY, r"scribd": COPY, r"vdocuments": COPY, r"readkong": COPY, r"slideplayer": COPY,
    r"docstoc": COPY, r"coek\.info": COPY, r"plexii": COPY,
    r"statista": "a statistics service re-publishing another body's figure", r"secondary": QUOTES,
    r"as reported": QUOTES, r"journalistic": "a news report quoting another body's figure",
    r"datawrapper": "a chart published by a third party", r"foco econ": "an economics website quoting official figures",
}
SECONDARY_PATTERNS = tuple(SECONDARY_KINDS)

_LOW_HOST = re.compile("|".join(LOW_HOSTS), re.I)
_LOW_NOTE = re.compile("|".join(LOW_NOTE_PHRASES), re.I)
_SECONDARY = re.compile("|".join(SECONDARY_PATTERNS), re.I)
_NEWS = re.compile("|".join(source_groups.NEWS), re.I)


_QUOTING_TITLE = re.compile(r"\b(quoting|citing|reposting|reprint of|as reported|secondary web page)\b", re.I)


def _kind(kinds: dict[str, str], matched: str) -> str:
    """The reader's words for the rule whose pattern matched `matched`."""
    return next(words for pattern, words in kinds.items() if re.fullmatch(pattern, matched, re.I)
                or re.search(pattern, matched, re.I))


def classify(publisher: str, url: str, notes: Iterable[str] = (), title: str = "") -> tuple[str, str]:
    """Return (reliability, reason) for one source from its publisher, URL, title and the notes on its figures.

    The reason is written for a reader ("quotes another publisher's figure"), never the keyword a rule matched;
    the rules themselves are listed in the library's "How sources are graded" (book/library.md)."""
    if m := _LOW_HOST.search(f"{publisher} | {url}"):
        return "low", _kind(LOW_HOST_KINDS, m.group(0))
    if m := _LOW_NOTE.search(" | ".join(notes)):
        return "low", _kind(LOW_NOTE_KINDS, m.group(0))
    if m := _SECONDARY.search(f"{publisher} | {url}"):
        return "secondary", _kind(SECONDARY_KINDS, m.group(0))
    if _NEWS.search(f"{source_groups.own_name(publisher)} | {urlparse(url).netloc}"):
        return "secondary", "a news report quoting another body's figure"
    if _QUOTING_TITLE.search(title):
        from asmhub_utils.tidy.lineage import original_source

        quoted = original_source("", title)
        return "secondary", f"quotes {quoted.name if quoted else 'another source'}, as its title says"
    return "primary", "published by the body that produced or compiled the figure"


def figure_grade(source_grade: str, source_reason: str, original: str) -> tuple[str, str]:
    """(grade, reason) of one figure: its source's grade, secondary when it quotes a named producer."""
    if source_grade == "low":
        return source_grade, source_reason
    if original:
        return "secondary", f"quotes {original}"
    return source_grade, source_reason
