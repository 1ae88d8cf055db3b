"""The theme slimming: stylesheet purge, icon glyph collection, and script removal."""

from pathlib import Path

import pytest

from asmhub_utils.site.sphinx_ext import css_purge, slim_theme


def test_rules_for_absent_classes_are_dropped_and_present_ones_kept():
    css = ".used{color:red}.absent{color:blue}.used .absent{x:y}.used,.absent{z:w}p{margin:0}"
    out = css_purge.purge(css, {"used"})
    assert ".used{color:red}" in out and "p{margin:0}" in out
    assert ".absent{" not in out and ".used .absent" not in out
    assert ".used{z:w}" in out  # only the selector that can match stays in a list


def test_classes_inside_not_are_not_required():
    out = css_purge.purge(".btn:not(.disabled){a:b}.btn:is(.x,.y){c:d}", {"btn"})
    assert ".btn:not(.disabled){a:b}" in out and ".btn:is(.x,.y){c:d}" in out


def test_media_blocks_are_purged_inside_and_dropped_when_empty():
    css = "@media (min-width:960px){.used{a:b}.absent{c:d}}@media print{.absent{e:f}}"
    out = css_purge.purge(css, {"used"})
    assert "@media (min-width:960px){.used{a:b}}" in out
    assert "print" not in out


def test_charset_licence_comments_font_faces_and_keyframes_stay():
    css = (
        '@charset "UTF-8";/*! Library v1 MIT */@font-face{font-family:X;src:url(x.woff)}'
        "@keyframes spin{from{a:b}to{c:d}}/* dropped */.absent{a:b}"
    )
    out = css_purge.purge(css, set())
    assert out.startswith('@charset "UTF-8";\n/*! Library v1 MIT */')
    assert "@font-face{font-family:X;src:url(x.woff)}" in out and "@keyframes spin" in out
    assert "dropped" not in out and ".absent" not in out


def test_words_come_from_html_and_scripts():
    assert {"bd-sidebar", "show", "fa-xmark"} <= css_purge.words(
        ['<div class="bd-sidebar">', 'e.add("show","fa-xmark")']
    )


def test_icon_codepoints_read_escaped_and_literal_glyphs():
    css = '.fa-bars:before{content:"\\f0c9"}.fa-x:before{content:"\uf00d"}.q:before{content:"\\201C"}'
    assert slim_theme.icon_codepoints(css) == {0xF0C9, 0xF00D}


PAGE = (
    '<head><script defer src="../_static/scripts/fontawesome.js?digest=1"></script>\n'
    '    <script src="../_static/searchtools.js"></script>\n    <script src="../_static/language_data.js"></script>\n'
    '    <script src="../searchindex.js"></script>\n<script src="../_static/doctools.js"></script></head>'
)


def test_pages_lose_fontawesome_and_search_scripts_but_the_search_page_keeps_search():
    slim = slim_theme.slim_page(PAGE, search_page=False)
    assert "fontawesome" not in slim and "search" not in slim and "doctools.js" in slim
    search = slim_theme.slim_page(PAGE, search_page=True)
    assert "fontawesome" not in search and "searchindex.js" in search and "searchtools.js" in search


def test_navigation_expand_buttons_get_an_accessible_name():
    nav = '<details><summary><span class="toctree-toggle" role="presentation"><i class="fa-solid fa-chevron-down"></i>'
    assert '<summary aria-label="Show or hide the pages of this part">' in slim_theme.slim_page(nav, search_page=False)


def test_purge_is_remembered_by_its_inputs(tmp_path, monkeypatch):
    from asmhub_utils.site.sphinx_ext import css_purge as purge_module
    from asmhub_utils.site.sphinx_ext import slim_theme

    css = ".used { color: red } .unused { color: blue }"
    first = slim_theme._memoised_purge(css, {"used"}, tmp_path)
    assert ".unused" not in first and ".used" in first

    def fail(*args):
        raise AssertionError("purged again although the inputs did not change")

    monkeypatch.setattr(purge_module, "purge", fail)
    assert slim_theme._memoised_purge(css, {"used"}, tmp_path) == first
    with pytest.raises(AssertionError):
        slim_theme._memoised_purge(css, {"used", "unused"}, tmp_path)


