"""Countries in news outside security: a state word inside a brand's or an organization's
name, demonyms shared by several states, and `pro-`/`anti-` adjectives.

Each case is a sentence or a short article written for these tests and the exact set of
alpha-3 codes expected.
"""

from __future__ import annotations

import pytest

import nigerfacts
from nigerfacts import shared_demonyms
from nigerfacts.shared_demonyms import Evidence as E


def codes(text: str) -> set[str]:
    return {c.code for c in nigerfacts.extract(text).countries}


BRANDS = [
    ("Il l'a confirmé à l'Agence France-Presse.", set()),
    ("Joint par Radio France internationale, il a dénoncé un hold-up.", set()),
    ("Les économistes de la Banque de France suivent la zone franc.", set()),
    ("Il est arrivé par un vol Air France en provenance de Dakar.", {"SEN"}),
    ("L'attaquant ivoirien a signé au Paris Saint-Germain.", {"CIV"}),
    ("Orange Mali et Orange Guinée ont gagné des clients.", set()),
    ("La ligne s'ajoute à celles de Royal Air Maroc et d'Air Algérie.", set()),
    ("Le capitaine a parlé au micro de Top Congo FM.", set()),
    ("Selon France 24 et France Info, le sommet est reporté.", set()),
    ("MTN Côte d'Ivoire a lancé la 5G.", set()),
    ("Kenya Airways a repris ses vols vers Nairobi.", {"KEN"}),
    ("Le Mali a taxé les recharges d'Orange Mali.", {"MLI"}),
    ("La France et l'Algérie ont repris le dialogue, selon l'Agence France-Presse.",
     {"FRA", "DZA"}),
]


@pytest.mark.parametrize(("text", "expected"), BRANDS)
def test_a_country_inside_a_brand_or_organization_name_is_not_the_state(
        text: str, expected: set[str]) -> None:
    assert codes(text) == expected


SHARED = [
    ("Les Congolais de Brazzaville ont voté dimanche.", {"COG"}),
    ("À Kinshasa, les Congolais ont fêté la victoire.", {"COD"}),
    ("La RDC a battu la Tanzanie. Les Congolais ont dominé.", {"COD", "TZA"}),
    ("Les autorités de Brazzaville vaccinent.\n\nAucun Congolais ne sera oublié.", {"COG"}),
    ("Près de deux Guinéens sur trois vivent à Malabo ou à Bata.", {"GNQ"}),
    ("Les Guinéens de moins de cinq ans sont les plus touchés, selon Bissau.", {"GNB"}),
    ("À Conakry, 6,7 millions de Guinéens votent.", {"GIN"}),
    ("À Juba, le président a parlé. « Les Soudanais ont trop attendu », a-t-il dit.", {"SSD"}),
    ("Réfugié au Caire, le cinéaste soudanais pense à Khartoum.", {"EGY", "SDN"}),
    ("Les Soudanais ont fait match nul ; les Sud-Soudanais ont perdu.", {"SDN", "SSD"}),
    ("Les Congolais ont gagné.", {"COD"}),
    ("Le Soudan du Sud vote.\n\nLa Guinée équatoriale exporte.\n\nLes Guinéens et les "
     "Soudanais attendent.", {"SSD", "GNQ"}),
]


@pytest.mark.parametrize(("text", "expected"), SHARED)
def test_a_shared_demonym_is_the_state_the_article_names_around_it(
        text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("evidence", "expected"),  # E(code, sentence, paragraph); the demonym is in 0, 0
    [
        ([E("COG", 0, 0), E("COD", 5, 1), E("COD", 9, 2)], ("COG", "sentence")),
        ([E("COG", 3, 0), E("COD", 9, 2), E("COD", 12, 2)], ("COG", "paragraph")),
        ([E("COG", 9, 1), E("COD", 12, 2), E("COD", 15, 3)], ("COD", "article")),
        ([E("COG", 9, 1), E("COD", 12, 2)], ("COD", "default")),
        ([E("FRA", 0, 0)], ("COD", "default")),
    ],
    ids=["sentence", "paragraph", "article", "tie-default", "no-candidate-default"],
)
def test_shared_demonym_cues_in_order_of_precedence(evidence, expected) -> None:
    assert shared_demonyms.decide(("COD", "COG"), 0, 0, evidence) == expected


def test_shared_demonym_forms_come_from_the_data_file() -> None:
    assert shared_demonyms.candidates("Congolaises") == ("COD", "COG")
    assert shared_demonyms.candidates("guinéens") == ("GIN", "GNB", "GNQ")
    assert shared_demonyms.candidates("soudanais") == ("SDN", "SSD")
    assert shared_demonyms.candidates("sud-soudanais") is None


STANCES = [
    ("Des pages pro-russes diffusent ces messages.", {"RUS"}),
    ("Des slogans anti-français ont été scandés.", {"FRA"}),
    ("Les milices pro-iraniennes menacent le président.", {"IRN"}),
    ("Un discours anti-américain a été prononcé.", {"USA"}),
    ("Des comptes pro-rwandais saluent l'accord.", {"RWA"}),
    ("Une manifestation anti-chinoise a eu lieu.", {"CHN"}),
    ("Le camp pro-turc a gagné.", {"TUR"}),
    ("La coproduction franco-malienne sort en salles.", {"FRA", "MLI"}),
    ("Un sentiment anti-franco-malien se développe.", {"FRA", "MLI"}),
    ("Un parti pro-européen et un vote anti-système.", set()),
    ("Le programme pro-démocratie a été suspendu.", set()),
    ("Un front anti-occidental se dessine.", set()),
]


@pytest.mark.parametrize(("text", "expected"), STANCES)
def test_pro_and_anti_adjectives_refer_to_the_state(text: str, expected: set[str]) -> None:
    facts = nigerfacts.extract(text)
    assert {c.code for c in facts.countries} == expected
    for country in facts.countries:
        for m in country.mentions:
            assert text[m.start : m.end] == m.text
