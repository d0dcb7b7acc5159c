"""Place rules of issue 12: spelling variants, distance and bearing, facilities, roads between two towns,
and villages only the war map holds. Every sentence here is SYNTHETIC, written for these tests; they
need only the bundled gazetteer (no network, no shared data folder)."""

from __future__ import annotations

import pytest

from sitrep.geo.admin1 import fold
from sitrep.geo.boundaries import governorate_at
from sitrep.geo.build import CONFLICTMAP_FILE, DATA_DIR, PLACES_FILE
from sitrep.geo.conflictmap import new_places
from sitrep.geo.distance import km_between
from sitrep.geo.gazetteer import default_gazetteer
from sitrep.geo.locate import resolve
from sitrep.geo.names import facility_keys, name_keys, skeleton, skeletons
from sitrep.geo.offsets import destination, midpoint
from sitrep.geo.toponyms import find_toponyms
from sitrep.model import Place
from tests.synthetic import extraction_of


def _place(text: str) -> Place:
    g = default_gazetteer()
    place = resolve(find_toponyms(text, g), g, set())
    assert place is not None, text
    return place


def _town(name: str, admin1_code: str) -> tuple[float, float]:
    towns = [p for p in default_gazetteer().lookup(name) if p.admin1_code == admin1_code and not p.facility]
    best = max(towns, key=lambda p: p.importance)
    return best.latitude, best.longitude


# --- name variants: general transliteration rules (invented names, so no gazetteer entry decides) ---


@pytest.mark.parametrize(
    "variants",
    [
        ("Tal Zubbar", "Tell Zubbar", "Tel Zubbar", "Tall Zubbar"),  # Tal/Tell/Tel/Tall
        ("Haworija", "Haworiyah", "Al-Haworiya"),  # j/y between vowels, final -ah/-a, article
        ("Qubbasiyah", "Qubasiya", "Qubbasieh"),  # doubled letters, -iyah/-iya/-ieh
        ("Jazirat al-Qaffar", "Jazirat Qaffar", "Jazirat ash-Qafar"),  # article forms inside a name
        ("Albu Dhurgham", "Al Bu Durgham"),  # Albu / Al Bu, dh/d
        ("Qasr Ghilan", "Kasr Gilan"),  # q/k, gh/g
    ],
)
def test_spelling_variants_share_one_skeleton(variants: tuple[str, ...]) -> None:
    keys = {skeleton(name_keys(fold(v))[-1]) for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    "variants",
    [
        ("Qarmasha", "Garmasha", "Karmasha"),  # qaf as news writes it: q, g, k
        ("Al Kuwabir", "Gwabir", "Guwabir"),  # and a short u before w, written or not
    ],
)
def test_qaf_spellings_share_a_skeleton(variants: tuple[str, ...]) -> None:
    keys = [set(skeletons(name_keys(fold(v))[-1])) for v in variants]
    assert set.intersection(*keys), keys


def test_ghayn_is_not_qaf() -> None:
    """'Baghzar' and 'Bakzar' are two names: gh is not the g that stands for qaf."""
    assert not set(skeletons("baghzar")) & set(skeletons("bakzar"))


@pytest.mark.parametrize(
    ("text", "admin1_code"),
    [("Troops entered al-Qaim on Friday.", "IQ-AN"), ("Gunmen attacked a checkpoint in al-Karmah.", "IQ-AN")],
)
def test_a_name_written_with_a_lower_case_article_is_found(text: str, admin1_code: str) -> None:
    assert _place(text).admin1_code == admin1_code


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("zubbar district", "zubbar"),
        ("zubbar sub district", "zubbar"),
        ("qaryat zubbar", "zubbar"),
        ("ash zubbar", "zubbar"),
        ("az zubbar district", "zubbar"),
    ],
)
def test_generic_words_and_articles_are_optional(written: str, bare: str) -> None:
    assert bare in name_keys(written)


