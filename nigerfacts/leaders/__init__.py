"""Leaders: named people with a political, governmental, military or organizational role.

People start from spaCy's PER entities, repaired where the statistical model slips on news:
titles and courtesy words are cut off (`le général Tiani` -> `Tiani`), names are completed
(`Ibro Amadou` -> `Ibro Amadou Bacharou`), names right after a title or before an appositive
title are taken even when the model calls them places (`Alpha Condé`), and proper names that
name a thing are dropped (`le groupe Wagner`, `la force Barkhane`, `chef de Wagner`).

A title is an entry of `data/titles.tsv` with its noun phrase: adjectives, nationality and
complement (`ministre nigérien de la Défense`). A person's titles are the phrases before the
name, linked directly or by appositive commas (`le chef de la junte, le capitaine Ibrahim
Traoré`), those after it (`Mahamat Idriss Déby, président de la transition`) and, in a
coordination, those of the first name (`les anciens présidents X et Y`). Spokespersons and
other non-leading roles win over a bare rank; a leading role wins over them. A person the
officeholders base knows (`knowledge.py`) leads with no title at all (`Poutine a annoncé`),
unless the text gives another role (`Roles.status`).

A relative clause gives a role too (`X, qui a dirigé le Niger`). The role is past with
`ancien`, `ex-`, `feu`, `déchu`, a predecessor, `sous l'ère du colonel X`, or when the person
is the object of an ousting verb (`a renversé le président X`); when the text is silent, when
the base has every office of the person ended before the reference date (`former.CUES`).

The country is the role's: the state force led (`data/pmcs.tsv`), none for an international
body or an armed group, else a nationality or state in the title's phrase or in the body led
(`les FSR du général X`, `l'armée soudanaise, dirigée par ...`); then the base's state for the
office held at the reference date; failing those, the leader a
possessive refers to (`son ministre`), the person's nationality, the place the sentence is set
in (`Au Mali, le général ...`) or its first state, a previous sentence that names one state
only, a relative's state, and last the state the article is most about.

Each leader gets the base's `id` for the person, or None (`States.country` lists the
state's cues in order).
"""

from .extractor import LeaderExtractor

__all__ = ["LeaderExtractor"]
