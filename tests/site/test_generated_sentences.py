"""Every generated sentence of the built book parses: written to _build/sentences.txt (read it), and none has a
doubled year, a nested citation or a citation inside a figure (asmhub_utils/site/sentences.py)."""

from bs4 import BeautifulSoup

from asmhub_utils import paths
from asmhub_utils.site.sentences import book_sentences, problems


def test_generated_sentences_parse(html_dir):
    found = book_sentences(html_dir)
    assert len(found) > 100, "the built book's notebook pages hold almost no generated text"
    unique = list(dict.fromkeys(found))
    (paths.ROOT / "_build" / "sentences.txt").write_text(
        "".join(f"{page}\t{sentence}\n" for page, sentence in unique), encoding="utf-8"
    )
    bad = [f"{page}: {', '.join(problems(s))}: {s}" for page, s in unique if problems(s)]
    assert not bad, f"{len(bad)} sentences do not parse (all in _build/sentences.txt):\n" + "\n".join(bad[:30])


def test_the_six_minerals_sentence_reads_as_a_sentence(html_dir):
    """'Minerals of the six ... with no world estimate: none of the six.' did not parse: the page says which of the
    six have no world estimate, or that each has one, in a sentence of its own."""
    page = (html_dir / "notebooks/dashboard/supply_share.html").read_text(encoding="utf-8")
    text = " ".join(BeautifulSoup(page, "html.parser").get_text(" ").split())
    assert "none of the six" not in text
    assert "Each of the six minerals the dashboard follows" in text or "Of the six minerals the dashboard" in text
