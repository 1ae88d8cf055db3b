"""What a figure measures and where it applies, read from its indicator, mineral, unit, dataset and note.

**measures** (one of `MEASURES`; first rule that matches wins):

* figures not counting people: *production* (tonnes, kilograms, carats), *money* (USD and other currencies,
  value, revenue, exports), *share* (percent, ratio), *sites or area* (sites, mines, hectares), *legal fact*
  (a formalisation figure kept as text), *other* for any other unit;
* counts of people: *wider mining sector* (all mining or quarrying jobs, not ASM only), *events* (people
  arrested, displaced, killed or idled: not a workforce), *women*, *children*, *inventory bound* (a compilation's
  separate minimum or maximum),
  *dependants and livelihoods* (dependants, families, indirect jobs, livelihoods), *statistical model*,
  *registered or licensed* (registers, licences, permits, certificates, members of associations), *surveyed at sites*
  (people counted at visited or mapped sites), *illegal only* (clandestine or illegal miners only),
  *one mineral only* (gold, diamonds, cobalt, a named stone), *all people in ASM* (the rest); "women" only when
  the indicator does not name men too ("women, men and children" is a total); a count the compilers' note files
  as narrower ("narrower: one sub-sector", "narrower: illegal miners only") takes that narrower measure;
* a value that is a date ("14 au 15 novembre 2022") is a statement (*legal fact* or *other*), never *money*;
* *unknown* when the figure is about people but no number of people can be read from it (words only).

**coverage**: *world* or *region* from the figure's scope; for a country: *sites* (a named camp, mine, dam
or a set of visited sites), *subnational: AREA* when the indicator or note names a part of the country
("local count: Erongo region only", "eastern DRC"), else *national* (the compilers file a figure under a
country only when it is stated for that country, and mark local counts as local).
"""

from __future__ import annotations

import re

MEASURES = (
    "all people in ASM",
    "one mineral only",
    "illegal only",
    "registered or licensed",
    "surveyed at sites",
    "statistical model",
    "dependants and livelihoods",
    "women",
    "children",
    "inventory bound",
    "wider mining sector",
    "events",
    "production",
    "money",
    "share",
    "sites or area",
    "legal fact",
    "other",
    "unknown",
)
PEOPLE_MEASURES = MEASURES[:12]
ALL_ASM = "all people in ASM"
NARROWER = ("one mineral only", "registered or licensed", "illegal only")

_PRODUCTION_UNITS = re.compile(r"^(t|kg|g|carats|oz)(/yr|/month|/day)?$")
_MONEY = re.compile(r"^USD|FCFA|\bvalue\b|revenue|export|turnover|income|price|royalt", re.I)
_SHARE_UNITS = {"percent", "ratio"}
_SITE_UNITS = {"sites", "mines", "operations", "ha", "hotspots", "provinces"}
_WIDER = re.compile(
    r"formal mining|industrial|large-scale|mining-sector|mining sector|M&Q|not ASM-specific|"
    r"LSM\+ASM|jewellery|injury|illness",
    re.I,
)
_EVENTS = re.compile(r"arrested|detained|deaths?\b|idled|affected by closure|displaced|asked to leave", re.I)
_WOMEN = re.compile(r"\bfemale|\bwomen|\bwoman|mujeres", re.I)
_CHILDREN = re.compile(r"\bchild|\bminors?\b|niños|enfants", re.I)
_BOUND = re.compile(r"\b(minimum|maximum)\b", re.I)
_DEPENDANTS = re.compile(
    r"\bdependent|\bdependants?\b|depending|livelihood|living from|\bfamil|indirect|"
    r"benefic|\blifeline\b|\bsupport(?:ed|ing)\b",
    re.I,
)
# "women, men and children": a total, not women (or children) only.
_BOTH_SEXES = re.compile(r"\bmen\b|\bmale\b", re.I)
# A note that files the figure as narrower than all ASM ("narrower: one sub-sector", "narrower: illegal miners only").
_NARROWER_NOTE = re.compile(r"\bnarrower(?: national count)?:\s*([^;]*)", re.I)
# A value that is a date ("14 au 15 novembre 2022", "с 1 марта 2019 года"): a statement, never money.
_DATE = re.compile(
    r"\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\b",
    re.I,
)
_MODEL = re.compile(r"\bmodel\b|statistical", re.I)
_REGISTERED = re.compile(
    r"regist|\bcertified\b|formali[sz]ation commitment|\bcompromiso\b|\blegal artisanal|licen[cs]|permit|"
    r"\bmembers\b|RUCOM|REINFO|claim-holders|regularis|"
    r"mobilised|\bcarte\b",
    re.I,
)
_SURVEYED = re.compile(
    r"surveyed|\bparticipat\w* in (?:the |a )?(?:national )?(?:\w+ )?survey|\brespondents\b|\bmapped\b|visited|"
    r"\bat \d[\d,]* .*(sites|mines)|\bIPIS\b",
    re.I,
)
_ILLEGAL = re.compile(r"illegal|clandestin|informal/illegal", re.I)
_ONE_MINERAL = re.compile(
    r"\bASGM\b|\bgold\b|diamond|cobalt|\btin\b|coltan|mercury miners|\blarimar\b|\bamber\b|barite|\bcoal\b|"
    r"garimpeiro|placer|gambusino|pirquinero|orpaill|panners|gemstone|sapphire|jade|"
    r"agate|amethyst|\bsand\b|by commodity",
    re.I,
)
_LOCAL = re.compile(
    r"\blocal(?: count| snapshot)?:\s*([^;]*)|\blocal \(([^)]*)\)|\bregional \(([^)]*)\)|\(local\)|"
    r"\blocal(?: count| only)?(?=[;,]|$)",
    re.I,
)
_SITES = re.compile(
    r"\bcamp\b|\bdam\b|\bat \d[\d,]* .*(sites|mines)|visited|surveyed active sites|"
    r"\bthe .* mine only|\bsite\b",
    re.I,
)
_AREA = re.compile(
    r"\b(eastern DRC|eastern [A-Z]\w+|[A-Z][\w'/-]+(?: and [A-Z][\w'/-]+)? (?:region|province|"
    r"state|district|governorate|department)s?|in the Amazon|Yukon|Alaska|Sonora|Chihuahua)\b"
)


