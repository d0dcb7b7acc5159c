"""Demonstrations: a crowd protesting peacefully, met with force, or turning violent (ACLED's Protests and Riots).

Who does what to whom decides. Protesters who storm, burn or clash make a riot (Violent demonstration).
Force used on protesters (they are its object: "fired on protesters", "protesters were shot", "killed
during the protest") is Excessive force when it kills or uses live fire, else Protest with intervention
(tear gas, water cannon, arrests, beatings). A protest with neither is a Peaceful protest.
"""

from __future__ import annotations

import re

from .typology import EXPLOSIONS, EventKind, kind

_CROWD = r"(?:protesters?|protestors?|demonstrators?|marchers|crowds? of protesters|sit-in participants|rally-goers)"
_GATHERING = r"(?:protests?|demonstrations?|rall(?:y|ies)|sit-ins?|marches)"

_PROTEST = re.compile(
    rf"\b(?:{_CROWD}|{_GATHERING}|protest(?:ed|ing)|demonstrat(?:ed|ing)|rallied|march(?:ed|ing))\b"
    # "police fired tear gas to disperse a march": a crowd dispersed is a protest met with force
    r"|\b(?:a|the|their|this|that)\s+(?:[\w-]+\s+)?(?-i:march)\b"
    r"|\b(?:tear ?gas|water cannons?|rubber bullets|stun grenades?)\b[^.;]{0,60}\bto (?:disperse|break up)\b",
    re.I,
)
# Means used only on crowds: a protest told with them was met with force.
_CROWD_CONTROL = re.compile(r"\b(?:tear ?gas|water cannons?|rubber bullets|stun grenades?)\b", re.I)

# Force: the acts security forces, gunmen or counter-demonstrators use on a crowd.
_FORCE = (
    r"(?:killed|killing|shot|shooting|fired|opened fire|live (?:fire|ammunition|rounds|bullets)|snipers?|"
    r"wounded|wounding|injured|injuring|hurt|tear ?gas|water cannons?|rubber bullets|batons?|beat(?:en|ing)?|"
    r"dispers\w+|break up|broke up|arrested|detained|attacked|assaulted|stabbed|stun grenades?)"
)
_ON_THE_CROWD = re.compile(
    rf"\b{_FORCE}\b[^.;]{{0,50}}?\b{_CROWD}\b"  # "opened fire on protesters"
    rf"|\b{_CROWD}\b[^.;]{{0,50}}?\b(?:was|were|have been|had been|are|being)\s+(?:\w+\s+)?{_FORCE}\b"  # passive
    rf"|\b{_FORCE}\b[^.;]{{0,40}}?\b(?:during|at|amid|against) (?:the |a |an )?(?:[\w-]+ ){{0,3}}{_GATHERING}\b"
    rf"|\b{_FORCE}\s+(?:[\w-]+\s+){{0,2}}?in (?:the |a )?(?:[\w-]+ ){{0,2}}{_GATHERING}\b"  # "killed in the protests"
    rf"|\bto (?:disperse|break up|suppress|quell) (?:the |a )?(?:[\w-]+ ){{0,3}}(?:{_CROWD}|{_GATHERING}|men|youths|people)\b",
    re.I,
)
_LETHAL = re.compile(
    r"\b(killed|killing|shot dead|died|dead|deaths?|live (fire|ammunition|rounds|bullets)|snipers?|opened fire|"
    r"fired (live|bullets|into|on|at)|gunfire|machine[- ]?guns?)\b",
    re.I,
)
# What a crowd does to a building or a camp, told with the crowd as its subject ("protesters stormed", not
# "protesters were attacked"): what comes between the crowd and the verb, and the verbs.
_AS_ITS_SUBJECT = r"[^.;]{0,60}?(?<!were )(?<!was )(?<!been )(?<!being )\b"
_WRECKS = (
    r"(?:stormed|torched|set fire|set ablaze|burn(?:ed|t)|smashed|looted|ransacked|vandali[sz]ed|broke into|"
    r"broke through|breached|rioted)"
)
# The crowd's own violence: it wrecks, throws or attacks, or it clashes.
_CROWD_VIOLENCE = re.compile(
    rf"\b{_CROWD}\b{_AS_ITS_SUBJECT}(?:{_WRECKS}|threw|hurled|pelted|attacked)\b"
    rf"|\b(?:clash(?:ed|es)?|skirmish(?:ed|es)?|fought)\b[^.;]{{0,30}}?\b{_CROWD}\b"
    rf"|\b{_CROWD}\b[^.;]{{0,40}}?\bclash(?:ed|es)?\b",
    re.I,
)


# A crowd not called protesters that storms, burns or wrecks a building or a camp is a riot all the same
# ("thousands of Sadr supporters stormed the Republican Palace", "a mob set fire to the consulate").
_NAMED_CROWD = (
    r"(?:supporters|followers|loyalists|mourners|rioters|mobs?|crowds?|youths|(?:hundreds|thousands) of "
    r"(?:people|men|residents))"
)
_CROWD_WRECKS = re.compile(rf"\b{_NAMED_CROWD}\b{_AS_ITS_SUBJECT}{_WRECKS}\b", re.I)


# Who a person is, between commas: "Mahdi al-Tamimi, a lawyer who had represented detained protesters, was
# shot dead" tells of no protest.
_WHO_THEY_ARE = re.compile(r",\s*(?:a|an|the)\s[^,;]{0,60}?\bwho(?:m|se)?\b[^,;]{0,120}?,")


def demonstration_kind(sentence: str, base: EventKind) -> EventKind:
    """The sentence's kind once any protest it tells of is taken into account; `base` when it tells of none
    (or of a bomb, rocket or air strike, which stays remote violence whoever it hit)."""
    if base.event_type == EXPLOSIONS:
        return base
    sentence = _WHO_THEY_ARE.sub(",", sentence)
    if not _PROTEST.search(sentence):
        return kind("Violent demonstration", max(base.rank, 5)) if _CROWD_WRECKS.search(sentence) else base
    if _CROWD_VIOLENCE.search(sentence) or base.sub_event_type == "Violent demonstration":
        return kind("Violent demonstration", max(base.rank, 5))
    if _ON_THE_CROWD.search(sentence) or _CROWD_CONTROL.search(sentence):
        if _LETHAL.search(sentence):
            return kind("Excessive force against protesters", max(base.rank, 5))
        return kind("Protest with intervention", max(base.rank, 4))
    return base
