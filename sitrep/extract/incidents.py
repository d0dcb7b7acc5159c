"""From sentences to mentions: which sentences report a concrete incident, grouped into one mention each.

A mention starts at a sentence with an incident trigger and something concrete (a count, a date,
a known place, or a single attack: "a bomb", "gunmen"). Following sentences that add casualties,
attribution or detail without a new place or date join it; "also", "another", "separately" start
a new one. Statistics, habits, history, plans and negations are kept as claims instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from ..geo.admin1 import fold
from ..geo.gazetteer import Gazetteer
from ..geo.locate import resolve
from ..geo.toponyms import Toponym, find_toponyms
from ..ingest.dates import safe_date
from ..model import UNRESOLVED_PLACE, Actor, Article, Claim, Evidence, Extraction, Mention
from .actors import attribute
from .claims import claim_kind, claim_numbers, claim_period
from .context import ArticleContext, Telling, cluster, sums_up, with_context_place
from .counts import Casualties, Count, count_casualties
from .dates import DateFound, find_date, out_of_range, shift
from .place_names import FOCUS_COUNTRY, before_admin_area, local_names, unlisted_in_captions, unresolved_names
from .types import KINDS, PROTESTS, RIOTS, EventKind, classify

_SINGLE = re.compile(
    r"\b(a|an|the|one|twin|\w+['’]s)\s+(?:[\w-]+\s+){0,3}(attack|bomb|bombing|explosion|blast|ambush|explosive device|"
    r"ied|grenade|rocket|mortar|shell|strike|clash|raid|assault|shooting|kidnapping|assassination)\b|"
    r"\b(two|three|four|five|six|\d+)\s+(?:[\w-]+\s+){0,2}(attacks|bombs|bombings|explosions|blasts|"
    r"explosive devices|ieds|grenades|rockets|mortars|shells|strikes)\b|"
    r"\b(assailants|gunmen|attackers?|bombers?|militants attacked|unidentified)\b",
    re.I,
)
_ACT = re.compile(
    r"\b(killed|detonated|exploded|went off|attacked|opened fire|fired|shot|stormed|ambushed|kidnapped|abducted|"
    r"clashed|struck|hit|targeted|bombed|shelled|assassinated|gunned down|blew up|set fire|torched|raided|"
    r"arrested|detained|died|wounded|injured|executed|beheaded|launched an? \w+|protested|demonstrated|rallied|rioted|marched|launched|kills?|injures|explodes|executes|beheads|kidnaps?|abducts|storms|"
    r"seizes|shoots)\b",
    re.I,
)
# Headlines tell news in the present tense: "Blast targets bakery", "Gunmen assassinate judge".
_HEADLINE_ACT = re.compile(
    r"\b(targets?|hits?|attacks?|strikes?|open fire|opens fire|assassinates?|abducts?|kidnaps?|kills?|wounds?|"
    r"injures?|explodes?|detonates?|ambushes|storms?|shells?|bombs?|survives?|killing|wounding|"
    r"comes? under|came under|thwarts?|foils?|retakes?|recaptures?|seizes?|captures?|pushes|advances?|"
    r"battles?|battling|fights?|fighting|clash(?:es)?|offensive|falls to|overruns?|repels?|repulses?)\b",
    re.I,
)
_NEW_INCIDENT = re.compile(
    r"\b(separately|in a separate|in another|meanwhile|elsewhere|"
    r"another (attack|incident|bomb(ing)?|explosion|blast|assault|clash|roadside bomb))\b",
    re.I,
)
_FOLLOW_UP = re.compile(
    r"\b(claimed responsibility|attributed|blamed|casualt|killed|wounded|injured|dead|died|hurt|damaged|"
    r"no group|responsib)",
    re.I,
)
_RESPONSIBILITY = re.compile(r"\b(claimed responsibility|attributed|blamed)\b", re.I)
_ABOUT_VIOLENCE = re.compile(
    r"\b(attacks?|incidents|violence|bombings|killings|militants?|insurgen\w*|fighters|armed groups?|"
    r"target(s|ed|ing)?|sleeper cells?)\b",
    re.I,
)
_ONE_KILLED = re.compile(r"\b(killed|shot dead|assassinated) (the|a|an) (?!number\b|few\b|lot\b)", re.I)
_CASUALTY_ONLY = re.compile(r"^(killed|wounded|injured)$", re.I)
_EXCLUDED_ENTS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}
_MAX_GAP = 2
_MAX_FOLLOW_UP_GAP = 3
_WELL_KNOWN = 10
_FOCUS_NAME = re.compile(r"\bIraq|\bKurdistan\b")
# Countries whose forces act in Iraq: naming them does not set an incident abroad.
_ACTING_COUNTRIES = {"United States of America", "Iran", "Turkey"}
_HISTORY_DAYS = 365
_STATE_ACTS = {"Arrests", "Air/drone strike"}
_TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
_CROWDS = {PROTESTS: Actor("Protesters (Iraq)", ""), RIOTS: Actor("Rioters (Iraq)", "")}
_ENDINGS = set(".!?\"”’')…:")
_QUOTES = set("\"“‘'")


@dataclass(frozen=True)
class SentenceInfo:
    index: int
    evidence: Evidence
    kind: EventKind | None
    casualties: Casualties
    found_date: DateFound | None
    toponyms: tuple[Toponym, ...]
    claim: str | None
    casualty_trigger_only: bool
    # places NER sees that neither the gazetteer nor the country list know
    unknown_places: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # numbers and dates the sentence gives that cannot be right, ignored


@dataclass
class _Draft:
    sentences: list[SentenceInfo] = field(default_factory=list)

    @property
    def last(self) -> int:
        return self.sentences[-1].index

    def has(self, kind: str) -> bool:
        return any(getattr(s.casualties, kind) for s in self.sentences)

    def places(self) -> set[str]:
        return {t.surface.lower() for s in self.sentences for t in s.toponyms if not t.country}


def _trigger_words(sentence: str, kind: EventKind | None) -> bool:
    """True when the only trigger is a casualty word (killed/wounded), not an act."""
    if kind is None or kind.sub_event_type not in ("Attack", "Armed clash"):
        return False
    for pattern, k in KINDS:
        if k.rank == kind.rank:
            hits = {m.group().lower() for m in pattern.finditer(sentence)}
            return bool(hits) and all(_CASUALTY_ONLY.match(h) for h in hits)
    return False


def sentence_spans(doc: Any) -> list[tuple[int, int]]:
    """Character spans of sentences; a fragment that neither ends a sentence nor a paragraph joins the next."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    whole = doc.text  # Doc.text joins every token again on each access
    for sent in doc.sents:
        start = sent.start_char if start is None else start
        text = sent.text
        if (
            text.strip()
            and text.rstrip()[-1] not in _ENDINGS
            and "\n" not in text[-3:]
            and sent.end < len(doc)
        ):
            continue
        stripped = whole[start : sent.end_char].rstrip()
        if stripped:
            spans.append((start, start + len(stripped)))
        start = None
    return spans


