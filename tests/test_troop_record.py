"""The troop record: table-driven tests of a count's `location`, `as_of` and `mission`.

Every sentence was written for these tests and follows the "Troop counts" section of the
annotation guidelines: `location` is the state where the personnel are (for a withdrawal,
the state they leave); `as_of` the date the text ties to the count, else the reference date
for the story's present, null for an undated past or with no reference date; `mission` the
named operation, mission, force or PMC, in the short form the text uses.
"""

from __future__ import annotations

import pytest

import nigerfacts

REF = "2024-09-16"


def _troop(text: str, count: int, reference: str | None = REF) -> nigerfacts.models.TroopFact:
    facts = nigerfacts.extract(text, reference_date=reference)
    found = [t for t in facts.troops if t.count == count]
    assert found, [t.count for t in facts.troops]
    return found[0]


LOCATION = [
    # a state in a place phrase of the sentence
    ("Washington maintient environ 1 000 soldats au Niger.", 1000, "NER"),
    ("Près de 400 militaires tchadiens sont déployés en Centrafrique depuis mai.", 400, "CAF"),
    ("Quelque 2 000 soldats rwandais combattent aux côtés de l'armée au Mozambique.", 2000,
     "MOZ"),
    ("Le Burundi a envoyé 1 000 soldats dans l'est de la RDC.", 1000, "COD"),
    ("Une centaine de soldats turcs stationnent en Libye.", 100, "LBY"),
    # a capital, a city, a region or a base of the gazetteer
    ("Environ 300 instructeurs russes sont arrivés à Bamako la semaine dernière.", 300, "MLI"),
    ("Les 600 militaires américains de la base de drones d'Agadez plient bagage.", 600, "NER"),
    ("Quelque 1 200 soldats français restent stationnés à Abidjan.", 1200, "CIV"),
    ("L'armée a dépêché 500 hommes à Maiduguri, dans l'État de Borno.", 500, "NGA"),
    ("Au moins 12 soldats burkinabè ont été tués près de Djibo.", 12, "BFA"),
    ("Plus de 3 000 soldats nord-coréens ont été déployés dans la région de Koursk.", 3000,
     "RUS"),
    ("Les 700 militaires français de la base aérienne 101 ont achevé leur départ.", 700, "NER"),
    ("Quinze soldats ukrainiens ont été tués dans la région de Donetsk.", 15, "UKR"),
    ("Environ 250 militaires britanniques sont arrivés à Kismayo.", 250, "SOM"),
    # a withdrawal: the state left
    ("Les 1 500 soldats français ont quitté le Niger en décembre.", 1500, "NER"),
    ("Le retrait du Tchad de ses 1 000 militaires français s'achève.", 1000, "TCD"),
    ("Le Pentagone veut retirer 2 000 militaires américains d'Irak.", 2000, "IRQ"),
    ("Paris a rapatrié en France 400 soldats venus du Mali.", 400, None),
    # going home is not where they were; the paragraph tells
    ("Environ 200 soldats blessés ont été rapatriés en Corée du Nord. Ils avaient combattu "
     "en Russie.", 200, "RUS"),
    # words that refer back: y, le pays, sur son sol, la capitale
    ("L'Italie est présente au Niger. Elle y déploie environ 250 militaires.", 250, "NER"),
    ("Le Niger a dénoncé l'accord avec les États-Unis. Les Américains disposent d'environ "
     "1 000 soldats dans le pays.", 1000, "NER"),
    ("Le Mali a accepté 400 soldats russes sur son sol.", 400, "MLI"),
    ("Les instructeurs sont arrivés au Burkina Faso. Une centaine de militaires se sont "
     "installés dans la capitale.", 100, "BFA"),
    ("Le Ghana a dépêché 300 militaires le long de sa frontière nord.", 300, "GHA"),
    ("Le Tchad a perdu 20 soldats dans le nord du pays.", 20, "TCD"),
    # the mission's theatre
    ("La Finul compte quelque 10 000 Casques bleus.", 10000, "LBN"),
    ("La Monusco dispose encore de 13 000 Casques bleus.", 13000, "COD"),
    ("L'Amisom alignait 22 000 soldats.", 22000, "SOM"),
    # a host: the state that hosts them
    ("Varsovie a assuré que la Pologne, qui accueille 10 000 soldats américains, est "
     "épargnée.", 10000, "POL"),
    # a relative where: the place it opens
    ("La France garde des bases à Djibouti, où sont stationnés 1 500 militaires, et au Gabon.",
     1500, "DJI"),
    # a dative or a border is not a place
    ("L'armée a envoyé un message à la Russie en déployant 800 soldats au Kazakhstan.", 800,
     "KAZ"),
    ("Les 200 soldats lituaniens patrouillent près de la frontière bélarusse, à Vilnius.", 200,
     "LTU"),
    # a paragraph's place
    ("Au Niger, la situation se dégrade. L'armée a reçu 300 militaires en renfort.", 300,
     "NER"),
    # a home army's casualties that nothing places
    ("Le bilan est lourd : 14 soldats nigériens ont été tués lundi.", 14, "NER"),
    # an army's strength that nothing places
    ("L'armée polonaise dépasse désormais 200 000 soldats.", 200000, None),
    ("La Bundeswehr compte environ 180 000 militaires.", 180000, None),
]


