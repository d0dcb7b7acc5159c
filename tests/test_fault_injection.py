"""Fault injection: a run killed at any moment, a locked database and a full disk lose nothing that
was committed, and the next run finishes exactly what was left — to the same events as one
uninterrupted run. Every article is SYNTHETIC (tests/synthetic.py).

The contract under test (sitrep/pipeline.py, sitrep/store/): articles are processed in batches of
SITREP_BATCH_SIZE; each batch and everything derived from it is committed in one transaction; a
locked database is waited on, then the run fails with a one-line error and exit code 2; a full disk
fails the same way (`StoreError` in the library).

How: one uninterrupted `sitrep run` (batch size 4, 40 short articles) is the reference; its event
dump (`sitrep events --format json`) is what every other run must end with. 28 runs are stopped
(22 SIGKILL, 6 SIGTERM, to the process group) at seeded points: during start-up and model loading,
after each batch in turn (at a random moment of the next, or inside its write transaction, seen by
the rollback journal appearing) and while the report is written; each is then run again to the end.
Two trials run at a time. The whole file takes about 3.5 minutes on two cores.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import inspect
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sitrep import export, pipeline
from sitrep.config import Config
from sitrep.errors import StoreError
from sitrep.store import SQLiteStore
from tests.synthetic import articles, write_corpus

N_ARTICLES = 40
WORDS = 200
BATCH_SIZE = 4  # many commit points
SEED = 11
KILL_TRIALS = 22  # SIGKILL
TERM_TRIALS = 6  # SIGTERM
PARALLEL = 2
LOCK_TIMEOUT = 5  # SITREP_LOCK_TIMEOUT for the locked-database run, seconds
LOCK_WAIT_LIMIT = 180.0  # seconds; far longer than any sane busy timeout
PACKAGE_ROOT = Path(pipeline.__file__).resolve().parent.parent  # the sitrep under test, for subprocesses


def _cli(*args: str | Path) -> list[str]:
    if importlib.util.find_spec("sitrep.__main__") is not None:
        return [sys.executable, "-m", "sitrep", *map(str, args)]
    return [sys.executable, "-c", "from sitrep.cli import main; main()", *map(str, args)]


def _env() -> dict[str, str]:
    """The environment of every sitrep process here: default settings but the batch size."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SITREP_")}
    env.update(
        SITREP_BATCH_SIZE=str(BATCH_SIZE),
        PYTHONPATH=os.pathsep.join(filter(None, [str(PACKAGE_ROOT), env.get("PYTHONPATH")])),
        OMP_NUM_THREADS="1",  # trials run side by side on two cores
        OPENBLAS_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
    )
    return env


def _run_args(corpus: Path, db: Path) -> list[str]:
    return _cli("run", corpus, "--db", db, "--report", db.with_suffix(".html"))


def _sitrep(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_cli(*args), env=_env(), capture_output=True, text=True, timeout=timeout)


def _dump(db: Path) -> list[dict[str, Any]]:
    """`sitrep events --format json`, as a sorted list of records."""
    done = _sitrep("events", "--db", db, "--format", "json")
    assert done.returncode == 0, done.stderr
    return _sorted(json.loads(line) for line in done.stdout.splitlines() if line.strip())


def _sorted(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda r: json.dumps(r, sort_keys=True))


def _stored_events(db: Path) -> list[dict[str, Any]]:
    """What `_dump` gives, read in this process (a CLI start costs seconds; the reference checks they agree)."""
    store = SQLiteStore(db)
    try:
        return _sorted(
            json.loads(json.dumps(export.event_record(e), ensure_ascii=False)) for e in store.events()
        )
    finally:
        store.close()


