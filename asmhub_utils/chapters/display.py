"""One display layer: how every value that reaches a page is written (tables, chart labels, prose through glue).

- numbers get thousands separators and no false precision: 315000000 -> "315,000,000", 221253.2 -> "221,253",
  written by Babel from CLDR for the book's language (`LOCALE`; every number function takes `locale` for
  another), with the book's rules on top (which figures read in words, which keep their digits);
- units read as words: "persons" -> "people", "t/yr" -> "tonnes a year", "percent" -> "%"; hectares stay "ha";
- a value written in words keeps its words and gets no unit: "nearly half" (never "nearly half percent"),
  "fully legalised", "dataset exists"; a value whose text already names its unit ("935,000 carats (...)") gets
  no second one; a year or a date is written alone ("1989", never "1989 year");
- a figure without a reference year is "undated (published 2023)", or "undated" when the source has no date
  either, in every table, chart and sentence; a span the source gives ("2017-2018") is kept;
- countries are named, never coded, and listed in reading order (by name).

Nothing here changes a value: the text a source printed is kept, only its presentation changes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache

import pandas as pd
from babel import Locale
from babel.numbers import format_compact_decimal, parse_pattern

from asmhub_utils import wording
from asmhub_utils.tidy.readings import UNIT_READING

LOCALE = "en"  # the language the book is written in: CLDR's separators and number words for it

# Units as words, for a unit written after a number: the tidy stage's words (readings.UNIT_READING, which writes
# each figure's English reading), with 'people' for persons (a reading names them by their own noun) and the short
# 'ha' of tables and charts. Babel's CLDR unit names lose here: 'metric tons per year', 'hectares' and '2.5 t/yr'
# (short form) where the book writes 'tonnes a year' and 'ha', and CLDR has no name for 'people a day' or a currency
# per month; a translation gives these tables in its own language.
UNIT_WORDS: dict[str, str] = {**UNIT_READING, "persons": "people", "ha": "ha"}
# Units that are the value itself (the value text is a year, a date, a statement).
SELF_DESCRIBING = frozenset({"year", "date", "text", "event", "dataset", "licence", ""})
NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


# Babel (CLDR) writes the digits: 14-17 microseconds a number against about 1 for an f-string (timeit on the
# 2-core build machine, load 7), a few milliseconds a page for numbers ready for another language. Patterns parsed once.
_WHOLE, _SIGNIFICANT = parse_pattern("#,##0"), parse_pattern("@##")  # thousands separators; 3 significant digits


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def number(value: float | int | str, locale: str = LOCALE) -> str:
    """315000000 -> '315,000,000'; 221253.2 -> '221,253'; 2.5 -> '2.5'; 0.046 -> '0.046' (three significant
    digits below 100); 'unknown' for a missing value."""
    value = float(value)
    if math.isnan(value):
        return "unknown"
    if abs(value) >= 100 or value == int(value):
        return _WHOLE.apply(round(value), _locale(locale))
    return _SIGNIFICANT.apply(value, _locale(locale))


def whole(value: float | int, locale: str = LOCALE) -> str:
    """221253.2 -> '221,253': rounded to a whole number, with thousands separators."""
    return _WHOLE.apply(round(float(value)), _locale(locale))


def millions(value: float | int | str, locale: str = LOCALE) -> str | None:
    """315000000 -> '315 million', 40500000 -> '40.5 million': a bare figure of a million or more that is a whole
    number of tenths of a million reads in words (CLDR's long compact form: 'billion' from a thousand million,
    then only for whole tenths of a billion); None otherwise (1234567 keeps its digits: nothing is rounded)."""
    value = float(value)
    tenths = value / 100_000
    if abs(value) < 1_000_000 or tenths != int(tenths) or (abs(value) >= 1e9 and value % 100_000_000):
        return None
    return format_compact_decimal(value, format_type="long", fraction_digits=1, locale=_locale(locale))


def count(n: int, noun: str, plural: str | None = None, locale: str = LOCALE) -> str:
    """1 -> '1 figure'; 3 -> '3 figures' (never 'figure(s)'); 1234 -> '1,234 figures'."""
    return f"{_WHOLE.apply(n, _locale(locale))} {wording.noun(n, noun, plural)}"


def unit_words(unit: object) -> str:
    """The words written after a number for `unit` ('' when the unit is the value itself)."""
    if unit is None or (isinstance(unit, float) and math.isnan(unit)):
        return ""
    unit = str(unit)
    if unit in SELF_DESCRIBING:
        return ""
    return UNIT_WORDS.get(unit, unit)


def _names_unit(text: str, words: str) -> bool:
    """True when `text` already says its unit ('935,000 carats', '30 %', '1.2 million people')."""
    if not words:
        return True
    if words == "%":
        return "%" in text or "percent" in text.lower() or "per cent" in text.lower()
    rate = re.search(r"\b(?:a|per) (year|month|day|week|mine)$", words)
    if rate and re.search(rf"(?:\bper|\ba|/)\s*{rate.group(1)}\b|\b{rate.group(1)}ly\b", text.lower()):
        return True  # 'at least 2 per month' already says its rate: never 'at least 2 per month deaths a month'
    first = words.split()[0].lower()
    stem = first[:-1] if first.endswith("s") else first
    return re.search(rf"\b{re.escape(stem)}", text.lower()) is not None or (
        words == "people" and re.search(r"\b(persons?|miners?|workers?|people)\b", text.lower()) is not None
    )


def quantity(value_text: object, unit: object, people: str = "people") -> str:
    """A figure as printed, made readable: '315,000,000 people', '221,253 ha', '20%', 'nearly half', '1989'.

    `people` is the noun for a count of persons ('children', 'women', 'deaths' where the figure counts those).
    A unit goes after the number it belongs to: 'nearly 38% (710 t)', 'about one third (over 30%)'.
    """
    text = "" if value_text is None or (isinstance(value_text, float) and math.isnan(value_text)) else str(value_text)
    text = " ".join(text.split())
    if not text:
        return "unknown"
    if str(unit) not in ("year", "date"):
        bare = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s*([-–])\s*(\d+(?:\.\d+)?))?", text)
        if bare:  # a bare number or range as printed: '2000000' (-> '2 million'), '786-2211'
            text = (millions(bare[1]) if not bare[3] else None) or (
                number(bare[1]) + (f"-{number(bare[3])}" if bare[3] else "")
            )
    words = unit_words(unit)
    if words == "people":
        words = people
    if not re.search(r"\d", text) or _names_unit(text, words):
        return text
    aside = re.fullmatch(r"([^(]*?)\s*\(([^()]*)\)", text)
    if aside:  # 'nearly 38 (710 t)': the unit follows the number it belongs to
        head, inner = aside.groups()
        if re.search(r"\d", head):
            return f"{_with_unit(head, words)} ({inner})"
        if re.search(r"\d", inner) and not _names_unit(inner, words):
            return f"{head} ({_with_unit(inner, words)})"
        return text
    return _with_unit(text, words)


def _with_unit(text: str, words: str) -> str:
    if words == "%":
        return f"{text}%"
    if text == "1":
        plural = next((p for p in _SINGULAR if words.startswith(p)), None)
        words = _SINGULAR[plural] + words[len(plural) :] if plural else words
    return f"{text} {words}"


_SINGULAR = {
    "people": "person",
    "tonnes": "tonne",
    "deaths": "death",
    "carats": "carat",
    "US dollars": "US dollar",
    "children": "child",
    "women": "woman",
}
_DEATHS = re.compile(r"\bdeaths?\b|\bkilled\b|\bdied\b", re.I)


def people_noun(measures: object = None, indicator: object = None) -> str:
    """The noun for a count of persons: 'children' or 'women' when that is what the figure measures, 'deaths'
    for a count of deaths, else 'people'."""
    if measures in ("children", "women"):
        return str(measures)
    if _present(indicator) and _DEATHS.search(str(indicator)):
        return "deaths"
    return "people"


def figure(row: pd.Series | dict) -> str:
    """A row of the estimates table as the book reads it: its English reading (`value_reading`, written once by
    the tidy stage: asmhub_utils/tidy/readings.py), so every page shows one figure one way; `quantity` of the
    value as printed for a row without one."""
    reading = row.get("value_reading")
    if _present(reading):
        return str(reading)
    return quantity(row.get("value_text"), row.get("unit"), people_noun(row.get("measures"), row.get("indicator")))


def is_statement(row: pd.Series | dict) -> bool:
    """True for a value that is not a quantity (a legal fact, a date, a description): shown as a statement, never
    in an Estimate column."""
    return row.get("reading_kind") == "statement"


def printed(row: pd.Series | dict) -> str:
    """The value as the source printed it, shown beside the reading when it is not in English ('jusqu'à 10
    milles emplois') or holds an aside the reading leaves out ('at least 1 million (possibly 1.5 million)');
    '' for a bare number or English words the reading restates ('about 60 percent')."""
    text = " ".join(str(row.get("value_text") or "").split())
    if not text or not re.search(r"[^\W\d_]{2,}", text) or text.casefold() == figure(row).casefold():
        return ""
    return text if language(row) != "en" or "(" in text else ""


def language(row: pd.Series | dict) -> str:
    """The language of the printed words, for a `lang` attribute ('en' when unknown)."""
    code = row.get("value_language")
    return str(code) if _present(code) else "en"


def _present(value: object) -> bool:
    return (
        value is not None
        and not (isinstance(value, float) and math.isnan(value))
        and value is not pd.NA
        and str(value).strip() not in ("", "nan", "<NA>")
    )


def reliability(row: pd.Series | dict) -> str:
    """A figure's reliability (primary, secondary or low: `reliability`, secondary when it quotes another
    producer); its source's (`source_reliability`) where the data has none of its own."""
    own = row.get("reliability")
    return own if isinstance(own, str) and own else row.get("source_reliability")


