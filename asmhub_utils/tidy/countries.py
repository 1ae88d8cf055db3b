"""Country codes and names: ISO 3166 from pycountry (maintained), regions from Natural Earth.

One documented exception to ISO 3166-1: Kosovo has no ISO code, and the sources code it `XKX`, the
user-assigned code the World Bank, the EU and the IMF use. `USER_ASSIGNED` lists every such code the book
accepts, with its name; any other code that ISO 3166-1 does not know is still refused.
"""

from __future__ import annotations

import contextlib
import difflib
import json
from functools import lru_cache

import pycountry

from asmhub_utils import paths

# Codes outside ISO 3166-1 that sources use, with the name pages show. Only add a code with a reference.
USER_ASSIGNED = {"XKX": "Kosovo"}  # World Bank / EU code; ISO 3166-1 has none (X.. codes are user-assigned)

# Natural Earth 1:110m draws French Guiana inside France's multipolygon, so it has no continent of its own;
# it gives Kosovo no code (iso_a3 "-99").
_REGION_OVERRIDES = {"GUF": "South America", "XKX": "Europe"}


def is_iso3(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 country code (upper case), or one of the documented `USER_ASSIGNED` codes."""
    return code.isupper() and (code in USER_ASSIGNED or pycountry.countries.get(alpha_3=code) is not None)


def iso_name(code: str) -> str:
    """The country's name for pages: ISO's common name, else its short name in reading order
    ("Congo, The Democratic Republic of the" -> "The Democratic Republic of the Congo"). KeyError if unknown."""
    if code in USER_ASSIGNED:
        return USER_ASSIGNED[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise KeyError(code)
    name = getattr(country, "common_name", None) or country.name
    head, comma, tail = name.partition(", ")
    return f"{tail} {head}" if comma else name


def names_for(code: str) -> set[str]:
    """Every name ISO gives a country (short, official, common), lower-cased, to check a name against its code."""
    if code in USER_ASSIGNED:
        return {USER_ASSIGNED[code].lower()}
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return set()
    return {
        n.lower()
        for n in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None))
        if n
    }


def _one_edit_apart(a: str, b: str) -> bool:
    """Same length and one letter changed, or two neighbouring letters swapped ("CDO" / "COD")."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def suggest(code: str, n: int = 3) -> list[str]:
    """Close ISO3 codes and codes whose country name resembles `code`, for 'did you mean' messages."""
    code = code.strip()
    codes = [c.alpha_3 for c in pycountry.countries] + list(USER_ASSIGNED)
    upper = code.upper()
    swapped = [c for c in codes if _one_edit_apart(upper, c) and sorted(c) == sorted(upper)]
    close = swapped + difflib.get_close_matches(upper, codes, n=n, cutoff=0.6)
    if len(code) > 3:
        with contextlib.suppress(LookupError):
            close += [c.alpha_3 for c in pycountry.countries.search_fuzzy(code)[:n]]
    return list(dict.fromkeys(close))[:n]


@lru_cache(maxsize=1)
def _continents() -> dict[str, str]:
    world = json.loads(paths.WORLD_GEOJSON.read_text(encoding="utf-8"))
    return {f["properties"]["iso_a3"]: f["properties"]["continent"] for f in world["features"]}


def region(code: str) -> str:
    """The Natural Earth continent of a country, or an empty string when it has none."""
    return _REGION_OVERRIDES.get(code) or _continents().get(code, "")
