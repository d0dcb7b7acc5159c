"""How a time series splits its date range between the kept weekly and monthly counts and the events
(`sitrep.store.sql_counts.split_dates`): every day of the range read once, whole periods from the counts."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sitrep.store.sql_counts import _next_start, split_dates
from sitrep.store.sql_search import period_start

DAYS = st.dates(date(2019, 12, 1), date(2021, 3, 31))


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


@given(since=DAYS, until=DAYS, kind=st.sampled_from(["week", "month"]))
def test_every_day_of_the_range_is_read_once_and_counts_only_whole_periods(
    since: date, until: date, kind: str
) -> None:
    since, until = min(since, until), max(since, until)
    split = split_dates(since, until, kind)  # type: ignore[arg-type]
    read: list[date] = [day for first, last in split.ragged for day in _days(first, last)]
    if split.whole:
        assert split.first is not None and split.last is not None
        start = split.first
        while start <= split.last:
            assert period_start(start, kind) == start  # type: ignore[arg-type]
            read += _days(start, _next_start(start, kind) - timedelta(days=1))  # type: ignore[arg-type]
            start = _next_start(start, kind)  # type: ignore[arg-type]
    assert sorted(read) == _days(since, until)


def test_open_ends_read_every_period_on_that_side() -> None:
    split = split_dates(date(2021, 3, 3), None, "month")
    assert (split.first, split.last, split.ragged) == (
        date(2021, 4, 1),
        None,
        ((date(2021, 3, 3), date(2021, 3, 31)),),
    )
    split = split_dates(None, date(2021, 3, 31), "month")
    assert (split.first, split.last, split.ragged) == (None, date(2021, 3, 1), ())
    assert split_dates(None, None, "week").ragged == ()
