"""The real CLI with one fault planted, for tests of what a failure does to a run.

    python tests/faulty_cli.py FAULT extract ...

FAULT is `read:NAME` (reading the input NAME raises), `extract:WORD` (extracting a text
containing WORD raises), `block:WORD` (extracting a text containing WORD writes the file
named by $NIGERFACTS_TEST_MARKER, then waits for ever: a test then knows the run is busy
and sends its signal), `no-html-reader` (lxml_html_clean is not installed), `none`.
A fault is planted before the CLI starts, so forked workers inherit it.
"""

from __future__ import annotations

import sys


def plant(fault: str) -> None:
    kind, _, arg = fault.partition(":")
    if kind == "read":
        from nigerfacts import sources

        real = sources.read_source

        def read_source(name: str, input_format: str = "auto") -> sources.Source:
            if name.endswith(arg):
                raise RuntimeError(f"planted fault reading {arg}")
            return real(name, input_format)

        sources.read_source = read_source
    elif kind == "extract":
        from nigerfacts.component import NigerFacts

        real_extract = NigerFacts._extract

        def extract(self, doc):  # type: ignore[no-untyped-def]
            if arg in doc.text:
                raise RuntimeError(f"planted fault on {arg}")
            return real_extract(self, doc)

        NigerFacts._extract = extract
    elif kind == "block":
        import os
        import time
        from pathlib import Path

        from nigerfacts.component import NigerFacts

        real_call = NigerFacts._extract

        def blocked(self, doc):  # type: ignore[no-untyped-def]
            if arg in doc.text:
                Path(os.environ["NIGERFACTS_TEST_MARKER"]).write_text(str(os.getpid()))
                while True:  # short sleeps: a signal just before a long one would be held
                    time.sleep(0.05)
            return real_call(self, doc)

        NigerFacts._extract = blocked
    elif kind == "no-html-reader":
        sys.modules["lxml_html_clean"] = None  # type: ignore[assignment]
    elif kind != "none":
        raise SystemExit(f"unknown fault {fault}")


if __name__ == "__main__":
    plant(sys.argv[1])
    sys.argv = ["nigerfacts", *sys.argv[2:]]
    from nigerfacts.cli import main

    main()
