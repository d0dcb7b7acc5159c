"""Scoring extraction against hand-coded gold articles (sitrep's own synthetic gold set).

A gold record is an article in `sitrep extract`'s input format plus a `gold` object: the incidents a
careful coder finds (each with `evidence` words that locate it in the text and the fields to score;
`null` means not scored) and the kinds of claims the article holds.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .ingest import parse_record
from .model import Article, Claim, Event

SCORED_FIELDS = (
    "event_type",
    "sub_event_type",
    "event_date",
    "admin1_code",
    "fatalities",
    "injured",
    "actor1",
)


@dataclass(frozen=True)
class GoldIncident:
    evidence: str
    fields: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    incidents: tuple[GoldIncident, ...]
    claim_kinds: tuple[str, ...]


@dataclass(frozen=True)
class GoldScore:
    incidents: int
    predicted: int
    matched: int
    claims: int
    claims_found: int
    field_hits: tuple[tuple[str, int, int], ...]  # (field, right, scored)
    misses: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.incidents if self.incidents else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        out = {"incident_precision": self.precision, "incident_recall": self.recall, "incident_f1": self.f1}
        out |= {field: right / n for field, right, n in self.field_hits if n}
        out["claim_recall"] = self.claims_found / self.claims if self.claims else 1.0
        return {k: round(v, 4) for k, v in out.items()}


def load_gold(path: Path) -> list[GoldArticle]:
    gold = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        record = json.loads(line)
        spec = record.get("gold")
        if not isinstance(spec, dict):
            raise InputError(where, "gold record has no 'gold' object")
        incidents = tuple(
            GoldIncident(i["evidence"], tuple((f, i.get(f)) for f in SCORED_FIELDS))
            for i in spec["incidents"]
        )
        gold.append(GoldArticle(parse_record(record, where), incidents, tuple(spec.get("claims", []))))
    return gold


def _value(event: Event, field: str) -> Any:
    value = getattr(event, field)
    return value.isoformat() if field == "event_date" and value else value


def score(gold: Sequence[GoldArticle], events: Sequence[Event], claims: Sequence[Claim]) -> GoldScore:
    by_article: dict[str, list[Event]] = {}
    for e in events:
        by_article.setdefault(e.article_ids[0], []).append(e)
    claim_kinds: dict[str, Counter[str]] = {}
    for c in claims:
        claim_kinds.setdefault(c.article_id, Counter())[c.kind] += 1
    right: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    misses: list[str] = []
    matched = predicted = n_claims = claims_found = 0
    for g in gold:
        aid = g.article.id
        remaining = list(by_article.get(aid, []))
        predicted += len(remaining)
        for incident in g.incidents:
            hit = next((e for e in remaining if any(incident.evidence in x.text for x in e.evidence)), None)
            if hit is None:
                misses.append(f"{aid}: missed incident {incident.evidence!r}")
                continue
            remaining.remove(hit)
            matched += 1
            for field, expected in incident.fields:
                if expected is None:
                    continue
                scored[field] += 1
                got = _value(hit, field)
                if got == expected:
                    right[field] += 1
                else:
                    misses.append(f"{aid}: {field} {got!r}, gold {expected!r}")
        misses += [f"{aid}: not an incident: {e.evidence[0].text[:80]!r}" for e in remaining]
        found = claim_kinds.get(aid, Counter())
        for kind, count in Counter(g.claim_kinds).items():
            n_claims += count
            claims_found += min(count, found[kind])
            if found[kind] < count:
                misses.append(f"{aid}: missed {kind} claim")
    hits = tuple((f, right[f], scored[f]) for f in SCORED_FIELDS)
    return GoldScore(
        sum(len(g.incidents) for g in gold), predicted, matched, n_claims, claims_found, hits, tuple(misses)
    )
