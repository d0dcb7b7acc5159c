"""Linking rules for what headlines carry, on headlines and reports written for sitrep (all SYNTHETIC)."""

from __future__ import annotations

from datetime import timedelta

from sitrep.link import Known, Linker, compare, link_into
from sitrep.link.compare import word_weights
from sitrep.link.report import person_keys
from sitrep.model import Place

from .test_link_rules import DAY, KHALIS, report


def test_another_victim_is_not_another_incident() -> None:
    first = report("a", "Bomb blast kills a shepherd near Khalis", place=KHALIS, killed=1)
    for text in (
        "Roadside bomb kills a shepherd and injures another near Khalis",
        "A shepherd was killed and another one wounded by a bomb near Khalis",
        "One shepherd killed, another wounded in blast near Khalis",
    ):
        later = report("b", text, place=KHALIS, killed=1, wounded=1, published=DAY + timedelta(1))
        assert not later.another, text
        assert not compare(first, later).vetoed, text
    again = report(
        "c", "Another shepherd targeted by a bomb near Khalis", place=KHALIS, published=DAY + timedelta(1)
    )
    assert again.another and compare(first, again).vetoed


def test_late_news_days_after_is_not_held_against_the_pair() -> None:
    attack = report("a", "Gunmen attack the house of an election candidate in Diyala")
    claim = report(
        "b", "IS claims attack on house of election candidate", published=DAY + timedelta(2), place=None
    )
    plain = report(
        "c", "Gunmen attack the house of an election candidate", published=DAY + timedelta(2), place=None
    )
    assert claim.late_news and not plain.late_news
    date_reason = next(r for r in compare(attack, claim).reasons if " date: " in r)
    assert date_reason.startswith("+0.3 date: 2 day(s) apart (late news)")
    assert compare(plain, attack).vetoed  # not late news: two days after is another day's incident


def test_two_lone_headlines_a_day_apart_join_when_each_is_the_others_only_fit() -> None:
    today = report("a", "Two hurt in Diyala roadside blast", wounded=2, place=KHALIS)
    tomorrow = report(
        "b",
        "Roadside explosion leaves civilians with injuries at a crowded Diyala market",
        published=DAY + timedelta(1),
    )
    weights = word_weights([today, tomorrow])
    assert 1.5 <= compare(today, tomorrow, weights).score < Linker([]).threshold  # too little for a pair
    events = link_into([today, tomorrow]).events
    assert [sorted(e.article_ids) for e in events] == [["a", "b"]]


def test_two_lone_headlines_a_day_apart_stay_apart_when_their_tolls_differ() -> None:
    today = report("a", "Six hurt in Diyala roadside blast", wounded=6, place=KHALIS)
    tomorrow = report(
        "b",
        "Roadside explosion at a Diyala market leaves five with injuries",
        published=DAY + timedelta(1),
        wounded=5,
    )
    weights = word_weights([today, tomorrow])
    assert 1.5 <= compare(today, tomorrow, weights).score < Linker([]).threshold
    events = link_into([today, tomorrow]).events
    assert sorted(sorted(e.article_ids) for e in events) == [["a"], ["b"]]


def test_two_lone_headlines_a_day_apart_stay_apart_when_either_fits_another() -> None:
    today = report("a", "Two hurt in Diyala roadside blast", wounded=2, place=KHALIS)
    tomorrow = report(
        "b",
        "Roadside explosion leaves civilians with injuries at a crowded Diyala market",
        published=DAY + timedelta(1),
    )
    yesterday = report("c", "Blast heard near Diyala farms", published=DAY - timedelta(1))
    reports = [today, tomorrow, yesterday]
    weights = word_weights(reports)
    # "a" fits two lone reports, each too little to pass the threshold with it: it joins neither
    assert 1.0 <= compare(today, yesterday, weights).score < Linker([]).threshold
    events = link_into(reports).events
    assert sorted(sorted(e.article_ids) for e in events) == [["a"], ["b"], ["c"]]


def test_two_lone_full_accounts_a_day_apart_stay_apart() -> None:
    a = report(
        "a",
        "Two people were hurt when a device went off beside a vegetable stall in Diyala governorate, Iraq, "
        "according to local residents, who added that the stall was destroyed.",
        wounded=2,
    )
    b = report(
        "b",
        "An explosion damaged a parked car in Diyala governorate, Iraq, and wounded its driver and a "
        "passer-by, police said, adding that the car belonged to a teacher.",
        wounded=2,
        published=DAY + timedelta(1),
    )
    assert a.full_account and b.full_account
    assert compare(a, b, word_weights([a, b])).score >= 1.0  # each is the other's only fit
    events = link_into([a, b]).events
    assert sorted(sorted(e.article_ids) for e in events) == [["a"], ["b"]]


def test_different_people_named_as_hit_stay_apart() -> None:
    a = report("a", "Activist Ali Emad survives an assassination attempt in Khalis", place=KHALIS)
    b = report("b", "A bomb exploded at the home of activist Ahmed Abbas in Diyala")
    same = report("c", "Gunmen target activist Ali Imad in Khalis", place=KHALIS)
    assert compare(a, b).vetoed and "different people" in compare(a, b).reasons[0]
    assert not compare(a, same).vetoed  # one person, spelt two ways


