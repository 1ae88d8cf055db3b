"""Fixtures shared by the data tests, and which tests are integration tests."""

import shutil
from pathlib import Path

import contrib_worker  # the transaction tests run it as a script; both point paths at a copy of data/
import pytest

from asmhub_utils import paths
from asmhub_utils.chapters import data


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A copy of data/ that paths point to, so the real data is never touched."""
    root = tmp_path / "repo"
    shutil.copytree(paths.DATA, root / "data", ignore=shutil.ignore_patterns("geo"))
    copy = root / "data"
    for name, value in contrib_worker.data_paths(copy).items():
        monkeypatch.setattr(paths, name, value)
    return copy


@pytest.fixture
def fresh_loaders():
    """Empty the loaders' caches before and after a test that changes the tables they read."""
    data._estimates.cache_clear()
    data._sources.cache_clear()
    yield
    data._estimates.cache_clear()
    data._sources.cache_clear()


# Integration tests: whole stages in subprocesses (the tidy build killed at every write, contributions end to end, a
# contribution's review, which builds the tables twice), nbval on a chapter, and whatever starts a Jupyter kernel (the
# kernel pool, a profile, the chapter pre-run) or builds a Sphinx book (bibtex_speed). `make unit` leaves them out to
# stay under a minute (`pytest --durations=30`: these took 5 to 59 s each); `make integration` runs them, and `make
# test` (CI) runs every test. Listed here, by test file and name, so that the test files stay as they are.
INTEGRATION = {
    "test_transaction.py": ("",),
    "test_contribute.py": ("",),
    "test_contribute_review.py": ("dry_run", "after_it_lands", "markdown_review"),
    "test_table_check.py": ("killed_contribute",),
    "test_stated_figures.py": ("nbval", "refresh_tags"),
    "test_build.py": ("test_rebuild_matches_committed_tables",),
    "test_kernel_pool.py": ("",),
    "test_profiles.py": ("is_executed", "while_a_chart_is_drawn", "ends_at_start"),
    "test_prerun.py": ("matches_in_the_cache", "failing_notebook", "cannot_start"),
    "test_page_files.py": ("runs_again",),
    "test_bibtex_speed.py": ("build", "formatted", "formats"),
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        words = INTEGRATION.get(item.path.name, ())
        if any(word in item.name for word in words):
            item.add_marker(pytest.mark.integration)
