"""The archive: facts of many articles in one SQLite file, kept up to date incrementally.

Written through sqlite-utils. Tables: `articles` (one row per source: its text, searchable with
FTS5, the sha256 of the text, the nigerfacts version that read it, when, and the error if it
failed), `dates`, `countries`, `troops`, `leaders` (one row per fact, keyed to its article) and
`mentions` (every place in the text a fact is stated). Columns of the fact tables follow the
output models (`rows.py`), so a new field of a fact becomes a new column.

Safety: the database is in WAL mode, each batch of articles is one `BEGIN IMMEDIATE`
transaction (an interrupted run keeps every batch that completed, and nothing of the one under
way), and a second writer waits for the lock (busy timeout) instead of failing.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from . import __version__
from .models import ErrorRecord, Facts
from .rows import KINDS, facts_by_kind

FACT_TABLES = {kind: attribute for kind, (attribute, _) in KINDS.items()}
# Columns people filter by, indexed in the fact table that has them.
INDEXED = ("value", "code", "country", "kind", "location", "as_of", "mission", "entity_id", "name")
# A fact's own `id` (a leader's key in the knowledge base) is stored under this name: `id` is
# the row's key in every table.
_RENAMED = {"id": "entity_id", "article_id": "entity_article_id"}
BUSY_TIMEOUT_S = 60.0
DEFAULT_BATCH = 64


def sha256(text: str) -> str:
    """The key of a text's content: a change in one character re-extracts the article."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Summary:
    """What one run did to the archive."""

    extracted: int = 0
    skipped: int = 0
    failed: int = 0


class Archive:
    """One archive file: which articles are up to date, and writing a batch of results."""

    def __init__(self, path: str | Path, *, timeout: float = BUSY_TIMEOUT_S) -> None:
        # Autocommit mode: transactions are opened explicitly, BEGIN IMMEDIATE, so that two
        # writers queue on the lock rather than fail on a read lock that cannot be upgraded.
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
        self.db = Database(conn)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.summary = Summary()
        with self._transaction():
            self._create()

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db.conn)

    def _create(self) -> None:
        articles = self.db["articles"]
        if not articles.exists():
            articles.create({"id": int, "source": str, "reference_date": str, "sha256": str,
                             "extracted_at": str, "version": str, "error": str, "text": str},
                            pk="id", not_null={"source"})
            articles.create_index(["source"], unique=True)
            articles.enable_fts(["text"], fts_version="FTS5", create_triggers=True)
        for table in FACT_TABLES.values():
            if not self.db[table].exists():
                self.db[table].create({"id": int, "article_id": int}, pk="id",
                                      foreign_keys=[("article_id", "articles", "id")])
                self.db[table].create_index(["article_id"])
        if not self.db["mentions"].exists():
            self.db["mentions"].create(
                {"id": int, "article_id": int, "fact": str, "fact_id": int, "text": str,
                 "start": int, "end": int}, pk="id",
                foreign_keys=[("article_id", "articles", "id")])
            self.db["mentions"].create_index(["article_id"])
            self.db["mentions"].create_index(["fact", "fact_id"])
        self._columns = {table: set(self.db[table].columns_dict) for table in FACT_TABLES.values()}

    def is_current(self, source: str, text: str, *, refresh: bool = False) -> bool:
        """Whether `source` was read from this very text by this version, without error."""
        if refresh:
            return False
        row = self.db.execute(
            "select sha256, version, error from articles where source = ?", [source]).fetchone()
        return row is not None and row == (sha256(text), __version__, None)

    def fresh(self, sources: Iterable[Any], *, refresh: bool = False) -> Iterator[Any]:
        """The sources (objects with `name` and `text`) that need extracting; counts the rest."""
        for source in sources:
            if source.text is not None and self.is_current(source.name, source.text,
                                                           refresh=refresh):
                self.summary.skipped += 1
                continue
            yield source

    def write(self, batch: list[Facts | ErrorRecord], texts: Mapping[str, str]) -> None:
        """Replace the facts of each article of `batch`, all in one transaction."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._transaction():
            for record in batch:
                self._replace(record, texts.get(str(record.source)), now)
        for record in batch:
            if isinstance(record, ErrorRecord):
                self.summary.failed += 1
            else:
                self.summary.extracted += 1

    def _replace(self, record: Facts | ErrorRecord, text: str | None, now: str) -> None:
        if record.source is None:
            raise ValueError("a record needs its source to be archived: extract(..., source=)")
        source = record.source
        failed = isinstance(record, ErrorRecord)
        article = {"source": source, "extracted_at": now, "version": __version__,
                   "reference_date": None if failed else record.reference_date,
                   "error": record.error if failed else None,
                   "sha256": sha256(text) if text is not None else None, "text": text}
        found = self.db.execute("select id from articles where source = ?", [source]).fetchone()
        if found is None:
            article_id = self.db["articles"].insert(article).last_pk
        else:
            article_id = found[0]
            for table in (*FACT_TABLES.values(), "mentions"):
                self.db.execute(f"delete from [{table}] where article_id = ?", [article_id])
            self.db["articles"].update(article_id, article)
        if failed:
            return
        for kind, flat_fields, mentions in facts_by_kind(record):
            fields = {_RENAMED.get(key, key): value for key, value in flat_fields.items()}
            name = FACT_TABLES[kind]
            table = self.db[name]
            fact_id = table.insert({**fields, "article_id": article_id}, alter=True).last_pk
            if not self._columns[name].issuperset(fields):
                self._index_new_columns(name, set(fields) - self._columns[name])
            self.db["mentions"].insert_all(
                [{**mention, "article_id": article_id, "fact": kind, "fact_id": fact_id}
                 for mention in mentions])

    def _index_new_columns(self, name: str, new: set[str]) -> None:
        """Index a new column people filter by (the table grows with the models)."""
        for column in INDEXED:
            if column in new:
                self.db[name].create_index([column], if_not_exists=True)
        self._columns[name] |= new

    def write_all(self, records: Iterable[Facts | ErrorRecord],
                  texts: MutableMapping[str, str], batch_size: int = DEFAULT_BATCH) -> Summary:
        """Write records in batches of `batch_size`, one transaction each; written texts are
        removed from `texts`, so a caller that fills it as it reads keeps memory flat."""
        batch: list[Facts | ErrorRecord] = []
        for record in records:
            batch.append(record)
            if len(batch) >= batch_size:
                self._flush(batch, texts)
        self._flush(batch, texts)
        return self.summary

    def _flush(self, batch: list[Facts | ErrorRecord], texts: MutableMapping[str, str]) -> None:
        if batch:
            self.write(batch, texts)
            for record in batch:
                texts.pop(str(record.source), None)
            batch.clear()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (Ctrl-C and SIGTERM included)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")


def to_db(records: Iterable[Facts | ErrorRecord], path: str | Path, *,
          texts: MutableMapping[str, str] | None = None,
          batch_size: int = DEFAULT_BATCH) -> Summary:
    """Write extraction results into the archive at `path`, one transaction per batch.

    Each record replaces what the archive held for its `source`; `texts` maps a source to its
    text, stored for full-text search and change detection.

        >>> facts = nigerfacts.extract(text, source="a.txt")
        >>> nigerfacts.to_db([facts], "archive.db", texts={"a.txt": text})
        Summary(extracted=1, skipped=0, failed=0)
    """
    with Archive(path) as archive:
        return archive.write_all(records, texts if texts is not None else {}, batch_size)
