"""ASM Hub's Sphinx extension (listed in _config.yml `sphinx.extra_extensions`).

* `cite_block`: "Cite this page" on every page and the `asmhub-book-citation` directive;
* `slim_theme`: a lighter theme and a clean browser console;
* `data_download`: the zip of the tidy data, written into the site;
* `pages`: the book's stylesheet and script, and chart links into the resource library;
* `bibtex_speed`: sphinxcontrib-bibtex without its repeated plugin scans and no-change re-formatting;
* `meta_description`: a description meta tag on every page, from its first paragraphs.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from asmhub_utils.site.sphinx_ext import (bibtex_speed, cite_block, data_download, meta_description, pages,
                                          slim_theme)


def setup(app: Sphinx) -> dict:
    cite_block.setup(app)
    slim_theme.setup(app)
    data_download.setup(app)
    pages.setup(app)
    bibtex_speed.setup(app)
    meta_description.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
