"""One figure, one reading everywhere: what each built page shows of each record (a helper of the site tests;
BeautifulSoup comes with the book's theme).

Pages mark every figure with its record id: a table row or a statement (`id="<record_id>"`, the permalink anchor)
or a summary line (`data-record="<record_id>"`). Inside it, the value is the `asm-reading` span (or the
`Statement`), the year the `Year` cell or span, the source the `Source` cell's link or span (tables.py,
profile_page.py). `views` reads them from a page; `disagreements` lists the records that read differently on two
pages or in two places of one page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

_SCALE = {"million": 1e6, "billion": 1e9}
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s*(million|billion))?")


@dataclass(frozen=True)
class View:
    record_id: str
    page: str
    value: str  # the reading as shown
    year: str
    source: str

    @property
    def number(self) -> float | None:
        """The first number of the reading ('2 million people' and '2,000,000 (range ...)' are both 2000000)."""
        found = _NUMBER.search(self.value)
        if not found:
            return None
        return float(found[1].replace(",", "")) * _SCALE.get(found[2] or "", 1)

    def key(self) -> tuple:
        return (self.number if self.number is not None else self.value, self.year, self.source)


def _text(node) -> str:
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def _source(node) -> str:
    if node is None:
        return ""
    link = node.find("a")
    return _text(link) if link is not None else re.sub(r"\s*\(\d{4}|n\.d\.\)$", "", _text(node)).strip()


def views(html: str, page: str) -> list[View]:
    """Every record a page shows, with its value, year and source as a reader sees them."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for node in soup.select("tr[id], li[id], li[data-record]"):
        record_id = node.get("data-record") or node.get("id")
        reading = (
            node.select_one(".asm-reading")
            or node.select_one('[data-label="Statement"]')
            or node.select_one('[data-label="Estimate"]')
        )
        year = node.select_one('[data-label="Year"]')
        if reading is None or year is None:
            continue  # not a figure (a heading, a list item of prose)
        found.append(
            View(record_id, page, _text(reading), _text(year), _source(node.select_one('[data-label="Source"]')))
        )
    return found


def disagreements(all_views: list[View]) -> dict[str, list[View]]:
    """record_id -> its views, for each record shown with a different value, year or source somewhere."""
    by_record: dict[str, list[View]] = {}
    for view in all_views:
        by_record.setdefault(view.record_id, []).append(view)
    return {rid: shown for rid, shown in by_record.items() if len({v.key() for v in shown}) > 1}


def site_views(html_dir: Path, pages: list[str]) -> list[View]:
    """The views of every page of a built book."""
    return [v for page in pages for v in views((html_dir / page).read_text(encoding="utf-8"), page)]
