"""The text and tables of one country profile page, written from the data so the template stays a few lines."""

from __future__ import annotations

import pandas as pd
from markupsafe import Markup

from asmhub_utils import escape, html_templates
from asmhub_utils.chapters import amazon, data, display, edition_marks, places, tables
from asmhub_utils.tidy import country_grade, reader_notes

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
    """Text for HTML (`escape.html`, the one escaping layer), as the templates write it."""
    return escape.html(value)


def _cite(row: pd.Series, statement: bool = False) -> dict[str, object]:
    """One figure for the summary's `cite` (templates/profile_summary.html): 'reading (what; year; publisher)', or
    for a statement, a legal fact or events, what it is about, then the words (with their English). The value,
    year and source are marked (data-label) so a test can check the figure reads the same wherever it appears."""
    return {
        "statement": statement or display.is_statement(row) or row["measures"] in ("legal fact", "events"),
        "indicator": row["indicator"],
        "words": Markup(tables.statement_html(row)),
        "record": row["record_id"],
        "figure": display.figure(row),
        "year": display.row_year(row),
        "publisher": row["source_publisher"],
        "low": display.reliability(row) == "low",
    }


def _latest(frame: pd.DataFrame) -> pd.Series | None:
    """The newest figure for a summary line; low-reliability figures and zeros (often 'none recorded', see
    the gender chapter) only when nothing else exists, and then they are not summarised at all."""
    frame = frame[(frame["reliability"] != "low") & ~(pd.to_numeric(frame["value_central"], errors="coerce") == 0)]
    if frame.empty:
        return None
    return frame.sort_values(["year", "record_id"], na_position="first").iloc[-1]


SUMMARY_FACTS = (  # (label, how to find the figure among the country's figures)
    (
        "Gold output",
        lambda f: f[
            (f["measures"] == "production")
            & f["mineral"].str.contains("gold", case=False)
            & (f["coverage"] == "national")
            & ~f.index.isin(data.about_mercury(f).index)
        ],
    ),
    ("Women", lambda f: f[f["measures"] == "women"]),
    ("Mercury", lambda f: data.about_mercury(f[f["dataset"] == "mercury"])),
    ("Children", lambda f: f[(f["dataset"] == "child_labour") | (f["measures"] == "children")]),
    (
        "Legal status",
        lambda f: f[
            (f["dataset"] == "formalisation")
            & (f["measures"] == "legal fact")
            & ~f["indicator"].str.contains(r"action plan|\bNAP\b", case=False)
        ],
    ),
    (
        "Action plan",
        lambda f: f[
            f["indicator"].str.contains(r"action plan|\bNAP\b", case=False)
            | f["note"].str.contains(r"national action plan", case=False)
        ],
    ),
)


STATEMENTS = ("Legal status", "Action plan")  # summary lines that quote a statement, not a quantity


# The columns SUMMARY_FACTS and _latest read: they select on these alone (a boolean mask over all 47 columns costs
# 2 to 5 ms, about twenty a page, twice), and the row found is then taken whole from the page's figures.
FACT_COLUMNS = (
    "measures",
    "mineral",
    "coverage",
    "dataset",
    "indicator",
    "note",
    "unit",
    "reliability",
    "value_central",
)
FACT_COLUMNS += ("year", "record_id")


Facts = list[tuple[str, pd.Series | None]]  # (label, the figure the summary cites or None), as summary_facts gives


def summary_facts(figs: pd.DataFrame) -> Facts:
    """(label, the figure the summary cites or None) for each of SUMMARY_FACTS."""
    narrow = figs[[c for c in FACT_COLUMNS if c in figs]] if figs.index.is_unique else figs
    found = [(label, _latest(select(narrow))) for label, select in SUMMARY_FACTS]
    return [(label, None if row is None else figs.loc[row.name]) for label, row in found]


def in_summary(figs: pd.DataFrame, facts: Facts | None = None) -> set[str]:
    """record_ids the summary cites: the headline, the set-aside figures and the facts (`summary_facts(figs)`,
    given when the caller has them); the every-figure tables show each of these records for its echo group, so the
    summary and the row below read alike."""
    facts = summary_facts(figs) if facts is None else facts
    ids = {str(found["record_id"]) for _, found in facts if found is not None}
    iso3 = figs["iso3"].dropna().iloc[0] if not figs.empty else ""
    row = headline_row(iso3) if iso3 else None
    if row is not None and row["headline_record_id"]:
        ids |= {str(row["headline_record_id"]), *str(row["set_aside_record_ids"] or "").split()}
    return ids


