"""data/references.bib, written from data/sources.csv: one @misc entry per source, key = source_id.

The book reads the file with sphinxcontrib-bibtex (pybtex), which needs it at configuration time, so it is
committed and rewritten by `asmhub build-data` together with the tables (so `asmhub contribute`
swaps it in atomically with them); a test checks that the committed file equals a fresh render.

Escaping: LaTeX specials in text fields become the commands pybtex decodes back to the character
(`\\&`, `\\%`, `\\#`, `\\_`, `\\textasciitilde{}`, `\\textbackslash{}`). Braces, which BibTeX reads as grouping,
are written as parentheses. HTML needs no escaping here: pybtex hands plain text to Sphinx, which escapes it.
URLs are kept verbatim (BibTeX reads `url` as is); a URL with a brace or white space is refused.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pandas as pd

from asmhub_utils import escape, paths
from asmhub_utils.errors import DataError, Problem, display_path
from asmhub_utils.tidy import reader_notes, source_groups

BIB = paths.DATA / "references.bib"
HEADER = "% Written by `asmhub build-data` (asmhub_utils/tidy/bibtex.py) from data/sources.csv. Do not edit.\n"


def reliability_note(reliability: str, reason: str) -> str:
    labels = {"primary": "Primary source", "secondary": "Secondary source", "low": "Low-reliability source"}
    return f"{labels[reliability]}: {reason}."


_FROM_ADDRESS = re.compile(r"\s*\(title from URL\)\s*$")
_DESCRIBED = re.compile(r"^\((.*)\)$")


def shown_title(title: str, url: str) -> str:
    """The title a reader sees: a source whose stored copy has no title says what it is. The compilers marked
    such sources in sources.csv with a title read from the address ('... (title from URL)') or a description in
    brackets ('(AllAfrica article on ...)'); both become 'page at HOST, no title in the stored copy' with the
    words after it. Any other title is shown as it is; sources.csv keeps what the compilers wrote."""
    host = (urlsplit(str(url)).hostname or "").removeprefix("www.")
    page = f"page at {host}" if host else "page"
    if _FROM_ADDRESS.search(title):
        return f"{page}, no title in the stored copy; its address reads: {_FROM_ADDRESS.sub('', title)}"
    described = _DESCRIBED.match(title.strip())
    if described:
        return f"{page}, no title in the stored copy: {described.group(1)}"
    return title


def entry(row: pd.Series | dict) -> str:
    """One @misc entry. The publisher is the (corporate) author, braced so BibTeX never splits it into names."""
    group = source_groups.SLUGS[source_groups.classify(row["title"], row["publisher"], row["url"])[0]]
    fields = [
        ("author", "{" + escape.bibtex(row["publisher"]) + "}"),
        (
            "title",
            "{" + escape.bibtex(shown_title(reader_notes.without_working_asides(row["title"]), row["url"])) + "}",
        ),
        ("year", "" if pd.isna(row["year"]) else str(int(row["year"]))),
        ("url", escape.url(row["url"])),  # only a safe http(s) address becomes a link
        ("note", escape.bibtex(reliability_note(row["reliability"], row["reliability_reason"]))),
        ("keywords", f"{group}, {row['reliability']}"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{row['source_id']},\n{body}\n}}\n"


def _check(sources: pd.DataFrame, origin: str) -> None:
    problems = []
    for number, url in enumerate(sources["url"], start=2):
        if any(ch in url for ch in "{} \t\n"):
            problems.append(
                Problem(
                    origin,
                    number,
                    "url",
                    url,
                    "a URL with a brace or white space cannot go into BibTeX",
                    "percent-encode the character (%7B, %7D, %20) in figures.csv",
                )
            )
    if problems:
        raise DataError(problems)


def render(sources: pd.DataFrame) -> str:
    """The whole .bib text of a sources table, entries in source_id order."""
    _check(sources, display_path(paths.SOURCES))
    ordered = sources.sort_values("source_id")
    return HEADER + "\n" + "\n".join(entry(row) for row in ordered.to_dict("records"))  # dicts: iterrows cost
    # 2 ms a source
