"""HTML the chapters write, from Jinja2 templates in asmhub_utils/chapters/templates with autoescaping on: every
value put into a template is escaped for HTML text or a quoted attribute (contributed text stays text)."""

from __future__ import annotations

from functools import cache

import jinja2


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("asmhub_utils.chapters", "templates"),
                              autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True)


def render(template: str, **context: object) -> str:
    """The named template filled with `context` (a missing variable is an error, not an empty string)."""
    return _environment().get_template(template).render(**context)
