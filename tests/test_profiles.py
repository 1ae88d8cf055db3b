"""`asmhub profile`: unknown codes, codes without data, and one real profile executed into a temporary folder."""

import json
import os
import time

from asmhub_utils import cli, profiles


def test_unknown_code_names_it_and_suggests(capsys):
    assert cli.main(["profile", "GAH"]) != 0
    err = capsys.readouterr().err
    assert "'GAH'" in err and "GHA" in err


def test_known_country_without_data_says_so(capsys, tmp_path):
    assert cli.main(["profile", "FRA", "--out", str(tmp_path)]) != 0
    err = capsys.readouterr().err
    assert "FRA (France)" in err and "no figure" in err
    assert not list(tmp_path.iterdir())


def test_codes_or_all_is_required(capsys):
    assert cli.main(["profile"]) != 0
    assert "--all" in capsys.readouterr().err


def test_one_profile_is_executed_with_title_and_sources(tmp_path):
    assert cli.main(["profile", "gha", "--out", str(tmp_path)]) == 0
    notebook = json.loads((tmp_path / "GHA.ipynb").read_text(encoding="utf-8"))
    cells = notebook["cells"]
    assert "".join(cells[0]["source"]) == "# Ghana"
    outputs = [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    text = json.dumps(outputs)
    assert "Sources:" in text and "planetGOLD" in text and "asm-chart" in text  # the chart, as inline SVG (charts.publish)
    injected = [c for c in cells if "injected-parameters" in c["metadata"].get("tags", [])]
    assert injected and "remove-cell" in injected[0]["metadata"]["tags"]
    assert not any("%reset" in "".join(c["source"]) for c in cells)


def test_stale_profiles_are_found_by_time(tmp_path):
    fresh, old = tmp_path / "GHA.ipynb", tmp_path / "COD.ipynb"
    fresh.write_text("{}", encoding="utf-8")
    old.write_text("{}", encoding="utf-8")
    os.utime(old, (0, 0))
    os.utime(fresh, (time.time() + 60, time.time() + 60))
    assert profiles.stale(["GHA", "COD", "BRA"], tmp_path) == ["COD", "BRA"]


def test_orphan_profiles_are_removed(tmp_path):
    (tmp_path / "GHA.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "FRA.ipynb").write_text("{}", encoding="utf-8")
    removed = profiles.remove_orphans(["GHA"], tmp_path)
    assert [p.name for p in removed] == ["FRA.ipynb"] and (tmp_path / "GHA.ipynb").exists()