# Counts of persons: the first rule that matches the indicator decides (order matters: "women at sites" is women).
_PERSON_RULES = (
    (_WIDER, "wider mining sector"),
    (_EVENTS, "events"),
    (_WOMEN, "women"),
    (_CHILDREN, "children"),
    (_BOUND, "inventory bound"),
    (_DEPENDANTS, "dependants and livelihoods"),
    (_MODEL, "statistical model"),
    (_REGISTERED, "registered or licensed"),
    (_SURVEYED, "surveyed at sites"),
    (_ILLEGAL, "illegal only"),
    (_ONE_MINERAL, "one mineral only"),
)


def measures(dataset: str, indicator: str, unit: str, value_kind: str, note: str = "", value_text: str = "") -> str:
    """The vocabulary word for what a figure measures (rules in this module's docstring)."""
    text = indicator
    if unit and unit != "persons":
        if _PRODUCTION_UNITS.match(unit):
            return "money" if _MONEY.search(indicator) and not unit.startswith(("t", "kg")) else "production"
        if unit.startswith("USD"):
            return "money"
        if unit in _SHARE_UNITS:
            return "share"
        if unit in _SITE_UNITS:
            return "sites or area"
        if unit == "registrations":
            return "registered or licensed"
        return "other"
    if not unit:
        if value_kind == "text" and _DATE.search(value_text):
            return "legal fact" if dataset == "formalisation" else "other"
        if _MONEY.search(f"{indicator} {note}") and re.search(r"FCFA|USD|US\$|dólares|\$", f"{note} {indicator}"):
            return "money"
        if dataset == "formalisation" and value_kind == "text":
            return "legal fact"
        return "other" if dataset != "miners_by_country" else "unknown"
    word = next(
        (
            word
            for pattern, word in _PERSON_RULES
            if pattern.search(text) and not (word in ("women", "children") and _BOTH_SEXES.search(text))
        ),
        ALL_ASM,
    )
    if word == ALL_ASM and (m := _NARROWER_NOTE.search(note)):
        named = m.group(1)
        word = next((w for pattern, w in _PERSON_RULES if w in NARROWER and pattern.search(named)), "one mineral only")
    return word


def coverage(scope: str, indicator: str, note: str = "") -> str:
    """world, region, national, sites, or 'subnational: AREA' (rules in this module's docstring)."""
    if scope in ("world", "region"):
        return scope
    if _SITES.search(indicator):
        return "sites"
    if m := _LOCAL.search(f"{indicator} ; {note}"):
        named = _AREA.search(indicator)
        given = next((g for g in m.groups() if g), "")
        area = named.group(1) if named else re.sub(r"\s+only\b.*$", "", given).strip(" ,.()")
        if re.search(r"\b(sites?|mines?|camp|shafts)\b", area, re.I) and not _AREA.search(area):
            return "sites"
        if area.count("(") > area.count(")"):
            area += ")"
        return f"subnational: {area}" if area else "subnational: area not named"
    if m := _AREA.search(indicator):
        return f"subnational: {m.group(1)}"
    if re.search(r"eastern DRC( only| subset)", note):
        return "subnational: eastern DRC"
    return "national"
