"""The shape of each registry: one frozen model per record kind.

These models are the single definition of what a registry may hold. The loader validates
with them, the JSON Schema files in `schemas/` are generated from them, and the allowed
values carry their Swedish and English labels, used both on the site and in the editor.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictInt,
    StrictStr,
    Tag,
    WithJsonSchema,
)

from .yamltree import TYPOGRAPHIC

# Allowed values with their labels: {value: (Swedish, English)}.
Vocabulary: TypeAlias = dict[str, tuple[str, str]]
PARTNER_TYPES: Vocabulary = {
    "municipality": ("Kommun", "Municipality"),
    "municipal-company": ("Kommunalt bolag", "Municipal company"),
    "university": ("Högskola eller universitet", "University"),
    "science-park": ("Science park", "Science park"),
    "science-centre": ("Science center", "Science centre"),
    "company": ("Företag", "Company"),
    "sports-club": ("Idrottsförening", "Sports club"),
    "government-agency": ("Statlig myndighet", "Government agency"),
    "innovation-programme": ("Innovationsprogram", "Innovation programme"),
    "region": ("Region", "Region"),
    "county-administrative-board": ("Länsstyrelse", "County administrative board"),
    "research-institute": ("Forskningsinstitut", "Research institute"),
    "network": ("Nätverk eller förening", "Network or association"),
    # For an organisation whose kind no source states: says nothing about what it is.
    "other": ("Övrig organisation", "Other organisation"),
}
ROLES: Vocabulary = {
    "coordinator": ("Samordnare", "Coordinator"),
    "driving-party": ("Drivande part", "Driving party"),
    "contributing": ("Bidragande organisation", "Contributing organisation"),
    "national-counterparty": ("Nationell motpart i Klimatkontrakt 2030", "National party to Climate Contract 2030"),
    "twin-city": ("Tvillingstad", "Twin city"),
    "regional-partner": ("Regional part", "Regional partner"),
    "project-partner": ("Projektpartner", "Project partner"),
}
CATEGORIES: Vocabulary = {
    "energy": ("Energi", "Energy"),
    "transport": ("Transporter", "Transport"),
    "industry": ("Industri", "Industry"),
    "buildings": ("Byggnader", "Buildings"),
    "consumption-food": ("Konsumtion och mat", "Consumption and food"),
    "waste": ("Avfall", "Waste"),
    "carbon-sinks": ("Kolsänkor", "Carbon sinks"),
    "collaboration": ("Samverkan och engagemang", "Collaboration and engagement"),
}
STATUSES: Vocabulary = {
    "planned": ("Planerad", "Planned"),
    "ongoing": ("Pågår", "Ongoing"),
    "completed": ("Genomförd", "Completed"),
    "paused": ("Pausad", "Paused"),
}
CONTRACT_KINDS: Vocabulary = {
    "letter-of-intent": ("Avsiktsförklaring", "Letter of intent"),
    "local-contract": ("Lokalt klimatkontrakt", "Local climate contract"),
    "national-contract": ("Klimatkontrakt 2030", "Climate Contract 2030"),
    "expansion": ("Utvidgning", "Expansion"),
}
EFFECT_KINDS: Vocabulary = {
    "expected": ("Förväntad effekt", "Expected effect"),
    "reported": ("Rapporterad effekt", "Reported effect"),
    "target": ("Mål", "Target"),  # what a source says should happen: a target, not an effect
}
# What a contract event's `agencies:` number counts. "signed" only when a source says they signed.
AGENCY_COUNTS: Vocabulary = {
    "signed": ("Myndigheter som undertecknade", "Agencies that signed"),
    "taking-part": ("Myndigheter i Klimatneutrala städer 2030", "Agencies in Climate Neutral Cities 2030"),
}
# Every vocabulary, by the field that takes its values (an effect's `kind` is under "effect").
VOCABULARIES: dict[str, Vocabulary] = {
    "type": PARTNER_TYPES,
    "roles": ROLES,
    "category": CATEGORIES,
    "status": STATUSES,
    "kind": CONTRACT_KINDS,
    "effect": EFFECT_KINDS,
    "agencies_count": AGENCY_COUNTS,
}

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# No user name before the host: https://www.borlange.se@evil.example/ leads to evil.example.
# No backslash either: a browser reads https://evil.example\.borlange.se/ as evil.example.
URL_PATTERN = r"^(https?://[^\s<>\"'/?#@\\\[\]]+([/?#][^\s<>\"'\\]*)?|mailto:[^\s<>\"'\\]+@[^\s<>\"'\\]+)$"
ID_LENGTH = 60  # characters: an id is a file name and part of an address
# Characters nobody sees: controls, format characters (right-to-left override, zero-width space,
# soft hyphen) and the line and paragraph separators. A line break is allowed in longer texts.
INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}
# Characters that are printable by category and still show nothing (Unicode's default-ignorable
# ones outside Cf: the combining grapheme joiner, Hangul fillers, variation selectors, and the
# Braille blank).
IGNORABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
    "\U0001bca0-\U0001bca3\U000e0000-\U000e0fff]"
)


def invisible(char: str) -> bool:
    """A character a reader cannot see (a line break aside, which is seen)."""
    return unicodedata.category(char) in INVISIBLE or IGNORABLE.match(char) is not None


PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _choice(vocabulary: Vocabulary) -> object:
    return Literal[tuple(vocabulary)]


# One value of a vocabulary. Pydantic checks it against the vocabulary's keys (a Literal made from
# them, so the schema lists them); a type checker cannot read a Literal made at run time, and sees str.
if TYPE_CHECKING:
    PartnerType: TypeAlias = str
    Role: TypeAlias = str
    Category: TypeAlias = str
    Status: TypeAlias = str
    ContractKind: TypeAlias = str
    EffectKind: TypeAlias = str
    AgencyCount: TypeAlias = str
else:
    PartnerType, Role, Category, Status, ContractKind, EffectKind, AgencyCount = map(
        _choice, (PARTNER_TYPES, ROLES, CATEGORIES, STATUSES, CONTRACT_KINDS, EFFECT_KINDS, AGENCY_COUNTS)
    )


def _partial_date(value: object) -> object:
    """Accept 2022-04-11 (read by YAML as a date), "2023-03" and 2023 (a year)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    return value


