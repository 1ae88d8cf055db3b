"""Chart text in any script never fails a chart: Noto fonts where the machine has them, U+FFFD for the rest,
noncharacters replaced, long labels shortened with the whole text in the mark's title."""

import warnings

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from asmhub_utils.chapters import charts, glyphs  # noqa: E402

SCRIPTS = {
    "Chinese": "中国有色金属工业协会",
    "Arabic": "وزارة المعادن والثروة المعدنية",
    "Devanagari": "खान मंत्रालय",
    "Cyrillic": "Министерство природных ресурсов",
    "emoji": "⛏️ 👩🏽‍🔧 miners 💎",
    "noncharacter": "Gha\ufffena",
}
LONG = "Artisanal " * 200  # 2,000 characters


def test_noncharacters_and_characters_no_font_has_become_the_replacement_character():
    assert glyphs.drawable("Gha\ufffena\ufdd0") == "Gha\ufffdna\ufffd"
    assert glyphs.drawable("\U0010ffff") == glyphs.REPLACEMENT
    assert glyphs.drawable("go\u200dld\ufe0f") == "gold"  # joiners and variation selectors draw nothing
    assert glyphs.drawable("Ghana, 2019 (€, ±, –)") == "Ghana, 2019 (€, ±, –)"


def test_a_long_label_is_cut_at_a_word_with_an_ellipsis():
    short = glyphs.shortened(LONG)
    assert len(short) <= glyphs.MAX_LABEL and short.endswith("\u2026") and not short.endswith(" \u2026")
    assert glyphs.shortened("Ghana, 2019") == "Ghana, 2019"


@pytest.mark.skipif(len(glyphs.families()) == 1, reason="no Noto font on this machine: `make fonts`")
@pytest.mark.parametrize("script", ["Chinese", "Arabic", "Devanagari"])
def test_with_noto_installed_scripts_are_drawn_not_replaced(script):
    assert glyphs.drawable(SCRIPTS[script]) == SCRIPTS[script]


def figures_frame() -> pd.DataFrame:
    rows = []
    for n, text in enumerate([*SCRIPTS.values(), LONG]):
        rows.append(
            {
                "country_name": text,
                "source_publisher": text,
                "source_title": text,
                "source_year": 2020,
                "source_id": f"s{n}",
                "value_low": 1000.0 * (n + 1),
                "value_high": 2000.0 * (n + 1),
                "value_central": None,
                "value_text": "1,000-2,000",
                "unit": "persons",
                "qualifier": "",
                "value_kind": "range",
                "year": 2019,
                "plot_year": 2019,
                "year_text": "2019",
                "published_year": 2020,
                "reliability": "primary",
                "mineral": text,
                "record_id": f"r{n}",
                "echo_group": f"r{n}",
                "indicator": text,
            }
        )
    return pd.DataFrame(rows)


def test_a_chart_of_text_in_every_script_and_a_2000_character_label_passes_the_layout_gate():
    frame = figures_frame()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = charts.estimates_by_category(frame, "mineral", "Every script", "people", label="country_name")
    fig = ax.figure
    svg = charts.to_svg(fig)
    assert LONG.strip() in svg, "the whole label is in the mark's title"
    assert "\ufffe" not in svg
    if len(glyphs.families()) > 1:
        assert SCRIPTS["Chinese"] in svg and SCRIPTS["Devanagari"] in svg
    plt.close(fig)


def test_category_tick_labels_in_any_script_are_drawn():
    charts.use_house_style()
    fig, ax = plt.subplots()
    ax.bar(list(SCRIPTS.values()), range(len(SCRIPTS)))
    ax.tick_params(axis="x", labelrotation=90)
    fig.set_size_inches(charts.WIDTH, 9)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        charts.drawable_text(fig)
        fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert glyphs.REPLACEMENT in labels[-1] and "\ufffe" not in "".join(labels)
    plt.close(fig)
