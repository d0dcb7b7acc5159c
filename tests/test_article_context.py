"""Whole articles, not sentences: one test per pattern that full-length news stories must pass.

Every article in this file is SYNTHETIC: invented for sitrep's tests in the style of wire reports
(headline, dateline, lead, details, reactions, background, a statistic). None reports a real incident
and none is copied from any outlet. Each test asserts what an analyst coding the article by the
project's codebook (`shared/eval/CODEBOOK.md`) would record: incidents in Iraq placed at least to a
governorate, one incident per attack however often the story retells it, and statistics, threats,
plans, hypotheticals and events abroad kept out of the incident list.

Each article is extracted on its own, so reports from different articles are never linked; the
extraction runs once per module. An incident is *news* when it is dated within the codebook's 14
days before publication (or carries no date at all); background incidents recalled from earlier years
may be extracted without penalty and are left out of the counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from sitrep.config import Config
from sitrep.ingest import parse_record
from sitrep.model import Event
from sitrep.pipeline import Extracted, extract_events

pytestmark = pytest.mark.slow

CORE_DAYS = 14  # the codebook's window for an incident the article reports as news
OUTLET = "Synthetic Wire"


@dataclass(frozen=True)
class Story:
    """A SYNTHETIC article: its headline, publication date and paragraphs."""

    title: str
    published: date
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


STORIES: dict[str, Story] = {
    # 1. The place is named only in the dateline.
    "ctx-dateline": Story(
        "Car bomb kills 12 at busy market",
        date(2021, 3, 17),  # a Wednesday
        (
            "BAGHDAD (Synthetic Wire) — A car bomb exploded near a crowded market on Tuesday, killing 12 people and wounding 31 others, police and medical officials said, in the deadliest attack in months.",
            "The explosives-laden sedan had been parked between fruit stalls and a row of clothing shops and blew up shortly after 6 p.m., when the market was packed with families shopping after work, a police officer at the scene said. He spoke on condition of anonymity because he was not authorised to brief reporters.",
            'Shopkeepers described a deafening blast followed by a column of black smoke. "I was pulling down my shutter when the ground shook," said Abu Haider, a 54-year-old spice seller. "People were screaming and running in every direction. Some of them never got up."',
            "Two hospital officials confirmed the toll. Several of the wounded were in a serious condition, and one of the dead was a boy of about ten, they said.",
            "No group immediately claimed responsibility, but suspicion fell on Islamic State sleeper cells, which still carry out sporadic attacks despite the group's territorial defeat.",
            'The prime minister\'s office called the bombing "a desperate attempt to destabilise the country" and ordered an inquiry into how the car had passed through checkpoints. The interior ministry suspended the commander responsible for security in the area pending the investigation.',
            "The United Nations mission in Iraq condemned the attack and urged the authorities to bring those responsible to justice.",
            "Car bombs were a near-daily occurrence in the city at the height of sectarian fighting in 2006 and 2007, when thousands of civilians were killed every month. They became rare after Iraqi forces, backed by a U.S.-led coalition, drove the militants from their last strongholds in 2017.",
            "Fewer than 100 civilians were killed in bombings across the country last year, according to a monitoring group, compared with more than 1,000 in a single month at the peak of the conflict.",
            "Residents returned to the market on Wednesday morning to sweep up glass and twisted metal while soldiers put up new concrete barriers at both ends of the street.",
            '"We thought those days were over," said Umm Ali, whose nephew was among the wounded. "Now we are afraid again."',
        ),
    ),
    # 2. The place is named only in the headline.
    "ctx-headline": Story(
        "Suicide bomber kills 9 at funeral in Tuz Khurmatu",
        date(2019, 11, 8),  # a Friday
        (
            "A suicide bomber blew himself up inside a crowded funeral tent on Thursday evening, killing nine people and wounding at least 20, security and health officials said.",
            "The attacker, wearing an explosives vest under a long coat, walked into the tent where mourners had gathered to offer condolences to the family of a tribal elder who had died of natural causes earlier in the week, a police officer said.",
            '"He came in like any other guest, greeted the men at the entrance and then blew himself up in the middle of the crowd," the officer said, speaking on condition of anonymity.',
            "Among the dead were two of the elder's sons and a member of the town council, according to a relative. The wounded were taken to the town's main hospital, and some were later moved by ambulance for specialist treatment.",
            'Islamic State claimed responsibility for the attack in a statement posted on its propaganda channels, saying it had targeted "apostates". The claim could not be independently verified.',
            "The town, home to a mix of Turkmen, Kurds and Arabs, has long been contested between the federal government and the Kurdish regional authorities, and its mixed population has made it a frequent target for militants seeking to inflame ethnic tensions.",
            'Local officials have complained for months that security in the surrounding farmland is thin, with militants moving freely at night through orchards and dry riverbeds. "We have asked again and again for more troops," said a council member. "Nobody listens until people die."',
            "The bombing was the deadliest in the area this year. Militants have killed more than 40 people in the district since January, according to a tally by local officials, mostly in shootings and roadside bombings aimed at security forces and village guards.",
            "The provincial governor declared three days of mourning and ordered security forces to search the villages around the town.",
        ),
    ),
    # 3a. The place is set in an earlier sentence and the incident happens "there".
    "ctx-there": Story(
        "Two policemen killed in attack on checkpoint",
        date(2022, 5, 9),  # a Monday
        (
            "Kirkuk, an oil-rich city claimed by both the federal government and the Kurdistan regional government, has seen a rise in attacks by Islamic State remnants in recent weeks, officials said on Monday, as the militants exploit gaps between rival security forces.",
            "Gunmen there opened fire on a police checkpoint on Sunday, killing two policemen and wounding a third, a police officer said. The attackers fled in a pickup truck towards farmland south of the city, he said.",
            "The checkpoint guards a main road used by trucks carrying fuel and grain. Police said the gunmen approached at about 10 p.m. and sprayed the post with automatic rifle fire before the officers could respond.",
            '"They know exactly where our weak points are," said a police captain who asked not to be named. "They watch us for days before they strike."',
            "Security in the province has been shared uneasily between federal forces and Kurdish peshmerga since 2017, when federal troops took back control of the city after the Kurdish region held a referendum on independence. Commanders on both sides say the lack of coordination leaves stretches of countryside unguarded.",
            'The provincial governor called on Monday for more troops and for joint patrols with the peshmerga. "We cannot allow the terrorists to return," he said in a statement.',
            "Islamic State seized large parts of northern and western Iraq in 2014 and was declared defeated in late 2017, but its fighters continue to wage a low-level insurgency from hideouts in mountains and desert. The group has killed dozens of security personnel in the region so far this year, according to a count by local officials.",
            "No group claimed responsibility for Sunday's attack. A funeral for the two officers was held on Monday, attended by hundreds of colleagues and relatives.",
        ),
    ),
    # 3b. The only place is "the Iraqi capital".
    "ctx-capital": Story(
        "Roadside bomb kills traffic policeman",
        date(2020, 10, 13),  # a Tuesday
        (
            "A roadside bomb exploded in the Iraqi capital on Monday morning, killing a traffic policeman and wounding two passers-by, the interior ministry said.",
            "The device had been hidden in a pile of rubbish beside a busy intersection and went off as the officer was directing rush-hour traffic, the ministry said in a statement. The two wounded, a street vendor and a taxi driver, were taken to hospital with shrapnel wounds.",
            "Photographs shared on social media showed a scorched patch of road, a police booth with its windows blown out and a crowd gathering behind a security cordon.",
            "No group claimed the attack. Such small bombs, often a few kilograms of explosives packed into a pipe or a cooking gas cylinder, are used by militants, criminal gangs and feuding factions alike, which makes it hard to know who is behind them.",
            'Traffic police are a frequent and easy target, said a retired police colonel. They stand in the open for hours at busy junctions and rarely carry more than a pistol. "Everyone knows where they will be, every day," he said. "That is what makes them vulnerable."',
            "Security in the city has improved markedly in recent years, and many of the blast walls that once lined its main roads have been taken down. Checkpoints that used to snarl traffic for hours have been thinned out.",
            "But officials warn that militant cells remain active in the farmland ringing the city, and security analysts say small bombings still happen several times a month.",
            'An interior ministry spokesman said an investigation was under way. "We will find those responsible and bring them to justice," he said.',
            "The policeman, a father of four, was buried on Monday afternoon. Colleagues in white uniforms lined the road as his coffin passed.",
        ),
    ),
    # 4. A lead that totals two attacks, then one paragraph for each.
    "ctx-lead-two": Story(
        "Two bombings kill at least 20 in Baghdad",
        date(2021, 6, 29),  # a Tuesday
        (
            "BAGHDAD (Synthetic Wire) — Two bombings in Baghdad killed at least 20 people on Monday, police and health officials said, in the worst day of violence in the capital this year.",
            "The first blast struck a crowded bus station in Sadr City, a sprawling Shi'ite district in the east of the capital, shortly after 8 a.m. A bomb hidden in a minibus exploded as labourers were boarding, killing 12 people and wounding 34, police said.",
            "About three hours later, a suicide bomber detonated an explosive belt outside a popular restaurant in Karrada, a commercial district on the bank of the Tigris, killing eight people and wounding 19, according to the health ministry.",
            'Witnesses at the bus station described chaos as men carried the wounded to private cars and pickup trucks because ambulances could not get through the traffic. "There was blood everywhere, on the buses, on the road," said a driver who had been sitting in his vehicle about 50 metres away.',
            'At the restaurant, the owner of a nearby juice shop said the bomber had tried to walk in but was stopped by a guard at the door. "The guard saved many lives," he said. "He died at the entrance."',
            "Islamic State claimed responsibility for both attacks in a statement, saying they had targeted Shi'ites.",
            "The prime minister convened an emergency meeting of security commanders and ordered a review of security at markets and transport hubs.",
            "The bombings recalled the worst years of sectarian bloodshed, when attacks on crowded places were a daily occurrence. In July 2016, a truck bomb in the same district killed more than 300 people, one of the deadliest single attacks since 2003.",
            "Violence has dropped sharply since Islamic State was defeated in 2017, and the city had gone several months without a major bombing before Monday.",
            'Foreign governments and the United Nations condemned the attacks. The U.S. embassy said it stood with the people of Iraq "against those who seek to sow division".',
        ),
    ),
    # 5. One air strike told five times: lead, details, reaction, funeral, denial.
    "ctx-one-strike": Story(
        "U.S. strike kills four militiamen near Syrian border",
        date(2018, 9, 21),  # a Friday
        (
            "A U.S. air strike near the western Iraqi town of Qaim killed four members of an Iran-backed militia on Thursday, Iraqi security officials and the militia said, raising fears of a new round of tit-for-tat attacks.",
            "The strike hit two vehicles and a small weapons depot at a militia position about 10 kilometres from the Syrian border in Anbar province shortly before midnight, a local security official said.",
            'The U.S.-led coalition said in a statement that it had carried out a "precision strike" on a facility used to store rockets and drones and that it had acted in self-defence. It gave no casualty figures.',
            'The militia vowed to retaliate after the strike that killed four of its fighters. "The blood of our martyrs will not go in vain," a spokesman said in a televised statement.',
            "On Friday, hundreds of mourners carried the coffins of the four men killed in the strike, draped in Iraqi flags, through the streets, chanting slogans against the United States.",
            'An Iraqi military spokesman denied that the government had been told of the strike in advance and called it a violation of Iraq\'s sovereignty. "No party informed the joint operations command before the strike," he said.',
            "The coalition, for its part, denied that any civilians had been hurt in Thursday's strike near Qaim.",
            "The strike followed a string of rocket attacks on bases hosting American troops in recent months, which Washington has blamed on Iran-backed groups. No one has claimed those attacks.",
            "American forces have been in the country since 2014 at the invitation of the government to help fight Islamic State. Several thousand remain, mostly training and advising Iraqi troops.",
            "The desert straddling the border has long been a supply route for armed groups moving fighters and weapons between Iraq and Syria, analysts say, and both the militias and the coalition watch it closely.",
        ),
    ),
    # 6. Population and nationwide statistics next to one incident.
    "ctx-statistic": Story(
        "Roadside bomb kills two soldiers south of Mosul",
        date(2019, 4, 24),  # a Wednesday
        (
            "MOSUL, Iraq (Synthetic Wire) — A roadside bomb struck an army patrol south of Mosul on Tuesday, killing two soldiers and wounding three, the military said.",
            "The bomb exploded under the lead vehicle as the patrol drove along a farm track that soldiers had been clearing of explosives for local farmers, the military said in a statement.",
            "Mosul, a city of about 1.5 million people, was the de facto capital of Islamic State's self-declared caliphate until Iraqi forces retook it in July 2017 after a nine-month battle that left much of its old city in ruins.",
            "Rebuilding has been slow. Tens of thousands of former residents still live in camps, and unexploded shells and booby traps turn up in the rubble almost every week.",
            "More than 3,000 people have been killed in Iraq this year, according to U.N. figures, far below the tolls of the war years but enough to keep many displaced families from going home.",
            '"The bombs are still there, in the fields and under the roads," said a farmer who lives a few kilometres from where the patrol was hit. "We cannot plough without fear."',
            "No group claimed responsibility, but the army blamed Islamic State cells that it says hide in river valleys and desert to the south and west.",
            "Provincial officials said they would ask the federal government for more engineers and equipment to clear explosives from farmland before the harvest.",
            "Relatives of the two soldiers, both in their twenties, gathered outside the military hospital in the city on Tuesday evening to wait for their bodies to be released.",
        ),
    ),
    # 7a. An attack abroad, with casualties, mentioned in an Iraqi story.
    "ctx-abroad-damascus": Story(
        "Roadside bomb kills three farm workers in Diyala",
        date(2020, 2, 12),  # a Wednesday
        (
            "A roadside bomb struck a minibus carrying farm workers near Muqdadiya in Diyala province on Tuesday, killing three of them and wounding five, a local official said.",
            "The workers were on their way to orange groves outside the town when the bomb went off under the front of the vehicle, the official said. He said the device had been planted overnight on a road farmers use every morning.",
            "The attack came a day after a car bomb in Damascus, the Syrian capital, killed seven people and wounded 15 near a military bus, according to Syria's state news agency.",
            "Iraqi officials have warned that Islamic State fighters regrouping in eastern Syria could slip across the long desert border, and security forces on the Iraqi side have been put on alert.",
            "Diyala, a mixed province of Sunni and Shi'ite Arabs and Kurds bordering Iran, has remained one of the most restive parts of the country since Islamic State lost its last territory in Iraq.",
            '"Every week we bury someone," said a farmer whose cousin was among the wounded. "We cannot leave our land, but we cannot work it safely either."',
            "Farmers in the province have repeatedly asked for armed escorts during the harvest season, when they spend long hours in isolated orchards.",
            "The provincial council said on Wednesday it would pay compensation to the families of the dead and called on the federal government to send reinforcements to the area.",
            "Security officials said a suspect had been detained for questioning, but gave no further details.",
        ),
    ),
    # 7b. An attack in Europe mentioned in an Iraqi story.
    "ctx-abroad-paris": Story(
        "Rockets hit oil workers' compound in Basra",
        date(2021, 1, 27),  # a Wednesday
        (
            "Two rockets struck a compound housing foreign oil workers near Basra on Tuesday, wounding an Iraqi security guard, police said.",
            "One rocket hit a storage building and the other landed in an empty car park, police said. Firefighters put out a small blaze, and production at the nearby oil field was not affected, the oil ministry said.",
            "No group claimed responsibility. Rocket attacks on foreign companies and diplomatic sites have been blamed on armed factions opposed to the presence of Western firms and troops.",
            'An employee of one of the foreign companies said staff had been ordered into shelters. "We heard two loud bangs and the sirens started," he said by telephone. "Nobody panicked, we have drills for this."',
            "Iraq's foreign ministry also condemned a knife attack in Paris on Monday in which two people were killed, and expressed its solidarity with the French people.",
            "The southern province produces most of the country's oil exports, and the government depends on foreign companies to raise output. Several firms have withdrawn staff temporarily after previous attacks.",
            "Oil revenue accounts for more than 90 percent of the state budget, according to the finance ministry, and officials fear that insecurity could deter investors.",
            "Security around oil installations in the province is handled by a mix of state forces, private guards and company security staff, and the oil ministry said it would review arrangements at the compound.",
            "The wounded guard was treated for cuts from flying glass and was in a stable condition, a hospital official said.",
        ),
    ),
    # 8a. A well-known town named alone while a small namesake lies in another governorate.
    "ctx-namesake-hawija": Story(
        "Islamic State fighters kill three village guards",
        date(2019, 7, 4),  # a Thursday
        (
            "Islamic State militants attacked a village near Hawija on Wednesday night, killing three members of a local tribal guard force and wounding two others, police said.",
            "The attackers arrived on motorcycles shortly after dark and opened fire on a guard post at the edge of the village, a police officer said. The guards returned fire, and the militants withdrew into nearby fields after a gun battle that lasted about half an hour.",
            "Tribal guard units, made up of men from local clans and paid by the state, were set up after Islamic State was driven from the area to help security forces hold villages that soldiers cannot reach every night.",
            '"We have old rifles and a few bullets each," said one guard. "They come with night-vision goggles and heavy machine guns."',
            "Hawija, a largely Sunni Arab farming town, was one of the last areas in the north to be retaken from Islamic State, in October 2017. Many residents have returned, but attacks on guard posts and on officials continue in the surrounding countryside.",
            "Militants have burned crops in the area in recent summers, and local officials say they extort money from farmers and shepherds.",
            "Security forces said they had launched a search operation in the fields around the village on Thursday morning.",
            "Relatives said the three dead guards were all from the same clan and had joined the force two years earlier because there was no other work in the area. They were buried on Thursday in the village cemetery.",
        ),
    ),
    # 8b. A well-known town named with its governorate; a namesake lies across the border.
    "ctx-namesake-hit": Story(
        "Gunmen kill municipal official in western Iraq",
        date(2019, 3, 12),  # a Tuesday
        (
            "Gunmen shot dead a municipal official in Hit, in Anbar province, on Monday as he left his home for work, police said.",
            "The official, who was in charge of reconstruction contracts for the town, was hit by several bullets fired from a passing car and died on the way to hospital, a police source said.",
            "Police said they had set up checkpoints on the roads leading out of the town and were questioning witnesses. No group claimed responsibility.",
            'A colleague said the official had received threats after refusing to approve a contract for a politically connected company. "He was an honest man, and that is why they killed him," the colleague said.',
            "The town, on the Euphrates about 150 kilometres west of Baghdad, was held by Islamic State for almost two years and was retaken by Iraqi forces in 2016. Large parts of it were damaged in the fighting.",
            "Billions of dollars have been pledged to rebuild towns and cities in the province, and disputes over contracts have turned deadly before, local officials say.",
            "The provincial governor condemned the killing and called on security forces to find the culprits quickly.",
            "The man, a civil engineer in his forties, had worked for the municipality for more than 15 years and was known for touring building sites himself, relatives said.",
            "Friends said he had planned to retire next year and move his family to a quieter neighbourhood.",
            'His brother said the family wanted the investigation to be handled by officers from outside the province. "Here everyone knows everyone, and nobody will speak," he said.',
        ),
    ),
    # 8c. A well-known district named alone; namesakes lie in Syria and in other governorates.
    "ctx-namesake-sinjar": Story(
        "Drone strike kills two fighters in Sinjar",
        date(2021, 8, 18),  # a Wednesday
        (
            "A drone strike hit a car in Sinjar on Tuesday, killing two members of a local armed group, officials and the group said.",
            "The car was struck on a road on the edge of the town in the early afternoon, a local official said. Photographs showed the burned-out wreck of the vehicle lying in a ditch.",
            "Turkey, which has carried out a series of drone strikes in the area, did not immediately comment. Ankara says the group is linked to Kurdish militants it has fought for decades.",
            'The group said in a statement that the men were "defending our people" and vowed to continue its work.',
            "The district, home to the Yazidi religious minority, was overrun by Islamic State in August 2014, when the militants killed and enslaved thousands of Yazidis. Many of the survivors still live in camps and have not returned.",
            'Local residents say the drone strikes have added to their fear. "We hear them flying over us at night," said a shopkeeper. "Nobody feels safe on the roads anymore."',
            "The federal government and the Kurdish regional government signed an agreement in 2020 to restore stability in the district, but it has been only partly carried out.",
            "Local officials said the two men were in their thirties and had been driving home from a market when the car was hit. A third passenger escaped with minor injuries, according to one official.",
            "Iraq's foreign ministry said it would summon the Turkish ambassador to protest against what it called a repeated violation of Iraqi sovereignty.",
        ),
    ),
    # 9. A quoted threat and a reported threat next to one incident.
    "ctx-threat": Story(
        "Bomb hits army supply convoy near Baiji",
        date(2022, 8, 19),  # a Friday
        (
            "A roadside bomb hit a convoy of trucks carrying supplies for the army near Baiji on Thursday, killing one driver and wounding two others, security officials said.",
            "The bomb went off beneath the third truck in the convoy as it passed a bend in the road where the highway runs close to the river, the officials said.",
            'Islamic State claimed responsibility in a statement. "We will attack the convoys again," the group said in a statement.',
            "Militants threatened to bomb the bridge that carries the highway over the Tigris, the officials said, and the army closed it to civilian traffic overnight while engineers checked it for explosives.",
            'Truck drivers said they were afraid to work on the route. "We earn a few dollars a day, and now we are targets," said one driver, who gave his name as Ahmed.',
            "The town's refinery, once the largest in the country, was heavily damaged in fighting in 2014 and 2015, and only part of it has been repaired.",
            "Attacks on supply routes have risen in the province over the summer, according to security analysts, who say the militants are trying to stretch the army's resources.",
            "Provincial officials said they had asked the army to provide armed escorts for civilian trucks as well as military convoys and to step up patrols at night, when most roadside bombs are planted.",
            "The driver who was killed, a father of three from a village outside the town, was buried on Thursday evening. Relatives said he had taken the job only a month earlier.",
        ),
    ),
    # 10. A region, not a governorate.
    "ctx-region": Story(
        "Turkish jets strike Kurdish militants in northern Iraq",
        date(2018, 4, 18),  # a Wednesday
        (
            "Turkish warplanes carried out airstrikes in northern Iraq on Tuesday, killing six Kurdish militants, the Turkish military said.",
            "The strikes destroyed shelters, weapons stores and caves used by the militants in the mountainous border region, the military said in a statement. It did not say exactly where the targets were.",
            "Officials in the semi-autonomous Kurdistan region said they were trying to verify the toll. There was no comment from the militants.",
            "Turkey regularly strikes what it says are militant hideouts across the border and has set up small outposts inside Iraqi territory. The militants have waged an insurgency against the Turkish state since 1984 in a conflict that has killed more than 40,000 people.",
            'Iraq\'s foreign ministry has repeatedly protested against the strikes as a violation of its sovereignty, but has little leverage over its powerful northern neighbour. "We reject any military action on our territory," a spokesman said.',
            "Villagers in the mountains say the strikes have forced many families to abandon orchards and pastures near the border.",
            "The Kurdish regional government depends on trade with Turkey, and exports oil through a pipeline that runs to a Turkish port, which complicates its response.",
            "A Kurdish official said some of the areas targeted in recent weeks were close to villages, and that residents had been told to keep away from the hillsides where militants were believed to be hiding.",
            "Turkey's defence minister said last week that operations would continue until the border was secure, and Turkish officials have repeatedly said they will not allow the militants a safe haven.",
        ),
    ),
    # 11a. A negation that is still an incident, next to a fear that is not.
    "ctx-negation": Story(
        "No casualties as rockets target base near Baghdad airport",
        date(2022, 10, 26),  # a Wednesday
        (
            "No one was hurt in Tuesday's rocket attack on a military base near Baghdad airport, the Iraqi military said on Wednesday.",
            "Two rockets landed inside the perimeter of the base late on Tuesday and a third fell in an empty field nearby, the military said in a statement. One of them damaged a parked vehicle.",
            "Security forces found the launcher, a makeshift rail mounted on the back of a pickup truck, a few kilometres away, the statement said. No group claimed responsibility.",
            "Officials feared an attack on the shrine during a major pilgrimage next week, when millions of worshippers are expected in the city, and said thousands of extra troops would be deployed.",
            'A security official said the rocket fire was meant to embarrass the new government. "They want to show that they can reach any target," he said.',
            "Rocket attacks on bases hosting foreign troops and on the capital's fortified government district were frequent in 2020 and 2021, and have become rarer since.",
            "The government has promised to bring all weapons under state control, but armed factions with their own arsenals remain powerful.",
            "The base, which houses Iraqi army units and a small number of foreign advisers, has been targeted several times in the past, though rarely with casualties.",
            "The military said it had opened an investigation and was checking footage from surveillance cameras along the road where the launcher was found.",
            "Iraqi forces have stepped up patrols along the roads leading to the airport, and drivers said checkpoints on the main highway had been reinforced by Wednesday morning.",
        ),
    ),
    # 11b. A hypothetical and a plan next to one incident.
    "ctx-hypothetical": Story(
        "Militants shell army positions near Haditha dam",
        date(2014, 9, 17),  # a Wednesday
        (
            "Militants shelled army positions on the outskirts of Haditha on Tuesday, killing two soldiers, a local official said.",
            "The mortar rounds fell on a sandbagged post guarding the road that leads to the dam, the country's second largest, which has been defended for weeks by soldiers and local tribal fighters.",
            "If the militants reach the dam, they could flood the city and towns downstream and cut electricity to much of the region, engineers warned.",
            'The army plans to send reinforcements by helicopter in the coming days, a military spokesman said. "The dam will not fall," he said.',
            "Residents said food and fuel were running short because the main roads into the town had been cut for weeks. Some families have fled across the desert.",
            "Local tribal leaders, many of whom have fought the militants for years, said they needed heavier weapons and ammunition to hold their ground.",
            "The militants have captured large parts of the country's north and west since June, including its second-largest city.",
            "A soldier at the post said the shelling had started at dawn and continued on and off for several hours. The two soldiers who were killed had been standing at a machine-gun position on the roof, he said.",
            "Engineers at the dam said they had been working in shifts for weeks, sleeping in the control building and rarely going home, to keep the turbines running and the water level stable.",
            'The United Nations said it was worried about thousands of civilians trapped in the area and urged all sides to let food and medicine through. "The situation is desperate," an aid official said.',
        ),
    ),
    # 9. A town retaken on the ground and air strikes the same day: two acts by two actors.
    "ctx-ground-and-air": Story(
        "Kurdish fighters retake town as U.S. jets strike militant convoys",
        date(2014, 8, 18),  # a Monday
        (
            "Kurdish fighters retook the town of Makhmour from the militants on Sunday, their first gain after weeks of retreat, a Kurdish commander said.",
            "U.S. warplanes launched a new round of airstrikes on Sunday against militant vehicles firing on Irbil, the Pentagon said.",
            "The commander said his men had entered the town from the east at dawn and met little resistance. Most residents fled weeks ago.",
            "Aid groups said thousands of families displaced from the area were sheltering in schools and mosques.",
        ),
    ),
    # 10. A rally on a day in the capital, and the protests of years past.
    "ctx-rally": Story(
        "Prime minister's supporters rally in Baghdad",
        date(2014, 8, 12),  # a Tuesday
        (
            "Hundreds of supporters of the prime minister staged a demonstration in Baghdad on Monday, waving his portrait and chanting slogans, witnesses said.",
            "Security forces closed two main streets around the square, and the rally ended peacefully in the afternoon.",
            "The western province has long been the scene of protests against the government, which its residents accuse of neglect.",
            "Politicians are expected to meet again later this week to discuss the formation of a new cabinet.",
        ),
    ),
    # 11. News of a bombing, then history recalled without a date. (Where the news gives a day, the aside
    # still takes it: a known limit, as a lead's day often dates the incidents told after it.)
    "ctx-undated-aside": Story(
        "Bomb kills four at checkpoint near Samarra",
        date(2015, 5, 20),  # a Wednesday
        (
            "A roadside bomb exploded near an army checkpoint outside Samarra, killing four soldiers, security officials said.",
            "The bomb had been hidden in a pile of rubbish beside the road and was detonated as a patrol passed, they said.",
            "No group claimed the attack.",
            "Veterans of the war remember the province well.",
            "The battles for Tikrit and Baiji were fierce; more soldiers died in that part of the country than anywhere else.",
            "Many of them say they still follow the news from the towns where they served.",
        ),
    ),
    # 13. Strikes abroad beside a village that shares a word with a place there ("the Golan" / Kulan).
    "ctx-abroad-village": Story(
        "Rockets hit base north of Baghdad as region tensions rise",
        date(2019, 8, 26),  # a Monday
        (
            "Two rockets struck an army base in Taji, north of Baghdad, on Sunday, wounding three soldiers, the military said.",
            "Hours later, Israel said it had launched airstrikes in Syria to stop an attack on the Golan Heights.",
            "No group claimed the rocket attack on the base.",
        ),
    ),
    # 14. An incident told in a clause that dates it: "five days after ...".
    "ctx-days-after": Story(
        "Council meets under guard in Tikrit",
        date(2018, 4, 12),  # a Thursday
        (
            "TIKRIT (Synthetic Wire) — Three days after a car bomb killed nine people at a bus station in Tikrit, the city's council met on Thursday behind concrete walls and armed guards.",
            "Members said they had asked the government for more police and for cameras at the city's entrances.",
        ),
    ),
    # 15. A reporter's quoted account of the night, and a riot told as what a sponsor "was able to" do.
    "ctx-quoted-report": Story(
        "Tanks in the streets as premier clings to power",
        date(2014, 8, 12),  # a Tuesday
        (
            '"Troops loyal to the prime minister redeployed overnight throughout Baghdad," a reporter for a local radio station said.',
            "The president has asked another politician to form a government, and the premier has called the move a violation of the constitution.",
        ),
    ),
    "ctx-was-able-to": Story(
        "Militia supporters besiege embassy",
        date(2020, 1, 2),  # a Thursday
        (
            "Earlier this week, the militia was able to mobilise hundreds of supporters to violently demonstrate at a foreign embassy in Baghdad, setting fire to a reception area.",
            "Diplomats said the show of force was a warning.",
        ),
    ),
    # 16. A battle under way, told with the air power that backs it, deep in a story about something else.
    "ctx-battle-under-way": Story(
        "New adviser takes office amid busy week",
        date(2017, 2, 20),  # a Monday
        (
            "The new national security adviser started work on Monday, the White House said.",
            "He takes over a staff that has been without a permanent head for weeks.",
            "Officials said his first task would be a review of the travel rules.",
            "Abroad, coalition air strikes are now helping Iraqi forces in the final battle to drive the militants from western Mosul.",
            "Aid groups said tens of thousands of civilians remained trapped in the old city.",
        ),
    ),
    # 17. An offensive and the fall of the town it took: one battle.
    "ctx-offensive-and-fall": Story(
        "Militants seize northern town",
        date(2014, 8, 4),  # a Monday
        (
            "Aid groups said tens of thousands of people had fled into the mountains by Monday.",
            "Over the weekend, militants launched a new offensive and pushed out the Kurdish fighters who had protected the town.",
            "The town of Sinjar fell to the militants, and its people fled by the tens of thousands.",
            "The United Nations said it was alarmed by reports of killings.",
        ),
    ),
    # 18. Strikes counted across the country, then placed: "the latest airstrikes were in the area of ...".
    "ctx-latest-strikes": Story(
        "Jets keep up strikes as video shocks capital",
        date(2014, 8, 20),  # a Wednesday
        (
            "Officials said they were studying a video released by the militants on Tuesday night.",
            "Fighter jets and drones conducted nearly a dozen airstrikes in Iraq since Tuesday, an official said.",
            "According to the official, the latest airstrikes were in the area of the Mosul Dam and were aimed at helping Kurdish forces hold the facility.",
        ),
    ),
    # 19. The nearest time the article gives is the day something was announced.
    "ctx-announced-day": Story(
        "Coalition keeps up pressure on militants",
        date(2016, 6, 6),  # a Monday
        (
            "The coalition said it had widened its campaign in recent months.",
            "Strikes on Feb. 3 and March 30 had killed 11 fighters in the desert, officials said.",
            "Meanwhile, the coalition continued to hit targets across the region, the military command announced Saturday.",
            "Those strikes came as suicide bombers struck in Baghdad, killing 15 people.",
        ),
    ),
    # 20. A missile attack on two bases is one event per base; rockets fired from a town hit one base.
    "ctx-two-targets": Story(
        "Missiles hit two bases hosting foreign troops",
        date(2020, 1, 8),  # a Wednesday
        (
            "A neighbouring state fired more than a dozen ballistic missiles early Wednesday that targeted the Ain al-Asad air base in Anbar and a second base at Irbil, officials said.",
            "No casualties were reported at either base.",
        ),
    ),
    "ctx-fired-from": Story(
        "Rockets hit air base",
        date(2020, 3, 4),  # a Wednesday
        (
            "Rockets fired from Hit struck the Ain al-Asad air base on Tuesday, officials said.",
            "No one was hurt.",
        ),
    ),
    # 21. A month set by the sentence right before dates the fighting told after it.
    "ctx-this-month": Story(
        "Militants still active a month after victory",
        date(2018, 1, 20),  # a Saturday
        (
            "A month after the government declared victory, officials say the militants could still retake ground.",
            "Commanders say sleeper cells move at night between the valleys.",
            "Residents say they are afraid to travel after dark.",
            "In the Hawija area, at least three civilians and a tribal fighter have been killed this month, security sources said.",
            "They said around 60 militants have also died in fighting around Hawija.",
        ),
    ),
    # 12. A victim named in the passive, on the weekend.
    "ctx-weekend": Story(
        "Tribal leader killed in Hit",
        date(2016, 3, 21),  # a Monday
        (
            "Sheikh Khalid Jassim was killed at his home in Hit this weekend when gunmen stormed the house, relatives said.",
            "The sheikh had led a tribal force that fought alongside the army, and had received threats for months, they said.",
            "His funeral was held on Monday.",
        ),
    ),
    # 22. A senator from abroad reacting to a strike told earlier: one strike, not two.
    "ctx-senator-reacts": Story(
        "Air strike kills militia commander at Baghdad airport",
        date(2020, 6, 12),  # a Friday
        (
            "A militia commander was killed in an air strike on Friday, officials said.",
            "Abu Karrar al-Hashimi was killed at Baghdad airport early Friday as his convoy left the terminal.",
            "Hashimi was killed while the convoy was leaving the airport road, a security source said.",
            "The strike drew condemnation from several parties in parliament.",
            'Sen. Jane Hollis, an Ohio Democrat, said, "The decision to kill Abu Karrar al-Hashimi in Baghdad is a provocative act taken without consultation."',
        ),
    ),
    # 23. A quotation with no one reporting it, joined to a strike without casualties, gives it no toll.
    "ctx-quoted-reaction": Story(
        "Rocket hits Green Zone, no casualties",
        date(2020, 2, 13),  # a Thursday
        (
            "A rocket struck the Green Zone in Baghdad on Wednesday night, and there were no casualties, police said.",
            "Embassy staff took shelter in a basement until the alarm ended.",
            "A guard who served at the embassy in 2008 has told the story of that year many times.",
            "“‘I killed an attacker.’”",
        ),
    ),
    # 24. The assault and the base it overran: one battle, dated by its own day.
    "ctx-assault-and-overrun": Story(
        "Up to 200 soldiers feared dead after militants overrun base",
        date(2014, 10, 2),  # a Thursday
        (
            "150 soldiers are dead and 60 are missing following a militant attack, officials say.",
            "Officials gave new details about the killing of up to 200 soldiers in western Anbar province after militants overran the base near Fallujah this week.",
            "A handful of survivors who escaped from the base, which had been under siege for a week, accused the government of failing to respond in the days leading up to Monday's final assault on the camp.",
        ),
    ),
    # 25. A headline that names a person whose surname is also a village's ("Kerry" ~ Kiri, in Diyala).
    "ctx-person-headline": Story(
        "John Kerry: the militants must be stopped",
        date(2016, 3, 17),  # a Thursday
        (
            "Secretary of State John Kerry said on Thursday that the group's campaign against minorities must be stopped.",
            "The group has claimed attacks on mosques and markets in several countries.",
            "It claimed responsibility for the explosion, which killed at least 13 people and injured nine others.",
        ),
    ),
    # 26. Air strikes, and the ground they helped troops take back, told by reference ("the dam").
    "ctx-reclaim-the-dam": Story(
        "Jets strike militants near dam",
        date(2015, 6, 11),  # a Thursday
        (
            "The government said on Thursday it would send more troops north.",
            "American jets and drones conducted nearly a dozen air strikes in Iraq since Tuesday, an official said.",
            "The latest air strikes were in the area of the Haditha Dam, the official said.",
            "The strikes have helped Iraqi troops reclaim the dam from the militants.",
        ),
    ),
    # 27. Two towns retaken, listed together; NER takes the second for a person.
    "ctx-two-towns-listed": Story(
        "Kurdish forces retake two towns",
        date(2014, 8, 11),  # a Monday
        (
            "Kurdish fighters retook two towns — Makhmour and al-Gweir, south-west of Irbil — from the militants on Sunday, officials said.",
            "The fighters said they met little resistance.",
        ),
    ),
}


@pytest.fixture(scope="module")
def found() -> dict[str, Extracted]:
    """Each story extracted on its own (spaCy is loaded once), so no two stories' reports link."""
    cfg = Config.from_env()
    results: dict[str, Extracted] = {}
    for story_id, story in STORIES.items():
        record = {
            "id": story_id,
            "title": story.title,
            "text": story.text,
            "published": story.published.isoformat(),
            "outlet": OUTLET,
        }
        results[story_id] = extract_events([parse_record(record, story_id)], cfg)
    return results


