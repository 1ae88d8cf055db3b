"""environment.yml (Binder, conda) written from pyproject.toml (the runtime and the `explore` extra: what a
reader needs, not the test tools) and the pins in requirements.txt."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from asmhub_utils import paths

HEADER = """\
# Binder / conda environment. Same pins as requirements.txt: written by `make lock`
# (python -m asmhub_utils.site.envfile); tests/test_environment.py fails when the two disagree.
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


def direct(pyproject: Path = paths.ROOT / "pyproject.toml", extras: tuple[str, ...] = ("explore",)) -> list[str]:
    """A reader's direct dependencies, by name: pyproject.toml's runtime list, then the given extras."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in extras:
        specs += project["optional-dependencies"][extra]
    return [re.split(r"[<>=!~\[; ]", spec)[0] for spec in specs]


def render() -> str:
    versions = pins()
    lines = [f"      - {name}=={versions[_key(name)]}" for name in direct()]
    return HEADER + "\n".join(lines) + "\n      - -e .\n"


if __name__ == "__main__":
    (paths.ROOT / "environment.yml").write_text(render(), encoding="utf-8")
