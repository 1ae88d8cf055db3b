"""The editions of the book: each published edition's data package, kept in `data/editions/<version>/`.

An edition is a version and a date in book/metadata.yml. Its package is what a reader could download from it:
estimates.csv, countries.csv, sources.csv, datapackage.json (with the edition's `version` and `created` date),
plus `stated_figures.json` (what its chapters stated) and `changes.csv` (`asmhub diff` against the edition
before it). The book's site carries every kept package under `downloads/editions/<version>/`, and the current
edition's package made from data/ as the book shows it.

`record(version, date)` (`make edition VERSION=... [DATE=...]`) publishes an edition: version and date written to
book/metadata.yml, data/ kept as its package, its changes against the previous edition, and its changelog entry.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from asmhub_utils import paths
from asmhub_utils.editions import diff, package, report

EDITIONS = package.EDITIONS
TABLE_FILES = tuple(f"{name}.csv" for name in package.TABLES)
CHANGELOG = paths.BOOK / "changelog.md"
METADATA = paths.BOOK / "metadata.yml"
WHAT_CHANGED_PAGE = "what_changed.md"  # in book/, next to the changelog
SUMMARY_START, SUMMARY_END = "<!-- edition summary: written by make edition -->", "<!-- end of edition summary -->"


@dataclass(frozen=True)
class Edition:
    version: str
    date: dt.date
    folder: Path


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.-]", version))


def kept(editions: Path = EDITIONS) -> list[Edition]:
    """Every edition whose package is kept, oldest first."""
    found = []
    for described in editions.glob("*/datapackage.json"):
        meta = json.loads(described.read_text(encoding="utf-8"))
        created = str(meta.get("created", ""))[:10]
        version = str(meta.get("version") or described.parent.name)
        found.append(Edition(version, dt.date.fromisoformat(created) if created else dt.date.min, described.parent))
    return sorted(found, key=lambda e: (e.date, _version_key(e.version)))


def current_edition(source: Path = METADATA) -> tuple[str, str]:
    """The version and date of the edition in book/metadata.yml, read without the checks of site.metadata (which
    a chapter may not import): what a profile needs to mark the figures changed in this edition."""
    import yaml

    raw = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    return str(raw.get("version", "")), str(raw.get("date_released", ""))


def previous(current: str, editions: Path = EDITIONS) -> Edition | None:
    """The edition the current one is compared with: the newest kept edition other than `current`."""
    others = [e for e in kept(editions) if e.version != current]
    if current in {e.version for e in kept(editions)}:  # recorded already: the one kept before it
        order = [e.version for e in kept(editions)]
        others = [e for e in others if order.index(e.version) < order.index(current)]
    return others[-1] if others else None


def current_package(data: Path = paths.DATA, with_stated: bool = True) -> package.DataPackage:
    """The data as the book shows it now (data/, and what the chapters state unless `with_stated` is False)."""
    root = data.parent if with_stated and (data.parent / "notebooks").is_dir() else data
    return package.from_folder(root, "this edition")


def changes(
    current: str, editions: Path = EDITIONS, data: Path = paths.DATA, with_stated: bool = True
) -> tuple[Edition | None, diff.Diff | None]:
    """The previous edition and what changed since it (None, None for the first edition)."""
    before = previous(current, editions)
    if before is None:
        return None, None
    old = package.from_folder(before.folder, f"edition {before.version}")
    return before, diff.compare(old, current_package(data, with_stated))


def figure_changes(
    current: str, editions: Path = EDITIONS, data: Path = paths.DATA
) -> tuple[Edition | None, list[diff.FigureChange] | None]:
    """The previous edition and the figures changed since it (None, None for the first edition): what `changes`
    finds in the figures, from the two estimates tables alone. What a profile marks; reading and comparing the other
    tables as well took 0.10 s of every profile kernel's start, this 0.04-0.06 s."""
    before = previous(current, editions)
    if before is None:
        return None, None
    return before, diff.figure_changes(package.estimates_table(before.folder), package.estimates_table(data))


