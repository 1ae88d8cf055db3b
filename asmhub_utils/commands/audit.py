"""`asmhub audit`: every warning sign the data carries, with record, country and reason; exit 1 while a headline's
sign has no reviewed decision in data/curation.csv (rules in asmhub_utils/tidy/signs.py and audit.py)."""

from __future__ import annotations

import argparse
import sys
from collections import Counter


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser("audit", help="list every warning sign in the data; fail on an unreviewed headline")
    command.add_argument("--headlines", action="store_true", help="list only the signs on countries' headlines")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from asmhub_utils.chapters import data
    from asmhub_utils.tidy import audit

    found = audit.findings(data.estimates())
    shown = [f for f in found if f.headline] if args.headlines else found
    print(audit.table(shown))
    counts = Counter(f.sign for f in found)
    heads = [f for f in found if f.headline]
    unreviewed = [f for f in heads if f.unreviewed]
    print(f"\n{len(found)} warning signs: " + ", ".join(f"{sign} {n}" for sign, n in counts.most_common()))
    print(
        f"{len(heads)} on headlines ({len({f.iso3 for f in heads})} countries), "
        f"{len(heads) - len(unreviewed)} with a reviewed decision, {len(unreviewed)} unreviewed."
    )
    if unreviewed:
        print(
            "Unreviewed headline signs (add a headline_decision row to data/curation.csv, with its reason):",
            file=sys.stderr,
        )
        for f in unreviewed:
            print(f"  {f.iso3} {f.record_id}: {f.sign}: {f.reason}", file=sys.stderr)
        return 1
    return 0
