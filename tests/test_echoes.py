"""Echo groups by meaning: one original estimate per group, never the same number about another subject."""

from asmhub_utils.tidy import echoes


def fig(
    rid,
    value,
    measure="share",
    unit="percent",
    indicator="",
    mineral="",
    year=None,
    original="",
    note="",
    place="",
    statement_of="",
):
    return {
        "record_id": rid,
        "iso3": place,
        "country_name": "",
        "measures": measure,
        "unit": unit,
        "mineral": mineral,
        "indicator": indicator,
        "value_low": value,
        "value_high": value,
        "value_central": value,
        "year": year,
        "original_source": original,
        "note": note,
        "statement_of": statement_of,
    }


def test_the_same_share_of_different_things_is_not_one_estimate():
    groups = echoes.echo_groups(
        [
            fig("women", 33, indicator="women share of ASM workforce"),
            fig("mercury", 33, indicator="ASGM share of total anthropogenic mercury air emissions", mineral="gold"),
            fig("gold-miners", 80, indicator="share of miners working in gold mines", mineral="gold", place="COD"),
            fig("production", 80, indicator="share of mineral production by artisanal miners", place="COD"),
        ]
    )
    assert len(set(groups.values())) == 4


def test_shares_of_different_minerals_are_not_joined_but_quotes_of_one_share_are():
    groups = echoes.echo_groups(
        [
            fig("a", 20, indicator="ASM share of global gold supply", mineral="gold", year=2017),
            fig("b", 20, indicator="ASGM share of world gold supply", mineral="gold"),
            fig("c", 20, indicator="ASM share of global supply", mineral="diamonds", year=2017),
        ]
    )
    assert groups["a"] == groups["b"] == "a" and groups["c"] == "c"


def test_two_figures_of_one_statement_are_never_echoes():
    groups = echoes.echo_groups(
        [
            fig("s.1", 5000, "one mineral only", "persons", "[gold]", statement_of="s", place="AFG"),
            fig("s.2", 5000, "one mineral only", "persons", "[other]", statement_of="s", place="AFG"),
        ]
    )
    assert groups["s.1"] != groups["s.2"]


def test_a_figure_whose_note_says_it_replicates_another_joins_it_and_takes_its_year():
    records = [
        fig("ilo", 2500, "all people in ASM", "persons", year=1999, original="ILO 1999", place="DOM"),
        fig(
            "igf",
            2600,
            "all people in ASM",
            "persons",
            year=2018,
            original="IGF 2018",
            place="DOM",
            note="original: IGF-18, 2018 - sheet says they replicate ILO-99 data",
        ),
        fig(
            "other",
            2600,
            "all people in ASM",
            "persons",
            year=2018,
            original="IGF 2018",
            place="CUB",
            note="replicate ILO-99 data",
        ),
    ]
    groups = echoes.echo_groups(records)
    assert groups["igf"] == groups["ilo"] == "ilo"
    assert records[1]["year"] == 1999
    assert groups["other"] == "other" and records[2]["year"] == 2018  # another place: nothing to join


def test_a_repeat_named_by_its_year_joins_only_an_overlapping_number():
    records = [
        fig("base", 60000, "one mineral only", "persons", mineral="gold", year=2016, place="SSD"),
        fig("far", 10000, "one mineral only", "persons", mineral="gold", year=2016, place="SSD"),
        fig(
            "quote",
            60000,
            "one mineral only",
            "persons",
            mineral="gold",
            place="SSD",
            note="probably the same estimate as the 2016 baseline",
        ),
    ]
    groups = echoes.echo_groups(records)
    assert groups["quote"] == groups["base"] != groups["far"]
    assert records[2]["year"] == 2016
