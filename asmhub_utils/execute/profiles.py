"""Country profiles: run the papermill template once per country, in parallel, skipping up-to-date pages.

Each profile is `notebooks/places/profiles/<ISO3>.ipynb`, executed by papermill from
`notebooks/templates/country_profile.ipynb` with the parameter `iso3`. Jupyter Book does not execute them again
(`execute.exclude_patterns` in `_config.yml`); it renders them as they are.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path

from asmhub_utils import paths, wording
from asmhub_utils.execute import kernel_start, notebook_errors, notebook_inputs, page_files

# This module imports no pandas, nbformat or papermill at the top: `make book` with nothing to do stays fast. Nor
# asyncio (kernel_pool) or pycountry (countries): `asmhub profile GHA` starts its kernel before it needs them, and
# the kernel's process existed 0.06-0.08 s later when the command line imported them (tests/test_cli_imports.py).

TEMPLATE = paths.NOTEBOOKS / "templates" / "country_profile.ipynb"
PROFILES = paths.NOTEBOOKS / "places" / "profiles"
KERNEL = kernel_start.KERNEL
# What each kernel imports and reads as soon as it starts (kernel_pool.run's `preload`), while this process imports
# papermill and loads the template: the first profile no longer waits for pandas and the tables. No matplotlib: a
# profile's charts are written without it (chart_timeline.py, chart_mined_area.py).
PRELOAD = """\
from asmhub_utils.chapters import charts, data, downloads, edition_marks, places, profile_page, tables
data.countries(), data.sources(), data.estimates(), edition_marks.row_marks()
"""


class ProfileError(Exception):
    """A code the profiles cannot be made for; the message says which and what to do."""


def countries_with_data() -> list[str]:
    """ISO3 codes of every country with at least one country-scope figure, sorted."""
    with paths.ESTIMATES.open(encoding="utf-8", newline="") as handle:
        return sorted({row["iso3"] for row in csv.DictReader(handle) if row["scope"] == "country" and row["iso3"]})


def _normal(code: str) -> str:
    """A code as given on the command line, as the profiles name it ('gha ' -> 'GHA')."""
    return code.strip().upper()


def check_codes(codes: Iterable[str]) -> list[str]:
    """Upper-cased codes, each once, or ProfileError naming each unknown code (with close matches) or code
    without data."""
    from asmhub_utils.tidy import countries

    with_data = set(countries_with_data())
    problems, checked = [], []
    for raw in codes:
        code = _normal(raw)
        if code in checked:
            continue
        if code == "ALL":
            problems.append(f"'{raw}' is not a country code: to make every profile, run `asmhub profile --all`.")
        elif not countries.is_iso3(code):
            close = countries.suggest(raw)
            hint = (
                f" Did you mean: {', '.join(close)}?"
                if close
                else " No code is close; the country table lists every country with data and its code."
            )
            problems.append(f"'{raw}' is not an ISO 3166-1 alpha-3 country code.{hint}")
        elif code not in with_data:
            problems.append(
                f"{code} ({countries.iso_name(code)}) is a known country, but data/estimates.csv has no "
                f"figure for it, so there is no profile to make. Add a sourced figure (see the "
                f"Contribute data part) and run `make data`."
            )
        else:
            checked.append(code)
    if problems:
        raise ProfileError("\n".join(problems))
    return checked


def inputs() -> list[Path]:
    """Files a profile depends on: the template, the modules its code imports, the data it reads."""
    return [TEMPLATE, *notebook_inputs.notebook_inputs([TEMPLATE])]


def is_fresh(output: Path, newest_input: float) -> bool:
    """True when `output` exists and is newer than every input."""
    return output.exists() and output.stat().st_mtime > newest_input


def profile_path(code: str, out_dir: Path = PROFILES) -> Path:
    return out_dir / f"{code}.ipynb"


def _title_and_tidy(notebook, code: str) -> None:
    """Give the executed page its title (the country's name) and hide papermill's injected parameters cell."""
    import nbformat

    from asmhub_utils.tidy import countries

    for cell in notebook.cells:
        tags = cell.metadata.setdefault("tags", [])
        if "injected-parameters" in tags and "remove-cell" not in tags:
            tags.append("remove-cell")
    title = nbformat.v4.new_markdown_cell(f"# {countries.iso_name(code)}")
    title["id"] = "profile-title"
    notebook.cells.insert(0, title)
    notebook.metadata.pop("papermill", None)


def _figures(code: str):
    """The country's figures, to name the record an error quotes."""
    from asmhub_utils.chapters import data

    frame = data.estimates()
    return frame[frame["iso3"] == code]


async def _execute(km, code: str, out_dir: Path) -> Path:
    """Execute the template for one country in the running kernel `km`; write the page whole or not at all."""
    import nbformat
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    from asmhub_utils.execute import kernel_pool

    notebook = parameterize_notebook(load_notebook_node(str(TEMPLATE)), {"iso3": code}, kernel_name=KERNEL)
    await kernel_pool.execute(km, notebook, out_dir)  # from a fresh kernel's state: no country sees another's
    found = notebook_errors.errors(notebook)
    if found:  # an error on the page would reach readers: no page is written, the run fails
        raise ProfileError(notebook_errors.describe(code, found, _figures(code)))
    target = profile_path(code, out_dir)
    partial = target.with_suffix(f".partial-{os.getpid()}.ipynb")
    try:
        _title_and_tidy(notebook, code)
        nbformat.write(notebook, partial)  # written once, whole, then moved into place
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _import_papermill() -> None:
    """What _execute imports, imported while the kernels start (kernel_pool.run's `prepare`): 0.5 s. The template
    is read once too: the first read builds nbformat's schema validator, 80 ms that came after the kernel was
    ready (2 ms a read after it)."""
    import nbformat  # noqa: F401
    from nbclient import NotebookClient  # noqa: F401
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook  # noqa: F401

    load_notebook_node(str(TEMPLATE))


def check_jobs(jobs: int) -> int:
    """`jobs` when it is between 1 and the number of cores; ProfileError otherwise."""
    cores = os.cpu_count() or 1
    if not 1 <= jobs <= cores:
        raise ProfileError(
            f"--jobs {jobs}: give a number of worker processes from 1 to {cores} (the number of "
            f"cores on this machine); each runs one kernel"
        )
    return jobs


def early_kernels(codes: list[str], jobs: int) -> list[kernel_start.Started]:
    """Kernel processes for the profiles of `codes` given on the command line, one a job, started before the
    command checks anything (kernel_start.early): none for --all (there may be nothing to do) or for a --jobs that
    check_jobs refuses."""
    try:
        check_jobs(jobs)
    except ProfileError:
        return []
    return [kernel_start.early() for _ in range(min(jobs, len({_normal(code) for code in codes})))]


def run_many(
    codes: list[str],
    jobs: int = 2,
    out_dir: Path = PROFILES,
    progress: bool = True,
    kernels: list[kernel_start.Started] | None = None,
) -> list[Path]:
    """Execute profiles on `jobs` kernels at once, with a progress bar; raises ProfileError listing failures.

    Parameters are injected by papermill (its `parameters` cell convention); execution uses nbclient with one
    long-lived kernel per job instead of one kernel per notebook: starting a kernel and importing pandas and
    matplotlib is most of a profile's cost (kernel_pool.py gives the measured margin). Each profile starts from a
    fresh kernel's state (kernel_pool.RESET), so countries share no state.
    """
    from tqdm import tqdm

    from asmhub_utils.execute import kernel_pool

    out_dir.mkdir(parents=True, exist_ok=True)
    with tqdm(total=len(codes), desc="profiles", unit="country", disable=not progress) as bar:
        try:
            written, failed = kernel_pool.run(
                codes,
                lambda km, code: _execute(km, code, out_dir),
                jobs,
                out_dir,
                after=lambda: bar.update(1),
                preload=PRELOAD,
                prepare=_import_papermill,
                started=kernels or [],
            )
        except kernel_pool.KernelNotReady as error:
            raise ProfileError(f"no profile was written: {error}") from None
    failures = [
        str(error).strip()
        if isinstance(error, ProfileError)
        else f"{code}: {type(error).__name__}: {str(error).strip()[-800:]}"
        for code, error in failed
    ]
    if failures:
        raise ProfileError(f"{wording.count(len(failures), 'profile')} failed:\n" + "\n".join(sorted(failures)))
    return sorted(written)


def stale(codes: list[str], out_dir: Path = PROFILES) -> list[str]:
    """The codes whose profile is missing, older than one of its inputs, or links to a download or picture that
    is no longer in book/site_extra (page_files)."""
    newest = max(p.stat().st_mtime for p in inputs() if p.exists())
    return [
        code
        for code in codes
        if not is_fresh(profile_path(code, out_dir), newest)
        or page_files.notebook_misses_files(profile_path(code, out_dir))
    ]


def remove_orphans(keep: list[str], out_dir: Path = PROFILES) -> list[Path]:
    """Delete profiles of countries that no longer have data, so the book has no page for them."""
    removed = [p for p in out_dir.glob("*.ipynb") if p.stem not in set(keep)]
    for path in removed:
        path.unlink()
    return removed
