"""Curation and corrections files are inputs like any other: checked, applied, visible; echoes are grouped."""

import csv

import pytest

from asmhub_utils import paths
from asmhub_utils.errors import DataError
from asmhub_utils.tidy import corrections, curation, echoes


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_record_id_is_an_error_naming_the_row(tmp_path):
    path = write(tmp_path, "curation.csv", "record_id,field,value,reason\nseed-9999,year,2003,because\n")
    with pytest.raises(DataError) as error:
        curation.apply([{"record_id": "seed-0001", "curation": ""}], curation.read(path), path)
    assert "row 2" in str(error.value) and "seed-9999" in str(error.value)


@pytest.mark.parametrize(
    "line,column",
    [
        ("seed-0001,colour,red,x", "field"),
        ("seed-0001,year,03,x", "value"),
        ("seed-0001,measures,miners,x", "value"),
        ("seed-0001,year,2003,", "reason"),
    ],
)
def test_bad_curation_rows_are_named(tmp_path, line, column):
    path = write(tmp_path, "curation.csv", f"record_id,field,value,reason\n{line}\n")
    with pytest.raises(DataError) as error:
        curation.read(path)
    assert f"column '{column}'" in str(error.value)


def test_curated_value_and_reason_are_published():
    with paths.ESTIMATES.open(encoding="utf-8", newline="") as handle:
        data = {r["record_id"]: r for r in csv.DictReader(handle)}
    for decision in curation.read():
        row = data[decision.record_id]
        assert decision.reason in row["curation"]
        if decision.field == "repeats":  # joined to the estimate it repeats, not a column of its own
            assert row["echo_group"] == data[decision.value]["echo_group"]
        else:
            assert row[decision.field] == decision.value


def test_stale_correction_is_an_error(tmp_path):
    path = write(
        tmp_path,
        "corrections.csv",
        "source,field,old,new,reason\ns1,url,http://old.example/a,http://new.example/a,moved\n",
    )
    with pytest.raises(DataError) as error:
        corrections.apply([{"source_id": "s1", "url": "http://other.example/a"}], corrections.read(path), path)
    assert "row 2" in str(error.value) and "http://other.example/a" in str(error.value)


def test_no_published_source_address_is_a_proxy():
    with paths.SOURCES.open(encoding="utf-8", newline="") as handle:
        sources = list(csv.DictReader(handle))
    assert not [s["url"] for s in sources if "ezproxy" in s["url"]]
    statista = next(s for s in sources if "statista.com/chart/26741" in s["url"])
    assert "ezproxy" in statista["correction"] and statista["url"].startswith("https://www.statista.com/")
    assert "statista-citing-delve-nd-3b98c5" in corrections.changelog_markdown()


def record(rid, value, year=None, original="", place="COD", measure="all people in ASM"):
    return {
        "record_id": rid,
        "iso3": place,
        "country_name": "",
        "measures": measure,
        "unit": "persons",
        "mineral": "",
        "value_low": value,
        "value_high": value,
        "value_central": value,
        "year": year,
        "original_source": original,
    }


def test_echoes_group_same_number_unless_producers_differ():
    groups = echoes.echo_groups(
        [
            record("a", 2e6, 2008),
            record("b", 2e6, 2007, "CASM 2007"),
            record("c", 2e6),
            record("d", 2e6, 2010, "Other 2010"),
            record("e", 2e5),
            record("f", 2e6, measure="dependants and livelihoods"),
        ]
    )
    assert groups["a"] == groups["b"] == groups["c"] == "b"
    assert groups["e"] == "e" and groups["f"] == "f"


def test_real_echoes_china_and_drc_are_one_estimate_each():
    with paths.ESTIMATES.open(encoding="utf-8", newline="") as handle:
        data = {r["record_id"]: r for r in csv.DictReader(handle)}
    china = {data[r]["echo_group"] for r in ("seed-0131", "seed-0132", "seed-0133", "seed-0138")}
    drc = {data[r]["echo_group"] for r in ("seed-0146", "seed-0147", "seed-0148", "seed-0154")}
    assert len(china) == 1 and len(drc) == 1


def test_every_correction_is_listed_on_the_changelog():
    changelog = (paths.ROOT / "book" / "changelog.md").read_text(encoding="utf-8")
    assert corrections.changelog_markdown() in changelog
