"""Throughput, scaling, memory and start-up of nigerfacts, against bare spaCy.

    python benchmarks/throughput.py                 # N = 100 articles
    python benchmarks/throughput.py -n 200 --repeat 5

The corpus is N articles made by repeating samples/articles/*.txt, each round in a new
(seeded) order. One run prints:

* words per second of `extract_many` (in process, model loaded beforehand), of the CLI
  (`nigerfacts extract DIR --format jsonl`, a subprocess, wall time including its start-up),
  and of bare spaCy `nlp.pipe` with the full `fr_core_news_md` pipeline and no extraction;
  the ratio of the first to the last (on CPU time, which other loads on the machine
  disturb less than wall time; the wall-time ratio is shown too);
* the speed-up of `--workers 2` over `--workers 1` on a 400-article batch (CLI wall time,
  start-up included), runs in pairs (1, 2, 1, 2, ...), the median of the pairs' ratios,
  and whether both outputs are byte-identical;
* peak RSS (ru_maxrss of the child) of the CLI on N and on 10*N articles, each in its
  own subprocess.

Then each figure against the issue's target. Words are whitespace-separated tokens.
Runs are sequential (the machine may have few cores); the best of --repeat runs is kept,
but for the --workers speed-up, a median of paired runs (the speed of a shared machine
drifts). The CPU time other processes took meanwhile is printed: wall times (the --workers
speed-up above all) mean little on a machine that is running something else. Start-up,
phase by phase: `benchmarks/startup.py`.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles"
MODEL = "fr_core_news_md"
CLI = [sys.executable, "-m", "nigerfacts"]

TARGET_RATIO = 1.25  # end-to-end words/CPU-s over bare full-pipeline spaCy words/CPU-s
TARGET_SPEEDUP = 1.7  # --workers 2 over --workers 1, 400 articles
TARGET_RSS_GROWTH = 0.10  # peak RSS at 10N over N, minus one


def corpus(n: int, seed: int = 0) -> list[str]:
    """N article texts: the samples repeated, each round shuffled with a fixed seed."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    rng = random.Random(seed)
    texts: list[str] = []
    while len(texts) < n:
        round_ = articles[:]
        rng.shuffle(round_)
        texts.extend(round_)
    return texts[:n]


