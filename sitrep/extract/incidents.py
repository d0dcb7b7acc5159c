"""One article -> its incidents (`Mention`s) and claims: sentences read, grouped into drafts, the
tellings of one incident joined, each placed, dated and checked (abroad, history) against its article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from ..geo.distance import km_between
from ..geo.gazetteer import Gazetteer
from ..geo.locate import TOWN_PARTS, a_landmark, resolve, well_known
from ..geo.toponyms import Toponym, names_a_side
from ..ingest.dates import safe_date
from ..model import Article, Claim, Extraction, Mention, Place
from .abroad import names_abroad, placed_abroad
from .claims import claim_numbers, claim_period
from .context import ArticleContext, Telling, cluster, sums_up, with_context_place
from .dates import shift
from .grouping import LIVE_ENTRY, TERRITORY, Draft, group_mentions, headline_only
from .mentions import build_mention, earlier_date
from .nlp import Parsed
from .place_names import FOCUS_COUNTRY
from .relevance import in_focus
from .sentences import SentenceInfo, analyse_sentences, person_surnames

_HISTORY_DAYS = 365


_QUOTES = set("\"“‘'")


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


# Told as under way when the article was written: "are fighting", "are now helping".
_UNDER_WAY = re.compile(
    r"\b(?:are|is) (?:now |still )?(?:fighting|battling|clashing|advancing|helping|attacking|shelling|bombing|"
    r"pounding|besieging|defending|pushing)\b",
    re.I,
)


# The lead: an incident told there without a date is the news of the day it was published.
_LEAD_SENTENCES = 3


def _undated_aside(d: Draft, infos: list[SentenceInfo], first_told: int) -> bool:
    """Told after the lead with no date of its own and none before it ("The battles for Fallujah were
    fierce"): background the reader is reminded of, not news that can be dated. The first incident an
    article tells (`first_told`, its first sentence) is its news, however late its lead comes to it."""
    first = d.sentences[0].index
    if first < _LEAD_SENTENCES or first == first_told or any(s.found_date for s in d.sentences if s.kind):
        return False
    if any(LIVE_ENTRY.match(s.evidence.text) for s in infos[: first + 1]):
        return False  # told under a live blog's entry: the news of its day
    if any(_UNDER_WAY.search(s.evidence.text) for s in d.sentences if s.kind):
        return False  # "forces are now fighting in western Mosul": the day of the report
    return earlier_date(infos, first) is None


_REMOTE = {"Air/drone strike", "Shelling/artillery/missile attack"}
_AND_TARGET = re.compile(r"\band\b")
_NOT_TARGETS = re.compile(r"\b(from|between|road|highway|near)\b|^\s*-", re.I)
_FROM_BEFORE = re.compile(r"\b(from|between)\s+(?:the\s+)?$", re.I)
# Names that say where the story was filed or where a place lies, not what was struck.
_NOT_STRUCK = frozenset(
    {"dateline", "from this town", "within", "north of", "south of", "east of", "west of"}
)
_TARGETS_GAP = 60  # characters between two places struck together: "the X air base and a second base at Y"


def _remote_targets(first: SentenceInfo) -> list[Toponym]:
    """The places a missile or air attack struck together: "targeted the Ain al-Assad air base and a second
    base at Irbil" (named one after the other, joined by "and"; not "from X", "between X and Y")."""
    named = [t for t in first.toponyms if not t.country and t.qualifier not in _NOT_STRUCK]
    text, start = first.evidence.text, first.evidence.start
    joined = [
        (a, b)
        for a, b in pairwise(named)
        if len(between := text[a.end - start : b.start - start]) <= _TARGETS_GAP
        and _AND_TARGET.search(between)
        and not _NOT_TARGETS.search(between)
        and not _FROM_BEFORE.search(text, 0, a.start - start)
    ]
    return list(dict.fromkeys(t for pair in joined for t in pair))


def _per_town(m: Mention, d: Draft, gazetteer: Gazetteer, context: set[str]) -> list[Mention]:
    """Territory taken in several towns at once ("seized Fallujah and parts of Ramadi"), protests in several
    towns ("in Karbala and Najaf, thousands marched") and a missile or air attack on several places
    ("targeted the Ain al-Assad air base and a second base at Irbil") are one event per place, as ACLED
    codes one place per event; every other incident stays whole."""
    if m.place is None:
        return [m]
    if m.event_type == "Protests":  # "In Karbala and Najaf, thousands marched": a protest in each city
        first = d.sentences[0]
        named = [
            t
            for t in first.toponyms
            if not t.country
            and (t.governorate or well_known(t))
            # not where the dead they mourn were killed: "portraits of those killed in Baghdad"
            and not _DEAD_IN.search(first.evidence.text, 0, t.start - first.evidence.start)
        ]
    elif m.sub_event_type in TERRITORY:
        named = [t for t in d.sentences[0].toponyms if not (t.country or t.governorate)]
    elif m.sub_event_type in _REMOTE:
        named = _remote_targets(d.sentences[0])
    else:
        return [m]
    towns: dict[str, Place] = {m.place.place_id: m.place}
    tops = list(d.sentences[0].toponyms)
    landmarks = [t for t in tops if a_landmark(t, tops)]  # "villages east of Mosul on the Khazir front"
    for t in named:
        if t in landmarks:
            continue
        place = resolve([t, *landmarks], gazetteer, context)
        if place is not None and place.country == FOCUS_COUNTRY and place.geo_precision == 1:
            towns.setdefault(place.place_id, place)
    # "in Baghdad's Shiite stronghold of Sadr City": one place, the quarter
    return [replace(m, place=p) for p in towns.values() if not any(_inside(q, p) for q in towns.values())]


_DEAD_IN = re.compile(r"\b(?:killed|slain|died)\s+(?:[\w-]+\s+){0,2}?in\s+(?:the\s+)?$", re.I)
_SAME_CITY_KM = 12.0


def _inside(quarter: Place, city: Place) -> bool:
    """A place named with a smaller one in it: Baghdad with its Sadr City."""
    return (
        quarter.place_id != city.place_id
        and quarter.feature in TOWN_PARTS
        and (quarter.importance or 0) < (city.importance or 0)
        and km_between((quarter.latitude, quarter.longitude), (city.latitude, city.longitude))
        <= _SAME_CITY_KM
    )


# "the Sarai quarter", "the city's Abbasiya district": a part of the town the story is set in
_QUARTER_WORDS = frozenset({"quarter", "neighbourhood", "neighborhood"})
_THE_CITYS = re.compile(r"\bthe (?:city|town)['’]s\s+(?:[\w-]+\s+)?$", re.I)  # not "the capital's"
_PART_OF_THE_TOWN_KM = 30.0


def _in_the_town_it_is_set_in(
    m: Mention, first: SentenceInfo, setting: ArticleContext, gazetteer: Gazetteer, context: set[str]
) -> Mention:
    """A quarter of the town the article is set in is there, not at a namesake village far away: the
    town, at precision 2, when the only place of the name lies farther."""
    if m.place is None:
        return m
    placed_by = next(
        (t for t in first.toponyms if any(c.place_id == m.place.place_id for c in t.candidates)), None
    )
    if placed_by is None:
        return m
    at = placed_by.start - first.evidence.start
    if not (
        placed_by.qualifier in _QUARTER_WORDS or _THE_CITYS.search(first.evidence.text, max(0, at - 40), at)
    ):
        return m
    others = [
        t
        for t in first.toponyms
        if t is not placed_by and t.qualifier != "dateline" and not t.country and t.candidates
    ]
    if others:
        return m  # "ERBIL — fighters attacked the Gogjali quarter of Mosul": the town named is its town
    town = setting.town(gazetteer, context)
    if town is None or town[0].country != FOCUS_COUNTRY:
        return m
    here, there = (m.place.latitude, m.place.longitude), (town[0].latitude, town[0].longitude)
    if km_between(here, there) <= _PART_OF_THE_TOWN_KM:
        return m
    return with_context_place(m, *town)


def _telling(m: Mention, d: Draft) -> Telling:
    return Telling(
        m,
        tuple(s.index for s in d.sentences),
        tuple(s.evidence.text for s in d.sentences),
        frozenset(t.surface.lower() for s in d.sentences for t in s.toponyms),
        quote=d.sentences[0].evidence.text.lstrip()[:1] in _QUOTES,
        casualties_only=all(s.casualty_trigger_only or s.kind is None for s in d.sentences),
        dated=any(s.found_date is not None for s in d.sentences),
        unknown=frozenset(n for s in d.sentences for n in s.unknown_places),
    )


_WHOLLY_QUOTED = re.compile(r"\s*[\"“‘']+[^\"“”]*[\"”’']+\s*")


def _wholly_quoted(d: Draft) -> bool:
    """Every sentence a quotation with no attribution ("'I killed a terrorist.'"), unlike a quoted report
    ('"Troops redeployed overnight," Meuse reports')."""
    return all(_WHOLLY_QUOTED.fullmatch(s.evidence.text) for s in d.sentences)


def _dated_to_the_day(d: Draft) -> bool:
    return any(s.found_date is not None and s.found_date.precision == "day" for s in d.sentences)


def _one_per_incident(
    drafts: list[Draft], built: list[Mention], build: Callable[[Draft], Mention]
) -> tuple[list[tuple[Draft, Mention]], list[tuple[SentenceInfo, str]]]:
    """The article's tellings of one incident become one draft (and mention); a lead that sums up
    incidents told one by one later is a claim (kind `summary`), not one more incident."""
    tellings = [_telling(m, d) for m, d in zip(built, drafts, strict=True)]
    summaries = {i for i, t in enumerate(tellings) if sums_up(t, tellings)}
    claims = [(drafts[i].sentences[0], "summary") for i in sorted(summaries)]
    rest = [i for i in range(len(drafts)) if i not in summaries]
    incidents = []
    for group in cluster([tellings[i] for i in rest]):
        members = [rest[j] for j in group]
        if all(tellings[i].quote and not _dated_to_the_day(drafts[i]) for i in members):
            # a quotation that tells no incident told elsewhere, and dates none ("I shot more warning shots
            # than I ever shot at ISIS"); a quoted report of the day ("Troops redeployed overnight") is news
            claims += [(drafts[i].sentences[0], "quote") for i in members]
            continue
        told = [i for i in members if not _wholly_quoted(drafts[i])]
        if told and len(told) < len(members):
            # words quoted with no one reporting them, joined to a reported incident, are a reaction to it
            # ("'I killed a terrorist'"): its facts come from the report, not from the quotation
            claims += [(drafts[i].sentences[0], "quote") for i in members if i not in told]
            members = told
        if len(members) == 1:
            incidents.append((drafts[members[0]], built[members[0]]))
        else:
            sentences = {s.index: s for i in members for s in drafts[i].sentences}
            merged = Draft([sentences[k] for k in sorted(sentences)])
            incidents.append((merged, build(merged)))
    return incidents, claims


_CONDEMNS_AN_ACT = re.compile(
    r"\b(?:condemn|denounc)\w*\s+(?:the\s+|an?\s+|\w+['’]s\s+)?(?:[\w-]+\s+){0,2}?(?:attack|bombing|blast|"
    r"explosion|killing|assassination|shooting|strike|raid|ambush)s?\b",
    re.I,
)


def _reacted_to(claim_infos: list[SentenceInfo]) -> tuple[list[Draft], list[SentenceInfo]]:
    """An article that tells no incident but opens by reacting to one it places ("Regional government
    condemns attack on a councillor in Sulaymaniyah") gives the only report there is of it: the reaction is
    its telling. Only its first sentence counts (a title or lead), not a reaction said in passing further down."""
    first = claim_infos[0] if claim_infos else None
    if (
        first is None
        or first.index != 0
        or first.claim != "reaction"
        or first.kind is None
        or not first.toponyms
        or not _CONDEMNS_AN_ACT.search(first.read)
    ):
        return [], claim_infos  # not a trial, a funeral or a memorial: they tell of an act long known
    return [Draft([first])], claim_infos[1:]


def extract_article(article: Article, parsed: Parsed, gazetteer: Gazetteer) -> Extraction:
    infos = analyse_sentences(article, parsed, gazetteer)
    context = {t.governorate for s in infos for t in s.toponyms if t.governorate}

    def build(d: Draft) -> Mention:
        return build_mention(article, 0, d, gazetteer, context, earlier_date(infos, d.sentences[0].index))

    drafts, claim_infos = group_mentions(infos)
    if not drafts:
        drafts, claim_infos = _reacted_to(claim_infos)
    sources = [(s, s.claim or "") for s in claim_infos]
    incidents = [(d, build(d)) for d in drafts]
    whole_article = not headline_only(infos)
    if whole_article:
        incidents, summaries = _one_per_incident(drafts, [m for _, m in incidents], build)
        sources += summaries
    setting = ArticleContext.of(
        article,
        [s.toponyms for s in infos],
        [s.evidence.start for s in infos],
        gazetteer,
        parsed.lower_words,
        frozenset(person_surnames(parsed)),
    )
    # Incidents placed in another country than the one sitrep watches are background here, and so are
    # incidents dated more than a year before the report ("the 2010 church attack"). An incident of a
    # whole article that names no place takes its context's; with none, it cannot be coded (ACLED needs
    # a place) and is kept as a claim.
    kept: list[Mention] = []
    first_told = min((d.sentences[0].index for d, _ in incidents), default=-1)
    # An article that never sets itself in Iraq but names places abroad, or cities and countries NER finds
    # and no Iraqi one, tells of incidents there, whatever Iraqi village shares a word with them; one that
    # names only a mountain or a region ("hideouts in the Qandil mountains") is read as it stands.
    sides = [e for e in parsed.entities if not names_a_side(parsed.text, e.end)]  # not "US-led"
    focus = in_focus(article, (t for s in infos for t in s.toponyms), gazetteer) or not names_abroad(
        infos, sides
    )
    for d, m in incidents:
        why = (
            "abroad"
            if not focus or placed_abroad(m, d, infos)
            else "history"
            if _long_before(m, article.published)
            else None
        )
        if why is None and whole_article and _an_earlier_year(m, article.published):
            why = "history"  # "both towns recaptured last year": a year is no date for an incident
        if why is None and whole_article and _undated_aside(d, infos, first_told):
            why = "undated"
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
        elif why is None and whole_article:
            m = _in_the_town_it_is_set_in(m, d.sentences[0], setting, gazetteer, context)
        if why:
            sources.append((d.sentences[0], why))
        else:
            kept += [
                replace(each, index=len(kept) + i)
                for i, each in enumerate(_per_town(m, d, gazetteer, context))
            ]
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
