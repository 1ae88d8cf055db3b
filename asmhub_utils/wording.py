"""Counts in the words of the command line's messages: '1 profile', '3 profiles', never 'profile(s)'.

Pages format their counts with chapters/display.count (CLDR digits for the reader's locale, the noun from `noun`
here); this module imports nothing, so a command's message costs no pandas or Babel import.
"""

from __future__ import annotations


def noun(n: int, singular: str, plural: str | None = None) -> str:
    """The noun for `n` of something: 'problem' for 1, 'problems' otherwise; `plural` for irregular nouns."""
    return singular if n == 1 else (plural or singular + "s")


def count(n: int, singular: str, plural: str | None = None) -> str:
    """1 -> '1 problem'; 3 -> '3 problems'; 1234 -> '1,234 problems'."""
    return f"{n:,} {noun(n, singular, plural)}"
