"""The command line, through Typer's CliRunner and through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
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


def test_schema_command_prints_the_models_schema():
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout) == Facts.model_json_schema()


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
