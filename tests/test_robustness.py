"""Robustness: every bad input gets a clear answer, nothing crashes, nothing is lost.

1. The bad-input matrix runs the real command line (a subprocess) once, over one batch
   holding every case, then checks each case: its record (facts or an error), its lines
   on stderr (one per bad input, never a traceback) and that the good inputs' facts are
   those the API gives for the same text.
2. Huge and pathological texts go through the API: they must complete and give valid
   facts. Sizes are kept small so the suite stays fast (benchmarks/big_file.py times
   them at scale).
3. Properties (hypothesis): arbitrary text never breaks `extract` nor the offset
   contract; decoding, chunking and the date normalizer keep their promises.
"""

from __future__ import annotations

import calendar
import ctypes
import datetime as dt
import functools
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import nigerfacts
from nigerfacts import chunks as chunking
from nigerfacts.dates import DateMention, normalize, resolve_year
from nigerfacts.language import looks_french
from nigerfacts.models import Facts
from nigerfacts.sources import InputError, decode, html_text

# Test texts written for these tests.
ARTICLE = ("Le 12 mars 2024, 300 soldats tchadiens sont arrivés à Niamey. "
           "Le Mali a salué l’envoi de ces renforts au Niger.\n")
CRLF = ("Communiqué du 4 avril 2023.\r\n\r\n"
        "À Bamako, 150 soldats maliens ont défilé devant la presse.\r\n"
        "Le Niger a envoyé une délégation le 6 avril 2023.\r\n")
NFD = unicodedata.normalize("NFD", "Le 5 février 2024, le général nigérien a reçu à Niamey "
                                   "120 soldats italiens, arrivés d’Italie la veille.\n")
ENGLISH = ("On 12/03/2024, the government of Mali said that Niger would receive new "
           "equipment, and the minister told the press that the decision was final "
           "for the whole region and for the years to come.\n")
ARABIC = ("أعلنت الحكومة في نيامي وصول جنود جدد إلى النيجر يوم الثلاثاء الماضي "
          "بعد اجتماع طويل مع المسؤولين في العاصمة.\n")
HTML = ("<html><head><title>Actualité</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav>"
        "<article><h1>Renforts au Sahel</h1>"
        "<p>Le 12 mars 2024, 300 soldats tchadiens sont arrivés à Niamey, selon un "
        "communiqué publié dans la soirée par les autorités de la transition.</p>"
        "<p>Le Mali a salué l’envoi de ces renforts au Niger et annoncé une réunion "
        "des chefs d’état-major pour la fin du mois.</p></article>"
        "<footer>Tous droits réservés</footer></body></html>")
SCRIPT_ONLY_HTML = ("<html><head><title>Direct</title></head><body>"
                    "<script>var direct = true;</script></body></html>")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"

NO_SUCH_FILE = "no such file"
EMPTY = "empty (no text)"
NUL_BYTES = "binary file (contains NUL bytes), not text"
NOT_UTF8 = "not UTF-8: read as Windows-1252"
NOT_FRENCH = "the text does not look French; facts may be missed"


# -- helpers --------------------------------------------------------------------------------

def spans(facts: Facts) -> list[tuple[int, int, str]]:
    """Every (start, end, text) a fact gives."""
    out = [(d.start, d.end, d.text) for d in facts.dates]
    out += [(m.start, m.end, m.text) for d in facts.dates for m in d.mentions]
    out += [(m.start, m.end, m.text) for c in facts.countries for m in c.mentions]
    out += [(t.start, t.end, t.text) for t in facts.troops]
    out += [(m.start, m.end, m.text) for lead in facts.leaders for m in lead.mentions]
    return out


def assert_offsets(facts: Facts, text: str) -> None:
    for start, end, mention in spans(facts):
        assert 0 <= start <= end <= len(text), (start, end, len(text))
        assert text[start:end] == mention, (start, end, mention)


def without_source(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "source"}


