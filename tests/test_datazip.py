"""The data download: tidy tables, datapackage.json and a README with licence and citation, reproducibly zipped."""

import json
import zipfile

import pytest

from asmhub_utils import paths
from asmhub_utils.site import book_citation, datazip, metadata


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return datazip.build(tmp_path_factory.mktemp("zip") / datazip.ZIP_NAME)


def test_zip_holds_the_tables_their_description_and_a_readme(archive):
    with zipfile.ZipFile(archive) as z:
        assert sorted(z.namelist()) == sorted(
            f"asmhub-data/{n}"
            for n in ["estimates.csv", "sources.csv", "countries.csv", "datapackage.json", "README.md"]
        )
        for name in ["estimates.csv", "sources.csv", "datapackage.json"]:
            assert z.read(f"asmhub-data/{name}") == (paths.DATA / name).read_bytes(), name


def test_readme_gives_the_licence_and_how_to_cite(archive):
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    readme = zipfile.ZipFile(archive).read("asmhub-data/README.md").decode("utf-8")
    for licence in package["licenses"]:
        assert licence["name"] in readme and licence["path"] in readme
    meta = metadata.load()
    assert book_citation.citation_text(meta) in readme
    assert book_citation.bibtex(meta) in readme
    estimates_rows = len((paths.ESTIMATES).read_text(encoding="utf-8").splitlines()) - 1
    assert f"`estimates.csv`: estimates, {estimates_rows} rows" in readme


def test_zip_is_reproducible(archive, tmp_path):
    again = datazip.build(tmp_path / "again.zip")
    assert again.read_bytes() == archive.read_bytes()


def test_a_missing_table_fails_and_leaves_no_partial_zip(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "datapackage.json").write_text(paths.DATAPACKAGE.read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "site" / datazip.ZIP_NAME
    with pytest.raises(FileNotFoundError, match="estimates.csv"):
        datazip.build(target, data_dir=data)
    assert not target.exists() and not list(target.parent.glob("*.part"))