def test_external_scripts_are_deferred_except_on_the_search_page():
    head = (
        '<script src="a.js?v=1"></script><script defer="defer" src="b.js"></script>'
        '<script data-x="y" src="c.js"></script><script>let inline = 1;</script><script async src="d.js"></script>'
    )
    slim = slim_theme.slim_page(head, search_page=False)
    assert slim == (
        '<script defer src="a.js?v=1"></script><script defer="defer" src="b.js"></script>'
        '<script defer data-x="y" src="c.js"></script><script>let inline = 1;</script>'
        '<script async src="d.js"></script>'
    )
    assert slim_theme.slim_page(head, search_page=True) == head


OPTIONAL = {"sphinx-design", "design-tabs", "togglebutton", "clipboard", "copybutton", "pygments"}


def test_design_toggle_and_code_assets_only_where_the_page_uses_them():
    assert set(slim_theme.unused_assets("<p>text</p>")) == OPTIONAL
    used = (
        '<div class="sd-card">x</div><div class="toggle docutils container">'
        '<div class="highlight-python notranslate"><div class="highlight"><pre>x</pre></div></div>'
    )
    assert slim_theme.unused_assets(used) == ()
    assert set(slim_theme.unused_assets('<div class="admonition dropdown">')) == OPTIONAL - {"togglebutton"}


def test_words_of_the_text_or_a_link_do_not_load_an_asset():
    """'iisd-' in a link once loaded sphinx-design's 55 KB on every page citing IISD."""
    body = (
        '<a href="library.html#src-2-igf-iisd-prepared-2017" id="sd-note">a toggle, a dropdown, highlight</a>'
        '<span class="highlighted">search term</span>'
    )
    assert set(slim_theme.unused_assets(body)) == OPTIONAL


def test_pages_lose_bootstrap_whose_two_uses_asmhub_js_provides():
    head = (
        '<link rel="preload" as="script" href="../_static/scripts/bootstrap.js?digest=55c2" />\n'
        '<link rel="preload" as="script" href="../_static/scripts/pydata-sphinx-theme.js?digest=55c2" />\n'
        '<script defer src="../_static/scripts/bootstrap.js?digest=55c2"></script>\n'
        '<script defer src="../_static/scripts/pydata-sphinx-theme.js?digest=55c2"></script>'
    )
    for search_page in (False, True):
        slim = slim_theme.slim_page(head, search_page=search_page)
        assert "bootstrap" not in slim and slim.count("pydata-sphinx-theme.js") == 2
    script = (Path(__file__).parents[1] / "book" / "assets" / "asmhub.js").read_text(encoding="utf-8")
    assert '[data-bs-toggle="dropdown"]' in script and "pst-back-to-top" in script


def test_unread_custom_properties_and_unnamed_keyframes_are_dropped():
    css = (
        '@charset "UTF-8";/*! Theme v1 MIT */:root{--a:url("data:image/svg+xml;utf8,x");--b:1px;--c:var(--b);'
        "--unread:red}.x{color:var(--c)}.only-vars{--unread-too:1}@media (min-width:1px){:root{--unread:2}}"
        "@keyframes fa-spin{to{a:b}}@keyframes pulse{to{c:d}}.y{animation:pulse 1s}"
    )
    out = css_purge.drop_unread(css, css_purge.referenced_variables([css]), css_purge.animation_names([css]))
    assert out.startswith('@charset "UTF-8";\n/*! Theme v1 MIT */')
    assert ":root{--b:1px;--c:var(--b)}" in out and ".x{color:var(--c)}" in out
    assert "--unread" not in out and "--a:" not in out and ".only-vars" not in out and "@media" not in out
    assert "@keyframes pulse" in out and "fa-spin" not in out
    # a property a page sets or a script reads stays
    kept = css_purge.referenced_variables([css], ['<div style="--unread:blue">'])
    assert "--unread:red" in css_purge.drop_unread(css, kept, set())


def test_primary_sidebar_is_a_landmark():
    page = '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar"><a class="navbar-brand">x</a>'
    assert 'role="complementary" aria-label="The book\'s parts"' in slim_theme.slim_page(page, search_page=False)