def summary_html(iso3: str, figs: pd.DataFrame, facts: Facts | None = None) -> str:
    """The summary box at the top of a profile: the headline (with range, year and what it counts, chosen by
    the rule in headline.py and read from data/countries.csv), the other national estimates, and gold output,
    women, mercury, children, legal status and action plan where the data has them (`facts`: summary_facts(figs),
    given when the caller has them)."""
    row = headline_row(iso3)
    headline = None
    if row is not None and row["headline_record_id"]:
        chosen = figs[figs["record_id"] == row["headline_record_id"]].iloc[0]
        headline = {
            "text": places.headline_text(row),
            "year": places.headline_year(row),
            "national": row["status"] == "national",
            "measure": row["headline_measure"],
            "publisher": chosen["source_publisher"],
            "quotes": row["headline_quotes"],
            "rule": row["headline_rule"],
            "record": chosen["record_id"],
            "caveat": display.caveat(chosen),
            "curation": display.curation_note(chosen.get("curation")),
            "also": [],
            "others": "",
            "set_aside": [],
        }
        if row["headline_also_quoted_by"]:
            ids = str(row["headline_also_quoted_by"]).split()
            quoting = figs[figs["record_id"].isin(ids)]["source_publisher"].dropna().astype(str)
            headline["also"] = list(dict.fromkeys(quoting))
            headline["also_count"] = display.count(len(ids), "other figure")
        if pd.notna(row["others_low"]):
            headline["others"] = (
                display.whole(row["others_low"])
                if row["others_low"] == row["others_high"]
                else f"{display.whole(row['others_low'])} to {display.whole(row['others_high'])}"
            )
            headline["others_count"] = display.count(len(str(row["others_record_ids"]).split()), "independent estimate")
        headline["set_aside"] = [
            _cite(figs[figs["record_id"] == rid].iloc[0]) for rid in str(row["set_aside_record_ids"] or "").split()
        ]
    facts = summary_facts(figs) if facts is None else facts
    cited = [(label, _cite(found, label in STATEMENTS)) for label, found in facts if found is not None]
    totals = {
        "figures": display.count(len(figs), "figure"),
        "independent": display.count(figs["echo_group"].nunique(), "independent estimate"),
        "sources": display.count(figs["source_id"].nunique(), "source"),
        "grade": country_grade.quality_grade(figs),
    }
    return html_templates.render(
        "profile_summary.html",
        headline=headline,
        facts=cited,
        totals=totals,
        table_page=TABLE_PAGE.replace(".ipynb", ".html"),
    )


GROUP_ORDER = (
    "all people in ASM",
    "one mineral only",
    "registered or licensed",
    "illegal only",
    "surveyed at sites",
    "statistical model",
    "inventory bound",
    "women",
    "children",
    "dependants and livelihoods",
    "wider mining sector",
    "events",
    "production",
    "money",
    "share",
    "sites or area",
    "legal fact",
    "other",
    "unknown",
)
FOLD_AFTER = 6  # groups with more figures start folded


def _headline_ids() -> set[str]:
    return set(data.countries()["headline_record_id"].dropna().astype(str))


ECHO_COLUMNS = ("record_id", "source_publisher", "year", "year_text", "published_year", "source_year")


def _records(frame: pd.DataFrame, columns: tuple[str, ...]) -> list[dict[str, object]]:
    """The rows of `frame` as dicts of the `columns` it has: what iterrows gives for them, at a fraction of the
    cost (iterrows builds a Series per row and to_dict takes every column: 3 and 12 ms a call on a profile)."""
    present = [c for c in columns if c in frame]
    return [dict(zip(present, values)) for values in zip(*(frame[c].tolist() for c in present))]


def _figure(rep: pd.Series, echoes: pd.DataFrame, marks: dict[str, str], headlines: set[str]) -> dict[str, object]:
    """One row of templates/profile_figures.html: the group's representative figure, with the other figures
    repeating its estimate ("also quoted by", each keeping its anchor), the caveat a reader needs in plain words
    (never the compilers' working notes) and curation's decision. `marks`: edition_marks.row_marks();
    `headlines`: every country's headline record id."""
    notes: list[tuple[str, object]] = [("note", display.caveat(rep))] if display.caveat(rep) else []
    # every echo keeps an anchor of its own on the row that shows it: a permalink to any record id lands here
    also = [
        (e["record_id"], e["source_publisher"], display.bracketed_year(e), marks.get(e["record_id"], ""))
        for e in _records(echoes, ECHO_COLUMNS)
        if e["record_id"] != rep["record_id"]
    ]
    if also:
        notes.append(("also", also))
    if rep.get("statement_of"):
        notes.append(("statement", rep["statement_of"]))
    if rep["curation"]:
        notes.append(("curation", display.curation_note(rep["curation"])))
    # a country's headline is dated by its original (the earliest year of its group), as the summary and the
    # country table date it; its row here says the same year
    dated = rep
    if rep["record_id"] in headlines:
        years = pd.to_numeric(pd.concat([echoes["year"], pd.Series([rep["year"]])]), errors="coerce").dropna()
        if not years.empty and not pd.isna(rep["year"]):
            dated = rep.copy()
            dated["year"] = int(years.min())
    return {
        "record": rep["record_id"],
        "year": display.row_year(dated),
        "figure": Markup(tables.estimate_html(rep)),
        "indicator": rep["indicator"],
        "coverage": "" if rep["coverage"] == "national" else rep["coverage"],
        "notes": notes,
        "source": Markup(escape.html_link(rep["source_publisher"], rep["source_url"])),
        "source_year": display.publication_year(rep["source_year"]),
        "reliability": rep["reliability"],
        "reason": rep["reliability_reason"],
        "mark": marks.get(rep["record_id"], ""),
    }


