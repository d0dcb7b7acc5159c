"""The pipeline on a Dask cluster (`sitrep.cluster`): input shards read on workers as they would be read
at home, WARC input, and a run on a local cluster of two workers, one killed mid-run, that stores what
a single process stores: nothing lost, nothing twice. Every article is SYNTHETIC, written for sitrep."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sitrep import cluster, pipeline
from sitrep.config import Config
from sitrep.ingest import read_paths
from sitrep.model import Article
from sitrep.pipeline import RunProgress
from sitrep.store import SQLiteStore
from tests.synthetic import write_corpus


def test_shards_of_a_jsonl_file_read_as_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "synthetic.jsonl", 9, words=120, seed=1)
    with corpus.open("a") as f:
        f.write("{not json\n")
    monkeypatch.setattr(cluster, "SHARD_BYTES", 2000)
    shards = [s for s in cluster.shards([corpus]) if isinstance(s, cluster.Shard)]
    assert len(shards) > 3 and all(s.kind == "jsonl" for s in shards)
    sharded = [item for s in shards for item in cluster.read_shard(s, 10.0)]
    assert [repr(x) for x in sharded] == [repr(x) for x in read_paths([corpus])]  # same articles and problems
    assert sharded[-1].where.endswith(":10")  # type: ignore[union-attr]  # line numbers as in the file


def _warc(path: Path, pages: list[tuple[str, str]]) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.0")
        writer.write_record(
            writer.create_warc_record(
                "http://example.org/a.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=image
            )
        )
    return path


PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p>"
    "<p>Officials said the investigation was continuing and more details would follow later.</p>"
    "</article></body></html>"
)


def test_warc_html_responses_are_articles(tmp_path: Path) -> None:
    pages = [
        (
            "http://example.org/1",
            PAGE.format(
                title="Synthetic blast",
                text="A roadside bomb killed two soldiers near Ramadi on Monday, police said.",
            ),
        ),
        (
            "http://example.org/2",
            PAGE.format(
                title="Synthetic raid",
                text="Gunmen shot dead a shepherd in a village near Tikrit on Sunday, officials said.",
            ),
        ),
        ("http://example.org/3", "<html><body><nav>Home</nav></body></html>"),
    ]
    for name in ("crawl.warc", "crawl.warc.gz"):
        items = list(read_paths([_warc(tmp_path / name, pages)]))
        articles = [a for a in items if isinstance(a, Article)]
        assert [a.url for a in articles] == ["http://example.org/1", "http://example.org/2"]
        assert "Ramadi" in articles[0].text
        [problem] = [p for p in items if not isinstance(p, Article)]
        assert problem.where.endswith("#3 http://example.org/3") and "no main text" in problem.reason


def _contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(db)
    out = {
        "articles": sorted(con.execute("SELECT id, status, canonical_id FROM articles").fetchall()),
        "mentions": sorted(con.execute("SELECT * FROM mentions").fetchall(), key=repr),
        "claims": sorted(con.execute("SELECT * FROM claims").fetchall(), key=repr),
        "events": [con.execute("SELECT count(*) FROM events").fetchone()],
    }
    con.close()
    return out


@pytest.mark.slow
def test_a_local_cluster_that_loses_a_worker_mid_run_stores_everything_once(
    tmp_path: Path, cfg: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import Client, LocalCluster

    corpus = write_corpus(tmp_path / "synthetic.jsonl", 24, words=150, seed=5)
    monkeypatch.setattr(cluster, "SHARD_BYTES", 3000)
    reference = SQLiteStore(tmp_path / "one.db")
    pipeline.run([corpus], reference, cfg, batch_size=4)
    reference.close()

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local,
        Client(local) as client,
    ):
        pids = client.run(os.getpid)
        killed: list[int] = []

        def kill_a_worker(p: RunProgress) -> None:
            if not killed:  # after the first unit is stored, with shards read ahead on both workers
                killed.append(next(iter(pids.values())))
                os.kill(killed[0], signal.SIGKILL)

        store = SQLiteStore(tmp_path / "cluster.db")
        result = pipeline.run(
            [corpus], store, cfg, kill_a_worker, batch_size=4, cluster=local.scheduler_address
        )
        assert killed and result.problems == [] and result.articles_new == 24
        again = pipeline.run([corpus], store, cfg, batch_size=4, cluster=local.scheduler_address)
        assert (again.articles_new, again.articles_unchanged) == (0, 24)
        store.close()
    ours, theirs = _contents(tmp_path / "cluster.db"), _contents(tmp_path / "one.db")
    assert theirs["mentions"], "the synthetic corpus gives events"
    assert ours == theirs


def _event_facts(store: Any) -> list[tuple[Any, ...]]:
    """What a run stored, comparable across stores: each event's facts and the reports behind it."""
    return sorted(
        (
            str(e.event_date),
            e.event_type,
            e.sub_event_type,
            e.location,
            e.fatalities,
            e.injured,
            tuple(sorted((link.article_id, link.index) for link in e.links)),
        )
        for e in store.events()
    )


@pytest.mark.slow
def test_a_driver_killed_mid_run_loses_and_repeats_nothing_in_postgresql(
    tmp_path: Path, cfg: Config, postgres_url: str
) -> None:
    """`sitrep run --cluster` into PostgreSQL, killed (SIGKILL) after its first stored unit, then run
    again: the store ends as one uninterrupted single-process run leaves it."""
    import subprocess
    import sys
    import time

    import psycopg
    from distributed import Client, LocalCluster

    from sitrep.store import open_store

    corpus = write_corpus(tmp_path / "synthetic.jsonl", 40, words=150, seed=9)
    reference = SQLiteStore(tmp_path / "one.db")
    pipeline.run([corpus], reference, cfg, batch_size=2)
    expected = _event_facts(reference)
    reference.close()
    assert expected, "the synthetic corpus gives events"

    env = {k: v for k, v in os.environ.items() if not k.startswith("SITREP_")}
    env["SITREP_BATCH_SIZE"] = "2"  # many commit points
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(Path(pipeline.__file__).parent.parent), env.get("PYTHONPATH")])
    )

    def stored_articles() -> int:
        try:
            with psycopg.connect(postgres_url, connect_timeout=5) as db:
                row = db.execute("SELECT count(*) FROM articles").fetchone()
                return int(row[0]) if row else 0
        except psycopg.Error:  # the tables are not made yet
            return 0

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local,
        Client(local),
    ):
        run = [
            sys.executable,
            "-c",
            "from sitrep.cli import main; main()",
            "run",
            str(corpus),
            "--db",
            postgres_url,
            "--report",
            str(tmp_path / "r.html"),
            "--cluster",
            local.scheduler_address,
        ]
        driver = subprocess.Popen(
            run, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        deadline = time.monotonic() + 300
        while stored_articles() == 0 and driver.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        os.killpg(driver.pid, signal.SIGKILL)
        driver.wait()
        at_kill = stored_articles()
        assert driver.returncode == -signal.SIGKILL, "the driver finished before it could be killed"
        assert 0 < at_kill < 40, f"killed after {at_kill} of 40 articles were stored"

        again = subprocess.run(run, env=env, capture_output=True, text=True, timeout=600)
        assert again.returncode == 0, again.stderr
    store = open_store(postgres_url, create=False)
    try:
        status = store.status()
        assert (status.articles_done + status.articles_skipped, status.articles_pending) == (40, 0)
        assert _event_facts(store) == expected
    finally:
        store.close()
