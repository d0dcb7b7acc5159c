"""Which sentences report a concrete incident, and which following sentences tell more of it.

A mention starts at a sentence with an incident trigger and something concrete (a count, a date,
a known place, or a single attack: "a bomb", "gunmen"). Following sentences that add casualties,
attribution or detail without a new place or date join it; "also", "another", "separately" start
a new one. Statistics, habits, history, plans and negations are kept as claims instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..geo.locate import TOWN_PARTS, WELL_KNOWN
from ..geo.toponyms import Toponym
from .counts import ORDINAL_DEATH, Count
from .dates import DateFound
from .place_names import CAPITALS_HEAD, FOCUS_COUNTRY
from .sentences import SentenceInfo
from .types import EventKind

_SINGLE = re.compile(
    r"\b(a|an|the|one|twin|\w+['’]s)\s+(?:[\w-]+\s+){0,3}(attack|bomb|bombing|explosion|blast|ambush|explosive device|"
    r"ied|grenade|rocket|mortar|shell|strike|clash|raid|assault|shooting|kidnapping|assassination|siege)\b|"
    r"\b(two|three|four|five|six|\d+)\s+(?:[\w-]+\s+){0,2}(attacks|bombs|bombings|explosions|blasts|"
    r"explosive devices|ieds|grenades|rockets|mortars|shells|strikes)\b|"
    r"\b(assailants|gunmen|attackers?|bombers?|militants attacked|unidentified)\b",
    re.I,
)


_ACT = re.compile(
    r"\b(killed|detonated|exploded|went off|attacked|opened fire|fired|shot|stormed|ambushed|kidnapped|abducted|"
    r"clashed|struck|hit|targeted|bombed|shelled|assassinated|gunned down|blew up|blows up|set fire|torched|raided|"
    r"arrested|detained|died|wounded|injured|executed|beheaded|launched an? \w+|"
    r"(?:carried out|conducted) (?:[\w,.-]+ ){0,3}(?:strikes?|airstrikes?|raids?|attacks?|executions?|bombings?)|"
    r"the latest (?:\w+ )?(?:air ?strikes|strikes|raids|attacks|bombings)|"
    r"(?:are|were) (?:now |still )?(?:fighting|battling|clashing)|"
    r"(?:the|a) (?:\w+ )?(?:battle|fight|offensive|assault) (?:for (?-i:[A-Z])|to (?:retake|drive|recapture|liberate|take)\b)|protested|demonstrated|rallied|rioted|marched|launched|kills?|injures|explodes|executes|beheads|kidnaps?|abducts|storms|"
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


# A live blog's entry opens with its time: "16:40 - In Karbala and Najaf, ...".
LIVE_ENTRY = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*[-–—]\s")
_NEW_INCIDENT = re.compile(
    r"\b(separately|in a separate|in another|meanwhile|elsewhere|"
    r"another (attack|incident|bomb(ing)?|explosion|blast|assault|clash|roadside bomb))\b"
    rf"|{LIVE_ENTRY.pattern}"
    # a brief's paragraph headed by its place in capitals: "ANBAR — Weapons cache."
    rf"|^\s*{CAPITALS_HEAD}(?-i:[A-Z])",
    re.I,
)


_FOLLOW_UP = re.compile(
    r"\b(claimed responsibility|attributed|blamed|casualt|killed|wounded|injured|dead|died|hurt|damaged|toll|"
    r"no group|responsib)",
    re.I,
)


# A toll revised after the first telling: "By Monday the ministry said 52 people had died", "the death toll
# from that attack had risen to 292". It tells of the same incident on a later day, with a higher count.
TOLL_UPDATE = re.compile(
    r"\b(?:death )?toll\b[^.;]{0,60}\b(?:rose|risen|rises|climbed|increased|reached|now stands|stood)\b"
    r"|\b(?:rose|risen|climbed|increased) to (?:at least )?\d"
    r"|\b(?:had|have) (?:since )?died\b|\bby (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"the (?:next|following) (?:day|morning)|nightfall|evening)\b[^.;]{0,80}\b(?:died|dead|killed)\b"
    r"|\bput the (?:death )?toll at\b|\b(?:raised|revised) the (?:death )?toll\b",
    re.I,
)

# A later count of the act told before, in a sentence that tells no act of its own: "the director said at
# least 19 people had been killed" (not "police said two soldiers had been killed by a roadside bomb").
_LATER_COUNT = re.compile(
    r"\b(?:said|says|told|confirmed)\b[^.;]{0,80}\bhad been (?:killed|wounded|injured)\b", re.I
)


def told_again(s: SentenceInfo) -> bool:
    """The sentence gives a later toll of an incident told before."""
    text = s.evidence.text
    later = _LATER_COUNT.search(text) is not None and (s.kind is None or s.casualty_trigger_only)
    return later or TOLL_UPDATE.search(text) is not None or ORDINAL_DEATH.search(text) is not None


_TAKEN = re.compile(r"\b(?:overr(?:an|un|uns)|captured|seized)\b", re.I)

_RESPONSIBILITY = re.compile(r"\b(claimed responsibility|attributed|blamed)\b", re.I)


_ONE_KILLED = re.compile(r"\b(killed|shot dead|assassinated) (the|a|an) (?!number\b|few\b|lot\b)", re.I)


# A place the reader has already been told of: "the dam", "the town", "the city's airport".
_PLACE_TOLD = re.compile(
    r"\b(?:the|that|this) (?:dam|town|city|village|base|air ?base|airport|district|neighbou?rhood|bridge|"
    r"oil ?field|refinery|border crossing)\b",
    re.I,
)


_MAX_GAP = 2


_MAX_FOLLOW_UP_GAP = 3


TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}


# Kinds that are acts of their own, by their own actor: towns taken on the ground are not the air strikes
# that helped. A sentence that tells such an act does not join an incident of another kind (`_another_act`).
_DISTINCT_ACTS = TERRITORY | {"Air/drone strike"}
_DEMONSTRATIONS = {"Protests", "Riots"}
_PEACEFUL = "Peaceful protest"


# Kinds that are acts by their nouns alone ("a demonstration on Monday in Baghdad", "troops redeployed
# overnight throughout Baghdad", "set up a new base") when told on a day (or in a week) at a place.
_ACTS_BY_NOUN_TYPES = {"Protests", "Riots"}
_ACTS_BY_NOUN_SUB_TYPES = {
    "Change to group/activity",
    "Headquarters or base established",
    "Disrupted weapons use",
}


# A headline's kicker: a few words before a colon that name its topic or its place ("Open Season:",
# "In Video:", "Baghdad:"), which spaCy may read as a sentence of its own.
_KICKER = re.compile(r"\s*(?:[\w'’.-]+\s+){0,3}[\w'’.-]+\s*:\s*")


def headline_only(infos: list[SentenceInfo]) -> bool:
    """The record is a headline alone: one sentence, or one after its kicker ("Open Season: Two More
    Supply Convoys Attacked In Iraq")."""
    return len([s for s in infos if not _KICKER.fullmatch(s.evidence.text)]) == 1


@dataclass
class Draft:
    sentences: list[SentenceInfo] = field(default_factory=list)

    @property
    def last(self) -> int:
        return self.sentences[-1].index

    def has(self, kind: str) -> bool:
        return any(getattr(s.casualties, kind) for s in self.sentences)

    def places(self) -> set[str]:
        return {t.surface.lower() for s in self.sentences for t in s.toponyms if not t.country}


def _exact(c: Count | None) -> bool:
    return c is not None and c.low is not None and c.low == c.high


def _concrete(s: SentenceInfo, headline: bool = False) -> bool:
    """An act (a past event verb, a single attack, a count) that is anchored (a place, a date, an exact count).

    A headline-only record is news by its nature: naming an act of violence there is enough, with a verb
    ("Blast targets bakery") or without ("Sound bomb attack on a bakery in Karrada").
    """
    c = s.casualties
    text = s.read
    act = bool(c.killed or c.wounded or c.zero or _ACT.search(text) or _SINGLE.search(text))
    dated = s.found_date is not None and s.found_date.precision in ("day", "week", "month")
    placed = any(not t.country for t in s.toponyms)
    # "helped troops reclaim the dam": territory taken at a place the sentences before have named
    placed = placed or (
        s.kind is not None
        and s.kind.sub_event_type in TERRITORY
        and _PLACE_TOLD.search(s.evidence.text) is not None
    )
    act = act or (headline and (s.kind is not None or _HEADLINE_ACT.search(text) is not None))
    act = act or (s.kind is not None and s.kind.sub_event_type in TERRITORY)
    # "The offensive began last Tuesday, when militants overran Mosul": a town taken on a day told; undated
    # ("when ISIS rolled in and captured Mosul") it is the story's past
    act = act or (
        _TAKEN.search(text) is not None and s.found_date is not None and s.found_date.precision == "day"
    )
    # on a day or in a week at a place ("a demonstration on Monday in Baghdad"), not "long the scene of protests"
    day = s.found_date is not None and s.found_date.precision in ("day", "week")
    by_noun = s.kind is not None and (
        s.kind.event_type in _ACTS_BY_NOUN_TYPES or s.kind.sub_event_type in _ACTS_BY_NOUN_SUB_TYPES
    )
    act = act or (by_noun and day and placed)
    return act and (headline or dated or placed or c.zero or _exact(c.killed) or _exact(c.wounded))


def _governorates(toponyms: Iterable[Toponym]) -> set[str]:
    """The governorates names put a sentence in: those named, and a town's: the most important place of its
    name, when that is well known ("Nasiriyah" is Dhi Qar's, whatever hamlet shares the name), or the one
    all its places lie in."""
    found: set[str] = set()
    for t in toponyms:
        if t.governorate:
            found.add(t.governorate)
        elif not t.country:
            home = [c for c in t.candidates if c.country == FOCUS_COUNTRY and c.admin1_code]
            top = max(home, key=lambda c: c.importance, default=None)
            if (
                top
                and top.admin1_code
                and (top.importance >= WELL_KNOWN or len({c.admin1_code for c in home}) == 1)
            ):
                found.add(top.admin1_code)
    return found


def _towns(toponyms: Iterable[Toponym]) -> set[str]:
    """The names of places below a governorate, as written (lower case)."""
    return {t.surface.lower() for t in toponyms if not t.country and not t.governorate}


def _parts_of_its_city(draft: Draft, s: SentenceInfo, governorates: set[str]) -> bool:
    """The sentence names only squares or quarters of the city a draft names no part of: "The attackers
    drove into Khilani Square" after "opened fire on protesters in Baghdad" is no other place."""
    if _towns(t for x in draft.sentences for t in x.toponyms):
        return False
    return all(
        t.candidates and all(c.feature in TOWN_PARTS and c.admin1_code in governorates for c in t.candidates)
        for t in s.toponyms
        if not t.country and not t.governorate
    )


# Words that date within a night, which straddles two days: "the device had been buried overnight" told of
# a blast on Sunday in a report of Monday.
_NIGHT = frozenset({"overnight", "last night", "tonight"})


def _a_night_off(found: DateFound, dates: set[date]) -> bool:
    """`found` is dated by a night that may be the night before or after one of `dates`."""
    return found.text.lower() in _NIGHT and any(abs((found.value - d).days) <= 1 for d in dates)


# A figure given before the latest, of the same incident: "Police had initially said nine people were killed".
EARLIER_FIGURE = re.compile(
    r"\b(?:initially|originally|at first|earlier|previously|first)\s+(?:said|reported|put|gave|estimated)\b"
    r"|\b(?:had|have)\s+(?:initially|originally|earlier|previously|first)\s+(?:said|reported|put)\b",
    re.I,
)


def _joins(draft: Draft, s: SentenceInfo) -> bool:
    gap = _MAX_GAP if s.kind else _MAX_FOLLOW_UP_GAP
    if s.index - draft.last > gap or _NEW_INCIDENT.search(s.evidence.text):
        return False
    update = told_again(s)  # a later toll of the incident, not another one
    told_of = _its_weapon_stopped(draft, s)  # "the drone was intercepted": what became of the attack told
    if s.kind and not s.casualty_trigger_only and not update and not told_of and _another_act(draft, s.kind):
        return False
    new_governorates = _governorates(s.toponyms)
    governorates = _governorates(t for x in draft.sentences for t in x.toponyms)
    new_places = _towns(s.toponyms)
    elsewhere = new_places and draft.places() and not new_places & draft.places()
    if elsewhere and not _parts_of_its_city(draft, s, governorates):
        return False
    if new_governorates and governorates and not new_governorates & governorates:
        # "In Karbala and Najaf, thousands marched" does not go on a Baghdad report, nor "In Diwaniya,
        # protesters set fire ..." on one from Nasiriyah
        return False
    c = s.casualties
    if update or ((c.killed or c.wounded) and EARLIER_FIGURE.search(s.evidence.text)):
        return True
    dates = {x.found_date.value for x in draft.sentences if x.found_date}
    if s.found_date and dates and s.found_date.value not in dates and not _a_night_off(s.found_date, dates):
        return False
    return not ((c.killed and draft.has("killed")) or (c.wounded and draft.has("wounded")))


# "the drone was intercepted", "both rockets were shot down": the weapon of the attack just told, stopped
_THE_WEAPON_STOPPED = re.compile(
    r"\b(?:the|both|all|one)\s+(?:(?:two|three|four|five|of the)\s+)?(?:drones?|rockets?|missiles?|projectiles?)\s+"
    r"(?:was|were|had been|has been)\s",
    re.I,
)


# "a school and several family homes inside the compound were destroyed": what the blast or strike did
_DAMAGE_DONE = re.compile(
    r"\b(?:was|were|had been|have been)\s+(?:\w+\s+)?(?:destroyed|damaged|razed|flattened)\b", re.I
)


def _its_weapon_stopped(draft: Draft, s: SentenceInfo) -> bool:
    """The sentence tells what became of the weapon of the remote attack the draft tells, or what the attack
    destroyed: the same incident."""
    if s.kind is None or not any(
        x.kind and x.kind.event_type == "Explosions/Remote violence" for x in draft.sentences
    ):
        return False
    if s.kind.sub_event_type == "Disrupted weapons use":
        return _THE_WEAPON_STOPPED.search(s.evidence.text) is not None
    return (
        s.kind.sub_event_type == "Looting/property destruction"
        and _DAMAGE_DONE.search(s.evidence.text) is not None
    )


def _another_act(draft: Draft, kind: EventKind) -> bool:
    """A sentence of another act than the draft's: an air strike beside a town taken on the ground. The
    fighting for a town and its fall are one battle ("launched an offensive ... Sinjar fell"); a sentence
    that only counts the dead or hurt ("A fourth passenger was injured") tells no act of its own."""
    kinds = [x.kind for x in draft.sentences if x.kind and not x.casualty_trigger_only]
    if not kinds or kind.sub_event_type in {k.sub_event_type for k in kinds}:
        return False
    if all(k.event_type == kind.event_type == "Battles" for k in kinds):
        return False
    # a peaceful march and an act of armed violence are two events ("In Najaf, thousands marched against
    # the attackers" after the bombing; the cleric urged them "not to attack" after the march); force used
    # on a crowd, or a crowd's riot, goes with the shooting and clashes told of it
    peaceful = [k.sub_event_type == _PEACEFUL for k in kinds]
    armed = [k.event_type not in _DEMONSTRATIONS for k in kinds]
    if (all(peaceful) and kind.event_type not in _DEMONSTRATIONS) or (
        all(armed) and kind.sub_event_type == _PEACEFUL
    ):
        return True
    return bool(({k.sub_event_type for k in kinds} | {kind.sub_event_type}) & _DISTINCT_ACTS)


def group_mentions(infos: list[SentenceInfo]) -> tuple[list[Draft], list[SentenceInfo]]:
    drafts: list[Draft] = []
    claims: list[SentenceInfo] = []
    current: Draft | None = None
    headline = headline_only(infos)
    kickers = [s for s in infos if headline and _KICKER.fullmatch(s.evidence.text)]
    for s in infos:
        if s in kickers:
            continue
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
            current = Draft([s])
            drafts.append(current)
    for d in drafts:
        d.sentences += kickers  # the kicker's place is the headline's ("Baghdad: Bomb Blast Targets ...")
    return drafts, claims
