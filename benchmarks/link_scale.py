"""Linking at scale: N synthetic reports of incidents over a year, grouped by sitrep's linker.

.venv/bin/python benchmarks/link_scale.py [N_REPORTS]   (default 100000)

Reports are generated, not extracted (this measures linking only): incidents spread over 365 days
and Iraq's 18 governorates at gazetteer places, each told by 1 to 5 reports a day or two apart with
varied wording; a fifth of the reports give only the governorate. Prints the candidate pairs compared
(against N*(N-1)/2 for all pairs), the time (wall and CPU: the machine may be shared) and the process's
peak memory, and how well the incidents were recovered (B-cubed).

The density grows with N: at 1,000,000 reports a governorate holds some 150 reports a day.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from collections import defaultdict
from datetime import date, timedelta

from sitrep.geo.gazetteer import default_gazetteer
from sitrep.geo.locate import place_of
from sitrep.link import candidate_pairs, link_into
from sitrep.link.report import Report
from sitrep.model import Evidence, Mention, Place

KINDS = [
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Violence against civilians", "Abduction/forced disappearance"),
]
TARGETS = [
    "checkpoint",
    "convoy",
    "shepherd",
    "market",
    "liquor",
    "watchtower",
    "pylon",
    "patrol",
    "farmer",
    "mosque",
    "school",
    "wedding",
]
WORDS = [
    "village",
    "road",
    "orchard",
    "house",
    "vehicle",
    "truck",
    "camp",
    "pipeline",
    "bridge",
    "tribal",
    "elder",
    "contractor",
]


def reports(n: int, seed: int = 7) -> tuple[list[Report], dict[tuple[str, int], int]]:
    rng = random.Random(seed)
    g = default_gazetteer()
    places_by_gov: dict[str, list[Place]] = defaultdict(list)
    for bucket in g.by_name.values():
        for p in bucket:
            if p.admin1_code and p.country == "Iraq" and len(places_by_gov[p.admin1_code]) < 400:
                places_by_gov[p.admin1_code].append(place_of(p, 1))
    govs = sorted(places_by_gov)
    out: list[Report] = []
    truth: dict[tuple[str, int], int] = {}
    incident = 0
    while len(out) < n:
        incident += 1
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(365))
        place = rng.choice(places_by_gov[rng.choice(govs)])
        event_type, sub = rng.choice(KINDS)
        killed = rng.choice([0, 0, 1, 1, 2, 3, 5])
        words = {rng.choice(TARGETS), rng.choice(WORDS), rng.choice(WORDS)}
        for k in range(rng.randint(1, 5)):
            if len(out) >= n:
                break
            article = f"a{incident}-{k}"
            vague = rng.random() < 0.2  # some reports give only the governorate
            m = Mention(
                article_id=article,
                index=0,
                event_date=day,
                date_precision="day",
                event_type=event_type,
                sub_event_type=sub if rng.random() < 0.7 else "Attack",
                actor1=None,
                actor2=None,
                place=place
                if not vague
                else Place(
                    place.admin1 or "",
                    "Iraq",
                    place.admin1,
                    place.admin1_code,
                    None,
                    33.0,
                    44.0,
                    3,
                    "ADM1",
                    place.admin1_code or "",
                ),
                fatalities=killed if rng.random() < 0.8 else 0,
                fatalities_low=None,
                fatalities_high=None,
                injured=0,
                evidence=(Evidence(article, 0, 1, " ".join(sorted(words))),),
            )
            published = day + timedelta(days=rng.choice([0, 0, 1, 2]))
            kept = frozenset(w for w in words if rng.random() < 0.8)
            out.append(Report(m, published, (), kept))
            truth[(article, 0)] = incident
    return out, truth


def bcubed(events_of: dict[tuple[str, int], str], truth: dict[tuple[str, int], int]) -> tuple[float, float]:
    gold: dict[int, set[tuple[str, int]]] = defaultdict(set)
    pred: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for key, inc in truth.items():
        gold[inc].add(key)
        pred[events_of[key]].add(key)
    p = sum(len(gold[truth[k]] & pred[events_of[k]]) / len(pred[events_of[k]]) for k in truth) / len(truth)
    r = sum(len(gold[truth[k]] & pred[events_of[k]]) / len(gold[truth[k]]) for k in truth) / len(truth)
    return p, r


def main(n: int) -> None:
    batch, truth = reports(n)
    pairs = sum(1 for _ in candidate_pairs(batch))
    start, cpu_start = time.perf_counter(), time.process_time()
    result = link_into(batch)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p, r = bcubed(result.event_of, truth)
    print(f"reports             {len(batch)}")
    print(f"incidents (truth)   {len(set(truth.values()))}")
    print(f"events              {len(result.events)}")
    print(f"candidate pairs     {pairs} ({pairs / (len(batch) * (len(batch) - 1) / 2):.5%} of all pairs)")
    print(f"link seconds        {seconds:.1f}  (CPU {cpu:.1f})")
    print(f"reports per second  {len(batch) / seconds:.0f}")
    print(f"peak memory (MB)    {peak_mb:.0f}  (whole process, including the gazetteer)")
    print(f"bcubed P / R / F1   {p:.3f} / {r:.3f} / {2 * p * r / (p + r):.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
