"""The book's own assets (book/assets) reach the built site even when no page changed."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx


def sync_static_assets(static_dirs: list[Path], outdir: Path) -> list[str]:
    """Copy every file of the book's static folders (book/assets) whose built copy in `_static` differs.

    Sphinx copies `html_static_path` only when at least one page is rewritten ("no targets are out of date" returns
    before it), so an edit to asmhub.css or asmhub.js alone never reached the built site. Returns what it copied."""
    copied = []
    for folder in static_dirs:
        for source in sorted(p for p in folder.rglob("*") if p.is_file()):
            target = outdir / "_static" / source.relative_to(folder)
            if not target.exists() or target.read_bytes() != source.read_bytes():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source.read_bytes())
                copied.append(source.relative_to(folder).as_posix())
    return copied


def _build_finished(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html":
        sync_static_assets([Path(app.confdir) / d for d in app.config.html_static_path], Path(app.outdir))


def setup(app: Sphinx) -> None:
    app.connect("build-finished", _build_finished)
    app.add_css_file("asmhub.css")
    app.add_js_file("asmhub.js", loading_method="defer")
