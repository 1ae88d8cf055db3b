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

LOW_HOSTS = (
    r"aladdinseparation", r"liquisearch", r"\bwikipedia\b", r"zam magazine", r"mwanzo tv", r"sastouthabitat",
    r"econcartography", r"tv republika", r"stolygc", r"ezproxy",
)
# Phrases in a figure's note that grade its source low (host names in notes are not enough: a note may
# mention another source to compare with).
LOW_NOTE_PHRASES = (
    r"low[- ]reliability", r"low citation quality", r"low-quality", r"weak evidence", r"internally inconsistent",
    r"\bunsourced\b", r"not an official statistic",
)
# Reaching us through someone else: quoting words, mirrors and document-sharing copies (read in the publisher and
# URL). News outlets are secondary too: their list is the library's News shelf (`source_groups.NEWS`), read, as
# there, in the publisher's own name and the web host only, never in the body it quotes or the page's path.
SECONDARY_PATTERNS = (
    r"\bvia\b", r"\bciting\b", r"\breporting\b", r"\breposting\b", r"\breprint", r"\bsummaris", r"\bmirror\b",
    r"\bbased on\b", r"\bblog\b", r"\bcopy\b", r"docslib", r"scribd", r"vdocuments", r"readkong", r"slideplayer", r"docstoc",
    r"coek\.info", r"plexii", r"statista", r"secondary", r"as reported", r"journalistic", r"datawrapper",
    r"foco econ",
)

_LOW_HOST = re.compile("|".join(LOW_HOSTS), re.I)
_LOW_NOTE = re.compile("|".join(LOW_NOTE_PHRASES), re.I)
_SECONDARY = re.compile("|".join(SECONDARY_PATTERNS), re.I)
_NEWS = re.compile("|".join(source_groups.NEWS), re.I)


_QUOTING_TITLE = re.compile(r"\b(quoting|citing|reposting|reprint of|as reported|secondary web page)\b", re.I)


def classify(publisher: str, url: str, notes: Iterable[str] = (), title: str = "") -> tuple[str, str]:
    """Return (reliability, reason) for one source from its publisher, URL, title and the notes on its figures."""
    if m := _LOW_HOST.search(f"{publisher} | {url}"):
        return "low", f"host flagged in REPORT.md quality notes ('{m.group(0)}')"
    if m := _LOW_NOTE.search(" | ".join(notes)):
        return "low", f"figure note says '{m.group(0)}'"
    if m := _SECONDARY.search(f"{publisher} | {url}"):
        return "secondary", f"reported through another publisher ('{m.group(0)}')"
    if m := _NEWS.search(f"{source_groups.own_name(publisher)} | {urlparse(url).netloc}"):
        return "secondary", f"a news outlet ('{m.group(0)}') reporting another body's figure"
    if _QUOTING_TITLE.search(title):
        from asmhub_utils.tidy.lineage import original_source

        quoted = original_source("", title)
        return "secondary", f"the title says it quotes {quoted.name if quoted else 'another source'}"
    return "primary", "published by the body that produced or compiled the figure"


def figure_grade(source_grade: str, source_reason: str, original: str) -> tuple[str, str]:
    """(grade, reason) of one figure: its source's grade, secondary when it quotes a named producer."""
    if source_grade == "low":
        return source_grade, source_reason
    if original:
        return "secondary", f"quotes {original}"
    return source_grade, source_reason
