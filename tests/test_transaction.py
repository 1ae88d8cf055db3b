"""`asmhub contribute` is a transaction: killed between any two of its writes, the data is found as it was before
or after (never a mix) once the next run has recovered; runs at the same time all get in, none is lost; user
errors (permissions, full disk, missing file) end in a sentence, never a traceback."""

from __future__ import annotations

import csv
import errno
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from asmhub_utils.commands import build_data as build_data_command
from asmhub_utils.commands import contribute as contribute_command
from asmhub_utils.contrib import contribute, transaction

WORKER = Path(__file__).parent / "contrib_worker.py"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def contribution(folder: Path, name: str, number: int) -> Path:
    """A valid contribution with records no other file has."""
    from asmhub_utils.contrib import standard

    text = standard.render_example().replace("Example Research Institute", f"Test Institute {number}")
    text = text.replace("Artisanal and small-scale mining in Ghana", f"ASM census number {number}")
    text = text.replace("Mercury use in Peruvian ASGM (example)", f"Mercury study {number}")
    text = text.replace("Tin supply from ASM (example)", f"Tin study {number}")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def worker(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(WORKER), str(data), *args], capture_output=True, text=True, timeout=180)


def origins(data: Path) -> set[str]:
    with (data / "estimates.csv").open(encoding="utf-8", newline="") as handle:
        return {row["origin"] for row in csv.DictReader(handle)}


def test_killed_between_any_two_writes_the_data_is_before_or_after(data_copy, tmp_path):
    source = contribution(tmp_path, "ngo-kill-2025.csv", 1)
    before = snapshot(data_copy)
    steps = worker(data_copy, str(source), "--steps", "--kill-at", "999")
    names = [line for line in steps.stdout.splitlines() if line.startswith("step ")]
    assert steps.returncode == 0 and len(names) >= 10, steps.stdout + steps.stderr
    after = snapshot(data_copy)
    assert after != before

    outcomes = []
    for kill_at in range(1, len(names) + 1):
        # back to the state before, then kill the run at this step
        for path in data_copy.rglob("*"):
            if path.is_file() and path.relative_to(data_copy).as_posix() not in before:
                path.unlink()
        for name, content in before.items():
            (data_copy / name).write_bytes(content)
        killed = worker(data_copy, str(source), "--kill-at", str(kill_at))
        assert killed.returncode == -9, (names[kill_at - 1], killed.stderr)
        # the next `make data` (build-data) detects and repairs the interrupted run
        repaired = worker(data_copy, "--build-data")
        assert repaired.returncode == 0 and "Traceback" not in repaired.stderr, repaired.stderr
        state = snapshot(data_copy)
        assert state in (before, after), f"a mix of old and new data after a kill at {names[kill_at - 1]}"
        assert not list(data_copy.parent.glob(".asmhub-staging-*")) and not transaction.journal_path().exists()
        outcomes.append("before" if state == before else "after")
    assert outcomes.count("before") == len(names)  # nothing commits before the journal is removed
    # and a contribute after the repair completes the file
    again = worker(data_copy, str(source))
    assert again.returncode == 0 and snapshot(data_copy) == after, again.stderr


def test_a_kill_is_repaired_by_the_next_contribute_too(data_copy, tmp_path):
    first, second = contribution(tmp_path, "ngo-a-2025.csv", 2), contribution(tmp_path, "ngo-b-2025.csv", 3)
    before = snapshot(data_copy)
    killed = worker(data_copy, str(first), "--kill-at", "11")  # mid-swap
    assert killed.returncode == -9
    assert transaction.journal_path().exists() or snapshot(data_copy) != before
    run = worker(data_copy, str(second))
    assert run.returncode == 0 and "rolled back" in run.stderr, run.stderr
    assert "contrib/ngo-b-2025.csv" in origins(data_copy) and "contrib/ngo-a-2025.csv" not in origins(data_copy)


def test_contributes_at_the_same_time_all_get_in(data_copy, tmp_path):
    files = [contribution(tmp_path, f"ngo-{n}-2025.csv", 10 + n) for n in range(5)]
    runs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), str(data_copy), str(f)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    assert all(code == 0 for code, _, _ in results), results
    assert {f"contrib/{f.name}" for f in files} <= origins(data_copy)
    assert sum("added 3 records" in out for _, out, _ in results) == len(files)


