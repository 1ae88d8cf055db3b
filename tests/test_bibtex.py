"""data/references.bib: one entry per source, escaped for BibTeX, URLs verbatim, committed file current."""

import pandas as pd
import pytest
from pybtex.database import parse_string
from pybtex.richtext import Text

from asmhub_utils.chapters import data
from asmhub_utils.errors import DataError
from asmhub_utils.tidy import bibtex


def source(**changes) -> pd.DataFrame:
    row = {
        "source_id": "test-2020-abc123",
        "title": "A title",
        "publisher": "A publisher",
        "year": 2020,
        "url": "https://example.org/a",
        "reliability": "primary",
        "reliability_reason": "published by x",
        "n_figures": 1,
    }
    row.update(changes)
    return pd.DataFrame([row])


def parsed(frame: pd.DataFrame):
    return parse_string(bibtex.render(frame), "bibtex").entries


def test_committed_bib_equals_a_fresh_render():
    assert bibtex.BIB.read_text(encoding="utf-8") == bibtex.render(data.sources()), (
        "book/references.bib is out of date: run `make data`"
    )


def test_every_source_has_exactly_one_entry_keyed_by_source_id():
    entries = parse_string(bibtex.BIB.read_text(encoding="utf-8"), "bibtex").entries
    assert sorted(entries.keys()) == sorted(data.sources()["source_id"])


def test_every_url_is_kept_verbatim():
    entries = parse_string(bibtex.BIB.read_text(encoding="utf-8"), "bibtex").entries
    for _, row in data.sources().iterrows():
        assert entries[row["source_id"]].fields["url"] == row["url"]


@pytest.mark.parametrize(
    "title",
    [
        "Gold & mercury: 50% of 100_000 #1",
        "Back\\slash and ~tilde",
        "<script>alert(1)</script>",
        "Café à Bamako (répandu)",
    ],
)
def test_special_characters_survive_the_round_trip(title):
    entry = parsed(source(title=title))["test-2020-abc123"]
    assert Text.from_latex(entry.fields["title"].strip("{}")).render_as("text") == title


def test_braces_cannot_break_an_entry():
    entry = parsed(source(title="An {unbalanced title", publisher="X}"))["test-2020-abc123"]
    assert entry.fields["title"] == "{An (unbalanced title}"


def test_publisher_is_one_corporate_author_even_with_and():
    entry = parsed(source(publisher="Earth Genome and Amazon Conservation"))["test-2020-abc123"]
    assert len(entry.persons["author"]) == 1


def test_reliability_note_and_group_keyword():
    entry = parsed(source(reliability="low", reliability_reason="host flagged", publisher="Reuters"))[
        "test-2020-abc123"
    ]
    assert entry.fields["note"].startswith("Low-reliability source: host flagged")
    assert entry.fields["keywords"] == "news, low"


def test_missing_year_is_left_out():
    assert "year" not in parsed(source(year=None))["test-2020-abc123"].fields


def test_a_url_with_a_brace_is_refused_with_row_and_fix():
    with pytest.raises(DataError) as caught:
        bibtex.render(source(url="https://example.org/{x}"))
    problem = caught.value.problems[0]
    assert (problem.row, problem.column) == (2, "url")
    assert "percent-encode" in problem.fix


def test_untitled_sources_say_what_they_are():
    from asmhub_utils.tidy.bibtex import shown_title

    assert shown_title("Le CAPAM (title from URL)", "https://camerlex.com/le-capam-12009") == (
        "page at camerlex.com, no title in the stored copy; its address reads: Le CAPAM"
    )
    assert shown_title("(AllAfrica article on gold sites)", "https://www.allafrica.com/x") == (
        "page at allafrica.com, no title in the stored copy: AllAfrica article on gold sites"
    )
    assert shown_title("Mining (a report)", "https://x.org") == "Mining (a report)"


def test_library_scripts_split_the_filter_data_from_the_bibtex(tmp_path):
    from asmhub_utils.site.sphinx_ext import bib_script as pages

    bib = tmp_path / "r.bib"
    bib.write_text("@misc{a-1,\n  title = {T},\n  keywords = {news, primary}\n}\n")
    estimates = tmp_path / "e.csv"
    estimates.write_text("source_id,iso3\na-1,GHA\na-1,MLI\na-1,GHA\n")
    assert (
        pages.bib_script(bib, estimates) == 'window.ASMHUB_BIB={"a-1":{"g":"news","r":"primary","c":"Ghana, Mali"}};\n'
    )
    assert pages.bibtex_script(bib).startswith('window.ASMHUB_BIBTEX={"a-1":"@misc{a-1,')


def test_library_entries_are_list_items_with_their_line_written_in():
    from asmhub_utils.site.sphinx_ext import library_page as pages

    body = (
        '<div role="list" class="citation-list"><div class="citation" id="src-2-a-1" role="doc-biblioentry">'
        '<span class="label"><span class="fn-bracket">[</span>A<span class="fn-bracket">]</span></span>'
        "<p>Text.</p>\n</div></div>"
    )
    out = pages.library_markup(body, {"a-1": "Ghana, <Mali>"})
    assert '<span class="label">[A]</span>' in out
    assert 'role="doc-biblioentry"' not in out and 'id="src-2-a-1" role="listitem"' in out
    assert (
        '<p>Text.</p>\n<div class="asm-entry-actions"><span class="asm-entry-countries">Ghana, &lt;Mali&gt;</span>'
        in out
    ) and out.endswith("Copy BibTeX</button></div></div></div>")
