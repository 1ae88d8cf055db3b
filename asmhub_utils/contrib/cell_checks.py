"""Strict checks of one contributed cell: a value is read whole or refused, never partly.

Each check returns None (the cell is fine) or `(message, fix)`; `validate.py` adds the file, row, column and
value. What is checked here, on top of the structural checks every figure passes (`build.check_figure`):

* characters: control (C0, C1), bidi override/embedding/isolate marks, zero-width characters, line and
  paragraph separators, and line breaks in one-line fields, each named by its code point;
* length: a cell holds at most `standard.MAX_CELL` characters (`MAX_NOTE` for the note);
* spreadsheet formulas: a cell starting with '=', '@', or '+'/'-' followed by a letter or formula syntax;
* web addresses: http(s) only, no user-info ('user@host'), quotes, angle brackets, back-slashes or spaces;
* values: the whole cell matches one of the accepted forms (`standard.VALUE_FORMS`) in English style with
  the digits 0-9; scientific, hexadecimal, decimal-comma, other-script digits and figures followed by words
  are each refused with their own reason;
* magnitude: a count of people cannot exceed the people who live in the country (Natural Earth's POP_EST
  plus 10 %; the world's population for a regional figure), a count of countries the world's countries.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from asmhub_utils import paths
from asmhub_utils.contrib import standard
from asmhub_utils.tidy.values import FRACTION_WORDS, QUALIFIERS, parse_value

Finding = tuple[str, str] | None

# ---------------------------------------------------------------- characters

_NAMED = {
    "\u202a": "a left-to-right embedding mark",
    "\u202b": "a right-to-left embedding mark",
    "\u202c": "a pop-directional-formatting mark",
    "\u202d": "a left-to-right override",
    "\u202e": "a right-to-left override",
    "\u2066": "a left-to-right isolate",
    "\u2067": "a right-to-left isolate",
    "\u2068": "a first-strong isolate",
    "\u2069": "a pop-directional-isolate mark",
    "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark",
    "\u061c": "an Arabic letter mark",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a zero-width no-break space (byte-order mark)",
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
    "\x85": "a next-line control (C1)",
    "\n": "a line break",
    "\r": "a carriage return",
}
_LINE_BREAKS = "\n\r"


def _name(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    if "\x80" <= ch <= "\x9f":
        return "a C1 control character"
    return "an invisible control character"


def _is_noncharacter(ch: str) -> bool:
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _is_bad_character(ch: str, multi_line: bool) -> bool:
    if ch in _LINE_BREAKS:
        return not multi_line
    if ch == "\t":
        return False
    return ch in _NAMED or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner


def _joins(ch: str) -> bool:
    """A character a joiner may stand beside: a letter or mark of a script that uses joiners (Persian, Arabic,
    Devanagari and the other Indic scripts ...), or an emoji (a joined emoji is emoji, joiners and modifiers)."""
    category = unicodedata.category(ch)
    if category in ("So", "Sk") or 0x1F3FB <= ord(ch) <= 0x1F3FF or ch == "\ufe0f":
        return True
    return category[0] in "LM" and not ch.isascii() and not unicodedata.name(ch, "").startswith("LATIN")


def joiner_in_place(value: str, index: int) -> bool:
    """True when the joiner at `index` joins two characters that need it ('می\u200cخواهم', 'क्\u200dष', '👩\u200d🔧');
    a joiner inside a Latin word ('go\u200dld') or at either end only hides something."""
    return (
        0 < index < len(value) - 1
        and value[index] in _JOINERS
        and _joins(value[index - 1])
        and _joins(value[index + 1])
    )


def characters(value: str, multi_line: bool = False) -> Finding:
    """Control, bidi, zero-width and line-separator characters; line breaks outside multi-line cells; Unicode
    noncharacters. Joiners are accepted where a script or an emoji needs them (`joiner_in_place`)."""
    if value.isprintable():  # every character flagged below is a control, format, separator or unassigned one
        return None
    for index, ch in enumerate(value):
        if ch in _JOINERS and joiner_in_place(value, index):
            continue
        if _is_noncharacter(ch):
            return (
                f"the cell holds U+{ord(ch):04X}, a Unicode noncharacter, which is not text and cannot be shown",
                "retype the cell; the character is invisible and usually comes from a damaged export",
            )
        if _is_bad_character(ch, multi_line):
            what = _name(ch)
            if ch in _LINE_BREAKS:
                return (
                    f"the cell holds {what}; this column takes one line",
                    "join the lines into one (put longer explanations in 'note')",
                )
            fix = "retype the cell; copying from a PDF or a web page sometimes brings such characters along"
            if ch in _JOINERS:
                fix = (
                    "remove it: a joiner belongs only between letters of a script that uses it (Persian, Arabic, "
                    "Devanagari ...) or inside a joined emoji, not in Latin text"
                )
            return (
                f"the cell holds {what} (U+{ord(ch):04X}), which is invisible and can change how the text reads",
                fix,
            )
    return None


def length(column: str, value: str) -> Finding:
    limit = standard.MAX_NOTE if column == "note" else standard.MAX_CELL
    if len(value) > limit:
        return (
            f"the cell is {len(value):,} characters long, over the limit of {limit:,} for '{column}'",
            "shorten it: give the figure's words in brief and put the source's full text behind its URL",
        )
    return None


# ---------------------------------------------------------------- spreadsheet formulas

_FORMULA_START = re.compile(r"^[\s]*[=@]|^[\t\r]")
_SIGNED = re.compile(r"^\s*[-+]")
_PLAIN_SIGNED = re.compile(r"^\s*[-+]\s*[\d.,]+(\s*%)?$")
_LIST_PARTS = re.compile(r",|;|/|&|\band\b")  # as tidy.minerals splits a mineral cell


def formula(value: str, column: str = "") -> Finding:
    """A cell a spreadsheet would run as a formula when the file is opened ('CSV injection'): one starting with
    '=', '@', a tab or a carriage return, or with '+' or '-' when it is more than a signed number ('+1+1',
    '-2+3'). A mineral cell is checked part by part too: the build splits 'gold; =cmd|...' into a list whose
    second item would start a published cell."""
    fix = (
        "remove the leading '=', '+', '-' or '@' so that no spreadsheet runs the cell as a formula "
        "(write 'minus 2' or put the text after a word)"
    )
    parts = [value] + ([p for p in _LIST_PARTS.split(value)[1:]] if column == "mineral" else [])
    for part in parts:
        if _FORMULA_START.match(part) or (_SIGNED.match(part) and not _PLAIN_SIGNED.match(part)):
            where = "" if part is value else f" (the part '{part.strip()[:40]}' of the list)"
            return f"the cell starts like a spreadsheet formula{where}", fix
    return None


# ---------------------------------------------------------------- web addresses

_URL_BAD = {
    '"': "a double quote",
    "'": "a single quote",
    "<": "an angle bracket",
    ">": "an angle bracket",
    "\\": "a back-slash",
    "`": "a back-tick",
    " ": "a space",
    "{": "a brace",
    "}": "a brace",
    "|": "a vertical bar",
    "^": "a caret",
}


def url(value: str) -> Finding:
    """http(s) only; no user-info, quotes, angle brackets or spaces (a link must open what it shows)."""
    if not value:
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return "not a web address", "give the full address starting with http:// or https://"
    if parts.scheme.lower() not in ("http", "https"):
        return (
            "not a web address (only http:// and https:// addresses are links a reader can open)",
            "give the full address starting with http:// or https://",
        )
    for ch, what in _URL_BAD.items():
        if ch in value:
            return (
                f"the address holds {what}, which no address needs and which can break the page's link",
                "copy the address again from the browser's address bar (it encodes such characters, "
                "e.g. a space as %20)",
            )
    if "@" in parts.netloc:
        return (
            f"the address holds user-info before '@' ({parts.netloc}): it shows one host but opens '{parts.hostname}'",
            "give the address of the document itself, without a user name or password",
        )
    if not parts.hostname or "." not in parts.hostname:
        return "not a web address (no host name)", "give the full address starting with http:// or https://"
    return look_alike_host(parts.hostname)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if ch.isalpha() else ""


def look_alike_host(host: str) -> Finding:
    """A host name whose labels mix letters of two scripts (Latin 'examp' + Cyrillic 'le') reads as one address
    and opens another: it is refused, naming the address a browser would open (punycode)."""
    for label in host.split("."):
        scripts = {_script(ch) for ch in label} - {""}
        if len(scripts) > 1:
            try:
                puny = host.encode("idna").decode("ascii")
            except UnicodeError:
                puny = "an address that cannot be encoded"
            return (
                f"the host name '{host}' mixes letters of {' and '.join(sorted(s.title() for s in scripts))} "
                f"scripts: it looks like another address but opens {puny}",
                "copy the address again from the browser's address bar; if it is right, write the host in "
                "punycode as the browser shows it",
            )
    return None


# ---------------------------------------------------------------- values

_ENGLISH_QUALIFIERS = sorted((q for q in QUALIFIERS if q.isascii()), key=len, reverse=True)
_QUALIFIER = "(?:" + "|".join(re.escape(q) for q in _ENGLISH_QUALIFIERS) + r")\s*"
_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
_SCALE = r"(?:\s+(?:thousand|million|billion))?"
_FIGURE = _NUMBER + _SCALE
_CENTRAL = r"(?:\s*\((?:median|mean|average|central estimate|best estimate|most likely)\s+" + _FIGURE + r"\))?"
_FORMS = [
    re.compile(rf"^(?:{_QUALIFIER})?{_FIGURE}\s*%?\+?{_CENTRAL}$", re.I | re.A),
    re.compile(rf"^(?:{_QUALIFIER})?{_FIGURE}\s*%?\s*(?:-|–|to)\s*{_FIGURE}\s*%?{_CENTRAL}$", re.I | re.A),
    re.compile(rf"^between\s+{_FIGURE}\s*%?\s+and\s+{_FIGURE}\s*%?{_CENTRAL}$", re.I | re.A),
]
_FRACTION = re.compile(
    r"^(?:" + _QUALIFIER + r")?(?:" + "|".join(re.escape(w) for w in FRACTION_WORDS) + r"|one in [0-9]+)$", re.I | re.A
)
_FIGURE_THEN_WORDS = re.compile(rf"^(?:{_QUALIFIER})?{_FIGURE}\s*(?P<words>[A-Za-z].*)$", re.I | re.A)


_INDIAN_GROUPING = re.compile(r"^[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}$")
_RANGE = re.compile(rf"^(?:{_QUALIFIER})?(?P<low>{_FIGURE})\s*%?\s*(?:-|–|to)\s*(?P<high>{_FIGURE})\s*%?", re.I | re.A)
_LEADING_SIGN = re.compile(rf"^\s*(?P<sign>[-+\u2212])\s*(?P<rest>{_FIGURE}\s*%?)$", re.I | re.A)


def _figure_value(text: str) -> float:
    number, _, scale = text.strip().partition(" ")
    return float(number.replace(",", "")) * {"thousand": 1e3, "million": 1e6, "billion": 1e9}.get(scale.lower(), 1)


def _reversed(value: str) -> Finding:
    """A range whose first figure is the larger: a typing slip ('500-300') or a negative end read as a range."""
    found = _RANGE.match(value)
    if not found:
        return None
    low, high = found["low"].strip(), found["high"].strip()
    swapped = f"{high}-{low}"
    if " " not in low and " " in high:  # '15-10 million': the scale word covers both ends
        number, scale = high.split(" ", 1)
        low, swapped = f"{low} {scale}", f"{number}-{low} {scale}"
    if _figure_value(low) > _figure_value(high):
        return (
            f"the range is reversed: its first figure ({found['low'].strip()}) is larger than its second "
            f"({found['high'].strip()})",
            f"write the smaller figure first ('{swapped}')",
        )
    return None


def _signed_value(value: str, unit: str) -> Finding:
    """'-5' and '+500' are named for what they are, not as unreadable."""
    found = _LEADING_SIGN.match(value)
    if not found:
        return None
    if found["sign"] == "+":
        return (
            "the value starts with '+': the standard writes a lower bound after the figure",
            f"write '{found['rest'].strip()}+' or 'more than {found['rest'].strip()}'",
        )
    what = "a share" if unit == "percent" else f"a figure in '{unit}'"
    return (
        f"the value is negative: {what} cannot be below zero in this standard",
        "check the source; if the minus was a dash, give the figure without it; a change goes in 'note'",
    )


def other_script_digits(value: str) -> str:
    return "".join(ch for ch in value if unicodedata.category(ch) == "Nd" and not "0" <= ch <= "9")


def value_form(value: str, unit: str) -> Finding:
    """None when the whole cell is one accepted form; else why not and how to write it."""
    if "%" in value and unit != "percent":
        return (
            f"the value has a percent sign but the unit is '{unit}'",
            "for a share, write the unit 'percent' and the figure without '%'; for a count, drop the '%'",
        )
    if any(form.match(value) for form in _FORMS) or (unit == "percent" and _FRACTION.match(value)):
        return _reversed(value)
    signed = _signed_value(value, unit)
    if signed:
        return signed
    if _INDIAN_GROUPING.match(value):
        plain = int(value.replace(",", ""))
        return (
            f"the value uses Indian digit grouping ({value} = {plain:,}); in this standard ',' groups thousands only",
            f"write '{plain:,}' (or '{plain / 100_000:g} lakh' in 'note')",
        )
    odd = other_script_digits(value)
    if odd:
        names = sorted({unicodedata.name(ch, "digit").split(" DIGIT")[0].title() for ch in odd})
        return (
            f"the value is written with digits from another script ({', '.join(names)}: '{odd}')",
            "retype the figure with the digits 0-9",
        )
    if re.search(r"\d[eE][-+]?\d", value):
        return (
            "the value is in scientific notation, which the standard does not read",
            "write the figure in full or with a scale word (e.g. 1.5 million)",
        )
    if re.search(r"\b0[xXbBoO][0-9A-Fa-f]", value):
        return "the value is not a decimal number (a '0x' or '0b' prefix)", "write the figure in decimal digits"
    if re.search(r"\d,(?:\d{1,2}|\d{4,})(?!\d)", value):
        return (
            "the value has a decimal comma: in this standard ',' only groups thousands (1,000) and '.' is "
            "the decimal mark",
            "write the decimal with a point, e.g. '2.5 million' for '2,5 million'",
        )
    if re.search(r"\d[_^']\d|\d\s+\d", value):
        return (
            "the value has characters inside the figure ('^', '_', an apostrophe or a space) that the "
            "standard does not read",
            "write the figure with commas between groups of three digits (1,000,000) or with a scale word (1 million)",
        )
    words = _FIGURE_THEN_WORDS.match(value)
    if words:
        return (
            f"the value has words after the figure ('{words['words']}'), so it cannot be read exactly as a "
            f"figure in '{unit}'",
            "keep only the figure in 'value'; the unit goes in 'unit' and any words in 'note'",
        )
    forms = ", ".join(f"'{form}'" for form, _ in standard.VALUE_FORMS[:6])
    return (
        "the value cannot be read as a number or a range",
        f"write it in an accepted form ({forms}); put any words in 'note'",
    )


@lru_cache(maxsize=1)
def populations() -> dict[str, float]:
    """Natural Earth's population estimate per ISO3 code (public domain; data/geo)."""
    data = json.loads(paths.WORLD_GEOJSON.read_text(encoding="utf-8"))
    out = {}
    for feature in data["features"]:
        props = feature["properties"]
        code, pop = props.get("iso_a3"), props.get("pop_est")
        if code and code != "-99" and pop:
            out[code] = float(pop)
    return out


