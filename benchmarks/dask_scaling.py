"""Articles per second on a local Dask cluster (1 and 2 workers) against `--workers 1/2`.

    pip install ".[dask]"
    python benchmarks/dask_scaling.py [N]      # N articles, built from samples/ (default 200)

Each figure is one run of the CLI in a subprocess, start-up (model load) included.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int, directory: Path) -> list[str]:
    samples = sorted((ROOT / "samples" / "articles").glob("*.txt"))
    paths = []
    for i in range(n):
        path = directory / f"a{i:05d}.txt"
        path.write_text(samples[i % len(samples)].read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(str(path))
    return paths


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "nigerfacts", "extract", *args, "-f", "jsonl",
                    "-o", "/dev/null"], check=True, capture_output=True)
    return time.perf_counter() - start


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus(n, Path(tmp))
        runs = {
            "--workers 1": ["--workers", "1"],
            "--workers 2": ["--workers", "2"],
            "dask local, 1 worker": ["--scheduler", "local", "--workers", "1"],
            "dask local, 2 workers": ["--scheduler", "local", "--workers", "2"],
        }
        print(f"{n} articles, start-up included")
        for name, args in runs.items():
            seconds = timed([*paths, *args])
            print(f"{name:<24}{n / seconds:8.1f} articles/s  ({seconds:.1f} s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
