"""The mission and place data files: their shape, valid codes, no form in two rows, and
no disagreement with the owner lexicon of `pmcs.tsv`."""

from __future__ import annotations

import pycountry
import pytest

from nigerfacts.text import data_lines, fold
from nigerfacts.troop_record.knowledge import MISSION_KINDS, PLACE_KINDS, missions, places

USER_ASSIGNED = {"XKX"}


def _valid(code: str) -> bool:
    return code in USER_ASSIGNED or pycountry.countries.get(alpha_3=code) is not None


def test_every_mission_row_has_five_columns():
    for line in data_lines("missions.tsv")[1:]:
        assert len(line.split("\t")) == 5, line


def test_missions_have_a_known_kind_valid_codes_and_a_short_form():
    assert len(missions()) >= 100
    for m in missions():
        assert m.kind in MISSION_KINDS, m
        assert m.short and all(form.strip() == form and form for form in m.forms), m
        assert all(_valid(c) for c in (*m.theatre, *m.states)), m


def test_pmcs_and_national_operations_name_one_lead_state():
    for m in missions():
        if m.kind in ("pmc", "operation") and m.states:
            assert m.lead is not None, m


def test_no_mission_form_names_two_missions():
    owner: dict[str, str] = {}
    for m in missions():
        for form in m.forms:
            assert owner.setdefault(fold(form), m.short) == m.short, form


@pytest.mark.parametrize("short, theatre, kind", [
    ("Barkhane", ("MLI", "NER", "TCD", "BFA", "MRT"), "operation"),
    ("MINUSMA", ("MLI",), "un"), ("FINUL", ("LBN",), "un"), ("MONUSCO", ("COD",), "un"),
    ("AUSSOM", ("SOM",), "au"), ("SAMIDRC", ("COD",), "regional"),
    ("Africa Corps", ("MLI", "BFA", "NER", "LBY", "CAF"), "pmc"), ("Wagner", (), "pmc"),
])
def test_well_known_missions_are_placed(short: str, theatre: tuple[str, ...], kind: str):
    row = next(m for m in missions() if m.short == short)
    assert (row.theatre, row.kind) == (theatre, kind)


def test_the_owner_lexicon_agrees_with_the_missions_lead_states():
    leads = {fold(f): m.lead for m in missions() if m.lead for f in m.forms}
    for line in data_lines("pmcs.tsv"):
        name, code = line.split("\t")
        assert leads.get(name, code) == code, name


def test_every_place_row_has_a_valid_code_and_kind():
    assert len(places()) >= 250
    for p in places():
        assert _valid(p.code), p
        assert p.kind in PLACE_KINDS, p
        assert p.forms and all(f.strip() == f and f for f in p.forms), p


def test_no_place_is_in_two_states_or_a_country_form():
    country_forms = {fold(f) for line in data_lines("countries.tsv")[1:]
                     for f in line.split("\t")[2].split("|")}
    owner: dict[str, str] = {}
    for p in places():
        for form in p.forms:
            assert owner.setdefault(fold(form), p.code) == p.code, form
            assert fold(form) not in country_forms, form
