from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import default_gazetteer
from sitrep.geo.locate import resolve
from sitrep.geo.toponyms import find_toponyms


@pytest.mark.parametrize(
    ("spelling", "admin1"),
    [
        ("Rutba", "IQ-AN"),
        ("Ar Rutbah", "IQ-AN"),
        ("Jalawla", "IQ-DI"),
        ("Tarmiyah", "IQ-BG"),
        ("Baiji", "IQ-SD"),
    ],
)
def test_spelling_variants(spelling: str, admin1: str) -> None:
    codes = {p.admin1_code for p in default_gazetteer().lookup(spelling)}
    assert admin1 in codes


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Nineveh", "IQ-NI"),
        ("Ninawa", "IQ-NI"),
        ("Salahuddin", "IQ-SD"),
        ("Saladin", "IQ-SD"),
        ("Anbar", "IQ-AN"),
    ],
)
def test_governorate_spellings(name: str, code: str) -> None:
    assert default_gazetteer().governorate_code(name) == code


def test_governorate_context_picks_the_right_namesake() -> None:
    g = default_gazetteer()
    text = "The blast hit a market in Al Qaim, Anbar."
    place = resolve(find_toponyms(text, g), g, set())
    assert place is not None and place.admin1_code == "IQ-AN" and place.geo_precision == 1


def test_governorate_only_is_coded_at_its_centre() -> None:
    g = default_gazetteer()
    place = resolve(find_toponyms("Clashes were reported in Diyala province.", g), g, set())
    assert place is not None and place.geo_precision == 3 and place.admin1_code == "IQ-DI"


def test_non_places_are_not_toponyms() -> None:
    g = default_gazetteer()
    found = {t.surface for t in find_toponyms("On Monday the Islamic State said Al Jazeera lied.", g)}
    assert found == set()


def test_places_outside_iraq_keep_their_country() -> None:
    g = default_gazetteer()
    [t] = find_toponyms("Fighters crossed from Albu Kamal.", g)
    assert any(c.country == "Syria" for c in t.candidates)


def test_town_just_across_a_border_takes_the_governorate_the_text_names() -> None:
    g = default_gazetteer()
    [tarmiyah] = [p for p in g.lookup("Tarmiyah") if p.feature == "PPLA2"]
    assert tarmiyah.admin1_code == "IQ-BG"  # the gazetteer's polygons put it in Baghdad
    place = resolve(find_toponyms("Gunmen attacked a post in Tarmiyah, Salahuddin.", g), g, set())
    assert place is not None and place.geo_precision == 1
    assert place.admin1_code == "IQ-SD" and (place.latitude, place.longitude) == (
        tarmiyah.latitude,
        tarmiyah.longitude,
    )


def test_namesake_far_from_the_named_governorate_is_rejected() -> None:
    g = default_gazetteer()
    assert {p.admin1_code for p in g.lookup("Al-Boudur")} == {"IQ-DQ"}
    place = resolve(find_toponyms("Gunmen attacked a house in Al-Boudur, Saladin (SYNTHETIC).", g), g, set())
    assert place is not None and place.admin1_code == "IQ-SD" and place.geo_precision == 3


def test_generic_words_before_a_name_are_optional() -> None:
    """GeoNames' 'Qaryat al Islah' (village of Islah) is what a report calls 'Islah'."""
    g = default_gazetteer()
    place = resolve(find_toponyms("Mortars hit Islah, Diyala (SYNTHETIC).", g), g, set())
    assert place is not None and place.admin1_code == "IQ-DI" and place.geo_precision == 1


def test_a_governorate_named_like_its_seat_means_the_city() -> None:
    g = default_gazetteer()
    place = resolve(find_toponyms("A bomb went off in Diwaniyah (SYNTHETIC).", g), g, set())
    assert place is not None and place.admin1_code == "IQ-QA" and place.geo_precision == 1


def test_an_institution_named_after_a_place_is_not_where_it_happened() -> None:
    g = default_gazetteer()
    assert find_toponyms("Nineveh's provincial council said gunmen struck.", g) == []


