"""A place the gazetteer lacks: the event stays at the level the text supports, with a warning (synthetic text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import GazetteerError
from sitrep.extract import extract
from sitrep.geo.build import own_place_rows
from sitrep.ingest import parse_record
from sitrep.model import UNRESOLVED_PLACE

# SYNTHETIC: "Zubbaraqa" is an invented village name.
TEXT = "Gunmen attacked an army checkpoint in Zubbaraqa, Diyala, Iraq, on Monday. Two soldiers were killed."


@pytest.mark.slow
def test_an_unknown_village_is_coded_to_its_governorate_with_a_warning() -> None:
    article = parse_record({"id": "syn-u", "title": "", "text": TEXT, "published": "2021-03-03"}, "t")
    [extraction] = list(extract([article]))
    [mention] = extraction.mentions
    assert mention.place is not None
    assert mention.place.admin1_code == "IQ-DI" and mention.place.geo_precision == 3
    assert f"{UNRESOLVED_PLACE}Zubbaraqa" in mention.warnings


@pytest.mark.slow
def test_places_unresolved_lists_the_name(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    record = {"id": "syn-u", "title": "", "text": TEXT, "published": "2021-03-03"}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert (
        runner.invoke(app, ["run", str(feed), "--db", db, "--report", str(tmp_path / "r.html")]).exit_code
        == 0
    )
    listed = runner.invoke(app, ["places", "--unresolved", "--db", db])
    assert listed.exit_code == 0 and "Zubbaraqa" in listed.output and "Diyala" in listed.output


def test_own_places_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "name\talternate_names\tlatitude\tlongitude\tadmin1_code\n"
        "Zubbaraqa\tZubaraqah|Al-Zubbaraqa\t33.9\t45.1\tIQ-DI\n",
        encoding="utf-8",
    )
    [row] = own_place_rows(path)
    assert row["admin1"] == "Diyala" and "zubaraqah" in row["names"].split("|")
    path.write_text("name\tlatitude\nZubbaraqa\tnorth\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="line 2"):
        list(own_place_rows(path))


# SYNTHETIC: "Khaldiyah" is how news may spell the town the gazetteer holds as Khalidiyah (Anbar).
LOOSE = "Gunmen attacked a police station in Khaldiyah, Anbar, Iraq, on Monday. Two policemen were killed."


@pytest.mark.slow
def test_a_village_found_only_by_a_loose_spelling_is_near_it_and_still_listed_unresolved() -> None:
    article = parse_record({"id": "syn-l", "title": "", "text": LOOSE, "published": "2021-03-03"}, "t")
    [extraction] = list(extract([article]))
    [mention] = extraction.mentions
    assert mention.place is not None and mention.place.admin1_code == "IQ-AN"
    assert mention.place.geo_precision == 2 and "Khalidiyah" in mention.place.name
    assert f"{UNRESOLVED_PLACE}Khaldiyah" in mention.warnings
