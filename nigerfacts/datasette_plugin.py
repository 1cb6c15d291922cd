"""Datasette plugin: titles, descriptions and facets for nigerfacts archives.

Installed with the `datasette` extra (entry point group `datasette`), so that
`datasette archive.db` shows the archive described; databases that are not nigerfacts
archives are left alone. Facets on columns an archive does not have yet are left out.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from importlib.resources import files
from typing import Any

from datasette import hookimpl

_ARCHIVE_TABLES = {"articles", "dates", "countries", "troops", "leaders", "mentions"}


@cache
def _metadata() -> dict[str, Any]:
    return json.loads(files("nigerfacts").joinpath("data/datasette_metadata.json").read_text(
        encoding="utf-8"))


def _columns(path: str) -> dict[str, set[str]] | None:
    """The tables and columns of an archive at `path`, or None if it is not one."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            tables = {row[0] for row in conn.execute(
                "select name from sqlite_master where type = 'table'")}
            if not tables >= _ARCHIVE_TABLES:
                return None
            return {table: {row[1] for row in conn.execute(f"pragma table_info([{table}])")}
                    for table in _ARCHIVE_TABLES}
    except sqlite3.Error:
        return None


def archive_metadata(columns: dict[str, set[str]]) -> dict[str, Any]:
    """The metadata file's content, with facets only on columns the archive has."""
    metadata = json.loads(json.dumps(_metadata()))
    for table, config in metadata["tables"].items():
        config["facets"] = [name for name in config.get("facets", [])
                            if name in columns.get(table, set())]
    return metadata


@hookimpl
def get_metadata(datasette: Any, key: str, database: str | None, table: str | None
                 ) -> dict[str, Any]:
    databases = {}
    for name, db in datasette.databases.items():
        columns = _columns(db.path) if getattr(db, "path", None) else None
        if columns is not None:
            databases[name] = archive_metadata(columns)
    return {"databases": databases} if databases else {}