def _real_date(value: str) -> str:
    padded = value + "-01" * (2 - value.count("-"))
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise ValueError(f"{value} is not a real date — check the month and day") from None
    return value


def _character(char: str) -> str:
    if char == "\t":
        return "a tab, U+0009"
    return f"U+{ord(char):04X} {unicodedata.name(char, 'CONTROL CHARACTER')}"


def _visible(value: str) -> str:
    """A text with no character that a reader cannot see (a line break is seen), and not wrapped
    in typographic quotes, which YAML keeps as part of the text (pasted from Word, they look like
    the quotes that YAML reads)."""
    first, last = value[:1], value[-1:]
    quoted = len(value) > 1 and {first, last} <= set(TYPOGRAPHIC + "\"'")  # ”…”, ”…" and "…”
    if quoted and (first in TYPOGRAPHIC or last in TYPOGRAPHIC):
        raise ValueError(
            f"the text is in typographic quotes ({first}…{last}), which would show on the page"
            ' — write straight quotes "…" around it, or none'
        )
    if value.replace("\n", "").isprintable() and not IGNORABLE.search(value):  # the common case, in C
        return value
    for i, char in enumerate(value):
        if char != "\n" and invisible(char):
            before = value[max(0, i - 20) : i].rsplit("\n", 1)[-1]
            where = f"after '{before}'" if before else "at the start"
            raise ValueError(
                f"the text has an invisible character ({_character(char)}) {where}"
                " — delete it: retype the text around it, or copy it from a plain-text source"
            )
    return value


