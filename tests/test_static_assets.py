"""The book's own assets reach the built site even when no page changed (Sphinx skips its static copy then)."""

from asmhub_utils.site.sphinx_ext.static_sync import sync_static_assets


def test_an_edited_stylesheet_is_copied_and_an_unchanged_one_left(tmp_path):
    assets, out = tmp_path / "assets", tmp_path / "html"
    (assets / "vendor").mkdir(parents=True)
    (out / "_static").mkdir(parents=True)
    (assets / "asmhub.css").write_text("span.pasted-text { font-weight: inherit; }")
    (assets / "vendor" / "lib.js").write_text("x")
    (out / "_static" / "asmhub.css").write_text("/* an old build */")
    (out / "_static" / "vendor").mkdir()
    (out / "_static" / "vendor" / "lib.js").write_text("x")
    assert sync_static_assets([assets], out) == ["asmhub.css"]
    assert (out / "_static" / "asmhub.css").read_text() == "span.pasted-text { font-weight: inherit; }"
    assert sync_static_assets([assets], out) == []
