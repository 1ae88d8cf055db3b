"""Files a page links to that its notebook writes: the CSV downloads and the pictures in book/site_extra/.

A notebook writes them while it runs (`downloads.save_csv`); Sphinx copies the folder into
the site. A notebook that is not run again (a cached chapter, an up-to-date profile) would never write a deleted
file again, and its page would link to nothing. So the build treats such a notebook as not run: the chapter
pre-run executes a cached chapter again when a file its cached outputs link to is missing (prerun.uncached), and
`asmhub profile` rewrites a profile whose file is missing (profiles.stale). Reading the links is a regular
expression over the notebook's text (no JSON parse): the check runs on every `make book`.
"""

from __future__ import annotations

import re
from pathlib import Path

from asmhub_utils import paths

SITE_EXTRA = paths.BOOK / "site_extra"
# A page-relative link into the site root's downloads/ or figures/ ('../../downloads/x.csv', './figures/y.png'),
# as save_csv writes them (figures/: pictures, none written since the map became SVG).
LINK = re.compile(r"(?<=\./)((?:downloads|figures)/[A-Za-z0-9_.-]+\.(?:csv|png))")


def linked(text: str) -> set[str]:
    """The site files ('downloads/x.csv') that a notebook's text (its outputs) links to."""
    return set(LINK.findall(text))


def missing(text: str, site_extra: Path = SITE_EXTRA) -> list[str]:
    """The linked files that are not in book/site_extra/."""
    return sorted(name for name in linked(text) if not (site_extra / name).is_file())


def notebook_misses_files(notebook: Path, site_extra: Path = SITE_EXTRA) -> bool:
    return bool(missing(notebook.read_text(encoding="utf-8"), site_extra))
