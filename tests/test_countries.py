"""Country extraction: which sovereign states a French sentence refers to.

Follows the "Countries" section of the annotation guidelines:
- a state counts when named in any form (with article, elision, capital letter
  or not, curly or straight apostrophe, with or without accent), by a
  nationality adjective or demonym (any gender and number), by its capital
  city, or by the seat of its government (metonyms);
- other cities, regions, seas, rivers, gulfs, organizations, alliances and
  words inside an organization's or a person's name are not countries.

Documented choices:
- An adjective is a reference: `la langue française` counts as FRA.
- `le Pentagone` (USA) and `l'Hexagone` (FRA) are treated like the seats of
  government listed in the guidelines.
- Kosovo has no official ISO 3166-1 code; we use the user-assigned `XKX`
  (the code used by the European Commission and most data sets).
- `congolais` is ambiguous (COG or COD) and is deliberately not tested.

All sentences are invented for these tests.
"""

from __future__ import annotations

import pytest

import nigerfacts


def codes(sentence: str) -> set[str]:
    return {c.code for c in nigerfacts.extract(sentence).countries}


CASES = [
    # --- Names with articles, elisions, capitals, spelling variants -------------
    pytest.param(
        "Les discussions se poursuivent avec l'Italie sur le financement de la mission.",
        {"ITA"},
        id="name-l-italie",
    ),
    pytest.param(
        "L'Italie a annoncé jeudi l'envoi d'une mission de formation.",
        {"ITA"},
        id="name-L-italie-capital",
    ),
    pytest.param(
        "Le retrait des États-Unis a été confirmé par le gouvernement de transition.",
        {"USA"},
        id="name-des-etats-unis",
    ),
    pytest.param(
        "Aux États-Unis, la décision a suscité de vives critiques au Congrès.",
        {"USA"},
        id="name-aux-etats-unis-congres-not-congo",
    ),
    pytest.param(
        "Les Etats-Unis ont suspendu leur coopération militaire avec la junte.",
        {"USA"},
        id="name-etats-unis-no-accent",
    ),
    pytest.param(
        "Les soldats du Niger ont pris position près de la frontière.",
        {"NER"},
        id="name-du-niger",
    ),
    pytest.param(
        "La République démocratique du Congo accuse le Rwanda de soutenir les rebelles.",
        {"COD", "RWA"},
        id="name-rdc-full-not-cog",
    ),
    pytest.param(
        "La RDC a rappelé son ambassadeur pour consultations.",
        {"COD"},
        id="name-la-rdc",
    ),
    pytest.param(
        "Le Congo-Brazzaville a accueilli le sommet régional sur la sécurité.",
        {"COG"},
        id="name-congo-brazzaville",
    ),
    pytest.param(
        "La République du Congo a renouvelé son contrat pétrolier.",
        {"COG"},
        id="name-republique-du-congo",
    ),
    pytest.param(
        "La Centrafrique a signé un accord de défense avec la Russie.",
        {"CAF", "RUS"},
        id="name-centrafrique-russie",
    ),
    pytest.param(
        "La Côte d'Ivoire a renforcé la sécurité à sa frontière nord.",
        {"CIV"},
        id="name-cote-d-ivoire-straight",
    ),
    pytest.param(
        "La Côte d’Ivoire a fermé temporairement son espace aérien.",
        {"CIV"},
        id="name-cote-d-ivoire-curly",
    ),
    pytest.param(
        "Le Royaume-Uni a déployé un navire de patrouille au large des côtes.",
        {"GBR"},
        id="name-royaume-uni",
    ),
    pytest.param(
        "La Russie a livré deux hélicoptères de combat à l'armée de l'air.",
        {"RUS"},
        id="name-la-russie",
    ),
    pytest.param(
        "Taïwan a dénoncé des manœuvres militaires d'une ampleur inédite.",
        {"TWN"},
        id="name-taiwan",
    ),
    pytest.param(
        "Le Kosovo a déposé une nouvelle demande d'adhésion au Conseil de l'Europe.",
        {"XKX"},
        id="name-kosovo",
    ),
    pytest.param(
        "La Palestine a obtenu de nouveaux droits à l'Assemblée générale.",
        {"PSE"},
        id="name-palestine",
    ),
    pytest.param(
        "Des élections doivent se tenir au Mali et au Tchad avant la fin de la transition.",
        {"MLI", "TCD"},
        id="name-au-mali-au-tchad",
    ),
    pytest.param(
        "Le convoi a franchi la frontière entre l'Algérie et la Libye dans la nuit.",
        {"DZA", "LBY"},
        id="name-algerie-libye",
    ),
    pytest.param(
        "Le Bénin et le Togo ont renforcé leurs patrouilles conjointes dans le nord.",
        {"BEN", "TGO"},
        id="name-benin-togo",
    ),
    pytest.param(
        "L'Afrique du Sud a proposé d'accueillir les négociations.",
        {"ZAF"},
        id="name-afrique-du-sud",
    ),
    pytest.param(
        "Le ministre a effectué une tournée en Allemagne, en Turquie et en Chine.",
        {"DEU", "TUR", "CHN"},
        id="name-en-allemagne-turquie-chine",
    ),
    # --- Nationality adjectives and demonyms ---------------------------------------
    pytest.param(
        "Un drone américain a survolé la zone pendant plusieurs heures.",
        {"USA"},
        id="adj-americain",
    ),
    pytest.param(
        "La base américaine d'Agadez a été remise aux autorités locales.",
        {"USA"},
        id="adj-americaine-agadez-not-country",
    ),
    pytest.param(
        "Les militaires américains ont quitté le pays dimanche.",
        {"USA"},
        id="adj-americains",
    ),
    pytest.param(
        "Les autorités américaines ont confirmé l'information sans donner de détails.",
        {"USA"},
        id="adj-americaines",
    ),
    pytest.param(
        "Les Allemands ont achevé leur retrait de la base aérienne de Niamey.",
        {"DEU", "NER"},
        id="demonym-allemands-niamey",
    ),
    pytest.param(
        "Le gouvernement nigérien a dénoncé l'accord de coopération.",
        {"NER"},
        id="adj-nigerien",
    ),
    pytest.param(
        "L'armée nigérienne a mené une vaste opération dans la région de Tillabéri.",
        {"NER"},
        id="adj-nigerienne",
    ),
    pytest.param(
        "Plusieurs officiers nigériens ont été promus lors de la cérémonie.",
        {"NER"},
        id="adj-nigeriens",
    ),
    pytest.param(
        "Les autorités nigériennes ont expulsé un diplomate étranger.",
        {"NER"},
        id="adj-nigeriennes",
    ),
    pytest.param(
        "Les Nigériens ont manifesté contre la présence de troupes étrangères.",
        {"NER"},
        id="demonym-nigeriens-capital",
    ),
    pytest.param(
        "Un soldat burkinabè a été blessé lors de l'embuscade.",
        {"BFA"},
        id="adj-burkinabe-grave",
    ),
    pytest.param(
        "Les forces burkinabé ont repris le contrôle de la localité.",
        {"BFA"},
        id="adj-burkinabe-acute",
    ),
    pytest.param(
        "Le président malien a reçu une délégation de chefs traditionnels.",
        {"MLI"},
        id="adj-malien",
    ),
    pytest.param(
        "Un officier tchadien a pris le commandement du détachement.",
        {"TCD"},
        id="adj-tchadien",
    ),
    pytest.param(
        "Un ministre ivoirien a plaidé pour une reprise du dialogue.",
        {"CIV"},
        id="adj-ivoirien",
    ),
    pytest.param(
        "Un missile nord-coréen est tombé en mer du Japon mardi matin.",
        {"PRK"},
        id="adj-nord-coreen-mer-du-japon",
    ),
    pytest.param(
        "Un diplomate sud-africain a été désigné comme médiateur.",
        {"ZAF"},
        id="adj-sud-africain",
    ),
    pytest.param(
        "Des ingénieurs sud-coréens participent à la construction du barrage.",
        {"KOR"},
        id="adj-sud-coreens",
    ),
    pytest.param(
        "La diplomatie française a réagi avec prudence à l'annonce.",
        {"FRA"},
        id="adj-francaise",
    ),
    pytest.param(
        "Les Français résidant dans le pays ont été invités à la vigilance.",
        {"FRA"},
        id="demonym-francais",
    ),
    pytest.param(
        "Les Russes et les Chinois ont bloqué le projet de résolution.",
        {"RUS", "CHN"},
        id="demonym-russes-chinois",
    ),
    pytest.param(
        "Un ressortissant britannique a été libéré après trois mois de captivité.",
        {"GBR"},
        id="adj-britannique",
    ),
    pytest.param(
        "Des instructeurs turcs forment les pilotes de drones.",
        {"TUR"},
        id="adj-turcs",
    ),
    pytest.param(
        "Le gouvernement guinéen a annoncé un nouveau calendrier électoral.",
        {"GIN"},
        id="adj-guineen",
    ),
    pytest.param(
        "Les autorités soudanaises et sud-soudanaises ont rouvert le poste frontière.",
        {"SDN", "SSD"},
        id="adj-soudanaises-sud-soudanaises",
    ),
    pytest.param(
        "Les autorités ont retiré à la langue française son statut de langue officielle.",
        {"FRA"},
        id="adj-langue-francaise-counts",
    ),
    # --- Capitals used for the state ----------------------------------------------
    pytest.param(
        "Niamey a exigé le départ des troupes étrangères avant la fin de l'année.",
        {"NER"},
        id="capital-niamey",
    ),
    pytest.param(
        "Moscou a promis une aide militaire supplémentaire.",
        {"RUS"},
        id="capital-moscou",
    ),
    pytest.param(
        "Washington a suspendu une partie de son aide au développement.",
        {"USA"},
        id="capital-washington",
    ),
    pytest.param(
        "Paris a rappelé son ambassadeur après l'incident.",
        {"FRA"},
        id="capital-paris",
    ),
    pytest.param(
        "Bamako et Ouagadougou ont annoncé la création d'une force commune.",
        {"MLI", "BFA"},
        id="capital-bamako-ouagadougou",
    ),
    pytest.param(
        "N'Djamena a mis fin à l'accord de coopération en matière de défense.",
        {"TCD"},
        id="capital-ndjamena-straight",
    ),
    pytest.param(
        "N’Djamena a convoqué le chargé d'affaires pour s'expliquer.",
        {"TCD"},
        id="capital-ndjamena-curly",
    ),
    pytest.param(
        "Kiev a réclamé davantage de systèmes de défense antiaérienne.",
        {"UKR"},
        id="capital-kiev",
    ),
    pytest.param(
        "Kyiv a démenti toute implication dans l'attaque.",
        {"UKR"},
        id="capital-kyiv",
    ),
    pytest.param(
        "Entre Moscou et Kiev, les pourparlers sont au point mort.",
        {"RUS", "UKR"},
        id="capital-moscou-kiev",
    ),
    pytest.param(
        "Pékin a proposé sa médiation entre les deux parties.",
        {"CHN"},
        id="capital-pekin",
    ),
    pytest.param(
        "Pyongyang a procédé à un nouveau tir, selon Séoul.",
        {"PRK", "KOR"},
        id="capital-pyongyang-seoul",
    ),
    pytest.param(
        "Une réunion d'urgence de la CEDEAO s'est tenue à Abuja.",
        {"NGA"},
        id="capital-abuja-cedeao-not",
    ),
    pytest.param(
        "Les ministres de l'AES se sont réunis à Bamako pour adopter la charte.",
        {"MLI"},
        id="capital-bamako-aes-not",
    ),
    # --- Seats of government and other metonyms -------------------------------------
    pytest.param(
        "Le Kremlin a démenti la présence de ses instructeurs dans le pays.",
        {"RUS"},
        id="metonym-kremlin",
    ),
    pytest.param(
        "La Maison Blanche a salué un pas dans la bonne direction.",
        {"USA"},
        id="metonym-maison-blanche",
    ),
    pytest.param(
        "La Maison-Blanche n'a pas souhaité commenter ces informations.",
        {"USA"},
        id="metonym-maison-blanche-hyphen",
    ),
    pytest.param(
        "Le Pentagone a confirmé le calendrier du retrait.",
        {"USA"},
        id="metonym-pentagone",
    ),
    pytest.param(
        "L'Élysée n'a fait aucun commentaire sur la rencontre.",
        {"FRA"},
        id="metonym-elysee",
    ),
    pytest.param(
        "L'Hexagone accueille désormais la plupart des anciens militaires déployés.",
        {"FRA"},
        id="metonym-hexagone",
    ),
    # --- Ambiguities -------------------------------------------------------------------
    pytest.param(
        "Le Niger a suspendu ses exportations de bétail vers le Nigeria.",
        {"NER", "NGA"},
        id="ambig-niger-nigeria",
    ),
    pytest.param(
        "Des commerçants nigérians et nigériens se retrouvent au marché frontalier.",
        {"NGA", "NER"},
        id="ambig-nigerians-nigeriens",
    ),
    pytest.param(
        "L'armée nigériane a lancé une offensive dans l'État de Borno.",
        {"NGA"},
        id="ambig-nigeriane-only",
    ),
    pytest.param(
        "Le Nigeria a fermé sa frontière avec son voisin.",
        {"NGA"},
        id="ambig-nigeria-only",
    ),
    pytest.param(
        "La Guinée a rappelé son ambassadeur en poste à l'étranger.",
        {"GIN"},
        id="ambig-guinee",
    ),
    pytest.param(
        "La Guinée-Conakry a organisé un référendum constitutionnel.",
        {"GIN"},
        id="ambig-guinee-conakry",
    ),
    pytest.param(
        "La Guinée-Bissau a connu une nouvelle tentative de coup d'État.",
        {"GNB"},
        id="ambig-guinee-bissau",
    ),
    pytest.param(
        "La Guinée équatoriale a renforcé sa marine.",
        {"GNQ"},
        id="ambig-guinee-equatoriale",
    ),
    pytest.param(
        "La Guinée et la Guinée-Bissau ont signé un accord frontalier.",
        {"GIN", "GNB"},
        id="ambig-guinee-and-bissau",
    ),
    pytest.param(
        "La Guinée-Bissau et la Guinée équatoriale patrouillent dans le golfe de Guinée.",
        {"GNB", "GNQ"},
        id="ambig-bissau-equatoriale-golfe",
    ),
    pytest.param(
        "La Papouasie-Nouvelle-Guinée a annoncé des élections anticipées.",
        {"PNG"},
        id="ambig-papouasie-nouvelle-guinee",
    ),
    pytest.param(
        "Le Congo et la RDC se font face de part et d'autre du fleuve.",
        {"COG", "COD"},
        id="ambig-congo-vs-rdc",
    ),
    pytest.param(
        "Le Soudan accuse le Soudan du Sud d'abriter des rebelles.",
        {"SDN", "SSD"},
        id="ambig-soudan-vs-soudan-du-sud",
    ),
    pytest.param(
        "Le Soudan du Sud a célébré l'anniversaire de son indépendance.",
        {"SSD"},
        id="ambig-soudan-du-sud-only",
    ),
    pytest.param(
        "La Corée du Nord a tiré un missile en direction de la Corée du Sud.",
        {"PRK", "KOR"},
        id="ambig-coree-nord-sud",
    ),
    pytest.param(
        "Le Burkina Faso a dissous plusieurs partis politiques.",
        {"BFA"},
        id="ambig-burkina-faso",
    ),
    pytest.param(
        "Le Burkina a décrété une mobilisation générale.",
        {"BFA"},
        id="ambig-burkina-short",
    ),
    pytest.param(
        "La Chine revendique la quasi-totalité de la mer de Chine méridionale.",
        {"CHN"},
        id="ambig-chine-vs-mer-de-chine",
    ),
    pytest.param(
        "Le Washington Post affirme que Washington a fermé son ambassade.",
        {"USA"},
        id="ambig-washington-post-vs-washington",
    ),
    pytest.param(
        "Le fleuve Niger traverse le Mali avant d'entrer au Niger.",
        {"MLI", "NER"},
        id="ambig-fleuve-niger-vs-niger",
    ),
    pytest.param(
        "Une frégate française patrouille dans le golfe de Guinée.",
        {"FRA"},
        id="ambig-francaise-golfe-de-guinee",
    ),
    pytest.param(
        "Michael Jordan a visité la Jordanie en fin de semaine.",
        {"JOR"},
        id="ambig-michael-jordan-vs-jordanie",
    ),
    pytest.param(
        "Le Mali, le Burkina Faso et le Niger ont annoncé leur retrait de la CEDEAO.",
        {"MLI", "BFA", "NER"},
        id="ambig-aes-members-cedeao-not",
    ),
    # --- Not countries -----------------------------------------------------------------
    pytest.param(
        "Selon le Washington Post, l'accord aurait été négocié en secret.",
        set(),
        id="not-washington-post",
    ),
    pytest.param(
        "Le secrétaire général s'est exprimé depuis New York.",
        set(),
        id="not-new-york",
    ),
    pytest.param(
        "Le Paris Saint-Germain a remporté le match de samedi.",
        set(),
        id="not-paris-saint-germain",
    ),
    pytest.param(
        "Des pêcheurs ont disparu sur le fleuve Niger après une crue soudaine.",
        set(),
        id="not-fleuve-niger",
    ),
    pytest.param(
        "La piraterie maritime a reculé dans le golfe de Guinée.",
        set(),
        id="not-golfe-de-guinee",
    ),
    pytest.param(
        "Les tensions s'accentuent en mer de Chine méridionale.",
        set(),
        id="not-mer-de-chine",
    ),
    pytest.param(
        "La Cour internationale de justice, qui siège à La Haye, rendra son avis.",
        set(),
        id="not-la-haye",
    ),
    pytest.param(
        "Michael Jordan a assisté à la finale aux côtés de plusieurs célébrités.",
        set(),
        id="not-michael-jordan",
    ),
    pytest.param(
        "Les groupes jihadistes continuent de progresser au Sahel.",
        set(),
        id="not-sahel",
    ),
    pytest.param(
        "Plusieurs pays d'Afrique de l'Ouest redoutent une contagion de l'instabilité.",
        set(),
        id="not-afrique-de-l-ouest",
    ),
    pytest.param(
        "L'UE a débloqué une enveloppe d'aide humanitaire d'urgence.",
        set(),
        id="not-ue",
    ),
    pytest.param(
        "La CEDEAO a levé une partie de ses sanctions économiques.",
        set(),
        id="not-cedeao",
    ),
    pytest.param(
        "Les pays de l'AES ont annoncé la création d'une force conjointe.",
        set(),
        id="not-aes",
    ),
    pytest.param(
        "L'OTAN a renforcé sa présence sur son flanc est.",
        set(),
        id="not-otan",
    ),
    pytest.param(
        "L'ONU a appelé toutes les parties au calme.",
        set(),
        id="not-onu",
    ),
    pytest.param(
        "L'Union africaine a suspendu le pays de ses instances.",
        set(),
        id="not-union-africaine",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_country_codes(sentence: str, expected: set[str]) -> None:
    assert codes(sentence) == expected


# --- Mentions and names ----------------------------------------------------------------

OFFSET_SENTENCES = [
    pytest.param(
        "Le Niger a durci le ton : les officiers nigériens réunis à Niamey "
        "ont exigé un calendrier.",
        id="niger-three-forms",
    ),
    pytest.param(
        "La Côte d’Ivoire et le Burkina Faso ont rouvert leur frontière, "
        "a annoncé l'Élysée.",
        id="curly-apostrophe-and-accents",
    ),
    pytest.param(
        "Aux États-Unis comme en Russie, Washington et Moscou observent "
        "la Corée du Nord.",
        id="names-and-capitals",
    ),
    pytest.param(
        "Le Congo et la République démocratique du Congo, voisins du "
        "Soudan du Sud, ont signé.",
        id="congo-soudan",
    ),
]


@pytest.mark.parametrize("sentence", OFFSET_SENTENCES)
def test_mention_offsets_match_text(sentence: str) -> None:
    countries = nigerfacts.extract(sentence).countries
    assert countries, "expected at least one country"
    for country in countries:
        assert country.mentions, f"{country.code} has no mention"
        for m in country.mentions:
            assert 0 <= m.start < m.end <= len(sentence)
            assert sentence[m.start : m.end] == m.text


@pytest.mark.parametrize("sentence", OFFSET_SENTENCES)
def test_each_code_listed_once(sentence: str) -> None:
    found = [c.code for c in nigerfacts.extract(sentence).countries]
    assert len(found) == len(set(found))


def test_three_forms_of_niger_give_one_fact_with_three_mentions() -> None:
    sentence = (
        "Le Niger a durci le ton : les officiers nigériens réunis à Niamey "
        "ont exigé un calendrier."
    )
    countries = nigerfacts.extract(sentence).countries
    assert [c.code for c in countries] == ["NER"]
    mentions = sorted(countries[0].mentions, key=lambda m: m.start)
    assert [m.text for m in mentions] == ["Niger", "nigériens", "Niamey"]


def test_burkina_faso_is_one_mention_not_two() -> None:
    sentence = "Le Burkina Faso a dissous plusieurs partis politiques."
    countries = nigerfacts.extract(sentence).countries
    assert [c.code for c in countries] == ["BFA"]
    assert [m.text for m in countries[0].mentions] == ["Burkina Faso"]


def test_burkina_faso_and_burkina_merge_into_one_fact() -> None:
    sentence = (
        "Le Burkina Faso a fermé sa frontière ; le Burkina accuse ses voisins "
        "d'abriter des rebelles."
    )
    countries = nigerfacts.extract(sentence).countries
    assert [c.code for c in countries] == ["BFA"]
    mentions = sorted(countries[0].mentions, key=lambda m: m.start)
    assert [m.text for m in mentions] == ["Burkina Faso", "Burkina"]


def test_curly_apostrophe_mention_keeps_original_text() -> None:
    sentence = "La Côte d’Ivoire a fermé temporairement son espace aérien."
    countries = nigerfacts.extract(sentence).countries
    assert [c.code for c in countries] == ["CIV"]
    assert [m.text for m in countries[0].mentions] == ["Côte d’Ivoire"]


def test_cod_name_is_french_and_contains_congo() -> None:
    countries = nigerfacts.extract("La RDC a rappelé son ambassadeur.").countries
    by_code = {c.code: c for c in countries}
    assert "COD" in by_code
    name = by_code["COD"].name
    assert "Congo" in name
    assert "Democratic" not in name and "Republic" not in name


def test_no_country_gives_empty_list() -> None:
    assert nigerfacts.extract("La CEDEAO et l'UE se sont réunies au Sahel.").countries == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("La guerre russo-ukrainienne entre dans sa quatrième année.", {"RUS", "UKR"}),
        ("Le sommet sino-américain a été reporté.", {"CHN", "USA"}),
        ("La brigade franco-allemande a été dissoute.", {"FRA", "DEU"}),
        ("La frontière nigéro-malienne reste fermée.", {"NER", "MLI"}),
        ("Une langue indo-européenne est parlée ici.", set()),
    ],
    ids=["russo-ukrainien", "sino-americain", "franco-allemand", "nigero-malien", "indo-europeen"],
)
def test_compound_adjectives_name_each_state(sentence, expected):
    facts = nigerfacts.extract(sentence)
    assert {c.code for c in facts.countries} == expected
    for country in facts.countries:
        for m in country.mentions:
            assert sentence[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Le port de Mocímboa da Praia a été repris par l'armée.", set()),
        ("Une délégation venue de Praia est arrivée à Dakar.", {"CPV", "SEN"}),
        ("Le Caire et Washington ont discuté à Paris.", {"EGY", "USA", "FRA"}),
    ],
    ids=["particle-place-name", "capital-after-de", "capital-after-et"],
)
def test_capital_inside_a_longer_place_name_is_not_the_state(sentence, expected):
    assert {c.code for c in nigerfacts.extract(sentence).countries} == expected
