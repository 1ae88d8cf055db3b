"""World series join like with like and place each figure at its original's year (fixtures, not today's data)."""

import pandas as pd

from asmhub_utils.chapters import data, series


def world(rid, indicator, measure, year, value, group=None, source_year=None, mineral="", unit="persons"):
    return {
        "record_id": rid,
        "scope": "world",
        "indicator": indicator,
        "measures": measure,
        "year": year,
        "value_central": value,
        "value_text": str(value),
        "echo_group": group or rid,
        "source_id": "s",
        "source_year": source_year,
        "mineral": mineral,
        "unit": unit,
    }


def fake(monkeypatch, rows):
    frame = pd.DataFrame(rows)
    frame["year"] = frame["year"].astype("Int64")
    monkeypatch.setattr(data, "estimates", lambda: frame.copy())
    monkeypatch.setattr(data, "with_sources", lambda f: f)


def test_a_series_holds_one_measure(monkeypatch):
    fake(
        monkeypatch,
        [
            world("a", "people dependent on ASM (1999 estimate)", "dependants and livelihoods", 1999, 90e6),
            world("b", "people depending on ASM for livelihoods", "dependants and livelihoods", 2017, 150e6),
            world("c", "people depending on ASM for livelihoods", "all people in ASM", 2025, 45e6),
        ],
    )
    assert list(series.series("global_dependants")["record_id"]) == ["a", "b"]
    assert "direct and indirect ASM employment" not in series.GLOBAL_DEPENDANTS


def test_a_repeated_estimate_is_placed_at_its_originals_year(monkeypatch):
    fake(
        monkeypatch,
        [
            world(
                "orig",
                "people employed in ASM globally (2020 State of the ASM Sector)",
                "all people in ASM",
                2020,
                44.75e6,
            ),
            world(
                "quote",
                "people directly employed in ASM (World Bank estimate)",
                "all people in ASM",
                None,
                45e6,
                group="orig",
                source_year=2025,
            ),
        ],
    )
    frame = series.series("global_asm_workforce").set_index("record_id")
    assert frame.loc["quote", "plot_year"] == 2020 and frame.loc["quote", "year_basis"] == "original's year"


def test_the_count_of_countries_counts_all_asm_not_gold_only(monkeypatch):
    fake(
        monkeypatch,
        [
            world("asm", "number of countries with ASM", "other", 2017, 80, unit="countries"),
            world("gold", "countries with ASGM", "other", 2017, 80, mineral="gold", unit="countries"),
        ],
    )
    assert list(series.HEADLINES["Countries with ASM"]()["record_id"]) == ["asm"]
    assert "not gold only" in series.HEADLINE_COUNTS["Countries with ASM"]
