"""Defence in depth: whatever fails unexpectedly in one input (reading it, extracting its
facts, a missing optional reader) is that input's error record and one stderr line; the
batch goes on. Through the real CLI, in subprocesses, with faults planted by
`tests/faulty_cli.py`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TCHAD = " date 2024-03 Le 12 février, le Tchad a envoyé 150 soldats au Niger.\n"
BENIN = "Le 9 juin dernier, le Bénin a fermé sa frontière avec le Togo.\n"
PAGE = ("<html><head><title>Actualité</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav>"
        "<article><h1>Renforts au Sahel</h1>"
        "<p>Le 12 mars 2024, 300 soldats tchadiens sont arrivés à Niamey, selon un "
        "communiqué publié dans la soirée par les autorités de la transition.</p>"
        "<p>Le Mali a salué l’envoi de ces renforts au Niger et annoncé une réunion "
        "des chefs d’état-major pour la fin du mois.</p></article>"
        "<footer>Tous droits réservés</footer></body></html>")
HINT = "; run with --debug for the traceback"


def cli(fault: str, *args: str, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`nigerfacts extract ARGS` in a fresh interpreter with FAULT planted."""
    import os

    environment = {k: v for k, v in os.environ.items() if k != "NIGERFACTS_DEBUG"}
    environment.update(env or {})
    return subprocess.run([sys.executable, str(HERE / "faulty_cli.py"), fault, "extract", *args],
                          capture_output=True, text=True, timeout=600, env=environment,
                          stdin=subprocess.DEVNULL, cwd=cwd)


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TCHAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BENIN, encoding="utf-8")
    return tmp_path


def test_html_page_text_file_and_broken_input_give_two_records_and_one_error(batch):
    """The report of issue 16: one HTML page in a batch must not take the batch down."""
    (batch / "broken.html").write_bytes(b"<html><body><p>\xff\xfe\x00\x00\x01</p>")
    proc = cli("none", "page.html", "a.txt", "broken.html", "-f", "jsonl", "-o", "out.jsonl",
               cwd=batch)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[0] == "nigerfacts: broken.html: binary file (contains NUL bytes), not text"
    assert lines[1].startswith("nigerfacts: 3 documents, ") and ", 1 error, " in lines[1]
    out = records((batch / "out.jsonl").read_text(encoding="utf-8"))
    assert [r["source"] for r in out] == ["page.html", "a.txt", "broken.html"]
    assert [c["code"] for c in out[0]["countries"]] == ["TCD", "NER", "MLI"]
    assert out[0]["troops"][0]["count"] == 300
    assert [c["code"] for c in out[1]["countries"]] == ["TCD", "NER"]
    assert out[2] == {"source": "broken.html",
                      "error": "binary file (contains NUL bytes), not text"}
    assert sorted(p.name for p in batch.iterdir()) == ["a.txt", "b.txt", "broken.html",
                                                       "out.jsonl", "page.html"]


def test_an_input_whose_reading_raises_is_an_internal_error_and_the_batch_goes_on(batch):
    proc = cli("read:a.txt", "page.html", "a.txt", "b.txt", "-f", "jsonl", cwd=batch)
    assert proc.returncode == 1
    error = "internal error: RuntimeError: planted fault reading a.txt"
    assert proc.stderr.splitlines()[0] == f"nigerfacts: a.txt: {error}{HINT}"
    assert "Traceback" not in proc.stderr
    out = records(proc.stdout)
    assert [r["source"] for r in out] == ["page.html", "a.txt", "b.txt"]
    assert out[1] == {"source": "a.txt", "error": error}
    assert [c["code"] for c in out[2]["countries"]] == ["BEN", "TGO"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_whose_extraction_raises_is_an_internal_error_and_the_batch_goes_on(
        batch, workers):
    (batch / "c.txt").write_text("Le Mali a fermé sa frontière. PIÈGE\n", encoding="utf-8")
    proc = cli("extract:PIÈGE", "a.txt", "c.txt", "b.txt", "-f", "jsonl", "--workers", workers,
               "--batch-size", "2", cwd=batch)
    assert proc.returncode == 1
    error = "internal error: RuntimeError: planted fault on PIÈGE"
    assert proc.stderr.splitlines()[0] == f"nigerfacts: c.txt: {error}{HINT}"
    assert "Traceback" not in proc.stderr
    out = records(proc.stdout)
    assert out[1] == {"source": "c.txt", "error": error}
    assert [[c["code"] for c in r["countries"]] for r in (out[0], out[2])] == [
        ["TCD", "NER"], ["BEN", "TGO"]]


@pytest.mark.parametrize("how", [["--debug"], []])
def test_debug_shows_the_traceback_of_an_internal_error(batch, how):
    env = {} if how else {"NIGERFACTS_DEBUG": "1"}
    proc = cli("read:a.txt", "a.txt", "b.txt", "-f", "jsonl", *how, env=env, cwd=batch)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert lines[0] == "nigerfacts: a.txt: internal error: RuntimeError: planted fault " \
                       "reading a.txt"
    assert lines[1] == "Traceback (most recent call last):"
    assert "RuntimeError: planted fault reading a.txt" in lines
    assert len(records(proc.stdout)) == 2


def test_a_missing_html_reader_is_reported_as_what_it_is(batch):
    proc = cli("no-html-reader", "page.html", "a.txt", "-f", "jsonl", cwd=batch)
    assert proc.returncode == 1
    reason = ("cannot read HTML: module lxml_html_clean is not installed "
              "(pip install lxml_html_clean)")
    assert proc.stderr.splitlines()[0] == f"nigerfacts: page.html: {reason}"
    out = records(proc.stdout)
    assert out[0] == {"source": "page.html", "error": reason}
    assert [c["code"] for c in out[1]["countries"]] == ["TCD", "NER"]
