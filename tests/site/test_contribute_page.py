"""The "Contribute data" chapter shows the standard, the example file and the validator's report."""

import re

from asmhub_utils.contrib import standard, validate


def test_standard_page_shows_every_column_and_the_report(html_dir):
    page = (html_dir / "notebooks" / "contribute" / "standard.html").read_text(encoding="utf-8")
    for column in standard.COLUMNS:
        assert re.search(rf"<td[^>]*>{column}</td>", page)
    for problem in validate.validate_file(standard.MISTAKES_PATH):
        assert problem.message.replace("'", "&#x27;") in page or problem.message in page
    assert re.search(r'href="\.\./\.\./downloads/contribute-example\.csv"', page)
    assert (html_dir / "downloads" / "contribute-example.csv").read_bytes() == standard.EXAMPLE_PATH.read_bytes()


def test_chapter_links_the_standard_and_states_the_licence(html_dir):
    page = (html_dir / "book" / "contribute" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../notebooks/contribute/standard.html"' in page
    assert "CC BY 4.0" in page and "pull request" in page
