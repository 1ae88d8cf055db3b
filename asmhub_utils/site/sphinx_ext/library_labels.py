"""Readable labels in the resource library: '[UNEP 2020]', '[UNEP 2020b]', never a BibTeX key.

A pybtex label style (author, cut to its short form, and year, with a letter when one bibliography holds two
alike) and a formatting style `asmhub` (pybtex's unsrt with these labels), chosen by `bibtex_default_style`.
"""

from __future__ import annotations

import re
from collections import Counter

from pybtex.plugin import register_plugin
from pybtex.style.formatting.unsrt import Style as Unsrt
from pybtex.style.labels import BaseLabelStyle

WIDTH = 24


def short_author(entry) -> str:
    """The first author as a reader knows it: a corporate author up to its first bracket, cut to WIDTH."""
    people = entry.persons.get("author") or []
    name = (
        " ".join(
            " ".join(
                people[0].rich_last_names and [str(n) for n in people[0].rich_last_names] or people[0].last_names
            ).split()
        )
        if people
        else ""
    )
    name = re.split(r" \(|, ", re.sub(r"[{}]", "", name))[0].strip() or "Anonymous"
    return name if len(name) <= WIDTH else name[: WIDTH - 1].rstrip() + "…"


def label(entry) -> str:
    year = entry.fields.get("year", "n.d.")
    return f"{short_author(entry)} {year}"


class AuthorYear(BaseLabelStyle):
    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        labels = [label(e) for e in entries]
        counts, seen = Counter(labels), Counter()
        for text in labels:
            if counts[text] > 1:
                seen[text] += 1
                yield f"{text}{chr(ord('a') + seen[text] - 1)}"
            else:
                yield text


class AsmhubStyle(Unsrt):
    default_label_style = "asmhub_author_year"


def register() -> None:
    register_plugin("pybtex.style.labels", "asmhub_author_year", AuthorYear, force=True)
    register_plugin("pybtex.style.formatting", "asmhub", AsmhubStyle, force=True)
