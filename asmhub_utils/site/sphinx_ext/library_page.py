"""The resource library's entries as a reader uses them: list items of their list (sphinxcontrib-bibtex marks
them with the deprecated DPUB role doc-biblioentry, which axe-core reports: aria-deprecated-role, and
aria-required-children for the list), each with a line written into the page under it: the countries its
figures are about, "Details" (phones) and "Copy BibTeX", wired by book/assets/asmhub-library.js. Written in,
not added by the script after loading: 401 rows appearing under the entries moved the whole page as it loaded
(Lighthouse: layout shift, performance 76 on a phone)."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from sphinx.application import Sphinx

from asmhub_utils import paths
from asmhub_utils.site.sphinx_ext.bib_script import source_countries

_BIBLIOENTRY = 'role="doc-biblioentry"'
_ENTRY = re.compile(r'(<div class="citation" id="src-\d+-([^"]+)" role="doc-biblioentry">.*?)(</div>)', flags=re.S)
# No `type="button"`: outside a form a button submits nothing (401 entries, 12 KB of page).
_ACTIONS = (
    '<div class="asm-entry-actions">{countries}<button class="asm-entry-more" aria-expanded="false">Details'
    '</button><button class="asm-copy-bibtex">Copy BibTeX</button></div>'
)
# docutils wraps each bracket of a label in a span that only a stylesheet hiding them would need (none does):
# 60 bytes an entry.
_BRACKETS = (('<span class="fn-bracket">[</span>', "["), ('<span class="fn-bracket">]</span>', "]"))


@lru_cache(maxsize=1)
def _countries_of_sources() -> dict[str, str]:
    return source_countries(paths.ESTIMATES) if paths.ESTIMATES.exists() else {}


def library_markup(body: str, countries: dict[str, str] | None = None) -> str:
    """The library's entries as list items of their list (valid ARIA, no deprecated role), each with its line,
    their labels' brackets as plain text."""
    countries = countries or {}

    def actions(match: re.Match) -> str:
        where = countries.get(match.group(2), "")
        shown = f'<span class="asm-entry-countries">{html.escape(where)}</span>' if where else ""
        return match.group(1) + _ACTIONS.format(countries=shown) + match.group(3)

    body = _ENTRY.sub(actions, body).replace(_BIBLIOENTRY, 'role="listitem"')
    for span, bracket in _BRACKETS:
        body = body.replace(span, bracket)
    return body


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body")
    if body and _BIBLIOENTRY in body:
        context["body"] = library_markup(body, _countries_of_sources())


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _page_context)
