"""Every generated sentence of the built book, and the ways a generated sentence fails to parse.

A generated sentence is text a notebook wrote: a cell's output (Markdown or HTML) or a paragraph that holds a
glued value. `book_sentences` collects them from the built pages (for tests/site/test_sentences.py, which writes
them to _build/sentences.txt for a reader to go through) and `problems` names what is wrong with one:

* a doubled year: the same "in YYYY" twice in one clause ("6-8% in 2020 ... was artisanal, ..., in 2020");
* a nested citation: a citation inside a citation ("(U.S. Geological Survey (publication page), 2023)");
* a citation inside a figure: a citation between a number and the words it belongs to
  ("almost 38% in 2015 [SAICM, 2019] of all emissions");
* a unit twice: "a year" again within a few words ("the value of ASGM gold in a year is 28 to 34 billion US
  dollars a year");
* a publication year given twice: an undated figure's "(published 2024)" before a citation that gives it
  ("about 30 billion US dollars a year, undated (published 2024) (UNEP, 2024)").
"""

from __future__ import annotations

import re
from pathlib import Path

_YEAR = r"(?:1[89]|20)\d\d"
_CITATION_END = rf"(?:{_YEAR}[a-z]?|n\.d\.)"
DOUBLED_YEAR = re.compile(rf"\b(?:in|for) ({_YEAR})\b(?:(?!;| to ).)*\bin \1\b")
NESTED_CITATION = re.compile(
    rf"\([^()]*\([^()]*\)[^()]*,\s*{_CITATION_END}\)|\[[^\[\]]*\[[^\]]*\][^\]]*{_CITATION_END}\]"
)
SPLIT_FIGURE = re.compile(
    rf"\d%?(?:\s+in\s+{_YEAR})?\s*[\[(](?:[^\[\]()]|\([^()]*\))*{_CITATION_END}[\])]"
    r"\s+(?:of|was|were|is|are)\b"
)
PUBLISHED_TWICE = re.compile(rf"\(published ({_YEAR})\)\s*[\[(][^\[\]()]*\b\1[a-z]?\s*[\])]")
UNIT_TWICE = re.compile(r"\ba year\b[^.;()\[\]]{0,50}?\ba year\b")
CHECKS = {
    "doubled year": DOUBLED_YEAR,
    "nested citation": NESTED_CITATION,
    "citation inside a figure": SPLIT_FIGURE,
    "publication year twice": PUBLISHED_TWICE,
    "unit twice": UNIT_TWICE,
}
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(])")


def problems(sentence: str) -> list[str]:
    """What is wrong with a sentence (names from CHECKS); empty when it parses."""
    return [name for name, pattern in CHECKS.items() if pattern.search(sentence)]


def split(text: str) -> list[str]:
    """A block of text as sentences (white space folded)."""
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


def book_sentences(html_root: Path) -> list[tuple[str, str]]:
    """(page, sentence) for every generated sentence of the built notebook pages."""
    from bs4 import BeautifulSoup

    found = []
    for page in sorted(html_root.glob("notebooks/**/*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for svg in soup.find_all("svg"):  # chart marks' titles are not sentences of the page
            svg.decompose()
        for block in soup.select(
            "div.cell_output p, div.cell_output li, p:has(span.pasted-text), li:has(span.pasted-text)"
        ):
            found.extend((page.relative_to(html_root).as_posix(), s) for s in split(block.get_text(" ")))
    return found
