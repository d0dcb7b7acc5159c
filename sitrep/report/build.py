"""The situation report of what a store holds: the latest incidents in its table and on its map, and
the trend, alerts, day against night, forecast and source health over everything stored."""

from __future__ import annotations

from datetime import date

from ..analyse.coverage import source_health
from ..analyse.daynight import DayAndNight, times_of_day_of_rows, top_governorates
from ..analyse.series import monthly_series_of_rows
from ..store.base import EventFilter, Store
from . import render


def day_and_night_stored(store: Store) -> DayAndNight:
    """Incidents per time of day over all stored, and for the governorates with most incidents."""
    per_governorate = store.event_series(EventFilter(), None, "admin1")
    return DayAndNight(
        times_of_day_of_rows(store.event_series(EventFilter(), None, "time_of_day")),
        tuple(
            times_of_day_of_rows(store.event_series(EventFilter(admin1=a), None, "time_of_day"), a)
            for a in top_governorates((r.group, r.events) for r in per_governorate)
        ),
    )


def situation_report(store: Store, latest: int, generated: date | None = None) -> str:
    """The report of the `latest` most recent extracted incidents, with figures over all of them."""
    monthly = monthly_series_of_rows(store.event_series(EventFilter(), "month", "admin1"))
    health = [source_health(store.article_counts(by), by) for by in ("outlet", "admin1")]
    return render(
        store.events(EventFilter(latest=latest)),
        store.claims(latest=latest),
        generated,
        total=store.status(failures=0).events,
        monthly=monthly,
        health=health,
        times=day_and_night_stored(store),
    )
