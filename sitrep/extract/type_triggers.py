"""Words that name an act, one pattern per ACLED sub-event type, with the rank that decides between them.

The table is read in order: among matching patterns the highest rank wins and, at equal rank, the one
listed first. Three kinds are decided from more than their words and live beside this table: an attack
on armed men is a clash (`types`), a crowd met with force or turning violent (`crowds`), and a weapon
stopped before use (`disruption`).
"""

from __future__ import annotations

import re

from .counts import BODIES_FOUND
from .typology import EventKind, kind


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# Riot-control means are no weapons of war: "tear gas grenades", "stun grenades", "smoke bombs".
_NOT_WAR = r"(?<!stun )(?<!smoke )(?<!gas )(?<!sound )(?<!flash )"
_NOT_INCENDIARY = r"(?<!petrol )(?<!gasoline )(?<!smoke )(?<!molotov )(?<!gas )"

# What territory is made of, when it changes hands: a named place or a kind of ground.
_GROUND = r"(?-i:[A-Z])[\w'-]+|(\w+ ){0,2}(base|town|city|village|area|district|region|province|positions?|checkpoints?|posts?|airport)"

# Ordered from most to least specific; the first match with the highest rank decides (so fighting
# around a town "retaken by Iraqi forces" is a clash, and "Iraqi forces retake Ramadi" a regain).
# `sentences` reads the first pattern of each rank as the one that rank's casualty words belong to,
# so Armed clash stays the first of rank 4 and Attack the first of rank 3.
KINDS: tuple[tuple[re.Pattern[str], EventKind], ...] = (
    (
        _rx(
            r"\b(chemical (weapons?|attacks?|agents?|munitions|shells?|rockets?)|chlorine (gas|bombs?|attacks?|shells?)|"
            r"mustard (gas|agent)|sarin|nerve agents?|toxic gas)\b"
        ),
        kind("Chemical weapon", 10),
    ),
    (
        _rx(
            r"\bsuicide (bomb(er|ers|ing|ings|s)?|attack(er|ers|s)?|car bombs?|truck bombs?|vests?|belts?)|"
            r"\bblew (himself|herself|themselves) up|\bself-detonat\w*"
        ),
        kind("Suicide bomb", 9),
    ),
    (
        # A drone used as a weapon is an air strike whoever flies it: a state air force or an armed group.
        _rx(
            r"\b(air ?strikes?|airstrikes?|air raids?|drone strikes?|bombed from the air|warplanes?|drone attacks?|"
            r"fighter jets|helicopter gunships?|(?:carried out|conducted|launched) (?:\w+ )?strikes|"
            r"drones?(?! footage| video| images?| pictures?)|unmanned aerial vehicles?|uavs?|"
            # not "bombers struck a market": the men who bomb, unless aircraft
            r"(aircraft|planes|jets|helicopters?|(?:u\.s\.|american|coalition|b-52|b-1b?|strategic|heavy|long-range) "
            r"bombers|f-1[568]s?|f-35s?|su-2[45]s?|sukhois?|b-52s?) ([\w-]+ ){0,4}"
            r"(struck|hit|bombed|targeted|attacked|pounded|fired)|"
            # a strike as the subject of what a weapon does: "two strikes destroyed an ISIL staging area"
            r"strikes? (engaged|destroyed|killed|targeted|struck)|"
            # a military strike named by its target, as news calls an air or drone strike once it is known
            r"(?:ordered|launched|authori[sz]ed|carried out) (?:the|a|an) (?:\w+ )?strike (?:\w+ ){0,2}?(?:on|against|targeting|that))\b"
        ),
        kind("Air/drone strike", 8),
    ),
    (
        _rx(
            # not rocket-propelled grenades, the weapon of a firefight
            r"\b(rockets?(?![- ]propelled)|mortars?|katyushas?|shelled|shelling|"
            + _NOT_WAR
            + r"shells?|artillery|missiles?|projectiles?)\b"
        ),
        kind("Shelling/artillery/missile attack", 7),
    ),
    (_rx(_NOT_WAR + r"(?<!propelled )\bgrenades?\b"), kind("Grenade", 7)),
    (
        _rx(
            r"\b(explosive devices?|explosives?(?:[- ]laden| packed| rigged)?|ieds?|roadside bombs?|car bombs?|"
            + _NOT_INCENDIARY
            + r"bombs?|bombings?|landmines?|mines?|explosions?|exploded|detonat(ed|ion)|blasts?|vbieds?|"
            r"booby[- ]trap(ped|s)?|sticky bombs?|improvised|bombed|blew up|blown up|blowing up|blows up|(?<!to )blow up)\b"
        ),
        kind("Remote explosive/landmine/IED", 6),
    ),
    (
        _rx(
            r"\b(rap(e|ed|es|ing)|sexual(ly)? (assault(ed)?|abuse[ds]?|violence|slavery|exploitation)|sex slave(s|ry)?|"
            r"forced (into )?marriages?)\b"
        ),
        kind("Sexual violence", 6),
    ),
    (
        _rx(
            r"\b(kidnap(s|ped|ping)?|abduct(s|ed|ion)?|taken hostage|took .{0,20}hostage|seized .{0,20}hostages?)\b"
        ),
        kind("Abduction/forced disappearance", 5),
    ),
    (_rx(r"\b(mobs?|lynch(ed|ing|es)?|vigilantes?)\b"), kind("Mob violence", 5)),
    (
        _rx(
            r"\b(rioters?|riot(ed|s|ing)?|violently (demonstrat|protest)\w*|violent (demonstration|protest)s?)\b"
        ),
        kind("Violent demonstration", 5),
    ),
    (
        _rx(
            r"\b(clash(ed|es)?|battl(e|es|ed|ing)|fought|firefights?|gunfights?|exchanges? of fire|exchanged fire|gun ?battle|"
            r"skirmish(es)?|fighting|offensive|counter-?attacks?|repel(led|s)?|repuls(ed|es)|besieg(e|ed|es|ing)|"
            r"sieges? (?:of|on|against)|(?:under|laid|lay|lays) siege|"
            r"(push(es|ed)?|advance(s|d)?|surge(s|d)?|stormed) (?:into|deeper|towards?|on)\b)"
        ),
        kind("Armed clash", 4),
    ),
    (
        _rx(
            r"\b((withdr(ew|awn|aws)|retreated|pull(ed|s)? out) (\w+ ){0,3}(from|of) (the )?("
            + _GROUND
            + r")|"
            r"hand(ed|s)? over (control|(the )?(\w+ )?("
            + _GROUND
            + r"))|handover of (the )?(\w+ )?("
            + _GROUND
            + r")|"
            r"without (a |any )?(fight|resistance|shot being fired))\b"
        ),
        kind("Non-violent transfer of territory", 4),
    ),
    (
        _rx(
            r"\b(retak(e|es|en|ing)|retook|recaptur(e|es|ed|ing)|regain(s|ed)? control|liberat(e|es|ed|ing)|reclaim(s|ed|ing)?|w(o|i)n back|"
            # the flag raised over a town's government building marks it retaken
            r"rais(ed|es|ing) the (?:iraqi|national|iraqi national) flags? (over|above|on))\b"
        ),
        kind("Government regains territory", 4),
    ),
    (
        _rx(
            r"\b(overr(un|an|uns)|falls? to|fell to|(the )?fall of (?!the\b|an?\b|power\b)[A-Z][\w-]+|"
            r"(seiz(e|es|ed)|claim(s|ed)|gain(s|ed)) (full |total |complete |effective )?control|"
            r"(took|seized) (?-i:[A-Z])[\w-]+|take(s|n)? (full |total |complete )?control of|"
            r"took control of|ha(s|d|ve) taken over|captur(e|es|ed|ing) (the )?(city|town|village|base|airport) of|"
            r"(?:fighters|militants|jihadists|insurgents|gunmen) (?:\w+ ){0,2}swept (?:into|through) (?-i:[A-Z])[\w-]+)\b"
        ),
        kind("Non-state actor overtakes territory", 4),
    ),
    (
        _rx(
            r"\b(attack(ed|s)?|open(ed|s)? fire|fired (on|at|upon)|fired (?:(?!warning|celebratory)[\w-]+ ){0,3}(?:shots|bullets)(?! into the air)|shot( dead)?|shoots?|gunned down|ambush(ed|es)?|"
            r"storm(ed|s)|assassinat(e|ed|ion|ions|es)|execut(ed|ion|es)|behead(ed|s)|stab(s|bed)|raided|"
            r"assault(ed|s)?|murdered|slaughter(s|ed)?|massacre(s|d)?|targeted|targets|targeting|killed|wounded|injured|kills?|wounds|"
            r"injures|killing|wounding|"
            # a toll counted as a noun, as headlines give it: "3 deaths of PMF in Khanaqin"
            r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten) deaths|" + BODIES_FOUND + r")\b"
            # the dead found: "police found the bodies of nine men", "18 bodies were discovered", "two were
            # found shot dead" (not a mass grave of years before, nor the dead pulled from a bombing's rubble)
        ),
        kind("Attack", 3),
    ),
    # a rocket-propelled grenade is the weapon of a firefight: an attack, a clash on armed men
    (_rx(r"\b(rocket[- ]propelled grenades?|rpgs?)\b"), kind("Attack", 3)),
    (
        _rx(
            r"\b(set (fire|ablaze)|torched|burn(ed|t) down|looted|looting|plunder(ed)?|ransack(ed)?|pillag(ed|ing)|"
            r"vandali[sz]ed|demolished|destroyed|razed|bulldozed)\b"
        ),
        kind("Looting/property destruction", 2),
    ),
    (_rx(r"\b(arrest(ed|s)?|detained|captured|apprehended|rounded up)\b"), kind("Arrests", 2)),
    (
        _rx(
            r"\b(ceasefire|cease-fire|truce|peace (deal|agreement|accord)|prisoner (exchange|swap)|"
            r"(signed|reached|struck|concluded|brokered) (an? |the )?(\w+ ){0,2}(agreement|deal|accord))\b"
        ),
        kind("Agreement", 2),
    ),
    (
        _rx(
            r"\b((set up|established|built|opened) (an? |its |their )?(new )?(\w+ )?(base|headquarters|camp|outpost)s?|"
            r"moved (its|their) headquarters)\b"
        ),
        kind("Headquarters or base established", 2),
    ),
    (
        _rx(
            r"\b((announced|declared) (its|their|the) (dissolution|disbanding|formation|merger|split)|"
            r"(formed|founded|launched) (a |an )?(new )?(armed )?(group|militia|brigade|faction|alliance)|"
            r"(deployed|redeployed|sent|dispatched) (\w+ ){0,3}(troops|reinforcements|forces|units|tanks|brigades?)|"
            r"(troops|reinforcements|forces|units|tanks|brigades?)(?: [\w-]+){0,5}? (were |have been |had been )?(re)?deployed|"
            r"(new|appointed a new) (leader|commander|emir))\b"
        ),
        kind("Change to group/activity", 2),
    ),
    (
        _rx(
            r"\b(releas(ed|es)|freed|set free) (\w+ ){0,3}(hostages|captives|detainees|prisoners|abductees)\b"
        ),
        kind("Other", 2),
    ),
    (
        _rx(
            # not a government's note: "Baghdad has protested to Ankara", "lodged a formal protest"
            r"\b(?<!lodged a )(?<!formal )(?<!diplomatic )(?<!official )"
            r"(protest(ers|ed|s|ing)?(?!\s+to\s+(?:the\s+)?(?-i:[A-Z]))|demonstrat(ors|ed|ion|ions)|rall(y|ied|ies)|"
            r"sit-ins?|marchers)\b"
            r"|\b(?:a|the|their|this|that)\s+(?:[\w-]+\s+)?(?-i:march)\b"
            r"|\b(?:tear ?gas|water cannons?|rubber bullets|stun grenades?)\b[^.;]{0,60}\bto (?:disperse|break up)\b"
            # a crowd that marches, or gathers to demand: "thousands marched", "hundreds gathered ... demanding"
            r"|\b(thousands|hundreds|dozens|scores|crowds?|(several|a few|some) (hundred|thousand))\b(?: [\w,'’-]+){0,6}? "
            r"(marched|took to the streets|chanted)\b"
            r"|\bgathered\b[^.;]{0,120}\b(demanding|to demand|calling for|chanting|to protest|in protest)\b"
        ),
        kind("Peaceful protest", 1),
    ),
)
