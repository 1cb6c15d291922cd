"""Troop counts: how many military personnel, whose, how sure, strength or casualties.

A number is a troop count when it quantifies a personnel word (`data/personnel.tsv`) or
when the parse or the sentence ties it to one (`counts.py`); its qualifier and kind come
from the words around it (`kinds.py`); its state from the cues of `owners.py`, read in the
noun phrase (`phrases.py`), the clause's subject and the sentence's topic (`subjects.py`).
`document.py` holds the lookups every decision shares and `tree.py` the dependency-tree
helpers. Where, as of when and in which mission: `nigerfacts.troop_record`, once the owner
is known.
"""

from .extractor import TroopExtractor
from .lexicon import MAX_TROOPS, MIN_TROOPS, is_troop_count

__all__ = ["MAX_TROOPS", "MIN_TROOPS", "TroopExtractor", "is_troop_count"]
