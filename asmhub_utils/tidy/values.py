"""Read the value strings that sources actually print ("80-100 million", "environ 10.000", "более 7,5 тысяч").

`parse_value` turns one string into a `ParsedValue`: low / high / central numbers, a normalised
qualifier and a kind. The original text is never replaced; these numbers sit next to it. When the parser
cannot decide what a string means it keeps it as text: a value kept as text is a gap, a misread is a lie.

Language of a value (it decides the qualifier and scale words and, with the country, the decimal mark),
the first of:

1. its script: Cyrillic is read as Russian (also for Kazakh "мың" = thousand); Arabic script stays text;
2. its own words: qualifier, scale, number and unit words of English, French, Spanish and Portuguese
   ("environ", "más de", "pelo menos", "milliards", "personas"); a tie between languages gives no answer;
3. the `language` the caller passes: what it knows of the document (the build passes "en" for the seed
   sweep and for contributions, whose values are written in English style; for the second sweep the
   language of the source title, see `guess_language`, else the country's official language when it is one
   of the five, see `official_language`);
4. none: only forms that read the same in every language are read.

Digits: a space, thin space or no-break space between groups of three digits is a thousands separator in
every language ("9 825"); a stray space before a separator is dropped ("1 ,000"). For "," and "." the
decimal mark comes from the language, and for Spanish from the country too (CLDR through Babel: "," in
French, Russian, Portuguese and Colombian or Costa Rican Spanish; "." in English and Mexican, Dominican,
Peruvian or Cuban Spanish; English keeps "." everywhere, whatever CLDR says of South African English):

* the mark that is not the decimal mark, followed by exactly three digits, groups thousands ("10.000" in
  French, "1,415" in Mexican Spanish); followed by anything else it is a misprint or another convention
  ("2,5 million" in English): text;
* either mark followed by exactly "000" groups thousands in every language ("5,000", "116.000"): no text
  prints a decimal as ",000";
* the decimal mark followed by one, two or four or more digits is a decimal ("7,5 тысяч" = 7,500;
  "9,3 milliards"); followed by exactly three digits it is ambiguous ("1,500" in French could be either
  convention): text;
* a mark repeated between 3-digit groups groups thousands in any language ("1,000,000"); Indian grouping
  ("5,00,000") is not read; with no language, one mark followed by exactly three digits is ambiguous: text.

Rules, in the order they apply:

* Units that hold text (dates, licences, "dataset exists"), strings with no leading figure, dates with a
  month name ("14 au 15 novembre 2022"), Arabic script and vague words ("tens of thousands", "Plusieurs
  centaines", "miles de mineros") are kind ``text``: kept, never forced into a number. So are a bare
  year-like figure without a unit ("1990": a year or a count?), ages and durations ("entre 14 et 16 ans"),
  a figure glued to letters ("1e400", "0x10"), "thousand" after a figure already in thousands ("over
  50,000 thousand", a typo the sweep notes) and a truncated abbreviation (">42 th").
* A parenthesis that names a median, average or probable value supplies ``central``
  ("380-870 (median 520)"); any other parenthesis is an annotation and is ignored
  ("59 (52 confirmed + 7 missing)" is 59). When only the parenthesis has a figure, it is read.
* Several figures (digits or number words) joined by ";", "/", " vs ", " + ", " and " or "..." are kind
  ``multiple``: the numbers stay blank because no single figure stands for the statement (e.g.
  "1,000,000 (2013); 50,000 (2006)"). A breakdown that follows the figure is not a second figure ("over five
  lakh labourers, of whom over one lakh ..." is more than 500,000).
* "a-b", "a to b", "between a and b", "entre a et/y/e b" is a range: low = a, high = b, central blank unless
  the source states one. A range is never averaged into a central value.
* One figure is kind ``number``: central = the stated figure; low and high follow the qualifier
  ("more than X" / "plus de X" / "más de X" / "более X": low = X, high blank; "up to X" / "jusqu'à X" /
  "no son más de X": high = X, low blank; "about X" / "environ X" / "unas X" / "около X": both X).
* Scale words multiply the figure: thousand, million, billion, lakh (100,000), crore (10,000,000); mille,
  milliard; mil, millones; milhões; тысяч, млн, млрд, мың. A scale on the upper end of a range applies to
  both ends ("10-15 million"); "4 mil 445" is 4,445. Number words one to ten, the tens and "hundred" are read
  in the four languages ("around three hundred", "cuatro mil", "five lakh"), but not the articles "a", "un",
  "una", "uno", "um", "uma" without a scale word ("cerca de una tonelada", "uno de cada seis" stay text);
  "half a million" is 500,000; word fractions ("one third", "half", "one in 25") become percentages when
  the unit is percent.

Units written inside the value ("2 tonnes", "onzas troy") are not checked against the row's unit: the
sweeps name a unit outside the book's list in the row's note.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from babel.numbers import get_decimal_symbol

from asmhub_utils.tidy.countries import USER_ASSIGNED

TEXT_UNITS = frozenset({"text", "date", "licence", "dataset", "event"})
LANGUAGES = ("en", "fr", "es", "pt", "ru")

# Phrase -> normalised qualifier, in every language the parser reads. Longest phrases match first.
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
    "exceeded": "more than",
    "may exceed": "more than",
    "at least": "at least",
    "not less than": "at least",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "as little as": "as little as",
    "typically": "typically",
    # French
    "environ": "about",
    "près de": "nearly",
    "presque": "nearly",
    "plus de": "more than",
    "pas moins de": "at least",
    "au moins": "at least",
    "jusqu'à": "up to",
    # Spanish
    "unos": "about",
    "unas": "about",
    "alrededor de": "about",
    "aproximadamente": "about",
    "cerca de": "about",
    "casi": "nearly",
    "más de": "more than",
    "al menos": "at least",
    "por lo menos": "at least",
    "no son más de": "up to",
    "no más de": "up to",
    "hasta": "up to",
    # Portuguese
    "pelo menos": "at least",
    "mais de": "more than",
    "quase": "nearly",
    "até": "up to",
    # Russian
    "около": "about",
    "примерно": "about",
    "порядка": "about",
    "почти": "nearly",
    "более": "more than",
    "больше": "more than",
    "свыше": "more than",
    "не менее": "at least",
    "до": "up to",
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

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "mille": 1e3,
    "milles": 1e3,
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "mil": 1e3,
    "millón": 1e6,
    "millones": 1e6,
    "milhão": 1e6,
    "milhões": 1e6,
    "тысяча": 1e3,
    "тысячи": 1e3,
    "тысяч": 1e3,
    "тыс.": 1e3,
    "тыс": 1e3,
    "мың": 1e3,
    "миллион": 1e6,
    "миллиона": 1e6,
    "миллионов": 1e6,
    "млн": 1e6,
    "млн.": 1e6,
    "миллиард": 1e9,
    "миллиарда": 1e9,
    "миллиардов": 1e9,
    "млрд": 1e9,
    "млрд.": 1e9,
}
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
NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "un": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "cent": 100,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "veinte": 20,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "cien": 100,
    "um": 1,
    "uma": 1,
    "dois": 2,
    "duas": 2,
    "três": 3,
    "quatro": 4,
    "oito": 8,
    "dez": 10,
}
# Words that mark a value's language (shared words are listed under each language that uses them).
_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "about",
            "approximately",
            "around",
            "roughly",
            "over",
            "more",
            "than",
            "at",
            "least",
            "up",
            "to",
            "nearly",
            "almost",
            "between",
            "and",
            "people",
            "persons",
            "miners",
            "workers",
            "labourers",
            "families",
            "tons",
            "ounces",
            "kilograms",
            "grams",
            "thousand",
            "million",
            "billion",
            "lakh",
            "crore",
            "percent",
            "of",
            "the",
            "whom",
            "some",
            "exceeded",
            "an",
            "estimated",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "half",
            "mines",
            "sites",
            "quarries",
            "known",
            "only",
            "were",
            "in",
            "to",
            "for",
            "with",
            "from",
            "report",
            "inventory",
            "country",
            "data",
            "sheet",
            "mining",
            "gold",
            "sector",
            "trade",
        ]
    ),
    "fr": frozenset(
        [
            "environ",
            "près",
            "presque",
            "plus",
            "pas",
            "moins",
            "au",
            "jusqu'à",
            "jusqu’à",
            "mille",
            "milles",
            "million",
            "millions",
            "milliard",
            "milliards",
            "emplois",
            "personnes",
            "et",
            "entre",
            "ans",
            "tonnes",
            "de",
            "des",
            "les",
            "le",
            "du",
            "la",
            "une",
            "pour",
            "sur",
            "dans",
            "exploitation",
            "minière",
            "minières",
            "orpaillage",
            "d'or",
        ]
    ),
    "es": frozenset(
        [
            "unos",
            "unas",
            "alrededor",
            "aproximadamente",
            "cerca",
            "casi",
            "más",
            "menos",
            "al",
            "por",
            "lo",
            "no",
            "son",
            "hasta",
            "mil",
            "millón",
            "millones",
            "personas",
            "mineros",
            "empleos",
            "directos",
            "familias",
            "campamentos",
            "inscripciones",
            "onzas",
            "dólares",
            "toneladas",
            "grupos",
            "entre",
            "y",
            "de",
            "el",
            "los",
            "las",
            "del",
            "en",
            "para",
            "con",
            "según",
            "minería",
            "uno",
            "una",
            "dos",
            "tres",
            "cuatro",
            "cinco",
            "seis",
            "cuarenta",
            "cien",
            "operación",
            "están",
            "vigentes",
            "cuales",
            "solo",
            "mujeres",
        ]
    ),
    "pt": frozenset(
        [
            "pelo",
            "menos",
            "mais",
            "cerca",
            "quase",
            "até",
            "mil",
            "milhão",
            "milhões",
            "toneladas",
            "pessoas",
            "mulheres",
            "entre",
            "e",
            "de",
            "os",
            "da",
            "do",
            "das",
            "dos",
            "em",
            "com",
            "uma",
            "mineração",
            "não",
        ]
    ),
}
_MONTHS = re.compile(
    r"\bmay\s+\d|\d\s+may\b|"  # "May 2019", "5 May": the month; "may exceed 80,000" is a verb
    r"\b(january|february|march|april|june|july|august|september|october|november|december|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\b",
    re.I,
)
_VAGUE = re.compile(
    r"^(tens|dozens|hundreds|thousands|several|many|plusieurs|centaines|milliers|miles|"
    r"cientos|decenas|centenas|milhares|десятки|сотни|тысячи)\b",
    re.I,
)
_AGE_OR_DURATION = re.compile(r"^(ans|años|anos|years?|лет|года?)\b", re.I)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F]")
_SPACES = re.compile(r"[\u00a0\u2009\u202f\u2007]")

# A figure as printed: digits with optional space / comma / dot marks, or a leading-dot decimal (".02").
_NUM = r"(?:\d{1,3}(?: \d{3})+(?:[.,]\d+)?|\d[\d,.]*\d|\d|[.,]\d+)"
_SCALE_RE = "|".join(re.escape(s) for s in sorted(SCALES, key=len, reverse=True))
_SCALE = rf"(?:\s*(?P<{{name}}>{_SCALE_RE})(?!\w))?"
_CURRENCY = r"(?:(?:USD|US\$|N\$|ZAR|MAD|EUR|\$)\s*)?"
_QUAL_RE = "|".join(
    re.escape(q) + (r"(?![\w'])" if q[-1].isalpha() else "")  # "до" is not "добывать"
    for q in sorted(QUALIFIERS, key=len, reverse=True)
)
_LEAD = re.compile(
    rf"^\s*(?P<qual>{_QUAL_RE})\s*(?:a further\s+|an estimated\s+)?|"
    r"^\s*(?:a further\s+|an estimated\s+)",
    re.I,
)
_BETWEEN = re.compile(r"^(?:between|entre)\s+", re.I)
_RANGE_JOIN = r"\s*(?:-|–|\bto\b)\s*"
_BETWEEN_JOIN = r"\s*(?:-|–|\bto\b|\band\b|\bet\b|\by\b|\be\b)\s*"  # only after "between" / "entre"
_RANGE_FORM = (
    rf"^{_CURRENCY}(?P<a>{_NUM}){_SCALE.format(name='sa')}JOIN"
    rf"{_CURRENCY}(?P<b>{_NUM}){_SCALE.format(name='sb')}(?P<pct>\s*%)?"
)
_RANGE = re.compile(_RANGE_FORM.replace("JOIN", _RANGE_JOIN), re.I)
_BETWEEN_RANGE = re.compile(_RANGE_FORM.replace("JOIN", _BETWEEN_JOIN), re.I)
_MIL_AND = re.compile(r"^(?P<a>\d{1,3})\s+mil\s+(?P<b>\d{1,3})(?!\d)", re.I)  # "4 mil 445" = 4,445
_SINGLE = re.compile(rf"^{_CURRENCY}(?P<a>{_NUM}){_SCALE.format(name='sa')}(?P<plus>\+)?(?P<pct>\s*%)?", re.I)
_GLUED = re.compile(r"^[A-Za-z]")  # letters straight after a figure ("1e400", "0x10")
_GLUED_UNITS = re.compile(r"^(?:kg|g|t|km|ha|m2|m²|oz|mt)\b", re.I)
_WORDS_NUMBER = re.compile(
    rf"^(?P<w>{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})(?:\s+(?P<h>hundred|cent|cientos))?"
    rf"(?:\s+(?P<s>{_SCALE_RE}))?(?![\w'’])",
    re.I,
)
_ARTICLES = frozenset({"a", "un", "una", "uno", "um", "uma"})
_NOT_A_COUNT_AFTER_WORD = re.compile(r"^(?:in|of|de|en|sur|out|y|and|et|e|to|a|or|ou)\b", re.I)
_ONE_IN = re.compile(r"^one in (?P<n>\d[\d,]*)\b", re.I)
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_YEAR_LIKE = re.compile(r"^(1[89]\d\d|20\d\d)$")
_PAREN = re.compile(r"\(([^()]*)\)")
_CENTRAL_IN_PAREN = re.compile(
    rf"(?:median|average|mean|probable)\s*~?\s*(?P<v>{_NUM}){_SCALE.format(name='sa')}", re.I
)
_SEPARATORS = re.compile(r";|\s/\s|\svs\.?\s|\s\+\s|\sand\s|\semploying\s|\s?\.\.\.\s?|…", re.I)
STATEMENT_SEPARATORS = _SEPARATORS  # what splits a statement of several figures (statements.py)


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


class _Undecided(Exception):
    """The digits could be read two ways (or none): the value stays text."""


# ---------------------------------------------------------------- language and decimal mark


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())


def guess_language(text: str) -> str | None:
    """The language of a short text (a value or a title), or None when its words do not say (see module doc)."""
    if _CYRILLIC.search(text):
        return "ru"
    if _ARABIC.search(text):
        return "ar"
    words = _words(text)
    scores = {lang: sum(w in markers for w in words) for lang, markers in _MARKERS.items()}
    best = max(scores.values())
    winners = [lang for lang, score in scores.items() if score == best]
    return winners[0] if best and len(winners) == 1 else None


def official_language(country_iso3: str) -> str | None:
    """The country's first official language (CLDR via Babel) when the parser reads it, else None."""
    country = pycountry.countries.get(alpha_3=country_iso3) if country_iso3 else None
    if country is None:
        return None
    spoken = [lang for lang in get_official_languages(country.alpha_2) if lang in LANGUAGES]
    return spoken[0] if spoken else None


