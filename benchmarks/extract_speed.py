"""Extraction throughput: sitrep's extract against spaCy's own nlp.pipe on the same texts, same run.

    .venv/bin/python benchmarks/extract_speed.py [ARTICLES.jsonl ...]

Without arguments it measures the bundled synthetic demo corpus. Prints articles/s and words/s,
each the best of three alternating rounds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sitrep.extract import extract
from sitrep.extract.nlp import load
from sitrep.geo.gazetteer import default_gazetteer
from sitrep.ingest import read_paths
from sitrep.model import Article

ROUNDS = 3
DEMO = Path(__file__).parent.parent / "sitrep" / "demo"


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or [DEMO]
    articles = [a for a in read_paths(paths, 100.0) if isinstance(a, Article)]
    texts = [a.text or a.title for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load()
    default_gazetteer()  # loading is start-up cost, not throughput
    spacy_s = sitrep_s = float("inf")
    mentions = 0
    for _ in range(ROUNDS):  # alternate the two, keep each one's best round (as timeit does)
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
        spacy_s = min(spacy_s, time.perf_counter() - t0)
        t0 = time.perf_counter()
        mentions = sum(len(x.mentions) for x in extract(articles))
        sitrep_s = min(sitrep_s, time.perf_counter() - t0)
    print(f"input: {', '.join(map(str, paths))}: {len(articles)} articles, {words} words")
    for name, secs in (("spaCy nlp.pipe", spacy_s), ("sitrep extract", sitrep_s)):
        print(
            f"{name:<15} {secs:7.2f} s  {len(articles) / secs:8.1f} articles/s  {words / secs:9.0f} words/s"
        )
    print(f"sitrep / spaCy time: {sitrep_s / spacy_s:.2f}x  ({mentions} mentions)")


if __name__ == "__main__":
    main(sys.argv[1:])
