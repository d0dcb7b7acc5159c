"""Compare sitrep's event locations with a naive geoparser on the same events.

The naive baseline is what the issue calls "first place name in the text": the first run of up to
four capitalised words that the gazetteer knows by that exact name (or a governorate), resolved to
the candidate with the most names and people (sitrep's importance score: alternate names plus
population), with no context. Everything but the location is sitrep's, so only geoparsing differs.

.venv/bin/python benchmarks/geo_baseline.py ARTICLES.jsonl SITREP_EVENTS.jsonl NAIVE_EVENTS.jsonl

then score both files with ../shared/eval/sitrep_eval.py (gtd or ucdp).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from sitrep.geo.admin1 import fold
from sitrep.geo.gazetteer import Gazetteer, default_gazetteer

_WORD = re.compile(r"[A-Z][\w'’-]*")


def naive_place(text: str, g: Gazetteer) -> dict[str, Any] | None:
    """The first gazetteer name in the text, at its most important namesake."""
    words = list(re.finditer(r"[\w'’-]+", text))
    for i, w in enumerate(words):
        if not _WORD.fullmatch(w.group()):
            continue
        for n in range(4, 0, -1):
            span = words[i : i + n]
            if len(span) < n or not all(_WORD.fullmatch(x.group()) for x in span):
                continue
            name = fold(" ".join(x.group() for x in span))
            code = g.governorate_code(name)
            if code:
                gov = g.governorates[code]
                return {"admin1_code": code, "latitude": gov.latitude, "longitude": gov.longitude}
            found = g.by_name.get(name)
            if found:
                p = max(found, key=lambda c: c.importance)
                return {"admin1_code": p.admin1_code, "latitude": p.latitude, "longitude": p.longitude}
    return None


def main(articles_path: Path, events_path: Path, out_path: Path) -> None:
    g = default_gazetteer()
    texts = {}
    for line in articles_path.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        texts[a["id"]] = "\n".join(x for x in (a.get("title"), a.get("text")) if x)
    out = []
    for line in events_path.read_text(encoding="utf-8").splitlines():
        ev = json.loads(line)
        place = naive_place(texts.get(ev["article_ids"][0], ""), g)
        for key in ("admin1", "admin1_code", "latitude", "longitude"):
            ev[key] = None
        ev.update(place or {})
        out.append(json.dumps(ev))
    out_path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(out)} events relocated by the naive baseline -> {out_path}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
