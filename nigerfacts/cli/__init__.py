"""The `nigerfacts` command line: a thin layer over `nigerfacts.extract_many`.

spaCy is imported only when a command needs the model, so `--help` and
`schema` start instantly.

One module per command (`extract`, `evaluate`, `timeline`, `presence`), registered on the
one app in `app`; `run` is the model run they share, `output` the safe writing of
--output, `options` their shared options and messages.
"""

from .app import _exit_now, app, main

__all__ = ["_exit_now", "app", "main"]
