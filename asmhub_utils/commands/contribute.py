"""`asmhub contribute FILE`: validate a contribution and add it to data/ (all or nothing, one run at a time)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from asmhub_utils.errors import DataError, display_path


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser("contribute", help="validate a contribution and add it to data/contrib "
                                                       "and the tidy tables in one step")
    command.add_argument("file", type=Path, metavar="FILE", help="contribution CSV file")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from asmhub_utils.contrib import contribute  # imported when run (cli.py)

    try:
        outcome = contribute.contribute(args.file)
    except DataError as error:
        print(f"contribute stopped: {len(error.problems)} problem(s); data/ was not changed.", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except contribute.ContributeError as error:
        print(f"contribute stopped: {error}", file=sys.stderr)
        return 1
    if outcome.recovered:
        print(outcome.recovered, file=sys.stderr)
    if outcome.already_there:
        print(f"{display_path(outcome.target)} already holds this file and the tables hold its records; "
              "nothing changed.")
        return 0
    if not outcome.changed or outcome.changed[0] != outcome.target:
        print(f"{display_path(outcome.target)} already held this file, but the tables did not hold its records: "
              "rebuilt them")
    else:
        print(f"added {outcome.records} record(s) as {display_path(outcome.target)}")
    for path in outcome.changed:
        if path != outcome.target:
            print(f"rewrote {display_path(path)}")
    return 0
