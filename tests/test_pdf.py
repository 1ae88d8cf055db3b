"""`make pdf` helpers: find the single page that holds the book, count the pages of the printed PDF."""

import pytest

from asmhub_utils.site import pdf


def test_single_page_follows_the_root_redirect(tmp_path):
    (tmp_path / "index.html").write_text('<meta http-equiv="Refresh" content="0; url=book/index.html" />')
    assert pdf.single_page(tmp_path) == tmp_path / "book" / "index.html"
    (tmp_path / "index.html").write_text("<html><body>the book</body></html>")
    assert pdf.single_page(tmp_path) == tmp_path / "index.html"


def test_a_missing_build_says_how_to_make_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="make pdf"):
        pdf.single_page(tmp_path)


def test_page_count_counts_page_objects_not_the_page_tree(tmp_path):
    sample = tmp_path / "x.pdf"
    sample.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] >>\n"
        b"2 0 obj << /Type /Page >>\n3 0 obj <</Type/Page/Parent 1 0 R>>\n"
    )
    assert pdf.page_count(sample) == 2
