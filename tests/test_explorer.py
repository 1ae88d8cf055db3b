"""The explorer page (notebooks/dashboard/explorer.ipynb): every country and world headline indicator is a view;
a view is a chart in the house style, the table of every figure and the sources; the menu draws the picked view."""

import matplotlib

matplotlib.use("agg")

import pytest  # noqa: E402
from IPython.core.interactiveshell import InteractiveShell  # noqa: E402
from IPython.utils.capture import capture_output  # noqa: E402

from asmhub_utils.chapters import data, explorer, profile_page, series  # noqa: E402


@pytest.fixture(scope="module")
def shell():
    """An IPython shell, so views display (and charts publish) as in a notebook."""
    return InteractiveShell.instance()


def country_where(test) -> str:
    for choice in explorer.choices():
        if choice.kind == "country" and test(profile_page.national_counts(profile_page.figures(choice.key))):
            return choice.key
    raise AssertionError("no country in today's data fits this case: the test needs one (or a fixture)")


def test_every_country_and_world_indicator_is_a_view_once():
    views = explorer.choices()
    assert len(set(views)) == len(views)
    assert {v.key for v in views if v.kind == "country"} == set(data.countries()["iso3"])
    assert [v.key for v in views if v.kind == "indicator"] == list(series.HEADLINES)
    names = [v.label for v in views if v.kind == "country"]
    assert "Ghana" in names and not any(len(name) == 3 and name.isupper() for name in names)
    assert explorer.DEFAULT in views


def test_a_country_view_charts_national_counts_and_lists_all_figures_without_any():
    with_counts = country_where(profile_page.worth_a_chart)
    drawn, listed = explorer.figures(explorer.Choice("country", with_counts))
    assert len(drawn) and (drawn["coverage"] == "national").all() and listed is drawn
    without = country_where(lambda counts: counts.empty)
    drawn, listed = explorer.figures(explorer.Choice("country", without))
    assert drawn.empty and len(listed) == len(profile_page.figures(without))
    assert "no national count" in explorer.summary(explorer.Choice("country", without), drawn, listed)


def test_an_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="neither"):
        explorer.figures(explorer.Choice("mineral", "gold"))


@pytest.mark.parametrize("book", [True, False], ids=["book", "live"])
def test_a_view_draws_its_chart_table_and_sources(shell, book, tmp_path, monkeypatch):
    monkeypatch.setattr("asmhub_utils.chapters.downloads.DOWNLOADS", tmp_path)
    choice = explorer.Choice("country", country_where(profile_page.worth_a_chart))
    with capture_output() as shown:
        explorer.show(choice, book=book)
    html = "".join(o.data.get("text/html", "") for o in shown.outputs)
    markdown = "".join(o.data.get("text/markdown", "") for o in shown.outputs)
    assert "<svg" in html and 'class="asm-chart"' in html  # charts.publish: the layout gate passed
    assert 'class="asm-estimates"' in html
    assert "**Sources:**" in markdown
    assert ("{cite:t}" in markdown) is book  # library citations in the book, plain text in JupyterLab
    assert (".csv" in markdown) is book and len(list(tmp_path.glob("*.csv"))) == int(book)


def test_an_indicator_view_draws_every_world_figure(shell, tmp_path, monkeypatch):
    monkeypatch.setattr("asmhub_utils.chapters.downloads.DOWNLOADS", tmp_path)
    name = next(iter(series.HEADLINES))
    with capture_output() as shown:
        explorer.show(explorer.Choice("indicator", name), book=False)
    html = "".join(o.data.get("text/html", "") for o in shown.outputs)
    assert html.count("<tr id=") >= series.HEADLINES[name]()["echo_group"].nunique()


def test_the_menu_offers_every_view_and_draws_the_picked_one(monkeypatch):
    drawn = []
    monkeypatch.setattr(explorer, "show", lambda choice, book=True: drawn.append((choice, book)))
    box = explorer.menu()
    picker = box.children[0]
    assert [value for _, value in picker.options] == explorer.choices() and picker.value is None
    picker.value = explorer.DEFAULT
    assert drawn == [(explorer.DEFAULT, False)]


def test_the_live_summary_escapes_contributed_text(monkeypatch):
    """An indicator's summary quotes sources' publishers: they reach the live view's Markdown escaped."""
    hostile = "<img src=x onerror=alert(1)> {{ x }} $\\foo$ [a](javascript:alert(1))"
    choice = explorer.Choice("indicator", next(iter(series.HEADLINES)))
    drawn, listed = explorer.figures(choice)
    drawn = drawn.assign(source_publisher=hostile)
    shown = explorer.summary(choice, drawn, listed)
    assert "<img" not in shown and "&lt;img" in shown
    assert "{{" not in shown and "\\$" in shown and "\\[a\\]" in shown


def test_static_views_are_written_and_offered_in_a_menu(tmp_path, monkeypatch):
    """The site's explorer: each view a fragment file with its chart, table and sources; the menu offers each."""
    monkeypatch.setattr(explorer, "VIEWS", tmp_path)
    views = [explorer.DEFAULT, explorer.Choice("country", "COD"), explorer.choices()[0]]
    menu = explorer.static_menu(views)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == sorted(explorer.view_name(v) + explorer.FRAGMENT for v in views)
    for view in views:
        assert f'<option value="{explorer.view_name(view)}"' in menu
        fragment = (tmp_path / f"{explorer.view_name(view)}{explorer.FRAGMENT}").read_text()
        assert "<svg" in fragment and 'class="asm-estimates"' in fragment and "Sources:" in fragment
        assert 'href="asmhub-library:' in fragment  # rewritten by the Sphinx extension in the built copy
    assert menu.count(" selected") == 1 and "asmhub-explorer.js" in menu
    assert (
        explorer.view_name(explorer.Choice("indicator", "People working in ASM")) == "indicator-people-working-in-asm"
    )


def test_built_fragments_link_into_the_library(tmp_path):
    from asmhub_utils.chapters import data
    from asmhub_utils.site.sphinx_ext import library_links as pages

    source = data.sources()["source_id"].iloc[0]
    (tmp_path / "v.fragment").write_text(f'<a href="asmhub-library:#src-{source}">x</a>')
    assert pages.link_fragments(tmp_path) == 1
    assert (tmp_path / "v.fragment").read_text().startswith('<a href="../../book/library.html')
