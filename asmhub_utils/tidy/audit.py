"""Where the data needs a specialist's judgment: every warning sign it carries, read from the tidy tables.

`findings` runs the rules of `signs.py` over every figure of `data/estimates.csv`, and the headline rule
(`headline.py`) over every country, on the committed tables, so the audit checks the data as it is published:

* each figure's own signs (a model, a derivation, a note calling it outdated, recurring or a hypothesis, a
  figure that reaches the book through a news report, a number in a text column, ...);
* each echo group whose members count different things (`echoes.subject`);
* each country whose independent national estimates of all people in ASM differ more than tenfold;
* each headline's signs (its figure's, a tie, a spread, a mixed echo group), with the reviewed decision of
  `data/curation.csv` when there is one.

A headline sign without a reviewed decision is **unreviewed**; `asmhub audit` exits 1 while any is left.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from asmhub_utils.tidy import echoes, headline, signs


@dataclass(frozen=True)
class Finding:
    record_id: str
    iso3: str
    sign: str
    reason: str
    headline: bool = False  # the sign is on a country's headline
    decision: str = ""  # the reviewed decision (keep, prefer) for a headline sign
    decision_reason: str = ""

    @property
    def unreviewed(self) -> bool:
        return self.headline and not self.decision


def _records(estimates: pd.DataFrame) -> list[dict]:
    frame = estimates.astype(object).where(pd.notna(estimates), None)
    rows = frame.to_dict("records")
    for row in rows:
        for key in ("indicator", "note", "mineral", "value_text", "reliability_reason", "statement_of"):
            row[key] = row.get(key) or ""
    return rows


def figure_findings(estimates: pd.DataFrame) -> list[Finding]:
    """Every sign on every figure, and every echo group whose members count different things."""
    rows = _records(estimates)
    out = [
        Finding(r["record_id"], r["iso3"] or "", sign, f"the figure {signs.reader(sign)}")
        for r in rows
        for sign in signs.figure_signs(r)
    ]
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["echo_group"], []).append(r)
    for group, members in sorted(groups.items()):
        kinds = sorted({echoes.subject(m)[0] for m in members})
        if len({echoes.subject(m) for m in members}) > 1:
            out.append(
                Finding(
                    group,
                    members[0]["iso3"] or "",
                    "mixed echo group",
                    f"its echo group of {len(members)} figures mixes {', '.join(kinds)}",
                )
            )
    return out


def spread_findings(estimates: pd.DataFrame) -> list[Finding]:
    """Countries whose independent national estimates of all people in ASM differ more than tenfold."""
    out = []
    country = estimates[(estimates["scope"] == "country") & (estimates["iso3"] != "")]
    for iso3, own in country.groupby("iso3", sort=True):
        groups = headline.independent(headline.candidates(own, ("all people in ASM",)), own)
        if len(groups) < 2:
            continue
        bounds = [headline._bounds(r) for _, r in groups.iterrows()]
        low, high = min(b[0] for b in bounds), max(b[1] for b in bounds)
        if low > 0 and high > 10 * low:
            low_id = groups.iloc[[b[0] for b in bounds].index(low)]["record_id"]
            high_id = groups.iloc[[b[1] for b in bounds].index(high)]["record_id"]
            out.append(
                Finding(
                    f"{low_id} {high_id}",
                    iso3,
                    "spread",
                    f"independent national estimates run from {low:,.0f} to {high:,.0f} ({high / low:,.0f} times)",
                )
            )
    return out


def headline_findings(countries: pd.DataFrame) -> list[Finding]:
    """Each sign on each headline, with its reviewed decision (blank when none)."""
    out = []
    for _, row in countries.iterrows():
        for sign in filter(None, str(row.get("headline_signs") or "").split("; ")):
            out.append(
                Finding(
                    row["headline_record_id"],
                    row["iso3"],
                    sign,
                    f"the headline {signs.reader(sign)}",
                    headline=True,
                    decision=str(row.get("headline_decision") or ""),
                    decision_reason=str(row.get("headline_decision_reason") or ""),
                )
            )
    return out


def findings(estimates: pd.DataFrame) -> list[Finding]:
    """Every warning sign in the data: headlines first (recomputed by the headline rule), then spreads, figures."""
    countries = headline.table(estimates)
    return headline_findings(countries) + spread_findings(estimates) + figure_findings(estimates)


def table(found: list[Finding], width: int = 100) -> str:
    """A plain-text table for people: sign, country, record, reason (and decision for headline signs)."""
    lines = [f"{'sign':<24} {'country':<7} {'record':<14} reason", "-" * width]
    for f in found:
        reason = f.reason
        if f.headline:
            reason += f" | decision: {f.decision} ({f.decision_reason})" if f.decision else " | UNREVIEWED"
        lines.append(f"{f.sign:<24} {f.iso3 or 'world':<7} {f.record_id:<14} {reason}")
    return "\n".join(lines)