def _overlaps(t: Toponym, spans: list[tuple[int, int]]) -> bool:
    return any(a < t.end and t.start < b for a, b in spans)


def _inside_longer_name(t: Toponym, spans: list[tuple[int, int]]) -> bool:
    """'Mohammed Laith', 'Kurdistan Democratic Party': the place name is part of a longer name."""
    return any(a <= t.start and t.end <= b and (b - a) > (t.end - t.start) for a, b in spans)


def _well_known(t: Toponym) -> bool:
    """A town with many names in many languages is a place even where NER reads it as a person."""
    return any(c.importance >= _WELL_KNOWN for c in t.candidates)


def _surname(name: str) -> str:
    """'al-Baghdadi', "Soleimani's" -> 'baghdadi', 'soleimani'."""
    return re.sub(
        r"^(?:al|el|ad|ar|as|ash|at|az|an)[\s-]", "", fold(name.removesuffix("’s").removesuffix("'s"))
    )


def person_surnames(doc: Any) -> set[str]:
    """Last names of the people the article names in full: "Abu Bakr al-Baghdadi" makes "Baghdadi" a person."""
    return {
        _surname(e.text.split()[-1]) for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) >= 2
    }


_NEXT_WORD = re.compile(r"\s+([A-Z][\w'’-]+)")


def _given_name(t: Toponym, text: str, surnames: set[str]) -> bool:
    """'Qassem Soleimani': a place name right before a surname the article uses is a given name."""
    m = _NEXT_WORD.match(text, t.end)
    return m is not None and _surname(m[1]) in surnames


def _common_word(surface: str, lower_words: set[str]) -> bool:
    """'Some', 'Share', 'For' opening a sentence: English words the article also writes in lower case."""
    word = surface.lower()
    return " " not in word and (word in lower_words or word in STOP_WORDS)


