"""Warning signs and what they do to headlines: disqualify, need a reviewed decision, and show in the audit."""

import pandas as pd
import pytest
from figure_rows import country
from figure_rows import figure as fig

from asmhub_utils.commands import audit as audit_command
from asmhub_utils.errors import DataError
from asmhub_utils.tidy import audit, curation, headline, measures, signs


@pytest.mark.parametrize(
    "indicator, note, sign",
    [
        ("ASM miners (inventory best estimate)", "curated; based on UBC-14 model", "model"),
        (
            "people engaged in small-scale mining",
            "derived from 1 078 registered mining claims, 5-8 people per claim",
            "derivation",
        ),
        ("workforce of ~3,000 small-scale mines", "", "registered mines"),
        ("ASM miners", "counts the mining & quarrying (M&Q) census category, not only artisanal", "census category"),
        ("ASM employment estimates (range across literature)", "", "literature range"),
        ("ASM miners", "small mining 50,000 direct+indirect + 11,500 artisanal", "indirect jobs"),
        ("ASM employment", "Delve notes the same figure recurs 1990-2016: a data gap", "recurring"),
        ("ASM miners", "compiler flags as possibly outdated", "outdated"),
        ("ASM miners", "'Working hypothesis data' based on video evidence", "hypothesis"),
        ("ASM miners", "the source calls the figures unreliable", "doubted"),
    ],
)
def test_each_sign_is_read_from_the_figure_in_words(indicator, note, sign):
    assert sign in signs.figure_signs(fig("a", 1, indicator=indicator, note=note))
    assert len(signs.reader(sign).split()) >= 4


def test_a_guess_about_the_share_of_women_or_gold_is_not_a_sign_on_the_total():
    record = fig("a", 1, note="curated best estimate; female 20% guess; gold ~1/4 extrapolated")
    assert signs.figure_signs(record) == []


def test_news_and_numbers_in_text_columns_are_signs():
    assert "news" in signs.figure_signs(
        fig("a", 1, reliability="secondary", reliability_reason="a news report of another body's figure")
    )
    statement = fig("b", None, value_text="loi 9/2006", value_kind="text", unit="")
    assert "number in a text column" in signs.figure_signs(statement)


def test_a_disqualified_estimate_is_never_the_headline_even_through_an_echo():
    rows = [
        fig("model", 850_000, 2014, note="based on UBC-14 model"),
        fig("echo", 850_000, 2018, group="model"),
        fig("old", 100_000, 1999),
    ]
    assert country(rows)["headline_record_id"] == "old"


def test_a_headline_is_dated_by_the_earliest_year_of_its_echo_group():
    rows = [
        fig("best", 1_500_000, 2020, "ASM miners (inventory best estimate)", group="delve"),
        fig("delve", 1_500_000, 2008),
    ]
    row = country(rows)
    assert (row["headline_record_id"], row["headline_year"]) == ("best", 2008)


def test_a_tie_is_a_sign_and_a_primary_figure_wins_it():
    row = country([fig("a", 100_000, 2018, reliability="secondary"), fig("b", 120_000, 2018, reliability="secondary")])
    assert "tie" in row["headline_signs"]
    row = country([fig("a", 100_000, 2018, reliability="primary"), fig("b", 120_000, 2018, reliability="secondary")])
    assert row["headline_record_id"] == "a" and "tie" not in row["headline_signs"]


def test_a_spread_of_more_than_tenfold_is_a_sign():
    row = country([fig("a", 1_000_000, 2018, "ASM miners (inventory best estimate)"), fig("b", 50_000, 2015)])
    assert "spread" in row["headline_signs"]


def test_reviewed_decisions_keep_prefer_and_exclude():
    rows = [fig("a", 100_000, 2018, reliability="secondary"), fig("b", 120_000, 2018, reliability="secondary")]
    assert country(rows)["headline_decision"] == ""
    rows[1]["headline_decision"], rows[1]["headline_decision_reason"] = "keep", "reviewed: both shown"
    row = country(rows)
    assert (row["headline_decision"], row["headline_decision_reason"]) == ("keep", "reviewed: both shown")
    rows[0]["headline_decision"] = "prefer"
    assert country(rows)["headline_record_id"] == "a"
    rows[0]["headline_decision"], rows[1]["headline_decision"] = "exclude", ""
    assert country(rows)["headline_record_id"] == "b"


