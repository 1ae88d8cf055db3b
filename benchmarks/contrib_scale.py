"""Contributing and building stay linear: the time to validate and to rebuild the tidy tables with N contributed
rows (default 10,000, in 3 files each under the standard's size limit), on a copy of data/ in a temporary folder.
Prints the figures; changes nothing in data/.

    .venv/bin/python benchmarks/contrib_scale.py [--rows 10000] [--countries 40] [--profile]

The rows are realistic rather than uniform: 40 countries, every dataset, counts and ranges, and one source for
every ten rows (a contributor's file quotes each report several times).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import contrib_worker  # noqa: E402

from asmhub_utils import paths  # noqa: E402
from asmhub_utils.contrib import standard  # noqa: E402
from asmhub_utils.errors import DataError  # noqa: E402

COUNTRIES = [
    ("GHA", "Ghana"),
    ("COD", "Democratic Republic of the Congo"),
    ("PER", "Peru"),
    ("IDN", "Indonesia"),
    ("TZA", "Tanzania"),
    ("BFA", "Burkina Faso"),
    ("MLI", "Mali"),
    ("COL", "Colombia"),
    ("BRA", "Brazil"),
    ("PHL", "Philippines"),
    ("MNG", "Mongolia"),
    ("SDN", "Sudan"),
    ("NER", "Niger"),
    ("GIN", "Guinea"),
    ("ZWE", "Zimbabwe"),
    ("ZMB", "Zambia"),
    ("KEN", "Kenya"),
    ("UGA", "Uganda"),
    ("NGA", "Nigeria"),
    ("BOL", "Bolivia"),
    ("ECU", "Ecuador"),
    ("VEN", "Venezuela"),
    ("GUY", "Guyana"),
    ("SUR", "Suriname"),
    ("MDG", "Madagascar"),
    ("MOZ", "Mozambique"),
    ("ETH", "Ethiopia"),
    ("CIV", "Côte d'Ivoire"),
    ("SEN", "Senegal"),
    ("CMR", "Cameroon"),
    ("CAF", "Central African Republic"),
    ("TCD", "Chad"),
    ("SLE", "Sierra Leone"),
    ("LBR", "Liberia"),
    ("MMR", "Myanmar"),
    ("LAO", "Lao People's Democratic Republic"),
    ("IND", "India"),
    ("CHN", "China"),
    ("PNG", "Papua New Guinea"),
    ("MEX", "Mexico"),
]
DATASETS = ["miners_by_country", "mercury", "sites", "formalisation", "child_labour", "safety"]
UNITS = {
    "miners_by_country": "persons",
    "mercury": "t/yr",
    "sites": "sites",
    "formalisation": "mines",
    "child_labour": "persons",
    "safety": "deaths",
}


def rows(n: int, countries: int = len(COUNTRIES)) -> list[dict[str, str]]:
    out = []
    for i in range(n):
        code, name = COUNTRIES[i % countries]
        dataset = DATASETS[(i // len(COUNTRIES)) % len(DATASETS)]
        source = i // 10
        value = f"{(i % 90 + 10) * 100:,}" if i % 3 else f"{(i % 50 + 1) * 100:,}-{(i % 50 + 2) * 150:,}"
        out.append(
            {
                "dataset": dataset,
                "country_iso3": code,
                "country_name": name,
                "indicator": (
                    f"people working in ASM (scale figure {i})"
                    if dataset == "miners_by_country"
                    else f"{dataset.replace('_', ' ')} figure {i}"
                ),  # national headcounts: headline
                "value": value,
                "unit": UNITS[dataset],
                "year": str(2000 + i % 24),
                "mineral": "gold" if i % 4 else "tin",
                "source_title": f"Scale test report {source}",
                "source_publisher": f"Scale Institute {source % 97}",
                "source_year": str(2000 + i % 24 + 1),
                "source_url": f"https://example.org/scale/{source}",
                "locator": f"p. {i % 300 + 1}",
                "note": "",
            }
        )
    return out


def write_files(folder: Path, records: list[dict[str, str]]) -> list[Path]:
    """The records in files of at most 4,000 rows (each well under standard.MAX_BYTES)."""
    files = []
    for start in range(0, len(records), 4000):
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=standard.COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records[start : start + 4000])
        path = folder / f"scale-{start // 4000:02d}.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        assert path.stat().st_size < standard.MAX_BYTES
        files.append(path)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest functions of the build")
    parser.add_argument(
        "--countries",
        type=int,
        default=len(COUNTRIES),
        help="spread the rows over this many countries (1: every row for Ghana, the worst case)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="asmhub-scale-") as tmp:
        copy = Path(tmp) / "repo" / "data"
        shutil.copytree(paths.DATA, copy, ignore=shutil.ignore_patterns("geo"))
        (copy / "geo").symlink_to(paths.DATA / "geo")
        contrib_worker.point_paths_at(copy)
        from asmhub_utils.contrib import validate
        from asmhub_utils.tidy import build

        started = time.perf_counter()
        build.build(out_dir=Path(tmp) / "before")
        seed_only = time.perf_counter() - started
        files = write_files(Path(tmp), rows(args.rows, args.countries))
        started = time.perf_counter()
        problems = [p for f in files for p in validate.validate_file(f)]
        validating = time.perf_counter() - started
        assert not problems, "\n".join(str(p) for p in problems[:5])
        for f in files:
            shutil.copy(f, copy / "contrib" / f.name)
        profiler = cProfile.Profile() if args.profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        try:
            build.build(out_dir=Path(tmp) / "after")
            stopped = ""
        except DataError as error:
            # so many new figures move headlines that carry warning signs: the build computes every table, then
            # stops before writing until an editor reviews them, as it should (the time is the whole computation)
            stopped = f" (stopped before writing, as designed: {len(error.problems)} headlines await review)"
        if profiler:
            profiler.disable()
        building = time.perf_counter() - started
    print(f"contributed rows: {args.rows:,} in {len(files)} files, over {args.countries} countries")
    print(f"validate them: {validating:.1f} s")
    print(f"build-data, seed only: {seed_only:.1f} s; with them: {building:.1f} s{stopped}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
