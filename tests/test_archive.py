"""The SQLite archive (`extract --db`, `nigerfacts.to_db`) and CSV/TSV output, on real files."""

from __future__ import annotations

import csv
import io
import json
import socket
import sqlite3
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nigerfacts
from nigerfacts.archive import Archive, sha256, to_db
from nigerfacts.cli import app
from nigerfacts.models import ErrorRecord, Facts
from nigerfacts.rows import csv_columns

runner = CliRunner()

ARTICLES = {
    "a.txt": " date 2024-08-20 Le 15 août, le Tchad a envoyé 200 soldats au Niger, selon le "
             "ministre tchadien de la Défense. Le président Mahamat Idriss Déby a salué la "
             "coopération avec Niamey.\n",
    "b.txt": " date 2024-09-02 Près de 1 000 militaires américains ont quitté la base de "
             "Niamey en août, a annoncé le Pentagone. Deux soldats nigériens ont été blessés.\n",
    "c.txt": " date 2024-10-05 Les 650 soldats burkinabè déployés au Mali resteront jusqu'en "
             "décembre, a indiqué Ouagadougou.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _db(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["extract", *args, "--db", str(tmp_path / "archive.db")])
    return result.exit_code, result.stderr


def _rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def test_db_has_the_articles_and_every_kind_of_fact_keyed_to_its_article(tmp_path, corpus):
    code, err = _db(tmp_path, str(corpus))
    assert code == 0
    assert "3 articles: 3 extracted, 0 skipped, 0 failed" in err
    db = tmp_path / "archive.db"
    sources = {Path(s).name: (ref, digest) for s, ref, digest in
               _rows(db, "select source, reference_date, sha256 from articles")}
    assert sources["a.txt"] == ("2024-08-20", sha256(ARTICLES["a.txt"]))
    troops = _rows(db, "select a.source, t.count, t.country, t.kind from troops t "
                       "join articles a on a.id = t.article_id order by t.count")
    assert [(Path(s).name, n, c, k) for s, n, c, k in troops] == [
        ("b.txt", 2, "NER", "casualties"), ("a.txt", 200, "TCD", "strength"),
        ("c.txt", 650, "BFA", "strength"), ("b.txt", 1000, "USA", "strength")]
    assert ("2024-08-15",) in _rows(db, "select value from dates")
    assert ("TCD",) in _rows(db, "select code from countries")
    leaders = _rows(db, "select name, country from leaders")
    assert ("Mahamat Idriss Déby", "TCD") in leaders


def test_db_schema_has_foreign_keys_indexes_and_full_text_search(tmp_path, corpus):
    _db(tmp_path, str(corpus))
    db = tmp_path / "archive.db"
    with sqlite3.connect(db) as conn:
        for table in ("dates", "countries", "troops", "leaders", "mentions"):
            keys = conn.execute(f"pragma foreign_key_list({table})").fetchall()
            assert [(k[2], k[3], k[4]) for k in keys] == [("articles", "article_id", "id")]
        indexed = {row[0] for row in conn.execute(
            "select il.name from sqlite_master m, pragma_index_list(m.name) l, "
            "pragma_index_info(l.name) il where m.type = 'table' and m.name = 'troops'")}
        assert {"article_id", "country", "kind", "location"} <= indexed
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        assert conn.execute("pragma journal_mode").fetchone() == ("wal",)
    found = _rows(db, "select a.source from articles_fts f join articles a on a.id = f.rowid "
                      "where articles_fts match 'burkinabè'")
    assert [Path(s).name for (s,) in found] == ["c.txt"]


def test_every_mention_indexes_its_article_text(tmp_path, corpus):
    _db(tmp_path, str(corpus))
    rows = _rows(tmp_path / "archive.db",
                 "select a.text, m.text, m.start, m.end from mentions m "
                 "join articles a on a.id = m.article_id")
    assert len(rows) > 10
    assert all(text[start:end] == mention for text, mention, start, end in rows)


def test_a_second_run_skips_unchanged_articles_without_loading_the_model(tmp_path, corpus):
    _db(tmp_path, str(corpus))
    before = _rows(tmp_path / "archive.db", "select id, extracted_at from articles")
    code, err = _db(tmp_path, str(corpus))
    assert code == 0
    assert "3 articles: 0 extracted, 3 skipped, 0 failed, 0 facts" in err
    assert _rows(tmp_path / "archive.db", "select id, extracted_at from articles") == before


def test_a_changed_article_is_extracted_again_and_its_old_facts_replaced(tmp_path, corpus):
    _db(tmp_path, str(corpus))
    (corpus / "c.txt").write_text(" date 2024-10-05 Les 700 soldats burkinabè déployés au "
                                  "Mali resteront.\n", encoding="utf-8")
    code, err = _db(tmp_path, str(corpus))
    assert code == 0
    assert "3 articles: 1 extracted, 2 skipped, 0 failed" in err
    counts = _rows(tmp_path / "archive.db", "select t.count from troops t join articles a "
                                            "on a.id = t.article_id where a.source like '%c.txt'")
    assert counts == [(700,)]
    assert len(_rows(tmp_path / "archive.db", "select id from articles")) == 3


def test_refresh_extracts_every_article_again(tmp_path, corpus):
    _db(tmp_path, str(corpus))
    code, err = _db(tmp_path, str(corpus), "--refresh")
    assert code == 0
    assert "3 articles: 3 extracted, 0 skipped, 0 failed" in err
    assert len(_rows(tmp_path / "archive.db", "select id from troops")) == 4


def test_a_failing_article_is_recorded_with_its_error_and_the_rest_goes_on(tmp_path, corpus):
    (corpus / "vide.txt").write_text("   \n", encoding="utf-8")
    code, err = _db(tmp_path, str(corpus))
    assert code == 1
    assert "4 articles: 3 extracted, 0 skipped, 1 failed" in err
    rows = _rows(tmp_path / "archive.db", "select source, error from articles where error "
                                          "is not null")
    assert [(Path(s).name, e) for s, e in rows] == [("vide.txt", "empty (no text)")]
    assert len(_rows(tmp_path / "archive.db", "select id from troops")) == 4


def test_db_refuses_format_and_output_with_a_usage_error(tmp_path, corpus):
    result = runner.invoke(app, ["extract", str(corpus), "--db", str(tmp_path / "x.db"),
                                 "-f", "json"])
    assert result.exit_code == 2
    assert "--db" in result.stderr


def test_an_interrupted_run_keeps_the_batches_that_completed_and_nothing_else(tmp_path):
    facts = [Facts(source=f"{n}.txt", reference_date="2024") for n in range(5)]

    def interrupted():
        yield from facts[:3]
        raise KeyboardInterrupt

    db = tmp_path / "archive.db"
    with pytest.raises(KeyboardInterrupt):
        to_db(interrupted(), db, texts={f.source: f"texte {f.source}" for f in facts},
              batch_size=2)
    assert _rows(db, "select source from articles order by source") == [("0.txt",), ("1.txt",)]
    assert _rows(db, "pragma integrity_check") == [("ok",)]
    summary = to_db(facts, db, batch_size=2)
    assert (summary.extracted, summary.failed) == (5, 0)
    assert len(_rows(db, "select id from articles")) == 5


def test_a_second_writer_waits_for_the_first_and_both_writes_land(tmp_path):
    db = tmp_path / "archive.db"
    first = Archive(db)
    first.db.conn.execute("BEGIN IMMEDIATE")  # the first writer holds the write lock
    first.db["articles"].insert({"source": "premier.txt", "text": "un"})
    outcome: list[object] = []

    def second_writer() -> None:
        try:
            outcome.append(to_db([Facts(source="second.txt")], db, texts={"second.txt": "deux"}))
        except Exception as exc:  # the assertion below shows it
            outcome.append(exc)

    thread = threading.Thread(target=second_writer)
    thread.start()
    first.db.conn.execute("COMMIT")
    thread.join()
    first.close()
    assert [type(o).__name__ for o in outcome] == ["Summary"]
    assert _rows(db, "select source from articles order by source") == [
        ("premier.txt",), ("second.txt",)]
    assert _rows(db, "pragma integrity_check") == [("ok",)]


def test_to_db_is_the_python_api_and_error_records_are_stored(tmp_path):
    text = " date 2024-08-20 Le Tchad a envoyé 200 soldats au Niger.\n"
    facts = nigerfacts.extract(text, source="api.txt")
    summary = nigerfacts.to_db([facts, ErrorRecord(source="x.txt", error="no such file")],
                               tmp_path / "api.db", texts={"api.txt": text})
    assert (summary.extracted, summary.skipped, summary.failed) == (1, 0, 1)
    assert _rows(tmp_path / "api.db", "select count, country from troops") == [(200, "TCD")]
    assert _rows(tmp_path / "api.db", "select error from articles where source = 'x.txt'") == [
        ("no such file",)]


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_round_trip_one_row_per_fact(tmp_path, corpus, fmt, delimiter):
    files = [str(corpus / name) for name in sorted(ARTICLES)]
    table = runner.invoke(app, ["extract", *files, "-f", fmt])
    as_json = runner.invoke(app, ["extract", *files, "-f", "json"])
    assert table.exit_code == as_json.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(table.stdout), delimiter=delimiter))
    assert list(rows[0]) == csv_columns()
    documents = json.loads(as_json.stdout)
    expected = sum(len(d[k]) for d in documents for k in ("dates", "countries", "troops",
                                                          "leaders"))
    assert len(rows) == expected
    troops = [(r["source"], int(r["count"]), r["country"], r["text"], int(r["start"]))
              for r in rows if r["fact"] == "troop"]
    assert troops == [(d["source"], t["count"], t["country"], t["text"], t["start"])
                      for d in documents for t in d["troops"]]


