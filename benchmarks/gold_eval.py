"""Score extraction on sitrep's own synthetic gold set and list every miss.

.venv/bin/python benchmarks/gold_eval.py [tests/gold/articles.jsonl]
"""

from __future__ import annotations

import sys
from pathlib import Path

from sitrep.config import Config
from sitrep.evaluation import load_gold, score
from sitrep.pipeline import extract_events

GOLD = Path(__file__).parent.parent / "tests" / "gold" / "articles.jsonl"


def main(argv: list[str]) -> None:
    gold = load_gold(Path(argv[0]) if argv else GOLD)
    extracted = extract_events([g.article for g in gold], Config.from_env())
    events, claims = extracted.events, extracted.claims
    result = score(gold, events, claims)
    for name, value in result.as_dict().items():
        print(f"{name:<20} {value}")
    print(f"incidents {result.incidents}, predicted {result.predicted}, matched {result.matched}")
    for miss in result.misses:
        print("  " + miss)


if __name__ == "__main__":
    main(sys.argv[1:])
