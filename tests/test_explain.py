"""Every decided field of a troop count carries its evidence (`why`), shown by `--explain`
in the tables and in the HTML report's tooltips."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import nigerfacts
from nigerfacts.cli import app

runner = CliRunner()

CASES = [
    pytest.param(" date 2024-08-20 Le 15 août, le Tchad a envoyé 200 soldats au Niger.",
                 "200 soldats", {"country": ("TCD", "Tchad"), "location": ("NER", "Niger"),
                                 "as_of": ("2024-08-15", "15 août")}, id="date-place-subject"),
    pytest.param(" date 2024-03-10 Quelque 1 500 casques bleus de la MINUSMA patrouillent "
                 "encore à Gao.", "1 500 casques bleus",
                 {"mission": ("MINUSMA", "MINUSMA"), "location": ("MLI", "Gao")},
                 id="mission-by-acronym-and-city"),
    pytest.param(" date 2024-09-01 Les 650 soldats burkinabè déployés au Mali resteront.",
                 "650 soldats", {"country": ("BFA", "burkinabè"), "location": ("MLI", "Mali")},
                 id="nationality-and-host"),
]


@pytest.mark.parametrize(("text", "count", "expected"), CASES)
def test_each_decided_field_has_its_cue_and_the_words_it_read(text, count, expected):
    troop = next(t for t in nigerfacts.extract(text).troops if t.text == count)
    assert troop.why is not None
    for name, (value, words) in expected.items():
        evidence = getattr(troop.why, name)
        assert getattr(troop, name) == value
        assert evidence is not None and evidence.cue
        assert evidence.text == words == text[evidence.start:evidence.end]


def test_a_field_left_empty_has_no_evidence():
    troop = nigerfacts.extract("Quelque 300 soldats patrouillent.").troops[0]
    assert (troop.country, troop.location, troop.mission) == (None, None, None)
    assert troop.why is None or (troop.why.country, troop.why.location,
                                 troop.why.mission) == (None, None, None)


def test_explain_adds_a_why_column_to_the_troop_table(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(CASES[0].values[0], encoding="utf-8")
    plain = runner.invoke(app, ["extract", str(path), "-f", "table"], env={"COLUMNS": "200"})
    explained = runner.invoke(app, ["extract", str(path), "-f", "table", "--explain"],
                              env={"COLUMNS": "200"})
    assert plain.exit_code == explained.exit_code == 0
    assert "Why" not in plain.stdout
    assert "Why" in explained.stdout and "«Tchad»" in explained.stdout


def test_the_html_report_tooltip_says_why(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(CASES[0].values[0], encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "-f", "html"])
    assert result.exit_code == 0
    assert "why: country:" in result.stdout and "«Tchad»" in result.stdout
