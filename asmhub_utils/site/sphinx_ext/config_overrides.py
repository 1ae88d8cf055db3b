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
    # The sidebar stops above the country profiles (they are listed A to Z on book/places/profiles.md): with
    # them, the theme built a 108-country navigation for each of the 140 pages: the Jupyter Book phase from clean
    # doctrees took 36.7 s, 29.7 s without (medians of 5 interleaved pairs, ratio 0.81), and every page ~9 KB
    # more. Set here, not in _config.yml, whose html_theme_options would replace the options Jupyter Book writes
    # (launch buttons, the home page in the navigation).
    config.html_theme_options["max_navbar_depth"] = 2


def setup(app: Sphinx) -> None:
    library_labels.register()
    app.connect("config-inited", _config_inited)