@lru_cache(maxsize=256)
def decimal_mark(language: str | None, country_iso3: str = "") -> str | None:
    """ "," or "." for the language as written in the country (CLDR via Babel); None for an unknown language."""
    if language not in LANGUAGES:
        return None
    locale = language
    # Only Spanish splits by country in practice (Mexico 1,500.5; Colombia 1.500,5). CLDR gives English a
    # decimal comma in South Africa or Indonesia, but English documents there write "30,000" for thirty thousand.
    if language == "es" and country_iso3 and country_iso3 not in USER_ASSIGNED:
        country = pycountry.countries.get(alpha_3=country_iso3)
        if country is not None:
            try:
                Locale.parse(f"{language}_{country.alpha_2}")
                locale = f"{language}_{country.alpha_2}"
            except (UnknownLocaleError, ValueError):
                pass
    symbol = get_decimal_symbol(locale)
    return symbol if symbol in (",", ".") else None


def _to_number(digits: str, decimal: str | None) -> float:
    """One printed figure as a float under the decimal mark; _Undecided when it cannot be read safely."""
    if " " in digits:
        groups = digits.split(" ")
        last = groups[-1]
        if any(len(g) != 3 for g in groups[1:-1]) or not re.fullmatch(r"\d{3}(?:[.,]\d+)?", last):
            raise _Undecided(digits)
        whole, mark, fraction = re.match(r"(\d{3})(?:([.,])(\d+))?$", last).groups()
        if mark and decimal is not None and mark != decimal:
            raise _Undecided(digits)
        return float("".join(groups[:-1]) + whole + (f".{fraction}" if mark else ""))
    marks = [c for c in digits if c in ",."]
    if not marks:
        return float(digits)
    if digits[0] in ",.":  # ".02": only a decimal
        if decimal is not None and digits[0] != decimal:
            raise _Undecided(digits)
        return float("0." + digits[1:])
    if len(set(marks)) == 2:  # "1,234.5" / "1.234,5": the last mark is the decimal mark
        dec = marks[-1]
        group = "," if dec == "." else "."
        whole, _, fraction = digits.rpartition(dec)
        parts = whole.split(group)
        if (decimal is not None and dec != decimal) or marks.count(dec) != 1 or not _grouped(parts):
            raise _Undecided(digits)
        return float("".join(parts) + "." + fraction)
    mark = marks[0]
    parts = digits.split(mark)
    if len(parts) > 2:  # "1,000,000" / "1.000.000"
        if not _grouped(parts):
            raise _Undecided(digits)
        return float("".join(parts))
    whole, fraction = parts
    if fraction == "000" and whole != "0":
        return float(whole + fraction)  # no text prints a decimal as ",000": "5,000" and "10.000" are thousands
    if len(fraction) == 3 and whole != "0":
        if decimal is None or mark == decimal:
            raise _Undecided(digits)  # "1,500" in French, "12.000" in English, or any of them with no language
        return float(whole + fraction)
    if decimal is not None and mark != decimal:
        raise _Undecided(digits)  # "2,5 million" in English: a grouping mark that does not group
    return float(f"{whole}.{fraction}")


