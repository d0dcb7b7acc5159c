"""About the best pair and B-cubed scores a linker can reach on a headline file.

.venv/bin/python benchmarks/link_ceiling.py HEADLINES.jsonl [EVENTS.jsonl [UNLINKED.jsonl]]

HEADLINES.jsonl is `sitrep_eval.py make-input gtd-headlines` output: record ids are `gtd:<incident>:h<k>`
(the ids are read here only to know the gold grouping, as the scorer does). The evaluation now leaves
out a headline GTD cites for several incidents, but the same words can still come back under another
outlet or date for another incident. A linker that gives the same output for the same text must put
identical headlines in one event: this assumes every other decision is right and each such text joins
the incident that cites it most, and prints the scores that gives — a ceiling for the file.

With EVENTS.jsonl (`sitrep extract` output for the file) it also prints the ceiling for the linker
alone: a headline the extractor made no event of cannot be linked to anything, so it stays on its own.

With UNLINKED.jsonl (`sitrep extract --no-link` output for the file: each headline's own event) it also
counts the gold pairs a linker keeping the rules of one event could join at all: pairs whose two headlines
each gave an event and whose events contradict nothing they both state — the governorate, the day (more
than `_DAYS` apart), the kind (a protest is not a bombing), the number killed or wounded. An upper bound
for pair recall: it ignores that joins must also hold across the third reports of a group.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import Any


def _scores(incident: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float, float]:
    tp = fp = fn = 0
    for a, b in combinations(sorted(incident), 2):
        same_gold, same_pred = incident[a] == incident[b], predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    gold: dict[str, set[str]] = defaultdict(set)
    pred: dict[str, set[str]] = defaultdict(set)
    for x in incident:
        gold[incident[x]].add(x)
        pred[predicted[x]].add(x)
    n = len(incident)
    bp = sum(len(gold[incident[x]] & pred[predicted[x]]) / len(pred[predicted[x]]) for x in incident) / n
    br = sum(len(gold[incident[x]] & pred[predicted[x]]) / len(gold[incident[x]]) for x in incident) / n
    return tp / max(1, tp + fp), tp / max(1, tp + fn), bp, br


_DAYS = 3  # reports this many days apart on the day they give are two incidents, unless late news
_FAMILY = {"Protests": "demonstration", "Riots": "demonstration", "Strategic developments": "strategic"}


def _contradiction(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    """What two reports' own events state differently, or None."""
    if a["admin1"] and b["admin1"] and a["admin1"] != b["admin1"]:
        return "governorate"
    days = abs((date.fromisoformat(a["event_date"]) - date.fromisoformat(b["event_date"])).days)
    if days > _DAYS:
        return "day"
    if _FAMILY.get(a["event_type"], "violence") != _FAMILY.get(b["event_type"], "violence"):
        return "kind"
    for count in ("fatalities", "injured"):
        if a[count] and b[count] and a[count] != b[count]:
            return count
    return None


def _joinable(incident: dict[str, str], unlinked: Path) -> None:
    own: dict[str, dict[str, Any]] = {}
    for line in unlinked.read_text(encoding="utf-8").splitlines():
        if line.strip():
            event = json.loads(line)
            for article_id in event.get("article_ids", []):
                own.setdefault(article_id, event)  # a headline's first event
    why: Counter[str] = Counter()
    for a, b in combinations(sorted(incident), 2):
        if incident[a] != incident[b]:
            continue
        if a not in own or b not in own:
            why["no event"] += 1
        else:
            why[_contradiction(own[a], own[b]) or "joinable"] += 1
    pairs = sum(why.values())
    print(
        f"gold pairs {pairs}: joinable {why['joinable']} (pair recall at most {why['joinable'] / max(1, pairs):.2f}); "
        + ", ".join(f"{k} {n}" for k, n in why.most_common() if k != "joinable")
    )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _print(label: str, scores: tuple[float, float, float, float]) -> None:
    p, r, bp, br = scores
    print(
        f"{label:<28} pair P {p:.3f} R {r:.3f} F1 {_f1(p, r):.3f}   B-cubed P {bp:.3f} R {br:.3f} F1 {_f1(bp, br):.3f}"
    )


def main(path: Path, events: Path | None, unlinked: Path | None = None) -> None:
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
    shared = sum(1 for ids in by_text.values() if len({incident[i] for i in ids}) > 1)
    print(
        f"headlines {len(records)}, incidents {len(set(incident.values()))}, texts under 2+ incidents {shared}"
    )
    _print("ceiling (same text, one event)", _scores(incident, predicted))
    if events is not None:
        linked = set()
        for line in events.read_text(encoding="utf-8").splitlines():
            if line.strip():
                linked.update(json.loads(line).get("article_ids", []))
        alone = {i: (predicted[i] if i in linked else f"alone:{i}") for i in incident}
        print(f"headlines the extractor made no event of: {len(incident) - len(linked & set(incident))}")
        _print("ceiling for the linker alone", _scores(incident, alone))
    if unlinked is not None:
        _joinable(incident, unlinked)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3, 4):
        sys.exit(__doc__)
    paths = [Path(a) for a in sys.argv[1:]]
    main(paths[0], paths[1] if len(paths) > 1 else None, paths[2] if len(paths) > 2 else None)