def news(found: dict[str, Extracted], story_id: str) -> list[Event]:
    """The story's incidents dated within the codebook's window before publication, or undated."""
    result = found[story_id]
    assert not result.problems, result.problems
    published = STORIES[story_id].published
    earliest = published - timedelta(days=CORE_DAYS)
    return [e for e in result.events if e.event_date is None or earliest <= e.event_date <= published]


def show(events: list[Event]) -> str:
    """What the extractor produced, for a failing assertion's message."""
    lines = [f"{len(events)} event(s):"]
    for e in events:
        lines.append(
            f"  {e.event_date} ({e.date_precision}) {e.event_type} / {e.sub_event_type}"
            f" at {e.location!r} {e.admin1_code} (precision {e.geo_precision}),"
            f" killed {e.fatalities}, injured {e.injured}; evidence: "
            + " | ".join(ev.text[:90] for ev in e.evidence)
        )
    return "\n".join(lines)


def with_sentence(events: list[Event], words: str) -> list[Event]:
    return [e for e in events if any(words in ev.text for ev in e.evidence)]


def test_place_only_in_the_dateline(found: dict[str, Extracted]) -> None:
    """BAGHDAD (Synthetic Wire) — A car bomb exploded near a crowded market on Tuesday, killing 12."""
    events = news(found, "ctx-dateline")
    bombings = [e for e in events if e.fatalities == 12]
    assert len(bombings) == 1, show(events)
    assert bombings[0].admin1_code == "IQ-BG", show(events)
    assert (bombings[0].event_date, bombings[0].date_precision) == (date(2021, 3, 16), "day"), show(events)
    assert len(events) == 1, show(events)


