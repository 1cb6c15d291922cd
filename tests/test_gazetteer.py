"""The country data file: every row resolves to a valid code, every state is covered."""

from __future__ import annotations

import pycountry

from nigerfacts.countries import gazetteer
from nigerfacts.text import data_lines, fold

USER_ASSIGNED = {"XKX"}  # Kosovo: no ISO code, the user-assigned one used by most data sets
ROWS = [line.split("\t") for line in data_lines("countries.tsv")[1:]]


def test_every_row_has_three_columns_and_a_known_kind():
    assert ROWS
    for row in ROWS:
        assert len(row) == 3, row
        assert row[1] in {"display", "name", "demonym", "capital", "metonym"}, row


def test_every_code_is_a_valid_alpha3():
    for code, _, _ in ROWS:
        assert code in USER_ASSIGNED or pycountry.countries.get(alpha_3=code) is not None, code


def test_no_form_names_two_states():
    owner: dict[str, str] = {}
    for code, kind, forms in ROWS:
        if kind == "display":
            continue
        for form in forms.split("|"):
            key = fold(form)
            assert owner.setdefault(key, code) == code, (form, owner[key], code)


def test_un_members_observers_kosovo_and_taiwan_are_covered():
    codes = set(gazetteer().display)
    assert len(codes) == 197
    assert {"PSE", "VAT", "XKX", "TWN", "NER", "NGA", "SSD", "PRK", "KOR"} <= codes


def test_cldr_names_are_merged_in():
    assert "Congo-Kinshasa" in gazetteer().forms["COD"]["name"]
    assert "Niger" in gazetteer().forms["NER"]["name"]
