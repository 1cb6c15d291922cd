"""Writing --output: complete or not at all, whatever signal arrives and whenever.

The run writes into a temporary file beside the output, renamed over it at the end;
Ctrl-C and SIGTERM remove it themselves.
"""

from __future__ import annotations

import errno
import os
import secrets
import signal
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO

import typer

from .options import _error


class _OutputError(Exception):
    """--output cannot be written: one line for the user, exit 2."""


class _Terminated(BaseException):
    """SIGTERM while writing --output: unwound like Ctrl-C (no `except Exception` stops it)."""


@contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """stdout, or a temporary file beside OUTPUT renamed over it only when complete.

    The temporary file's name is chosen before the file exists, and Ctrl-C and SIGTERM
    handlers remove it by that name themselves: a signal at any moment, even while the
    file is being created or the run unwinds, leaves nothing behind. The output gets the
    mode an ordinary `>` would give: an existing file's, or the umask's for a new one.
    """
    if output is None:
        with _removed_on_signal(None):
            yield sys.stdout
        return
    target, mode = _target(output)
    partial = target.parent / f".{target.name}.{secrets.token_hex(6)}.part"
    with _removed_on_signal(partial):
        try:
            try:
                fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC,
                             0o666)
                if mode is not None:
                    os.fchmod(fd, mode)
            except OSError as exc:
                raise _OutputError(f"{output}: cannot write: {_reason(exc)}") from None
            try:
                with open(fd, "w", encoding="utf-8") as handle:
                    yield handle
                os.replace(partial, target)
            except OSError as exc:
                if exc.errno not in _WRITE_ERRORS:
                    raise
                raise _OutputError(f"{output}: cannot write: {_reason(exc)}") from None
        finally:
            with suppress(FileNotFoundError):
                os.unlink(partial)


# What writing the output can fail with: a full disk or quota, a file size limit, a
# read-only or failing filesystem, a rename across filesystems.
_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO, errno.EXDEV,
                 errno.EACCES, errno.EPERM}


def _target(output: Path) -> tuple[Path, int | None]:
    """The file --output writes (a symbolic link's target) and its mode to keep, if it exists.

    Checked before any work: what is not a regular file or a new path in an existing
    directory (a directory, a device, a FIFO, `-o ''`) is a usage error.
    """
    if str(output) in ("", "."):
        raise _usage(f"--output: '{output}' is not a file name")
    try:
        info = output.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _usage(f"{output}: {_reason(exc)}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _usage(f"{output}: is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise _usage(f"{output}: not a regular file")
    target = output.resolve()
    if not target.parent.is_dir():
        raise _usage(f"{output}: no such directory")
    return target, None if info is None else stat.S_IMODE(info.st_mode)


def _usage(message: str) -> typer.Exit:
    _error(message)
    return typer.Exit(2)


def _reason(exc: OSError) -> str:
    reason = exc.strerror or type(exc).__name__
    return reason[0].lower() + reason[1:]


@contextmanager
def _removed_on_signal(path: Path | None) -> Iterator[None]:
    """While inside, Ctrl-C and SIGTERM remove `path` (if any) before unwinding the run,
    which ends the worker processes too.

    Only the main thread may set handlers (the CLI may be run from another one); a process
    forked inside (a worker) gets the default behaviour back at once.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = os.getpid()

    def handler(signum: int, frame: object) -> None:
        if os.getpid() != owner:  # a forked worker before its own set-up
            signal.signal(signum, signal.SIG_DFL if signum == signal.SIGTERM else signal.SIG_IGN)
            if signum == signal.SIGTERM:
                os.kill(os.getpid(), signum)
            return
        if path is not None:
            with suppress(OSError):
                os.unlink(path)
        raise KeyboardInterrupt if signum == signal.SIGINT else _Terminated

    # Ctrl-C only where it would interrupt anyway (not where the shell had it ignored).
    caught = [signal.SIGTERM] + ([signal.SIGINT] if signal.getsignal(signal.SIGINT)
                                 is signal.default_int_handler else [])
    previous = {signum: signal.signal(signum, handler) for signum in caught}
    try:
        yield
    finally:
        for signum, action in previous.items():
            signal.signal(signum, action)
