"""Editions: `asmhub diff` on a fixture pair (folders, a git history, zips), the edition record, the What changed
page and the marks on a figure's row. Fixtures: tests/fixtures/editions (README there lists each change)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from asmhub_utils import cli
from asmhub_utils.chapters import edition_marks
from asmhub_utils.editions import diff, package, registry, report
from asmhub_utils.errors import DataError
from asmhub_utils.site import what_changed as page

FIXTURES = Path(__file__).parent / "fixtures" / "editions"
OLD, NEW = FIXTURES / "old", FIXTURES / "new"


@pytest.fixture(scope="module")
def changes() -> diff.Diff:
    return diff.compare(package.from_folder(OLD), package.from_folder(NEW))


def test_an_edition_with_the_old_column_names_reads_as_the_same_data(tmp_path):
    """An edition kept before a figure's `grade` became `reliability` is read under today's names: the same
    tables under either set of names differ in nothing, and the country's letter `grade` keeps its name."""
    today, before = tmp_path / "today", tmp_path / "before"
    shutil.copytree(NEW, today)
    shutil.copy(FIXTURES.parent / "countries.csv", today / "countries.csv")  # has headline_reliability and grade
    shutil.copytree(today, before)
    for table in ("estimates", "countries"):
        header, rest = (today / f"{table}.csv").read_text(encoding="utf-8").split("\n", 1)
        back = {new: old for old, new in package.RENAMED[table].items()}
        names = [back.get(c, c) for c in header.split(",")]
        assert names != header.split(",")  # the copy really carries the old names
        (before / f"{table}.csv").write_text(",".join(names) + "\n" + rest, encoding="utf-8")
    old_names = package.from_folder(before)
    assert "reliability" in old_names.estimates and "grade" not in old_names.estimates
    assert "headline_reliability" in old_names.countries and "grade" in old_names.countries  # A-D stays `grade`
    result = diff.compare(old_names, package.from_folder(today))
    assert result.figures == [] and result.headlines == []


def test_an_old_edition_against_a_new_one_reports_reliability_not_a_new_column(changes):
    """The fixture's old/ has the old names, new/ today's: only real changes show, by today's field name."""
    fields = {name for change in changes.figures for name, _old, _new in change.fields}
    assert "grade" not in fields and "reliability" in fields


def test_a_changed_value_is_listed_with_old_and_new(changes):
    ghana = changes.by_record()["seed-0001"]
    assert ghana.kind == "changed" and ghana.place == "Ghana"
    fields = {name: (old, new) for name, old, new in ghana.fields}
    assert fields["value"] == ("about 1,000,000", "about 1,100,000")
    assert fields["range"] == ("1000000", "1100000")
    assert ghana.was.startswith("was about 1,000,000")


def test_an_added_and_a_removed_figure(changes):
    added = changes.by_record()["seed-0002"]
    assert added.kind == "added" and added.value == "30%"
    removed = changes.by_record()["seed-0004"]
    assert removed.kind == "removed" and removed.scope == "world" and removed.place == "World"
    assert [c.record_id for c in changes.world] == ["seed-0004"]


def test_a_source_rated_again_shows_as_the_reliability_of_each_figure(changes):
    for rid in ("seed-0003", "seed-0005"):
        assert changes.by_record()[rid].fields == (("reliability", "secondary", "primary"),)
    assert "seed-0006" not in changes.by_record()  # unchanged figures are not listed


def test_headlines_changed_and_first_headline(changes):
    by_country = {h.iso3: h for h in changes.headlines}
    assert set(by_country) == {"GHA", "BEN"}  # Peru's headline is the same figure, only rated again
    benin = by_country["BEN"]
    assert benin.kind == "new" and benin.old.text() == "no national count"
    assert benin.new.text() == "about 30,000 (2024; Test NGO)"
    assert benin.reason == "most recent independent national estimate"
    assert by_country["GHA"].kind == "changed"
    assert by_country["GHA"].old.value == "about 1,000,000" and by_country["GHA"].new.value == "about 1,100,000"


def test_stated_figures_of_chapters_compared(changes):
    assert [(s.chapter, s.name, s.old, s.new) for s in changes.stated] == [
        ("notebooks/primer.ipynb", "n_workforce", "11", "12")
    ]


def test_counts_by_kind(changes):
    assert changes.counts() == {
        "figures added": 2,
        "figures removed": 1,
        "figures changed": 3,
        "headlines changed": 2,
        "world figures changed": 1,
        "countries newly covered": 0,
        "stated figures changed": 1,
    }
    assert changes.phrases(skip_zero=True) == [
        "2 figures added",
        "1 figure removed",
        "3 figures changed",
        "2 headlines changed",
        "1 world figure changed",
        "1 stated figure changed",
    ]


