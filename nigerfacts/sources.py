"""Reading inputs: files, directories, stdin, JSON Lines corpora and HTML pages.

Decoding: UTF-8 (a BOM is dropped), UTF-16 with a BOM; any other bytes are read as
Windows-1252 with a warning; UTF-16 without a BOM is recognized by its NUL bytes.
Offsets in the output index the decoded text (BOM excluded, line endings as in the
file); for HTML, the article text extracted from it. Every failure is one line for the
user, never a traceback; characters no encoder can write (lone surrogates, from JSON
escapes or undecodable file names) become U+FFFD, one for one, so offsets hold.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import traceback
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .dateline import bad_dateline, is_iso_date
from .language import looks_french

MAX_BYTES = 50_000_000
INPUT_FORMATS = ("auto", "text", "jsonl", "html")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_C0_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # below 32, but tab and line breaks
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xef\xbb\xbf", "utf-8"), (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))


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
    traceback: str | None = None  # of an unexpected error (the CLI's --debug shows it)

    @classmethod
    def failed(cls, name: str, exc: Exception) -> Source:
        """An input whose reading raised what it should not have: an internal error."""
        return cls(display_name(name), error=f"internal error: {type(exc).__name__}: {exc}",
                   traceback="".join(traceback.format_exception(exc)))


@dataclass(frozen=True)
class JsonFields:
    """Field names of a JSON Lines corpus record."""

    id: str = "id"
    text: str = "text"
    date: str = "date"


def decode(raw: bytes) -> tuple[str, str | None]:
    """Decoded text and an optional warning."""
    warning = None
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                if encoding != "utf-8":
                    raise InputError(f"invalid {encoding[:6].upper()} text") from None
                text = raw[len(bom):].decode(encoding, errors="replace")
                warning = "invalid UTF-8 bytes replaced by U+FFFD"
            return _text_only(text), warning
    head = raw[:8192]
    if b"\x00" in head:
        text = _bomless_utf16(raw)
        if text is None:
            raise InputError("binary file (contains NUL bytes), not text")
        return _text_only(text), "UTF-16 without a byte order mark"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text, warning = raw.decode("cp1252", errors="replace"), "not UTF-8: read as Windows-1252"
    return _text_only(text), warning


def _bomless_utf16(raw: bytes) -> str | None:
    """UTF-16 text without a BOM: NUL bytes at every other place, as Latin script gives."""
    head = raw[:8192]
    if len(raw) % 2 or len(head) < 2:
        return None
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _text_only(text: str) -> str:
    """The text, unless it is binary data: NUL anywhere, or many other control characters."""
    sample = text[:8192]
    if "\x00" in text:
        raise InputError("binary file (contains NUL bytes), not text")
    controls = len(_C0_CONTROLS.findall(sample))
    if sample and controls / len(sample) > 0.05:
        raise InputError("binary file (control characters), not text")
    return text


def clean(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (same length)."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def display_name(name: str) -> str:
    """A path or id as it can be printed: undecodable file-name bytes become U+FFFD."""
    if not _SURROGATES.search(name):
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return clean(name)


def read_bytes(name: str) -> bytes:
    """The bytes of a path, or of stdin for `-`, at most `MAX_BYTES`."""
    if name == "-":
        return _bounded(sys.stdin.buffer)
    path = Path(name)
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise InputError("broken symbolic link" if _is_link(path) else "no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except (OSError, ValueError) as exc:
        raise InputError(_reason(exc)) from None
    _check_regular(info)
    if info.st_size > MAX_BYTES:
        raise InputError(_TOO_LARGE)
    try:
        with path.open("rb") as handle:
            return _bounded(handle)
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(_reason(exc)) from None


_TOO_LARGE = f"file too large (over {MAX_BYTES // 1_000_000} MB)"


def _check_regular(info: os.stat_result) -> None:
    """Refuse, without opening it, what is not a regular file: a FIFO or a device could
    block the batch (a writer that never comes) or never end."""
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory")
    if stat.S_ISFIFO(info.st_mode):
        raise InputError("a FIFO (named pipe), not a regular file: use '-' and a redirection")
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file")


def _bounded(handle: BinaryIO) -> bytes:
    raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise InputError(_TOO_LARGE)
    return raw


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return "cannot be read"


def html_text(html: str) -> str:
    """The article text of an HTML page (trafilatura: boilerplate removed, no network)."""
    try:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=False)
    except ImportError as exc:  # an install without the HTML reader's dependencies
        raise InputError(f"cannot read HTML: {_missing(exc)}") from None
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise InputError(f"the HTML could not be parsed ({type(exc).__name__})") from None
    if not text:
        raise InputError("no article text found in the HTML")
    return text


def _missing(exc: ImportError) -> str:
    """What is missing, in the words a user can act on."""
    if "lxml_html_clean" in str(exc) or (exc.name or "").startswith("lxml.html.clean"):
        return "module lxml_html_clean is not installed (pip install lxml_html_clean)"
    if exc.name:
        return f"module {exc.name} is not installed (pip install {exc.name.split('.')[0]})"
    return str(exc).splitlines()[0]


def _checked(name: str, text: str, warnings: list[str], reference: str | None = None) -> Source:
    name = display_name(name)
    if not text.strip() or all(c.isspace() or unicodedata.category(c) == "Cf" for c in text):
        return Source(name, error="empty (no text)")
    if _SURROGATES.search(text):
        text = clean(text)
        warnings.append("invalid characters (lone surrogates) replaced by U+FFFD")
    if controls := len(_CONTROLS.findall(text)):
        warnings.append(f"{controls} control characters (not text) in the text")
    if (date := bad_dateline(text)) is not None:
        warnings.append(f"dateline '{date}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD): ignored")
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
        return Source(display_name(name), error=str(exc))
    return _checked(name, text, [warning] if warning else [])


def read_jsonl(name: str, fields: JsonFields) -> Iterator[Source]:
    """One source per line of a JSON Lines corpus; a bad line is an error for that line."""
    shown = display_name(name)
    try:
        if name == "-":
            lines: Iterable[bytes] = sys.stdin.buffer
        else:
            try:
                _check_regular(Path(name).stat())
            except FileNotFoundError:
                raise InputError("no such file") from None
            lines = Path(name).open("rb")  # noqa: SIM115  (closed below, when read)
    except InputError as exc:
        yield Source(shown, error=str(exc))
        return
    except (OSError, ValueError) as exc:
        yield Source(shown, error="permission denied" if isinstance(exc, PermissionError)
                     else _reason(exc))
        return
    with nullcontext() if name == "-" else lines:  # type: ignore[attr-defined]
        yield from _jsonl_lines(shown, lines, fields)


def _jsonl_lines(shown: str, lines: Iterable[bytes], fields: JsonFields) -> Iterator[Source]:
    """The records of a JSON Lines corpus; invalid UTF-8 is replaced, with a warning."""
    for number, raw in enumerate(lines, 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        where = f"{shown}:{number}"
        try:
            line, warnings = raw.decode("utf-8"), []
        except UnicodeDecodeError:
            line, warnings = raw.decode("utf-8", "replace"), [
                "invalid UTF-8 bytes replaced by U+FFFD"]
        try:
            yield _jsonl_record(where, line, fields, warnings)
        except Exception as exc:  # a bug of ours or a library's: this line only
            yield Source.failed(where, exc)


def _jsonl_record(where: str, line: str, fields: JsonFields, warnings: list[str]) -> Source:
    """The source of one JSON Lines record."""
    try:
        record = json.loads(line)
        text = record[fields.text]
        if not isinstance(text, str):
            raise TypeError
    except (json.JSONDecodeError, RecursionError):
        return Source(where, error="not a JSON object")
    except (KeyError, TypeError, IndexError):
        return Source(where, error=f"no string field '{fields.text}'")
    doc_id = record.get(fields.id)
    date = record.get(fields.date)
    if date is not None and date != "" and not (isinstance(date, str) and is_iso_date(date)):
        warnings.append(f"field '{fields.date}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD):"
                        " ignored")
        date = None
    return _checked(str(doc_id) if doc_id is not None else where, text, warnings,
                    date if isinstance(date, str) and date else None)


def expand(paths: Iterable[str], glob: str = "*.txt") -> Iterator[str]:
    """Paths as given, directories replaced by their matching files (recursively, sorted).

    A directory with no matching file is kept as it is: reading it reports why.
    """
    for name in paths:
        path = Path(name)
        if name != "-" and _is_dir(path):
            try:
                found = sorted(p for p in path.rglob(glob) if p.is_file())
            except (OSError, ValueError, NotImplementedError):  # an absolute pattern
                found = []
            yield from (str(p) for p in found) if found else (name,)
        else:
            yield name


def _empty_directory(name: str, glob: str) -> str:
    """Why a directory gave no file: it cannot be listed, or nothing in it matches."""
    try:
        with os.scandir(name):
            pass
    except PermissionError:
        return "permission denied (directory)"
    except OSError as exc:
        return _reason(exc)
    return f"directory without '{glob}' files"


def _is_link(path: Path) -> bool:
    try:
        return path.is_symlink()
    except (OSError, ValueError):
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def check(name: str, input_format: str = "auto", glob: str = "*.txt") -> str | None:
    """Why input `name` cannot be processed, as far as a cheap look tells (its metadata and
    first bytes): missing, unreadable, a directory, too large, empty, binary. None when it
    looks good: reading it whole may still find a reason. Stdin is not looked at."""
    if name == "-":
        return None
    path = Path(name)
    if _is_dir(path):
        return _empty_directory(name, glob)
    auto = input_format == "auto"
    whole = (input_format in ("jsonl", "html") or (auto and name.endswith(".jsonl"))
             or (auto and name.lower().endswith(_HTML_SUFFIXES)))  # judged when parsed
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None  # devices and FIFOs: reading them says what they are
        if whole or info.st_size > MAX_BYTES:
            return None if info.st_size <= MAX_BYTES else _TOO_LARGE
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except (FileNotFoundError, NotADirectoryError):
        return "broken symbolic link" if _is_link(path) else "no such file"
    except PermissionError:
        return "permission denied"
    except (OSError, ValueError) as exc:
        return _reason(exc)
    if not head.strip() and info.st_size <= _HEAD:
        return "empty (no text)"
    try:
        decode(head)
    except InputError as exc:
        return str(exc)
    return None


_HEAD = 8192


def iter_sources(paths: Iterable[str], input_format: str = "auto", glob: str = "*.txt",
                 fields: JsonFields = JsonFields()) -> Iterator[Source]:
    """Every article of every input, read one at a time so a large batch is streamed."""
    for name in expand(paths, glob):
        if name != "-" and _is_dir(Path(name)):
            yield Source(display_name(name), error=_empty_directory(name, glob))
        elif input_format == "jsonl" or (input_format == "auto" and name.endswith(".jsonl")):
            yield from read_jsonl(name, fields)
        else:
            try:
                yield read_source(name, input_format)
            except Exception as exc:  # a bug of ours or a library's: this input only
                yield Source.failed(name, exc)
