"""Tables of figures say where each figure counts, show one row per estimate, and label every cell for phones."""

import re

import pandas as pd

from asmhub_utils.chapters import data, tables, text


def figures(**columns) -> pd.DataFrame:
    """Real rows of the estimates table (with their sources), a few columns overwritten."""
    frame = data.with_sources(data.estimates().query("unit == 't/yr'").head(len(next(iter(columns.values())))))
    for name, values in columns.items():
        frame[name] = values
    return frame.reset_index(drop=True)


def cells(html: str) -> list[str]:
    return re.findall(r"<td[^>]*>", html)


def test_a_table_mixing_places_names_each_rows_place_from_its_code():
    frame = figures(
        iso3=["CIV", "KEN", ""],
        country_name=["Cote d'Ivoire", "Kenya", ""],
        record_id=["r1", "r2", "r3"],
        echo_group=["r1", "r2", "r3"],
        value_text=["5", "5", "5"],
    )
    out = tables.estimates_table(frame, group="mineral")
    assert "<th>Where</th>" in out
    rows = re.findall(r'<tr id="(r\d)"><td data-label="Where">([^<]*)</td>', out)
    assert dict(rows) == {"r1": "Côte d&#x27;Ivoire", "r2": "Kenya", "r3": "World"}


def test_a_table_of_one_place_has_no_where_column_unless_asked():
    frame = figures(iso3=["KEN", "KEN"], record_id=["r1", "r2"], echo_group=["r1", "r2"])
    assert "Where" not in tables.estimates_table(frame)
    assert "<th>Where</th>" in tables.estimates_table(frame, where=True)


def test_figures_repeating_one_estimate_are_one_row_and_keep_their_anchors():
    frame = figures(
        record_id=["first", "echo", "other"],
        echo_group=["first", "first", "other"],
        iso3=["KEN", "KEN", "KEN"],
        year=[2014, 2018, 2014],
    )
    out = tables.estimates_table(frame)
    assert re.findall(r'<tr id="([^"]+)"', out) == ["first", "other"]
    assert 'also quoted by <span id="echo">' in out


def test_every_cell_of_a_phone_card_table_is_labelled():
    frame = figures(iso3=["CIV", "KEN"], record_id=["r1", "r2"], echo_group=["r1", "r2"])
    for out in (
        tables.estimates_table(frame, group="mineral"),
        tables.estimates_table(frame),
        tables.labelled_table(pd.DataFrame({"Country": ["Senegal"], "Year": [2017], "Share": ["51%"]})),
    ):
        assert cells(out) and all("data-label=" in cell for cell in cells(out)), out
    small = tables.labelled_table(pd.DataFrame({"Country": ["<b>x</b>"], "Share": ["51%"]}))
    assert '<td data-label="Country">&lt;b&gt;x&lt;/b&gt;</td>' in small


def test_pages_name_countries_as_the_display_layer_does():
    names = data.estimates().query("iso3 == 'CIV'")["country_name"].unique().tolist()
    assert names == ["Côte d'Ivoire"]


def test_the_undated_note_agrees_in_number_and_says_nothing_false():
    assert text.undated_note(pd.DataFrame({"plot_year": [2010.0, None]})).startswith(
        "1 of them carries no year at all"
    ) and "it is listed" in text.undated_note(pd.DataFrame({"plot_year": [None]}))
    two = text.undated_note(pd.DataFrame({"plot_year": [None, None, 2001.0]}))
    assert two.startswith("2 of them carry no year") and "they are listed" in two
    assert "listed" not in text.undated_note(pd.DataFrame({"plot_year": [2001.0]}))


def test_a_caption_names_the_marks_drawn():
    dots = pd.DataFrame({"value_low": [6.0], "value_high": [6.0], "value_central": [6.0]})
    assert text.mark_kinds(dots) == "a dot: a figure as printed"
    mixed = pd.DataFrame({"value_low": [1.0, 5.0], "value_high": [3.0, None], "value_central": [None, 5.0]})
    assert "bar" in text.mark_kinds(mixed) and "triangle" in text.mark_kinds(mixed)
    assert "dot" not in text.mark_kinds(mixed)


def test_the_undated_note_counts_quotations_the_chart_draws_once():
    frame = pd.DataFrame(
        {"record_id": ["a", "b", "c"], "echo_group": ["a", "a", "c"], "plot_year": [2010.0, 2015.0, None]}
    )
    note = text.undated_note(frame)
    assert note.startswith("1 figure only quotes an estimate already on the chart")
    assert "1 of them carries no year at all" in note


def test_a_statement_is_not_listed_beside_its_own_figures():
    figures = data.estimates()
    parts = figures[figures["statement_of"].fillna("") != ""]
    statement = parts["statement_of"].iloc[0]
    frame = figures[(figures["record_id"] == statement) | (figures["statement_of"] == statement)]
    html = tables.estimates_table(frame)
    assert f'id="{statement}"' not in html
    assert all(f'id="{r}"' in html for r in frame.loc[frame["record_id"] != statement, "record_id"])
    alone = tables.estimates_table(figures[figures["record_id"] == statement])
    assert f'id="{statement}"' in alone  # without its figures, the statement is shown as printed


def test_a_statement_gives_its_year_and_its_sources_year_once():
    """'(2025; Dominican Today (external source) (2025) secondary)' and '(undated (published 2018); Morocco Mail
    (2018))' said a year twice: each year once; the year reads as in every other view of the record."""
    import re

    import pandas as pd

    from asmhub_utils.site.sentences import problems

    common = dict(unit="", value_text="words", year_text="", iso3="DOM", source_url="https://example.org")
    rows = pd.DataFrame(
        [
            dict(
                common,
                record_id="r-1",
                indicator="a",
                year=2025,
                source_year=2025,
                reliability="secondary",
                source_publisher="Dominican Today (external source)",
            ),
            dict(
                common,
                record_id="r-2",
                indicator="b",
                year=None,
                source_year=2018,
                reliability="primary",
                source_publisher="Morocco Mail",
            ),
        ]
    ).assign(source_reliability=lambda f: f["reliability"])
    text = re.sub(r"<[^>]+>", "", tables.statements_list(rows))
    assert "(2025; Dominican Today (external source), secondary)" in text
    assert "(undated (published 2018); Morocco Mail)" in text
    assert not any(problems(line) for line in text.splitlines())
