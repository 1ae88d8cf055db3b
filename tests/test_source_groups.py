"""The rules that put each source on one shelf of the resource library."""

import pytest

from asmhub_utils.chapters import data
from asmhub_utils.tidy import source_groups


@pytest.mark.parametrize(
    "title, publisher, url, group",
    [
        (
            "2023 State of the Artisanal and Small-Scale Mining Sector",
            "World Bank",
            "https://openknowledge.worldbank.org/x",
            "State of the Sector reports",
        ),
        (
            "Delve country page: Ghana",
            "Delve (World Bank / Pact)",
            "https://delvedatabase.org/data/countries/ghana",
            "Data sets",
        ),
        (
            "national_admin_yearly.json",
            "Earth Genome",
            "https://github.com/earthrise-media/mining-detector",
            "Data sets",
        ),
        (
            "planetGOLD Kenya",
            "Ministry of Environment, Kenya (planetGOLD)",
            "https://environment.go.ke/x",
            "National sources",
        ),
        ("The MIIF programme", "Minerals Fund", "https://miif.gov.gh/x", "National sources"),
        ("The Illegal Trade in Chemicals", "UNEP", "https://grid.cld.bz/x", "UN and ILO sources"),
        ("The burden of gold", "ILO", "http://www.ilo.int/x", "UN and ILO sources"),
        ("UNICEF: 360,000 children", "Prensa Latina (English)", "https://plenglish.com/x", "News"),
        ("Nearly 4k lose jobs", "Zimbabwe Now (reporting ZimStat)", "https://zimbabwenow.co.zw/x", "News"),
        (
            "Global Trends in ASM",
            "IGF / IISD (prepared by IIED)",
            "https://www.iisd.org/x",
            "Global reviews and research",
        ),
    ],
)
def test_classify(title, publisher, url, group):
    assert source_groups.classify(title, publisher, url)[0] == group


def test_own_name_drops_the_quoted_body():
    assert source_groups.own_name("Zimbabwe Now (reporting ZimStat)") == "Zimbabwe Now"
    assert source_groups.own_name("Republic of Mining (reprinting BullionVault)") == "Republic of Mining"
    assert source_groups.own_name("UNEP") == "UNEP"


def test_every_source_gets_one_known_group_with_a_reason():
    grouped = source_groups.group_sources(data.sources())
    assert set(grouped["group"]) <= set(source_groups.GROUPS)
    assert grouped["group_reason"].str.len().gt(0).all()
    assert set(source_groups.SLUGS) == set(source_groups.GROUPS)


def test_every_group_holds_at_least_one_source():
    assert set(source_groups.group_sources(data.sources())["group"]) == set(source_groups.GROUPS)
