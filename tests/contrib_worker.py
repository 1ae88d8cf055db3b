"""Run `asmhub contribute FILE` (or `build-data`) against a copy of data/, in its own process, for the
transaction tests: `python tests/contrib_worker.py DATA_DIR FILE|--build-data|--read [--kill-at N] [--steps]`.

With --kill-at N the process kills itself with SIGKILL at the N-th write step (transaction.step), as a power cut
or `kill -9` would; with --steps it prints every step's name (to count them).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from asmhub_utils import paths
from asmhub_utils.commands import build_data, contribute, hold_data
from asmhub_utils.contrib import transaction


def data_paths(copy: Path) -> dict[str, Path]:
    """Every `asmhub_utils.paths` name under data/, pointed at `copy` (a copy of data/); conftest uses it too."""
    return {
        "DATA": copy,
        "RAW": copy / "raw",
        "SEED_DIR": copy / "raw" / "asm-source-sweep",
        "SEED_FIGURES": copy / "raw" / "asm-source-sweep" / "figures.csv",
        "SWEEP2_DIR": copy / "raw" / "asm-source-sweep-2",
        "SWEEP2_FIGURES": copy / "raw" / "asm-source-sweep-2" / "figures.csv",
        "SWEEP3_DIR": copy / "raw" / "asm-source-sweep-3",
        "SWEEP3_FIGURES": copy / "raw" / "asm-source-sweep-3" / "figures.csv",
        "CONTRIB": copy / "contrib",
        "ESTIMATES": copy / "estimates.csv",
        "SOURCES": copy / "sources.csv",
        "DATAPACKAGE": copy / "datapackage.json",
    }


def point_paths_at(copy: Path) -> None:
    for name, value in data_paths(copy).items():
        setattr(paths, name, value)


def main(argv: list[str]) -> int:
    point_paths_at(Path(argv[0]))
    kill_at = int(argv[argv.index("--kill-at") + 1]) if "--kill-at" in argv else None
    count = [0]

    def step(name: str) -> None:
        count[0] += 1
        if "--steps" in argv:
            print(f"step {count[0]}: {name}", flush=True)
        if count[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    transaction.step = step
    if argv[1] == "--build-data":
        return build_data.run(None)
    if argv[1] == "--read":  # what `make book` does first: lock, roll back, check the tables
        return hold_data.run(type("Args", (), {"command": ["true"]}))
    return contribute.run(type("Args", (), {"file": Path(argv[1])}))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