def _one_line(value: str) -> str:
    """A name or a title: one line, nothing invisible in it."""
    if "\n" in value:
        before = value.split("\n", 1)[0][-20:]
        raise ValueError(f"a name or title is one line — remove the line break after '{before}'")
    return _visible(value)


Id = Annotated[
    StrictStr,
    Field(pattern=ID_PATTERN, max_length=ID_LENGTH, description="Stable id: a-z, 0-9 and hyphens, at most 60"),
]
Str = Annotated[StrictStr, Field(min_length=1), AfterValidator(_visible)]
Line = Annotated[StrictStr, Field(min_length=1), AfterValidator(_one_line)]


def _host(value: str) -> str:
    """An address whose host a browser reads as written: none of the characters that Unicode
    folds into '/', '@', ':' or '?' (a full-width ／ or ＠)."""
    if value.isascii():  # the common case: only a character outside ASCII can fold into another
        return value
    try:
        urlsplit(value)
    except ValueError:
        raise ValueError(
            f"the address '{value}' has a character that looks like / or @ in its host — type the address again"
        ) from None
    return value


def _measured(value: float) -> float:
    if abs(value) >= 1e15:
        raise ValueError("the value has more than 15 digits — write a measured or estimated number")
    return value


Url = Annotated[
    StrictStr,
    Field(pattern=URL_PATTERN, description="https://, http:// or mailto: address"),
    AfterValidator(_visible),
    AfterValidator(_host),
]
Day = Annotated[date, Field(strict=True, description="Date YYYY-MM-DD")]
Number = Annotated[float, Field(allow_inf_nan=False)]  # 'INF' or 'nan' in YAML is not a quantity
PartialDate = Annotated[
    StrictStr,
    BeforeValidator(_partial_date),
    Field(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(_real_date),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "pattern": PARTIAL_DATE_PATTERN}, {"type": "integer"}],
            "description": "YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known",
        }
    ),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """The same text in Swedish and English."""

    sv: Str
    en: Str


class Heading(Text):
    """A name or title in Swedish and English: each one line."""

    sv: Line
    en: Line


class Link(Model):
    title: Heading
    url: Url


class Source(Model):
    """A source with an archived copy, for a page that may disappear (e.g. the programme's old site)."""

    url: Url
    archived: Url | None = Field(
        None, description="An archived copy's address, e.g. from web.archive.org; leave empty when none is known"
    )
    archived_on: PartialDate | None = Field(None, description="When the archived copy was made")


def _source_form(value: object) -> str:
    """Which form a source is in: a mapping when read, a Source when written out (the open data)."""
    return SOURCE_WITH_ARCHIVE if isinstance(value, (dict, Source)) else SOURCE_ADDRESS


# A source is a plain address, or a mapping with the address and its archived copy. The two tags
# pick the form from the value (so an editor reads one message, not one per form); they are not
# part of a field's place, and load.py leaves them out of messages (UNION_TAGS).
SOURCE_ADDRESS, SOURCE_WITH_ARCHIVE = "plain-address", "address-with-archive"
UNION_TAGS = {SOURCE_ADDRESS, SOURCE_WITH_ARCHIVE}
SourceRef = Annotated[
    Annotated[Url, Tag(SOURCE_ADDRESS)] | Annotated[Source, Tag(SOURCE_WITH_ARCHIVE)], Discriminator(_source_form)
]


def source_url(source: str | Source) -> str:
    return source if isinstance(source, str) else source.url


class Partner(Model):
    id: Id
    name: Line = Field(description="Official name, as the organisation writes it")
    name_en: Line | None = Field(None, description="Established English name, only where sourced")
    type: PartnerType
    roles: list[Role] = Field(min_length=1)
    website: Url | None = None
    description: Text
    joined: PartialDate | None = Field(None, description="When it joined the programme")
    caveat: Text | None = Field(None, description="What is not verified, shown on the page")
    sources: list[SourceRef] = Field(min_length=1)
    last_reviewed: Day

    def name_in(self, lang: str) -> str:
        """The name a reader of `lang` sees: the English name on English pages, where one is sourced."""
        return self.name_en if lang == "en" and self.name_en else self.name

    def name_language(self, lang: str) -> str:
        """The language that name_in(lang) is written in."""
        return "en" if lang == "en" and self.name_en else LANGUAGES[0]