def analyse_sentences(article: Article, doc: Any, gazetteer: Gazetteer) -> list[SentenceInfo]:
    excluded = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _EXCLUDED_ENTS]
    places = [e for e in doc.ents if e.label_ in ("GPE", "LOC")]
    surnames = person_surnames(doc)
    lower_words = {tok.text for tok in doc if tok.is_lower}
    whole = doc.text  # Doc.text joins every token again on each access
    infos: list[SentenceInfo] = []
    for i, (start, end) in enumerate(sentence_spans(doc)):
        text = whole[start:end]
        found = tuple(find_toponyms(text, gazetteer, offset=start))
        toponyms = tuple(
            t
            for i, t in enumerate(found)
            if t.governorate
            or (
                _surname(t.surface) not in surnames
                and not _given_name(t, whole, surnames)
                and not (t.start - start <= 2 and _common_word(t.surface, lower_words))
                and (
                    before_admin_area(t, found[i + 1 :], whole)
                    or not _overlaps(t, excluded)
                    or (_well_known(t) and not _inside_longer_name(t, excluded))
                    or (_well_known(t) and t.qualifier == "label")  # "Baghdad airport", "Mosul Dam"
                )
            )
        )
        kind = classify(text)
        casualties = count_casualties(text)
        found_date = find_date(text, article.published)
        date_warning = out_of_range(found_date, article.published) if found_date else None
        infos.append(
            SentenceInfo(
                index=i,
                evidence=Evidence(article.id, start, end, text),
                kind=kind,
                casualties=casualties,
                found_date=None if date_warning else found_date,
                toponyms=toponyms,
                claim=claim_kind(text, article.published) if kind or _ABOUT_VIOLENCE.search(text) else None,
                casualty_trigger_only=_trigger_words(text, kind),
                unknown_places=tuple(
                    e.text
                    for e in places
                    if start <= e.start_char < end
                    and not any(t.start < e.end_char and e.start_char < t.end for t in found)
                    and not _FOCUS_NAME.search(e.text)
                )
                + unlisted_in_captions(whole, found),
                warnings=casualties.warnings + ((date_warning,) if date_warning else ()),
            )
        )
    return infos


def _exact(c: Count | None) -> bool:
    return c is not None and c.low is not None and c.low == c.high


def _concrete(s: SentenceInfo, headline: bool = False) -> bool:
    """An act (a past event verb, a single attack, a count) that is anchored (a place, a date, an exact count).

    A headline-only record is news by its nature: naming an act of violence there is enough, with a verb
    ("Blast targets bakery") or without ("Sound bomb attack on a bakery in Karrada").
    """
    c = s.casualties
    act = bool(
        c.killed or c.wounded or c.zero or _ACT.search(s.evidence.text) or _SINGLE.search(s.evidence.text)
    )
    dated = s.found_date is not None and s.found_date.precision in ("day", "week", "month")
    placed = any(not t.country for t in s.toponyms)
    act = act or (headline and (s.kind is not None or _HEADLINE_ACT.search(s.evidence.text) is not None))
    act = act or (s.kind is not None and s.kind.sub_event_type in _TERRITORY)
    return act and (headline or dated or placed or c.zero or _exact(c.killed) or _exact(c.wounded))


def _joins(draft: _Draft, s: SentenceInfo) -> bool:
    gap = _MAX_GAP if s.kind else _MAX_FOLLOW_UP_GAP
    if s.index - draft.last > gap or _NEW_INCIDENT.search(s.evidence.text):
        return False
    new_places = {t.surface.lower() for t in s.toponyms if not t.country and not t.governorate}
    if new_places and draft.places() and not new_places & draft.places():
        return False
    dates = {x.found_date.value for x in draft.sentences if x.found_date}
    if s.found_date and dates and s.found_date.value not in dates:
        return False
    c = s.casualties
    return not ((c.killed and draft.has("killed")) or (c.wounded and draft.has("wounded")))


def group_mentions(infos: list[SentenceInfo]) -> tuple[list[_Draft], list[SentenceInfo]]:
    drafts: list[_Draft] = []
    claims: list[SentenceInfo] = []
    current: _Draft | None = None
    headline = len(infos) == 1
    for s in infos:
        if s.claim:
            if current is not None and _RESPONSIBILITY.search(s.evidence.text) and _joins(current, s):
                current.sentences.append(s)  # "X claimed the attack and said it was intended to ..."
            else:
                claims.append(s)
            continue
        if s.kind is None:
            if current is not None and _FOLLOW_UP.search(s.evidence.text) and _joins(current, s):
                current.sentences.append(s)
            continue
        if current is not None and _joins(current, s):
            current.sentences.append(s)
        elif _concrete(s, headline=headline) and not (
            # "killed" alone, with nobody counted, is an incident only in a headline ("Journalist killed in
            # Mosul") or where one victim is killed at a named town ("killed the general at Baghdad airport")
            s.casualty_trigger_only
            and not (s.casualties.killed or s.casualties.wounded)
            and not headline
            and not (
                _ONE_KILLED.search(s.evidence.text)
                and any(t.candidates and not t.governorate for t in s.toponyms)
            )
        ):
            current = _Draft([s])
            drafts.append(current)
    return drafts, claims


