"""Independent estimates: figures that repeat the same original estimate form one echo group.

Rule: two figures are echoes of one estimate when they are about the same place (country, or the world or a
region by name), count the same thing (`measures`, the same unit, and for one-mineral counts the same
`mineral`) and give the same numbers (low, high and
central all equal), and their producers do not contradict each other (the same `original_source`, or at least
one of them names none). Echoing is transitive. The group is named by the record id of its earliest figure
(smallest year, then record id), which the pages show as the figure, "also quoted by" the others.
Figures without a number are each their own group (words cannot be compared).
"""

from __future__ import annotations

from collections import defaultdict


def _key(record: dict) -> tuple | None:
    numbers = (record["value_low"], record["value_high"], record["value_central"])
    if all(n is None for n in numbers):
        return None
    place = record["iso3"] or record["country_name"] or "world"
    mineral = record["mineral"] if record["measures"] == "one mineral only" else ""
    return (place, record["measures"], mineral, record["unit"], *numbers)


def _compatible(a: dict, b: dict) -> bool:
    return not a["original_source"] or not b["original_source"] or a["original_source"] == b["original_source"]


def echo_groups(records: list[dict]) -> dict[str, str]:
    """record_id -> echo group id (the record id of the group's earliest figure)."""
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
            for b in same[i + 1:]:
                if _compatible(a, b):
                    parent[find(a["record_id"])] = find(b["record_id"])
    members: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        members[find(record["record_id"])].append(record)
    groups = {}
    for group in members.values():
        first = min(group, key=lambda r: (r["year"] if r["year"] is not None else 9999, r["record_id"]))
        for record in group:
            groups[record["record_id"]] = first["record_id"]
    return groups
