"""Store: SQLite by default, behind the `Store` interface a PostgreSQL backend will satisfy too."""

from .base import DatasetCount, DatasetWrite, EventFilter, Store, StoredArticle, StoredFailure, StoreStatus
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
]
