"""Keep a slow optional import out of build processes.

jsonschema (imported by nbformat, papermill, myst-nb and so by Jupyter Book) loads `rfc3987_syntax` when it is
installed; that package compiles an Earley grammar at import time, 3-4 s per process on the 2-core build machine
(measured with `python -X importtime -c "import nbformat"`). It only adds "iri" format checks, which no notebook
or book build uses: jsonschema skips them when the import fails. `python -m asmhub_utils.site.jupyter_book` and the
profile runner call `skip_iri_format_checks()` before anything imports jsonschema.
"""

from __future__ import annotations

import sys


def skip_iri_format_checks() -> None:
    sys.modules.setdefault("rfc3987_syntax", None)  # a None entry makes `import rfc3987_syntax` raise ImportError
