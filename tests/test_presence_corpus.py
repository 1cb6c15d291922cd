"""`nigerfacts presence` end to end on the issue corpus (presence_corpus/: 23 articles of
several outlets reporting the same deployments, and its gold records), through the CLI, from
articles and from an archive, in every format and with every filter."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nigerfacts.cli import app

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "presence_corpus"
runner = CliRunner()


def _project(record: dict) -> dict:
    """What the gold fixes of a record: everything but evidence details; sources by article."""
    fields = ("state", "location", "mission", "kind", "count", "low", "high", "qualifier",
              "as_of_first", "as_of_last")
    return {**{f: record[f] for f in fields},
            "sources": [Path(s["source"]).stem if isinstance(s, dict) else s
                        for s in record["sources"]]}


def _order(record: dict) -> tuple:
    return (record["state"], record["location"] or "", record["kind"],
            record["as_of_first"] or "", record["count"])


@pytest.fixture(scope="module")
def from_articles() -> list[dict]:
    result = runner.invoke(app, ["presence", str(CORPUS / "articles"), "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("presence") / "archive.db"
    result = runner.invoke(app, ["extract", str(CORPUS / "articles"), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _from_db(archive: Path, *args: str) -> str:
    result = runner.invoke(app, ["presence", "--db", str(archive), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_presence_gives_the_gold_records_of_the_corpus(from_articles):
    gold = json.loads((CORPUS / "gold" / "records.json").read_text(encoding="utf-8"))
    assert len(list((CORPUS / "articles").glob("*.txt"))) >= 20
    expected = sorted((_project(g) for g in gold), key=_order)
    assert sorted((_project(r) for r in from_articles), key=_order) == expected


def test_every_source_carries_its_article_and_evidence(from_articles):
    text = {p.stem: p.read_text(encoding="utf-8") for p in (CORPUS / "articles").glob("*.txt")}
    for record in from_articles:
        for source in record["sources"]:
            article = text[Path(source["source"]).stem]
            assert article[source["start"]:source["end"]] == source["text"]


def test_the_archive_gives_the_same_records_as_the_articles(archive, from_articles):
    assert [_project(r) for r in json.loads(_from_db(archive, "-f", "json"))] == \
        [_project(r) for r in from_articles]


@pytest.mark.parametrize(("args", "expected"), [
    (["--country", "TCD"], {("TCD", 1000), ("TCD", 1500)}),
    (["--location", "LBN"], {("IDN", 2), ("ITA", 1050)}),
    (["--mission", "samidrc"], {("ZAF", 2900), ("ZAF", 13), ("ZAF", 14)}),
    (["--kind", "casualties"], {("IDN", 2), ("ZAF", 13), ("ZAF", 14)}),
    (["--since", "2025-01"], {("FRA", 1000), ("ZAF", 2900), ("ZAF", 13), ("ZAF", 14)}),
    (["--until", "2024-02"], {("RUS", 1000)}),
    (["--country", "RUS", "--since", "2024-03", "--until", "2024-12"], {("RUS", 2000)}),
])
def test_each_filter_of_the_command(archive, args, expected):
    records = json.loads(_from_db(archive, "-f", "json", *args))
    assert {(r["state"], r["count"]) for r in records} == expected


def test_jsonl_csv_and_table_formats(archive):
    lines = _from_db(archive, "-f", "jsonl").splitlines()
    assert len(lines) == 15 and json.loads(lines[0])["state"] == "BDI"
    rows = list(csv.DictReader(io.StringIO(_from_db(archive, "-f", "csv"))))
    russia = [r for r in rows if r["state"] == "RUS" and r["as_of_first"].startswith("2024-02")]
    assert (russia[0]["low"], russia[0]["high"], russia[0]["n_sources"]) == ("1000", "1100", "3")
    assert russia[0]["evidence"] == "un millier de soldats | 1 000 militaires | 1 100 militaires"
    table = _from_db(archive, "-f", "table", "--country", "TCD")
    assert "Tchad (TCD) in Niger (NER)" in table and "1 500" in table


def test_output_extension_names_the_format(archive, tmp_path):
    out = tmp_path / "presence.html"
    _from_db(archive, "-o", str(out))
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_usage_errors_exit_2(archive, tmp_path):
    assert runner.invoke(app, ["presence"]).exit_code == 2
    assert runner.invoke(app, ["presence", "--db", str(tmp_path / "none.db")]).exit_code == 2
    assert runner.invoke(app, ["presence", "--db", str(archive), "--kind", "x"]).exit_code == 2
    assert runner.invoke(app, ["presence", "--db", str(archive), "--since", "09-2024"]
                         ).exit_code == 2


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian package chromium) absent")
def test_html_chart_renders_every_point_in_headless_chromium(archive, tmp_path):
    page = tmp_path / "presence.html"
    _from_db(archive, "-o", str(page))
    html = page.read_text(encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    # The probe counts the points drawn inside their chart whose link leads to a table row.
    probe = ("<script>document.title = [...document.querySelectorAll('svg a')].filter(a => {"
             "const b = a.getBoundingClientRect(), s = a.closest('svg').getBoundingClientRect();"
             "const row = document.getElementById(a.getAttribute('href').slice(1));"
             "return b.width > 0 && b.left >= s.left && b.right <= s.right + 40 && row && "
             "row.tagName === 'TR'}).length</script></body>")
    probed = tmp_path / "probed.html"
    probed.write_text(html.replace("</body>", probe), encoding="utf-8")
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", probed.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    title = re.search(r"<title>(\d+)</title>", dom)
    assert title is not None, dom[:500]
    assert int(title.group(1)) == 15  # every record of the corpus is dated: one point each
    # a chart per state and location, and one more for South Africa's casualties in the DRC
    assert html.count("<svg xmlns") == 11
    shot = tmp_path / "presence.png"
    subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1000,1400",
                    page.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
