"""`nigerfacts presence` against `nigerfacts extract` on the same corpus: wall time, peak RSS.

    python benchmarks/presence.py              # N = 10 000 articles
    python benchmarks/presence.py -n 1000      # on a loaded machine

The corpus is one JSON Lines file of N articles: the issue corpus (presence_corpus/articles)
repeated, each copy with its own id, so `presence` merges the repeats into the records of one
copy with N/23 sources each (the worst case for what it keeps: every troop count's source).
Each command runs in its own subprocess, output to /dev/null; peak RSS is the child's
ru_maxrss. One line per command, then presence's figures over extract's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "presence_corpus" / "articles"
CLI = [sys.executable, "-m", "nigerfacts"]


def write_corpus(n: int, path: Path) -> None:
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            stem, text = texts[i % len(texts)]
            out.write(json.dumps({"id": f"{i:05d}-{stem}", "text": text}, ensure_ascii=False)
                      + "\n")


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one CLI run in a fresh process."""
    started = time.perf_counter()
    with open("/dev/null", "w") as sink:
        proc = subprocess.Popen([*CLI, *args], stdout=sink, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{args[0]} failed with status {status}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="articles")
    parser.add_argument("--batch-size", type=int, default=64)
    options = parser.parse_args()
    n, batch = options.n, str(options.batch_size)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(n, corpus)
        figures = {}
        for command, extra in (("extract", ["-f", "jsonl"]), ("presence", ["-f", "json"])):
            wall, rss = run([command, str(corpus), "--batch-size", batch, *extra])
            figures[command] = (wall, rss)
            print(f"{command:9s} {n} articles: {wall:8.1f} s, {n / wall:6.1f} articles/s, "
                  f"peak RSS {rss:7.1f} MB", flush=True)
    (pw, pr), (ew, er) = figures["presence"], figures["extract"]
    print(f"presence/extract: time x{pw / ew:.2f}, peak RSS x{pr / er:.2f} "
          f"(own ru_maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
