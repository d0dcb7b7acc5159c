"""The store contract at the level of runs, on every backend that a second process can reach (a SQLite
file, PostgreSQL): new articles link into stored events, re-running changes nothing, two runs at once
store everything once, and a run interrupted between units loses nothing. Articles are SYNTHETIC."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sitrep import pipeline
from sitrep.cli import app
from sitrep.config import Config
from sitrep.store import Store, open_store

CORPUS = Path(__file__).parent / "fixtures" / "link_corpus.jsonl"
SYNTHETIC = [
    ("u-1", "2021-03-01", "A roadside bomb killed two soldiers near Ramadi on Monday, police said."),
    ("u-2", "2021-03-02", "Gunmen shot dead a shepherd in a village near Tikrit on Sunday, officials said."),
    ("u-3", "2021-03-03", "Three rockets struck a military base in Kirkuk on Tuesday, wounding one guard."),
    ("u-4", "2021-03-04", "A suicide bomber killed five people at a market in Baqubah on Wednesday."),
]
runner = CliRunner()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    return str(tmp_path / "s.db")


def _feed(path: Path, rows: list[tuple[str, str, str]] = SYNTHETIC) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": i, "title": f"Synthetic report {i}", "text": t, "published": d}) + "\n"
            for i, d, t in rows
        )
    )
    return path


def _dump(store: Store) -> dict[str, Any]:
    """Everything a store holds that a run writes, through the Store interface alone."""
    status = store.status()
    return {
        "articles": sorted(((s.article, s.canonical_id) for s in store.articles()), key=lambda a: a[0].id),
        "events": sorted(store.events(), key=lambda e: e.event_id),
        "claims": store.claims(),
        "mentions": sorted(
            (m.mention.article_id, m.mention.index, m.event_id)
            for m in store.stored_mentions(date(1900, 1, 1), date(2100, 1, 1))
        ),
        "counts": (status.articles_done, status.articles_pending, status.articles_failed, status.events),
    }


@pytest.mark.slow
def test_new_articles_link_into_stored_events_and_rerunning_changes_nothing(
    location: str, tmp_path: Path
) -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[5:]) + "\n", encoding="utf-8")
    report = str(tmp_path / "r.html")
    dumps = []
    for path in (first, second, second):
        result = runner.invoke(app, ["run", str(path), "--db", location, "--report", report])
        assert result.exit_code == 0, result.output
        store = open_store(location, create=False)
        dumps.append(_dump(store))
        store.close()
    assert dumps[2] == dumps[1] != dumps[0]
    events = dumps[2]["events"]
    assert sorted(len(e.article_ids) for e in events) == [1, 1, 2, 2, 4]
    karrada = next(e for e in events if len(e.article_ids) == 4)
    assert "roundup-week19" in karrada.article_ids and karrada.fatalities == 3
    listed = runner.invoke(app, ["events", "--format", "json"], env={"SITREP_DB": location})
    assert sorted(json.loads(line)["event_id"] for line in listed.output.splitlines()) == sorted(
        e.event_id for e in events
    )
    shown = runner.invoke(
        app, ["events", "--db", location, "--explain", karrada.event_id], env={"COLUMNS": "200"}
    )
    assert shown.exit_code == 0
    for article_id in karrada.article_ids:
        assert article_id in shown.output
    assert "first" in shown.output and "shared" in shown.output  # the first report, and why others joined


@pytest.mark.slow
def test_two_runs_at_once_store_everything_once(location: str, tmp_path: Path) -> None:
    rows = [
        (f"c-{i:02d}", f"2021-04-{1 + i % 28:02d}", f"{t} Synthetic report number {i}.")
        for i, (_, _, t) in enumerate(SYNTHETIC * 6)
    ]
    feed = _feed(tmp_path / "feed.jsonl", rows)
    cmd = [sys.executable, "-c", "from sitrep.cli import main; main()", "run", str(feed), "--db", location]
    env = {**os.environ, "SITREP_BATCH_SIZE": "3"}
    runs = [
        subprocess.Popen([*cmd, "--report", str(tmp_path / f"r{n}.html")], env=env, stderr=subprocess.PIPE)
        for n in range(2)
    ]
    for p in runs:
        _, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr.decode()
    store = open_store(location, create=False)
    dump = _dump(store)
    store.close()
    assert [a.id for a, _ in dump["articles"]] == sorted(r[0] for r in rows)
    assert dump["counts"][:3] == (24, 0, 0)
    mentions = [(a, i) for a, i, _ in dump["mentions"]]
    assert len(mentions) == len(set(mentions)) and {a for a, _ in mentions} == {r[0] for r in rows}
    assert {ev for _, _, ev in dump["mentions"]} == {e.event_id for e in dump["events"]}
    for e in dump["events"]:
        assert len(e.evidence) == len(set(e.evidence))


@pytest.mark.slow
def test_a_run_interrupted_between_units_loses_nothing(
    location: str, tmp_path: Path, cfg: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = _feed(tmp_path / "feed.jsonl")
    reference = open_store(tmp_path / "reference.db")
    pipeline.run([feed], reference, cfg, batch_size=2)
    want = _dump(reference)
    reference.close()

    store = open_store(location)
    real = store.put_mentions
    calls = []

    def interrupted(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C inside the second unit's transaction
        real(*args, **kwargs)

    monkeypatch.setattr(store, "put_mentions", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([feed], store, cfg, batch_size=2)
    monkeypatch.undo()
    assert store.status().articles_done == 2  # the first unit, whole; nothing of the second
    again = pipeline.run([feed], store, cfg, batch_size=2)
    assert again.articles_new == 2 and again.articles_unchanged == 2
    assert _dump(store) == want
    store.close()


def test_a_server_that_cannot_be_reached_is_one_line_without_the_password() -> None:
    result = runner.invoke(
        app, ["status", "--db", "postgresql://bob:s3cret@127.0.0.1:1/sitrep?connect_timeout=3"]
    )
    assert result.exit_code == 2
    assert "cannot connect to the PostgreSQL database sitrep on 127.0.0.1:1 as bob" in result.output
    assert "s3cret" not in result.output
