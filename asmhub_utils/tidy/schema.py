"""The columns of the tidy tables, defined once. `datapackage.json` and the data docs are written from here."""

from __future__ import annotations

from dataclasses import dataclass, field

from asmhub_utils.tidy.measures import MEASURES
from asmhub_utils.tidy.readings import READING_KINDS


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless type: string, integer, number
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    pattern: str = ""
    extra: dict = field(default_factory=dict)

    def frictionless(self) -> dict:
        spec: dict = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.pattern:
            constraints["pattern"] = self.pattern
        extra = dict(self.extra)
        if "format" in extra:
            spec["format"] = extra.pop("format")
        constraints.update(extra)
        if constraints:
            spec["constraints"] = constraints
        return spec


RELIABILITY = ("primary", "secondary", "low")
VALUE_KINDS = ("number", "range", "multiple", "text")
SCOPES = ("world", "region", "country")

ESTIMATE_COLUMNS: tuple[Column, ...] = (
    Column(
        "record_id",
        "string",
        "Stable identifier of the figure: 'seed-NNNN' for the seed sweep row NNNN, 'sweep2-NNNN' for "
        "row NNNN of the second sweep, 'sweep3-NNNN' for row NNNN of the third, "
        "'contrib-<hash>' for a contributed record; '<id>.<n>' for the n-th figure of a statement of several "
        "figures (see statement_of).",
        required=True,
        extra={"unique": True},
    ),
    Column(
        "dataset",
        "string",
        "Topic the figure belongs to (miners_by_country, supply_share, mercury, ...).",
        required=True,
    ),
    Column(
        "scope",
        "string",
        "world (no country or region), region (a named group of countries), or country.",
        required=True,
        enum=SCOPES,
    ),
    Column("iso3", "string", "ISO 3166-1 alpha-3 code; blank for world and regional figures.", pattern="[A-Z]{3}"),
    Column("country_name", "string", "Country or region name as the source gives it."),
    Column("region", "string", "Continent of the country (Natural Earth); blank for world figures."),
    Column("indicator", "string", "What is measured, in the source's terms.", required=True),
    Column("mineral", "string", "Mineral(s) the figure refers to; blank when it covers all ASM."),
    Column(
        "year",
        "integer",
        "Year the figure refers to: the original study's year where the source or the "
        "quoting sheet names an older original (rules in asmhub_utils/tidy/lineage.py); blank when unknown or when "
        "the source gives a span or decade (then in year_text).",
        extra={"minimum": 1900, "maximum": 2100},
    ),
    Column("year_text", "string", "The year exactly as the source gives it (e.g. '1990s')."),
    Column("value_text", "string", "The value exactly as the source prints it.", required=True),
    Column("value_low", "number", "Lower bound read from value_text; blank when the text gives none."),
    Column("value_high", "number", "Upper bound read from value_text; blank when the text gives none."),
    Column(
        "value_central",
        "number",
        "The stated single figure, or a median/average the source states; "
        "blank for a bare range (ranges are never averaged).",
    ),
    Column(
        "qualifier",
        "string",
        "about, nearly, more than, at least, up to, perhaps, typically, as little as, several figures, or blank.",
    ),
    Column(
        "value_kind",
        "string",
        "number, range, multiple (several figures in one statement) or text.",
        required=True,
        enum=VALUE_KINDS,
    ),
    Column(
        "value_reading",
        "string",
        "The reading the book shows, in English: the number or range with its "
        "unit and what it counts ('up to 10,000 jobs', 'more than 7,500 people'), written from value_low, "
        "value_high and qualifier for a quantity; the sweep's English gloss or the editors' translation "
        "(data/glosses.csv) for words and statements; blank where no English exists yet.",
    ),
    Column(
        "reading_kind",
        "string",
        "quantity (a number or range was read), words (a quantity in words, no "
        "number), statement (not a quantity: a legal fact, a date, a description) or several figures.",
        required=True,
        enum=READING_KINDS,
    ),
    Column(
        "value_language",
        "string",
        "Language value_text is printed in (en, fr, es, pt, ru, ar); blank for a bare number.",
    ),
    Column(
        "unit",
        "string",
        "Unit, one spelling per unit (t/yr, ha, persons, percent, ...); blank where a raw "
        "sweep left it blank because the unit is outside the book's list (licences, plots, FCFA, ounces): "
        "the sweep names it in note.",
    ),
    Column("unit_original", "string", "Unit as the source wrote it (blank as above)."),
    Column("source_id", "string", "Key into sources.csv.", required=True),
    Column("locator", "string", "Where in the source the figure stands (page, table, section)."),
    Column("note", "string", "Compiler's note: original source quoted, caveats, reliability remarks."),
    Column(
        "reader_note",
        "string",
        "The caveats of note a reader needs, in plain words ('the compiler calls "
        "this a working hypothesis'); notes on how the record was made stay in note only.",
    ),
    Column("origin", "string", "File the record came from, relative to data/.", required=True),
    Column(
        "published_year",
        "integer",
        "Year of the document that states the figure; blank when unknown.",
        extra={"minimum": 1900, "maximum": 2100},
    ),
    Column(
        "original_source",
        "string",
        "Who produced the number when the source quotes someone else (e.g. "
        "'MMSD 2003', 'ILO 1999'); blank when the source produced it (asmhub_utils/tidy/lineage.py).",
    ),
    Column(
        "measures",
        "string",
        "What the figure measures, in a small vocabulary (asmhub_utils/tidy/measures.py).",
        required=True,
        enum=MEASURES,
    ),
    Column(
        "coverage",
        "string",
        "world, region, national, sites, unknown or 'subnational: AREA' (asmhub_utils/tidy/measures.py).",
        required=True,
        pattern=r"world|region|national|sites|unknown|subnational: .+",
    ),
    Column(
        "reliability",
        "string",
        "primary, secondary or low for this figure: secondary when it quotes another "
        "producer (asmhub_utils/tidy/reliability.py).",
        required=True,
        enum=RELIABILITY,
    ),
    Column("reliability_reason", "string", "Why the figure got its reliability (whom it quotes).", required=True),
    Column(
        "echo_group",
        "string",
        "record_id of the first figure of the same original estimate; figures with "
        "the same echo_group are one independent estimate quoted several times (asmhub_utils/tidy/echoes.py).",
        required=True,
    ),
    Column(
        "statement_of",
        "string",
        "For one figure of a statement of several figures: the record_id of the "
        "statement (kept as printed in its own row); blank otherwise (asmhub_utils/tidy/statements.py).",
    ),
    Column(
        "curation",
        "string",
        "Fields set by data/curation.csv for this figure, with the reason; blank when "
        "every field comes from the rules.",
    ),
    Column(
        "headline_decision",
        "string",
        "A reviewed decision about this figure as a country's headline "
        "(data/curation.csv): keep, prefer or exclude; blank when none.",
        enum=("keep", "prefer", "exclude"),
    ),
    Column("headline_decision_reason", "string", "Why: the reviewed decision's reason, shown with the headline."),
)