def _drop_file_capabilities() -> None:
    """In the child, before exec: lose CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH.

    Root keeps every other power, but file permission bits apply to it again, so a
    `chmod 000` file is unreadable, as it is for any other user.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _locked_file_is_unreadable(path: Path) -> tuple[bool, str]:
    """Whether a child process (as the CLI will run) fails to read a `chmod 000` file."""
    preexec = _drop_file_capabilities if os.geteuid() == 0 else None
    try:
        proc = subprocess.run([sys.executable, "-c", f"open({str(path)!r}, 'rb').read()"],
                              preexec_fn=preexec, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return False, f"cannot drop root's file capabilities ({exc})"
    if proc.returncode == 0:
        return False, "permission bits do not apply (root with CAP_DAC_OVERRIDE, which " \
                      "could not be dropped)"
    return True, ""


def run_cli(*args: str, stdin: bytes = b"", drop_caps: bool = False,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "nigerfacts", "extract", *args], input=stdin,
        capture_output=True, timeout=600, cwd=cwd,
        preexec_fn=_drop_file_capabilities if drop_caps else None)
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8"))


# -- 1. the bad-input matrix, through the real CLI -------------------------------------------

# name -> (bytes of the file, text as read or None for an error, error or warning expected)
FILES: dict[str, tuple[bytes, str | None, str | None]] = {
    "utf8.txt": (ARTICLE.encode(), ARTICLE, None),
    "utf8-bom.txt": (b"\xef\xbb\xbf" + ARTICLE.encode(), ARTICLE, None),
    "utf16-bom.txt": (ARTICLE.encode("utf-16"), ARTICLE, None),
    "utf16be-bom.txt": (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), ARTICLE, None),
    "utf16-no-bom.txt": (ARTICLE.encode("utf-16-le"), ARTICLE,
                         "warning: UTF-16 without a byte order mark"),
    "cp1252.txt": (ARTICLE.encode("cp1252"), ARTICLE, f"warning: {NOT_UTF8}"),
    "binary.txt": (b"\x00\x01\x02\x03donnees\x00\xff" * 20, None, NUL_BYTES),
    "controls.txt": (bytes(range(1, 9)) * 200, None,
                     "binary file (control characters), not text"),
    "image.png": (PNG, None, NUL_BYTES),
    "empty.txt": (b"", None, EMPTY),
    "blank.txt": (b" \n\t\r\n   \n", None, EMPTY),
    "bom-only.txt": (b"\xef\xbb\xbf\r\n", None, EMPTY),
    "english.txt": (ENGLISH.encode(), ENGLISH, f"warning: {NOT_FRENCH}"),
    "arabic.txt": (ARABIC.encode(), ARABIC, f"warning: {NOT_FRENCH}"),
    "crlf.txt": (CRLF.encode(), CRLF, None),
    "nfd.txt": (NFD.encode(), NFD, None),
    "page.html": (HTML.encode(), None, None),  # text as read: what trafilatura extracts
    "script.html": (SCRIPT_ONLY_HTML.encode(), None, "no article text found in the HTML"),
}
JSONL = "\n".join([
    json.dumps({"id": "bon", "text": ARTICLE, "date": "2024-03"}),
    json.dumps({"id": "date-fausse", "text": ARTICLE, "date": "hier"}),
    "{pas du json",
    json.dumps({"id": "sans-texte", "titre": "Rien"}),
    json.dumps({"id": "blanc", "text": "   "}),
    '{"id": "surrogat", "text": "Le Mali \\ud800 a envoy\\u00e9 200 soldats au Niger."}',
    "[" * 100_000 + "]" * 100_000,
]) + "\n"
STDIN = b"\x00\x00binaire\x00"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One CLI run over every case; returns what the checks need."""
    root = tmp_path_factory.mktemp("matrix")
    for name, (raw, _, _) in FILES.items():
        (root / name).write_bytes(raw)
    (root / "corpus.jsonl").write_text(JSONL, encoding="utf-8")
    folder = root / "dossier"
    (folder / "sous").mkdir(parents=True)
    (folder / "a.txt").write_text(CRLF, encoding="utf-8")
    (folder / "sous" / "b.txt").write_text("\n\n", encoding="utf-8")
    (folder / "notes.md").write_text(ARTICLE, encoding="utf-8")  # not *.txt: not read
    (root / "vide").mkdir()
    (root / "lien-casse.txt").symlink_to(root / "nulle-part.txt")
    with open(root / "enorme.txt", "wb") as sparse:  # no disk used: a hole
        sparse.truncate(50_000_001)
    locked = root / "verrou.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    lock_works, lock_reason = _locked_file_is_unreadable(locked)

    paths = [*FILES, "corpus.jsonl", "dossier", "vide", "absent.txt", "lien-casse.txt",
             "enorme.txt", "/dev/zero", "-"]
    if lock_works:
        paths.append("verrou.txt")
    proc = run_cli(*paths, "-f", "jsonl", stdin=STDIN, cwd=root,
                   drop_caps=lock_works and os.geteuid() == 0)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    return {"root": root, "proc": proc, "records": records, "paths": paths,
            "by_source": {r["source"]: r for r in records},
            "stderr": proc.stderr.splitlines(), "lock": (lock_works, lock_reason)}


