"""The store interface every backend satisfies: SQLite (one analyst) and PostgreSQL (a team)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol

from ..model import EXTRACTED, Article, Claim, Dataset, Event, Link, Mention, Problem, Source

BoundingBox = tuple[float, float, float, float]  # west, south, east, north (longitude, latitude)


@dataclass(frozen=True)
class EventFilter:
    """Which events: ACLED-style filters, all optional and combined with AND; oldest first."""

    since: date | None = None
    until: date | None = None
    admin1: str | None = None  # name or ISO code
    event_type: str | None = None
    limit: int | None = None
    latest: int | None = None  # only the N most recent events (still returned oldest first)
    dataset: Dataset = EXTRACTED  # sitrep's extracted events, or those imported from one coded dataset
    admin2: str | None = None  # district name, any case
    sub_event_type: str | None = None
    actor: str | None = None  # part of actor1's or actor2's name, any case
    min_fatalities: int | None = None
    text: str | None = None  # words in the evidence sentences or the location name, any case
    bbox: BoundingBox | None = None
    after: str | None = None  # page cursor: the `cursor_of` the last event of the previous page
    time_of_day: str | None = None  # morning, afternoon, evening or night


def cursor_of(event: Event) -> str:
    """Where the next page starts: events are ordered by date (undated first), then id."""
    return f"{event.event_date.isoformat() if event.event_date else ''}~{event.event_id}"


Period = Literal["week", "month"]
SeriesBy = Literal["admin1", "admin2", "type", "actor", "time_of_day", "priogrid"]


@dataclass(frozen=True, slots=True)
class SeriesRow:
    """Events and fatalities of one group in one period (first day of the week or month); `period`
    is None in totals over the whole filtered range."""

    period: date | None
    group: str
    events: int
    fatalities: int


@dataclass(frozen=True)
class SeriesColumns:
    """A time series as four columns, one entry per row, in `SeriesRow`s' order (by period, then most
    events, then group). A year of weeks by district is thousands of rows: as columns of strings and
    numbers they are a few Python objects rather than one (or several) per row, which the API writes
    as JSON without building each row and the garbage collector need not walk."""

    periods: tuple[str | None, ...]  # each row's first day of the week or month (ISO), None in totals
    groups: tuple[str, ...]
    events: tuple[int, ...]
    fatalities: tuple[int, ...]

    def rows(self) -> list[SeriesRow]:
        return [
            SeriesRow(date.fromisoformat(p) if p else None, g, n, dead)
            for p, g, n, dead in zip(self.periods, self.groups, self.events, self.fatalities, strict=True)
        ]


CoverageBy = Literal["outlet", "admin1"]
COVERAGE_BY: dict[str, CoverageBy] = {"outlet": "outlet", "admin1": "admin1"}


@dataclass(frozen=True)
class ArticleCount:
    """Articles published on one day by one outlet, or reporting events in one governorate.

    `day` is None for articles with no publication date; `key` is None for articles that name no
    outlet (by governorate, only articles behind an event with a governorate are counted)."""

    day: date | None
    key: str | None
    articles: int


@dataclass(frozen=True)
class EventPoint:
    """What a map draws of an event: where, what, how many dead, how precise."""

    event_id: str
    event_date: date | None
    event_type: str
    admin1: str | None
    location: str | None
    latitude: float
    longitude: float
    geo_precision: int | None
    fatalities: int


@dataclass(frozen=True)
class Correction:
    """One analyst change to an event: who, when, which field (or merge/split), the old and new value.

    `action` is "set" (a field's value), "merge" (`new` is the event merged into this one) or "split"
    (`new` is the event a report was split out into). Values are JSON text."""

    event_id: str
    action: str
    field: str | None
    old: str | None
    new: str | None
    analyst: str
    made_at: str
    note: str | None = None


@dataclass(frozen=True)
class StoredArticle:
    article: Article
    canonical_id: str | None  # set when this article is a syndicated copy


@dataclass(frozen=True)
class StoredMention:
    """A report kept in the store: the mention, the event it belongs to, and the link that put it there."""

    mention: Mention
    event_id: str
    link: Link | None
    published: date | None
    sources: tuple[Source, ...]  # its article and that article's syndicated copies


@dataclass(frozen=True)
class StoredFailure:
    """A record set aside by a run: where it was, the stage that failed, why, and when last seen."""

    record: str
    stage: str
    reason: str
    article_id: str | None
    last_seen: str


@dataclass(frozen=True)
class DatasetWrite:
    """What storing a coded dataset's events did: how many were new, changed, or already stored as they are."""

    added: int
    changed: int
    unchanged: int


@dataclass(frozen=True)
class DatasetCount:
    """Events a store holds from one imported dataset, and the dates they span."""

    dataset: str
    events: int
    first: date | None
    last: date | None


@dataclass(frozen=True)
class StoreStatus:
    """What a store holds: articles done, pending (to finish), failed and skipped (by the relevance
    filter); events, claims, failures (not counting the filter's skips)."""

    articles_done: int
    articles_pending: int
    articles_failed: int
    copies: int
    events: int
    claims: int
    failures: int
    latest_failures: tuple[StoredFailure, ...]
    datasets: tuple[DatasetCount, ...] = ()  # imported (human-coded) events, per dataset
    articles_skipped: int = 0


class Store(Protocol):
    def transaction(self) -> AbstractContextManager[None]: ...

    def has_content(self, content_hash: str) -> bool: ...

    def content_hash_of(self, article_id: str) -> str | None: ...

    def add_article(
        self, article: Article, signature: bytes, canonical_id: str | None, status: str = "done"
    ) -> None: ...

    def copy_candidates(self, bands: Sequence[bytes]) -> list[tuple[str, date | None]]: ...

    def set_status(self, article_id: str, status: str) -> None: ...

    def add_failure(self, problem: Problem, article_id: str | None = None) -> None: ...

    def unfinished(
        self, include_failed: bool = False, include_skipped: bool = False
    ) -> Iterator[Article]: ...

    def status(self, failures: int = 50) -> StoreStatus: ...

    def article_text(self, article_id: str) -> str | None: ...

    def articles(self, limit: int | None = None, offset: int = 0) -> list[StoredArticle]: ...

    def article_count(self) -> int: ...

    def get_article(self, article_id: str) -> Article | None: ...

    def add_source(self, canonical_id: str, article: Article) -> None: ...

    def put_claims(self, article_id: str, claims: Sequence[Claim]) -> None: ...

    def put_mentions(self, mentions: Sequence[Mention], event_of: Mapping[tuple[str, int], str]) -> None: ...

    def stored_mentions(self, since: date, until: date) -> list[StoredMention]: ...

    def replace_events(self, events: Sequence[Event], replaced: Mapping[str, str]) -> None: ...

    def event(self, event_id: str) -> Event | None: ...

    def events(self, flt: EventFilter | None = None) -> list[Event]: ...

    def claims(
        self,
        latest: int | None = None,
        kind: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[Claim]: ...

    def claim_count(self, kind: str | None = None, article_id: str | None = None) -> int: ...

    def event_series(self, flt: EventFilter, period: Period | None, by: SeriesBy) -> list[SeriesRow]: ...

    def event_series_columns(
        self, flt: EventFilter, period: Period | None, by: SeriesBy
    ) -> SeriesColumns: ...

    def event_points(self, flt: EventFilter, limit: int) -> list[EventPoint]: ...

    def article_counts(
        self, by: CoverageBy, since: date | None = None, until: date | None = None
    ) -> list[ArticleCount]: ...

    def event_mentions(self, event_id: str) -> list[StoredMention]: ...

    def add_corrections(self, corrections: Sequence[Correction]) -> None: ...

    def corrections(self, event_id: str) -> list[Correction]: ...

    def merge_events(self, keep: str, gone: str, correction: Correction) -> None: ...

    def put_dataset_events(self, events: Sequence[Event]) -> DatasetWrite: ...

    def datasets(self) -> list[DatasetCount]: ...

    def close(self) -> None: ...