def _year(value: object) -> str:
    text = str(value).strip()
    return text[:-2] if re.fullmatch(r"\d{4}\.0", text) else text


def publication_year(published: object) -> str:
    """The year a source was published, as a citation gives it: '2019', or 'n.d.' (no date)."""
    return _year(published) if _present(published) else "n.d."


def year_label(year: object, published: object = None, year_text: object = None) -> str:
    """The year a figure refers to: '2019'; a span as the source gives it: '2017-2018'; else
    'undated (published 2023)', or 'undated' when the source has no date either."""
    if _present(year_text) and re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}", str(year_text).strip()):
        return re.sub(r"\s*[-–]\s*", "-", str(year_text).strip())
    if _present(year):
        return _year(year)
    if _present(year_text) and re.search(r"\d", str(year_text)):  # a decade or period as the source gives it
        return str(year_text).strip()
    if _present(published):
        return f"undated (published {_year(published)})"
    return "undated"


def row_year(row: pd.Series | dict) -> str:
    """`year_label` of a row of the estimates table: its `published_year` when the data has one, else its
    source's publication year (when joined)."""
    published = row.get("published_year")
    published = published if _present(published) else row.get("source_year")
    return year_label(row.get("year"), published, row.get("year_text"))


def bracketed_year(row: pd.Series | dict) -> str:
    """`row_year` for a place already in brackets: 'undated, published 2023' (the '(undated (published 2023))'
    of an echo's year nested one bracket in another)."""
    year = row_year(row)
    found = re.fullmatch(r"undated \(published (.+)\)", year)
    return f"undated, published {found.group(1)}" if found else year


