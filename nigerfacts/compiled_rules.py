"""spaCy's French tokenizer rules, compiled by Python once and kept on disk.

The French tokenizer recognises words such as `porte-avions` or `entr'abat` with one
regular expression of 1.4 million characters, which Python compiles anew at every start:
3 s, half the time of a one-article run. Python keeps no compiled pattern from one
process to the next, so this module keeps the compiled form (the `_sre` code, 0.8 MB) in
the user's cache folder, keyed by the pattern and the exact Python build, and puts it in
`re`'s own cache before spaCy asks for it: spaCy's `re.compile` of the same text then
returns it at once. Anything unexpected (another Python, a cache folder that cannot be
written, a damaged file) and Python compiles the pattern as usual: the cache can make a
start faster, never different.

The cache folder is `$NIGERFACTS_CACHE`, else `$XDG_CACHE_HOME/nigerfacts`, else
`~/.cache/nigerfacts`.
"""

from __future__ import annotations

import _sre
import hashlib
import json
import os
import re
import sys
import tempfile
from array import array
from contextlib import suppress
from pathlib import Path
from typing import Any

try:  # Python 3.11 and later
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# Patterns shorter than this compile in milliseconds: not worth a file.
LARGE = 100_000
_SUFFIX = ".sre"


def cache_dir() -> Path:
    """Where compiled patterns are kept."""
    if os.environ.get("NIGERFACTS_CACHE"):
        return Path(os.environ["NIGERFACTS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "nigerfacts"


def warm(model: str) -> None:
    """Put the compiled large patterns of `model`'s tokenizer in `re`'s cache (call before
    spaCy loads `model`). Never raises: on any failure spaCy compiles them itself."""
    with suppress(Exception):
        for pattern in _large_patterns(model):
            _remember(pattern)


def _large_patterns(model: str) -> list[str]:
    """The tokenizer's patterns of `LARGE` characters or more, read from the model's files."""
    import srsly
    from spacy import util

    root = Path(util.get_package_path(model)) if util.is_package(model) else Path(model)
    files = [root / "tokenizer", *root.glob("*/tokenizer")]
    tokenizer = next((f for f in files if f.is_file()), None)
    if tokenizer is None:
        return []
    data = srsly.msgpack_loads(tokenizer.read_bytes())
    return [v for v in data.values() if isinstance(v, str) and len(v) >= LARGE]


def _remember(pattern: str) -> None:
    key = (str, pattern, 0)
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    if key in cache:
        return
    path = cache_dir() / (_name(pattern) + _SUFFIX)
    parts = _read(path)
    if parts is None:
        parts = _compile(pattern)
        _write(path, parts)
    flags, code, groups, groupindex = parts
    indexgroup = [None] * groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    cache[key] = _sre.compile(pattern, flags, code, groups - 1, groupindex, tuple(indexgroup))


def _name(pattern: str) -> str:
    """The file name: the pattern and everything its compiled form depends on."""
    key = f"{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{pattern}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _compile(pattern: str) -> tuple[int, list[int], int, dict[str, int]]:
    """What `re` compiles: the steps of `re._compiler.compile`, kept apart to be stored."""
    parsed = _parser.parse(pattern, 0)
    code = _compiler._code(parsed, 0)
    return parsed.state.flags, code, parsed.state.groups, dict(parsed.state.groupdict)


def _read(path: Path) -> tuple[int, list[int], int, dict[str, int]] | None:
    """A stored compiled pattern, or None if absent or not intact."""
    try:
        header, body = path.read_bytes().split(b"\n", 1)
        meta = json.loads(header)
        if meta["sha256"] != hashlib.sha256(body).hexdigest():
            return None
        code = array("I")
        code.frombytes(body)
        return meta["flags"], code.tolist(), meta["groups"], meta["groupindex"]
    except (OSError, ValueError, KeyError):
        return None


def _write(path: Path, parts: tuple[int, list[int], int, dict[str, int]]) -> None:
    """Store a compiled pattern, whole or not at all (a temporary file renamed)."""
    flags, code, groups, groupindex = parts
    if array("I").itemsize != _sre.CODESIZE:
        return
    body = array("I", code).tobytes()
    header = json.dumps({"flags": flags, "groups": groups, "groupindex": groupindex,
                         "sha256": hashlib.sha256(body).hexdigest()}).encode()
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(header + b"\n" + body)
            os.replace(temporary, path)
        except OSError:
            with suppress(OSError):
                os.unlink(temporary)
