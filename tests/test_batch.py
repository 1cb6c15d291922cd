"""Batches on the command line: directories, --glob, JSON Lines in and out, --output,
--workers, the summary line and the progress bar. In process (CliRunner) and, where a
real terminal, real pipes or separate interpreters matter, in subprocesses."""

from __future__ import annotations

import json
import os
import pty
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nigerfacts.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles"
runner = CliRunner()

TCHAD = " date 2024-03 Le 12 février, le Tchad a envoyé 150 soldats au Niger.\n"
BURKINA = "Le 9 juin dernier, le Burkina Faso a rappelé son ambassadeur au Ghana."
BENIN = "Le 9 juin dernier, le Bénin a fermé sa frontière avec le Togo."
GUINEE = " date 2021-05 Le 2 mars, la Guinée a reçu une délégation du Maroc."
SUMMARY = re.compile(r"^nigerfacts: (\d+) documents?, (\d+) facts?, (\d+) errors?, \d+\.\d s$")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def codes(record: dict) -> list[str]:
    return [c["code"] for c in record["countries"]]


def values(record: dict) -> list[str]:
    return [d["value"] for d in record["dates"]]


def fact_count(records: list[dict]) -> int:
    return sum(len(r[k]) for r in records if "error" not in r
               for k in ("dates", "countries", "troops", "leaders"))


def summary(stderr: str) -> tuple[int, int, int]:
    match = SUMMARY.match(stderr.strip().splitlines()[-1])
    assert match, stderr
    documents, facts, errors = (int(g) for g in match.groups())
    return documents, facts, errors


# -- directories and --glob ------------------------------------------------------------------

@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write(tmp_path / "corpus" / "b.txt", BENIN)
    write(tmp_path / "corpus" / "a.txt", TCHAD)
    write(tmp_path / "corpus" / "sahel" / "c.txt", BURKINA)
    write(tmp_path / "corpus" / "notes.md", GUINEE)
    return tmp_path / "corpus"


