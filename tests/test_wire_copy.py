"""How wire copy and web pages tell where and whether: datelines in capitals, "this city north of X", lists of
other stories, photo captions, hedged forecasts (SYNTHETIC articles written for sitrep: no real report)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.claims import claim_kind
from tests.synthetic import extraction_of

_BLAST = " A bomb exploded near a market on Monday, killing five people, police said."


def _places(text: str, published: str = "2020-07-21") -> list[tuple[str, str]]:
    extraction = extraction_of(text, published, "syn-wire")
    return [
        (m.place.name if m.place else "", m.place.admin1_code or "" if m.place else "")
        for m in extraction.mentions
    ]


@pytest.mark.parametrize(
    ("dateline", "governorate"),
    [
        ("MOSUL, Iraq (AP) —", "IQ-NI"),
        ("BASRA (Reuters) -", "IQ-BA"),
        ("ZAKHO, Iraq (AP) —", "IQ-DA"),
        ("HIT, Iraq (AP) —", "IQ-AN"),
    ],
)
def test_a_dateline_in_capitals_is_the_town(dateline: str, governorate: str) -> None:
    # five capitals or fewer read as initials ("AP", "KDP") anywhere else
    assert [g for _, g in _places(dateline + _BLAST)] == [governorate]


def test_a_foreign_dateline_in_capitals_is_not_an_iraqi_hamlet() -> None:
    # the gazetteer knows an Iraqi hamlet 'Amman', but the best-known Amman is Jordan's
    assert _places("AMMAN, Jordan (AP) —" + _BLAST) == []


def test_this_city_north_of_a_town_is_the_dateline_town() -> None:
    text = (
        "KHALIS, Iraq (AP) — A car bomb ripped through a crowded vegetable market in this town north of Baquba "
        "on Tuesday evening, killing 12 people."
    )
    assert _places(text, "2010-09-08") == [("Al Khalis", "IQ-DI")]


def test_where_a_force_was_sent_from_is_not_where_it_fired() -> None:
    text = (
        "NASIRIYAH, Iraq (AP) — The shooting started early on Thursday, when a force sent from Baghdad tried to "
        "open the bridges the protesters had closed, killing 25 protesters."
    )
    assert [g for _, g in _places(text, "2019-11-29")] == ["IQ-DQ"]


def test_a_quarter_in_the_north_of_a_town_is_not_the_governorate_of_its_name() -> None:
    text = (
        "Snipers hiding in the al-Qadisiya neighbourhood in the north of Tikrit killed three fighters of the "
        "paramilitary forces on Wednesday."
    )
    assert [g for _, g in _places(text, "2015-04-02")] == ["IQ-SD"]


def test_a_list_of_other_stories_is_not_news() -> None:
    text = (
        "ERBIL (Kurdistan 24) - Hundreds of protesters gathered outside the Turkish consulate in Erbil on Wednesday."
        "\n\nRelated: Turkish drone strike kills two in Sinjar | Rocket attack targets Baghdad airport\n\n"
        "The protest ended peacefully."
    )
    extraction = extraction_of(text, "2022-07-21", "syn-related")
    assert [(m.event_type, m.place.admin1_code if m.place else None) for m in extraction.mentions] == [
        ("Protests", "IQ-AR")
    ]


def test_a_caption_dated_in_may_is_no_plan() -> None:
    # "May" the month is not "may" the modal
    caption = "An Iraqi policeman inspects the wreckage of a car bomb in Kirkuk on Tuesday, May 8, 2012."
    assert claim_kind(caption, date(2012, 5, 11)) is None
    extraction = extraction_of(caption, "2012-05-11", "syn-caption")
    assert [(m.event_date, m.place.admin1_code if m.place else None) for m in extraction.mentions] == [
        (date(2012, 5, 8), "IQ-KI")
    ]


def test_an_attack_unlikely_but_not_excluded_is_a_forecast() -> None:
    assert (
        claim_kind("A large-scale attack on Baghdad is unlikely but cannot be excluded.", date(2020, 2, 21))
        == "plan"
    )


def test_a_town_north_of_a_city_may_lie_farther_than_its_suburbs() -> None:
    # Balad lies some 75 km north of Baghdad
    text = "Insurgents fired three mortar rounds at the U.S. air base at Balad, north of Baghdad, on Tuesday."
    assert [g for _, g in _places(text, "2004-06-16")] == ["IQ-SD"]


def test_a_front_east_of_a_city_is_not_a_namesake_south_of_it() -> None:
    # the gazetteer's Khidr (Salah ad Din) lies south of Mosul: not "east of Mosul"; one event, not two
    text = (
        "Peshmerga commanders say their forces retook nine villages east of Mosul today on the Khazir front, "
        "covering some 200 square kilometres."
    )
    assert [g for _, g in _places(text, "2016-10-17")] == ["IQ-NI"]


def test_an_armed_group_named_for_its_land_is_no_place() -> None:
    text = (
        "According to a source in the Shingal Resistance Units, Turkish jets bombed positions on Mount Sinjar on "
        "Monday, but there were no human losses."
    )
    assert [g for _, g in _places(text, "2020-06-16")] == ["IQ-NI"]


def test_a_clan_fight_with_grenade_launchers_is_one_clash_not_shelling_of_two_towns() -> None:
    text = (
        "BASRA, Iraq (Reuters) - Five people were killed and eight wounded when two clans fought with machine "
        "guns and rocket-propelled grenades in the Qurna district north of Basra on Sunday."
    )
    extraction = extraction_of(text, "2023-09-11", "syn-clans")
    assert [(m.sub_event_type, m.place.name if m.place else None) for m in extraction.mentions] == [
        ("Armed clash", "Al Qurnah")
    ]


def test_a_toll_whose_clause_ends_before_the_nationwide_protests_is_no_statistic() -> None:
    lead = (
        "BASRA, Iraq (Reuters) - Security forces fired tear gas at hundreds of protesters trying to storm the "
        "provincial government building in Basra on Sunday, wounding 12 people, as demonstrations over "
        "unemployment spread across Iraq's south for an eighth day."
    )
    assert claim_kind(lead, date(2018, 7, 16)) is None
    assert claim_kind(
        "At least 30 people have been killed nationwide in the protests.", date(2018, 7, 16)
    ) == ("statistic")


def test_a_later_count_said_of_the_bombing_is_its_toll_not_another_attack() -> None:
    text = (
        "KHALIS, Iraq (AP) - A car bomb ripped through a crowded vegetable market in this town north of Baquba on "
        "Tuesday evening, as shoppers bought food for the iftar meal of Ramadan. Police initially said eight "
        "people had died.\n\nOn Wednesday morning, the director of the Khalis hospital said at least 19 people had "
        "been killed and 41 wounded."
    )
    extraction = extraction_of(text, "2010-09-08", "syn-toll")
    assert [(m.event_date, m.fatalities, m.place.name if m.place else None) for m in extraction.mentions] == [
        (date(2010, 9, 7), 19, "Al Khalis")
    ]


def test_a_count_of_another_attack_said_later_is_that_attack() -> None:
    text = (
        "BAGHDAD (AP) — A car bomb killed five people in the Dora district on Monday, police said. Police also "
        "said two soldiers had been killed by a roadside bomb in Dora on Sunday."
    )
    extraction = extraction_of(text, "2021-01-07", "syn-two-counts")
    assert sorted((m.event_date, m.fatalities) for m in extraction.mentions) == [
        (date(2021, 1, 3), 2),
        (date(2021, 1, 4), 5),
    ]
