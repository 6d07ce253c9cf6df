"""The records Parley produces: the one vocabulary every layer speaks.

Readers yield :class:`Article`; the pipeline turns one into an :class:`ArticleResult`,
whose JSON form is the output contract (``docs/output.md`` explains every field).
Every ``span`` is ``[start, end)`` in characters of ``ArticleResult.text``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]
"""A ``[start, end)`` character range of the analysed text."""

ActorType = Literal["person", "organisation", "country", "igo", "group", "media", "other"]
SectionKind = Literal["headline", "standfirst", "body"]


class Record(BaseModel):
    """Base for every record: strict field names, JSON-friendly."""

    model_config = ConfigDict(extra="forbid")


class ItemError(Record):
    """Why one input item could not be analysed. The rest of the batch still is."""

    code: str = Field(description="Stable machine-readable code, e.g. 'empty', 'binary', 'too_large'.")
    message: str = Field(description="What went wrong, for a person.")


class Section(Record):
    """A part of the analysed text. Sentences never cross a section boundary."""

    kind: SectionKind
    span: Span


class Article(Record):
    """One input item as a reader produced it, before analysis."""

    id: str
    text: str = Field(description="The text to analyse: headline, standfirst and body joined by blank lines.")
    title: Optional[str] = None
    standfirst: Optional[str] = Field(
        default=None, description="The standfirst as supplied, even when it was not analysed because the body repeats it."
    )
    published: Optional[dt.date] = None
    source: Optional[str] = None
    url: Optional[str] = None
    origin: Optional[str] = Field(default=None, description="Where the item came from: file path and line, or '-'.")
    sections: list[Section] = Field(default_factory=list)
    language: Optional[str] = Field(default=None, description="ISO 639-1 code of the detected language.")
    error: Optional[ItemError] = None


class MentionDetail(Record):
    """One place an actor is named, and how the name was matched to it."""

    span: Span
    text: str
    how: str = Field(
        description="How the mention was resolved: 'alias', 'surname', 'fuzzy', 'metonym', 'demonym', 'title', 'new'."
    )


class Actor(Record):
    """A person, organisation, country, group or platform named in the article."""

    id: str = Field(description="Knowledge-base id (stable across articles); 'new:...' for actors not in the KB.")
    name: str = Field(description="Canonical name.")
    type: ActorType
    country: Optional[str] = Field(default=None, description="ISO 3166 alpha-3 code.")
    sector: Optional[str] = Field(default=None, description="PLOVER/CAMEO agent code such as GOV, MIL, REB, JRN.")
    wikidata: Optional[str] = Field(default=None, description="Wikidata QID.")
    role: Optional[str] = Field(default=None, description="Title held on the publication date.")
    mentions: list[Span] = Field(default_factory=list)
    mention_details: list[MentionDetail] = Field(default_factory=list)


class Speaker(Record):
    actor_id: Optional[str] = None
    name: Optional[str] = None
    span: Optional[Span] = Field(default=None, description="The mention nearest the quote, or null.")
    chain: list[MentionDetail] = Field(
        default_factory=list,
        description="How the speaker was reached: the mention nearest the quote, then each link "
        "(pronoun, role noun, previous speaker) up to the named actor.",
    )


class Quote(Record):
    """A statement: who said what, through which channel, when. (Filled by the quotes extractor.)"""

    span: Span
    text: str
    kind: Literal["direct", "indirect"]
    speaker: Speaker
    cue: Optional[str] = None
    cue_span: Optional[Span] = Field(
        default=None, description="Character offsets of the reporting cue ('said', 'according to'); null when there is none."
    )
    channel: Optional[str] = None
    date: Optional[str] = None


class Plover(Record):
    type: str
    mode: Optional[str] = None
    context: Optional[list[str]] = None


class Location(Record):
    name: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None


Modality = Literal["asserted", "negated", "hypothetical", "future", "historical"]
ActorRef = Union[str, list[str], None]


class Event(Record):
    """Who did what to whom, when and where. (Filled by the events extractor.)"""

    source: ActorRef
    target: ActorRef = None
    cameo: str
    plover: Plover
    modality: Modality = "asserted"
    date: Optional[str] = None
    location: Optional[Location] = None
    evidence: Span
    reported_by: Optional[str] = None
    goldstein: Optional[float] = Field(
        default=None, description="Goldstein cooperation-conflict weight of the CAMEO code (-10 conflict .. +10 cooperation)."
    )
    plover_score: Optional[float] = Field(
        default=None, description="PLOVER cooperation-conflict score of the PLOVER type and mode (-10 .. +10); null for types PLOVER has no score for."
    )
    confidence: Optional[float] = Field(
        default=None,
        description="How likely an analyst is to accept the event as coded (0 .. 1), from the learned event "
        "confidence model; null when no model is loaded.",
    )


class Demand(Record):
    """A condition one party sets for another. (Filled by the demands extractor.)"""

    party: Optional[str]
    addressee: ActorRef = None
    text: str
    span: Span
    issue: Optional[str] = None
    modality: Modality = "asserted"
    voiced_by: Optional[str] = Field(
        default=None,
        description="The person who voiced the demand when the party is the state or organisation they "
        "speak for (Peskov, Kremlin spokesman, voices Russia's conditions); null when the party spoke itself.",
    )
    label: Optional[str] = Field(default=None, description="The condition reduced to a few content words, for tables.")
    stance: Literal["demand", "refusal", "rejection"] = Field(
        default="demand",
        description="'demand': the party sets a condition; 'refusal': the party refuses to do something "
        "('refused negotiations'); 'rejection': the party rejects a demand or proposal.",
    )


ClaimCategory = Literal[
    "killed", "wounded", "casualties", "captured", "displaced", "released", "detained", "money", "percent", "other"
]


class Claim(Record):
    """A figure someone claims. (Filled by the claims extractor.)"""

    claimant: Optional[str] = None
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    category: ClaimCategory = "other"
    approximate: bool = False
    subject: Optional[str] = None
    span: Span
    date: Optional[str] = None
    qualifier: Optional[str] = Field(
        default=None, description="The words that make the figure approximate or a bound, as written: 'some', 'more than', 'up to'."
    )
    claimant_name: Optional[str] = Field(
        default=None,
        description="The claimant as the text names it (the statement's speaker, the source of 'according to', the "
        "subject of a reporting verb), kept also when no actor resolves: 'EU sources', 'Military officials'.",
    )


class DateRef(Record):
    """A temporal expression, resolved against the publication date."""

    span: Span
    text: str
    value: Optional[str] = Field(description="ISO date, month (YYYY-MM), year (YYYY) or week (YYYY-Www); null if unresolved.")
    anchor: Literal["published", "explicit", "unknown"] = Field(
        description="'explicit' when the text alone fixes the value, 'published' when it was resolved against "
        "the publication date, 'unknown' when it could not be resolved."
    )
    granularity: Optional[Literal["day", "week", "month", "year", "decade"]] = None


TimeRef = DateRef


class Place(Record):
    """A toponym mention resolved against GeoNames."""

    span: Span
    text: str
    name: str
    kind: Literal["country", "region", "city", "landmark", "other"]
    country: Optional[str] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None


class ArticleResult(Record):
    """The analysis of one article: the output contract's article object."""

    id: str
    title: Optional[str] = None
    published: Optional[dt.date] = None
    source: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None
    text: str = ""
    sections: list[Section] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    demands: list[Demand] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    dates: list[DateRef] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    error: Optional[ItemError] = None

    @classmethod
    def failed(cls, article: Article) -> "ArticleResult":
        """The record for an item that could not be analysed: metadata and its error."""
        return cls(
            id=article.id,
            title=article.title,
            published=article.published,
            source=article.source,
            url=article.url,
            language=article.language,
            text=article.text,
            error=article.error,
        )


def json_schema() -> dict:
    """The JSON Schema of one output article object."""
    return ArticleResult.model_json_schema()
