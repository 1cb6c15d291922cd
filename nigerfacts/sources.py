"""Reading inputs: files, directories, stdin, JSON Lines corpora and HTML pages.

Decoding: UTF-8 (a BOM is dropped), UTF-16 with a BOM; any other bytes are read as
Windows-1252 with a warning. Offsets in the output index the decoded text (BOM
excluded, line endings as in the file); for HTML, the article text extracted from it.
Every failure is one line for the user, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .language import looks_french

MAX_BYTES = 50_000_000
INPUT_FORMATS = ("auto", "text", "jsonl", "html")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


class InputError(Exception):
    """An input that cannot be processed; the message is one line for the user."""


@dataclass(frozen=True)
class Source:
    """One article to process: its name, and its text or the reason it failed."""

    name: str
    text: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    reference_date: str | None = None


@dataclass(frozen=True)
class JsonFields:
    """Field names of a JSON Lines corpus record."""

    id: str = "id"
    text: str = "text"
    date: str = "date"


def decode(raw: bytes) -> tuple[str, str | None]:
    """Decoded text and an optional warning."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            raise InputError("invalid UTF-16 text") from None
    if b"\x00" in raw[:8192]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        text, warning = raw.decode("utf-8"), None
    except UnicodeDecodeError:
        text, warning = raw.decode("cp1252", errors="replace"), "not UTF-8: read as Windows-1252"
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    if sample and controls / len(sample) > 0.05:
        raise InputError("binary file (control characters), not text")
    return text, warning


def read_bytes(name: str) -> bytes:
    """The bytes of a path, or of stdin for `-`."""
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if not path.exists():
        raise InputError("no such file")
    if path.is_dir():
        raise InputError("is a directory")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"file too large (over {MAX_BYTES // 1_000_000} MB)")
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot be read") from None


def html_text(html: str) -> str:
    """The article text of an HTML page (trafilatura: boilerplate removed, no network)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        raise InputError("no article text found in the HTML")
    return text


def _checked(name: str, text: str, warnings: list[str], reference: str | None = None) -> Source:
    if not text.strip():
        return Source(name, error="empty (no text)")
    if not looks_french(text):
        warnings.append("the text does not look French; facts may be missed")
    return Source(name, text=text, warnings=tuple(warnings), reference_date=reference)


def read_source(name: str, input_format: str = "auto") -> Source:
    """Read and decode one text or HTML input; failures become a `Source` with an error."""
    try:
        text, warning = decode(read_bytes(name))
        if input_format == "html" or (input_format == "auto" and name.lower().endswith(
                _HTML_SUFFIXES)):
            text = html_text(text)
    except InputError as exc:
        return Source(name, error=str(exc))
    return _checked(name, text, [warning] if warning else [])


def read_jsonl(name: str, fields: JsonFields) -> Iterator[Source]:
    """One source per line of a JSON Lines corpus; a bad line is an error for that line."""
    try:
        if name == "-":
            lines: Iterable[str] = sys.stdin
        else:
            path = Path(name)
            if not path.is_file():
                raise InputError("is a directory" if path.is_dir() else "no such file")
            lines = path.open(encoding="utf-8", errors="replace")
    except (InputError, OSError) as exc:
        yield Source(name, error=str(exc) if isinstance(exc, InputError) else exc.strerror)
        return
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
            text = record[fields.text]
            if not isinstance(text, str):
                raise TypeError
        except json.JSONDecodeError:
            yield Source(where, error="not a JSON object")
            continue
        except (KeyError, TypeError):
            yield Source(where, error=f"no string field '{fields.text}'")
            continue
        doc_id = record.get(fields.id)
        date = record.get(fields.date)
        yield _checked(str(doc_id) if doc_id is not None else where, text, [],
                       date if isinstance(date, str) and date else None)


def expand(paths: Iterable[str], glob: str = "*.txt") -> Iterator[str]:
    """Paths as given, directories replaced by their matching files (recursively, sorted)."""
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            yield from (str(p) for p in sorted(path.rglob(glob)) if p.is_file())
        else:
            yield name


def iter_sources(paths: Iterable[str], input_format: str = "auto", glob: str = "*.txt",
                 fields: JsonFields = JsonFields()) -> Iterator[Source]:
    """Every article of every input, read one at a time so a large batch is streamed."""
    for name in expand(paths, glob):
        if input_format == "jsonl" or (input_format == "auto" and name.endswith(".jsonl")):
            yield from read_jsonl(name, fields)
        else:
            yield read_source(name, input_format)
