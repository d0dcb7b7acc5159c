"""Articles counted per publication day and outlet, or per day and governorate of the events they
report: what source health (`analyse.coverage`) is made of. Grouped by day in SQL (no date arithmetic
per row, the same in both dialects); weeks are folded from days by the caller."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from .base import ArticleCount, CoverageBy

# Every stored article counts, whatever its status (done, skipped by the relevance filter, pending,
# failed): coverage is what the sources sent, not what sitrep made of it. By governorate, an article
# counts once for each governorate of the events it is a source of (syndicated copies included).
_SOURCES: dict[CoverageBy, str] = {
    "outlet": "SELECT a.published AS day, a.outlet AS k, count(*) AS n FROM articles a",
    "admin1": (
        "SELECT a.published AS day, e.admin1 AS k, count(DISTINCT a.id) AS n FROM articles a"
        " JOIN event_sources s ON s.article_id = a.id JOIN events e ON e.event_id = s.event_id"
    ),
}


def article_counts_sql(by: CoverageBy, since: date | None, until: date | None) -> tuple[str, list[Any]]:
    terms, args = ["e.admin1 IS NOT NULL"] if by == "admin1" else [], []
    if since is not None:
        terms.append("a.published >= ?")
        args.append(since.isoformat())
    if until is not None:
        terms.append("a.published <= ?")
        args.append(until.isoformat())
    where = f" WHERE {' AND '.join(terms)}" if terms else ""
    return f"{_SOURCES[by]}{where} GROUP BY day, k ORDER BY day, k", args


def article_count_of(rows: Sequence[Mapping[str, Any]]) -> list[ArticleCount]:
    return [
        ArticleCount(date.fromisoformat(r["day"]) if r["day"] else None, r["k"], int(r["n"])) for r in rows
    ]
