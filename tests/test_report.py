"""Fitting the spaCy ecosystem: config, doc.spans, displaCy, the HTML report and the timeline."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nigerfacts
from nigerfacts.cli import app
from nigerfacts.evidence import sentence_around
from nigerfacts.report import html_report
from nigerfacts.timeline import timeline

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
    page = html_report([(ARTICLE, facts)])
    kinds = set(re.findall(r'data-kind="(\w+)"', page))
    assert kinds == {"dates", "countries", "troops", "leaders"}
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page
    assert page.count("<table>") == 4
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


def test_html_report_leaves_the_dateline_out_of_the_text():
    page = html_report([(ARTICLE, nigerfacts.extract(ARTICLE))])
    article = re.search(r'<article class="text" lang="fr">(.*)</article>', page, re.S).group(1)
    assert "date 2024-09" not in article
    assert article.startswith("Le ")
    assert "Reference date: 2024-09" in page


def test_html_report_links_highlights_and_rows_both_ways():
    page = html_report([(ARTICLE, nigerfacts.extract(ARTICLE))])
    row_ids = set(re.findall(r'<tr id="(a1-\w+-\d+)"', page))
    mark_links = set(re.findall(r'<a href="#(a1-\w+-\d+)"><mark', page))
    assert mark_links == row_ids  # every highlight leads to its row, every row has one
    anchors = set(re.findall(r'<span class="anchor" id="(a1-t\d+)">', page))
    row_links = set(re.findall(r'<td data-label="Evidence"><a href="#(a1-t\d+)">', page))
    assert row_links and row_links <= anchors  # a row's evidence leads to its mentions
    start = ARTICLE.index("300 soldats")
    assert f'id="a1-t{start}"' in page


def test_html_report_speaks_english_throughout():
    page = html_report([(ARTICLE, nigerfacts.extract(ARTICLE))])
    labels = re.sub(r'<article class="text".*?</article>', "", page, flags=re.S)
    # The evidence is the article's text, in French.
    labels = re.sub(r'<td data-label="Evidence"><a [^>]*>[^<]*</a></td>', "", labels)
    for french in ("Pays", "Dirigeants", "Effectifs", "Valeur", "référence", ">oui<", ">non<"):
        assert french not in labels
    assert "Troop counts (1)" in page and "Reference date" in page


def test_extract_html_format_writes_the_report(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "html"])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert 'data-kind="troops"' in result.stdout
    assert 'id="index"' not in result.stdout  # one article: no index


def test_html_report_of_several_articles_has_an_index_then_a_section_each(tmp_path: Path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text("Le Tchad a envoyé 50 soldats au Niger en mai 2023.", encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["extract", str(a), str(b), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    index = page[page.index('<nav id="index">'):page.index("</nav>")]
    assert re.findall(r'<a href="#a\d" title="([^"]+)">([^<]+)</a>', index) == [
        (str(a), "a.txt"), (str(b), "b.txt")]
    assert page.index("</nav>") < page.index('<section id="a1">') < page.index('<section id="a2">')
    assert 'id="a2-troops-0"' in page


def test_timeline_is_in_calendar_order_with_sentences():
    facts = nigerfacts.extract(ARTICLE)
    entries = timeline([(ARTICLE, facts)])
    assert [(e.value, e.kind) for e in entries] == [
        ("2021", "date"), ("2024-07-06", "date"), ("2024-07-06", "troops"), ("2024-08", "date")]
    assert entries[0].sentence == "Depuis 2021, la force conjointe patrouille autour du lac."
    assert entries[1].sentence.startswith("Le 6 juillet dernier, le président tchadien")
    assert (entries[2].text, entries[2].sentence) == ("300 soldats", entries[1].sentence)


def test_sentence_around_leaves_the_dateline_out():
    start = ARTICLE.index("6 juillet")
    assert sentence_around(ARTICLE, start, start + 9).startswith("Le 6 juillet")


def test_timeline_command_prints_json_when_piped(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["timeline", str(path)])
    assert result.exit_code == 0
    assert [e["value"] for e in json.loads(result.stdout)] == ["2021", "2024-07-06", "2024-07-06",
                                                               "2024-08"]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SECOND = ("Le Tchad a envoyé 50 soldats au Niger en mai 2023, a annoncé le ministre "
          "tchadien de la Défense. Les autorités nigériennes n'ont pas commenté.")
# The report in a frame of the screen's size (headless windows are at least 500 px wide;
# a frame is a viewport of its own, media queries included), measured once loaded: the
# layout as numbers, written into the title for --dump-dom to show.
MEASURE = """<!DOCTYPE html><html><head><title>-</title></head><body style="margin:0">
<iframe id="f" style="border:0;width:%dpx;height:%dpx" srcdoc="%s"></iframe><script>
document.getElementById('f').onload = () => {
  const w = document.getElementById('f').contentWindow, d = w.document;
  const box = e => e.getBoundingClientRect();
  const text = box(d.querySelector('#a1 .text')), facts = box(d.querySelector('#a1 .facts'));
  const right = Math.max(...[...d.querySelectorAll('table')].map(t => box(t).right));
  document.title = JSON.stringify({viewport: w.innerWidth, scroll: d.documentElement.scrollWidth,
    text: [text.left, text.top, text.width, text.bottom],
    facts: [facts.left, facts.top, facts.width],
    tables_right: right,
    marked: [...d.querySelectorAll('mark.nf')].filter(
      m => w.getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length});
};
</script></body></html>"""


def _chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}"]
    return subprocess.run([CHROMIUM, *flags, *args, page.as_uri()], capture_output=True,
                          text=True, timeout=120)


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


@pytest.fixture(scope="module")
def report_page(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("report")
    articles = [(ARTICLE, nigerfacts.extract(ARTICLE, source="lac-tchad.txt")),
                (SECOND, nigerfacts.extract(SECOND, "2023-06", source="tchad-niger.txt"))]
    page = folder / "report.html"
    page.write_text(html_report(articles), encoding="utf-8")
    return page, page.read_text(encoding="utf-8")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium (Debian package chromium) absent;"
                    " .ci/run installs it")
@pytest.mark.parametrize("width, height", [(1400, 1000), (400, 900)])
def test_report_layout_in_headless_chromium(tmp_path: Path, report_page, width, height):
    page, html = report_page
    probed = tmp_path / "probed.html"
    probed.write_text(MEASURE % (width, height, escape(html)), encoding="utf-8")
    dom = _chromium(tmp_path, probed, f"--window-size={max(width, 500) + 20},{height + 20}",
                    "--dump-dom").stdout
    found = re.search(r"<title>(\{.*\})</title>", dom)
    assert found is not None, dom[:500]
    layout = json.loads(found.group(1).replace("&quot;", '"'))
    assert layout["viewport"] == width
    assert layout["scroll"] <= width  # nothing wider than the screen
    assert layout["tables_right"] <= width  # every table whole, none to scroll sideways
    text_left, text_top, text_width, text_bottom = layout["text"]
    facts_left, facts_top, facts_width = layout["facts"]
    if width >= 1000:  # two columns side by side, the text the wider
        assert facts_left > text_left + text_width - 1
        assert abs(facts_top - text_top) < 2
        assert text_width > 1.3 * facts_width > 400
    else:  # one column: the tables under the text, both the width of the screen
        assert facts_top >= text_bottom
        assert text_width == facts_width >= width - 40
    assert layout["marked"] == html.count("<mark ")  # every highlight coloured
    shot = tmp_path / f"report-{width}.png"
    _chromium(tmp_path, page, f"--window-size={width},{height}", f"--screenshot={shot}")
    assert _png_size(shot) == (width, height)