def test_place_only_in_the_headline(found: dict[str, Extracted]) -> None:
    """The headline names Tuz Khurmatu; the body says only "the tent", "the town"."""
    events = news(found, "ctx-headline")
    assert events and all(e.admin1_code == "IQ-SD" for e in events), show(events)
    # Nine mourners were killed; ACLED (and sitrep) also count a suicide bomber among the dead.
    assert any(e.fatalities in {9, 10} for e in events), show(events)
    assert len(events) == 1, show(events)


def test_place_set_in_an_earlier_sentence(found: dict[str, Extracted]) -> None:
    """Kirkuk is set in the lead; "Gunmen there opened fire on a checkpoint on Sunday, killing two"."""
    events = news(found, "ctx-there")
    shootings = [e for e in events if e.fatalities == 2]
    assert len(shootings) == 1, show(events)
    assert shootings[0].admin1_code == "IQ-KI", show(events)
    assert (shootings[0].event_date, shootings[0].date_precision) == (date(2022, 5, 8), "day"), show(events)
    assert len(events) == 1, show(events)


def test_place_is_the_capital(found: dict[str, Extracted]) -> None:
    """ "A roadside bomb exploded in the Iraqi capital on Monday" and no other place: Baghdad."""
    events = news(found, "ctx-capital")
    assert events and all(e.admin1_code == "IQ-BG" for e in events), show(events)
    assert [e.fatalities for e in events] == [1], show(events)


