"""The data download: one zip of the tidy tables, their datapackage.json and a README (licence, how to cite).

Built with the book (the Sphinx extension writes it into the site as `downloads/asmhub-data.zip`). The archive is
byte-for-byte reproducible: fixed member order and timestamps, so an unchanged data set gives an unchanged file.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from asmhub_utils import paths
from asmhub_utils.site import book_citation
from asmhub_utils.site.metadata import BookMetadata, load

ZIP_NAME = "asmhub-data.zip"
FOLDER = "asmhub-data"  # everything unpacks into one folder, not into the reader's downloads folder
_STAMP = (1980, 1, 1, 0, 0, 0)


def _rows(csv: Path) -> int:
    with csv.open(encoding="utf-8") as handle:
        return max(sum(1 for _ in handle) - 1, 0)


def readme(meta: BookMetadata, package: dict, data_dir: Path = paths.DATA) -> str:
    """README.md of the download: what each file holds, the licence, and how to cite."""
    files = "\n".join(
        f"- `{r['path']}`: {r.get('title') or r['name']}, {_rows(data_dir / r['path'])} rows. "
        f"Columns are described in `datapackage.json`."
        for r in package["resources"]
    )
    licences = "\n".join(
        f"- {lic.get('title', lic['name'])} ({lic['name']}): {lic.get('path', '')}"
        for lic in package.get("licenses", [])
    )
    return f"""# {package.get("title", meta.short_title)}

Data of *{meta.title}*, version {meta.version} ({meta.date_released.isoformat()}).
{package.get("description", "")}

## Files

{files}
- `datapackage.json`: the Frictionless Data Package that describes every column, its type and allowed values.

Each row of `estimates.csv` is one published figure as its source gives it (ranges stay ranges: see `value_low`,
`value_high` and `value_text`); `source_id` links it to `sources.csv`, which names the source, its address and its
reliability (primary, secondary or low; each figure has its own `reliability` too). Where sources disagree, each
figure is its own row: nothing is averaged. `countries.csv` gives one headline per country, chosen by the book's
written rule (its `headline_record_id` points to the figure in `estimates.csv`; `status` says when there is only a
narrower national count, or none).

## Licence

{licences}

Each figure remains the statement of its source: when you reuse one, cite that source (listed in `sources.csv`)
as well as this data set.

## How to cite

{book_citation.citation_text(meta)}

```bibtex
{book_citation.bibtex(meta)}
```

Book: {meta.base_url}
Source code and history: {meta.repository}
"""


def build(target: Path, meta: BookMetadata | None = None, data_dir: Path = paths.DATA) -> Path:
    """Write the zip to `target` (replacing it) and return its path."""
    meta = meta or load()
    package_file = data_dir / "datapackage.json"
    package = json.loads(package_file.read_text(encoding="utf-8"))
    members = [(r["path"], (data_dir / r["path"]).read_bytes()) for r in package["resources"]]
    members += [
        ("datapackage.json", package_file.read_bytes()),
        ("README.md", readme(meta, package, data_dir).encode("utf-8")),
    ]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in members:
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=_STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    partial.replace(target)
    return target
