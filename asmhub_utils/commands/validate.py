"""`asmhub validate FILE...`: check contribution files against the standard and list every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from asmhub_utils.errors import display_path


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser("validate", help="check contribution CSV files against the data standard")
    command.add_argument("files", nargs="+", type=Path, metavar="FILE", help="contribution CSV file(s)")
    command.set_defaults(run=run)


def report(results: dict[Path, list]) -> tuple[str, int]:
    """The validator's report as text, and the number of problems found."""
    from asmhub_utils.chapters import display

    lines, total = [], 0
    for path, problems in results.items():
        total += len(problems)
        if problems:
            lines.append(f"{display_path(path)}: {display.count(len(problems), 'problem')}")
            lines += [f"  {problem}" for problem in problems]
        else:
            lines.append(f"{display_path(path)}: meets the standard")
    return "\n".join(lines), total


def run(args: argparse.Namespace) -> int:
    from asmhub_utils.contrib import validate  # imported when run (cli.py)

    text, total = report(validate.validate_files(args.files))
    print(text, file=sys.stderr if total else sys.stdout)
    return 1 if total else 0
