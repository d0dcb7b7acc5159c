"""Whether two reports describe one incident: a score from features a careful coder weighs, and vetoes.

Each feature adds evidence for or against (in log-odds-like points): the date gap, the distance between
the places (or one place containing the other), the event types, the counts of dead and wounded, the
actors, and the words the reports share about the target ("army post", "liquor store", "watchtower").
A veto ("cannot link") marks two reports that are clearly different incidents — different towns far
apart, different governorates, dates days apart, a protest and a bombing — so grouping never chains
them together through a third report.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..extract.nlp import stop_words
from ..geo.admin1 import GOVERNORATES, fold
from ..geo.distance import km_between
from ..geo.gazetteer import name_keys, skeleton
from ..model import Mention, Place, Source

# Means of attack a report rarely gets wrong: a suicide bombing is not a rocket attack or an air strike.
_DISTINCT_MEANS = frozenset(
    {"Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack", "Grenade"}
)
# What a headline calls any armed violence: compatible with every more specific kind.
VAGUE_KINDS = frozenset({"Attack", "Armed clash"})
_CITY = 30  # gazetteer importance of a city: sharing it says less than sharing a village
_TOWNS_APART_KM = 10  # two different towns this far apart are two incidents
_NEAR_KM = 25  # "near X" or a district's centre: farther than this is elsewhere
MAX_DAYS_APART = 3  # reports of one incident are published up to a few days apart
_FAMILIES = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Strategic developments": "strategic",
}
# Words every report of violence uses: they say nothing about which incident.
_GENERIC = frozenset(
    """
    iraq iraqi iraqis killed kill kills wounded wound injured injures attack attacks attacked people
    said says reported report reports sources source official officials security forces province
    governorate district city town village area near north south east west monday tuesday wednesday
    thursday friday saturday sunday today yesterday night morning evening incident claimed responsibility
    group including least number others members member member's islamic state isis isil daesh one two
    three four five six seven eight nine ten dozens several levant assailant assailants attributed
    gunmen unknown unidentified
    """.split()  # noqa: SIM905
)
_WORD = re.compile(r"[a-z][a-z]{2,}")
# Words reports use for the same thing ("blast", "explosion", "IED"; "airbase", "base").
_SAME_THING = {
    **dict.fromkeys(
        ("blast", "explosion", "bomb", "bombing", "ied", "device", "explosive", "exploded"), "explosive"
    ),
    **dict.fromkeys(("airbase", "base", "camp"), "base"),
    **dict.fromkeys(("policeman", "policemen", "police", "officer"), "police"),
    **dict.fromkeys(("soldier", "troop", "army"), "army"),
    **dict.fromkeys(("supply", "logistic", "logistical", "convoy"), "convoy"),
    **dict.fromkeys(("rocket", "katyusha", "missile"), "rocket"),
    **dict.fromkeys(("shop", "store"), "shop"),
    **dict.fromkeys(("pylon", "tower", "transmission", "electricity", "power"), "power"),
    **dict.fromkeys(("kidnapped", "kidnap", "abducted", "abduct", "kidnapping", "abduction"), "abduct"),
}
# Who reports say was hit, as classes two reports of one incident would share.
_VICTIM_CLASS = {
    **dict.fromkeys(("army", "military"), "soldiers"),
    **dict.fromkeys(("police", "policemen", "policeman"), "police"),
    **dict.fromkeys(
        ("pmf", "hashd", "militia", "militiamen", "volunteer", "mobilization", "sahwa", "tribal"), "militia"
    ),
    **dict.fromkeys(("peshmerga",), "peshmerga"),
    **dict.fromkeys(("shepherd", "herder", "herdsmen", "sheep"), "shepherds"),
    **dict.fromkeys(("farmer", "farmers", "poultry"), "farmers"),
    **dict.fromkeys(("child", "children", "boy", "girl", "kid"), "children"),
    **dict.fromkeys(("pilgrim", "worshipper", "mosque", "shrine"), "worshippers"),
    **dict.fromkeys(("doctor", "physician", "nurse", "hospital"), "medics"),
    **dict.fromkeys(("candidate", "election", "electoral"), "candidate"),
    **dict.fromkeys(("journalist", "reporter", "cameraman"), "journalist"),
    **dict.fromkeys(("activist", "protester", "demonstrator"), "activist"),
    **dict.fromkeys(("judge", "lawyer"), "judiciary"),
    **dict.fromkeys(("contractor", "coalition"), "coalition"),
    **dict.fromkeys(("student", "teacher", "school"), "school"),
    **dict.fromkeys(("liquor", "alcohol", "alcoholic"), "liquor"),
}
# Who told the story is not who was hit: "an army officer said", "according to police".
_ATTRIBUTION = re.compile(
    r"\b(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}(?:officials?|officers?|police|sources?|spokesm[ae]n|ministry|medics?)"
    r"\s+(?:said|says|say|told|reported|added)\b|\baccording to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:police|officials?|sources?|officers?|ministry|medics?)\b",
    re.I,
)
_PLACE_WORDS = frozenset(w for _, _, aliases in GOVERNORATES.values() for a in aliases for w in a.split())


# Regions of Iraq news names instead of a place, as the governorates they cover.
_SOUTH = frozenset({"IQ-BA", "IQ-DQ", "IQ-MU", "IQ-MA", "IQ-QA", "IQ-NA", "IQ-KA", "IQ-BB", "IQ-WA"})
_NORTH = frozenset({"IQ-NI", "IQ-DA", "IQ-AR", "IQ-SU", "IQ-KI", "IQ-SD", "IQ-HA"})
_REGIONS = {
    "south": _SOUTH,
    "north": _NORTH,
    "west": frozenset({"IQ-AN"}),
    "east": frozenset({"IQ-DI", "IQ-WA", "IQ-MA"}),
}
_REGION = re.compile(r"\b(south|north|west|east)(?:ern)?\s+Iraq\b|\b(S|N|W|E)\.? Iraq\b", re.I)
_LETTER = {"s": "south", "n": "north", "w": "west", "e": "east"}


def region_of(texts: tuple[str, ...]) -> frozenset[str]:
    """The governorates a report means by "southern Iraq", "western Iraq" (empty when it names none)."""
    for t in texts:
        m = _REGION.search(t)
        if m:
            return _REGIONS[(m.group(1) or _LETTER[m.group(2).lower()]).lower()]
    return frozenset()


def content_words(texts: tuple[str, ...], place: Place | None = None) -> frozenset[str]:
    """What a report says beyond the formula and the place (compared on its own): targets, weapons,
    people ("liquor", "pylons", "watchtower", "candidate")."""
    skip = set(_PLACE_WORDS)
    if place is not None:
        skip |= set(fold(place.name).split()) | set(fold(place.admin1 or "").split())
    words = {w for t in texts for w in _WORD.findall(fold(_ATTRIBUTION.sub(" ", t)))}
    stems = {w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 4 else w for w in words}
    stems = {_SAME_THING.get(w, w) for w in stems}
    return frozenset(w for w in stems if w not in stop_words() and w not in _GENERIC and w not in skip)


@dataclass(frozen=True)
class Report:
    """One mention as linking sees it, with its sources and the words it uses."""

    mention: Mention
    published: date | None
    sources: tuple[Source, ...]
    words: frozenset[str]
    # The governorates of "southern Iraq" and the like, for a report that names no place.
    region: frozenset[str] = frozenset()
    # Derived once here, not again for each of the many pairs a report is compared in:
    victims: frozenset[str] = field(init=False)  # who was hit: soldiers, police, shepherds, a candidate...
    name_keys: frozenset[str] = field(init=False)  # spelling-tolerant keys of the small places named

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "victims", frozenset(_VICTIM_CLASS[w] for w in self.words if w in _VICTIM_CLASS)
        )
        object.__setattr__(self, "name_keys", _name_keys(self.mention.place_names))

    @property
    def key(self) -> tuple[str, int]:
        return (self.mention.article_id, self.mention.index)

    @property
    def family(self) -> str:
        return _FAMILIES.get(self.mention.event_type, "other")


@dataclass(frozen=True)
class Comparison:
    score: float
    vetoed: bool
    reasons: tuple[str, ...]


def _km(a: Mention, b: Mention) -> float | None:
    if a.place is None or b.place is None:
        return None
    return km_between((a.place.latitude, a.place.longitude), (b.place.latitude, b.place.longitude))


def _days_apart(a: Mention, b: Mention) -> int | None:
    if a.event_date is None or b.event_date is None:
        return None
    return abs((a.event_date - b.event_date).days)


def _veto(a: Report, b: Report, km: float | None) -> str | None:
    ma, mb = a.mention, b.mention
    if ma.article_id == mb.article_id:
        return "same article (its incidents were told apart by the extractor)"
    if a.family != b.family:
        return f"{ma.event_type} vs {mb.event_type}"
    days = _days_apart(ma, mb)
    vague = {ma.date_precision, mb.date_precision} - {"day"}
    if days is not None and days > (7 if vague else MAX_DAYS_APART):
        return f"{days} days apart"
    pa, pb = ma.place, mb.place
    if pa is not None and pb is not None:
        if pa.country != pb.country:
            return f"{pa.country} vs {pb.country}"
        km = km or 0.0
        if pa.admin1_code and pb.admin1_code and pa.admin1_code != pb.admin1_code and km > 25:
            return f"{pa.admin1} vs {pb.admin1}"
        towns = pa.geo_precision == 1 and pb.geo_precision == 1 and pa.place_id != pb.place_id
        if (towns and km > _TOWNS_APART_KM) or (
            pa.geo_precision < 3 and pb.geo_precision < 3 and km > _NEAR_KM
        ):
            return f"{pa.name} and {pb.name} are {km:.0f} km apart"
    if a.name_keys and b.name_keys and not a.name_keys & b.name_keys:
        return f"different places named: {', '.join(ma.place_names)} / {', '.join(mb.place_names)}"
    fa, fb = ma.fatalities, mb.fatalities
    if min(fa, fb) >= 5 and max(fa, fb) > 3 * min(fa, fb):
        return f"{fa} vs {fb} killed"
    if (
        ma.sub_event_type in _DISTINCT_MEANS
        and mb.sub_event_type in _DISTINCT_MEANS
        and ma.sub_event_type != mb.sub_event_type
    ):
        return f"{ma.sub_event_type} vs {mb.sub_event_type}"
    return None


def _name_keys(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(skeleton(k) for n in names for k in name_keys(fold(n))[-1:])


_UPDATE = re.compile(
    r"\b(toll|rose|risen|rises|climbed|correction|corrected|not \w+ as (?:previously|earlier))\b", re.I
)


def _updates(r: Report) -> bool:
    """The report revises a toll ("the death toll rose to", "a correction: two, not five as reported")."""
    return any(_UPDATE.search(e.text) for e in r.mention.evidence)


def _exact(m: Mention) -> bool:
    return m.fatalities_low == m.fatalities == m.fatalities_high


def word_weights(reports: Sequence[Report]) -> dict[str, float]:
    """Inverse document frequency over the reports being linked: 'liquor' says more than 'convoy'."""
    df = Counter(w for r in reports for w in r.words)
    n = len(reports)
    return {w: math.log(1 + n / k) for w, k in df.items()}


def _shared_words(
    a: Report, b: Report, weights: Mapping[str, float], rank: bool = True
) -> tuple[float, list[str]]:
    """Weighted cosine of the two reports' word sets (0 to 1) and the words shared, rarest first."""
    shared = a.words & b.words

    def weight(ws: frozenset[str]) -> float:
        return sum(weights.get(w, 1.0) for w in ws)

    norm = math.sqrt(weight(a.words) * weight(b.words))
    ranked = sorted(shared, key=lambda w: (-weights.get(w, 1.0), w)) if rank else []
    return (weight(shared) / norm if norm else 0.0), ranked