def test_lead_total_and_two_detailed_attacks(found: dict[str, Extracted]) -> None:
    """ "Two bombings in Baghdad killed at least 20" then Sadr City (12) and Karrada (8): two incidents."""
    events = news(found, "ctx-lead-two")
    assert not [e for e in events if e.fatalities >= 20], show(events)  # the lead's total is no third bombing
    assert {e.admin1_code for e in events} == {"IQ-BG"}, show(events)
    assert sorted(e.fatalities for e in events) == [8, 12], show(events)


def test_one_strike_told_five_times(found: dict[str, Extracted]) -> None:
    """Lead, details, reaction, funeral and denial of one U.S. strike near Qaim: one incident."""
    events = news(found, "ctx-one-strike")
    assert len(events) == 1, show(events)
    (strike,) = events
    assert (strike.event_type, strike.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    ), show(events)
    assert strike.admin1_code == "IQ-AN", show(events)
    assert strike.event_date == date(2018, 9, 20), show(events)
    assert strike.fatalities == 4, show(events)
    assert len(strike.evidence) >= 3, show(events)


def test_statistics_are_not_tolls(found: dict[str, Extracted]) -> None:
    """ "A city of about 1.5 million people" and "more than 3,000 killed this year" beside one bombing."""
    result = found["ctx-statistic"]
    assert all(e.fatalities < 1000 for e in result.events), show(result.events)
    statistics = [c for c in result.claims if c.kind == "statistic"]
    assert any(3000 in c.numbers for c in statistics), [(c.kind, c.numbers, c.text) for c in result.claims]
    events = news(found, "ctx-statistic")
    bombings = [e for e in events if e.fatalities == 2]
    assert len(bombings) == 1 and bombings[0].admin1_code == "IQ-NI", show(events)
    assert len(events) == 1, show(events)