def test_output_extension_picks_csv_and_an_error_becomes_an_error_row(tmp_path, corpus):
    out = tmp_path / "facts.csv"
    result = runner.invoke(app, ["extract", str(corpus / "a.txt"), str(tmp_path / "absent.txt"),
                                 "-o", str(out)])
    assert result.exit_code == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["fact"] for r in rows} == {"date", "country", "troop", "leader", "error"}
    assert [r["error"] for r in rows if r["fact"] == "error"] == ["no such file"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get_json(url: str, process: subprocess.Popen) -> object:
    """GET `url`, retrying while Datasette starts (it answers once its port is bound)."""
    for _ in range(600):
        if process.poll() is not None:
            raise AssertionError(f"datasette exited: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except OSError:
            threading.Event().wait(0.1)
    raise AssertionError(f"datasette did not answer {url}")


def test_datasette_serves_the_troops_table_with_the_archive_metadata(tmp_path, corpus):
    pytest.importorskip("datasette", reason="needs the datasette extra")
    _db(tmp_path, str(corpus))
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", str(tmp_path / "archive.db"), "--host", "127.0.0.1",
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}/archive"
        troops = _get_json(f"{base}/troops.json?_shape=array&_sort=count", process)
        assert [(t["count"], t["country"]) for t in troops] == [
            (2, "NER"), (200, "TCD"), (650, "BFA"), (1000, "USA")]
        table = _get_json(f"{base}/troops.json?_extra=facet_results", process)
        assert {"country", "kind"} <= set(table["facet_results"])
        metadata = _get_json(f"http://127.0.0.1:{port}/-/metadata.json", process)
        assert metadata["databases"]["archive"]["tables"]["troops"]["title"] == "Troop counts"
    finally:
        process.terminate()
        process.wait()