class Effect(Model):
    kind: EffectKind
    value: Annotated[StrictInt | Number, AfterValidator(_measured)]
    unit: Heading
    description: Text
    source: Url


class Initiative(Model):
    id: Id
    title: Heading
    summary: Text
    category: Category
    status: Status
    status_as_of: PartialDate | None = Field(None, description="When a source last confirmed the status")
    lead: Id = Field(description="The id of the partner that leads it")
    partners: list[Id] = Field(default_factory=list, description="Ids of the other partners taking part")
    start: PartialDate | None = None
    end: PartialDate | None = None
    effect: Effect | None = None
    links: list[Link] = Field(default_factory=list)
    caveat: Text | None = None
    sources: list[SourceRef] = Field(min_length=1)
    last_reviewed: Day


class ContractEvent(Model):
    id: Id
    date: Day
    kind: ContractKind
    title: Heading
    summary: Text
    signatories: list[Id] = Field(description="Ids of the partners who signed")
    cities: StrictInt | None = Field(None, ge=1, le=10**9, description="Cities in Klimatneutrala städer 2030 then")
    agencies: StrictInt | None = Field(
        None, ge=1, le=10**9, description="National agencies: what they did is in agencies_count"
    )
    agencies_count: AgencyCount = Field(
        "taking-part", description="What `agencies:` counts: 'signed' only when a source says they signed"
    )
    documents: list[Link] = Field(default_factory=list)
    caveat: Text | None = None
    sources: list[SourceRef] = Field(min_length=1)
    last_reviewed: Day


class Sector(Model):
    id: Id
    name: Heading
    category: Category


class EmissionsYear(Model):
    year: StrictInt = Field(ge=1900, le=2100)
    total: Number
    values: dict[Id, Number] = Field(description="Tonnes per sector id")


class Population(Model):
    date: Day
    value: StrictInt = Field(gt=0, lt=10**10, description="residents, at least 1")
    source: Url
    title: Text | None = Field(None, description="The source by name, e.g. SCB's table, where the address is a copy")


class Emissions(Model):
    unit: Heading
    source: Link
    upstream: Link
    scope_note: Text
    sectors: list[Sector] = Field(min_length=1)
    years: list[EmissionsYear] = Field(min_length=1)
    population: list[Population] = Field(default_factory=list)
    sources: list[SourceRef] = Field(min_length=1)
    last_reviewed: Day


class PartnersFile(Model):
    partners: list[Partner]


class InitiativesFile(Model):
    initiatives: list[Initiative]


class ContractsFile(Model):
    contracts: list[ContractEvent]


# Registry file name -> the model of the whole file, and the key that holds its records.
REGISTRIES: dict[str, tuple[type[Model], str]] = {
    "partners": (PartnersFile, "partners"),
    "initiatives": (InitiativesFile, "initiatives"),
    "contracts": (ContractsFile, "contracts"),
    "emissions": (Emissions, "years"),
}


LANGUAGES = tuple(Text.model_fields)  # the languages every text is written in, in the order of pairs


def in_language(pair: tuple[str, str], lang: str) -> str:
    """The `lang` one of a (Swedish, English) pair."""
    return pair[LANGUAGES.index(lang)]


def label(vocabulary: Vocabulary, value: str, lang: str) -> str:
    return in_language(vocabulary[value], lang)


def pattern_name(pattern: str) -> str:
    return {ID_PATTERN: "id", URL_PATTERN: "url", PARTIAL_DATE_PATTERN: "partial-date"}.get(pattern, "")