@pytest.mark.parametrize(
    ("story_id", "code", "killed", "abroad_killed"),
    [("ctx-abroad-damascus", "IQ-DI", 3, 7), ("ctx-abroad-paris", "IQ-BA", 0, 2)],
)
def test_attack_abroad_is_not_an_iraqi_incident(
    found: dict[str, Extracted], story_id: str, code: str, killed: int, abroad_killed: int
) -> None:
    """A bombing in Damascus or an attack in Paris is background; the story's Iraqi incident stays."""
    result = found[story_id]
    assert not [e for e in result.events if e.fatalities == abroad_killed], show(result.events)
    events = news(found, story_id)
    incidents = [e for e in events if e.admin1_code == code and e.fatalities == killed]
    assert len(incidents) == 1, show(events)
    assert len(events) == 1, show(events)


@pytest.mark.parametrize(
    ("story_id", "code"),
    [
        ("ctx-namesake-hawija", "IQ-KI"),  # a small Hawijah lies in Diyala
        ("ctx-namesake-hit", "IQ-AN"),  # villages called Hit lie in Syria and Saudi Arabia
        ("ctx-namesake-sinjar", "IQ-NI"),  # villages called Sinjar lie in Babil, Baghdad and Syria
    ],
)
def test_well_known_town_over_namesake_village(found: dict[str, Extracted], story_id: str, code: str) -> None:
    events = news(found, story_id)
    assert events and all(e.country == "Iraq" and e.admin1_code == code for e in events), show(events)
    assert len(events) == 1, show(events)


