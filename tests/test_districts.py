"""The bundled district outlines (OCHA/CSO COD-AB 2019, simplified) and how events' district names find them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import GazetteerError
from sitrep.geo.boundaries import boundaries_file, district_code, load_district_codes
from sitrep.geo.build import DATA_DIR, DISTRICTS_FILE, write_district_boundaries

OCHA = Path("/work/shared/data/geo")


def test_districts_are_small_and_name_their_governorate() -> None:
    path = DATA_DIR / DISTRICTS_FILE
    assert path.stat().st_size < 300_000
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert len(features) == 101
    mosul = next(f for f in features if f["properties"]["admin2"] == "Al-Mosul")
    assert mosul["properties"]["admin1_code"] == "IQ-NI" and mosul["properties"]["admin2_pcode"].startswith(
        "IQG15"
    )


def test_every_district_the_gazetteer_gives_places_has_an_outline() -> None:
    import csv
    import gzip

    with gzip.open(DATA_DIR / "places.tsv.gz", "rt", encoding="utf-8") as f:
        names = {
            r["admin2"] for r in csv.DictReader(f, delimiter="\t") if r["country"] == "Iraq" and r["admin2"]
        }
    assert len(names) == 101
    assert [n for n in names if district_code(n) is None] == []


def test_district_names_match_in_close_spellings_only() -> None:
    assert district_code("Al-Falluja") == district_code("falluja") == district_code("AL FALLUJA") is not None
    assert district_code("Al-Mosul") == district_code("Mosul") is not None
    assert district_code("Fallujah Province") is None
    assert district_code(None) is None and district_code("") is None


def test_a_missing_outline_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match=r"districts\.geojson is missing"):
        boundaries_file("district", tmp_path)
    with pytest.raises(GazetteerError, match="gazetteer build"):
        load_district_codes(tmp_path)


@pytest.mark.skipif(not OCHA.is_dir(), reason="the OCHA boundaries are not on this machine")
def test_the_bundled_outlines_are_what_the_build_writes(tmp_path: Path) -> None:
    write_district_boundaries(OCHA, tmp_path)
    assert (tmp_path / DISTRICTS_FILE).read_bytes() == (DATA_DIR / DISTRICTS_FILE).read_bytes()