EXPECTED_ORDER = [
    *FILES, "bon", "date-fausse", "corpus.jsonl:3", "corpus.jsonl:4", "blanc", "surrogat",
    "corpus.jsonl:7", "dossier/a.txt", "dossier/sous/b.txt", "vide", "absent.txt",
    "lien-casse.txt", "enorme.txt", "/dev/zero", "-",
]
ERRORS = {
    **{name: reason for name, (_, text, reason) in FILES.items()
       if text is None and reason is not None},
    "corpus.jsonl:3": "not a JSON object",
    "corpus.jsonl:4": "no string field 'text'",
    "blanc": EMPTY,
    "vide": "directory without '*.txt' files",
    "corpus.jsonl:7": "not a JSON object",
    "dossier/sous/b.txt": EMPTY,
    "absent.txt": NO_SUCH_FILE,
    "lien-casse.txt": "broken symbolic link",
    "enorme.txt": "file too large (over 50 MB)",
    "/dev/zero": "not a regular file",
    "-": NUL_BYTES,
}


def test_batch_exits_1_without_traceback(batch):
    proc = batch["proc"]
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Traceback" not in proc.stdout


def test_every_input_has_one_record_in_input_order(batch):
    expected = list(EXPECTED_ORDER)
    if batch["lock"][0]:
        expected.append("verrou.txt")
    assert [r["source"] for r in batch["records"]] == expected


def test_stderr_is_one_line_per_bad_input_and_per_warning(batch):
    lines = batch["stderr"]
    assert all(line.startswith("nigerfacts: ") for line in lines), lines
    problems = [line for line in lines[:-1] if ": warning: " not in line]
    errors = sum(1 for r in batch["records"] if "error" in r)
    assert len(problems) == errors
    assert re.fullmatch(rf"nigerfacts: {len(batch['records'])} documents?, \d+ facts?, "
                        rf"{errors} errors?, [\d.]+ s", lines[-1])


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_bad_input_is_an_error_record_and_one_stderr_line(batch, name):
    assert batch["by_source"][name] == {"source": name, "error": ERRORS[name]}
    mine = [line for line in batch["stderr"] if line.startswith(f"nigerfacts: {name}: ")]
    assert mine == [f"nigerfacts: {name}: {ERRORS[name]}"]


def test_directory_is_expanded_to_its_txt_files_recursively(batch):
    sources = [r["source"] for r in batch["records"]]
    assert "dossier/a.txt" in sources and "dossier/sous/b.txt" in sources
    assert not any(s.endswith("notes.md") for s in sources)
    assert [d["value"] for d in batch["by_source"]["dossier/a.txt"]["dates"]] == [
        "2023-04-04", "2023-04-06"]


def test_unreadable_file_is_permission_denied(batch):
    works, reason = batch["lock"]
    if not works:
        pytest.skip(f"cannot make a file unreadable here: {reason}")
    assert batch["by_source"]["verrou.txt"] == {"source": "verrou.txt",
                                                "error": "permission denied"}
    assert "nigerfacts: verrou.txt: permission denied" in batch["stderr"]


