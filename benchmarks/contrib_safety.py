"""How the contribution path holds against careless and hostile files. Prints counts; changes nothing
in data/ (every run works on a copy in a temporary folder).

    .venv/bin/python benchmarks/contrib_safety.py [--pairs 10]

* bad files: every CSV under tests/contrib_cases/ (tried / rejected / accepted wrongly);
* hostile values: each value of tests/test_escape.py's HOSTILE list in each free-text column: the validator
  accepts it as text, and each output context (MyST, HTML, chart text, BibTeX) must render it inert;
* interruption: `asmhub contribute` killed (SIGKILL) at each of its write steps, then `build-data` or a reader
  (`asmhub hold-data`, as `make book` runs): the data is found before or after, or mixed (a failure);
* concurrency: pairs of contributes started at the same time: records lost; the same records under two names
  at the same time: both accepted (a failure).
"""

from __future__ import annotations

import argparse
import html.parser
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import matplotlib  # noqa: E402

matplotlib.use("Agg")

from asmhub_utils import escape, paths  # noqa: E402
from asmhub_utils.contrib import (  # noqa: E402
    standard,
    validate,  # noqa: E402
)

WORKER = ROOT / "tests" / "contrib_worker.py"
FREE_TEXT = ("indicator", "mineral", "source_title", "source_publisher", "locator", "note")


class _Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def bad_files() -> dict[str, object]:
    """Every corpus file against its expected outcome (tests/test_validate.py's EXPECTED and the careless and
    hostile folder's expected.json): accepted rightly (no problem expected, none found), rejected clearly (the
    expected problems, each at its row and column with a fix), accepted wrongly, rejected wrongly or unclearly
    (other problems than expected), tracebacks (the validator raised)."""
    import json

    from test_validate import EXPECTED

    cases = ROOT / "tests" / "contrib_cases"
    expected = {cases / name: [tuple(e) for e in found] for name, found in EXPECTED.items()}
    hostile = json.loads((cases / "careless-and-hostile" / "expected.json").read_text(encoding="utf-8"))
    expected |= {cases / "careless-and-hostile" / name: [tuple(e) for e in found] for name, found in hostile.items()}
    counts: dict[str, object] = {
        "tried": 0,
        "accepted rightly": 0,
        "rejected clearly": 0,
        "accepted wrongly": [],
        "rejected wrongly or unclearly": [],
        "tracebacks": [],
    }
    for path, wanted in sorted(expected.items()):
        counts["tried"] += 1
        try:
            problems = validate.validate_file(path)
        except Exception as error:  # noqa: BLE001 - counted, that is the point
            counts["tracebacks"].append(f"{path.name}: {error!r}")
            continue
        if not wanted:
            key = "accepted rightly" if not problems else "rejected wrongly or unclearly"
        elif not problems:
            key = "accepted wrongly"
        else:
            clear = len(problems) == len(wanted) and all(
                (p.row, p.column) == (row, column) and words in p.message and p.fix
                for p, (row, column, words) in zip(problems, wanted)
            )
            key = "rejected clearly" if clear else "rejected wrongly or unclearly"
        if isinstance(counts[key], list):
            counts[key].append(path.name)
        else:
            counts[key] += 1
    return counts


def inert_everywhere(value: str) -> bool:
    import matplotlib.pyplot as plt
    from pybtex.database import parse_string
    from test_escape import _myst_body

    body = _myst_body(f"- {escape.myst(value)}\n")
    parser = _Tags()
    parser.feed(body)
    myst_ok = set(parser.tags) <= {"ul", "li", "p"} and "system-message" not in body
    parser = _Tags()
    parser.feed(f"<td>{escape.html(value)}</td>")
    html_ok = parser.tags == ["td"]
    fig, ax = plt.subplots()
    ax.set_title(escape.chart_text(value))
    try:
        fig.canvas.draw()
        chart_ok = True
    except Exception:  # noqa: BLE001 - any failure to draw counts
        chart_ok = False
    plt.close(fig)
    try:
        parse_string("@misc{k, title = {" + escape.bibtex(value) + "}}", "bibtex")
        bib_ok = True
    except Exception:  # noqa: BLE001
        bib_ok = False
    return myst_ok and html_ok and chart_ok and bib_ok


