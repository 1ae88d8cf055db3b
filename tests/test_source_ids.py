"""Source ids cannot collide: a source whose short id another source already has gets a long hash; the first
keeps its id (a contribution never renames a seed source); two ids that still coincide stop the build naming
both sources."""

from __future__ import annotations

import hashlib

import pytest

from asmhub_utils.errors import DataError
from asmhub_utils.tidy import build


def colliding_titles() -> tuple[str, str]:
    """Two titles whose sources (same publisher, year, address scheme) share the 6-digit hash: found in
    milliseconds by the birthday bound, as the issue's contributor found one against a seed source."""
    seen: dict[str, str] = {}
    for n in range(200_000):
        title = f"Report {n}"
        key = (title, "Delve", "2020", "https://example.org/r")
        digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[: build.SHORT_DIGEST]
        if digest in seen:
            return seen[digest], title
        seen[digest] = title
    raise AssertionError("no collision found")


def test_a_colliding_source_gets_its_own_id_and_the_first_keeps_its_own():
    first, second = colliding_titles()
    keys = {(t, "Delve", "2020", "https://example.org/r"): ("data/x.csv", n) for n, t in enumerate((first, second))}
    a, b = keys
    assert build.source_id(a) == build.source_id(b), "the titles collide on the short id"
    ids = build.source_ids(keys)
    assert ids[a] == build.source_id(a) and ids[b] != ids[a]
    assert len(ids[b].rsplit("-", 1)[1]) == build.LONG_DIGEST


def test_ids_that_still_coincide_stop_the_build_naming_both_sources(monkeypatch):
    monkeypatch.setattr(build, "source_id", lambda key, digits=6: "same-2020-abcdef")
    keys = {
        ("Seed report", "Delve", "2020", "https://a.example/1"): ("data/raw/seed.csv", 4),
        ("Contributed report", "NGO", "2020", "https://b.example/2"): ("data/contrib/ngo.csv", 2),
    }
    with pytest.raises(DataError) as caught:
        build.source_ids(keys)
    (problem,) = caught.value.problems
    text = str(problem)
    assert "data/contrib/ngo.csv, row 2" in text and "Contributed report" in text
    assert "Seed report" in text and "data/raw/seed.csv, row 4" in text
