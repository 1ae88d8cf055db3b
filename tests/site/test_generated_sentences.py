"""Every generated sentence of the built book parses: written to _build/sentences.txt (read it), and none has a
doubled year, a nested citation or a citation inside a figure (asmhub_utils/site/sentences.py)."""

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
