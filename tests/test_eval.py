"""`nigerfacts eval`: the same figures as the shared scorer, options for people and for CI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nigerfacts.cli import app
from nigerfacts.evaluation import same_person

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev"
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a1.txt").write_text(
        " date 2024-05 Le 3 mai, 150 soldats tchadiens sont arrivés à Niamey.", encoding="utf-8")
    (tmp_path / "gold" / "a1.json").write_text(json.dumps({
        "id": "a1", "reference_date": "2024-05",
        "dates": [{"text": "3 mai", "value": "2024-05-03"}],
        "countries": ["TCD", "NER"],
        "troops": [{"text": "150 soldats", "count": 150, "country": "TCD",
                    "qualifier": "exact", "kind": "strength"}],
        "leaders": [{"name": "Mahamat Idriss Déby", "title": "président", "country": "TCD",
                     "former": False}],
    }), encoding="utf-8")
    return tmp_path


def test_json_figures_count_hits_misses_and_false_alarms(gold_dir: Path):
    result = runner.invoke(app, ["eval", str(gold_dir), "--format", "json"])
    assert result.exit_code == 0
    figures = json.loads(result.stdout)["figures"]
    assert figures["dates"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert figures["countries"]["tp"] == 2
    assert figures["troops"]["tp"] == 1
    assert figures["leaders"]["fn"] == 1
    assert figures["articles"] == 1


def test_details_list_each_miss_with_its_article(gold_dir: Path):
    result = runner.invoke(app, ["eval", str(gold_dir), "--format", "json", "--details"])
    details = json.loads(result.stdout)["details"]
    assert {"id": "a1", "kind": "leaders", "error": "MISSED",
            "fact": "Mahamat Idriss Déby (TCD)"} in details


def test_min_f1_exits_1_below_the_bar(gold_dir: Path):
    assert runner.invoke(app, ["eval", str(gold_dir), "--min-f1", "0.5"]).exit_code == 1
    # leaders F1 is 0 here: no leader in the text, one in the gold


def test_min_f1_passes_when_every_kind_is_above(gold_dir: Path, tmp_path: Path):
    gold = json.loads((gold_dir / "gold" / "a1.json").read_text(encoding="utf-8"))
    gold["leaders"] = []
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"source": "x/a1.txt", **gold}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold_dir), "--pred", str(pred), "--min-f1", "0.9",
                                 "--format", "json"])
    figures = json.loads(result.stdout)["figures"]
    assert figures["dates"]["f1"] == 1.0
    assert figures["leaders"]["f1"] == 0.0  # no gold leader either: F1 is reported as 0
    assert result.exit_code == 1


def test_table_output_names_every_kind(gold_dir: Path):
    result = runner.invoke(app, ["eval", str(gold_dir), "--format", "table"])
    for kind in ("dates", "countries", "troops", "troops_count", "leaders"):
        assert kind in result.stdout
    assert "leaders matched" in result.stdout


def test_directory_without_gold_is_a_usage_error(tmp_path: Path):
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Tiani", "Abdourahamane Tiani", True),
    ("abdourahamane TIANI", "Abdourahamane Tiani", True),
    ("Kęstutis Budrys", "Kestutis Budrys", True),
    ("Mohamed Bazoum", "Mohamed Ould Bazoum", True),
    ("Mohamed Bazoum", "Mohamed Ali", False),
])
def test_leader_names_match_accent_and_case_blind(a: str, b: str, same: bool):
    assert same_person(a, b) is same


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="../shared/eval is not beside the project")
def test_same_figures_as_the_shared_scorer_on_the_dev_set(tmp_path: Path):
    articles = sorted(str(p) for p in (SHARED_DEV / "articles").glob("*.txt"))
    pred = tmp_path / "pred.jsonl"
    out = subprocess.run([sys.executable, "-m", "nigerfacts", "extract", *articles, "-f", "jsonl"],
                         capture_output=True, text=True, check=True).stdout
    pred.write_text(out, encoding="utf-8")
    theirs = json.loads(subprocess.run(
        [sys.executable, str(SHARED_SCORER), str(SHARED_DEV), "--pred", str(pred), "--json"],
        capture_output=True, text=True, check=True).stdout.split("\nF1 ")[0])
    ours = json.loads(runner.invoke(app, ["eval", str(SHARED_DEV), "--pred", str(pred),
                                          "--format", "json"]).stdout)["figures"]
    for kind in ("dates", "countries", "troops", "troops_count", "leaders"):
        assert abs(ours[kind]["f1"] - theirs[kind]["f1"]) <= 0.01, kind
    assert ours["leader_attributes"] == theirs["leader_attributes"]
    assert ours["troop_attributes"] == theirs["troop_attributes"]
