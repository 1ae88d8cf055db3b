"""How far a source can be trusted: primary, secondary or low, from what the source is.

A source's reliability is read from what kind of publisher it is, read from its own name (the words before "(", "citing",
"via", "reposted by" ...), its title, its web address (host and path) and the compilers' notes on its figures,
never from a list of outlets. Rules, in this order:

1. **low**: hosts and pages the sweeps' reports flag (blog reposts, encyclopedia mirrors, aggregator pages,
   unsourced TV claims, a library proxy address), or a note that says so ("low reliability", "weak evidence",
   "internally inconsistent", "unsourced", ...).
2. **secondary**: a copy of someone else's document or words: a mirror, a document-sharing copy, a machine
   translation, a repost, a publisher described as "via", "citing", "reporting", "reposting", "summarising".
3. **primary**: the producer of a number: a statistics office, a ministry, regulator, parliament or other public
   body (also read from a government address: .gov, .gouv, .gob, .go.XX), an intergovernmental body or its
   programme, the authors of a study (a university, a research institute, a journal or academic publisher), an
   expert compilation publishing its own estimate (an inventory, a database), an organisation publishing its own
   study or programme figures.
4. **secondary**: a publisher that reports someone else's number: a news outlet (a newspaper, agency, broadcaster,
   magazine, news site: words such as news, daily, times, post, tribune, radio, FM, TV, press, noticias, diario,
   in its name or address; a dated article path such as /2023/05/16/; a note calling the item a news report,
   op-ed or interview), a blog, a forum, an encyclopedia, a photographer's or author's page.
5. **secondary**: the title says the page quotes, cites, reposts or reprints another producer; the reason names
   whom it quotes.
6. **primary** otherwise: the publisher produced or compiled the figure itself.

**One address, one reliability**: sources read from the same address (the same page under different spellings
of its publisher) all take the most cautious reliability any of them gets (`one_reliability_per_address`).

Each figure then gets its own reliability (`reliability` in data/estimates.csv): the source's, except that a figure whose
note or source names another producer (`original_source`, rules in lineage.py) is **secondary** and says whom
it quotes, even on a primary source: a compilation sheet that quotes a 2003 study did not produce the number.
A low source keeps its figures low.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlparse

from asmhub_utils.tidy import source_groups

# Each flagged host with what it is, in a reader's words (the reason an entry shows;
# data/raw/asm-source-sweep/REPORT.md, section 8, says why).
LOW_HOST_KINDS = {
    r"aladdinseparation": "a blog repost of another body's figure",
    r"liquisearch": "a copy of an encyclopedia article",
    r"\bwikipedia\b": "an encyclopedia article (Wikipedia), not the study it cites",
    r"zam magazine": "a magazine claim the compilers found internally inconsistent",
    r"mwanzo tv": "a TV report that gives no source for its figure",
    r"tv republika": "a TV report that gives no source for its figure",
    r"sastouthabitat": "a web page repeating another body's figure",
    r"econcartography": "an aggregator page repeating figures without their source",
    r"stolygc": "an aggregator page repeating figures without their source",
    r"ezproxy": "a library proxy copy, not the publisher's own page",
}
LOW_HOSTS = tuple(LOW_HOST_KINDS)
# Phrases in a figure's note that rate its source low (host names in notes are not enough: a note may
# mention another source to compare with).
LOW_NOTE_KINDS = {
    r"low[- ]reliability": "the compilers' note rates it low",
    r"low citation quality": "the compilers' note rates it low",
    r"low-quality": "the compilers' note rates it low",
    r"weak evidence": "the compilers' note calls the evidence weak",
    r"internally inconsistent": "the compilers' note finds it inconsistent with itself",
    r"\bunsourced\b": "it gives no source for the figure",
    r"not an official statistic": "the compilers' note says it is not an official statistic",
}
LOW_NOTE_PHRASES = tuple(LOW_NOTE_KINDS)
# Reaching us through someone else: quoting words, mirrors, reposts, machine translations and document-sharing
# copies (read in the publisher and URL).
QUOTES = "quotes another publisher's figure"
COPY = "a copy on a document-sharing site, not the publisher's own"
REPOST = "a repost of another publisher's article"
SECONDARY_KINDS = {
    r"\bvia\b": QUOTES,
    r"\bciting\b": QUOTES,
    r"\bquoting\b": QUOTES,
    r"underlying data": QUOTES,
    r"\breporting\b": QUOTES,
    r"\breposting\b": QUOTES,
    r"\breposted\b": REPOST,
    r"\brepost\b": REPOST,
    r"\breprint": "a reprint of another publisher's document",
    r"\bsummaris": "a summary of another publisher's report",
    r"\bmirror\b": COPY,
    r"\bbased on\b": QUOTES,
    r"\bblog\b": "a blog post quoting another body's figure",
    r"\bcopy\b": COPY,
    r"docslib": COPY,
    r"scribd": COPY,
    r"vdocuments": COPY,
    r"readkong": COPY,
    r"slideplayer": COPY,
    r"docstoc": COPY,
    r"coek\.info": COPY,
    r"plexii": COPY,
    r"pdfcoffee": COPY,
    r"dokumen\.": COPY,
    r"translate\.goog|machine[- ]translat": "a machine translation of another publisher's page",
    r"presswire|prnewswire|newswire": "a press-wire copy of another publisher's story",
    r"statista": "a statistics service re-publishing another body's figure",
    r"secondary": QUOTES,
    r"as reported": QUOTES,
    r"journalistic": "a news report quoting another body's figure",
    r"datawrapper": "a chart published by a third party",
    r"foco econ": "an economics website quoting official figures",
}
SECONDARY_PATTERNS = tuple(SECONDARY_KINDS)

# Producers of numbers, read in the publisher's own name and the web host (never in the body it quotes).
PRODUCER_KINDS = {
    r"statisti|estat[íi]stica|\bINE\b|\bINSD\b|\bzimstat\b|\bcensus\b|\bcenso\b": "a statistics office, the producer of its counts",
    r"\bministr|\bminist[eè]re\b|\bministerio\b|\bgovernment\b|\bgouvernement\b|\bgobierno\b|"
    r"\bdepartment of\b|\bauthority\b|\bcommission\b|\bsecretariat\b|\bparliament\b|\bnational assembly\b|"
    r"\bsenate\b|geological survey|\bchamb(er|re) (of|des) mines\b|\bminerals income\b|\bregulat|"
    r"\.gov(\.[a-z]{2})?$|\.gouv\.|\.gob\.|\.go\.[a-z]{2}$|\.gv\.[a-z]{2}$|\bUSGS\b|\bMINEM\b|\bINGEMMET\b|\bNGJA\b": "a government body (ministry, regulator or agency) publishing its own figure",
    r"\bUNEP\b|\bILO\b|\bUNICEF\b|\bUNIDO\b|\bUNDP\b|\bUNODC\b|\bUNITAR\b|\bIOM\b|\bFAO\b|\bOECD\b|"
    r"world bank|planetgold|\bGEF\b|\bIGF\b|minamata|united nations|\bSAICM\b|unep\.org|ilo\.(org|int)|"
    r"worldbank\.org|\.int$": "an intergovernmental body or its programme, publishing its own figure or study",
    r"universi|univ\.|\binstitut|\bjournal of\b|\bMDPI\b|\bscielo\b|elsevier|springer|wiley|\bdoi\b|"
    r"academic|\bscientific\b|\bSciRP\b|\bproceedings\b|\bsymposium\b|\bresearch\b|\.edu$|\.edu\.[a-z]{2}$|"
    r"\.ac\.[a-z]{2}$|\bIIED\b|\bIPIS\b|\bCASM\b|\bBGS\b": "the authors of a study (a research or academic publication)",
    r"\binventory\b|\bdatabase\b|\bdelve\b|artisanalmining\.org|\bdata ?set\b": "an expert compilation publishing its own estimate",
    r"\bfoundation\b|\bcouncil\b|\binitiative\b|\bassociation\b|\bfederation\b|\bPact\b|\bNGO\b|"
    r"\bprogramme\b|\bproject\b|\bfacility\b|\balliance\b|\bcentre\b|\bcenter\b": "an organisation publishing its own study or programme figures",
}
PRODUCER_PATTERNS = tuple(PRODUCER_KINDS)
# What a publisher that reports others' numbers calls itself (in any language) or how its address looks.
NEWS = "a news report of another body's figure"
REPORTER_KINDS = {
    r"\bnews|\bnoticias?\b|\bnot[íi]cias\b|\bnouvelles\b|новости|\bnovosti\b|\bdaily\b|\bdiario\b|\bdi[áa]rio\b|"
    r"\bquotidien\b|\btimes\b|\bpost\b|\btribune\b|\bherald\b|\bgazette\b|\bchronicle\b|\bobserver\b|"
    r"\btelegraph\b|\bexpress\b|\bindependent\b|\bmail\b|\bstandard\b|\bnaci[óo]n\b|\bnation\b|\bweekly\b|"
    r"\bsemana\b|\bbulletin\b|\bjornal\b|\bjornada\b|\bhora\b|\bpa[íi]s\b|\bmatin\b|\bpresse?\b|\bprensa\b|"
    r"\bpress\b(?! release)|\bmedia\b|\bm[ée]dias?\b|\binfos?\b|\bactu|\bwire\b|\bAFP\b|\bAP\b|\bLusa\b|\bReuters\b|"
    r"\bXinhua|\bradio\b|\bFM\b|\bTV\d*\b|\bt[ée]l[ée]|\bchannel\b|\bbroadcast|\breporter\b|\bonline\b|"
    r"\bmagazine\b|\bmagazin\b|\brevista\b|\brevue\b|журнал|\bperiodismo\b|\bperi[óo]dico\b|\bedition\b|"
    r"\bnews report\b|\bnews item\b|\bop-ed\b|\bopinion\b|\bcolumn\b|\binterview\b|\blong read\b|"
    r"\beditorial\b|\barticle\b|\breport (?:of|on)\b|\baudio\b|\btoday\b|\bd[íi]a\b|\btv\d": NEWS,
    r"\bblogs?\b|blogg|blogspot|wordpress|medium\.com|\bforum\b|\bphotographer|\bportfolio\b|"
    r"\bauthor website\b|\bbehance\b|\bphoto": "a blog, forum or personal page repeating another body's figure",
    r"encyclop|\bwiki|\bguide\b": "an encyclopedia or guide entry, not the study it cites",
}
REPORTER_PATTERNS = tuple(REPORTER_KINDS)
# A dated article path (/2023/05/16/, /2016/nov/, /20180709-) or a news section (/news/, /noticias/, /tag/) is how
# news sites and blogs file their items.
_NEWS_PATH = re.compile(
    r"/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2]|[a-z]{3})/|/(?:19|20)\d{6}-|/(?:19|20)\d{2}-\d{2}-\d{2}/|"
    r"/(?:news|noticias?|novosti|actualites?|articles?|stories|story|posts?|sucesos|nota|tag)"
    r"(?:[/_-]|$)",
    re.I,
)
# Host words a news site uses (tokens of the address: 'news' in lusakanews.com, 'fm' in otecfmghana.com).
_NEWS_HOST = re.compile(
    r"news|noticia|diario|daily|times|post|tribune|herald|gazette|press|prensa|media|info|"
    r"actu|radio|fm|tv|journal|mail|magazine",
    re.I,
)
_NOTE_REPORT = re.compile(
    r"\bnews (report|item|story|article)\b|\bpress (report|article)\b|\bop-ed\b|"
    r"\bopinion (column|piece)\b|\bnewspaper\b|\bblog (repost|post)\b",
    re.I,
)

_LOW_HOST = re.compile("|".join(LOW_HOSTS), re.I)
_LOW_NOTE = re.compile("|".join(LOW_NOTE_PHRASES), re.I)
_SECONDARY = re.compile("|".join(SECONDARY_PATTERNS), re.I)
_PRODUCER = re.compile("|".join(f"(?:{p})" for p in PRODUCER_PATTERNS), re.I)
_REPORTER = re.compile("|".join(f"(?:{p})" for p in REPORTER_PATTERNS), re.I)


_QUOTING_TITLE = re.compile(r"\b(quoting|citing|reposting|reprint of|as reported|secondary web page)\b", re.I)


def _kind(kinds: dict[str, str], matched: str) -> str:
    """The reader's words for the rule whose pattern matched `matched`."""
    return next(
        words
        for pattern, words in kinds.items()
        if re.fullmatch(pattern, matched, re.I) or re.search(pattern, matched, re.I)
    )


