"""Event counts kept per week and per month, so a time series over a million events reads a few
thousand rows instead of every event.

`event_counts` holds, for each week and each month, the events and fatalities of every combination
of date precision, governorate, district, type, sub-type and actors; undated events are counted under
no period. The store keeps it in step with `events` by tallying the events a write touches before and
after it (`tally`, `deltas`): replacing and absorbing events (a run), analysts' corrections and merges.

A series reads the counts when its filters are ones the counts keep (dates, places, types, actors, on
extracted events); the whole weeks or months inside the date range come from the counts and the
ragged days at either end from the events (`split_dates`). Filters the counts cannot answer (killed
at least, free text, a bounding box, an imported dataset) are read from the events as before.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..model import EXTRACTED
from .base import EventFilter, Period, SeriesBy, SeriesColumns
from .sql_search import (
    GROUP_SQL,
    event_where,
    fold_columns,
    ordered_columns,
    period_start,
    series_sql,
    series_terms,
)

Row = Mapping[str, Any]

KINDS: tuple[Period, ...] = ("week", "month")
COUNTED = ("admin1_code", "admin1", "admin2", "event_type", "sub_event_type", "actor1", "actor2")
KEY_COLUMNS = ("kind", "start", "date_precision", *COUNTED)
READ_COUNTED = (
    f"SELECT event_id, event_date, date_precision, {', '.join(COUNTED)}, fatalities FROM events"
    " WHERE event_id IN ({marks})"
)
ADD_COUNTS = (
    f"INSERT INTO event_counts (bucket, {', '.join(KEY_COLUMNS)}, events, fatalities)"
    f" VALUES ({','.join('?' * (len(KEY_COLUMNS) + 3))})"
    " ON CONFLICT (bucket) DO UPDATE SET events = event_counts.events + excluded.events,"
    " fatalities = event_counts.fatalities + excluded.fatalities"
)
DROP_EMPTY = "DELETE FROM event_counts WHERE bucket = ? AND events = 0"

Key = tuple[str | None, ...]
Tally = dict[Key, list[int]]  # key -> [events, fatalities]


NARROW = "-narrow"  # a kind's rows by governorate and type only (district, sub-type and actors left out)


def tally(rows: Iterable[Mapping[str, Any]]) -> Tally:
    """What event rows (`READ_COUNTED`'s columns) add to the counts: one week and one month each, by
    every counted column and, fewer rows for the commonest series, by governorate and type only."""
    out: Tally = {}
    for r in rows:
        day = date.fromisoformat(r["event_date"]) if r["event_date"] else None
        for kind in KINDS:
            start = period_start(day, kind).isoformat() if day else None
            full = (kind, start, r["date_precision"], *(r[c] for c in COUNTED))
            narrow: Key = (kind + NARROW, start, r["date_precision"], r["admin1_code"], r["admin1"])
            narrow += (None, r["event_type"], None, None, None)
            for key in (full, narrow):
                total = out.setdefault(key, [0, 0])
                total[0] += 1
                total[1] += int(r["fatalities"])
    return out


def _narrow_will_do(flt: EventFilter, by: SeriesBy) -> bool:
    return by in ("admin1", "type") and not (flt.admin2 or flt.sub_event_type or flt.actor)


@dataclass(frozen=True)
class CountChange:
    """What one write changed of the counts: rows to add to (`ADD_COUNTS` arguments, negative to
    take away) and the buckets that may have been emptied by it."""

    added: list[tuple[Any, ...]]
    emptied: list[tuple[str]]


def deltas(before: Tally, after: Tally) -> CountChange:
    added: list[tuple[Any, ...]] = []
    emptied: list[tuple[str]] = []
    for key in before.keys() | after.keys():
        old, new = before.get(key, [0, 0]), after.get(key, [0, 0])
        if old == new:
            continue
        bucket = json.dumps(key)
        added.append((bucket, *key, new[0] - old[0], new[1] - old[1]))
        if new[0] < old[0]:
            emptied.append((bucket,))
    added.sort(key=lambda row: str(row[0]))  # one order for every writer: two never wait on each other
    return CountChange(added, emptied)


# groupings the counts keep a column for; time of day and PRIO-GRID cells are grouped from the events
COUNTED_BY: frozenset[SeriesBy] = frozenset({"admin1", "admin2", "type", "actor"})


def readable(flt: EventFilter, by: SeriesBy) -> bool:
    """Whether the counts can answer a series of events filtered and grouped so."""
    return (
        by in COUNTED_BY
        and flt.dataset == EXTRACTED
        and not (
            flt.min_fatalities or (flt.text and flt.text.strip()) or flt.bbox or flt.after or flt.time_of_day
        )
    )


def _next_start(start: date, kind: Period) -> date:
    if kind == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


@dataclass(frozen=True)
class DateSplit:
    """A date range as whole periods read from the counts (`whole` False: none), the first and last
    period's start (None: open), and the ragged day ranges at its ends, read from the events."""

    whole: bool
    first: date | None
    last: date | None
    ragged: tuple[tuple[date, date], ...]


def split_dates(since: date | None, until: date | None, kind: Period) -> DateSplit:
    first = last = None
    if since is not None:
        first = since if period_start(since, kind) == since else _next_start(period_start(since, kind), kind)
    if until is not None:
        last = period_start(until, kind)
        if _next_start(last, kind) - timedelta(days=1) != until:
            last = period_start(last - timedelta(days=1), kind)
    if since is not None and until is not None and first is not None and last is not None and first > last:
        return DateSplit(False, None, None, ((since, until),))
    ragged = []
    if since is not None and first is not None and since < first:
        ragged.append((since, first - timedelta(days=1)))
    if until is not None and last is not None and _next_start(last, kind) <= until:
        ragged.append((_next_start(last, kind), until))
    return DateSplit(True, first, last, tuple(ragged))


def _no_text(words: Sequence[str]) -> tuple[str, list[Any]]:
    raise AssertionError("the counts are read only for filters without free text")


def counts_sql(
    flt: EventFilter, split: DateSplit, period: Period | None, by: SeriesBy
) -> tuple[str, list[Any]]:
    """The counts of whole periods as (day, group, events, fatalities) rows, as `series_sql` reads events;
    a series in total reads the months (every dated event has one, whatever its precision). A series
    by governorate or type, not filtered by district, sub-type or actor, reads the narrow rows."""
    where, args = event_where(replace(flt, since=None, until=None), _no_text)
    where += ["kind = ?", *series_terms(period, by, dated="start")]
    args.append((period or "month") + (NARROW if _narrow_will_do(flt, by) else ""))
    if split.first is not None:
        where.append("start >= ?")
        args.append(split.first.isoformat())
    if split.last is not None:
        where.append("start <= ?")
        args.append(split.last.isoformat())
    day = "start" if period else "CAST(NULL AS TEXT)"
    return (
        f"SELECT {day} AS day, {GROUP_SQL[by]} AS grp, CAST(sum(events) AS BIGINT) AS n,"
        f" CAST(sum(fatalities) AS BIGINT) AS dead FROM event_counts WHERE {' AND '.join(where)} GROUP BY 1, 2"
    ), args


class CountsKeeper:
    """The counts' upkeep and reading, for `SQLStore` (whose methods the stubs here stand for)."""

    def _run(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        raise NotImplementedError

    def _run_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _run_tuples(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """`_run`'s rows as plain tuples: no mapping object per row, for long answers read by position."""
        raise NotImplementedError

    def _children(self, sql: str, ids: Sequence[str]) -> dict[str, list[Row]]:
        raise NotImplementedError

    def _filtered(self, flt: EventFilter, extra: list[str]) -> tuple[str, list[Any]]:
        raise NotImplementedError

    def _tally(self, event_ids: Sequence[str]) -> Tally:
        found = self._children(READ_COUNTED, list(dict.fromkeys(event_ids)))
        return tally(r for rows in found.values() for r in rows)

    def _apply(self, change: CountChange) -> None:
        self._run_many(ADD_COUNTS, change.added)
        self._run_many(DROP_EMPTY, change.emptied)

    @contextmanager
    def _counting(self, event_ids: Sequence[str]) -> Iterator[None]:
        """Keep the counts in step with what the block writes of these events (inside its transaction)."""
        before = self._tally(event_ids)
        yield
        self._apply(deltas(before, self._tally(event_ids)))

    def _count_all(self, batch: int = 50_000) -> None:
        """Count every stored event afresh (the migration that adds the counts)."""
        self._run("DELETE FROM event_counts")
        total: Tally = {}
        last = ""
        while True:
            rows = self._run(
                READ_COUNTED.replace("event_id IN ({marks})", "event_id > ?")
                + f" ORDER BY event_id LIMIT {batch}",
                (last,),
            )
            if not rows:
                break
            for key, (n, dead) in tally(rows).items():
                counted = total.setdefault(key, [0, 0])
                counted[0] += n
                counted[1] += dead
            last = rows[-1]["event_id"]
        self._apply(deltas({}, total))

    def _series_columns(self, flt: EventFilter, period: Period | None, by: SeriesBy) -> SeriesColumns:
        """The series of the filtered events: from the counts where they can answer (already one row
        per period and group: only ordered), from the events, by day, for the ragged ends of the date
        range and for filters the counts lack (summed into periods)."""
        if not readable(flt, by):
            source, args = self._filtered(flt, series_terms(period, by))
            return fold_columns(self._run_tuples(series_sql(source, period, by), args), period)
        split = split_dates(flt.since, flt.until, period or "month")
        rows = self._run_tuples(*counts_sql(flt, split, period, by)) if split.whole else []
        if not split.ragged:
            return ordered_columns(rows)
        for since, until in split.ragged:
            source, args = self._filtered(replace(flt, since=since, until=until), series_terms(period, by))
            rows += self._run_tuples(series_sql(source, period, by), args)
        return fold_columns(rows, period)
