"""Why an event is what it is: every report behind it, what each said, and why they were linked."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Event


@dataclass(frozen=True)
class ReportLine:
    article_id: str
    outlet: str | None
    published: str
    url: str | None
    evidence: str  # the report's sentences about this incident
    linked_to: str  # "first report", or the article it was matched with
    score: float | None
    reasons: tuple[str, ...]


def explain(event: Event) -> list[ReportLine]:
    """One line per report (article and mention); syndicated copies appear as sources without a link."""
    sources = {s.article_id: s for s in event.sources}
    lines = []
    seen: set[str] = set()
    links = event.links or ()
    for link in links:
        s = sources.get(link.article_id)
        text = " ".join(e.text for e in event.evidence if e.article_id == link.article_id)
        first = link.other_article_id is None
        lines.append(
            ReportLine(
                link.article_id,
                s.outlet if s else None,
                str(s.published or "") if s else "",
                s.url if s else None,
                text,
                "first report" if first else f"{link.other_article_id} #{link.other_index}",
                None if first else link.score,
                () if first else link.reasons,
            )
        )
        seen.add(link.article_id)
    for s in event.sources:
        if s.article_id in seen:
            continue
        text = " ".join(e.text for e in event.evidence if e.article_id == s.article_id)
        reason = "only report" if not links and not lines else "syndicated copy of a linked article"
        lines.append(
            ReportLine(s.article_id, s.outlet, str(s.published or ""), s.url, text, reason, None, ())
        )
    return lines