def test_the_same_records_under_two_names_at_the_same_time_one_is_refused(data_copy, tmp_path):
    one = contribution(tmp_path, "ngo-one-2025.csv", 50)
    two = tmp_path / "ngo-two-2025.csv"
    two.write_bytes(one.read_bytes() + b"\n")
    runs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), str(data_copy), str(f)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in (one, two)
    ]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    assert sorted(code for code, _, _ in results) == [0, 1], results
    assert any("already in the data" in err for _, _, err in results)
    assert worker(data_copy, "--build-data").returncode == 0, "the data still builds"


def test_a_second_run_says_one_is_running_and_waits(data_copy, tmp_path):
    messages = []
    with transaction.data_lock():
        with pytest.raises(transaction.Busy), transaction.data_lock(wait=False):
            pass
        waiting = threading.Thread(target=lambda: transaction.data_lock(say=messages.append).__enter__())
        waiting.start()
        time.sleep(0.5)
        assert waiting.is_alive() and "is using data/ (a contribute" in messages[0] and "waiting" in messages[0]
    waiting.join(timeout=10)
    assert not waiting.is_alive()


@pytest.mark.parametrize(
    "code, words",
    [(errno.EACCES, "cannot be written"), (errno.EROFS, "cannot be written"), (errno.ENOSPC, "the disk is full")],
)
def test_permissions_and_full_disk_end_in_a_sentence(data_copy, tmp_path, monkeypatch, capsys, code, words):
    before = snapshot(data_copy)
    real = transaction.os.replace

    def failing(src, dst):
        if str(dst).endswith("estimates.csv"):
            raise OSError(code, "simulated", str(dst))
        return real(src, dst)

    monkeypatch.setattr(transaction.os, "replace", failing)
    source = contribution(tmp_path, "ngo-disk-2025.csv", 60)
    assert contribute_command.run(type("Args", (), {"file": source})) == 1
    err = capsys.readouterr().err
    assert words in err and "data/ was not changed" in err and "Traceback" not in err
    assert snapshot(data_copy) == before


def test_missing_file_is_a_sentence(data_copy, tmp_path, capsys):
    assert contribute_command.run(type("Args", (), {"file": tmp_path / "nowhere.csv"})) == 1
    assert "the file does not exist" in capsys.readouterr().err


def test_nothing_changed_only_when_the_tables_hold_the_file(data_copy, tmp_path, capsys):
    source = contribution(tmp_path, "ngo-held-2025.csv", 70)
    contribute.contribute(source)
    # the file is in data/contrib but the tables lost it (e.g. restored from an old copy)
    (data_copy / "estimates.csv").write_bytes(b"stale")
    assert contribute_command.run(type("Args", (), {"file": source})) == 0
    out = capsys.readouterr().out
    assert "did not hold its records" in out and "contrib/ngo-held-2025.csv" in origins(data_copy)
    assert contribute_command.run(type("Args", (), {"file": source})) == 0
    assert "nothing changed" in capsys.readouterr().out


def test_build_data_is_a_transaction_too(data_copy, monkeypatch, capsys):
    before = snapshot(data_copy)
    assert build_data_command.run(None) == 0
    assert snapshot(data_copy) == before, "a rebuild of unchanged inputs rewrites nothing"


def test_unreadable_file_and_folder_are_sentences(data_copy, tmp_path, capsys, monkeypatch):
    from pathlib import Path as _Path

    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert contribute_command.run(type("Args", (), {"file": folder})) == 1
    assert "this is a folder, not a file" in capsys.readouterr().err
    unreadable = contribution(tmp_path, "ngo-locked-2025.csv", 80)
    real = _Path.read_bytes

    def denied(self):
        if self.name == "ngo-locked-2025.csv":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(_Path, "read_bytes", denied)
    assert contribute_command.run(type("Args", (), {"file": unreadable})) == 1
    err = capsys.readouterr().err
    assert "cannot be read (Permission denied)" in err and "Traceback" not in err
