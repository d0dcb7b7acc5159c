"""How many reports linking joined to another, and on what grounds, counted by the kind of reason.

.venv/bin/python benchmarks/link_reasons.py EVENTS.jsonl

EVENTS.jsonl is `sitrep extract` output. Every link between two reports keeps its reasons, each
written "+0.8 type: both Suicide bomb": points, a kind (date, place, type, killed, wounded, names,
victims, actors, words) and what the reports said. Prints the number of merges (reports joined to an
event started by another), then for each kind how many merges it counted for and against.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

_REASON = re.compile(r"^(?P<points>[+-]\d+\.\d) (?P<kind>\w+): ")


def count(path: Path) -> tuple[int, int, Counter[str], Counter[str]]:
    """(events, merges, kinds that counted for, kinds that counted against)."""
    events = merges = 0
    pro: Counter[str] = Counter()
    con: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        events += 1
        for link in json.loads(line).get("links", []):
            if not link.get("linked_to"):
                continue
            merges += 1
            for reason in link["reasons"]:
                m = _REASON.match(reason)
                if m and float(m["points"]) > 0:
                    pro[m["kind"]] += 1
                elif m and float(m["points"]) < 0:
                    con[m["kind"]] += 1
    return events, merges, pro, con


def main(path: Path) -> None:
    events, merges, pro, con = count(path)
    print(f"events {events}, merges (reports joined to another's event) {merges}")
    print(f"{'reason kind':<12} {'for':>5} {'against':>8}")
    for kind in sorted(set(pro) | set(con), key=lambda k: (-pro[k], k)):
        print(f"{kind:<12} {pro[kind]:>5} {con[kind]:>8}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
