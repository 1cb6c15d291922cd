"""Huge and pathological inputs: time and peak memory, and how time grows with length.

    python benchmarks/big_file.py                          # 1 MB and 20 MB, side by side
    python benchmarks/big_file.py --mb 1,20 --nfd          # the same, accents decomposed
    python benchmarks/big_file.py --pathological           # growth of time, case by case
    python benchmarks/big_file.py --pathological --cases days,billions --sizes 10000,20000
    python benchmarks/big_file.py --pathological --cases brackets,dense --sizes 10000,100000,1000000

The big file is French text written for this benchmark (sentences with dates, countries,
troop counts and leaders, numbers varied), one article of `--mb` megabytes without a
single paragraph break or with them (`--paragraphs`). It goes through the real command
line (`nigerfacts extract FILE -f jsonl -o OUT`) in a subprocess; the line printed is

    big_file: 20.0 MB, 20000000 chars: 1234.5 s, peak RSS 900 MB (model alone 400 MB), ...

followed by a check of the output: one record, no error, every offset right. With several
sizes, a table follows: seconds per MB (the one-small-article run, start-up, taken off),
peak RSS above that run's, per MB, and the largest size's seconds per MB over the
smallest's, against the target (within 1.2x: time linear in the length).

`--pathological` runs each case at each size in its own subprocess (model loaded before
the clock starts, `--timeout` seconds at most) and prints seconds, peak RSS and the growth
exponent between consecutive sizes: about 1 is linear; 2 is quadratic. Sizes up to the
chunk size (20,000 characters, `nigerfacts.chunks.CHUNK_CHARS`) show an extractor's own
growth; above it a text is cut into chunks, so time grows linearly with the number of
chunks (the last size, ten chunks, checks that), times the cost of one full chunk. Then
the inputs the issue names at full size: a 5 MB line without spaces and 100,000 digits.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

CLI = [sys.executable, "-m", "nigerfacts", "extract"]
SENTENCES = [
    "Le {d} {m} {y}, {n} soldats {a} sont arrivés à {c}, selon l’état-major.",
    "Le président {p} a reçu le ministre de la Défense du {k} pour parler de la sécurité.",
    "Environ {n} militaires de la mission resteront dans la région jusqu’en {m} {y}.",
    "Les discussions ont porté sur le ravitaillement, les frontières et la saison des pluies.",
    "Plus de {n} casques bleus ont quitté {c} depuis le début de l’année {y}.",
]
FILL = {
    "m": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"],
    "a": ["tchadiens", "nigériens", "maliens", "italiens", "burkinabè", "français"],
    "c": ["Niamey", "Bamako", "N’Djamena", "Ouagadougou", "Agadez", "Gao"],
    "k": ["Niger", "Mali", "Tchad", "Burkina Faso", "Bénin", "Sénégal"],
    "p": ["Abdourahamane Tiani", "Assimi Goïta", "Mahamat Idriss Déby", "Ibrahim Traoré"],
}


def article(chars: int, paragraphs: bool) -> str:
    """French text of `chars` characters, varied so that facts do not all merge."""
    out: list[str] = []
    size = i = 0
    while size < chars:
        values = {key: words[(i * 7 + len(key)) % len(words)] for key, words in FILL.items()}
        sentence = SENTENCES[i % len(SENTENCES)].format(
            d=i % 28 + 1, y=2015 + i % 10, n=50 + (i * 37) % 5000, **values)
        sep = "\n\n" if paragraphs and i % 6 == 5 else " "
        out.append(sentence + sep)
        size += len(sentence) + len(sep)
        i += 1
    return "".join(out)[:chars]


def run_measured(args: list[str], timeout: float) -> tuple[int, float, float, bytes, bytes]:
    """Exit status, wall seconds and peak RSS (MB) of a child process, and its output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                status = -9
                break
            time.sleep(0.05)
        proc.returncode = 0  # reaped by wait4
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        code = os.waitstatus_to_exitcode(status) if status != -9 else -9
        return code, seconds, usage.ru_maxrss / 1024, out.read(), err.read()