def _first_count(draft: _Draft, kind: str) -> tuple[Count | None, int | None]:
    for i, s in enumerate(draft.sentences):
        c = getattr(s.casualties, kind)
        if c:
            return c, i
    return None, None


def build_mention(
    article: Article,
    index: int,
    draft: _Draft,
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
    fields.append(("event_type", k_i))
    warnings: list[str] = list(dict.fromkeys(w for s in sentences for w in s.warnings))
    event_date: date | None = article.published
    precision: str | None = "day" if article.published else None
    dated = [(s.found_date, i) for i, s in enumerate(sentences) if s.found_date and s.kind]
    if dated:
        found, d_i = dated[0]
        event_date, precision = found.value, found.precision
        fields.append(("event_date", d_i))
    elif context_date is not None:
        event_date, precision = context_date.value, context_date.precision
        warnings.append(f"date taken from an earlier sentence ({context_date.text!r})")
    elif article.published:
        warnings.append("no date in the text: publication date used")
    else:
        warnings.append("no date in the text and no publication date")
    killed, f_i = _first_count(draft, "killed")
    wounded, w_i = _first_count(draft, "wounded")
    if f_i is not None:
        fields.append(("fatalities", f_i))
    if w_i is not None:
        fields.append(("injured", w_i))
    attribution = attribute([s.evidence.text for s in sentences], kind.sub_event_type in _STATE_ACTS)
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
    )


def _earlier_date(infos: list[SentenceInfo], before: int) -> DateFound | None:
    """The date of the nearest earlier sentence: "Two bombings hit on Monday. In Mosul, ..."."""
    dated = [s.found_date for s in infos[:before] if s.found_date and s.found_date.precision == "day"]
    return dated[-1] if dated else None


_AFTER_A_PLACE = re.compile(r"[A-Z][\w'’-]+,\s*$")


def _dateline_abroad(s: SentenceInfo) -> bool:
    """'in Aden, Yemen', 'Homs, Syria': a place followed by its foreign country."""
    text, start = s.evidence.text, s.evidence.start
    countries = [(t.start, t.end) for t in s.toponyms if t.country]
    return any(
        t.country
        and t.country != FOCUS_COUNTRY
        and (m := _AFTER_A_PLACE.search(text, 0, t.start - start)) is not None
        and not any(a <= m.start() + start < b for a, b in countries)  # "Iraq, Syria": a list of countries
        for t in s.toponyms
    )


def _abroad(m: Mention, draft: _Draft, infos: list[SentenceInfo]) -> bool:
    """Placed abroad, or unplaced but naming only foreign places: a country, or a town NER knows and we don't."""
    sentences = draft.sentences
    if any(_dateline_abroad(s) for s in sentences):
        return True
    if m.place is not None:
        return m.place.country != FOCUS_COUNTRY
    if any(_FOCUS_NAME.search(s.evidence.text) for s in sentences):
        return False
    if any(t.country and t.country not in _ACTING_COUNTRIES for s in sentences for t in s.toponyms):
        return True
    first, last = sentences[0].index, sentences[-1].index
    nearby = infos[max(0, first - 2) : last + 3]
    focus_nearby = any(
        _FOCUS_NAME.search(s.evidence.text) or any(not t.country for t in s.toponyms) for s in nearby
    )
    foreign_before = any(
        t.country and t.country not in _ACTING_COUNTRIES
        for s in infos[max(0, first - 2) : first]
        for t in s.toponyms
    )
    return (foreign_before or any(s.unknown_places for s in sentences)) and not focus_nearby


