"""Country profiles in reading order: the `{asmhub-country-index}` directive (A to Z) and the navigation's order."""

from __future__ import annotations

import posixpath
import re

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx import addnodes
from sphinx.application import Sphinx

from asmhub_utils import html_templates, paths

PROFILES = "notebooks/places/profiles/"


def profile_names() -> dict[str, str]:
    """ISO3 -> country name, for every profile notebook written into the book."""
    from asmhub_utils.chapters import display

    folder = paths.ROOT / PROFILES
    return {p.stem: display.country_name(p.stem) for p in sorted(folder.glob("*.ipynb"))}


def reading_key(name: str) -> str:
    """Sort key of a country name as a reader looks it up ('The Gambia' under G)."""
    return re.sub(r"^the ", "", name.casefold())


def country_index_html(docname: str) -> str:
    """Letters A-Z, then every country with a profile under its letter, by name, linked to its profile."""
    names = sorted(profile_names().items(), key=lambda item: reading_key(item[1]))
    up = posixpath.relpath(PROFILES, posixpath.dirname(docname) or ".")
    letters: dict[str, list[tuple[str, str]]] = {}
    for iso3, name in names:
        letters.setdefault(reading_key(name)[0].upper(), []).append((iso3, name))
    return html_templates.render("country_index.html", letters=letters, up=up)


class CountryIndexDirective(Directive):
    """`{asmhub-country-index}`: every country with a profile, A to Z."""

    def run(self) -> list[nodes.Node]:
        docname = self.state.document.settings.env.docname
        return [nodes.raw("", country_index_html(docname), format="html")]


def sort_profiles(app: Sphinx, doctree) -> None:
    """The navigation lists the country profiles by name (Chad before Suriname), not by file name (code)."""
    names = None
    for toctree in doctree.findall(addnodes.toctree):
        entries = toctree.get("entries", [])
        profiles = [e for e in entries if str(e[1]).startswith(PROFILES)]
        if len(profiles) < 2:
            continue
        names = names or profile_names()
        ordered = iter(sorted(profiles, key=lambda e: reading_key(names.get(str(e[1])[len(PROFILES) :], str(e[1])))))
        toctree["entries"] = [next(ordered) if str(e[1]).startswith(PROFILES) else e for e in entries]
        files = toctree.get("includefiles", [])
        order = [e[1] for e in toctree["entries"]]
        toctree["includefiles"] = sorted(files, key=lambda f: order.index(f) if f in order else -1)


def setup(app: Sphinx) -> None:
    app.add_directive("asmhub-country-index", CountryIndexDirective)
    app.connect("doctree-read", sort_profiles, priority=400)  # before the toctree collector (500)
