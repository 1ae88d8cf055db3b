"""How to cite the book and its pages: as text, HTML and BibTeX, and the CITATION.cff file.

Everything comes from `metadata.load()`; `python -m asmhub_utils.site.book_citation` (`make citation`) rewrites
CITATION.cff.

Four modules, one idea each: `chapters/source_lines.py` (the "Sources:" line under a chart or table),
`chapters/source_links.py` ({cite} roles linking to a source's library entry), `site/book_citation.py` (how to cite
the book and its pages) and `site/sphinx_ext/cite_this_page.py` (the "Cite this page" block).
"""

from __future__ import annotations

import re

import yaml

from asmhub_utils import escape, html_templates, paths
from asmhub_utils.site.metadata import Author, BookMetadata, load

CITATION_CFF = paths.ROOT / "CITATION.cff"


def _names(meta: BookMetadata) -> str:
    names = [a.display for a in meta.authors]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " & " + names[-1]


def _bibtex_author(author: Author) -> str:
    if author.name:  # an organisation: braces keep BibTeX from splitting it into first and last names
        return "{" + escape.bibtex(author.name) + "}"
    return escape.bibtex(f"{author.family_names}, {author.given_names}".strip(", "))


def bibtex_key(meta: BookMetadata, pagename: str | None = None) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", (pagename or "book").lower()).strip("_")
    return f"asmhub{meta.year}_{slug}"


def edition(meta: BookMetadata) -> str:
    """How a reference names the edition: 'Edition 2026.2, 2026-12-07' (the data it shows are kept under that
    version: data/editions/, downloads/editions/ in the site)."""
    return f"Edition {meta.version}, {meta.date_released.isoformat()}"


def citation_text(meta: BookMetadata, page_title: str | None = None, pagename: str | None = None) -> str:
    """A reference in author-date style; with a page, it cites the page inside the book, at its stable address."""
    if page_title is None:
        return f"{_names(meta)} ({meta.year}). {meta.title} ({edition(meta)}). {meta.base_url}"
    return (
        f"{_names(meta)} ({meta.year}). {page_title}. In {meta.title} ({edition(meta)}). "
        f"{meta.page_url(pagename or '')}"
    )


def citation_html(meta: BookMetadata, page_title: str | None = None, pagename: str | None = None) -> str:
    """The same reference with the titles in italics and the address as a link."""
    url = meta.base_url if page_title is None else meta.page_url(pagename or "")
    return html_templates.render(
        "book_citation.html",
        names=_names(meta),
        year=meta.year,
        title=meta.title,
        edition=edition(meta),
        page_title=page_title,
        url=url,
    )


def bibtex(meta: BookMetadata, page_title: str | None = None, pagename: str | None = None) -> str:
    """A BibTeX @misc entry for the book, or for one page of it."""
    fields = [("author", " and ".join(_bibtex_author(a) for a in meta.authors))]
    if page_title is None:
        fields += [("title", "{" + escape.bibtex(meta.title) + "}"), ("url", meta.base_url)]
    else:
        fields += [
            ("title", "{" + escape.bibtex(page_title) + "}"),
            ("howpublished", "In: \\emph{" + escape.bibtex(meta.title) + "}"),
            ("url", meta.page_url(pagename or "")),
        ]
    fields += [("year", str(meta.year)), ("version", meta.version), ("edition", meta.version), ("note", edition(meta))]
    body = ",\n".join(f"  {name:<12} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(meta, pagename if page_title else None)},\n{body}\n}}"


def _cff_author(author: Author) -> dict:
    if author.name:
        return {"name": author.name}
    return {"given-names": author.given_names, "family-names": author.family_names}


def cff(meta: BookMetadata) -> str:
    """CITATION.cff (Citation File Format 1.2.0) text."""
    data = {
        "cff-version": "1.2.0",
        "message": "If you use this book or its data, please cite it as below.",
        "type": "software",
        "title": meta.title,
        "version": meta.version,
        "date-released": meta.date_released.isoformat(),
        "authors": [_cff_author(a) for a in meta.authors],
        "repository-code": meta.repository,
        "url": meta.base_url,
        "license": meta.license,
    }
    if meta.abstract:
        data["abstract"] = meta.abstract
    if meta.keywords:
        data["keywords"] = list(meta.keywords)
    header = (
        "# Written by `make citation` (python -m asmhub_utils.site.book_citation) from book/metadata.yml: "
        "edit that file, not this one.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


if __name__ == "__main__":
    CITATION_CFF.write_text(cff(load()), encoding="utf-8")
