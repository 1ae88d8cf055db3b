"""The contribution standard is defined once; the schema and example file are fresh renders of it."""

import json

import pytest
from frictionless import Resource, Schema

from asmhub_utils.contrib import standard
from asmhub_utils.errors import DataError
from asmhub_utils.tidy import build, units


def test_generated_files_equal_a_fresh_render():
    for path, content in standard.generated_files().items():
        assert path.read_text(encoding="utf-8") == content, f"{path.name} is stale: run `asmhub standard`"


def test_the_build_reads_files_in_the_standard_and_refuses_other_headers(tmp_path):
    """The build accepts a file written to the standard (its example) and names the standard's columns when a
    header differs (a column moved or missing)."""
    rows = build.read_figures(standard.EXAMPLE_PATH)
    assert rows and all(tuple(r.fields) == standard.COLUMNS for r in rows)
    lines = standard.render_example().splitlines()
    header = lines[0].split(",")
    for bad in (header[1:2] + header[:1] + header[2:], header[:-1]):
        path = tmp_path / "bad.csv"
        path.write_text("\n".join([",".join(bad)] + lines[1:]) + "\n", encoding="utf-8")
        with pytest.raises(DataError) as caught:
            build.read_figures(path, origin="contrib/bad.csv")
        assert ",".join(standard.COLUMNS) in str(caught.value)
    assert len(standard.COLUMNS) == len(set(standard.COLUMNS)) == 14
    assert set(standard.REQUIRED) >= {"value", "unit", "year", "source_title", "source_url"}


def test_schema_lists_allowed_units_and_datasets():
    fields = {f["name"]: f for f in json.loads(standard.SCHEMA_PATH.read_text())["fields"]}
    assert fields["unit"]["constraints"]["enum"] == list(units.ALLOWED)
    assert "miners_by_country" in fields["dataset"]["constraints"]["enum"]
    assert fields["year"]["constraints"] == {"required": True, "minimum": standard.FIRST_YEAR}


def test_frictionless_accepts_the_example_and_rejects_a_bad_unit(tmp_path):
    schema = Schema.from_descriptor(json.loads(standard.SCHEMA_PATH.read_text()))
    example = Resource(path=standard.EXAMPLE_PATH.name, basepath=str(standard.EXAMPLE_DIR), schema=schema)
    assert example.validate().valid
    (tmp_path / "bad.csv").write_text(standard.render_example().replace(",persons,", ",people,"), encoding="utf-8")
    report = Resource(path="bad.csv", basepath=str(tmp_path), schema=schema).validate()
    assert [row[0] for row in report.flatten(["type"])] == ["constraint-error"]


def test_documentation_rows_cover_every_column():
    rows = standard.documentation_rows()
    assert [r["Column"] for r in rows] == list(standard.COLUMNS)
    year = next(r for r in rows if r["Column"] == "year")
    assert str(standard.current_year()) in year["Rule"] and year["Required"] == "yes"
