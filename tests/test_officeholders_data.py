"""The officeholders knowledge base: its files have the documented shape and say nothing
contradictory (real alpha-3 codes, start <= end, one row per person and office, no written
form shared by two people in office in overlapping years)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parent.parent / "nigerfacts" / "data" / "officeholders"
FILES = sorted(DATA.glob("*.tsv"))
HEADER = ["id", "name", "forms", "state", "office", "category", "start", "end"]
CATEGORIES = {"head_of_state", "head_of_government", "defence", "foreign_affairs", "minister",
              "chief_of_staff", "junta", "international", "armed_group", "pmc"}
ISO = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CURRENT = re.compile(r"^# current to: (\d{4}-\d{2}-\d{2})$")


def _rows(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE))


def _all_rows() -> list[tuple[str, int, dict[str, str]]]:
    return [(path.name, n, row) for path in FILES for n, row in enumerate(_rows(path), 3)]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ")


def _period(row: dict[str, str], current: str) -> tuple[str, str]:
    """Start and end padded to days, so that string order is date order."""
    start = (row["start"] + "-01-01")[:10]
    end = (row["end"] + "-12-31")[:10] if row["end"] else current
    return start, end


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_file_states_its_currency_date_and_the_header(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert CURRENT.match(lines[0]), lines[0]
    assert lines[1].split("\t") == HEADER


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_row_has_eight_columns_and_valid_values(path: Path):
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()[2:], 3):
        cells = line.split("\t")
        where = f"{path.name}:{n}"
        assert len(cells) == len(HEADER), where
        row = dict(zip(HEADER, cells, strict=True))
        assert SLUG.match(row["id"]), where
        assert row["name"].strip() == row["name"] and row["name"], where
        assert row["office"], where
        assert row["category"] in CATEGORIES, where
        if row["state"]:
            assert pycountry.countries.get(alpha_3=row["state"]) is not None, where
        assert ISO.match(row["start"]), where
        assert not row["end"] or ISO.match(row["end"]), where
        start, end = _period(row, "9999-12-31")
        assert start <= end, where
        assert all(form.strip() == form and form for form in row["forms"].split("|")
                   if row["forms"]), where


def test_an_id_always_names_the_same_person():
    names: dict[str, set[str]] = defaultdict(set)
    for _, _, row in _all_rows():
        names[row["id"]].add(row["name"])
    assert {key: value for key, value in names.items() if len(value) > 1} == {}


def test_no_person_office_row_is_written_twice():
    seen: dict[tuple[str, str, str, str], str] = {}
    duplicates = []
    for name, n, row in _all_rows():
        key = (row["id"], row["state"], row["office"], row["start"])
        if key in seen:
            duplicates.append(f"{seen[key]} and {name}:{n}")
        seen[key] = f"{name}:{n}"
    assert duplicates == []


def test_no_written_form_names_two_people_in_office_in_overlapping_years():
    current = "9999-12-31"
    periods: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for _, _, row in _all_rows():
        forms = [row["name"], *(row["forms"].split("|") if row["forms"] else [])]
        for form in forms:
            periods[_fold(form)][row["id"]].append(_period(row, current))
    clashes = []
    for form, people in periods.items():
        ids = sorted(people)
        for i, first in enumerate(ids):
            for second in ids[i + 1:]:
                if any(a0 <= b1 and b0 <= a1 for a0, a1 in people[first]
                       for b0, b1 in people[second]):
                    clashes.append(f"{form}: {first} / {second}")
    assert clashes == []
