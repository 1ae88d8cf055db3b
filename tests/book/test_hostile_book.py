"""End to end: hostile values in every free-text column go through `asmhub contribute`, a real book build and a
real browser, and stay text. Nothing runs at build time (no marker file), no script runs in the reader's browser
(no dialog), each value is on the page as written, and a long publisher does not make the library page scroll
sideways on a phone.

The build runs on a copy of the repository (its own data/, profiles and _build) with the pages that show
contributed text: the country's profile, the country table and the resource library.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from asmhub_utils import paths
from asmhub_utils.contrib import standard
from asmhub_utils.site import first_visit

PAGES = ("notebooks/places/profiles/GHA.html", "notebooks/places/country_table.html", "book/library.html")
LONG_WORD = "W" * 160
TYPOGRAPHIC = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def hostile_rows(marker: Path) -> list[dict[str, str]]:
    jinja = "{{ lipsum.__globals__.os.system('touch " + str(marker) + "') }}"
    people = {
        "dataset": "miners_by_country",
        "country_iso3": "GHA",
        "country_name": "Ghana",
        "indicator": f"people working in ASM <script>alert('indicator')</script> {jinja}",
        "value": "about 5,000",
        "unit": "persons",
        "year": "2025",
        "mineral": "gold<svg onload=alert('mineral')>",
        "source_title": "Census \"><script>alert('title')</script> {cite}`nothing` $\\foo$ [x](javascript:alert(1))",
        "source_publisher": f"$\\foo$ <img src=x onerror=alert('publisher')> {{{{ undefined }}}} {LONG_WORD}",
        "source_year": "2025",
        "source_url": "https://example.org/hostile?a=1&b=2",
        "locator": "{{ lipsum.__globals__.os.getcwd() }} :::{note} <script>alert('locator')</script>",
        "note": "<iframe src=\"javascript:alert('note')\"></iframe> % comment",
    }
    text_value = {
        **people,
        "dataset": "other",
        "indicator": "<b onmouseover=alert('indicator2')>licence</b>",
        "value": "<img src=x onerror=alert('value')> ```{code-cell} import os```",
        "unit": "text",
        "locator": "(target)= # heading",
    }
    return [people, text_value]


def write_contribution(path: Path, rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=standard.COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def run(args: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{args}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory) -> tuple[Path, Path, list[dict[str, str]]]:
    root = tmp_path_factory.mktemp("hostile") / "repo"
    shutil.copytree(
        paths.ROOT,
        root,
        ignore=shutil.ignore_patterns(
            ".venv", "_build", ".git", "profiles", "__pycache__", ".asmhub-*", "tests", "benchmarks", "*.egg-info"
        ),
    )
    marker = root.parent / "code-ran-at-build-time"
    rows = hostile_rows(marker)
    contribution = root.parent / "hostile-test.csv"
    write_contribution(contribution, rows)
    env = {**os.environ, "PYTHONPATH": str(root)}  # the copy's asmhub_utils, whose paths point into the copy
    python = sys.executable
    checked = run([python, "-c", "from asmhub_utils import paths; print(paths.ROOT)"], root, env)
    assert checked.stdout.strip() == str(root)
    run([python, "-m", "asmhub_utils.cli", "validate", str(contribution)], root, env)
    run([python, "-m", "asmhub_utils.cli", "contribute", str(contribution)], root, env)
    run([python, "-m", "asmhub_utils.cli", "profile", "GHA", "--jobs", "1"], root, env)
    (root / "hostile_index.md").write_text("# Hostile contribution test\n", encoding="utf-8")
    (root / "_toc.yml").write_text(
        "format: jb-book\nroot: hostile_index\nchapters:\n  - file: notebooks/places/country_table\n"
        "  - file: notebooks/places/profiles/GHA\n  - file: book/library\n",
        encoding="utf-8",
    )
    jupyter_book = str(Path(python).parent / "jupyter-book")
    build = subprocess.run(
        [jupyter_book, "build", "--keep-going", "."], cwd=root, env=env, capture_output=True, text=True, timeout=900
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert "Executing notebook failed" not in build.stdout + build.stderr
    return root, marker, rows


def test_no_code_ran_at_build_time(hostile_book):
    root, marker, _ = hostile_book
    assert not marker.exists(), "a contributed {{ }} ran a shell command during the build"
    for page in PAGES:
        text = (root / "_build" / "html" / page).read_text(encoding="utf-8")
        assert str(root) not in text, f"{page} shows the build folder: a contributed {{{{ }}}} was evaluated"


def test_pages_show_hostile_text_as_text_and_run_no_script(hostile_book):
    from playwright.sync_api import sync_playwright

    root, _, rows = hostile_book
    dialogs: list[str] = []
    with first_visit.serve(root / "_build" / "html") as base, sync_playwright() as playwright:
        browser = first_visit.launch(playwright)
        try:
            for width in (390, 1280):
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
                for name in PAGES:
                    page.goto(base + name)
                    page.wait_for_load_state("load")
                    page.mouse.move(200, 300)
                    page.wait_for_timeout(300)
                    # Sphinx's smart quotes turn typewriter quotes into typographic ones, in prose and data alike
                    text = page.inner_text("body").translate(TYPOGRAPHIC)
                    if name.endswith("GHA.html"):
                        item = page.locator("li").filter(has_text="Reliability:").filter(has_text="Census")
                        listed = item.first.inner_text().translate(TYPOGRAPHIC)  # the Sources list (MyST)
                        for column in ("source_title", "source_publisher", "locator"):
                            assert " ".join(rows[0][column].split()) in listed, (name, column, listed)
                        assert "<script>alert('indicator')</script>" in text
                    if name.endswith("library.html"):
                        assert "Census \"><script>alert('title')</script>" in text
                page.close()
        finally:
            browser.close()
    assert dialogs == [], f"contributed text ran as script: {dialogs}"


def test_a_long_contributed_publisher_does_not_make_pages_scroll_sideways(hostile_book):
    """A 160-letter word in the publisher wraps on the library page and the profile, on a phone and a laptop
    (the wrapping rule lives in the book's stylesheet, book/assets/asmhub.css, which must be in the build)."""
    from playwright.sync_api import sync_playwright

    root, _, _ = hostile_book
    html_dir = root / "_build" / "html"
    assert (html_dir / "_static" / "asmhub.css").exists(), "the book's stylesheet is missing from the build"
    with first_visit.serve(html_dir) as base, sync_playwright() as playwright:
        browser = first_visit.launch(playwright)
        try:
            for width in (390, 1280):
                page = browser.new_page(viewport={"width": width, "height": 900})
                for name in ("book/library.html", "notebooks/places/profiles/GHA.html"):
                    page.goto(base + name)
                    overflow = page.evaluate(
                        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                    )
                    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
                page.close()
        finally:
            browser.close()