def cpu_used() -> tuple[float, float, float] | None:
    """CPU seconds used so far by the whole machine and by this benchmark, and the time."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(f) for f in stat.readline().split()[1:]]
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    machine = (sum(fields[:8]) - fields[3] - fields[4]) / ticks  # all but idle and iowait
    own = sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
              for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return machine, own, time.monotonic()


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def write_dir(texts: list[str], directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (directory / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return directory


@dataclass
class Run:
    seconds: float  # wall
    cpu: float  # user + system of the process and the children it waited for
    max_rss_kb: int
    returncode: int


def run(command: list[str], stdout: Path | None = None) -> Run:
    """Run a command; its wall time and peak RSS (of it and its waited-for children)."""
    with open(stdout or os.devnull, "wb") as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            err.seek(0)
            sys.exit(f"failed ({proc.returncode}): {' '.join(command)}\n"
                     f"{err.read().decode(errors='replace')}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode)


def first_difference(a: Path, b: Path) -> str | None:
    """None when the two JSON Lines files are the same, else where they first differ."""
    lines_a = a.read_text(encoding="utf-8").splitlines()
    lines_b = b.read_text(encoding="utf-8").splitlines()
    for n, (x, y) in enumerate(zip(lines_a, lines_b, strict=False), 1):
        if x != y:
            return f"line {n}: {x[:150]} | {y[:150]}"
    return None if len(lines_a) == len(lines_b) else f"{len(lines_a)} != {len(lines_b)} lines"


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.seconds)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


@dataclass
class Speed:
    wall: float  # words per second
    cpu: float  # words per CPU second of this process


def in_process(texts: list[str], repeat: int, batch_size: int
               ) -> tuple[Speed, Speed, Speed, float, int]:
    """Words/s of extract_many, of bare spaCy (full pipeline, spaCy's own ops) and of bare
    spaCy on numpy's BLAS (what `nigerfacts.blas` alone gives), runs alternated; the
    median over rounds of extract_many's words/CPU-s over bare spaCy's; and how many texts
    the two bare pipelines annotate differently, over every article of the project's sets."""
    import spacy

    from nigerfacts.pipeline import extract_many, load_pipeline

    try:
        from nigerfacts.blas import use_numpy_blas
    except ImportError:  # an older nigerfacts, measured for a before/after
        def use_numpy_blas(nlp: Language) -> Language:
            return nlp

    load_pipeline(MODEL)
    bare = spacy.load(MODEL)
    bare_blas = use_numpy_blas(spacy.load(MODEL))
    warm = texts[:8]
    list(extract_many(warm, model=MODEL, batch_size=batch_size))
    list(bare.pipe(warm, batch_size=batch_size))
    list(bare_blas.pipe(warm, batch_size=batch_size))
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    theirs_blas: list[tuple[float, float]] = []

    def timed(run: object, into: list[tuple[float, float]]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in run:  # type: ignore[attr-defined]
            pass
        into.append((time.perf_counter() - wall, time.process_time() - cpu))

    for _ in range(repeat):
        timed(bare.pipe(texts, batch_size=batch_size), theirs)
        timed(extract_many(texts, model=MODEL, batch_size=batch_size), ours)
        timed(bare_blas.pipe(texts, batch_size=batch_size), theirs_blas)
    n = words(texts)

    def speed(runs: list[tuple[float, float]]) -> Speed:
        return Speed(n / min(w for w, _ in runs), n / min(c for _, c in runs))

    ratio = median([b[1] / o[1] for o, b in zip(ours, theirs, strict=True)])
    every = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("*/articles/*.txt"))]
    return speed(ours), speed(theirs), speed(theirs_blas), ratio, differing(bare, bare_blas,
                                                                            every, batch_size)


