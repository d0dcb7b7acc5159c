"""Names the gazetteer holds only in another spelling: consonant keys, captions, border namesakes.

Every place and sentence here is SYNTHETIC: invented village names in a small gazetteer written by the
test (the governorate table is sitrep's own bundled one), so no real gazetteer entry decides."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from sitrep.geo.admin1 import fold
from sitrep.geo.build import COLUMNS, DATA_DIR, GOVERNORATES_FILE, PLACES_FILE
from sitrep.geo.gazetteer import Gazetteer, default_gazetteer
from sitrep.geo.locate import resolve, well_known
from sitrep.geo.names import construct_head, loose_key, name_keys, skeleton
from sitrep.geo.toponyms import find_toponyms
from sitrep.model import Place

# Invented places: (place_id, country, name, lat, lon, admin1_code, admin1, admin2)
_PLACES = [
    ("syn:1", "Iraq", "Qarandiyah", 33.90, 45.00, "IQ-DI", "Diyala", "Baquba"),  # vowels the news moves
    ("syn:2", "Iraq", "Bawdarkiyah", 33.70, 44.80, "IQ-DI", "Diyala", "Baquba"),  # aw written o or ou
    ("syn:3", "Iraq", "Zuwaydarat al Ulya", 34.10, 45.20, "IQ-DI", "Diyala", "Khanaqin"),  # the upper of two
    ("syn:4", "Iraq", "Tabat", 34.00, 44.90, "IQ-DI", "Diyala", "Baquba"),  # three consonants
    ("syn:5", "Iraq", "Qarandiyah", 32.00, 46.00, "IQ-DQ", "Thi Qar", "Nasiriya"),  # a namesake elsewhere
    ("syn:6", "Syria", "Tall Qirwash", 36.30, 41.20, "", "Al-Hasakeh", "Al-Hasakeh"),  # across the border
    ("syn:7", "Iraq", "Murabba", 36.35, 43.10, "IQ-NI", "Ninewa", "Mosul"),  # a town the text also names
    ("syn:8", "Iraq", "Nahiyat al Zahiriyah", 33.20, 43.80, "IQ-AN", "Al Anbar", "Falluja"),
    ("syn:9", "Iraq", "Kani Zerdal", 35.60, 45.40, "IQ-SU", "Sulaymaniyah", "Sulaymaniyah"),  # twins,
    ("syn:10", "Iraq", "Kani Zerdal", 35.50, 45.90, "IQ-SU", "Sulaymaniyah", "Penjwen"),  # 45 km apart,
    ("syn:11", "Iraq", "Bardiwar", 35.45, 45.80, "IQ-SU", "Sulaymaniyah", "Penjwen"),  # one by a village
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder: Path = tmp_path_factory.mktemp("gaz")
    shutil.copy(DATA_DIR / GOVERNORATES_FILE, folder / GOVERNORATES_FILE)
    lines = ["\t".join(COLUMNS)]
    for pid, country, name, lat, lon, code, admin1, admin2 in _PLACES:
        row: dict[str, str] = {
            "place_id": pid,
            "country": country,
            "name": name,
            "names": fold(name),
            "lat": str(lat),
            "lon": str(lon),
            "feature": "PPL",
            "importance": "2" if pid == "syn:9" else "1",
            "admin1_code": code,
            "admin1": admin1,
            "admin2": admin2,
        }
        lines.append("\t".join(row[c] for c in COLUMNS))
    (folder / PLACES_FILE).write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    return Gazetteer(folder)


def _place(text: str, g: Gazetteer) -> Place | None:
    return resolve(find_toponyms(text, g), g, set())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Qarnadiyah", "Qarandiyah"),  # a short vowel written in another place
        ("Boudarkiya", "Bawdarkiyah"),  # a diphthong written as a vowel
        ("Pelkani", "Belkani"),  # p for b
        ("Gasrawi", "Qasrawi"),  # g, q, k
        ("Zuwaydarat ash Shamaliyah", "Zuwaydarat"),  # a qualifier of north
    ],
)
def test_spellings_that_share_their_consonants_share_a_loose_key(a: str, b: str) -> None:
    assert loose_key(fold(a)) == loose_key(fold(b)) != ""


def test_albu_is_no_abu_and_one_consonant_is_no_key() -> None:
    assert loose_key("albu hazzar") != loose_key("abu hazzar")
    assert loose_key("ayya") == ""


@pytest.mark.parametrize(
    ("a", "b"),
    [("Albuhazzar", "Albu Hazzar"), ("Abdulrazzaq", "Abd al-Razzaq"), ("Abdullah", "Abd Allah")],
)
def test_joined_albu_and_abd_al_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(name_keys(fold(a))[-1]) == skeleton(name_keys(fold(b))[-1])


def test_a_caption_governorate_carries_the_name_before_it(gazetteer: Gazetteer) -> None:
    def captions(text: str) -> list[str | None]:
        return [t.caption for t in find_toponyms(text, gazetteer) if t.governorate]

    assert captions("Gunmen attacked a checkpoint in Zubbaraqa village, Diyala governorate, Iraq.") == [
        "Zubbaraqa"
    ]
    assert captions("Gunmen attacked Tall Zubbar village in Nineveh, Iraq.") == ["Tall Zubbar"]
    assert captions("Gunmen attacked a checkpoint in Diyala, Iraq.") == [None]


def test_a_caption_name_in_another_spelling_is_found_in_its_governorate(gazetteer: Gazetteer) -> None:
    place = _place("Gunmen attacked a checkpoint in Qarnadiyah, Diyala, Iraq.", gazetteer)
    assert place is not None and place.place_id == "syn:1" and place.geo_precision == 2
    place = _place("A bomb went off in Boudarkiya village, Diyala governorate, Iraq.", gazetteer)
    assert place is not None and place.place_id == "syn:2"
    place = _place("A bomb went off in Zuwaydarat, Diyala, Iraq.", gazetteer)
    assert place is not None and place.place_id == "syn:3"


def test_the_governorate_named_decides_between_loose_namesakes(gazetteer: Gazetteer) -> None:
    place = _place("Gunmen attacked a checkpoint in Qarnadiyah, Dhi Qar, Iraq.", gazetteer)
    assert place is not None and place.place_id == "syn:5"


def test_no_loose_match_without_a_governorate_named(gazetteer: Gazetteer) -> None:
    assert _place("Gunmen attacked a checkpoint in Qarnadiyah.", gazetteer) is None


def test_a_known_town_in_the_text_comes_before_a_loose_match(gazetteer: Gazetteer) -> None:
    place = _place("Gunmen attacked Qarnadiyah, Murabba, Nineveh, Iraq.", gazetteer)
    assert place is not None and place.place_id == "syn:7" and place.geo_precision == 1


def test_a_short_name_must_be_spelled_nearly_alike(gazetteer: Gazetteer) -> None:
    near = _place("A bomb went off in Tabaat, Diyala, Iraq.", gazetteer)
    assert near is not None and near.place_id == "syn:4"
    far = _place("A bomb went off in Tuboota, Diyala, Iraq.", gazetteer)  # same consonants, spelled apart
    assert far is not None and far.geo_precision == 3


def test_a_namesake_just_across_the_border_is_the_place_in_the_governorate_named(
    gazetteer: Gazetteer,
) -> None:
    place = _place("Gunmen attacked Tall Qirwash, Nineveh, Iraq.", gazetteer)
    assert place is not None and place.place_id == "syn:6"
    assert place.country == "Iraq" and place.admin1_code == "IQ-NI" and place.geo_precision == 2


def test_a_facility_named_with_its_kind_is_a_place_whatever_ner_says() -> None:
    g = default_gazetteer()
    [facility] = [t for t in find_toponyms("Gunmen attacked the Waleed border crossing.", g) if t.candidates]
    assert facility.qualifier == "facility" and well_known(facility)


def test_a_name_in_the_construct_state_falls_back_to_its_head(gazetteer: Gazetteer) -> None:
    assert construct_head("zahiriyat al samoud") == "zahiriyah"
    assert construct_head("jazirat al zahiriyah") == ""  # "island of": a generic head is no place
    place = _place("Gunmen attacked a checkpoint in Zahiriyat al-Samoud, Al Anbar, Iraq.", gazetteer)
    assert place is not None and place.place_id == "syn:8" and place.geo_precision == 2


def test_of_two_namesakes_the_one_near_another_place_named_is_meant(gazetteer: Gazetteer) -> None:
    alone = _place("A bomb went off in Kani Zerdal, Sulaymaniyah, Iraq.", gazetteer)
    assert alone is not None and alone.place_id == "syn:9"  # the more important twin
    together = _place("A bomb went off between Kani Zerdal and Bardiwar villages, Sulaymaniyah.", gazetteer)
    assert together is not None and together.place_id == "syn:10"
