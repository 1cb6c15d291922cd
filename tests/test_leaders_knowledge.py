"""Leaders the reader already knows: recognition, state, former and linking with the
officeholders base (see GUIDELINES "Leaders" and `nigerfacts/leaders/knowledge.py`).

Every sentence was written for these tests. They run against a small fixture base
(`tests/data/officeholders/fixture.tsv`), so that each case controls who is known, for which
office and when; a case gives the reference date and the exact set of leaders as (name,
country, former, id). A few cases (`SHIPPED`) run against the shipped base, on people any
version of it must know.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import nigerfacts
from nigerfacts.component import NigerFacts
from nigerfacts.leaders.knowledge import KnowledgeBase, form_key
from nigerfacts.models import LeaderFact
from nigerfacts.pipeline import load_pipeline

FIXTURE = Path(__file__).resolve().parent / "data" / "officeholders"
F = False
T = True


@pytest.fixture(scope="module")
def leaders_of():
    nlp = load_pipeline()
    component = NigerFacts(nlp, "nigerfacts", officeholders=FIXTURE)

    def run(text: str, date: str | None) -> list[LeaderFact]:
        doc = nlp.make_doc(text)
        for _, pipe in nlp.pipeline:
            if pipe is not nlp.get_pipe("nigerfacts"):
                doc = pipe(doc)
        doc._.reference_date = date
        return component(doc)._.facts.leaders

    return run


RECOGNITION = [
    pytest.param("Poutine a reçu jeudi le président chinois au Kremlin.", "2024-05-10",
                 {("Poutine", "RUS", F, "vladimir-poutine")}, id="surname-alone"),
    pytest.param("Autour de la table figuraient Emmanuel Macron (France), Giorgia Meloni (Italie) "
                 "et Olaf Scholz (Allemagne).", "2024-06-14",
                 {("Emmanuel Macron", "FRA", F, "emmanuel-macron"),
                  ("Giorgia Meloni", "ITA", F, "giorgia-meloni"),
                  ("Olaf Scholz", "DEU", F, "olaf-scholz")}, id="summit-list"),
    pytest.param("La Turquie était représentée par Hakan Fidan.", "2024-01-10",
                 {("Hakan Fidan", "TUR", F, "hakan-fidan")}, id="minister-without-ministry"),
    pytest.param("Selon Hakan Fidan, la trêve tient toujours.", "2024-01-10",
                 {("Hakan Fidan", "TUR", F, "hakan-fidan")}, id="after-selon"),
    pytest.param("Jean Dupuis a visité Niamey la semaine dernière.", "2024-01-10", set(),
                 id="unknown-untitled-is-no-leader"),
    pytest.param("Le ministre nigérien de la Défense, Salifou Mody, a visité Moscou.", "2024-01-10",
                 {("Salifou Mody", "NER", F, None)}, id="unknown-titled-still-found"),
    pytest.param("Bassirou Diomaye Faye a tenu un meeting à Dakar.", "2023-06-01", set(),
                 id="known-before-first-office"),
    pytest.param("Bassirou Diomaye Faye a tenu un meeting à Dakar.", "2024-06-01",
                 {("Bassirou Diomaye Faye", "SEN", F, "bassirou-diomaye-faye")},
                 id="known-after-first-office"),
    pytest.param("Le plombier Paul Martin a réparé la fuite.", "2024-01-10", set(),
                 id="namesake-described-by-a-noun"),
    pytest.param("Le journaliste Paul Martin a interrogé les habitants.", "2024-01-10", set(),
                 id="namesake-with-another-role"),
    pytest.param("Ibrahim Diallo, un habitant de Niamey, témoigne.", "2024-01-10", set(),
                 id="unknown-with-another-role"),
    pytest.param("João Lourenço, médiateur désigné par l'Union africaine, a réuni les deux "
                 "ministres.", "2024-08-01", {("João Lourenço", "AGO", F, "joao-lourenco")},
                 id="sitting-president-as-mediator"),
    pytest.param("Biden a publié ses mémoires.", "2026-02-01",
                 {("Biden", "USA", T, "joe-biden")}, id="surname-of-recent-leader"),
    pytest.param("Biden a publié ses mémoires.", "2040-02-01", set(),
                 id="surname-of-long-gone-leader-is-no-one"),
    pytest.param("Luiz Inácio Lula da Silva a accueilli le sommet. Lula a ensuite reçu "
                 "Xi Jinping.", "2024-11-20",
                 {("Luiz Inácio Lula da Silva", "BRA", F, "luiz-inacio-lula-da-silva"),
                  ("Xi Jinping", "CHN", F, "xi-jinping")}, id="nickname-merged-by-id"),
    pytest.param("Abdourahamane Tiani (Niger) a ouvert le sommet. « Nous ne reculerons pas », "
                 "a lancé Tiani.", "2024-07-08",
                 {("Abdourahamane Tiani", "NER", F, "abdourahamane-tiani")},
                 id="surname-after-full-name"),
    pytest.param("Moussa Camara s'est rendu à Bamako.", "2021-03-01",
                 {("Moussa Camara", "MLI", F, "moussa-camara-2")}, id="namesakes-by-date-later"),
    pytest.param("Moussa Camara s'est rendu à Bamako.", "2012-05-01",
                 {("Moussa Camara", "NER", F, "moussa-camara")}, id="namesakes-by-date-earlier"),
    pytest.param("Moussa Camara s'est rendu à Bamako.", "2030-05-01", set(),
                 id="namesakes-both-past-ambiguous"),
    pytest.param("Mark Rutte a salué l'accord.", None,
                 {("Mark Rutte", None, F, "mark-rutte")}, id="no-date-latest-office"),
    pytest.param("Idriss Déby Itno est mort au front en 2021. Son fils Mahamat Idriss Déby a "
                 "pris le pouvoir.", "2024-05-10",
                 {("Idriss Déby Itno", "TCD", T, "idriss-deby"),
                  ("Mahamat Idriss Déby", "TCD", F, "mahamat-idriss-deby")},
                 id="father-and-son-two-people"),
    pytest.param("Les manifestants ont défilé sur l'avenue Bola Tinubu.", "2024-06-01", set(),
                 id="name-of-a-street"),
    pytest.param("Hassan Nasrallah a prononcé un long discours.", "2023-05-10",
                 {("Hassan Nasrallah", None, F, "hassan-nasrallah")}, id="armed-group-leader"),
    pytest.param("Le Kremlin a confirmé que Poutine participerait au sommet.", "2024-10-01",
                 {("Poutine", "RUS", F, "vladimir-poutine")}, id="surname-after-que"),
    pytest.param("Brasilia a confirmé que Lula se rendrait à Pékin.", "2024-10-01",
                 {("Lula", "BRA", F, "luiz-inacio-lula-da-silva")}, id="nickname-alone"),
    pytest.param("Les partisans de Mohamed Bazoum ont manifesté.", "2024-03-01",
                 {("Mohamed Bazoum", "NER", T, "mohamed-bazoum")}, id="after-de"),
    pytest.param("Au Niger, le parti de Mohamed Bazoum, au pouvoir de 2021 à 2023, a été dissous.",
                 "2024-04-01", {("Mohamed Bazoum", "NER", T, "mohamed-bazoum")},
                 id="in-power-of-a-party-base-decides"),
    pytest.param("Le porte-parole du gouvernement a jugé l'accord injuste. Selon le colonel "
                 "Amadou Abdramane, il aurait été imposé. Une rencontre « humiliante », selon "
                 "Amadou Abdramane.", "2024-03-20", set(), id="spokesperson-stays-one"),
    pytest.param("L'envoyé spécial de l'ONU, Abdoulaye Bathily, a démissionné.", "2024-04-17",
                 set(), id="envoy-in-an-international-office"),
]

STATE = [
    pytest.param("En visite d'État à Brasilia, Xi Jinping a signé trente accords avec le Brésil.",
                 "2024-11-20", {("Xi Jinping", "CHN", F, "xi-jinping")},
                 id="visitor-keeps-his-state"),
    pytest.param("Les 200 instructeurs russes déployés au Burkina Faso ont été salués par "
                 "Abdourahamane Tiani lors d'une visite à Ouagadougou.", "2024-07-08",
                 {("Abdourahamane Tiani", "NER", F, "abdourahamane-tiani")},
                 id="not-the-troops-state"),
    pytest.param("L'ancien Premier ministre portugais António Guterres a été reçu à Rome.",
                 "2024-03-01", {("António Guterres", "PRT", T, "antonio-guterres")},
                 id="text-title-wins-over-base"),
    pytest.param("António Guterres a condamné l'attaque contre Israël.", "2024-03-01",
                 {("António Guterres", None, F, "antonio-guterres")},
                 id="international-office-has-no-state"),
    pytest.param("António Guterres a reçu à Lisbonne le président du Mozambique.", "2000-03-01",
                 {("António Guterres", "PRT", F, "antonio-guterres")},
                 id="office-held-at-the-date"),
    pytest.param("Mohamed Bazoum est toujours détenu à Niamey.", "2024-07-08",
                 {("Mohamed Bazoum", "NER", T, "mohamed-bazoum")}, id="former-keeps-his-state"),
    pytest.param("Mark Rutte a salué l'accord.", "2023-06-26",
                 {("Mark Rutte", "NLD", F, "mark-rutte")}, id="earlier-office-state"),
    pytest.param("Mark Rutte a salué l'accord.", "2025-06-26",
                 {("Mark Rutte", None, F, "mark-rutte")}, id="later-office-no-state"),
    pytest.param("Poutine et Xi Jinping se sont retrouvés à Pékin.", "2024-05-16",
                 {("Poutine", "RUS", F, "vladimir-poutine"),
                  ("Xi Jinping", "CHN", F, "xi-jinping")},
                 id="two-states-one-place"),
    pytest.param("Recep Tayyip Erdogan et son ministre Hakan Fidan ont reçu le négociateur.",
                 "2024-03-01", {("Recep Tayyip Erdogan", "TUR", F, "recep-tayyip-erdogan"),
                                ("Hakan Fidan", "TUR", F, "hakan-fidan")},
                 id="minister-possessive"),
    pytest.param("Au Mali, Bola Tinubu a plaidé pour le dialogue.", "2024-06-01",
                 {("Bola Tinubu", "NGA", F, "bola-tinubu")}, id="base-beats-setting"),
    pytest.param("Vladimir Poutine a pris la parole.", None,
                 {("Vladimir Poutine", "RUS", F, "vladimir-poutine")}, id="no-date-state"),
    pytest.param("Emmanuel Macron a reçu son homologue Bola Tinubu à Paris.", "2024-11-28",
                 {("Emmanuel Macron", "FRA", F, "emmanuel-macron"),
                  ("Bola Tinubu", "NGA", F, "bola-tinubu")}, id="counterpart-from-base"),
    pytest.param("Au Mali, le général Aliou Diarra a inspecté les troupes.", "2024-06-01",
                 {("Aliou Diarra", "MLI", F, None)}, id="unknown-setting-as-before"),
    pytest.param("À Tripoli, Giorgia Meloni a rencontré les autorités libyennes.", "2024-05-07",
                 {("Giorgia Meloni", "ITA", F, "giorgia-meloni")}, id="visit-abroad"),
    pytest.param("Le Premier ministre Mark Rutte a visité Kiev.", "2023-08-01",
                 {("Mark Rutte", "NLD", F, "mark-rutte")}, id="title-without-state"),
    pytest.param("Sergueï Lavrov a rencontré Hakan Fidan à Ankara.", "2024-09-01",
                 {("Sergueï Lavrov", "RUS", F, "sergue-lavrov"),
                  ("Hakan Fidan", "TUR", F, "hakan-fidan")}, id="two-foreign-ministers"),
    pytest.param("Mark Rutte (Pays-Bas) était assis près du président.", "2023-07-11",
                 {("Mark Rutte", "NLD", F, "mark-rutte")}, id="summit-list-with-country"),
    pytest.param("L'ancien président François Bozizé a été condamné par contumace.", "2023-09-01",
                 {("François Bozizé", "CAF", T, "francois-bozize")},
                 id="office-the-title-names"),
    pytest.param("François Bozizé a appelé ses combattants à déposer les armes.", "2023-09-01",
                 {("François Bozizé", None, F, "francois-bozize")}, id="office-held-at-date"),
    pytest.param("Le président nigérien Mohamed Bazoum a reçu les soldats français.", "2022-09-01",
                 {("Mohamed Bazoum", "NER", F, "mohamed-bazoum")}, id="text-and-base-agree"),
    pytest.param("Mohamed Hamdan Daglo, dit « Hemedti », a rejeté la trêve à Khartoum.",
                 "2023-05-21", {("Mohamed Hamdan Daglo", None, F, "mohamed-hamdan-daglo")},
                 id="armed-group-no-state"),
]

FORMER = [
    pytest.param("L'ancien président Joe Biden a pris la parole.", "2024-06-01",
                 {("Joe Biden", "USA", T, "joe-biden")}, id="text-marker-wins"),
    pytest.param("Joe Biden a publié ses mémoires.", "2026-01-15",
                 {("Joe Biden", "USA", T, "joe-biden")}, id="silent-text-base-ended"),
    pytest.param("Joe Biden a publié ses mémoires.", "2024-06-01",
                 {("Joe Biden", "USA", F, "joe-biden")}, id="silent-text-base-in-office"),
    pytest.param("Joe Biden a publié ses mémoires.", None,
                 {("Joe Biden", "USA", F, "joe-biden")}, id="no-date-text-alone"),
    pytest.param("L'ex-président Mohamed Bazoum reste détenu.", None,
                 {("Mohamed Bazoum", "NER", T, "mohamed-bazoum")}, id="no-date-text-marker"),
    pytest.param("Idriss Déby Itno, resté au pouvoir trente ans, a été enterré.", "2019-01-10",
                 {("Idriss Déby Itno", "TCD", T, "idriss-deby")}, id="text-past-over-base"),
    pytest.param("Joe Biden, au pouvoir depuis 2021, a quitté Washington.", "2026-01-15",
                 {("Joe Biden", "USA", F, "joe-biden")}, id="text-present-over-base"),
    pytest.param("Scholz, battu aux élections, participait à l'un de ses derniers sommets.",
                 "2025-03-03", {("Scholz", "DEU", F, "olaf-scholz")}, id="still-in-office"),
    pytest.param("Olaf Scholz a donné une conférence à Berlin.", "2025-09-01",
                 {("Olaf Scholz", "DEU", T, "olaf-scholz")}, id="office-ended-months-before"),
    pytest.param("Mark Rutte a présidé le sommet.", "2025-06-26",
                 {("Mark Rutte", None, F, "mark-rutte")}, id="another-office-now"),
    pytest.param("Hassan Nasrallah a été tué.", "2024-10-03",
                 {("Hassan Nasrallah", None, T, "hassan-nasrallah")}, id="dead-leader"),
    pytest.param("Abdourahamane Tiani a prolongé la transition.", "2027-01-01",
                 {("Abdourahamane Tiani", "NER", F, "abdourahamane-tiani")},
                 id="open-office-after-currency-date"),
]

LINKING = [
    pytest.param("Abdourahmane Tiani a reçu les ambassadeurs.", "2024-02-01",
                 {("Abdourahmane Tiani", "NER", F, "abdourahamane-tiani")}, id="other-spelling"),
    pytest.param("Le président Bola Ahmed Tinubu a ouvert la session. Tinubu a ensuite reçu les "
                 "ministres.", "2024-06-01", {("Bola Ahmed Tinubu", "NGA", F, "bola-tinubu")},
                 id="two-forms-one-leader"),
    pytest.param("Recep Tayyip Erdoğan a accueilli le sommet à Ankara.", "2024-06-01",
                 {("Recep Tayyip Erdoğan", "TUR", F, "recep-tayyip-erdogan")}, id="diacritics"),
    pytest.param("Omar al-Bashir a été condamné à Khartoum.", "2024-06-01",
                 {("Omar al-Bashir", "SDN", T, "omar-el-bechir")}, id="transliteration"),
    pytest.param("Vladimir Poutine a reçu Xi Jinping. Poutine a salué une amitié « sans limites ».",
                 "2024-05-16", {("Vladimir Poutine", "RUS", F, "vladimir-poutine"),
                                ("Xi Jinping", "CHN", F, "xi-jinping")}, id="surname-merged"),
    pytest.param("Le général Aliou Diarra a inspecté les troupes à Gao.", "2024-06-01",
                 {("Aliou Diarra", None, F, None)}, id="unknown-has-no-id"),
    pytest.param("Les putschistes ont renversé Mohamed Bazoum le 26 juillet.", "2023-07-28",
                 {("Mohamed Bazoum", "NER", T, "mohamed-bazoum")}, id="ousted-linked"),
]


@pytest.mark.parametrize(("text", "date", "expected"), RECOGNITION + STATE + FORMER + LINKING)
def test_leaders_known_to_the_base(leaders_of, text, date, expected):
    got = {(lead.name, lead.country, lead.former, lead.id) for lead in leaders_of(text, date)}
    assert got == expected


def test_there_are_sixty_sentences_or_more():
    assert len(RECOGNITION + STATE + FORMER + LINKING) >= 60


@pytest.fixture(scope="module")
def base() -> KnowledgeBase:
    return KnowledgeBase.from_directory(FIXTURE)


def test_forms_are_folded_like_names(base):
    assert form_key("Recep Tayyip Erdoğan") == "recep tayyip erdogan"
    assert form_key("Omar el-Béchir") == "omar el bechir"
    assert base.find("ERDOGAN", "2024-01-01").id == "recep-tayyip-erdogan"


def test_office_for_a_date_prefers_the_state_office_held_then(base):
    rutte = base.people["mark-rutte"]
    assert rutte.office_for("2020").state == "NLD"
    assert rutte.office_for("2024-08").state == "NLD"  # between two offices: the last held
    assert rutte.office_for("2025-01-01").state is None
    assert rutte.office_for(None).office == "secrétaire général de l'OTAN"


def test_ended_before_reads_every_office(base):
    poutine = base.people["vladimir-poutine"]
    assert not poutine.ended_before("2010")  # Prime minister then
    assert base.people["joe-biden"].ended_before("2025-02")
    assert not base.people["joe-biden"].ended_before("2025-01")  # left that month
    assert not base.people["joe-biden"].ended_before(None)


def test_a_one_word_form_needs_a_recent_office(base):
    assert base.find("Biden", "2028-01-01") is not None
    assert base.find("Biden", "2035-01-01") is None
    assert base.find("Joe Biden", "2035-01-01") is not None


def test_the_base_states_its_currency_date(base):
    assert base.current_to == "2025-06-30"
    assert len(base) == len({line.split("\t")[0] for line in
                             (FIXTURE / "fixture.tsv").read_text().splitlines()[2:]})


SHIPPED = [
    pytest.param("Poutine a reçu Xi Jinping au Kremlin.", "2024-05-16",
                 {("Poutine", "RUS", F, "vladimir-poutine"),
                  ("Xi Jinping", "CHN", F, "xi-jinping")}, id="real-surname-and-visitor"),
    pytest.param("Autour de Bola Tinubu (Nigeria) se trouvaient Emmanuel Macron (France) et "
                 "António Guterres.", "2024-12-15",
                 {("Bola Tinubu", "NGA", F, "bola-tinubu"),
                  ("Emmanuel Macron", "FRA", F, "emmanuel-macron"),
                  ("António Guterres", None, F, "antonio-guterres")}, id="real-summit-list"),
    pytest.param("Mohamed Bazoum reste détenu à Niamey, où Abdourahamane Tchiani a prolongé la "
                 "transition.", "2025-03-26",
                 {("Mohamed Bazoum", "NER", T, "mohamed-bazoum"),
                  ("Abdourahamane Tchiani", "NER", F, "abdourahamane-tiani")},
                 id="real-former-and-spelling"),
    pytest.param("Mark Rutte a rencontré Joe Biden à Washington.", "2023-07-01",
                 {("Mark Rutte", "NLD", F, "mark-rutte"), ("Joe Biden", "USA", F, "joe-biden")},
                 id="real-office-at-the-date"),
    pytest.param("Le journaliste Jean Dupont a interrogé Hakan Fidan à Ankara.", "2024-05-01",
                 {("Hakan Fidan", "TUR", F, "hakan-fidan")}, id="real-unknown-beside-known"),
]


@pytest.mark.parametrize(("text", "date", "expected"), SHIPPED)
def test_leaders_known_to_the_shipped_base(text, date, expected):
    got = {(lead.name, lead.country, lead.former, lead.id)
           for lead in nigerfacts.extract(text, reference_date=date).leaders}
    assert got == expected
