"""Every record id resolves to an anchor on its page, figures shown under "also quoted by" included, and every
in-page link on a profile lands on one."""

from __future__ import annotations

import re

import pandas as pd

from asmhub_utils.chapters import data, profile_page
from asmhub_utils.chapters import edition_marks as page

ID = re.compile(r'\bid="([^"]+)"')


def _countries_with_echoes(n: int = 3) -> list[str]:
    """Countries where some figure is shown only under another's row (an echo group of two or more)."""
    figs = data.country_figures()
    sizes = figs.groupby(["iso3", "echo_group"]).size()
    return list(dict.fromkeys(iso3 for iso3, _ in sizes[sizes > 1].index))[:n]


def test_profiles_anchor_every_figure_echoes_included():
    countries = _countries_with_echoes()
    assert countries, "the data holds no echo group: the test would check nothing"
    for iso3 in countries:
        figs = profile_page.figures(iso3)
        html = profile_page.summary_html(iso3, figs) + profile_page.all_figures_html(figs)
        ids = ID.findall(html)
        assert len(ids) == len(set(ids)), f"{iso3}: an id used twice"
        assert set(figs["record_id"]) <= set(ids), f"{iso3}: {set(figs['record_id']) - set(ids)} have no anchor"
        assert set(re.findall(r'href="#([^"]+)"', html)) <= set(ids), f"{iso3}: a link to a missing anchor"


def test_world_and_regional_figures_have_a_page_with_their_anchors():
    html = page.world_figures_html()
    expected = set(data.estimates().query("iso3 == ''")["record_id"])
    assert expected and expected <= set(ID.findall(html))
    assert page.record_page("") == page.WORLD_PAGE and page.record_page("GHA").endswith("/GHA")


def test_an_echo_keeps_its_anchor_and_mark(monkeypatch):
    figs = profile_page.figures(_countries_with_echoes(1)[0])
    group = figs.groupby("echo_group").filter(lambda g: len(g) > 1)
    echo = group[group["record_id"] != group["echo_group"]].iloc[0]["record_id"]
    monkeypatch.setattr(page, "row_marks", lambda: {echo: "new in edition 9.9"})
    html = profile_page.all_figures_html(figs)
    mark = '<span class="asm-edition-mark">new in edition 9.9</span>'
    span = re.search(rf'<span id="{re.escape(echo)}">[^<]*{re.escape(mark)}', html)
    assert span, "the echo's anchor carries its edition mark"
    assert pd.notna(echo)