def all_figures_html(figs: pd.DataFrame, facts: Facts | None = None) -> str:
    """Every figure of the country, grouped by what it measures; a figure repeating one estimate is shown once
    with "also quoted by"; groups with more than FOLD_AFTER independent estimates start folded. `facts`: as for
    in_summary."""
    shown = []
    prefer = in_summary(figs, facts)
    marks, headlines = edition_marks.row_marks(), _headline_ids()
    by_measure = dict(list(figs.groupby("measures", sort=False)))  # one pass, not a filter per measure
    for measure in GROUP_ORDER:
        rows = by_measure.get(measure)
        if rows is None:
            continue
        said = (
            rows["reading_kind"] == "statement" if "reading_kind" in rows else rows.apply(display.is_statement, axis=1)
        )
        statements, rows = rows[said], rows[~said]  # a statement is listed as one, never in an Estimate column
        groups = list(rows.groupby("echo_group", sort=False))
        groups.sort(key=lambda g: (-(g[1]["year"].max() if g[1]["year"].notna().any() else 0), g[0]))
        name = "what it counts is not stated" if measure == "unknown" else measure
        n_ind = len(groups) + len(statements)
        shown.append(
            {
                "label": f"{name} ({display.count(len(rows) + len(statements), 'figure')}, {n_ind} independent)",
                "open": n_ind <= FOLD_AFTER,
                "rows": [
                    _figure(tables.representative(group_id, members, prefer), members, marks, headlines)
                    for group_id, members in groups
                ],
                "statements": Markup(tables.statements_list(statements)) if not statements.empty else "",
            }
        )
    return html_templates.render("profile_figures.html", groups=shown)


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
        return (
            "The data holds **no national estimate** of how many people work in ASM here; local and site "
            "counts, where there are any, are listed with every figure below."
        )
    text_ = (
        f"National headcounts here, of all people in ASM or of a narrower group (one mineral, registered "
        f"or illegal miners only; each group is listed with every figure below): {text.independent(counts)}, "
        f"from {display.count(counts['source_id'].nunique(), 'source')}"
    )
    if len(dated) >= 2:
        years = dated["plot_year"].astype(int)
        text_ += (
            f", dated {years.min()} to {years.max()}. Where sources disagree, each is shown; local and "
            "site counts are listed with every figure below."
        )
    else:
        text_ += "; too few dated ones to draw them over time, so they are listed below only."
    return text_


def worth_a_chart(counts: pd.DataFrame) -> bool:
    """A chart only when at least two dated estimates with numbers exist; otherwise the table says it all."""
    return len(data.numeric(counts.dropna(subset=["plot_year"]))) >= 2


def topics_html(figs: pd.DataFrame) -> str:
    """A labelled table per topic with figures; topics without figures are left to `missing`."""
    topics = [
        {"heading": heading, "count": len(rows), "table": Markup(tables.estimates_table(rows))}
        for dataset, heading in TOPICS
        if not (rows := figs[figs["dataset"] == dataset]).empty
    ]
    return html_templates.render("profile_topics.html", topics=topics)


def amazon_areas(iso3: str) -> pd.DataFrame:
    """The country's Amazon Mining Watch rows (empty outside the Amazon)."""
    frame = amazon.national_yearly()
    return frame[frame["iso3"] == iso3]


def amazon_summary(areas: pd.DataFrame) -> str:
    first, last = areas.iloc[0], areas.iloc[-1]
    return (
        f"**Amazon mined area.** Amazon Mining Watch detected {display.whole(last['cumulative_ha'])} hectares "
        f"of mining scars here by {last['period']}, of which {display.whole(first['cumulative_ha'])} hectares "
        f"{amazon.first_period_label(areas)}. This is area, not people."
    )


def sources_list(figs: pd.DataFrame) -> str:
    """Markdown list: every source with its link, publisher, year, reliability and where the figures stand."""
    lines = []
    for _source_id, rows in figs.groupby("source_id", sort=False):
        first = rows.iloc[0]
        year = display.publication_year(first["source_year"])
        locators = sorted(
            {reader_notes.without_working_asides(loc) for loc in rows["locator"] if pd.notna(loc) and str(loc)}
        )
        where = f" Figures at: {escape.myst('; '.join(locators))}." if locators else " No page or table given."
        tier = first["source_reliability"]
        mark = "**low reliability**" if tier == "low" else escape.myst(tier)
        title = reader_notes.without_working_asides(first["source_title"])
        lines.append(
            f"- {escape.markdown_link(title, first['source_url'])}, "
            f"{escape.myst(first['source_publisher'])} ({escape.myst(year)}). "
            f"Reliability: {mark} ({escape.myst(first['source_reliability_reason'])}). "
            f"{display.count(len(rows), 'figure')}.{where}"
        )
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
    gaps += [
        f"figures on {heading.lower()}" for dataset, heading in TOPICS[:5] if (figs["dataset"] == dataset).sum() == 0
    ]
    if not gaps:
        return "Every topic this book follows has at least one figure here."
    return "Not in the data for this country:\n\n" + "\n".join(f"- {gap}" for gap in gaps)
