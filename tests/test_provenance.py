"""Every raw file is described by a SOURCE note whose sha256 matches the file: raw data is never edited."""

import hashlib
import re

import pytest

from asmhub_utils import paths
from asmhub_utils.tidy import build

NOTES = sorted([*paths.RAW.glob("*/SOURCE.md"), paths.GEO / "SOURCE.md"])
ROW = re.compile(r"^\| `([^`]+)` \| (\d+) \| ([0-9a-f]{64}) \|$", re.M)


@pytest.mark.parametrize("note", NOTES, ids=lambda p: p.parent.name)
def test_source_note_names_publisher_url_licence_date_and_hashes(note):
    text = note.read_text(encoding="utf-8")
    for field in ("Publisher", "URL", "Licence", "Retrieved"):
        assert f"**{field}**" in text, f"{note}: no **{field}** line"
    listed = ROW.findall(text)
    assert listed, f"{note} lists no files with sha256"
    for name, size, digest in listed:
        data = (note.parent / name).read_bytes()
        assert len(data) == int(size), f"{name}: size changed"
        assert hashlib.sha256(data).hexdigest() == digest, f"{name}: content changed since it was recorded"


def test_every_raw_file_is_listed_in_its_note():
    for folder in [*paths.RAW.iterdir(), paths.GEO]:
        note = (folder / "SOURCE.md").read_text(encoding="utf-8")
        listed = {name for name, _, _ in ROW.findall(note)}
        present = {p.name for p in folder.iterdir() if p.name != "SOURCE.md"}
        assert present <= listed, f"{folder}: files without provenance: {present - listed}"


def test_every_raw_source_the_build_reads_has_its_provenance_note():
    for source in build.raw_sources():
        note = source.path.parent / "SOURCE.md"
        assert note.is_file(), f"{source.path}: no SOURCE.md beside it"
        assert source.path.name in {name for name, _, _ in ROW.findall(note.read_text(encoding="utf-8"))}
