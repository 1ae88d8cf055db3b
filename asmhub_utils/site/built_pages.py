"""The pages of a built book, as paths relative to the site root (e.g. `notebooks/primer.html`)."""

from __future__ import annotations

from pathlib import Path

# Sphinx writes these HTML files but they are templates or redirects, not pages a reader opens.
NOT_PAGES = {"_static", "_sources", "_images", "downloads", "reports", "_downloads"}


def book_pages(html_dir: Path) -> list[str]:
    """Every reader-facing page under `html_dir`: all .html files outside the asset folders, the root redirect
    excluded."""
    found = []
    for page in html_dir.rglob("*.html"):
        relative = page.relative_to(html_dir)
        if NOT_PAGES & set(relative.parts[:-1]):
            continue
        if relative.as_posix() == "index.html" and 'http-equiv="Refresh"' in page.read_text(encoding="utf-8")[:500]:
            continue  # the redirect to book/index.html
        found.append(relative.as_posix())
    return sorted(found)
