"""Who produced a figure and the year it refers to, read from the compiler's note and the source title.

Rules (applied by the build to every figure; `data/curation.csv` decides what they cannot):

* **original_source**: the producer a figure is quoted from, when the note or the title names one:
  "original source X", "original: X", "cites X", "quoting X", "follows X", "based on X", "reposting X",
  "reprint of X". Inside that phrase the producer with the earliest year is the original (a chain such as
  "ARM-18 (based on IIED-13 / CASM-07)" leads back to CASM 2007). Compilers' short codes are read as name and
  year ("MMSD-03" = MMSD 2003, "ILO-99" = ILO 1999, "MOZ-2022a" = MOZ 2022a). A phrase without a year is kept
  as written, with no year. Blank when the figure names no one else: its publisher produced it.
* **year**: the year the figure refers to. The raw `year` unless the named original is older: a 2018 sheet
  quoting MMSD 2003 refers to 2003. A year found only in the original's name fills a blank raw year.
  A span ("2017-2018") or decade ("1990s") stays in `year_text` and leaves `year` blank; it is never shown as
  "undated". Blank when neither the source nor the quoting sheet says.
* **published_year**: the year of the document that states the figure (the source's year); blank when unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TRIGGER = re.compile(
    r"(?:original source|original:|\bcites\b|\bquoting\b|\bfollows\b|\bbased on\b|"
    r"\breposting\b|\breprint of\b)\s*(.+)",
    re.I,
)
_CLAUSE_END = re.compile(r"\s+as quoted in sheet|;|\s+-\s|$", re.I)
# Compiler codes: MMSD-03, ILO-99, HIL-16, MOZ-2022a, KEN-2018a
_CODE = re.compile(r"\b([A-Z][A-Za-z]{1,7})-(\d{4}|\d{2})([a-z]?)\b")
# Name and year: "Hilson 2016", "Bryceson and Geenen 2016", "Keller, Ruete, Disney (2014)", "MEM 2022"
_NAME_YEAR = re.compile(
    r"\b((?:[A-Z][\w&.'/-]*)(?:(?:,?\s+(?:and|&)\s+|\s+(?:of|for|on|de|du|des|la|del)\s+|,\s+|\s+)[A-Z][\w&.'/-]*){0,3})"
    r",?\s+\(?((?:19|20)\d{2})\)?(?![\d.])"
)
_YEAR_IN_NAME = re.compile(r"\b(?:19|20)\d{2}\b")
_NOT_A_NAME = {"In", "The", "Table", "Annex", "As", "Of", "Per", "Publ", "Since"}


@dataclass(frozen=True)
class Original:
    name: str  # "MMSD 2003", "ILO 1999", or the phrase as written
    year: int | None


def _full_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    year = int(digits)
    return 2000 + year if year <= 40 else 1900 + year


def _candidates(clause: str) -> list[Original]:
    found: list[tuple[int, Original]] = []
    for m in _CODE.finditer(clause):
        year = _full_year(m.group(2))
        found.append((m.start(), Original(f"{m.group(1)} {year}{m.group(3)}", year)))
    stripped = _CODE.sub(" ", clause)
    for m in _NAME_YEAR.finditer(stripped):
        words = m.group(1).split()
        while words and words[0] in _NOT_A_NAME:
            words = words[1:]
        if words and not re.fullmatch(r"[A-Z]\d", words[0]):
            found.append((m.start(), Original(f"{' '.join(words)} {m.group(2)}", int(m.group(2)))))
    return [o for _, o in sorted(found, key=lambda item: item[0])]


def original_source(note: str, title: str = "") -> Original | None:
    """The producer a figure is quoted from (earliest dated one in the quoting phrase); None if none named."""
    for text in (note, title):
        m = _TRIGGER.search(text or "")
        if not m:
            continue
        clause = _CLAUSE_END.split(m.group(1), maxsplit=1)[0].strip(" .,)(")
        if not clause:
            continue
        dated = [o for o in _candidates(clause) if o.year is not None]
        if dated:
            return min(dated, key=lambda o: o.year)  # first-named among equals (min is stable)
        if not (clause[0].isupper() or clause.lower().startswith("pers")):
            continue  # "not named", "qualitative evidence": no producer named
        name = re.split(r"\s*[(,']", clause, maxsplit=1)[0].strip() or clause
        year = _YEAR_IN_NAME.search(name)
        return Original(name, int(year.group(0)) if year else None)
    return None


def reference_year(raw_year: int | None, original: Original | None) -> int | None:
    """The year the figure refers to: the raw year, or the named original's year where that is older."""
    original_year = original.year if original else None
    if raw_year is None:
        return original_year
    if original_year is not None and original_year < raw_year:
        return original_year
    return raw_year
