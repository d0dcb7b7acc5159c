"""One test per linking rule, on reports and headlines written for sitrep (all SYNTHETIC)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from sitrep.link import Known, Linker, compare, link_into
from sitrep.link.report import Report
from sitrep.model import Evidence, Mention, Place, Source

DAY = date(2023, 5, 8)
DIYALA = Place("Diyala", "Iraq", "Diyala", "IQ-DI", None, 33.9, 45.0, 3, "ADM1", "IQ-DI", 50)
KHALIS = Place("Khalis", "Iraq", "Diyala", "IQ-DI", None, 33.81, 44.53, 1, "PPL", "p:khalis", 20)


def report(
    article_id: str,
    text: str,
    *,
    published: date = DAY,
    stated: date | None = None,
    place: Place | None = DIYALA,
    kind: tuple[str, str] = ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    killed: int = 0,
    wounded: int = 0,
    names: tuple[str, ...] = (),
) -> Report:
    """A report as the extractor would give it; `stated`: the day the text gives (else the publication's)."""
    m = Mention(
        article_id=article_id,
        index=0,
        event_date=stated or published,
        date_precision="day",
        event_type=kind[0],
        sub_event_type=kind[1],
        actor1=None,
        actor2=None,
        place=place,
        fatalities=killed,
        fatalities_low=killed or None,
        fatalities_high=killed or None,
        injured=wounded,
        evidence=(Evidence(article_id, 0, len(text), text),),
        field_evidence=(("event_date", 0),) if stated else (),
        place_names=names,
    )
    from sitrep.link.report import content_words

    source = Source(article_id, "Synthetic Wire", None, published)
    return Report(m, published, (source,), content_words((text,), place))


def test_two_reports_giving_different_days_stay_apart_unless_one_is_late_news() -> None:
    a = report("a", "A roadside bomb killed a farmer on Monday.", stated=DAY, killed=1)
    b = report("b", "A roadside bomb killed a farmer on Tuesday.", stated=DAY + timedelta(1), killed=1)
    assert compare(a, b).vetoed and "different days" in compare(a, b).reasons[0]
    late = report(
        "c", "A farmer hurt by a roadside bomb died of his wounds on Tuesday.", stated=DAY + timedelta(1)
    )
    assert not compare(a, late).vetoed


def test_a_headline_dated_by_publication_may_lag_a_day_not_two() -> None:
    a = report("a", "Bomb hits army patrol in Diyala")
    next_day = report("b", "Roadside bomb targets army patrol in Diyala", published=DAY + timedelta(1))
    two_days = report("c", "Roadside bomb targets army patrol in Diyala", published=DAY + timedelta(2))
    assert not compare(a, next_day).vetoed
    assert compare(a, two_days).vetoed
    claim = report("d", "IS claims attack on army patrol in Diyala", published=DAY + timedelta(2))
    assert not compare(a, claim).vetoed  # a claim of responsibility is late news


def test_different_places_named_inside_a_governorate_stay_apart() -> None:
    a = report("a", "Bomb blast in Jalawla market", names=("Jalawla",))
    b = report("b", "Bomb blast in Saadiya market", names=("Saadiya",))
    assert compare(a, b).vetoed and "different places named" in compare(a, b).reasons[0]


def test_soldiers_and_shepherds_are_different_victims() -> None:
    a = report("a", "Bomb kills two soldiers in Diyala", killed=2)
    b = report("b", "Bomb kills two shepherds in Diyala", killed=2)
    assert compare(a, b).vetoed and "different victims" in compare(a, b).reasons[0]
    c = report("c", "Bomb kills two army officers in Diyala", killed=2)
    assert not compare(a, c).vetoed


@pytest.mark.parametrize(
    ("later_text", "later_published", "vetoed"),
    [
        ("Bomb kills three soldiers in Diyala", DAY, True),  # same morning, other toll: another blast
        ("Bomb kills three soldiers in Diyala", DAY + timedelta(1), False),  # a later report, a higher toll
        ("Toll rises to three in Diyala bombing of soldiers", DAY, False),  # says it revises the toll
    ],
)
def test_incompatible_tolls_stay_apart_but_tolls_may_rise(
    later_text: str, later_published: date, vetoed: bool
) -> None:
    a = report("a", "Bomb kills two soldiers in Diyala", stated=DAY, killed=2)
    b = report("b", later_text, published=later_published, stated=DAY, killed=3)
    assert compare(a, b).vetoed is vetoed


def test_in_a_full_account_silence_on_the_wounded_means_none() -> None:
    full = (
        "A roadside bomb exploded near a police patrol on the main road north of Khalis on Monday, "
        "killing two policemen, and security forces closed the road for several hours, officials said."
    )
    a = report("a", full, place=KHALIS, stated=DAY, killed=2)
    b = report(
        "b", full.replace("killing two policemen", "wounding four policemen"), place=KHALIS, stated=DAY
    )
    headline = report("c", "Bomb hits police patrol near Khalis", place=KHALIS)
    assert compare(a, b).vetoed  # two full accounts: one gives dead and no wounded, the other the reverse
    assert not compare(a, headline).vetoed  # a headline leaves the toll out without saying there was none


def test_a_report_of_another_attack_is_not_the_one_told_the_day_before() -> None:
    a = report("a", "Blast targets liquor shop in Baghdad")
    b = report("b", "Another liquor shop attacked in Baghdad", published=DAY + timedelta(1))
    assert compare(a, b).vetoed and "another incident" in compare(a, b).reasons[0]


def test_a_shooting_and_a_bombing_stay_apart_even_when_both_are_typed_attack() -> None:
    attack = ("Violence against civilians", "Attack")
    a = report("a", "Gunmen shot dead a farmer in Diyala", kind=attack, killed=1)
    b = report("b", "A farmer killed in a bomb blast in Diyala", kind=attack, killed=1)
    assert compare(a, b).vetoed and "told as" in compare(a, b).reasons[0]


def test_a_headline_with_no_place_joins_the_only_event_of_its_day_that_fits() -> None:
    a = report("a", "Roadside bomb kills three policemen in Khalis", place=KHALIS, killed=3)
    b = report("b", "Three policemen killed by bomb near Khalis", place=KHALIS, killed=3)
    vague = report("c", "Policemen hit in Iraq", place=None)  # too little to pass the threshold alone
    assert compare(a, vague).score < Linker([]).threshold
    events = link_into([a, b, vague]).events
    assert [sorted(e.article_ids) for e in events] == [["a", "b", "c"]]


def test_a_headline_that_fits_two_events_joins_neither() -> None:
    khalis = report("a", "Bomb kills policemen in Khalis", place=KHALIS, killed=3)
    khalis2 = report("b", "Policemen killed by bomb in Khalis", place=KHALIS, killed=3)
    other = Place("Baladruz", "Iraq", "Diyala", "IQ-DI", None, 33.7, 45.07, 1, "PPL", "p:baladruz", 20)
    baladruz = report("c", "Bomb kills policemen in Baladruz", place=other, killed=3)
    baladruz2 = report("d", "Policemen killed by bomb in Baladruz", place=other, killed=3)
    vague = report("e", "Policemen hit in Iraq", place=None)  # too little to pass the threshold alone
    events = link_into([khalis, khalis2, baladruz, baladruz2, vague]).events
    assert sorted(sorted(e.article_ids) for e in events) == [["a", "b"], ["c", "d"], ["e"]]


def test_a_headline_links_into_a_stored_event_built_from_a_full_article() -> None:
    full = (
        "A roadside bomb exploded near a police patrol on the main road north of Khalis on Monday, "
        "killing three policemen and wounding two, security officials said on Monday evening."
    )
    stored = report("article", full, place=KHALIS, stated=DAY, killed=3, wounded=2)
    first = link_into([stored]).events[0]
    known = [Known(stored, first.event_id, first.links[0] if first.links else None)]
    headline = report("headline", "Bomb kills three policemen near Khalis", place=KHALIS, killed=3)
    result = link_into([headline], known)
    assert [e.event_id for e in result.events] == [first.event_id]  # the older event keeps its id
    assert set(result.events[0].article_ids) == {"article", "headline"}
    assert link_into([], known).events == []  # nothing new: nothing changes


def test_merges_are_counted_by_the_kind_of_their_reasons(tmp_path: Path) -> None:
    from benchmarks.link_reasons import count

    a = report("a", "Roadside bomb kills three policemen in Khalis", place=KHALIS, killed=3)
    b = report("b", "Three policemen killed by bomb near Khalis", place=KHALIS, killed=3)
    events = link_into([a, b]).events
    path = tmp_path / "events.jsonl"
    links = [
        {
            "linked_to": [x.other_article_id, x.other_index] if x.other_article_id else None,
            "reasons": x.reasons,
        }
        for x in events[0].links
    ]
    path.write_text(json.dumps({"links": links}) + "\n", encoding="utf-8")
    n_events, merges, pro, _ = count(path)
    assert (n_events, merges) == (1, 1)
    assert {"date", "place", "type", "killed"} <= set(pro)


def test_a_merged_event_takes_the_means_one_report_names() -> None:
    """Three reports say only that a commander was killed (an attack); one says it was an air strike: the
    event is the air strike, however many reports left out the means."""
    from sitrep.link.merge import merge

    strike = ("Explosions/Remote violence", "Air/drone strike")
    attack = ("Violence against civilians", "Attack")
    reports = [
        report("a", "The killing of the militia commander in Diyala drew protests.", kind=attack, killed=1),
        report("b", "The commander's killing in Diyala was condemned.", kind=attack, killed=1),
        report("c", "An air strike killed the militia commander in Diyala.", kind=strike, killed=1),
        report("d", "Mourners buried the commander killed in Diyala.", kind=attack, killed=1),
    ]
    event = merge(reports, [])
    assert (event.event_type, event.sub_event_type) == strike


def test_reports_naming_different_armed_forces_are_not_different_victims() -> None:
    """Reports confuse forces ("army convoy" for a coalition supply convoy): only armed against unarmed
    victims count against a link, and then strongly. American forces are the coalition's."""
    coalition = report("a", "A roadside bomb hit a coalition supply convoy in Khalis.", place=KHALIS)
    military = report("b", "Army convoy targeted by a bomb in Khalis.", place=KHALIS)
    american = report("d", "US military convoy targeted by a bomb in Khalis.", place=KHALIS)
    assert any("both hit coalition" in r for r in compare(coalition, american).reasons)
    shepherds = report("c", "A roadside bomb killed shepherds in Khalis.", place=KHALIS)
    forces, unarmed = compare(coalition, military), compare(coalition, shepherds)
    assert not forces.vetoed and forces.score >= 2.0, forces.reasons
    assert any("different forces named" in r for r in forces.reasons)
    assert unarmed.vetoed or unarmed.score < 2.0


def test_large_tolls_a_fifth_apart_may_be_one_incident_small_ones_must_agree() -> None:
    ten = report("a", "Bomb attack injures 10 pilgrims in Khalis.", place=KHALIS, wounded=10)
    nine = report("b", "A blast wounded nine people near a shrine in Khalis.", place=KHALIS, wounded=9)
    five = report("c", "A blast wounded five people near a shrine in Khalis.", place=KHALIS, wounded=5)
    one = report("d", "A roadside bomb killed a soldier in Khalis.", place=KHALIS, killed=1)
    two = report("e", "A roadside bomb killed two soldiers in Khalis.", place=KHALIS, killed=2)
    assert not compare(ten, nine).vetoed
    assert compare(ten, five).vetoed and compare(one, two).vetoed


def test_a_toll_that_rises_in_the_next_days_report_is_one_incident() -> None:
    """Neither report gives the day: each is dated by its publication, a day apart. The later one
    giving more dead is the toll rising; giving fewer, it is another incident."""
    first = report("a", "A soldier was killed in an attack in Khalis.", place=KHALIS, killed=1)
    more = report(
        "b", "Two soldiers killed in attack in Khalis.", place=KHALIS, killed=2, published=DAY + timedelta(1)
    )
    fewer = report(
        "c", "A soldier killed in attack in Khalis.", place=KHALIS, killed=1, published=DAY + timedelta(1)
    )
    earlier_two = report("d", "Two soldiers were killed in an attack in Khalis.", place=KHALIS, killed=2)
    assert not compare(first, more).vetoed
    assert compare(earlier_two, fewer).vetoed


def test_two_full_accounts_are_held_to_what_they_say() -> None:
    """Full accounts are specific: different forces hit are different victims, and a next day's account
    with another toll is another incident unless it says the toll rose."""
    police = report(
        "a",
        "A roadside bomb exploded next to a police patrol on the main road in Khalis, Diyala province, "
        "killing three police officers and wounding four others, local officials said, adding that no group "
        "has claimed the attack so far.",
        place=KHALIS,
        killed=3,
        wounded=4,
    )
    army = report(
        "b",
        "A roadside bomb exploded next to an army patrol on the main road in Khalis, Diyala province, "
        "killing seven soldiers and wounding seven others, local officials said, adding that no group has "
        "claimed the attack so far.",
        place=KHALIS,
        killed=7,
        wounded=7,
        published=DAY + timedelta(1),
    )
    assert police.full_account and army.full_account
    c = compare(police, army)
    assert c.vetoed and "3 vs 7 killed" in c.reasons[0]
    same_toll = dataclasses.replace(army, mention=dataclasses.replace(army.mention, fatalities=3, injured=4))
    assert any("different victims: police, soldiers" in r for r in compare(police, same_toll).reasons)


def test_a_massage_centre_and_a_convoy_are_different_targets() -> None:
    """Armed groups bomb 'immoral' businesses and coalition convoys alike, often on the same days in the
    same city: what was hit tells the incidents apart."""
    centre = report("a", "An explosion targets a massage center in Khalis.", place=KHALIS)
    convoy = report("b", "IED blast targets a coalition convoy in Khalis.", place=KHALIS)
    c = compare(centre, convoy)
    assert c.vetoed and "different victims" in c.reasons[0]
