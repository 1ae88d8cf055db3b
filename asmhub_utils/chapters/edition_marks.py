"""Which figures changed in this edition, where a reader sees them: the mark on a figure's row ("new in edition X",
"changed in edition X (was Y)"), the page that carries each record id's anchor, and the page of world and
regional figures (so that every record id has one).

The marks come from the diff (`editions.diff`) between the previous kept edition (`editions.registry.previous`)
and data/, computed once per process. Every value is escaped (`escape.html`) where it is written.
"""

from __future__ import annotations

from functools import lru_cache

from asmhub_utils import escape
from asmhub_utils.editions import diff, registry

PROFILES = "notebooks/places/profiles"
WORLD_PAGE = "book/dashboard/world_figures"  # every figure without a country: its anchor's page


def _e(value: object) -> str:
    return escape.html(value)


def record_page(iso3: str) -> str:
    """The page (docname) that carries a figure's anchor: its country's profile, or the page of world and
    regional figures."""
    return f"{PROFILES}/{iso3}" if iso3 else WORLD_PAGE


def world_figures_html() -> str:
    """Every figure without a country, world first, then each region the sources name: one row per estimate with
    its anchor (echoes included) and its edition mark, as on a country's profile."""
    from asmhub_utils.chapters import data, profile_page  # profile_page imports this module

    frame = data.dated(data.estimates().query("iso3 == ''"))
    parts = [f"<h2 id=\"world\">World</h2>{profile_page.all_figures_html(frame[frame['scope'] == 'world'])}"]
    for region, rows in frame[frame["scope"] != "world"].groupby("country_name", sort=True):
        parts.append(f"<h2>{_e(region)}</h2>{profile_page.all_figures_html(rows)}")
    return "".join(parts)


@lru_cache(maxsize=1)
def _current_changes() -> tuple[registry.Edition | None, diff.Diff | None, str]:
    version = registry.current_edition()[0]
    before, changed = registry.changes(version, with_stated=False)
    return before, changed, version


def row_marks() -> dict[str, str]:
    """record id -> 'new in edition X' or 'changed in edition X (was Y)', for the figures of this edition that
    are new or changed since the previous one (empty for the first edition)."""
    before, changed, version = _current_changes()
    if changed is None:
        return {}
    marks = {}
    for change in changed.figures:
        if change.kind == "added":
            marks[change.record_id] = f"new in edition {version}"
        elif change.kind == "changed":
            marks[change.record_id] = f"changed in edition {version} ({change.was})"
    return marks


def mark_html(record_id: str) -> str:
    """The mark beside a figure's row on its page ('' when it did not change in this edition)."""
    text = row_marks().get(str(record_id))
    return f' <span class="asm-edition-mark">{_e(text)}</span>' if text else ""


