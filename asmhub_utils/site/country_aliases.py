"""Names readers search for that are not the names the book gives a country ("DRC", "Ivory Coast"): the search
page turns such a query into the country's name in the book before it searches
(book/assets/asmhub-search.js reads window.ASMHUB_ALIASES, written at build time into _static/asmhub-aliases.js).
"""

from __future__ import annotations

import json

ALIASES: dict[str, tuple[str, ...]] = {
    "COD": (
        "DRC",
        "DR Congo",
        "D.R. Congo",
        "Congo-Kinshasa",
        "Congo Kinshasa",
        "Zaire",
        "Democratic Republic of Congo",
    ),
    "COG": ("Congo-Brazzaville", "Congo Brazzaville", "Republic of Congo"),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "MMR": ("Burma",),
    "LAO": ("Laos", "Lao PDR"),
    "TZA": ("Tanzania",),
    "BOL": ("Bolivia",),
    "VEN": ("Venezuela",),
    "RUS": ("Russia",),
    "IRN": ("Iran",),
    "VNM": ("Vietnam", "Viet Nam"),
    "GBR": ("UK", "Britain", "Great Britain"),
    "USA": ("USA", "US", "United States", "America"),
    "CAF": ("CAR", "Central Africa Republic"),
    "SWZ": ("Swaziland",),
    "TUR": ("Turkey",),
    "PNG": ("PNG",),
    "KGZ": ("Kyrgyzstan",),
    "GIN": ("Guinea-Conakry", "Guinea Conakry"),
    "GNB": ("Guinea-Bissau",),
    "SSD": ("South Sudan",),
    "ZAF": ("South Africa", "RSA"),
}


def fold(text: str) -> str:
    """What a query is matched by: case, accents, dots and dashes ignored ('D.R. Congo' = 'dr congo')."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return " ".join(plain.replace(".", "").replace("-", " ").replace("'", " ").split())


def alias_map(names: dict[str, str]) -> dict[str, str]:
    """Folded alias -> the country's name in the book, for the countries in `names` (ISO3 -> name) only, and
    never an alias that is already the book's own name."""
    found = {}
    for code, aliases in ALIASES.items():
        if code in names:
            for alias in aliases:
                if fold(alias) != fold(names[code]):
                    found[fold(alias)] = names[code]
    return found


def script(names: dict[str, str]) -> str:
    """`window.ASMHUB_ALIASES = {...};`"""
    return "window.ASMHUB_ALIASES=" + json.dumps(alias_map(names), ensure_ascii=False, sort_keys=True) + ";\n"
