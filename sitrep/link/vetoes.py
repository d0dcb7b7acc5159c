"""Pairs of reports that can never be one incident ("cannot link"), each with the reason why.

ACLED's unit — one place, one day, one kind of event, its actors — is the most one event may hold, so
reports that disagree on any of them stay apart however much else they share:

- the day: two reports that both state a day give the same one, unless one is late news of the other
  ("died of his wounds", "bodies found", "claims attack"); a report dated only by its publication is
  published on the day of the incident or the day after (a few days for late news);
- the place: other countries or governorates, towns far apart, different villages, neighbourhoods or
  streets named;
- the kind: a protest and a bombing; a roadside bomb and a rocket or an air strike;
- the counts: different tolls of dead or wounded, unless the later report raises the toll or one
  revises it ("rose to", "a correction"), or both are five or more and differ by a fifth or less;
- the victims: soldiers in one, shepherds in the other; different people named as hit;
- a series: a report of "another" incident is not one a report before it told of, nor, dated by its
  publication, one a report of the next day tells of.

Grouping never joins two groups across a vetoed pair, so a vague report cannot chain two incidents.
"""

from __future__ import annotations

from datetime import date

from ..model import Mention
from .report import ARMED_VICTIMS, Report

MAX_DAYS_APART = 3  # reports of one incident are published up to a few days apart
_VAGUE_DAYS = 7  # a report dated only to a week or month is compared across this many days
_PUBLICATION_LAG = 1  # a report dated by its publication tells of that day or the day before
TOWNS_APART_KM = 10  # two different towns this far apart are two incidents
NEAR_KM = 25  # "near X" or a district's centre: farther than this is elsewhere
_COUNT_AGREEMENT_FLOOR = 5  # tolls below this must agree exactly
_IED = "Remote explosive/landmine/IED"
# Means of attack a report rarely gets wrong: a roadside bomb is not a rocket attack or an air strike.
_DISTINCT_MEANS = frozenset(
    {"Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack", "Grenade", _IED}
)
# What a headline calls any armed violence: compatible with every more specific kind.
VAGUE_KINDS = frozenset({"Attack", "Armed clash"})
# Means one report may call by the other's name: a car bomb later found to be a suicide bombing.
_CONFUSABLE_MEANS = frozenset({_IED, "Suicide bomb"})


def days_apart(a: Mention, b: Mention) -> int | None:
    if a.event_date is None or b.event_date is None:
        return None
    return abs((a.event_date - b.event_date).days)


def _day(d: date | None) -> str:
    return d.isoformat() if d else "?"


def date_veto(a: Report, b: Report) -> str | None:
    """Why the two reports' dates cannot be one day's incident (None when they can)."""
    ma, mb = a.mention, b.mention
    days = days_apart(ma, mb)
    if days is None:
        return None
    if {ma.date_precision, mb.date_precision} - {"day"}:
        return f"{days} days apart" if days > _VAGUE_DAYS else None
    if days > MAX_DAYS_APART:
        return f"{days} days apart"
    if days == 0:
        return None
    late = a.late_news or b.late_news
    if a.states_day and b.states_day:
        return None if late else f"different days given: {_day(ma.event_date)} / {_day(mb.event_date)}"
    if a.states_day or b.states_day:
        stated, told = (ma, mb) if a.states_day else (mb, ma)
        assert stated.event_date is not None and told.event_date is not None
        lag = (told.event_date - stated.event_date).days
        if lag < 0:
            return f"reported on {_day(told.event_date)}, before the day the other gives ({_day(stated.event_date)})"
        if lag > _PUBLICATION_LAG and not late:
            return f"reported {lag} days after the day the other gives, and not as late news"
        return None
    if days > _PUBLICATION_LAG and not late:
        return f"published {days} days apart, neither as late news"
    return None


def days_reach(r: Report) -> int:
    """The most days apart `r` and another report of the same incident can be dated, as `date_veto` judges
    them: a report stated or published on a given day reaches the day before and after; late news, a
    report dated only to a week or month, or one with no date of its own reaches `MAX_DAYS_APART`.
    Blocking compares two reports only when one reaches the other, so it must stay in step with `date_veto`.
    """
    m = r.mention
    if m.event_date is None or m.date_precision != "day" or r.late_news:
        return MAX_DAYS_APART
    return _PUBLICATION_LAG


def _rises(a: Report, b: Report, count_a: int, count_b: int) -> bool:
    """Either report revises a toll, or both tell of one day and the later one gives more (tolls rise).
    One day: the same date, or dates a day apart that are only their publications', when one is a
    headline ("soldier killed" published on Monday, "two soldiers killed" on Tuesday); two full accounts
    a day apart that give different tolls without saying the toll rose are two incidents."""
    if a.updates or b.updates:
        return True
    if a.published is None or b.published is None or a.published == b.published:
        return False
    days = days_apart(a.mention, b.mention)
    lag = 0 if a.states_day or b.states_day or (a.full_account and b.full_account) else _PUBLICATION_LAG
    if days is None or days > lag:
        return False
    later, earlier = (count_a, count_b) if a.published > b.published else (count_b, count_a)
    return later > earlier


def _near_count(x: int, y: int) -> bool:
    """Tolls of five or more that differ by a fifth or less: reports of one incident count differently
    ("10 pilgrims injured" / "9 people wounded"); small tolls must agree."""
    return min(x, y) >= _COUNT_AGREEMENT_FLOOR and abs(x - y) <= max(x, y) / 5


