"""Reading inputs: paths, directories and stdin, decoded to text, with one-line errors.

Decoding: UTF-8 (a BOM is dropped), UTF-16 with a BOM; any other bytes are read
as Windows-1252 with a warning. Offsets in the output index the decoded text,
BOM excluded, with line endings as they are in the file.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50_000_000


class InputError(Exception):
    """An input that cannot be processed; the message is one line for the user."""


@dataclass(frozen=True)
class Source:
    """One article to process: its name as given, and its text or the reason it failed."""

    name: str
    text: str | None = None
    error: str | None = None
    warning: str | None = None


def decode(raw: bytes) -> tuple[str, str | None]:
    """Decoded text and an optional warning."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), None
    if b"\x00" in raw[:8192]:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "not UTF-8: read as Windows-1252"


def read_bytes(name: str) -> bytes:
    """The bytes of a path, or of stdin for `-`."""
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if not path.exists():
        raise InputError("no such file")
    if path.is_dir():
        raise InputError("is a directory (give the files, or a glob)")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"file too large (over {MAX_BYTES // 1_000_000} MB)")
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot be read") from None


def read_source(name: str) -> Source:
    """Read and decode one input; failures become a `Source` with an error."""
    try:
        text, warning = decode(read_bytes(name))
    except InputError as exc:
        return Source(name, error=str(exc))
    if not text.strip():
        return Source(name, error="empty file (no text)")
    return Source(name, text=text, warning=warning)


def read_sources(names: Iterable[str]) -> Iterator[Source]:
    """Read inputs one at a time, so that a large batch is streamed."""
    for name in names:
        yield read_source(name)
