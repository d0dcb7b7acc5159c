"""Single rules of the article extractor, on sentences written for sitrep (SYNTHETIC: no real report)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sitrep.extract.claims import claim_kind
from sitrep.extract.counts import count_casualties
from sitrep.extract.dates import days_before_end, days_later, find_date, time_before
from sitrep.extract.types import classify
from tests.synthetic import extraction_of


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Gunmen killed Ahmed Ali in Mosul.", 1),
        ("Iran vowed revenge for the strike that killed Karimi, officials said.", 1),
        ("Five days after killing the group's top commander, Abu Zaid, in a drone strike, officials met.", 1),
        ("Karimi was killed at the airport early Friday.", 1),
        ("Five people were killed Monday in Baghdad.", 5),
        ("Gunmen killed Shiites in the market.", None),
        ("Nobody was killed in the blast.", None),
        ("At least 44 detainees were killed when militants attacked the police station.", 44),
        ("A prisoner was shot dead during the riot.", 1),
        ("Militants stormed the hospital and killed three nurses.", 3),
        ("Shells slammed into a mountain resort, killing nine tourists, including children.", 9),
        # any people counted right after a verb or right before a passive one, listed or not
        ("A bomb exploded in a market on Sunday, killing 15 Iraqis and wounding 30.", 15),
        ("Mortar rounds landed near a polling centre, killing four voters.", 4),
        ("Seven Yazidis were killed when the truck exploded.", 7),
        ("Gunmen killed four worshipers at a mosque.", 4),
        ("He was killed two days later.", None),
        ("He was responsible for the deaths of hundreds of our servicemen during the war.", None),
        # a count is of the people it is told with, not of the bombs told before them
        ("Two bombs exploded and 5 people were killed.", 5),
        ("The militants claimed the killing of 20 soldiers near the border.", 20),
        # the common wire forms keep their dead; years, days and weapons are no victims
        ("A car bomb exploded, killing two and wounding five others.", 2),
        ("A bomb killed 12 including three children.", 12),
        ("Since 2003 Americans have been killed in Iraq.", None),
        ("On Jan. 5 Shiites were killed in the market.", None),
        ("Three Katyushas killed soldiers at the base.", None),
        ("The fire killed 300 chickens.", None),
        # a count with a verb of its own is not one more of the list
        ("The bomb killed 5 Americans, and 3 Iraqis were wounded.", 5),
        ("Gunmen killed a farmer and his son, who were returning home.", 2),
    ],
)
def test_named_and_counted_victims(sentence: str, killed: int | None) -> None:
    found = count_casualties(sentence).killed
    assert (found.best if found else None) == killed


@pytest.mark.parametrize(
    ("weekday", "phrase", "saturday_back"),
    [
        (0, "this weekend", 2),  # told on Monday: the weekend just past
        (3, "this weekend", None),  # told on Thursday: perhaps the weekend to come
        (5, "this weekend", 0),
        (5, "last weekend", 7),  # told on Saturday: the weekend before
        (6, "this past weekend", 8),
        (2, "over the weekend", 4),
    ],
)
def test_weekend_dates(weekday: int, phrase: str, saturday_back: int | None) -> None:
    published = date(2019, 3, 4) + timedelta(days=weekday)  # 2019-03-04 is a Monday
    found = find_date(f"Militants attacked a checkpoint {phrase}.", published)
    expected = None if saturday_back is None else published - timedelta(days=saturday_back)
    assert (found.value if found else None) == expected


def test_the_wounded_carried_to_a_hospital_are_not_counted() -> None:
    # "General" in "Hilla General Hospital" is no victim of that rank
    casualties = count_casualties("Residents carried the wounded to Hilla General Hospital in carts.")
    assert casualties.wounded is None


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        # weapons seized are no attack with them; arrests made with them are arrests
        (
            "Security forces arrested 12 men in raids in Qurna and seized weapons including two mortars.",
            "Arrests",
        ),
        (
            "Soldiers display weapons and explosives seized during a raid on a farm on Friday.",
            "Disrupted weapons use",
        ),
        (
            "Iraqi Air Force F-16s struck an IS hideout in Wadi Horan, killing four militants.",
            "Air/drone strike",
        ),
        ("U.S. bombers struck more than 85 targets in Iraq and Syria.", "Air/drone strike"),
        # who takes the ground decides, whatever the verb
        (
            "Iraqi federal police say they have taken control of the village of al-Hud.",
            "Government regains territory",
        ),
        ("IS fighters retook the village of Bashir on Monday.", "Non-state actor overtakes territory"),
        (
            "Soldiers fled as Isis fighters swept through Iraq's second city.",
            "Non-state actor overtakes territory",
        ),
        (
            "On Wednesday the militants swept into Tikrit, the home town of Saddam Hussein.",
            "Non-state actor overtakes territory",
        ),
        (
            "Troops raised the national flag over the government headquarters in Tikrit.",
            "Government regains territory",
        ),
        (
            "The village, held by IS fighters since 2014, was retaken by Iraqi forces.",
            "Government regains territory",
        ),
        ("Mahdi Army fighters seized control of the police station.", "Non-state actor overtakes territory"),
    ],
)
def test_weapons_aircraft_and_who_takes_ground(sentence: str, sub_event_type: str) -> None:
    kind = classify(sentence)
    assert kind is not None and kind.sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of pilgrims poured into Karbala for Ashura.",
        "Floodwaters swept through Mosul after the storm.",
        "Protesters raised the Kurdish flag over the provincial council building in Kirkuk.",
    ],
)
def test_crowds_and_floods_take_no_territory(sentence: str) -> None:
    kind = classify(sentence)
    assert kind is None or kind.sub_event_type not in (
        "Government regains territory",
        "Non-state actor overtakes territory",
    )


def test_the_day_a_toll_was_raised_is_not_the_day_of_the_attack() -> None:
    thursday = date(2022, 9, 29)
    found = find_date(
        "The ministry on Thursday raised the death toll of Wednesday's missile bombardment to 13 people.",
        thursday,
    )
    assert found is not None and found.value == date(2022, 9, 28)
    assert find_date("Officials on Monday said the attack killed five.", thursday) is None


def test_days_after_clause() -> None:
    found = time_before("Three days after a car bomb killed nine people, the council met on Thursday.")
    assert found is not None and found[0] == 3
    assert time_before("Gunmen attacked a checkpoint on Thursday.") is None


def test_relative_clause_is_no_report_of_its_own() -> None:
    """A reaction stays a reaction when the act it names is in a relative clause."""
    day = date(2020, 1, 8)
    assert claim_kind(
        "The commander, who was killed in a strike on January 3, was buried on Monday.", day
    ) == ("reaction")
    assert claim_kind("She was abducted in Mosul on September 17 and put on trial by the group.", day) is None


def test_strike_named_by_its_target() -> None:
    assert (
        classify("The president ordered the strike Thursday against the commander near the airport.")
        is not None
    )
    assert classify("Workers went on strike on Monday.") is None


@pytest.mark.parametrize(
    ("sentence", "date_text", "days"),
    [
        ("It followed a two-day siege against the embassy in Baghdad that ended Wednesday.", "Wednesday", 1),
        ("A three-day battle for the town ended on Sunday.", "on Sunday", 2),
        ("Militants attacked on Sunday in a two-day offensive.", "on Sunday", 0),  # the day is no end
        ("Protesters ended their sit-in on Monday.", "on Monday", 0),  # no span of days
    ],
)
def test_an_event_of_several_days_is_dated_by_its_first(sentence: str, date_text: str, days: int) -> None:
    assert days_before_end(sentence, date_text) == days


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("Five days later, Iran fired missiles at the base.", 5),
        ("The next day, the militants seized the town.", 1),
        ("A day later a second bomb exploded.", 1),
        ("Two weeks later the army retook the village.", 14),
        ("The following morning gunmen attacked a checkpoint.", 1),
        ("Gunmen attacked a checkpoint later on Monday.", None),
        ("A few days later the town fell.", None),  # not a number of days
    ],
)
def test_days_after_the_time_the_article_gave_last(sentence: str, days: int | None) -> None:
    assert days_later(sentence) == days


def test_an_act_told_days_later_is_dated_from_the_earlier_one() -> None:
    text = (
        "A drone strike killed a militia commander near Baghdad airport on January 3. "
        "Five days later, rockets struck the Ain al-Asad air base in Anbar."
    )
    extraction = extraction_of(text, "2020-01-20", "syn-later")
    dates = sorted(m.event_date for m in extraction.mentions if m.event_date)
    assert dates == [date(2020, 1, 3), date(2020, 1, 8)]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Officials said that late on Thursday several attackers approached the shrine.", date(2016, 7, 7)),
        ("Five people were killed, police said on Thursday.", None),  # the day it was told, not of the act
        ("The army said Thursday that troops had killed five militants.", None),
        (
            "Officials said 35 people were killed, up from a toll of 30 given overnight.",
            None,
        ),  # the count's time
    ],
)
def test_the_time_of_what_was_said_dates_the_act(sentence: str, day: date | None) -> None:
    found = find_date(sentence, date(2016, 7, 8))
    assert (found.value if found else None) == day


@pytest.mark.parametrize(
    "sentence",
    [
        "The rights commission now says at least 30 people have been killed nationwide today.",
        "According to the UN, 804 Iraqis were killed in acts of violence and terrorism in August.",
        "More than 270 people were killed in attacks in March, according to a tally by officials.",
        "Some 1,200 civilians were killed in violence last month, the mission said.",
    ],
)
def test_a_toll_over_the_whole_country_is_a_statistic(sentence: str) -> None:
    assert claim_kind(sentence, date(2019, 10, 25)) == "statistic"


def test_a_toll_in_one_town_is_no_statistic() -> None:
    assert claim_kind("At least 30 people were killed in Kirkuk on Friday.", date(2019, 10, 25)) is None


@pytest.mark.slow
def test_each_entry_of_a_live_blog_and_each_governorate_is_its_own_incident() -> None:
    text = (  # SYNTHETIC live blog
        "15:30 - The death toll in Baghdad has risen to five, medics said, with 200 injured.\n\n"
        "16:40 - In Karbala and Najaf, thousands marched peacefully after Friday prayers."
    )
    extraction = extraction_of(text, "2019-10-25", "syn-live")
    by_place = {m.place.admin1_code: m.event_type for m in extraction.mentions if m.place}
    assert by_place.get("IQ-KA") == by_place.get("IQ-NA") == "Protests"


def test_when_an_incident_came_is_told_against_the_news_not_as_an_incident() -> None:
    day = date(2010, 11, 2)
    said = (
        "The attack came as leaders remained deadlocked eight months after a March 7 parliamentary election."
    )
    assert claim_kind(said, day) == "reaction"
    assert (
        claim_kind("The attack came on Monday when gunmen stormed a checkpoint, killing five.", day) is None
    )
    told = "The blast came as worshippers gathered for prayers, killing 20 people."  # the incident itself
    assert claim_kind(told, day) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    "update",
    [
        "By Monday the ministry said 52 people had died and 67 were wounded.",
        "The health ministry said on Monday that the death toll from that attack had risen to 52.",
    ],
)
def test_a_later_toll_revises_the_incident_and_makes_no_other(update: str) -> None:
    text = "Gunmen stormed a church in Baghdad on Sunday, killing 37 worshippers, police said. " + update
    extraction = extraction_of(text, "2010-11-02", "syn-toll")
    [mention] = extraction.mentions
    assert mention.fatalities == 52 and str(mention.event_date) == "2010-10-31"


@pytest.mark.slow
def test_an_attack_of_several_bombs_at_a_place_of_its_own_is_no_summary() -> None:
    text = (  # SYNTHETIC wire report
        "BAGHDAD -- At least 30 people were killed on Monday in a wave of car bombs in Baghdad, police said.\n\n"
        "The deadliest attacks took place in Sadr City, where two car bombs went off in a market, killing 14.\n\n"
        "In Kadhimiya, a parked car bomb exploded near a row of shops, killing nine people.\n\n"
        "In the Bayaa district, a car bomb killed five people."
    )
    extraction = extraction_of(text, "2013-09-30", "syn-wave")
    assert sorted(m.fatalities for m in extraction.mentions) == [5, 9, 14]
    assert [c.kind for c in extraction.claims if c.text.startswith("BAGHDAD")] == ["summary"]


def test_last_tuesday_told_on_a_tuesday_is_a_week_before() -> None:
    tuesday = date(2014, 6, 17)
    found = find_date("The offensive began last Tuesday.", tuesday)
    assert found is not None and found.value == date(2014, 6, 10)
    same = find_date("Gunmen attacked a checkpoint on Tuesday.", tuesday)
    assert same is not None and same.value == tuesday


@pytest.mark.slow
def test_overnight_with_no_day_is_the_day_of_the_report_and_last_night_the_day_before() -> None:
    monday = date(2014, 6, 16)
    overnight = find_date("Militants attacked a police station overnight, officials said.", monday)
    assert overnight is not None and (overnight.value, overnight.precision) == (monday, "day")
    last_night = find_date("Militants attacked a police station last night, officials said.", monday)
    assert last_night is not None and last_night.value == date(2014, 6, 15)


def test_a_town_overrun_on_a_day_told_is_an_incident_and_undated_is_the_past() -> None:
    def towns(text: str) -> list[str]:
        return [m.place.name for m in extraction_of(text, "2014-06-16", "syn-taken").mentions if m.place]

    news = "Iraq's leaders met in Baghdad on Sunday. The offensive began last Tuesday, when militants overran Mosul."
    assert towns(news) == ["Mosul"]
    past = "Officials met in Baghdad on Monday. The army fled when militants rolled in from Syria and captured Mosul."
    assert towns(past) == []


def test_a_consequence_feared_is_no_plan_and_a_march_is_not_the_bombing() -> None:
    # SYNTHETIC.
    lead = (
        "BAGHDAD (AP) — Bombers destroyed the dome of a revered shrine in Samarra on Wednesday, raising fears "
        "that the country was sliding toward civil war."
    )
    assert claim_kind(lead, date(2006, 2, 23)) is None
    text = (
        f"{lead} In Najaf, thousands of Shiites marched through the streets chanting against the attackers. "
        "A senior cleric urged his followers not to attack Sunni mosques."
    )
    extraction = extraction_of(text, "2006-02-23", "syn-march")
    protests = sorted(
        (m.place.admin1_code if m.place else "", m.event_type == "Protests") for m in extraction.mentions
    )
    assert protests == [("IQ-NA", True), ("IQ-SD", False)]


def test_a_live_blog_entry_takes_no_date_from_the_entry_before_it() -> None:
    # SYNTHETIC. Entries run back in time; the one below is earlier than the one above.
    text = (
        "Live: strikes on bases. All times Baghdad (GMT+3).\n\n"
        "06:45 — How we got here: the parliament voted on Sunday to ask foreign troops to leave.\n\n"
        "02:30 — Breaking: missiles have struck the Ain al-Asad air base in Anbar, officials say."
    )
    extraction = extraction_of(text, "2020-01-08", "syn-live")
    assert [m.event_date for m in extraction.mentions] == [date(2020, 1, 8)]


def test_a_live_blog_entry_is_news_of_its_day_and_each_town_its_own_incident() -> None:
    # SYNTHETIC.
    text = (
        "Iraq protests live. All times are Baghdad time.\n\n"
        "09:10 - Thousands of demonstrators have gathered in Tahrir Square in central Baghdad.\n\n"
        '12:30 - "We are not leaving," says a 22-year-old graduate.\n\n'
        "13:20 - Reports from Nasiriyah: protesters have set fire to the offices of two political parties.\n\n"
        "In Diwaniya, police opened fire on protesters who tried to storm a party office, killing three."
    )
    extraction = extraction_of(text, "2019-10-25", "syn-live-towns")
    found = sorted(
        (m.place.admin1_code if m.place else "", m.event_type, m.event_date) for m in extraction.mentions
    )
    assert ("IQ-DQ", "Riots", date(2019, 10, 25)) in found and (
        "IQ-QA",
        "Protests",
        date(2019, 10, 25),
    ) in found


def test_a_square_of_the_city_told_of_is_the_same_incident() -> None:
    # SYNTHETIC.
    one = extraction_of(
        "BAGHDAD (AP) — Gunmen in pickup trucks opened fire on protesters in Baghdad on Friday night, killing "
        "23, officials said. The attackers drove into Khilani Square, where protesters had camped for weeks.",
        "2019-12-07",
        "syn-square",
    )
    assert len(one.mentions) == 1


def test_a_device_buried_overnight_is_the_blast_it_went_off_in() -> None:
    # SYNTHETIC. Reported on Monday: the blast was on Sunday, the device buried the night before.
    text = (
        "A roadside bomb struck a supply convoy near Rutba in Anbar province on Sunday, killing one soldier, "
        "an army officer said. The officer, who spoke on condition of anonymity, said the explosive device had "
        "been buried under the asphalt overnight."
    )
    extraction = extraction_of(text, "2021-03-15", "syn-night")
    assert [(m.event_date, m.fatalities) for m in extraction.mentions] == [(date(2021, 3, 14), 1)]