@pytest.mark.parametrize(
    ("text", "admin1_code"),
    [
        ("A bomb went off in Tell Afar district.", "IQ-NI"),
        ("Gunmen shot a farmer in Al-Hawiyah.", "IQ-KI"),
        ("Mortars fell on Qaryat Tarmiyah.", "IQ-BG"),
        # the town called by the name the text says, not a village whose name adds "Qaryat" (village of)
        ("Two strikes hit militants near Qayyarah.", "IQ-NI"),
        # a quarter named like a governorate, of the town named after it
        ("A mortar landed in the al-Qadisiya district of Tikrit.", "IQ-SD"),
        # landmarks no open gazetteer holds, written for sitrep (sitrep/geo/data/landmarks.tsv)
        ("Mortar rounds landed inside the Green Zone.", "IQ-BG"),
        ("A truck bomb exploded in Salhiyah, near the Green Zone.", "IQ-BG"),
    ],
)
def test_variants_find_the_town(text: str, admin1_code: str) -> None:
    assert _place(text).admin1_code == admin1_code


# --- distance and bearing ---


def test_distance_and_bearing_give_a_point_off_the_town() -> None:
    place = _place("A roadside bomb exploded 20 km west of Ramadi.")
    ramadi = _town("Ramadi", "IQ-AN")
    assert place.geo_precision == 2 and place.admin1_code == "IQ-AN"
    assert km_between(ramadi, (place.latitude, place.longitude)) == pytest.approx(20, abs=0.5)
    assert place.longitude < ramadi[1] and "20 km west of" in place.name


def test_miles_are_converted_and_the_governorate_is_where_the_point_falls() -> None:
    place = _place("Gunmen ambushed a patrol 31 miles south of Karbala.")
    karbala = _town("Karbala", "IQ-KA")
    assert km_between(karbala, (place.latitude, place.longitude)) == pytest.approx(50, abs=1)
    assert place.admin1_code == "IQ-NA" and place.geo_precision == 2  # across the border, in Najaf


def test_a_bearing_without_a_distance_stays_at_the_town_near_it() -> None:
    place = _place("Clashes broke out north-east of Baqubah.")
    assert place.geo_precision == 2 and (place.latitude, place.longitude) == _town("Baqubah", "IQ-DI")


# --- facilities ---


@pytest.mark.parametrize(
    ("text", "admin1_code"),
    [
        ("Rockets hit Ain al-Asad air base on Monday.", "IQ-AN"),
        ("Two rockets landed inside the K-1 base.", "IQ-KI"),
        ("Militants fired on guards at the Mosul Dam.", "IQ-NI"),
    ],
)
def test_a_facility_resolves_to_its_own_point(text: str, admin1_code: str) -> None:
    place = _place(text)
    assert place.admin1_code == admin1_code and place.geo_precision == 1
    facilities = [c for t in find_toponyms(text, default_gazetteer()) for c in t.candidates if c.facility]
    assert (place.latitude, place.longitude) in {(c.latitude, c.longitude) for c in facilities}


def test_a_facility_named_after_the_town_it_serves_is_coded_to_the_town() -> None:
    place = _place("A drone hit a hangar at Erbil International Airport.")
    assert place.geo_precision == 1 and place.admin1_code == "IQ-AR"
    assert km_between((place.latitude, place.longitude), _town("Erbil", "IQ-AR")) < 1


def test_facility_words_are_one_kind_whatever_the_spelling() -> None:
    assert (
        facility_keys("balad air base") == facility_keys("balad airbase") == facility_keys("balad airfield")
    )
    assert facility_keys("k 1 air base") == facility_keys("k1 base")
    assert facility_keys("zubbar dam") != facility_keys("zubbar air base")
    assert facility_keys("zubbar") == []


# --- the road between two towns ---


@pytest.mark.parametrize(
    "text",
    [
        "A bomb hit a convoy on the road between Tikrit and Samarra.",
        "A bomb hit a convoy on the Tikrit-Samarra highway.",
        "A bomb hit a convoy on the highway linking Tikrit to Samarra.",
    ],
)
def test_a_road_between_two_towns_is_coded_halfway(text: str) -> None:
    place = _place(text)
    a, b = _town("Tikrit", "IQ-SD"), _town("Samarra", "IQ-SD")
    here = (place.latitude, place.longitude)
    assert place.geo_precision == 2 and place.admin1_code == "IQ-SD"
    assert km_between(here, a) == pytest.approx(km_between(here, b), abs=1)
    assert km_between(here, a) == pytest.approx(km_between(a, b) / 2, abs=1)


# --- villages only the war map holds ---