GOOD = sorted(name for name, (_, text, _) in FILES.items() if text is not None)


@pytest.mark.parametrize("name", GOOD)
def test_good_input_is_read_as_written_with_offsets_right(batch, name):
    raw, text, note = FILES[name]
    decoded, _ = decode(raw)
    assert decoded == text
    record = batch["by_source"][name]
    assert "error" not in record
    assert_offsets(Facts.model_validate(record), text)
    warnings = [line for line in batch["stderr"] if line.startswith(f"nigerfacts: {name}: ")]
    assert warnings == ([f"nigerfacts: {name}: {note}"] if note else [])


@pytest.mark.parametrize("name", [*GOOD, "page.html", "bon", "date-fausse", "dossier/a.txt"])
def test_good_inputs_facts_are_intact_in_a_batch_with_bad_ones(batch, name):
    """Exactly the facts the API gives for the same text: nothing lost, nothing mixed."""
    record = batch["by_source"][name]
    if name == "page.html":
        text, date = html_text(HTML), None
    elif name in ("bon", "date-fausse"):
        text, date = ARTICLE, "2024-03" if name == "bon" else None
    elif name == "dossier/a.txt":
        text, date = CRLF, None
    else:
        text, date = FILES[name][1], None
    expected = nigerfacts.extract(text, date).model_dump(mode="json")
    assert without_source(record) == without_source(expected)


def test_encodings_all_give_the_same_facts(batch):
    docs = [without_source(batch["by_source"][n]) for n in (
        "utf8.txt", "utf8-bom.txt", "utf16-bom.txt", "utf16be-bom.txt", "utf16-no-bom.txt",
        "cp1252.txt")]
    assert all(doc == docs[0] for doc in docs)
    assert [d["value"] for d in docs[0]["dates"]] == ["2024-03-12"]
    assert {"TCD", "NER", "MLI"} <= {c["code"] for c in docs[0]["countries"]}
    assert 300 in [t["count"] for t in docs[0]["troops"]]


def test_crlf_offsets_count_the_carriage_returns(batch):
    record = batch["by_source"]["crlf.txt"]
    dates = {d["value"]: d for d in record["dates"]}
    assert dates["2023-04-06"]["start"] == CRLF.index("6 avril 2023")
    assert "\r" in CRLF[: dates["2023-04-06"]["start"]]


def test_nfd_accents_are_composed_for_the_extractors_and_offsets_index_nfd(batch):
    record = batch["by_source"]["nfd.txt"]
    assert [d["value"] for d in record["dates"]] == ["2024-02-05"]
    assert record["dates"][0]["text"] == unicodedata.normalize("NFD", "5 février 2024")
    assert {"NER", "ITA"} <= {c["code"] for c in record["countries"]}
    assert 120 in [t["count"] for t in record["troops"]]


def test_non_french_text_warns_and_still_gives_facts(batch):
    record = batch["by_source"]["english.txt"]
    assert [d["value"] for d in record["dates"]] == ["2024-03-12"]
    assert {"MLI", "NER"} <= {c["code"] for c in record["countries"]}


def test_html_offsets_index_the_extracted_article_text(batch):
    record = batch["by_source"]["page.html"]
    text = html_text(HTML)
    assert "Accueil" not in text and "droits" not in text
    assert_offsets(Facts.model_validate(record), text)
    assert [d["value"] for d in record["dates"]] == ["2024-03-12"]


def test_jsonl_bad_date_field_warns_and_is_ignored(batch):
    assert batch["by_source"]["date-fausse"]["reference_date"] is None
    assert ("nigerfacts: date-fausse: warning: field 'date' is not a date (YYYY, YYYY-MM or "
            "YYYY-MM-DD): ignored") in batch["stderr"]
    assert batch["by_source"]["bon"]["reference_date"] == "2024-03"


def test_jsonl_lone_surrogate_is_replaced_and_warned(batch):
    record = batch["by_source"]["surrogat"]
    assert "MLI" in {c["code"] for c in record["countries"]}
    assert any("surrogat: warning: invalid characters" in line for line in batch["stderr"])


