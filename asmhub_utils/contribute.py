"""Add a validated contribution to data/ in one step that either completes or changes nothing.

The file is validated, then data/contrib/ is staged with it in a temporary folder, and everything
`asmhub build-data` writes is rebuilt there. Only when the whole build has succeeded are the files swapped
into data/ (each by an atomic rename); if a swap fails, the originals are put back. Contributing the same
file again changes nothing.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import build, paths, validate
from .errors import DataError, Problem, display_path


@dataclass(frozen=True)
class Outcome:
    """What `contribute` did: the file's place in data/contrib and every file it replaced or added."""

    target: Path
    changed: tuple[Path, ...]
    records: int

    @property
    def already_there(self) -> bool:
        return not self.changed


def _content(path: Path) -> bytes:
    """The file as it will be stored: UTF-8 without the byte-order mark some spreadsheets add."""
    raw = path.read_bytes()
    return raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw


def _same_file_in_contrib(content: bytes) -> Path | None:
    for existing in sorted(paths.CONTRIB.glob("*.csv")):
        if existing.read_bytes() == content:
            return existing
    return None


def _stage(source: Path, content: bytes, staging: Path) -> tuple[Path, dict[str, Path]]:
    """Copy data/contrib/*.csv plus the new file into `staging` and build every output there."""
    contrib = staging / "contrib"
    contrib.mkdir()
    for existing in paths.CONTRIB.glob("*.csv"):
        shutil.copy2(existing, contrib / existing.name)
    (contrib / source.name).write_bytes(content)
    written = build.build(out_dir=staging / "out", contrib_dir=contrib)
    return contrib / source.name, written


def _swap(moves: list[tuple[Path, Path]], backup: Path) -> None:
    """Rename each staged file over its target; on any failure put every original back and re-raise."""
    backup.mkdir()
    saved: list[tuple[Path, Path | None]] = []
    try:
        for number, (staged, target) in enumerate(moves):
            kept = None
            if target.exists():
                kept = backup / f"{number}-{target.name}"
                shutil.copy2(target, kept)
            saved.append((target, kept))
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
    except BaseException:
        for target, kept in reversed(saved):
            if kept is None:
                target.unlink(missing_ok=True)
            else:
                os.replace(kept, target)
        raise


def contribute(source: Path) -> Outcome:
    """Validate `source` and add it to data/contrib/ with the rebuilt tidy tables; DataError if rejected."""
    source = Path(source)
    if source.is_file() and (existing := _same_file_in_contrib(_content(source))) is not None:
        return Outcome(existing, (), 0)  # contributed before: a second run changes nothing
    target = paths.CONTRIB / source.name
    problems = validate.check_file_name(source)
    if target.exists():
        problems.append(Problem(display_path(source), None, None, source.name,
                                f"a different file named {source.name} is already in data/contrib",
                                "rename your file (add your organisation and the date, e.g. "
                                "ngo-ghana-2024-05.csv) and run the command again"))
    problems += validate.validate_file(source)
    if problems:
        raise DataError(problems)
    content = _content(source)
    records = sum(1 for cells in csv.reader(io.StringIO(content.decode("utf-8"), newline="")) if cells) - 1
    # Staging next to data/ keeps it on the same file system, so every rename is atomic.
    staging = Path(tempfile.mkdtemp(prefix=".contribute-", dir=paths.DATA.parent))
    try:
        staged, written = _stage(source, content, staging)
        out = staging / "out"
        moves = [(staged, target)]
        moves += [(path, paths.DATA / path.relative_to(out)) for path in written.values()]
        _swap(moves, staging / "backup")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Outcome(target, tuple(t for _, t in moves), records)
