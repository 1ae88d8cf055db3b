"""Read the value strings that sources actually print ("80-100 million", "about 1,000", "2,000+").

`parse_value` turns one string into a `ParsedValue`: low / high / central numbers, a normalised
qualifier and a kind. The original text is never replaced; these numbers sit next to it.

Rules, in the order they apply:

* Units that hold text (dates, licences, "dataset exists") and strings with no leading figure are
  kind ``text``: kept, never forced into a number.
* A parenthesis that names a median, average or probable value supplies ``central``
  ("380-870 (median 520)"); any other parenthesis is an annotation and is ignored
  ("59 (52 confirmed + 7 missing)" is 59). When only the parenthesis has a figure, it is read.
* Several figures joined by ";", "/", " vs ", " + " or " and " are kind ``multiple``: the numbers stay
  blank because no single figure stands for the statement (e.g. "1,000,000 (2013); 50,000 (2006)").
* "a-b" is a range: low = a, high = b, central blank unless the source states one. A range is never
  averaged into a central value.
* One figure is kind ``number``: central = the stated figure; low and high follow the qualifier
  ("more than X": low = X, high blank; "up to X": high = X, low blank; "about X": both X).
* "million" / "billion" / "thousand" scale the figure, and a scale on the upper end of a range applies to
  both ends ("10-15 million"). Word fractions ("one third", "half", "one in 25") become percentages when
  the unit is percent.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

TEXT_UNITS = frozenset({"text", "date", "licence", "dataset", "event"})

# Phrase -> normalised qualifier. Longest phrases first so "more than" wins over "more".
QUALIFIERS: dict[str, str] = {
    "approximately": "about",
    "approx.": "about",
    "around": "about",
    "about": "about",
    "roughly": "about",
    "some": "about",
    "circa": "about",
    "~": "about",
    "perhaps": "perhaps",
    "nearly": "nearly",
    "almost": "nearly",
    "approaching": "nearly",
    "close to": "nearly",
    "près d'un": "nearly",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "at least": "at least",
    "not less than": "at least",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "as little as": "as little as",
    "typically": "typically",
}

# How each qualifier bounds the stated figure X: (low, high) as functions of X.
_BOUNDS = {
    "": (True, True),
    "about": (True, True),
    "perhaps": (True, True),
    "typically": (True, True),
    "nearly": (False, True),
    "up to": (False, True),
    "more than": (True, False),
    "at least": (True, False),
    "as little as": (True, False),
}

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
FRACTION_WORDS = {
    "half": 1 / 2,
    "one half": 1 / 2,
    "one third": 1 / 3,
    "one-third": 1 / 3,
    "a third": 1 / 3,
    "one quarter": 1 / 4,
    "a quarter": 1 / 4,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
}
NUMBER_WORDS = {"one": 1.0, "a": 1.0, "un": 1.0, "two": 2.0, "three": 3.0}

_NUM = r"\d[\d,]*(?:\.\d+)?"
_SCALE = r"(?:\s*(thousand|million|billion))?"
_CURRENCY = r"(?:(?:USD|US\$|ZAR|MAD|EUR|\$)\s*)?"
_QUAL_RE = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_LEAD = re.compile(rf"^\s*(?P<qual>{_QUAL_RE})?\s*(?:a further\s+|an estimated\s+)?", re.I)
_RANGE = re.compile(
    rf"^{_CURRENCY}(?P<a>{_NUM}){_SCALE}\s*(?:-|–|to)\s*{_CURRENCY}(?P<b>{_NUM}){_SCALE}(?P<pct>\s*%)?", re.I
)
_SINGLE = re.compile(rf"^{_CURRENCY}(?P<a>{_NUM}){_SCALE}(?P<plus>\+)?(?P<pct>\s*%)?", re.I)
_WORD_SCALE = re.compile(r"^(?P<w>one|a|un|two|three)\s+(?P<s>thousand|million|billion)\b", re.I)
_ONE_IN = re.compile(rf"^one in (?P<n>{_NUM})\b", re.I)
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_PAREN = re.compile(r"\(([^()]*)\)")
_CENTRAL_IN_PAREN = re.compile(rf"(?:median|average|mean|probable)\s*~?\s*(?P<v>{_NUM}){_SCALE}", re.I)
_SEPARATORS = re.compile(r";|\s/\s|\svs\.?\s|\s\+\s|\sand\s", re.I)


@dataclass(frozen=True)
class ParsedValue:
    """A value string read into numbers. Numbers are None where the text does not give them."""

    low: float | None
    high: float | None
    central: float | None
    qualifier: str
    kind: str  # number | range | multiple | text

    @property
    def is_numeric(self) -> bool:
        return any(v is not None for v in (self.low, self.high, self.central))


class ValueParseError(ValueError):
    """A value string that is not empty but has no form this parser reads."""


def _to_float(digits: str, scale: str | None) -> float:
    number = float(digits.replace(",", ""))
    return number * SCALES[scale.lower()] if scale else number


def _clean(number: float) -> float:
    """Round away float noise from scaling (1.5 * 1e6) without touching real decimals."""
    return float(f"{number:.12g}")


def _text(qualifier: str = "") -> ParsedValue:
    return ParsedValue(None, None, None, qualifier, "text")


def _single(x: float, qualifier: str) -> ParsedValue:
    has_low, has_high = _BOUNDS[qualifier]
    x = _clean(x)
    return ParsedValue(x if has_low else None, x if has_high else None, x, qualifier, "number")


def _strip_parentheses(text: str) -> tuple[str, list[str]]:
    notes = _PAREN.findall(text)
    return _PAREN.sub(" ", text).strip(), notes


def _read_qualifier(text: str) -> tuple[str, str]:
    match = _LEAD.match(text)
    phrase = (match.group("qual") or "").lower()
    return QUALIFIERS.get(phrase, ""), text[match.end():].strip()


def _read_figure(body: str, qualifier: str, unit: str) -> ParsedValue | None:
    """Read the figure at the start of `body` (qualifier already removed); None when there is none."""
    percent = unit.strip().lower() == "percent"
    if m := _RANGE.match(body):
        scale_b = m.group(4)
        scale_a = m.group(2) or scale_b
        low, high = _to_float(m.group("a"), scale_a), _to_float(m.group("b"), scale_b)
        if low > high:
            return None
        return ParsedValue(_clean(low), _clean(high), None, qualifier, "range")
    if m := _SINGLE.match(body):
        if m.group("plus"):
            qualifier = qualifier or "more than"
        return _single(_to_float(m.group("a"), m.group(2)), qualifier)
    if m := _WORD_SCALE.match(body):
        return _single(NUMBER_WORDS[m.group("w").lower()] * SCALES[m.group("s").lower()], qualifier)
    if m := _ONE_IN.match(body):
        share = 1 / float(m.group("n").replace(",", ""))
        return _single(share * 100 if percent else share, qualifier)
    lowered = body.lower()
    for words in sorted(FRACTION_WORDS, key=len, reverse=True):
        if lowered == words or lowered.startswith(words + " "):
            share = FRACTION_WORDS[words]
            return _single(round(share * 100, 2) if percent else share, qualifier)
    if qualifier == "nearly" and (m := re.match(r"^(?P<s>million|billion)\b", body, re.I)):
        return _single(SCALES[m.group("s").lower()], qualifier)  # "près d'un million"
    return None


def _read_central(notes: list[str]) -> float | None:
    for note in notes:
        if m := _CENTRAL_IN_PAREN.search(note):
            return _clean(_to_float(m.group("v"), m.group(2)))
    return None


def parse_value(text: str, unit: str = "") -> ParsedValue:
    """Parse one value string; raise ValueParseError only for an empty string."""
    if text is None or not str(text).strip():
        raise ValueParseError("the value is empty")
    text = " ".join(str(text).split())
    if unit.strip().lower() in TEXT_UNITS or _DATE.match(text):
        return _text()

    main, notes = _strip_parentheses(text)
    parts = [p for p in _SEPARATORS.split(main) if p.strip()]
    if sum(bool(re.search(r"\d", p)) for p in parts) > 1:
        return ParsedValue(None, None, None, "several figures", "multiple")

    qualifier, body = _read_qualifier(main)
    parsed = _read_figure(body, qualifier, unit)
    if parsed is None and not re.search(r"\d", main):
        for note in notes:  # "près d'un million (nearly 1 million)": the figure is in the brackets
            note_qualifier, body = _read_qualifier(note)
            if (parsed := _read_figure(body, note_qualifier, unit)) is not None:
                break
    if parsed is None:
        return _text()

    central = _read_central(notes)
    if central is not None and parsed.kind == "range":
        parsed = ParsedValue(parsed.low, parsed.high, central, parsed.qualifier, "range")
    return parsed


def midpoint(low: float | None, high: float | None, central: float | None) -> float | None:
    """One number to colour a map or order a table by: the stated central value, else the range midpoint.

    Only for ordering and colour scales, never printed as an estimate: pages print the range.
    """
    if central is not None and not math.isnan(central):
        return central
    ends = [v for v in (low, high) if v is not None and not math.isnan(v)]
    return sum(ends) / len(ends) if ends else None
