"""A lighter, sharper search index: section titles that repeat on many pages leave the title index."""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx

REPEATED_TITLE = 10  # a section title shared by more pages than this is boilerplate (profile headings)


def trim_search_index(index: dict) -> dict:
    """Take section titles that repeat on more than REPEATED_TITLE pages out of the title index (their words
    stay in the page's text index), so a search finds the page about a subject, not every page with a
    heading like 'Minerals, mercury, child labour, safety and formalisation'."""
    from sphinx.search.en import SearchEnglish

    language = SearchEnglish({})

    def stems(text: str) -> set[str]:
        return {language.stem(word.lower()) for word in language.split(text) if word}

    repeated = {title for title, places in index["alltitles"].items() if len(places) > REPEATED_TITLE}
    kept: dict[int, set[str]] = {n: stems(title) for n, title in enumerate(index["titles"])}
    for title, places in index["alltitles"].items():
        if title not in repeated:
            for doc, _anchor in places:
                kept.setdefault(doc, set()).update(stems(title))
    for title in repeated:
        for doc, _anchor in index["alltitles"].pop(title):
            for stem in stems(title) - kept.get(doc, set()):
                docs = index["titleterms"].get(stem)
                if docs is None:
                    continue
                docs = [docs] if isinstance(docs, int) else docs
                index["titleterms"][stem] = [d for d in docs if d != doc]
                body = index["terms"].get(stem, [])
                body = [body] if isinstance(body, int) else body
                index["terms"][stem] = sorted(set(body) | {doc})
    index["titleterms"] = {k: v for k, v in index["titleterms"].items() if v != []}
    return index


def trim_search_file(path: Path) -> None:
    """Rewrite Sphinx's `searchindex.js` with trim_search_index applied (left alone if it is not one)."""
    text = path.read_text(encoding="utf-8")
    head, tail = "Search.setIndex(", ")"
    if not text.startswith(head):
        return
    index = trim_search_index(json.loads(text[len(head) :].rstrip().removesuffix(tail)))
    path.write_text(
        head + json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + tail, encoding="utf-8"
    )


def _build_finished(app: Sphinx, exception) -> None:
    index = Path(app.outdir) / "searchindex.js"
    if exception is None and app.builder.format == "html" and index.exists():
        trim_search_file(index)


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _build_finished)
