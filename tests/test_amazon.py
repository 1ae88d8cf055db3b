"""Amazon Mining Watch readers agree with the raw tables and with the figures sweep."""

import json

import pandas as pd
import pytest

from asmhub_utils import amazon, data
from asmhub_utils.errors import DataError


def test_national_yearly_columns_and_countries():
    frame = amazon.national_yearly()
    assert list(frame.columns) == ["iso3", "country", "year", "period", "area_ha", "cumulative_ha"]
    assert set(frame["iso3"]) == {"BOL", "BRA", "COL", "ECU", "GUF", "GUY", "PER", "SUR", "VEN"}
    assert "AMAZ" not in set(frame["iso3"])


def test_cumulative_area_is_the_running_sum_of_new_area():
    for _, rows in amazon.national_yearly().groupby("iso3"):
        assert rows["area_ha"].cumsum().to_numpy() == pytest.approx(rows["cumulative_ha"].to_numpy())


def test_last_cumulative_area_matches_the_figures_sweep():
    """The sweep typed the 2025 Q3 totals from the same table; the reader must give the same numbers."""
    sweep = data.estimates().query("indicator.str.startswith('cumulative area of detected') and scope == 'country'")
    last = amazon.national_yearly().groupby("iso3")["cumulative_ha"].last().round(1)
    for _, row in sweep.iterrows():
        assert last[row["iso3"]] == pytest.approx(row["value_central"], abs=0.1)


def test_periods_are_labelled_years_and_quarters():
    assert amazon.period_label(201800) == "2018"
    assert amazon.period_label(202503) == "2025 Q3"
    with pytest.raises(ValueError):
        amazon.period_label(201813)


def test_a_malformed_yearly_table_names_the_file_and_the_fix(tmp_path):
    bad = tmp_path / "yearly.json"
    bad.write_text(json.dumps([{"id": "BRA", "admin_year": 201800}]), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        amazon.national_yearly(bad)
    assert "SOURCE.md" in caught.value.problems[0].fix


def test_region_total_is_the_source_total():
    region = amazon.region_yearly()
    sweep = data.lookup("cumulative area of detected gold mining, 2018-2025Q3")
    assert region["cumulative_ha"].iloc[-1] == pytest.approx(sweep["value_central"], abs=0.1)


def test_protected_and_indigenous_areas():
    frame = amazon.protected_and_indigenous()
    assert set(frame["kind"]) == {"protected area", "indigenous territory"}
    assert frame["iso3"].str.fullmatch(r"[A-Z]{3}").all()
    assert (frame["area_ha"] >= 0).all() and (frame["n_areas"] >= 1).all()
    raw = pd.read_csv(amazon.PROTECTED)
    protected = frame.query("kind == 'protected area'")
    assert protected["area_ha"].sum() == pytest.approx(raw["intersected_area_ha"].sum())
    totals = amazon.totals_by_country(frame)
    assert totals.groupby("kind")["area_ha"].sum()["indigenous territory"] == pytest.approx(
        pd.read_csv(amazon.INDIGENOUS)["intersected_area_ha"].sum())
