"""The shapes that cross stages: frozen dataclasses, field names after ACLED's where one exists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

EXTRACTOR_VERSION = "sitrep-rules-0.7"
# Where an event comes from: sitrep's own extraction, or a human-coded dataset brought in by `sitrep import`.
Dataset = Literal["sitrep", "ucdp", "acled", "gtd"]
EXTRACTED: Dataset = "sitrep"
CODED_DATASETS: tuple[Dataset, ...] = ("ucdp", "acled", "gtd")
IMPORTER_VERSION = "sitrep-import-0.1"
# Warning an event carries for each place name the gazetteer could not place (`sitrep places --unresolved`).
UNRESOLVED_PLACE = "place not resolved: "


@dataclass(frozen=True)
class Article:
    """One news report as ingested: cleaned main text plus where it came from."""

    id: str
    title: str
    text: str
    published: date | None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # file path (and line) the article was read from
    content_hash: str = ""
    dateline: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A sentence of an article that backs a field, with character offsets into `Article.text`."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Place:
    """A gazetteer place or governorate an event is located at."""

    name: str
    country: str
    admin1: str | None
    admin1_code: str | None  # ISO 3166-2, e.g. IQ-AN
    admin2: str | None
    latitude: float
    longitude: float
    geo_precision: int  # ACLED: 1 town, 2 near town / district, 3 governorate
    feature: str = ""
    place_id: str = ""
    importance: int = 0  # gazetteer importance: alternate names and population; cities score 30 and more


@dataclass(frozen=True)
class Actor:
    """A canonical actor name with the alias the text used."""

    name: str
    alias: str


@dataclass(frozen=True)
class Mention:
    """One incident as one article reports it."""

    article_id: str
    index: int
    event_date: date | None
    date_precision: str | None  # day, week, month, year
    event_type: str
    sub_event_type: str
    actor1: Actor | None
    actor2: Actor | None
    place: Place | None
    fatalities: int
    fatalities_low: int | None
    fatalities_high: int | None
    injured: int
    evidence: tuple[Evidence, ...]
    field_evidence: tuple[tuple[str, int], ...] = ()  # (field name, index into evidence)
    # Towns, villages, neighbourhoods the report names for this incident (not governorates, countries or
    # big cities): two reports naming different ones tell of different incidents.
    place_names: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    extractor_version: str = EXTRACTOR_VERSION
    # When in the day: morning, afternoon, evening or night (`extract.time_of_day`), and the words that
    # said so ("at dusk", "at 9 p.m."), with offsets into `Article.text`.
    time_of_day: str | None = None
    time_of_day_phrase: Evidence | None = None

    @property
    def location(self) -> str | None:
        return self.place.name if self.place else None


@dataclass(frozen=True)
class Claim:
    """A statistic or assertion that is not an incident, kept with its numbers and period."""

    article_id: str
    index: int
    kind: str  # statistic, habitual, history, plan, negation, reaction, abroad, summary, unplaced, quote
    text: str
    numbers: tuple[int, ...]
    period: str | None
    evidence: Evidence
    extractor_version: str = EXTRACTOR_VERSION


@dataclass(frozen=True)
class Source:
    """One article behind an event."""

    article_id: str
    outlet: str | None
    url: str | None
    published: date | None


@dataclass(frozen=True)
class Link:
    """Why one report joined an event: the report it was matched to, the score and the reasons."""

    article_id: str
    index: int  # the mention's index in its article
    other_article_id: str | None  # None for the report that started the event
    other_index: int | None
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    """One real-world incident, possibly reported by many articles."""

    event_id: str
    event_date: date | None
    date_precision: str | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    country: str | None
    admin1: str | None
    admin1_code: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int
    fatalities_low: int | None
    fatalities_high: int | None
    injured: int
    sources: tuple[Source, ...]
    evidence: tuple[Evidence, ...]
    warnings: tuple[str, ...] = ()
    extractor_version: str = EXTRACTOR_VERSION
    links: tuple[Link, ...] = ()  # one per report behind the event, when reports were linked
    # "sitrep" for extracted events; an imported event keeps its dataset's name and is never linked
    dataset: Dataset = EXTRACTED
    time_of_day: str | None = None  # morning, afternoon, evening or night, when a report says

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(s.article_id for s in self.sources)


@dataclass(frozen=True)
class Extraction:
    """What the extract stage finds in one article."""

    article_id: str
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]


Stage = Literal["ingest", "relevance", "extract", "link", "store"]


@dataclass(frozen=True)
class Problem:
    """A record set aside: which one (file and line, or article id), at which stage, and why."""

    where: str
    reason: str
    stage: Stage = "ingest"

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


# An event's own scalar fields, in ACLED's order: what flat exports and store rows carry.
EVENT_FIELDS = (
    "event_id",
    "event_date",
    "date_precision",
    "time_of_day",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin1_code",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "injured",
)
