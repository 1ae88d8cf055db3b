"""Two costs sphinxcontrib-bibtex pays on every build, removed without changing what it writes.

* pybtex finds a plugin (a label style, a backend) by scanning the entry points of every installed package
  (`importlib.metadata.entry_points`, about 17 ms a call here), and sphinxcontrib-bibtex asks once per citation
  it resolves: about 900 scans, 16 of the 69 s of a profiled clean build. The scan's answer cannot change
  while Sphinx runs, so it is remembered per (group, name): `remember_plugin_lookups()`.
* The resource library's bibliography (about 400 entries) is formatted twice (entry and tooltip) in
  `env-updated` on every build, even when no page was read: 1.5-3 s of a no-change rebuild. When this build
  read no page, removed none, and the .bib files, the `bibtex_*` settings and the label style module are as in
  the last build, the formatted citations that Sphinx restored with its saved environment are those a new pass
  would make, so the pass is skipped: `skip_unchanged_bibliography(app)`.
"""

from __future__ import annotations

import functools

from sphinx.application import Sphinx


def remember_plugin_lookups() -> None:
    """Let pybtex scan the installed packages' entry points once per (group, name) in this process."""
    import pybtex.plugin

    lookup = pybtex.plugin.entry_points
    if getattr(lookup, "asmhub_remembered", False):
        return

    @functools.cache
    def remembered(group: str, name: str | None = None) -> tuple:
        return tuple(lookup(group=group, name=name) if name is not None else lookup(group=group))

    remembered.asmhub_remembered = True  # type: ignore[attr-defined]
    pybtex.plugin.entry_points = remembered


def _bibliography_inputs(app: Sphinx) -> tuple:
    """What formatting depends on besides the pages: .bib files (by mtime), bibtex settings, the label style."""
    from pathlib import Path

    from asmhub_utils.site.sphinx_ext import library_labels

    files = [Path(app.srcdir) / name for name in app.config.bibtex_bibfiles] + [Path(library_labels.__file__)]
    settings = sorted((item.name, repr(item.value)) for item in app.config if item.name.startswith("bibtex_"))
    return tuple((str(f), f.stat().st_mtime if f.exists() else None) for f in files), tuple(settings)


def skip_unchanged_bibliography(app: Sphinx) -> None:
    """Reuse the saved formatted citations in a build that read and removed no page."""
    from sphinxcontrib.bibtex.domain import BibtexDomain

    # The flag lives on the environment: one process may build several books (the tests do).
    def build_starts(sphinx: Sphinx) -> None:
        inputs = _bibliography_inputs(sphinx)
        sphinx.env.asmhub_pages_changed = getattr(sphinx.env, "asmhub_bibliography_inputs", None) != inputs
        sphinx.env.asmhub_bibliography_inputs = inputs

    def pages_read(_app: Sphinx, env, docnames: list[str]) -> None:
        if docnames:
            env.asmhub_pages_changed = True

    def page_purged(_app: Sphinx, env, _docname: str) -> None:  # a removed page, or one about to be re-read
        env.asmhub_pages_changed = True

    app.connect("builder-inited", build_starts)
    app.connect("env-before-read-docs", pages_read)
    app.connect("env-purge-doc", page_purged)

    format_all = BibtexDomain.env_updated
    if getattr(format_all, "asmhub_skips_unchanged", False):
        return

    def env_updated(domain: BibtexDomain):
        if not getattr(domain.env, "asmhub_pages_changed", True) and domain.citations:
            return []
        return format_all(domain)

    env_updated.asmhub_skips_unchanged = True  # type: ignore[attr-defined]
    BibtexDomain.env_updated = env_updated  # type: ignore[method-assign]


def setup(app: Sphinx) -> None:
    remember_plugin_lookups()
    skip_unchanged_bibliography(app)
