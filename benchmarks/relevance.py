"""The relevance filter on real articles: does it let through every article with a coded core incident,
and what share of a mixed stream does it skip?

    .venv/bin/python benchmarks/relevance.py ARTICLES.jsonl GOLD.jsonl [STREAM.jsonl ...]

e.g. ../shared/data/articles_dev.jsonl ../shared/data/gold/articles_dev_gold.jsonl
../shared/data/stream_sample.jsonl. GOLD holds one record per article, `{id, incidents: [{core, ...}]}`
(../shared/eval/CODEBOOK.md). Prints the articles with a core incident the filter would skip (the
goal is none; exit status 1 otherwise), then for each STREAM file the share skipped, by reason, and
the filter's time per article.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from sitrep.extract.relevance import relevance
from sitrep.ingest import read_paths
from sitrep.model import Article


def _articles(path: Path) -> list[Article]:
    return [a for a in read_paths([path], 1000.0) if isinstance(a, Article)]


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        raise SystemExit(__doc__)
    articles, gold, streams = Path(argv[0]), Path(argv[1]), [Path(p) for p in argv[2:]]
    core = set()
    for line in gold.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if any(i.get("core") for i in record["incidents"]):
            core.add(record["id"])
    dev = _articles(articles)
    missed = [a.id for a in dev if a.id in core and not relevance(a).relevant]
    skipped = sum(not relevance(a).relevant for a in dev)
    print(
        f"{articles}: {len(dev)} articles, {len(core)} with a core incident; the filter skips {skipped} "
        f"articles, {len(missed)} of them with a core incident {missed if missed else ''}"
    )
    for path in streams:
        stream = _articles(path)
        t0 = time.perf_counter()
        verdicts = [relevance(a) for a in stream]
        ms = (time.perf_counter() - t0) / max(1, len(stream)) * 1000
        reasons = Counter(
            "names no place or force in Iraq" if not v.focus else "names Iraq but no word of violence"
            for v in verdicts
            if not v.relevant
        )
        n = sum(reasons.values())
        print(
            f"{path}: skips {n} of {len(stream)} articles ({n / max(1, len(stream)):.1%}), {ms:.2f} ms an article"
        )
        for reason, count in reasons.most_common():
            print(f"  {count:>6}  {reason}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
