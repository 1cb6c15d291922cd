"""Dask: the same extraction on a LocalCluster of 2 worker processes on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import nigerfacts

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

from nigerfacts.dask import (  # noqa: E402
    connect,
    extract_bag,
    read_corpus,
    run,
    write_jsonl,
)

TEXTS = [
    " date 2024-05 Le 10 avril, une centaine d'instructeurs russes sont arrivés à Niamey.",
    "Le Tchad a déployé 1 000 soldats au Cameroun en mars 2023.",
    " date 2025-01 Les soldats kényans, environ 400, patrouillent à Port-au-Prince depuis juin.",
    "Le président sénégalais Bassirou Diomaye Faye a reçu son homologue mauritanien.",
    " date 2024-02 Quinze casques bleus ont été blessés le 3 février au Sud-Kivu.",
]


@pytest.fixture(scope="module")
def client():
    with connect("local", workers=2) as c:
        yield c


def test_same_json_in_the_same_order_as_the_local_run(client):
    local = [f.model_dump(mode="json") for f in nigerfacts.extract_many(TEXTS)]
    records = [{"id": str(n), "text": t} for n, t in enumerate(TEXTS)]
    remote = list(run(records, client, partition_size=2))
    for n, doc in enumerate(local):
        doc["source"] = str(n)
    assert remote == local


def test_a_failing_document_becomes_its_error_record_and_the_rest_completes(client):
    records = [{"id": "ok-1", "text": TEXTS[0]}, {"id": "broken", "text": None},
               {"id": "ok-2", "text": TEXTS[1]}]
    out = list(run(records, client, partition_size=3))
    assert [r["source"] for r in out] == ["ok-1", "broken", "ok-2"]
    assert out[1]["error"].startswith("extraction failed")
    assert out[0]["countries"][0]["code"] == "RUS"
    assert [t["count"] for t in out[2]["troops"]] == [1000]


def test_model_is_loaded_once_per_worker_process(client):
    bag = db.from_sequence(TEXTS * 4, partition_size=2)
    extract_bag(bag).compute(scheduler=client.get)
    loads = client.run(lambda: nigerfacts.load_pipeline.cache_info().misses)
    assert set(loads.values()) <= {1}
    assert len(loads) == 2


def test_write_jsonl_writes_one_file_per_partition(client, tmp_path: Path):
    bag = db.from_sequence([{"id": f"d{n}", "text": t} for n, t in enumerate(TEXTS)],
                           npartitions=2)
    with client.as_current():
        paths = write_jsonl(extract_bag(bag), tmp_path)
    lines = [json.loads(line) for p in sorted(paths) for line in Path(p).read_text().splitlines()]
    assert [r["source"] for r in lines] == [f"d{n}" for n in range(len(TEXTS))]
    assert len(paths) == 2


def test_cli_scheduler_local_gives_the_local_output(tmp_path: Path):
    from typer.testing import CliRunner

    from nigerfacts.cli import app

    paths = []
    for n, text in enumerate(TEXTS[:3]):
        path = tmp_path / f"a{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    runner = CliRunner()
    local = runner.invoke(app, ["extract", *paths, "-f", "jsonl"])
    dask = runner.invoke(app, ["extract", *paths, "-f", "jsonl", "--scheduler", "local",
                               "--workers", "2"])
    assert dask.exit_code == 0
    assert dask.stdout.splitlines() == local.stdout.splitlines()


def test_read_corpus_takes_an_absolute_recursive_glob_and_keeps_unreadable_files(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXTS[1], encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02 binary")
    records = read_corpus(str(tmp_path / "**" / "*.txt")).compute(scheduler="sync")
    assert [Path(r["id"]).name for r in records] == ["a.txt", "b.txt", "c.txt"]
    assert records[0]["text"] == TEXTS[0] and records[0]["error"] is None
    assert records[2]["text"] is None and "binary" in records[2]["error"]


def test_read_corpus_reads_a_jsonl_corpus_with_its_dates(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"n{k}", "text": t, "date": "2024-06"}) + "\n"
                              for k, t in enumerate(TEXTS[:2])), encoding="utf-8")
    records = read_corpus([str(corpus)], input_format="jsonl").compute(scheduler="sync")
    assert [(r["id"], r["date"], r["text"]) for r in records] == [
        ("n0", "2024-06", TEXTS[0]), ("n1", "2024-06", TEXTS[1])]
