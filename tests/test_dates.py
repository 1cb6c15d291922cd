"""Date extraction: table-driven tests of nigerfacts.extract(...).dates.

Each case is a short French news sentence (invented for these tests), the
reference date passed to extract() ("YYYY", "YYYY-MM", "YYYY-MM-DD" or None)
and the exact set of ISO values expected in `facts.dates`.

Rules covered (see the "Dates" section of the annotation guidelines):
- value at exactly the precision the text gives; never invent day or month;
- a missing year is the one that puts the date nearest the reference date,
  except `dernier` (most recent past) and `prochain` (next one);
- with no reference date, a yearless date is `--MM-DD` / `--MM`;
- ranges and lists give each end / each item;
- impossible dates, relative expressions, durations, decades, centuries and
  numbers that are not years are not dates;
- a leading dateline ` date YYYY-MM[-DD] ` is the reference date, not a date.
"""

from __future__ import annotations

import pytest

import nigerfacts

NBSP = "\u00a0"
NNBSP = "\u202f"


def _values(sentence, ref):
    return {d.value for d in nigerfacts.extract(sentence, reference_date=ref).dates}


CASES = [
    # ------------------------------------------------------------------
    # A year given by the year written before: `de la même année`
    # ------------------------------------------------------------------
    pytest.param(
        "Le capitaine a pris le pouvoir en septembre 2022, neuf mois après un premier putsch "
        "mené en janvier de la même année par un lieutenant-colonel.",
        "2025-05",
        {"2022-09", "2022-01"},
        id="anchor-meme-annee",
    ),
    pytest.param(
        "L'accord de défense, signé en mars 2019, a été dénoncé le 4 février de l’année "
        "suivante par les nouvelles autorités.",
        "2025-05",
        {"2019-03", "2020-02-04"},
        id="anchor-annee-suivante",
    ),
    pytest.param(
        "Les législatives de 2020 avaient été précédées, en décembre de l'année précédente, "
        "de violences dans l'Ouest.",
        "2025-05",
        {"2020", "2019-12"},
        id="anchor-annee-precedente",
    ),
    # ------------------------------------------------------------------
    # A range of years in figures gives both ends, unless it counts something
    # ------------------------------------------------------------------
    pytest.param(
        "Ce contingent, héritage de la guerre du Biafra (1967-1970), reste en place.",
        "2025-05",
        {"1967", "1970"},
        id="year-range-in-parentheses",
    ),
    pytest.param(
        "Le plan prévoit de recruter entre 2000-2500 soldats supplémentaires.",
        "2025-05",
        set(),
        id="year-range-counting-soldiers-is-not-a-date",
    ),
    # ------------------------------------------------------------------
    # Half a year away either way: the verb's tense chooses the year
    # ------------------------------------------------------------------
    pytest.param(
        "Fin janvier, les derniers instructeurs avaient quitté la base de Faya.",
        "2025-07-18",
        {"2025-01"},
        id="tense-pluperfect-takes-the-past-january",
    ),
    pytest.param(
        "Le sommet de la CEDEAO se tiendra le 20 janvier à Abuja.",
        "2025-07-18",
        {"2026-01-20"},
        id="tense-future-takes-the-next-january",
    ),
    pytest.param(
        "Les troupes sont rentrées en septembre, a indiqué l'état-major.",
        "2025-02-10",
        {"2024-09"},
        id="tense-passe-compose-takes-the-past-september",
    ),
    pytest.param(
        "Le Niger a exigé le départ des soldats avant septembre.",
        "2025-07-18",
        {"2025-09"},
        id="tense-not-used-when-the-nearest-is-close",
    ),
    pytest.param(
        "La mission a été prolongée en juin de cette année-là.",
        "2025-05",
        {"2025-06"},
        id="anchor-without-written-year-falls-back-to-reference",
    ),
    # ------------------------------------------------------------------
    # Full dates, every written form, with or without the weekday
    # ------------------------------------------------------------------
    pytest.param(
        "Le 26 juillet 2023, la garde présidentielle a renversé Mohamed Bazoum à Niamey.",
        None,
        {"2023-07-26"},
        id="full-le-day-month-year",
    ),
    pytest.param(
        "Les derniers soldats américains ont quitté la base de drones le 7 juin 2024.",
        "2024-08",
        {"2024-06-07"},
        id="full-day-month-year-ref",
    ),
    pytest.param(
        "Le retrait devra être achevé au 1er décembre 2024, selon le communiqué conjoint.",
        "2024-05",
        {"2024-12-01"},
        id="full-1er",
    ),
    pytest.param(
        "Mercredi 26 juillet 2023, des militaires ont suspendu les institutions.",
        None,
        {"2023-07-26"},
        id="full-weekday-start",
    ),
    pytest.param(
        "Les Ghanéens ont voté le samedi 7 décembre 2024 pour élire leur président.",
        None,
        {"2024-12-07"},
        id="full-le-weekday",
    ),
    pytest.param(
        "Lundi 16 septembre, les chefs d'état-major de l'AES se sont réunis à Bamako.",
        "2024-09-18",
        {"2024-09-16"},
        id="weekday-day-month-no-year",
    ),
    pytest.param(
        "Les frappes ont repris dans la nuit du samedi 8 juin, d'après des témoins à Rafah.",
        "2024-06-10",
        {"2024-06-08"},
        id="nuit-du-weekday-day-month",
    ),
    pytest.param(
        "Le communiqué du ministère de la Défense est daté du 7/06/2024.",
        None,
        {"2024-06-07"},
        id="numeric-slash-d-mm-yyyy",
    ),
    pytest.param(
        "Dans une note datée du 07/06/2024, l'ambassade recommande de quitter Ouagadougou.",
        None,
        {"2024-06-07"},
        id="numeric-slash-dd-mm-yyyy",
    ),
    pytest.param(
        "Le document, signé le 7/6/2024, n'a jamais été rendu public.",
        None,
        {"2024-06-07"},
        id="numeric-slash-d-m-yyyy",
    ),
    pytest.param(
        "Le décret du 07.06.2024 fixe le calendrier du départ des forces étrangères.",
        None,
        {"2024-06-07"},
        id="numeric-dots",
    ),
    pytest.param(
        "Selon le rapport mis en ligne le 2024-06-07, les frappes ont visé des dépôts d'armes.",
        None,
        {"2024-06-07"},
        id="numeric-iso",
    ),
    pytest.param(
        "Vendredi 7 juin 2024, Kiev a revendiqué la destruction d'un système de défense aérienne.",
        "2024-06",
        {"2024-06-07"},
        id="full-weekday-friday",
    ),
    pytest.param(
        "Le cessez-le-feu est entré en vigueur à Gaza le 19 janvier 2025 au matin.",
        "2025-01-20",
        {"2025-01-19"},
        id="full-gaza",
    ),
    # ------------------------------------------------------------------
    # Typography: non-breaking spaces, abbreviations, 1er
    # ------------------------------------------------------------------
    pytest.param(
        f"Les soldats ont quitté la base le 7{NBSP}juin 2024, selon l'état-major.",
        None,
        {"2024-06-07"},
        id="nbsp-day-month",
    ),
    pytest.param(
        f"Le retrait sera effectif au 1er{NNBSP}décembre 2024, a confirmé Washington.",
        None,
        {"2024-12-01"},
        id="nnbsp-1er-month",
    ),
    pytest.param(
        f"Le coup d'État du 26{NBSP}juillet{NBSP}2023 a surpris les partenaires occidentaux.",
        None,
        {"2023-07-26"},
        id="nbsp-everywhere",
    ),
    pytest.param(
        f"La junte a promis une réponse avant le 15{NNBSP}septembre.",
        "2024-08",
        {"2024-09-15"},
        id="nnbsp-day-month-no-year",
    ),
    pytest.param(
        "L'accord a été signé le 3 janv. 2024 à Addis-Abeba.",
        None,
        {"2024-01-03"},
        id="abbr-janv",
    ),
    pytest.param(
        "Le sommet de la CEDEAO s'est tenu le 12 sept. 2023 à Abuja.",
        None,
        {"2023-09-12"},
        id="abbr-sept",
    ),
    pytest.param(
        "Le Parlement ukrainien a voté la loi le 14 févr. 2025.",
        None,
        {"2025-02-14"},
        id="abbr-fevr",
    ),
    pytest.param(
        "Une nouvelle salve de missiles a été tirée le 5 déc. 2022 depuis la mer Noire.",
        None,
        {"2022-12-05"},
        id="abbr-dec",
    ),
    pytest.param(
        "Le dernier convoi a quitté Tessalit en janv. 2024, d'après la Minusma.",
        None,
        {"2024-01"},
        id="abbr-month-year",
    ),
    pytest.param(
        "Les discussions reprendront le 1er oct. à Niamey.",
        "2024-09",
        {"2024-10-01"},
        id="abbr-oct-1er-no-year",
    ),
    pytest.param(
        "Les syndicats appellent à manifester le 1er mai devant l'Assemblée.",
        "2024-04-20",
        {"2024-05-01"},
        id="1er-no-year",
    ),
    # ------------------------------------------------------------------
    # Day + month without a year: nearest year to the reference
    # ------------------------------------------------------------------
    pytest.param(
        "Les forces américaines doivent avoir quitté le pays au 15 septembre.",
        "2024-08",
        {"2024-09-15"},
        id="daymonth-nearest-same-year",
    ),
    pytest.param(
        "Le drone a été abattu le 20 décembre près de la frontière.",
        "2025-01-10",
        {"2024-12-20"},
        id="daymonth-nearest-previous-year",
    ),
    pytest.param(
        "Le second tour aura lieu le 5 janvier, a annoncé la commission électorale.",
        "2024-12-15",
        {"2025-01-05"},
        id="daymonth-nearest-next-year",
    ),
    pytest.param(
        "Pyongyang a tiré un missile balistique le 14 janvier, selon l'état-major sud-coréen.",
        "2024-01-20",
        {"2024-01-14"},
        id="daymonth-korea",
    ),
    pytest.param(
        "Le 3 mai, les autorités de transition ont dissous les partis politiques.",
        "2024-05-20",
        {"2024-05-03"},
        id="daymonth-start-of-sentence",
    ),
    pytest.param(
        "Les derniers avions ont décollé le 15 septembre, selon le Pentagone.",
        None,
        {"--09-15"},
        id="daymonth-no-ref",
    ),
    pytest.param(
        "Le 1er mai, les syndicats ont défilé à Bamako malgré l'interdiction.",
        None,
        {"--05-01"},
        id="daymonth-1er-no-ref",
    ),
    # ------------------------------------------------------------------
    # Month, with or without a year
    # ------------------------------------------------------------------
    pytest.param(
        "Les attaques se sont multipliées en mars dans la région de Tillabéri.",
        "2024-04",
        {"2024-03"},
        id="month-en",
    ),
    pytest.param(
        "Le Niger a dénoncé l'accord de coopération militaire en juillet 2023.",
        None,
        {"2023-07"},
        id="month-year",
    ),
    pytest.param(
        "Au mois de mai, plusieurs officiers ont été arrêtés à Ouagadougou.",
        "2024-06",
        {"2024-05"},
        id="month-au-mois-de",
    ),
    pytest.param(
        "Les premiers instructeurs russes sont arrivés au mois d'avril 2024.",
        None,
        {"2024-04"},
        id="month-au-mois-d-year",
    ),
    pytest.param(
        "Les combats se sont intensifiés en décembre autour de Pokrovsk.",
        "2025-01-10",
        {"2024-12"},
        id="month-nearest-previous-year",
    ),
    pytest.param(
        "L'armée affirme avoir repris le contrôle de la ville en juillet.",
        "2023-12-22",
        {"2023-07"},
        id="month-nearest-same-year-back",
    ),
    pytest.param(
        "Le procès de l'ancien président devrait s'ouvrir en février.",
        "2024-11-28",
        {"2025-02"},
        id="month-nearest-next-year",
    ),
    pytest.param(
        "Les affrontements avaient éclaté en novembre dans le nord de Gaza.",
        "2024-02-05",
        {"2023-11"},
        id="month-nearest-previous-year-2",
    ),
    pytest.param(
        "La mission doit prendre fin en octobre, selon un diplomate.",
        None,
        {"--10"},
        id="month-no-ref",
    ),
    pytest.param(
        "En juin 2023, le Mali a exigé le départ de la mission de l'ONU.",
        None,
        {"2023-06"},
        id="month-year-capital-start",
    ),
    pytest.param(
        "Les élections législatives sont prévues en mars.",
        "2024",
        {"2024-03"},
        id="month-ref-year-only",
    ),
    pytest.param(
        "Après l'échec des pourparlers de juillet 2023, la junte les a relancés en juillet.",
        "2024-08",
        {"2023-07", "2024-07"},
        id="month-twice-different-years",
    ),
    # ------------------------------------------------------------------
    # Year alone, when it is a year
    # ------------------------------------------------------------------
    pytest.param(
        "Depuis 2018, la zone des trois frontières est en proie aux attaques.",
        None,
        {"2018"},
        id="year-depuis",
    ),
    pytest.param(
        "Le pays a connu deux coups d'État en 2023, selon l'ONG.",
        "2024-08",
        {"2023"},
        id="year-en",
    ),
    pytest.param(
        "Séoul veut doubler son budget de défense d'ici 2030.",
        None,
        {"2030"},
        id="year-d-ici",
    ),
    pytest.param(
        "En 2012, le nord du Mali est tombé aux mains de groupes armés.",
        None,
        {"2012"},
        id="year-capital-start",
    ),
    pytest.param(
        "L'opposition conteste toujours les résultats des élections de 2020.",
        None,
        {"2020"},
        id="year-de",
    ),
    pytest.param(
        "La transition a été prolongée jusqu'en 2026 par les assises nationales.",
        None,
        {"2026"},
        id="year-jusqu-en",
    ),
    pytest.param(
        "L'année 2022 a été la plus meurtrière pour les civils du Burkina Faso.",
        None,
        {"2022"},
        id="year-l-annee",
    ),
    pytest.param(
        "L'accord d'Alger, signé en 2015, a été dénoncé par Bamako.",
        None,
        {"2015"},
        id="year-en-inside-clause",
    ),
    # ------------------------------------------------------------------
    # Numbers that are not years (nor dates)
    # ------------------------------------------------------------------
    pytest.param(
        "Les militaires américains ont quitté la base aérienne 101 de Niamey.",
        None,
        set(),
        id="not-year-base-101",
    ),
    pytest.param(
        "L'armée de l'air a engagé un Mirage 2000 au-dessus du désert.",
        None,
        set(),
        id="not-year-mirage-2000",
    ),
    pytest.param(
        "Près de 1 000 soldats américains étaient stationnés dans le pays.",
        None,
        set(),
        id="not-year-1-000-soldats",
    ),
    pytest.param(
        "Moscou aurait déployé 2000 soldats supplémentaires dans la région de Koursk.",
        None,
        set(),
        id="not-year-2000-soldats",
    ),
    pytest.param(
        "Le couvre-feu commence à 12H30 dans la capitale.",
        None,
        set(),
        id="not-year-12h30",
    ),
    pytest.param(
        "Chaque famille déplacée a reçu une aide de 1500 euros.",
        None,
        set(),
        id="not-year-1500-euros",
    ),
    pytest.param(
        "Le village, qui compte 2024 habitants, a été vidé de sa population.",
        None,
        set(),
        id="not-year-2024-habitants",
    ),
    pytest.param(
        "Environ 1.500 militaires français étaient encore présents au Sahel.",
        None,
        set(),
        id="not-year-1.500-militaires",
    ),
    pytest.param(
        "Le bilan s'élève à 1 200 morts et plus de 3 000 blessés.",
        None,
        set(),
        id="not-year-casualties",
    ),
    pytest.param(
        "En 2023, 2000 soldats supplémentaires ont été envoyés dans le Nord.",
        None,
        {"2023"},
        id="year-then-2000-soldats",
    ),
    pytest.param(
        "Le 7 juin 2024 à 12H30, le dernier avion a décollé de Niamey.",
        None,
        {"2024-06-07"},
        id="full-date-then-hour",
    ),
    pytest.param(
        "La résolution 1973 du Conseil de sécurité a autorisé en 2011 les frappes en Libye.",
        None,
        {"2011"},
        id="not-year-resolution-number",
    ),
    # ------------------------------------------------------------------
    # Modifiers: début / mi- / fin / courant
    # ------------------------------------------------------------------
    pytest.param(
        "Les derniers soldats français ont quitté le pays fin 2023.",
        None,
        {"2023"},
        id="mod-fin-year",
    ),
    pytest.param(
        "Début 2024, les trois juntes ont annoncé leur retrait de la CEDEAO.",
        None,
        {"2024"},
        id="mod-debut-year-capital",
    ),
    pytest.param(
        "Le retrait américain doit être terminé à la mi-septembre.",
        "2024-08",
        {"2024-09"},
        id="mod-mi-month",
    ),
    pytest.param(
        "Une délégation s'est rendue à Niamey début juillet.",
        "2024-08",
        {"2024-07"},
        id="mod-debut-month",
    ),
    pytest.param(
        "Fin mai, les rebelles ont lancé une offensive sur Kidal.",
        "2024-06",
        {"2024-05"},
        id="mod-fin-month-capital",
    ),
    pytest.param(
        "Mi-août, l'armée ukrainienne est entrée dans la région de Koursk.",
        "2024-09",
        {"2024-08"},
        id="mod-mi-month-capital",
    ),
    pytest.param(
        "Le référendum constitutionnel doit se tenir courant mars.",
        "2025-02",
        {"2025-03"},
        id="mod-courant-month",
    ),
    pytest.param(
        "La nouvelle base russe devrait être opérationnelle courant 2025.",
        None,
        {"2025"},
        id="mod-courant-year",
    ),
    pytest.param(
        "Des renforts ont été dépêchés à Menaka fin novembre 2023.",
        None,
        {"2023-11"},
        id="mod-fin-month-year",
    ),
    pytest.param(
        "Kiev espère recevoir les premiers chasseurs à la mi-2023.",
        None,
        {"2023"},
        id="mod-mi-year",
    ),
    pytest.param(
        "Début janvier 2024, la frontière avec le Bénin est restée fermée.",
        None,
        {"2024-01"},
        id="mod-debut-month-year",
    ),
    pytest.param(
        "Les négociations doivent reprendre mi-septembre à Doha.",
        None,
        {"--09"},
        id="mod-mi-month-no-ref",
    ),
    # ------------------------------------------------------------------
    # dernier / prochain
    # ------------------------------------------------------------------
    pytest.param(
        "Le général Tiani s'est rendu à Moscou en janvier dernier.",
        "2024-08",
        {"2024-01"},
        id="dernier-month",
    ),
    pytest.param(
        "Le 6 juillet dernier, les chefs d'État de l'AES ont signé un traité à Niamey.",
        "2024-08",
        {"2024-07-06"},
        id="dernier-day-month",
    ),
    pytest.param(
        "Les Sud-Coréens voteront en mars prochain pour renouveler l'Assemblée.",
        "2024-11",
        {"2025-03"},
        id="prochain-month",
    ),
    pytest.param(
        "Les frappes israéliennes se sont intensifiées depuis septembre dernier.",
        "2024-08-20",
        {"2023-09"},
        id="dernier-month-previous-year",
    ),
    pytest.param(
        "Le scrutin présidentiel est reporté à février prochain.",
        "2024-03",
        {"2025-02"},
        id="prochain-month-next-year",
    ),
    pytest.param(
        "L'opposition avait été reçue au palais en mai dernier.",
        "2024-03",
        {"2023-05"},
        id="dernier-overrides-nearest",
    ),
    pytest.param(
        "La conférence des donateurs se tiendra en avril prochain à Bruxelles.",
        "2024-05-15",
        {"2025-04"},
        id="prochain-overrides-nearest",
    ),
    pytest.param(
        "L'attaque du 15 août dernier a fait des dizaines de victimes à Barsalogho.",
        "2024-08-20",
        {"2024-08-15"},
        id="dernier-day-same-month",
    ),
    pytest.param(
        "Le sommet est convoqué pour le 10 septembre prochain à Bamako.",
        "2024-08-20",
        {"2024-09-10"},
        id="prochain-day-month",
    ),
    pytest.param(
        "Aucun convoi n'a pu rejoindre la ville depuis octobre dernier.",
        "2025-01-10",
        {"2024-10"},
        id="dernier-month-across-new-year",
    ),
    # ------------------------------------------------------------------
    # Seasons: only with a year
    # ------------------------------------------------------------------
    pytest.param(
        "La contre-offensive ukrainienne avait été préparée au printemps 2022.",
        None,
        {"2022"},
        id="season-printemps-year",
    ),
    pytest.param(
        "Les mercenaires de Wagner ont été remplacés à l'automne 2023.",
        None,
        {"2023"},
        id="season-automne-year",
    ),
    pytest.param(
        "Durant l'été 2024, les coupures d'électricité se sont multipliées à Niamey.",
        None,
        {"2024"},
        id="season-ete-year",
    ),
    pytest.param(
        "Au printemps, les pluies ont rendu les pistes impraticables.",
        "2024-08",
        set(),
        id="season-without-year",
    ),
    pytest.param(
        "Les autorités redoutent une nouvelle offensive cet hiver.",
        "2024-10",
        set(),
        id="season-cet-hiver",
    ),
    # ------------------------------------------------------------------
    # Ranges and lists: each date
    # ------------------------------------------------------------------
    pytest.param(
        "Entre avril et mai, plusieurs centaines de civils ont fui vers le Niger.",
        "2024-08",
        {"2024-04", "2024-05"},
        id="range-entre-months",
    ),
    pytest.param(
        "Des exercices conjoints ont eu lieu du 7 au 9 juin au large de Busan.",
        "2024-06-20",
        {"2024-06-07", "2024-06-09"},
        id="range-du-au-days",
    ),
    pytest.param(
        "Les 3 et 4 mars, des drones ont frappé le port d'Odessa.",
        "2025-03-10",
        {"2025-03-03", "2025-03-04"},
        id="list-les-et",
    ),
    pytest.param(
        "Le forum sur la sécurité se tiendra du 15 au 20 février 2025 à Dakar.",
        None,
        {"2025-02-15", "2025-02-20"},
        id="range-shared-year",
    ),
    pytest.param(
        "Entre mardi 12 et jeudi 14 mars, l'armée a mené des frappes près de Djibo.",
        "2024-03-20",
        {"2024-03-12", "2024-03-14"},
        id="range-weekdays",
    ),
    pytest.param(
        "De janvier à mars 2023, les attaques ont doublé dans le Liptako.",
        None,
        {"2023-01", "2023-03"},
        id="range-months-shared-year",
    ),
    pytest.param(
        "La conférence s'est tenue du 30 novembre au 2 décembre 2023 à Dubaï.",
        None,
        {"2023-11-30", "2023-12-02"},
        id="range-across-months",
    ),
    pytest.param(
        "Entre 2015 et 2020, plus de 1 000 soldats maliens ont été tués.",
        None,
        {"2015", "2020"},
        id="range-years-entre",
    ),
    pytest.param(
        "L'opération Barkhane a mobilisé des milliers de militaires de 2014 à 2022.",
        None,
        {"2014", "2022"},
        id="range-years-de-a",
    ),
    pytest.param(
        "Les 6, 7 et 8 septembre, les jihadistes ont attaqué trois postes militaires.",
        "2024-09-15",
        {"2024-09-06", "2024-09-07", "2024-09-08"},
        id="list-three-days",
    ),
    pytest.param(
        "Le cessez-le-feu a été violé à plusieurs reprises entre le 10 et le 12 octobre.",
        "2024-10-20",
        {"2024-10-10", "2024-10-12"},
        id="range-entre-le-et-le",
    ),
    pytest.param(
        "Le couvre-feu a été maintenu du 2 avril au 5 mai 2024 dans la capitale.",
        None,
        {"2024-04-02", "2024-05-05"},
        id="range-day-month-to-full",
    ),
    pytest.param(
        "Des manœuvres navales ont eu lieu du 7 au 9 juin en mer Jaune.",
        None,
        {"--06-07", "--06-09"},
        id="range-no-ref",
    ),
    # ------------------------------------------------------------------
    # Impossible dates
    # ------------------------------------------------------------------
    pytest.param(
        "Le document évoque une réunion secrète le 31 février à Niamey.",
        "2024-03",
        set(),
        id="impossible-31-fevrier",
    ),
    pytest.param(
        "Le faux communiqué, daté du 30/02/2024, a circulé sur les réseaux sociaux.",
        None,
        set(),
        id="impossible-30-02-numeric",
    ),
    pytest.param(
        "La pièce, prétendument signée le 31 avril 2024, est un faux.",
        None,
        set(),
        id="impossible-31-avril",
    ),
    pytest.param(
        "Les élections se sont tenues le 29 février 2024 dans un climat tendu.",
        None,
        {"2024-02-29"},
        id="leap-day-valid",
    ),
    pytest.param(
        "Le rapport mentionne une attaque le 29 février 2023, une date qui n'existe pas.",
        None,
        set(),
        id="leap-day-invalid",
    ),
    # ------------------------------------------------------------------
    # Relative expressions without a calendar anchor, durations, decades
    # ------------------------------------------------------------------
    pytest.param(
        "Hier, des tirs ont été entendus près du palais présidentiel.",
        "2024-08-20",
        set(),
        id="rel-hier",
    ),
    pytest.param(
        "Le ministre sera reçu lundi par le président de la transition.",
        "2024-08-20",
        set(),
        id="rel-weekday-alone",
    ),
    pytest.param(
        "Vendredi dernier, un convoi humanitaire a été pillé au nord de Gaza.",
        "2024-08-20",
        set(),
        id="rel-vendredi-dernier",
    ),
    pytest.param(
        "L'année dernière, la junte avait expulsé l'ambassadeur de France.",
        "2024-08",
        set(),
        id="rel-annee-derniere",
    ),
    pytest.param(
        "Cette année, le budget militaire a augmenté de moitié.",
        "2024-08",
        set(),
        id="rel-cette-annee",
    ),
    pytest.param(
        "Depuis dix ans, le pays vit au rythme des attaques jihadistes.",
        None,
        set(),
        id="rel-depuis-dix-ans",
    ),
    pytest.param(
        "Depuis 10 ans, aucun président élu n'a achevé son mandat.",
        None,
        set(),
        id="rel-depuis-10-ans",
    ),
    pytest.param(
        "Une délégation russe est attendue à Ouagadougou la semaine prochaine.",
        "2024-08-20",
        set(),
        id="rel-semaine-prochaine",
    ),
    pytest.param(
        "Il y a trois mois, les rebelles contrôlaient encore la ville.",
        "2024-08-20",
        set(),
        id="rel-il-y-a",
    ),
    pytest.param(
        "Le pays a connu une vague de rébellions dans les années 1990.",
        None,
        set(),
        id="rel-decade",
    ),
    pytest.param(
        "Au début des années 2000, la Corée du Nord s'est retirée du traité.",
        None,
        set(),
        id="rel-decade-2000",
    ),
    pytest.param(
        "Ces frontières ont été tracées au XIXe siècle par les puissances coloniales.",
        None,
        set(),
        id="rel-century-roman",
    ),
    pytest.param(
        "Le conflit est l'un des plus meurtriers du 21e siècle.",
        None,
        set(),
        id="rel-century-arabic",
    ),
    pytest.param(
        "Aujourd'hui, les patrouilles ont repris ; les élections auront lieu l'an prochain.",
        "2024-08-20",
        set(),
        id="rel-aujourdhui-an-prochain",
    ),
    pytest.param(
        "Le gouvernement promet un retour à l'ordre constitutionnel cet été, avant Noël.",
        "2024-03",
        set(),
        id="rel-cet-ete-noel",
    ),
    pytest.param(
        "Le mois dernier, l'armée a perdu une vingtaine d'hommes dans une embuscade.",
        "2024-08-20",
        set(),
        id="rel-mois-dernier",
    ),
    # ------------------------------------------------------------------
    # Dateline: gives the reference date, is not itself a date
    # ------------------------------------------------------------------
    pytest.param(
        " date 2024-08 Le 6 juillet dernier, les dirigeants de l'AES ont signé un traité.",
        None,
        {"2024-07-06"},
        id="dateline-month",
    ),
    pytest.param(
        " date 2024-09-16 Les derniers avions américains ont décollé le 15 septembre.",
        None,
        {"2024-09-15"},
        id="dateline-day",
    ),
    pytest.param(
        " date 2025-01-10 Les affrontements ont repris en décembre près de la frontière.",
        None,
        {"2024-12"},
        id="dateline-nearest-previous-year",
    ),
    pytest.param(
        " date 2024-08 Depuis 2018, l'armée a perdu des centaines d'hommes.",
        None,
        {"2018"},
        id="dateline-plus-year",
    ),
    # ------------------------------------------------------------------
    # Several dates in one text
    # ------------------------------------------------------------------
    pytest.param(
        "Arrivés en 2013, les soldats français ont quitté le Mali le 15 août 2022.",
        None,
        {"2013", "2022-08-15"},
        id="mixed-year-and-full",
    ),
    pytest.param(
        "Le 24 février 2022, la Russie a envahi l'Ukraine ; deux ans plus tard, le front est figé.",
        None,
        {"2022-02-24"},
        id="mixed-full-and-relative",
    ),
    pytest.param(
        "Renversé le 26 juillet 2023, Bazoum est détenu ; son procès s'ouvrira en septembre.",
        "2024-08",
        {"2023-07-26", "2024-09"},
        id="mixed-full-and-month",
    ),
]


