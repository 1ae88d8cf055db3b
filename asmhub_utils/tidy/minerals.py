"""Mineral names as sources write them, grouped under one name for counting and charts (the figure keeps its
own words). One map for the whole book: the country table's main minerals and the supply-share chart use it.
"""

from __future__ import annotations

import re

import pandas as pd

# One spelling per mineral, and the family a named stone is counted in. "Precious" and "semi-precious" stones
# are the sources' words for coloured gemstones here (diamonds are always named as such); a sapphire figure is
# kept apart from the family's, but sorts beside it.
SAME_MINERAL = {
    "diamond": "diamonds",
    "gemstone": "coloured gemstones",
    "gemstones": "coloured gemstones",
    "precious stones": "coloured gemstones",
    "semi-precious stones": "coloured gemstones",
    "sapphire": "coloured gemstones (sapphire)",
}


def same_mineral(name: str) -> str:
    """The one name a mineral is grouped under ('diamond' -> 'diamonds'); other names unchanged."""
    return SAME_MINERAL.get(name.strip().lower(), name)


_PARENTHESES = re.compile(r"\([^)]*\)")
_SPLIT = re.compile(r",|;|/|&|\band\b")


def main_minerals(mineral_cells: pd.Series, n: int = 3) -> list[str]:
    """The n minerals named most often in a country's figures (names split and normalised, ties alphabetical)."""
    names: list[str] = []
    for cell in mineral_cells.dropna():
        for part in _SPLIT.split(_PARENTHESES.sub("", str(cell))):
            name = part.strip().lower()
            if name and name not in {"all", "all minerals", "other", "others", "etc."}:
                names.append(same_mineral(name))
    counts = pd.Series(names, dtype=str).value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, _ in ordered[:n]]
