"""`asmhub profile`: unknown codes, codes without data, and one real profile executed into a temporary folder."""

import json
import os
import tempfile
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


def _record_early_kernels(monkeypatch) -> tuple[list, list]:
    """The kernels `asmhub profile` starts before it checks anything, and the ones a kernel manager adopted."""
    from asmhub_utils.execute import kernel_start

    started, adopted = [], []
    start, manager = kernel_start.early, kernel_start.manager

    def early():
        started.append(start())
        return started[-1]

    def adopting(sockets, kernel=None):
        adopted.append(kernel)
        return manager(sockets, kernel)

    monkeypatch.setattr(kernel_start, "early", early)
    monkeypatch.setattr(kernel_start, "manager", adopting)
    return started, adopted


def _held(*args, **kwargs):
    from asmhub_utils.errors import DataError, Problem

    raise DataError(
        [Problem(file="data/estimates.csv", row=2, column="iso3", value="", message="held, for a test", fix="none")]
    )


@pytest.mark.parametrize("codes", [["GAH"], ["FRA", "GHA"], ["GHA"]], ids=["unknown", "no data", "data held"])
def test_kernels_started_early_are_stopped_when_the_command_fails(monkeypatch, tmp_path, codes):
    """The kernels start before the codes are checked and the data lock is taken: a command that then fails leaves
    no kernel process running and no socket folder behind."""
    from asmhub_utils.contrib import transaction

    started, _ = _record_early_kernels(monkeypatch)
    if codes == ["GHA"]:
        monkeypatch.setattr(transaction, "reading", _held)
    assert cli.main(["profile", *codes, "--out", str(tmp_path)]) == 1
    assert started, "a kernel was started before the checks"
    assert len(started) == min(2, len(codes))
    for kernel in started:
        assert kernel.process.poll() is not None, "the kernel process was stopped"
        assert not kernel.sockets.exists()
    assert not list(tmp_path.iterdir())


def test_a_profile_is_executed_on_the_kernel_started_early(monkeypatch, tmp_path):
    started, adopted = _record_early_kernels(monkeypatch)
    assert cli.main(["profile", "GHA", "gha", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "GHA.ipynb").exists()
    assert len(started) == 1 and adopted == started, "one kernel for one country, the one started first"
    assert started[0].process.poll() is not None and not started[0].sockets.exists()


def test_ctrl_c_while_a_profile_is_executed_leaves_no_kernel_and_no_traceback(tmp_path):
    """A reader who presses Ctrl-C gets one line, exit status 130, and no kernel left running (its sockets live in
    TMPDIR, here tmp_path)."""
    import signal
    import subprocess
    import sys

    command = [sys.executable, "-m", "asmhub_utils.cli", "profile", "GHA", "--out", str(tmp_path / "out")]
    process = subprocess.Popen(command, env={**os.environ, "TMPDIR": str(tmp_path)}, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob("asmhub-kernel-*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # the kernel is booting
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)

    assert process.returncode == 130
    assert "Traceback" not in err and err.strip() == "asmhub profile: interrupted"
    assert not list(tmp_path.glob("asmhub-kernel-*"))
    running = subprocess.run(["pgrep", "-f", str(tmp_path)], capture_output=True, text=True).stdout.split()
    assert not running, "no kernel process is left"


def test_a_kernel_that_ends_at_start_is_reported_in_a_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    """A kernel process that cannot start (here: its launcher module is missing) ends the command with its own
    error and one line saying what happened, exit status 1, and nothing written or left running."""
    from asmhub_utils.execute import kernel_start

    monkeypatch.setattr(kernel_start, "LAUNCHER", "asmhub_utils.execute.no_such_launcher")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    tempfile.tempdir = None  # read TMPDIR again (monkeypatch restores it; the next mkdtemp reads it again)
    try:
        status = cli.main(["profile", "GHA", "--out", str(tmp_path / "out")])
    finally:
        tempfile.tempdir = None

    err = capsys.readouterr().err
    assert status == 1
    assert "asmhub profile: no profile was written: the notebook kernel ended before it was ready" in err
    assert "Traceback" not in err
    assert not list((tmp_path / "out").glob("*.ipynb")) and not list(tmp_path.glob("asmhub-kernel-*"))
