"""The `nigerfacts` command line: a thin layer over `nigerfacts.extract_many`.

spaCy is imported only when a command needs the model, so `--help` and
`schema` start instantly.
"""

from __future__ import annotations

import atexit
import errno
import json
import os
import secrets
import signal
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from dataclasses import asdict, dataclass, field
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from typer.core import TyperGroup

from . import __version__
from .dateline import is_iso_date
from .models import ErrorRecord, Facts

if TYPE_CHECKING:
    from .sources import Source



class _Group(TyperGroup):
    """The commands, with a reader that stops early (`| head`) taken as the end, not an error."""

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # What is left in stdout's buffer must not fail again at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            ctx.exit(0)


app = typer.Typer(
    name="nigerfacts",
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=(
        "Extract dates, countries, troop counts and leaders from French news articles.\n\n"
        "Examples:\n\n"
        "  nigerfacts extract article.txt                 # tables on a terminal\n\n"
        "  nigerfacts extract article.txt | jq .troops    # JSON when piped\n\n"
        "  cat article.txt | nigerfacts extract - --date 2024-08\n\n"
        "  nigerfacts extract corpus/*.txt --format jsonl > facts.jsonl\n\n"
        "  nigerfacts schema > facts.schema.json\n\n"
        "  nigerfacts help extract                        # the options of a command"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    csv = "csv"
    tsv = "tsv"


class ScoreFormat(str, Enum):
    table = "table"
    json = "json"


class TimelineFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


# --output's extension gives the format when --format is not given.
_BY_EXTENSION = {".json": OutputFormat.json, ".jsonl": OutputFormat.jsonl,
                 ".ndjson": OutputFormat.jsonl, ".html": OutputFormat.html,
                 ".htm": OutputFormat.html, ".txt": OutputFormat.table,
                 ".csv": OutputFormat.csv, ".tsv": OutputFormat.tsv}


def output_format_for(given: OutputFormat | None, output: Path | None) -> OutputFormat:
    """--format if given, else --output's extension (JSON if unknown), else table on a
    terminal and JSON when piped."""
    if given is not None:
        return given
    if output is not None:
        return _BY_EXTENSION.get(output.suffix.lower(), OutputFormat.json)
    return OutputFormat.table if sys.stdout.isatty() else OutputFormat.json


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"
    powershell = "powershell"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"nigerfacts {__version__}")
        raise typer.Exit


def _show_completion(ctx: typer.Context, value: Shell | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer.completion import completion_init, get_completion_script

    completion_init()
    typer.echo(get_completion_script(prog_name="nigerfacts",
                                     complete_var="_NIGERFACTS_COMPLETE", shell=value.value))
    raise typer.Exit


def _install_completion(ctx: typer.Context, value: Shell | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer.completion import completion_init, install

    completion_init()
    shell, path = install(shell=value.value, prog_name="nigerfacts",
                          complete_var="_NIGERFACTS_COMPLETE")
    typer.echo(f"{shell} completion installed in {path}; it works in new shells")
    raise typer.Exit


@app.callback()
def _main(
    version: Annotated[bool, typer.Option(
        "--version", "-V", callback=_show_version, is_eager=True,
        help="Print the version and exit.")] = False,
    show_completion: Annotated[Shell | None, typer.Option(
        "--show-completion", callback=_show_completion, is_eager=True, metavar="SHELL",
        help="Print the completion script for SHELL (bash, zsh, fish, powershell).",
        show_default=False)] = None,
    install_completion: Annotated[Shell | None, typer.Option(
        "--install-completion", callback=_install_completion, is_eager=True,
        metavar="SHELL", help="Install completion for SHELL.", show_default=False)] = None,
) -> None:
    """Extract dates, countries, troop counts and leaders from French news articles."""


def plural(count: int, noun: str) -> str:
    """'1 error', '2 errors'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _check_date(value: str | None) -> str | None:
    if value is not None and not is_iso_date(value):
        raise typer.BadParameter(f"'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _check_kinds(value: str | None) -> str | None:
    from .views import KINDS

    if value is not None:
        asked = [k.strip() for k in value.split(",") if k.strip()]
        unknown = [k for k in asked if k not in KINDS]
        if unknown or not asked:
            raise typer.BadParameter(f"'{value}': choose among {', '.join(KINDS)}, "
                                     "separated by commas")
    return value


def _kinds(only: str | None) -> tuple[str, ...]:
    from .views import KINDS

    asked = {k.strip() for k in (only or ",".join(KINDS)).split(",")}
    return tuple(k for k in KINDS if k in asked)


def _error(message: str) -> None:
    from . import terminal

    if terminal.current is not None:
        terminal.current.say(f"nigerfacts: {message}")
    else:
        typer.echo(f"nigerfacts: {message}", err=True)


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    jsonl = "jsonl"
    html = "html"


def _check_glob(value: str) -> str:
    if Path(value).is_absolute():
        raise typer.BadParameter(f"'{value}' is an absolute path: give a pattern of file names "
                                 "inside the directories, such as '*.txt' or '2024/*.txt'")
    return value


def _workers(value: str) -> int:
    if value in ("0", "auto"):
        return os.cpu_count() or 1
    if not value.isdigit():
        raise typer.BadParameter(f"'{value}' is not a number of workers (N, 0 or auto)")
    return int(value)


# The input options `extract` and `presence` share, declared once.
InputFormatOption = Annotated[InputFormat, typer.Option(
    "--input-format", help="text, html, jsonl (one {id, text, date} object per line), "
                           "or auto: by file extension.")]
GlobOption = Annotated[str, typer.Option(callback=_check_glob,
                                         help="Files to take from directories.")]
IdFieldOption = Annotated[str, typer.Option(help="JSON Lines field with the id.")]
TextFieldOption = Annotated[str, typer.Option(help="JSON Lines field with the text.")]
DateFieldOption = Annotated[str, typer.Option(help="JSON Lines field with the publication date.")]
WorkersOption = Annotated[str, typer.Option(
    "--workers", "-w", callback=_workers, help="Processes for spaCy (0 or auto: one per core).")]
BatchSizeOption = Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")]
SchedulerOption = Annotated[str | None, typer.Option(
    help="Run on Dask: tcp://HOST:PORT of a running scheduler, or 'local' for a local "
         "cluster of --workers processes (needs nigerfacts[dask]).", show_default=False)]


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Article files, directories (searched recursively) or '-' for standard input.",
        metavar="PATH", show_default=False)],
    output_format: Annotated[OutputFormat | None, typer.Option(
        "--format", "-f",
        help="table, json (one object, or an array for several inputs), jsonl "
             "(one object per line, written as each article is done), html (a "
             "self-contained report), csv or tsv (one row per fact). Default: from "
             "--output's extension (.json, .jsonl, .html, .txt, .csv, .tsv), else table on "
             "a terminal and json when piped.",
        show_default=False)] = None,
    date: Annotated[str | None, typer.Option(
        "--date", "-d", callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Publication date used to place dates without a year; overrides the "
             "article's dateline.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (complete or not at all: written to a "
                               "temporary file, renamed at the end).")] = None,
    input_format: InputFormatOption = InputFormat.auto,
    glob: GlobOption = "*.txt",
    id_field: IdFieldOption = "id",
    text_field: TextFieldOption = "text",
    date_field: DateFieldOption = "date",
    workers: WorkersOption = "1",
    batch_size: BatchSizeOption = 16,
    scheduler: SchedulerOption = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to load.")] = "fr_core_news_md",
    db: Annotated[Path | None, typer.Option(
        "--db", help="Write the facts into this SQLite archive (created if new) instead of "
                     "printing them; articles already there, unchanged, are skipped.",
        show_default=False)] = None,
    refresh: Annotated[bool, typer.Option(
        "--refresh", help="With --db: extract every article again, changed or not.")] = False,
    only: Annotated[str | None, typer.Option(
        "--only", callback=_check_kinds, metavar="KIND[,KIND]",
        help="The fact kinds to give, among dates, countries, troops, leaders "
             "(default: all).", show_default=False)] = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress bar, summary line or hints; errors and warnings "
                              "are still said.")] = False,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Tables: a Why column for troop counts, the cue that decided each "
                          "field and the words it read (always in the JSON's 'why').")] = False,
    debug: Annotated[bool, typer.Option(
        "--debug", envvar="NIGERFACTS_DEBUG",
        help="Show the traceback of an internal error (also NIGERFACTS_DEBUG=1).")] = False,
) -> None:
    """Extract the facts of one or more French articles.

    An article may start with a dateline, ' date 2024-08 ', giving its publication date.
    Exit status: 0 when every input was processed, 1 when some could not be, 2 on usage errors.

    Examples:

      nigerfacts extract samples/articles/mali-africa-corps-wagner-2024-02.txt

      nigerfacts extract a.txt b.txt --format jsonl | jq -c '.troops[]'

      nigerfacts extract archive/ --glob '*.txt' -f jsonl -o facts.jsonl --workers auto

      nigerfacts extract corpus.jsonl --input-format jsonl --text-field body -f jsonl

      nigerfacts extract article.txt --format html > report.html

      nigerfacts extract archive/ --db archive.db     # then: datasette archive.db

      nigerfacts extract archive/ -f csv -o facts.csv

      nigerfacts extract archive/ -f jsonl -o facts.jsonl --scheduler tcp://10.0.0.5:8786

      echo " date 2024-03 Le 6 juillet dernier, 200 soldats tchadiens..." | nigerfacts extract -
    """
    from .sources import JsonFields, check, display_name, expand, iter_sources
    from .terminal import Screen

    fmt = output_format_for(output_format, output)
    fields = JsonFields(id_field, text_field, date_field)
    files = list(expand(paths, glob))
    stats = _Stats()
    single = (len(paths) == 1 and files == paths and input_format is not InputFormat.jsonl
              and not paths[0].endswith(".jsonl"))
    kinds = _kinds(only)
    texts: dict[str, str] = {}
    # Every input looked at before the model loads: what is wrong is said at once.
    said: set[str] = set()
    for name in files:
        reason = check(name, input_format.value, glob)
        if reason is not None:
            said.add(display_name(name))
            _error(f"{display_name(name)}: {reason}")
    sources = iter_sources(files, input_format.value, glob, fields)
    if db is not None:
        if output_format is not None or output is not None:
            raise typer.BadParameter("--db writes to the database: leave out --format and "
                                     "--output", param_hint="--db")
        _to_archive(db, refresh, sources, date, model, workers, batch_size, said, debug)
        return
    if scheduler is not None:
        records = _on_dask(sources, scheduler, date, model, workers or 1, batch_size, stats, texts)
    else:
        records = _run(sources, date, model, workers, batch_size, stats,
                       texts if fmt in (OutputFormat.html, OutputFormat.table) else None,
                       said=said, debug=debug)
    try:
        with _destination(output) as out, Screen(
                out, total=len(files), bar=not single, tables_out=fmt is OutputFormat.table,
                quiet=quiet) as screen:
            tracked = _tracked(_only(records, kinds, stats), screen.advance)
            if fmt is OutputFormat.table:
                from .render import tables

                for record in tracked:
                    if isinstance(record, Facts):
                        screen.show(tables(record, texts.pop(str(record.source), None), kinds,
                                           explain=explain))
            elif fmt in (OutputFormat.csv, OutputFormat.tsv):
                from .rows import write_csv

                write_csv(tracked, out, delimiter="," if fmt is OutputFormat.csv else "\t")
            elif fmt is OutputFormat.html:
                from .report import html_report

                articles = [(texts.pop(str(r.source)), r) for r in tracked
                            if isinstance(r, Facts)]
                out.write(html_report(articles, kinds))
            else:
                from .render import write_json
                from .views import KINDS

                write_json(tracked, out, lines=fmt is OutputFormat.jsonl, many=not single,
                           exclude=set(KINDS) - set(kinds))
    except _ModelError as exc:
        _error(str(exc))
        raise typer.Exit(1) from None
    except _OutputError as exc:
        _error(str(exc))
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        _error("interrupted; no output file was written" if output else "interrupted")
        raise typer.Exit(130) from None
    except _Terminated:
        _error("terminated; no output file was written" if output else "terminated")
        raise typer.Exit(128 + signal.SIGTERM) from None
    if stats.yearless and not quiet:
        _yearless_warning(stats.yearless)
    if not single and not quiet:
        _error(f"{plural(stats.documents, 'document')}, {plural(stats.facts, 'fact')}, "
               f"{plural(stats.errors, 'error')}, {time.perf_counter() - stats.started:.1f} s")
    if stats.errors:
        raise typer.Exit(1)


def _yearless_warning(documents: int) -> None:
    """Said once a run: why some dates are --MM-DD, and what places them."""
    _error(f"warning: {plural(documents, 'document')} without a publication date: "
           "dates without a year stay --MM-DD; --date YYYY-MM-DD places them")


class _ModelError(Exception):
    pass


def _to_archive(path: Path, refresh: bool, sources: Iterable[Source], date: str | None,
                model: str, workers: int, batch_size: int, said: set[str], debug: bool
                ) -> None:
    """`extract --db`: new and changed articles into the archive, a transaction per batch."""
    import sqlite3

    from .archive import Archive

    stats = _Stats()
    texts: dict[str, str] = {}
    try:
        archive = Archive(path)
    except sqlite3.Error as exc:
        _error(f"{path}: cannot open the database ({exc})")
        raise typer.Exit(2) from None
    with archive:
        records = _run(archive.fresh(sources, refresh=refresh), date, model, workers,
                       batch_size, stats, texts, said=said, debug=debug)
        try:
            with _removed_on_signal(None):
                summary = archive.write_all(records, texts, batch_size)
        except _ModelError as exc:
            _error(str(exc))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            _error("interrupted; the archive holds every batch that completed")
            raise typer.Exit(130) from None
        except _Terminated:
            _error("terminated; the archive holds every batch that completed")
            raise typer.Exit(128 + signal.SIGTERM) from None
        except sqlite3.Error as exc:
            _error(f"{path}: {exc}")
            raise typer.Exit(1) from None
    _error(f"{summary.extracted + summary.skipped + summary.failed} articles: "
           f"{summary.extracted} extracted, {summary.skipped} skipped, {summary.failed} failed, "
           f"{stats.facts} facts, {time.perf_counter() - stats.started:.1f} s")
    if summary.failed:
        raise typer.Exit(1)


class _OutputError(Exception):
    """--output cannot be written: one line for the user, exit 2."""


class _Terminated(BaseException):
    """SIGTERM while writing --output: unwound like Ctrl-C (no `except Exception` stops it)."""


def _debugging() -> bool:
    return os.environ.get("NIGERFACTS_DEBUG", "").lower() in ("1", "true", "yes", "on")


def _failed(name: str, error: str, traceback: str | None, debug: bool) -> None:
    """The one stderr line of a failed input; an internal error's traceback with --debug."""
    if traceback is None:
        _error(f"{name}: {error}")
    elif debug:
        _error(f"{name}: {error}")
        typer.echo(traceback.rstrip("\n"), err=True)
    else:
        _error(f"{name}: {error}; run with --debug for the traceback")


@dataclass
class _Stats:
    documents: int = 0
    facts: int = 0
    errors: int = 0
    yearless: int = 0
    started: float = field(default_factory=time.perf_counter)


def _run(sources: Iterable[Source], date: str | None, model: str, workers: int,
         batch_size: int, stats: _Stats, texts: dict[str, str] | None = None,
         said: set[str] = frozenset(), *, debug: bool | None = None
         ) -> Iterator[Facts | ErrorRecord]:
    """Facts or error records, one per input, in input order; texts kept in `texts` if given.

    The model is loaded once a first input is known good, not at all if none is; failed
    inputs are said on stderr, unless they are in `said` already. An input that fails
    unexpectedly, in reading or in extraction, is an internal error: its error record and
    one stderr line (its traceback with `debug`), and the batch goes on.
    """
    from .pipeline import DocumentError, ModelNotFoundError, extract_many, load_pipeline

    debug = _debugging() if debug is None else debug

    pending: deque[ErrorRecord | str] = deque()
    dates: deque[str | None] = deque()

    def good_texts() -> Iterator[str]:
        for source in sources:
            stats.documents += 1
            if source.error is not None:
                stats.errors += 1
                if source.name not in said:
                    _failed(source.name, source.error, source.traceback, debug)
                pending.append(ErrorRecord(source=source.name, error=source.error))
                continue
            for warning in source.warnings:
                _error(f"{source.name}: warning: {warning}")
            pending.append(source.name)
            dates.append(date or source.reference_date)
            if texts is not None:
                texts[source.name] = source.text
            yield source.text

    def reference_dates() -> Iterator[str | None]:
        while dates:  # one per text: good_texts() puts it before extract_many asks
            yield dates.popleft()

    def flush_errors() -> Iterator[ErrorRecord]:
        while pending and isinstance(pending[0], ErrorRecord):
            yield pending.popleft()

    good = good_texts()
    first = next(good, None)
    if first is None:
        yield from flush_errors()
        return
    try:
        with _loading(model):
            load_pipeline(model)
        for facts in extract_many(chain([first], good), reference_dates(), model=model,
                                  batch_size=batch_size, n_process=workers, errors="return"):
            yield from flush_errors()
            name = pending.popleft()
            if isinstance(facts, DocumentError):
                stats.errors += 1
                error = f"internal error: {facts}"
                _failed(str(name), error, facts.traceback, debug)
                yield ErrorRecord(source=str(name), error=error)
                continue
            facts.source = name
            stats.facts += (len(facts.dates) + len(facts.countries) + len(facts.troops)
                            + len(facts.leaders))
            yield facts
    except ModelNotFoundError as exc:
        raise _ModelError(str(exc)) from None
    yield from flush_errors()


def _loading(model: str) -> AbstractContextManager[None]:
    """The screen's spinner while `model` loads, if there is a screen."""
    from . import terminal

    return terminal.current.loading(model) if terminal.current is not None else nullcontext()


def _on_dask(sources: Iterable[Source], scheduler: str, date: str | None, model: str,
             workers: int, batch_size: int, stats: _Stats, texts: dict[str, str]
             ) -> Iterator[Facts | ErrorRecord]:
    """The same records as `_run`, computed on a Dask cluster."""
    try:
        from .dask import connect, run
    except ImportError:
        _error("--scheduler needs Dask: pip install 'nigerfacts[dask]'")
        raise typer.Exit(2) from None
    items = []
    for source in sources:
        for warning in source.warnings:
            _error(f"{source.name}: warning: {warning}")
        if source.error:
            _error(f"{source.name}: {source.error}")
        if source.text is not None:
            texts[source.name] = source.text
        items.append({"id": source.name, "text": source.text, "date": source.reference_date,
                      "error": source.error})
    unreadable = {item["id"] for item in items if item["error"]}
    try:
        client = connect(scheduler, workers)
    except (OSError, ValueError) as exc:
        _error(f"cannot reach the Dask scheduler {scheduler}: {exc}")
        raise typer.Exit(1) from None
    with client:
        for record in run(items, client, reference_date=date, model=model,
                          batch_size=batch_size):
            stats.documents += 1
            if "error" in record:
                stats.errors += 1
                if record["source"] not in unreadable:  # read errors were said already
                    _error(f"{record['source']}: {record['error']}")
                yield ErrorRecord.model_validate(record)
            else:
                facts = Facts.model_validate(record)
                stats.facts += (len(facts.dates) + len(facts.countries) + len(facts.troops)
                                + len(facts.leaders))
                yield facts


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


def _only(records: Iterator[Facts | ErrorRecord], kinds: tuple[str, ...], stats: _Stats
          ) -> Iterator[Facts | ErrorRecord]:
    """The records with the kinds not asked for (--only) emptied, and not counted; the
    documents with dates left without a year counted."""
    from .views import KINDS

    dropped = [k for k in KINDS if k not in kinds]
    for record in records:
        if dropped and isinstance(record, Facts):
            stats.facts -= sum(len(getattr(record, k)) for k in dropped)
            record = record.model_copy(update={kind: [] for kind in dropped})
        if isinstance(record, Facts) and any(d.year == "unknown" for d in record.dates):
            stats.yearless += 1
        yield record


def _tracked(records: Iterator[Facts | ErrorRecord], advance: Callable[[], None]
             ) -> Iterator[Facts | ErrorRecord]:
    for record in records:
        advance()
        yield record


@app.command("eval")
def evaluate(
    directory: Annotated[Path, typer.Argument(
        help="Directory with articles/<id>.txt and gold/<id>.json.", show_default=False)],
    output_format: Annotated[ScoreFormat | None, typer.Option(
        "--format", "-f", help="table or json. Default: table on a terminal, json when piped.",
        show_default=False)] = None,
    details: Annotated[bool, typer.Option(
        "--details", help="List every miss and false alarm with its article.")] = False,
    min_f1: Annotated[float | None, typer.Option(
        "--min-f1", help="Exit 1 when the F1 of dates, countries, troops or leaders is below.",
        min=0.0, max=1.0)] = None,
    pred: Annotated[Path | None, typer.Option(
        "--pred", help="Score these predictions (JSON or JSON Lines) instead of running "
                       "the extraction.")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to load.")] = "fr_core_news_md",
) -> None:
    """Measure precision, recall and F1 per fact kind against gold annotations.

    Examples:

      nigerfacts eval samples

      nigerfacts eval samples --details --format json | jq .figures

      nigerfacts eval samples --min-f1 0.8        # for CI: exit 1 below the bar
    """
    from .evaluation import evaluate as score
    from .evaluation import load_gold, load_predictions

    gold = load_gold(directory)
    if not gold:
        _error(f"{directory}: no gold/<id>.json files")
        raise typer.Exit(2)
    if pred is not None:
        try:
            predicted = load_predictions(pred.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            _error(f"{pred}: cannot read predictions ({exc})")
            raise typer.Exit(2) from None
    else:
        from .sources import iter_sources

        paths = [str(directory / "articles" / f"{doc_id}.txt") for doc_id in gold]
        from .terminal import Screen

        with Screen(None, total=len(paths), bar=True) as screen:
            records = _tracked(_run(iter_sources(paths), None, model, 1, 16, _Stats()),
                               screen.advance)
            predicted = {Path(str(r.source)).stem: r.model_dump(mode="json")
                         for r in records if isinstance(r, Facts)}
    report = score(gold, predicted)
    fmt = output_format or (ScoreFormat.table if sys.stdout.isatty() else ScoreFormat.json)
    if fmt is ScoreFormat.table:
        from rich.console import Console

        from .render import score_table

        console = Console()
        if details:
            for line in report.details:
                console.print("\t".join(line), markup=False, highlight=False)
        console.print(score_table(report))
    else:
        data: dict[str, object] = {"figures": report.as_dict()}
        if details:
            data["details"] = [dict(zip(("id", "kind", "error", "fact"), d, strict=True)) for d in
                               report.details]
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    if min_f1 is not None and report.lowest_f1() < min_f1:
        _error(f"lowest F1 {report.lowest_f1():.3f} is below --min-f1 {min_f1}")
        raise typer.Exit(1)


@app.command()
def timeline(
    paths: Annotated[list[str], typer.Argument(
        help="Article files, directories or '-' for standard input.", metavar="PATH",
        show_default=False)],
    output_format: Annotated[TimelineFormat | None, typer.Option(
        "--format", "-f", help="table, json or jsonl. Default: table on a terminal, json when "
                               "piped.", show_default=False)] = None,
    date: Annotated[str | None, typer.Option(
        "--date", "-d", callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Publication date; overrides the articles' datelines.")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to load.")] = "fr_core_news_md",
) -> None:
    """List the dated facts of articles in calendar order, each with its sentence.

    Examples:

      nigerfacts timeline samples/articles/

      nigerfacts timeline a.txt b.txt --format json | jq -r '.[] | [.value, .sentence] | @tsv'
    """
    from .sources import expand, iter_sources
    from .timeline import timeline as build_timeline

    texts: dict[str, str] = {}
    stats = _Stats()
    from .terminal import Screen

    files = list(expand(paths))
    records = _run(iter_sources(files), date, model, 1, 16, stats, texts)
    try:
        with Screen(None, total=len(files), bar=True) as screen:
            items = [(texts[r.source], r) for r in _tracked(records, screen.advance)
                     if isinstance(r, Facts) and r.source]
    except _ModelError as exc:
        _error(str(exc))
        raise typer.Exit(1) from None
    entries = build_timeline(items)
    yearless = sum(1 for _, facts in items if any(d.year == "unknown" for d in facts.dates))
    if yearless:
        _yearless_warning(yearless)
    fmt = output_format or (TimelineFormat.table if sys.stdout.isatty()
                            else TimelineFormat.json)
    if fmt is TimelineFormat.table:
        from rich.console import Console

        from .render import timeline_table

        console = Console()
        console.print(timeline_table(entries, console.width))
    elif fmt is TimelineFormat.jsonl:
        for entry in entries:
            typer.echo(json.dumps(asdict(entry), ensure_ascii=False))
    else:
        typer.echo(json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=2))
    if stats.errors:
        raise typer.Exit(1)


class PresenceFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


def _check_kind(value: str | None) -> str | None:
    if value is not None and value not in ("strength", "casualties"):
        raise typer.BadParameter(f"'{value}' is not a kind: use strength or casualties")
    return value


@app.command()
def presence(
    paths: Annotated[list[str] | None, typer.Argument(
        help="Article files, directories or '-' for standard input (or --db).",
        show_default=False)] = None,
    db: Annotated[Path | None, typer.Option(
        "--db", help="Read the troop counts of this SQLite archive (from 'extract --db') "
                     "instead of extracting articles.", show_default=False)] = None,
    output_format: Annotated[PresenceFormat | None, typer.Option(
        "--format", "-f", help="table, json, jsonl, csv or html (a page with a chart per "
                               "state and location). Default: table on a terminal, json when "
                               "piped, else the --output extension.", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (complete or not at all).")] = None,
    country: Annotated[str | None, typer.Option(help="Only this state's personnel (alpha-3).")
                       ] = None,
    location: Annotated[str | None, typer.Option(help="Only counts placed in this state.")
                        ] = None,
    mission: Annotated[str | None, typer.Option(help="Only this mission (any case).")] = None,
    kind: Annotated[str | None, typer.Option(
        callback=_check_kind, help="strength or casualties.")] = None,
    since: Annotated[str | None, typer.Option(
        callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Only records whose latest as_of is on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(
        callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Only records whose earliest as_of is on or before this date.")] = None,
    date: Annotated[str | None, typer.Option(
        "--date", "-d", callback=_check_date, metavar="YYYY[-MM[-DD]]",
        help="Publication date; overrides the articles' datelines.")] = None,
    input_format: InputFormatOption = InputFormat.auto,
    glob: GlobOption = "*.txt",
    id_field: IdFieldOption = "id",
    text_field: TextFieldOption = "text",
    date_field: DateFieldOption = "date",
    workers: WorkersOption = "1",
    batch_size: BatchSizeOption = 16,
    scheduler: SchedulerOption = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to load.")] = "fr_core_news_md",
) -> None:
    """One record per deployment figure across many articles, every source that reports it.

    Counts of the same state, location, mission and kind, compatible figures and the same
    month (or one date unknown) are one record; contradicting figures stay apart.

    Examples:

      nigerfacts presence archive/ --country TCD

      nigerfacts presence archive/ --format html -o presence.html

      nigerfacts presence --db archive.db --mission FINUL --since 2024-01 -f csv
    """
    from .presence import Filters, from_archive
    from .presence import presence as merge

    filters = Filters(country=country, location=location, mission=mission, kind=kind,
                      since=since, until=until)
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    fmt = output_format or (PresenceFormat(suffix) if suffix in PresenceFormat.__members__
                            else PresenceFormat.table if output is None and sys.stdout.isatty()
                            else PresenceFormat.json)
    stats = _Stats()
    if db is not None:
        if paths:
            raise typer.BadParameter("give articles or --db, not both", param_hint="--db")
        if not db.is_file():
            _error(f"{db}: no such file")
            raise typer.Exit(2)
        records = from_archive(str(db), filters)
    else:
        if not paths:
            raise typer.BadParameter("give articles (files, directories, -) or --db",
                                     param_hint="PATHS")
        from .sources import JsonFields, expand, iter_sources

        sources = iter_sources(list(expand(paths, glob)), input_format.value, glob,
                               JsonFields(id_field, text_field, date_field))
        facts = (_on_dask(sources, scheduler, date, model, workers or 1, batch_size, stats, {})
                 if scheduler is not None else
                 _run(sources, date, model, workers, batch_size, stats))
        try:
            records = merge(facts, filters)
        except _ModelError as exc:
            _error(str(exc))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            _error("interrupted")
            raise typer.Exit(130) from None
    _write_presence(records, fmt, output)
    if db is None:
        _error(f"{stats.documents} documents, {len(records)} deployment records, "
               f"{stats.errors} errors, {time.perf_counter() - stats.started:.1f} s")
    if stats.errors:
        raise typer.Exit(1)


def _write_presence(records: list, fmt: PresenceFormat, output: Path | None) -> None:
    from . import presence_render as render

    with _destination(output) as out:
        if fmt is PresenceFormat.table:
            from rich.console import Console

            Console(file=out).print(render.presence_tables(records))
        elif fmt is PresenceFormat.csv:
            render.write_presence_csv(records, out)
        elif fmt is PresenceFormat.html:
            from .presence_html import presence_html

            out.write(presence_html(records))
        else:
            render.write_presence_json(records, out, lines=fmt is PresenceFormat.jsonl)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record: a document's facts or an error record
    (each object of 'extract --format json', each line of '--format jsonl')."""
    from .models import record_schema

    typer.echo(json.dumps(record_schema(), indent=2, ensure_ascii=False))


@app.command("help")
def help_(ctx: typer.Context, command: Annotated[str | None, typer.Argument(
        help="The command to explain.", show_default=False)] = None) -> None:
    """Show the help of nigerfacts, or of one of its commands."""
    group = ctx.parent
    assert group is not None and isinstance(group.command, TyperGroup)
    if command is None:
        typer.echo(group.get_help())
        return
    sub = group.command.get_command(group, command)
    if sub is None:
        _error(f"no such command '{command}'; the commands: "
               + ", ".join(group.command.list_commands(group)))
        raise typer.Exit(2)
    typer.echo(sub.get_help(type(ctx)(sub, info_name=command, parent=group)))


def main() -> None:
    """Console-script entry point: an unexpected error is one line (a traceback with --debug)."""
    try:
        app()
    except SystemExit as done:
        _exit_now(done.code)
    except Exception as exc:
        if "--debug" in sys.argv or _debugging():
            raise
        _error(f"internal error: {type(exc).__name__}: {exc}; run with --debug for the "
               "traceback")
        _exit_now(1)


def _exit_now(code: int | str | None) -> None:
    """End the process as `sys.exit(code)` would, without freeing the loaded model object by
    object (0.4 s after every run that loaded it): exit handlers run, output flushed, then
    `os._exit`. With another thread still running, or under a profiler or debugger (which
    write their report after the program ends), the usual way."""
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    code = code or 0
    if threading.active_count() > 1 or sys.getprofile() or sys.gettrace():
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a closed pipe, or a stream the command closed
            stream.flush()
    os._exit(code)
