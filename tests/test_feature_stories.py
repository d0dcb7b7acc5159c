"""How feature stories tell an incident: a narrative lead that sets the scene before the shots, a victim
named with who they were, a quarter of the town the story is filed from, a year said of something else
(SYNTHETIC articles written for sitrep: no real report)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.claims import claim_kind
from sitrep.extract.counts import count_casualties
from sitrep.extract.types import classify
from tests.synthetic import extraction_of


def _events(text: str, published: str) -> list[tuple[str, str, str, int]]:
    extraction = extraction_of(text, published, "syn-feature")
    return [
        (str(m.event_date), m.sub_event_type, m.place.name if m.place else "", m.fatalities)
        for m in extraction.mentions
    ]


def test_a_scene_set_on_a_day_does_not_date_an_act_told_after_it() -> None:
    # the abduction happened before the Tuesday the reporter sat in the kitchen
    text = (
        "MOSUL — Umm Ahmed sat in her kitchen in Mosul on Tuesday, showing photographs of her son. Islamic State "
        "fighters abducted him as he walked to school.\n\nShe has not heard from him since."
    )
    assert _events(text, "2019-03-14") == []


@pytest.mark.parametrize(
    ("dateline", "part", "town"),
    [
        (
            "TAL AFAR, Iraq —",
            "in the Sarai quarter",
            "Tall 'Afar",
        ),  # Sarai is spelled like Sarah, Sulaymaniyah
        ("BASRA —", "in the city's Abbasiya district", "Basra"),  # Abbasiyah is a Najaf sub-district
    ],
)
def test_a_quarter_of_the_town_a_story_is_filed_from_is_in_that_town(
    dateline: str, part: str, town: str
) -> None:
    text = (
        f"{dateline} Three mortar rounds crashed into the market {part} on Thursday, killing five people.\n\n"
        "Traders said they did not know who fired them."
    )
    assert [(p, n) for _, _, p, n in _events(text, "2005-08-20")] == [(town, 5)]


def test_the_capitals_quarter_is_not_the_dateline_town() -> None:
    text = "BASRA — In the capital's Sadr City, fighters clashed on Wednesday with troops, and eight people were killed."
    assert [p for _, _, p, _ in _events(text, "2008-03-28")] == ["Şaddām City"]


def test_a_victim_named_with_who_they_were_is_one_dead_and_no_protest() -> None:
    sentence = (
        "Last Friday, Karim al-Nouri, a 35-year-old lawyer who had represented detained protesters, was shot dead "
        "when gunmen fired on his car."
    )
    assert count_casualties(sentence).killed is not None
    assert count_casualties(sentence).killed.best == 1
    assert classify(sentence) is not None
    assert classify(sentence).sub_event_type == "Attack"
    # force on the crowd itself is still force on protesters
    shot_at_crowd = (
        "Police opened fire on demonstrators who tried to storm the council building, killing eight."
    )
    assert classify(shot_at_crowd).sub_event_type == "Excessive force against protesters"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # the year dates the clinic, not the killing
        (
            "She was killed in the Jazair district, a few hundred metres from the clinic she had opened in 2015.",
            None,
        ),
        # the year is the actor's own past: the arrest is history
        (
            "The cleric, who broke away from the movement when it renounced violence in 2004, was detained.",
            "history",
        ),
        (
            "Rights groups say more than 30 activists have been assassinated across Iraq since last October.",
            "statistic",
        ),
        ("The group is known for killing dozens of people at a time.", "habitual"),
    ],
)
def test_what_a_year_or_a_total_says(sentence: str, kind: str | None) -> None:
    assert claim_kind(sentence, date(2020, 8, 21)) == kind


def test_a_dateline_after_a_web_pages_masthead_is_the_dateline() -> None:
    # the town the story was filed from yields to the base the drones struck
    text = (
        "Synthetic Post | Iraq | Security Published 03 November 2023, 11:05\n\n"
        "Drones target US forces in Iraq\n\n"
        "BAGHDAD — Two drones targeted Ain al-Asad air base in western Anbar province on Thursday, the latest in "
        "a string of attacks, security sources said. One drone was shot down, a coalition official said.\n\n"
        "A group calling itself the Islamic Resistance claimed the attack."
    )
    assert [(s, p) for _, s, p, _ in _events(text, "2023-11-03")] == [("Air/drone strike", "Al Asad Airport")]


def test_what_became_of_the_weapon_or_the_buildings_is_the_same_strike() -> None:
    text = (
        "ERBIL — On Wednesday, a drone attack targeted a base north-east of Erbil. The Kurdistan counter-terrorism "
        "service said the drone was intercepted and there were no casualties.\n\n"
        "KOYA — Missiles hit the headquarters of an exiled party on the outskirts of Koya on Wednesday, killing at "
        "least 13 people. A school and several homes inside the compound were destroyed. By Thursday morning "
        "the health ministry had raised the toll there to 16.\n\n"
        "Drones also struck a camp at Zrgwez, east of Sulaymaniyah, killing one person, the group said."
    )
    assert _events(text, "2022-09-29") == [
        ("2022-09-28", "Air/drone strike", "Erbil", 0),
        ("2022-09-28", "Shelling/artillery/missile attack", "Koi Sanjaq", 16),
        (
            "2022-09-28",
            "Air/drone strike",
            "Zirkuwayz",
            1,
        ),  # dated by the strikes, not by the toll's Thursday
    ]


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("By Thursday morning the health ministry had raised the toll there to 16.", 16, None),
        # the first toll said is not the one raised later
        ("An official put the toll at 40 on Saturday.", None, None),
        ("An army lieutenant colonel and two soldiers were killed on Wednesday by a sniper.", 3, None),
        (
            "A U.S. F-15 fighter jet shot down a drone, adding that no American personnel were hurt.",
            None,
            None,
        ),
    ],
)
def test_counts_as_reports_give_them(sentence: str, killed: int | None, wounded: int | None) -> None:
    found = count_casualties(sentence)
    assert (found.killed.best if found.killed else None, found.wounded.best if found.wounded else None) == (
        killed,
        wounded,
    )


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        (
            "Iraqi forces found a truck fitted with a launcher still loaded with four rockets in farmland and "
            "dismantled it.",
            "Disrupted weapons use",
        ),
        (
            "Militants used a launcher that fired four rockets at the base.",
            "Shelling/artillery/missile attack",
        ),
        # a state told, not a change of hands
        ("Officials now say the town is fully under government control.", None),
    ],
)
def test_kinds_of_weapons_found_and_ground_held(sentence: str, sub_event_type: str | None) -> None:
    kind = classify(sentence)
    assert (kind.sub_event_type if kind else None) == sub_event_type


@pytest.mark.parametrize(
    "sentence",
    [
        "Two fighters of the Badr Organisation were killed in the final push on Thursday, a Badr commander said.",
        "A car bomb killed four people on Thursday, said police Brigadier Sarhad Qadir.",
    ],
)
def test_an_organisation_or_an_officer_is_no_village(sentence: str) -> None:
    # "Badr" (Ninewa) and "Sarhad", "Qadir" are villages' names too
    assert [p for _, _, p, _ in _events(sentence + "\n\nNo group claimed it.", "2015-03-06")] == []


def test_this_year_then_a_month_is_that_month() -> None:
    from sitrep.extract.dates import find_date

    found = find_date(
        "It was the second time this year that Iran struck: in March, missiles hit a villa.",
        date(2022, 9, 29),
    )
    assert found is not None
    assert (found.value, found.precision) == (date(2022, 3, 1), "month")


def test_protests_told_city_by_city() -> None:
    text = (
        "BAGHDAD — Anger over jobs and services spread south this week.\n\n"
        "In Diwaniyah, police fired tear gas and water cannon on Wednesday to disperse a march toward the "
        "provincial council building, medical sources said.\n\n"
        "In Najaf, thousands marched peacefully to the governorate building on Friday, carrying Iraqi flags and "
        "portraits of those killed in Baghdad."
    )
    assert [(s, p) for _, s, p, _ in _events(text, "2019-10-05")] == [
        ("Protest with intervention", "Diwaniyeh"),
        ("Peaceful protest", "An Najaf"),
    ]
    assert classify("In March, gunmen killed two shepherds near Rutba.").event_type != "Protests"


def test_a_security_brief_gives_one_incident_per_headed_paragraph() -> None:
    text = (
        "SYNTHETIC SECURITY MONITOR — Weekly brief, Thursday 18 July 2024.\n\n"
        "MAYSAN — Tribal clash. Two people were killed and five wounded on Tuesday in a gunfight between two clans "
        "in the al-Kahla district. Tribal elders brokered a truce in the evening.\n\n"
        "KIRKUK — IS cell. Security forces arrested four suspected Islamic State members in a raid near Kirkuk on "
        "Sunday. Explosive belts and rifles were seized.\n\n"
        "ANBAR — Weapons cache. An army unit found a cache of rockets and explosives hidden in caves west of "
        "Haditha on Wednesday.\n\n"
        "BAGHDAD — IED defused. A bomb disposal team defused a roadside bomb on the road between Tarmiyah and "
        "Mushahda on Tuesday morning."
    )
    assert [(d, s) for d, s, _, _ in _events(text, "2024-07-18")] == [
        ("2024-07-16", "Armed clash"),
        ("2024-07-14", "Arrests"),
        ("2024-07-17", "Disrupted weapons use"),
        ("2024-07-16", "Disrupted weapons use"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quarter of the town the sentence names, not of the dateline's
        (
            "ERBIL — Islamic State fighters attacked the Gogjali quarter of Mosul on Thursday, killing two soldiers.",
            "Mosul",
        ),
        # a group named for a town leaves the town a place
        ("A group calling itself the Mosul Brigades killed two militants in Mosul on Thursday.", "Mosul"),
    ],
)
def test_a_town_named_with_its_quarter_or_its_group_is_still_the_town(text: str, expected: str) -> None:
    places = [p for _, _, p, _ in _events(text + "\n\nNo group claimed it.", "2016-11-04")]
    assert places and all(expected in p or p == "Gogjali" for p in places)


def test_two_towns_taken_near_each_other_are_two_places() -> None:
    text = (
        "BAGHDAD — Iraqi troops recaptured Fallujah and Saqlawiyah on Sunday.\n\nResidents began to return."
    )
    assert len(_events(text, "2016-06-27")) == 2


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Security forces killed 12 protesters during clashes on the bridge on Thursday, medics said.", None),
        (
            "Kataib Hezbollah, which is known for its hostility to Washington, fired three rockets on Thursday.",
            None,
        ),
        (
            "The family was preparing to break their fast on Tuesday when a mortar round hit their house.",
            None,
        ),
    ],
)
def test_acts_told_with_words_of_statistics_habits_or_plans_stay_acts(
    sentence: str, kind: str | None
) -> None:
    assert claim_kind(sentence, date(2019, 10, 5)) == kind


def test_warning_shots_and_the_toll_of_the_wounded() -> None:
    assert classify("Security forces fired warning shots into the air near the bridge on Sunday.") is None
    found = count_casualties("Officials later raised the toll of wounded to 40.")
    assert found.killed is None


def test_a_breadcrumb_glued_to_a_sentence_is_still_news() -> None:
    text = (
        "Home | World | Middle East | Iraq BAGHDAD — Gunmen killed two protesters in Tahrir Square on Friday."
    )
    assert len(_events(text + "\n\nPolice gave no details.", "2019-11-09")) == 1


def test_this_year_then_another_years_month_is_not_that_month() -> None:
    from sitrep.extract.dates import find_date

    found = find_date(
        "It was the deadliest attack this year, surpassing a bombing in July 2021.", date(2022, 9, 29)
    )
    assert found is not None
    assert found.precision == "year"


def test_the_deadliest_attack_where_two_car_bombs_exploded_is_that_towns_not_a_summary() -> None:
    text = (
        "BAGHDAD — A string of bombings and shootings killed at least 40 people across Iraq on Monday, officials "
        "said.\n\n"
        "The deadliest attack came in Hilla, 100 km south of Baghdad, where two car bombs exploded outside the "
        "gates of a factory, killing at least two dozen people.\n\n"
        "In Basra, three bombs exploded in a market, killing 14 people, police said.\n\n"
        "In Mosul, gunmen shot dead a Christian pharmacist inside his shop, police said."
    )
    assert [(p, n) for _, _, p, n in _events(text, "2010-06-22")] == [
        ("Al Ḩillah", 24),
        ("Basra", 14),
        ("Mosul", 1),
    ]


def test_two_incidents_told_in_one_sentence_are_two_events_with_their_own_tolls() -> None:
    text = (
        "BAGHDAD — A wave of car bombs struck the capital on Monday.\n\nA car bomb exploded at an intersection "
        "in the Shula district of Baghdad, killing seven and wounding 19, while a second bomb in the Kadhimiya "
        "district killed six people.\n\nGunmen killed two policemen in Mosul, and a roadside bomb in Kirkuk "
        "wounded five soldiers."
    )
    extraction = extraction_of(text, "2013-09-30", "syn-clauses")
    found = sorted((m.place.admin1 if m.place else "", m.fatalities, m.injured) for m in extraction.mentions)
    assert ("Kirkuk", 0, 5) in found and ("Ninewa", 2, 0) in found
    assert sorted(k for a, k, _ in found if a == "Baghdad") == [6, 7]


def test_an_incident_with_no_place_of_its_own_takes_none_from_a_story_set_abroad() -> None:
    text = (
        "Iraqi troops fought Islamic State militants in Iraq's Anbar province for much of the year, and the "
        "fighting goes on.\n\nA funeral was held where a car bomb went off in the Al-Zahraa district in Homs, "
        "Syria, on February 21, 2016. Bombings in Homs and Damascus kill at least 120 and injure scores, a state "
        "agency said. ISIS claimed them.\n\nTravellers are helped after a suicide bombing at the Brussels airport "
        "on March 22, 2016. The blasts at the airport and a metro station killed 30 people and wounded more than "
        "250. ISIS says its fighters carried out the attacks in the Belgian capital."
    )
    extraction = extraction_of(text, "2016-03-17", "syn-abroad", "Envoy: ISIS responsible for genocide")
    assert [m.fatalities for m in extraction.mentions] == []
    # naming the group "of Iraq and Syria" sets nothing abroad
    inside = (
        "BAGHDAD — Fighters of the Islamic State of Iraq and Syria were seen near Tikrit on Monday. Later "
        "two soldiers were killed in an ambush, the army said."
    )
    assert [(p, k) for _, _, p, k in _events(inside, "2014-03-17")] == [("Tikrīt", 2)]


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("The blast killed four voters and a policeman who had tried to stop him, police said.", 5, None),
        ("A bomb under his car exploded as he drove, killing him and wounding a passer-by.", 1, 1),
        ("A drone struck a car on the road near the town, killing its two occupants.", 2, None),
        ("Gunmen killed him and his brother outside their house.", 2, None),
    ],
)
def test_victims_listed_after_the_act(sentence: str, killed: int | None, wounded: int | None) -> None:
    c = count_casualties(sentence)
    assert (c.killed.best if c.killed else None) == killed
    assert (c.wounded.best if c.wounded else None) == wounded


def test_a_toll_given_as_a_range_keeps_both_ends() -> None:
    c = count_casualties("A spokesman said between 8 and 12 militiamen were killed in the fighting.")
    assert c.killed is not None and (c.killed.best, c.killed.low, c.killed.high) == (8, 8, 12)


def test_one_more_death_counted_by_its_ordinal_is_the_new_toll() -> None:
    text = (
        "TARMIYAH, Iraq — Islamic State fighters ambushed an army patrol on the edge of Tarmiyah on Monday, "
        "killing four soldiers, the army said.\n\nA fifth soldier died of his wounds on Tuesday, the army said."
    )
    assert [k for _, _, _, k in _events(text, "2024-05-16")] == [5]


@pytest.mark.parametrize(
    "sentence",
    [
        "The rights commission's running count now stands at 104 dead and more than 6,000 wounded since Tuesday.",
        "The army says more than 100 militants were killed in the two-week Hawija campaign.",
    ],
)
def test_a_running_count_and_a_campaigns_toll_are_statistics(sentence: str) -> None:
    assert claim_kind(sentence, date(2019, 10, 5)) == "statistic"


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Police in Balad Ruz said they had found the bodies of nine men on Monday.", 9),
        ("Last week, police discovered 18 bodies of men stacked inside a minibus.", 18),
        ("Eleven were found in the western district, dumped in a row behind a school.", 11),
        ("His body was found a week later.", 1),
    ],
)
def test_the_dead_found_are_an_attack_with_their_count(sentence: str, killed: int) -> None:
    kind, c = classify(sentence), count_casualties(sentence)
    assert kind is not None and (kind.event_type, kind.sub_event_type) == (
        "Violence against civilians",
        "Attack",
    )
    assert c.killed is not None and c.killed.best == killed


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescuers pulled 12 bodies from the rubble.",  # the bombing's dead, told already
        "A mass grave with 40 bodies was found near Sinjar.",  # killed long before
        "Three cars were found abandoned on the road.",
    ],
)
def test_what_is_found_is_not_always_the_dead_of_a_new_attack(sentence: str) -> None:
    assert classify(sentence) is None and count_casualties(sentence).killed is None


@pytest.mark.parametrize(
    "sentence",
    ["Baghdad has protested to Ankara but has little leverage.", "The ministry lodged a formal protest."],
)
def test_a_governments_protest_is_no_demonstration(sentence: str) -> None:
    assert classify(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "It was the third deadly drone strike in Sinjar this year.",
        "The attacks brought to more than 120 the number of people killed in violence so far this month.",
    ],
)
def test_a_strike_counted_in_a_series_or_a_toll_carried_forward_is_a_statistic(sentence: str) -> None:
    assert claim_kind(sentence, date(2010, 4, 12)) == "statistic"


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "MAJAR AL-KABIR, Iraq — A dispute between two clans led to an exchange of fire in a village on Sunday. "
            "Two men were killed and six wounded. Police said on Monday that a third man, wounded in the clash, "
            "had died.",
            3,
        ),
    ],
)
def test_the_dead_told_after_the_toll_add_to_it(text: str, killed: int) -> None:
    assert [k for _, _, _, k in _events(text, "2016-10-23")] == [killed]


def test_a_revised_toll_told_with_the_figure_first_given_is_one_incident_at_the_latest_toll() -> None:
    text = (
        "BAGHDAD, Iraq — The death toll from a car bomb that tore through a crowded market in southern Baghdad's "
        "Dora district on Wednesday rose to 14 on Thursday, after rescue workers pulled two more bodies from a "
        "collapsed shop, an official said.\n\nPolice had initially said nine people were killed when the car "
        "exploded in the evening. More than 30 people were wounded."
    )
    extraction = extraction_of(text, "2005-07-14", "syn-toll")
    assert [(m.fatalities, m.injured) for m in extraction.mentions] == [(14, 30)]


def test_more_dead_told_with_also_add_to_the_toll_of_their_incident() -> None:
    from sitrep.extract import nlp
    from sitrep.extract.grouping import Draft
    from sitrep.extract.mentions import _first_count
    from sitrep.extract.sentences import analyse_sentences
    from sitrep.geo.gazetteer import default_gazetteer
    from sitrep.model import Article

    text = "A drone strike near Baghdad airport killed two officers. Three guards were also killed in the strike."
    article = Article(id="syn-also", title="", text=text, outlet=None, url=None, published=date(2020, 1, 4))
    infos = analyse_sentences(article, nlp.parsed(next(iter(nlp.parse([text])))), default_gazetteer())
    count, _ = _first_count(Draft(infos), "killed")
    assert count is not None and count.best == 5
