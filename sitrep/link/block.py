"""Blocking: the pairs of reports worth comparing, without comparing all pairs.

Reports are compared only within one kind of event (violence, demonstration, strategic) and one
governorate; a report that names no governorate, or gives only a week or month, is also searched for
across governorates on nearby days. Inside a governorate, three rules keep the pairs few as reports
grow dense — the first two drop only pairs that `veto` would rule out anyway:

- dates: two reports are paired only when one reaches the other's day (`days_reach`): a day stated or
  published reaches the day before and after; late news and vague dates reach further;
- places: two reports that both give a town or district are paired only when they lie within
  `NEAR_KM` of each other, looked for in a grid of `NEAR_KM` cells in three dimensions (places within
  `NEAR_KM` on the globe are within it on the chord, so never more than one cell apart on any axis);
- a report that gives only its governorate (or no place) could be any incident of its governorate's
  days; where that is more than `LOOSE_CANDIDATES` reports with a place, it is compared with the ones
  most like it (the same day first, then the same kind, toll and words), not with all of them.

Each pair is yielded once, and no set of pairs is held.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..geo.distance import EARTH_RADIUS_KM
from .report import Report
from .vetoes import MAX_DAYS_APART, NEAR_KM, days_reach

VAGUE_WINDOW = 7  # days searched around a report dated only to a week or month
# Reports with a place a report giving only its governorate is compared with, at most. A governorate
# rarely holds this many reports within a few days; a dense one (a million reports a year) does.
LOOSE_CANDIDATES = 100

Cell = tuple[int, int, int]
Point = tuple[float, float, float]


def day_of(r: Report) -> int | None:
    d = r.mention.event_date or r.published
    return d.toordinal() if d else None


def _point(r: Report) -> Point | None:
    """Where a report's town or district lies, in km on the globe's chord (None for a governorate or no
    place). The chord is never longer than the great circle: places within `NEAR_KM` stay within it."""
    p = r.mention.place
    if p is None or p.geo_precision >= 3:
        return None
    lat, lon = math.radians(p.latitude), math.radians(p.longitude)
    return (
        EARTH_RADIUS_KM * math.cos(lat) * math.cos(lon),
        EARTH_RADIUS_KM * math.cos(lat) * math.sin(lon),
        EARTH_RADIUS_KM * math.sin(lat),
    )


def _cell(p: Point) -> Cell:
    x, y, z = (math.floor(c / NEAR_KM) for c in p)
    return (x, y, z)


def _near_enough(a: Point, b: Point) -> bool:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2 <= NEAR_KM**2


def _near(c: Cell) -> list[Cell]:
    x, y, z = c
    return [(x + a, y + b, z + d) for a in (-1, 0, 1) for b in (-1, 0, 1) for d in (-1, 0, 1)]


@dataclass
class _Block:
    """The reports of one kind of event in one governorate, by day."""

    by_day: dict[int, list[int]]
    day: dict[int, int]
    reach: dict[int, int]
    point: dict[int, Point | None]


def _affinity(a: Report, b: Report) -> int:
    """A cheap likeness of two reports, to choose whom a loose report is compared with: the same kind,
    the same toll, the words shared."""
    ma, mb = a.mention, b.mention
    same_kind = int(ma.sub_event_type == mb.sub_event_type)
    same_toll = int(ma.fatalities == mb.fatalities and ma.fatalities > 0)
    return same_kind + same_toll + len(a.words & b.words)


def _placed_pairs(b: _Block) -> Iterator[tuple[int, int]]:
    """Pairs of reports that both give a town or district: near in place, and one reaching the other."""
    # Reports seen so far, by how far they reach, day and cell: each pair is found once, by the later.
    seen: dict[int, dict[int, dict[Cell, list[int]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for day in sorted(b.by_day):
        for i in b.by_day[day]:
            at = b.point[i]
            if at is None:
                continue
            cell = _cell(at)
            near = _near(cell)
            for reach, by_day in seen.items():
                for d in range(day - max(reach, b.reach[i]), day + 1):
                    cells = by_day.get(d)
                    if not cells:
                        continue
                    for c in near:
                        for j in cells.get(c, ()):
                            if _near_enough(at, b.point[j] or at):
                                yield (min(i, j), max(i, j))
            seen[b.reach[i]][day][cell].append(i)


def _loose_pairs(b: _Block, reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
    """Pairs holding a report that gives only its governorate or no place: with every other such report,
    and with the reports with a place most like it (all of them where they are few)."""
    for i, day in b.day.items():
        if b.point[i] is not None:
            continue
        placed: list[tuple[int, int]] = []  # (days apart, j)
        for d in range(day - MAX_DAYS_APART, day + MAX_DAYS_APART + 1):
            for j in b.by_day.get(d, ()):
                gap = abs(d - day)
                if j == i or gap > max(b.reach[i], b.reach[j]):
                    continue
                if b.point[j] is not None:
                    placed.append((gap, j))
                elif (d, j) < (day, i):  # two loose reports: paired once, by the later
                    yield (min(i, j), max(i, j))
        if len(placed) > LOOSE_CANDIDATES:
            r = reports[i]
            placed = heapq.nsmallest(
                LOOSE_CANDIDATES, placed, key=lambda gj: (gj[0], -_affinity(r, reports[gj[1]]), gj[1])
            )
        for _, j in placed:
            yield (min(i, j), max(i, j))


def candidate_pairs(reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
    """Index pairs worth comparing, each once (see the module's rules)."""
    blocks: dict[tuple[str, str], _Block] = {}
    by_family: dict[str, list[tuple[int, int]]] = defaultdict(list)
    code_of: dict[int, str | None] = {}
    window_of: dict[int, int] = {}  # loose reports: days to search across governorates
    for i, r in enumerate(reports):
        day = day_of(r)
        if day is None:
            continue
        by_family[r.family].append((day, i))
        place = r.mention.place
        code_of[i] = code = place.admin1_code if place else None
        if code:
            b = blocks.setdefault((r.family, code), _Block(defaultdict(list), {}, {}, {}))
            b.by_day[day].append(i)
            b.day[i], b.reach[i], b.point[i] = day, days_reach(r), _point(r)
        vague = r.mention.date_precision not in (None, "day")
        if not code or vague:
            window_of[i] = VAGUE_WINDOW if vague else MAX_DAYS_APART
    for b in blocks.values():
        yield from _placed_pairs(b)
        yield from _loose_pairs(b, reports)
    yield from _across_governorates(reports, by_family, code_of, window_of)


def _across_governorates(
    reports: Sequence[Report],
    by_family: dict[str, list[tuple[int, int]]],
    code_of: dict[int, str | None],
    window_of: dict[int, int],
) -> Iterator[tuple[int, int]]:
    """Pairs holding a report with no governorate or a vague date, searched across the whole family; a
    pair the governorate's block already weighed is skipped."""
    for items in by_family.values():
        items.sort()
    days = {f: [d for d, _ in items] for f, items in by_family.items()}
    for i, window in window_of.items():
        day, fam = day_of(reports[i]) or 0, reports[i].family
        lo, hi = bisect_left(days[fam], day - window), bisect_right(days[fam], day + window)
        for other_day, j in by_family[fam][lo:hi]:
            if j == i or (j in window_of and (window_of[j], i) > (window, j)):
                continue  # the other loose report's own search yields this pair (the wider, else the first)
            if code_of[i] and code_of[i] == code_of[j] and abs(other_day - day) <= MAX_DAYS_APART:
                continue  # the governorate's block already weighed them
            yield (min(i, j), max(i, j))
