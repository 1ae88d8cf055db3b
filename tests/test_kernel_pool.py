"""A reused kernel starts each notebook in a fresh kernel's state (kernel_pool.RESET)."""

import asyncio
import contextlib
import json
import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from asmhub_utils.execute import kernel_pool, kernel_start

# What one notebook can leave behind for the next: variables, the working folder, open figures, matplotlib's
# rcParams, matplotlib-inline's figure formats and settings (which survive `%reset -f` and `%matplotlib inline`),
# pandas options.
POLLUTE = [
    "import os, matplotlib as mpl, matplotlib.pyplot as plt, pandas as pd\n"
    "from matplotlib_inline.backend_inline import set_matplotlib_formats\n"
    "leaked = 1\nos.chdir('/')\nplt.figure()\n"
    "mpl.rcParams['font.size'] = 30\nmpl.rcParams['figure.figsize'] = (3, 2)\n"
    "pd.set_option('display.max_rows', 3)\nset_matplotlib_formats('jpeg')",
    "from matplotlib_inline.config import InlineBackend\ninline = InlineBackend.instance()\n"
    "inline.figure_formats = {'svg'}\ninline.print_figure_kwargs = {'dpi': 20}\n"
    "inline.rc = {'lines.linewidth': 9}\ninline.close_figures = False\n%matplotlib inline",
]

PROBE = """\
import gc, json, os, matplotlib as mpl, matplotlib.pyplot as plt, pandas as pd
from matplotlib.figure import Figure
from matplotlib_inline.config import InlineBackend
ip, inline = get_ipython(), InlineBackend.instance()
def _has_figure_printer(formatter):
    try:
        formatter.lookup_by_type(Figure)
        return True
    except KeyError:
        return False
print(json.dumps({
    "variables": sorted(n for n in ("leaked",) if n in globals()),
    "cwd": os.getcwd(),
    "open figures": plt.get_fignums(),
    "rcParams": {k: repr(v) for k, v in mpl.rcParams.items()},
    "figure mime types": sorted(m for m, f in ip.display_formatter.formatters.items() if _has_figure_printer(f)),
    "inline": [sorted(inline.figure_formats), inline.print_figure_kwargs, inline.rc, inline.close_figures],
    "pandas max_rows": pd.get_option("display.max_rows"),
    "garbage collector on": gc.isenabled(),
}))"""


def _notebook(cells: list[str]) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def _state(notebook: nbformat.NotebookNode) -> dict:
    return json.loads(notebook.cells[-1].outputs[0]["text"])


