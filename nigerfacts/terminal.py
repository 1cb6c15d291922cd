"""What the CLI shows a person on a terminal while it works, always on whole lines.

A spinner while the spaCy model loads, then a progress bar for a batch, both gone when
done. Messages (errors, warnings, the summary) and tables are printed above them, through
the same console, so that no line holds the bar and something else. Nothing of this when
stderr is not a terminal: then messages are plain lines on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console, RenderableType
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
)

# The screen in use, so that any part of the CLI can say something without breaking it.
current: Screen | None = None


class Screen:
    """The terminal of one command: `say` a line, `show` a table, `loading`, `advance`.

    `out` is where results go while the screen is up (None: they come after); `tables_out`
    that they are tables for a person. When results go to the terminal too (stdout a
    terminal), the spinner and the bar share its console, which prints results above them;
    JSON for the terminal gets no bar at all.
    """

    def __init__(self, out: TextIO | None, *, total: int, bar: bool, tables_out: bool = False,
                 quiet: bool = False) -> None:
        self.total = total
        live = sys.stderr.isatty() and not quiet
        results_here = out is sys.stdout and sys.stdout.isatty()
        self.bar = live and bar and (tables_out or not results_here)
        self.results = Console(file=out) if tables_out and out is not None else None
        if live:
            console = self.results if results_here and self.results else Console(stderr=True)
            self.progress: Progress | None = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), console=console,
                transient=True, redirect_stdout=False, redirect_stderr=False)
        else:
            self.progress = None
        self.task = None

    def __enter__(self) -> Screen:
        global current
        current = self
        return self

    def __exit__(self, *exc: object) -> None:
        global current
        current = None
        if self.progress is not None:
            self.progress.stop()

    @contextmanager
    def loading(self, model: str) -> Iterator[None]:
        """A spinner while `model` loads; then the bar, if there is one."""
        if self.progress is None:
            yield
            return
        self.progress.start()
        self.task = self.progress.add_task(f"Loading the spaCy model {model}", total=None)
        try:
            yield
        finally:
            if self.bar:
                self.progress.columns = (SpinnerColumn(), TextColumn("{task.description}"),
                                         BarColumn(), MofNCompleteColumn(),
                                         TimeRemainingColumn())
                self.progress.update(self.task, description="Extracting",
                                     total=self.total or None, completed=self.done)
            else:
                self.progress.stop()

    done = 0

    def advance(self) -> None:
        self.done += 1
        if self.bar and self.progress is not None and self.task is not None:
            self.progress.update(self.task, completed=self.done)

    def say(self, line: str) -> None:
        """One line for the person (stderr), above the bar while it runs; kept whole (the
        terminal wraps it) so that it reads and greps the same everywhere."""
        if self.progress is not None and self.progress.live.is_started:
            self.progress.console.print(line, markup=False, highlight=False, emoji=False,
                                        soft_wrap=True)
        else:
            print(line, file=sys.stderr, flush=True)

    def show(self, renderable: RenderableType) -> None:
        """A result for a person (tables), above the bar when both are on the terminal."""
        assert self.results is not None
        if self.progress is not None and self.progress.console is self.results:
            self.progress.console.print(renderable)
        else:
            self.results.print(renderable)
