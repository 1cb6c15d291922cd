"""The library API: extract, extract_many, the dateline and the output contract."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

import nigerfacts
from nigerfacts.models import Facts

ARTICLE = (
    " date 2024-08 Le 6 juillet dernier, le ministre tchadien de la Défense Issakha Malloua "
    "Djamouss a annoncé l'envoi de 300 soldats tchadiens au Niger. Niamey a salué la décision."
)


def test_extract_reads_the_dateline_as_reference_date():
    facts = nigerfacts.extract(ARTICLE)
    assert facts.reference_date == "2024-08"
    assert [d.value for d in facts.dates] == ["2024-07-06"]


def test_dateline_is_not_a_date_fact():
    facts = nigerfacts.extract(" date 2024-08 Rien de neuf.")
    assert facts.dates == []


def test_reference_date_argument_overrides_the_dateline():
    facts = nigerfacts.extract(ARTICLE, reference_date="2025-01")
    assert facts.reference_date == "2025-01"
    assert [d.value for d in facts.dates] == ["2024-07-06"]


def test_extract_finds_every_kind():
    facts = nigerfacts.extract(ARTICLE)
    assert {c.code for c in facts.countries} == {"TCD", "NER"}
    assert [(t.count, t.country, t.kind) for t in facts.troops] == [(300, "TCD", "strength")]
    assert [(lead.name, lead.country) for lead in facts.leaders] == [
        ("Issakha Malloua Djamouss", "TCD")]


def test_offsets_index_the_text_as_given():
    facts = nigerfacts.extract(ARTICLE)
    spans = [(d.start, d.end, d.text) for d in facts.dates]
    spans += [(m.start, m.end, m.text) for c in facts.countries for m in c.mentions]
    spans += [(t.start, t.end, t.text) for t in facts.troops]
    spans += [(m.start, m.end, m.text) for lead in facts.leaders for m in lead.mentions]
    assert spans
    for start, end, text in spans:
        assert ARTICLE[start:end] == text


def test_extract_many_keeps_input_order():
    texts = ["Les soldats maliens sont à Bamako.", "Moscou a répondu.", "Le Tchad aussi."]
    codes = [[c.code for c in f.countries] for f in nigerfacts.extract_many(texts)]
    assert codes == [["MLI"], ["RUS"], ["TCD"]]


def test_extract_many_takes_one_reference_date_per_text():
    texts = ["Le 3 mars, rien.", "Le 3 mars, rien."]
    facts = list(nigerfacts.extract_many(texts, ["2024-02", "2025-02"]))
    assert [f.dates[0].value for f in facts] == ["2024-03-03", "2025-03-03"]


def test_every_output_validates_against_the_schema():
    schema = Facts.model_json_schema()
    document = nigerfacts.extract(ARTICLE).model_dump(mode="json")
    jsonschema.validate(document, schema)
    assert set(document) >= {"source", "reference_date", "dates", "countries", "troops",
                             "leaders"}


def test_unknown_fact_kind_in_component_config_is_a_clear_error():
    nlp = nigerfacts.load_pipeline()
    from nigerfacts.component import NigerFacts

    with pytest.raises(ValueError, match="unknown fact kinds"):
        NigerFacts(nlp, kinds=["weather"])


COMPONENT_SCRIPT = """
import json, spacy
nlp = spacy.load("fr_core_news_md")
nlp.add_pipe("nigerfacts_paragraphs", before="parser")
nlp.add_pipe("nigerfacts", config={"kinds": ["countries", "dates"]})
doc = nlp(" date 2024-08 Les soldats italiens ont quitté Niamey le 3 juillet.\\n\\nRome a salué.")
facts = doc._.facts
print(json.dumps({"countries": [c.code for c in facts.countries],
                  "dates": [d.value for d in facts.dates], "troops": len(facts.troops),
                  "paragraph_starts_a_sentence": doc[-4].is_sent_start}))
"""


def test_components_are_usable_from_spacy_in_a_fresh_interpreter():
    out = subprocess.run([sys.executable, "-c", COMPONENT_SCRIPT], capture_output=True,
                         text=True, check=True).stdout
    assert json.loads(out) == {"countries": ["ITA", "NER"], "dates": ["2024-07-03"], "troops": 0,
                               "paragraph_starts_a_sentence": True}


def test_a_blank_line_ends_a_sentence_and_a_wrapped_line_does_not():
    nlp = nigerfacts.load_pipeline()
    assert nlp.pipe_names.index("nigerfacts_paragraphs") == nlp.pipe_names.index("parser") - 1
    doc = nlp("Le bilan est lourd. Les pertes dépassent\n3 000 hommes selon Kiev\n\n"
              "Selon Séoul, Pyongyang a envoyé 12 000 soldats en Russie.")
    starts = {t.text for t in doc if t.is_sent_start}
    assert "Selon" in starts
    assert "3" not in starts


def test_import_does_not_load_spacy():
    code = "import sys, nigerfacts, nigerfacts.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- one result per text, whatever fails ----------------------------------------------------

TEXTS = ["Le Tchad a envoyé 150 soldats au Niger.", "Le Mali a fermé sa frontière. PIÈGE",
         "Le Bénin a fermé sa frontière avec le Togo."]


@pytest.mark.parametrize("dates", [["2024"], [], ["2024", None, None, "2023"]])
def test_extract_many_with_a_date_per_text_missing_or_extra_is_a_value_error(dates):
    with pytest.raises(ValueError, match="reference dates: give one per text"):
        list(nigerfacts.extract_many(TEXTS, dates))


def test_extract_many_with_streamed_dates_that_run_out_is_a_value_error():
    results = nigerfacts.extract_many(iter(TEXTS), iter(["2024"]))
    assert next(results).countries[0].code == "TCD"
    with pytest.raises(ValueError, match="no reference date for text 1"):
        next(results)


def test_extract_many_gives_one_result_per_text_and_date():
    results = list(nigerfacts.extract_many(TEXTS, ["2024", None, "2021-05"]))
    assert [r.reference_date for r in results] == ["2024", None, "2021-05"]


@pytest.fixture
def failing_on_a_word(monkeypatch):
    from nigerfacts.component import NigerFacts

    real = NigerFacts._extract

    def extract(self, doc):
        if "PIÈGE" in doc.text:
            raise RuntimeError("planted fault")
        return real(self, doc)

    monkeypatch.setattr(NigerFacts, "_extract", extract)


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_article_is_returned_in_its_place_and_the_others_go_on(failing_on_a_word,
                                                                         n_process):
    from nigerfacts.pipeline import DocumentError

    results = list(nigerfacts.extract_many(TEXTS, errors="return", batch_size=2,
                                           n_process=n_process))
    assert len(results) == 3
    assert isinstance(results[1], DocumentError)
    assert str(results[1]) == "RuntimeError: planted fault"
    assert "Traceback (most recent call last)" in results[1].traceback
    assert [[c.code for c in r.countries] for r in (results[0], results[2])] == [
        ["TCD", "NER"], ["BEN", "TGO"]]


def test_a_failing_article_raises_a_document_error_by_default(failing_on_a_word):
    from nigerfacts.pipeline import DocumentError

    with pytest.raises(DocumentError, match="planted fault"):
        list(nigerfacts.extract_many(TEXTS))