def test_quote_and_threat_are_not_incidents(found: dict[str, Extracted]) -> None:
    """ "We will attack the convoys again," the group said; "Militants threatened to bomb the bridge"."""
    events = news(found, "ctx-threat")
    assert not with_sentence(events, "will attack the convoys"), show(events)
    assert not with_sentence(events, "threatened to bomb"), show(events)
    assert len(events) == 1, show(events)
    assert (events[0].admin1_code, events[0].fatalities) == ("IQ-SD", 1), show(events)


def test_region_is_not_forced_into_a_governorate(found: dict[str, Extracted]) -> None:
    """ "Airstrikes in northern Iraq" name no governorate: admin1 is left empty, or there is no event."""
    events = news(found, "ctx-region")
    assert all(e.admin1_code is None and e.admin1 is None for e in events), show(events)
    assert len(events) <= 1, show(events)


def test_negation_is_an_incident_but_fear_is_not(found: dict[str, Extracted]) -> None:
    """ "No one was hurt in Tuesday's rocket attack" is an incident with no casualties; a feared attack is not."""
    events = news(found, "ctx-negation")
    assert not with_sentence(events, "feared an attack"), show(events)
    assert len(events) == 1, show(events)
    (attack,) = events
    assert attack.admin1_code == "IQ-BG", show(events)
    assert attack.event_date == date(2022, 10, 25), show(events)
    assert (attack.fatalities, attack.injured) == (0, 0), show(events)


