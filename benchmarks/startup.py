"""Where a one-article run spends its time before the first token, phase by phase.

    python benchmarks/startup.py              # best of 3 fresh interpreters per figure
    python benchmarks/startup.py --repeat 5

Each run is a fresh interpreter that does what `nigerfacts extract ARTICLE` does, in order,
timing each phase (wall seconds):

    imports      nigerfacts' CLI (Typer, rich, pydantic models), then spaCy itself
    rules        spaCy's French tokenizer rules (`spacy.lang.fr`): one 1.4 MB regex
    model        `spacy.load` of the model's files (vocabulary, vectors, weights)
    component    the nigerfacts component: data files, gazetteer, phrase matchers
    knowledge    the officeholders base (read on the first article)
    first doc    one article through the pipeline

`rules` is timed twice: with the compiled rules in the cache (`nigerfacts.compiled_rules`,
every run after the first on a machine) and without (a cold cache, the first run). Then
the whole command, `nigerfacts extract ARTICLE -f json`, against a bare
`spacy.load("fr_core_news_md")`, and the time a missing, an empty and a binary file take
to be answered (the model must not be loaded for them). Each figure against its target.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = sorted((ROOT / "samples" / "articles").glob("*.txt"))[0]
TARGET_BAD_INPUT = 1.0  # seconds of wall time for a missing, empty or binary file
TARGET_STARTUP = 1.3  # one article end to end over a bare spacy.load

PHASES = """
import time, json, sys
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
import nigerfacts.cli
import spacy
mark("imports")
from nigerfacts import compiled_rules
compiled_rules.warm("fr_core_news_md")
import spacy.lang.fr
mark("rules")
from nigerfacts.pipeline import UNUSED_PIPES
nlp = spacy.load("fr_core_news_md", exclude=list(UNUSED_PIPES))
mark("model")
from nigerfacts import component, paragraphs
from nigerfacts.blas import use_numpy_blas
nlp.add_pipe("nigerfacts_paragraphs", before="parser")
nlp.add_pipe("nigerfacts", last=True)
use_numpy_blas(nlp)
mark("component")
from nigerfacts.leaders.knowledge import knowledge_base
knowledge_base()
mark("knowledge")
nlp(open(sys.argv[1], encoding="utf-8").read())
mark("first doc")
print(json.dumps({b[0]: b[1] - a[1] for a, b in zip(marks, marks[1:])}))
"""


def phases(cache: Path, cold: bool) -> dict[str, float]:
    """One fresh interpreter's phase times; a cold run starts with an empty cache."""
    env = {**os.environ, "NIGERFACTS_CACHE": str(cache)}
    if cold:
        for stale in cache.glob("*"):
            stale.unlink()
    out = subprocess.run([sys.executable, "-c", PHASES, str(ARTICLE)], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def wall(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure, best kept")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="nigerfacts-startup-") as tmp_name:
        tmp = Path(tmp_name)
        cache = tmp / "cache"
        cache.mkdir()
        cold = [phases(cache, cold=True) for _ in range(args.repeat)]
        warm = [phases(cache, cold=False) for _ in range(args.repeat)]
        best = {name: min(run[name] for run in warm) for name in warm[0]}
        best_cold_rules = min(run["rules"] for run in cold)
        print(f"{'phase':12} {'seconds':>8}  whose")
        whose = {"imports": "nigerfacts' CLI, then spaCy", "rules": "spaCy's (compiled: "
                 f"{best['rules']:.2f} s from the cache, {best_cold_rules:.2f} s cold)",
                 "model": "spaCy's", "component": "ours", "knowledge": "ours",
                 "first doc": "both"}
        for name, seconds in best.items():
            print(f"{name:12} {seconds:8.2f}  {whose[name]}")
        print(f"{'total':12} {sum(best.values()):8.2f}")

        env = {**os.environ, "NIGERFACTS_CACHE": str(cache)}
        cli = [sys.executable, "-m", "nigerfacts", "extract"]
        load = min(wall([sys.executable, "-c", "import spacy; spacy.load('fr_core_news_md')"])
                   for _ in range(args.repeat))
        one = min(wall([*cli, str(ARTICLE), "-f", "json"], env) for _ in range(args.repeat))
        print(f"one article end to end {one:.2f} s; bare spacy.load {load:.2f} s; ratio "
              f"{one / load:.2f}   target <= {TARGET_STARTUP}: "
              f"{verdict(one / load <= TARGET_STARTUP)}")
        empty = tmp / "empty.txt"
        empty.write_bytes(b"")
        binary = tmp / "binary.txt"
        binary.write_bytes(b"\x7fELF\x00\x01" * 200)
        for label, path in (("missing", tmp / "missing.txt"), ("empty", empty),
                            ("binary", binary)):
            seconds = min(wall([*cli, str(path), "-f", "json"], env)
                          for _ in range(args.repeat))
            print(f"{label} file answered in {seconds:.2f} s   target < {TARGET_BAD_INPUT} s: "
                  f"{verdict(seconds < TARGET_BAD_INPUT)}")


if __name__ == "__main__":
    main()