def test_people_are_read_only_where_capitals_name_someone() -> None:
    assert person_keys(("Senior Iraqi Commander Survives Roadside Bombing",)) == frozenset()  # title case
    assert person_keys(("the lawmaker Karim Hassan said the attack was a crime",)) == frozenset()  # a source
    assert person_keys(("gunmen killed journalist Ahmed Abdul Samad in Basra",)) >= {"samad"}


def test_two_lone_headlines_a_day_apart_join_on_a_bare_fit_when_nothing_else_fits() -> None:
    today = report("a", "Two hurt in Diyala blast", wounded=2, place=KHALIS)
    tomorrow = report(
        "b",
        "Explosion leaves civilians with injuries at a crowded Diyala market",
        published=DAY + timedelta(1),
    )
    assert 1.0 <= compare(today, tomorrow, word_weights([today, tomorrow])).score < 1.5
    events = link_into([today, tomorrow]).events
    assert [sorted(e.article_ids) for e in events] == [["a", "b"]]
    unfit = report("c", "Explosion heard at a Diyala market", published=DAY + timedelta(1), place=None)
    assert compare(today, unfit, word_weights([today, unfit])).score < 1.0
    events = link_into([today, unfit]).events
    assert sorted(sorted(e.article_ids) for e in events) == [["a"], ["c"]]


def test_a_stored_lone_report_that_fits_another_stored_one_is_no_new_reports_only_fit() -> None:
    before = report("k", "Roadside blast hits police patrol in Diyala", published=DAY - timedelta(1))
    stored = report("j", "Two soldiers hurt in Diyala roadside blast", wounded=2, place=KHALIS)
    new = report("i", "Roadside explosion leaves two with injuries in Diyala", published=DAY + timedelta(1))
    weights = word_weights([before, stored, new])
    fits = compare(stored, before, weights).score, compare(stored, new, weights).score
    # both fit the stored report, the new one not clearly better (police and soldiers: no pair of its own)
    assert 1.0 <= fits[0] < fits[1] < min(fits[0] + 0.5, Linker([]).threshold)
    apart = [["i"], ["j"], ["k"]]
    assert sorted(sorted(e.article_ids) for e in link_into([before, stored, new]).events) == apart
    first = link_into([before, stored]).events
    assert sorted(sorted(e.article_ids) for e in first) == [["j"], ["k"]]
    known = [Known(r, e.event_id, None) for r, e in zip([before, stored], first, strict=True)]
    later = link_into([new], known).events  # one report at a time: the same events as all at once
    assert sorted(sorted(e.article_ids) for e in later) == [["i"]]


def test_a_report_whose_only_fit_is_a_vague_report_that_fits_others_too_stays_apart() -> None:
    other = Place("Baladruz", "Iraq", "Diyala", "IQ-DI", None, 33.7, 45.07, 1, "PPL", "p:baladruz", 20)
    khalis = report("a", "Bomb kills three policemen in Khalis", place=KHALIS, killed=3)
    vague = report("b", "Policemen hit in Iraq", place=None)
    baladruz = report("c", "Bomb kills three policemen in Baladruz", place=other, killed=3)
    weights = word_weights([khalis, vague, baladruz])
    assert compare(khalis, baladruz, weights).vetoed  # two towns: "a" fits only the vague report
    assert compare(khalis, vague, weights).score >= 1.0 and compare(baladruz, vague, weights).score >= 1.0
    events = link_into([khalis, vague, baladruz]).events
    assert sorted(sorted(e.article_ids) for e in events) == [["a"], ["b"], ["c"]]


def test_forces_named_as_the_ones_acting_are_not_the_ones_hit() -> None:
    assert report("a", "Iraqi army kills 35 militants near Khalis").victims == frozenset()
    assert report("b", "PMF thwarts an attack east of Khalis").victims == frozenset()
    assert report("c", "Two soldiers killed near Khalis").victims == {"soldiers"}  # passive: the ones hit
    assert report("d", "Army kills two militants; a soldier wounded").victims == {"soldiers"}
    shepherds = report("e", "Bomb kills two shepherds near Khalis", killed=2)
    army = report("f", "Iraqi army kills two militants near Khalis", killed=2)
    assert not any("different victims" in r for r in compare(shepherds, army).reasons)


def test_two_reports_giving_only_the_same_governorate_agree_on_the_place() -> None:
    a = report("a", "Two injured in an explosion in Diyala", wounded=2)
    b = report("b", "Civilians injured by an explosive device in Diyala")
    town = report("c", "Civilians injured by an explosive device in Khalis", place=KHALIS)
    assert next(r for r in compare(a, b).reasons if " place: " in r).startswith("+0.3 place: both give only")
    assert next(r for r in compare(a, town).reasons if " place: " in r).startswith("+0.0 place: one report")


