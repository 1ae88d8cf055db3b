"""Amazon Mining Watch readers agree with the raw tables and the figures sweep; a broken file gets a clear error."""

import json

import pandas as pd
import pytest

from asmhub_utils.chapters import amazon, data
from asmhub_utils.errors import DataError


def test_national_yearly_columns_and_countries():
    frame = amazon.national_yearly()
    assert list(frame.columns) == list(amazon.COLUMNS)
    assert set(frame["iso3"]) == {"BOL", "BRA", "COL", "ECU", "GUF", "GUY", "PER", "SUR", "VEN"}
    assert frame.loc[frame["iso3"] == "BRA", "country"].iloc[0] == "Brazil"
    assert {"2018", "2024", "2025 Q2", "2025 Q3"} <= set(frame["period"])


def test_every_record_is_read_once():
    raw = json.loads(amazon.NATIONAL_YEARLY.read_text(encoding="utf-8"))
    assert len(amazon.national_yearly()) + len(amazon.region_yearly()) == len(raw)


def test_cumulative_area_is_the_running_sum_of_new_area():
    for _, rows in amazon.national_yearly().groupby("iso3"):
        assert rows["area_ha"].cumsum().to_numpy() == pytest.approx(rows["cumulative_ha"].to_numpy())


def test_last_cumulative_area_matches_the_figures_sweep():
    """The sweep typed the 2025 Q3 totals from the same table; the reader must give the same numbers."""
    sweep = data.estimates().query("indicator.str.startswith('cumulative area of detected') and scope == 'country'")
    last = amazon.national_yearly().groupby("iso3")["cumulative_ha"].last().round(1)
    for _, row in sweep.iterrows():
        assert last[row["iso3"]] == pytest.approx(row["value_central"], abs=0.1)


def test_region_total_is_the_source_total():
    region = amazon.region_yearly()
    assert set(region["iso3"]) == {""} and set(region["country"]) == {amazon.REGION_NAME}
    sweep = data.lookup("cumulative area of detected gold mining, 2018-2025Q3")
    assert region["cumulative_ha"].iloc[-1] == pytest.approx(sweep["value_central"], abs=0.1)


def test_rows_cite_a_source_in_sources_csv():
    frame = amazon.national_yearly()
    assert frame["source_id"].nunique() == 1
    assert frame["source_id"].iloc[0] in set(data.sources()["source_id"])


def test_periods_are_labelled_years_and_quarters():
    assert amazon.period_label(201800) == "2018"
    assert amazon.period_label(202503) == "2025 Q3"
    with pytest.raises(ValueError):
        amazon.period_label(201813)


def write(tmp_path, records):
    path = tmp_path / "national_admin_yearly.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


GOOD = {"id": "BRA", "admin_year": 201900, "intersected_area_ha": 5.0, "intersected_area_ha_cumulative": 10.0}


def test_unknown_country_code_is_named(tmp_path):
    with pytest.raises(DataError) as error:
        amazon.national_yearly(write(tmp_path, [GOOD, dict(GOOD, id="XXQ")]))
    message = str(error.value)
    assert "row 2" in message and "'id'" in message and "XXQ" in message


def test_bad_period_is_named(tmp_path):
    with pytest.raises(DataError, match="admin_year.*201907"):
        amazon.national_yearly(write(tmp_path, [dict(GOOD, admin_year=201907)]))


def test_missing_field_and_bad_json_name_the_fix(tmp_path):
    broken = dict(GOOD)
    del broken["intersected_area_ha"]
    with pytest.raises(DataError, match="intersected_area_ha") as caught:
        amazon.national_yearly(write(tmp_path, [broken]))
    assert "SOURCE.md" in caught.value.problems[0].fix
    path = tmp_path / "national_admin_yearly.json"
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON"):
        amazon.national_yearly(path)


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
        pd.read_csv(amazon.INDIGENOUS)["intersected_area_ha"].sum()
    )
