"""About the best pair and B-cubed scores a linker can reach on a headline file where one headline text is
cited for several incidents.

.venv/bin/python benchmarks/link_ceiling.py HEADLINES.jsonl

HEADLINES.jsonl is `sitrep_eval.py make-input gtd-headlines` output: record ids are `gtd:<incident>:h<k>`
(the ids are read here only to know the gold grouping, as the scorer does). A linker that gives the
same output for the same text must put identical headlines in one event. This assumes every other
decision is right and each such text joins the incident that cites it most (keeping such texts apart as
their own events scores lower), and prints the scores that gives: a ceiling for this file.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path


def main(path: Path) -> None:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    incident = {r["id"]: r["id"].rsplit(":", 1)[0] for r in records}
    by_text: dict[str, list[str]] = defaultdict(list)
    for r in records:
        by_text[" ".join(r["text"].lower().split())].append(r["id"])
    predicted = {}
    for ids in by_text.values():
        best = Counter(incident[i] for i in ids).most_common(1)[0][0]
        for i in ids:
            predicted[i] = best
    tp = fp = fn = 0
    for a, b in combinations(sorted(incident), 2):
        same_gold, same_pred = incident[a] == incident[b], predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p, r = tp / (tp + fp), tp / (tp + fn)
    gold, pred = defaultdict(set), defaultdict(set)
    for x in incident:
        gold[incident[x]].add(x)
        pred[predicted[x]].add(x)
    bp = sum(len(gold[incident[x]] & pred[predicted[x]]) / len(pred[predicted[x]]) for x in incident) / len(
        incident
    )
    br = sum(len(gold[incident[x]] & pred[predicted[x]]) / len(gold[incident[x]]) for x in incident) / len(
        incident
    )
    shared = sum(1 for ids in by_text.values() if len({incident[i] for i in ids}) > 1)
    print(f"headlines {len(records)}, incidents {len(gold)}, texts cited for 2+ incidents {shared}")
    print(f"pair ceiling     precision {p:.3f} recall {r:.3f} F1 {2 * p * r / (p + r):.3f}")
    print(f"B-cubed ceiling  precision {bp:.3f} recall {br:.3f} F1 {2 * bp * br / (bp + br):.3f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
