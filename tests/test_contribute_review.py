"""The review of a contribution (`asmhub contribute --dry-run`, and after it lands), on a copy of data/: a file that
gives a country with figures but no national count its first one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from asmhub_utils import cli
from asmhub_utils.contrib import review
from asmhub_utils.errors import DataError

HEADER = (
    "dataset,country_iso3,country_name,indicator,value,unit,year,mineral,source_title,source_publisher,"
    "source_year,source_url,locator,note"
)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _uncounted_country(data: Path) -> tuple[str, str]:
    """A country the data covers without a national count (whichever one today's data has)."""
    with (data / "countries.csv").open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if not r["headline_record_id"])
    return row["iso3"], row["country_name"]


def _file(tmp_path: Path, iso3: str, name: str) -> Path:
    path = tmp_path / "ngo-review-test-2026.csv"
    path.write_text(
        f'{HEADER}\nminers_by_country,{iso3},{name},people working in ASM,"about 31,000",persons,2024,'
        f"gold,National ASM census (test),Review Test NGO,2025,https://example.org/census-2025,p. 4,\n",
        encoding="utf-8",
    )
    return path


def test_dry_run_names_the_headline_it_would_set_and_writes_nothing(data_copy, tmp_path, capsys):
    iso3, name = _uncounted_country(data_copy)
    source = _file(tmp_path, iso3, name)
    before = snapshot(data_copy)
    assert cli.main(["contribute", "--dry-run", str(source)]) == 0
    out = capsys.readouterr().out
    assert snapshot(data_copy) == before  # nothing written
    expected = (
        f"{name} ({iso3}) (its first national headline): no national count -> "
        "about 31,000 people (2024; Review Test NGO)"
    )
    assert expected in out
    assert "rule: " in out and f"notebooks/places/profiles/{iso3}" in out and "Dry run: nothing was written." in out
    assert f"  {name}: 1" in out  # new figures by country


def test_the_same_review_after_it_lands(data_copy, tmp_path, capsys):
    iso3, name = _uncounted_country(data_copy)
    source = _file(tmp_path, iso3, name)
    preview = review.preview(source)
    assert cli.main(["contribute", str(source)]) == 0
    out = capsys.readouterr().out
    assert "Headlines that changed:" in out and f"{name} ({iso3}) (its first national headline)" in out
    assert (data_copy / "contrib" / source.name).exists()
    headline = next(h for h in preview.changes.headlines if h.iso3 == iso3)
    assert headline.kind == "new" and headline.new.value == "about 31,000 people"


def test_a_refused_file_says_why_and_writes_nothing(data_copy, tmp_path, capsys):
    bad = tmp_path / "ngo-bad-2026.csv"
    bad.write_text(
        f"{HEADER}\nminers_by_country,GHA,Ghana,people working in ASM,lots,persons,20199,gold,T,P,2020,"
        "javascript:alert(1),p. 1,\n",
        encoding="utf-8",
    )
    before = snapshot(data_copy)
    assert cli.main(["contribute", "--dry-run", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "would be refused" in err and "column 'year'" in err and "column 'source_url'" in err
    assert snapshot(data_copy) == before
    with pytest.raises(DataError):
        review.preview(bad)


def test_markdown_review_for_a_job_summary(data_copy, tmp_path, capsys):
    iso3, name = _uncounted_country(data_copy)
    assert cli.main(["contribute", "--dry-run", "--markdown", str(_file(tmp_path, iso3, name))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("### Review of") and "**Headlines that would change**" in out and f"- {name} ({iso3})" in out
