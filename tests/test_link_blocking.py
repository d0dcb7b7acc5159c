"""Blocking: the pairs linking compares. Every report here is SYNTHETIC, written or generated for sitrep.

Blocking may leave out a pair only when `compare` would veto it (the day out of reach, two towns far
apart), or when a report with no place of its own has too many candidates to weigh them all.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.link import candidate_pairs, compare
from sitrep.link.block import LOOSE_CANDIDATES
from sitrep.link.report import Report
from sitrep.model import Evidence, Mention, Place


def _town(name: str, lat: float, lon: float, precision: int = 1, code: str = "IQ-DI") -> Place:
    return Place(name, "Iraq", "Diyala", code, None, lat, lon, precision, "PPL", f"p:{name}", 5)


BAQUBAH = _town("Baqubah", 33.75, 44.64)
PLACES = [
    BAQUBAH,
    _town("Khalis", 33.81, 44.53),  # 12 km from Baqubah
    _town("Buhriz", 33.70, 44.65),  # 6 km
    _town("Khalis district", 33.81, 44.53, precision=2),
    _town("Muqdadiyah", 33.98, 44.94),  # 37 km
    _town("Khanaqin", 34.35, 45.39),  # 95 km
    _town("Baladruz district", 33.70, 45.08, precision=2),
    _town("Diyala", 33.9, 45.0, precision=3),  # the governorate only
    Place("Taji", "Iraq", "Baghdad", "IQ-BG", None, 33.52, 44.27, 1, "PPL", "p:taji", 5),
    None,
]
TEXTS = ["A bomb hit a market.", "A policeman died of his wounds on Tuesday.", "Gunmen shot a shepherd."]


def _report(
    i: int,
    day: date | None,
    place: Place | None = BAQUBAH,
    precision: str = "day",
    text: str = TEXTS[0],
    lag: int = 0,
    states_day: bool = False,
    family: str = "Explosions/Remote violence",
    fatalities: int = 2,
    words: frozenset[str] = frozenset({"market", "explosive"}),
) -> Report:
    m = Mention(
        article_id=f"r{i}",
        index=0,
        event_date=day,
        date_precision=precision if day else None,
        event_type=family,
        sub_event_type="Remote explosive/landmine/IED" if family.startswith("Expl") else "Peaceful protest",
        actor1=None,
        actor2=None,
        place=place,
        fatalities=fatalities,
        fatalities_low=None,
        fatalities_high=None,
        injured=0,
        evidence=(Evidence(f"r{i}", 0, len(text), text),),
        field_evidence=(("event_date", 0),) if states_day else (),
    )
    published = (day or date(2023, 5, 6)) + timedelta(days=lag)
    return Report(m, published, (), words)


def _old_blocking(a: Report, b: Report) -> bool:
    """The pairs compared before blocking knew the vetoes: same kind and governorate within three days,
    and reports with no governorate or a vague date searched across governorates."""
    da, db = a.mention.event_date or a.published, b.mention.event_date or b.published
    if da is None or db is None or a.family != b.family:
        return False
    gap = abs((da - db).days)
    ca = a.mention.place.admin1_code if a.mention.place else None
    cb = b.mention.place.admin1_code if b.mention.place else None

    def window(r: Report, code: str | None) -> int:
        if r.mention.date_precision not in (None, "day"):
            return 7
        return 3 if not code else 0

    return (bool(ca) and ca == cb and gap <= 3) or gap <= max(window(a, ca), window(b, cb))


def _check(reports: list[Report]) -> tuple[int, int]:
    """Blocking yields each pair once, only pairs the old blocking compared, and all of those that
    `compare` does not veto. Returns (pairs yielded, pairs left out)."""
    pairs = list(candidate_pairs(reports))
    assert len(pairs) == len(set(pairs))
    old = {(i, j) for i, j in combinations(range(len(reports)), 2) if _old_blocking(reports[i], reports[j])}
    assert set(pairs) <= old
    for i, j in sorted(old - set(pairs)):
        c = compare(reports[i], reports[j])
        assert c.vetoed, (reports[i].mention, reports[j].mention, c.reasons)
    return len(pairs), len(old - set(pairs))


def test_blocking_leaves_out_only_pairs_a_veto_rules_out() -> None:
    rows = [(p, "day", TEXTS[0]) for p in PLACES]
    rows += [(BAQUBAH, "week", TEXTS[0]), (BAQUBAH, "day", TEXTS[1]), (None, "month", TEXTS[0])]
    reports = [
        _report(i, date(2023, 5, 1 + i % 9), place=place, precision=precision, text=text, lag=i % 2)
        for i, (place, precision, text) in enumerate(rows * 3)
    ]
    kept, left_out = _check(reports)
    assert kept and left_out  # the test exercises both sides


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.integers(0, 10)),
            st.sampled_from(PLACES),
            st.sampled_from(["day", "day", "day", "week", "month"]),
            st.sampled_from(TEXTS),
            st.integers(0, 3),
            st.booleans(),
            st.sampled_from(["Explosions/Remote violence", "Protests"]),
        ),
        max_size=30,
    )
)
def test_blocking_keeps_every_pair_compare_does_not_veto(rows: list[tuple]) -> None:  # type: ignore[type-arg]
    reports = [
        _report(
            i,
            date(2023, 5, 1) + timedelta(days=day) if day is not None else None,
            place,
            precision,
            text,
            lag,
            states,
            family,
        )
        for i, (day, place, precision, text, lag, states, family) in enumerate(rows)
    ]
    _check(reports)


def test_places_far_apart_are_not_compared_and_near_ones_are() -> None:
    day = date(2023, 5, 8)
    near = [PLACES[2], PLACES[3]]  # Buhriz, a town 6 km away; the district of Khalis, 12 km
    far = [PLACES[1], PLACES[4]]  # Khalis, another town 12 km away; Muqdadiyah, 37 km
    pairs = set(candidate_pairs([_report(i, day, place=p) for i, p in enumerate([BAQUBAH, *near, *far])]))
    assert {(0, 1), (0, 2)} <= pairs and not {(0, 3), (0, 4)} & pairs


def test_stated_days_two_apart_are_not_compared_unless_one_is_late_news() -> None:
    first = _report(0, date(2023, 5, 8), states_day=True)
    later = _report(1, date(2023, 5, 10), states_day=True)
    late = _report(2, date(2023, 5, 10), text=TEXTS[1], states_day=True)
    pairs = set(candidate_pairs([first, later, late]))
    assert (0, 1) not in pairs and (0, 2) in pairs


def test_a_governorate_only_report_in_a_dense_governorate_meets_the_reports_most_like_it() -> None:
    day = date(2023, 5, 8)
    others = [
        _report(i, day, place=PLACES[i % 5], fatalities=1, words=frozenset({"checkpoint", "army"}))
        for i in range(3 * LOOSE_CANDIDATES)
    ]
    its_incident = _report(len(others), day, place=PLACES[5], fatalities=4)  # market bomb, 4 killed
    loose = _report(len(others) + 1, day, place=PLACES[7], fatalities=4)  # Diyala only
    with_loose = [p for p in candidate_pairs([*others, its_incident, loose]) if len(others) + 1 in p]
    assert len(with_loose) == LOOSE_CANDIDATES
    assert (len(others), len(others) + 1) in with_loose