def hostile_values(tmp: Path) -> tuple[int, int, int, int]:
    """(tried, rejected by the validator, accepted and inert, accepted and not inert)."""
    from test_escape import HOSTILE

    tried = rejected = inert = wrong = 0
    names = validate.seed_names()
    base = standard.render_example().replace("Example Research Institute", "Hostile Test")
    rows = base.splitlines()
    header = rows[0].split(",")
    for column in FREE_TEXT:
        for value in HOSTILE:
            tried += 1
            import csv
            import io

            cells = next(csv.reader([rows[1]]))
            cells[header.index(column)] = value
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows([header, cells])
            path = tmp / "hostile.csv"
            path.write_text(out.getvalue(), encoding="utf-8")
            if validate.validate_file(path, existing={}, names=names):
                rejected += 1
            elif inert_everywhere(value):
                inert += 1
            else:
                wrong += 1
    return tried, rejected, inert, wrong


def _copy_data(tmp: Path) -> Path:
    target = tmp / "repo" / "data"
    shutil.copytree(paths.DATA, target, ignore=shutil.ignore_patterns("geo"))
    shutil.copytree(paths.GEO, target / "geo")
    return target


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _worker(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(WORKER), str(data), *args], capture_output=True, text=True, timeout=300)


def interruption(tmp: Path) -> dict[str, int]:
    from test_transaction import contribution

    data = _copy_data(tmp / "kill")
    source = contribution(tmp / "kill", "ngo-kill-2025.csv", 1)
    before = _snapshot(data)
    steps = [line for line in _worker(data, str(source), "--steps").stdout.splitlines() if line.startswith("step ")]
    after = _snapshot(data)
    counts = {"kills": 0, "before": 0, "after": 0, "mixed": 0, "staging left": 0}
    for kill_at in range(1, len(steps) + 1):
        for path in data.rglob("*"):
            if path.is_file() and path.relative_to(data).as_posix() not in before:
                path.unlink()
        for name, content in before.items():
            (data / name).write_bytes(content)
        _worker(data, str(source), "--kill-at", str(kill_at))
        counts["kills"] += 1
        # the next command: every other time `make data`, else a reader (`asmhub hold-data`, as `make book` runs)
        _worker(data, "--build-data" if kill_at % 2 else "--read")
        state = _snapshot(data)
        counts["before" if state == before else "after" if state == after else "mixed"] += 1
        counts["staging left"] += len(list(data.parent.glob(".asmhub-staging-*")))
    return counts


def concurrency(tmp: Path, pairs: int) -> dict[str, int]:
    import csv

    from test_transaction import contribution

    lost = both_accepted = 0
    for number in range(pairs):
        data = _copy_data(tmp / f"pair-{number}")
        files = [contribution(tmp / f"pair-{number}", f"ngo-{side}-2025.csv", 100 * number + side) for side in (1, 2)]
        runs = [
            subprocess.Popen(
                [sys.executable, str(WORKER), str(data), str(f)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            for f in files
        ]
        [run.wait(timeout=300) for run in runs]
        with (data / "estimates.csv").open(encoding="utf-8", newline="") as handle:
            origins = {row["origin"] for row in csv.DictReader(handle)}
        lost += sum(f"contrib/{f.name}" not in origins for f in files)
        twin = tmp / f"pair-{number}" / "ngo-twin-2025.csv"
        twin.write_bytes(files[0].read_bytes())
        fresh = contribution(tmp / f"pair-{number}", "ngo-3-2025.csv", 100 * number + 50)
        twin2 = tmp / f"pair-{number}" / "ngo-twin2-2025.csv"
        twin2.write_bytes(fresh.read_bytes() + b"\n")
        runs = [
            subprocess.Popen(
                [sys.executable, str(WORKER), str(data), str(f)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            for f in (fresh, twin2)
        ]
        codes = [run.wait(timeout=300) for run in runs]
        both_accepted += codes == [0, 0]
    return {"pairs": pairs, "files lost": lost, "same records accepted twice": both_accepted}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        files = bad_files()
        shown = [
            f"{k} {len(v)}{' ' + str(v) if v else ''}" if isinstance(v, list) else f"{k} {v}" for k, v in files.items()
        ]
        print("corpus files:     " + ", ".join(shown))
        h_tried, h_rejected, h_inert, h_wrong = hostile_values(tmp)
        print(
            f"hostile values:   tried {h_tried}, rejected {h_rejected}, rendered inert {h_inert}, "
            f"accepted wrongly (not inert) {h_wrong}"
        )
        kills = interruption(tmp)
        print("interruption:     " + ", ".join(f"{k} {v}" for k, v in kills.items()))
        pairs = concurrency(tmp, args.pairs)
        print("concurrency:      " + ", ".join(f"{k} {v}" for k, v in pairs.items()))


if __name__ == "__main__":
    main()
