"""Ctrl-C, SIGTERM and failing documents with worker processes, through the real CLI.

Each run is made busy on purpose (`tests/faulty_cli.py`, fault `block:WORD`): the article
with WORD writes a marker file and waits for ever. A test waits for that file (and, where
records must have come out first, reads them from the pipe) before it signals: the run is
then, for certain, inside the extraction, with its workers and its temporary file.

The runs load a blank French pipeline with a sentencizer (`--model PATH`), not the full
model: what is tested is the run's machinery, which is the same, and a run that starts
in a second lets these tests be repeated (50 times in a row, for their determinism).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TCHAD = " date 2024-03 Le 12 février, le Tchad a envoyé 150 soldats au Niger.\n"
BLOCKER = "Le Mali a fermé sa frontière avec le Niger. ATTENTE\n"
BENIN = "Le 9 juin dernier, le Bénin a fermé sa frontière avec le Togo.\n"
LIMIT = 300  # seconds: a bound that fails a hung run, never a wait for something to happen


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> str:
    import spacy

    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    path = tmp_path_factory.mktemp("model") / "blank_fr"
    nlp.to_disk(path)
    return str(path)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TCHAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BLOCKER, encoding="utf-8")
    (tmp_path / "c.txt").write_text(BENIN, encoding="utf-8")
    return tmp_path


def start(fault: str, cwd: Path, model: str, *args: str) -> subprocess.Popen[bytes]:
    """The CLI on a.txt, b.txt, c.txt in its own process group (as a shell job is)."""
    env = dict(os.environ, NIGERFACTS_TEST_MARKER=str(cwd / "busy"))
    env.pop("NIGERFACTS_DEBUG", None)
    return subprocess.Popen(
        [sys.executable, str(HERE / "faulty_cli.py"), fault, "extract", "a.txt", "b.txt",
         "c.txt", "-f", "jsonl", "--batch-size", "1", "--model", model, *args],
        cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, start_new_session=True, preexec_fn=_ctrl_c_as_in_a_terminal)


def _ctrl_c_as_in_a_terminal() -> None:
    """Ctrl-C's default action, as a terminal's job has it: tests run in the background
    (CI, `cmd &`) inherit SIGINT ignored, and a program rightly keeps it ignored then."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_until_busy(proc: subprocess.Popen[bytes], marker: Path) -> int:
    """The pid of the process blocked on the marked article, once it has written the marker."""
    deadline = time.monotonic() + LIMIT
    while not marker.exists() or not marker.read_text():
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "the run never reached the marked article"
        time.sleep(0.05)  # polling the file; the order of events does not depend on it
    return int(marker.read_text())


def finish(proc: subprocess.Popen[bytes]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=LIMIT)  # a hang fails here
    return proc.returncode, out.decode(), err.decode()


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name != "busy")


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize(("signum", "code", "said"), [
    (signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_a_signal_to_a_run_with_output_ends_it_and_leaves_no_file(inputs, model, workers,
                                                                  signum, code, said):
    """Ctrl-C reaches the whole process group (workers too); SIGTERM the main process."""
    proc = start("block:ATTENTE", inputs, model, "-o", "out.jsonl", "--workers", workers)
    busy = wait_until_busy(proc, inputs / "busy")
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    returncode, out, err = finish(proc)
    assert returncode == code
    assert err.splitlines() == [f"nigerfacts: {said}; no output file was written"]
    assert out == ""
    assert files(inputs) == ["a.txt", "b.txt", "c.txt"]
    assert gone(busy)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_without_output_keeps_the_records_that_came_out(inputs, model, workers):
    proc = start("block:ATTENTE", inputs, model, "--workers", workers)
    assert proc.stdout is not None
    first = json.loads(proc.stdout.readline())  # the pipe read: a.txt is done and written
    busy = wait_until_busy(proc, inputs / "busy")
    os.killpg(proc.pid, signal.SIGINT)
    returncode, out, err = finish(proc)
    assert returncode == 130
    assert err.splitlines() == ["nigerfacts: interrupted"]
    assert first["source"] == "a.txt" and [c["code"] for c in first["countries"]] == [
        "TCD", "NER"]
    assert out == ""
    assert gone(busy)


def test_a_document_failing_in_a_worker_is_its_error_record_in_the_output_file(inputs,
                                                                               model):
    env = dict(os.environ)
    env.pop("NIGERFACTS_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, str(HERE / "faulty_cli.py"), "extract:ATTENTE", "extract", "a.txt",
         "b.txt", "c.txt", "-f", "jsonl", "--batch-size", "1", "--workers", "2", "-o",
         "out.jsonl", "--model", model], cwd=inputs, env=env, capture_output=True, text=True,
        timeout=LIMIT, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1
    error = "internal error: RuntimeError: planted fault on ATTENTE"
    lines = proc.stderr.splitlines()
    assert lines[0] == f"nigerfacts: b.txt: {error}; run with --debug for the traceback"
    assert lines[-1].startswith("nigerfacts: 3 documents, ") and "Traceback" not in proc.stderr
    records = [json.loads(line) for line in (inputs / "out.jsonl").read_text().splitlines()]
    assert [r["source"] for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert records[1] == {"source": "b.txt", "error": error}
    assert [c["code"] for c in records[2]["countries"]] == ["BEN", "TGO"]
    assert files(inputs) == ["a.txt", "b.txt", "c.txt", "out.jsonl"]