SOURCE_COLUMNS: tuple[Column, ...] = (
    Column("source_id", "string", "Stable key, also the BibTeX key.", required=True, extra={"unique": True}),
    Column("title", "string", "Title of the document or page.", required=True),
    Column("publisher", "string", "Publisher, and the original author where the copy is a mirror.", required=True),
    Column("year", "integer", "Publication year; blank when unknown.", extra={"minimum": 1900, "maximum": 2100}),
    Column("url", "string", "Address of the copy the figures were read from.", required=True, extra={"format": "uri"}),
    Column(
        "reliability",
        "string",
        "primary, secondary or low (rules in asmhub_utils/tidy/reliability.py).",
        required=True,
        enum=RELIABILITY,
    ),
    Column("reliability_reason", "string", "Why the source got its reliability.", required=True),
    Column("n_figures", "integer", "How many records in estimates.csv cite this source.", required=True),
    Column("correction", "string", "Metadata corrected by data/corrections.csv, with the reason; blank if none."),
)


STATUSES = ("national", "narrower national", "no national count")

COUNTRY_COLUMNS: tuple[Column, ...] = (
    Column("iso3", "string", "ISO 3166-1 alpha-3 code (XKX for Kosovo).", required=True, extra={"unique": True}),
    Column("country_name", "string", "Country name (ISO 3166).", required=True),
    Column("region", "string", "Continent (Natural Earth); blank when not on the 1:110m map."),
    Column(
        "status",
        "string",
        "national: a national count of all people in ASM is the headline; narrower "
        "national: only a narrower national count (one mineral, registered, illegal only) exists; no national "
        "count: ASM is reported but no national count exists.",
        required=True,
        enum=STATUSES,
    ),
    Column(
        "headline_record_id",
        "string",
        "record_id in estimates.csv of the headline figure (rule in "
        "asmhub_utils/tidy/headline.py); blank with no national count.",
    ),
    Column("headline_value_text", "string", "The headline as its source prints it."),
    Column("headline_low", "number", "Lower bound: the compilation's own minimum where it gives one."),
    Column("headline_high", "number", "Upper bound: the compilation's own maximum where it gives one."),
    Column("headline_central", "number", "The stated figure; blank for a bare range (never averaged)."),
    Column("headline_qualifier", "string", "about, more than, up to, ... as in estimates.csv."),
    Column(
        "headline_year",
        "integer",
        "Year the headline refers to (the original study's); blank when unknown.",
        extra={"minimum": 1900, "maximum": 2100},
    ),
    Column("headline_year_text", "string", "The year as the source gives it (a span or decade stays as written)."),
    Column(
        "headline_published_year",
        "integer",
        "Year of the document that states the headline; shown as "
        "'undated (published ...)' when the headline has no year of its own.",
        extra={"minimum": 1900, "maximum": 2100},
    ),
    Column("headline_measure", "string", "What the headline counts (measures vocabulary).", enum=MEASURES),
    Column("headline_coverage", "string", "Where it applies (always national for a headline)."),
    Column("headline_source_id", "string", "Key into sources.csv."),
    Column(
        "headline_reliability", "string", "primary or secondary: the headline figure's reliability.", enum=RELIABILITY
    ),
    Column("headline_quotes", "string", "Who produced the headline number when its source quotes it."),
    Column("headline_rule", "string", "Which step of the headline rule chose it."),
    Column(
        "headline_signs",
        "string",
        "Warning signs the headline carries (asmhub_utils/tidy/signs.py), "
        "'; '-separated: model, derivation, tie, spread, news, recurring, ...; blank when none.",
    ),
    Column(
        "headline_decision",
        "string",
        "The reviewed decision on the headline (data/curation.csv): keep or "
        "prefer; required when headline_signs is not blank.",
        enum=("keep", "prefer"),
    ),
    Column("headline_decision_reason", "string", "The reviewed decision's reason, in a reader's words."),
    Column("headline_also_quoted_by", "string", "record_ids of other figures repeating the same estimate."),
    Column(
        "others_low",
        "number",
        "Lowest bound of the other national estimates of all people in ASM (dated 2010 or later, or undated).",
    ),
    Column("others_high", "number", "Highest bound of those other national estimates."),
    Column("others_record_ids", "string", "Their record_ids, space-separated."),
    Column(
        "set_aside_record_ids",
        "string",
        "National estimates ten times off all the others, shown beside the headline and never chosen as newest.",
    ),
    Column("n_figures", "integer", "Figures in estimates.csv for the country.", required=True),
    Column("n_independent", "integer", "Independent estimates among them (distinct echo groups).", required=True),
    Column(
        "grade",
        "string",
        "The country's data-quality grade A-D (rule in asmhub_utils/tidy/country_grade.py).",
        required=True,
        enum=("A", "B", "C", "D"),
    ),
    Column("main_minerals", "string", "The minerals named most often in the country's figures."),
)


