"""How far apart a country's independent national estimates are (chapters.spread) and the seaborn chart that
draws them (chapters.distributions): behaviour on small made-up figures, and the chart through the layout gate."""

import matplotlib

matplotlib.use("agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from asmhub_utils.chapters import chart_style, chart_svg, charts, distributions, spread  # noqa: E402


def figure(
    record_id,
    iso3,
    low=None,
    high=None,
    central=None,
    echo=None,
    measures="all people in ASM",
    coverage="national",
    year=2015,
):
    return {
        "record_id": record_id,
        "iso3": iso3,
        "unit": "persons",
        "measures": measures,
        "coverage": coverage,
        "indicator": "people in ASM",
        "source_id": f"src-{record_id}",
        "value_low": low,
        "value_high": high,
        "value_central": central,
        "echo_group": echo or record_id,
        "plot_year": year,
        "year": year,
    }


FIGURES = pd.DataFrame(
    [
        figure("a1", "GHA", 500_000, 1_000_000),  # a range: its low end is Ghana's lowest
        figure("a2", "GHA", central=1_100_000),
        figure("a3", "GHA", central=9_000_000, echo="a2", year=2020),  # quotes a2: not independent, not the highest
        figure("a4", "GHA", central=50_000_000, coverage="sites"),  # not national
        figure("a5", "GHA", central=40_000_000, measures="dependants and livelihoods"),
        figure("b1", "PER", central=100_000),  # one estimate only: no spread
        figure("c1", "BOL", low=20_000, high=None),  # a bound counts as the figure it names
        figure("c2", "BOL", central=80_000),
    ]
)


def test_the_ratio_compares_the_lowest_and_highest_independent_national_figures():
    table = spread.by_country(FIGURES).set_index("iso3")
    assert set(table.index) == {"GHA", "BOL"}
    assert table.loc["GHA", "lowest"] == 500_000 and table.loc["GHA", "highest"] == 1_100_000
    assert table.loc["GHA", "ratio"] == pytest.approx(2.2)
    assert table.loc["GHA", "n_independent"] == 2
    assert (table.loc["GHA", "lowest_record_id"], table.loc["GHA", "highest_record_id"]) == ("a1", "a2")
    assert table.loc["BOL", "ratio"] == pytest.approx(4.0)
    assert table.loc["GHA", "region"] == "Africa"


def test_the_median_and_the_count_above_a_threshold_are_read_from_the_table():
    table = spread.by_country(FIGURES)
    assert spread.median_ratio(table) == "3.1 times"
    assert spread.n_above(table, 3) == 1 and spread.n_above(table, 10) == 0
    assert spread.ratio_text(240.0) == "240 times" and spread.ratio_text(5.7222) == "5.7 times"
    assert spread.median_ratio(table.iloc[0:0]) == "unknown"


def test_the_seaborn_chart_passes_the_layout_gate_with_real_and_extreme_tables(monkeypatch):
    for width in (charts.WIDTH, 7.5):
        monkeypatch.setattr(chart_style, "WIDTH", width)
        fig = distributions.ratio_by_region(
            spread.by_country(), "How far apart national estimates are", "highest estimate ÷ lowest (log scale)"
        )
        charts.check_layout(fig)
    extreme = pd.DataFrame(
        {
            "region": ["A region with a long name indeed, far too long for a phone"] * 3 + ["Oceania"],
            "ratio": [1.0, 2.0, 4000.0, 1.5],
        }
    )
    charts.check_layout(distributions.ratio_by_region(extreme, "t " * 40, "ratio"))


def test_colour_means_region_and_an_unlisted_region_is_grey():
    table = pd.DataFrame({"region": ["Africa", "Africa", "Atlantis"], "ratio": [2.0, 3.0, 4.0]})
    order, colours = distributions.region_rows(table)
    assert order == ["Africa", "Atlantis"]
    assert colours == {"Africa": charts.REGION_COLOURS["Africa"], "Atlantis": distributions.OTHER_REGION}
    assert charts.PALETTES["regions"][1] is charts.REGION_COLOURS


def test_a_ratio_below_one_or_an_empty_table_is_an_error():
    with pytest.raises(ValueError, match="below 1"):
        distributions.ratio_by_region(pd.DataFrame({"region": ["Africa"], "ratio": [0.5]}), "t", "x")
    with pytest.raises(ValueError, match="no country"):
        distributions.ratio_by_region(pd.DataFrame({"region": [], "ratio": []}), "t", "x")


def test_the_seaborn_chart_is_the_same_bytes_every_time_and_leaves_the_random_state_alone():
    import numpy as np

    table = pd.DataFrame({"region": ["Africa"] * 6 + ["Asia"] * 3, "ratio": [1.5, 2, 3, 4, 8, 20, 1.2, 5, 9]})
    np.random.seed(7)
    expected_next = np.random.random()
    np.random.seed(7)
    drawings = []
    for _ in range(2):
        chart_svg.new_page()  # two identical charts on one page would get different ids
        drawings.append(charts.to_svg(distributions.ratio_by_region(table, "Spread", "ratio"), "d"))
    assert drawings[0] == drawings[1]
    assert np.random.random() == expected_next
