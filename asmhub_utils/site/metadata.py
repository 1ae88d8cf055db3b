"""The book's citation metadata (title, authors, version, date, addresses), read from `book/metadata.yml`.

That file is the one place these facts live; CITATION.cff, the "Cite this page" blocks, the "How to cite" page and
the data download's README are all made from what `load()` returns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from asmhub_utils import paths
from asmhub_utils.errors import DataError, Problem, display_path

METADATA = paths.BOOK / "metadata.yml"

REQUIRED = ("title", "short_title", "authors", "version", "date_released", "repository", "base_url", "license")


@dataclass(frozen=True)
class Author:
    """A person (given and family names) or an organisation (name only)."""

    name: str = ""
    given_names: str = ""
    family_names: str = ""

    @property
    def display(self) -> str:
        return self.name or f"{self.given_names} {self.family_names}".strip()


@dataclass(frozen=True)
class BookMetadata:
    title: str
    short_title: str
    authors: tuple[Author, ...]
    version: str
    date_released: dt.date
    repository: str
    base_url: str
    license: str
    code_license: str = ""
    keywords: tuple[str, ...] = ()
    abstract: str = ""

    @property
    def year(self) -> int:
        return self.date_released.year

    def page_url(self, pagename: str) -> str:
        """Stable address of a page, e.g. `notebooks/primer` -> `<base_url>notebooks/primer.html`."""
        return f"{self.base_url}{pagename}.html"


def _problem(source: Path, key: str, value, message: str, fix: str) -> Problem:
    return Problem(display_path(source), None, key, None if value is None else str(value), message, fix)


def _authors(raw, source: Path, problems: list[Problem]) -> tuple[Author, ...]:
    if not isinstance(raw, list) or not raw:
        problems.append(
            _problem(
                source,
                "authors",
                raw,
                "must be a non-empty list",
                "list each author as `- name: Organisation` or `- given_names: A\n    family_names: B`",
            )
        )
        return ()
    found = []
    for i, entry in enumerate(raw, start=1):
        entry = entry if isinstance(entry, dict) else {}
        author = Author(**{k: str(entry.get(k, "")).strip() for k in ("name", "given_names", "family_names")})
        if not author.name and not author.family_names:
            problems.append(
                _problem(
                    source,
                    f"authors[{i}]",
                    raw[i - 1],
                    "has neither `name` nor `family_names`",
                    "give an organisation's `name`, or a person's `given_names` and `family_names`",
                )
            )
        found.append(author)
    return tuple(found)


def load(source: Path = METADATA) -> BookMetadata:
    """Read and check the metadata file; every problem is reported at once, naming the key and the fix."""
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError([_problem(source, None, None, f"is not valid YAML ({exc})", "fix the YAML syntax")]) from exc
    raw = raw if isinstance(raw, dict) else {}
    problems: list[Problem] = []
    for key in REQUIRED:
        if raw.get(key) in (None, "", []):
            problems.append(_problem(source, key, None, "is missing", f"add `{key}:` to {display_path(source)}"))
    authors = _authors(raw.get("authors"), source, problems) if raw.get("authors") else ()
    version = str(raw.get("version", ""))
    # Editions are YEAR.N ("2026.2": the second edition of 2026); the first release was numbered 0.1.0.
    if version and not re.fullmatch(r"\d{4}\.\d+|\d+\.\d+\.\d+", version):
        problems.append(
            _problem(source, "version", version, "is not an edition number (YEAR.N)", 'write it like "2026.2"')
        )
    released = raw.get("date_released")
    if isinstance(released, str):
        with contextlib.suppress(ValueError):
            released = dt.date.fromisoformat(released)
    if raw.get("date_released") and not isinstance(released, dt.date):
        problems.append(_problem(source, "date_released", released, "is not a date", 'write it like "2026-11-23"'))
    for key in ("repository", "base_url"):
        value = str(raw.get(key, ""))
        if value and not re.match(r"https?://[^/\s]+", value):
            problems.append(_problem(source, key, value, "is not an http(s) address", "write the full address"))
    base_url = str(raw.get("base_url", ""))
    if base_url and not base_url.endswith("/"):
        problems.append(_problem(source, "base_url", base_url, "must end with '/'", f"write {base_url}/"))
    if problems:
        raise DataError(problems)
    return BookMetadata(
        title=str(raw["title"]).strip(),
        short_title=str(raw["short_title"]).strip(),
        authors=authors,
        version=version,
        date_released=released,
        repository=str(raw["repository"]).rstrip("/"),
        base_url=base_url,
        license=str(raw["license"]),
        code_license=str(raw.get("code_license", "")),
        keywords=tuple(str(k) for k in raw.get("keywords") or ()),
        abstract=str(raw.get("abstract", "")).strip(),
    )
