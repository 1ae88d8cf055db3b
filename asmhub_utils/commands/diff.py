"""`asmhub diff OLD [NEW]`: every figure, headline and stated figure that changed between two states of the data."""

from __future__ import annotations

import argparse
import sys

from asmhub_utils.errors import DataError


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "diff",
        help="what changed between two states of the data (git revisions, data folders, data zips, editions)",
        description="Compare two states of the data by record id. OLD and NEW are each a git revision, a folder of "
        "tidy tables (or a repository root), a data zip, or an edition's version (data/editions/).",
    )
    command.add_argument("old", metavar="OLD")
    command.add_argument(
        "new", metavar="NEW", nargs="?", default=".", help="default: the working tree (data/ and notebooks/)"
    )
    form = command.add_mutually_exclusive_group()
    form.add_argument("--csv", action="store_true", help="one CSV row per change")
    form.add_argument("--markdown", action="store_true", help="a Markdown table")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from asmhub_utils.editions import diff, package, report  # imported when run (cli.py): pandas

    try:
        old, new = package.load(args.old), package.load(args.new)
    except DataError as error:
        for problem in error.problems:
            print(f"diff stopped: {problem}", file=sys.stderr)
        return 1
    changes = diff.compare(old, new)
    if args.csv:
        sys.stdout.write(report.to_csv(changes))
        print(report.summary(changes), file=sys.stderr)
    elif args.markdown:
        sys.stdout.write(report.to_markdown(changes))
    else:
        sys.stdout.write(report.to_terminal(changes))
    return 0
