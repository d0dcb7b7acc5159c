"""Writes, each behind the token: submit articles (JSON records or files) through the same pipeline
`sitrep run` uses, and analyst corrections (fields, merge, split) kept with who, when, old and new."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Request, UploadFile
from pydantic import BaseModel, Field

from .. import corrections, pipeline
from ..errors import QueryError
from ..store import Store
from .deps import AnalystDep, StoreDep, settings_of
from .views import correction_record, event_detail, event_summary

router = APIRouter()
SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_FILES = 100


class ArticleIn(BaseModel):
    id: str = Field(min_length=1, max_length=200)
    title: str = Field(default="", max_length=2000)
    text: str = Field(min_length=1)
    published: date | None = None
    outlet: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


class FieldChanges(BaseModel):
    changes: dict[str, Any] = Field(description="Field -> new value: event_type, admin1, fatalities, ...")
    note: str | None = Field(default=None, max_length=1000)


class MergeIn(BaseModel):
    other: str = Field(description="The event merged into this one (it is removed).")
    note: str | None = Field(default=None, max_length=1000)


class SplitIn(BaseModel):
    article_id: str
    index: int = Field(ge=0, description="The report's mention index in its article.")
    note: str | None = Field(default=None, max_length=1000)


def _run(request: Request, store: Store, folder: Path) -> dict[str, Any]:
    result = pipeline.run([folder], store, settings_of(request).cfg)
    found = [store.event(i) for i in result.event_ids]
    return {
        "articles_new": result.articles_new,
        "articles_unchanged": result.articles_unchanged,
        "events": [event_summary(e) for e in found if e is not None],
        "problems": [{"where": Path(p.where).name, "reason": p.reason} for p in result.problems],
    }


@router.post("/articles", tags=["write"])
def submit_articles(
    request: Request, store: StoreDep, _: AnalystDep, articles: list[ArticleIn]
) -> dict[str, Any]:
    """Articles as JSON records: ingested, extracted, linked and stored as `sitrep run` does; their events back."""
    if not articles:
        raise QueryError("articles", "give at least one article")
    with tempfile.TemporaryDirectory(prefix="sitrep-submit-") as tmp:
        lines = [json.dumps(a.model_dump(mode="json"), ensure_ascii=False) for a in articles]
        (Path(tmp) / "submitted.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return _run(request, store, Path(tmp))


@router.post("/articles/upload", tags=["write"])
def upload_articles(
    request: Request, store: StoreDep, _: AnalystDep, files: Annotated[list[UploadFile], File()]
) -> dict[str, Any]:
    """Article files (.txt, .html, .jsonl) run through the pipeline; their events back."""
    if len(files) > MAX_FILES:
        raise QueryError("files", f"at most {MAX_FILES} files at once")
    with tempfile.TemporaryDirectory(prefix="sitrep-upload-") as tmp:
        for n, f in enumerate(files):
            suffix = Path(f.filename or "").suffix.lower()
            if suffix not in SUFFIXES:
                raise QueryError("files", f"{f.filename!r}: give .txt, .html or .jsonl files")
            stem = "".join(c for c in Path(f.filename or "").stem if c.isalnum() or c in "-_")[:60]
            (Path(tmp) / f"{n:03d}-{stem or 'upload'}{suffix}").write_bytes(f.file.read())
        return _run(request, store, Path(tmp))


@router.post("/events/{event_id}/corrections", tags=["write"])
def correct(store: StoreDep, analyst: AnalystDep, event_id: str, body: FieldChanges) -> dict[str, Any]:
    """Change an event's type, place, date, counts or actors; each change is kept in its history."""
    corrections.correct_event(store, event_id, body.changes, analyst, body.note)
    return event_detail(store, event_id)


@router.post("/events/{event_id}/merge", tags=["write"])
def merge(store: StoreDep, analyst: AnalystDep, event_id: str, body: MergeIn) -> dict[str, Any]:
    """Merge event `other` into this one: its reports, sources and sentences move here."""
    corrections.merge_events(store, event_id, body.other, analyst, body.note)
    return event_detail(store, event_id)


@router.post("/events/{event_id}/split", tags=["write"])
def split(store: StoreDep, analyst: AnalystDep, event_id: str, body: SplitIn) -> dict[str, Any]:
    """Split one report out of this event into an event of its own; both are returned."""
    kept, alone = corrections.split_report(store, event_id, body.article_id, body.index, analyst, body.note)
    return {"event": event_detail(store, kept.event_id), "split": event_detail(store, alone.event_id)}


@router.get("/events/{event_id}/history", tags=["events"])
def history(store: StoreDep, event_id: str) -> dict[str, Any]:
    """The corrections made to an event, oldest first: who, when, field, old and new value."""
    return {"history": [correction_record(c) for c in store.corrections(event_id)]}
