"""Weapons stopped before use: ACLED's Strategic developments — Disrupted weapons use.

A device found and defused, a drone or rocket intercepted or shot down, a bombing foiled, a cache of
arms seized: the weapon is the object of the act (or, in the passive, its subject), and nothing went
off. A sentence that also tells of something that did go off, or of people killed, reports that act.
"""

from __future__ import annotations

import re

_WEAPON = (
    r"(?:explosive devices?|devices?|ieds?|vbieds?|(?:car |roadside |truck )?bombs?|explosives?|(?:land)?mines?|"
    r"rockets?|missiles?|projectiles?|mortar (?:rounds|shells|bombs)|shells|drones?|booby[- ]traps?|"
    r"(?:suicide|explosive) (?:belts?|vests?)|weapons?|arms|ammunition|munitions|caches?|depots?|stockpiles?|"
    r"launchers?|launch pads?)"
)
_STOPPED = (
    r"(?:defus(?:e|ed|es|ing)|dismantl\w+|disarm(?:ed|ing|s)?|deactivat\w+|neutrali[sz]\w+|intercept\w*|"
    r"shot down|shoot down|downed|found|discovered|uncovered|seized|confiscated|recovered|located|unearthed)"
)
_FOILED = r"(?:foil\w*|thwart\w*|prevent\w*|averted)"
_ATTEMPT = r"(?:attack|attempt|plot|bombing|suicide|car bomb)"

# "two IEDs", "a weapons cache containing rockets and mortar rounds": one weapon, or several named together.
_WEAPONS = rf"{_WEAPON}(?:[\s,]+(?:[\w'’-]+\s+){{0,3}}?{_WEAPON})*"

_DISRUPTED = re.compile(
    rf"\b{_STOPPED}(?: and \w+)?\s+(?:[\w,'’-]+\s+){{0,5}}?{_WEAPONS}\b"  # "found and defused two IEDs"
    rf"|\b{_WEAPON}\s+(?:[\w'’-]+\s+){{0,3}}?(?:was|were|had been|have been|has been|being)\s+(?:\w+\s+)?"
    rf"{_STOPPED}\b"  # "a launcher with six rockets was found"
    rf"|\b{_FOILED}\s+(?:[\w,'’-]+\s+){{0,4}}?{_ATTEMPT}\w*"  # "foiled a suicide attack"
    rf"|\b(?:{_WEAPON}\s+)?{_ATTEMPT}\w*\s+(?:[\w,'’-]+\s+){{0,5}}?(?:(?:was|were|has been|have been|had been)\s+)?"
    r"(?:foiled|thwarted|prevented|averted)\b"  # "an attack on a liquor store thwarted", "plot was foiled"
    r"|\b(?:controlled (?:explosion|detonation)|detonated (?:it|them) (?:safely|in a controlled)\w*)"
    rf"|\b(?:attempt(?:ed|ing)?|tried|trying) to (?:detonate|plant|blow up|launch|fire)\b"
    rf"(?:\s+(?:[\w'’-]+\s+){{0,3}}?{_WEAPONS}\b)?",
    re.I,
)

# What an act was meant to do is not what it did: "intended to target a convoy", "ready to launch".
_PURPOSE = re.compile(
    r"\b(?:intended|meant|planned|designed|ready|prepared|set|rigged|used|planning|aimed|primed) to \w+", re.I
)


def disrupted_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence tells of a weapon stopped before use, or of an intended use."""
    return [m.span() for m in _DISRUPTED.finditer(sentence)] + [m.span() for m in _PURPOSE.finditer(sentence)]


def stopped_before_use(sentence: str) -> bool:
    return _DISRUPTED.search(sentence) is not None


def without(sentence: str, spans: list[tuple[int, int]]) -> str:
    """The sentence with the spans blanked out, offsets kept."""
    chars = list(sentence)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
