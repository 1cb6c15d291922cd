"""nigerfacts: dates, countries, troop counts and leaders from French news articles.

    >>> import nigerfacts
    >>> facts = nigerfacts.extract(" date 2024-08 Les soldats italiens restent à Niamey.")
    >>> [c.code for c in facts.countries]
    ['ITA', 'NER']

spaCy is imported on first use, not on `import nigerfacts`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Facts", "extract", "extract_many", "load_pipeline", "to_db"]

if TYPE_CHECKING:
    from .archive import to_db
    from .models import Facts
    from .pipeline import extract, extract_many, load_pipeline


def __getattr__(name: str) -> Any:
    if name == "Facts":
        from .models import Facts

        return Facts
    if name in ("extract", "extract_many", "load_pipeline"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "to_db":
        from .archive import to_db

        return to_db
    raise AttributeError(f"module 'nigerfacts' has no attribute {name!r}")
