"""A draft's sentences -> one `Mention`: its kind, date, counts, actors and place, each with its evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..geo.gazetteer import Gazetteer
from ..geo.locate import resolve
from ..model import UNRESOLVED_PLACE, Actor, Article, Evidence, Mention
from .actors import attribute
from .counts import Count, add_counts
from .dates import DateFound, days_before_end, days_later, shift, time_before
from .grouping import EARLIER_FIGURE, LIVE_ENTRY, Draft, told_again
from .place_names import FOCUS_COUNTRY, local_names, unresolved_names
from .sentences import SentenceInfo
from .time_of_day import time_of_day
from .types import PROTESTS, RIOTS, EventKind, classify, stopped_in_the_act

_STATE_ACTS = {"Arrests", "Air/drone strike"}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


_CROWDS = {PROTESTS: Actor("Protesters (Iraq)", ""), RIOTS: Actor("Rioters (Iraq)", "")}


# More dead or wounded of the incident told, to be added to its toll: "One coalition soldier was also
# killed", "29 attackers were also dead", "a policeman also died".
_ALSO_HIT = re.compile(
    r"\b(?:was|were|had been|have been)\s+also\s+(?:killed|dead|wounded|injured|hurt)\b"
    r"|\balso\s+(?:died|(?:was|were)\s+(?:killed|wounded|injured))\b",
    re.I,
)


def _first_count(draft: Draft, kind: str) -> tuple[Count | None, int | None]:
    """The toll of the first sentence that gives one, or of the last that revises it ("had risen to 292")."""
    found = [(c, i) for i, s in enumerate(draft.sentences) if (c := getattr(s.casualties, kind))]
    # a figure first given and since revised ("police had initially said nine") counts only when alone
    found = [
        (c, i) for c, i in found if not EARLIER_FIGURE.search(draft.sentences[i].evidence.text)
    ] or found[:1]
    revised = [(c, i) for c, i in found if told_again(draft.sentences[i])]
    if revised:
        return revised[-1]
    if not found:
        return None, None
    first, at = found[0]
    for c, i in found[1:]:
        if _ALSO_HIT.search(draft.sentences[i].evidence.text):  # "29 attackers were also dead"
            first = add_counts(first, c) or first
    return first, at


def _told_as_earlier(sentence: str, kind: EventKind) -> int | None:
    """Days before the sentence's time when the act the sentence reports (`kind`) is the one its opening
    "N days after" clause tells ("Five days after killing him in a drone strike, this was the moment ... a
    retaliatory attack"), and the main clause reports no act as specific of its own."""
    found = time_before(sentence)
    if found is None:
        return None
    days, clause, main = found
    told, own = classify(clause), classify(main)
    # the main clause tells a lesser act ("a retaliatory attack") or none: the sentence's act is the clause's;
    # "another car bomb exploded in Basra" is an act of its own, told on its own day
    return days if told is not None and told == kind and (own is None or own.rank < told.rank) else None


@dataclass(frozen=True)
class _WhenInTheDay:
    bucket: str
    phrase: Evidence  # the words, with offsets into the article
    sentence: int  # which of the incident's sentences gave them


def _when_in_the_day(sentences: list[SentenceInfo], act: int, dated: int | None) -> _WhenInTheDay | None:
    """The time of day the incident's own sentences give: the sentence that tells the act ("... killed
    three people at dusk on Monday"), then the one that gave its date, then a clock time in any other
    ("The blast went off at 9 p.m."). Words in the others are not taken: "the device had been buried
    overnight" is not when it went off."""
    order = [act, *([dated] if dated is not None and dated != act else [])]
    others = [i for i in range(len(sentences)) if i not in order]
    for i in order + others:
        sentence = sentences[i].evidence
        found = time_of_day(sentence.text)
        if found is not None and (i in order or found.clock):
            at = sentence.start
            phrase = Evidence(sentence.article_id, at + found.start, at + found.end, found.phrase)
            return _WhenInTheDay(found.bucket, phrase, i)
    return None


def build_mention(
    article: Article,
    index: int,
    draft: Draft,
    gazetteer: Gazetteer,
    context: set[str],
    context_date: DateFound | None = None,
) -> Mention:
    sentences = draft.sentences
    evidence = tuple(s.evidence for s in sentences)
    fields: list[tuple[str, int]] = []
    kinds = [(s.kind, i) for i, s in enumerate(sentences) if s.kind and not s.casualty_trigger_only]
    kinds = kinds or [(s.kind, i) for i, s in enumerate(sentences) if s.kind]
    kind, k_i = max(kinds, key=lambda x: (x[0].rank, -x[1]))
    arrests = [(k, i) for k, i in kinds if k.sub_event_type == "Arrests"]
    if (
        kind.sub_event_type == "Disrupted weapons use"
        and arrests
        and not any(stopped_in_the_act(s.read) for s in sentences)
    ):
        kind, k_i = arrests[0]  # "arrested four suspects ... Explosive belts and rifles were seized": arrests
    fields.append(("event_type", k_i))
    warnings: list[str] = list(dict.fromkeys(w for s in sentences for w in s.warnings))
    event_date: date | None = article.published
    precision: str | None = "day" if article.published else None
    dated = [(s.found_date, i) for i, s in enumerate(sentences) if s.found_date and s.kind]
    if dated:
        # the finest date its sentences give ("this week ... Monday's final assault": Monday), else the first
        found, d_i = min(dated, key=lambda x: (_PRECISION_RANK.get(x[0].precision, 9), x[1]))
        event_date, precision = found.value, found.precision
        fields.append(("event_date", d_i))
        if precision == "day" and (span := days_before_end(sentences[d_i].evidence.text, found.text)):
            event_date = shift(event_date, -span) or event_date
            warnings.append(f"dated to its first day, {span} days before the day it ended ({found.text!r})")
    elif context_date is not None:
        event_date, precision = context_date.value, context_date.precision
        warnings.append(f"date taken from an earlier sentence ({context_date.text!r})")
        later = days_later(sentences[k_i].evidence.text)
        moved = shift(event_date, later) if later and precision == "day" and event_date else None
        if moved is not None and (article.published is None or moved <= article.published):
            event_date = moved
            warnings.append(f"dated {later} days after it, as the sentence says")
    elif reported := next((s.reported_date for s in sentences if s.reported_date), None):
        # "... kidnapped 26 hunters, officials said on Wednesday": it happened by the day it was told
        event_date, precision = reported.value, reported.precision
        warnings.append(f"dated by the day it was told ({reported.text!r})")
    elif article.published:
        warnings.append("no date in the text: publication date used")
    else:
        warnings.append("no date in the text and no publication date")
    if event_date is not None and (before := _told_as_earlier(sentences[k_i].evidence.text, kind)):
        event_date = shift(event_date, -before) or event_date
        warnings.append(f"dated {before} days before the sentence's own time, as its opening clause says")
    killed, f_i = _first_count(draft, "killed")
    wounded, w_i = _first_count(draft, "wounded")
    if f_i is not None:
        fields.append(("fatalities", f_i))
    if w_i is not None:
        fields.append(("injured", w_i))
    attribution = attribute([s.read for s in sentences], kind.sub_event_type in _STATE_ACTS)
    actor1 = _CROWDS.get(kind.event_type, attribution.actor1)
    if attribution.sentence_index1 is not None:
        fields.append(("actor1", attribution.sentence_index1))
    if attribution.sentence_index2 is not None:
        fields.append(("actor2", attribution.sentence_index2))
    toponyms = [t for s in sentences for t in s.toponyms]
    place = resolve(toponyms, gazetteer, context)
    if place is None or place.geo_precision != 1:
        warnings.extend(f"{UNRESOLVED_PLACE}{n}" for n in unresolved_names(sentences, place, gazetteer))
    if place is None:
        warnings.append("no place found in the report")
    else:
        for i, s in enumerate(sentences):
            if any(
                any(c.place_id == place.place_id for c in t.candidates) or t.governorate == place.place_id
                for t in s.toponyms
            ):
                fields.append(("location", i))
                break
    if when := _when_in_the_day(sentences, k_i, next((i for f, i in fields if f == "event_date"), None)):
        fields.append(("time_of_day", when.sentence))
    return Mention(
        article_id=article.id,
        index=index,
        event_date=event_date,
        date_precision=precision,
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        actor1=actor1,
        actor2=attribution.actor2,
        place=place,
        fatalities=killed.best if killed else 0,
        fatalities_low=killed.low if killed else (0 if any(x.casualties.zero for x in sentences) else None),
        fatalities_high=killed.high if killed else None,
        injured=wounded.best if wounded else 0,
        evidence=evidence,
        field_evidence=tuple(fields),
        warnings=tuple(warnings),
        place_names=local_names(sentences, gazetteer),
        time_of_day=when.bucket if when else None,
        time_of_day_phrase=when.phrase if when else None,
    )


# Sentences whose date may carry over to the incident told next: the news and its toll ("the worst day
# of violence this year"), not reactions, habits, history or plans, whose dates are their own ("the
# Pentagon defended the strike, citing the attack on December 27th", "after advising forces last week").
_UNDATING_CLAIMS = {"habitual", "history", "plan", "reaction"}


# Countries whose forces act in Iraq: naming them does not set a sentence abroad.
ACTING_COUNTRIES = {"United States of America", "Iran", "Turkey"}


def _set_abroad(s: SentenceInfo) -> bool:
    """A sentence set in another country and nowhere in Iraq ("The Iranian flag flutters in Vienna, Austria,
    March 4, 2019"): its date is not the date of what the article tells of Iraq."""
    foreign = any(t.country and t.country not in ACTING_COUNTRIES | {FOCUS_COUNTRY} for t in s.toponyms)
    return foreign and not any(
        t.governorate or t.country == FOCUS_COUNTRY or t.candidates for t in s.toponyms
    )


# "one 2007 attack", "the 2010 church bombing": a year that dates an act the next sentence goes on to tell.
_YEAR_OF_AN_ACT = re.compile(
    r"\b((?:19|20)\d\d) (?:[a-z]+ )?(?:attack|bombing|raid|strike|airstrike|ambush|massacre|assault|shooting|"
    r"kidnapping|abduction)s?\b"
)


def _year_of_an_act(s: SentenceInfo) -> DateFound | None:
    """The year of the sentence right before, when it dates an act by its year and gives no finer date:
    "The suit details one 2007 attack in Iraq. In a brazen attack south of Baghdad, gunmen ..." is told of
    2007, not of the day of the report."""
    m = _YEAR_OF_AN_ACT.search(s.evidence.text)
    if m is None or s.found_date is not None:
        return None
    return DateFound(date(int(m[1]), 1, 1), "year", m[0])


def earlier_date(infos: list[SentenceInfo], before: int) -> DateFound | None:
    """The date of the nearest earlier sentence: "Two bombings hit on Monday. In Mosul, ...". The day
    something was announced counts too ("the command announced Saturday. ... bombers struck in Baghdad"):
    the nearest time the article gives is a better anchor than an older one further back. A month counts
    only from the sentence right before ("... killed this month. Around 60 also died in fighting there").
    A live blog's entry is dated by nothing before it: its entries run back in time."""
    if before > 0 and (told := _year_of_an_act(infos[before - 1])) is not None:
        return told
    entry = max((s.index for s in infos[: before + 1] if LIVE_ENTRY.match(s.evidence.text)), default=0)
    dated = [
        when
        for s in infos[entry:before]
        if (when := s.found_date or s.reported_date)
        and (when.precision in ("day", "week") or (when.precision == "month" and s.index == before - 1))
        and s.claim not in _UNDATING_CLAIMS
        and not _set_abroad(s)
        # not the day a toll was raised ("By Thursday the ministry had raised the toll"): told then
        and not (s.kind is None and told_again(s))
    ]
    return dated[-1] if dated else None
