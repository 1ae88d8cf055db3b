"""Changes to data/ that happen whole or not at all, one at a time, and survive being killed half-way.

Used by `asmhub contribute` and `asmhub build-data`, and by everything that reads data/ (`asmhub profile`, and
`make book` through `asmhub hold-data`), which hold the same lock through `reading()`:

* **Lock.** `data_lock()` holds an exclusive `fcntl` lock on `.asmhub-data.lock` (next to data/) for the whole run; a
second
  run says that one is running and waits for it (the kernel drops the lock when a process dies, even by
  kill -9, so a dead run never blocks the next).
* **Journal.** `replace_files()` first copies every file it will replace into a backup folder and writes
  `.asmhub-data-journal.json` next to data/ (fsynced, then renamed into place) naming each target, its staged new
  content
  and its backup. Only then are the staged files renamed over the targets. Deleting the journal is the commit.
* **Readers.** `reading()` takes the lock, rolls back an interrupted change (and says so), then checks the tidy
  tables against datapackage.json (tidy/table_check.py) before anything reads them; a reader never sees a
  half-applied change or a damaged table. A command run by a holder (the book build's profiles) finds
  `ASMHUB_DATA_LOCK_HELD` naming the lock in its environment and does not wait for itself.
* **Recovery.** `recover()` runs at the start of every locked run: a journal left by a killed run means the
  change did not commit, so every target is put back from its backup (copied, so recovery itself may be
  interrupted and run again) and targets that did not exist before are removed. Left-over staging folders
  are removed. The data is then exactly as before the killed run: never a mix.

Every write goes through `step()`, the single place a test can interrupt the sequence (tests/test_transaction.py
kills a run at each step in turn and finds the data before or after, never between).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from asmhub_utils import paths
from asmhub_utils.tidy import table_check

LOCK_NAME = ".asmhub-data.lock"
JOURNAL_NAME = ".asmhub-data-journal.json"
STAGING_PREFIX = ".asmhub-staging-"
HELD = "ASMHUB_DATA_LOCK_HELD"  # set by `asmhub hold-data` for the command it runs
BUSY = (
    "another asmhub command is using data/ (a contribute, a build-data, a profile run or a book build); "
    "waiting for it to finish"
)


class Busy(Exception):
    """Another run holds the lock and the caller asked not to wait."""


def step(name: str) -> None:
    """Called before each write of a transaction; does nothing (tests replace it to interrupt the run)."""


def _lock_path() -> Path:
    return paths.DATA.parent / LOCK_NAME


def journal_path() -> Path:
    return paths.DATA.parent / JOURNAL_NAME


@contextlib.contextmanager
def data_lock(wait: bool = True, say=None) -> Iterator[None]:
    """Hold the data lock; when another run holds it, say so (once) and wait, or raise `Busy`."""
    say = say or _say
    path = _lock_path()
    if os.environ.get(HELD) == str(path):
        yield  # the process that started this one holds the lock for it
        return
    handle = open(path, "a+")  # noqa: SIM115 - held for the whole block
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise Busy(BUSY.split(";")[0]) from None
            say(BUSY)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        handle.close()


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@contextlib.contextmanager
def reading(say=None) -> Iterator[None]:
    """Hold the data lock while data/ is read: first an interrupted change is rolled back (said through `say`),
    then the tidy tables are checked (table_check.check raises DataError naming file, row and column)."""
    say = say or _say
    with data_lock(say=say):
        done = recover()
        if done:
            say(done)
        table_check.check()
        yield


def held_environment() -> dict[str, str]:
    """The environment for a command run while this process holds the lock (see `reading`)."""
    return {**os.environ, HELD: str(_lock_path())}


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _copy_durably(source: Path, target: Path) -> None:
    """Copy `source` over `target` through a temporary file and a rename (never a half-written target)."""
    temporary = target.with_name(f".{target.name}.restoring")
    try:
        shutil.copyfile(source, temporary)
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def staging_folder() -> Path:
    """A new staging folder next to data/ (same file system, so every rename is atomic)."""
    step("create staging folder")
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=paths.DATA.parent))


def recover() -> str | None:
    """Undo a run that was killed before it committed; remove left-over staging folders. Returns what was done."""
    done = None
    journal = journal_path()
    if journal.exists():
        try:
            entries = json.loads(journal.read_text(encoding="utf-8"))["moves"]
        except (ValueError, KeyError):
            entries = None  # the journal itself was being written: nothing was replaced yet
        for entry in entries or []:
            target = Path(entry["target"])
            if entry["backup"] is not None:
                backup = Path(entry["backup"])
                if not (target.exists() and target.read_bytes() == backup.read_bytes()):
                    _copy_durably(backup, target)
            else:
                target.unlink(missing_ok=True)
        _fsync_dir(paths.DATA)
        journal.unlink()
        _fsync_dir(paths.DATA.parent)
        done = "an interrupted change to data/ was rolled back; the data is as it was before it"
    for folder in paths.DATA.parent.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(folder, ignore_errors=True)
    for temporary in paths.DATA.rglob(".*.restoring"):
        temporary.unlink(missing_ok=True)
    return done


def replace_files(moves: list[tuple[Path, Path]], staging: Path) -> None:
    """Rename each staged file over its target, all or nothing (see the module's docstring)."""
    backup = staging / "backup"
    backup.mkdir()
    entries = []
    for number, (staged, target) in enumerate(moves):
        saved = None
        if target.exists():
            step(f"back up {target.name}")
            saved = backup / f"{number}-{target.name}"
            shutil.copy2(target, saved)
            with open(saved, "rb") as handle:
                os.fsync(handle.fileno())
        entries.append({"staged": str(staged), "target": str(target), "backup": None if saved is None else str(saved)})
    step("write journal")
    temporary = journal_path().with_suffix(".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump({"moves": entries}, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, journal_path())
    _fsync_dir(paths.DATA.parent)
    try:
        for staged, target in moves:
            step(f"replace {target.name}")
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
        _fsync_dir(paths.DATA)
        for folder in {target.parent for _, target in moves} - {paths.DATA}:
            _fsync_dir(folder)
    except BaseException:
        recover()  # put every original back, then re-raise
        raise
    step("commit")
    journal_path().unlink()
    _fsync_dir(paths.DATA.parent)
