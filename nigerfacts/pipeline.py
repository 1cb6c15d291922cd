"""The library API: `extract` and `extract_many`, over one lazily loaded spaCy pipeline."""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import signal
import sys
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import suppress
from functools import lru_cache
from itertools import chain, count, islice
from typing import TYPE_CHECKING, Literal, overload

from .chunks import Chunk, chunks, merge
from .dateline import is_iso_date
from .models import Facts

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "fr_core_news_md"
# What the extractors read: entities, the parse and part-of-speech tags.
# The lemmatizer and attribute ruler are not used, so they are not run.
UNUSED_PIPES = ("lemmatizer", "attribute_ruler")
# The most characters given to spaCy in one batch. Sixteen news articles fit (some 40,000),
# while the 20,000-character chunks of a long text go five at a time, not sixteen: a batch's
# activations take about 4 MB per 1,000 characters (1.2 GB for sixteen chunks).
BATCH_CHARS = 100_000
# Batches of articles given to each worker process ahead of the one being read.
_AHEAD = 2
# Seconds between two looks at the batch a parallel run waits for. A wait blocked in the
# system runs no signal handler, so a Ctrl-C or SIGTERM that comes just before it starts
# would be handled only when the batch is done; waking up bounds that delay.
_WAKE = 0.2
# How much smaller the last batches of a parallel run are (see _batches).
_TAIL_CUT = 4
# glibc's mallopt parameter, and how much freed memory a worker keeps (see _start_worker).
_M_TRIM_THRESHOLD = -1
_KEEP_BYTES = 256 * 2**20


class ModelNotFoundError(RuntimeError):
    """The spaCy model named by the user is not installed."""