def test_one_bad_file_alone_is_an_error_object_and_exit_1(tmp_path):
    path = tmp_path / "vide.txt"
    path.write_bytes(b"")
    proc = run_cli(str(path), "-f", "json")
    assert proc.returncode == 1
    assert json.loads(proc.stdout) == {"source": str(path), "error": EMPTY}
    assert proc.stderr.splitlines() == [f"nigerfacts: {path}: {EMPTY}"]


def test_undecodable_file_name_gives_valid_json(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    proc = run_cli(name, "absent.txt", "-f", "jsonl", cwd=tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    sources = [json.loads(line)["source"] for line in proc.stdout.splitlines()]
    assert sources == ["caf\ufffd.txt", "absent.txt"]


def test_extreme_reference_date_is_no_traceback(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Le 12 mars, 300 soldats tchadiens sont arrivés.\n", encoding="utf-8")
    proc = run_cli(str(path), "--date", "9999-12", "-f", "json")
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 2)


# -- 2. huge and pathological texts, through the API ----------------------------------------

def valid(facts: Facts, text: str) -> None:
    Facts.model_validate_json(facts.model_dump_json())
    assert_offsets(facts, text)


def test_text_over_a_million_chars_has_every_mention_with_right_offsets():
    """Longer than spaCy's max_length: cut into chunks, offsets kept, nothing lost."""
    paragraph = ("Le {d} mars 2024, {n} soldats tchadiens sont arrivés à Niamey. "
                 "Le Mali a salué l’envoi de ces renforts.")
    fillers = ["\n\n" + " " * 24_000 + "\n\n", "\n" + "-" * 25_000 + "\n",
               "\n" + "\u00a0" * 25_000 + "\n"]
    parts = []
    for k in range(42):
        parts.append(paragraph.format(d=k % 28 + 1, n=1000 + k))
        parts.append(fillers[k % 3])
    parts.append("Enfin, le 30 avril 2025, le Niger a reçu 4321 soldats.")
    text = "".join(parts)
    assert len(text) > 1_000_000
    facts = nigerfacts.extract(text)
    valid(facts, text)
    codes = {c.code: c for c in facts.countries}
    assert len(codes["NER"].mentions) == text.count("Niamey") + 1
    assert len(codes["MLI"].mentions) == text.count("Mali")
    last = next(d for d in facts.dates if d.value == "2025-04-30")
    assert last.start > 1_000_000
    assert {t.count for t in facts.troops} >= {1000, 1041, 4321}


def test_long_line_without_spaces_completes():
    text = ("soldatsNiamey300é" * 12_000)[:200_000]
    valid(nigerfacts.extract(text), text)


def test_long_line_of_punctuated_words_completes():
    text = "Niamey,Bamako;soldats:300/" * 1_600
    facts = nigerfacts.extract(text)
    valid(facts, text)
    assert len(next(c for c in facts.countries if c.code == "NER").mentions) == 1_600


def test_nfd_text_over_a_chunk_keeps_offsets():
    sentence = unicodedata.normalize("NFD", "Le 5 février 2024, le général a reçu à Niamey "
                                            "120 soldats italiens.")
    filler = "\n\n" + " " * 30_000 + "\n\n"
    text = filler.join([sentence] * 8)
    assert len(text) > 200_000
    facts = nigerfacts.extract(text)
    valid(facts, text)
    assert len(next(c for c in facts.countries if c.code == "NER").mentions) == 8
    assert len(next(d for d in facts.dates if d.value == "2024-02-05").mentions) == 8


def test_repeated_soldats_complete():
    text = "soldats " * 25_000
    valid(nigerfacts.extract(text), text)


def test_repeated_days_without_a_month_complete():
    """`le 1 et 2 et 3 et ...` with no month."""
    text = "le 1" + "".join(f" et {n}" for n in range(2, 5_000))
    assert len(text) > 30_000
    valid(nigerfacts.extract(text, "2024-08"), text)


def test_repeated_billions_complete():
    """`1 000 000 000 1 000 000 000 ...`: thousands groups without end."""
    text = "1 000 000 000 " * 3_000
    valid(nigerfacts.extract(text), text)


def test_repeated_countries_complete():
    text = "Le Mali et le Niger. " * 500
    facts = nigerfacts.extract(text)
    valid(facts, text)
    assert len(next(c for c in facts.countries if c.code == "MLI").mentions) == 500


def test_hundred_thousand_digits_complete():
    text = "1234567890" * 10_000
    valid(nigerfacts.extract(text), text)


def test_endless_thousands_groups_complete():
    text = "1" + " 000" * 2_000
    valid(nigerfacts.extract(text), text)


# -- 3. properties ----------------------------------------------------------------------------

FRENCH_WORDS = [
    "le", "la", "les", "de", "du", "et", "à", "au", "en", "1er", "2", "12", "31", "300",
    "1 000", "2 500", "deux", "cent", "mille", "centaine", "mars", "février", "août",
    "mi-août", "fin", "dernier", "prochain", "2023", "2024", "1999", "12/03/2024",
    "2024-02-30", "soldats", "militaires", "casques", "bleus", "tués", "Niger", "Mali",
    "Tchad", "Niamey", "tchadiens", "nigériens", "France", "président", "ministre",
    "Mahamat", "Idriss", "Déby", "général", "Tiani", "Wagner", "Africa", "Corps", ",", ".",
    "«", "»", "’", "-", "(", ")", "\n", "\r\n", "\n\n",
]
SEPARATORS = [" ", " ", " ", "\u00a0", "\u202f", "\t", "", "\n"]


@st.composite
def french_soup(draw) -> str:
    words = draw(st.lists(st.sampled_from(FRENCH_WORDS), max_size=60))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words),
                         max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, seps, strict=True))
    form = draw(st.sampled_from(["NFC", "NFD", "NFKC"]))
    return unicodedata.normalize(form, text)


