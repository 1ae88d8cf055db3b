"""One headline per country: the best available national estimate of all people working in ASM.

The rule, applied to the country's counts of people (what a figure counts: *all people in ASM*; where:
*national*; a number above zero), one independent estimate per echo group (a figure quoted by several sources
counts once; its year is the original's):

1. a **newer primary national count** (a census, a national or labour-force survey, a register of all miners)
   when it is newer than the compilation's estimate below;
2. otherwise the **curated best estimate of an expert compilation** (the Global ASM Inventory's best estimate,
   Delve's headline), the newest if there are several;
3. otherwise the **most recent independent national estimate** (undated ones only when no dated one exists,
   ordered by the year of the document that states them;
   among equals, a primary figure, then the later record: a tie, and a warning sign).

Figures of *low* reliability (<a href="asmhub-library:#how-reliability-is-judged">How reliability is judged</a>) are
never headlines, nor is a figure that carries a disqualifying warning
sign: a statistical model or a figure based on one, a number derived from other numbers (claims,
sites or mines times people per unit, production value divided by income per head), the workforce of registered
mines, a census category of all mining and quarrying, a
range across the literature. A figure **ten times off all the others** (at least three independent estimates) is
listed beside the headline and never chosen by steps 1 or 3. A **narrower national count** (one mineral only,
registered or licensed miners only, illegal miners only) stands in, by the same steps, only when the country has
no all-ASM national count, and the page says so. A count of dependants, a regional, local or site count, an
event (people displaced or arrested) is never a headline. A country with figures but none of these is
"ASM reported; no national count". Beside the headline, each country's profile gives the range of the other
national estimates of all people in ASM dated 2010 or later or undated; registration counts and people surveyed
at sites are never in it.

**Dated by its original**: the headline's year is the earliest year of its echo group (an echo is never dated by
the document that quotes it). **Ties**: among equally recent estimates a primary figure wins over a secondary one;
a tie that remains is decided by the order of the records, and said so (a warning sign). **Reviewed decisions**:
a headline that carries any warning sign (the figure's own, a tie, a spread of more than ten times
between independent national estimates, an echo group whose members count different things) needs an editor's
reviewed decision with its reason: *keep* the rule's choice, *prefer* another figure, or *exclude* a figure from
headlines; the book is not built while a headline lacks one. The decision and its reason are shown beside the
headline.

The result is `data/countries.csv`, one row per country with any figure; the country table, the map, the
profiles and the dashboard read it and compute nothing of their own. Reviewed decisions are rows of
`data/curation.csv` (field `headline_decision`), copied to `countries.csv`.
"""

from __future__ import annotations

import bisect
import math
import re

import pandas as pd

from asmhub_utils.errors import Problem
from asmhub_utils.tidy import countries, country_grade, echoes, measures, minerals, signs

NATIONAL = "national"
NARROWER = "narrower national"
NO_NATIONAL = "no national count"
STATUS_TEXT = {
    NATIONAL: "national count of all people in ASM",
    NARROWER: "narrower national count only",
    NO_NATIONAL: "ASM reported; no national count",
}
RECENT_FROM = 2010

_PRIMARY_COUNT = re.compile(r"census|national survey|labour survey|labor survey|ZimStat|register of all", re.I)
_COMPILATION = re.compile(r"inventory best estimate|Delve headline", re.I)

COLUMNS = (
    "iso3",
    "country_name",
    "region",
    "status",
    "headline_record_id",
    "headline_value_text",
    "headline_low",
    "headline_high",
    "headline_central",
    "headline_qualifier",
    "headline_year",
    "headline_year_text",
    "headline_published_year",
    "headline_measure",
    "headline_coverage",
    "headline_source_id",
    "headline_reliability",
    "headline_quotes",
    "headline_rule",
    "headline_signs",
    "headline_decision",
    "headline_decision_reason",
    "headline_also_quoted_by",
    "others_low",
    "others_high",
    "others_record_ids",
    "set_aside_record_ids",
    "n_figures",
    "n_independent",
    "grade",
    "main_minerals",
)


def _dicts(frame: pd.DataFrame) -> list[dict]:
    return [
        {k: ("" if (not isinstance(v, (list, str)) and pd.isna(v)) else v) for k, v in r.items()}
        for r in frame.to_dict("records")
    ]


def _decision(row: pd.Series) -> str:
    return str(row.get("headline_decision") or "") if pd.notna(row.get("headline_decision")) else ""


