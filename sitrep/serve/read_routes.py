"""Read endpoints: events (filtered, paged by cursor), one event's drill-down, articles, claims,
unresolved places, time series, map data and exports. Each calls the library; no SQL here."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse, JSONResponse, Response

from .. import export
from ..analyse import unresolved_places
from ..geo.boundaries import boundaries_file
from ..store import EventFilter
from ..store.base import SeriesBy, cursor_of
from .deps import StoreDep
from .params import event_filter
from .views import (
    article_record,
    claim_view,
    district_record,
    event_detail,
    event_summary,
    point_record,
    safe_url,
    series_record,
    series_records,
)

router = APIRouter()
FilterDep = Annotated[EventFilter, Depends(event_filter)]
MAX_EXPORT = 1_000_000


@router.get("/events", tags=["events"])
def events(
    store: StoreDep,
    flt: FilterDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: Annotated[str | None, Query(description="`next` of the previous page.")] = None,
) -> JSONResponse:
    """Events matching the filters, oldest first, `limit` at a time; `next` is the cursor of the next page."""
    page = store.events(replace(flt, after=cursor, limit=limit + 1))
    more = len(page) > limit
    page = page[:limit]
    return JSONResponse(
        {"events": [event_summary(e) for e in page], "next": cursor_of(page[-1]) if more and page else None}
    )


@router.get("/events/{event_id}", tags=["events"])
def event(store: StoreDep, event_id: str) -> dict[str, Any]:
    """One event: every report behind it with its sentences (field words marked), outlet, date, URL,
    why it was linked, and the event's history of corrections."""
    return event_detail(store, event_id)


@router.get("/series", tags=["events"])
def series(
    store: StoreDep,
    flt: FilterDep,
    period: Annotated[Literal["week", "month", "total"], Query()] = "week",
    by: Annotated[SeriesBy, Query()] = "type",
) -> JSONResponse:
    """Events and fatalities per week or month (or in total) by governorate, district, type, actor, time of day
    ("unknown" where no report gives one) or PRIO-GRID cell (its gid)."""
    columns = store.event_series_columns(flt, None if period == "total" else period, by)
    return JSONResponse({"period": period, "by": by, "rows": series_records(columns)})


@router.get("/map", tags=["events"])
def map_data(
    store: StoreDep, flt: FilterDep, points: Annotated[int, Query(ge=0, le=20000)] = 3000
) -> JSONResponse:
    """What the dashboard's map draws: totals per governorate and per district (with the district's
    OCHA P-code, null for a district name the bundled outlines lack) and the deadliest `points` events."""
    totals = store.event_series(flt, None, "admin1")
    districts = store.event_series(flt, None, "admin2")
    return JSONResponse(
        {
            "governorates": [series_record(r) for r in totals],
            "districts": [district_record(r) for r in districts],
            "points": [point_record(p) for p in store.event_points(flt, points)],
        }
    )


@router.get("/boundaries", tags=["places"])
def boundaries() -> FileResponse:
    """Governorate outlines bundled with sitrep (GeoJSON, simplified; OCHA, CSO Iraq, CC BY 3.0 IGO)."""
    return FileResponse(boundaries_file("governorate"), media_type="application/geo+json")


@router.get("/boundaries/districts", tags=["places"])
def district_boundaries() -> FileResponse:
    """District (ADM2) outlines bundled with sitrep, each with its OCHA P-code, name and governorate
    (GeoJSON, simplified; OCHA, CSO Iraq, CC BY 3.0 IGO)."""
    return FileResponse(boundaries_file("district"), media_type="application/geo+json")


@router.get("/vocabulary", tags=["places"])
def vocabulary() -> dict[str, Any]:
    """ACLED's event types with their sub-types, and the governorates (ISO code and name)."""
    from ..extract.typology import TYPOLOGY
    from ..geo.admin1 import GOVERNORATES

    return {
        "event_types": {t: list(subs) for t, subs in TYPOLOGY.items()},
        "governorates": [
            {"code": c, "name": v[0]} for c, v in sorted(GOVERNORATES.items(), key=lambda x: x[1][0])
        ],
    }


@router.get("/articles", tags=["articles"])
def articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Stored articles by publication date (syndicated copies name the article they copy)."""
    page = store.articles(limit, offset)
    return {"total": store.article_count(), "articles": [article_record(a) for a in page]}


@router.get("/claims", tags=["articles"])
def claims(
    store: StoreDep,
    kind: Annotated[str | None, Query(description="statistic, history, abroad, ...")] = None,
    article_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> dict[str, Any]:
    """Statements that are not incidents (statistics, background, abroad), kept apart from events."""
    found = store.claims(kind=kind, article_id=article_id, limit=limit)
    return {"total": store.claim_count(kind, article_id), "claims": [claim_view(c) for c in found]}


@router.get("/places/unresolved", tags=["places"])
def places_unresolved(store: StoreDep, flt: FilterDep) -> dict[str, Any]:
    """Place names reports gave that the gazetteer could not place, most frequent first."""
    return {
        "places": [
            {
                "name": p.name,
                "events": p.events,
                "governorates": list(p.governorates),
                "example": p.example_event_id,
            }
            for p in unresolved_places(store.events(flt))
        ]
    }


def _exported(store: StoreDep, flt: EventFilter) -> list[Any]:
    return store.events(replace(flt, limit=MAX_EXPORT))


@router.get("/export.csv", tags=["export"])
def export_csv(store: StoreDep, flt: FilterDep) -> Response:
    """The filtered events as CSV in ACLED's column order."""
    return Response(
        export.to_csv(_exported(store, flt)),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="sitrep-events.csv"'},
    )


@router.get("/export.geojson", tags=["export"])
def export_geojson(store: StoreDep, flt: FilterDep) -> Response:
    """The filtered, located events as a GeoJSON FeatureCollection."""
    return Response(
        export.to_geojson(_exported(store, flt)),
        media_type="application/geo+json",
        headers={"Content-Disposition": 'attachment; filename="sitrep-events.geojson"'},
    )


@router.get("/export.parquet", tags=["export"])
def export_parquet(store: StoreDep, flt: FilterDep) -> Response:
    """The filtered events as a Parquet file."""
    return Response(
        export.to_parquet(_exported(store, flt)),
        media_type="application/vnd.apache.parquet",
        headers={"Content-Disposition": 'attachment; filename="sitrep-events.parquet"'},
    )


__all__ = ["router", "safe_url"]