def keep(target: Path, tables: dict[str, bytes], described: dict, stated: dict, version: str, date: dt.date) -> Path:
    """Write one edition's package into `target` (replacing what was there)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name, content in tables.items():
        (target / name).write_bytes(content)
    described = {**described, "version": version, "created": date.isoformat()}
    (target / "datapackage.json").write_text(
        json.dumps(described, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (target / package.STATED_FILE).write_text(
        json.dumps(stated, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    return target


def keep_from_git(
    revision: str, version: str, date: dt.date, editions: Path = EDITIONS, repo: Path = paths.ROOT
) -> Path:
    """Keep the data of a past revision as an edition (how the edition before editions existed was kept)."""
    files = package._cat_files(repo, revision, [f"data/{n}" for n in (*TABLE_FILES, "datapackage.json")])
    state = package.from_git(revision, repo)
    return keep(
        editions / version,
        {n: files[f"data/{n}"] for n in TABLE_FILES},
        json.loads(files["data/datapackage.json"]),
        state.stated,
        version,
        date,
    )


def set_metadata(version: str, date: dt.date, source: Path = METADATA) -> None:
    """Write the edition's version and date into book/metadata.yml, keeping its comments."""
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^version:.*$", f'version: "{version}"', text)
    text = re.sub(r"(?m)^date_released:.*$", f'date_released: "{date.isoformat()}"', text)
    source.write_text(text, encoding="utf-8")


def summary_text(before: Edition | None, changed: diff.Diff | None) -> str:
    """The changelog's generated lines for an edition: counts by kind of change, and where to read them."""
    if before is None or changed is None:
        return "First edition with a kept data package."
    parts = changed.phrases(skip_zero=True)
    return (
        f"Against edition {before.version} ({before.date.isoformat()}): "
        f"{', '.join(parts) if parts else 'no figure changed'}. Every change, figure by figure, is on "
        f"[What changed in this edition]({WHAT_CHANGED_PAGE.removesuffix('.md')}.md); the data package of "
        f"each edition is kept in the site under `downloads/editions/`."
    )


def write_changelog(version: str, date: dt.date, summary: str, source: Path = CHANGELOG) -> None:
    """Add the edition's section (or rewrite its generated summary when the section exists)."""
    text = source.read_text(encoding="utf-8")
    block = f"{SUMMARY_START}\n{summary}\n{SUMMARY_END}"
    heading = f"## {version} ({date.isoformat()})"
    section = re.search(rf"(?m)^## {re.escape(version)} \(.*\)$", text)
    if section:
        text = text[: section.start()] + heading + text[section.end() :]
        start = text.find(SUMMARY_START, section.start())
        next_section = text.find("\n## ", section.start() + 3)
        if start != -1 and (next_section == -1 or start < next_section):
            end = text.index(SUMMARY_END, start) + len(SUMMARY_END)
            text = text[:start] + block + text[end:]
        else:
            insert = section.start() + len(heading)
            text = text[:insert] + "\n\n" + block + text[insert:]
    else:
        first = re.search(r"(?m)^## ", text)
        at = first.start() if first else len(text)
        text = text[:at] + f"{heading}\n\n{block}\n\n" + text[at:]
    source.write_text(text, encoding="utf-8")


def record(
    version: str,
    date: dt.date,
    editions: Path = EDITIONS,
    data: Path = paths.DATA,
    metadata: Path = METADATA,
    changelog: Path = CHANGELOG,
) -> tuple[Path, diff.Diff | None]:
    """Publish an edition: metadata, kept package, changes.csv against the previous edition, changelog entry."""
    set_metadata(version, date, metadata)
    before, changed = changes(version, editions, data)
    current = current_package(data)
    target = keep(
        editions / version,
        {n: (data / n).read_bytes() for n in TABLE_FILES},
        json.loads((data / "datapackage.json").read_text(encoding="utf-8")),
        current.stated,
        version,
        date,
    )
    if changed is not None:
        (target / "changes.csv").write_text(report.to_csv(changed), encoding="utf-8")
    write_changelog(version, date, summary_text(before, changed), changelog)
    return target, changed
