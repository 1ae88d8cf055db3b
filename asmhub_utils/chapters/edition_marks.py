"""Which figures changed in this edition, where a reader sees them: the mark on a figure's row ("new in edition X",
"changed in edition X (was Y)"), the page that carries each record id's anchor, and the page of world and
regional figures (so that every record id has one).

The marks come from the diff (`editions.diff`) between the previous kept edition (`editions.registry.previous`)
and data/, computed once per process; the templates show them (macro edition_mark in chapters/templates).
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from asmhub_utils import html_templates
from asmhub_utils.editions import diff, registry

PROFILES = "notebooks/places/profiles"
WORLD_PAGE = "book/dashboard/world_figures"  # every figure without a country: its anchor's page


def record_page(iso3: str) -> str:
    """The page (docname) that carries a figure's anchor: its country's profile, or the page of world and
    regional figures."""
    return f"{PROFILES}/{iso3}" if iso3 else WORLD_PAGE


def world_figures_html() -> str:
    """Every figure without a country, world first, then each region the sources name: one row per estimate with
    its anchor (echoes included) and its edition mark, as on a country's profile."""
    from asmhub_utils.chapters import data, profile_page  # profile_page imports this module

    frame = data.dated(data.estimates().query("iso3 == ''"))
    sections = [("world", "World", frame[frame["scope"] == "world"])]
    sections += [
        (f"region-{n}", region, rows)
        for n, (region, rows) in enumerate(frame[frame["scope"] != "world"].groupby("country_name", sort=True), start=1)
    ]
    return html_templates.render(
        "world_figures.html",
        sections=[
            {"anchor": anchor, "name": name, "figures": Markup(profile_page.all_figures_html(rows))}
            for anchor, name, rows in sections
        ],
    )


@lru_cache(maxsize=1)
def _current_changes() -> tuple[list[diff.FigureChange] | None, str]:
    version = registry.current_edition()[0]
    return registry.figure_changes(version)[1], version


def row_marks() -> dict[str, str]:
    """record id -> 'new in edition X' or 'changed in edition X (was Y)', for the figures of this edition that
    are new or changed since the previous one (empty for the first edition)."""
    changed, version = _current_changes()
    if changed is None:
        return {}
    marks = {}
    for change in changed:
        if change.kind == "added":
            marks[change.record_id] = f"new in edition {version}"
        elif change.kind == "changed":
            marks[change.record_id] = f"changed in edition {version} ({change.was})"
    return marks