ANY_CHAR = st.characters(codec=None, categories=None, exclude_categories=())
TEXTS = st.one_of(french_soup(), st.text(ANY_CHAR, max_size=200),
                  st.text(st.sampled_from("1 0.,/-et mars"), max_size=200))
REFERENCES = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).flatmap(
    lambda d: st.sampled_from([f"{d:%Y}", f"{d:%Y-%m}", d.isoformat()])))
PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


@PROPERTY
@given(text=TEXTS, reference=REFERENCES)
def test_extract_never_raises_and_keeps_the_offset_contract(text, reference):
    facts = nigerfacts.extract(text, reference)
    assert isinstance(facts, Facts)
    Facts.model_validate(facts.model_dump())
    assert_offsets(facts, text)
    if not _has_surrogates(text):
        Facts.model_validate_json(facts.model_dump_json())
    for date in facts.dates:
        assert_iso(date.value, date.precision)


@PROPERTY
@given(text=TEXTS)
def test_chunked_extraction_keeps_the_offset_contract(text):
    """The same, with tiny chunks: cuts anywhere, facts merged and mapped back."""
    text = text * 3
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("nigerfacts.pipeline.chunks", functools.partial(chunking.chunks, size=40))
        facts = nigerfacts.extract(text)
    assert_offsets(facts, text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(ANY_CHAR, max_size=300), size=st.integers(4, 50))
def test_split_and_normalize_map_every_offset_back(text, size):
    pieces = chunking.split(text, size)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= size for _, piece in pieces)
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece
        chunk = chunking.normalize(piece, offset)
        assert not _has_surrogates(chunk.text)
        if chunk.index is None:
            assert len(chunk.text) == len(piece)
            continue
        assert unicodedata.normalize("NFC", chunk.text) == unicodedata.normalize(
            "NFC", chunking._SURROGATES.sub("\ufffd", piece))
        mapped = [chunk.index(p) for p in range(len(chunk.text) + 1)]
        assert mapped == sorted(mapped)
        assert mapped[0] == 0 and mapped[-1] == len(piece)


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=300))
def test_decode_reads_text_or_says_why(raw):
    try:
        text, warning = decode(raw)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(text, str) and (warning is None or isinstance(warning, str))
    looks_french(text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=200))
