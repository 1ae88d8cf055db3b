"""HTML templates escape by themselves: every template, filled with hostile text in every field, shows it as text."""

import jinja2
import jinja2.meta
import pandas as pd
import pytest
from markupsafe import Markup

from asmhub_utils import html_templates
from asmhub_utils.chapters import data, places, profile_page, tables

# Closes an attribute and an element, opens a script and an image, and carries a bidi override.
HOSTILE = "hostile\"><script>alert(1)</script><img src=y onerror=z>'\u202e&"


class Hostile:
    """Any value a template may ask for: text is HOSTILE; attributes, items and iteration give more of it, so
    every field of every template is filled with it, however deep it sits."""

    def __init__(self, depth: int = 0):
        self.depth = depth

    def __str__(self) -> str:
        return HOSTILE

    def __getattr__(self, name: str):
        if name.startswith("__"):  # no __html__: a hostile value is never markup
            raise AttributeError(name)
        return Hostile(self.depth + 1)

    def __getitem__(self, key):
        return Hostile(self.depth + 1)

    def __iter__(self):
        return iter([Hostile(self.depth + 1), Hostile(self.depth + 1)] if self.depth < 6 else [])

    def __len__(self) -> int:
        return 2

    def __call__(self, *args, **kwargs):
        return Hostile(self.depth + 1)


def raw_hostile(out: str) -> list[str]:
    """The pieces of HOSTILE that reached `out` unescaped."""
    return [piece for piece in ('hostile"', "<script>alert", "<img src=y", "\u202e", "&<") if piece in out]


def fields(env: jinja2.Environment, name: str) -> set[str]:
    """The values template `name` asks for, with those of the templates it includes."""
    parsed = env.parse(env.loader.get_source(env, name)[0])
    found = set(jinja2.meta.find_undeclared_variables(parsed))
    for other in jinja2.meta.find_referenced_templates(parsed):
        found |= fields(env, other)
    return found


def hostile_render(env: jinja2.Environment, name: str) -> str:
    """Template `name` with HOSTILE in every field."""
    return env.get_template(name).render(**{field: Hostile() for field in fields(env, name) if field != "SPACE"})


def test_the_environment_escapes_by_itself():
    env = html_templates.environment()
    assert env.autoescape is True
    assert env.undefined is jinja2.StrictUndefined
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


@pytest.mark.parametrize("name", html_templates.template_names())
def test_every_template_shows_hostile_text_as_text(name):
    out = hostile_render(html_templates.environment(), name)
    assert "hostile&quot;&gt;&lt;script&gt;" in out or "macros" in name  # the value is there, as text
    assert raw_hostile(out) == []


def test_the_check_catches_a_template_that_stops_escaping(tmp_path):
    """The guard above fails on purpose for a template that marks a value safe, and for an Environment without
    autoescape or `escape.html` (the finalize step)."""
    (tmp_path / "bad.html").write_text("<p>{{ value|safe }}</p>\n")
    (tmp_path / "good.html").write_text("<p>{{ value }}</p>\n")
    assert raw_hostile(hostile_render(html_templates.make_environment([tmp_path]), "bad.html"))
    assert raw_hostile(hostile_render(html_templates.make_environment([tmp_path]), "good.html")) == []
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=False)
    assert raw_hostile(hostile_render(plain, "good.html"))


def test_project_built_markup_is_kept_and_plain_text_is_escaped():
    out = html_templates.render("country_table.html", table=Markup("<table></table>"), script=HOSTILE)
    assert out.startswith('<table></table><script defer src="hostile&quot;&gt;&lt;script')


def test_templates_join_their_lines():
    out = html_templates.render("profile_link.html", iso3="GHA", name="Ghana")
    assert out == '<a href="profiles/GHA.html">Ghana</a>'
    assert "\n" not in tables.permalink("r1") and tables.permalink("r1").startswith(" <a ")


@pytest.fixture(scope="module")
def hostile_figures() -> pd.DataFrame:
    """A country's figures with every text field replaced by HOSTILE (numbers and keys kept)."""
    figs = data.country_figures("GHA").copy()
    for column in (
        "indicator",
        "value_text",
        "source_publisher",
        "source_title",
        "note",
        "coverage",
        "reliability_reason",
        "locator",
        "country_name",
        "qualifier",
    ):
        if column in figs:
            figs[column] = HOSTILE
    figs["curation"] = ""
    figs["source_url"] = "javascript:alert(1)"
    return figs


def test_public_html_builders_show_hostile_text_as_text(hostile_figures):
    frame = pd.DataFrame({HOSTILE: [HOSTILE, "1,000"], "n": [HOSTILE, "2"]})
    outs = {
        "estimates_table": tables.estimates_table(hostile_figures, group="indicator"),
        "labelled_table": tables.labelled_table(frame),
        "sortable_table": tables.sortable_table(
            frame, numbers={"n": tables.leading_number}, caption=HOSTILE, noun=HOSTILE
        ),
        "all_figures": profile_page.all_figures_html(hostile_figures),
        "topics": profile_page.topics_html(hostile_figures),
        "profile_link": places.profile_link(HOSTILE, HOSTILE),
        "permalink": tables.permalink(HOSTILE),
    }
    for name, out in outs.items():
        assert raw_hostile(out) == [], name
        assert "javascript:" not in out, name