def _period_end(d: date, precision: str | None) -> date:
    if precision == "year":
        return date(d.year, 12, 31)
    if precision in ("month", "quarter"):
        months = 3 if precision == "quarter" else 1
        nxt = safe_date(d.year + (d.month + months - 1) // 12, (d.month + months - 1) % 12 + 1, 1)
        return nxt - timedelta(days=1) if nxt else date.max
    return (shift(d, 6) or date.max) if precision == "week" else d


def _an_earlier_year(m: Mention, published: date | None) -> bool:
    return (
        m.date_precision == "year"
        and m.event_date is not None
        and published is not None
        and m.event_date.year < published.year
    )


def _long_before(m: Mention, published: date | None) -> bool:
    if published is None or m.event_date is None:
        return False
    return (published - _period_end(m.event_date, m.date_precision)).days > _HISTORY_DAYS


def _telling(m: Mention, d: _Draft) -> Telling:
    return Telling(
        m,
        tuple(s.index for s in d.sentences),
        tuple(s.evidence.text for s in d.sentences),
        frozenset(t.surface.lower() for s in d.sentences for t in s.toponyms),
        quote=d.sentences[0].evidence.text.lstrip()[:1] in _QUOTES,
        casualties_only=all(s.casualty_trigger_only or s.kind is None for s in d.sentences),
        dated=any(s.found_date is not None for s in d.sentences),
    )


def _one_per_incident(
    article: Article, infos: list[SentenceInfo], drafts: list[_Draft], gazetteer: Gazetteer, context: set[str]
) -> tuple[list[_Draft], list[tuple[SentenceInfo, str]]]:
    """The article's tellings of one incident become one draft; a lead that sums up incidents told one
    by one later is a claim (kind `summary`), not one more incident."""
    built = [
        build_mention(article, i, d, gazetteer, context, _earlier_date(infos, d.sentences[0].index))
        for i, d in enumerate(drafts)
    ]
    tellings = [_telling(m, d) for m, d in zip(built, drafts, strict=True)]
    summaries = {i for i, t in enumerate(tellings) if sums_up(t, tellings)}
    claims = [(drafts[i].sentences[0], "summary") for i in sorted(summaries)]
    rest = [i for i in range(len(drafts)) if i not in summaries]
    merged = []
    for group in cluster([tellings[i] for i in rest]):
        if all(tellings[rest[j]].quote for j in group):  # a quotation that tells no incident told elsewhere
            claims += [(drafts[rest[j]].sentences[0], "quote") for j in group]
            continue
        sentences = {s.index: s for j in group for s in drafts[rest[j]].sentences}
        merged.append(_Draft([sentences[k] for k in sorted(sentences)]))
    return merged, claims


def extract_article(article: Article, doc: Any, gazetteer: Gazetteer) -> Extraction:
    infos = analyse_sentences(article, doc, gazetteer)
    context = {t.governorate for s in infos for t in s.toponyms if t.governorate}
    drafts, claim_infos = group_mentions(infos)
    sources = [(s, s.claim or "") for s in claim_infos]
    whole_article = len(infos) > 1
    if whole_article:
        drafts, summaries = _one_per_incident(article, infos, drafts, gazetteer, context)
        sources += summaries
    built = [
        build_mention(article, i, d, gazetteer, context, _earlier_date(infos, d.sentences[0].index))
        for i, d in enumerate(drafts)
    ]
    setting = ArticleContext.of(
        article,
        [s.toponyms for s in infos],
        [s.evidence.start for s in infos],
        gazetteer,
        {tok.text.lower() for tok in doc if tok.is_lower} | STOP_WORDS,
    )
    # Incidents placed in another country than the one sitrep watches are background here, and so are
    # incidents dated more than a year before the report ("the 2010 church attack"). An incident of a
    # whole article that names no place takes its context's; with none, it cannot be coded (ACLED needs
    # a place) and is kept as a claim.
    kept: list[Mention] = []
    for m, d in zip(built, drafts, strict=True):
        why = "abroad" if _abroad(m, d, infos) else "history" if _long_before(m, article.published) else None
        if why is None and whole_article and _an_earlier_year(m, article.published):
            why = "history"  # "both towns recaptured last year": a year is no date for an incident
        if why is None and m.place is None and whole_article:
            found = setting.place_for(d.sentences[0].index, gazetteer, context)
            first = d.sentences[0]
            known_abroad = any(
                t.candidates and all(c.country != FOCUS_COUNTRY for c in t.candidates) for t in first.toponyms
            )
            if first.unknown_places or known_abroad:
                why = "abroad"  # it names a place that is not in the focus country, or not known to be
            elif found is None:
                why = "unplaced"
            else:
                m = with_context_place(m, *found)
        if why:
            sources.append((d.sentences[0], why))
        else:
            kept.append(replace(m, index=len(kept)))
    mentions = tuple(kept)
    sources.sort(key=lambda item: item[0].index)
    claims = tuple(
        Claim(
            article_id=article.id,
            index=i,
            kind=kind,
            text=s.evidence.text,
            numbers=claim_numbers(s.evidence.text),
            period=claim_period(s.evidence.text),
            evidence=s.evidence,
        )
        for i, (s, kind) in enumerate(sources)
    )
    return Extraction(article.id, mentions, claims)
