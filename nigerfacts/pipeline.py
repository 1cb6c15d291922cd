"""The library API: `extract` and `extract_many`, over one lazily loaded spaCy pipeline."""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import suppress
from functools import lru_cache
from itertools import chain, islice, repeat
from typing import TYPE_CHECKING

from .chunks import Chunk, chunks, merge
from .models import Facts

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from spacy.language import Language

DEFAULT_MODEL = "fr_core_news_md"
# What the extractors read: entities, the parse and part-of-speech tags.
# The lemmatizer and attribute ruler are not used, so they are not run.
UNUSED_PIPES = ("lemmatizer", "attribute_ruler")
# Batches of articles given to each worker process ahead of the one being read.
_AHEAD = 2
# How much smaller the last batches of a parallel run are (see _batches).
_TAIL_CUT = 4
# glibc's mallopt parameter, and how much freed memory a worker keeps (see _start_worker).
_M_TRIM_THRESHOLD = -1
_KEEP_BYTES = 256 * 2**20


class ModelNotFoundError(RuntimeError):
    """The spaCy model named by the user is not installed."""


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load `model` once, with the `nigerfacts` component last, paragraph breaks marked as
    sentence ends before the parser, and unused pipes off."""
    import spacy

    from . import component, paragraphs  # noqa: F401  (register the components)

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
    return nlp


def extract(text: str, reference_date: str | None = None, *, model: str = DEFAULT_MODEL,
            source: str | None = None) -> Facts:
    """Facts of one French article.

    `reference_date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) is the publication date used to
    place dates without a year; when None, a leading dateline (` date 2024-08 ...`) gives it.
    """
    facts = next(extract_many([text], [reference_date], model=model))
    facts.source = source
    return facts


def extract_many(texts: Iterable[str], reference_dates: Iterable[str | None] | None = None, *,
                 model: str = DEFAULT_MODEL, batch_size: int = 16,
                 n_process: int = 1) -> Iterator[Facts]:
    """Facts of many articles, in input order, streamed through `nlp.pipe`.

    Long texts are cut into chunks (see `nigerfacts.chunks`). With `n_process` > 1,
    batches of `batch_size` articles go to that many worker processes, which run the same
    code and send back only the facts (not spaCy docs), so the output is the same as with
    one process. Memory stays flat: texts are read from the iterable as needed.
    """
    refs: Iterable[str | None] = reference_dates if reference_dates is not None else repeat(None)
    articles = zip(texts, refs, strict=False)
    first = next(articles, None)
    if first is None:  # nothing to read: the model is not loaded
        return
    articles = chain([first], articles)
    nlp = load_pipeline(model)
    if n_process > 1:
        yield from _parallel(articles, model, batch_size, n_process)
    else:
        yield from _extract(nlp, articles, batch_size)


def _extract(nlp: Language, articles: Iterable[tuple[str, str | None]],
             batch_size: int) -> Iterator[Facts]:
    """Facts of (text, reference date) pairs, in order, in this process."""
    pending: dict[int, tuple[str, list[Chunk]]] = {}

    def stream() -> Iterator[tuple[str, tuple[int, int]]]:
        for n, (text, ref) in enumerate(articles):
            pieces = chunks(text, ref)
            pending[n] = (text, pieces)
            for k, chunk in enumerate(pieces):
                yield chunk.spacy_text, (n, k)

    parts: list[tuple[Chunk, Facts]] = []
    for doc, (n, k) in nlp.pipe(stream(), as_tuples=True, batch_size=batch_size):
        text, pieces = pending[n]
        parts.append((pieces[k], doc._.facts))
        if k == len(pieces) - 1:
            del pending[n]
            yield merge(text, parts)
            parts = []


def _parallel(articles: Iterator[tuple[str, str | None]], model: str, batch_size: int,
              n_process: int) -> Iterator[Facts]:
    """Batches of articles extracted in worker processes, results yielded in input order.

    At most `_AHEAD` batches per worker are read ahead, so a large corpus is streamed.
    """
    batches = _batches(articles, batch_size, n_process)
    # fork shares the loaded model with the workers; elsewhere they load it themselves.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    pool = context.Pool(n_process, initializer=_start_worker)
    try:
        running: deque[AsyncResult[list[Facts]]] = deque()
        while True:
            while len(running) < _AHEAD * n_process:
                batch = next(batches, None)
                if batch is None:
                    break
                running.append(pool.apply_async(_work, (model, batch, batch_size)))
            if not running:
                break
            yield from running.popleft().get()
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
    # The parent handles Ctrl-C (and ends the workers); workers must not print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
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


def _work(model: str, batch: list[tuple[str, str | None]], batch_size: int) -> list[Facts]:
    # A forked worker has the parent's pipeline; a spawned one loads it on its first batch
    # (a failure then reaches the parent as this batch's error, not a pool restarting).
    return list(_extract(load_pipeline(model), batch, batch_size))
