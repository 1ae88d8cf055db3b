"""The `asmhub` command. Each subcommand lives in its own module and registers itself here."""

from __future__ import annotations

import argparse
import importlib
import sys

# Modules that define `register(subparsers)`; each adds one subcommand. They import their work (pandas, the tidy
# build, papermill) only when their command runs: building the parser for `asmhub profile` imported the whole
# contribution path, about 2 s of every `asmhub profile` (tests/test_cli_imports.py).
COMMAND_MODULES = (
    "asmhub_utils.commands.build_data",
    "asmhub_utils.commands.standard",
    "asmhub_utils.commands.validate",
    "asmhub_utils.commands.contribute",
    "asmhub_utils.commands.profile",
    "asmhub_utils.commands.diff",
    "asmhub_utils.commands.edition",
    "asmhub_utils.commands.hold_data",
    "asmhub_utils.commands.audit",
)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="asmhub", description="ASM Hub data and book tools.")
    subparsers = top.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:  # Ctrl-C: each command has already undone or cleaned up what it started
        print(f"\nasmhub {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
