"""SYNTHETIC coded-dataset rows written for sitrep's tests, with the real datasets' headers.

None of these rows is from UCDP, GTD or ACLED: ids, places, actors and numbers are invented.
"""

from __future__ import annotations

import csv
from pathlib import Path

UCDP_HEADER = [
    "id",
    "year",
    "date_start",
    "date_end",
    "date_prec",
    "type_of_violence",
    "type_of_violence_txt",
    "conflict_name",
    "dyad_name",
    "side_a",
    "side_b",
    "country",
    "adm_1",
    "adm_2",
    "where_coordinates",
    "where_prec",
    "latitude",
    "longitude",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "low",
    "best",
    "high",
    "event_clarity",
    "number_of_sources",
    "source_date",
    "source_office",
    "source_original",
    "source_headline",
    "source_article",
]

GTD_HEADER = [
    "eventid",
    "iyear",
    "imonth",
    "iday",
    "approxdate",
    "extended",
    "country_txt",
    "provstate",
    "city",
    "latitude",
    "longitude",
    "specificity",
    "vicinity",
    "location",
    "summary",
    "success",
    "suicide",
    "attacktype1_txt",
    "attacktype2_txt",
    "targtype1_txt",
    "targsubtype1_txt",
    "corp1",
    "target1",
    "gname",
    "gname2",
    "claimed",
    "weaptype1_txt",
    "weapsubtype1_txt",
    "weapdetail",
    "nkill",
    "nkillter",
    "nwound",
    "nwoundte",
    "ishostkid",
    "nhostkid",
    "doubtterr",
    "multiple",
    "related",
    "addnotes",
    "scite1",
    "scite2",
    "scite3",
    "dbsource",
]

GTD_SUBSET_HEADER = [
    "date_filled",
    "iyear",
    "imonth",
    "iday",
    "country_txt",
    "provstate",
    "city",
    "latitude",
    "longitude",
    "gname",
    "attacktype1_txt",
    "targtype1_txt",
    "weaptype1_txt",
    "nkill_or_0",
    "nwound_or_0",
    "success",
    "suicide",
    "summary",
]

ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
]


def ucdp_row(**values: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(UCDP_HEADER, "")
    row.update(
        id="900001",
        year="2016",
        date_start="2016-05-02",
        date_end="2016-05-02",
        date_prec="1",
        type_of_violence="1",
        type_of_violence_txt="state-based",
        side_a="Government of Testland",
        side_b="Synthetic Front",
        country="Iraq",
        adm_1="Nīnawá province",
        where_coordinates="Testville village",
        where_prec="1",
        latitude="36.1",
        longitude="43.1",
        deaths_a="1",
        deaths_b="2",
        deaths_civilians="0",
        deaths_unknown="0",
        low="3",
        best="3",
        high="5",
    )
    row.update(values)
    return row


def gtd_row(**values: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(GTD_HEADER, "")
    row.update(
        eventid="209901010001",
        iyear="2021",
        imonth="2",
        iday="14",
        country_txt="Iraq",
        provstate="Saladin",
        city="Testtown",
        latitude="34.6",
        longitude="43.7",
        specificity="1",
        attacktype1_txt="Bombing/Explosion",
        targtype1_txt="Private Citizens & Property",
        gname="Synthetic Group",
        nkill="2",
        nwound="4",
        summary="SYNTHETIC: a test row.",
    )
    row.update(values)
    return row


def gtd_subset_row(**values: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(GTD_SUBSET_HEADER, "")
    row.update(
        date_filled="2015-03-09",
        iyear="2015",
        imonth="3",
        iday="9",
        country_txt="Iraq",
        provstate="Al Anbar",
        city="Testtown",
        latitude="33.4",
        longitude="43.3",
        gname="Synthetic Group",
        attacktype1_txt="Armed Assault",
        targtype1_txt="Military",
        nkill_or_0="1",
        nwound_or_0="0",
        summary="SYNTHETIC: a test row.",
    )
    row.update(values)
    return row


def acled_row(**values: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(ACLED_HEADER, "")
    row.update(
        event_id_cnty="IRQ99001",
        event_date="2021-03-15",
        year="2021",
        time_precision="1",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        actor1="Synthetic Group",
        actor2="Civilians (Iraq)",
        country="Iraq",
        admin1="Diyala",
        location="Testville",
        latitude="33.9",
        longitude="44.9",
        geo_precision="1",
        fatalities="1",
    )
    row.update(values)
    return row


def write_csv(path: Path, header: list[str], rows: list[dict[str, object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path
