"""Weapons stopped before use: ACLED's Strategic developments — Disrupted weapons use.

A device found and defused, a drone or rocket intercepted or shot down, a bombing foiled, a cache of
arms seized: the weapon is the object of the act (or, in the passive, its subject), and nothing went
off. A sentence that also tells of something that did go off, or of people killed, reports that act.
"""

from __future__ import annotations

import re

from .place_names import CAPITALS_HEAD

_GOES_OFF_WORD = r"(?:explo\w+|detonat\w+|went|blew|fired|launched|hit|struck|killed|wounded)"
_WEAPON = (
    r"(?:explosive devices?|devices?|ieds?|vbieds?|(?:car |roadside |truck )?bombs?|explosives?|(?:land)?mines?|"
    r"rockets?|missiles?|projectiles?|mortar (?:rounds|shells|bombs)|mortars?|shells|drones?|booby[- ]traps?|"
    r"(?:suicide|explosive) (?:belts?|vests?)|weapons?|arms|ammunition|munitions|caches?|depots?|stockpiles?|"
    r"launchers?|launch pads?)"
)
_STOPPED = (
    r"(?:defus(?:e|ed|es|ing)|dismantl\w+|disarm(?:ed|ing|s)?|deactivat\w+|neutrali[sz]\w+|intercept\w*|"
    r"shot down|shoot down|downed|found|discovered|uncovered|seized|confiscated|recovered|located|unearthed)"
)
_FOILED = r"(?:foil\w*|thwart\w*|prevent\w*|averted)"
_ATTEMPT = r"(?:attack|attempt|plot|bombing|suicide|car bomb)"

# "two IEDs", "a weapons cache containing rockets and mortar rounds", "a launcher still loaded with four
# rockets": one weapon, or several named together (not "a launcher that fired four rockets").
_WEAPONS = rf"{_WEAPON}(?:[\s,]+(?:(?!{_GOES_OFF_WORD}\b)[\w'’-]+\s+){{0,4}}?{_WEAPON})*"

# A headline's passive drops its "was": "An explosive device placed in front of a house in Mansour
# dismantled", "Roadside bomb defused in Tarmiyah". The weapon opens the sentence, nothing goes off on the
# way, and the stopping verb ends it or comes before where it was.
_GOES_OFF = (
    r"(?:explo\w+|detonat\w+|went off|blew|blast\w*|kill\w*|wound\w*|injur\w*|hit|struck|target\w*|launch\w*|"
    r"fir(?:ed|ing))"
)
_HEADLINE_STOPPED = (
    # the weapon is the subject: before it only a number and words that are no verb ("Assailants launched"),
    # after a brief's place in capitals ("BAGHDAD — IED defused.")
    rf"^\W*(?:{CAPITALS_HEAD})?(?:(?:an?|the|one|two|three|four|five|\d+)\s+)?"
    rf"(?:(?!(?!improvised|unexploded)\w+ed\b)[\w'’-]+\s+){{0,2}}?{_WEAPONS}\b"
    rf"(?:(?!\b{_GOES_OFF}\b)[^.;:!?]){{0,160}}?"
    # with no "was" before the verb (nor "was safely"): a sentence that has one says so in full, above
    r"(?<!\bwas)(?<!\bwere)(?<!\bbeen)(?<!\bbeing)(?<!\bis)(?<!\bare)(?<!ly)"
    rf"\s{_STOPPED}(?: and \w+)?"
    r"(?=\s*(?:[.!]?\s*$|,|\s(?:in|near|at|on|by|inside|outside|north|south|east|west)\b))"
)

_DISRUPTED = re.compile(
    rf"{_HEADLINE_STOPPED}"
    rf"|\b{_STOPPED}(?: and \w+)?\s+(?:[\w,'’-]+\s+){{0,5}}?{_WEAPONS}\b"  # "found and defused two IEDs"
    rf"|\b{_WEAPON}\s+(?:[\w'’-]+\s+){{0,3}}?(?:was|were|had been|have been|has been|being)\s+(?:\w+\s+)?"
    rf"{_STOPPED}\b"  # "a launcher with six rockets was found"
    rf"|\b{_FOILED}\s+(?:[\w,'’-]+\s+){{0,4}}?{_ATTEMPT}\w*"  # "foiled a suicide attack"
    rf"|\b(?:{_WEAPON}\s+)?{_ATTEMPT}\w*\s+(?:[\w,'’-]+\s+){{0,5}}?(?:(?:was|were|has been|have been|had been)\s+)?"
    r"(?:foiled|thwarted|prevented|averted)\b"  # "an attack on a liquor store thwarted", "plot was foiled"
    # "weapons and explosives seized during a raid": the participle after the weapon
    rf"|\b{_WEAPONS}\s+(?:(?:that|which)\s+(?:were|was|had been)\s+)?{_STOPPED}\s+(?:during|in|at|from|by)\b"
    r"|\b(?:controlled (?:explosion|detonation)|detonated (?:it|them) (?:safely|in a controlled)\w*)"
    rf"|\b(?:attempt(?:ed|ing)?|tried|trying) to (?:detonate|plant|blow up|launch|fire)\b"
    rf"(?:\s+(?:[\w'’-]+\s+){{0,3}}?{_WEAPONS}\b)?",
    re.I,
)

# Forces who thwart or foil an armed attack fought it off: a battle, not a weapon stopped before use ("PMF
# thwarts an ISIS attack east of Anbar", "troops foiled an attack on a checkpoint"). A bombing, a device or
# a rocket named as the attack is still a weapon stopped ("security forces thwart a car bombing").
_REMOTE = (
    r"(?:bomb\w*|ieds?|explosi\w+|suicide|car|vehicle|rockets?|missiles?|mortars?|drones?|devices?|mines?)"
)
_FOUGHT_OFF = re.compile(
    r"\b(?:forces|troops|army|soldiers|police(?:men)?|pmf|hashd|peshmerga|fighters|guards|units)\s+"
    r"(?:\w+\s+)?(?:thwart(?:s|ed)?|foil(?:s|ed)?)\s+(?:an?|the)\s+"
    rf"(?:(?!{_REMOTE}\b)[\w-]+\s+){{0,3}}?(?:attack|assault|infiltration)\b(?![^.;]*\b{_REMOTE}\b)",
    re.I,
)


def fought_off(sentence: str) -> bool:
    """Forces thwarted an armed attack (one told with no bomb, rocket or device)."""
    return _FOUGHT_OFF.search(sentence) is not None


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