def _grouped(parts: list[str]) -> bool:
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


# ---------------------------------------------------------------- reading


def _clean(number: float) -> float:
    """Round away float noise from scaling (1.5 * 1e6) without touching real decimals."""
    if not math.isfinite(number):
        raise _Undecided(str(number))
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
    text = text.replace("’", "'")
    match = _LEAD.match(text)
    if not match:
        return "", text.strip()
    phrase = (match.group("qual") or "").lower()
    return QUALIFIERS.get(phrase, ""), text[match.end() :].strip()


def _scaled(digits: str, scale: str | None, decimal: str | None) -> float:
    number = _to_number(digits, decimal)
    if scale:
        factor = SCALES[scale.lower()]
        if factor == 1e3 and number >= 1000:
            raise _Undecided(digits)  # "over 50,000 thousand": a typo or thousands of thousands
        number *= factor
    return number


def _after(body: str, end: int) -> str:
    return body[end:].lstrip()


def _read_figure(body: str, qualifier: str, unit: str, decimal: str | None) -> ParsedValue | None:
    """Read the figure at the start of `body` (qualifier already removed); None when there is none."""
    percent = unit.strip().lower() == "percent"
    is_range = bool(_BETWEEN.match(body))
    body = _BETWEEN.sub("", body)
    if m := _MIL_AND.match(body):
        return _single(int(m.group("a")) * 1000 + int(m.group("b")), qualifier)
    if m := (_BETWEEN_RANGE if is_range else _RANGE).match(body):
        _check_tail(body[m.end() :])
        scale_b = m.group("sb")
        scale_a = m.group("sa") or scale_b
        low, high = _scaled(m.group("a"), scale_a, decimal), _scaled(m.group("b"), scale_b, decimal)
        if low > high:
            return None
        return ParsedValue(_clean(low), _clean(high), None, qualifier, "range")
    if is_range:
        return None
    if m := _SINGLE.match(body):
        _check_tail(body[m.end() :])
        if m.group("plus"):
            qualifier = qualifier or "more than"
        return _single(_scaled(m.group("a"), m.group("sa"), decimal), qualifier)
    if m := _ONE_IN.match(body):
        share = 1 / _to_number(m.group("n"), decimal)
        return _single(share * 100 if percent else share, qualifier)
    lowered = body.lower()
    if qualifier == "nearly" and (m := re.match(r"^(?P<s>million|billion)\b", body, re.I)):
        return _single(SCALES[m.group("s").lower()], qualifier)  # "près d'un million"
    for words in sorted(FRACTION_WORDS, key=len, reverse=True):
        if lowered == words or lowered.startswith(words + " "):
            share = FRACTION_WORDS[words]
            if m := re.match(r"^(?:a|an)\s+(?P<s>million|billion)\b", lowered[len(words) :].strip()):
                return _single(share * SCALES[m.group("s")], qualifier)  # "half a million"
            return _single(round(share * 100, 2) if percent else share, qualifier)
    if m := _WORDS_NUMBER.match(body):
        rest = _after(body, m.end())
        if m.group("w").lower() in _ARTICLES and not m.group("s") and not m.group("h"):
            return None  # "una cooperativa", "a year": an article, not a count
        if not m.group("s") and _NOT_A_COUNT_AFTER_WORD.match(rest):
            return None  # "uno de cada seis", "one of ..."
        number = NUMBER_WORDS[m.group("w").lower()]
        if m.group("h"):
            number *= 100
        if m.group("s"):
            number *= SCALES[m.group("s").lower()]
        return _single(number, qualifier)
    return None


