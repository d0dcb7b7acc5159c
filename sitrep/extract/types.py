"""Incident triggers and ACLED event types, decided per sentence from what the sentence reports."""

from __future__ import annotations

import re
from dataclasses import dataclass

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE = "Violence against civilians"
STRATEGIC = "Strategic developments"
PROTESTS = "Protests"
RIOTS = "Riots"


@dataclass(frozen=True)
class EventKind:
    event_type: str
    sub_event_type: str
    rank: int  # higher wins when one sentence matches several kinds


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# Ordered from most to least specific; the first match with the highest rank decides (so fighting
# around a town "retaken by Iraqi forces" is a clash, and "Iraqi forces retake Ramadi" a regain).
KINDS: tuple[tuple[re.Pattern[str], EventKind], ...] = (
    (
        _rx(
            r"\bsuicide (bomb(er|ing|s)?|attack(er)?|car bomb|vest|belt)|\bblew (himself|herself|themselves) up"
        ),
        EventKind(EXPLOSIONS, "Suicide bomb", 9),
    ),
    (
        _rx(
            r"\b(air ?strikes?|airstrikes?|air raids?|drone strikes?|bombed from the air|warplanes?|drone attack|"
            r"fighter jets|(?:carried out|conducted|launched) (?:\w+ )?strikes)"
        ),
        EventKind(EXPLOSIONS, "Air/drone strike", 8),
    ),
    (
        _rx(r"\b(rockets?|mortars?|katyushas?|shell(ed|ing|s)|artillery|missiles?|projectiles?)\b"),
        EventKind(EXPLOSIONS, "Shelling/artillery/missile attack", 7),
    ),
    (_rx(r"\bgrenades?\b"), EventKind(EXPLOSIONS, "Grenade", 7)),
    (
        _rx(
            r"\b(explosive devices?|ieds?|roadside bombs?|car bombs?|bombs?|bombings?|landmines?|mines?|"
            r"explosions?|exploded|detonat(ed|ion)|blasts?|vbieds?|booby[- ]trap(ped)?|sticky bombs?)\b"
        ),
        EventKind(EXPLOSIONS, "Remote explosive/landmine/IED", 6),
    ),
    (
        _rx(
            r"\b(kidnap(s|ped|ping)?|abduct(s|ed|ion)?|taken hostage|took .{0,20}hostage|seized .{0,20}hostages?)\b"
        ),
        EventKind(VIOLENCE, "Abduction/forced disappearance", 5),
    ),
    (
        _rx(
            r"\b(clash(ed|es)?|battl(e|es|ed|ing)|fought|firefight|exchange of fire|gun ?battle|skirmish(es)?|fighting|"
            r"offensive|counter-?attacks?|push(es|ed)? (?:into|deeper|towards?)|advance(s|d)? (?:into|on|towards?))\b"
        ),
        EventKind(BATTLES, "Armed clash", 4),
    ),
    (
        _rx(
            r"\b(retak(e|es|en|ing)|retook|recaptur(e|es|ed|ing)|regain(s|ed)? control|liberat(e|es|ed|ing))\b"
        ),
        EventKind(BATTLES, "Government regains territory", 4),
    ),
    (
        _rx(
            r"\b(overr(un|an|uns)|falls? to|fell to|(the )?fall of (?!the\b|an?\b|power\b)[A-Z][\w-]+|(seiz(e|es|ed)|claim(s|ed)|gain(s|ed)) control|took (?-i:[A-Z])[\w-]+|take(s|n)? control of|"
            r"took control of|ha(s|d|ve) taken over|captur(e|es|ed|ing) (the )?(city|town|village|base|airport) of)\b"
        ),
        EventKind(BATTLES, "Non-state actor overtakes territory", 4),
    ),
    (
        _rx(
            r"\b(attack(ed|s)?|open(ed|s)? fire|fired (on|at|upon)|shot( dead)?|shoots?|gunned down|ambush(ed|es)?|"
            r"storm(ed|s)|assassinat(e|ed|ion|ions|es)|execut(ed|ion|es)|behead(ed|s)|stab(s|bed)|raided|"
            r"assault(ed|s)?|murdered|slaughter(s|ed)?|massacre(s|d)?|targeted|targets|targeting|killed|wounded|injured|kills?|wounds|"
            r"injures|killing|wounding)\b"
        ),
        EventKind(VIOLENCE, "Attack", 3),
    ),
    (
        _rx(r"\b(set (fire|ablaze)|torched|burn(ed|t) down|looted|demolished|destroyed)\b"),
        EventKind(STRATEGIC, "Looting/property destruction", 2),
    ),
    (_rx(r"\b(arrest(ed)?|detained|captured|apprehended)\b"), EventKind(STRATEGIC, "Arrests", 2)),
    (_rx(r"\b(rioters?|riot(ed|s)?|mob)\b"), EventKind(RIOTS, "Violent demonstration", 5)),
    (
        _rx(r"\b(protest(ers|ed|s)?|demonstrat(ors|ed|ion|ions)|rall(y|ied))\b"),
        EventKind(PROTESTS, "Peaceful protest", 1),
    ),
)

# Targets that make an armed attack a battle (armed on both sides) rather than violence against civilians.
_ARMED_TARGET = _rx(
    r"\b(soldiers?|troops?|army|military|checkpoints?|posts?|outposts?|watchtowers?|patrols?|base|barracks|"
    r"police(men)?|officers?|security forces|fighters?|militi(a|as|amen)|peshmerga|hashd|pmf|pmu|"
    r"volunteer forces|popular mobili[sz]ation|tribal (forces|fighters|mobili[sz]ation)|sahwa|convoy)\b"
)


_PASSIVE_ARMED = re.compile(
    r"\b(soldiers?|troops?|policem[ae]n|police ?officers?|officers?|fighters?|peshmerga|members of the security "
    r"forces|security (forces|personnel|members))\b[^.;]{0,40}\b(was|were|have been|had been)\s+"
    r"(killed|wounded|injured|hurt)",
    re.I,
)


_ATTACK = next(pattern for pattern, kind in KINDS if kind.sub_event_type == "Attack")


def _attack_on_armed(sentence: str) -> bool:
    """The target is armed: named after the act ("attacked an army post") or as the dead ("two soldiers were killed")."""
    act = _ATTACK.search(sentence)
    after = sentence[act.start() :] if act else sentence
    return bool(_ARMED_TARGET.search(after) or _PASSIVE_ARMED.search(sentence))


def classify(sentence: str) -> EventKind | None:
    best: EventKind | None = None
    for pattern, kind in KINDS:
        if pattern.search(sentence) and (best is None or kind.rank > best.rank):
            best = kind
    if (
        best
        and best.event_type == VIOLENCE
        and best.sub_event_type == "Attack"
        and _attack_on_armed(sentence)
    ):
        return EventKind(BATTLES, "Armed clash", best.rank)
    return best
