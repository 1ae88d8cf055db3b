"""Each page's meta description comes from its own first paragraphs (asmhub_utils/site/sphinx_ext/meta_description)."""

from docutils.core import publish_doctree

from asmhub_utils.site.sphinx_ext.meta_description import LENGTH, description


def test_first_paragraphs_cut_at_a_word():
    tree = publish_doctree("Title\n=====\n\n.. note:: not this\n\nShort.\n\n" + "Mercury is used to " * 20 + "\n")
    text = description(tree)
    assert text.startswith("Mercury is used to Mercury") and text.endswith("\u2026") and len(text) <= LENGTH
    assert "not this" not in text and "Short." not in text  # notes and scraps are not the page's opening


def test_short_page_is_described_whole_and_an_empty_one_by_its_title():
    assert description(publish_doctree("A page about gold mining in Ghana.\n")) == "A page about gold mining in Ghana."
    assert description(publish_doctree(""), "Library") == "Library"


def test_the_title_goes_first_so_template_pages_differ():
    tree = publish_doctree("Every figure this book holds for this country, with its source.\n")
    assert description(tree, "Ghana") == "Ghana: Every figure this book holds for this country, with its source."
    assert description(tree, "Every figure") == "Every figure this book holds for this country, with its source."
