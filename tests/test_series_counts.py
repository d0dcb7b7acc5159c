"""How a time series splits its date range between the kept weekly and monthly counts and the events
(`sitrep.store.sql_counts.split_dates`): every day of the range read once, whole periods from the counts;
and how the rows read are folded into the series' columns (`sql_search.fold_columns`)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sitrep.store.base import SeriesColumns, SeriesRow
from sitrep.store.sql_counts import _next_start, split_dates
from sitrep.store.sql_search import fold_columns, ordered_columns, period_start, summed

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


# The rows a series is folded from: (day, group, events, fatalities), as the store's SQL reads them.
# SYNTHETIC groups and numbers.
ROWS = st.lists(
    st.tuples(
        DAYS.map(date.isoformat),
        st.sampled_from(["Battles", "Riots", "battles", "Al Anbar", "(no actor named)", "Ṣalāḥ ad-Dīn"]),
        st.integers(0, 5),
        st.integers(0, 40),
    ),
    max_size=60,
)


def _naive_fold(rows: list[tuple[str, str, int, int]], period: str | None) -> list[SeriesRow]:
    """The fold as plainly as it can be said: dates as dates, one dict, one sort."""
    totals: dict[tuple[date | None, str], list[int]] = {}
    for day, grp, n, dead in rows:
        start = period_start(date.fromisoformat(day), period) if period else None  # type: ignore[arg-type]
        total = totals.setdefault((start, grp), [0, 0])
        total[0] += n
        total[1] += dead
    ordered = sorted(totals.items(), key=lambda kv: (kv[0][0] or date.min, -kv[1][0], kv[0][1]))
    return [SeriesRow(p, g, n, dead) for (p, g), (n, dead) in ordered]


@given(rows=ROWS, period=st.sampled_from(["week", "month", None]))
def test_the_folded_columns_are_the_rows_summed_per_period_and_group_in_order(
    rows: list[tuple[str, str, int, int]], period: str | None
) -> None:
    columns = fold_columns(rows, period)  # type: ignore[arg-type]
    assert columns.rows() == _naive_fold(rows, period)
    assert len(columns.periods) == len(columns.groups) == len(columns.events) == len(columns.fatalities)


@given(rows=ROWS, period=st.sampled_from(["week", "month"]))
def test_rows_already_one_per_period_and_group_are_only_ordered(
    rows: list[tuple[str, str, int, int]], period: str
) -> None:
    """What the kept counts answer (one row per period and group) is ordered as a fold would order it."""
    once = summed(rows, period)  # type: ignore[arg-type]
    assert ordered_columns(once) == fold_columns(rows, period)  # type: ignore[arg-type]
    assert ordered_columns(list(reversed(once))) == ordered_columns(once)


def test_no_rows_are_empty_columns() -> None:
    assert fold_columns([], "week") == SeriesColumns((), (), (), ())
    assert SeriesColumns((), (), (), ()).rows() == []


def test_columns_keep_a_period_as_its_first_day_and_none_in_totals() -> None:
    weekly = fold_columns([("2021-03-03", "Riots", 1, 2), ("2021-03-07", "Riots", 2, 0)], "week")
    assert weekly == SeriesColumns(("2021-03-01",), ("Riots",), (3,), (2,))
    assert weekly.rows() == [SeriesRow(date(2021, 3, 1), "Riots", 3, 2)]
    totals = fold_columns([(None, "Riots", 1, 2), (None, "Battles", 4, 0)], None)
    assert totals.rows() == [SeriesRow(None, "Battles", 4, 0), SeriesRow(None, "Riots", 1, 2)]
