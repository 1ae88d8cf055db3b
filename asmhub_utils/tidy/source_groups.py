"""Which shelf of the resource library a source belongs on: one group per source, by rules on its text.

The rules read the source's title, publisher and URL and apply in this order; the first match wins:

1. **State of the Sector reports**: the World Bank / Pact / Delve "State of the (Artisanal and Small-Scale
   Mining / ASM) Sector" reports, their chapters, summaries and survey data.
2. **Data sets**: databases, inventories and data files (Delve data pages, the artisanalmining.org inventory,
   USGS geodatabases, GitHub data files, data charts).
3. **National sources**: governments, ministries, national statistics offices, chambers of mines and other
   national public bodies (including `.gov.<country>` addresses).
4. **UN and ILO sources**: UN agencies and programmes (UNEP, ILO, UNICEF, UNIDO, IOM, UNODC), the Minamata
   Convention and the GEF/UNEP planetGOLD programme.
5. **News**: newspapers, news agencies, broadcasters, trade and news sites, including their reprints.
6. **Global reviews and research**: everything else: reviews, studies, NGO, industry and academic reports,
   blogs.

Rules 3 to 5 read the web host and the publisher's own name (the text before "(", "citing", "via", "reporting",
...), never the body it quotes: a newspaper citing UNICEF is news, not a UN source. National bodies come before UN
programmes so that a ministry's planetGOLD page counts as a national source.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pandas as pd

GROUPS: tuple[str, ...] = (
    "State of the Sector reports",
    "Global reviews and research",
    "UN and ILO sources",
    "National sources",
    "Data sets",
    "News",
)
SLUGS: dict[str, str] = {
    "State of the Sector reports": "state-of-the-sector",
    "Global reviews and research": "global-reviews",
    "UN and ILO sources": "un-ilo",
    "National sources": "national",
    "Data sets": "data-sets",
    "News": "news",
}

STATE_OF_THE_SECTOR = (r"state of the (artisanal|asm)\b", r"state-of-the-asm-sector")
DATA_SETS = (
    r"delvedatabase\.org/data\b",
    r"artisanalmining\.org/inventorydata",
    r"\bgeodatabase\b",
    r"\bdatabase\b",
    r"github\.com/",
    r"\bdata ?set\b",
    r"datawrapper",
    r"/data/inventory",
    r"usgs\.gov/data/",
)
NATIONAL = (
    r"\bministry\b",
    r"\bminist[eè]re\b",
    r"\bgovernment of\b",
    r"department of mining",
    r"chambre des mines",
    r"statistics office",
    r"national statistics",
    r"\bzimstat\b",
    r"\bminem\b",
    r"\bingemmet\b",
    r"minerals income investment fund",
    r"\.gov\.[a-z]{2}$",
)
UN_ILO = (
    r"\bunep\b",
    r"\bilo\b",
    r"ilo\.(org|int)",
    r"\bunicef\b",
    r"\bunido\b",
    r"\biom\b",
    r"\bunodc\b",
    r"\bundp\b",
    r"\bunitar\b",
    r"\buneca\b",
    r"\bfao\b",
    r"\bwho\b",
    r"minamata",
    r"planetgold",
    r"\bsaicm\b",
    r"unep\.org",
    r"united nations",
)
NEWS = (
    r"\bnews\b",
    r"reuters",
    r"\bafp\b",
    r"xinhua",
    r"guardian",
    r"\btimes\b",
    r"\btv\b",
    r"press",
    r"herald",
    r"deutsche welle",
    r"\bdw\.com",
    r"afrik",
    r"kibaru",
    r"l'information",
    r"moudjahid",
    r"business live",
    r"mining weekly",
    r"morning post",
    r"occrp",
    r"national jeweler",
    r"the standard",
    r"camerounweb",
    r"agora francophone",
    r"channel africa",
    r"zimbabwe now",
    r"straight news",
    r"latest scoop",
    r"iran mine house",
    r"central america link",
    r"colombia economica",
    r"piura empresarial",
    r"copperbelt katanga",
    r"abamako",
    r"republic of mining",
    r"arbetet",
    r"africa briefing",
    r"africa-press",
    r"devgoals",
    r"metal bulletin",
    r"mining chronicle",
    r"people's daily",
    r"\bi24",
    r"middle east online",
    r"zim field guide",
    r"minart",
    r"\bmagazine\b",
    r"\bcite\b",
    r"canadian mining report",
    r"prensa",
    r"\brfi\b",
    r"ria novosti",
    r"1prime",
    r"asia-plus",
    r"asiaplustj",
    r"eurasianet",
    r"kun\.uz",
    r"radio free asia",
    r"\brfa\.org",
    r"\brepublica\b",
    r"rough ?& ?polished",
    r"rough-polished",
    r"impartial ?actu",
    r"horntrade",
)

# (group, patterns, what the patterns read): "all" = title, publisher and URL; "own" = own name and web host.
_RULES: tuple[tuple[str, re.Pattern, str], ...] = tuple(
    (group, re.compile("|".join(patterns), re.I), reads)
    for group, patterns, reads in (
        ("State of the Sector reports", STATE_OF_THE_SECTOR, "all"),
        ("Data sets", DATA_SETS, "all"),
        ("National sources", NATIONAL, "own"),
        ("UN and ILO sources", UN_ILO, "own"),
        ("News", NEWS, "own"),
    )
)
DEFAULT = "Global reviews and research"
_QUOTED = re.compile(r"\(|\bciting\b|\bvia\b|\breporting\b|\breposting\b|\breprint|\bquoting\b|\bsummaris", re.I)


def own_name(publisher: str) -> str:
    """'Zimbabwe Now (reporting ZimStat)' -> 'Zimbabwe Now': the publisher without the bodies it quotes."""
    return _QUOTED.split(publisher, maxsplit=1)[0].strip()


def classify(title: str, publisher: str, url: str) -> tuple[str, str]:
    """Return (group, reason): the first rule whose pattern matches the text it reads."""
    texts = {"all": f"{title} | {publisher} | {url}", "own": f"{own_name(publisher)} | {urlparse(url).netloc}"}
    for group, pattern, reads in _RULES:
        if m := pattern.search(texts[reads]):
            return group, f"matches '{m.group(0)}'"
    return DEFAULT, "no rule for another group matched"


def group_sources(sources: pd.DataFrame) -> pd.DataFrame:
    """Add `group` and `group_reason` columns to a sources table (columns title, publisher, url)."""
    out = sources.copy()
    found = [classify(r["title"], r["publisher"], r["url"]) for _, r in out.iterrows()]
    out["group"] = [g for g, _ in found]
    out["group_reason"] = [reason for _, reason in found]
    return out
