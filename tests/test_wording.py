"""Counts in command-line messages read as words (asmhub_utils/wording.py)."""

import subprocess
import sys

from asmhub_utils import wording


def test_a_count_names_one_thing_or_many_never_both():
    assert wording.count(1, "profile") == "1 profile"
    assert wording.count(0, "problem") == "0 problems"
    assert wording.count(1234, "record") == "1,234 records"
    assert wording.count(2, "country", "countries") == "2 countries"


def test_no_command_message_counts_with_a_bracketed_plural():
    """'3 problem(s)' reads as machine output; a message counts with wording.count."""
    from asmhub_utils import paths

    found = [
        f"{path.relative_to(paths.ROOT)}:{number}: {line.strip()}"
        for path in sorted((paths.ROOT / "asmhub_utils").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "(s)" in line and "http(s)" not in line and ("print(" in line or 'f"' in line)
    ]
    assert not found, found


def test_the_wording_module_imports_nothing_heavy():
    probe = "import sys\nimport asmhub_utils.wording\nprint('pandas' in sys.modules or 'babel' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_command_reports_its_problems_counted_then_one_a_line(capsys):
    from asmhub_utils.errors import DataError, Problem

    error = DataError([Problem("data/x.csv", 3, "year", "20x9", "not a year", "write the year in four digits")])
    error.report("contribute stopped:", "; data/ was not changed.")

    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "contribute stopped: 1 problem; data/ was not changed."
    assert lines[1].startswith("  ") and "data/x.csv" in lines[1] and len(lines) == 2
