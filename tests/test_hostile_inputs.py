"""Inputs and options a hostile user would try (issue 17): each ends in facts, an error
record or a usage error, with one stderr line, never a traceback or a lost document."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nigerfacts
from nigerfacts.chunks import SYMBOL_RUN, WORD_RUN, bound_runs, chunks
from nigerfacts.cli import app

runner = CliRunner()
TCHAD = " date 2024-03 Le 12 février, le Tchad a envoyé 150 soldats au Niger.\n"
BENIN = "Le 9 juin dernier, le Bénin a fermé sa frontière avec le Togo.\n"
LONG = ("Le 3 mars, les autorités du Niger ont reçu une délégation du Tchad à Niamey pour "
        "parler de la sécurité des frontières et de la saison des pluies.\n") * 70


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# -- 1. year 0 and other impossible reference dates -----------------------------------------

@pytest.mark.parametrize("date", ["0000-05", "0000", "0000-03-01"])
def test_a_reference_date_in_year_zero_is_a_value_error_of_the_library(date):
    with pytest.raises(ValueError, match=f"reference date '{date}' is not a date"):
        nigerfacts.extract("Le 3 mars.", reference_date=date)


@pytest.mark.parametrize("date", ["0000-05", "0000"])
def test_date_option_in_year_zero_is_a_usage_error(tmp_path, date):
    a = write(tmp_path / "a.txt", TCHAD)
    result = runner.invoke(app, ["extract", str(a), "--date", date, "-f", "jsonl"])
    assert result.exit_code == 2
    assert f"Error: Invalid value for '--date' / '-d': '{date}' is not a date: use YYYY, " \
           "YYYY-MM or YYYY-MM-DD" in result.stderr.splitlines()
    assert result.stdout == ""


def test_a_dateline_in_year_zero_is_ignored_with_a_warning_and_the_batch_goes_on(tmp_path):
    a = write(tmp_path / "a.txt", " date 0000-06 Le 3 mars, le Tchad a envoyé 150 soldats.\n")
    b = write(tmp_path / "b.txt", BENIN)
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["extract", str(a), str(b), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0] == (f"nigerfacts: {a}: warning: dateline '0000-06' is not a date "
                        "(YYYY, YYYY-MM or YYYY-MM-DD): ignored")
    assert lines[-1].startswith("nigerfacts: 2 documents") and "Traceback" not in result.stderr
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [r["source"] for r in records] == [str(a), str(b)]
    assert records[0]["reference_date"] is None
    assert records[0]["troops"][0]["count"] == 150


def test_a_jsonl_date_in_year_zero_is_ignored_with_a_warning(tmp_path):
    corpus = write(tmp_path / "c.jsonl", "\n".join(json.dumps(r) for r in [
        {"id": "zero", "text": TCHAD.replace(" date 2024-03", ""), "date": "0000-03"},
        {"id": "bon", "text": BENIN, "date": "2024-08"}]) + "\n")
    result = runner.invoke(app, ["extract", str(corpus), "-f", "jsonl"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == ("nigerfacts: zero: warning: field 'date' is not a "
                                             "date (YYYY, YYYY-MM or YYYY-MM-DD): ignored")
    records = jsonl(result.stdout)
    assert [(r["source"], r["reference_date"]) for r in records] == [("zero", None),
                                                                    ("bon", "2024-08")]


# -- 3. FIFOs are refused without being opened ----------------------------------------------

@pytest.mark.parametrize("name", ["f", "f.jsonl"])
def test_a_fifo_is_refused_without_blocking_the_batch(tmp_path, name):
    os.mkfifo(tmp_path / name)  # no writer ever comes: opening it would wait for ever
    write(tmp_path / "good.txt", TCHAD)
    proc = subprocess.run([sys.executable, "-m", "nigerfacts", "extract", name, "good.txt",
                           "-f", "jsonl"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=600, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1
    reason = "a FIFO (named pipe), not a regular file: use '-' and a redirection"
    lines = proc.stderr.splitlines()
    assert lines[0] == f"nigerfacts: {name}: {reason}"
    assert len(lines) == 2 and lines[1].startswith("nigerfacts: 2 documents, 4 facts, 1 error, ")
    records = jsonl(proc.stdout)
    assert records[0] == {"source": name, "error": reason}
    assert records[1]["source"] == "good.txt" and records[1]["troops"][0]["count"] == 150


# -- 5. an absolute --glob ------------------------------------------------------------------

def test_an_absolute_glob_is_a_usage_error(tmp_path):
    write(tmp_path / "a.txt", TCHAD)
    result = runner.invoke(app, ["extract", str(tmp_path), "--glob", "/etc/*", "-f", "jsonl"])
    assert result.exit_code == 2
    assert ("Error: Invalid value for '--glob': '/etc/*' is an absolute path: give a pattern "
            "of file names inside the directories, such as '*.txt' or '2024/*.txt'"
            ) in result.stderr.splitlines()
    assert result.stdout == ""


def test_a_library_expand_with_an_absolute_pattern_finds_nothing(tmp_path):
    from nigerfacts.sources import expand

    write(tmp_path / "a.txt", TCHAD)
    assert list(expand([str(tmp_path)], "/etc/*")) == [str(tmp_path)]


# -- 6. runs without a space: what spaCy sees is bounded ------------------------------------

@pytest.mark.parametrize("unit", ["(", "[", "'", "l'", ".,", "(.", "«", "a("])
def test_spacy_never_sees_a_long_run_without_a_space(unit):
    text = "Le Mali. " + unit * 30_000 + " Le Niger a envoyé 300 soldats."
    for chunk in chunks(text, None):
        assert len(chunk.text) == len(text[chunk.offset:chunk.offset + len(chunk.text)])
        assert max(len(run) for run in chunk.text.split()) <= WORD_RUN
        symbols = [r for r in chunk.text.split() if not any(c.isalnum() for c in r)]
        assert max(map(len, symbols), default=0) <= SYMBOL_RUN


def test_bound_runs_keeps_words_and_offsets_and_cuts_long_runs_at_symbols():
    names = "Niamey,Bamako;Gao/" * 20
    text = "Le 12 mars (((((((((((((((( 300 soldats " + "ab" * 80 + " " + names + " au Niger…"
    bounded = bound_runs(text)
    assert len(bounded) == len(text)
    words = bounded.split()
    assert words[:7] == ["Le", "12", "mars", "(" * SYMBOL_RUN, "300", "soldats", "ab" * 80]
    assert words[-2:] == ["au", "Niger…"]
    assert max(len(w) for w in words[7:-2]) <= WORD_RUN
    assert {part for w in words[7:-2] for part in re.split(r"[,;/]", w)} <= {
        "Niamey", "Bamako", "Gao", ""}


def test_a_long_run_of_brackets_around_an_article_keeps_its_facts_and_offsets():
    text = "(" * 50_000 + " Le 12 mars 2024, le Tchad a envoyé 150 soldats au Niger. " + \
           "]" * 50_000
    facts = nigerfacts.extract(text)
    assert [c.code for c in facts.countries] == ["TCD", "NER"]
    assert [(t.count, t.country) for t in facts.troops] == [(150, "TCD")]
    assert [d.value for d in facts.dates] == ["2024-03-12"]
    for m in [m for c in facts.countries for m in c.mentions]:
        assert text[m.start:m.end] == m.text


# -- 8. the smaller ones ----------------------------------------------------------------------

def test_nul_bytes_after_the_first_8_kb_make_a_binary_file(tmp_path):
    bad = write(tmp_path / "bad.txt", (LONG + "\x00\x01données").encode())
    good = write(tmp_path / "good.txt", TCHAD)
    assert len(LONG.encode()) > 8192
    result = runner.invoke(app, ["extract", str(bad), str(good), "-f", "jsonl"])
    assert result.exit_code == 1
    reason = "binary file (contains NUL bytes), not text"
    assert result.stderr.splitlines()[0] == f"nigerfacts: {bad}: {reason}"
    assert jsonl(result.stdout)[0] == {"source": str(bad), "error": reason}
    assert jsonl(result.stdout)[1]["troops"][0]["count"] == 150


def test_control_characters_after_the_first_8_kb_are_warned_about(tmp_path):
    path = write(tmp_path / "a.txt", LONG + "\x1b[31m\x07 Le Tchad a envoyé 150 soldats.\n")
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"nigerfacts: {path}: warning: 2 control characters (not text) in the text")
    assert jsonl(result.stdout)[0]["troops"][0]["count"] == 150


def test_invalid_utf8_in_a_jsonl_line_is_replaced_with_a_warning(tmp_path):
    corpus = write(tmp_path / "c.jsonl",
                   b'{"id": "un", "text": "Le Tchad a envoy\xe9 150 soldats au Niger."}\n'
                   + json.dumps({"id": "deux", "text": BENIN}).encode() + b"\n")
    result = runner.invoke(app, ["extract", str(corpus), "-f", "jsonl"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "nigerfacts: un: warning: invalid UTF-8 bytes replaced by U+FFFD")
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == ["un", "deux"]
    assert [c["code"] for c in records[0]["countries"]] == ["TCD", "NER"]


def test_an_unreadable_directory_is_permission_denied(tmp_path):
    from test_robustness import _drop_file_capabilities

    locked = tmp_path / "locked"
    locked.mkdir()
    write(locked / "a.txt", TCHAD)
    write(tmp_path / "good.txt", BENIN)
    locked.chmod(0)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "nigerfacts", "extract", "locked", "good.txt", "-f",
             "jsonl"], cwd=tmp_path, capture_output=True, text=True, timeout=600,
            stdin=subprocess.DEVNULL,
            preexec_fn=_drop_file_capabilities if os.geteuid() == 0 else None)
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[0] == "nigerfacts: locked: permission denied (directory)"
    records = jsonl(proc.stdout)
    assert records[0] == {"source": "locked", "error": "permission denied (directory)"}
    assert [c["code"] for c in records[1]["countries"]] == ["BEN", "TGO"]


def test_a_short_english_text_is_warned_as_not_french(tmp_path):
    english = ("The government of Mali said on Monday that it would send two hundred "
               "soldiers to the border with Niger.")
    assert len(english.split()) == 19
    path = write(tmp_path / "en.txt", english)
    result = runner.invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert result.stderr.splitlines() == [
        f"nigerfacts: {path}: warning: the text does not look French; facts may be missed"]
    assert [c["code"] for c in jsonl(result.stdout)[0]["countries"]] == ["MLI", "NER"]


@pytest.mark.parametrize("sentence", [
    "Le 3 mars, 0 militaire n'a été déployé au Niger.",
    "Il resterait 0 centaine de soldats tchadiens au Niger.",
    "Le Tchad aurait 999 milliards de soldats, selon un message moqueur.",
    "La guerre aurait fait deux milliards blessés au Mali, selon la rumeur.",
])
def test_a_count_no_army_has_is_not_a_troop_fact(sentence):
    text = sentence + " Le Bénin a envoyé 300 soldats au Niger."
    facts = nigerfacts.extract(text)
    assert [(t.count, t.country) for t in facts.troops] == [(300, "BEN")]
