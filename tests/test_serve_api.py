"""`sitrep serve`'s API on a store built from the SYNTHETIC demo corpus: every endpoint, every filter,
bad parameters (a clear 4xx naming the reason, never a 500), exports, and writes behind the token."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep import pipeline
from sitrep.cli import DEMO_DIR
from sitrep.export import FLAT_FIELDS
from sitrep.store import EventFilter, SQLiteStore
from tests.serve_support import AUTH, client, config, demo_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_store(tmp_path_factory.mktemp("serve") / "demo.db")


@pytest.fixture(scope="module")
def api(demo_db: Path) -> Any:
    return client(demo_db)


@pytest.fixture
def writable(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo store a test may change."""
    return Path(shutil.copy(demo_db, tmp_path / "demo.db"))


def _events(api: Any, **params: Any) -> list[dict[str, Any]]:
    r = api.get("/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return list(r.json()["events"])


def test_events_are_the_stored_events_oldest_first(api: Any, demo_db: Path) -> None:
    events = _events(api)
    store = SQLiteStore(demo_db)
    assert [e["event_id"] for e in events] == [e.event_id for e in store.events()]
    store.close()
    assert len(events) >= 5
    dates = [e["event_date"] for e in events]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("params", "holds"),
    [
        ({"since": "2021-03-15"}, lambda e: e["event_date"] >= "2021-03-15"),
        ({"until": "2021-03-14"}, lambda e: e["event_date"] <= "2021-03-14"),
        ({"admin1": "Al Anbar"}, lambda e: e["admin1"] == "Al Anbar"),
        ({"admin1": "IQ-AN"}, lambda e: e["admin1"] == "Al Anbar"),
        ({"admin1": "anbar"}, lambda e: e["admin1"] == "Al Anbar"),
        ({"admin2": "khanaqin"}, lambda e: e["admin2"] == "Khanaqin"),
        (
            {"event_type": "Explosions/Remote violence"},
            lambda e: e["event_type"] == "Explosions/Remote violence",
        ),
        ({"event_type": "battles"}, lambda e: e["event_type"] == "Battles"),
        ({"sub_event_type": "Armed clash"}, lambda e: e["sub_event_type"] == "Armed clash"),
        ({"actor": "islamic"}, lambda e: "Islamic" in (e["actor1"] or "") + (e["actor2"] or "")),
        ({"min_fatalities": 1}, lambda e: e["fatalities"] >= 1),
        ({"q": "army post"}, lambda e: any("army post" in x["text"] for x in e["evidence"])),
        (
            {"q": "Rutba"},
            lambda e: "Rutba" in (e["location"] or "") + " ".join(x["text"] for x in e["evidence"]),
        ),
        ({"bbox": "42,32,45,35"}, lambda e: 42 <= e["longitude"] <= 45 and 32 <= e["latitude"] <= 35),
    ],
)
def test_each_filter_keeps_what_matches_and_drops_the_rest(
    api: Any, params: dict[str, Any], holds: Any
) -> None:
    every = _events(api)
    kept = _events(api, **params)
    assert kept, f"{params} kept nothing: the test would prove nothing"
    assert all(holds(e) for e in kept)
    assert [e["event_id"] for e in every if holds(e)] == [e["event_id"] for e in kept]
    assert len(kept) < len(every), f"{params} dropped nothing"


def test_filters_combine(api: Any) -> None:
    kept = _events(api, admin1="Al Anbar", event_type="Explosions/Remote violence")
    assert [(e["admin1"], e["event_type"]) for e in kept] == [("Al Anbar", "Explosions/Remote violence")]


