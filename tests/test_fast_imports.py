"""The jupyter-book wrapper behaves like jupyter-book and leaves the slow IRI grammar out."""

import subprocess
import sys

from asmhub_utils import paths


def test_wrapper_runs_jupyter_book_without_the_iri_grammar():
    probe = ("import sys, runpy; sys.argv = ['jupyter-book', '--version']\n"
             "try:\n    runpy.run_module('asmhub_utils.site.jupyter_book', run_name='__main__')\n"
             "except SystemExit as e:\n    code = e.code\n"
             "print('rfc3987_syntax loaded:', sys.modules.get('rfc3987_syntax') is not None); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=paths.ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Jupyter Book" in result.stdout
    assert "rfc3987_syntax loaded: False" in result.stdout
