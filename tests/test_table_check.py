"""Damaged tables get a sentence: before a book build or a profile run reads data/, the tidy tables are checked
against datapackage.json (file, row, column, `make data`), an interrupted contribute is rolled back and said,
and nothing is deleted on the way."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from asmhub_utils.commands import hold_data
from asmhub_utils.contrib import transaction
from asmhub_utils.errors import DataError
from asmhub_utils.tidy import table_check

WORKER = Path(__file__).parent / "contrib_worker.py"


def rewrite(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def problems(data: Path) -> list:
    with pytest.raises(DataError) as caught:
        table_check.check(data)
    return caught.value.problems


def test_the_built_tables_are_sound(data_copy):
    table_check.check(data_copy)


def test_an_unreadable_number_is_named_by_row_and_column(data_copy):
    def bad(rows):
        rows[10][rows[0].index("value_low")] = "12x"

    rewrite(data_copy / "estimates.csv", bad)
    (problem,) = problems(data_copy)
    assert problem.file.endswith("data/estimates.csv")
    assert (problem.row, problem.column, problem.value) == (11, "value_low", "12x")
    assert "should hold a number" in problem.message and "make data" in problem.fix


def test_a_truncated_table_is_named_as_cut_short(data_copy):
    table = data_copy / "estimates.csv"
    table.write_bytes(table.read_bytes()[:100_000])
    found = problems(data_copy)
    assert len(found) == 1 and "cut short" in found[0].message and found[0].row > 2


def test_a_table_cut_at_a_row_boundary_or_edited_differs_from_its_recorded_size(data_copy):
    table = data_copy / "estimates.csv"
    lines = table.read_bytes().splitlines(keepends=True)
    table.write_bytes(b"".join(lines[: len(lines) // 2]))
    (problem,) = problems(data_copy)
    assert problem.file.endswith("data/estimates.csv") and "not the one `make data` wrote" in problem.message


def test_two_rows_with_one_source_id_are_named(data_copy):
    rewrite(data_copy / "sources.csv", lambda rows: rows.append(list(rows[1])))
    found = [p for p in problems(data_copy) if p.column == "source_id"]
    assert found and "also on row 2" in found[0].message


def test_a_damaged_table_stops_the_book_and_the_profiles_in_one_sentence_and_deletes_nothing(
    data_copy, capsys, tmp_path
):
    rewrite(data_copy / "estimates.csv", lambda rows: rows[5].__setitem__(rows[0].index("value_high"), "n/a"))
    marker = tmp_path / "ran"
    code = hold_data.run(type("Args", (), {"command": ["touch", str(marker)]}))
    err = capsys.readouterr().err
    assert code == 1 and not marker.exists()
    assert "data/estimates.csv, row 6, column 'value_high'" in err and "nothing was deleted" in err
    assert "Traceback" not in err


def test_a_killed_contribute_is_rolled_back_before_the_book_reads_data(data_copy, tmp_path, capsys):
    from test_transaction import contribution, snapshot

    before = snapshot(data_copy)
    source = contribution(tmp_path, "ngo-killed-2025.csv", 7)
    # kill the contribute after its journal, while it replaces the tables (step 'replace estimates.csv')
    steps = subprocess.run(
        [sys.executable, str(WORKER), str(data_copy), str(source), "--steps", "--kill-at", "999"],
        capture_output=True,
        text=True,
        timeout=180,
    ).stdout
    number = next(int(line.split()[1].rstrip(":")) for line in steps.splitlines() if "replace estimates" in line)
    for path in data_copy.rglob("*"):  # back to the state before
        if path.is_file() and path.relative_to(data_copy).as_posix() not in before:
            path.unlink()
    for name, content in before.items():
        (data_copy / name).write_bytes(content)
    killed = subprocess.run(
        [sys.executable, str(WORKER), str(data_copy), str(source), "--kill-at", str(number)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert killed.returncode == -signal.SIGKILL
    assert transaction.journal_path().exists()
    seen = tmp_path / "seen.csv"
    code = hold_data.run(type("Args", (), {"command": ["cp", str(data_copy / "estimates.csv"), str(seen)]}))
    assert code == 0 and "rolled back" in capsys.readouterr().err
    assert seen.read_bytes() == before["estimates.csv"] and not transaction.journal_path().exists()


def test_a_command_run_under_the_lock_does_not_wait_for_its_holder(data_copy):
    with transaction.reading():
        env = transaction.held_environment()
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "import os, sys; sys.path.insert(0, sys.argv[1]);"
                "import contrib_worker; contrib_worker.point_paths_at(__import__('pathlib').Path("
                "sys.argv[2]));from asmhub_utils.contrib import transaction\n"
                "with transaction.data_lock(wait=False): print('in')",
                str(Path(__file__).parent),
                str(data_copy),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.stdout.strip() == "in", done.stderr
        plain = {k: v for k, v in os.environ.items() if k != transaction.HELD}
        busy = subprocess.run(done.args, env=plain, capture_output=True, text=True, timeout=60)
        assert "Busy" in busy.stderr
