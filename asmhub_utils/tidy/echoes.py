"""Independent estimates: figures that quote one original estimate form one echo group.

An echo group holds quotations of one original estimate, judged by what the figures say, not by their numbers
alone. Two figures are echoes when all of these hold:

* **same place**: the country, or the world or a region by name;
* **same subject**: they count the same thing (`measures` and unit); for a count of one mineral, the same
  mineral; for a figure that does not count people (a share, a production, a value, a number of countries or
  sites), the same mineral and the same topic read from its indicator (`topic`): "women's share of the
  workforce" and "ASGM's share of mercury emissions" are two subjects, however equal their numbers;
* **same numbers**: low, high and central all equal;
* **same original where the notes name one**: the same `original_source`, or at least one of them names none;
* never two figures of one statement ("gold 5,000; other 5,000" are two figures, not one quoted twice).

**Said to repeat**: a figure whose note says it repeats another ("replicates ILO-99 data", "repeats the
long-standing 40,000 figure (IGF-18, MMSD-03)", "probably the same estimate as the 2016 baseline") joins the group
of the figure it names in the same place and subject (by its original's name, else by the named year and the
same number), and takes that figure's year: an echo is dated by its original, never by its quoter. A reviewed
decision (`repeats` in data/curation.csv) does the same where the note does not say it.

Echoing is transitive. The group is named by the record id of its earliest figure (smallest year, then the
original before a figure said to repeat it, then record id), which the pages show as the figure, "also quoted by" the
others. Figures without a number are each their
own group (words cannot be compared).
"""

from __future__ import annotations

import re
from collections import defaultdict

from asmhub_utils.tidy import lineage, measures

# The topic of a figure that does not count people, read from its indicator: the things its number is about.
_TOPICS = {
    "women": r"\bwom[ae]n|\bfemale",
    "children": r"\bchild|\bminors?\b",
    "people": r"\bworkers?\b|\bworkforce\b|\bminers?\b|\bpeople\b|\bemploy|\bgrinders?\b|\bpanners?\b",
    "production": r"\bproduc|\boutput\b|\bsupply\b|\bmined\b|\bextract",
    "mercury": r"\bmercury\b|\bHg\b|\bemission",
    "trade": r"\bexport|\btrade|\btraded\b|\bcollected\b|\bbought\b|\bpurchas",
    "money": r"\bvalue\b|\brevenue|\bincome|\bUSD\b|\bprice",
    "health": r"\bdie\b|\bdeath|\bsilicosis|\bill(ness)?\b",
    "informal": r"\binformal|\billegal|\bwithout a (mining )?title|\bunlicen",
    "countries": r"\bcountries\b",
    "sites": r"\bsites?\b|\bmines\b|\bshafts?\b|\bhectares?\b|\barea\b",
}
_TOPIC = {name: re.compile(pattern, re.I) for name, pattern in _TOPICS.items()}
# Notes that say a figure repeats another one.
_REPEATS = re.compile(r"\b(?:replicat\w*|repeats?|repeating|same (?:estimate|figure) as|re-citation of)\b(.*)", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def topic(indicator: str) -> frozenset[str]:
    """The topics an indicator names ('women share of ASM workers' -> {women, people})."""
    return frozenset(name for name, pattern in _TOPIC.items() if pattern.search(indicator or ""))


def _mineral(record: dict) -> str:
    """The mineral a figure is about, as one word ('Diamonds (mainly)' -> 'diamond'); '' when none is named."""
    words = re.findall(r"[a-z]+", (record.get("mineral") or "").lower())
    return words[0].removesuffix("s") if words else ""


def subject(record: dict) -> tuple:
    """What a figure counts: its measure and unit, with the mineral and topic where they are the subject."""
    measure = record["measures"]
    if measure in measures.PEOPLE_MEASURES:
        mineral = _mineral(record) if measure == "one mineral only" else ""
        return (measure, record["unit"], mineral)
    return (measure, record["unit"], _mineral(record), topic(record.get("indicator", "")))


def _place(record: dict) -> str:
    return record["iso3"] or record["country_name"] or "world"


def _numbers(record: dict) -> tuple:
    return (record["value_low"], record["value_high"], record["value_central"])


def _key(record: dict) -> tuple | None:
    if all(n is None for n in _numbers(record)):
        return None
    return (_place(record), subject(record), *_numbers(record))


def _compatible(a: dict, b: dict) -> bool:
    if a.get("statement_of") and a.get("statement_of") == b.get("statement_of"):
        return False
    return not a["original_source"] or not b["original_source"] or a["original_source"] == b["original_source"]


def repeated(record: dict, records: list[dict]) -> list[dict]:
    """The figures a record's note says it repeats: same place and kind of count, named by their original
    (a compiler's code such as ILO-99), else by the named year with an overlapping number."""
    if record.get("repeats"):  # a reviewed decision (data/curation.csv) names it
        return [other for other in records if other["record_id"] == record["repeats"]]
    m = _REPEATS.search(record.get("note") or "")
    if not m:
        return []
    named = lineage.original_source(f"original source {m.group(1)}")
    names = {o.name for o in lineage._candidates(m.group(1))} | ({named.name} if named else set())
    years = {int(y) for y in _YEAR.findall(m.group(1))}
    people = record["measures"] in measures.PEOPLE_MEASURES
    out = []
    for other in records:
        if other is record or _place(other) != _place(record) or other["unit"] != record["unit"]:
            continue
        if people != (other["measures"] in measures.PEOPLE_MEASURES) or other["measures"] in ("inventory bound",):
            continue
        if other["measures"] != record["measures"] and measures.ALL_ASM not in (other["measures"], record["measures"]):
            continue
        named = other["original_source"] and other["original_source"] in names
        same_year = years and ({other["year"], other.get("published_year")} & years) and _overlap(record, other)
        if named or same_year:
            out.append(other)
    return out


def _overlap(a: dict, b: dict) -> bool:
    def bounds(r: dict) -> tuple[float, float] | None:
        values = [v for v in _numbers(r) if v is not None]
        return (min(values), max(values)) if values else None

    x, y = bounds(a), bounds(b)
    return bool(x and y and x[0] <= y[1] and y[0] <= x[1])


def echo_groups(records: list[dict]) -> dict[str, str]:
    """record_id -> echo group id (the record id of the group's earliest figure).

    A figure whose note says it repeats another takes that figure's year (its `year` is changed in place)."""
    parent = {r["record_id"]: r["record_id"] for r in records}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_key: dict[tuple, list[dict]] = defaultdict(list)
    for record in records:
        if (key := _key(record)) is not None:
            by_key[key].append(record)
    for same in by_key.values():
        for i, a in enumerate(same):
            for b in same[i + 1 :]:
                if _compatible(a, b):
                    parent[find(a["record_id"])] = find(b["record_id"])
    repeaters = set()
    for record in records:
        originals = repeated(record, records)
        if originals:
            repeaters.add(record["record_id"])
        for other in originals:
            parent[find(record["record_id"])] = find(other["record_id"])
        years = [o["year"] for o in originals if o["year"] is not None]
        if years and (record["year"] is None or min(years) < record["year"]):
            record["year"] = min(years)
    members: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        members[find(record["record_id"])].append(record)
    groups = {}
    for group in members.values():
        first = min(
            group,
            key=lambda r: (r["year"] if r["year"] is not None else 9999, r["record_id"] in repeaters, r["record_id"]),
        )
        for record in group:
            groups[record["record_id"]] = first["record_id"]
    return groups
