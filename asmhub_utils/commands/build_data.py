"""`asmhub build-data`: rebuild data/estimates.csv, data/sources.csv and data/datapackage.json from data/raw/,
and data/references.bib (the library's bibliography) from data/raw and data/contrib."""

from __future__ import annotations

import argparse
import sys

from asmhub_utils.errors import DataError, display_path


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser("build-data", help="rebuild the tidy tables from data/raw and data/contrib")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from asmhub_utils.contrib import contribute  # imported when run (cli.py)

    try:
        written, recovered = contribute.rebuild_tables()  # locked, journalled; rolls back an interrupted run
    except DataError as error:
        error.report("build-data stopped:", "; nothing was written.")
        return 1
    except contribute.ContributeError as error:
        print(f"build-data stopped: {error}", file=sys.stderr)
        return 1
    if recovered:
        print(recovered, file=sys.stderr)
    for path in written.values():
        print(f"wrote {display_path(path)}")
    return 0
