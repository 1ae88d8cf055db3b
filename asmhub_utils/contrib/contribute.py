"""Add a validated contribution to data/ as one transaction: it completes or changes nothing, one run at a time.

Under the data lock (`transaction.data_lock`: a second run says one is running and waits), an interrupted
earlier run is rolled back first (`transaction.recover`). The file is then validated against data/ as it is
now, so the same records sent under two names at the same time are refused for the second one before anything
is written. data/contrib/ is staged with the new file in a temporary folder and everything `asmhub build-data`
writes is rebuilt there; only when that whole build has succeeded are the files swapped into data/ through the
journal (`transaction.replace_files`). "Nothing changed" is said only when data/contrib/ holds the same file
and the tables already hold its records; otherwise the tables are rebuilt.

Errors a person can cause or fix (no permission, a full disk, a missing file) end in a `ContributeError` with
a sentence, never a traceback, and leave data/ as it was.
"""

from __future__ import annotations

import csv
import errno
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

from asmhub_utils import paths
from asmhub_utils.contrib import transaction, validate
from asmhub_utils.errors import DataError, display_path
from asmhub_utils.tidy import build

BOM = b"\xef\xbb\xbf"


class ContributeError(Exception):
    """A run that could not complete for a reason outside the file (permissions, disk); data/ is unchanged."""


@dataclass(frozen=True)
class Outcome:
    """What `contribute` did: the file's place in data/contrib and every file it replaced or added."""

    target: Path
    changed: tuple[Path, ...]
    records: int
    recovered: str | None = None

    @property
    def already_there(self) -> bool:
        return not self.changed


def _content(path: Path) -> bytes:
    """The file as it will be stored: UTF-8 without the byte-order mark some spreadsheets add."""
    return path.read_bytes().removeprefix(BOM)


def _same_file_in_contrib(content: bytes) -> Path | None:
    for existing in sorted(paths.CONTRIB.glob("*.csv")):
        if existing.read_bytes() == content:
            return existing
    return None


def _stage(name: str, content: bytes | None, staging: Path) -> dict[str, Path]:
    """Copy data/contrib/*.csv (plus the new file) into `staging` and build every output there."""
    contrib = staging / "contrib"
    contrib.mkdir()
    for existing in paths.CONTRIB.glob("*.csv"):
        shutil.copy2(existing, contrib / existing.name)
    if content is not None:
        transaction.step("stage contributed file")
        (contrib / name).write_bytes(content)
    transaction.step("build tables")
    return build.build(out_dir=staging / "out", contrib_dir=contrib)


def _moves(written: dict[str, Path], staging: Path) -> list[tuple[Path, Path]]:
    out = staging / "out"
    return [(path, paths.DATA / path.relative_to(out)) for path in written.values()]


def _unchanged(moves: list[tuple[Path, Path]]) -> bool:
    return all(target.exists() and target.read_bytes() == staged.read_bytes() for staged, target in moves)


def _explain(error: OSError) -> str:
    where = f" ({display_path(Path(error.filename))})" if error.filename else ""
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"data/ cannot be written{where}: {error.strerror.lower()}. Run the command as a user who may "
            "write to the repository, or make data/ writable"
        )
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full{where}. Free some space and run the command again"
    return f"data/ could not be changed{where}: {error.strerror or error}"


def _counted_records(content: bytes) -> int:
    rows = csv.reader(io.StringIO(content.decode("utf-8"), newline=""))
    return sum(1 for cells in rows if any(c.strip() for c in cells)) - 1


def contribute(source: Path, wait: bool = True) -> Outcome:
    """Validate `source` and add it to data/contrib/ with the rebuilt tidy tables.

    Raises DataError when the file is refused, ContributeError when data/ cannot be changed, and
    transaction.Busy when another run holds the lock and `wait` is False."""
    source = Path(source)
    try:
        with transaction.data_lock(wait=wait):
            recovered = transaction.recover()
            return _contribute_locked(source, recovered)
    except OSError as error:
        raise ContributeError(_explain(error) + ". data/ was not changed.") from None


def _contribute_locked(source: Path, recovered: str | None) -> Outcome:
    problems = validate.example_problem(source)
    if problems:
        raise DataError(problems)
    try:
        content = _content(source) if source.is_file() and not source.is_symlink() else None  # links: unread
    except OSError:
        content = None  # unreadable: the validator says so, naming the file
    target = paths.CONTRIB / source.name
    if content is not None and (existing := _same_file_in_contrib(content)) is not None:
        return _complete(existing, recovered)  # contributed before: the tables must hold it
    problems = validate.check_file_name(source)
    if target.exists():
        problems.append(validate.name_taken(source))
    problems += validate.validate_file(source)
    if problems:
        raise DataError(problems)
    staging = transaction.staging_folder()
    try:
        written = _stage(source.name, content, staging)
        moves = [(staging / "contrib" / source.name, target), *_moves(written, staging)]
        transaction.replace_files(moves, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Outcome(target, tuple(t for _, t in moves), _counted_records(content), recovered)


def _complete(existing: Path, recovered: str | None) -> Outcome:
    """The file is in data/contrib already: rebuild, and swap the tables in only if they do not hold it yet."""
    staging = transaction.staging_folder()
    try:
        moves = _moves(_stage(existing.name, None, staging), staging)
        if _unchanged(moves):
            return Outcome(existing, (), 0, recovered)
        transaction.replace_files(moves, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Outcome(existing, tuple(t for _, t in moves), _counted_records(existing.read_bytes()), recovered)


def rebuild_tables() -> tuple[dict[str, Path], str | None]:
    """`asmhub build-data` as a transaction: recover, rebuild everything into staging, swap in what changed."""
    try:
        with transaction.data_lock():
            recovered = transaction.recover()
            staging = transaction.staging_folder()
            try:
                written = _stage("", None, staging)
                moves = _moves(written, staging)
                if not _unchanged(moves):
                    transaction.replace_files(moves, staging)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            return {name: paths.DATA / path.name for name, path in written.items()}, recovered
    except OSError as error:
        raise ContributeError(_explain(error) + ". data/ was not changed.") from None
