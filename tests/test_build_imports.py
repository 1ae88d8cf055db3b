"""The build venv stays free of the slow import that a wrapper used to hide.

JupyterLab (Binder's `explore` extra) pulls in jsonschema's format checkers; their IRI grammar (rfc3987-syntax)
is compiled when jsonschema is imported: about 2 s in every process that reads a notebook. `make setup` leaves
`explore` out of the build venv, so `jupyter-book`, papermill and the profile runner start without it.
"""

import subprocess
import sys


def _loaded_after(statement: str) -> set[str]:
    probe = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_reading_a_notebook_does_not_compile_the_iri_grammar():
    loaded = _loaded_after("import nbformat, jsonschema; nbformat.validate(nbformat.v4.new_notebook())")
    assert "jsonschema" in loaded, "the probe must reach jsonschema, or it checks nothing"
    assert "rfc3987_syntax" not in loaded, (
        "jsonschema loaded the IRI grammar (about 2 s a process): something in "
        "the build venv pulls jsonschema[format-nongpl]; see the Makefile's setup"
    )


def test_citation_uri_checks_still_have_a_checker():
    import jsonschema

    checker = jsonschema.FormatChecker()
    assert "uri" in checker.checkers, "install rfc3986-validator (the `test` extra) for CITATION.cff's uri checks"
    assert not checker.conforms("not a uri", "uri")
