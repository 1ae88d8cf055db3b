"""`asmhub contribute`: all or nothing, and idempotent. Runs against a copy of data/ in a temporary folder."""

import csv
import os
from pathlib import Path

import pytest

from asmhub_utils.commands import contribute as contribute_command
from asmhub_utils.contrib import contribute, standard, transaction
from asmhub_utils.errors import DataError
from asmhub_utils.tidy import build

CASES = Path(__file__).parent / "contrib_cases"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def contribution(
    tmp_path: Path, name: str = "ngo-test-2025.csv", title: str = "ASM census (test)", publisher: str = "Test NGO"
) -> Path:
    path = tmp_path / name
    text = standard.render_example().replace("Artisanal and small-scale mining in Ghana", title)
    path.write_text(text.replace("Example Research Institute", publisher), encoding="utf-8")
    return path


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_contribution_reaches_the_tidy_tables_with_its_source(data_copy, tmp_path):
    before = len(rows(data_copy / "estimates.csv"))
    outcome = contribute.contribute(contribution(tmp_path))
    assert outcome.target == data_copy / "contrib" / "ngo-test-2025.csv" and outcome.records == 3
    estimates = rows(data_copy / "estimates.csv")
    added = [r for r in estimates if r["origin"] == "contrib/ngo-test-2025.csv"]
    assert len(estimates) == before + 3 and len(added) == 3
    sources = {s["source_id"]: s for s in rows(data_copy / "sources.csv")}
    assert {sources[r["source_id"]]["title"] for r in added} >= {"ASM census (test)"}
    ghana = next(r for r in added if r["iso3"] == "GHA")
    assert (ghana["value_text"], ghana["value_central"], ghana["region"]) == ("about 1,000,000", "1000000", "Africa")
    # the swapped-in tables are exactly what build-data would write
    fresh = build.build(out_dir=tmp_path / "fresh")
    for path in fresh.values():
        assert path.read_bytes() == (data_copy / path.name).read_bytes()


def test_second_run_adds_nothing(data_copy, tmp_path, capsys):
    source = contribution(tmp_path)
    contribute.contribute(source)
    after_first = snapshot(data_copy)
    args = type("Args", (), {"file": source})
    assert contribute_command.run(args) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert snapshot(data_copy) == after_first


def test_same_records_under_another_name_are_refused(data_copy, tmp_path):
    contribute.contribute(contribution(tmp_path))
    after_first = snapshot(data_copy)
    copy = tmp_path / "renamed.csv"
    copy.write_bytes(contribution(tmp_path).read_bytes() + b"\n")
    with pytest.raises(DataError, match="already in the data"):
        contribute.contribute(copy)
    assert snapshot(data_copy) == after_first


@pytest.mark.parametrize("case", ["many-mistakes.csv", "not-utf8.csv", "empty.csv", "duplicate-of-seed.csv"])
def test_rejected_file_leaves_data_byte_identical(data_copy, case, capsys):
    before = snapshot(data_copy)
    assert contribute_command.run(type("Args", (), {"file": CASES / case})) == 1
    assert "data/ was not changed" in capsys.readouterr().err
    assert snapshot(data_copy) == before


def test_name_clash_with_a_different_file_is_refused(data_copy, tmp_path):
    contribute.contribute(contribution(tmp_path))
    before = snapshot(data_copy)
    (tmp_path / "other").mkdir()
    other = contribution(tmp_path / "other", publisher="Another Institute")
    with pytest.raises(DataError, match="a different file named ngo-test-2025.csv"):
        contribute.contribute(other)
    assert snapshot(data_copy) == before


def test_failed_build_leaves_data_byte_identical(data_copy, tmp_path, monkeypatch):
    before = snapshot(data_copy)

    def half_build(out_dir, contrib_dir):
        (out_dir).mkdir(parents=True)
        (out_dir / "estimates.csv").write_text("partial", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(build, "build", half_build)
    with pytest.raises(contribute.ContributeError, match="disk full.*data/ was not changed"):
        contribute.contribute(contribution(tmp_path))
    assert snapshot(data_copy) == before
    assert not list(data_copy.parent.glob(".asmhub-staging-*")), "the staging folder is removed"


def test_failure_in_the_middle_of_the_swap_restores_every_file(data_copy, tmp_path, monkeypatch):
    before = snapshot(data_copy)
    real_replace, calls = os.replace, []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:  # the journal and the contributed file are already in place
            raise OSError("power cut")
        return real_replace(src, dst)

    monkeypatch.setattr(transaction.os, "replace", failing_replace)
    with pytest.raises(contribute.ContributeError, match="power cut"):
        contribute.contribute(contribution(tmp_path))
    assert snapshot(data_copy) == before


def test_unsafe_file_name_is_refused(data_copy, tmp_path):
    bad = tmp_path / "my data (final).csv"
    bad.write_text(standard.render_example().replace("Example Research", "Test"), encoding="utf-8")
    with pytest.raises(DataError, match="file name"):
        contribute.contribute(bad)


def test_unchanged_example_is_refused(data_copy, tmp_path):
    copy = tmp_path / "example-copy.csv"
    copy.write_bytes(standard.EXAMPLE_PATH.read_bytes())
    with pytest.raises(DataError, match="example file"):
        contribute.contribute(copy)