@pytest.mark.parametrize(("sentence", "ref", "expected"), CASES)
def test_date_values(sentence, ref, expected):
    assert _values(sentence, ref) == expected


# ----------------------------------------------------------------------
# precision field
# ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "ref", "value", "precision"),
    [
        pytest.param(
            "Le dernier avion a décollé le 7 juin 2024.", None, "2024-06-07", "day", id="day"
        ),
        pytest.param(
            "Le Niger a dénoncé l'accord en juillet 2023.", None, "2023-07", "month", id="month"
        ),
        pytest.param("Depuis 2018, les attaques se multiplient.", None, "2018", "year", id="year"),
        pytest.param(
            "Les frappes ont repris mi-septembre.", "2024-08", "2024-09", "month", id="month-mod"
        ),
        pytest.param("Les soldats sont partis fin 2023.", None, "2023", "year", id="year-mod"),
        pytest.param("Le vote aura lieu le 15 septembre.", None, "--09-15", "day", id="day-no-ref"),
    ],
)
def test_precision(sentence, ref, value, precision):
    dates = nigerfacts.extract(sentence, reference_date=ref).dates
    by_value = {d.value: d for d in dates}
    assert value in by_value
    assert by_value[value].precision == precision


# ----------------------------------------------------------------------
# year field: explicit / inferred / unknown
# ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "ref", "value", "year"),
    [
        pytest.param(
            "Le coup d'État a eu lieu le 26 juillet 2023.",
            "2024-08",
            "2023-07-26",
            "explicit",
            id="explicit",
        ),
        pytest.param(
            "Les troupes partiront au 15 septembre.",
            "2024-08",
            "2024-09-15",
            "inferred",
            id="inferred",
        ),
        pytest.param(
            "Les troupes partiront au 15 septembre.", None, "--09-15", "unknown", id="unknown"
        ),
        pytest.param(
            "Il s'est rendu à Moscou en janvier dernier.",
            "2024-08",
            "2024-01",
            "inferred",
            id="inferred-dernier",
        ),
        pytest.param(
            "La mission prendra fin en octobre.", None, "--10", "unknown", id="unknown-month"
        ),
        pytest.param(
            "Depuis 2018, la région est instable.",
            "2024-08",
            "2018",
            "explicit",
            id="explicit-year",
        ),
        pytest.param(
            "Le forum aura lieu du 15 au 20 février 2025.",
            None,
            "2025-02-15",
            "explicit",
            id="explicit-shared-year",
        ),
    ],
)
def test_year_field(sentence, ref, value, year):
    dates = nigerfacts.extract(sentence, reference_date=ref).dates
    by_value = {d.value: d for d in dates}
    assert value in by_value
    assert by_value[value].year == year