def _difference(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> str:
    """'' when equal; else which events are lost, duplicated or changed."""
    if got == want:
        return ""
    got_ids = [r["event_id"] for r in got]
    want_ids = {r["event_id"]: r for r in want}
    lost = sorted(set(want_ids) - set(got_ids))
    extra = sorted(set(got_ids) - set(want_ids))
    dup = sorted({i for i in got_ids if got_ids.count(i) > 1})
    changed = [r["event_id"] for r in got if r["event_id"] in want_ids and r != want_ids[r["event_id"]]]
    return (
        f"{len(got)} events against {len(want)} in the reference: {len(lost)} lost {lost[:5]}, "
        f"{len(extra)} not in the reference {extra[:5]}, {len(dup)} duplicated {dup[:5]}, "
        f"{len(changed)} changed {changed[:5]}"
    )


def _has_status() -> bool:
    return _sitrep("status", "--help").returncode == 0


def _pending(db: Path) -> int:
    """Articles `sitrep status` reports as pending."""
    done = _sitrep("status", "--db", db)
    assert done.returncode == 0, done.stderr
    text = done.stdout + done.stderr
    found = re.search(r"(\d+)\s+pending", text, re.I) or re.search(r"pending\W{0,3}(\d+)", text, re.I)
    assert found, f"`sitrep status` does not say how many articles are pending:\n{text}"
    return int(found[1])


def _count(db: Path, table: str = "articles") -> int:
    """Rows committed in `table` (0 before the schema exists)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:  # no schema yet
        return 0


@dataclass(frozen=True)
class Reference:
    corpus: Path
    db: Path
    events: list[dict[str, Any]]
    seconds: float  # the whole run
    first_commit: float  # seconds from the start to the first batch committed
    last_commit: float  # ... to the last
    pages: int
    has_status: bool

    @property
    def batch_seconds(self) -> float:
        return (self.last_commit - self.first_commit) / max(1, N_ARTICLES // BATCH_SIZE - 1)


def _wait_for(db: Path, articles: int, proc: subprocess.Popen[Any], deadline: float = 300) -> float:
    """Seconds until `articles` articles are committed (or the run ends); polls the database."""
    started = time.monotonic()
    while _count(db) < articles and proc.poll() is None and time.monotonic() - started < deadline:
        time.sleep(0.02)
    return time.monotonic() - started


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """One uninterrupted run of the SYNTHETIC corpus, batch size 4, timed: start, first and last commit."""
    base = tmp_path_factory.mktemp("fault")
    corpus = write_corpus(base / "corpus.jsonl", N_ARTICLES, words=WORDS, seed=SEED)
    db = base / "reference.db"
    started = time.monotonic()
    proc = subprocess.Popen(
        _run_args(corpus, db), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    first = _wait_for(db, 1, proc)
    last = first + _wait_for(db, N_ARTICLES, proc)
    _, stderr = proc.communicate(timeout=300)
    seconds = time.monotonic() - started
    assert proc.returncode == 0, stderr
    events = _dump(db)
    assert len(events) >= N_ARTICLES // 2, "the synthetic corpus should give an event for most articles"
    assert _stored_events(db) == events, "events read in process differ from `sitrep events --format json`"
    con = sqlite3.connect(db)
    pages = int(con.execute("PRAGMA page_count").fetchone()[0])
    con.close()
    print(
        f"\nreference run: {N_ARTICLES} articles, {len(events)} events; first batch committed at {first:.1f} s, "
        f"last at {last:.1f} s, done at {seconds:.1f} s; {pages} pages"
    )
    return Reference(corpus, db, events, seconds, first, last, pages, _has_status())


@dataclass(frozen=True)
class KillPoint:
    """Stop the run once `after` articles are committed: `delay` seconds later, or with `in_commit`
    as soon as a rollback journal shows a write transaction open."""

    sig: signal.Signals
    after: int
    delay: float
    in_commit: bool = False

    def __str__(self) -> str:
        when = "in the next commit" if self.in_commit else f"{self.delay:4.2f} s"
        return f"{self.sig.name:7} {when:>18} after {self.after:2d} committed"


def _kill_points(ref: Reference, sig: signal.Signals, n: int, rng: random.Random) -> list[KillPoint]:
    """A fifth before any commit (imports, model loading, the first batch), most between and during
    commits (after each batch in turn, at a random moment of the next or inside its transaction), one
    or two after the last (the report being written)."""
    batches = N_ARTICLES // BATCH_SIZE
    loading, ending = max(1, n // 5), max(1, n // 12)
    middle = n - loading - ending
    # In the first half of the time the reference took to its first commit: a loaded machine may run the
    # trial faster or slower than the reference, and these kills must still land before any commit.
    points = [
        KillPoint(sig, 0, ref.first_commit * (i + rng.random()) / (2 * loading)) for i in range(loading)
    ]
    points += [
        KillPoint(
            sig, BATCH_SIZE * (1 + i * (batches - 1) // middle), rng.random() * ref.batch_seconds, i % 3 == 2
        )
        for i in range(middle)
    ]
    tail = max(0.05, ref.seconds - ref.last_commit)
    points += [KillPoint(sig, N_ARTICLES, rng.random() * tail) for _ in range(ending)]
    return points


@dataclass(frozen=True)
class Trial:
    number: int
    point: KillPoint
    killed: bool  # False when the run had already finished
    in_transaction: bool  # a rollback journal was there when the signal was sent
    committed: int  # articles committed when the run was stopped
    rerun_code: int
    rerun_stderr: str
    difference: str  # '' when the rerun gave the reference's events
    unfinished: str  # '' when nothing is left pending or set aside


def _unfinished(db: Path, cli: bool) -> str:
    """What the store (and `sitrep status`, with `cli`) says is pending or failed; '' for nothing."""
    store = SQLiteStore(db)
    try:
        status = store.status() if hasattr(store, "status") else None
    finally:
        store.close()
    said = []
    if status and (status.articles_pending or status.articles_failed):
        said.append(f"{status.articles_pending} pending, {status.articles_failed} failed")
    if cli and (pending := _pending(db)):
        said.append(f"`sitrep status`: {pending} pending")
    return "; ".join(said)


def _trial(ref: Reference, base: Path, number: int, point: KillPoint) -> Trial:
    db = base / f"trial-{number:02d}.db"
    proc = subprocess.Popen(
        _run_args(ref.corpus, db),
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    if point.after:
        _wait_for(db, point.after, proc)
    time.sleep(point.delay)
    journal = Path(f"{db}-journal")
    while point.in_commit and not journal.exists() and proc.poll() is None:
        time.sleep(0.0002)
    in_transaction = journal.exists()
    killed = proc.poll() is None
    if killed:
        try:
            os.killpg(proc.pid, point.sig)
        except ProcessLookupError:
            killed = False
    proc.wait(timeout=300)
    killed = killed and proc.returncode != 0
    committed = _count(db)
    rerun = subprocess.run(_run_args(ref.corpus, db), env=_env(), capture_output=True, text=True, timeout=300)
    if rerun.returncode:
        return Trial(
            number,
            point,
            killed,
            in_transaction,
            committed,
            rerun.returncode,
            rerun.stderr,
            "rerun failed",
            "",
        )
    difference = _difference(_stored_events(db), ref.events)
    # `sitrep status` costs a process start: asked after every third trial, the store after each.
    unfinished = _unfinished(db, cli=ref.has_status and number % 3 == 0)
    return Trial(number, point, killed, in_transaction, committed, 0, rerun.stderr, difference, unfinished)


@pytest.mark.slow
def test_killed_runs_finish_to_the_same_events(reference: Reference, tmp_path: Path) -> None:
    """SIGKILL and SIGTERM at many moments (model loading, extraction, commits, the report); the rerun
    gives the reference's events: none lost, none duplicated, nothing left pending."""
    rng = random.Random(SEED)
    plan = _kill_points(reference, signal.SIGKILL, KILL_TRIALS, rng)
    plan += _kill_points(reference, signal.SIGTERM, TERM_TRIALS, rng)
    started = time.monotonic()
    with ThreadPoolExecutor(PARALLEL) as pool:  # two at a time: the rerun's model loading dominates
        trials = list(pool.map(lambda n: _trial(reference, tmp_path, n, plan[n]), range(len(plan))))
    lines = [
        f"#{t.number:02d} {t.point}: {'killed' if t.killed else 'had finished'}"
        f"{' in a transaction' if t.killed and t.in_transaction else ''} with {t.committed:2d}/"
        f"{N_ARTICLES} articles committed; rerun exit {t.rerun_code}; {t.difference or 'same events'}"
        + (f"; left {t.unfinished}" if t.unfinished else "")
        for t in trials
    ]
    summary = "\n".join(lines) + f"\n{len(trials)} trials in {time.monotonic() - started:.0f} s"
    print("\n" + summary)
    failed = [t for t in trials if t.rerun_code or t.difference or t.unfinished]
    assert not failed, "runs stopped midway did not finish to the reference's events:\n" + "\n".join(
        lines[t.number] + (f"\n    {t.rerun_stderr.strip()[-600:]}" if t.rerun_code else "") for t in failed
    )
    assert sum(t.killed for t in trials if t.point.sig == signal.SIGKILL) >= 20, summary
    assert sum(t.killed for t in trials if t.point.sig == signal.SIGTERM) >= 5, summary
    # The kill points are spread: some before anything was committed, many between commits.
    assert sum(t.killed and t.committed == 0 for t in trials) >= 3, summary
    assert sum(t.killed and 0 < t.committed < N_ARTICLES for t in trials) >= 10, summary
    assert any(t.killed and t.in_transaction for t in trials), summary


@pytest.mark.slow
def test_a_locked_database_fails_clearly_and_keeps_what_was_committed(
    reference: Reference, tmp_path: Path
) -> None:
    """Another connection holds an exclusive lock from the third batch on, until the run gives up."""
    db = tmp_path / "locked.db"
    proc = subprocess.Popen(
        _run_args(reference.corpus, db),
        env={**_env(), "SITREP_LOCK_TIMEOUT": str(LOCK_TIMEOUT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    stderr, waited = "", 0.0
    try:
        _wait_for(db, 2 * BATCH_SIZE, proc)
        lock = sqlite3.connect(db, timeout=60, isolation_level=None)
        try:
            lock.execute("BEGIN EXCLUSIVE")
            locked = time.monotonic()
            committed = int(lock.execute("SELECT count(*) FROM articles").fetchone()[0])
            running = proc.poll() is None
            if running:  # the lock is held until the run gives up: longer than its busy timeout
                _, stderr = proc.communicate(timeout=LOCK_WAIT_LIMIT)
                waited = time.monotonic() - locked
        finally:
            lock.close()  # rolls back: the lock is released
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert running, "the run ended before the lock was taken: the corpus is too small"
    assert "Traceback" not in stderr, stderr
    assert proc.returncode == 2, f"exit {proc.returncode}, expected 2:\n{stderr}"
    said = [line for line in stderr.splitlines() if "locked" in line.lower()]
    assert said, f"the error does not say the database is locked:\n{stderr}"
    assert waited >= 0.9 * LOCK_TIMEOUT, (
        f"gave up after {waited:.1f} s, before SITREP_LOCK_TIMEOUT={LOCK_TIMEOUT}"
    )
    assert _count(db) >= committed > 0, "batches committed before the lock were lost"

    rerun = subprocess.run(_run_args(reference.corpus, db), env=_env(), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    difference = _difference(_dump(db), reference.events)
    assert not difference, difference
    assert not _unfinished(db, cli=reference.has_status)


def _run_in_process(store: SQLiteStore, cfg: Config, corpus: Path) -> None:
    kwargs: dict[str, Any] = {}
    if "batch_size" in inspect.signature(pipeline.run).parameters:
        kwargs["batch_size"] = BATCH_SIZE
    if "batch_size" in {f.name for f in dataclasses.fields(Config)}:
        cfg = dataclasses.replace(cfg, batch_size=BATCH_SIZE)
    pipeline.run([corpus], store, cfg, **kwargs)


@pytest.mark.slow
def test_a_full_disk_fails_clearly_and_keeps_what_was_committed(
    reference: Reference, cfg: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's max_page_count stands in for the disk: a later batch gets SQLITE_FULL."""
    monkeypatch.setenv("SITREP_BATCH_SIZE", str(BATCH_SIZE))
    db = tmp_path / "full.db"
    store = SQLiteStore(db)
    empty = int(store.db.execute("PRAGMA page_count").fetchone()[0])
    limit = empty + (reference.pages - empty) // 2  # about half the reference's data fits
    store.db.execute(f"PRAGMA max_page_count = {limit}")
    try:
        with pytest.raises(StoreError, match="full"):
            _run_in_process(store, cfg, reference.corpus)
    finally:
        store.close()
    committed = _count(db)
    assert 0 < committed < N_ARTICLES, f"{committed} articles committed before the disk was full"

    store = SQLiteStore(db)  # a new connection: no page limit
    try:
        _run_in_process(store, cfg, reference.corpus)
    finally:
        store.close()
    difference = _difference(_stored_events(db), reference.events)
    assert not difference, difference
    assert not _unfinished(db, cli=False)


# The generator itself (quick: no spaCy).


def test_the_synthetic_corpus_is_deterministic(tmp_path: Path) -> None:
    a = write_corpus(tmp_path / "a.jsonl", 30, words=300, seed=5).read_bytes()
    b = write_corpus(tmp_path / "b.jsonl", 30, words=300, seed=5).read_bytes()
    assert a == b
    assert write_corpus(tmp_path / "c.jsonl", 30, words=300, seed=6).read_bytes() != a
    assert list(articles(10, 300, 5)) == list(articles(30, 300, 5))[:10]


@pytest.mark.parametrize("words", [150, 500, 1000])
def test_synthetic_articles_have_about_the_words_asked_for(words: int) -> None:
    records = list(articles(60, words, seed=1))
    counts = [len(r["text"].split()) for r in records]
    assert all(abs(c - words) <= max(20, words * 0.1) for c in counts), counts
    assert {r["outlet"] for r in records} == {"Synthetic Wire"}
    assert all(r["id"] == f"syn-{i:06d}" and "(SYNTHETIC)" in r["title"] for i, r in enumerate(records))
    assert len({r["text"] for r in records}) == len(records)