def test_two_lone_headlines_of_one_day_naming_different_forces_stay_apart() -> None:
    militia = report(
        "a", "Militiaman killed in an attack in Diyala", kind=("Battles", "Armed clash"), killed=1
    )
    police = report(
        "b", "A policeman injured in an attack in Diyala", kind=("Battles", "Armed clash"), wounded=1
    )
    comparison = compare(militia, police, word_weights([militia, police]))
    assert not comparison.vetoed and comparison.score >= 1.0  # forces confused in headlines: no veto
    events = link_into([militia, police]).events
    assert sorted(sorted(e.article_ids) for e in events) == [["a"], ["b"]]


def test_a_report_of_one_more_incident_of_a_series_is_not_the_next_days() -> None:
    series = report("a", "Another liquor shop attacked in Baghdad")
    next_day = report("b", "Blast targets liquor shop in Baghdad", published=DAY + timedelta(1))
    assert compare(series, next_day).vetoed and "series" in compare(series, next_day).reasons[0]
    same_day = report("c", "Blast targets liquor shop in Baghdad")
    assert not compare(series, same_day).vetoed
    told = report(
        "d", "Another liquor shop attacked in Baghdad on Monday", stated=DAY, published=DAY + timedelta(1)
    )
    plain = report("e", "Blast targets liquor shop in Baghdad", published=DAY + timedelta(1))
    assert not compare(told, plain).vetoed  # a day stated: the day is the text's, not the publication's


def test_local_officials_and_pilgrims_are_victims_two_headlines_share() -> None:
    # Synthetic headlines: "a local official" and "the mayor's house" tell of one victim; so do
    # "pilgrims" and "the pilgrimage"; an official named as a source is not one.
    assert report("a", "An explosive device targets a local official in Khalis").victims == {"official"}
    assert report("b", "Sound bomb explodes at the house of the mayor of Khalis").victims == {"official"}
    assert report("c", "Pilgrimage goes on despite blast in Khalis").victims == {"worshippers"}
    assert report("d", "Bomb wounds ten pilgrims in Khalis").victims == {"worshippers"}
    assert report("e", "Two soldiers killed in Khalis, officials said").victims == {"soldiers"}


def test_two_lone_headlines_naming_different_forces_with_the_same_toll_join() -> None:
    militia = report(
        "a", "3 deaths of Hashd fighters near Khalis", kind=("Battles", "Armed clash"), killed=3, place=KHALIS
    )
    troops = report(
        "b", "IS militants kill three Iraqi troops in Diyala", kind=("Battles", "Armed clash"), killed=3
    )
    assert militia.victims != troops.victims
    assert compare(militia, troops, word_weights([militia, troops])).score < Linker([]).threshold
    events = link_into([militia, troops]).events
    assert [sorted(e.article_ids) for e in events] == [["a", "b"]]


def test_gunmen_and_a_bomb_are_two_means() -> None:
    shooting = report(
        "a",
        "Gunmen assassinate an intelligence officer in Baghdad",
        kind=("Violence against civilians", "Attack"),
        killed=1,
    )
    blast = report(
        "b", "One killed in a motorcycle explosion in Baghdad", killed=1, published=DAY + timedelta(1)
    )
    assert shooting.means == {"gunfire"} and blast.means == {"explosive"}
    assert compare(shooting, blast).vetoed


def test_a_lone_headline_joins_the_event_it_fits_clearly_best() -> None:
    baqubah = Place("Baqubah", "Iraq", "Diyala", "IQ-DI", None, 33.75, 44.64, 1, "PPL", "p:baqubah", 30)
    khalis = report("a", "Roadside bomb kills two truck drivers in Khalis", place=KHALIS, killed=2)
    baqubah_day_before = report(
        "b", "Roadside bomb goes off near Baqubah", place=baqubah, published=DAY - timedelta(1)
    )
    headline = report("x", "Blast kills two in Diyala", place=None, killed=2)
    weights = word_weights([khalis, baqubah_day_before, headline])
    best, next_best = (compare(headline, r, weights).score for r in (khalis, baqubah_day_before))
    assert next_best >= 1.0 and next_best + 0.5 <= best < Linker([]).threshold  # two fits, one clearly better
    events = link_into([khalis, baqubah_day_before, headline]).events
    assert sorted(sorted(e.article_ids) for e in events) == [["a", "x"], ["b"]]


def test_american_forces_are_the_coalition_not_the_iraqi_army() -> None:
    assert report(
        "a", "Roadside bomb hits US military supply trucks in southern Iraq", place=None
    ).victims == {"coalition"}
    assert report("b", "Explosive device strikes a supply line of the Coalition near Hilla").victims == {
        "coalition"
    }
    assert report("c", "Two U.S. soldiers wounded by a roadside bomb").victims == {"coalition"}
    assert report("d", "Two Iraqi soldiers wounded by a roadside bomb").victims == {"soldiers"}
    us, coalition = (
        report("e", "US military convoy hit by a roadside bomb in Diyala"),
        report("f", "Roadside bomb targets a coalition convoy in Diyala"),
    )
    assert any("both hit coalition" in r for r in compare(us, coalition).reasons)
