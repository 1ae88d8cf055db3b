"""Links from a figure to its source's entry in the resource library: MyST `{cite}` roles whose keys are
source_ids (data/references.bib).

Pages render notebook Markdown output as MyST (`nb_render_markdown_format: myst`), so these roles become links
to the source's entry on the library page, which in turn links to the original.

Four modules, one idea each: `chapters/source_lines.py` (the "Sources:" line under a chart or table),
`chapters/source_links.py` ({cite} roles linking to a source's library entry), `site/book_citation.py` (how to cite
the book and its pages) and `site/sphinx_ext/cite_this_page.py` (the "Cite this page" block).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from asmhub_utils import escape
from asmhub_utils.chapters import text

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


def markdown_text(value: object) -> str:
    """Text that MyST shows literally (`escape.myst`): HTML escaped and Markdown syntax backslashed."""
    return escape.myst(value)


def cite(source_ids: str | Iterable[str], form: str = "p") -> str:
    """`{cite:p}` (parenthetical) or `{cite:t}` (textual) role for one or more source_ids, each cited once."""
    ids = [source_ids] if isinstance(source_ids, str) else list(dict.fromkeys(source_ids))
    if form not in ("p", "t") or not ids:
        raise ValueError(f"cite(): need at least one source_id and form 'p' or 't' (got {ids!r}, {form!r})")
    bad = [i for i in ids if not _KEY.match(str(i))]
    if bad:
        raise ValueError(f"cite(): {bad!r} are not source_ids (keys of data/sources.csv)")
    return f"{{cite:{form}}}`{','.join(ids)}`"


def cited(row: pd.Series) -> str:
    """A figure in prose with its year and a citation: '40,500,000 people in 2017 (IGF / IISD, 2017)'."""
    from asmhub_utils.chapters import display

    # The year every table and chart gives the figure; an undated one's publication year is the citation's.
    return f"{markdown_text(text.figure(row))}{display.prose_year(row)} {cite(row['source_id'])}"
