"""Actors: canonical names for the many aliases, and who acted (actor1) and who was targeted (actor2).

Attribution follows the text: "no group claimed responsibility" leaves the attacker unidentified
unless the text goes on to say sources attributed the attack to someone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Actor

UNIDENTIFIED = "Unidentified Armed Group (Iraq)"
CIVILIANS = "Civilians (Iraq)"
MILITARY = "Military Forces of Iraq"
POLICE = "Police Forces of Iraq"
PMF = "Popular Mobilization Forces"
IS = "Islamic State"
US_MILITARY = "Military Forces of the United States"

# Canonical name -> aliases (regular expressions, case-insensitive unless the alias is all capitals).
ALIASES: dict[str, tuple[str, ...]] = {
    IS: (
        r"islamic state(?: of iraq and (?:the levant|syria|al-sham))?",
        r"\bISIL\b",
        r"\bISIS\b",
        r"\b(?-i:Isis)\b",  # as the Guardian writes it
        r"\bIS\b",
        r"daesh",
        r"da'?esh",
    ),
    PMF: (
        r"popular mobili[sz]ation (?:forces|units|committee)",
        r"\bPMF\b",
        r"\bPMU\b",
        r"al-hashd al-shaabi",
        r"hashd(?: al-shaabi)?",
        r"iraqi volunteer forces",
    ),
    "Ahl al-Marouf": (r"ahl al-ma'?rouf",),
    "Kataib Hezbollah": (r"kata'?e?ib hez?bollah", r"kata'?eb hez?bollah"),
    "Saraya Awliya al-Dam": (r"saraya awliya al-dam",),
    "Kurdistan Workers' Party": (r"\bPKK\b", r"kurdistan workers'? party"),
    "Military Forces of Iraq (Peshmerga)": (r"peshmerga",),
    "Coalition Forces": (r"(?:us-led |u\.s\.-led |international )?coalition(?: forces)?",),
    "Tribal Militia (Iraq)": (r"tribal (?:militias?|fighters|mobili[sz]ation|forces)", r"\bsahwa\b"),
    POLICE: (r"police(?:men| officers?| forces)?", r"federal police"),
    US_MILITARY: (
        r"\bU\.?S\.?(?:-led)? (?:military|forces|troops|soldiers|warplanes|drones?|aircraft|jets|army|navy|marines|"
        r"air ?strikes?|special (?:operations )?forces)",
        r"\b(?:the )?(?:U\.S\.|United States)(?= (?:launched|carried out|conducted|struck|bombed|hit|killed))",
        r"american (?:warplanes|drones?|aircraft|jets|forces|troops|soldiers|air ?strikes?)",
    ),
    "Military Forces of Turkey": (
        r"turk(?:ish|ey's) (?:drones?|warplanes|jets|army|forces|military|air force)",
    ),
    MILITARY: (
        r"iraqi (?:air force|f-16s?|jets|warplanes|aircraft|helicopters)",
        r"(?:iraqi )?(?:army|soldiers?|troops|military)",
        r"(?:iraqi )?security (?:forces|members|personnel)",
        r"counter[- ]terrorism service",
    ),
    CIVILIANS: (
        r"civilians?",
        r"children",
        r"farmers?",
        r"shepherds?",
        r"(?:liquor )?store owners?",
        r"liquor stores?",
        r"shops?",
        r"markets?",
        r"employees?",
        r"workers?",
        r"residents?",
        r"worshippers?",
        r"pilgrims?",
        r"students?",
    ),
}
_COMPILED = [
    (name, re.compile(a, 0 if a[2:4].isupper() else re.I))
    for name, aliases in ALIASES.items()
    for a in aliases
]
_ARMED_GROUPS = {IS, "Ahl al-Marouf", "Kataib Hezbollah", "Saraya Awliya al-Dam", "Kurdistan Workers' Party"}
_CLAIM = re.compile(r"(?P<who>[^.;]{0,80}?)\s+(?:has |have )?claimed responsibility", re.I)
_NO_CLAIM = re.compile(r"\bno (?:group|one|party) (?:has |had )?(?:claimed|claims)\b", re.I)
_ATTRIBUTED = re.compile(
    r"\b(?:(?:attributed|blamed|suspected)\b[^.;]{0,60}?\b(?:to|on)\b|suspected the involvement of|"
    r"(?:accused|blamed|suspected)\b)(?P<who>[^.;]{0,80})",
    re.I,
)
_BY = re.compile(r"\b(?:by|from)\s+(?P<who>(?:suspected\s+)?[^.;,]{0,60})", re.I)
# The two sides of a fight: "clashes between Iraqi army and ISIS militants". An armed group among them is
# actor1 (as "attack by" names it), the other side actor2.
_BETWEEN = re.compile(r"\bbetween\s+(?P<a>[^.;,]{2,60}?)\s+and\s+(?P<b>[^.;,]{2,60})", re.I)
# An armed group named as the maker of the act, as headlines name it: "in an ISIS attack", "a Daesh/ISIS
# terror attack", "IS assault on Hashd members" (not its members, who may be the ones hit: "killed ISIS militants").
_GROUPS_ACT = re.compile(
    r"(?P<who>(?:[\w'’.-]+[\s/]+){1,2}?)(?:terror(?:ist)?\s+|suicide\s+|bomb\s+)?"
    r"(?:attacks?|assaults?|ambush(?:es)?|bombings?|raids?|offensive)\b",
    re.I,
)
_VICTIM_VERB = re.compile(r"\b(killed|wounded|injured|kidnapped|abducted|attacked|died|dead|deaths)\b", re.I)
_TARGET = re.compile(r"\b(?:targeting|targeted|against|on|at)\s+(?P<who>[^.;]{0,80})", re.I)


def _named(text: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Every actor's name in `text` with where it stands, alias by alias in the table's order."""
    for name, rx in _COMPILED:
        for m in rx.finditer(text):
            yield name, m


