"""Run many notebooks on a few long-lived Jupyter kernels instead of one fresh kernel each.

Starting a kernel and importing pandas and matplotlib costs most of a short notebook's run time; the country
profiles and the chapter pre-run both reuse one kernel per job. Measured against the stock tools on the 2-core
build machine (shared with other builds; medians of 3 interleaved runs, whole-process wall time):
  * 30 country profiles: this pool 12.8 s, papermill with a fresh kernel per profile in 2 processes 34.5 s
    (ratio 0.37, range 0.35-0.42);
  * the 15 chapters: the pre-run on this pool 19.5 s, jupyter-cache's own `local-parallel` executor (a fresh
    kernel per notebook, 2 processes) 38.6 s (ratio 0.42, range 0.40-0.52).
Before each notebook `execute` puts the kernel back in a fresh kernel's state (RESET: variables, working
folder, open figures, matplotlib's rcParams, the inline backend's figure formats and settings, pandas options,
the execution count); tests/test_kernel_pool.py compares that state with a fresh kernel's after a notebook that
changes all of them, and a notebook's output bytes after other notebooks with its output alone. The book's modules
keep no other state that changes output (chart ids come from the chart's content and its rank among identical
charts on the page). How a kernel is started (Unix sockets, no debugger, or adopted once started): kernel_start.py.
"""

from __future__ import annotations

import asyncio
import shutil
import time
import weakref
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from queue import Empty
from typing import TypeVar

from asmhub_utils.execute import kernel_start
from asmhub_utils.execute.kernel_start import KERNEL

Item = TypeVar("Item")
Result = TypeVar("Result")


# IPython's reset (RESET's last line) clears the variables but not what imported modules hold: matplotlib's
# rcParams (a seaborn theme, a changed font size) and matplotlib-inline's figure settings, which `%matplotlib inline`
# leaves alone once set.
RESET = """\
import os as _os, sys as _sys, warnings as _warnings
_os.chdir({folder!r})
if "matplotlib" in _sys.modules:
    import matplotlib as _mpl, matplotlib.pyplot as _plt
    from IPython.core.pylabtools import select_figure_formats as _select
    from matplotlib_inline.config import InlineBackend as _Inline
    _plt.close("all")
    _mpl.rc_file_defaults()
    _inline = _Inline.instance()
    for _name in ("rc", "figure_formats", "print_figure_kwargs", "close_figures"):
        setattr(_inline, _name, _inline.trait_defaults(_name))
    _select(get_ipython(), _inline.figure_formats, **_inline.print_figure_kwargs)
    get_ipython().run_line_magic("matplotlib", "inline")
if "asmhub_utils.chapters.chart_svg" in _sys.modules:
    _sys.modules["asmhub_utils.chapters.chart_svg"].new_page()
if "pandas" in _sys.modules:
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore")
        _sys.modules["pandas"].reset_option(
            "all" if "matplotlib" in _sys.modules else r"^(?!plotting\\.matplotlib\\.register_converters$)"
        )
get_ipython().reset(new_session=True)  # %reset -f, and the next cell runs as [1] in a new history session
"""
# pandas: resetting `plotting.matplotlib.register_converters` runs its callback, which imports matplotlib (0.2 s,
# on every kernel's first notebook, in kernels that never draw with it); setting it imports matplotlib too, so while
# matplotlib is not loaded that option still holds its default and is left alone.
# One reset, at the end (it clears this cell's own names too): a `%reset -f` before it as well cost 25-30 ms a
# notebook (a garbage collection each; an empty notebook 0.07-0.10 -> 0.04-0.05 s) and changed nothing
# tests/test_kernel_pool.py can see.


# After the preload, what it loaded (modules, the data loaders' caches) moves out of the garbage collector's reach:
# every full collection walked it, and each IPython reset runs one (it flushes its output cache with
# gc.collect()). RESET 0.25 -> 0.04 s a notebook; `asmhub profile GHA` median 3.6 -> 3.2 s (5 runs each, the
# reference loop 0.7-0.9 s). Objects the preload leaves are kept for the kernel's life anyway. No collection runs
# during the preload either (its imports set off many, each walking all that was imported before): preload
# median 1.00 -> 0.93 s (6 kernels each, interleaved).
GC_OFF = "import gc as _gc\n_gc.disable()"
FREEZE = "import gc as _gc\n_gc.freeze()\n_gc.enable()"


# The kernel client each pool kernel keeps for all its notebooks: nbclient would start one per notebook and wait
# for it to be ready, 0.22 s a notebook (30 profiles on one kernel: 6.7 s of 28 s).
_CLIENTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def execute(km, notebook, cwd: Path, record_timing: bool = True) -> None:
    """Execute `notebook` in place on the already started kernel of `km`, with `cwd` as its folder, from a fresh
    kernel's state (RESET runs first, in a cell removed again afterwards)."""
    import nbformat
    from nbclient import NotebookClient

    reset = nbformat.v4.new_code_cell(RESET.format(folder=str(cwd)))
    notebook.cells.insert(0, reset)
    client = NotebookClient(
        notebook,
        km=km,
        timeout=180,
        kernel_name=KERNEL,
        record_timing=record_timing,
        resources={"metadata": {"path": str(cwd)}},
    )
    shared = _CLIENTS.get(km)
    client.kc = shared  # None outside the pool: nbclient starts a client of its own
    try:
        await client.async_execute()
    finally:
        notebook.cells.remove(reset)
        if client.kc is not None and client.kc is not shared:
            client.kc.stop_channels()


