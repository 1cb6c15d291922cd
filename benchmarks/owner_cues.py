"""How often each owner cue decided a troop count's state, and how often it was right.

Runs the extraction over annotated sets (`DIR/articles/<id>.txt`, `DIR/gold/<id>.json`) and,
for every predicted count whose number the gold lists, compares its state with the gold
state of that number (any gold entry of that number with that state counts as right).
Counts without a state carry no cue: they are tallied as `(no state)`.

    python benchmarks/owner_cues.py samples holdout holdout2 holdout4
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import nigerfacts


def tally(directories: list[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(decided, right, unmatched) per cue over every article of the directories."""
    decided: Counter[str] = Counter()
    right: Counter[str] = Counter()
    unmatched: Counter[str] = Counter()
    for directory in directories:
        for article in sorted(Path(directory, "articles").glob("*.txt")):
            gold = json.loads((Path(directory, "gold") / f"{article.stem}.json").read_text())
            states: dict[int, set[str | None]] = {}
            for t in gold.get("troops") or []:
                states.setdefault(t["count"], set()).add(t.get("country"))
            for t in nigerfacts.extract(article.read_text(encoding="utf-8")).troops:
                cue = t.why.country.cue if t.why and t.why.country else "(no state)"
                if t.count not in states:
                    unmatched[cue] += 1
                    continue
                decided[cue] += 1
                right[cue] += t.country in states[t.count]
    return decided, right, unmatched


def main(directories: list[str]) -> None:
    decided, right, unmatched = tally(directories)
    print(f"sets: {', '.join(directories)}")
    print(f"{'cue':<24} {'decided':>8} {'right':>6} {'share':>6} {'not in gold':>12}")
    for cue, n in decided.most_common():
        print(f"{cue:<24} {n:>8} {right[cue]:>6} {right[cue] / n:>6.1%} {unmatched[cue]:>12}")
    total = sum(decided.values())
    print(f"{'all':<24} {total:>8} {sum(right.values()):>6} "
          f"{sum(right.values()) / max(total, 1):>6.1%} {sum(unmatched.values()):>12}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["samples", "holdout", "holdout2", "holdout4"])
