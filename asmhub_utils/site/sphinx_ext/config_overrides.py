"""Sphinx settings that Jupyter Book's _config.yml cannot express (or would spread over several files)."""

from __future__ import annotations

from sphinx.application import Sphinx

from asmhub_utils import paths
from asmhub_utils.site.sphinx_ext import library_labels


def _config_inited(app: Sphinx, config) -> None:
    config.bibtex_cite_id = "src-{bibliography_count}-{key}"  # the ids library_links points at
    config.bibtex_default_style = "asmhub"  # author-year labels (library_labels.py)
    config.html_search_scorer = str(paths.ROOT / "book" / "search" / "scorer.js")
    # Sphinx's search would fetch every result page to show a snippet: a search for "mercury" downloaded all 130
    # pages (7.9 MB). Results show the page and section titles instead.
    config.html_show_search_summary = False


def setup(app: Sphinx) -> None:
    library_labels.register()
    app.connect("config-inited", _config_inited)
