"""environment.yml (Binder, conda) written from requirements.in and the pins in requirements.txt."""

from __future__ import annotations

import re
from pathlib import Path

from . import paths

HEADER = """\
# Binder / conda environment. Same pins as requirements.txt: written by `make lock`
# (python -m asmhub_utils.envfile); tests/test_environment.py fails when the two disagree.
name: asmhub
channels:
  - conda-forge
dependencies:
  - python=3.11
  - pip
  - pip:
"""


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements: Path = paths.ROOT / "requirements.txt") -> dict[str, str]:
    """Package -> exact version from a compiled requirements file."""
    found = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)", line):
            found[_key(m.group(1))] = m.group(2)
    return found


def direct(requirements_in: Path = paths.ROOT / "requirements.in") -> list[str]:
    """The project's direct dependencies, by name, in the order requirements.in lists them."""
    names = []
    for line in requirements_in.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            names.append(re.split(r"[<>=!~\[; ]", line)[0])
    return names


def render() -> str:
    versions = pins()
    lines = [f"      - {name}=={versions[_key(name)]}" for name in direct()]
    return HEADER + "\n".join(lines) + "\n      - -e .\n"


if __name__ == "__main__":
    (paths.ROOT / "environment.yml").write_text(render(), encoding="utf-8")
