"""The kind of event a sentence reports, typed to ACLED's typology (`typology`).

Trigger words propose kinds (`type_triggers.KINDS`); then who acts on whom decides between kinds the
words alone cannot tell apart: a weapon stopped before use (`disruption`), an attack on armed men (a
clash) or on civilians, and force used on a crowd or by it (`crowds`).
"""

from __future__ import annotations

import re

from .actors import takes_for_the_state
from .counts import MASS_GRAVE
from .crowds import demonstration_kind
from .disruption import disrupted_spans, fought_off, stopped_before_use, without
from .told_by import TOLD_BY
from .type_triggers import KINDS
from .typology import (
    BATTLES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VIOLENCE,
    EventKind,
    kind,
)

__all__ = [
    "BATTLES",
    "EXPLOSIONS",
    "KINDS",
    "PROTESTS",
    "RIOTS",
    "STRATEGIC",
    "VIOLENCE",
    "EventKind",
    "classify",
]

# Targets that make an armed attack a battle (armed on both sides) rather than violence against civilians.
_ARMED_TARGET = re.compile(
    r"\b(soldiers?|troops?|army|military|checkpoints?|posts?|outposts?|watchtowers?|patrols?|base|barracks|"
    r"police(men)?|officers?|security forces|fighters?|militi(a|as|amen)|peshmerga|hashd|pmf|pmu|"
    r"volunteer forces|popular mobili[sz]ation|tribal (forces|fighters|mobili[sz]ation)|sahwa|convoy)\b",
    re.I,
)

# Armed men named right after the act as its object ("killed two militants"), not as its agent ("by gunmen").
_ARMED_OBJECT = re.compile(
    r"(?<!were )(?<!was )(?<!been )\b(?:killed|killing|shot|attacked|ambushed|targeted|fired on|opened fire on|clashed with)"
    r"\s+(?:(?!by\b|when\b|as\b|after\b|while\b|and\b)[\w-]+\s+){0,3}?"
    r"(?:militants?|insurgents?|jihadists?|gunmen|terrorists?|assailants|attackers|IS members|"
    r"(?:IS|ISIS|ISIL|Daesh|Islamic State) (?:fighters|members|militants|positions|hideouts?))\b",
    re.I,
)

_ARMED_PEOPLE = (
    r"(soldiers?|troops?|policem[ae]n|police ?officers?|officers?|fighters?|peshmerga|members of the security "
    r"forces|security (forces|personnel|members))"
)
_PASSIVE_ARMED = re.compile(
    rf"\b{_ARMED_PEOPLE}\b[^.;]{{0,40}}\b(was|were|have been|had been)\s+(killed|wounded|injured|hurt)"
    # a headline drops the verb: "3 policemen killed in attack", "Soldier Shot Dead Near Kirkuk"
    rf"|\b{_ARMED_PEOPLE}\s+(killed|wounded|injured|hurt|shot dead)\b",
    re.I,
)

# Killing a captive is violence against a defenceless person, whatever uniform they wore (ACLED codes the
# execution of captured soldiers as violence against civilians).
_CAPTIVE_KILLED = re.compile(r"\b(execut(ed|es|ion|ions|ing)|behead(ed|s|ing)|firing squad)\b", re.I)

_RELATIVE_CLAUSE = re.compile(
    r",?\s+(?:who|whom|whose)\s+(?:had|has|have|was|were|is|are|used to|worked)\b", re.I
)

_CASUALTY = re.compile(r"\b(killed|killing|dead|died|wounded|wounding|injured|injuring)\b", re.I)

# Air power told as support of a ground battle ("backed by US airstrikes", "air strikes are helping Iraqi
# forces in the battle for ..."): the battle is the act the sentence reports.
_AIR_SUPPORT = re.compile(
    r"\b(?:backed|supported|aided|covered) by (?:[\w.-]+ ){0,3}?(?:air ?strikes|air power|air support|warplanes)"
    r"|\b(?:with the help of|under (?:the )?cover of) (?:[\w.-]+ ){0,3}?(?:air ?strikes|air power|air support)"
    r"|\bair ?strikes (?:are|were|have been|had been) (?:now )?(?:helping|supporting|backing|aiding)\b",
    re.I,
)

_ATTACK = next(pattern for pattern, k in KINDS if k.sub_event_type == "Attack")
_DISRUPTED_WEAPONS = kind("Disrupted weapons use", 5)
_ARMED_CLASH = next(k for _, k in KINDS if k.sub_event_type == "Armed clash")


def _attack_on_armed(sentence: str) -> bool:
    """The target is armed: named after the act ("attacked an army post") or as the dead ("two soldiers were killed")."""
    if _CAPTIVE_KILLED.search(sentence):
        return False
    sentence = without(sentence, [m.span() for m in TOLD_BY.finditer(sentence)])
    act = _ATTACK.search(sentence)
    after = sentence[act.start() :] if act else sentence
    # "shot dead a tribal elder who had helped recruit policemen": who the victim was, not who was hit
    after = _RELATIVE_CLAUSE.split(after, maxsplit=1)[0]
    return bool(
        _ARMED_TARGET.search(after) or _PASSIVE_ARMED.search(sentence) or _ARMED_OBJECT.search(sentence)
    )


