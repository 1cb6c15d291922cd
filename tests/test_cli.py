"""The command line, through Typer's CliRunner and through a real subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import jsonschema
import pytest
from typer.testing import CliRunner

from nigerfacts.cli import app
from nigerfacts.models import Facts

runner = CliRunner()
TEXT = " date 2024-03 Le 16 mars, le Niger a dénoncé l'accord avec les États-Unis.\n"


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_for_one_file_is_one_object(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["source"] == str(path)
    assert doc["reference_date"] == "2024-03"
    assert [d["value"] for d in doc["dates"]] == ["2024-03-16"]
    assert [c["code"] for c in doc["countries"]] == ["NER", "USA"]


def test_json_for_several_files_is_an_array_in_input_order(tmp_path):
    a = write(tmp_path, "a.txt", TEXT)
    b = write(tmp_path, "b.txt", "Moscou a démenti.")
    result = runner.invoke(app, ["extract", str(a), str(b), "--format", "json"])
    assert result.exit_code == 0
    docs = json.loads(result.stdout)
    assert [d["source"] for d in docs] == [str(a), str(b)]


def test_jsonl_is_one_object_per_line(tmp_path):
    a = write(tmp_path, "a.txt", TEXT)
    b = write(tmp_path, "b.txt", "Moscou a démenti.")
    result = runner.invoke(app, ["extract", str(a), str(b), "--format", "jsonl"])
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["countries"][0]["code"] for line in lines] == ["NER", "RUS"]


def test_piped_output_defaults_to_json(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result = runner.invoke(app, ["extract", str(path)])
    assert json.loads(result.stdout)["reference_date"] == "2024-03"


def test_table_format_renders_four_tables(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result = runner.invoke(app, ["extract", str(path), "--format", "table"])
    assert result.exit_code == 0
    for title in ("Dates", "Countries", "Troop counts", "Leaders"):
        assert title in result.stdout
    assert "Reference date: 2024-03" in result.stdout


def test_stdin_is_read_from_dash():
    result = runner.invoke(app, ["extract", "-", "--format", "json"], input=TEXT)
    doc = json.loads(result.stdout)
    assert doc["source"] == "-"
    assert doc["countries"][0]["code"] == "NER"


def test_date_option_overrides_the_dateline(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result = runner.invoke(app, ["extract", str(path), "--date", "2025-02", "-f", "json"])
    doc = json.loads(result.stdout)
    assert doc["reference_date"] == "2025-02"
    assert [d["value"] for d in doc["dates"]] == ["2025-03-16"]


def test_bad_date_option_is_a_usage_error(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result = runner.invoke(app, ["extract", str(path), "--date", "mars"])
    assert result.exit_code == 2


def test_missing_file_exits_1_and_the_rest_is_processed(tmp_path):
    good = write(tmp_path, "a.txt", TEXT)
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), str(good), "-f", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert records[0] == {"source": str(tmp_path / "nope.txt"), "error": "no such file"}
    assert records[1]["countries"][0]["code"] == "NER"


def test_schema_describes_facts_and_error_records():
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert schema["$defs"]["Facts"] == {
        k: v for k, v in Facts.model_json_schema().items() if k != "$defs"}
    jsonschema.validate({"source": "a.txt", "error": "no such file"}, schema)
    jsonschema.validate({"source": "a.txt", "dates": []}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"source": "a.txt", "error": "x", "dates": []}, schema)


def test_a_json_lines_stream_with_errors_validates_line_by_line(tmp_path):
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    good = write(tmp_path, "a.txt", TEXT)
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), str(good), "-f", "jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [("error" in line) for line in lines] == [True, False]
    for line in lines:
        jsonschema.validate(line, schema)


def test_real_subprocess_output_validates_against_printed_schema(tmp_path, sample_paths):
    schema = json.loads(subprocess.run(
        [sys.executable, "-m", "nigerfacts", "schema"], capture_output=True, text=True,
        check=True).stdout)
    paths = [str(p) for p in sample_paths[:4]]
    proc = subprocess.run([sys.executable, "-m", "nigerfacts", "extract", *paths, "-f", "json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    docs = json.loads(proc.stdout)
    assert len(docs) == 4
    for doc in docs:
        jsonschema.validate(doc, schema)


def test_missing_file_in_subprocess_is_one_line_without_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "nigerfacts", "extract",
                           str(tmp_path / "missing.txt")], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"nigerfacts: {tmp_path / 'missing.txt'}: no such file"


def test_help_does_not_import_spacy():
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "nigerfacts", "--help"],
                          capture_output=True, text=True)
    assert proc.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    assert "spacy" not in imported
    assert "extract" in proc.stdout


# -- what a newcomer tries first: -h, help, --version, completion -----------------------------

def test_short_h_is_help_for_the_app_and_for_a_command():
    assert "extract" in runner.invoke(app, ["-h"]).stdout
    result = runner.invoke(app, ["extract", "-h"])
    assert result.exit_code == 0
    assert "--only" in result.stdout and "--quiet" in result.stdout


def test_help_command_shows_the_app_or_a_command_help():
    result = runner.invoke(app, ["help"])
    assert result.exit_code == 0
    assert "timeline" in result.stdout and "schema" in result.stdout
    result = runner.invoke(app, ["help", "extract"])
    assert result.exit_code == 0
    assert "Usage: nigerfacts extract" in result.stdout
    result = runner.invoke(app, ["help", "nope"])
    assert result.exit_code == 2
    assert "no such command 'nope'" in result.stderr


def test_version_is_printed_and_exits_0():
    from nigerfacts import __version__

    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == 0
        assert result.stdout == f"nigerfacts {__version__}\n"


def test_show_completion_prints_the_script_of_the_shell_asked_for():
    zsh = runner.invoke(app, ["--show-completion", "zsh"])
    assert zsh.exit_code == 0
    assert "#compdef nigerfacts" in zsh.stdout
    bash = runner.invoke(app, ["--show-completion", "bash"])
    assert "complete -o default -F" in bash.stdout and "#compdef" not in bash.stdout
    assert "_NIGERFACTS_COMPLETE=complete_fish" in runner.invoke(
        app, ["--show-completion", "fish"]).stdout
    assert runner.invoke(app, ["--show-completion", "tcsh"]).exit_code == 2


# -- formats: from --output's extension; each command lists only what it does -----------------

def test_output_extension_gives_the_format(tmp_path):
    a = write(tmp_path, "a.txt", TEXT)
    b = write(tmp_path, "b.txt", "Moscou a démenti.")
    for name, check in [
        ("facts.jsonl", lambda s: [json.loads(x)["source"] for x in s.splitlines()]
         == [str(a), str(b)]),
        ("facts.json", lambda s: [d["source"] for d in json.loads(s)] == [str(a), str(b)]),
        ("report.html", lambda s: s.startswith("<!DOCTYPE html>") and 'id="a2"' in s),
        ("facts.txt", lambda s: "Countries (2)" in s and "\x1b[" not in s),
        ("facts.out", lambda s: isinstance(json.loads(s), list)),
    ]:
        out = tmp_path / name
        result = runner.invoke(app, ["extract", str(a), str(b), "-o", str(out)])
        assert result.exit_code == 0, (name, result.stderr)
        assert check(out.read_text(encoding="utf-8")), name


def test_format_option_wins_over_the_extension(tmp_path):
    a = write(tmp_path, "a.txt", TEXT)
    out = tmp_path / "facts.html"
    runner.invoke(app, ["extract", str(a), "-o", str(out), "-f", "json"])
    assert json.loads(out.read_text(encoding="utf-8"))["reference_date"] == "2024-03"


def test_eval_and_timeline_offer_only_the_formats_they_write(tmp_path):
    a = write(tmp_path, "a.txt", TEXT)
    assert runner.invoke(app, ["eval", "samples", "-f", "jsonl"]).exit_code == 2
    assert runner.invoke(app, ["timeline", str(a), "-f", "html"]).exit_code == 2
    result = runner.invoke(app, ["timeline", str(a), "-f", "jsonl"])
    assert result.exit_code == 0
    assert [json.loads(line)["value"] for line in result.stdout.splitlines()] == ["2024-03-16"]


# -- --only --------------------------------------------------------------------------------

def test_only_gives_the_kinds_asked_for(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result = runner.invoke(app, ["extract", str(path), "--only", "dates,countries", "-f", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert set(doc) == {"source", "reference_date", "dates", "countries"}
    assert [c["code"] for c in doc["countries"]] == ["NER", "USA"]
    table = runner.invoke(app, ["extract", str(path), "--only", "countries", "-f", "table"])
    assert "Countries (2)" in table.stdout
    assert "Dates" not in table.stdout and "Leaders" not in table.stdout


def test_only_rejects_an_unknown_kind():
    result = runner.invoke(app, ["extract", "a.txt", "--only", "dates,people"])
    assert result.exit_code == 2
    assert "choose among dates, countries, troops, leaders" in result.stderr


# -- summary line, --quiet -----------------------------------------------------------------

def test_summary_line_speaks_singular_and_quiet_silences_it(tmp_path):
    good = write(tmp_path, "a.txt", "Moscou a démenti.")
    missing = str(tmp_path / "nope.txt")
    result = runner.invoke(app, ["extract", str(good), missing, "-f", "jsonl"])
    assert re.fullmatch(r"nigerfacts: 2 documents, 1 fact, 1 error, [\d.]+ s",
                        result.stderr.splitlines()[-1])
    quiet = runner.invoke(app, ["extract", str(good), missing, "-f", "jsonl", "-q"])
    assert quiet.exit_code == 1
    assert quiet.stderr == f"nigerfacts: {missing}: no such file\n"


# -- tables ----------------------------------------------------------------------------------

def test_tables_say_plain_words_and_when_a_kind_is_empty(tmp_path):
    path = write(tmp_path, "a.txt", " date 2024-06 Plus de 200 soldats tchadiens ont été "
                                    "déployés au Niger, dont une dizaine ont été tués.")
    out = runner.invoke(app, ["extract", str(path), "-f", "table"]).stdout
    assert "more than" in out and "casualties" in out
    assert "more_than" not in out
    assert "Leaders: no leaders" in out
    assert "Plus de 200" in out  # the phrase, not just "200"


def test_tables_separate_articles_by_a_rule_with_their_name(tmp_path):
    a = write(tmp_path, "a.txt", TEXT)
    b = write(tmp_path, "b.txt", "Moscou a démenti.")
    out = runner.invoke(app, ["extract", str(a), str(b), "-f", "table"]).stdout
    rules = [line for line in out.splitlines() if line.startswith(("a.txt", str(a), str(b)))]
    assert len(rules) == 2 and "─" in rules[0]


# -- a reader that stops early (`| head -n1`) ------------------------------------------------

def _into_closed_pipe(*args: str) -> subprocess.CompletedProcess:
    """Run the CLI with stdout a pipe whose reader is already gone: every write fails."""
    read, write_end = os.pipe()
    os.close(read)
    try:
        return subprocess.run([sys.executable, "-m", "nigerfacts", *args], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    finally:
        os.close(write_end)


def test_closed_pipe_is_not_an_error(tmp_path):
    proc = _into_closed_pipe("schema")
    assert (proc.returncode, proc.stderr) == (0, "")
    path = write(tmp_path, "a.txt", TEXT)
    proc = _into_closed_pipe("extract", str(path), str(path), "-f", "jsonl", "-q")
    assert (proc.returncode, proc.stderr) == (0, "")


# -- inputs checked before the model loads -----------------------------------------------------

def _imports(*args: str, cwd=None) -> tuple[subprocess.CompletedProcess, set[str]]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "nigerfacts", *args],
                          capture_output=True, text=True, cwd=cwd)
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()
                if line.startswith("import time:")}
    return proc, imported


def test_bad_inputs_are_answered_without_loading_the_model(tmp_path):
    write(tmp_path, "empty.txt", "  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x00\x00" * 64)
    (tmp_path / "folder").mkdir()
    proc, imported = _imports("extract", "missing.txt", "empty.txt", "binary.txt", "folder",
                              "-f", "jsonl", cwd=tmp_path)
    assert proc.returncode == 1
    assert "spacy" not in imported and "thinc" not in imported
    said = [line for line in proc.stderr.splitlines() if line.startswith("nigerfacts:")]
    assert said[:4] == ["nigerfacts: missing.txt: no such file",
                        "nigerfacts: empty.txt: empty (no text)",
                        "nigerfacts: binary.txt: binary file (contains NUL bytes), not text",
                        "nigerfacts: folder: directory without '*.txt' files"]
    assert [json.loads(line)["error"] for line in proc.stdout.splitlines()] == [
        "no such file", "empty (no text)", "binary file (contains NUL bytes), not text",
        "directory without '*.txt' files"]


def test_a_bad_input_is_said_before_a_good_one_is_read(tmp_path):
    good = write(tmp_path, "a.txt", TEXT)
    result = runner.invoke(app, ["extract", str(good), str(tmp_path / "nope.txt"), "-f", "jsonl"])
    lines = result.stderr.splitlines()
    assert lines[0] == f"nigerfacts: {tmp_path / 'nope.txt'}: no such file"
    assert sum("nope.txt" in line for line in lines) == 1  # said once, first
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(good), str(tmp_path / "nope.txt")]


# -- dates left without a year ----------------------------------------------------------------

def test_dates_without_a_year_are_explained_once(tmp_path):
    a = write(tmp_path, "a.txt", "Le 15 septembre, 300 soldats tchadiens sont arrivés.")
    b = write(tmp_path, "b.txt", "Le 2 mars, la Guinée a reçu une délégation du Maroc.")
    result = runner.invoke(app, ["extract", str(a), str(b), "-f", "jsonl"])
    assert [json.loads(x)["dates"][0]["value"] for x in result.stdout.splitlines()] == [
        "--09-15", "--03-02"]
    hints = [line for line in result.stderr.splitlines() if "--date" in line]
    assert hints == ["nigerfacts: warning: 2 documents without a publication date: dates "
                     "without a year stay --MM-DD; --date YYYY-MM-DD places them"]
    placed = runner.invoke(app, ["extract", str(a), "--date", "2024-10", "-f", "json"])
    assert placed.stderr == ""
    assert runner.invoke(app, ["extract", str(a), "-q", "-f", "json"]).stderr == ""


def test_timeline_explains_dates_without_a_year_too(tmp_path):
    a = write(tmp_path, "a.txt", "Le 15 septembre, 300 soldats tchadiens sont arrivés.")
    result = runner.invoke(app, ["timeline", str(a), "-f", "json"])
    assert [e["value"] for e in json.loads(result.stdout)] == ["--09-15"]
    assert result.stderr == ("nigerfacts: warning: 1 document without a publication date: "
                             "dates without a year stay --MM-DD; --date YYYY-MM-DD places them\n")
    assert runner.invoke(app, ["timeline", str(a), "--date", "2024-10"]).stderr == ""


@pytest.mark.parametrize(("code", "status", "stderr"), [(None, 0, ""), (3, 3, ""),
                                                        ("no such thing", 1, "no such thing\n")])
def test_the_fast_exit_flushes_output_runs_exit_handlers_and_keeps_the_status(code, status,
                                                                              stderr):
    script = ("import atexit, sys\n"
              "from nigerfacts.cli import _exit_now\n"
              "atexit.register(lambda: print('handler ran'))\n"
              "print('buffered', end=' ')\n"
              f"_exit_now({code!r})\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (status, "buffered handler ran\n",
                                                            stderr)