def test_a_reused_kernel_starts_each_notebook_as_a_fresh_one(tmp_path):
    fresh = _notebook(["%matplotlib inline", PROBE])
    NotebookClient(fresh, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()

    polluter, probe = _notebook(POLLUTE), _notebook([PROBE])
    results, failures = kernel_pool.run(
        [polluter, probe], lambda km, nb: kernel_pool.execute(km, nb, tmp_path), 1, tmp_path
    )

    assert failures == [] and len(results) == 2
    assert len(probe.cells) == 1, "the reset cell is removed again"
    expected, found = _state(fresh), _state(probe)
    assert found["cwd"] == str(tmp_path)
    for key in expected:
        assert found[key] == expected[key], f"{key} leaked from the previous notebook on the same kernel"


def test_what_a_preload_leaves_is_reset_before_the_first_notebook(tmp_path):
    """The pool's `preload` (imports and data read as a kernel starts) runs before the first notebook's reset: a
    preload that changes state (here every change POLLUTE makes) leaves the notebook as a fresh kernel would."""
    fresh = _notebook(["%matplotlib inline", PROBE])
    NotebookClient(fresh, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()

    probe = _notebook([PROBE])
    preload = "\n".join(POLLUTE).replace("%matplotlib inline", "get_ipython().run_line_magic('matplotlib', 'inline')")
    _, failures = kernel_pool.run(
        [probe], lambda km, nb: kernel_pool.execute(km, nb, tmp_path), 1, tmp_path, preload=preload
    )

    assert failures == []
    expected, found = _state(fresh), _state(probe)
    for key in expected:
        if key != "cwd":
            assert found[key] == expected[key], f"{key} leaked from the preload"


def test_a_failing_preload_leaves_the_garbage_collector_on(tmp_path):
    """The pool turns the garbage collector off for the preload (kernel_pool.GC_OFF): a preload that raises halfway
    still ends with it on again, and the notebook runs."""
    probe = _notebook([PROBE])
    _, failures = kernel_pool.run(
        [probe], lambda km, nb: kernel_pool.execute(km, nb, tmp_path), 1, tmp_path, preload="import json\n1 / 0"
    )

    assert failures == []
    assert _state(probe)["garbage collector on"] is True


def test_a_kernel_that_never_drew_gets_no_matplotlib_and_no_debugger(tmp_path):
    """The reset puts pandas' options back without importing matplotlib (resetting them all did, through the
    plotting option's callback: 0.2 s on a profile's critical path), and a pool kernel starts without debugpy
    (kernel_launcher: 0.1 s of every kernel's start)."""
    changes = _notebook(["import pandas as pd\npd.set_option('display.max_rows', 3)"])
    probe = _notebook(
        [
            "import sys, pandas as pd\n"
            "print([m for m in ('matplotlib', 'debugpy') if sys.modules.get(m)], pd.get_option('display.max_rows'))"
        ]
    )
    _, failures = kernel_pool.run([changes, probe], lambda km, nb: kernel_pool.execute(km, nb, tmp_path), 1, tmp_path)

    assert failures == []
    assert probe.cells[0].outputs[0]["text"].strip() == "[] 60"


@pytest.mark.parametrize("early", [False, True], ids=["started by the pool", "started early"])
def test_a_pool_kernel_keeps_no_ipython_history(tmp_path, early):
    """The book's code never lands in the reader's ~/.ipython history database, however the kernel was started."""
    probe = _notebook(["print(get_ipython().history_manager.enabled)"])
    started = [kernel_start.early()] if early else []
    try:
        _, failures = kernel_pool.run(
            [probe], lambda km, nb: kernel_pool.execute(km, nb, tmp_path), 1, tmp_path, started=started
        )
    finally:
        for kernel in started:
            kernel.discard()

    assert failures == []
    assert probe.cells[0].outputs[0]["text"].strip() == "False"


# Prints a dot every 20 ms for as long as the kernel lives.
CHATTER = """\
import threading, time
def _talk():
    while True:
        print(".", end="", flush=True)
        time.sleep(0.02)
threading.Thread(target=_talk, daemon=True).start()
"""


@contextlib.asynccontextmanager
async def _kernel(folder):
    """A pool kernel started in `folder` and a client on its channels, (manager, client); stopped afterwards."""
    sockets = kernel_start.socket_folder()
    km = kernel_start.manager(sockets)
    await km.start_kernel(cwd=str(folder))
    kc = km.client()
    kc.start_channels()
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
        shutil.rmtree(sockets, ignore_errors=True)


def test_a_kernel_whose_output_never_falls_quiet_is_ready_all_the_same(tmp_path):
    """jupyter_client's wait_for_ready reads IOPub until it has been quiet for 0.2 s (0.2 s of every profile; with
    this kernel, for ever); the pool's `ready` waits only for its own request's reply and idle status."""

    async def main() -> None:
        async with _kernel(tmp_path) as (_, kc):
            kc.execute(CHATTER)
            await asyncio.wait_for(kernel_pool.ready(kc), 30)
            assert await kc.is_alive()

    asyncio.run(main())


def test_a_kernel_that_dies_before_it_is_ready_is_reported(tmp_path):
    """A kernel process that ends before it answers: KernelNotReady saying so, not a wait until the timeout."""

    async def main() -> None:
        async with _kernel(tmp_path) as (km, kc):
            await km.provisioner.kill()
            with pytest.raises(kernel_pool.KernelNotReady, match="ended before it was ready"):
                await asyncio.wait_for(kernel_pool.ready(kc), 30)

    asyncio.run(main())


# Draws three charts with cited marks (two of them alike) through the book's chart code, as the pages show them.
CHART = """\
%matplotlib inline
from asmhub_utils.chapters import charts, data
frame = data.dated(data.estimates().query("unit == 'persons' and value_central.notna()").head(4))
frame = frame.assign(label=charts.row_label(frame))
charts.ranges_chart(frame, "label", "A chart", "people")
charts.ranges_chart(frame.head(2), "label", "Another chart", "people")
charts.ranges_chart(frame.head(2), "label", "Another chart", "people");"""


def _outputs(notebook: nbformat.NotebookNode) -> bytes:
    return json.dumps([cell.get("outputs", []) for cell in notebook.cells], sort_keys=True).encode()


def test_a_notebook_shows_the_same_bytes_whatever_ran_before_it_on_the_kernel(tmp_path):
    """Module state that survives the reset (a chart counter in the chart code did) would make a page's output
    depend on which notebooks the pool ran before it, and the cached HTML on scheduling."""
    alone, later = _notebook([CHART]), _notebook([CHART])
    _, failures = kernel_pool.run([alone], lambda km, nb: kernel_pool.execute(km, nb, tmp_path), 1, tmp_path)
    assert failures == []
    others = [_notebook([CHART.replace("A chart", "Other")]), _notebook(POLLUTE)]
    _, failures = kernel_pool.run([*others, later], lambda km, nb: kernel_pool.execute(km, nb, tmp_path), 1, tmp_path)
    assert failures == []
    assert b"<svg" in _outputs(alone)
    assert later.cells[0].outputs and all(output["output_type"] == "display_data" for output in later.cells[0].outputs)
    assert _outputs(later) == _outputs(alone)


def test_charts_on_one_page_keep_their_ids_apart_even_when_alike(tmp_path):
    import re

    notebook = _notebook([CHART])
    _, failures = kernel_pool.run([notebook], lambda km, nb: kernel_pool.execute(km, nb, tmp_path), 1, tmp_path)
    assert failures == []
    pages = "".join(
        output["data"]["text/html"] for output in notebook.cells[0].outputs if "text/html" in output.get("data", {})
    )
    ids = re.findall(r' id="([^"]+)"', pages)
    assert pages.count("<svg xmlns") == 3 and ids and len(ids) == len(set(ids))
