"""`asmhub profile`: unknown codes, codes without data, and one real profile executed into a temporary folder."""

import json
import os
import time

from asmhub_utils import cli
from asmhub_utils.chapters import data
from asmhub_utils.execute import profiles


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


def test_one_profile_is_executed_with_title_and_sources(tmp_path, capfd):
    assert cli.main(["profile", "gha", "--out", str(tmp_path)]) == 0
    assert capfd.readouterr().err == "", "nothing on the reader's terminal but the result (the kernel's stderr too)"
    notebook = json.loads((tmp_path / "GHA.ipynb").read_text(encoding="utf-8"))
    cells = notebook["cells"]
    assert "".join(cells[0]["source"]) == "# Ghana"
    outputs = [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    text = json.dumps(outputs)
    cited = set(data.country_figures("GHA")["source_id"])
    assert "Sources:" in text and "asm-chart" in text  # the chart, as inline SVG (charts.publish)
    assert any(f"#src-{source_id}" in text for source_id in cited), "the profile links Ghana's sources"
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


# ---------------------------------------------------------------- --jobs, repeated codes, 'all', errors

import nbformat  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from asmhub_utils.execute import kernel_pool, notebook_errors  # noqa: E402


@pytest.mark.parametrize("jobs", ["0", "-1", "999"])
def test_jobs_outside_one_to_the_cores_is_a_clear_error(capsys, tmp_path, jobs):
    assert cli.main(["profile", "GHA", "--jobs", jobs, "--out", str(tmp_path)]) != 0
    err = capsys.readouterr().err
    assert f"--jobs {jobs}" in err and f"from 1 to {os.cpu_count()}" in err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("word", ["ALL", "all"])
def test_all_as_a_code_gets_a_hint(capsys, word):
    assert cli.main(["profile", word]) != 0
    assert "asmhub profile --all" in capsys.readouterr().err


def test_repeated_codes_run_once():
    assert profiles.check_codes(["GHA", "gha", " GHA", "COD"]) == ["GHA", "COD"]


def _run(cells: list[str], tmp_path) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    kernel_pool.run([notebook], lambda km, nb: kernel_pool.execute(km, nb, tmp_path), 1, tmp_path)
    return notebook


def test_a_traceback_printed_while_a_chart_is_drawn_is_found(tmp_path):
    """A bad mathtext label fails in the display hook: the cell succeeds, the page shows a traceback."""
    notebook = _run(
        [
            "%matplotlib inline\nimport matplotlib.pyplot as plt",
            "fig, ax = plt.subplots()\nax.set_title(r'Publisher $\\foo$')",
        ],
        tmp_path,
    )
    found = notebook_errors.errors(notebook)
    assert found and "foo" in found[0]
    figures = pd.DataFrame(
        [
            {
                "record_id": "contrib-x-2",
                "indicator": "miners",
                "value_text": "12",
                "source_publisher": "Publisher $\\foo$",
                "origin": "contrib/x.csv",
            }
        ]
    )
    text = notebook_errors.describe("GHA", found, figures)
    assert "GHA profile shows an error caused by record contrib-x-2" in text and "contrib/x.csv" in text


def test_an_error_output_is_found_and_a_clean_notebook_has_none(tmp_path):
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "1/0",
                outputs=[
                    nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])
                ],
            )
        ]
    )
    assert notebook_errors.errors(notebook) == ["ZeroDivisionError: division by zero\n"]
    assert notebook_errors.errors(_run(["print('fine')"], tmp_path)) == []