class DocumentError(Exception):
    """One article could not be processed: an unexpected exception, with its traceback as text.

    Text, not the exception object, so that it crosses process boundaries (pickle).
    """

    def __init__(self, message: str, traceback: str = "") -> None:
        super().__init__(message, traceback)
        self.message = message
        self.traceback = traceback

    def __str__(self) -> str:
        return self.message

    @classmethod
    def of(cls, exc: Exception) -> DocumentError:
        error = cls(f"{type(exc).__name__}: {exc}", "".join(traceback.format_exception(exc)))
        error.__cause__ = exc
        return error


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load `model` once, with the `nigerfacts` component last, paragraph breaks marked as
    sentence ends before the parser, unused pipes off, and matrix products on numpy's BLAS
    (see `nigerfacts.blas`). The tokenizer's rules are compiled once per machine, not at
    every start (see `nigerfacts.compiled_rules`)."""
    import spacy

    from . import compiled_rules, component, paragraphs  # noqa: F401  (register the components)
    from .blas import use_numpy_blas

    compiled_rules.warm(model)

    try:
        nlp = spacy.load(model, exclude=list(UNUSED_PIPES))
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model '{model}' is not installed (pip install nigerfacts installs "
            f"{DEFAULT_MODEL})"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("nigerfacts_paragraphs", before="parser")
    nlp.add_pipe("nigerfacts", last=True)
    return use_numpy_blas(nlp)


def extract(text: str, reference_date: str | None = None, *, model: str = DEFAULT_MODEL,
            source: str | None = None) -> Facts:
    """Facts of one French article.

    `reference_date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) is the publication date used to
    place dates without a year; when None, a leading dateline (` date 2024-08 ...`) gives it.
    """
    facts = next(extract_many([text], [reference_date], model=model))
    facts.source = source
    return facts


@overload
def extract_many(texts: Iterable[str], reference_dates: Iterable[str | None] | None = None,
                 *, model: str = ..., batch_size: int = ..., n_process: int = ...,
                 errors: Literal["raise"] = ...) -> Iterator[Facts]: ...


@overload
def extract_many(texts: Iterable[str], reference_dates: Iterable[str | None] | None = None,
                 *, model: str = ..., batch_size: int = ..., n_process: int = ...,
                 errors: Literal["return"]) -> Iterator[Facts | DocumentError]: ...


def extract_many(texts: Iterable[str], reference_dates: Iterable[str | None] | None = None, *,
                 model: str = DEFAULT_MODEL, batch_size: int = 16, n_process: int = 1,
                 errors: Literal["raise", "return"] = "raise"
                 ) -> Iterator[Facts] | Iterator[Facts | DocumentError]:
    """Facts of many articles, one per text, in input order, streamed through `nlp.pipe`.

    `reference_dates`, when given, has one date (or None) per text: fewer or more is a
    `ValueError`, never a text left out. Long texts are cut into chunks (see
    `nigerfacts.chunks`). With `n_process` > 1, batches of `batch_size` articles go to that
    many worker processes, which run the same code and send back only the facts (not spaCy
    docs), so the output is the same as with one process. Memory stays flat: texts are
    read from the iterable as needed. An article whose extraction fails unexpectedly
    raises a `DocumentError`, or with `errors="return"` is yielded as one in its place,
    and the others are still processed.
    """
    if reference_dates is not None and hasattr(texts, "__len__") and hasattr(
            reference_dates, "__len__") and len(texts) != len(reference_dates):  # type: ignore
        raise ValueError(f"{len(texts)} texts but {len(reference_dates)} "  # type: ignore
                         "reference dates: give one per text (or None)")
    articles = _paired(texts, reference_dates)
    first = next(articles, None)
    if first is None:  # nothing to read: the model is not loaded
        return
    articles = chain([first], articles)
    nlp = load_pipeline(model)
    if n_process > 1:
        results = _parallel(articles, model, batch_size, n_process)
    else:
        results = _extract(nlp, articles, batch_size)
    for result in results:
        if isinstance(result, DocumentError) and errors == "raise":
            raise result
        yield result


def _paired(texts: Iterable[str], reference_dates: Iterable[str | None] | None
            ) -> Iterator[tuple[str, str | None]]:
    """(text, reference date) pairs; a text without its date is an error, not dropped."""
    if reference_dates is None:
        yield from ((text, None) for text in texts)
        return
    dates = iter(reference_dates)
    for n, text in enumerate(texts):
        date = next(dates, _MISSING)
        if date is _MISSING:
            raise ValueError(f"no reference date for text {n}: give one per text (or None)")
        _check_reference_date(date)  # type: ignore[arg-type]
        yield text, date  # type: ignore[misc]
    if next(dates, _MISSING) is not _MISSING:
        raise ValueError("more reference dates than texts: give one per text (or None)")


_MISSING = object()


def _extract(nlp: Language, articles: Iterable[tuple[str, str | None]],
             batch_size: int) -> Iterator[Facts | DocumentError]:
    """Facts of (text, reference date) pairs, in order, in this process.

    One article cannot take others down: if a batch fails in spaCy or in the component,
    its articles are run again one at a time, the failing one becomes a `DocumentError`,
    and the stream goes on. An error of the input iterable itself (or a bad reference
    date) is raised once the articles read before it are done.
    """
    articles = iter(articles)
    pending: dict[int, tuple[str, list[Chunk] | DocumentError]] = {}
    numbers = count()
    failed: list[Exception] = []

    def stream() -> Iterator[tuple[str, tuple[int, int]]]:
        while True:
            try:
                article = next(articles, None)
                if article is None:
                    return
                text, ref = article
            except Exception as exc:  # the caller's error: raised after the articles before it
                failed.append(exc)
                return
            n = next(numbers)
            try:
                pending[n] = (text, chunks(text, ref))
            except Exception as exc:
                pending[n] = (text, DocumentError.of(exc))
                yield "", (n, 0)
                continue
            for k, chunk in enumerate(pending[n][1]):  # type: ignore[arg-type]
                if n not in pending:  # run alone after a failed batch
                    break
                yield chunk.spacy_text, (n, k)

    texts = stream()
    while True:
        parts: list[tuple[Chunk, Facts]] = []
        try:
            for doc, (n, k) in _piped(nlp, texts, batch_size):
                text, pieces = pending[n]
                if isinstance(pieces, DocumentError):
                    del pending[n]
                    yield pieces
                    continue
                parts.append((pieces[k], doc._.facts))
                if k == len(pieces) - 1:
                    del pending[n]
                    yield _merged(text, parts)
                    parts = []
        except Exception:  # run the batch's articles again one at a time, outside `except`
            retry = list(pending)
        else:
            break
        for n in retry:
            yield _alone(nlp, *pending.pop(n))
    if failed:
        raise failed[0]


def _piped(nlp: Language, texts: Iterable[tuple[str, tuple[int, int]]], batch_size: int
           ) -> Iterator[tuple[Doc, tuple[int, int]]]:
    """`nlp.pipe` over `_sized` batches (spaCy's own batches count texts only)."""
    for batch in _sized(texts, batch_size):
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def _sized(texts: Iterable[tuple[str, tuple[int, int]]], batch_size: int
           ) -> Iterator[list[tuple[str, tuple[int, int]]]]:
    """Batches of at most `batch_size` texts and `BATCH_CHARS` characters (a longer text
    alone), each given as soon as it is full, not when the next text is read."""
    batch: list[tuple[str, tuple[int, int]]] = []
    size = 0
    for item in texts:
        if batch and size + len(item[0]) > BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item[0])
        if len(batch) == batch_size:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _check_reference_date(reference_date: str | None) -> None:
    if reference_date and not is_iso_date(reference_date):
        raise ValueError(f"reference date '{reference_date}' is not a date: use YYYY, YYYY-MM "
                         "or YYYY-MM-DD")


def _merged(text: str, parts: list[tuple[Chunk, Facts]]) -> Facts | DocumentError:
    try:
        return merge(text, parts)
    except Exception as exc:
        return DocumentError.of(exc)


def _alone(nlp: Language, text: str, pieces: list[Chunk] | DocumentError
           ) -> Facts | DocumentError:
    """One article's facts, chunk by chunk, outside a batch; its failure as a DocumentError."""
    if isinstance(pieces, DocumentError):
        return pieces
    try:
        return merge(text, [(chunk, nlp(chunk.spacy_text)._.facts) for chunk in pieces])
    except Exception as exc:
        return DocumentError.of(exc)


def _parallel(articles: Iterator[tuple[str, str | None]], model: str, batch_size: int,
              n_process: int) -> Iterator[Facts | DocumentError]:
    """Batches of articles extracted in worker processes, results yielded in input order.

    At most `_AHEAD` batches per worker are read ahead, so a large corpus is streamed.
    """
    batches = _batches(articles, batch_size, n_process)
    # fork shares the loaded model with the workers; elsewhere they load it themselves.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    # The model's objects, frozen, are never scanned by a worker's garbage collector, whose
    # scans would otherwise copy the pages they share with the parent (Python's `gc.freeze`
    # advice for a fork).
    gc.freeze()
    try:
        pool = context.Pool(n_process, initializer=_start_worker)
    finally:
        gc.unfreeze()
    try:
        running: deque[AsyncResult[list[Facts | DocumentError]]] = deque()
        while True:
            while len(running) < _AHEAD * n_process:
                batch = next(batches, None)
                if batch is None:
                    break
                running.append(pool.apply_async(_work, (model, batch, batch_size)))
            if not running:
                break
            head = running.popleft()
            while not head.ready():  # see _WAKE
                head.wait(_WAKE)
            yield from head.get()
    except BaseException:  # an error, Ctrl-C, or the caller stopped reading
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def _batches(articles: Iterator[tuple[str, str | None]], batch_size: int,
             n_process: int) -> Iterator[list[tuple[str, str | None]]]:
    """Batches of `batch_size` articles, then the last few cut in small ones.

    A worker that is done would otherwise wait, idle, for another to end its whole last
    batch (0.3 s of 11 on 400 articles and 2 workers); small batches are a little slower
    in spaCy (4 articles: +4% CPU), so only the tail is cut. The tail is found by reading
    `n_process + 1` batches ahead.
    """
    ahead = deque(islice(articles, (n_process + 1) * batch_size))
    while more := list(islice(articles, batch_size)):
        yield [ahead.popleft() for _ in range(batch_size)]
        ahead.extend(more)
    small = max(1, batch_size // _TAIL_CUT)
    while ahead:
        yield [ahead.popleft() for _ in range(min(small, len(ahead)))]


def _start_worker() -> None:
    """The parent handles Ctrl-C and SIGTERM and ends the workers with SIGTERM.

    A worker ignores Ctrl-C (sent to the whole process group) and dies of SIGTERM
    whatever handler it inherited from its parent (the CLI's turns SIGTERM into an
    exception, which a worker would catch as a task's failure and live on).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _keep_freed_memory()


def _keep_freed_memory() -> None:
    """Let glibc keep a worker's freed heap for its next batch.

    Otherwise the memory of each batch is given back to the system when the batch is done
    and faulted in again by the next: 4x the page faults and some 5% more CPU time.
    """
    if sys.platform != "linux":
        return
    with suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").mallopt(_M_TRIM_THRESHOLD, _KEEP_BYTES)


def _work(model: str, batch: list[tuple[str, str | None]], batch_size: int
          ) -> list[Facts | DocumentError]:
    # A forked worker has the parent's pipeline; a spawned one loads it on its first batch
    # (a failure then reaches the parent as this batch's error, not a pool restarting).
    return list(_extract(load_pipeline(model), batch, batch_size))
