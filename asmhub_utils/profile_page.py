"""The text and tables of one country profile page, written from the data so the template stays a few lines."""

from __future__ import annotations

import html

import pandas as pd

from . import amazon, countries, data, escape, places, tables

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
    """Every figure for the country, with sources and plot years."""
    return data.dated(data.estimates().query("scope == 'country' and iso3 == @iso3"))


def key_figures(iso3: str, figs: pd.DataFrame, counts: pd.DataFrame) -> str:
    """Markdown bullet list of the page's key facts; a dash-free sentence where a fact is missing."""
    latest = places.latest_miner_count(counts)
    if latest is None:
        miners = "no dated estimate in the data"
    else:
        miners = (f"{escape.myst(places.estimate_text(latest))} people in {int(latest['plot_year'])} "
                  f"({escape.myst(latest['indicator'])}; {escape.myst(latest['source_publisher'])})")
    minerals = escape.myst(", ".join(places.minerals(figs["mineral"])) or "not stated in the data")
    region = countries.region(iso3) or "not in Natural Earth's 1:110m map"
    return "\n".join([
        f"- **Region:** {region}",
        f"- **Latest estimate of people working in ASM:** {miners}",
        f"- **Figures in the data:** {len(figs)} from {figs['source_id'].nunique()} sources",
        f"- **Main minerals named:** {minerals}",
        f"- **Data-quality grade:** {places.quality_grade(figs)} (rule on the [country table]({TABLE_PAGE}))",
    ])


def miner_summary(counts: pd.DataFrame) -> str:
    dated = counts.dropna(subset=["plot_year"])
    if counts.empty:
        return "The data holds **no estimate** of how many people work in ASM here."
    text = (f"The data holds {len(counts)} estimate(s) of how many people work in ASM here, from "
            f"{counts['source_id'].nunique()} source(s)")
    if len(dated) >= 2:
        years = dated["plot_year"].astype(int)
        text += f", dated {years.min()} to {years.max()}. Where sources disagree, each is shown."
    else:
        text += "; too few dated ones to draw them over time, so they are listed only."
    return text


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
        year = "n.d." if pd.isna(first["source_year"]) else first["source_year"]
        locators = sorted({str(loc) for loc in rows["locator"] if pd.notna(loc) and str(loc)})
        where = (f" Figures at: {escape.myst('; '.join(locators))}." if locators else " No page or table given.")
        grade = first["source_reliability"]
        mark = "**low reliability**" if grade == "low" else escape.myst(grade)
        lines.append(f"- {escape.markdown_link(first['source_title'], first['source_url'])}, "
                     f"{escape.myst(first['source_publisher'])} ({escape.myst(year)}). "
                     f"Reliability: {mark} ({escape.myst(first['source_reliability_reason'])}). "
                     f"{len(rows)} figure(s).{where}")
    return "\n".join(lines)


def missing(figs: pd.DataFrame, counts: pd.DataFrame) -> str:
    """Markdown list of what the data does not hold for this country."""
    gaps = []
    if counts.empty:
        gaps.append("an estimate of how many people work in ASM")
    elif counts["plot_year"].dropna().empty:
        gaps.append("a dated estimate of how many people work in ASM")
    elif counts["plot_year"].max() < 2018:
        gaps.append("an estimate of how many people work in ASM from 2018 or later")
    if figs["indicator"].str.contains("women|female", case=False).sum() == 0:
        gaps.append("figures on women's participation")
    gaps += [f"figures on {heading.lower()}" for dataset, heading in TOPICS[:5]
             if (figs["dataset"] == dataset).sum() == 0]
    if not gaps:
        return "Every topic this book follows has at least one figure here."
    return "Not in the data for this country:\n\n" + "\n".join(f"- {gap}" for gap in gaps)
