"""ACLED's event typology: its six event types and their sub-event types, the only values an incident's
`event_type` and `sub_event_type` take."""

from __future__ import annotations

from dataclasses import dataclass

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

TYPOLOGY: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VIOLENCE: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

_EVENT_TYPE_OF = {sub: event_type for event_type, subs in TYPOLOGY.items() for sub in subs}


@dataclass(frozen=True)
class EventKind:
    event_type: str
    sub_event_type: str
    rank: int  # higher wins when one sentence, or one incident's sentences, match several kinds


def kind(sub_event_type: str, rank: int) -> EventKind:
    """The kind of event of an ACLED sub-event type; a name outside the typology is a `KeyError`."""
    return EventKind(_EVENT_TYPE_OF[sub_event_type], sub_event_type, rank)