def prose_year(row: pd.Series | dict) -> str:
    """The year of a figure as a sentence gives it before the figure's citation: ' in 2019', ' in the 1990s',
    ', undated'. An undated figure does not repeat its source's publication year ('undated (published 2024)
    (UNEP, 2024)'): the citation that follows gives it."""
    year = row_year(row)
    if year.startswith("undated"):
        return ", undated"
    return f" in the {year}" if year.endswith("s") else f" in {year}"


def country_name(iso3: str) -> str:
    """The country's name for a page ('World' for a blank code)."""
    from asmhub_utils.tidy.countries import iso_name

    return iso_name(iso3) if _present(iso3) else "World"


def in_sentence(name: str) -> str:
    """A country's name inside a sentence: 'The Democratic Republic of the Congo' -> 'the Democratic Republic of
    the Congo' (as in 'People working in ASM in the Democratic Republic of the Congo')."""
    return "the " + name[4:] if name.startswith("The ") else name


def by_name(codes: Iterable[str]) -> list[str]:
    """ISO3 codes in the reading order of their names (Chad before Suriname)."""
    return sorted(set(codes), key=lambda code: re.sub(r"^the ", "", country_name(code).casefold()))


def source_short(publisher: object, width: int | None = 40) -> str:
    """The publisher as a short label: the part before any bracket, cut to `width` characters with '…'
    (never cut with `width=None`: chart labels wrap instead)."""
    text = str(publisher).split(" (")[0].strip() if _present(publisher) else "unknown publisher"
    return text if width is None or len(text) <= width else text[: width - 1].rstrip() + "…"


_CURATED_FIELD = {
    "year": "the year it refers to",
    "original_source": "who produced it",
    "measures": "what it counts",
    "coverage": "where it applies",
    "reliability": "its reliability",
    "headline_decision": "the headline",
    "repeats": "the estimate it repeats",
}


def curation_note(text: object) -> str:
    """A curation decision as a reader reads it: 'coverage set by curation: reason' -> "Editors' decision on where
    it applies: reason" (data/curation.csv keeps the field name)."""
    if not _present(text):
        return ""
    found = re.match(r"^(\w+) set by curation: ", str(text))
    if not found:
        return str(text)
    return f"Editors' decision on {_CURATED_FIELD.get(found[1], found[1])}: {str(text)[found.end() :]}"


def compiler_note(text: object) -> str:
    """A note the data's compilers wrote beside a figure, labelled as theirs (never read as the source's words).
    Pages show `caveat` instead: the working notes stay in the data and the downloads."""
    return f"Compiler's note: {str(text).strip()}" if _present(text) and str(text).strip() else ""


def caveat(row: pd.Series | dict) -> str:
    """The caveat a reader needs beside a figure, in plain words (`reader_note`, asmhub_utils/tidy/reader_notes.py):
    'Caveat: the compiler calls this a working hypothesis.'; '' when there is none."""
    text = row.get("reader_note")
    if not _present(text):
        return ""
    text = str(text)
    return f"Caveat: {text[0].lower() + text[1:] if text[1:2].islower() else text}"