_TAKER_REACH = 100  # characters before the verb of taking ground in which its subject is named
_TAKEN_BY = {
    True: "Government regains territory",
    False: "Non-state actor overtakes territory",
}  # by the state?


def _by_words(sentence: str) -> EventKind | None:
    best: EventKind | None = None
    at = 0
    for pattern, k in KINDS:
        if (m := pattern.search(sentence)) and (best is None or k.rank > best.rank):
            best, at = k, m.start()
    if best and best.sub_event_type == "Attack" and _attack_on_armed(sentence):
        return EventKind(BATTLES, "Armed clash", best.rank)
    if best and best.sub_event_type in _TAKEN_BY.values():
        # who took it decides, as ACLED codes: "federal police have taken control", "IS fighters retook"
        state = takes_for_the_state(sentence[max(0, at - _TAKER_REACH) : at])
        if state is not None and _TAKEN_BY[state] != best.sub_event_type:
            return EventKind(BATTLES, _TAKEN_BY[state], best.rank)
    return best


# Killing a bill, a deal or a bank: the words of violence said of things no one can kill. Blanked before
# the sentence is typed, so "Republicans vowed to kill the bill" is no attack.
_FIGURATIVE = re.compile(
    r"\bkill(?:s|ed|ing)?[\"”’']? (?:off )?(?:the|a|an|this|that|his|her|their|its|any) (?:[\w-]+ ){0,2}(?:bill|deal|"
    r"measure|plan|program|programme|legislation|proposal|bank|idea|talks|agreement|negotiations|vote|amendment|"
    r"story|momentum|jobs|project|reform|rule|law|tax|budget|nomination|campaign)s?"
    # the thing ends the phrase: "kill the bill." or "kill the bank altogether", not "killed the bank manager"
    r"(?=\s*(?:[.,;:!?)\"”]|$)|\s(?:and|or|but|altogether|entirely|outright|once|before|after|in|on|by|with|if|"
    r"unless|that|which|as|for)\b)",
    re.I,
)


# The dead remembered, not killed here: "carrying portraits of those killed in Baghdad", "the families of
# the protesters killed last week". Blanked before the sentence is typed, like the figurative.
_REMEMBERED = re.compile(
    r"\b(?:portraits?|pictures?|photos?|photographs?|images?|names|memory|coffins?|graves?|families|relatives)"
    r"\s+of\s+(?:the\s+|those\s+)?(?:[\w-]+\s+){0,2}?(?:killed|slain|who (?:were|had been) killed|who died)\b",
    re.I,
)


# Those who make bombs safe: "a bomb disposal team defused a roadside bomb".
_DISPOSAL = re.compile(
    r"\b(?:bomb|explosives?|ordnance|IED)[- ](?:disposal|squads?|experts?|technicians?|detection|clearance)\b",
    re.I,
)


# Deaths no one inflicted: a crash, a collapse, a stampede, bad weather. ACLED codes none of them.
_ACCIDENT = re.compile(
    r"\b(crash(ed|es)?|accident(al|ally)?|collided|collision|collapsed?|stampede|drown(ed|ing)|bad weather|"
    r"(caught|broke out) fire|electrical fire|heat ?wave|flood(s|ing)?)\b",
    re.I,
)


# A weapon stopped as it was about to be used, not found in a search.
_STOPPED_IN_THE_ACT = re.compile(
    r"\b(?:attempt\w*|tried|trying|foil\w*|thwart\w*|prevent\w*|intercept\w*|shot down|defus\w*|dismantl\w*)\b",
    re.I,
)


def stopped_in_the_act(text: str) -> bool:
    """A weapon stopped as it was about to be used ("attempting to detonate", "defused"), not found in a search."""
    return _STOPPED_IN_THE_ACT.search(text) is not None


def classify(sentence: str) -> EventKind | None:
    """The sentence's kind of event, or None when it names no act ACLED codes."""
    sentence = without(
        sentence,
        [m.span() for r in (_FIGURATIVE, _REMEMBERED, _DISPOSAL, MASS_GRAVE) for m in r.finditer(sentence)],
    )
    if _ACCIDENT.search(sentence) and _by_words(_CASUALTY.sub(" ", sentence)) is None:
        return None  # "two helicopters crashed in bad weather, killing nine": the dead alone make no attack
    if fought_off(sentence):
        return _ARMED_CLASH
    if stopped_before_use(sentence):
        rest = without(sentence, disrupted_spans(sentence))
        done = _by_words(rest)
        if done is not None and done.sub_event_type == "Arrests" and not stopped_in_the_act(sentence):
            # "arrested 12 men and seized weapons including two mortars": arrests, as ACLED codes; not
            # "arrested two men attempting to detonate a car bomb", a bombing stopped
            return done
        if done is None or not (done.event_type in (EXPLOSIONS, BATTLES) or _CASUALTY.search(rest)):
            return _DISRUPTED_WEAPONS
        sentence = rest
    found = _by_words(sentence)
    if found and found.sub_event_type == "Air/drone strike" and _AIR_SUPPORT.search(sentence):
        ground = _by_words(_AIR_SUPPORT.sub(" ", sentence))
        if ground is not None and ground.event_type == BATTLES:
            return ground
    return demonstration_kind(sentence, found) if found else None