def _killed_given(r: Report) -> bool:
    """The report gives a toll of dead: a figure, "no casualties", or none in a full account."""
    m = r.mention
    return m.fatalities > 0 or m.fatalities_low == 0 or r.full_account


def _wounded_given(r: Report) -> bool:
    return r.mention.injured > 0 or r.full_account


def _unharmed(m: Mention) -> bool:
    """The report says no one was hurt ("no casualties were reported")."""
    return m.fatalities_low == 0 and m.fatalities == 0 and m.injured == 0


def count_veto(a: Report, b: Report) -> str | None:
    """Why the two reports' tolls cannot be one incident's (None when they can)."""
    ma, mb = a.mention, b.mention
    killed = _killed_given(a) and _killed_given(b) and ma.fatalities != mb.fatalities
    killed = killed and not _near_count(ma.fatalities, mb.fatalities)
    if killed and not _rises(a, b, ma.fatalities, mb.fatalities):
        return f"{ma.fatalities} vs {mb.fatalities} killed"
    wounded = _wounded_given(a) and _wounded_given(b) and ma.injured != mb.injured
    wounded = wounded and not _near_count(ma.injured, mb.injured)
    if wounded and not _rises(a, b, ma.injured, mb.injured):
        return f"{ma.injured} vs {mb.injured} wounded"
    unharmed = (_unharmed(ma) and mb.injured) or (_unharmed(mb) and ma.injured)
    if unharmed and not _rises(a, b, ma.injured, mb.injured):
        return f"no one hurt vs {ma.injured or mb.injured} wounded"
    return None


def _place_veto(a: Report, b: Report, km: float | None) -> str | None:
    ma, mb = a.mention, b.mention
    pa, pb = ma.place, mb.place
    if pa is not None and pb is not None:
        if pa.country != pb.country:
            return f"{pa.country} vs {pb.country}"
        km = km or 0.0
        if pa.admin1_code and pb.admin1_code and pa.admin1_code != pb.admin1_code and km > NEAR_KM:
            return f"{pa.admin1} vs {pb.admin1}"
        towns = pa.geo_precision == 1 and pb.geo_precision == 1 and pa.place_id != pb.place_id
        if (towns and km > TOWNS_APART_KM) or (
            pa.geo_precision < 3 and pb.geo_precision < 3 and km > NEAR_KM
        ):
            return f"{pa.name} and {pb.name} are {km:.0f} km apart"
    if a.name_keys and b.name_keys and not a.name_keys & b.name_keys:
        return f"different places named: {', '.join(ma.place_names)} / {', '.join(mb.place_names)}"
    return None


def _means_veto(a: Report, b: Report) -> str | None:
    ma, mb = a.mention, b.mention
    kinds = {ma.sub_event_type, mb.sub_event_type}
    if ma.event_type != mb.event_type and not kinds & VAGUE_KINDS:
        return f"{ma.sub_event_type} vs {mb.sub_event_type}"
    if len(kinds) == 2 and kinds <= _DISTINCT_MEANS and kinds != _CONFUSABLE_MEANS:
        return f"{ma.sub_event_type} vs {mb.sub_event_type}"
    if len(a.means) == 1 and len(b.means) == 1 and a.means != b.means:
        return f"told as {next(iter(a.means))} / {next(iter(b.means))}"
    return None


def _victim_veto(a: Report, b: Report) -> str | None:
    va, vb = a.victims, b.victims
    if va and vb and not va & vb and not (va | vb) <= ARMED_VICTIMS:
        return f"different victims: {', '.join(sorted(va))} / {', '.join(sorted(vb))}"
    if a.people and b.people and not a.people & b.people:
        return "different people named as hit"
    return None


def _another_veto(a: Report, b: Report) -> str | None:
    """A report of "another" attack is not the one a report published before it told of."""
    if a.published is None or b.published is None or a.published == b.published:
        return None
    later = a if a.published > b.published else b
    if later.another:
        return f"published after the other, it tells of another incident ({later.mention.article_id})"
    return None


def _series_veto(a: Report, b: Report) -> str | None:
    """A report of one more incident of a series ("another liquor store attacked", "a new explosion"),
    dated by its publication, tells of that day's: like incidents come on the days around it, so a report
    dated by publication to the next day tells of another (`_another_veto` keeps it from earlier ones)."""
    if not (a.another or b.another) or a.states_day or b.states_day:
        return None
    da, db = a.mention.event_date, b.mention.event_date
    if da is None or db is None or da == db:
        return None
    return f"one tells of one more incident of a series: {_day(da)} / {_day(db)} are two of them"


def veto(a: Report, b: Report, km: float | None) -> str | None:
    """The reason two reports are clearly different incidents, or None. `km`: between their places."""
    ma, mb = a.mention, b.mention
    if ma.article_id == mb.article_id:
        return "same article (its incidents were told apart by the extractor)"
    if a.family != b.family:
        return f"{ma.event_type} vs {mb.event_type}"
    return (
        _victim_veto(a, b)
        or _another_veto(a, b)
        or _series_veto(a, b)
        or date_veto(a, b)
        or _place_veto(a, b, km)
        or count_veto(a, b)
        or _means_veto(a, b)
    )
