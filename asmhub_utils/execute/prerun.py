"""Execute the book's chapter notebooks before Jupyter Book does: in parallel, on reused kernels, into its cache.

Jupyter Book 1 runs every uncached notebook one after another, each in a fresh kernel whose start and imports
(pandas, matplotlib) cost most of a chapter's run time. This step runs the chapters that have no entry in Jupyter
Book's jupyter-cache on `jobs` long-lived kernels (each chapter starts from a fresh kernel's state, in its own
folder: kernel_pool.RESET) and stores each executed notebook in that cache, so the build then finds every chapter
cached.

Measured against the stock ways (2 cores, machine shared with other builds, medians of 3 interleaved runs): this
pre-run 19.5 s for the 15 chapters; jupyter-cache's own `local-parallel` executor (fresh kernel per notebook, 2
processes) 38.6 s, so this pre-run takes 0.42 of its time. myst-nb cannot run them in parallel under
`sphinx-build -j 2`: Jupyter Book's `sphinx_multitoc_numbering` declares no parallel safety, so Sphinx reads
(and myst-nb executes) serially ("doing serial read"; the Sphinx part took 26.0 s with -j 2, 26.1 s with -j 1).
A chapter that fails here is not cached and the failure is only reported: Jupyter Book runs it again itself and
fails the build with the real error.

    python -m asmhub_utils.execute.prerun [--jobs N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from asmhub_utils import paths, wording
from asmhub_utils.errors import display_path
from asmhub_utils.execute import kernel_pool, page_files

CACHE = paths.BUILD / ".jupyter_cache"  # where jupyter-book points myst-nb's cache
# What each kernel imports and reads as soon as it starts, while this process reads the cache and the first chapter
# (kernel_pool.run's `preload`).
PRELOAD = """\
from asmhub_utils.chapters import charts, data, downloads, places, series, tables, text
data.countries(), data.sources(), data.estimates()
"""


def chapters(toc: Path = paths.ROOT / "_toc.yml") -> list[Path]:
    """Every notebook the table of contents names by file (generated profiles come by glob and are excluded)."""
    import yaml

    found: list[Path] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("file"), str) and (paths.ROOT / f"{node['file']}.ipynb").exists():
                found.append(paths.ROOT / f"{node['file']}.ipynb")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load(toc.read_text(encoding="utf-8")))
    return found


def uncached(notebooks: list[Path], cache) -> list[Path]:
    """The chapters to run: not in the cache, or cached with outputs that link to a download or picture no longer
    in book/site_extra (page_files: the file is written only when the chapter runs)."""
    import nbformat

    missing = []
    for path in notebooks:
        try:
            record = cache.match_cache_notebook(nbformat.read(path, as_version=4))
        except KeyError:
            missing.append(path)
            continue
        if page_files.missing(nbformat.writes(cache.get_cache_bundle(record.pk).nb)):
            missing.append(path)
    return missing


async def _execute(km, path: Path):
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    # record_timing=False: timing metadata on cells would change the notebook's cache hash (as in myst-nb).
    await kernel_pool.execute(km, notebook, path.parent, record_timing=False)
    return notebook


async def _execute_and_cache(km, path: Path, cache) -> Path:
    from jupyter_cache.base import CacheBundleIn

    started = time.perf_counter()
    notebook = await _execute(km, path)
    cache.cache_notebook_bundle(
        CacheBundleIn(notebook, str(path), data={"execution_seconds": time.perf_counter() - started}),
        check_validity=False,
        overwrite=True,
    )
    return path


def run(jobs: int = 2) -> tuple[list[Path], list[str]]:
    """Execute and cache every uncached chapter; returns (cached paths, failures)."""
    from jupyter_cache import get_cache

    CACHE.parent.mkdir(parents=True, exist_ok=True)
    cache = get_cache(str(CACHE))
    todo = uncached(chapters(), cache)
    done, failed = kernel_pool.run(
        todo, lambda km, path: _execute_and_cache(km, path, cache), jobs, paths.ROOT, preload=PRELOAD
    )
    # Jupyter Book runs a failed chapter again and reports the error in the build.
    return done, [f"{display_path(path)}: {type(error).__name__}" for path, error in failed]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="kernels running at once (default 2)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        done, failed = run(args.jobs)
    except kernel_pool.KernelNotReady as error:  # Jupyter Book runs the chapters itself and reports what stops them
        print(f"pre-run: nothing cached: {error}; Jupyter Book will run the chapters itself", file=sys.stderr)
        return 0
    seconds = time.perf_counter() - started
    print(f"pre-ran {wording.count(len(done), 'chapter notebook')} into the jupyter cache in {seconds:.1f} s")
    for failure in failed:
        print(f"  not cached (Jupyter Book will run it and report the error): {failure}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
