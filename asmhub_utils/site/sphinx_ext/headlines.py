"""`{asmhub-headlines}`: the landing page's headline numbers, from data/estimates.csv, with their sources."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

from asmhub_utils import html_templates


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
        items.append(
            {
                "name": name,
                "counts": series.HEADLINE_COUNTS.get(name),
                "spread": text.spread(frame),
                "sources": [
                    (str(r["source_id"]), display.source_short(r["source_publisher"], 40))
                    for _, r in sources.iterrows()
                ],
            }
        )
    return html_templates.render("headlines.html", items=items, library=charts.LIBRARY_LINK)


class HeadlinesDirective(Directive):
    """`{asmhub-headlines}`: the headline numbers, from data/estimates.csv, with their sources."""

    def run(self) -> list[nodes.Node]:
        return [nodes.raw("", headlines_html(), format="html")]


def setup(app: Sphinx) -> None:
    app.add_directive("asmhub-headlines", HeadlinesDirective)
