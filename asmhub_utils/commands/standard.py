"""`asmhub standard`: write the files generated from the contribution standard (schema and example)."""

from __future__ import annotations

import argparse

from asmhub_utils.errors import display_path


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "standard", help="write data/contrib/schema.json and the example file from asmhub_utils/contrib/standard.py"
    )
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from asmhub_utils.contrib import standard  # imported when run (cli.py)

    for path in standard.write_files():
        print(f"wrote {display_path(path)}")
    return 0
