"""The text and tables of one country profile page, written from the data so the template stays a few lines."""

from __future__ import annotations

import html

import pandas as pd

from asmhub_utils import escape
from asmhub_utils.chapters import amazon, data, display, edition_marks, places, tables
from asmhub_utils.tidy import countries, country_grade

TOPICS = (  # (dataset in estimates.csv, heading on the page)
    ("supply_share", "Minerals and production"),
    ("mercury", "Mercury"),
    ("child_labour", "Child labour"),
    ("safety", "Safety"),
    ("formalisation", "Formalisation"),
    ("sites", "Mining sites"),
    ("other", "Other figures"),
)
TABLE_PAGE = "../country_table.ipynb"


def figures(iso3: str) -> pd.DataFrame:
    """Every figure for the country, with sources and plot years (`data.country_figures`)."""
    return data.country_figures(iso3)


def headline_row(iso3: str) -> pd.Series | None:
    """The country's row of data/countries.csv (headline.py chose it); None for a country without figures."""
    table = data.countries()
    rows = table[table["iso3"] == iso3]
    return None if rows.empty else rows.iloc[0]


def _e(value: object) -> str:
    """Text for HTML (`escape.html`, the one escaping layer)."""
    return escape.html(value)


def _cite(row: pd.Series, statement: bool = False) -> str:
    """'value unit (year; publisher)' for one figure, escaped."""
    year = display.row_year(row)
    low = "; low reliability" if row["grade"] == "low" else ""
    if statement or row["measures"] in ("legal fact", "events"):  # what it is about, then the words
        return (f"{_e(row['indicator'])}: {_e(row['value_text'])} ({_e(year)}; {_e(row['source_publisher'])}"
                f"{low})")
    return (f"{_e(display.figure(row))} ({_e(row['indicator'])}; {_e(year)}; "
            f"{_e(row['source_publisher'])}{low})")


def _latest(frame: pd.DataFrame) -> pd.Series | None:
    """The newest figure for a summary line; low-reliability figures and zeros (often 'none recorded', see
    the gender chapter) only when nothing else exists, and then they are not summarised at all."""
    frame = frame[(frame["grade"] != "low") & ~(pd.to_numeric(frame["value_central"], errors="coerce") == 0)]
    if frame.empty:
        return None
    return frame.sort_values(["year", "record_id"], na_position="first").iloc[-1]


SUMMARY_FACTS = (  # (label, how to find the figure among the country's figures)
    ("Gold output", lambda f: f[(f["measures"] == "production") & f["mineral"].str.contains("gold", case=False)
                                & (f["coverage"] == "national") & ~f.index.isin(data.about_mercury(f).index)]),
    ("Women", lambda f: f[f["measures"] == "women"]),
    ("Mercury", lambda f: data.about_mercury(f[f["dataset"] == "mercury"])),
    ("Children", lambda f: f[(f["dataset"] == "child_labour") | (f["measures"] == "children")]),
    ("Legal status", lambda f: f[(f["dataset"] == "formalisation") & (f["measures"] == "legal fact")
                                 & ~f["indicator"].str.contains(r"action plan|\bNAP\b", case=False)]),
    ("Action plan", lambda f: f[f["indicator"].str.contains(r"action plan|\bNAP\b", case=False)
                                | f["note"].str.contains(r"national action plan", case=False)]),
)


STATEMENTS = ("Legal status", "Action plan")  # summary lines that quote a statement, not a quantity


