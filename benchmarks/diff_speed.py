"""How long `asmhub diff` takes on two real editions, and what the maintained table-diff libraries take for the
same job when they are installed (daff, datacompy; `uv pip install daff datacompy` into a scratch venv).

    .venv/bin/python benchmarks/diff_speed.py [OLD] [NEW]      (default: the oldest kept edition and data/)

Each figure is the best and the median of 7 runs of the comparison alone (the tables already read).
"""

from __future__ import annotations

import statistics
import sys
import time

from asmhub_utils.editions import diff, package, registry


def timed(run, repeat: int = 7) -> tuple[float, float, object]:
    run()
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def main(argv: list[str]) -> int:
    old_spec = argv[0] if argv else registry.kept()[0].version
    new_spec = argv[1] if len(argv) > 1 else "."
    start = time.perf_counter()
    old, new = package.load(old_spec), package.load(new_spec)
    print(
        f"read {old.label} ({len(old.estimates)} figures) and {new.label} ({len(new.estimates)} figures) "
        f"in {(time.perf_counter() - start) * 1000:.0f} ms"
    )
    best, median, result = timed(lambda: diff.compare(old, new))
    print(
        f"asmhub diff (pandas): best {best * 1000:.0f} ms, median {median * 1000:.0f} ms; "
        + ", ".join(f"{n} {k}" for k, n in result.counts().items())
    )
    columns = ["record_id"] + [c for _, cs in diff.FIELDS for c in cs if c in old.estimates and c in new.estimates]
    a, b = old.estimates[columns], new.estimates[columns]
    try:
        import datacompy

        best, median, _ = timed(lambda: datacompy.PandasCompare(a, b, join_columns="record_id").all_mismatch())
        print(
            f"datacompy {datacompy.__version__} (mismatches only, no report): best {best * 1000:.0f} ms, "
            f"median {median * 1000:.0f} ms"
        )
    except ImportError:
        print("datacompy: not installed")
    try:
        import daff

        def run_daff():
            t1 = daff.PythonTableView([a.columns.tolist()] + a.values.tolist())
            t2 = daff.PythonTableView([b.columns.tolist()] + b.values.tolist())
            flags = daff.CompareFlags()
            flags.addPrimaryKey("record_id")
            out = daff.PythonTableView([])
            daff.TableDiff(daff.Coopy.compareTables(t1, t2, flags).align(), flags).hilite(out)
            return out

        best, median, _ = timed(run_daff)
        print(f"daff (highlighter diff): best {best * 1000:.0f} ms, median {median * 1000:.0f} ms")
    except ImportError:
        print("daff: not installed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
