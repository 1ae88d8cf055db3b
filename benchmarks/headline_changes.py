"""Which country headlines changed, and how many figures changed year,
measure or reliability, between an older revision of the book and the working tree.

    .venv/bin/python benchmarks/headline_changes.py REV   # e.g. the last commit before the headline rule

The older revision's own code and data are unpacked into a temporary folder (git archive) and its country
table computed there, so the comparison is with what the pages showed then. Prints a Markdown table and counts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
OLD_TABLE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from asmhub_utils.chapters import places
t = places.country_table()
print(t.to_json(orient="records"))
"""


def old_revision(rev: str, folder: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    archive = subprocess.run(
        ["git", "archive", rev, "asmhub_utils", "data"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    out = subprocess.run(
        [sys.executable, "-c", OLD_TABLE, str(folder)], check=True, capture_output=True, text=True, cwd=folder
    ).stdout
    table = pd.DataFrame(json.loads(out.strip().splitlines()[-1]))
    read = lambda name: pd.read_csv(folder / "data" / name, dtype=str, keep_default_na=False)  # noqa: E731
    return table, read("estimates.csv"), read("sources.csv")


def main(rev: str) -> None:
    sys.path.insert(0, str(ROOT))
    from asmhub_utils.chapters import data, places

    with tempfile.TemporaryDirectory() as tmp:
        old_table, old_est, old_src = old_revision(rev, Path(tmp))
    old = old_table.set_index("ISO3")
    new = places.country_table().set_index("ISO3")
    headlines = data.countries().set_index("iso3")
    print("| country | before | now | why |\n|---|---|---|---|")
    changed = 0
    for iso3, row in new.iterrows():
        before = old.loc[iso3] if iso3 in old.index else None
        was = (
            "(not in the table)"
            if before is None
            else f"{before['Latest miner estimate']} ({before['Year']}; {before['Counted']})"
        )
        now = f"{row['Headline estimate']} ({row['Year']}; {row['What it counts']})"
        if before is None or (before["Latest miner estimate"], before["Year"]) != (
            row["Headline estimate"],
            row["Year"],
        ):
            changed += 1
            why = headlines.loc[iso3, "headline_rule"] or headlines.loc[iso3, "status"]
            print(f"| {row['Country']} | {was} | {now} | {why} |")
    print(f"\n{changed} of {len(new)} country headlines changed.")
    print(headlines["status"].value_counts().to_string())
    est = data.estimates()
    merged = old_est.merge(est.astype({"year": "string"}).fillna({"year": ""}), on="record_id", suffixes=("_old", ""))
    merged = merged.merge(
        old_src[["source_id", "reliability"]], left_on="source_id_old", right_on="source_id", suffixes=("", "_src")
    )
    print(f"figures whose year changed: {(merged['year_old'] != merged['year'].astype(str)).sum()}")
    print(f"figures whose unit became a flow per year: {(merged['unit_old'] != merged['unit']).sum()}")
    rated_apart = (merged["reliability_src"] != merged["reliability"]).sum()  # old source's vs the figure's own
    print(f"figures rated differently from their source's old reliability: {rated_apart}")
    # the rows the old country table took as headcounts of miners (its exclusion pattern, as it was)
    old_counts = (
        (merged["dataset_old"] == "miners_by_country")
        & (merged["unit_old"] == "persons")
        & (merged["scope_old"] == "country")
        & ~merged["indicator_old"].str.contains(
            r"female|women|minimum|maximum|indirect|dependent|depending|living from", case=False
        )
    )
    print(
        f"old headcount rows: {old_counts.sum()}, of which now measured as something other than all people "
        f"in ASM: {(old_counts & (merged['measures'] != 'all people in ASM')).sum()}, not national: "
        f"{(old_counts & (merged['coverage'] != 'national')).sum()}"
    )
    print(f"statement figures added (rows with statement_of): {(est['statement_of'] != '').sum()}")
    print(
        f"echo groups with more than one figure: {(est.groupby('echo_group').size() > 1).sum()}, "
        f"holding {(est.groupby('echo_group')['record_id'].transform('count') > 1).sum()} figures"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "HEAD")
