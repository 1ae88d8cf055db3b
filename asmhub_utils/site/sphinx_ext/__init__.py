"""ASM Hub's Sphinx extension (listed in _config.yml `sphinx.extra_extensions`).

* `cite_block`: "Cite this page" on every page and the `asmhub-book-citation` directive;
* `slim_theme`: a lighter theme and a clean browser console;
* `data_download`: the zip of the tidy data, written into the site;
* `pages`: the book's stylesheet and script, and chart links into the resource library;
* `editions`: the What changed page and every edition's data package in the site;
* `bibtex_speed`: sphinxcontrib-bibtex without its repeated plugin scans and no-change re-formatting.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from asmhub_utils.site.sphinx_ext import bibtex_speed, cite_block, data_download, editions, pages, slim_theme


def setup(app: Sphinx) -> dict:
    cite_block.setup(app)
    slim_theme.setup(app)
    data_download.setup(app)
    pages.setup(app)
    bibtex_speed.setup(app)
    editions.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