def test_an_unreviewed_headline_sign_stops_the_build_naming_country_record_and_fix():
    table = pd.DataFrame(
        [country([fig("a", 100_000, 2018, reliability="secondary"), fig("b", 120_000, 2018, reliability="secondary")])]
    )
    [problem] = headline.unreviewed(table)
    assert problem.value == "b" and "(GHA)" in problem.message and "tie" in problem.message
    assert "headline_decision" in problem.fix


def test_curation_checks_a_headline_decision(tmp_path):
    path = tmp_path / "curation.csv"
    path.write_text("record_id,field,value,reason\nseed-1,headline_decision,maybe,why\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        curation.read(path)
    assert "keep, prefer, exclude" in str(error.value.problems[0])


def test_audit_lists_every_sign_with_record_country_reason_and_decision():
    estimates = pd.DataFrame(
        [
            fig("a", 100_000, 2018, reliability="secondary", scope="country", iso3="GHA", country_name=""),
            fig("b", 120_000, 2018, reliability="secondary", scope="country", iso3="GHA", country_name=""),
            fig("m", 90_000, 2014, measure="statistical model", scope="country", iso3="GHA", country_name=""),
            fig(
                "w1",
                33,
                unit="percent",
                measure="share",
                indicator="women share of workforce",
                group="w1",
                scope="world",
                iso3="",
                country_name="",
            ),
            fig(
                "w2",
                33,
                unit="percent",
                measure="production",
                indicator="gold output",
                group="w1",
                scope="world",
                iso3="",
                country_name="",
            ),
        ]
    )
    found = audit.findings(estimates)
    heads = [f for f in found if f.headline]
    assert [(f.iso3, f.record_id, f.sign, f.unreviewed) for f in heads] == [("GHA", "b", "tie", True)]
    assert ("m", "model") in {(f.record_id, f.sign) for f in found}
    assert ("w1", "mixed echo group") in {(f.record_id, f.sign) for f in found}
    text = audit.table(found)
    assert "UNREVIEWED" in text and "tie" in text


def test_the_audit_command_fails_while_a_headline_sign_is_unreviewed(monkeypatch, capsys):
    estimates = pd.DataFrame(
        [
            fig(r, v, 2018, reliability="secondary", scope="country", iso3="GHA", country_name="")
            for r, v in (("a", 100_000), ("b", 120_000))
        ]
    )
    from asmhub_utils.chapters import data

    monkeypatch.setattr(data, "estimates", lambda: estimates.copy())
    assert audit_command.run(type("Args", (), {"headlines": False})()) == 1
    assert "GHA b: tie" in capsys.readouterr().err
    estimates.loc[1, "headline_decision"] = "keep"
    assert audit_command.run(type("Args", (), {"headlines": True})()) == 0


@pytest.mark.parametrize(
    "indicator, note, value_text, unit, dataset, expected",
    [
        ("ASM population (women, men, children)", "", "300,000", "persons", "miners_by_country", "all people in ASM"),
        (
            "people directly employed in small-scale mining (Ghana Chamber of Mines)",
            "",
            "1",
            "persons",
            "miners_by_country",
            "all people in ASM",
        ),
        ("Ghanaians for whom mining is a lifeline", "", "3million+", "persons", "other", "dependants and livelihoods"),
        (
            "direct employment in the stone crushing sector",
            "narrower: one sub-sector",
            "1",
            "persons",
            "miners_by_country",
            "one mineral only",
        ),
        (
            "alluvial miners certified at the training centre",
            "",
            "3,500",
            "persons",
            "formalisation",
            "registered or licensed",
        ),
        (
            "artisanal and small-scale miners participating in national ASM survey",
            "",
            "9600",
            "persons",
            "miners_by_country",
            "surveyed at sites",
        ),
        (
            "informal miners that filed formalisation commitment",
            "",
            "77,000",
            "persons",
            "formalisation",
            "registered or licensed",
        ),
        (
            "ASGM National Action Plan validated",
            "cost 'environ 8 milliards' (FCFA)",
            "14 au 15 novembre 2022",
            "",
            "formalisation",
            "legal fact",
        ),
    ],
)
def test_what_figures_count(indicator, note, value_text, unit, dataset, expected):
    kind = "text" if not any(c.isdigit() for c in value_text) or "novembre" in value_text else "number"
    assert measures.measures(dataset, indicator, unit, kind, note, value_text) == expected
