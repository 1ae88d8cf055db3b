"""{asmhub-repo}`label <path>`: a link into the book's repository (book/metadata.yml `repository`)."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


def repo_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """{asmhub-repo}`label <path>`: a link into the book's repository (book/metadata.yml `repository`)."""
    from asmhub_utils.site import metadata

    label, _, target = text.partition(" <")
    target = target.rstrip(">") if target else ""
    url = metadata.load().repository + ("/" + target.lstrip("/") if target else "")
    return [nodes.reference(rawtext, label.strip() or url, refuri=url, classes=["asmhub-repo"])], []


def setup(app: Sphinx) -> None:
    app.add_role("asmhub-repo", repo_role)