def _host(url: str) -> str:
    return urlparse(url).netloc.lower().removeprefix("www.").rstrip(".")


def classify(publisher: str, url: str, notes: Iterable[str] = (), title: str = "") -> tuple[str, str]:
    """Return (reliability, reason) for one source from its publisher, URL, title and the notes on its figures.

    The reason is written for a reader ("a news report of another body's figure"), never the keyword a rule
    matched; the rules are this module's docstring, shown in the library's "How reliability is judged"."""
    notes = tuple(notes)
    if m := _LOW_HOST.search(f"{publisher} | {url}"):
        return "low", _kind(LOW_HOST_KINDS, m.group(0))
    if m := _LOW_NOTE.search(" | ".join(notes)):
        return "low", _kind(LOW_NOTE_KINDS, m.group(0))
    if m := _SECONDARY.search(f"{publisher} | {url}"):
        return "secondary", _kind(SECONDARY_KINDS, m.group(0))
    if _QUOTING_TITLE.search(title):
        from asmhub_utils.tidy.lineage import original_source

        quoted = original_source("", title)
        return "secondary", f"quotes {quoted.name if quoted else 'another source'}, as its title says"
    own, host = source_groups.own_name(publisher), _host(url)
    if m := _PRODUCER.search(own):  # what the publisher calls itself decides first
        return "primary", _kind(PRODUCER_KINDS, m.group(0))
    if m := _REPORTER.search(own):
        return "secondary", _kind(REPORTER_KINDS, m.group(0))
    if m := _PRODUCER.search(host):
        return "primary", _kind(PRODUCER_KINDS, m.group(0))
    if m := _REPORTER.search(f"{publisher} | {title}"):
        return "secondary", _kind(REPORTER_KINDS, m.group(0))
    if (
        _NEWS_HOST.search(host.rsplit(".", 1)[0])
        or _NEWS_PATH.search(urlparse(url).path)
        or _NOTE_REPORT.search(" | ".join(notes))
    ):
        return "secondary", NEWS
    return "primary", "published by the body that produced or compiled the figure"


