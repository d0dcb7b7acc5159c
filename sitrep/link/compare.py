"""Whether two reports describe one incident: a score from features a careful coder weighs, and vetoes.

Each feature adds evidence for or against (in log-odds-like points): the date gap, the distance between
the places (or one place containing the other), the event types, the counts of dead and wounded, the
actors, and the words the reports share about the target ("army post", "liquor store", "watchtower").
A veto ("cannot link") marks two reports that are clearly different incidents — different towns far
apart, different governorates, dates days apart, a protest and a bombing — so grouping never chains
them together through a third report.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..geo.distance import km_between
from ..model import Mention
from .report import ARMED_VICTIMS, Report
from .vetoes import VAGUE_KINDS, days_apart, veto

_CITY = 30  # gazetteer importance of a city: sharing it says less than sharing a village


@dataclass(frozen=True)
class Comparison:
    score: float
    vetoed: bool
    reasons: tuple[str, ...]


def _km(a: Mention, b: Mention) -> float | None:
    if a.place is None or b.place is None:
        return None
    return km_between((a.place.latitude, a.place.longitude), (b.place.latitude, b.place.longitude))


def word_weights(reports: Sequence[Report]) -> dict[str, float]:
    """Inverse document frequency over the reports being linked: 'liquor' says more than 'convoy'."""
    df = Counter(w for r in reports for w in r.words)
    n = len(reports)
    return {w: math.log(1 + n / k) for w, k in df.items()}


def _shared_words(
    a: Report, b: Report, weights: Mapping[str, float], rank: bool = True
) -> tuple[float, list[str]]:
    """Weighted cosine of the two reports' word sets (0 to 1) and the words shared, rarest first."""
    shared = a.words & b.words

    def weight(ws: frozenset[str]) -> float:
        return sum(weights.get(w, 1.0) for w in ws)

    norm = math.sqrt(weight(a.words) * weight(b.words))
    ranked = sorted(shared, key=lambda w: (-weights.get(w, 1.0), w)) if rank else []
    return (weight(shared) / norm if norm else 0.0), ranked


# A reason's kind, counted by `benchmarks/link_reasons.py`: what the two reports agree or differ on.
ReasonKind = Literal["date", "place", "type", "killed", "wounded", "names", "victims", "actors", "words"]
Points = tuple[float, ReasonKind, str]


def _date_points(a: Report, b: Report) -> Points | None:
    days = days_apart(a.mention, b.mention)
    if days is None:
        return None
    points = {0: 1.0, 1: 0.5, 2: -0.4}.get(days, -1.2)
    if days and (a.late_news or b.late_news):
        points = max(points, 0.3)
    return (
        points,
        "date",
        f"{days} day(s) apart" + (" (late news)" if days and (a.late_news or b.late_news) else ""),
    )


def _place_points(a: Report, b: Report, km: float | None) -> Points | None:
    pa, pb = a.mention.place, b.mention.place
    if pa is not None and pb is not None:
        km = km or 0.0
        if pa.place_id and pa.place_id == pb.place_id and pa.geo_precision < 3:
            return (0.6 if pa.importance >= _CITY else 1.5), "place", f"same place ({pa.name})"
        if pa.geo_precision == 3 or pb.geo_precision == 3:
            if pa.admin1_code == pb.admin1_code and pa.geo_precision == pb.geo_precision:
                return (
                    0.3,
                    "place",
                    f"both give only the governorate ({pa.admin1})",
                )  # they agree on all they say
            if pa.admin1_code == pb.admin1_code:
                return 0.0, "place", f"one report gives only the governorate ({pa.admin1})"
            return None
        points = 1.2 if km <= 5 else 0.7 if km <= 15 else -0.3
        return points, "place", f"places {km:.0f} km apart"
    if (pa or pb) and (a.region or b.region):
        placed, region = (pa or pb), (a.region or b.region)
        inside = placed is not None and placed.admin1_code in region
        name = placed.admin1 if placed else ""
        return (
            (0.3, "place", f"the region one report gives holds {name}")
            if inside
            else (
                -1.0,
                "place",
                f"the region one report gives excludes {name}",
            )
        )
    if pa is None and pb is None:
        return -0.3, "place", "neither report names a place"
    return -0.8, "place", "one report names no place"


def _type_points(ma: Mention, mb: Mention) -> Points:
    if ma.sub_event_type == mb.sub_event_type:
        return 0.8, "type", f"both {ma.sub_event_type}"
    if {ma.sub_event_type, mb.sub_event_type} & VAGUE_KINDS:
        return 0.2, "type", f"{ma.sub_event_type} / {mb.sub_event_type}: one report only says attack or clash"
    if ma.event_type == mb.event_type:
        return 0.3, "type", f"both {ma.event_type}"
    return -0.3, "type", f"{ma.sub_event_type} vs {mb.sub_event_type}"


def _count_points(ma: Mention, mb: Mention) -> list[Points]:
    found: list[Points] = []
    fa, fb = ma.fatalities, mb.fatalities
    if fa and fb:
        # The same toll says more the larger it is: many incidents kill one or two.
        same = 0.3 if fa <= 2 else 0.6 if fa < 10 else 1.0
        found.append(((same if fa == fb else -0.3), "killed", f"{fa} and {fb} killed"))
    ia, ib = ma.injured, mb.injured
    if ia and ib:
        found.append(((0.4 if ia == ib else -0.3), "wounded", f"{ia} and {ib} wounded"))
    return found


def _who_points(a: Report, b: Report) -> list[Points]:
    found: list[Points] = []
    ma, mb = a.mention, b.mention
    if ma.place_names and mb.place_names:
        found.append((0.5, "names", f"both name {', '.join(ma.place_names)}"))
    if a.victims & b.victims:
        found.append((0.3, "victims", f"both hit {', '.join(sorted(a.victims & b.victims))}"))
    elif a.victims and b.victims:
        named = ", ".join(sorted(a.victims | b.victims))
        # Headlines confuse forces ("US military convoy" for a coalition one); two full accounts do not.
        if (a.victims | b.victims) <= ARMED_VICTIMS and not (a.full_account and b.full_account):
            found.append((-0.2, "victims", f"different forces named: {named}"))
        else:
            found.append((-1.0, "victims", f"different victims: {named}"))
    a1, b1 = ma.actor1, mb.actor1
    if a1 and b1 and "Unidentified" not in a1.name + b1.name:
        found.append(((0.2 if a1.name == b1.name else -0.8), "actors", f"actors {a1.name} / {b1.name}"))
    return found


def compare(
    a: Report, b: Report, weights: Mapping[str, float] | None = None, explain: bool = True
) -> Comparison:
    """Score two reports. Without `explain` no reasons are written (linking many reports is faster)."""
    distance = _km(a.mention, b.mention)  # once, for the veto and the score
    why_not = veto(a, b, distance)
    if why_not:
        return Comparison(-math.inf, True, (why_not,))
    ma, mb = a.mention, b.mention
    found = [
        _date_points(a, b),
        _place_points(a, b, distance),
        _type_points(ma, mb),
        *_count_points(ma, mb),
        *_who_points(a, b),
    ]
    if a.words and b.words:
        similarity, shared = _shared_words(a, b, weights or {}, explain)
        found.append(
            (round(2.5 * similarity - 0.4, 1), "words", f"shared words: {', '.join(shared[:6]) or 'none'}")
        )
    points = [f for f in found if f is not None]
    score = sum(p for p, _, _ in points)
    why = tuple(f"{p:+.1f} {kind}: {text}" for p, kind, text in points) if explain else ()
    return Comparison(score, False, why)