def _check_tail(tail: str) -> None:
    """Refuse a figure glued to letters ("1e400", "0x10") or followed by an age or duration ("14 et 16 ans")."""
    if _GLUED.match(tail) and not _GLUED_UNITS.match(tail):
        raise _Undecided(tail)
    if _AGE_OR_DURATION.match(tail.strip()):
        raise _Undecided(tail)


def _read_central(notes: list[str], decimal: str | None) -> float | None:
    for note in notes:
        if m := _CENTRAL_IN_PAREN.search(note):
            try:
                return _clean(_scaled(m.group("v"), m.group("sa"), decimal))
            except _Undecided:
                return None
    return None


def _normalise(text: str) -> str:
    text = _SPACES.sub(" ", str(text))
    text = " ".join(text.split())
    text = re.sub(r"(\d) ([,.]\d{3})(?!\d)", r"\1\2", text)  # stray space: "1 ,000" -> "1,000"
    return re.sub(r"(\d{1,3}), (\d{3})(?![\d,])", r"\1,\2", text)  # and after it: "80, 000" -> "80,000"


_COUNT_WORD = re.compile(
    rf"\b(?:{'|'.join(w for w in sorted(NUMBER_WORDS, key=len, reverse=True) if w not in _ARTICLES)})\b", re.I
)


