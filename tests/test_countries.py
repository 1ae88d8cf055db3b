import pytest

from asmhub_utils.tidy import countries


def test_iso3_codes_come_from_iso_3166():
    assert countries.is_iso3("COD") and countries.is_iso3("GUF")
    assert not countries.is_iso3("XXQ") and not countries.is_iso3("cod")


def test_suggestions_for_a_mistyped_code():
    assert "COD" in countries.suggest("CDO") or "COD" in countries.suggest("COG")
    assert "TZA" in countries.suggest("Tanzania")


def test_regions_from_natural_earth():
    assert countries.region("GHA") == "Africa"
    assert countries.region("GUF") == "South America"


def test_page_names_read_in_natural_order():
    assert countries.iso_name("COD") == "The Democratic Republic of the Congo"
    assert countries.iso_name("TZA") == "Tanzania"
    assert countries.iso_name("GHA") == "Ghana"


def test_kosovo_is_a_documented_exception_not_a_hole_in_the_check():
    assert countries.is_iso3("XKX") and countries.iso_name("XKX") == "Kosovo"
    assert countries.names_for("XKX") == {"kosovo"}
    assert countries.region("XKX") == "Europe"
    assert set(countries.USER_ASSIGNED) == {"XKX"}
    for unknown in ("XKK", "XXX", "KOS", "xkx"):  # other user-assigned-looking codes are still refused
        assert not countries.is_iso3(unknown)
    with pytest.raises(KeyError):
        countries.iso_name("XKK")
