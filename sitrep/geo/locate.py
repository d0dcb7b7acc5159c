"""Event location: which of the places a report names is where this incident happened, at what precision."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model import Place
from .admin1 import fold
from .boundaries import governorate_at
from .distance import bearing_between, km_between
from .gazetteer import Gazetteer, GazetteerPlace
from .names import (
    construct_head,
    facility_town,
    loose_key,
    name_keys,
    skeleton,
    spelling_distance,
    village_of,
)
from .offsets import BEARINGS, destination, midpoint
from .toponyms import Toponym

# Governorates whose capital shares their name: "Kirkuk" alone is the city, "Kirkuk province" the governorate.
_CAPITAL_NAMED = {"IQ-BG", "IQ-BA", "IQ-NA", "IQ-KA", "IQ-KI", "IQ-AR", "IQ-DA", "IQ-SU", "IQ-HA"}
_CITY = 30  # importance of a city many sources name (alternate names, population)
_COARSE = {"province", "governorate", "after a place"}
_NEAR = {
    "near",
    "outside",
    "north of",
    "south of",
    "east of",
    "west of",
    "outskirts of",
    "around",
    "district",
    "between",
}


_ADMIN_FEATURES = {"ADM2", "ADM3"}  # districts and sub-districts, at their centres
_DISTRICTS = {"district", "sub-district"}  # what the text calls a name it gives as a district


WELL_KNOWN = 10  # importance of a town known by many names (cities, district seats)


def well_known(t: Toponym) -> bool:
    """A town with many names in many languages, or a facility named with its kind ('the Waleed border
    crossing', 'Ajil oil field'): a place even where NER reads it as a person or an organisation."""
    return t.qualifier == "facility" or any(c.importance >= WELL_KNOWN for c in t.candidates)


_COMPANY_KM = 30.0  # two places a report names together lie about this close


# What a text calls a part of a town ("the Mansour region", "the Cairo neighborhood"), and the features of
# the gazetteer's parts of towns.
_PART_OF_A_TOWN = {"neighbourhood", "neighborhood", "quarter", "area", "region", "district"}
TOWN_PARTS = frozenset({"neighbourhood", "microhood", "PPLX"})
# A seat, which a "district" may also be: "Tarmiyah district" is the town, not a neighbourhood of its name.
_SEATS = frozenset({"PPLA", "PPLA2", "PPLA3", "PPLA4"})


def _rank(
    p: GazetteerPlace,
    named: set[str],
    preferred: set[str],
    country: str,
    company: list[GazetteerPlace],
    part_of_a_town: bool = False,
    said: str = "",
) -> tuple[bool, bool, int, bool, bool, bool, bool, int]:
    """Inside a governorate the report names; at home; a city over a town over a village, whatever the
    rest of the article names ("around Sinjar" is the Sinjar, not a village of its name in the capital's
    governorate); then near another place the report names ("between Kani Spika and Bardarash": the Kani
    Spika by Bardarash); then, for a name the text calls a neighbourhood or area ("the Mansour region"),
    a neighbourhood over a village of its name; then a place called by the name the text says over one
    whose name adds "village of" ("Qayyarah" is al-Qayyarah, not Qaryat al-Qayyarah); then in a
    governorate the article names; then the more important. `said`: the name as the text folds it."""
    size = 2 if p.importance >= _CITY else 1 if p.importance >= WELL_KNOWN else 0
    near = any(km_between(_at(p), _at(c)) <= _COMPANY_KM for c in company)
    return (
        p.admin1_code in named,
        p.country == country,
        size,
        near,
        part_of_a_town and (p.feature in TOWN_PARTS or p.feature in _SEATS),
        village_of(said) or not village_of(fold(p.name)),
        p.admin1_code in preferred,
        p.importance,
    )


def _names_the_seat(t: Toponym) -> bool:
    """'Kirkuk', 'Diwaniyah': a governorate's name that is also its seat's name means the city."""
    return t.governorate in _CAPITAL_NAMED or any(
        c.admin1_code == t.governorate and (c.feature == "PPLA" or c.importance >= _CITY)
        for c in t.candidates
    )


def governorate_place(g: Gazetteer, iso: str) -> Place | None:
    """The governorate as a place, or None for one the bundled boundaries do not draw (Halabja, split from
    Sulaymaniyah in 2014 and drawn inside it)."""
    gov = g.governorates.get(iso)
    if gov is None:
        return None
    return Place(gov.admin1, "Iraq", gov.admin1, iso, None, gov.latitude, gov.longitude, 3, "ADM1", iso)


def place_of(p: GazetteerPlace, precision: int) -> Place:
    """An event location at a gazetteer place, with the precision the text supports."""
    return Place(
        p.name,
        p.country,
        p.admin1,
        p.admin1_code,
        p.admin2,
        p.latitude,
        p.longitude,
        precision,
        p.feature,
        p.place_id,
        p.importance,
    )


def _foreign(t: Toponym) -> Place | None:
    if not t.candidates:
        return None
    p = max(t.candidates, key=lambda c: c.importance)
    return place_of(p, 2 if t.qualifier in _NEAR else 1)


def _near_named(p: GazetteerPlace, named: set[str], g: Gazetteer) -> bool:
    govs = [g.governorates[c] for c in named if c in g.governorates]
    return any(p.admin1_code in gov.neighbours and gov.near_border(p.latitude, p.longitude) for gov in govs)


def _snap(place: Place, named: set[str], g: Gazetteer) -> Place:
    """A town the text puts in a governorate it lies just outside of is coded to that governorate.

    Simplified boundaries and sources disagree near borders; within 25 km the text's governorate wins.
    """
    for code in sorted(named):
        gov = g.governorates.get(code)
        if gov and gov.near_border(place.latitude, place.longitude):
            return replace(place, admin1=gov.admin1, admin1_code=code, admin2=None)
    return place


def resolve(
    toponyms: Iterable[Toponym], g: Gazetteer, context_governorates: set[str], country: str = "Iraq"
) -> Place | None:
    """The most specific place among `toponyms` (in text order) that agrees with the governorates named."""
    tops = _in_order_of_preference(list(toponyms))
    landmarks = [t for t in tops if a_landmark(t, tops)]
    tops = [t for t in tops if t not in landmarks] + landmarks
    # a town a distance is counted from ("Mosul, some 400 km north of Baghdad") names no governorate either
    named = {t.governorate for t in tops if t.governorate and t not in landmarks and t.offset is None}
    countries = {t.country for t in tops if t.country and t.country != country}
    # the article's other governorates, and a landmark's, rank, never filter
    preferred = named | set(context_governorates) | {t.governorate for t in landmarks if t.governorate}
    coarse: Place | None = None
    ctx = _Context(g, named, preferred, countries, country, tuple(tops))
    districts = {b.admin2 for t in tops if t.qualifier == "district" and (b := ctx.best(t)) and b.admin2}
    for i, t in enumerate(tops):
        if t.country:
            continue
        # a governorate the boundaries do not draw is read as its town ("near Halabja")
        is_gov = t.governorate in g.governorates and (
            not _names_the_seat(t) or t.qualifier in _COARSE or not t.candidates
        )
        if is_gov and t.governorate:
            coarse = coarse or governorate_place(g, t.governorate)
            continue
        if (t.country_hint and t.country_hint != country) or ctx.foreign_city(t):
            return _foreign(t)
        best = ctx.best(t)
        if (
            coarse is not None
            and t in landmarks
            and not (best and _near_named(best, {coarse.admin1_code or ""}, g))
        ):
            # "in Diwaniyah province, south of Baghdad": the governorate named, not the landmark (unless the
            # landmark lies at its border: "Mushahada, north of Baghdad, Diyala")
            break
        if best is None:
            if t.governorate:  # "Sulaimani": the governorate, when no town of the name lies in it
                coarse = coarse or governorate_place(g, t.governorate)
            continue
        if t not in landmarks and _far_from_landmarks(best, landmarks):
            continue  # "Al Rakah area, south of Samarra": not a village of that name far from Samarra
        if districts and t.qualifier != "district" and best.admin2 and best.admin2 not in districts:
            continue  # "Al-Dawalib, Balad Ruz district": a namesake in another district is not it
        later_inside = any(
            c.admin1_code in named for u in tops[i + 1 :] if not u.governorate for c in u.candidates
        )
        if best.admin1_code not in named and later_inside:
            continue  # only near the governorate the text names, and a later name lies inside it
        if best.feature in _ADMIN_FEATURES:
            # "Bradost area, Sidakan, Arbil": a town named inside the sub-district is more precise.
            towns = (ctx.best(u) for u in tops[i + 1 :] if not u.country)
            best = next(
                (p for p in towns if p and p.admin2 == best.admin2 and p.feature not in _ADMIN_FEATURES), best
            )
        if _far_from_the_town_after(t, best, tops, ctx):
            continue  # "Qadisiyah, Mosul": a namesake far from the town the caption puts it in is not it
        if best.facility:
            best = _town_named_for(best, t, g)
        place = place_of(best, 2 if t.qualifier in _NEAR or best.feature in _ADMIN_FEATURES else 1)
        if best.admin1_code not in named:
            place = _snap(place, named, g)
        return _moved(place, t, best)
    return _spelled_loosely(tops, ctx) or coarse


def _spelled_loosely(tops: list[Toponym], ctx: _Context) -> Place | None:
    """No name the text gives is a known place in the governorate it names ('Khaldiyah, Anbar';
    'in Yankajah, Saladin'): a place there with the same consonants (`Gazetteer.loosely`), or a namesake
    just across the border ('Tall Safouk, Nineveh'), the closest spelling first; at precision 2, as near
    the place named. Only where the text names a governorate, and only inside it or near its border."""
    govs = [ctx.g.governorates[c] for c in ctx.named if c in ctx.g.governorates]
    captions = [t.caption for t in tops if t.caption]
    heads = [h for c in captions if (h := construct_head(fold(c)))]  # after the whole names, their heads
    for name in captions + heads:
        home = [
            c
            for c in ctx.g.loosely(name)
            if c.country == ctx.country and not c.facility and _close_enough(name, c)
        ]
        found = [c for c in home if c.admin1_code in ctx.named] or [
            c for c in home if _near_named(c, ctx.named, ctx.g)
        ]
        found = found or [
            c
            for t in tops
            if t.surface == name
            for c in t.candidates
            if c.country != ctx.country and any(gov.near_border(c.latitude, c.longitude) for gov in govs)
        ]
        if found:
            best = min(found, key=lambda c: (_spelled_apart(name, c), -c.importance))
            place = replace(place_of(best, 2), country=ctx.country)
            return place if best.admin1_code in ctx.named else _snap(place, ctx.named, ctx.g)
    return None


_FEW_CONSONANTS = 3  # 'Tabaat', 'Chragh': so short a key fits many names; the spelling must be near too


def _close_enough(name: str, p: GazetteerPlace) -> bool:
    """A name of few consonants matches only a place spelled at most one letter apart."""
    short = min(len(loose_key(k)) for k in name_keys(fold(name))) <= _FEW_CONSONANTS
    return not short or _spelled_apart(name, p) <= 1


def _spelled_apart(name: str, p: GazetteerPlace) -> int:
    """How far the name as written is from the place's name: letters apart in their skeletons."""
    written = [skeleton(k) for k in name_keys(fold(name))]
    return min(spelling_distance(w, skeleton(k)) for w in written for k in name_keys(fold(p.name)))


_CAPTION_TOWN_KM = 30.0


def _far_from_the_town_after(t: Toponym, best: GazetteerPlace, tops: list[Toponym], ctx: _Context) -> bool:
    """'Hayy al-Karama, Mosul': a name in a caption lies in or near the town named right after it."""
    after = [
        u
        for u in tops
        if u.qualifier == "after a place" and 0 < u.start - t.end <= 3 and not (u.country or u.governorate)
    ]
    town = ctx.best(after[0]) if after else None
    return town is not None and not town.facility and km_between(_at(best), _at(town)) > _CAPTION_TOWN_KM


_ROUTE_KM = 150.0  # two towns a road between them joins are no farther apart


def _moved(place: Place, t: Toponym, best: GazetteerPlace) -> Place:
    """The point the text puts relative to the place: a distance and bearing from it, or halfway along
    the road to another town; precision 2, in the governorate whose outline holds the point."""
    here = (best.latitude, best.longitude)
    if t.offset:
        point = destination(*here, t.offset.km, t.offset.bearing)
        name = f"{t.offset.label} of {best.name}"
    else:
        ends = [
            c for c in t.between if c.country == best.country and 0 < km_between(here, _at(c)) <= _ROUTE_KM
        ]
        if not ends:
            return place
        other = max(ends, key=lambda c: (c.importance, -km_between(here, _at(c))))
        point = midpoint(here, _at(other))
        name = f"between {best.name} and {other.name}"
    shape = governorate_at(*point)
    return replace(
        place,
        name=name,
        latitude=round(point[0], 5),
        longitude=round(point[1], 5),
        geo_precision=2,
        admin1=shape.admin1 if shape else place.admin1,
        admin1_code=shape.admin1_code if shape else place.admin1_code,
        admin2=None,
    )


def _at(p: GazetteerPlace) -> tuple[float, float]:
    return p.latitude, p.longitude


_SUB_AREA = {"area", "neighbourhood", "neighborhood"}
_CAPTION_GAP = 20  # characters between "Shuala area" and ", Baghdad"


# What says where a place lies from a town: "Diwaniyah province, south of Baghdad", "Wadi Houran, northeast
# of Rutba", "Albu Aitha, near Ramadi" (the town named after the comma is the landmark).
_COMPASS = {"north of", "south of", "east of", "west of"}
_BEARINGS = _COMPASS | {"near", "outside", "outskirts of"}
_LANDMARK_GAP = 24  # characters from a place to ", south of Baghdad" that says where it lies


def a_landmark(t: Toponym, tops: list[Toponym]) -> bool:
    """A name the text uses only to say where another lies: "Diwaniyah province, south of Baghdad", "nine
    villages east of Mosul on the Khazir front",
    "pushed to within 100 kilometres of Baghdad", "in this city northeast of Baghdad", or where the story
    was filed ("BAGHDAD (Reuters) -").
    Not "30 km south of Baghdad" (a point from it)."""
    if t.qualifier in ("within", "dateline", "from this town"):
        return True
    return (
        t.qualifier in _BEARINGS
        and t.offset is None
        and any(
            u is not t
            and not u.country
            and (
                0 < t.start - u.end <= _LANDMARK_GAP
                # "villages east of Mosul on the Khazir front"; not "near Bataween in Rusafa"
                or (t.qualifier in _COMPASS and not u.governorate and 0 < u.start - t.end <= _LANDMARK_GAP)
            )
            for u in tops
        )
    )


_LANDMARK_KM = 150.0  # a place said to lie north or south of a town lies no farther from it ("Balad, north of
# Baghdad", 75 km; "Samarra, north of Baghdad", 110 km)
_NEAR_KM = 60.0  # "near", "outside" or "on the outskirts of" a town: no farther
_SAME_SPOT_KM = 15.0  # closer than this to the town, a place lies in every direction from it
_WRONG_WAY = 67.5  # degrees off the compass word: not the direction the text gives


def _off_the_bearing(p: GazetteerPlace, landmark: Toponym, c: GazetteerPlace) -> bool:
    """`p` is not where the text puts it from the landmark candidate `c`: too far, or the wrong way ("east
    of Mosul" is not a namesake south of it)."""
    km = km_between(_at(c), _at(p))
    compass = landmark.qualifier in _COMPASS
    if km > (_LANDMARK_KM if compass else _NEAR_KM):
        return True
    if not compass or km <= _SAME_SPOT_KM:
        return False
    off = (
        abs(bearing_between(_at(c), _at(p)) - BEARINGS[(landmark.qualifier or "").removesuffix(" of")])
        % 360.0
    )
    return min(off, 360.0 - off) > _WRONG_WAY


def _far_from_landmarks(p: GazetteerPlace, landmarks: list[Toponym]) -> bool:
    pairs = [(t, c) for t in landmarks if t.qualifier in _BEARINGS for c in t.candidates]
    return bool(pairs) and all(_off_the_bearing(p, t, c) for t, c in pairs)


def _in_order_of_preference(tops: list[Toponym]) -> list[Toponym]:
    """Names that only label a facility or road ("Balad Air Base in Yathrib"), a facility named with the
    town it is in, and an area or neighbourhood given before the town it belongs to ("Al-Safra area,
    Adhaim"), yield to the other places named; they remain the fallback."""

    def deferred(i: int, t: Toponym) -> bool:
        if t.qualifier == "label" or _beside_a_town(t, tops):
            return True
        nxt = tops[i + 1] if i + 1 < len(tops) else None
        return (
            t.qualifier in _SUB_AREA
            and nxt is not None
            and not nxt.country
            and 0 <= nxt.start - t.end <= _CAPTION_GAP
        )

    flags = [deferred(i, t) for i, t in enumerate(tops)]
    return [t for t, f in zip(tops, flags, strict=True) if not f] + [
        t for t, f in zip(tops, flags, strict=True) if f
    ]


_FACILITY_TOWN_KM = 10.0  # a town this close to a facility named with it is the town it is in
# A town this close to a facility named after it is the town it serves; a city sprawls farther.
_NAMESAKE_TOWN_KM = 15.0
_NAMESAKE_CITY_KM = 25.0


def _town_named_for(facility: GazetteerPlace, t: Toponym, g: Gazetteer) -> GazetteerPlace:
    """'Erbil airport', 'Baghdad International Airport': a facility named after the town it lies by is
    coded to the town, as ACLED and GTD do; 'Mosul Dam', far from Mosul, and 'Ain al-Asad' stay put."""
    town = facility_town(fold(t.surface))
    near = [
        c
        for c in (g.lookup(town) if town else [])
        if not c.facility
        and c.feature not in _ADMIN_FEATURES
        and c.country == facility.country
        and km_between(_at(c), _at(facility))
        <= (_NAMESAKE_CITY_KM if c.importance >= _CITY else _NAMESAKE_TOWN_KM)
    ]
    return max(near, key=lambda c: c.importance) if near else facility


def _beside_a_town(t: Toponym, tops: list[Toponym]) -> bool:
    """A facility ('Balad Air Base') named with a town next to it ('in Yathrib'): ACLED codes the town."""
    if not t.candidates or not all(c.facility for c in t.candidates):
        return False
    towns = [
        c
        for u in tops
        if u is not t and not u.country and not u.offset
        for c in u.candidates
        if not c.facility
    ]
    return any(
        km_between(_at(f), _at(c)) <= _FACILITY_TOWN_KM and c.feature not in _ADMIN_FEATURES
        for f in t.candidates
        for c in towns
    )


@dataclass(frozen=True)
class _Context:
    """What the whole text says about where: the governorates it names and prefers, other countries."""

    g: Gazetteer
    named: set[str]
    preferred: set[str]
    countries: set[str]
    country: str
    tops: tuple[Toponym, ...] = ()

    def company(self, t: Toponym) -> list[GazetteerPlace]:
        """The other places the text names, at home and inside the governorates it names, if any."""
        return [
            c
            for u in self.tops
            if u is not t and not (u.country or u.governorate)
            for c in u.candidates
            if c.country == self.country and (not self.named or c.admin1_code in self.named)
        ]

    def foreign_city(self, t: Toponym) -> bool:
        """'Homs', 'Damascus': a city abroad, where namesakes at home, if any, are villages ("Al Khums"),
        and the text names no governorate. The city is meant, and the incident is abroad."""
        home = [c for c in t.candidates if c.country == self.country]
        abroad = [c for c in t.candidates if c.country != self.country]
        # "near Riyadh, in the Hawija district": a district named at home settles it too
        districts_at_home = any(
            u is not t and u.qualifier in _DISTRICTS and any(c.country == self.country for c in u.candidates)
            for u in self.tops
        )
        return (
            not districts_at_home
            and not self.named  # "Aden, Mosul, Nineveh": a governorate named at home settles it
            and bool(abroad)
            and max(c.importance for c in abroad) >= _CITY
            and max((c.importance for c in home), default=0) < _CITY
        )

    def best(self, t: Toponym) -> GazetteerPlace | None:
        """The candidate the context favours: inside a governorate the text names, in the article's country."""
        # A namesake abroad only when no place of the article's country bears the name.
        candidates = [c for c in t.candidates if c.country == self.country] or [
            c for c in t.candidates if c.country in self.countries
        ]
        if self.named:
            inside = [c for c in candidates if c.admin1_code in self.named]
            # Sources disagree on governorates near borders ("Tarmiyah, Saladin"): a town in a
            # neighbouring governorate is still the place named, and keeps its own admin1.
            candidates = inside or [c for c in candidates if _near_named(c, self.named, self.g)]
        if not candidates:
            return None
        company = self.company(t) if len(candidates) > 1 else []
        part = t.qualifier in _PART_OF_A_TOWN
        said = fold(t.surface)
        return max(
            candidates, key=lambda p: _rank(p, self.named, self.preferred, self.country, company, part, said)
        )
