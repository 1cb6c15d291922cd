"""Troop counts: the word lists and the constants every decision reads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..models import Qualifier
from ..text import data_lines, fold, word_set

OWNER_CASES = {"de", "d'", "du", "des"}
PLACE_CASES = {"au", "aux", "en", "a", "dans", "vers", "sur"}
TOWARDS = {"vers", "jusqu'", "jusqu'a", "jusque"}
TOPIC_REACH = 4  # tokens from a sentence's start where its topic (`Côté nigérian,`) can be
REGIONS = {"est", "ouest", "nord", "sud", "centre", "nord-est", "nord-ouest", "sud-est",
            "sud-ouest", "region", "frontiere", "frontieres", "territoire", "sol", "capitale",
            "ville", "zone", "cote", "cotes", "province", "localite", "espace"}
POSSESSIVES = {"ses", "leurs", "leur", "son", "sa"}
RELATIVES = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
PRONOUNS = {"ils", "elles", "ceux-ci", "celles-ci"}
SINGULAR_PRONOUNS = {"il", "elle"}  # a state's or an army's subject pronoun, not a group's
IMPERSONAL = {"y", "reste", "restait", "restera", "resterait", "faut", "manque", "s'agit",
              "semble", "existe"}  # il y a, il reste 200 soldats
RANGE = {"a", "et", "-", "–"}
BEFORE_NOUN = {"de", "d'", "autres", "nouveaux", "nouvelles", "premiers", "premieres",
                "derniers", "dernieres", "jeunes", "anciens", "simples", "ses", "leurs", "nos",
                "vos", "ces", "les", "des"}
DETERMINERS = {"le", "la", "l'", "les", "ce", "cet", "cette", "ces", "un", "une", "des", "du"}
APPOSITION = {",", "–", "—", "-", "(", ":"}
AMONG = {"parmi", "chez"}
COUNT_NOUNS = {"nombre", "effectif", "effectifs", "total"}
STRONG = {"fort", "forte", "forts", "fortes"}
SUBJECTS = ("nsubj", "nsubj:pass")
# Dependencies from a count up to the verb it is the object of (`en déploie environ 700`).
OBJECT_PATH = ("obj", "obl", "obl:arg", "obl:mod", "advmod", "fixed", "det", "nummod")
CLAUSES = ("acl:relcl", "acl", "advcl", "ccomp", "csubj", "parataxis", "cc", "punct")
QUALIFYING = ("amod", "acl", "acl:relcl")
NOT_COUNT = {"%", "€", "$", "euros", "dollars", "francs", "ans", "km", "kilometres"}
LABEL_POS = {"NOUN", "PROPN", "ADJ"}
CLAUSE_DEPTH = 12  # heads climbed to find a clause's predicate
NEAR = 60  # tokens: the reach of a clause or of a sentence's context
MILITARY_TEXT = 3  # military words from which a text's "hommes" are soldiers
VERB_GROUP = {"n'", "ne", "déjà", "aussi", "encore", "désormais", "toujours"}
CLITICS = {"en", "y", "plus", "que", "qu'"}  # n'en comptent plus que 600
TERMINAL = {".", "!", "?", "…"}




# The bounds of a troop count (see is_troop_count).
MIN_TROOPS = 1
MAX_TROOPS = 100_000_000


def is_troop_count(value: int) -> bool:
    """Whether a number can count soldiers or casualties, the one place that says so.

    At least one person: `0 militaire` counts nobody. At most 100 million: the largest
    count there has been, all the soldiers mobilised in the Second World War, is some 70
    million, so `999 milliards de soldats` or `deux milliards de blessés` counts no army
    (a typo, a figure of speech or a fuzzer) and is not a fact.
    """
    return MIN_TROOPS <= value <= MAX_TROOPS


@dataclass(frozen=True)
class Lexicon:
    """The word lists of `data/` that the troop decisions read."""

    personnel: dict[str, str]  # phrase -> sense
    casualty: frozenset[str]
    context: frozenset[str]
    units: frozenset[str]
    qualifiers: tuple[tuple[str, Qualifier], ...]
    qualifier_words: frozenset[str]
    forces: dict[str, str]  # PMC or state force name -> alpha-3
    multinational: frozenset[str]
    not_troops: frozenset[str]
    host_stems: tuple[str, ...]  # verbs whose subject hosts the count: a place, not an owner
    host_forms: frozenset[str]

    def hosts(self, verb: str) -> bool:
        """A verb form whose subject receives or hosts the personnel (`accueille`, `reçu`)."""
        word = fold(verb)
        return word in self.host_forms or word.startswith(self.host_stems)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    personnel = dict(line.split("\t") for line in data_lines("personnel.tsv"))
    qualifiers = sorted(((fold(p), q) for p, q in (line.split("\t") for line in data_lines(
        "qualifiers.tsv"))), key=lambda pq: len(pq[0]), reverse=True)
    forces = {fold(name): code for name, code in (line.split("\t") for line in data_lines(
        "pmcs.tsv"))}
    not_troops = frozenset(line.strip().lower() for line in data_lines("not_troops.txt"))
    words = frozenset(w for phrase, _ in qualifiers for w in phrase.split()) | {
        "de", "d'", "a", "jusqu'"}
    hosts = word_set("host_verbs.txt")
    return Lexicon(personnel, word_set("casualty_words.txt"), word_set("military_context.txt"),
                   word_set("military_units.txt"), tuple(qualifiers), words, forces,
                   word_set("multinational.txt"), not_troops,
                   tuple(sorted(h for h in hosts if not h.startswith("="))),
                   frozenset(h[1:] for h in hosts if h.startswith("=")))
