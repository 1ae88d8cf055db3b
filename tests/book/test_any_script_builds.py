"""Validated means buildable: a contribution whose text is in Chinese, Arabic, Devanagari, Cyrillic, emoji and a
2,000-character label passes `asmhub validate` and `asmhub contribute`, and then the pages that chart and list it
build with every notebook's stderr an error (the book's own setting, nb_output_stderr: error), no "Glyph ...
missing" warning and no chart layout error.

Like tests/book/test_hostile_book.py, the build runs on a copy of the repository with only the pages that show
these figures (the world supply-share and mineral chapters, the headline indicators, a country profile, the
country table and the library); it takes minutes, so it lives in tests/book (`make site-test`, `make test`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_hostile_book import run, write_contribution

from asmhub_utils import paths

LONG_PUBLISHER = ("Artisanal Mining Observatory of the Western Districts " * 40)[:2000]
ROW = {
    "dataset": "supply_share",
    "country_iso3": "",
    "country_name": "",
    "indicator": "ASM share of world tin supply",
    "value": "about 25",
    "unit": "percent",
    "year": "2021",
    "mineral": "tin",
    "source_year": "2022",
    "locator": "p. 4",
    "note": "",
}
ROWS = [
    {
        **ROW,
        "source_title": "中国锡业报告",
        "source_publisher": "中国有色金属工业协会",
        "source_url": "https://example.org/script-test/zh",
    },
    {
        **ROW,
        "mineral": "gold",
        "indicator": "ASM share of world gold supply",
        "value": "about 20",
        "source_title": "التعدين الحرفي للذهب",
        "source_publisher": "وزارة المعادن",
        "source_url": "https://example.org/script-test/ar",
    },
    {
        **ROW,
        "mineral": "cobalt",
        "indicator": "ASM share of world cobalt supply",
        "value": "about 15",
        "source_title": "खनन रिपो\u200dर्ट",
        "source_publisher": "खान मंत्रालय",
        "source_url": "https://example.org/script-test/hi",
    },
    {
        **ROW,
        "value": "about 30",
        "source_title": "Оловянная промышленность",
        "source_publisher": "Министерство",
        "source_url": "https://example.org/script-test/ru",
    },
    {
        **ROW,
        "value": "about 22",
        "source_title": "Miners \u26cf\ufe0f report",
        "source_publisher": "\U0001f469\U0001f3fd\u200d\U0001f527 Women Miners' Union \U0001f48e",
        "source_url": "https://example.org/script-test/emoji",
    },
    {
        **ROW,
        "value": "about 27",
        "source_title": "A long publisher",
        "source_publisher": LONG_PUBLISHER,
        "source_url": "https://example.org/script-test/long",
    },
    {
        "dataset": "miners_by_country",
        "country_iso3": "GHA",
        "country_name": "Ghana",
        "indicator": "people working in ASM",
        "value": "about 1,200,000",
        "unit": "persons",
        "year": "2024",
        "mineral": "gold",
        "source_title": "加纳手工采矿",
        "source_publisher": "中国有色金属工业协会",
        "source_year": "2025",
        "source_url": "https://example.org/script-test/gha",
        "locator": "p. 9",
        "note": "",
    },
]
PAGES = (
    "notebooks/dashboard/supply_share",
    "notebooks/dashboard/mineral_mix",
    "notebooks/dashboard/headline_indicators",
    "notebooks/places/country_table",
    "notebooks/places/profiles/GHA",
    "book/library",
)


@pytest.fixture(scope="module")
def script_book(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("scripts") / "repo"
    shutil.copytree(
        paths.ROOT,
        root,
        ignore=shutil.ignore_patterns(
            ".venv", "_build", ".git", "profiles", "__pycache__", ".asmhub-*", "tests", "benchmarks", "*.egg-info"
        ),
    )
    contribution = root.parent / "any-script-test.csv"
    write_contribution(contribution, ROWS)
    env = {**os.environ, "PYTHONPATH": str(root)}
    python = sys.executable
    run([python, "-m", "asmhub_utils.cli", "validate", str(contribution)], root, env)
    run([python, "-m", "asmhub_utils.cli", "contribute", str(contribution)], root, env)
    run([python, "-m", "asmhub_utils.cli", "profile", "GHA", "--jobs", "1"], root, env)
    (root / "scripts_index.md").write_text("# Text in any script\n", encoding="utf-8")
    (root / "_toc.yml").write_text(
        "format: jb-book\nroot: scripts_index\nchapters:\n" + "".join(f"  - file: {page}\n" for page in PAGES),
        encoding="utf-8",
    )
    build = subprocess.run(
        [str(Path(python).parent / "jupyter-book"), "build", "--keep-going", "."],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    log = build.stdout + build.stderr
    assert build.returncode == 0, log[-4000:]
    for failure in ("Executing notebook failed", "Glyph", "ChartLayoutError", "Traceback"):
        assert failure not in log, f"{failure!r} in the build log:\n{log[-4000:]}"
    # Every Sphinx warning or error (a notebook's stderr output is one: nb_output_stderr) fails, except links to
    # the pages this partial book leaves out.
    problems = [
        line
        for line in log.splitlines()
        if re.search(r": (WARNING|ERROR|CRITICAL):", line)
        and "myst.xref_missing" not in line
        and "toc.not_included" not in line
    ]
    assert problems == [], "\n".join(problems[:10])
    return root / "_build" / "html"


def test_text_in_every_script_reaches_the_chart_pages(script_book):
    page = (script_book / "notebooks/dashboard/supply_share.html").read_text(encoding="utf-8")
    for text in ("中国有色金属工业协会", "وزارة المعادن", "खान मंत्रालय", "Министерство"):
        assert text in page, text
    assert "\ufffe" not in page


def test_a_2000_character_label_is_shortened_on_the_chart_and_whole_in_its_title(script_book):
    page = (script_book / "notebooks/dashboard/supply_share.html").read_text(encoding="utf-8")
    assert LONG_PUBLISHER.strip() in page, "the whole publisher is in the mark's title"
    texts = [t.strip() for t in re.findall(r"<text\b[^>]*>(.*?)</text>", page, flags=re.S)]  # one per line
    lines = [t for t in texts if len(t) > 8 and t.rstrip("\u2026") in LONG_PUBLISHER]
    assert 1 <= len(lines) <= 4 and sum(map(len, lines)) <= 130, f"the drawn label is shortened: {lines}"
    assert lines[-1].endswith("\u2026"), "with an ellipsis"
