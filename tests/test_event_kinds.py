"""ACLED's kinds of event on SYNTHETIC sentences and one SYNTHETIC protest article written for these tests."""

from __future__ import annotations

import pytest

from sitrep.extract import extract
from sitrep.extract.type_triggers import KINDS
from sitrep.extract.types import classify
from sitrep.extract.typology import TYPOLOGY
from sitrep.ingest import parse_record

# One synthetic sentence per ACLED sub-event type, and for the kinds the wording alone cannot tell.
EXAMPLES = [
    # Battles
    ("Soldiers clashed with militants near the village on Monday.", "Battles", "Armed clash"),
    ("Militants attacked an army checkpoint west of the town.", "Battles", "Armed clash"),
    ("Police killed two militants and seized their rifles near the town.", "Battles", "Armed clash"),
    ("Iraqi forces retook the town of Baiji from the militants.", "Battles", "Government regains territory"),
    ("Militants overran the town of Hit on Sunday.", "Battles", "Non-state actor overtakes territory"),
    ("Militants laid siege to the army base near the town on Monday.", "Battles", "Armed clash"),
    ("Kurdish troops reclaimed the dam from the militants.", "Battles", "Government regains territory"),
    # Explosions/Remote violence
    ("Chlorine gas shells hit the front line near the town.", "Explosions/Remote violence", "Chemical weapon"),
    ("Coalition warplanes struck militant hideouts near the town.", "Explosions/Remote violence", "Air/drone strike"),
    ("An explosives-laden drone struck the air base on Tuesday.", "Explosions/Remote violence", "Air/drone strike"),
    ("Two drones attacked the airport, a spokesman said.", "Explosions/Remote violence", "Air/drone strike"),
    ("Near Baiji, three strikes destroyed a militant staging area.", "Explosions/Remote violence", "Air/drone strike"),
    ("Aircraft of the US-led coalition struck a militant hideout.", "Explosions/Remote violence", "Air/drone strike"),
    ("A suicide bomber blew himself up at a checkpoint.", "Explosions/Remote violence", "Suicide bomb"),
    ("Three mortar rounds landed near the base.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("A roadside bomb hit a minibus on the highway.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Gunmen blew up an electricity pylon near the town.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Militants bombed an oil pipeline south of the city.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("An explosive device detonated at an oil well.", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("A grenade was thrown at a shop in the market.", "Explosions/Remote violence", "Grenade"),
    # Violence against civilians
    ("Militants raped women held captive in the village.", "Violence against civilians", "Sexual violence"),
    ("Gunmen shot dead a shop owner in the market.", "Violence against civilians", "Attack"),
    ("Gunmen raided a farm and killed a shepherd.", "Violence against civilians", "Attack"),
    ("Militants executed 15 captured soldiers in the village.", "Violence against civilians", "Attack"),
    ("Gunmen kidnapped a contractor on his way home.", "Violence against civilians", "Abduction/forced disappearance"),
    # Protests
    ("Thousands of protesters gathered in the square on Friday.", "Protests", "Peaceful protest"),
    ("Several hundred people marched to the provincial council on Friday.", "Protests", "Peaceful protest"),
    ("Hundreds marched to the council, and police fired tear gas to stop them.", "Protests", "Protest with intervention"),
    ("Police used water cannon to disperse a few thousand young men who were protesting.", "Protests", "Protest with intervention"),
    ("Police fired tear gas to disperse demonstrators on the bridge.", "Protests", "Protest with intervention"),
    ("Police arrested 20 protesters outside the council building.", "Protests", "Protest with intervention"),
    ("Security forces opened fire on protesters, killing three.", "Protests", "Excessive force against protesters"),
    ("Snipers killed 20 protesters near the bridge.", "Protests", "Excessive force against protesters"),
    # Riots
    ("Protesters stormed and set fire to the party offices.", "Riots", "Violent demonstration"),
    ("Police clashed with demonstrators outside the consulate.", "Riots", "Violent demonstration"),
    ("A mob lynched a teenager in the square.", "Riots", "Mob violence"),
    ("Thousands of the cleric's supporters stormed the parliament building.", "Riots", "Violent demonstration"),
    ("Supporters of the factions smashed the embassy's reception area and set fire to its gates.", "Riots", "Violent demonstration"),
    # Strategic developments
    ("The two tribes signed a truce on Monday.", "Strategic developments", "Agreement"),
    ("Security forces arrested five suspects in the district.", "Strategic developments", "Arrests"),
    ("The army deployed reinforcements to the district.", "Strategic developments", "Change to group/activity"),
    ("The group announced its dissolution on Sunday.", "Strategic developments", "Change to group/activity"),
    ("Security forces found and defused an explosive device on the road.", "Strategic developments", "Disrupted weapons use"),
    ("A roadside bomb was defused by army engineers near the town.", "Strategic developments", "Disrupted weapons use"),
    ("Police seized a weapons cache containing rockets and mortar rounds.", "Strategic developments", "Disrupted weapons use"),
    ("Air defences shot down a drone over the airport.", "Strategic developments", "Disrupted weapons use"),
    ("Police arrested two men attempting to detonate a car bomb.", "Strategic developments", "Disrupted weapons use"),
    ("An attack on a liquor store was thwarted in the city.", "Strategic developments", "Disrupted weapons use"),
    ("Bomb attack on army checkpoint foiled north of the city", "Strategic developments", "Disrupted weapons use"),
    ("The militia set up a new base near the border crossing.", "Strategic developments", "Headquarters or base established"),
    ("Militants looted shops in the market.", "Strategic developments", "Looting/property destruction"),
    ("Foreign troops withdrew from the base and handed it over to the army.", "Strategic developments", "Non-violent transfer of territory"),
    ("Militants released 200 captives near the town.", "Strategic developments", "Other"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "event_type", "sub_event_type"), EXAMPLES)
def test_each_kind_of_event(sentence: str, event_type: str, sub_event_type: str) -> None:
    found = classify(sentence)
    assert found is not None and (found.event_type, found.sub_event_type) == (event_type, sub_event_type)


def test_every_sub_event_type_of_acled_has_an_example() -> None:
    assert {sub for _, _, sub in EXAMPLES} == {sub for subs in TYPOLOGY.values() for sub in subs}


def test_every_kind_is_in_the_typology() -> None:
    assert all(k.sub_event_type in TYPOLOGY[k.event_type] for _, k in KINDS)


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        # something went off: the act is reported, not the device found beside it
        (
            "A roadside bomb exploded near a patrol and a second device was defused nearby.",
            "Remote explosive/landmine/IED",
        ),
        ("Police threw stun grenades at the protesters.", "Protest with intervention"),
        ("A bomb exploded among protesters in the square, killing two.", "Remote explosive/landmine/IED"),
        ("Gunmen killed an activist who had taken part in the protests.", "Attack"),
        ("Two civilians were killed when militants fired on their car.", "Attack"),
        # the police who tell of it are not the ones attacked
        ("Gunmen killed two farmers near the town on Monday, police said.", "Attack"),
        ("Gunmen shot dead a shepherd, according to army officers.", "Attack"),
        ("Gunmen attacked an army checkpoint near the town, police said.", "Armed clash"),
        # who the victim was is not who was hit: "an elder who had helped recruit policemen"
        ("Two gunmen shot dead a tribal elder who had helped recruit policemen.", "Attack"),
        ("Gunmen shot dead two soldiers who were guarding a checkpoint.", "Armed clash"),
        # a crowd that marches, or gathers to demand, protests; one that gathers to celebrate does not
        ("In the two cities, thousands marched peacefully after Friday prayers.", "Peaceful protest"),
        (
            "Hundreds of widows gathered in front of the governor's office, demanding news of their sons.",
            "Peaceful protest",
        ),
        ("Militants seized full control of the town on Sunday.", "Non-state actor overtakes territory"),
        # a headline drops the verb: the armed men are still the ones hit
        ("3 policemen killed in terror attack near the town", "Armed clash"),
        ("Policeman Shot Dead Near the Town", "Armed clash"),
    ],
)
def test_who_acts_on_whom_decides(sentence: str, sub_event_type: str) -> None:
    found = classify(sentence)
    assert found is not None and found.sub_event_type == sub_event_type


