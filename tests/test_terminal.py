"""The CLI on a real terminal: stdout and stderr on a pseudo-terminal of 80 and 120 columns.

What is checked is what a person sees: no line holding the progress bar (or the spinner)
and a table or a message, no line wider than the terminal, nothing of the bar left at the
end. The assertions hold whatever the timing of the bar's refreshes.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent.parent / "samples" / "articles"
_CSI = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])")
_OTHER_ESCAPE = re.compile(r"\x1b[^\[]")
# The spinner and the bar, known by their words and the spinner's frames.
BAR = ("⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏", "Loading the spaCy model",
       "Extracting")
TABLE = ("┃", "│", "┏", "┗", "┡", "└", "Reference date:")


def run_on_terminal(args: list[str], columns: int, rows: int = 60) -> tuple[int, str]:
    """Exit status and every byte the CLI wrote to its terminal, decoded."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {k: v for k, v in os.environ.items()
           if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TTY_COMPATIBLE",
                        "TTY_INTERACTIVE")}
    env["TERM"] = "xterm-256color"
    proc = subprocess.Popen([sys.executable, "-m", "nigerfacts", *args], stdin=subprocess.DEVNULL,
                            stdout=slave, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the CLI has ended and closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=300), b"".join(chunks).decode("utf-8", errors="replace")


def stretches(raw: str) -> list[str]:
    """Text written on one line without the cursor leaving it (colours dropped): split where
    the cursor goes back to the start of a line, moves, or a line is erased."""
    text = _CSI.sub(lambda m: "" if m.group(2) in "mhl" else "\n", raw)
    return re.split(r"[\r\n]+", _OTHER_ESCAPE.sub("", text))


def screen(raw: str, columns: int) -> list[str]:
    """The lines left on a terminal of `columns` once everything is written (a small
    emulator: carriage return, new line, cursor up, erase line; long lines wrap)."""
    lines, row, col = [""], 0, 0
    position = 0
    for match in _CSI.finditer(raw + "\x1b[0m"):
        for char in _OTHER_ESCAPE.sub("", raw[position:match.start()]):
            if char == "\r":
                col = 0
            elif char == "\n":
                row += 1
            elif char >= " ":
                if col >= columns:
                    row, col = row + 1, 0
                while len(lines) <= row:
                    lines.append("")
                line = lines[row].ljust(col)
                lines[row] = line[:col] + char + line[col + 1:]
                col += 1
            while len(lines) <= row:
                lines.append("")
        position = match.end()
        number = int(match.group(1)) if match.group(1).isdigit() else 1
        if match.group(2) == "A":
            row = max(0, row - number)
        elif match.group(2) == "K":
            lines[row] = "" if match.group(1) == "2" else lines[row][:col]
    return [line.rstrip() for line in lines]


@pytest.fixture(scope="module")
def articles() -> list[str]:
    return [str(p) for p in sorted(SAMPLES.glob("*.txt"))[:3]]


@pytest.mark.parametrize("columns", [80, 120])
def test_tables_bar_and_messages_never_share_a_line(articles, tmp_path, columns):
    missing = str(tmp_path / "missing.txt")
    status, raw = run_on_terminal(["extract", *articles, missing], columns)
    assert status == 1
    assert "Loading the spaCy model fr_core_news_md" in raw  # said while it loads
    for line in stretches(raw):
        # Messages are whole lines, as when piped (the terminal wraps them); the rest fits.
        assert len(line) <= columns or line == f"nigerfacts: {missing}: no such file", line
        if any(mark in line for mark in BAR):
            assert not any(mark in line for mark in TABLE), line
            assert "nigerfacts:" not in line, line
    shown = screen(raw, columns)
    assert not [line for line in shown if any(mark in line for mark in BAR)]  # nothing left
    assert f"nigerfacts: {missing}: no such file" in "".join(shown)
    assert sum(line.startswith("Countries (") for line in shown) == 3
    assert re.fullmatch(r"nigerfacts: 4 documents, \d+ facts, 1 error, [\d.]+ s", shown[-2]
                        if shown[-1] == "" else shown[-1])


@pytest.mark.parametrize("columns", [80, 120])
def test_timeline_is_one_line_a_fact_within_the_terminal(articles, columns):
    status, raw = run_on_terminal(["timeline", *articles], columns)
    assert status == 0
    shown = [line for line in screen(raw, columns) if line]
    dated = [line for line in shown if re.match(r"\d{4}(-\d\d){0,2} ", line)]
    assert len(dated) >= 10
    assert [line.split()[0] for line in dated] == sorted(line.split()[0] for line in dated)
    assert all(len(line) <= columns for line in stretches(raw))
