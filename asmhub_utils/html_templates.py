"""HTML that reaches a page comes from Jinja2 templates that escape by themselves.

Every stage keeps its templates in a `templates/` folder beside the code that fills them (asmhub_utils/chapters/
templates/, asmhub_utils/site/templates/, ...) and renders them with `render`. The one Environment (`environment`):

* `autoescape=True`: every `{{ value }}` is escaped unless it is `Markup`, i.e. HTML the project built (another
  template's output, `escape.html_link`), wrapped by the caller that built it. Never contributed text.
* `finalize` sends every plain value through `escape.html`, the one HTML escaping layer (asmhub_utils/escape.py):
  invisible characters removed, line breaks folded, `&<>"'` as entities, `None`/NaN as ''. So the pages read
  byte for byte as they did when each f-string called `escape.html` by hand.
* `StrictUndefined`: a misspelt or missing value is an error, not an empty cell.

Templates are written one element a line for reading; the loader joins the lines (each line break and the
indentation after it are dropped), so the HTML is one line, as notebook outputs and inline elements need.
A space that must stand at the start or end of a line is written `{{ SPACE }}`, a line break `{{ NEWLINE }}`;
the text of a `<pre>` block is `{{ value|preformatted }}` (`escape.html_block`: its lines and spaces kept).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from asmhub_utils import escape

ROOT = Path(__file__).resolve().parent
FOLDERS = ("contrib/templates", "chapters/templates", "site/templates")  # every template folder (stage order)
_LINE_JOIN = re.compile(r"\n[ \t]*")


def _finalize(value: object) -> object:
    """Project-built HTML (`Markup`) as it is; anything else through `escape.html`."""
    if hasattr(value, "__html__"):
        return value
    return Markup(escape.html(value))


class _JoinedLinesLoader(jinja2.FileSystemLoader):
    """Template files with their lines joined (see the module's docstring)."""

    def get_source(self, environment: jinja2.Environment, template: str):
        source, filename, uptodate = super().get_source(environment, template)
        return _LINE_JOIN.sub("", source.rstrip("\n")), filename, uptodate


@cache
def environment() -> jinja2.Environment:
    """The shared Environment: autoescape on, `escape.html` for every plain value, undefined values an error."""
    return make_environment([ROOT / folder for folder in FOLDERS])


def make_environment(folders: list[Path]) -> jinja2.Environment:
    """An Environment of the project's kind on `folders` (`environment` is the one pages use; tests make others)."""
    # The bytecode cache (Jinja's own; a private folder under the system's temp folder, each entry checked against
    # its template's source) spares every new process compiling the templates it uses: the 7 a country profile
    # renders took 75 ms in each kernel, 5 ms from the cache (all 26: 90 -> 6 ms).
    env = jinja2.Environment(
        loader=_JoinedLinesLoader(folders),
        autoescape=True,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=jinja2.FileSystemBytecodeCache(),
    )
    env.globals["SPACE"] = Markup(" ")  # `{{ " " }}` would be stripped by escape.html like any padded value
    env.globals["NEWLINE"] = Markup("\n")
    env.filters["preformatted"] = lambda value: Markup(escape.html_block(value))  # for <pre>: lines kept
    return env


def render(template: str, /, **values: object) -> str:
    """The `template` (a file of one of the template folders) filled with `values`.

    A plain `str`, not `Markup`: notebooks join it with their own HTML (`"<details>" + table`), which `Markup`
    would escape. A caller passing it into another template wraps it in `Markup` there: it is project-built."""
    return str(environment().get_template(template).render(**values))


def template_names() -> list[str]:
    """Every template of every folder."""
    return environment().list_templates()