def test_a_war_map_village_resolves() -> None:
    place = _place("Gunmen attacked a shepherd near Akashat.")
    assert place.place_id.startswith("conflictmap:") and place.admin1_code == "IQ-AN"


def test_the_war_map_places_ship_in_their_own_file() -> None:
    assert (DATA_DIR / CONFLICTMAP_FILE).exists() and (DATA_DIR / PLACES_FILE).exists()
    assert (DATA_DIR / CONFLICTMAP_FILE).stat().st_size < 200_000


def _war_map_row(name: str, lat: float, lon: float) -> dict[str, str]:
    return {
        "wof_id": "wikimap-iq-9999",
        "name": name,
        "alt_names": "",
        "lat": str(lat),
        "lon": str(lon),
        "gn_feature_code": "PPL",
        "ocha_adm1_pcode": "IQG01",
        "ocha_adm2_en": "",
    }


def test_a_war_map_place_that_wof_holds_nearby_is_not_added_twice() -> None:
    wof = [{"country": "Iraq", "names": "qaryat az zubbar", "lat": "33.0", "lon": "43.0"}]
    near = _war_map_row("Al-Zubar, Iraq", 33.05, 43.0)  # about 6 km away: the same village
    far = _war_map_row("Zubbar", 34.0, 43.0)  # 111 km away: another village of that name
    other = _war_map_row("Kharufa", 33.0, 43.0)  # another name at the same point
    kept = list(new_places([near, far, other], wof))
    assert [r["name"] for r in kept] == ["Zubbar", "Kharufa"]
    assert kept[0]["admin1_code"] == "IQ-AN" and kept[0]["place_id"] == "conflictmap:9999"


# --- geometry ---


def test_destination_and_midpoint() -> None:
    north = destination(33.0, 44.0, 111.195, 0.0)
    assert north == pytest.approx((34.0, 44.0), abs=1e-3)
    east = destination(0.0, 44.0, 111.195, 90.0)
    assert east == pytest.approx((0.0, 45.0), abs=1e-3)
    assert midpoint((33.0, 44.0), (35.0, 44.0)) == pytest.approx((34.0, 44.0), abs=1e-6)


def test_governorate_by_point_in_polygon() -> None:
    shape = governorate_at(*_town("Ramadi", "IQ-AN"))
    assert shape is not None and shape.admin1_code == "IQ-AN"
    assert governorate_at(48.85, 2.35) is None  # Paris


@pytest.mark.parametrize(
    "headline",
    [
        "Open Season: Two More US-led Coalition Supply Convoys Attacked In Iraq",
        "Here Is Why Some Fear There Will Be Many More Attacks",
    ],
)
def test_an_english_word_capitalised_in_a_headline_is_no_village(headline: str) -> None:
    """Spelling variants match "More" to Al Murrah and "Some" to Samarra: an English function word alone
    is never a place, however it is capitalised."""
    found = find_toponyms(headline, default_gazetteer())
    assert [t.surface for t in found if t.candidates] == []


@pytest.mark.slow
def test_a_road_ner_takes_for_an_organisation_still_places_the_incident() -> None:
    # Synthetic: the parser reads "al-Samarra-Tikrit" as an organisation's name; the road is still where
    # the device was, halfway between the two towns, since the sentence names no other town.
    text = "Security forces found and defused an explosive device planted on al-Samarra-Tikrit road, Iraq."
    extraction = extraction_of(text, "2021-03-10", "syn-road")
    [mention] = extraction.mentions
    assert mention.place is not None and mention.place.name.startswith("between")
    assert mention.place.admin1_code == "IQ-SD" and mention.place.geo_precision == 2


@pytest.mark.parametrize(
    "text",
    [
        "ERBIL, Kurdistan Region - A shepherd was wounded by shelling.",
        "A suicide bomber killed nine people in a Taliban attack.",
        "Militants took a mainly Turkmen town.",
        "Asian markets fell after the attack.",
    ],
)
def test_a_region_a_people_or_a_movement_names_no_village(text: str) -> None:
    # Synthetic: the gazetteer holds villages named Kurdistan and Taliban, and spellings near Turkmen and Asian.
    names = {fold(t.surface) for t in find_toponyms(text, default_gazetteer())}
    assert not names & {"kurdistan", "kurdistan region", "taliban", "turkmen", "asian"}


