"""Governorate accuracy on UCDP headlines that name a place in Iraq, and how many name none.

.venv/bin/python benchmarks/ucdp_named.py UCDP.csv EVENTS.jsonl [--years 2014-2018]

`sitrep_eval.py score ucdp` scores every headline. Many name no place at all ("Some 59 Islamic State
militants killed in operations in Iraq"), and no geoparser can place those. This splits the rows that
UCDP codes to a governorate (where_prec 4 or finer) by whether sitrep's toponym finder sees an Iraqi
place or governorate in the headline, and prints, for those that name one:
  - admin1 over all of them (a headline with no event counts as wrong, as in the scorer);
  - admin1 over those that gave an event (the geoparser's own accuracy).
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.geo.admin1 import iso_code
from sitrep.geo.gazetteer import default_gazetteer
from sitrep.geo.toponyms import find_toponyms


def main(gold: Path, events: Path, years: str) -> None:
    first, last = (int(y) for y in years.split("-"))
    admin1_of: dict[str, str | None] = {}
    for line in events.read_text(encoding="utf-8").splitlines():
        ev = json.loads(line)
        for article_id in ev.get("article_ids") or [ev.get("article_id")]:
            admin1_of.setdefault(article_id, ev.get("admin1_code"))
    g = default_gazetteer()
    named = named_right = with_event = none_named = 0
    with gold.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            code = iso_code(r["adm_1"]) if r["adm_1"] else None
            if not r["source_headline"] or not first <= int(r["year"]) <= last:
                continue
            if code is None or int(r["where_prec"] or 9) > 4:
                continue
            places = [
                t
                for t in find_toponyms(r["source_headline"], g)
                if not t.country
                and t.surface.lower() not in STOP_WORDS  # "Some 39 militants killed": no village of Some
                and (t.governorate or any(c.country == "Iraq" for c in t.candidates))
            ]
            if not places:
                none_named += 1
                continue
            named += 1
            key = f"ucdp:{r['id']}"
            if key in admin1_of:
                with_event += 1
                named_right += admin1_of[key] == code
    print(f"headlines coded to a governorate: {named + none_named}; naming no Iraqi place: {none_named}")
    print(f"naming a place: {named}; admin1 right {named_right / named:.3f} (no event counts as wrong)")
    print(f"naming a place and giving an event: {with_event}; admin1 right {named_right / with_event:.3f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("gold", type=Path)
    p.add_argument("events", type=Path)
    p.add_argument("--years", default="2014-2018")
    a = p.parse_args()
    main(a.gold, a.events, a.years)