def test_hypothetical_and_plan_are_not_incidents(found: dict[str, Extracted]) -> None:
    """ "If the militants reach the dam, they could flood the city" and a planned reinforcement."""
    events = news(found, "ctx-hypothetical")
    assert not with_sentence(events, "If the militants reach the dam"), show(events)
    assert not with_sentence(events, "plans to send reinforcements"), show(events)
    assert len(events) == 1, show(events)
    assert (events[0].admin1_code, events[0].fatalities) == ("IQ-AN", 2), show(events)


def test_ground_gain_and_air_strikes_are_two_incidents(found: dict[str, Extracted]) -> None:
    """A town retaken and air strikes on Irbil the same Sunday are two acts: neither absorbs the other."""
    events = news(found, "ctx-ground-and-air")
    kinds = sorted(e.sub_event_type for e in events)
    assert kinds == ["Air/drone strike", "Government regains territory"], show(events)
    assert all(e.event_date == date(2014, 8, 17) for e in events), show(events)


def test_a_rally_on_a_day_is_a_protest(found: dict[str, Extracted]) -> None:
    """A demonstration on Monday in Baghdad is a protest event; "long the scene of protests" is not."""
    events = news(found, "ctx-rally")
    assert [(e.event_type, e.admin1_code, e.event_date) for e in events] == [
        ("Protests", "IQ-BG", date(2014, 8, 11))
    ], show(events)


def test_undated_history_after_the_lead_is_not_news(found: dict[str, Extracted]) -> None:
    """ "The battles for Tikrit and Baiji were fierce", told after the lead, in an article that dates nothing."""
    events = found["ctx-undated-aside"].events
    assert not with_sentence(events, "The battles for Tikrit"), show(events)
    assert [(e.admin1_code, e.fatalities) for e in events] == [("IQ-SD", 4)], show(events)


def test_named_victim_killed_at_the_weekend(found: dict[str, Extracted]) -> None:
    """ "Sheikh Khalid Jassim was killed ... this weekend": one killed, dated to the weekend before Monday."""
    events = news(found, "ctx-weekend")
    assert len(events) == 1, show(events)
    assert events[0].fatalities == 1, show(events)
    assert events[0].event_date is not None and date(2016, 3, 19) <= events[0].event_date <= date(2016, 3, 20)


def test_strikes_abroad_do_not_land_on_a_namesake_village(found: dict[str, Extracted]) -> None:
    """Airstrikes "in Syria" near "the Golan Heights" are abroad, though an Iraqi village shares the word."""
    events = news(found, "ctx-abroad-village")
    assert not with_sentence(events, "Golan"), show(events)
    assert [(e.admin1_code, e.injured) for e in events] == [("IQ-BG", 3)], show(events)


