"""Events as flat records (JSON Lines, CSV): the evaluation contract's field names, plus provenance."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import Any

from .model import EVENT_FIELDS, Claim, Event

FLAT_FIELDS = EVENT_FIELDS


def event_record(event: Event) -> dict[str, Any]:
    rec: dict[str, Any] = {f: getattr(event, f) for f in FLAT_FIELDS}
    rec["event_date"] = event.event_date.isoformat() if event.event_date else None
    rec["article_ids"] = list(event.article_ids)
    rec["sources"] = [
        {
            "article_id": s.article_id,
            "outlet": s.outlet,
            "url": s.url,
            "published": s.published.isoformat() if s.published else None,
        }
        for s in event.sources
    ]
    rec["evidence"] = [
        {"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text} for e in event.evidence
    ]
    rec["warnings"] = list(event.warnings)
    rec["links"] = [
        {
            "article_id": link.article_id,
            "index": link.index,
            "linked_to": [link.other_article_id, link.other_index] if link.other_article_id else None,
            "score": round(link.score, 2),
            "reasons": list(link.reasons),
        }
        for link in event.links
    ]
    rec["extractor_version"] = event.extractor_version
    return rec


def claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "article_id": claim.article_id,
        "kind": claim.kind,
        "numbers": list(claim.numbers),
        "period": claim.period,
        "text": claim.text,
        "start": claim.evidence.start,
        "end": claim.evidence.end,
    }


# json.dumps(ensure_ascii=False) escapes C0 controls but writes C1 controls and the line and
# bidirectional separators raw; written as \uXXXX they decode to the same strings.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def to_jsonl(records: Iterable[dict[str, Any]]) -> str:
    return "".join(
        _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(r, ensure_ascii=False)) + "\n"
        for r in records
    )


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV Injection");
# full-width forms included, which some spreadsheets fold to the ASCII ones.
FORMULA_START = frozenset("=+-@\t\r\n＝＋－＠")


def spreadsheet_safe(value: object) -> object:
    """A text cell a spreadsheet will not run: one that starts with a formula character, even after
    leading spaces, gets a leading single quote (OWASP). Numbers are left as numbers."""
    if isinstance(value, str) and (value[:1] in FORMULA_START or value.lstrip()[:1] in FORMULA_START):
        return "'" + value
    return value


def to_csv(events: Iterable[Event]) -> str:
    """Events as CSV (RFC 4180), one row each; text cells are neutralised with `spreadsheet_safe`.
    Lines end in CRLF: with a bare LF the csv module leaves a cell holding a lone CR unquoted, and
    readers then split the row there."""
    out = io.StringIO(newline="")
    w = csv.DictWriter(out, fieldnames=[*FLAT_FIELDS, "article_ids", "evidence"], lineterminator="\r\n")
    w.writeheader()
    for e in events:
        rec = event_record(e)
        rec["article_ids"] = ";".join(rec["article_ids"])
        rec["evidence"] = " … ".join(x["text"] for x in rec["evidence"])
        w.writerow({k: spreadsheet_safe(rec[k]) for k in w.fieldnames})
    return out.getvalue()


def to_geojson(events: Iterable[Event]) -> str:
    """Located events as a GeoJSON FeatureCollection (RFC 7946) of points, for QGIS and web maps; each
    feature's properties are the CSV's columns. Events with no coordinates are left out."""
    features = []
    for e in events:
        if e.latitude is None or e.longitude is None:
            continue
        rec = event_record(e)
        props = {f: rec[f] for f in FLAT_FIELDS if f not in ("latitude", "longitude")}
        props["article_ids"] = ";".join(rec["article_ids"])
        props["sources"] = ";".join(s["url"] or s["article_id"] for s in rec["sources"])
        features.append(
            {
                "type": "Feature",
                "id": e.event_id,
                "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
                "properties": props,
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)


def to_parquet(events: Iterable[Event]) -> bytes:
    """Events as a Parquet file (the CSV's columns, typed: dates as dates, counts as integers)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    ints = ("geo_precision", "fatalities", "fatalities_low", "fatalities_high", "injured")
    schema = pa.schema(
        [
            pa.field(
                f,
                pa.date32()
                if f == "event_date"
                else pa.float64()
                if f in ("latitude", "longitude")
                else pa.int64()
                if f in ints
                else pa.string(),
            )
            for f in FLAT_FIELDS
        ]
        + [pa.field("article_ids", pa.string())]
    )
    rows = [
        {**{f: getattr(e, f) for f in FLAT_FIELDS}, "article_ids": ";".join(e.article_ids)} for e in events
    ]
    table = pa.Table.from_pylist(rows, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()