def summary_html(iso3: str, figs: pd.DataFrame) -> str:
    """The summary box at the top of a profile: the headline (with range, year and what it counts, chosen by
    the rule in headline.py and read from data/countries.csv), the other national estimates, and gold output,
    women, mercury, children, legal status and action plan where the data has them."""
    row = headline_row(iso3)
    items = []
    if row is None or not row["headline_record_id"]:
        items.append("<li><strong>People working in ASM:</strong> ASM is reported; no national count. "
                     "The figures below are local counts, legal facts or other figures.</li>")
    else:
        chosen = figs[figs["record_id"] == row["headline_record_id"]].iloc[0]
        counts = "counts all people working in ASM" if row["status"] == "national" else (
            f"a narrower national count ({_e(row['headline_measure'])}): the data holds no national count of "
            "all people in ASM")
        quotes = f", quoting {_e(row['headline_quotes'])}" if row["headline_quotes"] else ""
        items.append(
            f"<li><strong>People working in ASM:</strong> {_e(places.headline_text(row))}"
            f"; year: {_e(places.headline_year(row))}; {counts}. Source: {_e(chosen['source_publisher'])}"
            f"{quotes}. Chosen as the {_e(row['headline_rule'])} (<a href=\"{TABLE_PAGE.replace('.ipynb', '.html')}"
            f"#headline-rule\">rule</a>; <a href=\"#{_e(chosen['record_id'])}\">the figure below</a>).</li>")
        if pd.notna(chosen["note"]) and str(chosen["note"]).strip():
            items.append(f"<li><strong>Compiler's note on this figure:</strong> {_e(chosen['note'])}</li>")
        if row["headline_also_quoted_by"]:
            ids = str(row["headline_also_quoted_by"]).split()
            quoting = figs[figs["record_id"].isin(ids)]["source_publisher"].dropna().astype(str)
            names = "; ".join(_e(name) for name in dict.fromkeys(quoting))
            items.append(f"<li><strong>Also quoted by:</strong> {names} "
                         f"(the same estimate in {display.count(len(ids), 'other figure')}; it counts once)."
                         "</li>")
        if pd.notna(row["others_low"]):
            bounds = (f"{row['others_low']:,.0f}" if row["others_low"] == row["others_high"]
                      else f"{row['others_low']:,.0f} to {row['others_high']:,.0f}")
            n = len(str(row["others_record_ids"]).split())
            items.append(f"<li><strong>Other national estimates:</strong> {bounds} "
                         f"({display.count(n, 'independent estimate')} of all people in ASM, 2010 or later or "
                         "undated).</li>")
        for rid in str(row["set_aside_record_ids"] or "").split():
            off = figs[figs["record_id"] == rid].iloc[0]
            items.append(f"<li><strong>Set aside (ten times off all others):</strong> {_cite(off)}</li>")
    for label, select in SUMMARY_FACTS:
        found = _latest(select(figs))
        if found is not None:
            items.append(f"<li><strong>{label}:</strong> {_cite(found, label in STATEMENTS)}</li>")
    n_ind = figs["echo_group"].nunique()
    items.append(f"<li><strong>Figures in the data:</strong> {display.count(len(figs), 'figure')}, "
                 f"{display.count(n_ind, 'independent estimate')}, from "
                 f"{display.count(figs['source_id'].nunique(), 'source')}. Data-quality grade: "
                 f"{_e(country_grade.quality_grade(figs))} (rule on the country table).</li>")
    return f'<section class="asm-summary" aria-label="Summary"><ul>{"".join(items)}</ul></section>'


GROUP_ORDER = ("all people in ASM", "one mineral only", "registered or licensed", "illegal only",
               "surveyed at sites", "statistical model", "inventory bound", "women", "children",
               "dependants and livelihoods", "wider mining sector", "events", "production", "money", "share",
               "sites or area", "legal fact", "other", "unknown")
FOLD_AFTER = 6  # groups with more figures start folded