def differing(a: Language, b: Language, texts: list[str], batch_size: int) -> int:
    """How many texts two pipelines annotate differently (entities, tags or parse)."""
    def annotations(nlp: Language) -> list[list[tuple]]:
        return [[(t.ent_iob_, t.ent_type_, t.pos_, t.dep_, t.head.i) for t in doc]
                for doc in nlp.pipe(texts, batch_size=batch_size)]
    return sum(x != y for x, y in zip(annotations(a), annotations(b), strict=True))


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=100, help="articles in the corpus (default 100)")
    parser.add_argument("--workers-docs", type=int, default=400,
                        help="articles for the --workers comparison (default 400)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure, best kept")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    texts = corpus(args.n)
    n_words = words(texts)
    busy_before = cpu_used()
    print(f"corpus: {args.n} articles, {n_words} words; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.2f} at the start; python {sys.version.split()[0]}", flush=True)

    with tempfile.TemporaryDirectory(prefix="nigerfacts-bench-") as tmp_name:
        tmp = Path(tmp_name)
        small = write_dir(texts, tmp / "n")
        large = write_dir(corpus(10 * args.n), tmp / "10n")
        batch = write_dir(corpus(args.workers_docs), tmp / "workers")
        batch_words = words(corpus(args.workers_docs))
        extract = [*CLI, "extract", "--format", "jsonl", "--batch-size", str(args.batch_size)]

        # The CLI on N articles (wall time and peak RSS), then on 10N (peak RSS).
        cli_n = best([run([*extract, str(small), "-o", str(tmp / "n.jsonl")])
                      for _ in range(args.repeat)])
        cli_10n = run([*extract, str(large), "-o", str(tmp / "10n.jsonl")])

        # --workers 1 against --workers 2 on the same batch, runs alternated; each pair's
        # outputs compared (each run has its own hash seed: output must not depend on set
        # order either).
        ones, twos, differences = [], [], []
        for _ in range(args.repeat):
            ones.append(run([*extract, str(batch), "--workers", "1", "-o", str(tmp / "w1.jsonl")]))
            twos.append(run([*extract, str(batch), "--workers", "2", "-o", str(tmp / "w2.jsonl")]))
            differences.append(first_difference(tmp / "w1.jsonl", tmp / "w2.jsonl"))
        w1, w2 = best(ones), best(twos)
        speedup = median([one.seconds / two.seconds for one, two in zip(ones, twos,
                                                                          strict=True)])
        identical = not any(differences)

    ours, bare, bare_blas, ratio, changed = in_process(texts, args.repeat, args.batch_size)
    busy_after = cpu_used()
    growth = cli_10n.max_rss_kb / cli_n.max_rss_kb - 1

    if busy_before is not None and busy_after is not None:
        others = (busy_after[0] - busy_before[0]) - (busy_after[1] - busy_before[1])
        share = others / (busy_after[2] - busy_before[2]) / (os.cpu_count() or 1)
        print(f"other processes on the machine used {others:.0f} CPU-s during the run, "
              f"{share:.0%} of its cores" + ("   (wall times are inflated)" if share > 0.05
                                              else ""))
    print(f"extract_many (1 process):           {ours.wall:6.0f} words/s, "
          f"{ours.cpu:6.0f} words/CPU-s")
    print(f"bare spaCy nlp.pipe, full pipeline: {bare.wall:6.0f} words/s, "
          f"{bare.cpu:6.0f} words/CPU-s")
    print(f"  the same on numpy's BLAS:          {bare_blas.wall:6.0f} words/s, "
          f"{bare_blas.cpu:6.0f} words/CPU-s   (nigerfacts.blas alone); texts annotated "
          f"otherwise than with spaCy's own ops: {changed} of the project's "
          f"{len(list(ROOT.glob('*/articles/*.txt')))}   target 0: "
          f"{verdict(changed == 0)}")
    print(f"ratio extract_many / bare spaCy:    {ratio:6.2f} (CPU time, median of {args.repeat} "
          f"rounds; wall {ours.wall / bare.wall:.2f})   target >= {TARGET_RATIO}: "
          f"{verdict(ratio >= TARGET_RATIO)}")
    print(f"CLI --format jsonl, N={args.n}:           {n_words / cli_n.seconds:6.0f} words/s "
          f"({cli_n.seconds:.1f} s wall, {cli_n.cpu:.1f} s CPU, start-up included)")
    print(f"CLI on {args.workers_docs} articles ({batch_words} words): --workers 1 "
          f"{w1.seconds:.1f} s wall ({w1.cpu:.1f} s CPU), --workers 2 {w2.seconds:.1f} s wall "
          f"({w2.cpu:.1f} s CPU)")
    print(f"speed-up --workers 2 / --workers 1: {speedup:6.2f}x (median of {len(ones)} "
          f"pairs; best runs {w1.seconds / w2.seconds:.2f}x)   target >= {TARGET_SPEEDUP}: "
          f"{verdict(speedup >= TARGET_SPEEDUP)}")
    print(f"output --workers 1 == --workers 2:  {identical!s:>6}   target identical: "
          f"{verdict(identical)}")
    for difference in filter(None, differences):
        print(f"  first difference: {difference}")
    print(f"peak RSS of the CLI: N={args.n}: {cli_n.max_rss_kb / 1024:.0f} MiB, "
          f"10N={10 * args.n}: {cli_10n.max_rss_kb / 1024:.0f} MiB, growth {growth:+.1%}   "
          f"target <= +{TARGET_RSS_GROWTH:.0%}: {verdict(growth <= TARGET_RSS_GROWTH)}")

if __name__ == "__main__":
    main()
