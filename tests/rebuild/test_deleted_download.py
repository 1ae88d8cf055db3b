"""A download deleted by hand (not by `make clean`) comes back with the next `make book`, on disk and in the site.

Runs `make book` on the working tree's build, so it runs alone, after the other site tests (make site-test)."""

import random
import subprocess

from asmhub_utils import paths
from asmhub_utils.execute import page_files


def test_make_book_restores_a_deleted_download_of_a_chapter_and_of_a_profile():
    downloads = page_files.SITE_EXTRA / "downloads"
    chapter = sorted(p for p in downloads.glob("*.csv") if not p.name.startswith("profile"))
    profile = sorted(p for p in downloads.glob("*.csv") if p.name.startswith("profile"))
    assert chapter and profile, "no built book: run `make book` first"
    deleted = [random.choice(chapter), random.choice(profile)]
    before = {p: p.read_bytes() for p in deleted}
    for p in deleted:
        p.unlink()
    done = subprocess.run(["make", "--no-print-directory", "book"], cwd=paths.ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for p in deleted:
        assert p.exists() and p.read_bytes() == before[p], f"{p.name} was not written again"
        assert (paths.HTML / "downloads" / p.name).read_bytes() == before[p], f"{p.name} is not in the site"
