"""Peak memory of `sitrep run` as the input grows: memory should stay flat, not follow the corpus.

    .venv/bin/python benchmarks/peak_rss.py 2000 20000 [--words 500] [--seed 0] [--keep DIR]

For each N: write N SYNTHETIC articles of about `--words` words (tests/synthetic.py: invented
incidents in real Iraqi places, ids syn-000000..., outlet "Synthetic Wire"), run
`sitrep run FILE --db DB --report HTML` in a child process with the environment's settings, and print
wall seconds, articles/s, the child's peak RSS (its own ru_maxrss, from wait4) and the events stored.
Then the largest N's peak RSS against the smallest N's: the check passes when it is within 10% and
at most 1.5 GB (exit status 1 otherwise).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.synthetic import write_corpus  # noqa: E402

FLAT = 0.10  # the largest N may use at most 10% more memory than the smallest
CEILING_MB = 1536.0


@dataclass(frozen=True)
class Measure:
    articles: int
    words: int
    seconds: float
    peak_mb: float
    events: int


def _sitrep(*args: str) -> list[str]:
    if importlib.util.find_spec("sitrep.__main__") is not None:
        return [sys.executable, "-m", "sitrep", *args]
    return [sys.executable, "-c", "from sitrep.cli import main; main()", *args]


SHARD = 1000  # articles per input file: a 20,000-article corpus is 20 files, each under SITREP_MAX_FILE_MB


def _write_shards(folder: Path, n: int, words: int, seed: int) -> tuple[Path, int]:
    """N synthetic articles as JSON Lines files of SHARD records in a fresh folder; (folder, words)."""
    shards = folder / f"synthetic-{n}"
    shards.mkdir(exist_ok=True)
    for old in shards.glob("*.jsonl"):
        old.unlink()
    whole = write_corpus(folder / f"synthetic-{n}.jsonl", n, words=words, seed=seed)
    lines = whole.read_text(encoding="utf-8").splitlines()
    whole.unlink()
    for i in range(0, len(lines), SHARD):
        (shards / f"part-{i // SHARD:03d}.jsonl").write_text("\n".join(lines[i : i + SHARD]) + "\n")
    return shards, sum(len(json.loads(line)["text"].split()) for line in lines)


def measure(n: int, words: int, seed: int, folder: Path) -> Measure:
    corpus, total_words = _write_shards(folder, n, words, seed)
    db, report, log = folder / f"run-{n}.db", folder / f"run-{n}.html", folder / f"run-{n}.log"
    for stale in (db, report):
        stale.unlink(missing_ok=True)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen(
            _sitrep("run", str(corpus), "--db", str(db), "--report", str(report)),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the maximum over all children
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise SystemExit(f"sitrep run on {n} articles exited {proc.returncode}:\n{tail}")
    con = sqlite3.connect(db)
    try:
        events = int(con.execute("SELECT count(*) FROM events").fetchone()[0])
    finally:
        con.close()
    if events == 0:
        raise SystemExit(f"sitrep run on {n} articles stored no events: see {log}")
    peak_mb = usage.ru_maxrss / 1024  # Linux reports kilobytes
    return Measure(n, total_words, seconds, peak_mb, events)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="+", type=int, help="numbers of articles, e.g. 2000 20000")
    parser.add_argument("--words", type=int, default=500, help="words per synthetic article")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="write corpora and databases here (default: a temp dir)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitrep-rss-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(
            f"{'articles':>9} {'words':>10} {'wall s':>8} {'articles/s':>10} {'peak RSS MB':>11} {'events':>7}"
        )
        results = []
        for n in args.sizes:
            m = measure(n, args.words, args.seed, folder)
            results.append(m)
            print(
                f"{m.articles:>9} {m.words:>10} {m.seconds:>8.1f} {m.articles / m.seconds:>10.1f} "
                f"{m.peak_mb:>11.0f} {m.events:>7}",
                flush=True,
            )
    if len(results) < 2:
        return 0
    small, large = min(results, key=lambda m: m.articles), max(results, key=lambda m: m.articles)
    ratio = large.peak_mb / small.peak_mb
    flat = ratio <= 1 + FLAT
    under = max(m.peak_mb for m in results) <= CEILING_MB
    print(
        f"peak RSS {large.articles} vs {small.articles} articles: {ratio:.2f}x "
        f"(within {FLAT:.0%}: {'yes' if flat else 'NO'}); largest {max(m.peak_mb for m in results):.0f} MB "
        f"(at most {CEILING_MB / 1024:.1f} GB: {'yes' if under else 'NO'})"
    )
    return 0 if flat and under else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
