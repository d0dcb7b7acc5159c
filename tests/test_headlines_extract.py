"""Headline-only records: the shapes English news headlines take (a kicker before a colon, a dropped "was",
a toll as a noun, common misspellings), each read as the incident it tells. SYNTHETIC: every headline
here was written for sitrep; none is a real report."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract import extract
from sitrep.extract.actors import IS, attribute
from sitrep.extract.counts import count_casualties
from sitrep.extract.spelling import standard_spelling
from sitrep.extract.types import classify
from sitrep.model import Article, Mention

PUBLISHED = date(2021, 2, 10)


def _mentions(headline: str) -> tuple[Mention, ...]:
    article = Article(
        id="synthetic:h", title=headline, text=headline, outlet=None, url=None, published=PUBLISHED
    )
    return next(iter(extract([article]))).mentions


def _one(headline: str) -> Mention:
    found = _mentions(headline)
    assert len(found) == 1, found
    return found[0]


def test_a_kicker_before_the_colon_leaves_a_headline() -> None:
    m = _one("Open Season: Two More US-led Army Convoys Attacked In Iraq")
    assert m.sub_event_type == "Attack"


def test_a_kicker_that_names_the_place_places_the_headline() -> None:
    m = _one("In Pictures: Roadside bomb hits an army patrol, Kirkuk")
    assert m.place is not None and m.place.admin1 == "Kirkuk"


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Army patrol targetted near Tikrit", "Army patrol targeted near Tikrit"),
        ("Targetting a supply convoy", "Targeting a supply convoy"),
        ("A millitary convoy attaked in Basra", "A military convoy attacked in Basra"),
        ("Militants atacked a checkpoint", "Militants attacked a checkpoint"),
        ("The attack targeted the base", "The attack targeted the base"),
    ],
)
def test_common_misspellings_are_read_as_meant(written: str, meant: str) -> None:
    assert standard_spelling(written) == meant


def test_a_misspelt_act_still_makes_an_incident() -> None:
    m = _one("Supply convoy targetted in Iraq's Wasit Province")
    assert m.sub_event_type == "Attack"
    assert m.place is not None and m.place.admin1 == "Wasit"


@pytest.mark.parametrize(
    "headline",
    ["Gunmen Blow Up Bridge In Anbar", "Militia Blows Up Fuel Tanker Near Baiji"],
)
def test_blow_up_in_the_present_is_an_explosion(headline: str) -> None:
    assert _one(headline).sub_event_type == "Remote explosive/landmine/IED"


def test_trying_to_blow_up_stays_disrupted() -> None:
    kind = classify("Militants tried to blow up a bridge in Anbar")
    assert kind is not None and kind.sub_event_type == "Disrupted weapons use"


def test_a_side_named_with_a_country_is_no_place_abroad() -> None:
    """'Syria-backed', 'US-led' say whose side an actor is on; the headline is not set abroad."""
    m = _one("Syria-Backed Gunmen Blow Up Truck, Then Post Video")
    assert m.sub_event_type == "Remote explosive/landmine/IED"
    assert m.place is None


def test_a_toll_as_a_noun_is_an_incident_with_its_dead() -> None:
    m = _one("4 deaths of Peshmerga in Makhmour")
    assert m.fatalities == 4
    assert m.event_type == "Battles"
    assert m.actor2 is not None and m.actor2.name == "Military Forces of Iraq (Peshmerga)"


def test_deaths_told_as_history_are_no_incident() -> None:
    assert classify("The deaths of three soldiers were mourned") is None


@pytest.mark.parametrize(
    "headline",
    [
        "A roadside bomb planted near the home of a judge in Tikrit dismantled",
        "Two IEDs defused on the road to Baiji",
        "Explosive device found and removed in Hit",
    ],
)
def test_a_weapon_stopped_told_without_was(headline: str) -> None:
    m = _one(headline)
    assert m.sub_event_type == "Disrupted weapons use"


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        (
            "A car bomb exploded near the market where police found two more devices",
            "Remote explosive/landmine/IED",
        ),
        (
            "Gunmen launched rockets targeting troops located at the Erbil airport",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_a_weapon_used_is_not_stopped(sentence: str, sub_type: str) -> None:
    kind = classify(sentence)
    assert kind is not None and kind.sub_event_type == sub_type


def test_a_neighbourhood_named_as_such_sets_the_headline_in_the_capital() -> None:
    """'the Mansour region': a name the text calls a part of a town is the capital's neighbourhood,
    not a village of that name elsewhere, and it sets the headline in Iraq."""
    m = _one("Sound bomb thrown at a shop in the Mansour region")
    assert m.place is not None and m.place.admin1 == "Baghdad"
    m = _one("A bomb went off in the Karrada district")
    assert m.place is not None and m.place.admin1 == "Baghdad"


def test_a_district_named_as_such_keeps_its_town() -> None:
    m = _one("Gunmen attack a checkpoint in Amiriya district")
    assert m.place is not None and m.place.admin1 == "Al Anbar"


@pytest.mark.parametrize(
    ("headline", "killed", "wounded"),
    [
        ("Kirkuk: Federal Police Officer Killed", 1, None),
        ("Diyala: Hashd al-Shaabi Militiaman Killed in IS Attack", 1, None),
        ("Roadside Bomb Kills Tribal Militiaman In Diyala", 1, None),
        ("Soldier Killed In Clashes North Of Baiji", 1, None),
        ("Policeman Shot Dead In Basra", 1, None),
        ("Tribal leader assassinated in Ramadi", 1, None),
        ("Gunmen assassinate senior judge in Mosul", 1, None),
        ("Militants kill three police in Hawija", 3, None),
        ("Four soldiers killed, another wounded near Tuz", 4, 1),
        ("An officer killed and another wounded in Kut", 1, 1),
        ("IS attack killed 6 of PMF near Baiji", 6, None),
        ("Militants plotted to assassinate the governor", None, None),
        ("On 3 of March, gunmen killed two people", 2, None),
        ("An attack on two police stations killed three people", 3, None),
        ("A car bomb killed three and wounded nine in Tikrit", 3, 9),
        ("The blast killed at least 5 and injured 12, police said", 5, 12),
        ("Three people were killed and 5 wounded", 3, 5),
        ("Gunmen killed 4, police said", 4, None),
        ("Killing and wounding 9 people near the bridge", None, None),  # of the 9, how many died is not said
        ("Nine people were killed or wounded in the blast", None, None),
    ],
)
def test_headline_counts(headline: str, killed: int | None, wounded: int | None) -> None:
    c = count_casualties(headline)
    assert (c.killed.best if c.killed else None) == killed
    assert (c.wounded.best if c.wounded else None) == wounded


@pytest.mark.parametrize(
    "sentence",
    [
        "A soldier was killed and another wounded in an ISIS attack in Jalawla",
        "3 policemen killed in Daesh/ISIS terror attack in Iraq",
        "Two Hashd members killed in IS assault near Baiji",
    ],
)
def test_the_group_whose_attack_it_was_is_the_actor(sentence: str) -> None:
    assert attribute([sentence]).actor1 is not None
    assert attribute([sentence]).actor1.name == IS  # type: ignore[union-attr]


def test_the_group_hit_is_not_the_actor() -> None:
    assert attribute(["Iraqi army kills 35 ISIS militants near Mosul"]).actor1.name != IS  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "side1", "side2"),
    [
        (
            "Clashes between Iraqi army and ISIS militants kill a soldier in Diyala",
            IS,
            "Military Forces of Iraq",
        ),
        (
            "Fighting broke out between the Turkish army and PKK fighters near Amadiya",
            "Kurdistan Workers' Party",
            "Military Forces of Turkey",
        ),
    ],
)
def test_an_armed_group_named_as_one_side_of_a_fight_is_actor1(sentence: str, side1: str, side2: str) -> None:
    found = attribute([sentence])
    assert found.actor1 is not None and found.actor1.name == side1
    assert found.actor2 is not None and found.actor2.name == side2


def test_a_reaction_that_is_the_only_telling_of_an_attack_is_its_report() -> None:
    m = _one("Regional government condemns attack on a provincial councillor in Sulaymaniyah")
    assert m.place is not None and m.place.admin1 == "Sulaymaniyah"
    assert _mentions("UN envoy condemns the violence") == ()  # no place: nothing to code


def test_a_reaction_beside_a_told_attack_is_no_second_incident() -> None:
    text = (
        "Governor condemns attack on a police post in Khalis. Gunmen attacked a police post in Khalis on "
        "Monday night, killing two policemen, officials said."
    )
    article = Article(id="synthetic:r", title="", text=text, outlet=None, url=None, published=PUBLISHED)
    (only,) = next(iter(extract([article]))).mentions
    assert only.fatalities == 2


def test_a_convoy_between_two_dashed_towns_is_placed_on_that_road() -> None:
    m = _one("Roadside bomb hits a supply convoy between Basra-Nasiriya")
    assert m.place is not None and m.place.admin1 == "Basrah"


def test_a_baghdad_bridge_news_names_is_a_place_in_baghdad() -> None:
    m = _one("Two hurt as a bomb goes off near the Imams Bridge")
    assert m.place is not None and (m.place.name, m.place.admin1) == ("Imams Bridge", "Baghdad")


def test_a_stretch_of_border_between_two_towns_is_placed_between_them() -> None:
    m = _one("Mortar shells land near a Peshmerga post on the Kirkuk-Erbil border")
    assert m.place is not None and m.place.admin1 == "Kirkuk" and m.place.geo_precision == 2
    assert _one("A bomb hit a convoy on the Iraq-Syria border").place is None  # two countries: no town
