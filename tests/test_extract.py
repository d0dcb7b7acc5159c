"""Extraction on SYNTHETIC sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract import extract
from sitrep.extract.actors import IS, UNIDENTIFIED, attribute, canonical
from sitrep.extract.claims import claim_kind
from sitrep.extract.counts import Count, count_casualties
from sitrep.extract.dates import find_date
from sitrep.extract.types import KINDS, classify
from sitrep.ingest import parse_record

KINDS_BY_SUB = {kind.sub_event_type: kind for _, kind in KINDS}


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Three guards were killed and two others were wounded in the raid.", Count(3, 3, 3), Count(2, 2, 2)),
        (
            "A roadside bomb exploded, killing 12 people and wounding 30 others.",
            Count(12, 12, 12),
            Count(30, 30, 30),
        ),
        ("At least four farmers and a policeman have been killed this week.", Count(5, 5, None), None),
        ("Around 40 militants died in the fighting.", Count(40, None, None), None),
        ("The blast cost more than 20 lives.", Count(20, 20, None), None),
        ("Two men, including a tribal sheikh and his driver, were killed.", Count(2, 2, 2), None),
        ("The explosion injured one child.", None, Count(1, 1, 1)),
        ("The attack left 3 dead and 9 injured.", Count(3, 3, 3), Count(9, 9, 9)),
        ("Police arrested 15 suspects in the village.", None, None),
        ("At least nine security forces are killed by a truck bomb", Count(9, 9, None), None),
        ("Two forces clashed near the town.", None, None),
        ("The death toll from Monday's bombing rose to three, a medic said.", Count(3, 3, 3), None),
        ("The death toll is not yet known.", None, None),
    ],
)
def test_counts(sentence: str, killed: Count | None, wounded: Count | None) -> None:
    found = count_casualties(sentence)
    assert (found.killed, found.wounded) == (killed, wounded)


def test_no_casualties_is_zero() -> None:
    assert count_casualties("There were no reported casualties in the blast.").zero


PUBLISHED = date(2018, 1, 20)  # a Saturday


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("A bomb went off in the market on Monday.", date(2018, 1, 15), "day"),
        ("Gunmen struck on Sunday night.", date(2018, 1, 14), "day"),
        ("Rockets hit the base yesterday.", date(2018, 1, 19), "day"),
        ("Fighting broke out last week.", date(2018, 1, 13), "week"),
        ("Four people have been killed this month.", date(2018, 1, 1), "month"),
        ("Last July the city was retaken.", date(2017, 7, 1), "month"),
        ("The attack on December 28 killed two.", date(2017, 12, 28), "day"),
        ("On 13.12.2017 a convoy was hit.", date(2017, 12, 13), "day"),
        ("There were 300 attacks in the first quarter of 2017.", date(2017, 1, 1), "quarter"),
        ("In May of 2006, tribes drove the militants out of the town.", date(2006, 5, 1), "month"),
        ("The bridge was destroyed in June of 2014.", date(2014, 6, 1), "month"),
    ],
)
def test_dates(sentence: str, value: date, precision: str) -> None:
    found = find_date(sentence, PUBLISHED)
    assert found is not None and (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("There were 812 reported attacks in the second quarter of 2019 alone.", "statistic"),
        (
            "More than 2,000 suspects have been arrested in the province since the city was retaken.",
            "statistic",
        ),
        ("The militants carry out up to six attacks every month.", "habitual"),
        ("The highway is still attacked regularly by armed men.", "habitual"),
        ("Officials fear the group could launch attacks on the city.", "plan"),
        ("Plans for retaking the city finalized", "plan"),
        ("Preparations for the offensive on the town are under way, officers said.", "plan"),
        ("Troops retook the village on Sunday, ahead of the planned offensive on the town.", None),
        ("The army denied that the village had been attacked.", "negation"),
        ("The situation resembles the fall of the city back in 2014.", "history"),
        ("A bomb killed two soldiers near the base on Monday.", None),
        (
            "He returned to the theme on Monday, as he met the family of a soldier killed by a roadside bomb in 2006.",
            "history",
        ),
        (
            "Gunmen killed five soldiers near Tarmiyah on Monday, in an area cleared of militants in 2017.",
            None,
        ),
        (
            "A car bomb killed 12 people in Baghdad on Tuesday, in the deadliest attack in the city since 2016.",
            None,
        ),
    ],
)
def test_claim_kinds(sentence: str, kind: str | None) -> None:
    assert claim_kind(sentence, PUBLISHED) == kind


def test_actor_aliases() -> None:
    for alias in ("ISIL", "ISIS", "Daesh", "the Islamic State group", "IS"):
        found = canonical(f"Fighters of {alias} attacked")
        assert found is not None and found.name == IS, alias
    hashd = canonical("a unit of al-Hashd al-Shaabi")
    assert hashd is not None and hashd.name == "Popular Mobilization Forces"


def test_attribution_follows_the_text() -> None:
    unclaimed = attribute(
        ["Gunmen attacked a police post.", "No group claimed responsibility for the attack."]
    )
    assert unclaimed.actor1 is not None and unclaimed.actor1.name == UNIDENTIFIED
    blamed = attribute(
        [
            "Gunmen attacked a police post.",
            "No group claimed responsibility; officials blamed the attack on Daesh.",
        ]
    )
    assert blamed.actor1 is not None and blamed.actor1.name == IS
    assert blamed.actor2 is not None and blamed.actor2.name == "Police Forces of Iraq"


ANALYSIS = (
    "The desert is still a refuge for the militants, officials say (SYNTHETIC).\n\n"
    "There were 420 reported attacks in the first half of 2019 alone, a research group said.\n\n"
    "A car bomb exploded near a checkpoint in Ramadi on Tuesday, killing two policemen and wounding five "
    "civilians, security sources said.\n\n"
    "No group claimed responsibility for the blast.\n\n"
    "In a separate incident, gunmen kidnapped a shepherd near Rutba in Anbar province on Wednesday.\n\n"
    "Militants used to attack the highway every night when they controlled the area back in 2015."
)


@pytest.mark.slow
def test_article_with_background_and_two_incidents() -> None:
    article = parse_record(
        {"id": "syn-1", "title": "Analysis (SYNTHETIC)", "text": ANALYSIS, "published": "2019-07-04"}, "t"
    )
    [extraction] = list(extract([article]))
    mentions = extraction.mentions
    assert [(m.sub_event_type, m.event_date) for m in mentions] == [
        ("Remote explosive/landmine/IED", date(2019, 7, 2)),
        ("Abduction/forced disappearance", date(2019, 7, 3)),
    ]
    bomb, kidnap = mentions
    assert (bomb.fatalities, bomb.injured) == (2, 5)
    assert bomb.place is not None and bomb.place.admin1_code == "IQ-AN"
    assert bomb.actor1 is not None and bomb.actor1.name == UNIDENTIFIED
    assert kidnap.place is not None and kidnap.place.name == "Ar Rutbah" and kidnap.place.geo_precision == 2
    assert {c.kind for c in extraction.claims} >= {"statistic"}
    assert any(420 in c.numbers for c in extraction.claims)
    for m in mentions:  # every field points at a sentence of the article
        assert all(ANALYSIS[e.start : e.end] == e.text for e in m.evidence)
        assert {f for f, _ in m.field_evidence} >= {"event_type", "event_date", "location"}


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The gunman was killed and a guard was injured.", 1),
        ("In addition to the two bombers, at least 12 people were killed.", 14),
        ("In addition to the driver, five other militants were killed.", 6),
    ],
)
def test_attackers_deaths_count(sentence: str, killed: int) -> None:
    found = count_casualties(sentence).killed
    assert found is not None and found.best == killed


BACKGROUND = (
    "Attacks by the militants are rising in rural districts like Anbar, locals say (SYNTHETIC).\n\n"
    "Here, the group's cells use the valleys near Rutba to plan and launch their attacks.\n\n"
    "One reason for the rise in attacks is the failure to rebuild trust in towns such as Fallujah, an activist says.\n\n"
    "The militants have since launched attacks on police and civilians, officials said."
)


@pytest.mark.slow
def test_background_with_places_and_plural_attacks_is_no_incident() -> None:
    article = parse_record({"id": "syn-2", "title": "Analysis (SYNTHETIC)", "text": BACKGROUND}, "t")
    [extraction] = list(extract([article]))
    assert extraction.mentions == ()


def test_claim_numbers_skip_distances_and_years() -> None:
    from sitrep.extract.claims import claim_numbers

    assert claim_numbers("The town, 300 kilometres west of the capital, saw 1,200 attacks in 2019.") == (
        1200,
    )


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("At least four soldiers were killed and one civilian driver was injured in the blast.", 4, 1),
        ("A sticky bomb attached to a car killed its driver.", 1, None),
        ("Fighters attacked a farm, killing a farmer and his son.", 2, None),
        ("A grenade thrown on September 28 wounded the shop's owner.", None, 1),
        ("Rockets hit the base last week, adding that no one was hurt.", None, None),
        ("The reporter and his cameraman were slightly injured.", None, 2),
        ("A suicide bomber blew himself up at a checkpoint, killing two soldiers.", 3, None),
        ("Gunmen kill tribal sheikh in Diyala", 1, None),
    ],
)
def test_victims_named_after_the_verb(sentence: str, killed: int | None, wounded: int | None) -> None:
    found = count_casualties(sentence)
    assert (found.killed and found.killed.best, found.wounded and found.wounded.best) == (killed, wounded)


def test_reporting_day_is_not_the_event_day() -> None:
    found = find_date("Rockets hit the base last week, an official said on Friday.", PUBLISHED)
    assert found is not None and found.precision == "week"


TWO_BOMBINGS = (
    "Two bombings hit the north on Monday, officials said (SYNTHETIC).\n\n"
    "In Mosul, a sticky bomb attached to a car killed its driver.\n\n"
    "Hours later, in a separate incident, an explosive device wounded three labourers near Baquba."
)


@pytest.mark.slow
def test_incidents_without_their_own_date_take_the_article_s_earlier_date() -> None:
    article = parse_record(
        {"id": "syn-3", "title": "t", "text": TWO_BOMBINGS, "published": "2018-01-20"}, "t"
    )
    [extraction] = list(extract([article]))
    assert [m.event_date for m in extraction.mentions] == [date(2018, 1, 15), date(2018, 1, 15)]


@pytest.mark.slow
def test_incident_abroad_is_kept_as_a_claim() -> None:
    text = "A car bomb killed six people in the Syrian town of Albu Kamal on Wednesday, a monitor said (SYNTHETIC)."
    article = parse_record({"id": "syn-4", "title": "t", "text": text, "published": "2024-03-15"}, "t")
    [extraction] = list(extract([article]))
    assert extraction.mentions == ()
    assert [c.kind for c in extraction.claims] == ["abroad"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A country far from Iraq, no town the gazetteer knows: the incident is set abroad.
        ("Gunmen killed four police officers in Ethiopia on Tuesday (SYNTHETIC).", "abroad"),
        # An incident dated years before the report is background history, not news.
        ("A suicide bomber killed 40 people at a Baghdad market in March 2009 (SYNTHETIC).", "history"),
        ("The 2006 Samarra mosque bombing killed no one but started a civil war (SYNTHETIC).", "history"),
        ("Militants have not attacked the town since the army arrived (SYNTHETIC).", "negation"),
    ],
)
def test_background_incidents_become_claims(text: str, kind: str) -> None:
    article = parse_record({"id": "syn-5", "title": "t", "text": text, "published": "2024-03-15"}, "t")
    [extraction] = list(extract([article]))
    assert extraction.mentions == ()
    assert [c.kind for c in extraction.claims] == [kind]


@pytest.mark.slow
def test_recent_incident_named_beside_an_old_one_is_news() -> None:
    text = "The attack on the embassy in Baghdad on Tuesday recalled the siege of 2012, a guard said (SYNTHETIC)."
    article = parse_record({"id": "syn-6", "title": "t", "text": text, "published": "2024-03-15"}, "t")
    [extraction] = list(extract([article]))
    assert [m.event_date for m in extraction.mentions] == [date(2024, 3, 12)]


def test_a_named_person_who_died_is_one_death() -> None:
    found = count_casualties(
        "Sergeant John K. Doe of the Army, who died from a roadside bomb, was 24 (SYNTHETIC)."
    )
    assert found.killed == Count(1, 1, 1)
    assert count_casualties("The Islamic State died out in the town (SYNTHETIC).").killed is None


def test_united_states_forces_are_named_for_air_strikes() -> None:
    found = attribute(["U.S. warplanes struck militants near Sinjar on Sunday (SYNTHETIC)."], by_state=True)
    assert found.actor1 is not None and found.actor1.name == "Military Forces of the United States"


@pytest.mark.slow
def test_a_caption_placed_abroad_is_a_claim_and_a_list_of_countries_is_not() -> None:
    abroad = "A car bomb killed six people in Aden, Yemen, on Sunday (SYNTHETIC)."
    listed = "A car bomb killed six people in Baghdad on Sunday, the worst day in Iraq, Syria and Yemen (SYNTHETIC)."
    for text, expected in ((abroad, 0), (listed, 1)):
        article = parse_record({"id": "syn-7", "title": "t", "text": text, "published": "2024-03-15"}, "t")
        [extraction] = list(extract([article]))
        assert len(extraction.mentions) == expected


@pytest.mark.slow
def test_a_headline_only_record_with_an_act_is_an_incident() -> None:
    text = "Suicide bomber kills at least 31 in crowded Iraqi market (SYNTHETIC)"
    article = parse_record({"id": "syn-8", "title": text, "text": text, "published": "2017-06-09"}, "t")
    [extraction] = list(extract([article]))
    [mention] = extraction.mentions
    assert mention.sub_event_type == "Suicide bomb" and mention.fatalities_low == 31


@pytest.mark.slow
@pytest.mark.parametrize(
    "headline",
    [
        "Blast targets bakery in Iraqi capital",
        "Gunmen assassinate retired judge in Iraq's capital",
        "Supply convoy targeted on highway in Babil province",
        "Militants attack farmhouse in Diyala",
        "Sound bomb attack on a bakery in Baghdad's Karrada",
        "Local radio presenter killed near Mosul",
    ],
)
def test_present_tense_headlines_are_incidents(headline: str) -> None:
    # SYNTHETIC headline-only records, written in the style of wire headlines.
    article = parse_record({"id": "h", "title": headline, "text": headline, "published": "2021-02-01"}, "t")
    [extraction] = list(extract([article]))
    [mention] = extraction.mentions
    assert mention.place is not None and mention.place.country == "Iraq"


def test_a_murder_given_as_the_reason_for_arrests_is_no_attack() -> None:
    assert classify("Police arrested 12 men over the murder of a shop owner.") == KINDS_BY_SUB["Arrests"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Republicans vowed to kill the bill.",
        "The congressman said the measure was a step to eventually kill the Ex-Im Bank altogether.",
        "The senator tried to kill the deal on Monday.",
    ],
)
def test_killing_a_bill_or_a_bank_is_no_act_of_violence(sentence: str) -> None:
    assert classify(sentence) is None


def test_killing_a_bank_manager_is() -> None:
    kind = classify("Gunmen killed the bank manager in Mosul.")
    assert kind is not None and kind.sub_event_type == "Attack"


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Iraqi forces retake Ramadi from Islamic State", "Government regains territory"),
        ("Border town falls to Islamic State fighters", "Non-state actor overtakes territory"),
        ("Army pushes deeper into the old quarter of Tal Afar", "Armed clash"),
    ],
)
def test_fighting_over_ground_is_a_battle(sentence: str, sub_event_type: str) -> None:
    kind = classify(sentence)
    assert kind is not None and kind.event_type == "Battles" and kind.sub_event_type == sub_event_type
