"""A `Diff` written out: one row per change (`rows`), as a terminal table, CSV or Markdown."""

from __future__ import annotations

import csv
import io
import shutil
import textwrap

from asmhub_utils.editions.diff import Diff

COLUMNS = ("section", "kind", "record_id", "iso3", "place", "field", "old", "new", "note")


def rows(diff: Diff) -> list[dict[str, str]]:
    """Every change as one row: headlines first, then figures (one row per changed field), world figures, the
    figures chapters state."""
    out = []
    for h in diff.headlines:
        out.append(
            {
                "section": "headline",
                "kind": h.kind,
                "record_id": h.new.record_id if h.new else "",
                "iso3": h.iso3,
                "place": h.country,
                "field": "headline",
                "old": h.old.text() if h.old else "not covered",
                "new": h.new.text() if h.new else "not covered",
                "note": f"rule: {h.reason}" if h.reason else "",
            }
        )
    for iso3 in diff.countries_added:
        out.append(
            {
                "section": "coverage",
                "kind": "newly covered",
                "record_id": "",
                "iso3": iso3,
                "place": next((f.place for f in diff.figures if f.iso3 == iso3), iso3),
                "field": "",
                "old": "",
                "new": "",
                "note": "first figures for this country",
            }
        )
    for f in diff.figures:
        section = "world figure" if f.scope == "world" else "figure"
        base = {"section": section, "kind": f.kind, "record_id": f.record_id, "iso3": f.iso3, "place": f.place}
        if f.kind == "changed":
            out += [{**base, "field": name, "old": old, "new": new, "note": f.indicator} for name, old, new in f.fields]
        else:
            old, new = ("", f.value) if f.kind == "added" else (f.value, "")
            out.append({**base, "field": "", "old": old, "new": new, "note": f.indicator})
    for s in diff.stated:
        out.append(
            {
                "section": "stated figure",
                "kind": "changed",
                "record_id": "",
                "iso3": "",
                "place": s.chapter,
                "field": s.name,
                "old": s.old,
                "new": s.new,
                "note": "",
            }
        )
    return out


def summary(diff: Diff) -> str:
    counts = ", ".join(diff.phrases())
    return f"{diff.old_label} -> {diff.new_label}: {counts} (compared in {diff.seconds * 1000:.0f} ms)"


def to_csv(diff: Diff) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(diff))
    return buffer.getvalue()


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def to_markdown(diff: Diff) -> str:
    lines = [f"**{_md(summary(diff))}**", ""]
    table = rows(diff)
    if not table:
        return "\n".join(lines + ["No change."]) + "\n"
    shown = ("section", "kind", "record_id", "place", "field", "old", "new", "note")
    lines += ["| " + " | ".join(shown) + " |", "|" + "---|" * len(shown)]
    lines += ["| " + " | ".join(_md(r[c]) for c in shown) + " |" for r in table]
    return "\n".join(lines) + "\n"


def to_terminal(diff: Diff, width: int | None = None) -> str:
    """Aligned columns, long cells wrapped, fitting the terminal's width."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    table = rows(diff)
    if not table:
        return summary(diff) + "\nNo change.\n"
    shown = ("section", "kind", "record_id", "place", "field", "old", "new")
    caps = {"section": 13, "kind": 13, "record_id": 20, "place": 18, "field": 15}
    fixed = sum(min(caps[c], max(len(c), *(len(r[c]) for r in table))) for c in caps) + 2 * len(shown)
    free = max(width - fixed, 20) // 2
    widths = {c: min(caps.get(c, free), max(len(c), *(len(r[c]) for r in table))) for c in shown}
    out = [
        summary(diff),
        "",
        "  ".join(c.ljust(widths[c]) for c in shown).rstrip(),
        "  ".join("-" * widths[c] for c in shown),
    ]
    for r in table:
        cells = {c: textwrap.wrap(r[c], widths[c]) or [""] for c in shown}
        for n in range(max(len(v) for v in cells.values())):
            out.append("  ".join((cells[c][n] if n < len(cells[c]) else "").ljust(widths[c]) for c in shown).rstrip())
    return "\n".join(out) + "\n"