def offsets_ok(record: dict, text: str) -> tuple[int, int]:
    """(mentions checked, mentions wrong) of one output record against the text."""
    spans = [(m["start"], m["end"], m["text"]) for kind in ("dates", "countries", "leaders")
             for fact in record[kind] for m in fact["mentions"]]
    spans += [(t["start"], t["end"], t["text"]) for t in record["troops"]]
    wrong = sum(1 for start, end, mention in spans if text[start:end] != mention)
    return len(spans), wrong


TARGET_PER_MB = 1.2  # seconds per MB at the largest size over the smallest


def big_file(megabytes: float, nfd: bool, paragraphs: bool, timeout: float
             ) -> tuple[float, float, float, float] | None:
    """Seconds and peak RSS (MB) of the big file, and of one small article (start-up)."""
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.txt"
        small.write_text(article(600, True), encoding="utf-8")
        _, model_seconds, model_rss, _, _ = run_measured(
            [*CLI, str(small), "-f", "jsonl", "-o", str(Path(tmp) / "small.jsonl")], timeout)
        text = article(int(megabytes * 1_000_000), paragraphs)
        if nfd:
            text = unicodedata.normalize("NFD", text)
        path = Path(tmp) / "big.txt"
        path.write_text(text, encoding="utf-8")
        size = path.stat().st_size
        output = Path(tmp) / "big.jsonl"
        code, seconds, rss, _, err = run_measured(
            [*CLI, str(path), "-f", "jsonl", "-o", str(output)], timeout)
        print(f"big_file: {size / 1e6:.1f} MB, {len(text)} chars"
              f"{' (NFD)' if nfd else ''}{'' if paragraphs else ', no paragraph break'}: "
              f"{seconds:.1f} s, peak RSS {rss:.0f} MB (one small article: "
              f"{model_seconds:.1f} s, {model_rss:.0f} MB), exit {code}", flush=True)
        if code != 0:
            print("  stderr:", err.decode(errors="replace").strip()[-2000:])
            return None
        records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        facts = sum(len(records[0][k]) for k in ("dates", "countries", "troops", "leaders"))
        checked, wrong = offsets_ok(records[0], text)
        print(f"  {len(records)} record, {facts} facts, {checked} mentions, "
              f"{wrong} with wrong offsets; {len(text) / seconds:,.0f} chars/s", flush=True)
    return seconds, rss, model_seconds, model_rss


def side_by_side(runs: dict[float, tuple[float, float, float, float]]) -> None:
    """Seconds and memory per MB at each size, start-up off, and the growth's verdict."""
    print(f"{'MB':>6} {'s/MB':>8} {'RSS MB/MB':>10}   (start-up and the model's memory off)")
    per_mb = {}
    for megabytes, (seconds, rss, small_seconds, small_rss) in sorted(runs.items()):
        per_mb[megabytes] = (seconds - small_seconds) / megabytes
        print(f"{megabytes:6.1f} {per_mb[megabytes]:8.1f} "
              f"{(rss - small_rss) / megabytes:10.1f}")
    smallest, largest = min(per_mb), max(per_mb)
    ratio = per_mb[largest] / per_mb[smallest]
    print(f"s/MB at {largest:g} MB over s/MB at {smallest:g} MB: {ratio:.2f}   "
          f"target <= {TARGET_PER_MB}: {'met' if ratio <= TARGET_PER_MB else 'MISSED'}")


# -- pathological inputs -----------------------------------------------------------------

def _days(n: int) -> str:
    parts, k, size = ["le 1"], 2, 4
    while size < n:
        parts.append(f" et {k}")
        size += len(parts[-1])
        k += 1
    return "".join(parts)[:n]