WORLD_POPULATION = 8.3e9
POPULATION_MARGIN = 1.10
PEOPLE_UNITS = frozenset({"persons", "deaths", "deaths/yr", "registrations"})
MAX_COUNTRIES = 250
MAX_ANY = 1e15


def magnitude(value: str, unit: str, iso3: str) -> Finding:
    """A figure larger than what its unit can mean for its country (or the world)."""
    parsed = parse_value(value, unit)
    numbers = [v for v in (parsed.low, parsed.high, parsed.central) if v is not None]
    if not numbers:
        return None
    top = max(numbers)
    if unit in PEOPLE_UNITS:
        population = populations().get(iso3) if iso3 else WORLD_POPULATION
        if population is None:
            return None
        where = (
            f"the {population:,.0f} people who live in {iso3} (Natural Earth)"
            if iso3
            else f"the world's {population:,.0f} people"
        )
        if top > population * POPULATION_MARGIN:
            return (
                f"{top:,.0f} {unit} is more than {where}",
                "check the figure's scale (thousand or million) and the unit: a count of people cannot "
                "exceed the population",
            )
    elif unit == "countries" and top > MAX_COUNTRIES:
        return f"{top:,.0f} countries is more than there are", "check the figure and the unit"
    elif top > MAX_ANY:
        return f"{top:,.0f} is too large to be a figure in '{unit}'", "check the figure's scale and the unit"
    return None
