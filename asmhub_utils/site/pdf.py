"""PDF of the whole book: the single-page HTML build printed by Debian's chromium, offline (`make pdf`).

Jupyter Book's singlehtml build writes the one page under the root document's folder (`book/index.html`) with links
relative to the site root, so the page is copied to the root before printing; otherwise its stylesheets and chart
images would not resolve.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from asmhub_utils import paths
from asmhub_utils.site import first_visit
from asmhub_utils.site.metadata import load

SINGLEHTML = paths.BUILD / "singlehtml"
PDF_DIR = paths.BUILD / "pdf"
_REDIRECT = re.compile(r'http-equiv="Refresh" content="0; url=([^"]+)"')


def single_page(site: Path = SINGLEHTML) -> Path:
    """The page that holds the whole book (the target of the root redirect, or index.html itself)."""
    index = site / "index.html"
    if not index.exists():
        raise FileNotFoundError(f"{index} not found: build the single-page book first (`make pdf` does)")
    target = _REDIRECT.search(index.read_text(encoding="utf-8")[:500])
    return site / target.group(1) if target else index


def page_count(pdf: Path) -> int:
    """Pages in a PDF as chromium writes it (page objects are not packed into object streams)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def print_pdf(site: Path = SINGLEHTML, out: Path | None = None) -> Path:
    out = out or PDF_DIR / f"asmhub-{load().version}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    printable = site / "asmhub-print.html"
    shutil.copyfile(single_page(site), printable)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                first_visit.CHROMIUM,
                "--headless",
                *first_visit.LAUNCH_ARGS,
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                "--virtual-time-budget=10000",
                f"--print-to-pdf={out}",
                printable.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return out


if __name__ == "__main__":
    pdf = print_pdf()
    print(f"{pdf.relative_to(paths.ROOT)}: {page_count(pdf)} pages, {pdf.stat().st_size / 1024:.0f} KB")
    sys.exit(0)