def compare(
    a: Report, b: Report, weights: Mapping[str, float] | None = None, explain: bool = True
) -> Comparison:
    """Score two reports. Without `explain` no reasons are written (linking many reports is faster)."""
    distance = _km(a.mention, b.mention)  # once, for the veto and the score
    veto = _veto(a, b, distance)
    if veto:
        return Comparison(-math.inf, True, (veto,))
    ma, mb = a.mention, b.mention
    score = 0.0
    why: list[str] = []

    def add(points: float, reason: str, *args: object) -> None:
        nonlocal score
        score += points
        if explain:
            why.append(f"{points:+.1f} " + reason.format(*args))

    days = _days_apart(ma, mb)
    if days is not None:
        add({0: 1.0, 1: 0.5, 2: -0.4}.get(days, -1.2), "{} day(s) apart", days)
    pa, pb = ma.place, mb.place
    if pa is not None and pb is not None:
        km = distance or 0.0
        if pa.place_id and pa.place_id == pb.place_id and pa.geo_precision < 3:
            add(0.6 if pa.importance >= _CITY else 1.5, "same place ({})", pa.name)
        elif pa.geo_precision == 3 or pb.geo_precision == 3:
            if pa.admin1_code == pb.admin1_code:
                add(0.0, "one report gives only the governorate ({})", pa.admin1)
        elif km <= 5:
            add(1.2, "places {:.0f} km apart", km)
        elif km <= 15:
            add(0.7, "places {:.0f} km apart", km)
        else:
            add(-0.3, "places {:.0f} km apart", km)
    elif (pa or pb) and (a.region or b.region):
        placed, region = (pa or pb), (a.region or b.region)
        inside = placed is not None and placed.admin1_code in region
        add(
            0.3 if inside else -1.0,
            "the region one report gives {} {}",
            "holds" if inside else "excludes",
            placed.admin1 if placed else "",
        )
    elif pa is None and pb is None:
        add(-0.3, "neither report names a place")
    else:
        add(-0.8, "one report names no place")
    if ma.sub_event_type == mb.sub_event_type:
        add(0.8, "both {}", ma.sub_event_type)
    elif {ma.sub_event_type, mb.sub_event_type} & VAGUE_KINDS:
        add(0.2, "{} / {}: one report only says attack or clash", ma.sub_event_type, mb.sub_event_type)
    elif ma.event_type == mb.event_type:
        add(0.3, "both {}", ma.event_type)
    else:
        add(-0.3, "{} vs {}", ma.sub_event_type, mb.sub_event_type)
    fa, fb = ma.fatalities, mb.fatalities
    if fa and fb:
        # The same toll says more the larger it is: many incidents kill one or two.
        same = 0.3 if fa <= 2 else 0.6 if fa < 10 else 1.0
        if fa == fb:
            add(same, "{} and {} killed", fa, fb)
        elif (
            abs(fa - fb) > 2 and days == 0 and _exact(ma) and _exact(mb) and not (_updates(a) or _updates(b))
        ):
            add(-1.6, "{} and {} killed on the same day, neither an update", fa, fb)
        else:
            add(0.1 if abs(fa - fb) <= 2 else -0.8, "{} and {} killed", fa, fb)
    ia, ib = ma.injured, mb.injured
    if ia and ib:
        add(0.4 if ia == ib else 0.1, "{} and {} wounded", ia, ib)
    if ma.place_names and mb.place_names:
        add(0.5, "both name {}", ", ".join(ma.place_names))
    va, vb = a.victims, b.victims
    if va and vb:
        if va & vb:
            add(0.3, "both hit {}", ", ".join(sorted(va & vb)))
        else:
            add(-1.2, "different victims: {} / {}", ", ".join(sorted(va)), ", ".join(sorted(vb)))
    a1, b1 = ma.actor1, mb.actor1
    if a1 and b1 and "Unidentified" not in a1.name + b1.name:
        add(0.2 if a1.name == b1.name else -0.8, "actors {} / {}", a1.name, b1.name)
    if a.words and b.words:
        similarity, shared = _shared_words(a, b, weights or {}, explain)
        add(round(2.5 * similarity - 0.4, 1), "shared words: {}", ", ".join(shared[:6]) or "none")
    return Comparison(score, False, tuple(why))
