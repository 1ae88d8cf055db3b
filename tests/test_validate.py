"""The validator: each bad file in tests/contrib_cases/ gets its own specific message, with row and column."""

import json
from pathlib import Path

import pytest

from asmhub_utils import paths
from asmhub_utils.commands import validate as validate_command
from asmhub_utils.contrib import cell_checks, standard, validate

CASES = Path(__file__).parent / "contrib_cases"

# file -> every problem expected, as (spreadsheet row, column, words the message must contain)
EXPECTED = {
    "empty.csv": [(None, None, "the file is empty")],
    "header-only.csv": [(None, None, "a header but no records")],
    "missing-column.csv": [(1, "locator", "the column 'locator' is missing")],
    "extra-column.csv": [(1, "comments", "this column is not in the standard")],
    "columns-out-of-order.csv": [(1, None, "not in the standard order")],
    "not-utf8.csv": [(2, None, "not UTF-8 text")],
    "wrong-cell-count.csv": [(2, None, "the row has 10 cells, the header 14")],
    "unknown-iso3.csv": [(2, "country_iso3", "not an ISO 3166-1 alpha-3 code")],
    "country-name-mismatch.csv": [(2, "country_name", "does not match the code GHA")],
    "year-not-four-digits.csv": [(2, "year", "not a 4-digit year")],
    "year-decade.csv": [(2, "year", "not a 4-digit year")],
    "year-in-future.csv": [(2, "year", "in the future")],
    "year-before-1900.csv": [(2, "year", "before 1900")],
    "source-year-in-future.csv": [(2, "source_year", "in the future")],
    "missing-year.csv": [(2, "year", "'year' is required")],
    "missing-value.csv": [(2, "value", "'value' is required")],
    "value-unreadable.csv": [(2, "value", "cannot be read as a number or a range")],
    "value-several-figures.csv": [(2, "value", "holds several figures")],
    "negative-count.csv": [(2, "value", "cannot be negative")],
    "percent-over-100.csv": [(2, "value", "a percentage over 100")],
    "unknown-unit.csv": [(2, "unit", "not one of the allowed units")],
    "unknown-dataset.csv": [(2, "dataset", "not one of the datasets")],
    "missing-source-title.csv": [(2, "source_title", "'source_title' is required")],
    "missing-source-url.csv": [(2, "source_url", "'source_url' is required")],
    "malformed-url.csv": [(2, "source_url", "not a web address")],
    "formula-equals.csv": [(2, "note", "starts like a spreadsheet formula")],
    "formula-plus.csv": [(2, "locator", "starts like a spreadsheet formula")],
    "formula-minus-letter.csv": [(2, "indicator", "starts like a spreadsheet formula")],
    "formula-at.csv": [(2, "mineral", "starts like a spreadsheet formula")],
    "duplicate-within-file.csv": [(3, None, "repeats row 2")],
    "duplicate-of-seed.csv": [(2, None, "already in the data (data/raw/asm-source-sweep/figures.csv, row 2)")],
    "control-character.csv": [(2, "source_title", "invisible control character")],
    "country-without-code.csv": [(2, "country_iso3", "'Ghana' is a country but its code is blank")],
    "unclosed-quote.csv": [(3, None, "not a well-formed CSV from this row on")],
    "many-mistakes.csv": [
        (2, "year", "not a 4-digit year"),
        (3, "unit", "not one of the allowed units"),
        (4, "country_iso3", "not an ISO 3166-1 alpha-3 code"),
    ],
}


