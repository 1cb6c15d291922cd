"""Troop counts: table-driven tests of `nigerfacts.extract(text).troops`.

Every sentence below was written for these tests. The expected facts follow the
"Troop counts" section of the annotation guidelines:

* a fact is `(count, country, qualifier, kind)`;
* `qualifier`: `exact`, `approx` (environ, quelque, près de, autour de, une
  centaine / un millier / une vingtaine...), `more_than` (plus de, un peu plus
  de, au moins) or `less_than` (moins de, jusqu'à);
* a range `X à Y soldats` gives X `more_than` and Y `less_than`;
* `kind`: `casualties` for killed, wounded, captured or missing personnel, else
  `strength`;
* `country`: the state the personnel serve (adjective, complement, possessive,
  sentence subject), `None` when the text does not say or when several states
  share the number; a PMC's personnel take the state it is tied to (Wagner ->
  RUS);
* counts without a number (`des centaines`, `plusieurs milliers`) and anything
  that is not military personnel of a state or PMC give nothing.

The comparison is on sets, so a fact stated twice is expected once.
"""

from __future__ import annotations

import pytest

import nigerfacts

NBSP = "\u00a0"  # non-breaking space
NNBSP = "\u202f"  # narrow non-breaking space

S, C = "strength", "casualties"
EXACT, APPROX, MORE, LESS = "exact", "approx", "more_than", "less_than"


