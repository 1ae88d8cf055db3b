"""data/datapackage.json describes the tidy tables, and the tables satisfy it (Frictionless)."""

import json

from frictionless import Package

from asmhub_utils import paths
from asmhub_utils.tidy import schema


def test_tables_validate_against_the_data_package():
    report = Package(str(paths.DATAPACKAGE)).validate()
    errors = [e.message for task in report.tasks for e in task.errors][:10]
    assert report.valid, errors


def test_descriptor_is_written_from_the_schema_module():
    assert json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8")) == schema.datapackage()
