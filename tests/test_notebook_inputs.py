"""The notebook cache follows what notebooks import and read, and nothing else."""

import json
from pathlib import Path

from asmhub_utils.execute import notebook_inputs, profiles

ROOT = notebook_inputs.ROOT


def _notebook(tmp_path: Path, code: str) -> Path:
    path = tmp_path / "chapter.ipynb"
    path.write_text(
        json.dumps(
            {
                "cells": [
                    {"cell_type": "markdown", "source": "from asmhub_utils.site import pdf"},
                    {"cell_type": "code", "source": code.splitlines(keepends=True)},
                ]
            }
        )
    )
    return path


def _relative(files: list[Path]) -> set[str]:
    return {str(p.relative_to(ROOT)) for p in files}


def test_imports_are_followed_through_every_module(tmp_path):
    found = _relative(
        notebook_inputs.modules_imported_by([_notebook(tmp_path, "from asmhub_utils.chapters import text")])
    )
    assert "asmhub_utils/chapters/text.py" in found
    assert "asmhub_utils/chapters/display.py" in found  # text imports display
    assert "asmhub_utils/site/pdf.py" not in found  # named in a markdown cell only


def test_each_import_form_is_seen(tmp_path):
    for code in (
        "import asmhub_utils.chapters.maps",
        "from asmhub_utils.chapters.maps import world_map",
        "if True:\n    from asmhub_utils.chapters import maps\n",
    ):
        found = _relative(notebook_inputs.modules_imported_by([_notebook(tmp_path, code)]))
        assert "asmhub_utils/chapters/maps.py" in found, code


def test_build_only_code_is_not_a_notebook_input():
    found = _relative(notebook_inputs.notebook_inputs())
    assert (
        not {
            "asmhub_utils/site/sphinx_ext/__init__.py",
            "asmhub_utils/site/pdf.py",
            "asmhub_utils/execute/prerun.py",
            "asmhub_utils/cli.py",
        }
        & found
    )
    assert "asmhub_utils/chapters/charts.py" in found


def test_raw_files_chapters_read_are_inputs():
    found = notebook_inputs.notebook_inputs()
    assert any("data/raw/mining-detector" in str(p) for p in found)
    assert any("data/geo" in str(p) for p in found)
    assert any(p.name == "estimates.csv" for p in found)


def test_profiles_depend_on_their_template_and_its_imports():
    found = _relative(profiles.inputs())
    assert "notebooks/templates/country_profile.ipynb" in found
    assert "asmhub_utils/chapters/profile_page.py" in found
    assert "asmhub_utils/tidy/build.py" not in found


def test_templates_the_chapters_render_are_inputs():
    from asmhub_utils.execute import notebook_inputs

    inputs = {p.relative_to(notebook_inputs.ROOT).as_posix() for p in notebook_inputs.notebook_inputs()}
    assert "asmhub_utils/chapters/templates/estimates_table.html" in inputs
    assert "asmhub_utils/site/templates/cite_this_page.html" not in inputs  # the build's, not a notebook's
