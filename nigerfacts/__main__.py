"""`python -m nigerfacts`."""

from .cli import main

main()
