"""Notes for readers, provenance for the record.

A figure's `note` is the compilers' working text: where in the stored copy the figure stood, how a page was
read ("sentence truncated in stored excerpt", "page text is column-scrambled", "as quoted in sheet"), the
gloss of a foreign value, the sheet's own dates. It stays in the data and the downloads, whole. A page shows
only `reader_note`: the caveats a reader needs, in plain words, picked from the note clause by clause (clauses
are separated by ';') by the rules below:

1. a clause about the record's making is never shown: the stored copy or excerpt, truncation, scrambled or
   garbled text, a reconstructed title, what the sheet or the inventory database dates, how the value was
   printed, glosses, mirrors and reposts, licences of the data;
2. a clause that says what the figure is, or how far to trust it, is shown:
   * "working hypothesis" reads "the compiler calls this a working hypothesis", "outdated" "the compiler
     calls this outdated", a "guess" "the compiler calls this a guess";
   * a statistical model reads "a statistical model, not a count";
   * extrapolated, derived, cumulative, recurring, not a census / count / survey, counts something other than
     people ("claims, not persons"), unverified or unsourced claims, doubts ("seems low", "exaggerated",
     "internally inconsistent", "conflicts with"), indirect jobs, and short clauses that say
     what the figure is limited to ("illegal miners only"): shown in the note's own words;
3. every other clause stays in the data only.
"""

from __future__ import annotations

import re

# 1. Notes on how the record was made: never on a page.
WORKING = re.compile(
    r"truncat|stored (?:excerpt|copy|text)|\bexcerpt\b|scrambl|garbl|as quoted in sheet|reconstructed|"
    r"source_year|publ\. year|\bprinted\b|^\s*(?:EN|gloss)\s*:|^\s*=|mirror|repost|\bverify\b|title from url|"
    r"raw copy|\bCC BY|page text|\bcolumn\b|sheet's own|record's own|inventory database|add-on|previous row|"
    r"yumpu|crawl date|unit as printed|\bunit\s*=|\bcurrency\b|publication year|year left blank|"
    r"\bheadline not\b|per artisanalmining|checked",
    re.I,
)

# 2. Caveats a reader needs: (pattern, plain words or None to keep the clause's own words).
CAVEATS: tuple[tuple[re.Pattern, str | None], ...] = (
    (re.compile(r"working hypothesis", re.I), "the compiler calls this a working hypothesis"),
    (re.compile(r"\boutdated\b", re.I), "the compiler calls this outdated"),
    (re.compile(r"\bguess\b", re.I), "the compiler calls this a guess"),
    (re.compile(r"statistical model|model output|\bmodell?ed\b", re.I), "a statistical model, not a count"),
    (re.compile(r"extrapolat|\bderived\b|\bcumulative\b|\brecurs|\breplicated\b", re.I), None),
    (re.compile(r"\bnot (?:a |an )?(?:census|count|survey|population estimate|official statistic)", re.I), None),
    (re.compile(r", not (?:persons|people|miners|workers)\b|\bnot persons\b|\bnot miners\b", re.I), None),
    (re.compile(r"unverified|unsourced|no source given|journalistic claim|not attributed", re.I), None),
    (
        re.compile(
            r"seems low|exag+erated|underestimated|overestimated|doubtful|internally inconsistent|"
            r"misattribut|conflicts with|high uncertainty|certainty low",
            re.I,
        ),
        None,
    ),
    (re.compile(r"\bindirect\b", re.I), None),
)
_ONLY = re.compile(r"^[^,()]{3,45}\bonly$", re.I)  # 'illegal miners only', 'local count: Kunene region only'
_MAX_WORDS = 30  # a caveat is a line, not a paragraph: longer clauses stay in the data


def clauses(note: str) -> list[str]:
    """A note's clauses (separated by ';'), stripped."""
    return [c.strip() for c in re.split(r";\s*", note or "") if c.strip()]


def classify(clause: str) -> tuple[str, str]:
    """('working' | 'caveat' | 'record', the words a page shows or '')."""
    if WORKING.search(clause):
        return "working", ""
    for pattern, words in CAVEATS:
        if pattern.search(clause):
            if words is None and len(clause.split()) > _MAX_WORDS:
                return "record", ""
            return "caveat", words or _balanced(clause)
    if _ONLY.search(clause):
        return "caveat", _balanced(clause)
    return "record", ""


def _balanced(clause: str) -> str:
    """A clause cut from a bracketed aside loses its stray closing bracket ('informal miners not counted)')."""
    while clause.endswith(")") and clause.count(")") > clause.count("("):
        clause = clause[:-1].rstrip()
    return clause


def reader_note(note: str) -> str:
    """The caveats of a note in plain words ('' when none): 'The compiler calls this a working hypothesis.'"""
    shown: list[str] = []
    for clause in clauses(note):
        kind, words = classify(clause)
        if kind == "caveat" and words not in shown:
            shown.append(words)
    if not shown:
        return ""
    text = "; ".join(shown)
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


_ASIDE = re.compile(r"\s*\(([^()]*)\)")


def without_working_asides(text: str) -> str:
    """A source's title or a locator for a page: bracketed working notes taken out ('Reuters 2019 (as quoted in
    sheet)' -> 'Reuters 2019'; '... (headline not in stored excerpt)' -> '...'); the data keeps them."""
    text = str(text or "")
    while True:
        shorter = _ASIDE.sub(
            lambda m: "" if WORKING.search(m[1]) else m[0].replace("(", "\x00").replace(")", "\x01"), text
        )
        if shorter == text:
            return shorter.replace("\x00", "(").replace("\x01", ")").strip()
        text = shorter
