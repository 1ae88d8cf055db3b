"""`asmhub contribute FILE`: validate a contribution and add it to data/ (all or nothing, one run at a time)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from asmhub_utils import paths, wording
from asmhub_utils.errors import DataError, display_path


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "contribute", help="validate a contribution and add it to data/contrib and the tidy tables in one step"
    )
    command.add_argument("file", type=Path, metavar="FILE", help="contribution CSV file")
    command.add_argument(
        "--dry-run", action="store_true", help="validate and print what merging the file would change; write nothing"
    )
    command.add_argument("--markdown", action="store_true", help="print the review as Markdown (a job summary)")
    command.set_defaults(run=run)


def _print_review(review_, dry_run: bool, as_markdown: bool) -> None:
    from asmhub_utils.contrib import review

    print(review.markdown(review_, dry_run) if as_markdown else "\n".join(review.lines(review_, dry_run)))


def dry_run(args: argparse.Namespace) -> int:
    """`--dry-run`: the review of what merging would change; data/ is only read."""
    from asmhub_utils.contrib import review

    try:
        result = review.preview(args.file)
    except DataError as error:
        error.report("contribute --dry-run:", "; the file would be refused.")
        return 1
    _print_review(result, True, getattr(args, "markdown", False))
    return 0


def run(args: argparse.Namespace) -> int:
    if getattr(args, "dry_run", False):
        return dry_run(args)
    from asmhub_utils.contrib import contribute  # imported when run (cli.py)

    before = _tables_before()
    try:
        outcome = contribute.contribute(args.file)
    except DataError as error:
        error.report("contribute stopped:", "; data/ was not changed.")
        return 1
    except contribute.ContributeError as error:
        print(f"contribute stopped: {error}", file=sys.stderr)
        return 1
    if outcome.recovered:
        print(outcome.recovered, file=sys.stderr)
    if outcome.already_there:
        print(
            f"{display_path(outcome.target)} already holds this file and the tables hold its records; nothing changed."
        )
        return 0
    if not outcome.changed or outcome.changed[0] != outcome.target:
        print(
            f"{display_path(outcome.target)} already held this file, but the tables did not hold its records: "
            "rebuilt them"
        )
    else:
        print(f"added {wording.count(outcome.records, 'record')} as {display_path(outcome.target)}")
    for path in outcome.changed:
        if path != outcome.target:
            print(f"rewrote {display_path(path)}")
    if before is not None:
        from asmhub_utils.contrib import review

        _print_review(review.landed(args.file, before), False, getattr(args, "markdown", False))
    return 0


def _tables_before():
    """The tables as they are before a contribution, for its review once it lands (None when data/ has none)."""
    from asmhub_utils.editions import package

    try:
        before = package.from_folder(paths.DATA, "data/")
    except DataError:
        return None
    # tables that read but lack their columns (a damaged or stale copy) have nothing to compare against
    return before if "record_id" in before.estimates.columns else None