def test_cursor_pages_add_up_to_the_whole_list(api: Any) -> None:
    every = [e["event_id"] for e in _events(api)]
    seen: list[str] = []
    cursor = None
    while True:
        page = api.get("/events", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        seen += [e["event_id"] for e in page["events"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == every


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/events?since=2021-04-01&until=2021-03-01", "since: 2021-04-01 is after until"),
        ("/events?since=yesterday", "since"),
        ("/events?until=2021-02-30", "until"),
        ("/events?bbox=1,2,3", "bbox"),
        ("/events?bbox=50,30,40,35", "west <= east"),
        ("/events?bbox=40,-95,45,35", "latitudes"),
        ("/events?min_fatalities=-1", "min_fatalities"),
        ("/events?min_fatalities=many", "min_fatalities"),
        ("/events?limit=0", "limit"),
        ("/events?limit=100000", "limit"),
        ("/events?cursor=nonsense", "cursor"),
        ("/events?cursor=13-13-13~ev-1", "cursor"),
        ("/events?dataset=imaginary", "dataset"),
        ("/events?q=" + "x" * 300, "q"),
        ("/series?period=fortnight", "period"),
        ("/series?by=weather", "by"),
        ("/map?points=-5", "points"),
        ("/articles?offset=-1", "offset"),
        ("/export.csv?since=2021-13-01", "since"),
        ("/export.geojson?bbox=a,b,c,d", "bbox"),
    ],
)
def test_bad_parameters_are_a_clear_4xx(api: Any, path: str, reason: str) -> None:
    r = api.get(path)
    assert 400 <= r.status_code < 500, (path, r.status_code, r.text)
    assert reason in r.text


def test_an_unknown_event_is_404_naming_it(api: Any) -> None:
    r = api.get("/events/ev-nothing-here")
    assert r.status_code == 404
    assert "ev-nothing-here" in r.json()["detail"]


FOLLOW_UP = {
    "id": "synthetic-followup",
    "title": "SYNTHETIC follow-up",
    "published": "2021-03-09",
    "url": "https://example.org/synthetic/followup",
    "text": (
        "Gunmen attacked an army post near Jalawla in Diyala province on Monday night, killing two soldiers "
        "and wounding three, security sources said. Officials blamed the Islamic State group."
    ),
}


def test_one_event_shows_every_report_sentence_url_and_link_reason(writable: Path) -> None:
    api = client(writable)
    assert api.post("/articles", json=[FOLLOW_UP], headers=AUTH).status_code == 200
    linked = [e for e in _events(api) if len(e["links"]) > 1]
    assert linked, "the follow-up report linked into the demo event"
    event = linked[0]
    detail = api.get(f"/events/{event['event_id']}").json()
    assert {r["article_id"] for r in detail["reports"]} >= {x["article_id"] for x in event["links"]}
    later = [r for r in detail["reports"] if r["score"] is not None]
    assert later and all(r["reasons"] for r in later)
    sentences = [s for r in detail["reports"] for s in r["sentences"]]
    assert sentences and all(s["text"] for s in sentences)
    marked = [(s["text"][f["start"] : f["end"]], f["field"]) for s in sentences for f in s["fields"]]
    assert any(field == "location" for _, field in marked)
    assert "https://example.org/synthetic/followup" in [r["url"] for r in detail["reports"]]
    assert detail["history"] == []


def test_field_words_are_marked_where_the_value_is_written(api: Any) -> None:
    event = _events(api, admin2="Khanaqin")[0]
    detail = api.get(f"/events/{event['event_id']}").json()
    words = {
        (s["text"][f["start"] : f["end"]].lower(), f["field"])
        for r in detail["reports"]
        for s in r["sentences"]
        for f in s["fields"]
    }
    assert ("two", "fatalities") in words
    assert ("three", "injured") in words


def test_series_counts_add_up_to_the_events(api: Any) -> None:
    events = _events(api)
    for by in ("admin1", "admin2", "type", "actor"):
        total = api.get("/series", params={"period": "total", "by": by}).json()["rows"]
        placed = [e for e in events if by not in ("admin1", "admin2") or e[by]]
        assert sum(r["events"] for r in total) == len(placed)
        assert sum(r["fatalities"] for r in total) == sum(e["fatalities"] for e in placed)
    weekly = api.get("/series", params={"period": "week", "by": "type", "admin1": "Al Anbar"}).json()["rows"]
    anbar = _events(api, admin1="Al Anbar")
    assert sum(r["events"] for r in weekly) == len(
        [e for e in anbar if e["date_precision"] in ("day", "week")]
    )
    assert all(r["period"] is not None and r["group"] for r in weekly)
    monthly = api.get("/series", params={"period": "month", "by": "admin1"}).json()["rows"]
    assert {r["period"] for r in monthly} == {"2021-03-01"}


@pytest.mark.parametrize(
    ("params", "flt"),
    [
        ({}, EventFilter()),
        ({"period": "month", "by": "admin1"}, EventFilter()),
        ({"period": "total", "by": "actor"}, EventFilter()),
        (  # ragged weeks at both ends: read from the counts and the events
            {"since": "2021-03-03", "until": "2021-03-20", "by": "admin2"},
            EventFilter(since=date(2021, 3, 3), until=date(2021, 3, 20)),
        ),
        ({"min_fatalities": "1", "by": "type"}, EventFilter(min_fatalities=1)),  # from the events only
    ],
)
def test_series_rows_are_the_stores_row_for_row(
    api: Any, demo_db: Path, params: dict[str, str], flt: EventFilter
) -> None:
    answer = api.get("/series", params=params)
    assert answer.status_code == 200, answer.text
    period = params.get("period", "week")
    store = SQLiteStore(demo_db)
    try:
        expected = store.event_series(flt, None if period == "total" else period, params.get("by", "type"))  # type: ignore[arg-type]
    finally:
        store.close()
    assert expected
    assert answer.json()["rows"] == [
        {
            "period": r.period.isoformat() if r.period else None,
            "group": r.group,
            "events": r.events,
            "fatalities": r.fatalities,
        }
        for r in expected
    ]


def test_map_totals_and_points_follow_the_filter(api: Any) -> None:
    data = api.get("/map", params={"event_type": "Explosions/Remote violence"}).json()
    expected = _events(api, event_type="Explosions/Remote violence")
    assert sorted(p["event_id"] for p in data["points"]) == sorted(
        e["event_id"] for e in expected if e["latitude"] is not None
    )
    assert sum(g["events"] for g in data["governorates"]) == len([e for e in expected if e["admin1"]])
    districts = {d["group"]: d for d in data["districts"]}
    assert sum(d["events"] for d in districts.values()) == len([e for e in expected if e["admin2"]])
    shapes = {
        f["properties"]["admin2_pcode"]: f["properties"]
        for f in api.get("/boundaries/districts").json()["features"]
    }
    for name, d in districts.items():  # every district the demo's events name has an outline of that name
        assert d["pcode"] in shapes and shapes[d["pcode"]]["admin2"] == name
    assert api.get("/map", params={"points": 1}).json()["points"][0]["fatalities"] == max(
        e["fatalities"] for e in _events(api)
    )


def test_articles_claims_unresolved_places_vocabulary_boundaries(api: Any) -> None:
    articles = api.get("/articles").json()
    assert articles["total"] == 7
    assert any(a["copy_of"] for a in articles["articles"])
    assert len(api.get("/articles", params={"limit": 2, "offset": 6}).json()["articles"]) == 1
    claims = api.get("/claims").json()
    assert claims["total"] >= 1
    kind = claims["claims"][0]["kind"]
    only = api.get("/claims", params={"kind": kind}).json()["claims"]
    assert only and all(c["kind"] == kind for c in only)
    places = api.get("/places/unresolved").json()["places"]
    assert all(p["events"] >= 1 for p in places)
    vocabulary = api.get("/vocabulary").json()
    assert "Armed clash" in vocabulary["event_types"]["Battles"]
    assert {"code": "IQ-BG", "name": "Baghdad"} in vocabulary["governorates"]
    shapes = api.get("/boundaries").json()
    assert len(shapes["features"]) == 18
    districts = api.get("/boundaries/districts")
    assert districts.headers["content-type"] == "application/geo+json"
    features = districts.json()["features"]
    assert len(features) == 101 and len({f["properties"]["admin2_pcode"] for f in features}) == 101
    assert {f["properties"]["admin1_code"] for f in features} == {
        f["properties"]["admin1_code"] for f in shapes["features"]
    }
    assert all(f["geometry"]["type"] == "MultiPolygon" and f["geometry"]["coordinates"] for f in features)


def test_csv_export_is_acled_ordered_and_filtered(api: Any) -> None:
    r = api.get("/export.csv", params={"admin1": "Al Anbar"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0])[: len(FLAT_FIELDS)] == list(FLAT_FIELDS)
    assert [x["event_id"] for x in rows] == [e["event_id"] for e in _events(api, admin1="Al Anbar")]


def test_geojson_export_is_points_of_the_filtered_events(api: Any) -> None:
    data = json.loads(api.get("/export.geojson", params={"min_fatalities": 1}).text)
    assert data["type"] == "FeatureCollection"
    kept = _events(api, min_fatalities=1)
    assert [f["id"] for f in data["features"]] == [e["event_id"] for e in kept]
    for f, e in zip(data["features"], kept, strict=True):
        assert f["geometry"] == {"type": "Point", "coordinates": [e["longitude"], e["latitude"]]}
        assert f["properties"]["fatalities"] == e["fatalities"]


def test_parquet_export_reads_back_with_types(api: Any) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(api.get("/export.parquet").content))
    assert table.column_names[: len(FLAT_FIELDS)] == list(FLAT_FIELDS)
    assert table.num_rows == len(_events(api))
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type) == "int64"