def test_an_incident_told_days_before_the_news(found: dict[str, Extracted]) -> None:
    """ "Three days after a car bomb killed nine ..., the council met on Thursday": the bombing was Monday."""
    events = news(found, "ctx-days-after")
    assert [(e.event_date, e.fatalities) for e in events] == [(date(2018, 4, 9), 9)], show(events)


def test_a_quoted_report_of_the_night_is_news(found: dict[str, Extracted]) -> None:
    """A quotation that dates what it tells ("redeployed overnight throughout Baghdad") reports an event."""
    events = news(found, "ctx-quoted-report")
    assert [(e.event_type, e.admin1_code) for e in events] == [("Strategic developments", "IQ-BG")], show(
        events
    )


def test_what_a_sponsor_was_able_to_do_happened(found: dict[str, Extracted]) -> None:
    """ "was able to ... violently demonstrate" is past and real, not a plan: a riot in Baghdad."""
    events = news(found, "ctx-was-able-to")
    assert [(e.event_type, e.admin1_code) for e in events] == [("Riots", "IQ-BG")], show(events)


def test_a_battle_under_way_backed_by_air_strikes(found: dict[str, Extracted]) -> None:
    """ "Air strikes are now helping Iraqi forces in the final battle ... western Mosul": a battle, dated the day
    of the report though told after the lead with no date."""
    events = news(found, "ctx-battle-under-way")
    assert [(e.event_type, e.admin1_code, e.event_date) for e in events] == [
        ("Battles", "IQ-NI", date(2017, 2, 20))
    ], show(events)


def test_an_offensive_and_the_fall_of_the_town_are_one_battle(found: dict[str, Extracted]) -> None:
    """ "Militants launched a new offensive ... The town of Sinjar fell": one battle, at Sinjar."""
    events = news(found, "ctx-offensive-and-fall")
    assert [(e.event_type, e.admin1_code) for e in events] == [("Battles", "IQ-NI")], show(events)


def test_the_latest_strikes_placed_at_a_facility(found: dict[str, Extracted]) -> None:
    """ "conducted nearly a dozen airstrikes ... the latest airstrikes were in the area of the Mosul Dam": an
    air strike event in Nineveh."""
    events = news(found, "ctx-latest-strikes")
    assert [(e.sub_event_type, e.admin1_code) for e in events] == [("Air/drone strike", "IQ-NI")], show(
        events
    )


def test_the_day_of_an_announcement_dates_what_follows(found: dict[str, Extracted]) -> None:
    """ "... the command announced Saturday. Those strikes came as suicide bombers struck in Baghdad": the
    bombing is dated by Saturday, not by the Feb. 3 strikes told further back."""
    events = [e for e in found["ctx-announced-day"].events if e.admin1_code == "IQ-BG"]
    assert [(e.event_date, e.fatalities) for e in events] == [(date(2016, 6, 4), 15)], show(events)


def test_a_missile_attack_on_two_bases_is_two_events(found: dict[str, Extracted]) -> None:
    """ "targeted the Ain al-Asad air base in Anbar and a second base at Irbil": one event per base."""
    events = news(found, "ctx-two-targets")
    assert sorted(e.admin1_code or "" for e in events) == ["IQ-AN", "IQ-AR"], show(events)
    assert {e.event_type for e in events} == {"Explosions/Remote violence"}, show(events)


def test_rockets_fired_from_a_town_hit_one_place(found: dict[str, Extracted]) -> None:
    """ "Rockets fired from Hit struck the Ain al-Asad air base": the launch site is no second target."""
    events = news(found, "ctx-fired-from")
    assert len(events) == 1, show(events)


def test_a_month_from_the_sentence_before_dates_the_fighting(found: dict[str, Extracted]) -> None:
    """ "... killed this month. They said around 60 militants have also died in fighting around Hawija": the
    fighting is of this month, not an undated aside."""
    result = found["ctx-this-month"]
    fighting = with_sentence(result.events, "60 militants")
    assert fighting and all(e.event_date and e.event_date.month == 1 for e in fighting), show(result.events)
    assert not [c for c in result.claims if "60 militants" in c.text], show(result.events)


def test_a_senator_from_abroad_is_no_second_place(found: dict[str, Extracted]) -> None:
    """ "Sen. Jane Hollis, an Ohio Democrat, said the decision to kill ... in Baghdad": a name the gazetteer
    does not know ("Ohio") does not set the reaction apart from the strike; one strike, dated Friday."""
    events = news(found, "ctx-senator-reacts")
    assert [(e.sub_event_type, e.admin1_code, e.fatalities) for e in events] == [
        ("Air/drone strike", "IQ-BG", 1)
    ], show(events)


def test_a_bare_quotation_gives_no_toll(found: dict[str, Extracted]) -> None:
    """ "there were no casualties" ... "'I killed an attacker.'": the quotation is no report of the rocket."""
    events = news(found, "ctx-quoted-reaction")
    assert [(e.admin1_code, e.fatalities) for e in events] == [("IQ-BG", 0)], show(events)


def test_an_assault_and_the_overrun_base_are_one_battle(found: dict[str, Extracted]) -> None:
    """The toll of the lead, the base overrun "this week" and "Monday's final assault" are one battle on
    Monday, with the lead's toll."""
    events = news(found, "ctx-assault-and-overrun")
    assert [(e.event_type, e.admin1_code, e.event_date) for e in events] == [
        ("Battles", "IQ-AN", date(2014, 9, 29))
    ], show(events)
    assert 150 <= events[0].fatalities <= 200, show(events)


def test_a_person_in_the_headline_is_no_village(found: dict[str, Extracted]) -> None:
    """ "John Kerry: ..." does not place an unplaced explosion in the village of Kiri (Diyala)."""
    events = found["ctx-person-headline"].events
    assert not [e for e in events if e.admin1_code == "IQ-DA"], show(events)


def test_ground_reclaimed_by_reference_is_its_own_battle(found: dict[str, Extracted]) -> None:
    """ "The strikes have helped Iraqi troops reclaim the dam": the air strikes and the dam taken back on the
    ground are two incidents, both at the dam the sentence before names (Anbar)."""
    events = news(found, "ctx-reclaim-the-dam")
    assert sorted((e.sub_event_type or "", e.admin1_code or "") for e in events) == [
        ("Air/drone strike", "IQ-AN"),
        ("Government regains territory", "IQ-AN"),
    ], show(events)


def test_a_town_listed_beside_a_town_is_a_place(found: dict[str, Extracted]) -> None:
    """ "retook two towns — Makhmour and al-Gweir": one event per town, the second found though written with a
    lower-case article, spelt with g for the qaf of Al Kuwayr, and taken by NER for a person."""
    events = news(found, "ctx-two-towns-listed")
    assert len(events) == 2 and {e.admin1_code for e in events} == {"IQ-AR"}, show(events)
    assert len({e.location for e in events}) == 2, show(events)
