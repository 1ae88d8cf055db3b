"""The one escaping layer: each context shows a hostile value as the same text, never as markup or code."""

import html
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from docutils.core import publish_string  # noqa: E402
from myst_parser.parsers.docutils_ import Parser  # noqa: E402

from asmhub_utils import escape  # noqa: E402

HOSTILE = [
    "{{ lipsum.__globals__.os.system('touch /tmp/pwned') }}",
    "{{ undefined }}",
    "{cite}`nothing` and {eval-rst}`x`",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "$\\foo$ and $x^2$",
    ":::{note}\nhello\n:::",
    "```{code-cell}\nimport os\n```",
    "[click](javascript:alert(3))",
    "% a MyST comment",
    "(target)=",
    "*bold* _it_ `code` | a | b |",
    "# heading",
    "A & B; 5 < 6 > 4 \\ backslash",
]
SETTINGS = {
    "myst_enable_extensions": ["colon_fence", "dollarmath", "linkify", "deflist"],
    "output_encoding": "unicode",
    "report_level": 2,
    "halt_level": 5,
}


def _myst_body(source: str) -> str:
    out = publish_string(source, parser=Parser(), writer_name="html5", settings_overrides=SETTINGS)
    return re.search(r"<main>(.*)</main>", out, re.S).group(1)


@pytest.mark.parametrize("value", HOSTILE)
def test_myst_shows_the_value_as_text(value):
    body = _myst_body(f"- Publisher: {escape.myst(value)} (2020)\n")
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert " ".join(value.split()) in text
    assert "<script" not in body and "<img" not in body and "onerror=" not in body.replace("onerror=&quot;", "")
    assert not re.search(r"<(a|em|strong|code|h1|div|aside|span)\b", body), body
    assert "math" not in body and "system_message" not in body


def test_html_escapes_element_content_and_attributes():
    assert escape.html('<b x="1">\'&') == "&lt;b x=&quot;1&quot;&gt;&#x27;&amp;"
    assert escape.html(float("nan")) == "" and escape.html(None) == ""


@pytest.mark.parametrize(
    "bad",
    [
        "javascript:alert(1)",
        "data:text/html,<script>",
        "https://example.org@evil.example/",
        'https://example.org/"onmouseover="x',
        "https://example.org/<b>",
        "ftp://example.org",
        "https://exa mple.org",
        "//example.org/x",
        "https://example.org/\u202ex",
        "",
    ],
)
def test_url_refuses_what_is_not_a_plain_web_address(bad):
    assert escape.url(bad) == ""
    assert escape.html_link("label", bad) == "label"
    assert escape.markdown_link("label", bad) == "label"


def test_url_keeps_a_plain_address_and_encodes_parentheses_for_markdown():
    assert escape.url("https://example.org/a?b=1&c=2#x") == "https://example.org/a?b=1&c=2#x"
    assert escape.markdown_url("https://en.example.org/wiki/A_(b)") == "https://en.example.org/wiki/A_%28b%29"
    assert (
        escape.html_link("<t>", "https://example.org/?a=1&b=2")
        == '<a href="https://example.org/?a=1&amp;b=2">&lt;t&gt;</a>'
    )


@pytest.mark.parametrize("value", ["$\\foo$", "$x$ costs $5", "a \\$ b", "$$", "\\"])
def test_chart_text_never_starts_mathtext(value):
    fig, ax = plt.subplots()
    ax.set_title(escape.chart_text(value))
    ax.plot([0], [0], label=escape.chart_text(value))
    ax.legend()
    fig.canvas.draw()  # an unknown mathtext command would raise ParseFatalException here
    assert ax.title.get_text() and not ax.title._preprocess_math(ax.title.get_text())[1]
    plt.close(fig)


def test_invisible_characters_are_removed_in_every_context():
    value = "a\u202eb\u200bc\x85d\u2028e\x00f"
    for function in (escape.myst, escape.html, escape.chart_text, escape.bibtex):
        assert function(value) == "abc d ef"


def test_bibtex_round_trips_through_pybtex():
    from pybtex.database import parse_string

    value = "Dept. of Mines & Energy {x} 100% #1 under_score ~ \\ @"
    entry = parse_string("@misc{k, title = {" + escape.bibtex(value) + "}}", "bibtex").entries["k"]
    assert entry.fields["title"].count("{") == entry.fields["title"].count("}")
