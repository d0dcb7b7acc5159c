"""Global Terrorism Database rows -> events: the full GTD export, or a subset with `date_filled` and
`nkill_or_0` and no `eventid` (such a row's id is a hash of its values, so an edited row is a new event)."""

from __future__ import annotations

from datetime import date

from ..model import IMPORTER_VERSION, Event
from .rows import Row, RowError, coordinate, count, governorate, row_digest, text

COLUMNS = ("iyear", "imonth", "iday", "provstate", "latitude", "longitude", "attacktype1_txt")

# GTD's attack type in ACLED's event types. An armed assault on civilians is violence against
# civilians, on armed forces a battle; the target type decides the types marked None.
_EVENT_TYPE: dict[str, str | None] = {
    "Bombing/Explosion": "Explosions/Remote violence",
    "Facility/Infrastructure Attack": "Strategic developments",
    "Assassination": "Violence against civilians",
    "Hostage Taking (Kidnapping)": "Violence against civilians",
    "Hostage Taking (Barricade Incident)": "Violence against civilians",
    "Unarmed Assault": "Violence against civilians",
    "Armed Assault": None,
    "Hijacking": "Violence against civilians",
    "Unknown": None,
}
_ARMED_TARGETS = ("Military", "Police", "Terrorists/Non-State Militia")
# specificity: 1 the town, 2 near it or its district, 3 the district, 4 no town (the governorate), 5 unknown
_GEO_PRECISION = {"1": 1, "2": 2, "3": 2, "4": 3, "5": 3}


def _day(row: Row) -> tuple[date, str]:
    try:
        year, month, day = (int(row.get(f, "").strip() or 0) for f in ("iyear", "imonth", "iday"))
    except ValueError:
        raise RowError(
            f"iyear/imonth/iday {row.get('iyear')!r}/{row.get('imonth')!r}/{row.get('iday')!r} are not numbers"
        ) from None
    filled = text(row, "date_filled")
    try:
        if year and month and day:
            return date(year, month, day), "day"
        if filled:
            return date.fromisoformat(filled[:10]), "day" if day else "month"
        if year and month:
            return date(year, month, 1), "month"
        if year:
            return date(year, 1, 1), "year"
    except ValueError:
        raise RowError(f"date {year}-{month}-{day} ({filled or 'no date_filled'}) is not a date") from None
    raise RowError("no year")


def _event_type(row: Row) -> str:
    attack = row.get("attacktype1_txt", "").strip()
    if attack not in _EVENT_TYPE:
        raise RowError(f"attacktype1_txt {attack!r} is not a GTD attack type")
    mapped = _EVENT_TYPE[attack]
    if mapped is not None:
        return mapped
    return (
        "Battles" if row.get("targtype1_txt", "").strip() in _ARMED_TARGETS else "Violence against civilians"
    )


def gtd_event(row: Row) -> Event:
    day, precision = _day(row)
    own_id = text(row, "eventid")
    warnings: list[str] = []
    killed = count(row, "nkill") if "nkill" in row else count(row, "nkill_or_0")
    if killed is None:
        warnings.append("fatalities not coded (nkill empty): counted as 0")
    admin1, admin1_code, admin_warnings = governorate(text(row, "provstate"))
    return Event(
        event_id=f"gtd:{own_id}" if own_id else f"gtd:row-{row_digest(row)}",
        event_date=day,
        date_precision=precision,
        event_type=_event_type(row),
        sub_event_type=row["attacktype1_txt"].strip(),
        actor1=text(row, "gname"),
        actor2=None,
        country=text(row, "country_txt"),
        admin1=admin1,
        admin1_code=admin1_code,
        admin2=None,
        location=text(row, "city"),
        latitude=coordinate(row, "latitude", 90),
        longitude=coordinate(row, "longitude", 180),
        geo_precision=_GEO_PRECISION.get(row.get("specificity", "").strip()),
        fatalities=killed or 0,
        fatalities_low=None,
        fatalities_high=None,
        injured=(count(row, "nwound") if "nwound" in row else count(row, "nwound_or_0")) or 0,
        sources=(),
        evidence=(),
        warnings=(*warnings, *admin_warnings),
        extractor_version=IMPORTER_VERSION,
        dataset="gtd",
    )
