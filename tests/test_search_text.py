"""The text the search page shows around a match (asmhub_utils/site/sphinx_ext/search_text.py): each section's own
text, words kept apart where tags separate them, chart drawings, scripts and permalink signs left out."""

import json

from asmhub_utils.site.sphinx_ext import search_text

BODY = """
<section id="mercury-use">
  <h1>Mercury use<a class="headerlink" href="#mercury-use" title="Link to this heading">#</a></h1>
  <p>Gold<em>en</em> ore is amalgamated with <strong>mercury</strong>.</p>
  <script>var secret = "not text";</script>
  <figure><svg viewBox="0 0 10 10"><text>0 10 20</text><svg><text>inner</text></svg></svg>
    <p class="asm-note">Tap a mark</p></figure>
  <table><tr><td>undated</td><td>10-16 million <a class="asm-permalink" href="#r1">#</a></td></tr></table>
  <section id="by-country">
    <h2>By country</h2><p>Ghana &amp; Peru<br>Mali</p><button>Copy</button>
  </section>
  <p>After the subsection.</p>
</section>
"""


def test_each_section_keeps_its_own_text_and_words_apart():
    blocks = dict(search_text.section_text(BODY))
    assert blocks["mercury-use"] == (
        "Mercury use Golden ore is amalgamated with mercury. Tap a mark undated 10-16 million After the subsection."
    )
    assert blocks["by-country"] == "By country Ghana & Peru Mali"


def test_scripts_drawings_buttons_and_permalinks_are_left_out():
    text = " ".join(text for _, text in search_text.section_text(BODY))
    for left_out in ("secret", "0 10 20", "inner", "Copy", "#"):
        assert left_out not in text


def test_text_before_the_first_section_and_empty_sections():
    blocks = search_text.section_text('<p>Intro</p><section id="empty"><img src="x.png"></section>')
    assert blocks == [["", "Intro"]]


def test_written_where_the_search_page_fetches_it(tmp_path):
    target = search_text.write(tmp_path, "notebooks/places/profiles/COD", '<section id="a"><p>Cobalt</p></section>')
    assert target == tmp_path / "_searchtext" / "notebooks" / "places" / "profiles" / "COD.json"
    assert json.loads(target.read_text(encoding="utf-8")) == [["a", "Cobalt"]]