def test_a_town_said_to_be_abroad_keeps_only_its_foreign_namesakes() -> None:
    g = default_gazetteer()
    [t] = find_toponyms("A car bomb hit the Syrian town of Albu Kamal.", g)
    assert t.country_hint == "Syria" and {c.country for c in t.candidates} == {"Syria"}


@pytest.mark.parametrize("spelling", ["Hawija", "Hawijah", "Hawiyah", "Al Hawijah"])
def test_a_district_seat_outranks_namesake_villages(spelling: str) -> None:
    g = default_gazetteer()
    place = resolve(find_toponyms(f"Fighting went on around {spelling} (SYNTHETIC).", g), g, set())
    assert place is not None and place.admin1_code == "IQ-KI"


def test_countries_far_away_are_known_as_countries() -> None:
    g = default_gazetteer()
    [t] = find_toponyms("It happened in Ethiopia (SYNTHETIC).", g)
    assert t.country == "Ethiopia"


def test_names_joined_by_a_particle_are_one_name() -> None:
    g = default_gazetteer()
    place = resolve(find_toponyms("Warplanes struck militants in Salah al-Din (SYNTHETIC).", g), g, set())
    assert place is not None and place.admin1_code == "IQ-SD"


def test_rashad_resolves_in_whichever_governorate_the_text_names() -> None:
    g = default_gazetteer()
    codes = {p.admin1_code for p in g.lookup("Rashad")}
    assert {"IQ-DI", "IQ-AN", "IQ-KI"} <= codes  # villages in Diyala and Anbar, a sub-district in Kirkuk
    for text, code in (("in Rashad, Kirkuk.", "IQ-KI"), ("in Rashad, Diyala.", "IQ-DI")):
        place = resolve(find_toponyms("Gunmen attacked soldiers " + text, g), g, set())
        assert place is not None and place.admin1_code == code


def test_a_sub_district_without_a_town_of_its_name_is_coded_at_its_centre() -> None:
    g = default_gazetteer()
    place = resolve(find_toponyms("Gunmen attacked soldiers in Abu Dalf, Saladin.", g), g, set())
    assert place is not None and place.feature == "ADM3" and place.geo_precision == 2


def test_a_town_named_inside_a_sub_district_is_more_precise() -> None:
    g = default_gazetteer()
    text = "A bomb hit a Peshmerga vehicle in Bradost area, Sidakan, Arbil."
    place = resolve(find_toponyms(text, g), g, set())
    assert place is not None and place.name == "Sidakan" and place.geo_precision == 1


def test_names_with_any_latin_diacritic_are_kept() -> None:
    # GeoNames writes the emphatic h with a cedilla ("Ḩulaywah"); the build once dropped such names.
    assert any(p.admin1_code == "IQ-SD" for p in default_gazetteer().lookup("Hulaywah"))


def _place(text: str) -> tuple[str, str | None, int]:
    g = default_gazetteer()
    place = resolve(find_toponyms(text, g), g, set())
    assert place is not None
    return place.name, place.admin1_code, place.geo_precision


def test_a_facility_named_after_a_town_yields_to_the_town_it_is_in() -> None:
    name, code, _ = _place("Rockets hit Balad Air Base in Yathrib, Saladin.")
    assert "Yathrib" in name and code == "IQ-SD"


def test_a_neighbourhood_before_a_city_is_coded_to_the_city() -> None:
    assert _place("Gunmen killed a man in Shuala area, Baghdad.") == ("Baghdad", "IQ-BG", 1)


def test_after_an_unknown_village_a_seat_named_governorate_is_the_governorate() -> None:
    # SYNTHETIC village name: the event is in Kirkuk governorate, not (falsely precise) in Kirkuk city.
    assert _place("Gunmen attacked Zubbaraqa village, Kirkuk, Iraq.")[1:] == ("IQ-KI", 3)


def test_initials_are_not_hamlets() -> None:
    names = {t.surface for t in find_toponyms("AQI and the KDP said so in Samarra.", default_gazetteer())}
    assert names == {"Samarra"}
