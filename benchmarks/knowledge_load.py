"""Load time and size of the officeholders base (`nigerfacts/data/officeholders/*.tsv`).

    python benchmarks/knowledge_load.py            # best of 5 loads
    python benchmarks/knowledge_load.py --repeat 20

Each load reads every file and builds the folded-form index, in this process, after
`nigerfacts.leaders.knowledge` is imported (spaCy's import is not counted: the base is read
on the first article, when spaCy is loaded anyway). Prints CPU and wall time of the first
load and of the best later one, then the base's size: people, written forms, rows, and
people per category.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from nigerfacts.leaders.knowledge import knowledge_base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    times = []
    for _ in range(args.repeat):
        knowledge_base.cache_clear()
        wall, cpu = time.perf_counter(), time.process_time()
        base = knowledge_base()
        times.append((time.process_time() - cpu, time.perf_counter() - wall))
    first, best = times[0], min(times[1:] or times)
    rows = sum(len(p.offices) for p in base.people.values())
    print(f"first load: {first[0] * 1000:.1f} ms CPU, {first[1] * 1000:.1f} ms wall; "
          f"later loads (words already folded): {best[0] * 1000:.1f} ms CPU, "
          f"{best[1] * 1000:.1f} ms wall, best of {len(times) - 1 or 1}; "
          f"current to {base.current_to}")
    print(f"{len(base)} people, {len(base.forms)} written forms, {rows} person-office rows")
    categories = Counter(c for p in base.people.values() for c in {o.category for o in p.offices})
    for category, count in categories.most_common():
        print(f"  {category:<20} {count:>5} people")


if __name__ == "__main__":
    main()