@pytest.mark.parametrize("text, count, expected", LOCATION)
def test_location(text: str, count: int, expected: str | None):
    assert _troop(text, count).location == expected


AS_OF = [
    # the story's present or recent past: the reference date
    ("Washington maintient environ 1 000 soldats au Niger.", 1000, REF),
    ("Quelque 28 500 soldats américains sont stationnés en Corée du Sud.", 28500, REF),
    ("Lundi, 12 soldats maliens ont été tués dans une embuscade.", 12, REF),
    ("La Finul compte aujourd'hui quelque 10 000 Casques bleus.", 10000, REF),
    # a date of the count's own, inside a story of another date
    ("Le 10 avril, une centaine d'instructeurs russes étaient arrivés à Niamey.", 100,
     "2024-04-10"),
    ("En juillet, 800 soldats américains avaient déjà quitté la base de Niamey.", 800,
     "2024-07"),
    ("Mi-août, au moins 17 soldats nigériens avaient été tués et 20 blessés.", 17, "2024-08"),
    ("Mi-août, au moins 17 soldats nigériens avaient été tués et 20 blessés.", 20, "2024-08"),
    ("En 2018, la France comptait 4 500 militaires au Sahel.", 4500, "2018"),
    ("Fin 2023, les 1 500 soldats français avaient quitté le Niger.", 1500, "2023"),
    ("Le 5 août 2024, les 200 derniers militaires américains ont quitté Agadez.", 200,
     "2024-08-05"),
    ("Au moins 39 soldats ont été tués mardi 10 septembre dans l'attaque d'un poste.", 39,
     "2024-09-10"),
    ("Le Burundi a déployé 1 000 hommes en RDC en octobre 2023.", 1000, "2023-10"),
    ("Un premier bilan donné en avril faisait état de 30 soldats tués.", 30, "2024-04"),
    # a range: its later end
    ("Environ 2 000 soldats blessés ont été évacués entre janvier et mars.", 2000, "2024-03"),
    ("Onze militaires ont été tués dans la nuit du 5 au 6 avril.", 11, "2024-04-06"),
    # a deadline the count is to hold by
    ("La brigade doit atteindre 4 800 soldats d'ici fin 2027.", 4800, "2027"),
    # not a date of the count: a duration's start, another event's date, a gloss
    ("Depuis 2018, ces soldats, qui seraient un peu plus de 200, forment l'armée.", 200, REF),
    ("Depuis son déploiement, en septembre 2014, la mission a perdu 150 Casques bleus.", 150,
     REF),
    ("Quelque 1 500 militaires sont engagés dans l'opération Koundjoaré, créée en 2018.",
     1500, REF),
    ("Moscou y déploie 2 000 hommes, arrivés après la mort de Prigojine, en août 2023.", 2000,
     REF),
    ("Leur présence, héritée de la guerre de Corée (1950-1953), compte 28 500 soldats.", 28500,
     REF),
    ("Le 20 février, Paris a remis le camp de Port-Bouët, où demeurent 80 militaires.", 80, REF),
    # a date that belongs to another count of the sentence
    ("Les 15 000 soldats envoyés en Russie à l'automne 2023 ont subi des pertes : 4 700 "
     "blessés, dont 600 morts.", 600, REF),
    # a date tied to the count's event in an earlier sentence
    ("Le 5 août, un avion est parti de Niamey. L'avion transportait 65 militaires italiens.",
     65, "2024-08-05"),
    ("Le 10 septembre, des jihadistes ont attaqué un poste militaire. Le poste comptait "
     "environ 150 soldats.", 150, "2024-09-10"),
    # a toll that revises a dated one
    ("Onze militaires ont été tués le 6 septembre. Le premier décompte faisait état de "
     "quatre morts.", 4, "2024-09-06"),
    ("Neuf soldats togolais ont été tués le 8 septembre. Une trentaine de soldats ont été "
     "blessés.", 30, "2024-09-08"),
    # `alors`: the date of the sentence before; `alors que` is not
    ("Le 28 novembre, le Tchad a dénoncé l'accord. Un millier de soldats français étaient "
     "alors stationnés au Tchad.", 1000, "2024-11-28"),
    ("Le 16 mars, le Niger a dénoncé l'accord. Un accord conclu il y a douze ans, alors que "
     "les Américains disposent aujourd'hui de 1 000 soldats dans le pays.", 1000, REF),
    # an undated past, near the count only
    ("La mission doit compter 11 900 militaires, contre 18 500 au plus fort de l'Atmis.",
     11900, REF),
    ("La mission doit compter 11 900 militaires, contre 18 500 au plus fort de l'Atmis.",
     18500, None),
    ("La force a compté jusqu'à 5 000 militaires.", 5000, None),
    ("Au plus fort de l'opération, 5 100 soldats français étaient engagés.", 5100, None),
    ("À son apogée, Barkhane alignait 5 500 soldats.", 5500, None),
    # no reference date
    ("Washington maintient environ 1 000 soldats au Niger.", 1000, None),
]


