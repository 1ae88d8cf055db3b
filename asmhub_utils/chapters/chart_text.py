"""How wide a chart's text is drawn, without a drawing library: the advance widths of DejaVu Sans (the charts'
font), per character, so that an SVG written by hand (chart_timeline.py) can wrap its title and place its axis
labels where they fit.

The widths are DejaVu Sans's own (regular and bold), in thousandths of an em, for the printable ASCII characters;
tests/test_chart_timeline.py reads them again from the font file matplotlib ships and fails if they differ. Any
other character counts as an em: a title in another script is wrapped early, never cut. A reader whose browser
has no DejaVu Sans sees the generic sans-serif, narrower in the fonts phones carry (Roboto, San Francisco), so the
text still fits.
"""

from __future__ import annotations

import textwrap

FIRST = 32  # the space; the tables run to "~" (126)
_REGULAR = (
    "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636 636 337 337 "
    "838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 603 787 695 635 611 732 684 989 "
    "685 611 685 390 337 390 838 500 500 613 635 550 635 615 352 635 634 278 278 579 278 974 634 612 635 635 411 521 "
    "392 634 592 818 592 592 525 636 337 636 838"
)
_BOLD = (
    "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696 696 696 696 400 400 "
    "838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 637 995 837 850 733 850 770 720 682 812 774 1103 "
    "771 724 725 457 365 457 838 500 500 675 716 593 716 678 435 716 712 343 343 665 343 1042 712 687 716 716 493 595 "
    "478 712 652 924 645 652 582 712 365 712 838"
)
WIDTHS = {
    weight: {chr(FIRST + i): int(w) / 1000 for i, w in enumerate(table.split())}
    for weight, table in (("normal", _REGULAR), ("bold", _BOLD))
}
OTHER = 1.0  # em, for a character outside the tables


def width(text: str, size: float, weight: str = "normal") -> float:
    """The drawn width of `text` at `size` (px or pt, as the size is given)."""
    table = WIDTHS[weight]
    return size * sum(table.get(character, OTHER) for character in text)


def wrap(text: str, room: float, size: float, weight: str = "normal") -> list[str]:
    """`text` in lines no wider than `room` at `size`, broken between words (a word wider than the room alone is
    broken inside: no line is ever wider than the room)."""
    words = " ".join(str(text).split())
    narrowest = size * min(WIDTHS[weight].values())
    chars = max(1, min(len(words), int(room / narrowest)))
    while chars > 1:
        lines = textwrap.wrap(words, chars, break_long_words=True) or [""]
        if all(width(line, size, weight) <= room for line in lines):
            return lines
        chars -= 1
    return list(words) or [""]
