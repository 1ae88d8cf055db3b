"""The tidy tables: reproducible from data/raw, complete, and loud about malformed input."""

import csv
import filecmp
import shutil

import pytest

from asmhub_utils import paths
from asmhub_utils.errors import DataError
from asmhub_utils.tidy import build, corrections


def read(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_rebuild_matches_committed_tables(tmp_path):
    written = build.build(out_dir=tmp_path)
    for name in ("estimates", "sources", "datapackage", "bibliography"):
        committed = paths.DATA / written[name].name
        assert filecmp.cmp(written[name], committed, shallow=False), (
            f"{committed.name} differs from a fresh build: run `make data` and commit the result"
        )


def test_every_seed_figure_is_kept_with_its_value_and_source():
    seed = read(paths.SEED_FIGURES)
    estimates = {r["record_id"]: r for r in read(paths.ESTIMATES)}
    sources = {r["source_id"]: r for r in read(paths.SOURCES)}
    assert len(seed) == 803
    for number, figure in enumerate(seed, start=1):
        row = estimates[f"seed-{number:04d}"]
        assert row["value_text"] == figure["value"]
        assert row["unit_original"] == figure["unit"]
        source = sources[row["source_id"]]
        fixed = {c.field: (c.old, c.new) for c in corrections.read() if c.source == row["source_id"]}
        for field, raw in (("title", figure["source_title"]), ("url", figure["source_url"])):
            if field in fixed:  # corrected only through data/corrections.csv, from the value as received
                assert fixed[field] == (raw, source[field]) and source["correction"]
            else:
                assert source[field] == raw


def test_sources_have_a_reliability_and_count():
    sources = read(paths.SOURCES)
    assert {s["reliability"] for s in sources} == {"primary", "secondary", "low"}
    assert sum(int(s["n_figures"]) for s in sources) == len(read(paths.ESTIMATES))


def test_flagged_hosts_are_low_reliability():
    sources = read(paths.SOURCES)
    low = {s["publisher"] for s in sources if s["reliability"] == "low"}
    assert any("Wikipedia" in p for p in low)
    assert any("aladdinseparation" in p for p in low)


def test_world_and_regional_figures_have_no_iso3():
    for row in read(paths.ESTIMATES):
        assert (row["scope"] == "country") == bool(row["iso3"])


@pytest.fixture
def broken_seed(tmp_path, monkeypatch):
    raw = tmp_path / "data" / "raw" / "asm-source-sweep"
    raw.mkdir(parents=True)
    shutil.copy(paths.SEED_FIGURES, raw / "figures.csv")
    sweep2 = tmp_path / "data" / "raw" / "asm-source-sweep-2"
    sweep2.mkdir(parents=True)
    shutil.copy(paths.SWEEP2_FIGURES, sweep2 / "figures.csv")
    sweep3 = tmp_path / "data" / "raw" / "asm-source-sweep-3"
    sweep3.mkdir(parents=True)
    shutil.copy(paths.SWEEP3_FIGURES, sweep3 / "figures.csv")
    monkeypatch.setattr(paths, "SWEEP3_FIGURES", sweep3 / "figures.csv")
    monkeypatch.setattr(paths, "DATA", tmp_path / "data")
    monkeypatch.setattr(paths, "SEED_FIGURES", raw / "figures.csv")
    monkeypatch.setattr(paths, "SWEEP2_FIGURES", sweep2 / "figures.csv")
    monkeypatch.setattr(paths, "CONTRIB", tmp_path / "data" / "contrib")
    return raw / "figures.csv"


def test_malformed_row_names_file_row_column_and_value(broken_seed, tmp_path):
    rows = broken_seed.read_text(encoding="utf-8").splitlines()
    rows[4] = rows[4].replace("global_headline,,,", "global_headline,XXQ,,", 1)
    broken_seed.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(DataError) as error:
        build.build(out_dir=out)
    message = str(error.value)
    assert "figures.csv, row 5, column 'country_iso3'" in message
    assert "'XXQ'" in message and "Fix:" in message
    assert not out.exists(), "a failed build must write nothing"


def test_wrong_header_is_reported(broken_seed, tmp_path):
    text = broken_seed.read_text(encoding="utf-8").replace("source_url", "link", 1)
    broken_seed.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="row 1.*header"):
        build.build(out_dir=tmp_path / "out")


