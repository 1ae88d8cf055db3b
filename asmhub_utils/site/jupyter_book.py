"""`python -m asmhub_utils.site.jupyter_book build ...`: the `jupyter-book` command, without a 3 s import it never uses
(see fast_imports.py). Same arguments and exit status as `jupyter-book`."""

from __future__ import annotations

import sys

from asmhub_utils.execute.fast_imports import skip_iri_format_checks

if __name__ == "__main__":
    skip_iri_format_checks()
    from jupyter_book.cli.main import main

    sys.argv[0] = "jupyter-book"
    sys.exit(main())
