"""A `<meta name="description">` on every page, from the page's own first paragraphs (search engines show it under
the page's title; Lighthouse's SEO audit asks for one). Nothing is written by hand: a chapter, a profile or a prose
page is described by what it says first."""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx

LENGTH = 155  # characters: what search engines show before they cut


def _paragraphs(doctree: nodes.Node):
    for paragraph in doctree.findall(nodes.paragraph):
        # Text a reader does not read as the page's opening: navigation, footnotes, citations, captions.
        if any(
            isinstance(
                parent,
                (
                    nodes.citation,
                    nodes.footnote,
                    nodes.caption,
                    nodes.admonition,
                    nodes.sidebar,
                    nodes.topic,
                    nodes.table,
                ),
            )
            for parent in _ancestors(paragraph)
        ):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) >= 20:
            yield text


def _ancestors(node: nodes.Node):
    while node.parent is not None:
        node = node.parent
        yield node


def description(doctree: nodes.Node | None, title: str = "") -> str:
    """'Title: ' and the page's first paragraphs, cut at a word before LENGTH characters ('...' when cut); the
    title alone when the page has no paragraph. The title goes first unless the text starts with it: pages made
    from one template (the country profiles) open with the same words."""
    text = ""
    for paragraph in _paragraphs(doctree) if doctree is not None else ():
        text = f"{text} {paragraph}".strip()
        if len(text) >= LENGTH:
            break
    if title and text and not text.casefold().startswith(title.casefold()):
        text = f"{title}: {text}"
    text = text or title
    if len(text) <= LENGTH:
        return text
    cut = text[: LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    from asmhub_utils.site.sphinx_ext.cite_this_page import plain_title

    text = description(doctree, plain_title(context.get("title", "")))
    if text:
        context["metatags"] = (
            context.get("metatags", "") + f'\n<meta name="description" content="{html.escape(text, quote=True)}">'
        )


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