def _figure_row(rep: pd.Series, echoes: pd.DataFrame) -> str:
    grade = rep["grade"]
    badge = (f' <span class="asm-reliability asm-{_e(grade)}">{_e(grade)}'
             f'{": " + _e(rep["grade_reason"]) if grade != "primary" else ""}</span>')
    source = (f'{escape.html_link(rep["source_publisher"], rep["source_url"])} '
              f'({_e(display.publication_year(rep["source_year"]))}){badge}')
    # every echo keeps an anchor of its own on the row that shows it: a permalink to any record id lands here
    also = [f'<span id="{_e(e["record_id"])}">{_e(e["source_publisher"])} ({_e(display.row_year(e))})'
            f'{edition_marks.mark_html(e["record_id"])}</span>'
            for _, e in echoes.iterrows() if e["record_id"] != rep["record_id"]]
    notes = [_e(display.compiler_note(rep["note"]))] if rep["note"] else []
    if also:
        notes.append("also quoted by " + "; ".join(also))
    if rep.get("statement_of"):
        notes.append(f"one figure of the statement {_e(rep['statement_of'])}, shown as printed in this group "
                     "or another")
    if rep["curation"]:
        notes.append(_e(display.curation_note(rep["curation"])))
    extra = f'<br><small>{" · ".join(notes)}</small>' if notes else ""
    where = "" if rep["coverage"] == "national" else f" <small>({_e(rep['coverage'])})</small>"
    return (f'<tr id="{_e(rep["record_id"])}"><td data-label="Year">{_e(display.row_year(rep))}</td>'
            f'<td data-label="Estimate">{_e(display.figure(rep))}'
            f'{tables.permalink(rep["record_id"])}{edition_marks.mark_html(rep["record_id"])}</td>'
            f'<td data-label="What is counted">{_e(rep["indicator"])}{where}{extra}</td>'
            f'<td data-label="Source">{source}</td></tr>')


def all_figures_html(figs: pd.DataFrame) -> str:
    """Every figure of the country, grouped by what it measures; a figure repeating one estimate is shown once
    with "also quoted by"; groups with more than FOLD_AFTER independent estimates start folded."""
    head = "<tr><th>Year</th><th>Estimate</th><th>What is counted</th><th>Source</th></tr>"
    parts = []
    for measure in GROUP_ORDER:
        rows = figs[figs["measures"] == measure]
        if rows.empty:
            continue
        body = []
        groups = list(rows.groupby("echo_group", sort=False))
        groups.sort(key=lambda g: (-(g[1]["year"].max() if g[1]["year"].notna().any() else 0), g[0]))
        for group_id, members in groups:
            body.append(_figure_row(tables.representative(group_id, members), members))
        n_ind = len(groups)
        name = "what it counts is not stated" if measure == "unknown" else measure
        label = f"{name} ({display.count(len(rows), 'figure')}, {n_ind} independent)"
        table = f'<table class="asm-estimates"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'
        opened = " open" if n_ind <= FOLD_AFTER else ""
        parts.append(f"<details{opened}><summary><strong>{_e(label)}</strong></summary>{table}</details>")
    return "".join(parts) + GRADE_NOTE


GRADE_NOTE = ("<p><small>Grades: <em>primary</em> figures were produced by the source that states them; "
              "<em>secondary</em> figures quote another producer (named after “quotes”) or reach us through "
              "another publisher; <em>low</em> marks hosts and figures the source sweep flags as weak. A source "
              "whose title says it quotes another is secondary. Rule: asmhub_utils/tidy/reliability.py. “Also quoted "
              "by”: other figures repeating the same original estimate, counted once (asmhub_utils/tidy/echoes.py)."
              "</small></p>")


def national_counts(figs: pd.DataFrame) -> pd.DataFrame:
    """The country's national headcounts of people in ASM (all minerals or narrower), for the chart: local and
    site counts are not national and are listed with every figure below."""
    counts = places.miner_counts(figs)
    return counts[counts["coverage"] == "national"]