CASES = [
    # ------------------------------------------------------------------
    # A count that borrows its noun (`en`) belongs to its own clause's subject
    # ------------------------------------------------------------------
    pytest.param(
        "Le Tchad a transféré jeudi 300 militaires du Niger vers le Bénin.",
        {(300, "TCD", EXACT, S)},
        id="de-country-vers-is-an-origin-not-an-owner",
    ),
    pytest.param(
        "Le Togo a redéployé 150 soldats du Burkina Faso au Ghana.",
        {(150, "TGO", EXACT, S)},
        id="de-country-au-country-is-an-origin",
    ),
    pytest.param(
        "L'Espagne a promis de doubler son budget militaire. La Roumanie, qui consacre déjà "
        "3 % de son PIB à ses armées, fait figure de modèle. Son armée compte désormais "
        "plus de 80 000 soldats.",
        {(80000, "ROU", MORE, S)},
        id="possessive-subject-is-the-previous-sentences-state",
    ),
    pytest.param(
        "Au large du Yémen, une frappe américaine a détruit lundi une vedette des rebelles. "
        "Le dispositif naval compte désormais plus de 3 000 marins, selon un responsable. Les "
        "Yéménites dénoncent une agression et le Yémen promet de riposter.",
        {(3000, "USA", MORE, S)},
        id="context-a-strike-ties-its-state-to-the-military",
    ),
    pytest.param(
        "Washington envisage de retirer environ 2 000 militaires américains d'Allemagne "
        "d'ici l'an prochain.",
        {(2000, "USA", APPROX, S)},
        id="nationality-beats-de-country-origin",
    ),
    pytest.param(
        "Les manœuvres visent à dissuader Téhéran, dont l'armée compte quelque 350 000 "
        "soldats, selon les estimations occidentales.",
        {(350000, "IRN", APPROX, S)},
        id="dont-subject-belongs-to-the-antecedent",
    ),
    pytest.param(
        "Vingt-trois soldats ivoiriens ont été tués dans l'attaque du poste de Kafolo. Un "
        "premier bilan faisait état de neuf morts.",
        {(23, "CIV", EXACT, C), (9, "CIV", EXACT, C)},
        id="bare-toll-revises-the-soldiers-toll-before",
    ),
    pytest.param(
        "Vingt-trois soldats ivoiriens ont été tués dans l'attaque du poste de Kafolo. Les "
        "secours ont aussi compté neuf morts parmi les villageois.",
        {(23, "CIV", EXACT, C)},
        id="bare-toll-of-another-group-is-not-troops",
    ),
    pytest.param(
        "Le Ghana a déployé 500 soldats dans le Nord. La police a recensé douze morts.",
        {(500, "GHA", EXACT, S)},
        id="bare-toll-after-a-strength-count-is-not-troops",
    ),
    pytest.param(
        "La mission a perdu plus de 80 Casques bleus depuis 2013, dont une quinzaine de "
        "Tchadiens.",
        {(80, None, MORE, C), (15, "TCD", APPROX, C)},
        id="dont-approx-noun-de-nationals",
    ),
    pytest.param(
        "Une centaine de Français vivent encore à Niamey, selon l'ambassade.",
        set(),
        id="nationals-outside-a-military-count-are-not-troops",
    ),
    pytest.param(
        "Le Burkina Faso a perdu onze soldats samedi. Côté malien, l'armée a elle aussi "
        "perdu au moins 14 hommes dans une embuscade.",
        {(11, "BFA", EXACT, C), (14, "MLI", MORE, C)},
        id="sentence-topic-cote-malien-owns-l-armee",
    ),
    pytest.param(
        "Sept soldats béninois ont été tués et une vingtaine d'autres blessés dans l'attaque "
        "de jeudi.",
        {(7, "BEN", EXACT, C), (20, "BEN", APPROX, C)},
        id="approx-noun-d-autres-continues-the-count",
    ),
    pytest.param(
        "Le Ghana et le Sénégal ont promis chacun 600 soldats à la force régionale.",
        {(600, "GHA", EXACT, S), (600, "SEN", EXACT, S)},
        id="chacun-gives-one-count-per-state",
    ),
    pytest.param(
        "Le Népal et le Rwanda en sont les premiers contributeurs, avec chacun plus de "
        "2 000 Casques bleus, devant le Pakistan.",
        {(2000, "NPL", MORE, S), (2000, "RWA", MORE, S)},
        id="chacun-after-a-lost-parse",
    ),
    pytest.param(
        "La frontière reste tendue. À Kinshasa, le ministre de la Défense a annoncé l'envoi "
        "de 3 000 soldats supplémentaires dans l'Ituri.",
        {(3000, "COD", EXACT, S)},
        id="sentence-topic-owns-a-minister-subject",
    ),
    pytest.param(
        "Au Mozambique, la fin de la SAMIM, qui réunissait quelque 1 900 militaires, "
        "inquiète les habitants de Pemba.",
        {(1900, None, APPROX, S)},
        id="multinational-mission-acronym-antecedent",
    ),
    pytest.param(
        "Le Tchad a dépêché 1 000 soldats dans la zone des trois frontières. Le Niger en a "
        "envoyé 500.",
        {(1000, "TCD", EXACT, S), (500, "NER", EXACT, S)},
        id="en-clitic-own-subject",
    ),
    pytest.param(
        "L'Espagne, qui fournit plus de 600 soldats, et l'Irlande, qui en déploie environ "
        "350, ont demandé des garanties.",
        {(600, "ESP", MORE, S), (350, "IRL", APPROX, S)},
        id="en-clitic-relative-subject",
    ),
    pytest.param(
        "Des soldats nigériens sont tombés jeudi dans une embuscade près de Tillabéri. Les "
        "assaillants en ont tué dix-sept.",
        {(17, "NER", EXACT, C)},
        id="en-clitic-casualty-subject-is-the-attacker",
    ),
    # ------------------------------------------------------------------
    # Numbers written with digits, in every French form
    # ------------------------------------------------------------------
    pytest.param(
        "La France a déployé 1 500 soldats au Niger.",
        {(1500, "FRA", EXACT, S)},
        id="digits-space",
    ),
    pytest.param(
        f"Quelque 1{NBSP}500 soldats français sont encore stationnés au Tchad.",
        {(1500, "FRA", APPROX, S)},
        id="digits-nbsp",
    ),
    pytest.param(
        f"Près de 2{NNBSP}300 militaires allemands participent à la mission au Mali.",
        {(2300, "DEU", APPROX, S)},
        id="digits-narrow-nbsp",
    ),
    pytest.param(
        "Le contingent compte désormais 1.000 soldats sénégalais.",
        {(1000, "SEN", EXACT, S)},
        id="digits-dot",
    ),
    pytest.param(
        "L'Italie a envoyé 1000 soldats en renfort dans la région.",
        {(1000, "ITA", EXACT, S)},
        id="digits-plain",
    ),
    pytest.param(
        "L'armée russe compte désormais 1,5 million de militaires, selon le Kremlin.",
        {(1500000, "RUS", EXACT, S)},
        id="decimal-million",
    ),
    pytest.param(
        "Les forces armées nigériennes comptent 33 000 hommes, contre 11 000 il y a dix ans.",
        # 11 000 is apart from its noun (`hommes` is implied) and also a strength.
        {(33000, "NER", EXACT, S), (11000, "NER", EXACT, S)},
        id="digits-two-values-hommes",
    ),
    # ------------------------------------------------------------------
    # Numbers written with words
    # ------------------------------------------------------------------
    pytest.param(
        "Deux cents soldats nigériens ont quitté la base de Ouallam mardi.",
        {(200, "NER", EXACT, S)},
        id="words-deux-cents",
    ),
    pytest.param(
        "Le Bénin a promis mille cinq cents soldats à la force régionale.",
        {(1500, "BEN", EXACT, S)},
        id="words-mille-cinq-cents",
    ),
    pytest.param(
        "Trois soldats maliens ont été tués dans une embuscade près de Ménaka.",
        {(3, "MLI", EXACT, C)},
        id="words-trois",
    ),
    pytest.param(
        "Le Burkina Faso a mobilisé huit cents réservistes pour sécuriser la frontière.",
        {(800, "BFA", EXACT, S)},
        id="words-huit-cents-reservistes",
    ),
    pytest.param(
        "Cent vingt militaires sénégalais rejoindront la Gambie le mois prochain.",
        {(120, "SEN", EXACT, S)},
        id="words-cent-vingt",
    ),
    pytest.param(
        "Quatre-vingts instructeurs français ont été affectés à l'école de Thiès.",
        {(80, "FRA", EXACT, S)},
        id="words-quatre-vingts",
    ),
    pytest.param(
        "Vingt et un soldats togolais ont été décorés à Lomé.",
        {(21, "TGO", EXACT, S)},
        id="words-vingt-et-un",
    ),
    pytest.param(
        "Douze mille soldats nord-coréens combattraient aux côtés de l'armée russe.",
        {(12000, "PRK", EXACT, S)},
        id="words-douze-mille",
    ),
    # ------------------------------------------------------------------
    # Approximate nouns and counts without a number
    # ------------------------------------------------------------------
    pytest.param(
        "Une centaine de soldats français restent cantonnés à l'aéroport de Niamey.",
        {(100, "FRA", APPROX, S)},
        id="approx-une-centaine",
    ),
    pytest.param(
        "Les Britanniques disposent d'environ un millier de militaires en Estonie.",
        {(1000, "GBR", APPROX, S)},
        id="approx-un-millier-demonym-subject",
    ),
    pytest.param(
        "Une vingtaine de militaires togolais ont été blessés dans l'explosion.",
        {(20, "TGO", APPROX, C)},
        id="approx-une-vingtaine-blesses",
    ),
    pytest.param(
        "Deux douzaines d'instructeurs britanniques forment les officiers ghanéens.",
        # `douzaine` is an approximate noun like `centaine`: approx.
        {(24, "GBR", APPROX, S)},
        id="approx-deux-douzaines",
    ),
    pytest.param(
        "Une dizaine de soldats ivoiriens gardent l'ambassade.",
        {(10, "CIV", APPROX, S)},
        id="approx-une-dizaine",
    ),
    pytest.param(
        "Plus d'un millier de soldats américains ont quitté la base d'Agadez.",
        {(1000, "USA", MORE, S)},
        id="approx-noun-with-plus-de",
    ),
    pytest.param(
        "Moins d'une centaine de soldats espagnols sont restés sur place.",
        # The modifier wins over the approximate noun.
        {(100, "ESP", LESS, S)},
        id="approx-noun-with-moins-de",
    ),
    pytest.param(
        "Plusieurs milliers de soldats russes sont massés à la frontière.",
        set(),
        id="none-plusieurs-milliers",
    ),
    pytest.param(
        "Des centaines de militaires nigériens ont défilé dans les rues de Niamey.",
        set(),
        id="none-des-centaines",
    ),
    pytest.param(
        "Des dizaines de soldats burkinabè ont été tués ces derniers mois.",
        set(),
        id="none-des-dizaines",
    ),
    pytest.param(
        "Quelques soldats français sont restés pour garder le matériel.",
        set(),
        id="none-quelques",
    ),
    # ------------------------------------------------------------------
    # Ranges
    # ------------------------------------------------------------------
    pytest.param(
        "Le Tchad déploiera de 2 500 à 3 000 soldats dans la zone des trois frontières.",
        {(2500, "TCD", MORE, S), (3000, "TCD", LESS, S)},
        id="range-de-a",
    ),
    pytest.param(
        "Entre 400 et 500 militaires ghanéens seront envoyés en Haïti.",
        {(400, "GHA", MORE, S), (500, "GHA", LESS, S)},
        id="range-entre-et",
    ),
    # ------------------------------------------------------------------
    # Personnel words
    # ------------------------------------------------------------------
    pytest.param(
        "Environ 300 soldats italiens sont stationnés au Niger.",
        {(300, "ITA", APPROX, S)},
        id="word-soldats-adjective",
    ),
    pytest.param(
        "Les 1 200 soldats du Tchad engagés dans le nord du Mali ont été rapatriés.",
        {(1200, "TCD", EXACT, S)},
        id="word-soldats-complement",
    ),
    pytest.param(
        "Quelque 900 militaires espagnols participent à la mission de formation.",
        {(900, "ESP", APPROX, S)},
        id="word-militaires",
    ),
    pytest.param(
        "Plus de 600 troupes turques sont déployées en Libye.",
        {(600, "TUR", MORE, S)},
        id="word-troupes",
    ),
    pytest.param(
        "L'armée française a engagé 5 100 hommes dans l'opération Barkhane.",
        {(5100, "FRA", EXACT, S)},
        id="word-hommes-military",
    ),
    pytest.param(
        "Le contingent tchadien, fort de 1 400 hommes, a quitté Tessalit.",
        {(1400, "TCD", EXACT, S)},
        id="word-hommes-fort-de",
    ),
    pytest.param(
        "Le Sénégal fournit 800 casques bleus à la Minusca.",
        {(800, "SEN", EXACT, S)},
        id="word-casques-bleus-subject",
    ),
    pytest.param(
        "La mission de l'ONU au Mali comptait 13 000 casques bleus à son apogée.",
        {(13000, None, EXACT, S)},
        id="word-casques-bleus-no-nationality",
    ),
    pytest.param(
        "L'armée burkinabè a dépêché 150 éléments dans la région du Sahel.",
        {(150, "BFA", EXACT, S)},
        id="word-elements",
    ),
    pytest.param(
        "Environ 1 500 paramilitaires russes du groupe Wagner sont présents en Centrafrique.",
        {(1500, "RUS", APPROX, S)},
        id="word-paramilitaires",
    ),
    pytest.param(
        "Près de 2 000 mercenaires de la société russe Wagner opèrent au Mali.",
        {(2000, "RUS", APPROX, S)},
        id="word-mercenaires-pmc",
    ),
    pytest.param(
        "Les mercenaires de Wagner, environ 1 800, ont quitté le Mali en juin.",
        # Wagner is tied to Russia (guidelines: Wagner / Africa Corps -> RUS),
        # even though the sentence does not say `russe`.
        {(1800, "RUS", APPROX, S)},
        id="word-mercenaires-wagner-alone-apart",
    ),
    pytest.param(
        "Moscou a déployé environ 2 000 hommes de l'Africa Corps au Sahel.",
        {(2000, "RUS", APPROX, S)},
        id="word-hommes-africa-corps-capital-subject",
    ),
    pytest.param(
        "Quelque 400 membres des forces spéciales françaises ont quitté Ouagadougou.",
        {(400, "FRA", APPROX, S)},
        id="word-membres-forces-speciales",
    ),
    pytest.param(
        "La Suède a déployé 150 forces spéciales au Mali.",
        {(150, "SWE", EXACT, S)},
        id="word-forces-speciales",
    ),
    pytest.param(
        "Trois cents parachutistes belges ont été largués sur la ville.",
        {(300, "BEL", EXACT, S)},
        id="word-parachutistes",
    ),
    pytest.param(
        "Deux légionnaires français du 2e REP ont perdu la vie au Mali.",
        # `2e REP` is a unit number, not a count.
        {(2, "FRA", EXACT, C)},
        id="word-legionnaires-perdu-la-vie",
    ),
    pytest.param(
        "Les États-Unis ont dépêché 2 000 marines en Méditerranée orientale.",
        {(2000, "USA", EXACT, S)},
        id="word-marines",
    ),
    pytest.param(
        "Trois gendarmes de l'armée burkinabè ont été tués à un poste de contrôle.",
        {(3, "BFA", EXACT, C)},
        id="word-gendarmes-of-army",
    ),
    pytest.param(
        "Au moins 30 membres des forces armées maliennes ont été tués lors de l'attaque.",
        {(30, "MLI", MORE, C)},
        id="word-membres-forces-armees",
    ),
    # ------------------------------------------------------------------
    # Numbers apart from their personnel word
    # ------------------------------------------------------------------
    pytest.param(
        "Les soldats allemands - qui seraient un peu plus de 200 - participent "
        "à la formation des forces nigériennes.",
        {(200, "DEU", MORE, S)},
        id="apart-dashes",
    ),
    pytest.param(
        "La Belgique a rapatrié 178 soldats sur les 512 présents au Niger.",
        {(178, "BEL", EXACT, S), (512, "BEL", EXACT, S)},
        id="apart-sur-les",
    ),
    pytest.param(
        "Onze casques bleus tués : 8 de la force de la SADC, 3 de la Monusco.",
        {(11, None, EXACT, C), (8, None, EXACT, C), (3, None, EXACT, C)},
        id="apart-breakdown-colon",
    ),
    pytest.param(
        "Des instructeurs turcs, une cinquantaine, sont arrivés à Niamey jeudi.",
        {(50, "TUR", APPROX, S)},
        id="apart-commas-cinquantaine",
    ),
    pytest.param(
        "Dans l'attaque, 17 soldats nigériens ont été tués et cinq blessés.",
        {(17, "NER", EXACT, C), (5, "NER", EXACT, C)},
        id="apart-tues-et-blesses",
    ),
    pytest.param(
        "Quatorze soldats ont été tués et une dizaine blessés lors de l'assaut.",
        {(14, None, EXACT, C), (10, None, APPROX, C)},
        id="apart-tues-et-dizaine-blesses",
    ),
    pytest.param(
        "Sur les 4 000 soldats de la force conjointe, 1 200 sont tchadiens.",
        {(4000, None, EXACT, S), (1200, "TCD", EXACT, S)},
        id="apart-share-of-force",
    ),
    pytest.param(
        "Le Tchad a envoyé 1 000 soldats, le Niger 500.",
        # Ellipsis: `500` is apart from `soldats` and its state is the Niger.
        {(1000, "TCD", EXACT, S), (500, "NER", EXACT, S)},
        id="apart-ellipsis-two-states",
    ),
    pytest.param(
        "Les États-Unis, qui avaient 1 100 militaires au Niger, n'en comptent plus que 600.",
        # `ne ... plus que` means `only`: exact, not more_than.
        {(1100, "USA", EXACT, S), (600, "USA", EXACT, S)},
        id="apart-ne-plus-que",
    ),
    pytest.param(
        "Les soldats français ont quitté Niamey vendredi. Ils étaient 1 500.",
        {(1500, "FRA", EXACT, S)},
        id="apart-next-sentence",
    ),
    pytest.param(
        "L'attaque a fait 28 morts parmi les soldats maliens.",
        {(28, "MLI", EXACT, C)},
        id="apart-morts-parmi",
    ),
    # ------------------------------------------------------------------
    # Qualifiers
    # ------------------------------------------------------------------
    pytest.param(
        "Près de 1 000 soldats français sont stationnés à N'Djamena.",
        {(1000, "FRA", APPROX, S)},
        id="qual-pres-de",
    ),
    pytest.param(
        "La force compte autour de 4 000 militaires tchadiens.",
        {(4000, "TCD", APPROX, S)},
        id="qual-autour-de",
    ),
    pytest.param(
        "Un peu plus de 3 000 soldats kényans sont attendus à Port-au-Prince.",
        {(3000, "KEN", MORE, S)},
        id="qual-un-peu-plus-de",
    ),
    pytest.param(
        "Au moins douze soldats burkinabè ont été tués dimanche.",
        {(12, "BFA", MORE, C)},
        id="qual-au-moins",
    ),
    pytest.param(
        "Moins de 500 soldats français resteront en Afrique de l'Ouest.",
        {(500, "FRA", LESS, S)},
        id="qual-moins-de",
    ),
    pytest.param(
        "L'Allemagne pourra déployer jusqu'à 1 100 militaires au Mali.",
        {(1100, "DEU", LESS, S)},
        id="qual-jusqu-a",
    ),
    # ------------------------------------------------------------------
    # Kind: casualties vs strength
    # ------------------------------------------------------------------
    pytest.param(
        "Sept soldats tchadiens sont morts dans l'explosion d'une mine.",
        {(7, "TCD", EXACT, C)},
        id="kind-morts",
    ),
    pytest.param(
        "Six casques bleus sénégalais ont été blessés près de Bangui.",
        {(6, "SEN", EXACT, C)},
        id="kind-blesses",
    ),
    pytest.param(
        "Quatre militaires ivoiriens sont portés disparus depuis l'attaque.",
        {(4, "CIV", EXACT, C)},
        id="kind-portes-disparus",
    ),
    pytest.param(
        "Trente-deux soldats béninois ont été faits prisonniers à la frontière.",
        {(32, "BEN", EXACT, C)},
        id="kind-faits-prisonniers",
    ),
    pytest.param(
        "Vingt-trois militaires nigérians ont péri dans l'embuscade.",
        {(23, "NGA", EXACT, C)},
        id="kind-ont-peri-nigerian",
    ),
    pytest.param(
        "Deux soldats togolais ont été enlevés par des hommes armés.",
        {(2, "TGO", EXACT, C)},
        id="kind-enleves-captured",
    ),
    pytest.param(
        "Le bilan s'élève à 12 soldats tués, selon l'état-major.",
        {(12, None, EXACT, C)},
        id="kind-bilan-tues",
    ),
    pytest.param(
        "Niamey a exigé le départ des 1 500 soldats français.",
        {(1500, "FRA", EXACT, S)},
        id="kind-depart-strength",
    ),
    pytest.param(
        "L'Union européenne a formé 5 000 soldats maliens depuis 2013.",
        # Trained personnel: strength; they serve Mali, not the trainer.
        {(5000, "MLI", EXACT, S)},
        id="kind-trained-strength",
    ),
    pytest.param(
        "Trois soldats nigériens et une dizaine de jihadistes ont été tués.",
        {(3, "NER", EXACT, C)},
        id="kind-mixed-with-jihadists",
    ),
    # ------------------------------------------------------------------
    # Country
    # ------------------------------------------------------------------
    pytest.param(
        "L'armée tanzanienne a retiré 450 de ses soldats de l'est de la RDC.",
        {(450, "TZA", EXACT, S)},
        id="country-possessive",
    ),
    pytest.param(
        "Washington a achevé le retrait de ses 1 000 militaires du Niger.",
        {(1000, "USA", EXACT, S)},
        id="country-possessive-capital",
    ),
    pytest.param(
        "La Corée du Nord aurait envoyé plus de 10 000 soldats en Russie.",
        {(10000, "PRK", MORE, S)},
        id="country-subject",
    ),
    pytest.param(
        "La France a formé 400 soldats nigériens l'an dernier.",
        # The adjective names the state served; the subject is the trainer.
        {(400, "NER", EXACT, S)},
        id="country-adjective-beats-subject",
    ),
    pytest.param(
        "Quinze soldats ont été tués lundi dans le nord du pays.",
        {(15, None, EXACT, C)},
        id="country-null",
    ),
    pytest.param(
        "Quelque 800 soldats lituaniens et allemands participent à l'exercice.",
        {(800, None, APPROX, S)},
        id="country-mixed-null",
    ),
    pytest.param(
        "Plus de 3 000 casques bleus sont déployés au Soudan du Sud.",
        # The place where they are is not the state they serve.
        {(3000, None, MORE, S)},
        id="country-location-is-not-country",
    ),
    pytest.param(
        "La France compte 1 500 soldats au Tchad. Ces 1 500 soldats français y resteront.",
        {(1500, "FRA", EXACT, S)},
        id="country-same-fact-twice",
    ),
    # ------------------------------------------------------------------
    # Not troop counts
    # ------------------------------------------------------------------
    pytest.param(
        "Environ 150 combattants jihadistes ont été neutralisés par l'armée.",
        set(),
        id="neg-combattants-jihadistes",
    ),
    pytest.param(
        "Une centaine de terroristes ont attaqué le poste de Tillabéri.",
        set(),
        id="neg-terroristes",
    ),
    pytest.param(
        "Quelque 400 rebelles du M23 se sont emparés de la localité.",
        set(),
        id="neg-rebelles",
    ),
    pytest.param(
        "Une trentaine d'éléments de l'État islamique ont été interpellés.",
        set(),
        id="neg-elements-armed-group",
    ),
    pytest.param(
        "Plus de 300 policiers ont été déployés à Abidjan pour le match.",
        set(),
        id="neg-policiers",
    ),
    pytest.param(
        "Au moins 40 civils ont été tués lors du raid.",
        set(),
        id="neg-civils",
    ),
    pytest.param(
        "Quelque 12 000 réfugiés maliens ont franchi la frontière mauritanienne.",
        set(),
        id="neg-refugies",
    ),
    pytest.param(
        "Cinq mille hommes et femmes ont manifesté à Niamey contre la présence étrangère.",
        set(),
        id="neg-hommes-civilian",
    ),
    pytest.param(
        "Trois hommes armés ont été arrêtés à un barrage.",
        set(),
        id="neg-hommes-armes",
    ),
    pytest.param(
        "L'armée nigérienne a reçu 40 blindés et six hélicoptères.",
        set(),
        id="neg-blindes-helicopteres",
    ),
    pytest.param(
        "Les 40 blindés et les 600 soldats français ont quitté Gao.",
        {(600, "FRA", EXACT, S)},
        id="neg-blindes-with-soldats",
    ),
    pytest.param(
        "L'armée de l'air américaine a effectué 145 vols de ravitaillement.",
        set(),
        id="neg-vols",
    ),
    pytest.param(
        "Les soldats français ont rapatrié 2 500 tonnes de matériel.",
        set(),
        id="neg-tonnes",
    ),
    pytest.param(
        "Chaque soldat recevra une prime de 2 000 euros.",
        set(),
        id="neg-euros",
    ),
    pytest.param(
        "Fin 2021, les soldats français ont quitté Kidal.",
        set(),
        id="neg-year",
    ),
    pytest.param(
        "Les parachutistes de la 82e division aéroportée sont arrivés en Pologne.",
        set(),
        id="neg-82e-division",
    ),
    pytest.param(
        "Les soldats de la base aérienne 101 ont plié bagage.",
        set(),
        id="neg-base-aerienne-101",
    ),
    pytest.param(
        "Les hommes du 14e RIA ont défilé devant les autorités.",
        set(),
        id="neg-14e-ria",
    ),
    pytest.param(
        "Les soldats de la 47e brigade mécanisée tiennent toujours la ligne.",
        set(),
        id="neg-brigade",
    ),
    pytest.param(
        "Les deux pays ont convenu de retirer leurs soldats d'ici la fin de l'année.",
        set(),
        id="neg-deux-pays",
    ),
    pytest.param(
        "Les soldats étrangers représentent 15 % des effectifs de la mission.",
        set(),
        id="neg-percentage",
    ),
    # ------------------------------------------------------------------
    # More constructions: gapping, relatives, subjects, shares, labels
    # ------------------------------------------------------------------
    pytest.param(
        "La Sierra Leone fournira 500 soldats, le Ghana 1 000 et le Nigeria 3 000.",
        # A gapped list: each state is the subject of its own elided verb.
        {(500, "SLE", EXACT, S), (1000, "GHA", EXACT, S), (3000, "NGA", EXACT, S)},
        id="gapping-list-of-states",
    ),
    pytest.param(
        "L'Ouganda et le Burundi ont envoyé 5 000 soldats chacun.",
        {(5000, None, EXACT, S)},
        id="coordinated-subjects-null",
    ),
    pytest.param(
        "La brigade franco-allemande compte 5 000 soldats.",
        {(5000, None, EXACT, S)},
        id="compound-adjective-two-states-null",
    ),
    pytest.param(
        "Le ministre salue le Rwanda, dont plus de 2 000 casques bleus servent au Soudan.",
        {(2000, "RWA", MORE, S)},
        id="relative-dont-antecedent",
    ),
    pytest.param(
        "Le Burundi, qui déploie environ 8 000 soldats en RDC, n'a pas réagi.",
        {(8000, "BDI", APPROX, S)},
        id="relative-qui-antecedent",
    ),
    pytest.param(
        "Les Allemands, qui ouvrent une base en Lituanie, n'ont envoyé que 300 soldats.",
        # The subject is the state served, not the place in its relative clause.
        {(300, "DEU", EXACT, S)},
        id="subject-demonym-noun-skips-relative",
    ),
    pytest.param(
        "L'Égypte a massé 40 000 soldats près de la frontière libyenne.",
        {(40000, "EGY", EXACT, S)},
        id="nationality-of-a-place-is-not-owner",
    ),
    pytest.param(
        "L'armée azerbaïdjanaise, forte de 70 000 hommes et équipée de drones turcs, avance.",
        # The count is of the body it makes strong; the drones' origin is not its state.
        {(70000, "AZE", EXACT, S)},
        id="forte-de-body-owner",
    ),
    pytest.param(
        "Un bataillon béninois de 750 soldats est arrivé à Gao.",
        {(750, "BEN", EXACT, S)},
        id="unit-owner-de-count",
    ),
    pytest.param(
        "Selon Séoul, les pertes des troupes nord-coréennes atteignent 3 000, dont 400 morts.",
        {(3000, "PRK", EXACT, C), (400, "PRK", EXACT, C)},
        id="apart-losses-of-troops",
    ),
    pytest.param(
        "L'armée tchadienne, elle, n'a reconnu que six morts dans ses rangs.",
        {(6, "TCD", EXACT, C)},
        id="apart-morts-dans-ses-rangs",
    ),
    pytest.param(
        "Neuf soldats ghanéens ont été tués, et quatre autres sont portés disparus.",
        {(9, "GHA", EXACT, C), (4, "GHA", EXACT, C)},
        id="apart-autres",
    ),
    pytest.param(
        "Les quatre casques bleus blessés, trois Népalais et un Indien, ont été évacués.",
        # A number with a nationality noun, in apposition to personnel.
        {(4, None, EXACT, C), (3, "NPL", EXACT, C)},
        id="apart-nationality-nouns",
    ),
    pytest.param(
        "La nouvelle unité comptera 4 000 soldats et 300 civils.",
        {(4000, None, EXACT, S)},
        id="neg-civils-after-soldats",
    ),
    pytest.param(
        "Les 600 hommes de Wagner présents en Libye ont été redéployés.",
        # `hommes` of a named PMC are personnel even in a text with no other military word.
        {(600, "RUS", EXACT, S)},
        id="word-hommes-of-pmc",
    ),
    pytest.param(
        "Tsahal a mobilisé 300 000 réservistes.",
        {(300000, "ISR", EXACT, S)},
        id="state-force-name",
    ),
    pytest.param(
        "Les trois Mirage 2000 stationnés à N'Djamena sont partis avec les soldats français.",
        set(),
        id="neg-aircraft-model-number",
    ),
    pytest.param(
        "Les casques bleus veillent à l'application de la résolution 1701.",
        set(),
        id="neg-resolution-number",
    ),
    pytest.param(
        "Les soldats arméniens avaient perdu ces districts au début des années 1990.",
        set(),
        id="neg-decade",
    ),
    pytest.param(
        "La Corée du Nord a envoyé 12 000 soldats en Russie, dont 500 officiers. "
        "Séoul estime que 3 000 d'entre eux sont déjà à Koursk.",
        # `dont` + a count without a verb is `including`: the whole's country, not the
        # place before `dont`; `d'entre eux` refers back to the soldiers.
        {(12000, "PRK", EXACT, S), (500, "PRK", EXACT, S), (3000, "PRK", EXACT, S)},
        id="dont-including-and-d-entre-eux",
    ),
    pytest.param(
        "Les derniers militaires français ont quitté le Tchad jeudi. Ils étaient encore "
        "près de 1 000 en novembre, lorsque N'Djamena a dénoncé l'accord.",
        {(1000, "FRA", APPROX, S)},
        id="apart-pronoun-subject-next-sentence",
    ),
    pytest.param(
        "Trois jours plus tard, l'attaque a fait 7 morts et 15 blessés parmi les militaires "
        "béninois.",
        {(7, "BEN", EXACT, C), (15, "BEN", EXACT, C)},
        id="apart-morts-et-blesses-parmi",
    ),
    pytest.param(
        "En 2023, 2 000 soldats burkinabè ont été tués, selon l'ONG Acled, qui recense "
        "8 000 morts au total.",
        # The second count is the NGO's total, in a clause of its own: not the soldiers'.
        {(2000, "BFA", EXACT, C)},
        id="neg-casualty-total-in-other-clause",
    ),
    pytest.param(
        "Au Burkina Faso, 30 soldats ont été tués dimanche. Le gouvernement a décrété un deuil.",
        # No nationality, no military tie: the article's only state.
        {(30, "BFA", EXACT, C)},
        id="country-article-only-state",
    ),
    pytest.param(
        "Deux cents instructeurs de l'armée française formeront 5 000 soldats mauritaniens.",
        {(200, "FRA", EXACT, S), (5000, "MRT", EXACT, S)},
        id="country-complement-of-number-words",
    ),
    pytest.param(
        "Le nombre de soldats russes tués dépasserait 100 000.",
        {(100000, "RUS", EXACT, C)},
        id="apart-nombre-de-soldats",
    ),
    pytest.param(
        "Quelque 2 500 militaires de l'opération Sangaris ont été déployés en Centrafrique.",
        # A French operation: its personnel serve France, not the place.
        {(2500, "FRA", APPROX, S)},
        id="country-named-operation",
    ),
    pytest.param(
        "Environ 900 militaires américains sont basés en Syrie et 2 500 en Irak.",
        {(900, "USA", APPROX, S), (2500, "USA", EXACT, S)},
        id="apart-gapped-place",
    ),
    pytest.param(
        "Les 3 000 soldats tchadiens représentent 15 pour cent de la force.",
        {(3000, "TCD", EXACT, S)},
        id="neg-pour-cent",
    ),
    pytest.param(
        "La force de la SAMIDRC compte au total quelque 4 000 hommes, dont 1 000 Tanzaniens.",
        {(4000, None, APPROX, S), (1000, "TZA", EXACT, S)},
        id="multinational-subject-nationality-noun-subset",
    ),
    pytest.param(
        "Plus de 580 000 Haïtiens ont été chassés de chez eux, selon les soldats kényans.",
        set(),
        id="neg-nationality-noun-civilians",
    ),
]


