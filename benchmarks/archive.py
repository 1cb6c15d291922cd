"""The archive's incremental run: N articles into a new database, then the same command again.

    python benchmarks/archive.py            # N = 400
    python benchmarks/archive.py -n 100

The corpus is N distinct articles (the samples repeated, each copy with its own number so its
text, hence its sha256, differs). The second run must re-extract nothing and take under 5% of
the first run's wall time (both through the real CLI, start-up included).
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "articles"
CLI = [sys.executable, "-m", "nigerfacts", "extract"]
TARGET_SECOND_RUN = 0.05  # second run's wall time over the first's


def write_corpus(folder: Path, n: int) -> None:
    articles = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for i in range(n):
        (folder / f"{i:05d}.txt").write_text(f"{articles[i % len(articles)]}\n(dépêche {i})\n",
                                             encoding="utf-8")


def run(folder: Path, db: Path) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.run([*CLI, str(folder), "--db", str(db)], capture_output=True, text=True,
                          check=False)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"nigerfacts failed: {proc.stderr}")
    return wall, proc.stderr.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=400, help="articles (default 400)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "corpus", Path(tmp) / "archive.db"
        folder.mkdir()
        write_corpus(folder, args.n)
        first, first_line = run(folder, db)
        second, second_line = run(folder, db)
        with sqlite3.connect(db) as conn:
            articles, troops = (conn.execute(f"select count(*) from {t}").fetchone()[0]
                                for t in ("articles", "troops"))
        size = os.path.getsize(db) / 2**20
    extracted = int(re.search(r"(\d+) extracted", second_line).group(1))
    ratio = second / first
    print(f"first run:  {first:7.1f} s  ({first_line})")
    print(f"second run: {second:7.1f} s  ({second_line})")
    print(f"archive: {articles} articles, {troops} troop counts, {size:.1f} MiB")
    print(f"second run re-extracts {extracted} articles (target 0): "
          f"{'met' if extracted == 0 else 'MISSED'}")
    print(f"second run / first run: {ratio:.3f} (target < {TARGET_SECOND_RUN}): "
          f"{'met' if ratio < TARGET_SECOND_RUN else 'MISSED'}")


if __name__ == "__main__":
    main()
