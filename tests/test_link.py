"""Linking reports of one incident across articles (synthetic reports throughout)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sitrep.config import Config
from sitrep.ingest import read_paths
from sitrep.link import Linker, compare, link_into
from sitrep.link.report import Report
from sitrep.model import Article, Evidence, Mention, Place
from sitrep.pipeline import extract_events

CORPUS = Path(__file__).parent / "fixtures" / "link_corpus.jsonl"


def _articles() -> list[Article]:
    return [a for a in read_paths([CORPUS], 10) if isinstance(a, Article)]


@pytest.mark.slow
def test_the_synthetic_corpus_is_linked_as_a_careful_coder_would() -> None:
    events = extract_events(_articles(), Config.from_env()).events
    groups = {frozenset(e.article_ids): e for e in events}
    karrada = groups[frozenset({"wire-karrada", "daily-karrada", "update-karrada", "roundup-week19"})]
    tarmiyah = groups[frozenset({"report-tarmiyah", "correction-tarmiyah"})]
    assert set(groups) == {
        frozenset(karrada.article_ids),
        frozenset(tarmiyah.article_ids),
        frozenset({"police-adhamiyah"}),  # same day, same city, another kind of attack
        frozenset({"bomb-zayouna"}),  # same day, same city, same kind: another neighbourhood
        frozenset({"shepherd-hawija", "roundup-week19"}),  # the roundup's second incident
    }
    # The toll rose from two to three; the correction brought five down to two.
    assert (karrada.fatalities, karrada.fatalities_low, karrada.fatalities_high) == (3, 2, 3)
    assert (tarmiyah.fatalities, tarmiyah.fatalities_low, tarmiyah.fatalities_high) == (2, 2, 5)
    assert karrada.event_date == date(2023, 5, 8)
    assert {s.outlet for s in karrada.sources} == {
        "Synthetic Wire",
        "Synthetic Daily",
        "Synthetic Times",
        "Synthetic Monitor",
    }
    assert len(karrada.links) == 4 and karrada.links[0].other_article_id is None


@pytest.mark.slow
def test_without_linking_each_report_is_its_own_event() -> None:
    events = extract_events(_articles(), Config.from_env(), link_reports=False).events
    assert all(len(e.article_ids) == 1 for e in events) and len(events) == 10


def _mention(article_id: str, **changes: object) -> Report:
    place = Place("Baqubah", "Iraq", "Diyala", "IQ-DI", None, 33.75, 44.64, 1, "PPLA", "p:baqubah", 51)
    m = Mention(
        article_id=article_id,
        index=0,
        event_date=date(2023, 5, 8),
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        actor1=None,
        actor2=None,
        place=place,
        fatalities=2,
        fatalities_low=2,
        fatalities_high=2,
        injured=0,
        evidence=(Evidence(article_id, 0, 10, "A bomb hit a market."),),
    )
    m = replace(m, **changes)  # type: ignore[arg-type]
    return Report(m, m.event_date, (), frozenset({"market", "explosive"}))


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"event_date": date(2023, 5, 14)}, "days apart"),
        ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, "Protests"),
        (
            {"place": Place("Basra", "Iraq", "Basrah", "IQ-BA", None, 30.5, 47.8, 1, "PPLA", "p:basra", 40)},
            "vs",
        ),
        ({"place_names": ("Zayouna",)}, "different places named"),
        ({"sub_event_type": "Air/drone strike"}, "Shelling/artillery/missile attack vs Air/drone strike"),
        ({"fatalities": 20, "fatalities_low": 20, "fatalities_high": 20}, "killed"),
    ],
)
def test_clearly_different_incidents_are_vetoed(changes: dict[str, object], reason: str) -> None:
    a = _mention(
        "a", place_names=("Karrada",), fatalities=6, sub_event_type="Shelling/artillery/missile attack"
    )
    b = _mention(
        "b",
        **{
            "fatalities": 6,
            "sub_event_type": "Shelling/artillery/missile attack",
            "place_names": ("Karrada",),
            **changes,
        },
    )
    c = compare(a, b)
    assert c.vetoed and reason in c.reasons[0]


def test_agreeing_reports_score_above_the_threshold() -> None:
    c = compare(_mention("a"), _mention("b"))
    assert not c.vetoed and c.score >= Linker([]).threshold


def test_grouping_cannot_chain_two_different_incidents_through_a_vague_report() -> None:
    # b names no village, so it matches both a (Karrada) and c (Zayouna); a and c must stay apart.
    a = _mention("a", place_names=("Karrada",))
    b = _mention("b")
    c = _mention("c", place_names=("Zayouna",))
    result = link_into([a, b, c])
    groups = sorted(sorted(e.article_ids for e in result.events))
    assert len(result.events) == 2, groups


def test_a_region_instead_of_a_place_must_hold_the_other_report_place() -> None:
    from sitrep.link.report import region_of

    south = region_of(("A US convoy was attacked in southern Iraq",))
    assert "IQ-BA" in south and "IQ-NI" not in south
    placeless = replace(_mention("a", place=None), region=south)
    basra = Place("Basra", "Iraq", "Basrah", "IQ-BA", None, 30.5, 47.8, 1, "PPLA", "p:basra", 40)
    mosul = Place("Mosul", "Iraq", "Ninewa", "IQ-NI", None, 36.3, 43.1, 1, "PPLA", "p:mosul", 47)
    assert (
        compare(placeless, _mention("b", place=basra)).score
        > compare(placeless, _mention("c", place=mosul)).score
    )