def _troops(text: str):
    return nigerfacts.extract(text).troops


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_troop_facts(text: str, expected: set) -> None:
    got = {(t.count, t.country, t.qualifier, t.kind) for t in _troops(text)}
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_offsets_match_text(text: str, expected: set) -> None:
    for t in _troops(text):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text


# ----------------------------------------------------------------------
# The `text` span.
#
# Choice: the guidelines ("Troop counts") and the TroopFact docstring say the
# span is the *shortest* one holding the number and the personnel word. A
# qualifier (`près de`) and a nationality adjective (`français`) are neither,
# so they stay out: `près de 1 000 soldats français` -> `1 000 soldats`.
# (The example record at the top of the guidelines shows the qualifier inside
# the span; the scorer does not compare `text`, so this choice costs nothing.)
# When the number and the noun are apart, the span is the number alone.
# ----------------------------------------------------------------------
SPAN_CASES = [
    pytest.param(
        "Près de 1 000 soldats français sont stationnés à N'Djamena.",
        "1 000 soldats",
        id="span-shortest-without-qualifier",
    ),
    pytest.param(
        f"Quelque 1{NBSP}500 soldats français sont encore stationnés au Tchad.",
        f"1{NBSP}500 soldats",
        id="span-keeps-nbsp",
    ),
    pytest.param(
        "Les 1 200 soldats du Tchad engagés dans le nord du Mali ont été rapatriés.",
        "1 200 soldats",
        id="span-without-complement",
    ),
    pytest.param(
        "Une centaine de soldats français restent cantonnés à l'aéroport de Niamey.",
        "Une centaine de soldats",
        id="span-approx-noun",
    ),
    pytest.param(
        "Quelque 400 membres des forces spéciales françaises ont quitté Ouagadougou.",
        "400 membres des forces spéciales",
        id="span-multiword-noun",
    ),
    pytest.param(
        "Les soldats allemands - qui seraient un peu plus de 200 - participent "
        "à la formation des forces nigériennes.",
        "200",
        id="span-apart-number-alone",
    ),
    pytest.param(
        "Des instructeurs turcs, une cinquantaine, sont arrivés à Niamey jeudi.",
        "une cinquantaine",
        id="span-apart-approx-noun-alone",
    ),
]


