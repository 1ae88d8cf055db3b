"""Run many notebooks on a few long-lived Jupyter kernels instead of one fresh kernel each.

Starting a kernel and importing pandas and matplotlib costs most of a short notebook's run time; the country
profiles and the chapter pre-run both reuse one kernel per job. Each task resets the kernel itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
KERNEL = "python3"


async def execute(km, notebook, cwd: Path, record_timing: bool = True) -> None:
    """Execute `notebook` in place on the already started kernel of `km`, with `cwd` as its folder."""
    from nbclient import NotebookClient

    client = NotebookClient(notebook, km=km, timeout=180, kernel_name=KERNEL, record_timing=record_timing,
                            resources={"metadata": {"path": str(cwd)}})
    try:
        await client.async_execute()
    finally:
        if client.kc is not None:
            client.kc.stop_channels()


async def _worker(queue: asyncio.Queue, task, cwd: Path, results: list, failures: list, after) -> None:
    from jupyter_client.manager import AsyncKernelManager

    km = AsyncKernelManager(kernel_name=KERNEL)
    await km.start_kernel(cwd=str(cwd))
    try:
        while not queue.empty():
            item = queue.get_nowait()
            try:
                results.append(await task(km, item))
            except Exception as error:  # one failing notebook must not stop the others; all are reported
                failures.append((item, error))
            after()
    finally:
        await km.shutdown_kernel(now=True)


def run(items: Iterable[Item], task: Callable[[object, Item], Awaitable[Result]], jobs: int, cwd: Path,
        after: Callable[[], None] = lambda: None) -> tuple[list[Result], list[tuple[Item, Exception]]]:
    """Run `task(kernel_manager, item)` for every item on `jobs` kernels started in `cwd`.

    Returns (results, [(item, exception) for each failed item]); `after` is called once per item (progress).
    """
    items = list(items)
    results: list[Result] = []
    failures: list[tuple[Item, Exception]] = []

    async def main() -> None:
        queue: asyncio.Queue = asyncio.Queue()
        for item in items:
            queue.put_nowait(item)
        workers = max(0, min(jobs, len(items)))
        await asyncio.gather(*(_worker(queue, task, cwd, results, failures, after) for _ in range(workers)))

    asyncio.run(main())
    return results, failures
