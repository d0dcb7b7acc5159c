"""`sitrep run` end to end into the store: articles per second, the share the relevance filter skips, and
the peak memory of the whole process tree (the run and its extraction workers) as the input grows.

    .venv/bin/python benchmarks/run_scale.py ARTICLES.jsonl [--repeat 1 10] [--workers N] [--keep DIR]

For each R in --repeat, the input is written R times over into one folder of JSON Lines files, every
copy after the first with new ids (`<id>~r<k>`) and a marker line appended to its text, so each
record is a new article to the store (not a stored one met again); then
`sitrep run FOLDER --db DB --report HTML --workers N` runs in a child process on a fresh database.
Printed per size: articles, wall seconds, articles/s, share skipped by the relevance filter, events
stored, and peak RSS in MB: the largest sum over the run's processes (sampled every 0.1 s from /proc),
and the largest single process. The machine's load average is printed before and after, since the
numbers depend on what else runs. Exit status 1 when the largest size's peak is over 1.5 GB or more
than 10% above the smallest's.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SHARD = 1000  # records per input file, so no file exceeds SITREP_MAX_FILE_MB
FLAT = 0.10
CEILING_MB = 1536.0


@dataclass(frozen=True)
class Measure:
    articles: int
    seconds: float
    skipped: int
    events: int
    tree_mb: float
    process_mb: float


def _write_repeated(source: Path, folder: Path, repeat: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.jsonl"):
        old.unlink()
    lines = source.read_text(encoding="utf-8").splitlines()
    out, n, part = None, 0, 0
    try:
        for k in range(repeat):
            for line in lines:
                if n % SHARD == 0:
                    if out:
                        out.close()
                    out = (folder / f"part-{part:04d}.jsonl").open("w", encoding="utf-8")
                    part += 1
                record = json.loads(line)
                if k:
                    record["id"] = f"{record['id']}~r{k}"
                    record["text"] = f"{record['text']}\n\n(benchmark copy {k})"
                assert out is not None
                out.write(json.dumps(record) + "\n")
                n += 1
    finally:
        if out:
            out.close()
    return n


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return pids


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _sitrep(*args: str) -> list[str]:
    return [sys.executable, "-c", "from sitrep.cli import main; main()", *args]


def measure(source: Path, repeat: int, workers: int, folder: Path) -> Measure:
    corpus = folder / f"input-x{repeat}"
    n = _write_repeated(source, corpus, repeat)
    db, report, log = (
        folder / f"run-x{repeat}.db",
        folder / f"run-x{repeat}.html",
        folder / f"run-x{repeat}.log",
    )
    for stale in (db, report):
        stale.unlink(missing_ok=True)
    tree_mb = process_mb = 0.0
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as err:
        args = _sitrep(
            "run", str(corpus), "--db", str(db), "--report", str(report), "--workers", str(workers)
        )
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err)
        while proc.poll() is None:
            sizes = [_rss_mb(p) for p in _tree(proc.pid)]
            tree_mb, process_mb = max(tree_mb, sum(sizes)), max(process_mb, max(sizes, default=0.0))
            time.sleep(0.1)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise SystemExit(f"sitrep run on {n} articles exited {proc.returncode}:\n{tail}")
    con = sqlite3.connect(db)
    try:
        skipped = int(con.execute("SELECT count(*) FROM articles WHERE status = 'skipped'").fetchone()[0])
        events = int(con.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        con.close()
    return Measure(n, seconds, skipped, events, tree_mb, process_mb)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", type=Path, help="article records, JSON Lines")
    parser.add_argument(
        "--repeat", type=int, nargs="+", default=[1], help="input sizes, as copies of the input"
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="write corpora and databases here (default: a temp dir)")
    args = parser.parse_args(argv)
    print(f"cores: {os.cpu_count()}, workers: {args.workers}, load average before: {_load()}")
    results = []
    with tempfile.TemporaryDirectory(prefix="sitrep-scale-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(
            f"{'articles':>9} {'wall s':>8} {'articles/s':>10} {'skipped':>8} {'events':>7}"
            f" {'peak RSS MB (all processes)':>28} {'(largest process)':>18}"
        )
        for repeat in args.repeat:
            m = measure(args.input, repeat, args.workers, folder)
            results.append(m)
            print(
                f"{m.articles:>9} {m.seconds:>8.1f} {m.articles / m.seconds:>10.1f} {m.skipped / m.articles:>8.1%}"
                f" {m.events:>7} {m.tree_mb:>28.0f} {m.process_mb:>18.0f}",
                flush=True,
            )
    print(f"load average after: {_load()}")
    small, large = results[0], results[-1]
    ratio = large.tree_mb / small.tree_mb
    ok = large.tree_mb <= CEILING_MB and ratio <= 1 + FLAT
    print(
        f"peak RSS {large.articles} vs {small.articles} articles: {ratio:.2f}x, largest {large.tree_mb:.0f} MB "
        f"(at most {CEILING_MB / 1024:.1f} GB and within {FLAT:.0%}: {'yes' if ok else 'NO'})"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