def canonical(text: str) -> Actor | None:
    """The first actor named in `text` (leftmost alias wins)."""
    first = min(_named(text), key=lambda found: found[1].start(), default=None)
    return Actor(first[0], first[1].group()) if first else None


@dataclass(frozen=True)
class Attribution:
    actor1: Actor | None
    actor2: Actor | None
    sentence_index1: int | None
    sentence_index2: int | None


_STATE_FORCES = {
    MILITARY,
    POLICE,
    PMF,
    "Military Forces of Iraq (Peshmerga)",
    "Coalition Forces",
    "Military Forces of Turkey",
    US_MILITARY,
}


_PASSIVE_END = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
_ANOTHER_ARMY = re.compile(r"\b(?!Iraqi\b|The\b|Iraq'?s\b)(?-i:[A-Z])[\w-]+\s+$")


def takes_for_the_state(before: str) -> bool | None:
    """Whether the side named last in `before` (the words before a verb of taking ground) is a state force
    (True), an armed group (False), or neither is named (None): "Iraqi federal police say they have taken
    control of al-Hud", "IS fighters retook the village"."""
    if _PASSIVE_END.search(before):
        return None  # "the village ... was retaken by Iraqi forces": the taker comes after the verb
    # not "Mahdi Army fighters": a militia's name, not Iraq's army
    named = (
        (name, m)
        for name, m in _named(before)
        if not (name == MILITARY and _ANOTHER_ARMY.search(before, 0, m.start()))
    )
    last = max(named, key=lambda found: found[1].start(), default=None)
    if last is None:
        return None
    if last[0] in _STATE_FORCES:
        return True
    return False if last[0] in _ARMED_GROUPS else None


def _state_force(sentences: list[str]) -> tuple[Actor | None, int | None]:
    for i, s in enumerate(sentences):
        found = canonical(s)
        if found and found.name in _STATE_FORCES:
            return found, i
    return None, None


def _sides(sentences: list[str]) -> tuple[Actor | None, int | None, Actor | None, int | None]:
    """An armed group named as one side of a fight ("between X and Y"): it, and the other side."""
    for i, s in enumerate(sentences):
        for m in _BETWEEN.finditer(s):
            a, b = canonical(m["a"]), canonical(m["b"])
            for group, other in ((a, b), (b, a)):
                if group and group.name in _ARMED_GROUPS:
                    return group, i, other, (i if other else None)
    return None, None, None, None


def attribute(sentences: list[str], by_state: bool = False) -> Attribution:
    """Actor1 from claims and attributions (else an armed group named as the doer); actor2 from the target.

    For acts only states do (arrests, air strikes) the actor is the state force named, when one is.
    `sentences` are as read (`SentenceInfo.read`: "attaked" put right).
    """
    actor1: Actor | None = None
    idx1: int | None = None
    if by_state:
        actor1, idx1 = _state_force(sentences)
        if actor1:
            return Attribution(actor1, None, idx1, None)
    for i, s in enumerate(sentences):
        for rx in (_ATTRIBUTED, _CLAIM):
            for m in rx.finditer(s):
                if rx is _CLAIM and _NO_CLAIM.search(m.group()):
                    continue
                found = canonical(m["who"])
                if found and found.name in _ARMED_GROUPS | {PMF}:
                    actor1, idx1 = found, i
        if actor1:
            break
    actor2: Actor | None = None
    idx2: int | None = None
    if actor1 is None:
        actor1, idx1, actor2, idx2 = _sides(sentences)
    if actor1 is None:
        for i, s in enumerate(sentences):
            for m in _BY.finditer(s):
                found = canonical(m["who"])
                if found and found.name in _ARMED_GROUPS:
                    actor1, idx1 = found, i
                    break
            for m in _GROUPS_ACT.finditer(s) if actor1 is None and not _NO_CLAIM.search(s) else ():
                found = canonical(m["who"])
                if found and found.name in _ARMED_GROUPS:
                    actor1, idx1 = found, i
                    break
            if actor1 is None:
                lead = canonical(s[:60])
                if lead and lead.name in _ARMED_GROUPS and not _NO_CLAIM.search(s):
                    actor1, idx1 = lead, i
            if actor1:
                break
    for i, s in enumerate(sentences if actor2 is None else ()):
        for m in _TARGET.finditer(s):
            found = canonical(m["who"])
            if found and (actor1 is None or found.name != actor1.name):
                actor2, idx2 = found, i
                break
        for m in _VICTIM_VERB.finditer(s) if actor2 is None else ():
            around = (canonical(s[max(0, m.start() - 60) : m.start()]), canonical(s[m.end() : m.end() + 40]))
            found = next(
                (
                    a
                    for a in around
                    if a and a.name not in _ARMED_GROUPS and (actor1 is None or a.name != actor1.name)
                ),
                None,
            )
            if found:
                actor2, idx2 = found, i
                break
        if actor2:
            break
    return Attribution(actor1 or Actor(UNIDENTIFIED, ""), actor2, idx1, idx2)
