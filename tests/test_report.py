"""Fitting the spaCy ecosystem: config, doc.spans, displaCy, the HTML report and the timeline."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nigerfacts
from nigerfacts.cli import app
from nigerfacts.report import html_report, sentence_around, timeline

runner = CliRunner()
ARTICLE = (
    " date 2024-09 Le 6 juillet dernier, le président tchadien Mahamat Idriss Déby a "
    "envoyé 300 soldats tchadiens au Niger. Les premiers éléments sont arrivés à Niamey "
    "en août.\n\nDepuis 2021, la force conjointe patrouille autour du lac."
)

SPACY_SCRIPT = """
import json, spacy
from spacy import displacy
nlp = spacy.load("fr_core_news_md")
nlp.add_pipe("nigerfacts", config={"kinds": ["dates", "countries", "troops"],
                                    "dateline": False, "reference_date": "2024-09"})
doc = nlp("Le 6 juillet dernier, 300 soldats tchadiens sont arrivés au Niger.")
html = displacy.render(doc, style="span", options={"spans_key": "nigerfacts"})
print(json.dumps({
    "reference": doc._.facts.reference_date,
    "dates": [d.value for d in doc._.facts.dates],
    "leaders": len(doc._.facts.leaders),
    "spans": sorted({(s.label_, s.text) for s in doc.spans["nigerfacts"]}),
    "rendered": html.count("nigerfacts") >= 0 and "TROOPS" in html and "COUNTRY" in html,
}))
"""


def test_component_config_and_spans_work_for_spacy_users():
    out = subprocess.run([sys.executable, "-c", SPACY_SCRIPT], capture_output=True, text=True,
                         check=True).stdout
    result = json.loads(out)
    assert result["reference"] == "2024-09"
    assert result["dates"] == ["2024-07-06"]
    assert result["leaders"] == 0  # leaders were not asked for
    assert ["DATE", "6 juillet dernier"] in result["spans"]
    assert ["COUNTRY", "tchadiens"] in result["spans"]
    assert ["COUNTRY", "Niger"] in result["spans"]
    assert ["TROOPS", "300 soldats"] in result["spans"]
    assert result["rendered"] is True


def test_html_report_marks_every_kind_and_is_self_contained():
    facts = nigerfacts.extract(ARTICLE)
    page = html_report(ARTICLE, facts)
    labels = set(re.findall(r'data-label="(\w+)"', page))
    assert labels == {"DATE", "COUNTRY", "TROOPS", "LEADER"}
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page
    assert page.count("<table>") == 4


def test_extract_html_format_writes_the_report(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "html"])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert 'data-label="TROOPS"' in result.stdout


def test_html_format_refuses_several_articles(tmp_path: Path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (a, b):
        p.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(a), str(b), "--format", "html"])
    assert result.exit_code == 2


def test_timeline_is_in_calendar_order_with_sentences():
    facts = nigerfacts.extract(ARTICLE)
    entries = timeline([(ARTICLE, facts)])
    assert [e.value for e in entries] == ["2021", "2024-07-06", "2024-08"]
    assert entries[0].sentence == "Depuis 2021, la force conjointe patrouille autour du lac."
    assert entries[1].sentence.startswith("Le 6 juillet dernier, le président tchadien")


def test_sentence_around_leaves_the_dateline_out():
    start = ARTICLE.index("6 juillet")
    assert sentence_around(ARTICLE, start, start + 9).startswith("Le 6 juillet")


def test_timeline_command_prints_json_when_piped(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["timeline", str(path)])
    assert result.exit_code == 0
    assert [e["value"] for e in json.loads(result.stdout)] == ["2021", "2024-07-06", "2024-08"]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian package chromium) absent")
def test_report_renders_highlights_in_headless_chromium(tmp_path: Path):
    page = tmp_path / "report.html"
    page.write_text(html_report(ARTICLE, nigerfacts.extract(ARTICLE)), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    probe = ("<script>document.title = [...document.querySelectorAll('mark.nf')].filter("
             "m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length"
             "</script></body>")
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", probe),
                      encoding="utf-8")
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", probed.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    title = re.search(r"<title>(\d+)</title>", dom)
    assert title is not None, dom[:500]
    assert int(title.group(1)) == dom.count('class="nf nf-') - 4  # minus the legend's spans
    assert int(title.group(1)) >= 6
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1280,800",
                    page.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