def table_schema(columns: tuple[Column, ...], primary_key: str, foreign_keys: list | None = None) -> dict:
    schema: dict = {"fields": [c.frictionless() for c in columns], "primaryKey": primary_key, "missingValues": [""]}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def datapackage() -> dict:
    """The Frictionless Data Package descriptor for data/estimates.csv and data/sources.csv."""
    return {
        "name": "asm-hub-estimates",
        "title": "ASM Hub: sourced estimates on artisanal and small-scale mining",
        "description": "One row per published figure, with its source, and one row per country with its headline "
        "estimate. Built by `asmhub build-data` from data/raw/.",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            }
        ],
        "resources": [
            {
                "name": "estimates",
                "path": "estimates.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "schema": table_schema(
                    ESTIMATE_COLUMNS,
                    "record_id",
                    [{"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}}],
                ),
            },
            {
                "name": "sources",
                "path": "sources.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "schema": table_schema(SOURCE_COLUMNS, "source_id"),
            },
            {
                "name": "countries",
                "path": "countries.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "title": "One row per country: the headline estimate by the book's rule",
                "schema": table_schema(
                    COUNTRY_COLUMNS,
                    "iso3",
                    [
                        {"fields": "headline_record_id", "reference": {"resource": "estimates", "fields": "record_id"}},
                        {"fields": "headline_source_id", "reference": {"resource": "sources", "fields": "source_id"}},
                    ],
                ),
            },
        ],
    }
