"""The Amazon Mining Watch table is built from the raw file, and a broken file gives a clear error."""

import json

import pytest

from asmhub_utils import amazon, data
from asmhub_utils.errors import DataError


def test_national_yearly_reads_every_record():
    frame = amazon.national_yearly()
    raw = json.loads(amazon.NATIONAL_YEARLY.read_text(encoding="utf-8"))
    assert len(frame) == len(raw)
    assert list(frame.columns) == list(amazon.COLUMNS)
    assert set(frame["iso3"]) == {r["id"] for r in raw} - {"AMAZ"} | {""}
    assert frame.loc[frame["iso3"] == "BRA", "country"].iloc[0] == "Brazil"
    assert {"2018", "2024", "2025 Q2", "2025 Q3"} <= set(frame["period"])


def test_cumulative_area_only_grows_and_sums_the_periods():
    frame = amazon.national_yearly()
    for _, rows in frame.groupby("iso3"):
        assert rows["cumulative_area_ha"].is_monotonic_increasing
        assert rows["new_area_ha"].sum() == pytest.approx(rows["cumulative_area_ha"].iloc[-1])


def test_rows_cite_a_source_in_sources_csv():
    frame = amazon.national_yearly()
    assert frame["source_id"].nunique() == 1
    assert frame["source_id"].iloc[0] in set(data.sources()["source_id"])


def write(tmp_path, records):
    path = tmp_path / "national_admin_yearly.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


GOOD = {"id": "BRA", "admin_year": 201900, "intersected_area_ha": 5.0, "intersected_area_ha_cumulative": 10.0}


def test_unknown_country_code_is_named(tmp_path):
    path = write(tmp_path, [GOOD, dict(GOOD, id="XXQ")])
    with pytest.raises(DataError) as error:
        amazon.national_yearly(path)
    message = str(error.value)
    assert "row 2" in message and "'id'" in message and "XXQ" in message


def test_bad_period_is_named(tmp_path):
    with pytest.raises(DataError, match="admin_year.*201907"):
        amazon.national_yearly(write(tmp_path, [dict(GOOD, admin_year=201907)]))


def test_missing_field_and_bad_json(tmp_path):
    broken = dict(GOOD)
    del broken["intersected_area_ha"]
    with pytest.raises(DataError, match="intersected_area_ha"):
        amazon.national_yearly(write(tmp_path, [broken]))
    path = tmp_path / "national_admin_yearly.json"
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(DataError, match="not valid JSON"):
        amazon.national_yearly(path)
