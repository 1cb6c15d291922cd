"""Whose troops: table-driven tests of the owner cues (`nigerfacts/troops/owners.py`).

Every sentence was written for these tests. Each case names the cue it checks and gives a
count of the sentence, the state it must get and, for a count with a state, the cue that
must decide and the text of the mention it reads (`TroopFact.why.country`). A count that
must stay without a state has no `why`. Host-versus-sender pairs check that a state which
receives, hosts or is the place is never the owner.
"""

from __future__ import annotations

import pytest

import nigerfacts


def case(cue: str, text: str, count: int, country: str | None, said: str | None = None,
         name: str = "") -> pytest.param:
    return pytest.param(text, count, country, cue if country else None, said,
                        id=f"{cue}-{name or count}")


CASES = [
    # -- the count's own phrase ------------------------------------------------------
    case("people", "La force compte 3 000 hommes, dont 1 200 Kényans.", 1200, "KEN",
         "Kényans"),
    case("people", "La mission a perdu plus de 80 casques bleus, dont une quinzaine de "
         "Tchadiens.", 15, "TCD", "Tchadiens", "une-quinzaine-de"),
    case("people", "Le bataillon réunit 850 soldats, dont 300 Burundais et 200 Ougandais.",
         200, "UGA", "Ougandais", "second-of-a-list"),
    case("nationality", "Les 1 500 soldats rwandais déployés au Mozambique restent sur place.",
         1500, "RWA", "rwandais", "sender-not-the-place"),
    case("nationality", "Le Mali accueille environ 2 000 paramilitaires russes.", 2000,
         "RUS", "russes", "sender-not-the-host"),
    case("nationality", "Un bataillon rwandais de 850 hommes a rejoint la capitale.", 850,
         "RWA", "rwandais", "on-the-unit"),
    case("nationality", "Washington veut retirer 4 500 militaires américains de Corée du Sud.",
         4500, "USA", "américains", "beats-de-country-origin"),
    case("of_state", "Quelque 300 soldats du Tchad patrouillent le long du lac.", 300, "TCD",
         "Tchad"),
    case("of_state", "Environ 500 militaires de la Côte d'Ivoire ont rejoint la mission.", 500,
         "CIV", "Côte d'Ivoire", "de-la"),
    case("of_state", "Les 120 soldats du Niger engagés dans la force ont été rappelés.", 120,
         "NER", "Niger", "du"),
    case("state_before", "Le Tchad a transféré 300 militaires du Niger vers le Bénin.", 300,
         "TCD", "Tchad", "du-niger-vers-is-an-origin"),
    case("force", "Quelque 400 hommes de Wagner ont quitté la base de Tessalit.", 400, "RUS",
         "Wagner"),
    case("force", "Quelque 1 000 soldats de l'Africa Corps sont arrivés à Bamako.", 1000,
         "RUS", "Africa Corps", "africa-corps"),
    case("subject_force", "La Bundeswehr aligne environ 180 000 militaires d'active.", 180000,
         "DEU", "Bundeswehr", "bundeswehr"),
    case("multinational", "La Minusca compte 14 000 casques bleus dans le pays.", 14000, None,
         name="un-mission"),
    case("multinational", "Kiev réclame 10 000 instructeurs européens pour former ses recrues.",
         10000, None, name="supranational-people"),
    case("multinational", "Les 2 000 soldats de la force conjointe patrouillent la frontière.",
         2000, None, name="force-conjointe"),
    case("several_states", "Une brigade de 5 000 soldats franco-allemands sera créée.", 5000,
         None, name="compound"),
    case("apposed_state", "L'Espagne et la France, forte de 700 militaires dans le sud, ont "
         "protesté.", 700, "FRA", "France"),
    case("apposed_state", "La Lituanie, forte de 23 000 soldats, réclame des renforts.", 23000,
         "LTU", "Lituanie", "forte-de-after-a-state"),
    case("apposition", "Les soldats kényans, quelque 400 hommes, ont débarqué mardi.", 400,
         "KEN", "kényans"),
    case("referent_phrase", "Des instructeurs turcs, une cinquantaine, forment les pilotes.",
         50, "TUR", "turcs", "apposed-number"),
    # -- the count's clause -----------------------------------------------------------
    case("state_before", "Le Tchad a envoyé 1 000 soldats, le Niger 500.", 500, "NER", "Niger",
         "gapped"),
    case("state_before", "Rabat a dépêché 400 militaires dans la zone tampon.", 400, "MAR",
         "Rabat", "capital"),
    case("state_before", "Quand Taïwan compte environ 170 000 militaires, Pékin en aligne deux "
         "millions.", 170000, "TWN", "Taïwan", "quand"),
    case("state_before", "La Jamaïque a promis deux douzaines de soldats.", 24, "JAM",
         "Jamaïque", "jamaique"),
    case("predicate", "Sur les 3 000 hommes de la force, 1 200 sont tchadiens.", 1200, "TCD",
         "tchadiens"),
    case("predicate", "Des 500 instructeurs, 200 sont italiens.", 200, "ITA", "italiens",
         "italiens"),
    case("clause_subject", "L'Italie fournit 1 000 soldats, et la France, qui en déploie 700, "
         "réclame un mandat plus robuste.", 700, "FRA", "France"),
    case("clause_subject", "Le Ghana fournit 600 soldats à la mission, et le Togo, qui en a "
         "envoyé 250, promet des renforts.", 250, "TGO", "Togo", "togo"),
    case("clause_subject", "Le Kenya a envoyé 400 soldats. L'Égypte, qui a proposé d'en "
         "fournir 1 100, attend le feu vert.", 1100, "EGY", "Égypte", "through-xcomp"),
    case("referent_phrase", "Ces soldats tchadiens, qui seraient un peu plus de 200, tiennent "
         "la ville.", 200, "TCD", "tchadiens"),
    case("referent_phrase", "Les militaires nigériens étaient encore près de 1 000 en juillet.",
         1000, "NER", "nigériens", "etaient"),
    case("whose_antecedent", "Le Rwanda, dont plus de 2 100 casques bleus servent dans le pays, "
         "a haussé le ton.", 2100, "RWA", "Rwanda"),
    case("whose_antecedent", "Le Népal, dont 1 500 soldats sont déployés au Liban, proteste.",
         1500, "NPL", "Népal", "nepal"),
    case("dont_subset", "Pyongyang a envoyé 12 000 soldats nord-coréens, dont 500 officiers.",
         500, "PRK", "nord-coréens"),
    case("dont_subset", "L'armée a perdu 40 soldats maliens, dont 12 officiers.", 12, "MLI",
         "maliens", "officiers"),
    case("state_before", "La Corée du Nord a déployé 12 000 soldats en Russie.", 12000, "PRK",
         "Corée du Nord", "right-before-the-verb"),
    case("subject_state", "La Corée du Nord a finalement décidé d'envoyer 12 000 soldats.",
         12000, "PRK", "Corée du Nord"),
    case("subject_state", "Le Burkina Faso a perdu dimanche onze de ses soldats.", 11,
         "BFA", "Burkina Faso", "casualties"),
    case("subject_state", "Le Canada, qui dirige le groupement tactique, y a déployé 2 200 "
         "militaires.", 2200, "CAN", "Canada", "set-apart-by-a-relative"),
    case("subject_capital", "Selon la presse, Washington a achevé le retrait de ses 1 000 "
         "militaires.", 1000, "USA", "Washington"),
    case("subject_capital", "Pour renforcer la frontière, Kigali a décidé d'envoyer 1 000 "
         "soldats.", 1000, "RWA", "Kigali", "kigali"),
    case("state_before", "Face aux rebelles, Kinshasa a engagé 4 000 soldats dans l'Ituri.",
         4000, "COD", "Kinshasa", "kinshasa"),
    case("subject_seat", "Selon la presse, le Kremlin aurait décidé de masser 50 000 soldats "
         "près de Koursk.", 50000, "RUS", "Kremlin"),
    case("subject_seat", "Depuis janvier, la Maison Blanche a annoncé le retrait de 2 000 "
         "soldats.", 2000, "USA", "Maison Blanche", "maison-blanche"),
    case("subject_seat", "D'après Le Monde, l'Élysée a décidé de retirer 1 500 militaires.",
         1500, "FRA", "Élysée", "elysee"),
    case("subject_demonym", "Les Américains ont retiré leurs derniers 800 soldats.", 800,
         "USA", "Américains"),
    case("subject_demonym", "Après l'accord, les Russes ont choisi d'envoyer 300 instructeurs.",
         300, "RUS", "Russes", "russes"),
    case("subject_army", "L'armée tchadienne a perdu 20 hommes dans l'embuscade.", 20, "TCD",
         "tchadienne"),
    case("subject_army", "Le ministère malien de la Défense a annoncé le recrutement de 5 000 "
         "soldats.", 5000, "MLI", "malien", "ministere"),
    case("subject_army", "Après l'attaque, l'état-major nigérien a dépêché 600 militaires.",
         600, "NER", "nigérien", "etat-major"),
    case("subject_multinational", "La SADC a déployé 2 900 militaires dans l'est du pays.",
         2900, None, name="sadc"),
    case("subject_multinational", "L'Otan a placé 300 000 soldats en alerte élevée.", 300000,
         None, name="otan"),
    case("subject_several_states", "Le Tchad et le Niger ont envoyé 500 soldats à la "
         "frontière.", 500, None),
    case("subject_state", "La Lettonie, qui partage une frontière avec la Russie, a "
         "dépêché 200 soldats.", 200, "LVA", "Lettonie", "past-a-relative"),
    case("relative_antecedent", "Le Togo, qui a envoyé 250 soldats, promet des renforts.", 250,
         "TGO", "Togo", "qui"),
    case("relative_antecedent", "Les experts redoutent Pyongyang, dont l'armée régulière "
         "aligne 1 200 000 soldats.", 1200000, "PRK", "Pyongyang", "dont-armee"),
    case("previous_subject", "Kigali a dépêché 1 000 hommes en mai. Il a aussi envoyé une "
         "centaine d'instructeurs.", 100, "RWA", "Kigali", "il"),
    case("previous_subject", "Le Kremlin a envoyé 100 instructeurs. Il aurait également promis "
         "300 conseillers militaires.", 300, "RUS", "Kremlin", "il-seat"),
    case("previous_subject", "Les Forces armées maliennes restent en première ligne. Elles "
         "ont perdu au moins 25 soldats le 3 mars.", 25, "MLI", "maliennes", "elles"),
    case("previous_subject", "L'armée haïtienne manque de tout. Elle a perdu deux militaires "
         "lors d'un assaut.", 2, "HTI", "haïtienne", "elle-army"),
    case("topic_frame", "Côté tchadien, un bataillon de 700 hommes a été envoyé dans la région.",
         700, "TCD", "tchadien"),
    case("topic_frame", "Du côté de Kinshasa, l'armée a engagé 4 000 hommes.", 4000, "COD",
         "Kinshasa", "du-cote-de"),
    case("topic_frame", "Le Burkina Faso a perdu onze soldats. Côté malien, l'armée a elle "
         "aussi perdu au moins 14 hommes.", 14, "MLI", "malien", "cote-army"),
    case("topic_frame", "À Caracas, le ministre a annoncé l'envoi de 15 000 soldats.", 15000,
         "VEN", "Caracas", "a-capital"),
    case("possessive", "La Tanzanie garde le silence. Son contingent, fort de 400 hommes, n'a "
         "pas combattu.", 400, "TZA", "Tanzanie"),
    case("possessive", "Le Burundi a claqué la porte en décembre. Ses 2 000 militaires doivent "
         "partir.", 2000, "BDI", "Burundi", "ses"),
    case("possessive", "La Pologne, qui consacre 4 % de son PIB à la défense, fait figure de "
         "modèle. Son armée dépasse 200 000 soldats.", 200000, "POL", "Pologne", "son-armee"),
    # -- beyond the sentence ------------------------------------------------------------
    case("continued_count", "Dix-sept soldats nigériens ont été tués et cinq blessés.", 5,
         "NER", "nigériens"),
    case("continued_count", "Les soldats ivoiriens ont perdu 23 hommes. Un premier bilan "
         "faisait état de neuf morts.", 9, "CIV", "ivoiriens", "revised-toll"),
    case("peacekeepers", "Quelque 10 000 casques bleus sont déployés au Liban.", 10000, None),
    case("peacekeepers", "Le mandat prévoit 11 000 soldats de la paix.", 11000, None,
         name="soldats-de-la-paix"),
    case("context", "L'armée sénégalaise a renforcé ses positions. Au total, 1 500 hommes "
         "tiennent la frontière.", 1500, "SEN", "sénégalaise"),
    case("context", "Les militaires ghanéens ont pris position. Quelque 300 soldats gardent le "
         "pont.", 300, "GHA", "ghanéens", "previous-sentence"),
    case("article", "L'armée béninoise renforce le nord. Le ministre a salué les troupes. "
         "Les villageois ont fui.\n\nAu total, 3 000 soldats patrouillent désormais.", 3000,
         "BEN", "béninoise"),
    case("each_state", "L'Égypte, le Bangladesh et le Pakistan, qui y ont chacun envoyé plus de "
         "1 000 soldats, complètent le dispositif.", 1000, "PAK", "Pakistan", "relative"),
    case("each_state", "Le Ghana et le Sénégal ont promis chacun 600 soldats.", 600, "SEN",
         "Sénégal", "subject"),
    # -- hosts and senders -------------------------------------------------------------
    case("host", "L'armée malienne se bat seule. Le Mali accueille aujourd'hui 2 000 "
         "paramilitaires.", 2000, None, name="accueille-no-nationality"),
    case("nationality", "Le Mali accueille aujourd'hui 2 000 paramilitaires russes.", 2000,
         "RUS", "russes", "host-pair-with-nationality"),
    case("host", "Le Liban accueille quelque 10 000 soldats sous mandat de l'ONU.", 10000, None,
         name="liban"),
    case("force", "Minsk, qui les accueille, hébergerait 4 000 hommes de Wagner.", 4000, "RUS",
         "Wagner", "host-pair-minsk"),
    case("host", "Le Niger a reçu 50 soldats supplémentaires en mai.", 50, None,
         name="recu"),
    case("state_before", "Le Niger a envoyé 50 soldats supplémentaires en mai.", 50, "NER",
         "Niger", "sender-pair-of-recu"),
    case("host", "Djibouti abrite 4 000 militaires sur la base de Lemonnier.", 4000, None,
         name="abrite"),
    case("nationality", "Djibouti abrite 4 000 militaires américains sur la base de Lemonnier.",
         4000, "USA", "américains", "host-pair-abrite"),
    case("context", "Les militaires français quittent l'Afrique. Le Tchad, où étaient "
         "stationnés un millier d'hommes, a rompu l'accord.", 1000, "FRA", "français",
         "ou-antecedent-is-a-place"),
    case("nationality", "Le Japon héberge 54 000 militaires américains.", 54000, "USA",
         "américains", "heberge-pair"),
    # -- counts that must stay without a state ---------------------------------------------
    case("none", "Selon l'ONU, 3 000 soldats ont été déployés dans la région.", 3000, None,
         name="no-state-said"),
    case("none", "La coalition réunit 6 000 militaires venus de neuf pays.", 6000, None,
         name="coalition"),
    case("none", "Les 1 500 soldats de la mission de l'Union africaine quittent la ville.",
         1500, None, name="au-mission"),
    case("none", "La Chine et l'Inde ont chacune massé des troupes, soit 20 000 soldats au "
         "total.", 20000, None, name="two-states-total"),
]


@pytest.mark.parametrize(("text", "count", "country", "cue", "said"), CASES)
def test_owner_cue(text: str, count: int, country: str | None, cue: str | None,
                   said: str | None) -> None:
    facts = nigerfacts.extract(text).troops
    found = [t for t in facts if t.count == count]
    assert found, f"no count {count} in {[(t.count, t.country) for t in facts]}"
    fact = next((t for t in found if t.country == country), found[0])
    assert fact.country == country
    if country is None:  # no state, so no evidence of one (other fields may have theirs)
        assert fact.why is None or fact.why.country is None
        return
    assert fact.why is not None and fact.why.country is not None
    assert (fact.why.country.cue, fact.why.country.text) == (cue, said)
    assert text[fact.why.country.start : fact.why.country.end] == said


def test_every_cue_named_in_the_table_is_tested() -> None:
    """The table and these cases stay in step: every cue has a case (stateless cues and the
    vetoing `host` by a count without a state)."""
    from nigerfacts.troops.owners import CUES

    tested = {p.id.split("-")[0] for p in CASES}
    assert {c.name for c in CUES} <= tested
