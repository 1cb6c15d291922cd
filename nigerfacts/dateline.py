"""The dateline convention: ` date YYYY-MM[-DD] ` at the very start of an article.

The dateline gives the publication (reference) date; it is not a fact itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATELINE = re.compile(r"\A\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s|\Z)\s?")
# Years 0001 to 9999, those of the calendar Python's dates know: there is no year 0.
_ISO = re.compile(r"\A(?!0000)\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?\Z")


@dataclass(frozen=True)
class Dateline:
    """A parsed dateline: the reference date and where the body starts."""

    reference_date: str | None
    body_start: int


def parse_dateline(text: str) -> Dateline:
    """Return the dateline's date and the offset of the body (0 when there is none)."""
    match = _DATELINE.match(text)
    if match is None or not is_iso_date(match.group(1)):
        return Dateline(None, 0)
    return Dateline(match.group(1), match.end())


def bad_dateline(text: str) -> str | None:
    """The date of a dateline that is not a real date (` date 0000-06 `), to warn about."""
    match = _DATELINE.match(text)
    return match.group(1) if match is not None and not is_iso_date(match.group(1)) else None


def is_iso_date(value: str) -> bool:
    """True for a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD."""
    if not _ISO.match(value):
        return False
    if len(value) == 10:
        import datetime

        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
    return True
