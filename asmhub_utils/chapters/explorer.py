"""The explorer page: one country's or one world indicator's estimates (chart, table, sources), picked from a menu.

A view is drawn by `show(choice)` through the book's own chart, table and sources functions, so it looks and cites
exactly like every other page. The book calls `show(DEFAULT)` once, outside any widget, so the static page has a
real chart and table; `menu()` (ipywidgets) lets a JupyterLab or Binder reader draw any other view under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from asmhub_utils import escape, paths
from asmhub_utils.chapters import charts, data, display, downloads, profile_page, series, source_lines, tables, text


@dataclass(frozen=True)
class Choice:
    """One entry of the menu: a country (`key` = ISO3) or a world headline indicator (`key` = its name)."""

    kind: str  # "country" or "indicator"
    key: str

    @property
    def label(self) -> str:
        return display.country_name(self.key) if self.kind == "country" else f"World: {self.key}"


DEFAULT = Choice("country", "GHA")  # the view the book shows (the country profile template's default too)


def choices() -> list[Choice]:
    """Every view the menu offers: the world headline indicators, then every country of data/countries.csv
    in reading order (by name)."""
    indicators = [Choice("indicator", name) for name in series.HEADLINES]
    countries = [Choice("country", code) for code in display.by_name(data.countries()["iso3"])]
    return indicators + countries


def figures(choice: Choice) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(what the chart draws, what the table lists) for a view.

    A country: its national headcounts of people in ASM (profile_page.national_counts) in both, or, when it has
    none, every figure it has in the table. An indicator: every world figure behind it (series.HEADLINES)."""
    if choice.kind == "country":
        figs = profile_page.figures(choice.key)
        counts = profile_page.national_counts(figs)
        return counts, (counts if len(counts) else figs)
    if choice.kind == "indicator":
        frame = series.HEADLINES[choice.key]().sort_values("plot_year", na_position="first")
        return frame, frame
    raise ValueError(f"explorer: kind {choice.kind!r} is neither 'country' nor 'indicator'")


def summary(choice: Choice, drawn: pd.DataFrame, listed: pd.DataFrame) -> str:
    """Markdown: what the view shows, counted from the data. Every text from data/ (a country's or an
    indicator's name, a source's publisher) goes through `escape.myst`: this runs in the live view too."""
    label = escape.myst(choice.label)
    if choice.kind == "country":
        if drawn.empty:
            return (
                f"**{label}.** The data holds no national count of people working in ASM here; the "
                f"table lists every figure it has ({display.count(len(listed), 'figure')})."
            )
        return f"**{label}.** {profile_page.miner_summary(drawn)}"
    unit = escape.myst(display.unit_words(_unit(drawn)) or "as printed")
    return f"**{label}** ({unit}): {escape.myst(text.independent(drawn))}, {escape.myst(text.spread(drawn))}."


def _unit(frame: pd.DataFrame) -> str:
    units = frame["unit"].dropna().unique()
    return str(units[0]) if len(units) == 1 else ""


def chartable(choice: Choice, drawn: pd.DataFrame) -> bool:
    """A country's chart needs two dated figures with a number (profile_page.worth_a_chart: else its table says
    it all); an indicator's needs one."""
    if choice.kind == "country":
        return profile_page.worth_a_chart(drawn)
    return len(data.numeric(drawn.dropna(subset=["plot_year"]))) >= 1


def title(choice: Choice) -> str:
    """The chart's title: what it counts and where."""
    if choice.kind == "country":
        return f"People working in ASM in {display.in_sentence(choice.label)}: national counts"
    return f"{choice.key}, worldwide"


