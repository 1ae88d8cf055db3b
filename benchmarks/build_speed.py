"""Build speed: clean build with every country profile, no-change rebuild, one profile, and the naive baseline.

Prints figures; it is not a test (timings depend on the machine and on what else runs on it).

    .venv/bin/python benchmarks/build_speed.py            # everything (the naive baseline takes minutes)
    .venv/bin/python benchmarks/build_speed.py --skip-naive

"Clean" means no `_build/` and no executed profiles; the venv is present. The naive baseline executes every
notebook of the book (the chapters and one profile per country) one after another, each in its own fresh
kernel, the way Jupyter Book's cache mode runs them when nothing is done in parallel.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
sys.path.insert(0, str(ROOT))

from asmhub_utils import paths  # noqa: E402
from asmhub_utils.execute import profiles  # noqa: E402

# What `make book` runs, stage by stage (make adds its stamps: a no-change rebuild is timed as `make book` itself).
BOOK = {
    "profiles": [str(BIN / "asmhub"), "profile", "--all", "--jobs", "2"],
    "chapters": [str(BIN / "python"), "-m", "asmhub_utils.execute.prerun", "--jobs", "2"],
    "jupyter-book": [str(BIN / "jupyter-book"), "build", "-W", "-n", "--keep-going", "."],
}
MAKE_BOOK = ["make", "--no-print-directory", "book"]
TRIAL_NAIVE_SECONDS = 170.0  # an earlier trial's figure: 85 notebooks run one after another inside Jupyter Book
REFERENCE_LOOP_SECONDS = 1.5  # the reference loop on a quiet machine of this project's kind (2 cores)


def reference_loop() -> float:
    """Seconds for a pure-Python loop of 10^7 squares: prints beside the timings so that they can be compared
    across machines and load (a figure twice the reference means a machine twice as slow or twice as busy)."""
    started = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number * number
    return time.perf_counter() - started


def run(commands: list[list[str]]) -> float:
    started = time.perf_counter()
    for command in commands:
        result = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{result.stdout[-3000:]}")
    return time.perf_counter() - started


def clean() -> None:
    shutil.rmtree(paths.BUILD, ignore_errors=True)
    shutil.rmtree(profiles.PROFILES, ignore_errors=True)


def chapter_notebooks() -> list[Path]:
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    files = [line.split("file:", 1)[1].strip() for line in toc.splitlines() if "file:" in line]
    return [ROOT / f"{f}.ipynb" for f in files if (ROOT / f"{f}.ipynb").exists()]


def naive(out: Path) -> tuple[float, int]:
    """Every notebook of the book, one after another, one fresh kernel each (papermill)."""
    import papermill

    jobs = [(nb, {}) for nb in chapter_notebooks()]
    jobs += [(profiles.TEMPLATE, {"iso3": code}) for code in profiles.countries_with_data()]
    started = time.perf_counter()
    for number, (notebook, parameters) in enumerate(jobs):
        papermill.execute_notebook(
            str(notebook),
            str(out / f"{number:03d}.ipynb"),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            cwd=str(notebook.parent),
        )
    return time.perf_counter() - started, len(jobs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-naive", action="store_true", help="leave out the (slow) naive baseline")
    args = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.2f} "
        f"(other processes on a shared machine slow every figure)"
    )
    print(
        f"reference loop (10^7 squares, pure Python): {reference_loop():.2f} s "
        f"(quiet machine of this kind: {REFERENCE_LOOP_SECONDS} s)"
    )

    clean()
    stages = {name: run([command]) for name, command in BOOK.items()}
    clean_build = sum(stages.values())
    html = list(paths.HTML.rglob("*.html"))
    n_country_pages = len(list((paths.HTML / "notebooks" / "places" / "profiles").glob("*.html")))
    print(f"pages: {len(html)} HTML pages, {n_country_pages} of them country profiles")
    print(
        f"clean build (no _build, no profiles; venv present): {clean_build:.1f} s (target <= 90 s, goal 60 s): "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in stages.items())
    )
    run([MAKE_BOOK])  # make's own stamps (the pre-run's, the notebook inputs') as after a `make book`
    rebuilds = sorted(run([MAKE_BOOK]) for _ in range(3))
    print(
        f"no-change rebuild (make book again): median {rebuilds[1]:.1f} s of 3 ({rebuilds[0]:.1f}-{rebuilds[2]:.1f}) "
        f"(target <= 3 s, goal 2 s)"
    )

    ones = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            ones.append(run([[str(BIN / "asmhub"), "profile", "GHA", "--out", tmp]]))
    ones.sort()
    print(
        f"one profile (asmhub profile GHA, command start to finish): median {ones[1]:.1f} s of 3 "
        f"({ones[0]:.1f}-{ones[2]:.1f}) (target <= 2.5 s, goal 1.5 s)"
    )

    if not args.skip_naive:
        with tempfile.TemporaryDirectory() as tmp:
            seconds, count = naive(Path(tmp))
        print(f"naive sequential execution of the same {count} notebooks (fresh kernel each): {seconds:.1f} s")
        print(
            f"ratio clean build / naive sequential: {clean_build / seconds:.2f} ({seconds / clean_build:.1f}x faster)"
        )
    print(f"reference loop again: {reference_loop():.2f} s")
    print(
        f"for scale, an earlier trial's naive run: {TRIAL_NAIVE_SECONDS:.0f} s for 85 notebooks; "
        f"load average after: {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