def test_every_sweep2_figure_is_kept_with_its_value_source_and_origin():
    sweep2 = read(paths.SWEEP2_FIGURES)
    estimates = {r["record_id"]: r for r in read(paths.ESTIMATES)}
    sources = {r["source_id"]: r for r in read(paths.SOURCES)}
    assert len(sweep2) == 255
    for number, figure in enumerate(sweep2, start=1):
        row = estimates[f"sweep2-{number:04d}"]
        assert row["origin"] == "raw/asm-source-sweep-2/figures.csv"
        assert (row["value_text"], row["unit_original"], row["iso3"]) == (
            figure["value"],
            figure["unit"],
            figure["country_iso3"],
        )
        source = sources[row["source_id"]]
        if not source["correction"]:  # a correction (data/corrections.csv) may describe the publisher or fix the URL
            assert (source["title"], source["publisher"], source["url"]) == (
                figure["source_title"],
                figure["source_publisher"],
                figure["source_url"],
            )


def test_every_sweep3_figure_is_kept_with_its_value_source_and_origin():
    sweep3 = read(paths.SWEEP3_FIGURES)
    estimates = {r["record_id"]: r for r in read(paths.ESTIMATES)}
    sources = {r["source_id"]: r for r in read(paths.SOURCES)}
    assert len(sweep3) == 69
    for number, figure in enumerate(sweep3, start=1):
        row = estimates[f"sweep3-{number:04d}"]
        assert row["origin"] == "raw/asm-source-sweep-3/figures.csv"
        assert (row["value_text"], row["unit_original"], row["iso3"]) == (
            figure["value"],
            figure["unit"],
            figure["country_iso3"],
        )
        source = sources[row["source_id"]]
        assert (source["title"], source["publisher"], source["url"]) == (
            figure["source_title"],
            figure["source_publisher"],
            figure["source_url"],
        )


def test_a_survey_year_span_written_with_two_digits_is_a_year():
    fields = {c: "" for c in build.FIGURE_COLUMNS} | {
        "dataset": "other",
        "indicator": "x",
        "value": "1",
        "unit": "persons",
        "source_title": "t",
        "source_url": "https://example.org",
    }
    assert build.check_figure("f.csv", 2, fields | {"year": "2014-15"}) == []
    assert build.check_figure("f.csv", 2, fields | {"year": "2014-2015"}) == []
    [problem] = build.check_figure("f.csv", 2, fields | {"year": "2015-14"})
    assert problem.column == "year"


def test_each_row_says_which_raw_source_it_came_from():
    origins = {r["record_id"].split("-")[0]: set() for r in read(paths.ESTIMATES)}
    for row in read(paths.ESTIMATES):
        origins[row["record_id"].split("-")[0]].add(row["origin"])
    assert origins["seed"] == {"raw/asm-source-sweep/figures.csv"}
    assert origins["sweep2"] == {"raw/asm-source-sweep-2/figures.csv"}
    assert origins["sweep3"] == {"raw/asm-source-sweep-3/figures.csv"}


def test_kosovo_enters_under_its_documented_code():
    kosovo = [r for r in read(paths.ESTIMATES) if r["iso3"] == "XKX"]
    assert kosovo and all(r["region"] == "Europe" for r in kosovo)


def test_unknown_code_in_the_second_sweep_is_refused(broken_seed, tmp_path):
    sweep2 = paths.SWEEP2_FIGURES
    text = sweep2.read_text(encoding="utf-8").replace("\nother,XKX,", "\nother,XKK,", 1)
    sweep2.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        build.build(out_dir=tmp_path / "out")
    message = str(error.value)
    assert "asm-source-sweep-2/figures.csv" in message and "column 'country_iso3'" in message
    assert "'XKK'" in message
    assert not (tmp_path / "out").exists()


def test_a_blank_unit_is_refused_outside_the_sweep_that_names_units_in_notes(broken_seed, tmp_path):
    rows = list(csv.reader(broken_seed.open(encoding="utf-8", newline="")))
    rows[1][5] = ""
    with broken_seed.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    with pytest.raises(DataError, match="row 2, column 'unit'"):
        build.build(out_dir=tmp_path / "out")


def test_sweep2_rows_without_a_unit_keep_it_blank_and_name_it_in_the_note():
    blank = [r for r in read(paths.ESTIMATES) if r["record_id"].startswith("sweep2") and not r["unit_original"]]
    assert blank and all(r["unit"] == "" for r in blank)
    numeric = [r for r in blank if r["value_kind"] != "text"]
    assert numeric and all(r["note"] for r in numeric), "a figure without a unit must say in its note what it counts"


@pytest.mark.parametrize(
    "year,ok",
    [("2019", True), ("1990s", True), ("2017-2018", True), ("2018-2017", False), ("2017/18", False), ("19", False)],
)
def test_year_is_a_year_a_decade_or_an_ordered_span(year, ok):
    fields = {c: "x" for c in build.FIGURE_COLUMNS} | {
        "country_iso3": "",
        "year": year,
        "source_year": "",
        "source_url": "https://example.org/a",
    }
    problems = build.check_figure("f.csv", 2, fields)
    assert (not problems) == ok, problems
