"""`asmhub profile GHA [more]` / `asmhub profile --all [--jobs N]`: write executed country profile notebooks."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from asmhub_utils import wording
from asmhub_utils.errors import DataError, display_path
from asmhub_utils.execute import kernel_start, profiles


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "profile",
        help="execute the country profile notebook for some or all countries",
        description="Execute notebooks/templates/country_profile.ipynb for each country into "
        "notebooks/places/profiles/<ISO3>.ipynb, where the book picks them up.",
    )
    command.add_argument("codes", nargs="*", metavar="ISO3", help="ISO 3166-1 alpha-3 codes, e.g. GHA COD")
    command.add_argument(
        "--all", action="store_true", help="every country with data; profiles newer than all their inputs are kept"
    )
    command.add_argument("--force", action="store_true", help="with --all: re-run up-to-date profiles too")
    command.add_argument(
        "--jobs", type=int, default=2, help="worker processes, from 1 to the number of cores (default 2)"
    )
    command.add_argument("--out", type=Path, default=profiles.PROFILES, help=argparse.SUPPRESS)
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if bool(args.codes) == bool(args.all):
        print("asmhub profile: give ISO3 codes (e.g. `asmhub profile GHA`) or --all, not both.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    kernels = profiles.early_kernels(args.codes, args.jobs)  # they boot while the lock is taken and codes checked
    try:
        from asmhub_utils.contrib import transaction  # imported once the kernels have started (cli.py)

        with transaction.reading():  # the lock contribute takes; an interrupted change rolled back; tables checked
            return _run(args, started, kernels)
    except DataError as error:
        from asmhub_utils.commands import hold_data

        hold_data.report(error, "no profile was written")
        return 1
    finally:
        for kernel in kernels:
            kernel.discard()  # its folder; its process too if the run never took it (an unknown code, the data held)


def _run(args: argparse.Namespace, started: float, kernels: list[kernel_start.Started]) -> int:
    try:
        profiles.check_jobs(args.jobs)
        if args.all:
            codes = profiles.countries_with_data()
            removed = profiles.remove_orphans(codes, args.out)
            todo = codes if args.force else profiles.stale(codes, args.out)
            for path in removed:
                print(f"removed {display_path(path)} (no data for that country any more)")
            if not todo:
                print(f"all {len(codes)} profiles are up to date")
                return 0
        else:
            todo = profiles.check_codes(args.codes)
        written = profiles.run_many(todo, args.jobs, args.out, progress=len(todo) > 1, kernels=kernels)
    except profiles.ProfileError as error:
        print(f"asmhub profile: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    print(f"wrote {wording.count(len(written), 'profile')} to {display_path(args.out)} in {seconds:.1f} s")
    return 0
