"""Warning signs: what in a figure, or in the choice of a headline, asks for a specialist's judgment.

Each sign has a name and a reason in a reader's words. Signs of one figure, read from its indicator, note,
measure and reliability (`figure_signs`):

* **model**: a statistical model (the measure, or a note saying the figure is based on a model);
* **derivation**: a number derived from other numbers (claims, sites or mines times people per unit, production
  value divided by income per head) or extrapolated;
* **registered mines**: the workforce of a set of registered or counted mines, not all miners;
* **census category**: a census or survey category of all mining and quarrying, not ASM only;
* **literature range**: a range across other studies' figures, not an estimate of its own;
* **indirect jobs**: a count of people in ASM that includes indirect jobs or dependants;
* **outdated**, **recurring**, **hypothesis**, **doubted**: the compilers' note calls the figure outdated, says it
  recurs unchanged across the years, calls it a working hypothesis or guess, or doubts it (unreliable, taken out
  of context, low certainty, conflicting with its own source);
* **news**: a figure that reaches the book through a news report, blog or repost (its reliability's reason);
* **number in a text column**: a statement kept as text (a legal fact, a date, a description) whose words
  hold a number a reader may take for a quantity.

The first five **disqualify** a figure as a country's headline (headline.py never chooses it). Signs of a
choice (`headline.py` adds them): a **tie** (two independent estimates equally recent, chosen by the order of
the records), a **spread** of more than ten times between independent national estimates, and an echo group
whose members differ in subject (`mixed echo group`). A headline that carries any sign needs a reviewed
decision in `data/curation.csv` (field `headline_decision`); `asmhub audit` lists every sign.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from asmhub_utils.tidy import measures

DISQUALIFYING = ("model", "derivation", "registered mines", "census category", "literature range")
# Signs about the estimate itself: one member of an echo group carrying them marks every quotation of it.
OF_THE_ESTIMATE = (*DISQUALIFYING, "outdated", "recurring", "hypothesis", "doubted")

_MODEL = re.compile(r"\bmodel(?:led|ling)?\b", re.I)
_DERIVED = re.compile(
    r"\bderived\b|\bper claim\b|\bpeople per\b|\bper (?:site|mine|pit|shaft)\b|\bmultipl|"
    r"\bextrapolat",
    re.I,
)
_REGISTERED_MINES = re.compile(r"\bworkforce of\b[^;]*\bmines\b|\b(?:registered|reporting|licensed) mines\b", re.I)
_CENSUS_CATEGORY = re.compile(r"census category|\bmining (?:and|&) quarrying\b|\bM&Q\b", re.I)
_LITERATURE = re.compile(r"range across (?:the )?literature|\bacross studies\b", re.I)
_INDIRECT = re.compile(r"\bindirect|\bdependants?\b|\bfamil|\blivelihood", re.I)  # read in the indicator
_INDIRECT_NOTE = re.compile(r"\bdirect\s*(?:\+|and)\s*indirect\b|\bincl\w*\.? (?:indirect|dependants)", re.I)
_OUTDATED = re.compile(r"\boutdated\b|\bpossibly outdated\b|\bold data\b", re.I)
_RECURRING = re.compile(
    r"\brecurs?\b|\brecurring\b|\breplicated since\b|quoted in both \d{4} and \d{4}|"
    r"\bsame figure (?:recurs|since)\b|\blong-standing\b|\bdata gap\b",
    re.I,
)
_HYPOTHESIS = re.compile(r"\bhypothesis\b|\bguess\b", re.I)
# "female 20% guess", "gold 2/3 guess": the guess is about a share of the figure, shown in its own row.
_SHARE_GUESS = re.compile(
    r"\b(?:female|women|gold|men|commodity)\b[^;]{0,40}\b(?:guess|hypothesis|extrapolated)\b|"
    r"\b(?:guess|hypothesis)\b[^;]{0,12}\b(?:female|women)\b|female participation",
    re.I,
)
_DOUBTED = re.compile(
    r"\bunreliable\b|out of (?:its )?(?:original )?context|\blow certainty\b|"
    r"\bprobably a misattribution\b|\bconflicts with\b",
    re.I,
)
_NEWS_REASON = re.compile(
    r"news report|\bblog\b|\brepost\b|forum|encyclopedia|quotes another publisher's figure|"
    r"personal page|a summary of|a reprint",
    re.I,
)

READER = {
    "model": "rests on a statistical model, not a count or an estimate of people seen",
    "derivation": "is derived from other numbers (claims, sites or mines times people per unit, production value "
    "divided by income per head) or extrapolated, not estimated from people",
    "registered mines": "counts the workforce of registered or counted mines, not all people in ASM",
    "census category": "counts a census category of all mining and quarrying, not ASM only",
    "literature range": "is a range across other studies' figures, not an estimate of its own",
    "indirect jobs": "includes indirect jobs or dependants, not only the people who mine",
    "outdated": "is called outdated by the compilers",
    "recurring": "recurs unchanged in publications years apart, so its year is uncertain",
    "hypothesis": "is a working hypothesis or guess of the compilers",
    "doubted": "is doubted by the compilers' note (unreliable, out of context, low certainty or conflicting)",
    "news": "reaches the book through a news report, blog or repost of someone else's figure",
    "number in a text column": "is a statement kept as text that holds a number a reader may take for a quantity",
    "tie": "was chosen over an equally recent independent estimate only by the order of the records",
    "spread": "differs more than tenfold from another independent national estimate",
    "mixed echo group": "is quoted in an echo group whose members count different things",
}


@dataclass(frozen=True)
class Sign:
    record_id: str
    iso3: str
    sign: str
    reason: str


def _text(record: dict) -> str:
    return f"{record.get('indicator', '')} ; {record.get('note', '')}"


def figure_signs(record: dict) -> list[str]:
    """The warning signs one figure carries (names from `READER`), in a fixed order."""
    text, note = _text(record), record.get("note") or ""
    found = []
    if record.get("measures") == "statistical model" or _MODEL.search(text):
        found.append("model")
    if _DERIVED.search(_SHARE_GUESS.sub("", text)):
        found.append("derivation")
    if _REGISTERED_MINES.search(text):
        found.append("registered mines")
    if _CENSUS_CATEGORY.search(text):
        found.append("census category")
    if _LITERATURE.search(text):
        found.append("literature range")
    if record.get("measures") == measures.ALL_ASM and (
        _INDIRECT.search(record.get("indicator") or "") or _INDIRECT_NOTE.search(note)
    ):
        found.append("indirect jobs")
    if _OUTDATED.search(note):
        found.append("outdated")
    if _RECURRING.search(text):
        found.append("recurring")
    if _HYPOTHESIS.search(_SHARE_GUESS.sub("", note)) or re.search(r"\?\s*\)?\s*$", record.get("value_text") or ""):
        found.append("hypothesis")
    if _DOUBTED.search(note):
        found.append("doubted")
    if record.get("reliability") == "secondary" and _NEWS_REASON.search(record.get("reliability_reason") or ""):
        found.append("news")
    if (
        record.get("value_kind") == "text"
        and re.search(r"\d", record.get("value_text") or "")
        and record.get("unit") in ("", None)
    ):
        found.append("number in a text column")
    return found


def disqualified(record: dict) -> bool:
    """True when a figure can never be a country's headline (one of `DISQUALIFYING`)."""
    return any(sign in DISQUALIFYING for sign in figure_signs(record))


def estimate_signs(members: list[dict]) -> list[str]:
    """The signs about one estimate (`OF_THE_ESTIMATE`) that any of its quotations (an echo group) carries."""
    found = {sign for m in members for sign in figure_signs(m) if sign in OF_THE_ESTIMATE}
    return [sign for sign in OF_THE_ESTIMATE if sign in found]


def reader(sign: str) -> str:
    return READER[sign]
