"""The one escaping layer: contributed text is data, never markup, in every output context a page has.

Each function takes any value from data/ and returns text that the named context shows literally:

* `myst`: MyST Markdown (notebook Markdown output is parsed as MyST): HTML escaped, every character that
  starts Markdown, a role (`{cite}`), a directive (```` ``` ````, `:::`), a substitution (`{{ }}`), math
  (`$`), a comment (`%`) or a target (`(x)=`) backslashed; line breaks folded to spaces so no value opens
  a block of its own;
* `html`: HTML element content and quoted attribute values (`html_block`: a `<pre>` block, line breaks kept);
* `url`: an address for `href` or a Markdown link: http(s) only, no user-info, no quotes, angle brackets,
  white space or control characters; anything else gives "" (the caller shows no link); a host in non-Latin
  letters is given in punycode (xn--...), as the browser opens it, so a look-alike cannot pass for another;
* `chart_text`: matplotlib text, where `$` starts mathtext (an unknown command is a ParseFatalException);
  matplotlib itself escapes text for SVG/XML;
* `bibtex`: a BibTeX field (LaTeX specials as commands pybtex decodes; braces as parentheses);
* `csv_cell`: a text cell of a CSV the book publishes: a cell a spreadsheet would run as a formula (starting
  with '=', '+', '-', '@', a tab or a carriage return) gets a leading apostrophe, the mark spreadsheets read as
  "this is text"; a plain signed number ('-5', '+2.5%') stays as it is. `from_csv_cell` undoes it exactly, for
  the book's own reading of its tables.

Invisible characters (C0/C1 controls, bidi overrides, zero-width marks, line/paragraph separators) are removed
in every context: the validator refuses them, and this keeps data from other routes inert too.
"""

from __future__ import annotations

import html as _html
import re
import unicodedata
from urllib.parse import urlsplit

import pandas as pd

# C0 and C1 controls except tab/newline (handled per context), bidi embeddings/overrides/isolates, zero-width
# characters, the byte-order mark, and the Unicode line and paragraph separators.
# Unicode noncharacters (U+FDD0..U+FDEF, U+FFFE, U+FFFF and their like in every plane) too: XML forbids some.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+!|$~:%=^-])")
_URL_FORBIDDEN = re.compile(r"[\s\"'<>`\\{}|^\x00-\x1f\x7f-\x9f]")


def _text(value: object) -> str:
    """A value as one line of visible text ('' for missing values)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return " ".join(INVISIBLE.sub("", _LINE_BREAKS.sub(" ", str(value))).split())


def plain(value: object) -> str:
    """One line of visible text, for a context that escapes by itself (an SVG <title> written by ElementTree)."""
    return _text(value)


def myst(value: object) -> str:
    """Text that MyST Markdown shows exactly as written (inline; no role, directive, substitution or math)."""
    escaped = _html.escape(_text(value), quote=False)
    # html.escape has turned '&', '<' and '>' into entities; every other Markdown character is backslashed.
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escaped)


def html(value: object) -> str:
    """Text for HTML element content or a double- or single-quoted attribute value."""
    return _html.escape(_text(value), quote=True)


def html_block(value: object) -> str:
    """Text for a `<pre>` block: as `html`, but line breaks and runs of spaces kept (tabs, newlines only)."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    return _html.escape(INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text)), quote=True)


def url(value: object) -> str:
    """A safe http(s) address, or '' when the value is not one (javascript:, data:, credentials, quotes ...)."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value).strip()
    if not text or _URL_FORBIDDEN.search(text) or INVISIBLE.search(text):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        return ""
    if not parts.netloc.isascii():  # a host in other letters is shown as the browser opens it: no look-alike
        try:
            host = parts.hostname.encode("idna").decode("ascii")
        except UnicodeError:
            return ""
        netloc = host + (f":{parts.port}" if parts.port else "")
        text = parts._replace(netloc=netloc).geturl()
    return text


def markdown_url(value: object) -> str:
    """`url`, with the characters that end a Markdown link target percent-encoded; '' when not a safe address."""
    safe = url(value)
    return safe.replace("(", "%28").replace(")", "%29")


def markdown_link(label: object, address: object) -> str:
    """`[label](address)` with both escaped; only the label (as text) when the address is not a safe one."""
    target = markdown_url(address)
    return f"[{myst(label)}]({target})" if target else myst(label)


def html_link(label: object, address: object) -> str:
    """`<a href=...>label</a>` with both escaped; only the label (as text) when the address is not a safe one."""
    target = url(address)
    return f'<a href="{html(target)}">{html(label)}</a>' if target else html(label)


def chart_text(value: object) -> str:
    """Text for a matplotlib label, legend or title: `$` no longer starts mathtext; invisible characters gone."""
    return _text(value).replace("$", r"\$")


_LATEX = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "{": "(",
    "}": ")",
}


def bibtex(value: object) -> str:
    """Text for a BibTeX field: LaTeX specials escaped, braces replaced, white space collapsed."""
    return "".join(_LATEX.get(ch, ch) for ch in _text(value))


def is_invisible_free(value: str) -> bool:
    """True when the value holds no character `INVISIBLE` matches."""
    return not INVISIBLE.search(value)


def normalised(value: str) -> str:
    """NFC form, for comparisons."""
    return unicodedata.normalize("NFC", value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[-+]?[0-9][0-9,]*(?:\.[0-9]+)?%?$")


def _formula_like(text: str) -> bool:
    return text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(text)


def csv_cell(value: object) -> object:
    """A CSV text cell no spreadsheet runs as a formula (OWASP's 'CSV injection'); other values unchanged.

    Reversible: a cell that already starts with an apostrophe before what would be escaped gets one more, so
    `from_csv_cell(csv_cell(x)) == x` for every text."""
    if not isinstance(value, str) or not value:
        return value
    if _formula_like(value) or (value.startswith("'") and (_formula_like(value[1:]) or value[1:].startswith("'"))):
        return "'" + value
    return value


def from_csv_cell(value: str) -> str:
    """The text `csv_cell` was given."""
    if value.startswith("'") and (_formula_like(value[1:]) or value[1:].startswith("'")):
        return value[1:]
    return value


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell through `csv_cell` (numbers stay numbers)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(csv_cell)
    return out
