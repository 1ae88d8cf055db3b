"""ASM Hub's Sphinx extension (listed in _config.yml `sphinx.extra_extensions`), one module per job:

* `cite_this_page`: "Cite this page" on every page and the `asmhub-book-citation` directive;
* `slim_theme`: a lighter theme and a clean browser console;
* `data_download`: the zip of the tidy data, written into the site;
* `static_sync`: the book's stylesheet and script (book/assets), copied even when no page changed;
* `library_links`: chart links (`asmhub-library:#src-...`) made into addresses in the resource library;
* `bib_script`: the bibliography as data for the library page's filter and copy buttons;
* `search_trim`: section titles repeated on many pages taken out of the search's title index;
* `config_overrides`: Sphinx settings _config.yml cannot express (bibliography ids and labels, search);
* `headlines`: the `asmhub-headlines` directive (the landing page's numbers);
* `country_index`: the `asmhub-country-index` directive and the profiles' order in the navigation;
* `repo_role`: the `asmhub-repo` role, a link into the book's repository;
* `editions`: the What changed page, the world and regional figures, and every edition's data package in the site;
* `bibtex_speed`: sphinxcontrib-bibtex without its repeated plugin scans and no-change re-formatting;
* `meta_description`: a description meta tag on every page, from its first paragraphs;
* `library_page`: the library's entries as list items, each with its countries and buttons written in;
* `search_aliases`: other names of countries ("DRC") searched as the book's names;
* `search_text`: each page's text by section, for the words around a match on the search page.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from asmhub_utils.site.sphinx_ext import (
    bib_script,
    bibtex_speed,
    cite_this_page,
    config_overrides,
    country_index,
    data_download,
    editions,
    headlines,
    library_links,
    library_page,
    meta_description,
    repo_role,
    search_aliases,
    search_text,
    search_trim,
    slim_theme,
    static_sync,
)

JOBS = (
    cite_this_page,
    slim_theme,
    data_download,
    static_sync,
    library_links,
    bib_script,
    search_trim,
    config_overrides,
    headlines,
    country_index,
    repo_role,
    bibtex_speed,
    editions,
    meta_description,
    library_page,
    search_aliases,
    search_text,
)


def setup(app: Sphinx) -> dict:
    for job in JOBS:
        job.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
