"""The review of a contribution: what merging it changes, said before anything is written (`asmhub contribute
--dry-run FILE`, the pull-request workflow) and again after it lands (`asmhub contribute FILE`).

`preview` validates the file as `contribute` does, builds the tables with it into a temporary folder (data/ is
only read) and compares them with data/ by record id (editions/diff.py): new figures by country, countries newly
covered, every headline that would change (old -> new, with the rule's reason), and the pages that would show it.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from asmhub_utils import paths, wording
from asmhub_utils.contrib import validate
from asmhub_utils.editions import diff, package
from asmhub_utils.errors import DataError, Problem, display_path
from asmhub_utils.tidy import build

PROFILE = "notebooks/places/profiles/{iso3}"
HEADLINE_PAGES = ("notebooks/places/country_table", "notebooks/places/map", "notebooks/dashboard/headline_indicators")
WORLD_PAGES = ("notebooks/primer", "notebooks/dashboard/headline_indicators")


@dataclass(frozen=True)
class Review:
    file: str
    changes: diff.Diff

    @property
    def new_by_country(self) -> dict[str, list[diff.FigureChange]]:
        found: dict[str, list[diff.FigureChange]] = {}
        for change in self.changes.of_kind("added"):
            found.setdefault(change.place, []).append(change)
        return found

    @property
    def pages(self) -> list[str]:
        """The book's pages whose figures would change: each touched country's profile, the country table and map
        when a headline changes, the world pages when a world figure does; the What changed page always."""
        found = [PROFILE.format(iso3=iso3) for iso3 in sorted({c.iso3 for c in self.changes.figures if c.iso3})]
        if self.changes.headlines or self.changes.countries_added:
            found += HEADLINE_PAGES
        if self.changes.world:
            found += WORLD_PAGES
        return list(dict.fromkeys(found + (["book/what_changed"] if self.changes.figures else [])))


def problems(source: Path) -> list[Problem]:
    """What `contribute` would refuse the file for, checked the same way (nothing is written)."""
    found = validate.example_problem(source)
    if found:
        return found
    found = validate.check_file_name(source)
    target = paths.CONTRIB / source.name
    if target.exists() and target.read_bytes() != source.read_bytes().removeprefix(b"\xef\xbb\xbf"):
        found.append(validate.name_taken(source))
    return found + validate.validate_file(source)


def preview(source: Path) -> Review:
    """What merging `source` would change; raises DataError (file, row, column, fix) when it would be refused."""
    source = Path(source)
    found = problems(source)
    if found:
        raise DataError(found)
    before = package.from_folder(paths.DATA, "data/")
    with tempfile.TemporaryDirectory(prefix="asmhub-review-") as folder:
        staging = Path(folder)
        contrib = staging / "contrib"
        contrib.mkdir()
        for existing in paths.CONTRIB.glob("*.csv"):
            shutil.copy2(existing, contrib / existing.name)
        shutil.copy2(source, contrib / source.name)
        build.build(out_dir=staging / "out", contrib_dir=contrib)
        after = package.from_folder(staging / "out", f"data/ with {source.name}")
    return Review(display_path(source), diff.compare(before, after))


def landed(source: Path, before: package.DataPackage) -> Review:
    """What a contribution changed, from the tables as they were before it (`before`) to data/ now."""
    return Review(display_path(Path(source)), diff.compare(before, package.from_folder(paths.DATA, "data/")))


def _headline_line(h: diff.HeadlineChange) -> str:
    old = h.old.text() if h.old else "not covered"
    new = h.new.text() if h.new else "not covered"
    first = " (its first national headline)" if h.kind == "new" else ""
    return f"{h.country} ({h.iso3}){first}: {old} -> {new}; rule: {h.reason or 'none'}"


def lines(review: Review, dry_run: bool) -> list[str]:
    """The review as plain lines (the terminal; `markdown` wraps the same facts for a job summary)."""
    would = "would " if dry_run else ""
    d = review.changes
    out = [
        f"Review of {review.file}: merging it {would}add {wording.count(len(d.of_kind('added')), 'figure')}, "
        f"{would}change {len(d.of_kind('changed'))}, {would}remove {len(d.of_kind('removed'))}."
    ]
    out.append("New figures by country:" if d.of_kind("added") else "New figures by country: none")
    for place, changes in sorted(review.new_by_country.items()):
        out.append(f"  {place}: {len(changes)}")
        out += [f"    {c.record_id}: {c.value} ({c.indicator})" for c in changes]
    for label, kind in (("Changed figures", "changed"), ("Removed figures", "removed")):
        if d.of_kind(kind):
            out.append(f"{label}:")
            out += [f"  {c.record_id} ({c.place}): {c.was or c.value}" for c in d.of_kind(kind)]
    out.append("Countries newly covered: " + (", ".join(d.countries_added) or "none"))
    out.append(f"Headlines that {'would change' if dry_run else 'changed'}:" + ("" if d.headlines else " none"))
    out += [f"  {_headline_line(h)}" for h in d.headlines]
    out.append("Pages affected: " + (", ".join(review.pages) or "none"))
    if dry_run:
        out.append("Dry run: nothing was written.")
    return out


def markdown(review: Review, dry_run: bool) -> str:
    """The same review for a pull request's job summary."""
    d = review.changes
    out = [f"### Review of `{review.file}`", ""]
    out.append(
        f"Merging it would add **{wording.count(len(d.of_kind('added')), 'figure')}**, change "
        f"**{len(d.of_kind('changed'))}**, remove **{len(d.of_kind('removed'))}**."
    )
    out += ["", "**Headlines that would change**", ""]
    out += [f"- {_headline_line(h)}".replace("|", "\\|") for h in d.headlines] or ["- none"]
    out += ["", "**New figures by country**", ""]
    for place, changes in sorted(review.new_by_country.items()):
        out.append(f"- {place}: " + "; ".join(f"`{c.record_id}` {c.value} ({c.indicator})" for c in changes))
    if not review.new_by_country:
        out.append("- none")
    out += [
        "",
        "**Countries newly covered:** " + (", ".join(d.countries_added) or "none"),
        "",
        "**Pages affected:** " + (", ".join(f"`{p}`" for p in review.pages) or "none"),
        "",
    ]
    if not dry_run:
        out.append("The contribution has been merged into data/.")
    return "\n".join(out) + "\n"
