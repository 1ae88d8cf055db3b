"""`asmhub edition VERSION`: publish an edition (`make edition VERSION=2026.3`), or keep a past revision's data."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from asmhub_utils.errors import DataError, display_path


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "edition",
        help="record an edition: version and date in book/metadata.yml, its data package kept in "
        "data/editions/, its changes and its changelog entry",
    )
    command.add_argument("version", metavar="VERSION", help='the edition, like "2026.3" (year.number)')
    command.add_argument("--date", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (default: today, UTC)")
    command.add_argument(
        "--from-git",
        metavar="REVISION",
        default=None,
        help="keep the data of a past revision as this edition (writes nothing else)",
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from asmhub_utils.editions import registry, report  # imported when run (cli.py): pandas

    date = args.date or dt.datetime.now(dt.UTC).date()
    try:
        if args.from_git:
            target = registry.keep_from_git(args.from_git, args.version, date)
            print(f"kept the data of {args.from_git} as edition {args.version} in {display_path(target)}")
            return 0
        target, changed = registry.record(args.version, date)
    except DataError as error:
        for problem in error.problems:
            print(f"edition stopped: {problem}", file=sys.stderr)
        return 1
    print(
        f"edition {args.version} ({date.isoformat()}): data package kept in {display_path(target)}; "
        f"book/metadata.yml and book/changelog.md updated"
    )
    if changed is not None:
        print(report.summary(changed))
    return 0