def test_decode_round_trips_text_it_accepts(text):
    if text.startswith("\ufeff"):
        text = "x" + text  # a leading BOM is dropped by design
    for raw in (text.encode(), b"\xef\xbb\xbf" + text.encode(), text.encode("utf-16")):
        try:
            decoded, warning = decode(raw)
        except InputError:
            assert sum(ord(c) < 32 and c not in "\n\r\t\f\v" for c in text[:8192]) > 0
            continue
        assert decoded == text and warning is None


def test_invalid_reference_date_is_a_clear_value_error():
    with pytest.raises(ValueError, match="is not a date"):
        nigerfacts.extract("Le 12 mars, le Mali.", "12 mars")


# The date normalizer: whatever the mention and the reference, a valid ISO value or None.

def assert_iso(value: str, precision: str) -> None:
    if value.startswith("--"):  # year unknown
        month, _, day = value[2:].partition("-")
        assert len(month) == 2 and 1 <= int(month) <= 12
        if day:
            assert precision == "day"
            dt.date(2000, int(month), int(day))
        else:
            assert precision == "month"
        return
    if precision == "day":
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
        assert dt.date.fromisoformat(value).year >= 1
    elif precision == "month":
        assert re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value) and value[:4] != "0000"
    else:
        assert re.fullmatch(r"\d{4}", value) and value != "0000"


MENTIONS = st.builds(
    DateMention, start=st.just(0), end=st.just(1),
    year=st.one_of(st.none(), st.integers(1, 9999)),
    month=st.one_of(st.none(), st.integers(-1, 14)),
    day=st.one_of(st.none(), st.integers(-1, 33)),
    relation=st.sampled_from([None, "past", "next"]))
REALISTIC_REFERENCES = st.one_of(st.none(), st.dates(dt.date(1000, 1, 1),
                                                      dt.date(2999, 12, 31)).flatmap(
    lambda d: st.sampled_from([f"{d:%Y}", f"{d:%Y-%m}", d.isoformat()])))


@settings(max_examples=300, deadline=None)
@given(mention=MENTIONS, reference=REALISTIC_REFERENCES)
def test_normalize_gives_a_valid_iso_date_or_none(mention, reference):
    result = normalize(mention, reference)
    if result is None:
        return
    value, precision, provenance = result
    assert_iso(value, precision)
    assert provenance == ("explicit" if mention.year else
                          "unknown" if value.startswith("--") else "inferred")


@settings(max_examples=300, deadline=None)
@given(month=st.integers(1, 12), day=st.one_of(st.none(), st.integers(1, 31)),
       relation=st.sampled_from([None, "past", "next"]),
       reference=st.dates(dt.date(1000, 1, 1), dt.date(2999, 12, 31)),
       precision=st.sampled_from(["year", "month", "day"]))
def test_resolve_year_is_a_year_that_has_the_date(month, day, relation, reference, precision):
    assume(day is None or day <= calendar.monthrange(2000, month)[1])  # normalize checks it
    ref = (reference.year, reference.month if precision != "year" else None,
           reference.day if precision == "day" else None)
    year = resolve_year(month, day, relation, ref)
    if year is None:
        return
    assert abs(year - reference.year) <= 1
    dt.date(year, month, day or 1)


def test_february_29_with_a_year_only_reference():
    assert normalize(DateMention(0, 1, None, 2, 29, None), "2024") == (
        "2024-02-29", "day", "inferred")
    result = normalize(DateMention(0, 1, None, 2, 29, None), "2023")
    assert result is None or dt.date.fromisoformat(result[0])


@pytest.mark.parametrize("reference", ["0001-01", "9999-12"])
def test_normalize_at_the_ends_of_the_calendar(reference):
    result = normalize(DateMention(0, 1, None, 6, 15, None), reference)
    assert result is None or dt.date.fromisoformat(result[0])


def test_numeric_date_in_year_zero_is_not_emitted():
    facts = nigerfacts.extract("Le 12/05/0000, le Mali a signé.")
    for date in facts.dates:
        assert_iso(date.value, date.precision)
