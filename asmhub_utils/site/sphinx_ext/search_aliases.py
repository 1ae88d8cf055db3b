"""Other names of countries on the search page: `_static/asmhub-aliases.js` (country_aliases.script for every
country with a profile) and book/assets/asmhub-search.js, loaded on the search page only, before Sphinx's search
reads the query."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from asmhub_utils.site import country_aliases
from asmhub_utils.site.sphinx_ext.country_index import profile_names


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if pagename == "search":
        context["metatags"] = (
            context.get("metatags", "") + '\n<script src="_static/asmhub-aliases.js"></script>'
            '\n<script src="_static/asmhub-search.js"></script>'
        )


def _build_finished(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / "asmhub-aliases.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(country_aliases.script(profile_names()), encoding="utf-8")


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _build_finished)
