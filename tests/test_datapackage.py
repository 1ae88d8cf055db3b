"""data/datapackage.json describes the tidy tables, and the tables satisfy it (Frictionless)."""

import hashlib
import json

from frictionless import Package

from asmhub_utils import paths
from asmhub_utils.tidy import schema


def test_tables_validate_against_the_data_package():
    report = Package(str(paths.DATAPACKAGE)).validate()
    errors = [e.message for task in report.tasks for e in task.errors][:10]
    assert report.valid, errors


def test_descriptor_is_written_from_the_schema_module_with_each_tables_size_and_hash():
    written = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    for resource in written["resources"]:
        table = paths.DATA / resource.pop("path")
        assert resource.pop("bytes") == table.stat().st_size
        assert resource.pop("hash") == "sha256:" + hashlib.sha256(table.read_bytes()).hexdigest()
    expected = schema.datapackage()
    for resource in expected["resources"]:
        resource.pop("path")
    assert written == expected