def test_pages_carry_a_strict_content_security_policy(api: Any) -> None:
    for path in ("/", "/docs", "/events", "/static/app.js"):
        r = api.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert api.get("/openapi.json").json()["paths"]["/events"]["get"]["parameters"]
    for r in (api.get("/events/ev-none"), api.get("/events", params={"since": "yesterday"})):
        assert r.status_code in (400, 404, 422), r.status_code  # answers refused carry them too
        assert r.headers["content-security-policy"] and r.headers["x-content-type-options"] == "nosniff"
        assert (r.headers["x-frame-options"], r.headers["referrer-policy"]) == ("DENY", "no-referrer")


def test_without_a_token_set_the_server_is_read_only(writable: Path) -> None:
    readonly = client(writable, token=None)
    event_id = _events(readonly)[0]["event_id"]
    r = readonly.post(f"/events/{event_id}/corrections", json={"changes": {"fatalities": 9}}, headers=AUTH)
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    r = readonly.post("/articles", json=[{"id": "x", "text": "SYNTHETIC"}], headers=AUTH)
    assert r.status_code == 403
    assert _events(readonly)[0]["fatalities"] != 9


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Authorization": "x"}]
)
def test_a_write_without_the_right_token_is_refused(writable: Path, headers: dict[str, str]) -> None:
    api = client(writable)
    event_id = _events(api)[0]["event_id"]
    r = api.post(f"/events/{event_id}/corrections", json={"changes": {"fatalities": 9}}, headers=headers)
    assert r.status_code == 401 and "token" in r.json()["detail"]
    assert api.get(f"/events/{event_id}/history").json()["history"] == []


