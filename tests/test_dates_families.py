"""Dates in news outside security: years in lists and parentheses, `depuis` + month,
seasons and parts of a year with a year. Scores (`6-4`), ranks (`35e`), decades and
counts beside them stay out.

Each case is a sentence written for these tests, its reference date, and the exact set
of ISO values expected.
"""

from __future__ import annotations

import pytest

import nigerfacts


def values(sentence: str, ref: str | None) -> set[str]:
    return {d.value for d in nigerfacts.extract(sentence, reference_date=ref).dates}


YEAR_LISTS = [
    ("Les Lions, champions en 1976, 2023 et 2024, ont battu le Ghana 3-1.", "2025-02",
     {"1976", "2023", "2024"}),
    ("Les triples champions (1976, 2023, 2024) pointent au 35e rang mondial.", "2025-02",
     {"1976", "2023", "2024"}),
    ("Lauréate en 2012 et 2013, elle s'est inclinée 6-4, 6-3 en finale.", "2025-06",
     {"2012", "2013"}),
    ("Le cinéaste, primé deux fois (1979, 1983), préside le jury.", "2025-03",
     {"1979", "1983"}),
    ("Il a remporté tous les scrutins depuis 1984 (1988, 1992, 1997, 2004).", "2025-10",
     {"1984", "1988", "1992", "1997", "2004"}),
    ("Sacré en 2009, 2010 ou 2015 selon les sources, le club est 12e.", "2025-05",
     {"2009", "2010", "2015"}),
    ("Le film (2019) a été restauré.", "2025-05", {"2019"}),
    ("Les victoires des années 1990 (1994, 1999, 2000) restent dans les mémoires.", "2025-01",
     {"1994", "1999", "2000"}),
    ("Les champions de 2018, 1500 supporters et 2000 euros de prime.", "2025-01", {"2018"}),
    ("Le score (2-0) et le classement (35e) ne sont pas des dates.", "2025-01", set()),
    ("En 2020, 2500 soldats étaient déployés.", "2025-01", {"2020"}),
    ("La guerre de Corée (1950-1953) et la crise de 1962.", "2025-01", {"1950", "1953", "1962"}),
]


@pytest.mark.parametrize(("sentence", "ref", "expected"), YEAR_LISTS)
def test_years_in_lists_and_parentheses_are_dates_scores_and_ranks_are_not(
        sentence: str, ref: str, expected: set[str]) -> None:
    assert values(sentence, ref) == expected


SINCE_MONTH = [
    ("Elle s'entraîne à Barcelone depuis septembre.", "2025-05-25", {"2024-09"}),
    ("Les coupures frappent Bamako depuis octobre.", "2025-07-24", {"2024-10"}),
    ("Les fonctionnaires ne sont plus payés depuis octobre.", "2025-07", {"2024-10"}),
    ("Le club est invaincu depuis la mi-octobre.", "2025-05-12", {"2024-10"}),
    ("La crise dure depuis début juillet.", "2025-04-07", {"2024-07"}),
    ("La grève dure depuis fin novembre.", "2025-08-19", {"2024-11"}),
    ("Il est assigné à résidence depuis le 26 mars.", "2025-07-09", {"2025-03-26"}),
    ("Les vols sont suspendus depuis le 3 décembre.", "2025-11-04", {"2024-12-03"}),
    ("Le marché est ouvert depuis janvier.", "2025-03", {"2025-01"}),
    ("Vingt soldats sont morts depuis début octobre.", "2024-10-14", {"2024-10"}),
    ("Le cessez-le-feu tient depuis le 14 octobre.", "2024-10-14", {"2024-10-14"}),
    ("Le festival est préparé depuis juillet 2023.", "2025-03", {"2023-07"}),
    ("La finale aura lieu en septembre, la ligne est ouverte depuis mars.", "2025-01-27",
     {"2025-09", "2024-03"}),
    ("Les travaux, prévus en juin, sont attendus depuis février.", "2025-04",
     {"2025-06", "2025-02"}),
]


@pytest.mark.parametrize(("sentence", "ref", "expected"), SINCE_MONTH)
def test_depuis_and_a_month_is_the_most_recent_past_one(
        sentence: str, ref: str, expected: set[str]) -> None:
    assert values(sentence, ref) == expected


SEASONS = [
    ("Le film a été tourné à l'hiver 2023.", "2025-03", {"2023"}),
    ("La sortie est prévue à l'automne 2025.", "2025-05", {"2025"}),
    ("Le tirage aura lieu au printemps 2026.", "2025-05", {"2026"}),
    ("Les visas sont refusés depuis l'été 2023.", "2025-03", {"2023"}),
    ("Le vaccin sera introduit au premier trimestre 2026.", "2025-04", {"2026"}),
    ("Les ventes ont reculé au second semestre 2024.", "2025-04", {"2024"}),
    ("Le club a dominé la saison 2024-2025.", "2025-05", {"2024", "2025"}),
    ("Le dividende de l'exercice 2024 est un record.", "2025-07", {"2024"}),
    ("L'édition 2025 a réuni 12 000 coureurs.", "2025-07", {"2025"}),
    ("Cet été, les prix ont flambé ; l'hiver prochain sera rude.", "2025-07", set()),
    ("Les pluies de la saison sèche ont surpris.", "2025-07", set()),
]


@pytest.mark.parametrize(("sentence", "ref", "expected"), SEASONS)
def test_a_season_or_a_part_of_a_year_with_a_year_gives_the_year(
        sentence: str, ref: str, expected: set[str]) -> None:
    assert values(sentence, ref) == expected