CASES = {
    "dense": lambda n: article(n, True),
    "nospace": lambda n: ("Niamey,Bamako;soldats:300/" * (n // 26 + 1))[:n],
    "digits": lambda n: ("1234567890" * (n // 10 + 1))[:n],
    "groups": lambda n: ("1" + " 000" * (n // 4))[:n],
    "billions": lambda n: ("1 000 000 000 " * (n // 14 + 1))[:n],
    "days": _days,
    "soldats": lambda n: ("soldats " * (n // 8 + 1))[:n],
    "countries": lambda n: ("Le Mali et le Niger. " * (n // 21 + 1))[:n],
    "months": lambda n: ("Mars " * (n // 5 + 1))[:n],
    "leaders": lambda n: ("le président Tiani, " * (n // 20 + 1))[:n],
    # Runs without a space, which spaCy's tokenizer splits one affix at a time (see
    # nigerfacts.chunks.bound_runs): brackets, quotes, elisions, punctuation.
    "brackets": lambda n: "(" * n,
    "quotes": lambda n: "'" * n,
    "elisions": lambda n: ("l'" * (n // 2 + 1))[:n],
    "punctuation": lambda n: (".," * (n // 2 + 1))[:n],
}
AT_SCALE = [("nospace", 5_000_000), ("digits", 100_000)]


def one(case: str, size: int) -> None:
    """Child process: load the model, then time one extraction; print a JSON line."""
    import traceback

    import nigerfacts

    nigerfacts.extract("Le Mali.")
    text = CASES[case](size)
    started = time.perf_counter()
    try:
        facts = nigerfacts.extract(text, "2024-08")
        count = len(facts.dates) + len(facts.countries) + len(facts.troops) + len(facts.leaders)
        result = {"facts": count}
    except Exception as exc:  # a crash is a result here
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"
        result = {"error": f"{type(exc).__name__} in {where}: {str(exc)[:120]}"}
    result["seconds"] = time.perf_counter() - started
    print(json.dumps(result))


def pathological(cases: list[str], sizes: list[int], timeout: float) -> None:
    print(f"{'case':10} {'chars':>9} {'seconds':>8} {'RSS MB':>7} {'growth':>7}  result")
    plan = [(case, size) for case in cases for size in sizes]
    plan += [(case, size) for case, size in AT_SCALE if case in cases]
    previous: dict[str, tuple[int, float]] = {}
    for case, size in plan:
        code, wall, rss, out, err = run_measured(
            [sys.executable, __file__, "--one", case, str(size)], timeout)
        if code == -9:
            print(f"{case:10} {size:>9} {'>' + str(int(timeout)):>8} {rss:>7.0f} {'':>7}  "
                  f"TIMEOUT", flush=True)
            previous.pop(case, None)
            continue
        try:
            result = json.loads(out.decode().strip().splitlines()[-1])
        except (ValueError, IndexError):
            result = {"error": err.decode(errors="replace").strip()[-300:], "seconds": wall}
        seconds = result["seconds"]
        growth = ""
        if case in previous and "error" not in result and size > previous[case][0]:
            n0, t0 = previous[case]
            exponent = math.log(max(seconds, 1e-3) / max(t0, 1e-3)) / math.log(size / n0)
            growth = f"{exponent:.2f}"
            verdict = "SUPER-LINEAR" if exponent > 1.4 and seconds > 1 else "ok"
        else:
            verdict = "ok"
        if "error" in result:
            verdict = f"CRASH {result['error']}"
        else:
            verdict = f"{verdict}, {result['facts']} facts"
            previous[case] = (size, seconds)
        print(f"{case:10} {size:>9} {seconds:>8.2f} {rss:>7.0f} {growth:>7}  {verdict}",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", default="1,20", help="sizes of the big file, MB (comma list)")
    parser.add_argument("--nfd", action="store_true", help="decompose the accents (NFD)")
    parser.add_argument("--paragraphs", action="store_true",
                        help="put a paragraph break every six sentences")
    parser.add_argument("--pathological", action="store_true",
                        help="time the pathological cases instead of the big file")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--sizes", default="5000,10000,20000,200000")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per run")
    parser.add_argument("--one", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one[0], int(args.one[1]))
    elif args.pathological:
        pathological(args.cases.split(","), [int(s) for s in args.sizes.split(",")],
                     args.timeout)
    else:
        runs = {}
        for megabytes in map(float, args.mb.split(",")):
            run = big_file(megabytes, args.nfd, args.paragraphs, args.timeout)
            if run is not None:
                runs[megabytes] = run
        if len(runs) > 1:
            side_by_side(runs)


if __name__ == "__main__":
    main()