def miner_summary(counts: pd.DataFrame) -> str:
    """A sentence on the national headcounts: how many independent estimates, quoted how often, over which years."""
    from asmhub_utils.chapters import text

    dated = counts.dropna(subset=["plot_year"])
    if counts.empty:
        return ("The data holds **no national estimate** of how many people work in ASM here; local and site "
                "counts, where there are any, are listed with every figure below.")
    text_ = (f"National headcounts here, of all people in ASM or of a narrower group (one mineral, registered "
             f"or illegal miners only; each group is listed with every figure below): {text.independent(counts)}, "
             f"from {display.count(counts['source_id'].nunique(), 'source')}")
    if len(dated) >= 2:
        years = dated["plot_year"].astype(int)
        text_ += (f", dated {years.min()} to {years.max()}. Where sources disagree, each is shown; local and "
                  "site counts are listed with every figure below.")
    else:
        text_ += "; too few dated ones to draw them over time, so they are listed below only."
    return text_


def worth_a_chart(counts: pd.DataFrame) -> bool:
    """A chart only when at least two dated estimates with numbers exist; otherwise the table says it all."""
    return len(data.numeric(counts.dropna(subset=["plot_year"]))) >= 2


def topics_html(figs: pd.DataFrame) -> str:
    """A labelled table per topic with figures; topics without figures are left to `missing`."""
    parts = []
    for dataset, heading in TOPICS:
        rows = figs[figs["dataset"] == dataset]
        if not rows.empty:
            parts.append(f"<p><strong>{html.escape(heading)}</strong> ({len(rows)} figures)</p>"
                         + tables.estimates_table(rows))
    return "".join(parts) or "<p>No figures on minerals, mercury, child labour, safety or formalisation.</p>"


def amazon_areas(iso3: str) -> pd.DataFrame:
    """The country's Amazon Mining Watch rows (empty outside the Amazon)."""
    frame = amazon.national_yearly()
    return frame[frame["iso3"] == iso3]


def amazon_summary(areas: pd.DataFrame) -> str:
    first, last = areas.iloc[0], areas.iloc[-1]
    return (f"**Amazon mined area.** Amazon Mining Watch detected {last['cumulative_ha']:,.0f} hectares of "
            f"mining scars here by {last['period']}, of which {first['cumulative_ha']:,.0f} hectares "
            f"{amazon.first_period_label(areas)}. This is area, not people.")


def sources_list(figs: pd.DataFrame) -> str:
    """Markdown list: every source with its link, publisher, year, reliability and where the figures stand."""
    lines = []
    for source_id, rows in figs.groupby("source_id", sort=False):
        first = rows.iloc[0]
        year = display.publication_year(first["source_year"])
        locators = sorted({str(loc) for loc in rows["locator"] if pd.notna(loc) and str(loc)})
        where = (f" Figures at: {escape.myst('; '.join(locators))}." if locators else " No page or table given.")
        grade = first["source_reliability"]
        mark = "**low reliability**" if grade == "low" else escape.myst(grade)
        lines.append(f"- {escape.markdown_link(first['source_title'], first['source_url'])}, "
                     f"{escape.myst(first['source_publisher'])} ({escape.myst(year)}). "
                     f"Reliability: {mark} ({escape.myst(first['source_reliability_reason'])}). "
                     f"{display.count(len(rows), 'figure')}.{where}")
    return "\n".join(lines)


def missing(figs: pd.DataFrame, counts: pd.DataFrame) -> str:
    """Markdown list of what the data does not hold for this country."""
    gaps = []
    if counts.empty:
        gaps.append("a national estimate of how many people work in ASM")
    elif counts["plot_year"].dropna().empty:
        gaps.append("a dated national estimate of how many people work in ASM")
    elif counts["plot_year"].max() < 2018:
        gaps.append("a national estimate of how many people work in ASM from 2018 or later")
    if figs["indicator"].str.contains("women|female", case=False).sum() == 0:
        gaps.append("figures on women's participation")
    gaps += [f"figures on {heading.lower()}" for dataset, heading in TOPICS[:5]
             if (figs["dataset"] == dataset).sum() == 0]
    if not gaps:
        return "Every topic this book follows has at least one figure here."
    return "Not in the data for this country:\n\n" + "\n".join(f"- {gap}" for gap in gaps)
