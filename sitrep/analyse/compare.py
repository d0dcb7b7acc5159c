"""sitrep's extracted events beside a human-coded dataset's, per governorate and month.

Both sides are counted over the months both cover. Events are also matched one to one (same governorate,
dates at most `MATCH_DAYS` apart, nearest first), so "only one side has it" is said of events, not only
of governorate-months.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Event
from .series import monthly_series, months_between, placed

MATCH_DAYS = 1


@dataclass(frozen=True)
class CellComparison:
    admin1: str
    month: date
    ours_events: int
    ours_fatalities: int
    theirs_events: int
    theirs_fatalities: int


@dataclass(frozen=True)
class Comparison:
    first: date | None  # the months both sides cover (None: no overlap)
    last: date | None
    cells: tuple[CellComparison, ...]  # governorate-months where either side has an event
    ours_events: int  # placed events in the months compared
    theirs_events: int
    matched: int  # events paired one to one
    only_ours: int
    only_theirs: int
    cells_only_ours: int
    cells_only_theirs: int
    events_correlation: float | None  # Pearson, over every governorate-month either side has
    fatalities_correlation: float | None
    left_out: int  # events with no governorate or a date coarser than a month, or outside the months


def _pearson(xs: Sequence[int], ys: Sequence[int]) -> float | None:
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / (sxx * syy) ** 0.5 if sxx and syy else None


def _day(e: Event) -> date:
    assert e.event_date is not None  # only placed events are compared, and those have a date
    return e.event_date


def _match(ours: Sequence[Event], theirs: Sequence[Event]) -> int:
    """Pairs of one of ours and one of theirs in the same governorate, nearest dates first."""
    by_day: dict[tuple[str | None, date], list[int]] = {}
    for j, b in enumerate(theirs):
        by_day.setdefault((b.admin1, _day(b)), []).append(j)
    pairs = sorted(
        (abs(shift), i, j)
        for i, a in enumerate(ours)
        for shift in range(-MATCH_DAYS, MATCH_DAYS + 1)
        for j in by_day.get((a.admin1, _day(a) + timedelta(days=shift)), [])
    )
    used_ours: set[int] = set()
    used_theirs: set[int] = set()
    for _, i, j in pairs:
        if i not in used_ours and j not in used_theirs:
            used_ours.add(i)
            used_theirs.add(j)
    return len(used_ours)


def compare(ours: Sequence[Event], theirs: Sequence[Event]) -> Comparison:
    ours_placed = [e for e in ours if placed(e, "month")]
    theirs_placed = [e for e in theirs if placed(e, "month")]
    if not ours_placed or not theirs_placed:
        return Comparison(None, None, (), 0, 0, 0, 0, 0, 0, 0, None, None, len(ours) + len(theirs))
    first = max(min(_day(e) for e in side) for side in (ours_placed, theirs_placed))
    last = min(max(_day(e) for e in side) for side in (ours_placed, theirs_placed))
    months = months_between(first, last)
    if not months:
        return Comparison(None, None, (), 0, 0, 0, 0, 0, 0, 0, None, None, len(ours) + len(theirs))
    first, last = months[0], months[-1]

    def within(events: list[Event]) -> list[Event]:
        return [e for e in events if first <= _day(e).replace(day=1) <= last]

    ours_in, theirs_in = within(ours_placed), within(theirs_placed)
    mine = {s.admin1: s for s in monthly_series(ours_in, first, last)}
    other = {s.admin1: s for s in monthly_series(theirs_in, first, last)}
    cells = []
    for admin1 in sorted(set(mine) | set(other)):
        for i, month in enumerate(months):
            a = (mine[admin1].events[i], mine[admin1].fatalities[i]) if admin1 in mine else (0, 0)
            b = (other[admin1].events[i], other[admin1].fatalities[i]) if admin1 in other else (0, 0)
            if a[0] or b[0]:
                cells.append(CellComparison(admin1, month, a[0], a[1], b[0], b[1]))
    matched = _match(ours_in, theirs_in)
    return Comparison(
        first=first,
        last=last,
        cells=tuple(cells),
        ours_events=len(ours_in),
        theirs_events=len(theirs_in),
        matched=matched,
        only_ours=len(ours_in) - matched,
        only_theirs=len(theirs_in) - matched,
        cells_only_ours=sum(1 for c in cells if not c.theirs_events),
        cells_only_theirs=sum(1 for c in cells if not c.ours_events),
        events_correlation=_pearson([c.ours_events for c in cells], [c.theirs_events for c in cells]),
        fatalities_correlation=_pearson(
            [c.ours_fatalities for c in cells], [c.theirs_fatalities for c in cells]
        ),
        left_out=len(ours) + len(theirs) - len(ours_in) - len(theirs_in),
    )