def candidates(figures: pd.DataFrame, wanted: tuple[str, ...]) -> pd.DataFrame:
    """National person counts that measure one of `wanted`, with a number above zero, not of low reliability, not
    excluded by a reviewed decision, and not quoting an estimate that carries a disqualifying warning sign
    (any member of its echo group: the same estimate)."""
    rows = figures[
        (figures["unit"] == "persons")
        & figures["measures"].isin(wanted)
        & (figures["coverage"] == "national")
        & (figures["reliability"] != "low")
    ]
    if not rows.empty:
        barred = {
            g
            for g, members in figures.groupby("echo_group")
            if any(s in signs.DISQUALIFYING for s in signs.estimate_signs(_dicts(members)))
        }
        keep = [r["echo_group"] not in barred and _decision(r) != "exclude" for _, r in rows.iterrows()]
        rows = rows[keep]
    values = rows["value_central"].fillna(rows["value_low"]).fillna(rows["value_high"])  # as _value, at once
    return rows[values.fillna(0) > 0]


def independent(rows: pd.DataFrame, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per echo group: the compilation's curated estimate where the group has one, else its first
    figure; `group_year` is the earliest year in the whole group (all of `figures`, default `rows`: an echo is
    dated by its original), `group_size` how often it is quoted.

    One sort and one pass (a loop over groups cost seconds per country with thousands of figures)."""
    if rows.empty:
        return pd.DataFrame()
    best = rows["indicator"].str.contains(_COMPILATION)
    has_best = best.groupby(rows["echo_group"]).transform("any")
    # first the compilation's estimates; else the figure that founded the group; then by record id
    order = rows.assign(_not_best=~best, _not_first=~has_best & (rows["record_id"] != rows["echo_group"]))
    order = order.sort_values(["echo_group", "_not_best", "_not_first", "record_id"], kind="stable")
    chosen = order.drop_duplicates("echo_group").drop(columns=["_not_best", "_not_first"])
    by_group = rows.groupby("echo_group", sort=True)
    members = {group: sorted(ids) for group, ids in by_group["record_id"]}
    everyone = rows if figures is None else figures
    chosen = chosen.assign(
        group_year=chosen["echo_group"].map(everyone.groupby("echo_group")["year"].min()),
        group_size=chosen["echo_group"].map(by_group.size()),
        group_members=[members[g] for g in chosen["echo_group"]],
    )
    return chosen


def _bounds(row: pd.Series) -> tuple[float, float]:
    low = row["value_low"] if pd.notna(row["value_low"]) else row["value_central"]
    high = row["value_high"] if pd.notna(row["value_high"]) else row["value_central"]
    return float(low), float(high)


def outliers(groups: pd.DataFrame) -> set[str]:
    """Record ids of estimates ten times off every other one (only with three or more estimates).

    An estimate [low, high] is off from another [l, h] when high * 10 < l or low > h * 10; it is an outlier when
    that holds for every other one, i.e. when no other one is in neither case. Counted with two sorted arrays
    (n log n; the pairwise loop it replaces cost minutes with thousands of figures in one country)."""
    if len(groups) < 3:
        return set()
    bounds = [_bounds(r) for r in groups[["value_low", "value_high", "value_central"]].to_dict("records")]
    if any(math.isnan(low) or math.isnan(high) or low > high for low, high in bounds):
        return _outliers_pairwise(groups["record_id"].tolist(), bounds)
    lows = sorted(low for low, _ in bounds)
    highs10 = sorted(high * 10 for _, high in bounds)
    out = set()
    for rid, (low, high) in zip(groups["record_id"], bounds):
        above = len(lows) - bisect.bisect_right(lows, high * 10)  # others with high * 10 < their low
        below = bisect.bisect_left(highs10, low)  # others with low > their high * 10
        if len(bounds) - above - below == 1:  # only itself is in neither case
            out.add(rid)
    return out


def _outliers_pairwise(ids: list[str], bounds: list[tuple[float, float]]) -> set[str]:
    out = set()
    for rid, (low, high) in zip(ids, bounds):
        if all(
            high * 10 < other_low or low > other_high * 10
            for other, (other_low, other_high) in zip(ids, bounds)
            if other != rid
        ):
            out.add(rid)
    return out


def _newest(rows: pd.DataFrame) -> tuple[pd.Series | None, bool]:
    """(the most recent estimate, whether it was chosen over an equally recent one by record order only).

    Recent by the year the estimate refers to (its echo group's earliest); undated estimates only when none is
    dated, ordered by the year of the document that states them; among equally recent estimates a primary
    figure wins over a secondary one."""
    if rows.empty:
        return None, False
    dated = rows.dropna(subset=["group_year"])
    pool = (dated if not dated.empty else rows).copy()
    # Undated estimates (used only when none is dated) are ordered by the year of the document that states them.
    pool["recency"] = pool["group_year"] if not dated.empty else pool.get("published_year", pool["group_year"])
    latest = pool["recency"].max()
    top = pool[pool["recency"] == latest] if pd.notna(latest) else pool
    primary = top[top["reliability"] == "primary"]
    top = primary if not primary.empty else top
    return top.sort_values("record_id").iloc[-1], len(top) > 1


def choose(groups: pd.DataFrame) -> tuple[pd.Series | None, str, set[str], bool]:
    """(headline row, rule step that chose it, ids set aside as ten times off, tie decided by record order)
    among independent estimates. A figure with a reviewed decision `prefer` is chosen over the rule."""
    if groups.empty:
        return None, "", set(), False
    preferred = groups[[_decision(r) == "prefer" for _, r in groups.iterrows()]]
    if not preferred.empty:
        return preferred.sort_values("record_id").iloc[-1], "reviewed decision", set(), False
    off = outliers(groups)
    usable = groups[~groups["record_id"].isin(off)]
    compiled, compiled_tie = _newest(groups[groups["indicator"].str.contains(_COMPILATION)])
    primary = usable[usable["indicator"].str.contains(_PRIMARY_COUNT)]
    counted, counted_tie = _newest(primary)
    if counted is not None and (
        compiled is None
        or (
            pd.notna(counted["group_year"])
            and (pd.isna(compiled["group_year"]) or counted["group_year"] > compiled["group_year"])
        )
    ):
        return counted, "newer primary national count", off, counted_tie
    if compiled is not None:
        return compiled, "curated best estimate of an expert compilation", off, compiled_tie
    newest, tie = _newest(usable)
    return newest, "most recent independent national estimate", off, tie


def _year(row: pd.Series) -> int | None:
    """The earliest year of the chosen figure's echo group (its original's), else its own; None when unknown."""
    for value in (row["group_year"], row["year"]):
        if pd.notna(value):
            return int(value)
    return None


def _inventory_range(row: pd.Series, figures: pd.DataFrame) -> tuple[float, float]:
    """The compilation's own minimum and maximum for its best estimate, else the figure's own range."""
    low, high = row["value_low"], row["value_high"]
    if "inventory best estimate" in row["indicator"]:
        same = figures[(figures["source_id"] == row["source_id"]) & (figures["measures"] == "inventory bound")]
        lows = same.loc[same["indicator"].str.contains("minimum"), "value_low"]
        highs = same.loc[same["indicator"].str.contains("maximum"), "value_high"]
        if not lows.empty and not highs.empty:
            low, high = lows.iloc[0], highs.iloc[0]
    return low, high


def country_row(iso3: str, figures: pd.DataFrame, grade: str, minerals: list[str]) -> dict:
    """The countries.csv row of one country from its figures (estimates with source columns)."""
    row: dict = {c: None for c in COLUMNS}
    split = set(figures["statement_of"]) - {""} if "statement_of" in figures else set()
    row.update(
        iso3=iso3,
        country_name=countries.iso_name(iso3),
        region=countries.region(iso3) or "",
        n_figures=len(figures),
        n_independent=figures.loc[~figures["record_id"].isin(split), "echo_group"].nunique(),
        grade=grade,
        main_minerals=", ".join(minerals),
        status=NO_NATIONAL,
        headline_rule="",
        headline_signs="",
        headline_decision="",
        headline_decision_reason="",
    )
    all_asm = independent(candidates(figures, (measures.ALL_ASM,)), figures)
    chosen, rule, off, tie = choose(all_asm)
    status = NATIONAL
    for narrower in measures.NARROWER:  # in this order of preference
        if chosen is not None:
            break
        chosen, rule, off, tie = choose(independent(candidates(figures, (narrower,)), figures))
        status = NARROWER
        rule = f"{rule}; narrower: {narrower}" if chosen is not None else ""
    if chosen is None:
        return row
    low, high = _inventory_range(chosen, figures)
    members = [m for m in chosen["group_members"] if m != chosen["record_id"]]
    others = (
        all_asm[
            (all_asm["echo_group"] != chosen["echo_group"])
            & ~all_asm["record_id"].isin(off)
            & ~(all_asm["group_year"] < RECENT_FROM)
        ]
        if not all_asm.empty
        else all_asm
    )
    other_bounds = [_bounds(r) for _, r in others.iterrows()]
    row.update(
        status=status,
        headline_record_id=chosen["record_id"],
        headline_value_text=chosen["value_text"],
        headline_low=low,
        headline_high=high,
        headline_central=chosen["value_central"],
        headline_qualifier=chosen["qualifier"],
        headline_year=_year(chosen),
        headline_year_text=chosen["year_text"],
        headline_published_year=chosen.get("published_year"),
        headline_measure=chosen["measures"],
        headline_coverage=chosen["coverage"],
        headline_source_id=chosen["source_id"],
        headline_reliability=chosen["reliability"],
        headline_quotes=chosen["original_source"],
        headline_rule=rule,
        headline_signs="; ".join(headline_signs(chosen, figures, all_asm, tie)),
        headline_decision=_decision(chosen),
        headline_decision_reason=str(chosen.get("headline_decision_reason") or "") if _decision(chosen) else "",
        headline_also_quoted_by=" ".join(members),
        others_low=min(b[0] for b in other_bounds) if other_bounds else None,
        others_high=max(b[1] for b in other_bounds) if other_bounds else None,
        others_record_ids=" ".join(sorted(others["record_id"])) if not others.empty else "",
        set_aside_record_ids=" ".join(sorted(off)),
    )
    return row


def _spread(groups: pd.DataFrame) -> bool:
    """More than ten times between the lowest and highest independent national estimate (the headline and the
    others shown beside it: dated 2010 or later, or undated)."""
    if len(groups) < 2:
        return False
    bounds = [_bounds(r) for _, r in groups.iterrows()]
    low, high = min(b[0] for b in bounds), max(b[1] for b in bounds)
    return low > 0 and high > 10 * low


def headline_signs(chosen: pd.Series, figures: pd.DataFrame, groups: pd.DataFrame, tie: bool) -> list[str]:
    """The warning signs a headline carries: its own (signs.py), a tie, a spread, a mixed echo group."""
    members = figures[figures["echo_group"] == chosen["echo_group"]]
    found = signs.figure_signs(_dicts(pd.DataFrame([chosen]))[0])
    found += [s for s in signs.estimate_signs(_dicts(members)) if s not in found]
    if tie:
        found.append("tie")
    recent = groups[~(groups["group_year"] < RECENT_FROM)] if not groups.empty else groups
    if _spread(recent):
        found.append("spread")
    if len({echoes.subject(m) for m in _dicts(members)}) > 1:
        found.append("mixed echo group")
    return found


def unreviewed(table: pd.DataFrame) -> list[Problem]:
    """One problem per headline that carries a warning sign and has no reviewed decision (the build stops)."""
    problems = []
    for _, row in table.iterrows():
        if row["headline_signs"] and not row["headline_decision"]:
            problems.append(
                Problem(
                    "data/curation.csv",
                    None,
                    "headline_decision",
                    row["headline_record_id"],
                    f"the headline of {row['country_name']} ({row['iso3']}), {row['headline_value_text']!r}, carries "
                    f"warning signs ({row['headline_signs']}) and has no reviewed decision",
                    f"review it (asmhub audit) and add a row '{row['headline_record_id']},headline_decision,"
                    f"keep|prefer|exclude,<reason a reader can check>', or exclude it and review the next choice",
                )
            )
    return problems


def rule_markdown() -> str:
    """The headline rule as documented in this module, for the pages that show headlines."""
    return __doc__.split("\n\n", 1)[1].rsplit("\n\nThe result is", 1)[0].strip()


def table(estimates: pd.DataFrame) -> pd.DataFrame:
    """countries.csv: one row per country with any country-scope figure, by ISO3 code."""
    figures = estimates[(estimates["scope"] == "country") & (estimates["iso3"] != "")].copy()
    figures["plot_year"] = figures["year"].fillna(figures["published_year"])
    rows = [
        country_row(iso3, own, country_grade.quality_grade(own), minerals.main_minerals(own["mineral"]))
        for iso3, own in figures.groupby("iso3", sort=True)
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))
