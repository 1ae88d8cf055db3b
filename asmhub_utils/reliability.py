"""How far a source can be trusted: primary, secondary or low, from REPORT.md's quality flags.

The rules read the publisher, URL and the figure notes, in this order:

1. **low**: hosts and pages REPORT.md section 8 flags (blog reposts, Wikipedia mirrors, aggregator pages,
   unsourced TV claims, a Statista proxy address), or a note that says so ("low reliability",
   "weak evidence", "internally inconsistent", "unsourced", ...).
2. **secondary**: the figure reaches us through someone else: a mirror or document-sharing copy, a news
   report of another body's figure, a blog, or a publisher described as "via", "citing", "reporting",
   "reposting", "reprint", "summarising".
3. **primary**: the publisher produced or compiled the figure itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
SECONDARY_PATTERNS = (
    r"\bvia\b", r"\bciting\b", r"\breporting\b", r"\breposting\b", r"\breprint", r"\bsummaris", r"\bmirror\b",
    r"\bblog\b", r"\bcopy\b", r"docslib", r"scribd", r"vdocuments", r"readkong", r"slideplayer", r"docstoc",
    r"coek\.info", r"plexii", r"statista", r"secondary", r"as reported", r"journalistic",
    r"\bnews\b", r"\btimes\b", r"reuters", r"guardian", r"business live", r"mining weekly", r"prensa latina",
    r"afrik", r"kibaru", r"press", r"\btv\b", r"i24", r"herald", r"mail & guardian", r"deutsche welle",
    r"south china morning post", r"\bapo group\b", r"middle east online", r"el moudjahid", r"daily online",
    r"l'information", r"financial afrik", r"africa briefing", r"occrp", r"national jeweler", r"the standard",
    r"gulf times", r"camerounweb", r"agora francophone", r"channel africa", r"zimbabwe now", r"straight news",
    r"the latest scoop", r"iran mine house", r"central america link", r"colombia economica", r"piura empresarial",
    r"copperbelt katanga mining", r"abamako", r"republic of mining", r"arbetet", r"datawrapper", r"foco econ",
)

_LOW_HOST = re.compile("|".join(LOW_HOSTS), re.I)
_LOW_NOTE = re.compile("|".join(LOW_NOTE_PHRASES), re.I)
_SECONDARY = re.compile("|".join(SECONDARY_PATTERNS), re.I)


def classify(publisher: str, url: str, notes: Iterable[str] = ()) -> tuple[str, str]:
    """Return (reliability, reason) for one source from its publisher, URL and the notes on its figures."""
    if m := _LOW_HOST.search(f"{publisher} | {url}"):
        return "low", f"host flagged in REPORT.md quality notes ('{m.group(0)}')"
    if m := _LOW_NOTE.search(" | ".join(notes)):
        return "low", f"figure note says '{m.group(0)}'"
    if m := _SECONDARY.search(f"{publisher} | {url}"):
        return "secondary", f"reported through another publisher ('{m.group(0)}')"
    return "primary", "published by the body that produced or compiled the figure"
