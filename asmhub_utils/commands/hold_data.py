"""`asmhub hold-data CMD ...`: run CMD (the book build) holding the data lock, after rolling back an interrupted
change and checking the tidy tables (transaction.reading), so no contribute changes data/ under a build and a
build never reads a half-applied change or a damaged table."""

from __future__ import annotations

import argparse
import subprocess
import sys

from asmhub_utils.errors import DataError


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "hold-data",
        help="run a command that reads data/ under the data lock (used by `make book`)",
        description="Take the lock `asmhub contribute` takes, roll back an interrupted change, check the tidy "
        "tables against data/datapackage.json, then run the command.",
    )
    command.add_argument("command", nargs=argparse.REMAINDER, help="the command to run, e.g. make _book")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.command:
        print("asmhub hold-data: give the command to run", file=sys.stderr)
        return 2
    from asmhub_utils.contrib import transaction

    try:
        with transaction.reading():
            return subprocess.call(args.command, env=transaction.held_environment())
    except DataError as error:
        report(error, "the book was not built")
        return 1


def report(error: DataError, what: str) -> None:
    """The damaged tables, one sentence each, on stderr."""
    error.report("data/ is not ready to read:", f"; {what} and nothing was deleted.")
