"""`python -m nigerfacts`."""

from .cli import main

if __name__ == "__main__":  # worker processes started fresh must not re-run the command
    main()
