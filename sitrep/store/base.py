"""The store interface every backend satisfies (SQLite now, PostgreSQL for teams later)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from ..model import Article, Claim, Event


@dataclass(frozen=True)
class EventFilter:
    since: date | None = None
    until: date | None = None
    admin1: str | None = None  # name or ISO code
    event_type: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class StoredArticle:
    article: Article
    canonical_id: str | None  # set when this article is a syndicated copy


class Store(Protocol):
    def has_content(self, content_hash: str) -> bool: ...

    def add_article(self, article: Article, signature: bytes, canonical_id: str | None) -> None: ...

    def article_text(self, article_id: str) -> str | None: ...

    def signatures(self) -> Iterator[tuple[str, bytes, date | None]]: ...

    def articles(self) -> list[StoredArticle]: ...

    def get_article(self, article_id: str) -> Article | None: ...

    def add_source(self, canonical_id: str, article: Article) -> None: ...

    def put_extraction(self, article_id: str, events: Sequence[Event], claims: Sequence[Claim]) -> None: ...

    def events(self, flt: EventFilter | None = None) -> list[Event]: ...

    def claims(self) -> list[Claim]: ...

    def close(self) -> None: ...
