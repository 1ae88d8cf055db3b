"""A data package as `asmhub diff` compares it: the tidy tables of one state of the data, from wherever it lives.

A state is named by one string (`load`): a folder holding the tables (an edition's `data/editions/<version>/`, an
unpacked download, or a repository root whose `data/` holds them), a data zip (`asmhub-data.zip`), the version of
an edition kept in `data/editions/`, or a git revision of this repository (`HEAD~3`, `d3f6e66`, a branch). The
figures each chapter states (the stored outputs of its glue cells, see execute/stated_figures.py) come with it
where they exist: from the notebooks of a revision or a repository root, or from an edition's
`stated_figures.json`.
"""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from asmhub_utils import paths
from asmhub_utils.errors import DataError, Problem

TABLES = ("estimates", "countries", "sources")
OPTIONAL = ("countries",)  # before the headline rule (78b6db9) the data had no countries.csv: no headlines then
EDITIONS = paths.DATA / "editions"
STATED_FILE = "stated_figures.json"
# Columns renamed since an edition was kept: old name -> current name, per table. A kept package is read as it
# was published and renamed here, so a diff against it compares like with like. (Editions 0.1.0 and 2026.2 called
# a figure's reliability its `grade`; a country's letter A-D is still `grade` in countries.csv.)
RENAMED = {
    "estimates": {"grade": "reliability", "grade_reason": "reliability_reason"},
    "countries": {"headline_grade": "headline_reliability"},
}
STATED_TAG = "nbval-check-output"


@dataclass(frozen=True)
class DataPackage:
    """The tables of one state of the data, every cell as text (as written), and what the chapters state."""

    label: str
    estimates: pd.DataFrame
    countries: pd.DataFrame
    sources: pd.DataFrame
    stated: dict[str, dict[str, str]] = field(default_factory=dict)  # chapter -> glue name -> text


def _read(text: bytes | str) -> pd.DataFrame:
    data = io.BytesIO(text if isinstance(text, bytes) else text.encode("utf-8"))
    # object, not pandas 3's arrow strings: taking rows of arrow columns made a comparison 5 times slower
    return pd.read_csv(data, dtype=object, keep_default_na=False)


def stated_from_notebook(text: str | bytes) -> dict[str, str]:
    """glue name -> the text the page states, from a chapter's stored outputs (cells tagged nbval-check-output)."""
    notebook = json.loads(text)
    found = {}
    for cell in notebook.get("cells", []):
        if STATED_TAG not in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            data = output.get("data", {})
            value = data.get("application/papermill.record/text/plain", data.get("text/plain"))
            if name and value is not None:
                value = "".join(value) if isinstance(value, list) else str(value)
                found[name] = value.strip("'\"") if len(value) > 1 and value[0] == value[-1] in "'\"" else value
    return found


def _stated_from_tree(root: Path) -> dict[str, dict[str, str]]:
    notebooks = root / "notebooks"
    found = {}
    for path in sorted(notebooks.rglob("*.ipynb")):
        rel = path.relative_to(root).as_posix()
        if "/profiles/" in rel or "/templates/" in rel or ".ipynb_checkpoints" in rel:
            continue
        stated = stated_from_notebook(path.read_bytes())
        if stated:
            found[rel] = stated
    return found


def _tables(found: dict[str, bytes | None], spec: str, where: str) -> dict[str, pd.DataFrame]:
    missing = [f"{name}.csv" for name in TABLES if found.get(name) is None and name not in OPTIONAL]
    if missing:
        raise _problem(
            spec,
            f"holds no {', '.join(missing)}",
            f"name {where} with the tidy tables (data/, an edition, a data zip, a revision that has them)",
        )
    return {
        name: current_names(name, _read(found[name]))
        if found.get(name) is not None
        else pd.DataFrame(columns=["iso3"], dtype=object)
        for name in TABLES
    }