def test_a_correction_changes_the_event_and_is_kept_in_its_history(writable: Path) -> None:
    api = client(writable)
    event = _events(api, admin2="Khanaqin")[0]
    changes = {
        "fatalities": 4,
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "admin1": "kirkuk",
    }
    r = api.post(
        f"/events/{event['event_id']}/corrections",
        json={"changes": changes, "note": "SYNTHETIC"},
        headers=AUTH,
    )
    assert r.status_code == 200, r.text
    after = r.json()["event"]
    assert (after["fatalities"], after["event_type"], after["admin1"], after["admin1_code"]) == (
        4,
        "Violence against civilians",
        "Kirkuk",
        "IQ-KI",
    )
    history = api.get(f"/events/{event['event_id']}/history").json()["history"]
    assert {(h["field"], h["old"], h["new"]) for h in history} >= {
        ("fatalities", event["fatalities"], 4),
        ("event_type", "Battles", "Violence against civilians"),
        ("admin1", "Diyala", "Kirkuk"),
    }
    assert all(h["analyst"] == "tester" and h["made_at"] and h["note"] == "SYNTHETIC" for h in history)
    assert [e["event_id"] for e in _events(api, admin1="Kirkuk", min_fatalities=4)] == [event["event_id"]]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"fatalities": -2}, "fatalities"),
        ({"fatalities": "many"}, "fatalities"),
        ({"event_type": "Picnic"}, "event_type"),
        ({"sub_event_type": "Peaceful protest"}, "sub_event_type"),
        ({"admin1": "Atlantis"}, "admin1"),
        ({"event_date": "2021-02-30"}, "event_date"),
        ({"latitude": 123}, "latitude"),
        ({"event_id": "ev-new"}, "event_id"),
        ({}, "changes"),
    ],
)
def test_a_bad_correction_is_400_naming_the_field(
    writable: Path, changes: dict[str, Any], reason: str
) -> None:
    api = client(writable)
    event_id = _events(api, admin2="Khanaqin")[0]["event_id"]
    r = api.post(f"/events/{event_id}/corrections", json={"changes": changes}, headers=AUTH)
    assert r.status_code == 400, r.text
    assert r.json()["detail"].startswith(reason)
    assert api.get(f"/events/{event_id}/history").json()["history"] == []


def test_corrections_survive_running_the_same_input_again_and_a_rewrite(writable: Path) -> None:
    api = client(writable)
    event = _events(api, admin2="Khanaqin")[0]
    api.post(f"/events/{event['event_id']}/corrections", json={"changes": {"fatalities": 7}}, headers=AUTH)
    store = SQLiteStore(writable)
    try:
        pipeline.run([DEMO_DIR], store, config(writable))
        assert store.event(event["event_id"]).fatalities == 7  # type: ignore[union-attr]
        # a run that links a new report into the event writes the event anew from its reports
        original = store.event(event["event_id"])
        assert original is not None
        store.replace_events([original.__class__(**{**original.__dict__, "fatalities": 2})], {})
        assert store.event(event["event_id"]).fatalities == 7  # type: ignore[union-attr]
    finally:
        store.close()


