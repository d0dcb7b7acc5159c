"""Store: SQLite (default) and PostgreSQL behind the `Store` interface; `open_store` picks one from a path or URL."""

from .base import DatasetCount, DatasetWrite, EventFilter, Store, StoredArticle, StoredFailure, StoreStatus
from .location import open_store, printable
from .sqlite import SQLiteStore

__all__ = [
    "DatasetCount",
    "DatasetWrite",
    "EventFilter",
    "SQLiteStore",
    "Store",
    "StoreStatus",
    "StoredArticle",
    "StoredFailure",
    "open_store",
    "printable",
]
