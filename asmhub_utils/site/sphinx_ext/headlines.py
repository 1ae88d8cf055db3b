"""`{asmhub-headlines}`: the landing page's headline numbers, from data/estimates.csv, with their sources."""

from __future__ import annotations

import html

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx


def headlines_html() -> str:
    """The headline indicators as published: for each, the lowest and highest figure and the most recent one,
    each with its year and its source linked to the resource library. Nothing averaged."""
    from asmhub_utils.chapters import charts, data, display, series, text

    items = []
    for name, frame in series.headlines().items():
        if frame.empty:
            continue
        frame = frame if "source_publisher" in frame else data.with_sources(frame)
        sources = frame.drop_duplicates("source_id").sort_values("source_publisher")
        links = ", ".join(f'<a href="{charts.LIBRARY_LINK}#src-{html.escape(str(r["source_id"]))}">'
                          f'{html.escape(display.source_short(r["source_publisher"], 40))}</a>'
                          for _, r in sources.iterrows())
        counts = series.HEADLINE_COUNTS.get(name)
        counts = f" ({html.escape(counts)})" if counts else ""
        items.append(f"<li><strong>{html.escape(name)}</strong>{counts}: {html.escape(text.spread(frame))}. "
                     f'<span class="asm-headline-sources">Sources: {links}.</span></li>')
    return '<ul class="asm-headlines">' + "".join(items) + "</ul>"


class HeadlinesDirective(Directive):
    """`{asmhub-headlines}`: the headline numbers, from data/estimates.csv, with their sources."""

    def run(self) -> list[nodes.Node]:
        return [nodes.raw("", headlines_html(), format="html")]


def setup(app: Sphinx) -> None:
    app.add_directive("asmhub-headlines", HeadlinesDirective)