def test_directory_is_searched_recursively_for_txt_files_in_sorted_order(tree):
    result = runner.invoke(app, ["extract", str(tree), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == [
        str(tree / "a.txt"), str(tree / "b.txt"), str(tree / "sahel" / "c.txt")]
    assert [codes(r) for r in records] == [["TCD", "NER"], ["BEN", "TGO"], ["BFA", "GHA"]]


def test_glob_chooses_which_files_of_a_directory_are_read(tree):
    result = runner.invoke(app, ["extract", str(tree), "--glob", "*.md", "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert record["source"] == str(tree / "notes.md")
    assert record["reference_date"] == "2021-05"
    assert values(record) == ["2021-03-02"]


def test_a_directory_with_one_file_is_still_a_batch_json_array(tree):
    result = runner.invoke(app, ["extract", str(tree / "sahel"), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)
    assert isinstance(docs, list)
    assert [d["source"] for d in docs] == [str(tree / "sahel" / "c.txt")]


def test_stdin_dash_takes_its_place_among_files(tmp_path):
    path = write(tmp_path / "tchad.txt", TCHAD)
    result = runner.invoke(app, ["extract", "-", str(path), "-f", "jsonl"], input=BENIN)
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == ["-", str(path)]
    assert [codes(r) for r in records] == [["BEN", "TGO"], ["TCD", "NER"]]


# -- JSON Lines input --------------------------------------------------------------------------

def corpus_lines(*records: dict | str) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                   for r in records)


def test_jsonl_input_with_custom_field_names_uses_the_date_field_as_reference_date(tmp_path):
    corpus = write(tmp_path / "depeches.ndjson", corpus_lines(
        {"ref": "afp-1", "body": BURKINA, "published": "2024-08"},
        {"ref": "afp-2", "body": BENIN, "published": "2023-02"},
    ))
    result = runner.invoke(app, [
        "extract", str(corpus), "--input-format", "jsonl", "--id-field", "ref",
        "--text-field", "body", "--date-field", "published", "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    first, second = jsonl(result.stdout)
    assert (first["source"], first["reference_date"]) == ("afp-1", "2024-08")
    assert (second["source"], second["reference_date"]) == ("afp-2", "2023-02")
    # The same words, `9 juin dernier`, fall in different years after each record's date.
    assert values(first) == ["2024-06-09"]
    assert values(second) == ["2022-06-09"]
    assert codes(first) == ["BFA", "GHA"]


def test_jsonl_date_field_wins_over_the_texts_dateline_and_date_option_over_both(tmp_path):
    corpus = write(tmp_path / "c.jsonl", corpus_lines(
        {"id": "g", "text": GUINEE, "date": "2022-07"}))
    by_field = jsonl(runner.invoke(app, ["extract", str(corpus), "-f", "jsonl"]).stdout)
    assert by_field[0]["reference_date"] == "2022-07"
    assert values(by_field[0]) == ["2022-03-02"]
    by_option = jsonl(runner.invoke(
        app, ["extract", str(corpus), "-f", "jsonl", "--date", "2020-06"]).stdout)
    assert by_option[0]["reference_date"] == "2020-06"
    assert values(by_option[0]) == ["2020-03-02"]


def test_a_bad_jsonl_line_becomes_an_error_record_and_the_rest_is_processed(tmp_path):
    corpus = write(tmp_path / "c.jsonl", corpus_lines(
        {"id": "n1", "text": BURKINA, "date": "2024-08"},
        "{pas du JSON",
        {"id": "n3", "date": "2024-08"},
        "",
        {"id": "n5", "text": BENIN, "date": "2023-02"},
    ))
    result = runner.invoke(app, ["extract", str(corpus), "-f", "jsonl"])
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert records[1:3] == [
        {"source": f"{corpus}:2", "error": "not a JSON object"},
        {"source": f"{corpus}:3", "error": "no string field 'text'"},
    ]
    assert [r["source"] for r in records] == ["n1", f"{corpus}:2", f"{corpus}:3", "n5"]
    assert codes(records[3]) == ["BEN", "TGO"]
    stderr = result.stderr.splitlines()
    assert f"nigerfacts: {corpus}:2: not a JSON object" in stderr
    assert summary(result.stderr)[::2] == (4, 2)


def test_jsonl_corpus_can_come_from_stdin():
    result = runner.invoke(app, ["extract", "-", "--input-format", "jsonl", "-f", "jsonl"],
                           input=corpus_lines({"id": "x", "text": TCHAD}))
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result.stdout)
    assert (record["source"], record["reference_date"]) == ("x", "2024-03")


# -- JSON Lines output order -------------------------------------------------------------------

@pytest.mark.parametrize("workers", ["1", "2"])
def test_jsonl_output_follows_input_order_with_errors_in_place(tmp_path, workers):
    texts = [TCHAD, BURKINA, BENIN, GUINEE, BURKINA, TCHAD, BENIN]
    paths = [str(write(tmp_path / f"{n}.txt", t)) for n, t in enumerate(texts)]
    paths.insert(3, str(tmp_path / "absent.txt"))
    result = runner.invoke(app, ["extract", *paths, "-f", "jsonl", "--workers", workers,
                                 "--batch-size", "1"])
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == paths
    assert records[3] == {"source": paths[3], "error": "no such file"}
    assert [codes(r) for r in records if "error" not in r] == [
        ["TCD", "NER"], ["BFA", "GHA"], ["BEN", "TGO"], ["GIN", "MAR"], ["BFA", "GHA"],
        ["TCD", "NER"], ["BEN", "TGO"]]


# -- --output ----------------------------------------------------------------------------------

def test_output_file_gets_everything_and_stdout_nothing(tmp_path):
    a, b = write(tmp_path / "a.txt", TCHAD), write(tmp_path / "b.txt", BENIN)
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(a), str(b), "-f", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert [r["source"] for r in jsonl(out.read_text(encoding="utf-8"))] == [str(a), str(b)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "facts.jsonl"]


def test_output_into_a_missing_directory_is_a_usage_error_and_writes_nothing(tmp_path):
    a = write(tmp_path / "a.txt", TCHAD)
    out = tmp_path / "missing" / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(a), "-f", "jsonl", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"nigerfacts: {out}: no such directory"
    assert result.stdout == ""
    assert not out.parent.exists()


def test_a_run_that_fails_midway_leaves_the_previous_output_file_untouched(tmp_path):
    a = write(tmp_path / "a.txt", TCHAD)
    out = write(tmp_path / "facts.jsonl", "previous run\n")
    result = runner.invoke(app, ["extract", str(a), str(a), "-f", "jsonl", "-o", str(out),
                                 "--model", "no_such_spacy_model"])
    assert result.exit_code == 1
    assert "no_such_spacy_model" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "facts.jsonl"]


def test_an_interrupted_run_writes_no_output_file(tmp_path, monkeypatch):
    """Ctrl-C after the first article: the half-written file is removed, not renamed."""
    import nigerfacts.pipeline

    real = nigerfacts.pipeline.extract_many

    def interrupted(texts, *args, **kwargs):
        yield next(real(texts, *args, **kwargs))
        raise KeyboardInterrupt

    monkeypatch.setattr(nigerfacts.pipeline, "extract_many", interrupted)
    a, b = write(tmp_path / "a.txt", TCHAD), write(tmp_path / "b.txt", BENIN)
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(a), str(b), "-f", "jsonl", "-o", str(out)])
    assert result.exit_code == 130
    assert "interrupted; no output file was written" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_a_terminated_run_removes_its_temporary_file_and_writes_no_output(tmp_path):
    """SIGTERM (from `timeout`, a job scheduler, `kill`) mid-run: nothing is left behind."""
    out = tmp_path / "facts.jsonl"
    command = [sys.executable, "-m", "nigerfacts", "extract", str(SAMPLES), "-f", "jsonl",
               "-o", str(out)]
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE) as proc:
        deadline = time.monotonic() + 120
        while not list(tmp_path.glob(".facts.jsonl.*.part")):  # the run has begun writing
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM
    assert err.decode().strip().endswith("terminated; no output file was written")
    assert list(tmp_path.iterdir()) == []


# -- summary line ------------------------------------------------------------------------------

def test_a_batch_ends_with_a_summary_line_on_stderr(tmp_path):
    a, b = write(tmp_path / "a.txt", TCHAD), write(tmp_path / "b.txt", BENIN)
    result = runner.invoke(app, ["extract", str(a), str(b), str(tmp_path / "c.txt"),
                                 "-f", "jsonl"])
    records = jsonl(result.stdout)
    documents, facts, errors = summary(result.stderr)
    assert (documents, errors) == (3, 1)
    assert facts == fact_count(records) > 0


def test_a_single_article_has_no_summary_line(tmp_path):
    a = write(tmp_path / "a.txt", TCHAD)
    result = runner.invoke(app, ["extract", str(a), "-f", "jsonl"])
    assert result.exit_code == 0
    assert result.stderr == ""


# -- real processes: --workers, progress bar ---------------------------------------------------

def _cli(*args: str, hash_seed: str, stderr_tty: bool = False) -> tuple[int, str, str]:
    """Run the CLI in a fresh interpreter; stderr on a pseudo-terminal if asked."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")}
    env.update(PYTHONHASHSEED=hash_seed, TERM="xterm", COLUMNS="100")
    command = [sys.executable, "-m", "nigerfacts", *args]
    if not stderr_tty:
        proc = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300,
                              stdin=subprocess.DEVNULL)
        return proc.returncode, proc.stdout, proc.stderr
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO: the child closed the terminal
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave,
                          stdin=subprocess.DEVNULL, env=env) as proc:
        os.close(slave)
        stdout, _ = proc.communicate(timeout=300)
    reader.join(timeout=10)
    os.close(master)
    return proc.returncode, stdout.decode(), b"".join(chunks).decode(errors="replace")


@pytest.fixture(scope="module")
def sample_runs() -> dict[str, tuple[int, str, str]]:
    """The samples with one worker (stderr a terminal) and two (stderr a pipe).

    Different hash seeds: output must not depend on set or dict iteration order.
    Small batches, so that both workers get several.
    """
    common = ["extract", str(SAMPLES), "-f", "jsonl", "--batch-size", "2"]
    with ThreadPoolExecutor(2) as both:  # the two runs at once: the model loads take long
        one = both.submit(_cli, *common, "--workers", "1", hash_seed="1", stderr_tty=True)
        two = both.submit(_cli, *common, "--workers", "2", hash_seed="2")
        return {"1": one.result(), "2": two.result()}


@pytest.mark.parametrize(("articles", "sizes"), [
    (0, []),
    (5, [4, 1]),
    (48, [4] * 12),
    (100, [16] * 4 + [4] * 9),
])
def test_parallel_batches_keep_input_order_and_cut_only_the_tail_small(articles, sizes):
    """Workers finish together: the last (workers + 1) batches' worth goes in quarters."""
    from nigerfacts.pipeline import _batches

    items = [(f"article {n}", None) for n in range(articles)]
    batches = list(_batches(iter(items), 16, 2))
    assert [len(b) for b in batches] == sizes
    assert [item for b in batches for item in b] == items


class _RecordingPipeline:
    """Stands for spaCy: records each batch `nlp.pipe` is given and what was read by then."""

    def __init__(self, read: list[int]) -> None:
        self.read = read
        self.batches: list[tuple[list[int], int]] = []

    def pipe(self, batch, as_tuples, batch_size):
        assert as_tuples and batch_size == len(batch)
        self.batches.append(([len(text) for text, _ in batch], len(self.read)))
        return [(f"doc {context}", context) for _, context in batch]


@pytest.mark.parametrize(("lengths", "batches"), [
    ([3_000] * 20, [[3_000] * 16, [3_000] * 4]),
    ([20_000] * 12, [[20_000] * 5, [20_000] * 5, [20_000] * 2]),
    ([2_000, 150_000, 2_000, 2_000], [[2_000], [150_000], [2_000, 2_000]]),
    ([], []),
])
def test_spacy_batches_hold_at_most_16_texts_and_100000_characters(lengths, batches):
    """A long text's chunks go a few at a time (a batch's memory grows with its characters);
    a text longer than the bound goes alone; order and contexts are kept."""
    from nigerfacts.pipeline import BATCH_CHARS, _piped

    assert BATCH_CHARS == 100_000
    read: list[int] = []

    def texts():
        for n, length in enumerate(lengths):
            read.append(n)
            yield "x" * length, n

    nlp = _RecordingPipeline(read)
    out = list(_piped(nlp, texts(), 16))
    assert [sizes for sizes, _ in nlp.batches] == batches
    assert out == [(f"doc {n}", n) for n in range(len(lengths))]


def test_a_full_batch_goes_to_spacy_before_the_next_text_is_read():
    """A slow stream (JSON Lines on a pipe) is not held back by one text."""
    from nigerfacts.pipeline import _piped

    read: list[int] = []

    def texts():
        for n in range(20):
            read.append(n)
            yield "un texte court", n

    nlp = _RecordingPipeline(read)
    list(_piped(nlp, texts(), 16))
    assert [seen for _, seen in nlp.batches] == [16, 20]


def test_two_workers_give_the_same_output_as_one(sample_runs):
    (code1, out1, _), (code2, out2, _) = sample_runs["1"], sample_runs["2"]
    assert (code1, code2) == (0, 0)
    articles = sorted(SAMPLES.glob("*.txt"))
    assert [r["source"] for r in jsonl(out2)] == [str(p) for p in articles]
    assert fact_count(jsonl(out1)) > 10 * len(articles)
    assert out2 == out1


def test_no_progress_bar_when_stderr_is_not_a_terminal(sample_runs):
    _, out, err = sample_runs["2"]
    assert "Extracting" not in err
    assert "\x1b" not in err
    assert summary(err) == (18, fact_count(jsonl(out)), 0)
    assert err.count("\n") == 1


def test_progress_bar_when_stderr_is_a_terminal(sample_runs):
    _, out, err = sample_runs["1"]
    assert "Extracting" in err
    assert "\x1b[" in err  # drawn and erased with terminal control sequences
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", err).replace("\r", "")
    assert summary(plain) == (18, fact_count(jsonl(out)), 0)


# -- the library: extract_many(n_process=...) --------------------------------------------------

def test_extract_many_with_two_processes_equals_one_process():
    import nigerfacts

    texts = [TCHAD, BURKINA, BENIN, GUINEE] * 3
    dates = ["2024-08", None, "2023-02", None] * 3
    one = [f.model_dump() for f in nigerfacts.extract_many(texts, dates, batch_size=2)]
    two = [f.model_dump() for f in nigerfacts.extract_many(texts, dates, batch_size=2,
                                                           n_process=2)]
    assert two == one
    assert [codes(f) for f in one[:4]] == [["TCD", "NER"], ["BFA", "GHA"], ["BEN", "TGO"],
                                           ["GIN", "MAR"]]


def test_worker_processes_end_when_the_caller_stops_reading():
    import multiprocessing

    import nigerfacts

    before = set(multiprocessing.active_children())
    results = nigerfacts.extract_many([TCHAD] * 40, batch_size=1, n_process=2)
    assert [c.code for c in next(results).countries] == ["TCD", "NER"]
    assert len(set(multiprocessing.active_children()) - before) == 2
    results.close()
    assert set(multiprocessing.active_children()) - before == set()
