"""Other names of countries are searched as the book's names (asmhub_utils/site/country_aliases.py)."""

from asmhub_utils.site import country_aliases


def test_aliases_map_to_the_books_names_of_covered_countries_only():
    names = {"COD": "The Democratic Republic of the Congo", "CIV": "Côte d'Ivoire", "TZA": "Tanzania"}
    found = country_aliases.alias_map(names)
    assert found["drc"] == found["congo kinshasa"] == found["dr congo"] == names["COD"]
    assert found["ivory coast"] == names["CIV"]
    assert "tanzania" not in found  # the book's own name needs no alias
    assert "burma" not in found  # Myanmar is not in these names
    assert country_aliases.fold("D.R. Congo") == country_aliases.fold("dr-congo") == "dr congo"


def test_script_is_one_assignment():
    text = country_aliases.script({"COD": "Congo (DRC)"})
    assert text.startswith("window.ASMHUB_ALIASES={") and text.endswith("};\n") and '"drc": "Congo (DRC)"' in text