def test_every_case_file_has_an_expectation():
    assert sorted(p.name for p in CASES.glob("*.csv")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 20


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_gets_its_specific_problems(name):
    problems = validate.validate_file(CASES / name)
    found = [(p.row, p.column, p.message) for p in problems]
    assert len(problems) == len(EXPECTED[name]), found
    for problem, (row, column, words) in zip(problems, EXPECTED[name]):
        assert (problem.row, problem.column) == (row, column), found
        assert words in problem.message, found
        assert problem.fix, "every problem says how to fix it"
        assert str(problem).startswith(f"tests/contrib_cases/{name}")


def test_fixes_name_the_right_value():
    unit = validate.validate_file(CASES / "unknown-unit.csv")[0]
    assert "write 't/yr'" in unit.fix
    code = validate.validate_file(CASES / "unknown-iso3.csv")[0]
    assert code.value == "GHN"
    name = validate.validate_file(CASES / "country-name-mismatch.csv")[0]
    assert "write 'Ghana'" in name.fix and "PER" in name.fix


def test_too_large_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes((CASES / "many-mistakes.csv").read_bytes() + b"x" * standard.MAX_BYTES)
    problems = validate.validate_file(big)
    assert len(problems) == 1 and "over the limit" in problems[0].message


def test_example_file_and_byte_order_mark_pass(tmp_path):
    assert validate.validate_file(standard.EXAMPLE_PATH) == []
    with_bom = tmp_path / "excel.csv"
    own = standard.render_example().replace("Example Research", "Test")
    with_bom.write_bytes(b"\xef\xbb\xbf" + own.encode("utf-8"))
    assert validate.validate_file(with_bom) == []


def test_command_reports_all_files_and_fails_on_any_problem(capsys, tmp_path):
    good, bad = tmp_path / "good.csv", CASES / "many-mistakes.csv"
    good.write_text(standard.render_example().replace("Example Research", "Test"), encoding="utf-8")
    assert validate_command.run(type("Args", (), {"files": [good, bad]})) == 1
    err = capsys.readouterr().err
    assert "good.csv: meets the standard" in err and "many-mistakes.csv: 3 problems" in err
    assert validate_command.run(type("Args", (), {"files": [good]})) == 0


def test_the_example_file_is_not_a_contribution_by_path_link_or_copy(tmp_path, capsys):
    link, copy = tmp_path / "mine.csv", tmp_path / "copy.csv"
    link.symlink_to(standard.EXAMPLE_PATH)
    copy.write_bytes(b"\xef\xbb\xbf" + standard.EXAMPLE_PATH.read_bytes())
    for path in (standard.EXAMPLE_PATH, link, copy):
        assert validate_command.run(type("Args", (), {"files": [path]})) == 1
        assert "this is the standard's example file" in capsys.readouterr().err


def contributed_files():
    return sorted(paths.CONTRIB.glob("*.csv")) + [standard.EXAMPLE_PATH]


@pytest.mark.parametrize("path", contributed_files(), ids=lambda p: p.name)
def test_every_contributed_file_meets_the_standard(path):
    """CI gate: every file in data/contrib/ (and the example) passes the validator."""
    problems = validate.validate_file(path)
    assert not problems, "\n".join(str(p) for p in problems)


def test_mistakes_example_shows_several_kinds_of_problem():
    problems = validate.validate_file(standard.MISTAKES_PATH)
    assert len({p.column for p in problems}) >= 6


@pytest.mark.parametrize(
    "code, name",
    [
        ("COD", "Democratic Republic of the Congo"),  # the seed's name
        ("COD", "Congo, The Democratic Republic of the"),  # ISO name
        ("CIV", "Cote d'Ivoire"),
        ("CIV", "Côte d’Ivoire"),
        ("BOL", "bolivia"),
    ],
)
def test_country_names_the_book_or_iso_use_are_accepted(tmp_path, code, name):
    path = tmp_path / "names.csv"
    own = standard.render_example().replace("Example Research", "Test")
    path.write_text(own.replace("GHA,Ghana", f'{code},"{name}"'), encoding="utf-8")
    assert validate.validate_file(path) == []


def test_wrong_country_name_suggests_the_books_name(tmp_path):
    path = tmp_path / "names.csv"
    own = standard.render_example().replace("Example Research", "Test")
    path.write_text(own.replace("GHA,Ghana", "COD,Congo"), encoding="utf-8")
    (problem,) = validate.validate_file(path)
    assert problem.column == "country_name" and "write 'Democratic Republic of the Congo'" in problem.fix


# ---------------------------------------------------------------- careless and hostile files

HOSTILE_CASES = CASES / "careless-and-hostile"
HOSTILE_EXPECTED = json.loads((HOSTILE_CASES / "expected.json").read_text(encoding="utf-8"))


def test_every_careless_or_hostile_file_has_an_expectation():
    assert sorted(p.name for p in HOSTILE_CASES.glob("*.csv")) == sorted(HOSTILE_EXPECTED)
    assert len(HOSTILE_EXPECTED) >= 40


@pytest.mark.parametrize("name", sorted(HOSTILE_EXPECTED))
def test_careless_or_hostile_file_is_refused_with_row_column_and_reason(name):
    problems = validate.validate_file(HOSTILE_CASES / name)
    found = [(p.row, p.column, p.message) for p in problems]
    assert len(problems) == len(HOSTILE_EXPECTED[name]), found
    for problem, (row, column, words) in zip(problems, HOSTILE_EXPECTED[name]):
        assert (problem.row, problem.column) == (row, column), found
        assert words in problem.message, found
        assert problem.fix and str(problem).startswith(f"tests/contrib_cases/careless-and-hostile/{name}")
        if column:
            assert problem.value is not None, "a cell problem shows the cell's value"


def test_congo_without_code_names_both_codes():
    (problem,) = validate.validate_file(HOSTILE_CASES / "congo-without-code.csv")
    assert "COD for the Democratic Republic of the Congo" in problem.fix and "COG" in problem.fix


@pytest.mark.parametrize(
    "value, unit",
    [
        ("about 1,000,000", "persons"),
        ("100-180 (median 140)", "t/yr"),
        ("2,000+", "persons"),
        ("1.5 million", "persons"),
        ("one third", "percent"),
        ("between 10 and 20", "percent"),
        ("25%", "percent"),
        ("10 to 15 million", "persons"),
        ("more than 300", "sites"),
    ],
)
def test_accepted_forms_are_read_whole(value, unit):
    assert cell_checks.value_form(value, unit) is None


# ---------------------------------------------------------------- links and special files


def test_a_symbolic_link_is_refused_without_being_read(tmp_path):
    link = tmp_path / "passwd.csv"
    link.symlink_to("/etc/passwd")
    (problem,) = validate.validate_file(link)
    assert "symbolic link" in problem.message and "not followed" in problem.message
    assert "root:x:" not in str(problem) and problem.value is None


def test_a_named_pipe_is_refused_without_waiting_for_it(tmp_path):
    import os

    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    (problem,) = validate.validate_file(pipe)  # reading it would wait for a writer for ever
    assert "named pipe" in problem.message and "does not exist" not in problem.message


def test_accepted_cases_are_in_the_corpus_and_pass():
    accepted = [name for name, expected in HOSTILE_EXPECTED.items() if expected == []]
    assert len(accepted) >= 10 and all(name.startswith("ok-") for name in accepted)


# ---------------------------------------------------------------- the validator and the Frictionless schema agree

SCHEMA_RULES = [
    "unknown-unit.csv",
    "unknown-dataset.csv",
    "missing-year.csv",
    "missing-value.csv",
    "missing-source-title.csv",
    "missing-source-url.csv",
    "malformed-url.csv",
    "year-not-four-digits.csv",
    "year-before-1900.csv",
]


def frictionless_errors(folder: Path, name: str) -> list[str]:
    import frictionless

    schema = frictionless.Schema.from_descriptor(json.loads(standard.SCHEMA_PATH.read_text(encoding="utf-8")))
    report = frictionless.Resource(path=name, basepath=str(folder), schema=schema).validate()
    # Excel's rows of empty cells are skipped on purpose (the build skips them too); Frictionless names them
    return [e.message for task in report.tasks for e in task.errors if e.type != "blank-row"]


@pytest.mark.parametrize("name", SCHEMA_RULES)
def test_a_file_the_schema_refuses_the_validator_refuses_in_the_same_cell(name):
    """data/contrib/schema.json (Frictionless) and the validator say the same on what the schema can express."""
    assert frictionless_errors(CASES, name), "the published schema accepts a file the validator refuses"
    assert validate.validate_file(CASES / name)


@pytest.mark.parametrize("name", sorted(n for n, e in HOSTILE_EXPECTED.items() if e == []))
def test_a_file_the_validator_accepts_the_schema_accepts(name):
    assert validate.validate_file(HOSTILE_CASES / name) == []
    assert frictionless_errors(HOSTILE_CASES, name) == []
