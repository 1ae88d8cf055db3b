"""Citation metadata live in book/metadata.yml; CITATION.cff, page citations and _config.yml agree with it."""

import json
import re
from pathlib import Path

import pytest
import yaml

from asmhub_utils import paths
from asmhub_utils.errors import DataError
from asmhub_utils.site import book_citation, metadata


@pytest.fixture(scope="module")
def meta():
    return metadata.load()


def test_citation_cff_is_current(meta):
    assert (paths.ROOT / "CITATION.cff").read_text(encoding="utf-8") == book_citation.cff(meta), (
        "CITATION.cff is out of date: run `make citation`"
    )


CFF_SCHEMA = Path(__file__).parent / "fixtures" / "citation-file-format-1.2.0.schema.json"


class _CffLoader(yaml.SafeLoader):
    """YAML as cffconvert reads a CITATION.cff: dates stay strings, as the schema expects."""


_CffLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _cff_errors(text: str) -> list[str]:
    """The CFF 1.2.0 schema's complaints about a CITATION.cff text, checked the way `cffconvert --validate` does
    (jsonschema with format checks), offline: the schema is kept in tests/fixtures."""
    import jsonschema

    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator.iter_errors(yaml.load(text, Loader=_CffLoader))
    ]


def test_citation_cff_is_valid_per_the_cff_schema():
    text = (paths.ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=_CffLoader)["cff-version"] == "1.2.0"
    assert _cff_errors(text) == []


def test_the_cff_check_catches_an_invalid_file():
    text = (paths.ROOT / "CITATION.cff").read_text(encoding="utf-8")
    broken = yaml.load(text, Loader=_CffLoader)
    del broken["authors"]
    broken["date-released"] = "30 November 2026"
    errors = _cff_errors(yaml.safe_dump(broken))
    assert any("'authors' is a required property" in e for e in errors), errors
    assert any(e.startswith("date-released") for e in errors), errors


def test_config_repository_is_the_metadata_repository(meta):
    config = yaml.safe_load((paths.ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["repository"]["url"] == meta.repository, "keep _config.yml repository.url = book/metadata.yml"
    assert config["launch_buttons"]["binderhub_url"].startswith("https://")
    assert config["launch_buttons"]["thebe"] is False


def test_page_citation_names_the_page_its_stable_address_and_the_edition(meta):
    text = book_citation.citation_text(meta, "Ghana", "notebooks/places/profiles/GHA")
    assert "Ghana" in text and f"Edition {meta.version}, {meta.date_released.isoformat()}" in text
    assert text.endswith(f"{meta.base_url}notebooks/places/profiles/GHA.html")
    entry = book_citation.bibtex(meta, "Ghana", "notebooks/places/profiles/GHA")
    assert entry.startswith(f"@misc{{asmhub{meta.year}_notebooks_places_profiles_gha,")
    assert f"version      = {{{meta.version}}}" in entry
    assert f"url          = {{{meta.base_url}notebooks/places/profiles/GHA.html}}" in entry


def test_bibtex_escapes_special_characters_and_balances_braces(meta):
    entry = book_citation.bibtex(meta, "Gold & mercury: 50% of {it}_now", "x")
    # The one BibTeX layer (escape.bibtex, as data/references.bib): braces become parentheses.
    assert r"Gold \& mercury: 50\% of (it)\_now" in entry
    assert book_citation.bibtex(meta, "a\\b ~ c", "x").count(r"a\textbackslash{}b \textasciitilde{} c") == 1
    unescaped = re.sub(r"\\[{}]", "", entry)
    assert unescaped.count("{") == unescaped.count("}")


def test_citation_html_escapes_the_title(meta):
    assert "<script>" not in book_citation.citation_html(meta, "<script>x</script>", "p")


def test_changelog_has_an_entry_for_the_current_version(meta):
    changelog = (paths.BOOK / "changelog.md").read_text(encoding="utf-8")
    assert f"## {meta.version} ({meta.date_released.isoformat()})" in changelog, (
        "add a section for the version in book/metadata.yml to book/changelog.md"
    )


def _write(tmp_path, text):
    target = tmp_path / "metadata.yml"
    target.write_text(text, encoding="utf-8")
    return target


def test_bad_metadata_reports_every_problem_with_key_and_fix(tmp_path):
    source = _write(
        tmp_path,
        "title: T\nshort_title: T\nauthors: [{}]\nversion: one\ndate_released: soon\n"
        "repository: github.com/x\nbase_url: https://x.org/book\nlicense: CC-BY-4.0\n",
    )
    with pytest.raises(DataError) as caught:
        metadata.load(source)
    message = str(caught.value)
    for key in ("authors[1]", "'version'", "'date_released'", "'repository'", "'base_url'"):
        assert key in message, message
    assert "Fix:" in message and "metadata.yml" in message


def test_missing_keys_are_named(tmp_path):
    with pytest.raises(DataError, match="'base_url': is missing"):
        metadata.load(_write(tmp_path, "title: T\n"))


def test_person_authors_become_family_given_in_bibtex_and_cff(tmp_path):
    source = _write(
        tmp_path,
        "title: T\nshort_title: T\nauthors:\n  - given_names: Ada\n    family_names: Byron\n"
        "version: 1.0.0\ndate_released: 2026-01-02\nrepository: https://x.org/r\n"
        "base_url: https://x.org/b/\nlicense: CC-BY-4.0\n",
    )
    meta = metadata.load(source)
    assert "author       = {Byron, Ada}" in book_citation.bibtex(meta)
    assert yaml.safe_load(book_citation.cff(meta))["authors"] == [{"given-names": "Ada", "family-names": "Byron"}]
