"""Country profiles: run the papermill template once per country, in parallel, skipping up-to-date pages.

Each profile is `notebooks/places/profiles/<ISO3>.ipynb`, executed by papermill from
`notebooks/templates/country_profile.ipynb` with the parameter `iso3`. Jupyter Book does not execute them again
(`execute.exclude_patterns` in `_config.yml`); it renders them as they are.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

# jsonschema (imported by nbformat and papermill) loads rfc3987_syntax when it is installed, and that package
# compiles a Lark grammar at import time: about 3 s per process here. Notebooks never need IRI format checks,
# so this process does without them (jsonschema skips the check when the import fails).
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402

from . import countries, data, paths

TEMPLATE = paths.NOTEBOOKS / "templates" / "country_profile.ipynb"
PROFILES = paths.NOTEBOOKS / "places" / "profiles"  # also in commands/profile.py, which must not import this
KERNEL = "python3"


class ProfileError(Exception):
    """A code the profiles cannot be made for; the message says which and what to do."""


def countries_with_data() -> list[str]:
    """ISO3 codes of every country with at least one country-scope figure, sorted."""
    frame = data.estimates()
    return sorted(frame.loc[(frame["scope"] == "country") & (frame["iso3"] != ""), "iso3"].unique())


def check_codes(codes: Iterable[str]) -> list[str]:
    """Upper-cased codes, or ProfileError naming each unknown code (with close matches) or code without data."""
    with_data = set(countries_with_data())
    problems, checked = [], []
    for raw in codes:
        code = raw.strip().upper()
        if not countries.is_iso3(code):
            close = countries.suggest(raw)
            hint = (f" Did you mean: {', '.join(close)}?" if close
                    else " No code is close; the country table lists every country with data and its code.")
            problems.append(f"'{raw}' is not an ISO 3166-1 alpha-3 country code.{hint}")
        elif code not in with_data:
            problems.append(f"{code} ({countries.iso_name(code)}) is a known country, but data/estimates.csv has no "
                            f"figure for it, so there is no profile to make. Add a sourced figure (see the "
                            f"Contribute data part) and run `make data`.")
        else:
            checked.append(code)
    if problems:
        raise ProfileError("\n".join(problems))
    return checked


def inputs() -> list[Path]:
    """Files a profile depends on: the template, the tidy tables and the asmhub_utils sources."""
    return [TEMPLATE, paths.ESTIMATES, paths.SOURCES, *sorted((paths.ROOT / "asmhub_utils").rglob("*.py")),
            *sorted(paths.MINING_DETECTOR.glob("*.json")), paths.WORLD_GEOJSON]


def is_fresh(output: Path, newest_input: float) -> bool:
    """True when `output` exists and is newer than every input."""
    return output.exists() and output.stat().st_mtime > newest_input


def profile_path(code: str, out_dir: Path = PROFILES) -> Path:
    return out_dir / f"{code}.ipynb"


def _title_and_tidy(path: Path, code: str) -> None:
    """Give the executed page its title (the country's name) and hide papermill's injected parameters cell."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        tags = cell.metadata.setdefault("tags", [])
        if "injected-parameters" in tags and "remove-cell" not in tags:
            tags.append("remove-cell")
    title = nbformat.v4.new_markdown_cell(f"# {countries.iso_name(code)}")
    title["id"] = "profile-title"
    notebook.cells.insert(0, title)
    notebook.metadata.pop("papermill", None)
    nbformat.write(notebook, path)


def run_one(code: str, out_dir: Path = PROFILES) -> Path:
    """Execute the template for one country into out_dir/<ISO3>.ipynb (written whole or not at all)."""
    import papermill

    out_dir.mkdir(parents=True, exist_ok=True)
    target = profile_path(code, out_dir)
    partial = target.with_suffix(f".partial-{os.getpid()}.ipynb")
    try:
        papermill.execute_notebook(str(TEMPLATE), str(partial), parameters={"iso3": code}, kernel_name=KERNEL,
                                   progress_bar=False, log_output=False, cwd=str(out_dir))
        _title_and_tidy(partial, code)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def run_many(codes: list[str], jobs: int = 2, out_dir: Path = PROFILES, progress: bool = True) -> list[Path]:
    """Execute profiles in `jobs` worker processes with a progress bar; raises ProfileError listing failures."""
    from tqdm import tqdm

    written, failures = [], []
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(run_one, code, out_dir): code for code in codes}
        for future in tqdm(as_completed(futures), total=len(futures), desc="profiles", unit="country",
                           disable=not progress):
            try:
                written.append(future.result())
            except Exception as error:  # a failing notebook must not stop the others; all are reported
                failures.append(f"{futures[future]}: {type(error).__name__}: {str(error).strip()[:500]}")
    if failures:
        raise ProfileError("profile(s) failed:\n" + "\n".join(failures))
    return written


def stale(codes: list[str], out_dir: Path = PROFILES) -> list[str]:
    """The codes whose profile is missing or older than one of its inputs."""
    newest = max(p.stat().st_mtime for p in inputs() if p.exists())
    return [code for code in codes if not is_fresh(profile_path(code, out_dir), newest)]


def remove_orphans(keep: list[str], out_dir: Path = PROFILES) -> list[Path]:
    """Delete profiles of countries that no longer have data, so the book has no page for them."""
    removed = [p for p in out_dir.glob("*.ipynb") if p.stem not in set(keep)]
    for path in removed:
        path.unlink()
    return removed