@pytest.mark.parametrize("text, count, expected", AS_OF)
def test_as_of(text: str, count: int, expected: str | None):
    reference = None if "maintient" in text and expected is None else REF
    assert _troop(text, count, reference).as_of == expected


MISSION = [
    # named in the sentence, by acronym in any case, by long name, by its operation noun
    ("La Minusma compte 13 000 Casques bleus.", 13000, "Minusma"),
    ("La MINUSMA compte 13 000 Casques bleus.", 13000, "MINUSMA"),
    ("La Monusco, qui compte 15 000 Casques bleus, se retire.", 15000, "Monusco"),
    ("La Finul compte 10 000 militaires.", 10000, "Finul"),
    ("Les 3 000 soldats de l'Aussom sont attendus à Mogadiscio.", 3000, "Aussom"),
    ("La SAMIDRC alignait 1 300 soldats sud-africains.", 1300, "SAMIDRC"),
    ("La Minusca déploie 14 000 militaires.", 14000, "Minusca"),
    ("L'Atmis a réduit ses effectifs à 12 000 soldats.", 12000, "Atmis"),
    ("La Mission des Nations unies au Soudan du Sud compte 13 000 militaires.", 13000,
     "MINUSS"),
    ("La Force intérimaire des Nations unies au Liban compte 10 000 militaires.", 10000,
     "FINUL"),
    ("L'opération Barkhane comptait 5 100 soldats.", 5100, "Barkhane"),
    ("L'opération Serval a mobilisé 4 000 soldats.", 4000, "Serval"),
    ("La Force multinationale mixte regroupe 10 000 hommes.", 10000, "FMM"),
    ("Quelque 2 500 hommes de l'Africa Corps sont déployés au Mali.", 2500, "Africa Corps"),
    ("Environ 1 500 hommes du groupe Wagner opèrent en Centrafrique.", 1500, "Wagner"),
    ("La force en attente de la Cédéao doit compter 5 000 hommes.", 5000, "force en attente"),
    ("La Cédéao prépare sa force d'attente de 25 000 hommes.", 25000, "force d'attente"),
    ("L'EUTM Mali formait 600 militaires maliens.", 600, "EUTM Mali"),
    ("La task force Takuba réunissait 800 soldats européens.", 800, "Takuba"),
    ("L'opération Sangaris a compté 2 000 militaires.", 2000, "Sangaris"),
    ("Quelque 1 500 militaires sont engagés dans l'opération Koundjoaré.", 1500, "Koundjoaré"),
    # referred back: la force, la mission, peacekeepers, a mission of the paragraph
    ("La Cédéao a activé sa force d'attente. Selon le scénario, la force sera de 25 000 "
     "hommes.", 25000, "force d'attente"),
    ("Le Conseil a prolongé le mandat de la Minusca. La mission compte 14 000 Casques bleus.",
     14000, "Minusca"),
    ("La Finul reste déployée au Liban. Depuis un an, une dizaine de Casques bleus ont été "
     "blessés.", 10, "Finul"),
    ("La Finul compte 10 000 militaires. L'Italie et l'Indonésie en sont les principaux "
     "contributeurs, avec chacune plus de 1 000 soldats.", 1000, "Finul"),
    ("Le 10 avril, une centaine d'instructeurs russes sont arrivés à Niamey. Africa Corps a "
     "confirmé leur arrivée.", 100, "Africa Corps"),
    # a mission noun before the count: the mission named before, not one after
    ("L'Aussom a pris le relais de l'Atmis. La mission doit compter 11 900 militaires, contre "
     "18 500 au plus fort de l'Atmis.", 11900, "Aussom"),
    # a mission whose relative clause holds the count, even one that has left
    ("Wagner est parti. Le départ de Wagner, qui comptait 1 500 mercenaires au Mali, "
     "inquiète.", 1500, "Wagner"),
    # a national operation is its state's only
    ("L'opération Barkhane a pris fin. L'armée malienne compte 40 000 soldats.", 40000, None),
    # an ended mission does not hold the count
    ("Depuis le départ de la Minusma, 2 500 hommes de l'Africa Corps sont au Mali.", 2500,
     "Africa Corps"),
    ("Depuis le départ de la Minusma, l'armée malienne a recruté 5 000 soldats.", 5000, None),
    # no mission named
    ("Washington maintient environ 1 000 soldats au Niger.", 1000, None),
    ("L'armée polonaise dépasse désormais 200 000 soldats.", 200000, None),
    ("Au moins 12 soldats burkinabè ont été tués près de Djibo.", 12, None),
    ("La France garde 1 500 soldats à Djibouti. La marine maintient sa mission Corymbe.", 1500,
     None),
]


@pytest.mark.parametrize("text, count, expected", MISSION)
def test_mission(text: str, count: int, expected: str | None):
    assert _troop(text, count).mission == expected


@pytest.mark.parametrize("text, count, country", [
    ("Environ 1 500 hommes du groupe Wagner opèrent en Centrafrique.", 1500, "RUS"),
    ("Environ 300 soldats du groupe Redut sont arrivés.", 300, "RUS"),
    ("L'opération Barkhane comptait 5 100 soldats.", 5100, "FRA"),
    ("La Minusma compte 13 000 Casques bleus.", 13000, None),
])
def test_a_one_state_mission_gives_a_count_with_no_owner_its_state(text: str, count: int,
                                                                  country: str | None):
    assert _troop(text, count).country == country
