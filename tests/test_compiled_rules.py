"""The tokenizer's large patterns kept compiled on disk: same matches, faster start, no harm."""

from __future__ import annotations

import re

import pytest

from nigerfacts import compiled_rules

# A pattern of the tokenizer's kind: alternatives over large character classes.
LETTERS = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f\u0400-\u04ff"
PATTERN = "(?iu)" + "|".join(f"(?:^{p}[-–][{LETTERS}]+$)"
                             for p in ("porte", "garde", "sous", "anti", "contre"))
WORDS = ["porte-avions", "Garde-côtes", "sous-officier", "anti–char", "contre-attaque",
         "porte", "avions", "sous-", "Niamey", "porte-avions-2", "sous-мир"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NIGERFACTS_CACHE", str(tmp_path / "cache"))
    re.purge()
    yield tmp_path / "cache"
    re.purge()


def stored(cache):
    return sorted(p.name for p in cache.glob("*.sre")) if cache.exists() else []


def test_a_remembered_pattern_matches_as_a_fresh_compile(cache):
    compiled_rules._remember(PATTERN)
    remembered = re.compile(PATTERN)  # from re's cache, as spaCy's call would be
    re.purge()
    fresh = re.compile(PATTERN)
    assert remembered is not fresh
    assert [bool(remembered.match(w)) for w in WORDS] == [bool(fresh.match(w)) for w in WORDS]
    assert [bool(remembered.match(w)) for w in WORDS][:5] == [True] * 5


def test_the_compiled_form_is_stored_once_and_read_back(cache):
    compiled_rules._remember(PATTERN)
    [name] = stored(cache)
    re.purge()
    assert compiled_rules._read(cache / name) is not None
    compiled_rules._remember(PATTERN)
    assert stored(cache) == [name]
    assert re.compile(PATTERN).match("porte-avions")


def test_a_damaged_file_is_compiled_again_and_replaced(cache):
    compiled_rules._remember(PATTERN)
    [name] = stored(cache)
    path = cache / name
    path.write_bytes(path.read_bytes()[:-8] + b"\x00" * 8)
    assert compiled_rules._read(path) is None
    re.purge()
    compiled_rules._remember(PATTERN)
    assert compiled_rules._read(path) is not None
    assert [bool(re.compile(PATTERN).match(w)) for w in WORDS[:5]] == [True] * 5


def test_a_cache_that_cannot_be_written_leaves_no_file_and_still_compiles(tmp_path,
                                                                         monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setenv("NIGERFACTS_CACHE", str(blocker / "cache"))
    re.purge()
    compiled_rules._remember(PATTERN)
    assert re.compile(PATTERN).match("garde-côtes")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]
    re.purge()


def test_warm_with_a_model_that_is_not_installed_does_nothing(cache):
    compiled_rules.warm("xx_no_such_model")
    assert stored(cache) == []


def test_the_models_token_match_is_the_large_pattern_found():
    [pattern] = compiled_rules._large_patterns("fr_core_news_md")
    assert len(pattern) > compiled_rules.LARGE
    assert pattern.startswith("(?iu)")


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("NIGERFACTS_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiled_rules.cache_dir() == tmp_path / "nigerfacts"
    monkeypatch.setenv("NIGERFACTS_CACHE", str(tmp_path / "mine"))
    assert compiled_rules.cache_dir() == tmp_path / "mine"