@pytest.mark.parametrize(("text", "span"), SPAN_CASES)
def test_troop_text_span(text: str, span: str) -> None:
    troops = _troops(text)
    assert [t.text for t in troops] == [span]
    (t,) = troops
    assert text[t.start : t.end] == span


# ----------------------------------------------------------------------
# `location`: where the personnel are, when the text says it.
# ----------------------------------------------------------------------
LOCATION_CASES = [
    pytest.param(
        "Les 300 soldats tchadiens déployés au Niger rentreront en juin.",
        (300, "TCD", "NER"),
        id="loc-deployes-au",
    ),
    pytest.param(
        "Environ 300 soldats italiens sont stationnés au Niger.",
        (300, "ITA", "NER"),
        id="loc-stationnes-au",
    ),
    pytest.param(
        "Plus de 3 000 casques bleus sont déployés au Soudan du Sud.",
        (3000, None, "SSD"),
        id="loc-country-null",
    ),
    pytest.param(
        "Le Sénégal fournit 800 casques bleus à la Minusca.",
        # The mission named gives its theatre (Centrafrique).
        (800, "SEN", "CAF"),
        id="loc-mission-theatre",
    ),
    pytest.param(
        "Le Sénégal fournit 800 casques bleus.",
        (800, "SEN", None),
        id="loc-not-said",
    ),
    pytest.param(
        "Quelque 2 000 soldats burundais combattent dans l'est de la RDC.",
        (2000, "BDI", "COD"),
        id="loc-region-of",
    ),
    pytest.param(
        "Le Tchad a retiré ses 1 000 soldats du Mali.",
        # After a possessive, `du Mali` is where they were, not whom they serve.
        (1000, "TCD", "MLI"),
        id="loc-possessive-de",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LOCATION_CASES)
def test_troop_location(text: str, expected: tuple) -> None:
    got = [(t.count, t.country, t.location) for t in _troops(text)]
    assert got == [expected]
