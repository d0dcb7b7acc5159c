"""Blocking: the pairs of reports worth comparing, without comparing all pairs.

Reports are compared only within one kind of event (violence, demonstration, strategic) and one
governorate; a report that names no governorate, or gives only a week or month, is also searched for
across governorates on nearby days. Inside a governorate, three rules keep the pairs few as reports
grow dense — the first two drop only pairs that `veto` would rule out anyway:

- dates: two reports are paired only when one reaches the other's day (`days_reach`): a day stated or
  published reaches the day before and after; late news and vague dates reach further;
- places: two reports that both give a town or district are paired only when they lie within
  `NEAR_KM` of each other (two different towns: within `TOWNS_APART_KM`), looked for in a grid of
  `NEAR_KM` cells in three dimensions (places within `NEAR_KM` on the globe are within it on the
  chord, so never more than one cell apart on any axis);
- a report that gives only its governorate could be any incident of its governorate's days; where that
  is more than `LOOSE_CANDIDATES` reports with a town or district, it is compared with the ones most
  like it (the same kind and toll, then the same kind or toll; nearer days first), not with all.

Each pair is yielded once, and no set of pairs is held.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..geo.distance import EARTH_RADIUS_KM
from .report import Report
from .vetoes import MAX_DAYS_APART, NEAR_KM, TOWNS_APART_KM, days_reach

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


def _near_enough(a: Report, b: Report, pa: Point, pb: Point) -> bool:
    """The two places lie near enough to be one incident's, as `veto` judges them: two different towns
    within `TOWNS_APART_KM`, else within `NEAR_KM`."""
    ma, mb = a.mention.place, b.mention.place
    assert ma is not None and mb is not None
    towns = ma.geo_precision == 1 and mb.geo_precision == 1 and ma.place_id != mb.place_id
    km = TOWNS_APART_KM if towns else NEAR_KM
    return (pa[0] - pb[0]) ** 2 + (pa[1] - pb[1]) ** 2 + (pa[2] - pb[2]) ** 2 <= km**2


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


def _placed_pairs(b: _Block, reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
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
                            if _near_enough(reports[i], reports[j], at, b.point[j] or at):
                                yield (min(i, j), max(i, j))
            seen[b.reach[i]][day][cell].append(i)


Likeness = tuple[str, int]  # a report's kind of event and toll of dead


def _likeness(r: Report) -> Likeness:
    return (r.mention.sub_event_type, r.mention.fatalities)


def _loose_pairs(b: _Block, reports: Sequence[Report]) -> Iterator[tuple[int, int]]:
    """Pairs holding a report that gives only its governorate or no place: with every other such report,
    and with the reports with a place most like it (all of them where they are few)."""
    # The block's reports by how far they reach and day; the placed ones also by kind and toll.
    placed: dict[int, dict[int, dict[Likeness, list[int]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    loose: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, day in b.day.items():
        if b.point[i] is None:
            loose[b.reach[i]][day].append(i)
        else:
            placed[b.reach[i]][day][_likeness(reports[i])].append(i)
    for reach, by_day in list(loose.items()):
        for day, members in list(by_day.items()):
            for i in members:
                yield from _pairs_of_loose(i, day, reach, placed, loose, _likeness(reports[i]))


def _pairs_of_loose(
    i: int,
    day: int,
    reach: int,
    placed: dict[int, dict[int, dict[Likeness, list[int]]]],
    loose: dict[int, dict[int, list[int]]],
    like: Likeness,
) -> Iterator[tuple[int, int]]:
    for other_reach, by_day in loose.items():
        days = max(reach, other_reach)
        for d in range(day - days, day + 1):
            for j in by_day.get(d, ()):
                if (d, j) < (day, i):  # two loose reports: paired once, by the later
                    yield (j, i) if j < i else (i, j)
    # Placed reports in reach: the same kind and toll first, then the same kind or toll, then the rest;
    # nearer days first within each.
    tiers: tuple[list[tuple[int, list[int]]], ...] = ([], [], [])
    for other_reach, by_likeness in placed.items():
        days = max(reach, other_reach)
        for d in range(day - days, day + days + 1):
            for key, members in by_likeness.get(d, {}).items():
                tiers[2 - (key[0] == like[0]) - (key[1] == like[1])].append((abs(d - day), members))
    budget = LOOSE_CANDIDATES
    for tier in tiers:
        for _, members in sorted(tier, key=lambda gap_members: gap_members[0]):
            for j in members[:budget]:
                yield (j, i) if j < i else (i, j)
            budget -= min(budget, len(members))
            if not budget:
                return


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
        yield from _placed_pairs(b, reports)
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