def show(choice: Choice, book: bool = True) -> None:
    """Draw one view into the current output: a summary, the chart (house style, check_layout), the table of
    every figure and the sources line. `book=True` writes the sources as library citations and the figures as a
    download (the static page); `book=False` (the live menu) writes plain source links and no file."""
    from IPython.display import HTML, Markdown
    from IPython.display import display as emit

    drawn, listed = figures(choice)
    emit(Markdown(summary(choice, drawn, listed)))
    if chartable(choice, drawn):
        unit = display.unit_words(_unit(drawn)) or "value as printed"
        charts.estimates_over_time(drawn, title(choice), unit)
    elif len(drawn):
        emit(Markdown("Too few dated figures to draw them over time: the table lists them."))
    emit(HTML(tables.estimates_table(listed)))
    line = source_lines.sources_line(listed, library=book)
    if book:
        name = f"explorer-{choice.kind}-{choice.key}".lower()
        name = "".join(c if c.isalnum() or c in "-_" else "-" for c in name)
        line += "\n\n" + downloads.save_csv(tables.figures_for_download(listed), name)
    emit(Markdown(line))


def menu(start: Choice | None = None):
    """An ipywidgets Dropdown of every view and the Output it draws the picked one into (JupyterLab, Binder).
    Returns the widget box; display it as a cell's last expression."""
    import ipywidgets as widgets

    options = [(choice.label, choice) for choice in choices()]
    picker = widgets.Dropdown(
        options=options, value=start, description="Show", layout=widgets.Layout(width="max-content")
    )
    view = widgets.Output()

    def draw(change: dict) -> None:
        view.clear_output(wait=True)
        if change["new"] is not None:
            with view:
                show(change["new"], book=False)

    picker.observe(draw, names="value")
    if start is not None:
        draw({"new": start})
    return widgets.VBox([picker, view])


# Static views for the site: every view written at build time as an HTML fragment into the site's explorer/
# folder (book/site_extra is copied to the site root); the page's menu (book/assets/asmhub-explorer.js) fetches
# the one picked and shows it in place. No kernel, no widget script. The fragments are not pages (their links are
# relative to the explorer page), hence the extension FRAGMENT, which no crawler or page test takes for a page.
FRAGMENT = ".fragment"
VIEWS = paths.BOOK / "site_extra" / "explorer"


def view_name(choice: Choice) -> str:
    """The fragment's file name (without .html): 'country-gha', 'indicator-people-working-in-asm'."""
    name = f"{choice.kind}-{choice.key}".lower()
    return re.sub(r"-+", "-", "".join(c if c.isalnum() else "-" for c in name)).strip("-")


def _markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).render(text)


def view_html(choice: Choice) -> str:
    """One view as the page shows it: summary, chart (when `chartable`), the table of every figure, the sources
    (linked to their originals). Chart marks keep their `charts.LIBRARY_LINK` addresses, which the book's Sphinx
    extension rewrites in the built fragments as it does in pages (sphinx_ext/library_links.py)."""
    drawn, listed = figures(choice)
    parts = [_markdown_html(summary(choice, drawn, listed))]
    if chartable(choice, drawn):
        unit = display.unit_words(_unit(drawn)) or "value as printed"
        with charts.captured() as drawings:
            charts.estimates_over_time(drawn, title(choice), unit)
        parts += drawings
    elif len(drawn):
        parts.append("<p>Too few dated figures to draw them over time: the table lists them.</p>")
    parts.append(tables.estimates_table(listed))
    parts.append(_markdown_html(source_lines.sources_line(listed, library=False)))
    return f'<section class="asm-explorer-view" aria-label="{escape.html(choice.label)}">{"".join(parts)}</section>'


def static_menu(views: list[Choice] | None = None) -> str:
    """Write every view's fragment into VIEWS and return the page's menu: a labelled <select> of every view, the
    place the picked one appears, and the script (which says so when a browser fetches nothing: a copy opened
    from a file)."""
    from asmhub_utils.html_templates import render

    views = choices() if views is None else views
    VIEWS.mkdir(parents=True, exist_ok=True)
    for old in VIEWS.glob(f"*{FRAGMENT}"):
        old.unlink()
    options = []
    for choice in views:
        name = view_name(choice)
        (VIEWS / f"{name}{FRAGMENT}").write_text(view_html(choice), encoding="utf-8")
        options.append({"name": name, "label": choice.label, "selected": choice == DEFAULT})
    return render(
        "explorer_menu.html",
        options=options,
        folder="../../explorer",
        extension=FRAGMENT,
        script=_static_url("asmhub-explorer.js"),
    )


def _static_url(name: str) -> str:
    from asmhub_utils.chapters.places import static_url

    return static_url(name)