# ----------------------------------------------------------------------
# offsets: text[start:end] == text of the fact and of every mention
# ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "ref"),
    [pytest.param(p.values[0], p.values[1], id=p.id) for p in CASES],
)
def test_offsets(sentence, ref):
    for d in nigerfacts.extract(sentence, reference_date=ref).dates:
        assert sentence[d.start : d.end] == d.text
        assert d.mentions, d
        assert (d.mentions[0].start, d.mentions[0].end, d.mentions[0].text) == (
            d.start,
            d.end,
            d.text,
        )
        for m in d.mentions:
            assert sentence[m.start : m.end] == m.text


# ----------------------------------------------------------------------
# the same value twice: one DateFact, two mentions in text order
# ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "ref", "value"),
    [
        pytest.param(
            "Le 26 juillet 2023, l'armée a pris le pouvoir. "
            "Depuis le 26 juillet 2023, le président est détenu.",
            None,
            "2023-07-26",
            id="same-form",
        ),
        pytest.param(
            "Le décret du 7 juin 2024 a été publié au journal officiel daté du 07/06/2024.",
            None,
            "2024-06-07",
            id="different-forms",
        ),
        pytest.param(
            "Les frappes ont repris en juillet. Fin juillet, la ville était encerclée.",
            "2024-08",
            "2024-07",
            id="month-and-modifier",
        ),
    ],
)
def test_same_value_merged(sentence, ref, value):
    dates = nigerfacts.extract(sentence, reference_date=ref).dates
    same = [d for d in dates if d.value == value]
    assert len(same) == 1
    d = same[0]
    assert len(d.mentions) == 2
    assert d.mentions[0].start < d.mentions[1].start
    for m in d.mentions:
        assert sentence[m.start : m.end] == m.text
    assert d.text == d.mentions[0].text
    assert d.start == d.mentions[0].start


# ----------------------------------------------------------------------
# dateline: becomes the reference date, with reference_date=None
# ----------------------------------------------------------------------
def test_dateline_sets_reference_date():
    text = " date 2024-08 Le 6 juillet dernier, les chefs d'État ont signé un traité."
    facts = nigerfacts.extract(text, reference_date=None)
    assert facts.reference_date == "2024-08"
    assert {d.value for d in facts.dates} == {"2024-07-06"}
    assert all(d.start >= len(" date 2024-08 ") for d in facts.dates)
    assert all(d.year == "inferred" for d in facts.dates)
