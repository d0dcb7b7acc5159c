"""An article must be set in Iraq before it can give Iraqi events; towns abroad named by their American
state are abroad. Every text is SYNTHETIC, written for sitrep."""

from __future__ import annotations

import pytest

from sitrep.config import Config
from sitrep.ingest import parse_record
from sitrep.model import Event
from sitrep.pipeline import extract_events


def _events(text: str, title: str = "Synthetic report") -> tuple[list[Event], list[str]]:
    article = parse_record({"id": "f-1", "title": title, "text": text, "published": "2019-08-09"}, "f-1")
    found = extract_events([article], Config.from_env())
    return found.events, [c.kind for c in found.claims]


@pytest.mark.slow
def test_an_article_that_never_names_iraq_gives_no_iraqi_event() -> None:
    # Nothing here is in Iraq, but spelling variants of its words name Iraqi villages.
    events, kinds = _events(
        "A gunman killed 22 people on Saturday morning at a supermarket in El Paso, the police said.\n\n"
        "Lawmakers on Capitol Hill and at the White House said on Monday that the attack must be the last.",
        title="Gunman kills 22 at a supermarket",
    )
    assert events == []
    assert "abroad" in kinds


@pytest.mark.slow
def test_a_district_named_in_a_variant_spelling_sets_a_headline_in_iraq() -> None:
    events, _ = _events(
        "Gunmen attack a checkpoint in Amiriya district",
        title="Gunmen attack a checkpoint in Amiriya district",
    )
    assert [e.admin1 for e in events] == ["Al Anbar"]


@pytest.mark.slow
def test_an_iraqi_force_sets_a_report_in_iraq() -> None:
    with_force, _ = _events("Two PMF fighters were wounded in an attack near Tarmiyah on Sunday.")
    assert len(with_force) == 1


@pytest.mark.slow
def test_a_town_named_by_its_american_state_is_abroad() -> None:
    events, kinds = _events(
        "Iraqi officials condemned the attacks of the week.\n\n"
        "A roadside bomb killed three soldiers near Tarmiyah on Wednesday, the army said.\n\n"
        "On Thursday a gunman shot dead 14 people in San Bernardino, Calif., the police said."
    )
    assert [(e.location, e.fatalities) for e in events] == [("At Tarmiyah", 3)]
    assert "abroad" in kinds
