"""Tables on every page: cards on a phone name every value, and no cell is cut off at 390 or 1280 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import sync_playwright

from asmhub_utils.site import first_visit
from asmhub_utils.site.built_pages import book_pages

CARD_TABLES = ("asm-estimates", "asm-standard")  # shown as phone cards by book/assets/asmhub.css
CUT_CELLS = """() => {
  // A cell is cut when it reaches past the box that shows it: the text column, or a box that hides or scrolls
  // its overflow (a table in a scroll box hides its right-hand columns). The country table (DataTables) is
  // the one table meant to scroll sideways, and says so on its page.
  const article = document.querySelector('.bd-article') || document.body;
  const frame = el => { for (let e = el.parentElement; e && e !== article; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX; if (o !== 'visible') return e; } return article; };
  return Array.from(article.querySelectorAll('table td, table th'))
    .filter(c => c.offsetParent !== null && !c.closest('.dataTables_wrapper, .itables, .dt-container'))
    .filter(c => c.getBoundingClientRect().right > frame(c).getBoundingClientRect().right + 1)
    .map(c => c.textContent.trim().slice(0, 40));
}"""


def test_every_cell_of_a_card_table_names_its_column(pages):
    """Without data-label, a phone card is an unlabelled stack of values ('Senegal / 2017 / 34,000 / 51%')."""
    bare = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        card_tables = r'<table class="(?:[^"]* )?(?:{})[ "].*?</table>'.format("|".join(CARD_TABLES))
        for table in re.findall(card_tables, text, re.S):
            bare += [
                f"{page.name}: {cell[:60]}" for cell in re.findall(r"<td(?![^>]*data-label)[^>]*>.*?</td>", table, re.S)
            ]
    assert not bare, "cells without data-label:\n" + "\n".join(bare[:20])


@pytest.mark.parametrize("width", [390, 1280])
def test_no_table_cell_is_cut_off_at_the_right_edge(html_dir, width):
    with first_visit.serve(html_dir) as base, sync_playwright() as playwright:
        browser = first_visit.launch(playwright)
        tab = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 600).new_page()
        cut = []
        for page in book_pages(html_dir):
            tab.goto(base + page, wait_until="load")
            cut += [f"{page}: {cell!r}" for cell in tab.evaluate(CUT_CELLS)]
        browser.close()
    assert not cut, f"table cells past the text column at {width} px:\n" + "\n".join(cut[:20])