PROTEST_ARTICLE = (
    "Protesters killed on Baghdad bridge (SYNTHETIC)\n\n"
    "Thousands of protesters gathered in Tahrir Square in Baghdad on Friday, demanding jobs and an end to "
    "corruption.\n\n"
    "Security forces fired live ammunition at demonstrators trying to cross a bridge in Baghdad on Friday, "
    "killing four protesters and wounding 60, medics said.\n\n"
    "In Nasiriyah, protesters stormed and set fire to the provincial council building on Saturday, police said."
)


@pytest.mark.slow
def test_a_protest_article_gives_protest_events() -> None:
    article = parse_record(
        {"id": "syn-protest", "title": "", "text": PROTEST_ARTICLE, "published": "2019-11-02"}, "t"
    )
    [extraction] = list(extract([article]))
    kinds = {(m.event_type, m.sub_event_type) for m in extraction.mentions}
    assert ("Protests", "Excessive force against protesters") in kinds
    assert ("Riots", "Violent demonstration") in kinds
    assert all(event_type in ("Protests", "Riots") for event_type, _ in kinds)
    lethal = next(m for m in extraction.mentions if m.sub_event_type == "Excessive force against protesters")
    assert lethal.fatalities == 4 and lethal.place is not None and lethal.place.admin1_code == "IQ-BG"


def test_a_crowd_that_gathers_to_celebrate_is_no_protest() -> None:
    assert classify("Hundreds of families gathered to celebrate Eid in the park.") is None


@pytest.mark.slow
def test_a_protest_in_two_cities_is_two_events() -> None:
    text = "In Karbala and Najaf, thousands marched peacefully on Friday, chanting against corruption."
    article = parse_record({"id": "syn-march", "title": "", "text": text, "published": "2019-10-26"}, "t")
    [extraction] = list(extract([article]))
    assert sorted(m.place.admin1_code for m in extraction.mentions if m.place) == ["IQ-KA", "IQ-NA"]
    assert {m.event_type for m in extraction.mentions} == {"Protests"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Two helicopters carrying fighters crashed in bad weather near the border, killing nine.",
        "A stampede at the stadium killed two fans.",
    ],
)
def test_deaths_no_one_inflicted_are_no_event(sentence: str) -> None:
    assert classify(sentence) is None


def test_an_attack_told_with_a_crash_is_still_an_attack() -> None:
    found = classify("Gunmen fired on a car, which crashed into a wall, killing the driver.")
    assert found is not None and found.event_type == "Violence against civilians"


def test_forces_that_thwart_an_armed_attack_fought_it_off() -> None:
    fought = classify("PMF fighters thwart an ISIS attack on their positions east of Rutba")
    assert fought is not None and (fought.event_type, fought.sub_event_type) == ("Battles", "Armed clash")
    stopped = classify("Security forces thwart a car bombing in Tal Afar")
    assert stopped is not None and stopped.sub_event_type == "Disrupted weapons use"