def _figures_in(part: str) -> bool:
    """True when one part of a statement has a figure of its own (digits or a number word, not an article)."""
    return bool(re.search(r"\d", part) or _COUNT_WORD.search(part))


def parse_value(text: str, unit: str = "", language: str | None = "en", country: str = "") -> ParsedValue:
    """Parse one value string; raise ValueParseError only for an empty string.

    `language` is what the caller knows of the document's language ("en", "fr", "es", "pt", "ru" or None);
    the value's own script and words take precedence. `country` (ISO3) picks the country's decimal mark.
    """
    if text is None or not str(text).strip():
        raise ValueParseError("the value is empty")
    text = _normalise(text)
    if unit.strip().lower() in TEXT_UNITS or _DATE.match(text) or _MONTHS.search(text):
        return _text()
    if _ARABIC.search(text) or _VAGUE.match(text):
        return _text()
    if not unit.strip() and _YEAR_LIKE.match(text.split(" ")[0]):
        return _text()  # a bare year-like figure with no unit: a year or a count, the string does not say
    own = guess_language(text)
    decimal = decimal_mark(own or language, country)

    main, notes = _strip_parentheses(text)
    parts = [p for p in _SEPARATORS.split(main) if p.strip()]
    is_between = bool(_BETWEEN.match(_read_qualifier(main)[1]))
    if not is_between and sum(_figures_in(p) for p in parts) > 1:
        return ParsedValue(None, None, None, "several figures", "multiple")

    try:
        qualifier, body = _read_qualifier(main)
        parsed = _read_figure(body, qualifier, unit, decimal)
        if parsed is None and not re.search(r"\d", main):
            for note in notes:  # "près d'un million (nearly 1 million)": the figure is in the brackets
                note_qualifier, body = _read_qualifier(note)
                if (parsed := _read_figure(body, note_qualifier, unit, decimal)) is not None:
                    break
    except _Undecided:
        return _text()
    if parsed is None:
        return _text()

    central = _read_central(notes, decimal)
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
