"""Prose about other things in the words of war: a congressman who speaks, a bill to be killed, troops in
training, a likeness to a famous siege, a row of headlines (SYNTHETIC articles written for sitrep: no real
report)."""

from __future__ import annotations

import pytest

from sitrep.extract.types import classify
from tests.synthetic import extraction_of


def _events(text: str, published: str = "2014-09-16") -> list[tuple[str, str]]:
    extraction = extraction_of(text, published, "syn-elsewhere")
    return [(m.sub_event_type, m.place.name if m.place else "") for m in extraction.mentions]


def test_a_speaker_named_like_a_hamlet_is_a_person_not_a_place() -> None:
    # "Hoyer" is spelled like a Ninewa hamlet (Hujar): the attack he speaks of has no place
    text = (
        "House leaders said they expect to pass the spending measure this week.\n\n"
        "Hoyer said Democrats will accept the nine-month extension of the export bank.\n\n"
        "Gunmen killed two guards at a checkpoint on Monday, Hoyer said, citing a briefing."
    )
    assert _events(text) == []


def test_a_bill_killed_in_quotes_is_no_attack() -> None:
    assert (
        classify("Hoyer said the short measure was a step to “eventually kill” the Export Bank altogether.")
        is None
    )
    assert classify("Gunmen “killed” the bank manager, his family said.") is not None


@pytest.mark.parametrize(
    "sentence",
    [
        # a purpose not yet achieved
        "Just outside Mosul, another 3,000 men, mostly police, are being trained to help retake Mosul.",
        # a likeness, in an article about somewhere else
        "Police in armoured trucks turned the streets of the suburb into a scene that looks more like the siege "
        "of Fallujah.",
        # a struggle with no day
        "Kurdish fighters and Christian volunteers have been struggling for some time trying to regain control "
        "of the village of Tel Kaif.",
        # a row of other stories' headlines, strung between bars
        "Senators urge platforms to act on fakes | Gunmen kill two in Baghdad market | Court hears appeal on "
        "budget | Mayor opens new bridge",
    ],
)
def test_words_of_war_that_report_no_incident(sentence: str) -> None:
    assert _events("The debate went on for a second day.\n\n" + sentence) == []


def test_the_mayor_of_a_town_who_speaks_leaves_the_town_a_place() -> None:
    text = (
        "SULAIMANI — Three people were killed when a drone struck a car near the resort in Sharbazher district "
        "on Thursday.\n\nThe mayor of Sharbazher told journalists that the victims were farmers."
    )
    assert _events(text, "2020-06-27") == [("Air/drone strike", "Sharbazher")]


def test_a_senators_title_in_the_headline_is_no_village() -> None:
    # "Sen." is spelled like a Wasit hamlet (Sane); the headline must not place the article's detentions
    extraction = extraction_of(
        "The order barred travellers from seven countries, including Iraq and Syria.\n\n"
        "Only 109 people out of 325,000 travellers were detained and held for questioning on Monday.",
        "2017-01-30",
        "syn-title",
        title="President takes aim at Sen. Marlow’s ‘fake tears’ in defense of travel order",
    )
    assert [m.place for m in extraction.mentions if m.place is not None] == []


def test_a_protest_in_a_quarter_of_a_named_city_is_one_event_at_the_quarter() -> None:
    text = "BAGHDAD — Several hundred men protested in Baghdad’s Shiite stronghold of Sadr City on Tuesday."
    assert _events(text, "2012-09-13") == [("Peaceful protest", "Şaddām City")]
