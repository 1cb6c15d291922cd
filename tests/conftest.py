"""Shared fixtures: sample articles written for the project."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    return sorted((SAMPLES / "articles").glob("*.txt"))