def _import_nbclient() -> None:
    import nbformat  # noqa: F401
    from nbclient import NotebookClient  # noqa: F401


class KernelNotReady(RuntimeError):
    """A pool kernel that ended, or never answered, before it was ready: what the commands report in one line."""


# jupyter_client's wait_for_ready ends by reading IOPub until it has been quiet for 0.2 s, on every kernel: 0.2 s of
# the 2.2-2.5 s of `asmhub profile GHA` (reference loop 1.3-2.3 s), and for ever on a kernel that keeps printing.
# `ready` waits for what that flush stands for, the kernel's own messages about one kernel_info request on both
# channels, and nothing after; nbclient ignores any reply or output meant for another request, so nothing needs
# flushing. `_handle_kernel_info_reply` is jupyter_client's own (private; its version is pinned in requirements.txt).
async def ready(kc, timeout: float = 60) -> None:
    """Return once the kernel of client `kc` has answered a kernel_info request on the shell channel and its IOPub
    channel has delivered that request's idle status (so IOPub is connected); KernelNotReady if the kernel ends
    first or does not answer within `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        request = kc.kernel_info()
        try:
            reply = await _answer(kc, kc.shell_channel, request, "kernel_info_reply", deadline)
            # ZeroMQ's slow joiner: IOPub may have subscribed after the kernel published; then ask again
            await _answer(kc, kc.iopub_channel, request, "idle", min(deadline, time.monotonic() + 1))
        except Empty:
            if time.monotonic() >= deadline:
                raise KernelNotReady(f"the notebook kernel did not answer within {timeout:g} s") from None
            continue
        kc._handle_kernel_info_reply(reply)  # as wait_for_ready: the kernel's protocol version
        return


async def _answer(kc, channel, request: str, kind: str, deadline: float) -> dict:
    """The next message on `channel` that answers `request` and is of `kind` ("idle": its idle status), skipping
    others; queue.Empty at `deadline`, KernelNotReady if the kernel has ended."""
    while True:
        try:
            message = await channel.get_msg(timeout=max(0.0, min(deadline - time.monotonic(), 1.0)))
        except Empty:
            if not await kc.is_alive():
                raise KernelNotReady(
                    "the notebook kernel ended before it was ready (what it printed, if anything, is above)"
                ) from None
            if time.monotonic() >= deadline:
                raise
            continue
        if message["parent_header"].get("msg_id") != request:
            continue
        if kind == message["msg_type"] or (kind == "idle" and message["content"].get("execution_state") == "idle"):
            return message


async def _worker(
    queue: asyncio.Queue,
    task,
    cwd: Path,
    results: list,
    failures: list,
    after,
    preload: str,
    prepare,
    started: kernel_start.Started | None,
) -> None:
    sockets = started.sockets if started else kernel_start.socket_folder()
    own_folder = started is None  # a started kernel's folder is its caller's to remove (Started.discard)
    try:
        km = kernel_start.manager(sockets, started)
        await km.start_kernel(cwd=str(cwd))
    except BaseException:
        if own_folder:
            shutil.rmtree(sockets, ignore_errors=True)
        raise
    kc = km.client()
    kc.start_channels()
    try:
        if preload:  # queued until the kernel listens; replies and output are not awaited
            kc.execute(GC_OFF, silent=True, store_history=False)
            kc.execute(preload, silent=True, store_history=False, stop_on_error=False)  # FREEZE runs all the same
            kc.execute(FREEZE, silent=True, store_history=False)
        prepare()  # this process's own imports, while the kernel starts and runs the preload
        await ready(kc)
        _CLIENTS[km] = kc
        while not queue.empty():
            item = queue.get_nowait()
            try:
                results.append(await task(km, item))
            except Exception as error:  # one failing notebook must not stop the others; all are reported
                failures.append((item, error))
            after()
    finally:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
        if own_folder:
            shutil.rmtree(sockets, ignore_errors=True)


def run(
    items: Iterable[Item],
    task: Callable[[object, Item], Awaitable[Result]],
    jobs: int,
    cwd: Path,
    after: Callable[[], None] = lambda: None,
    preload: str = "",
    prepare: Callable[[], None] = _import_nbclient,
    started: Sequence[kernel_start.Started] = (),
) -> tuple[list[Result], list[tuple[Item, Exception]]]:
    """Run `task(kernel_manager, item)` for every item on `jobs` kernels started in `cwd`, or for the first ones
    on the kernel processes `started` already (kernel_start.early): the pool shuts down the kernels it runs; the
    caller discards what it started (Started.discard) once the run is over.

    Returns (results, [(item, exception) for each failed item]); `after` is called once per item (progress).
    `preload` (code: imports, the data loaders' caches) runs in each kernel as soon as it is ready, while this
    process loads the first notebook: what an earlier notebook would leave in a reused kernel, never variables
    (RESET still runs before every notebook). An error in it is not reported: the notebook that needs the
    module raises it. `prepare` (this process's imports: nbclient, papermill) runs while the kernels start.
    """
    items = list(items)
    results: list[Result] = []
    failures: list[tuple[Item, Exception]] = []

    async def main() -> None:
        queue: asyncio.Queue = asyncio.Queue()
        for item in items:
            queue.put_nowait(item)
        workers = max(0, min(jobs, len(items)))
        kernels = [*started[:workers], *[None] * (workers - len(started))]
        await asyncio.gather(
            *(_worker(queue, task, cwd, results, failures, after, preload, prepare, k) for k in kernels)
        )

    asyncio.run(main())
    return results, failures
