"""The same extraction on a Dask cluster (`pip install "nigerfacts[dask]"`).

    import dask.bag as db
    from nigerfacts.dask import extract_bag, write_jsonl

    bag = db.from_sequence([{"id": "a1", "text": text, "date": "2024-08"}, ...],
                           npartitions=8)
    write_jsonl(extract_bag(bag), "out/")        # out/0.jsonl, out/1.jsonl, ...

What is shipped to the workers is the text of each article and a reference to
`nigerfacts` (which must be installed on them, with its model); each worker process
loads the spaCy model once, on its first partition, and keeps it
(`nigerfacts.load_pipeline` is cached per process).
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .models import ErrorRecord, Facts
from .pipeline import DEFAULT_MODEL, extract_many

if TYPE_CHECKING:
    import dask.bag
    from distributed import Client

Item = dict[str, Any]


def _documents(items: list[Any]) -> list[tuple[str, Any, str | None]]:
    """(source, text, date) of each item: a text, or a {id|source, text, date} record."""
    out = []
    for n, item in enumerate(items):
        if isinstance(item, dict):
            source = item.get("id", item.get("source", str(n)))
            out.append((str(source), item.get("text"), item.get("date")))
        else:
            out.append((str(n), item, None))
    return out


def extract_partition(items: list[Any], reference_date: str | None = None,
                      model: str = DEFAULT_MODEL, batch_size: int = 16) -> list[Item]:
    """Fact documents (or error records) of one partition, in order; runs on a worker."""
    docs = _documents(list(items))

    def run(batch: list[tuple[str, Any, str | None]]) -> list[Item]:
        texts = [text for _, text, _ in batch]
        dates = [reference_date or date for _, _, date in batch]
        facts = list(extract_many(texts, dates, model=model, batch_size=batch_size))
        return [_record(f, source) for f, (source, _, _) in zip(facts, batch, strict=True)]

    try:
        return run(docs)
    except Exception:  # one bad document must not lose its partition: retry one by one
        records = []
        for doc in docs:
            try:
                records += run([doc])
            except Exception as exc:
                error = f"extraction failed: {type(exc).__name__}: {exc}".splitlines()[0]
                records.append(ErrorRecord(source=doc[0], error=error).model_dump(mode="json"))
        return records


def _record(facts: Facts, source: str) -> Item:
    facts.source = source
    return facts.model_dump(mode="json")


def extract_bag(bag: dask.bag.Bag, *, reference_date: str | None = None,
                model: str = DEFAULT_MODEL, batch_size: int = 16) -> dask.bag.Bag:
    """A bag of texts or {id, text, date} records -> a bag of fact documents, same order."""
    return bag.map_partitions(extract_partition, reference_date=reference_date, model=model,
                              batch_size=batch_size)


def read_corpus(pattern: str | list[str], *, input_format: str = "auto",
                partition_size: int = 32) -> dask.bag.Bag:
    """A bag of {id, text, date, error} records from text files or JSON Lines files: a glob
    (`corpus/**/*.txt`, relative or absolute) or a list of paths. A file that cannot be read
    is a record with its `error`, which `extract_bag` passes on as an error record."""
    import dask.bag as db

    from .sources import iter_sources

    paths = sorted(glob.glob(pattern, recursive=True)) if isinstance(pattern, str) else pattern
    records = [{"id": s.name, "text": s.text, "date": s.reference_date, "error": s.error}
               for s in iter_sources(paths, input_format)]
    return db.from_sequence(records, partition_size=partition_size)


def write_jsonl(bag: dask.bag.Bag, directory: str | Path) -> list[str]:
    """Write one JSON Lines file per partition into `directory`; return their paths."""
    Path(directory).mkdir(parents=True, exist_ok=True)
    return bag.map(json.dumps, ensure_ascii=False).to_textfiles(str(Path(directory) / "*.jsonl"))


def connect(scheduler: str, workers: int = 2) -> Client:
    """A client of the scheduler at `tcp://HOST:PORT`, or of a new local cluster (`local`)."""
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=":0")
        return Client(cluster)
    return Client(scheduler)


def run(sources: Iterable[Item], client: Client, *, reference_date: str | None = None,
        model: str = DEFAULT_MODEL, batch_size: int = 16,
        partition_size: int = 32) -> Iterator[Item]:
    """Records in, fact documents or error records out, in input order, computed on `client`."""
    import dask.bag as db

    items = list(sources)
    failed = {n: item for n, item in enumerate(items) if item.get("error")}
    good = [item for n, item in enumerate(items) if n not in failed]
    results = iter(extract_bag(db.from_sequence(good, partition_size=partition_size) if good
                               else db.from_sequence([], npartitions=1),
                               reference_date=reference_date, model=model,
                               batch_size=batch_size).compute(scheduler=client.get))
    for n, item in enumerate(items):
        if n in failed:
            yield ErrorRecord(source=str(item["id"]), error=item["error"]).model_dump(mode="json")
        else:
            yield next(results)