@pytest.mark.parametrize(
    ("text", "admin1_code"),
    [
        ("A roadside bomb hit a convoy on the highway in Diwaniyah province, south of Baghdad.", "IQ-QA"),
        ("Militants seized Tikrit and have since pushed to within 100 kilometres of Baghdad.", "IQ-SD"),
        ("A roadside bomb exploded south of Baghdad.", "IQ-BG"),  # alone, the landmark is all there is
    ],
)
def test_a_place_named_only_to_say_where_another_lies_yields(text: str, admin1_code: str) -> None:
    assert _place(text).admin1_code == admin1_code


@pytest.mark.slow
def test_the_town_a_story_was_filed_from_yields_to_the_governorate_it_names() -> None:
    # Synthetic wire lead: filed in Baghdad, about Muthanna; told on Thursday, so it happened by Wednesday.
    text = (
        "BAGHDAD (Reuters) - Gunmen kidnapped 12 hunters from their desert camp in Iraq's southern Muthanna "
        "province, officials said on Wednesday."
    )
    extraction = extraction_of(text, "2015-12-17", "syn-filed")
    [mention] = extraction.mentions
    assert mention.place is not None and mention.place.admin1_code == "IQ-MU"
    assert str(mention.event_date) == "2015-12-16"


@pytest.mark.slow
def test_a_dateline_of_two_towns_yields_to_the_town_the_sentence_names() -> None:
    text = "RAMADI/BAGHDAD (Reuters) - Militants seized full control of Ramadi on Sunday."  # SYNTHETIC
    extraction = extraction_of(text, "2015-05-18", "syn-two")
    [mention] = extraction.mentions
    assert mention.place is not None and mention.place.admin1_code == "IQ-AN"


def test_a_namesake_far_from_the_town_it_is_said_to_lie_by_is_not_it() -> None:
    # Synthetic: "Wadi Houran" is not in the gazetteer; a loose namesake far away in Diyala must not win.
    place = _place("An air strike hit Wadi Houran, northeast of Rutba, killing four fighters.")
    assert place.admin1_code == "IQ-AN" and place.geo_precision == 2


def test_a_district_named_at_home_keeps_a_namesake_of_a_foreign_capital_at_home() -> None:
    place = _place("A roadside bomb struck an army patrol near Riyadh, in the Hawija district.")
    assert place.country == "Iraq" and place.admin1_code == "IQ-KI"


def test_a_town_a_distance_is_counted_from_names_no_governorate() -> None:
    place = _place("A suicide bomber struck in the northern city of Mosul, some 400 km north of Baghdad.")
    assert place.admin1_code == "IQ-NI" and place.geo_precision == 1


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen of Saraya al-Salam clashed with security forces.",
        "Fighters of Jaish al-Mahdi attacked a checkpoint.",
    ],
)
def test_an_armed_groups_name_names_no_village(text: str) -> None:
    # Synthetic: "al-Salam" and "al-Mahdi" are village names in the gazetteer; here they name armed groups.
    assert [t.surface for t in find_toponyms(text, default_gazetteer())] == []


def test_a_governorate_the_boundaries_do_not_draw_breaks_no_article() -> None:
    # SYNTHETIC. Halabja became a governorate in 2014; the bundled boundaries draw it inside Sulaymaniyah.
    text = (
        "SULAIMANI, Iraq - A roadside bomb killed two soldiers on a road in Sulaimani province on Monday, "
        "officials said. Officials have long accused a militant group whose enclave near Halabja was bombed "
        "last year of plotting attacks."
    )
    extraction = extraction_of(text, "2004-02-03", "syn-halabja")
    assert [(m.fatalities, m.place.admin1_code if m.place else None) for m in extraction.mentions] == [
        (2, "IQ-SU")
    ]


def test_where_the_dead_came_from_is_not_where_they_died() -> None:
    # SYNTHETIC.
    text = (
        "BAGHDAD (AP) — Artillery shells slammed into a mountain resort in the Zakho district on Wednesday, "
        "killing nine tourists, officials said. Most of the dead were from Baghdad and the southern provinces."
    )
    extraction = extraction_of(text, "2022-07-21", "syn-zakho")
    assert [(m.fatalities, m.place.admin1_code if m.place else None) for m in extraction.mentions] == [
        (9, "IQ-DA")
    ]