def current_names(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (one of TABLES) with the columns of an older edition under their current names (RENAMED)."""
    renames = {old: new for old, new in RENAMED.get(table, {}).items() if old in frame and new not in frame}
    return frame.rename(columns=renames) if renames else frame


def estimates_table(folder: Path) -> pd.DataFrame:
    """The estimates table in `folder` (data/ or a kept edition), every cell as text, its columns under their current
    names."""
    return current_names("estimates", _read((folder / "estimates.csv").read_bytes()))


def _problem(spec: str, message: str, fix: str) -> DataError:
    return DataError([Problem(spec, None, None, None, message, fix)])


def from_folder(folder: Path, label: str | None = None) -> DataPackage:
    """The tables in `folder`, or in `folder/data` when `folder` is a repository root."""
    root = folder
    if not (folder / "estimates.csv").exists() and (folder / "data" / "estimates.csv").exists():
        folder = folder / "data"
    tables = _tables(
        {name: (folder / f"{name}.csv").read_bytes() for name in TABLES if (folder / f"{name}.csv").exists()},
        str(folder),
        "a folder",
    )
    if (folder / STATED_FILE).exists():
        stated = json.loads((folder / STATED_FILE).read_text(encoding="utf-8"))
    elif root != folder and (root / "notebooks").is_dir():
        stated = _stated_from_tree(root)
    else:
        stated = {}
    return DataPackage(label or str(folder), stated=stated, **tables)


def from_zip(archive: Path, label: str | None = None) -> DataPackage:
    """The tables in a data zip: members named `<anything>/estimates.csv` etc."""
    with zipfile.ZipFile(archive) as z:
        names = {Path(n).name: n for n in z.namelist()}
        tables = _tables(
            {name: z.read(names[f"{name}.csv"]) for name in TABLES if f"{name}.csv" in names}, str(archive), "a zip"
        )
        stated = json.loads(z.read(names[STATED_FILE])) if STATED_FILE in names else {}
    return DataPackage(label or str(archive), stated=stated, **tables)


def _git(repo: Path, *args: str, data: bytes | None = None) -> bytes:
    done = subprocess.run(["git", "-C", str(repo), *args], input=data, capture_output=True, check=False)
    if done.returncode != 0:
        raise _problem(
            " ".join(args),
            done.stderr.decode("utf-8", "replace").strip() or "git failed",
            "name a git revision of this repository, a data folder, a data zip or an edition",
        )
    return done.stdout


def _cat_files(repo: Path, revision: str, files: list[str]) -> dict[str, bytes]:
    """Several files of one revision through one `git cat-file --batch` process (about 10 ms, not 10 per file)."""
    request = "".join(f"{revision}:{f}\n" for f in files).encode("utf-8")
    out, found, pos = _git(repo, "cat-file", "--batch", data=request), {}, 0
    for name in files:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        if header[-1] == b"missing":
            pos = end + 1
            continue
        size = int(header[2])
        found[name] = out[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    return found


def from_git(revision: str, repo: Path = paths.ROOT) -> DataPackage:
    """The committed tables (data/*.csv) and chapters of a git revision."""
    try:
        commit = _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except DataError:
        raise _problem(
            revision,
            "is neither a folder, a data zip, an edition in data/editions/ nor a git revision",
            "name one of those (for example HEAD~1, data/, asmhub-data.zip or 0.1.0)",
        ) from None
    chapters = [
        n
        for n in _git(repo, "ls-tree", "-r", "--name-only", commit, "notebooks").decode().splitlines()
        if n.endswith(".ipynb") and "/profiles/" not in n and "/templates/" not in n
    ]
    files = _cat_files(repo, commit, [f"data/{name}.csv" for name in TABLES] + chapters)
    tables = _tables({name: files.get(f"data/{name}.csv") for name in TABLES}, revision, "a revision")
    stated = {name: s for name in chapters if name in files and (s := stated_from_notebook(files[name]))}
    return DataPackage(revision, stated=stated, **tables)


def load(spec: str, repo: Path = paths.ROOT, editions: Path = EDITIONS) -> DataPackage:
    """A state of the data by name: a folder, a zip, an edition's version, or a git revision (in that order)."""
    path = Path(spec)
    if path.is_dir():
        return from_folder(path, spec)
    if path.is_file() and zipfile.is_zipfile(path):
        return from_zip(path, spec)
    if path.is_file():
        raise _problem(spec, "is a file but not a zip", "name a data zip, a data folder or a git revision")
    if (editions / spec / "estimates.csv").exists():
        return from_folder(editions / spec, f"edition {spec}")
    return from_git(spec, repo)
