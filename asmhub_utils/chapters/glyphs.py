"""Chart text in any script: fonts that cover what contributors write, and a replacement character for the rest.

Charts are written as SVG with their text kept as text (the reader's browser draws it), but matplotlib measures
every text with its own fonts to lay the chart out, and a character none of them has is a "Glyph ... missing"
warning, which the layout gate (`charts.check_layout`) and the strict build treat as an error. So:

* **Fonts.** DejaVu Sans (Latin, Greek, Cyrillic, many symbols) first, then (only for a chart that needs them)
  the Noto fonts of the scripts the
  data's countries write, when the machine has them (Debian's fonts-noto-core and fonts-noto-cjk, which
  `make fonts` installs: 12 MB + 57 MB to download, 42 MB + 91 MB installed). matplotlib falls back glyph by
  glyph along this list.
* **Replacement.** A character no listed font has (an emoji, a script without its Noto font on this machine)
  and Unicode noncharacters (U+FFFE, U+FDD0 ...) are drawn as U+FFFD, the replacement character; joiners and
  variation selectors, which draw nothing, are dropped. The chart never fails on text.
* **Length.** A label longer than `MAX_LABEL` characters is cut at a word with an ellipsis; the mark's title
  (hover and tap) gives the whole text.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

REPLACEMENT = "\ufffd"
MAX_LABEL = 120  # characters: three lines of a row label (charts.WRAP = 42)
# Noto families for scripts the book's countries and contributors write, in fallback order after DejaVu Sans.
NOTO_FOLDERS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))
# Each in a regular and a bold file (bold titles and headings: a family without bold would be logged on stderr).
NOTO_FILES = tuple(
    f"NotoSans{script}-{weight}.{'ttc' if script == 'CJK' else 'ttf'}"
    for script in (
        "",
        "CJK",
        "Arabic",
        "Devanagari",
        "Bengali",
        "Ethiopic",
        "Thai",
        "Myanmar",
        "Khmer",
        "Lao",
        "Tamil",
        "Telugu",
        "Gujarati",
        "Gurmukhi",
        "Sinhala",
        "Hebrew",
        "Armenian",
        "Georgian",
    )
    for weight in ("Regular", "Bold")
)
# Draw nothing and need no glyph: joiners, variation selectors, tags, skin-tone modifiers (emoji sequences are
# made of them; without a colour emoji font they would each be a replacement character).
_SILENT = re.compile("[\u200c\u200d\ufe00-\ufe0f\U000e0000-\U000e007f\U000e0100-\U000e01ef\U0001f3fb-\U0001f3ff]")


def is_noncharacter(ch: str) -> bool:
    """U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE ...)."""
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


@lru_cache(maxsize=1)
def families() -> tuple[str, ...]:
    """The chart fonts, DejaVu Sans first, then every Noto font of NOTO_FILES this machine has (registered with
    matplotlib here, so a font cache made before they were installed does not hide them)."""
    from matplotlib import font_manager

    names = ["DejaVu Sans"]
    found = {
        name: next((folder / name for folder in NOTO_FOLDERS if (folder / name).is_file()), None) for name in NOTO_FILES
    }
    for regular, bold in zip(NOTO_FILES[::2], NOTO_FILES[1::2]):
        path = found[regular]
        if path is None or found[bold] is None:
            continue
        font_manager.fontManager.addfont(str(path))
        font_manager.fontManager.addfont(str(found[bold]))
        family = font_manager.FontProperties(fname=str(path)).get_name()
        if family not in names:
            names.append(family)
    return tuple(names)


@cache
def _charmap(family: str) -> frozenset[int]:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    return frozenset(FT2Font(path).get_charmap())


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Every code point some chart font has a glyph for. Registering the Noto fonts and reading their maps
    costs about 0.6 s, so it happens only for a chart whose text DejaVu Sans cannot draw alone; matplotlib's
    `font.sans-serif` then lists them too (read when a text is drawn, so texts made before see them)."""
    codes: set[int] = set()
    for family in families():
        codes |= _charmap(family)
    return frozenset(codes)


def basic(text: str) -> bool:
    """True when DejaVu Sans alone draws `text` (the usual case: no Noto font is loaded)."""
    chars = _charmap("DejaVu Sans")
    return all(ord(ch) in chars and not is_noncharacter(ch) for ch in _SILENT.sub("", text))


def drawable(text: str) -> str:
    """`text` with every character the chart fonts cannot draw replaced by U+FFFD (see the module's docstring)."""
    text = _SILENT.sub("", text)
    if basic(text):
        return text
    covered = _covered()
    return "".join(
        ch if (ch in "\n\t " or ord(ch) in covered) and not is_noncharacter(ch) else REPLACEMENT for ch in text
    )


def shortened(text: str, limit: int = MAX_LABEL) -> str:
    """`text` cut at a word boundary before `limit` characters, with an ellipsis; unchanged when shorter."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "\u2026"
