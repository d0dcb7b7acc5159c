"""Rules that keep whole articles from inventing incidents, or missing them. Every text is SYNTHETIC."""

from __future__ import annotations

import pytest

from sitrep.config import Config
from sitrep.extract.counts import count_casualties
from sitrep.ingest import parse_record
from sitrep.model import Event
from sitrep.pipeline import extract_events


def _events(
    text: str, title: str = "Synthetic report", published: str = "2021-03-15"
) -> tuple[list[Event], set[str]]:
    article = parse_record({"id": "r-1", "title": title, "text": text, "published": published}, "r-1")
    found = extract_events([article], Config.from_env())
    return found.events, {c.kind for c in found.claims}


def test_nominal_tolls() -> None:
    killed = count_casualties("the killing of up to 300 soldiers after militants overran the base").killed
    assert killed is not None and killed.best == 300
    killed = count_casualties("the deaths of three policemen in Mosul").killed
    assert killed is not None and killed.best == 3
    assert count_casualties("the killing of the commander").killed is None


@pytest.mark.slow
def test_a_city_abroad_is_not_a_village_at_home() -> None:
    events, kinds = _events(
        "Iraq's foreign minister spoke in Baghdad on Monday about the war next door.\n\n"
        "A car bomb killed nine people in the city of Homs on Sunday, monitors said."
    )
    assert not events and "abroad" in kinds


@pytest.mark.slow
def test_a_takeover_is_an_incident() -> None:
    events, _ = _events(
        "Militants overran the town of Hit in Anbar province on Saturday, officials said.\n\n"
        "Residents fled towards Ramadi."
    )
    assert [(e.sub_event_type, e.admin1_code) for e in events] == [
        ("Non-state actor overtakes territory", "IQ-AN")
    ]


@pytest.mark.slow
def test_a_year_is_no_date_for_an_incident() -> None:
    events, kinds = _events(
        "Officials in Mosul said on Monday that the city was calm.\n\n"
        "Tal Afar and Hatra, both towns recaptured last year from the militants, are quiet.",
        published="2021-03-15",
    )
    assert not events and "history" in kinds


@pytest.mark.slow
def test_a_trial_and_a_condemnation_are_not_incidents() -> None:
    events, kinds = _events(
        "A court in Baghdad sentenced two men to death on Sunday for the killing of a judge.\n\n"
        "The United Nations condemned the attack on the judge in Basra.",
    )
    assert not events and "reaction" in kinds


@pytest.mark.slow
def test_one_victim_killed_at_a_named_town() -> None:
    events, _ = _events(
        "Gunmen killed the mayor at his home in Tuz Khurmatu on Thursday, police said.\n\n"
        "The mayor had received threats for months, his family said."
    )
    assert [(e.admin1_code, e.fatalities) for e in events] == [("IQ-SD", 1)]


@pytest.mark.slow
def test_territory_taken_in_two_towns_is_two_events() -> None:
    events, _ = _events(
        "Militants seized control of Fallujah and parts of Ramadi on Saturday, officials said.\n\n"
        "Thousands of families fled."
    )
    assert sorted(e.location or "" for e in events) == ["Fallujah", "Ramadie"]  # the gazetteer's spelling
    assert len({e.event_id for e in events}) == 2


@pytest.mark.slow
def test_an_act_dated_by_its_year_dates_the_telling_that_follows() -> None:
    """ "one 2007 attack ... In a brazen attack, gunmen ...": history told by the year before it, not news."""
    events, kinds = _events(
        "Iraqi families sued the banks on Monday over attacks in Iraq.\n\n"
        "The lawsuit details one 2007 attack in Iraq by militants trained abroad.\n\n"
        "In a brazen attack at a police centre near Hillah, gunmen opened fire and threw grenades at the guards.",
        published="2014-11-11",
    )
    assert events == [] and "history" in kinds
