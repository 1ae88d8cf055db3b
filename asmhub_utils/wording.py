"""Counts in the words of the command line's messages: '1 profile', '3 profiles', never 'profile(s)'.

Pages format their counts with chapters/display.count (CLDR digits for the reader's locale); this module imports
nothing, so a command's message costs no pandas or Babel import.
"""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """1 -> '1 problem'; 3 -> '3 problems'; 1234 -> '1,234 problems'; `plural` for irregular nouns."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"
