"""The "Cite this page" block at the end of every page, and the `asmhub-book-citation` directive.

The block is added in `html-page-context`, so it reaches every page the book renders, generated country profiles
included, without touching their sources. Text and BibTeX come from `asmhub_utils.site.book_citation`
(book/metadata.yml).

Four modules, one idea each: `chapters/source_lines.py` (the "Sources:" line under a chart or table),
`chapters/source_links.py` ({cite} roles linking to a source's library entry), `site/book_citation.py` (how to cite
the book and its pages) and `site/sphinx_ext/cite_this_page.py` (the "Cite this page" block).
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from asmhub_utils import html_templates
from asmhub_utils.site import book_citation
from asmhub_utils.site.metadata import BookMetadata, load

_TAG = re.compile(r"<[^>]+>")


def plain_title(title_html: str) -> str:
    """A page title as Sphinx gives it to templates (escaped HTML) turned into plain text."""
    return html.unescape(_TAG.sub("", title_html)).strip()


def block_html(meta: BookMetadata, page_title: str, pagename: str) -> str:
    """The "Cite this page" section: formatted reference with the page's stable address and version, and BibTeX."""
    return html_templates.render(
        "cite_this_page.html",
        citation=Markup(book_citation.citation_html(meta, page_title, pagename)),
        bibtex=book_citation.bibtex(meta, page_title, pagename),
        version=meta.version,
        date=meta.date_released.isoformat(),
        what_changed=what_changed_href(pagename),
    )


WHAT_CHANGED = "book/what_changed"


def what_changed_href(pagename: str) -> str:
    """The address of the What changed page, relative to the page `pagename`."""
    import posixpath

    return posixpath.relpath(WHAT_CHANGED, posixpath.dirname(pagename) or ".") + ".html"


def _metadata(app: Sphinx) -> BookMetadata:
    if not hasattr(app, "asmhub_metadata"):
        app.asmhub_metadata = load()
    return app.asmhub_metadata


def _add_block(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    # Only pages made from a document; genindex and search have no doctree. singlehtml is one page: no block.
    if doctree is None or "body" not in context or app.builder.name == "singlehtml":
        return
    context["body"] += block_html(_metadata(app), plain_title(context.get("title", "")), pagename)


class BookCitation(SphinxDirective):
    """`asmhub-book-citation`: the reference to the whole book, and its BibTeX entry."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        meta = _metadata(self.env.app)
        block = nodes.literal_block(text=book_citation.bibtex(meta))
        block["language"] = "bibtex"
        return [nodes.paragraph(text=book_citation.citation_text(meta)), block]


def _set_base_url(app: Sphinx, config) -> None:
    if not config.html_baseurl:  # canonical links point at the stable address of each page
        config.html_baseurl = _metadata(app).base_url


def setup(app: Sphinx) -> None:
    app.add_directive("asmhub-book-citation", BookCitation)
    app.connect("config-inited", _set_base_url)
    app.connect("html-page-context", _add_block)