def test_a_new_report_linked_into_a_corrected_event_keeps_the_correction(writable: Path) -> None:
    api = client(writable)
    event = _events(api, admin2="Khanaqin")[0]
    api.post(f"/events/{event['event_id']}/corrections", json={"changes": {"fatalities": 7}}, headers=AUTH)
    r = api.post("/articles", json=[FOLLOW_UP], headers=AUTH)
    assert r.status_code == 200, r.text
    returned = r.json()["events"]
    assert [e["event_id"] for e in returned] == [event["event_id"]], "the report linked into the event"
    assert returned[0]["fatalities"] == 7
    assert "synthetic-followup" in returned[0]["article_ids"]


def test_merge_moves_reports_and_split_takes_one_out(writable: Path) -> None:
    api = client(writable)
    anbar = _events(api, admin1="Al Anbar")
    keep, gone = anbar[0]["event_id"], anbar[1]["event_id"]
    r = api.post(f"/events/{keep}/merge", json={"other": gone}, headers=AUTH)
    assert r.status_code == 200, r.text
    merged = r.json()
    assert set(merged["event"]["article_ids"]) >= set(anbar[0]["article_ids"]) | set(anbar[1]["article_ids"])
    assert api.get(f"/events/{gone}").status_code == 404
    assert merged["history"][-1]["action"] == "merge" and merged["history"][-1]["new"] == gone
    report = next(x for x in merged["reports"] if x["article_id"] in anbar[1]["article_ids"])
    key = (report["article_id"], report["index"])
    r = api.post(f"/events/{keep}/split", json={"article_id": key[0], "index": key[1]}, headers=AUTH)
    assert r.status_code == 200, r.text
    split = r.json()
    assert key not in [(x["article_id"], x["index"]) for x in split["event"]["reports"]]
    assert [(x["article_id"], x["index"]) for x in split["split"]["reports"]] == [key]
    assert split["split"]["event"]["admin1"] == "Al Anbar"
    assert api.post(f"/events/{keep}/merge", json={"other": keep}, headers=AUTH).status_code == 400
    assert api.post(f"/events/{keep}/merge", json={"other": "ev-none"}, headers=AUTH).status_code == 404
    bad = api.post(f"/events/{keep}/split", json={"article_id": "nope", "index": 0}, headers=AUTH)
    assert bad.status_code == 400 and "nope" in bad.json()["detail"]


def test_submitted_records_and_files_go_through_the_pipeline(writable: Path) -> None:
    api = client(writable)
    text = "A roadside bomb killed three policemen in Baqubah, Diyala, on Tuesday, police said."
    r = api.post(
        "/articles",
        json=[{"id": "synthetic-submit", "title": "SYNTHETIC", "text": text, "published": "2021-05-05"}],
        headers=AUTH,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["articles_new"] == 1
    assert [(e["admin1"], e["fatalities"]) for e in body["events"]] == [("Diyala", 3)]
    again = api.post(
        "/articles",
        json=[{"id": "synthetic-submit", "title": "SYNTHETIC", "text": text, "published": "2021-05-05"}],
        headers=AUTH,
    )
    assert again.json()["articles_unchanged"] == 1 and again.json()["events"] == []
    upload = "Gunmen killed two farmers near Tuz Khurmatu, Salahuddin, on Friday, officials said."
    r = api.post(
        "/articles/upload",
        files=[("files", ("2021-06-04-synthetic.txt", upload.encode(), "text/plain"))],
        headers=AUTH,
    )
    assert r.status_code == 200, r.text
    assert r.json()["articles_new"] == 1 and r.json()["events"]
    wrong = api.post(
        "/articles/upload", files=[("files", ("x.exe", b"MZ", "application/octet-stream"))], headers=AUTH
    )
    assert wrong.status_code == 400 and "x.exe" in wrong.json()["detail"]
    assert api.post("/articles", json=[{"id": "", "text": ""}], headers=AUTH).status_code == 422


def test_sitrep_serve_refuses_a_missing_store_and_a_short_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from sitrep.cli import app as cli

    runner = CliRunner()
    missing = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no sitrep database" in missing.output
    monkeypatch.setenv("SITREP_TOKEN", "short")
    short = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert short.exit_code == 2 and "SITREP_TOKEN" in short.output and "16 characters" in short.output
    assert "'short'" not in short.output  # the token itself is never echoed
    assert not (tmp_path / "none.db").exists()
