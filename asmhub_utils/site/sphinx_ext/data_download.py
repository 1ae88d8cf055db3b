"""The data download (`downloads/asmhub-data.zip`, see `asmhub_utils.site.datazip`): written into every HTML build, and
linked from any page with the role {asmhub-data-zip}`link text`.

The zip exists only in the built site, so a plain Markdown link to it would be reported as a missing target; the
role writes a link relative to the page, which works under any base URL.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from asmhub_utils.site import datazip

SITE_PATH = f"downloads/{datazip.ZIP_NAME}"


def _build_finished(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        datazip.build(Path(app.outdir) / SITE_PATH)


def data_zip_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    docname = inliner.document.settings.env.docname
    target = posixpath.relpath(SITE_PATH, posixpath.dirname(docname) or ".")
    return [nodes.reference(rawtext, text or datazip.ZIP_NAME, refuri=target, classes=["asmhub-data-zip"])], []


def setup(app: Sphinx) -> None:
    app.add_role("asmhub-data-zip", data_zip_role)
    app.connect("build-finished", _build_finished)