_CAUTION = {"low": 0, "secondary": 1, "primary": 2}


def address(url: str) -> str:
    """A page's address without scheme, 'www.', query-free trailing slash: one page under its spellings."""
    parsed = urlparse(url.strip())
    return f"{_host(url)}{parsed.path.rstrip('/')}" + (f"?{parsed.query}" if parsed.query else "")


def one_reliability_per_address(sources: list[dict]) -> None:
    """Sources read from one address take the most cautious reliability any of them has, with its reason."""
    by_address: dict[str, list[dict]] = {}
    for source in sources:
        by_address.setdefault(address(source["url"]), []).append(source)
    for same in by_address.values():
        worst = min(same, key=lambda s: (_CAUTION[s["reliability"]], s["source_id"]))
        for source in same:
            source["reliability"], source["reliability_reason"] = worst["reliability"], worst["reliability_reason"]


def figure_reliability(source_reliability: str, source_reason: str, original: str) -> tuple[str, str]:
    """(reliability, reason) of one figure: its source's, secondary when it quotes a named producer."""
    if source_reliability == "low":
        return source_reliability, source_reason
    if original:
        reported = f"; the source is {source_reason}" if source_reliability == "secondary" else ""
        return "secondary", f"quotes {original}{reported}"
    return source_reliability, source_reason