def _commit_data(repo: Path, folder: Path, message: str) -> None:
    data = repo / "data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(folder, data)
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {"tags": ["nbval-check-output"]},
                "source": "glue()",
                "outputs": [
                    {
                        "output_type": "display_data",
                        "metadata": {"scrapbook": {"name": name}},
                        "data": {"application/papermill.record/text/plain": f"'{value}'"},
                    }
                    for name, value in json.loads((folder / "stated_figures.json").read_text())[
                        "notebooks/primer.ipynb"
                    ].items()
                ],
            }
        ]
    }
    (repo / "notebooks").mkdir(exist_ok=True)
    (repo / "notebooks" / "primer.ipynb").write_text(json.dumps(nb))
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", message], check=True)


def test_two_git_revisions_give_the_same_diff_as_the_folders(tmp_path, changes):
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _commit_data(repo, OLD, "old")
    _commit_data(repo, NEW, "new")
    from_git = diff.compare(package.from_git("HEAD~1", repo), package.from_git("HEAD", repo))
    assert report.rows(from_git) == report.rows(changes)
    with pytest.raises(DataError, match="git revision"):
        package.load("no-such-revision", repo=repo, editions=tmp_path / "none")


def _zip(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as z:
        for path in folder.iterdir():
            z.write(path, f"asmhub-data/{path.name}")
    return target


def test_two_zips_and_the_command_line(tmp_path, capsys, changes):
    old, new = _zip(OLD, tmp_path / "old.zip"), _zip(NEW, tmp_path / "new.zip")
    assert cli.main(["diff", str(old), str(new), "--csv"]) == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows == report.rows(changes)
    assert {(r["section"], r["kind"], r["iso3"]) for r in rows if r["section"] == "headline"} == {
        ("headline", "new", "BEN"),
        ("headline", "changed", "GHA"),
    }
    assert cli.main(["diff", str(OLD), str(NEW), "--markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "| headline | new | contrib-aaaaaaaaaaaa | Benin |" in markdown
    assert cli.main(["diff", str(OLD), str(NEW)]) == 0
    terminal = capsys.readouterr().out
    assert "seed-0004" in terminal and "removed" in terminal and "3 figures changed" in terminal


def test_diff_of_1100_figures_takes_well_under_a_second():
    """Two editions of 1,100+ figures: the comparison itself (what `asmhub diff` prints as 'compared in')."""
    old = package.from_folder(OLD)
    template = old.estimates.iloc[[0]]
    import pandas as pd

    big = pd.concat(
        [template.assign(record_id=f"r-{n:05d}", value_text=str(n)) for n in range(1200)], ignore_index=True
    )
    changed = big.copy()
    changed.loc[::7, "value_text"] = "changed"
    changed.loc[::11, "reliability"] = "low"
    a = package.DataPackage("a", big, old.countries, old.sources)
    b = package.DataPackage("b", changed.iloc[5:], old.countries, old.sources)
    start = time.perf_counter()
    result = diff.compare(a, b)
    assert time.perf_counter() - start < 0.5
    assert len(result.of_kind("removed")) == 5 and len(result.of_kind("changed")) > 150


@pytest.fixture
def book_copy(tmp_path, monkeypatch):
    """A metadata file, changelog and editions folder of our own, with OLD kept as edition 2026.1."""
    meta = tmp_path / "metadata.yml"
    meta.write_text(Path(registry.METADATA).read_text(encoding="utf-8"), encoding="utf-8")
    log = tmp_path / "changelog.md"
    log.write_text("# Changelog\n\nIntro.\n\n## 2026.1 (2026-01-10)\n\n- first\n", encoding="utf-8")
    editions = tmp_path / "editions"
    registry.keep(
        editions / "2026.1",
        {n: (OLD / n).read_bytes() for n in registry.TABLE_FILES},
        {"name": "asmhub"},
        {},
        "2026.1",
        dt.date(2026, 1, 10),
    )
    return meta, log, editions


def test_recording_an_edition_keeps_its_package_changes_and_changelog(book_copy):
    meta, log, editions = book_copy
    data = NEW  # stands for data/
    tmp_data = editions.parent / "data"
    shutil.copytree(data, tmp_data)
    (tmp_data / "datapackage.json").write_text('{"name": "asmhub"}', encoding="utf-8")
    target, changed = registry.record("2026.2", dt.date(2026, 2, 1), editions, tmp_data, meta, log)
    assert target == editions / "2026.2"
    kept = json.loads((target / "datapackage.json").read_text())
    assert (kept["version"], kept["created"]) == ("2026.2", "2026-02-01")
    assert (target / "estimates.csv").read_bytes() == (NEW / "estimates.csv").read_bytes()
    assert "seed-0004" in (target / "changes.csv").read_text()
    assert 'version: "2026.2"' in meta.read_text() and 'date_released: "2026-02-01"' in meta.read_text()
    text = log.read_text()
    assert text.index("## 2026.2 (2026-02-01)") < text.index("## 2026.1")
    assert "Against edition 2026.1 (2026-01-10): 2 figures added, 1 figure removed, 3 figures changed" in text
    assert "[What changed in this edition](what_changed.md)" in text
    # recording again rewrites the generated lines, never doubles the section
    registry.record("2026.2", dt.date(2026, 2, 1), editions, tmp_data, meta, log)
    assert log.read_text().count("## 2026.2") == 1 and log.read_text().count(registry.SUMMARY_START) == 1
    assert [e.version for e in registry.kept(editions)] == ["2026.1", "2026.2"]
    assert registry.current_edition(meta) == ("2026.2", "2026-02-01")
    assert registry.previous("2026.2", editions).version == "2026.1"
    assert registry.previous("2026.3", editions).version == "2026.2"


def test_the_figures_a_profile_marks_are_those_the_whole_comparison_finds(tmp_path, changes):
    """registry.figure_changes (what a profile marks) reads the two estimates tables alone: the same changes as
    registry.changes' comparison of whole packages; none before the first edition."""
    editions = tmp_path / "editions"
    shutil.copytree(OLD, editions / "2026.1")
    (editions / "2026.1" / "datapackage.json").write_text(json.dumps({"version": "2026.1", "created": "2026-01-10"}))
    before, figures = registry.figure_changes("2026.2", editions, NEW)
    assert before.version == "2026.1"
    assert figures == registry.changes("2026.2", editions, NEW, with_stated=False)[1].figures == changes.figures
    assert figures and {c.kind for c in figures} == {"added", "removed", "changed"}
    assert registry.figure_changes("2026.1", editions, NEW) == (None, None)


def test_what_changed_page_links_each_change_to_its_row(monkeypatch, changes):
    before = registry.Edition("2026.1", dt.date(2026, 1, 10), OLD)
    monkeypatch.setattr(page, "_current_changes", lambda: (before, changes, "2026.2"))
    monkeypatch.setattr(edition_marks, "_current_changes", lambda: (changes.figures, "2026.2"))
    monkeypatch.setattr(page, "editions_list", lambda current: [])
    html = page.what_changed_html("book/what_changed")
    assert html.index("Headlines changed") < html.index("Figures by country")
    assert '<a href="../notebooks/places/profiles/BEN.html#contrib-aaaaaaaaaaaa">Benin</a>' in html
    assert 'href="../notebooks/places/profiles/GHA.html#seed-0002">seed-0002</a> new: 30%' in html
    assert 'href="dashboard/world_figures.html">World</a>' in html  # a world figure's place links too
    assert "about 1,000,000 → about 1,100,000" in html
    assert "last published in edition 2026.1" in html and "../downloads/editions/2026.1/estimates.csv" in html
    assert "(first headline)" in html
    marks = edition_marks.row_marks()
    assert marks["seed-0002"] == "new in edition 2026.2"
    assert marks["seed-0001"].startswith("changed in edition 2026.2 (was about 1,000,000")
    assert marks["seed-0003"] == "changed in edition 2026.2 (reliability was secondary)"
    assert "seed-0006" not in marks


def test_what_changed_page_escapes_what_it_shows(monkeypatch):
    hostile = diff.FigureChange("<script>x</script>", "added", "GHA", "Ghana", "country", "<b>i</b>", "<img>")
    changed = diff.Diff("a", "b", [hostile])
    monkeypatch.setattr(
        page, "_current_changes", lambda: (registry.Edition("1", dt.date(2026, 1, 1), OLD), changed, "2")
    )
    monkeypatch.setattr(page, "editions_list", lambda current: [])
    html = page.what_changed_html("book/what_changed")
    assert "<script>" not in html and "<img>" not in html and "<b>i</b>" not in html


def test_first_edition_has_nothing_to_compare(monkeypatch):
    monkeypatch.setattr(page, "_current_changes", lambda: (None, None, "2026.1"))
    monkeypatch.setattr(edition_marks, "_current_changes", lambda: (None, "2026.1"))
    monkeypatch.setattr(page, "editions_list", lambda current: [])
    assert "first edition" in page.what_changed_html("book/what_changed")
    assert edition_marks.row_marks() == {}


def test_kept_editions_are_whole_data_packages():
    """Each edition in data/editions/ can be read back: its tables, and its version and date."""
    for edition in registry.kept():
        state = package.from_folder(edition.folder)
        assert {"record_id", "value_text", "reliability"} <= set(state.estimates.columns)
        assert state.estimates["record_id"].is_unique
        described = json.loads((edition.folder / "datapackage.json").read_text(encoding="utf-8"))
        assert described["version"] == edition.version and described["created"] == edition.date.isoformat()
