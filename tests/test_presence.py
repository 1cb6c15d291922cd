"""`presence`: the merge rules, the filters and every output format, on hand-made facts."""

from __future__ import annotations

import csv
import io
import json

import pytest

from nigerfacts.models import Facts, PresenceRecord, TroopFact
from nigerfacts.presence import TOLERANCE, Filters, claimed, presence
from nigerfacts.presence_html import presence_html
from nigerfacts.presence_render import presence_tables, write_presence_csv, write_presence_json


def troop(count: int, *, qualifier: str = "exact", country: str | None = "TCD",
          location: str | None = "NER", mission: str | None = None, kind: str = "strength",
          as_of: str | None = "2024-09", text: str | None = None) -> TroopFact:
    return TroopFact(text=text or f"{count} soldats", count=count, country=country,
                     qualifier=qualifier, kind=kind, location=location, as_of=as_of,
                     mission=mission, start=0, end=10)


def article(name: str, *troops: TroopFact, date: str | None = "2024-09-20") -> Facts:
    return Facts(source=name, reference_date=date, troops=list(troops))


def merged(*troops: TroopFact, filters: Filters | None = None) -> list[PresenceRecord]:
    return presence([article(f"a{n}.txt", t) for n, t in enumerate(troops)], filters)


def test_tolerance_is_a_tenth_and_qualifiers_claim_intervals():
    assert TOLERANCE == 0.10
    assert claimed(1000, "exact") == (1000, 1000)
    assert claimed(1000, "approx") == (900, 1100)
    assert claimed(1000, "more_than") == (1000, 1100)
    assert claimed(1000, "less_than") == (900, 1000)


def test_same_figure_from_two_articles_is_one_record_with_both_sources():
    records = merged(troop(1000), troop(1000, text="1 000 militaires"))
    assert len(records) == 1
    assert [s.source for s in records[0].sources] == ["a0.txt", "a1.txt"]
    assert [s.text for s in records[0].sources] == ["1000 soldats", "1 000 militaires"]


def test_approximate_and_exact_figures_merge_into_a_range():
    records = merged(troop(1000, qualifier="approx"), troop(1100))
    assert [(r.low, r.high) for r in records] == [(1000, 1100)]


def test_a_millier_then_pres_de_1000_then_1100_is_one_record():
    records = merged(troop(1000, qualifier="approx"), troop(1000, qualifier="approx"),
                     troop(1100))
    assert len(records) == 1
    assert (records[0].count, records[0].low, records[0].high) == (1000, 1000, 1100)
    assert records[0].qualifier == "approx"


def test_two_different_exact_figures_stay_two_records():
    records = merged(troop(1000), troop(1100))
    assert sorted(r.count for r in records) == [1000, 1100]


def test_a_contradicting_figure_stays_apart_even_beside_an_approximate_one():
    records = merged(troop(1000, qualifier="approx"), troop(1500))
    assert sorted((r.low, r.high) for r in records) == [(1000, 1000), (1500, 1500)]


def test_more_than_merges_only_upwards():
    assert len(merged(troop(1000, qualifier="more_than"), troop(1050))) == 1
    assert len(merged(troop(1000, qualifier="more_than"), troop(950))) == 2


def test_every_source_must_agree_with_the_record_not_only_the_last():
    # ~1 000 claims 900-1 100, 1 100 narrows the record to 1 100: 900 no longer fits.
    records = merged(troop(1000, qualifier="approx"), troop(1100), troop(900))
    assert sorted((r.low, r.high) for r in records) == [(900, 900), (1000, 1100)]


def test_different_months_stay_apart_and_an_unknown_date_merges():
    assert len(merged(troop(1000, as_of="2024-09-02"), troop(1000, as_of="2024-10-01"))) == 2
    records = merged(troop(1000, as_of="2024-09-02"), troop(1000, as_of=None),
                     troop(1000, as_of="2024-09-28"))
    assert len(records) == 1
    assert (records[0].as_of_first, records[0].as_of_last) == ("2024-09-02", "2024-09-28")


def test_a_year_alone_merges_with_a_month_of_that_year_only():
    assert len(merged(troop(1000, as_of="2024-09"), troop(1000, as_of="2024"))) == 1
    assert len(merged(troop(1000, as_of="2024-09"), troop(1000, as_of="2023"))) == 2


@pytest.mark.parametrize("change", [
    {"country": "FRA"}, {"location": "MLI"}, {"location": None}, {"mission": "Barkhane"},
    {"kind": "casualties"}])
def test_a_different_state_location_mission_or_kind_is_another_record(change):
    assert len(merged(troop(1000), troop(1000, **change))) == 2


def test_missions_compare_without_case_or_accents():
    records = merged(troop(10000, mission="FINUL"), troop(10000, mission="Finul"))
    assert len(records) == 1
    assert records[0].mission == "FINUL"


def test_count_is_the_figure_most_sources_give():
    records = merged(troop(1000, qualifier="approx"), troop(1050), troop(1050))
    assert (records[0].count, records[0].qualifier) == (1050, "exact")


def test_error_records_are_skipped():
    from nigerfacts.models import ErrorRecord

    records = presence([ErrorRecord(source="x.txt", error="no such file"),
                        article("a.txt", troop(5))])
    assert [r.count for r in records] == [5]


def test_records_are_in_state_location_then_time_order():
    records = merged(troop(30, country="FRA", location="TCD", as_of="2025-01"),
                     troop(20, as_of="2024-10"), troop(10, as_of="2024-09"),
                     troop(40, country="FRA", location="TCD", as_of="2024-12"))
    assert [r.count for r in records] == [40, 30, 10, 20]


CORPUS = [troop(1000, as_of="2024-09"), troop(200, country="FRA", location="TCD",
                                                 mission="Épervier", as_of="2024-12"),
          troop(2, kind="casualties", as_of="2024-10"), troop(50, as_of=None)]


@pytest.mark.parametrize(("filters", "counts"), [
    (Filters(country="fra"), [200]),
    (Filters(location="NER"), [1000, 2, 50]),
    (Filters(mission="epervier"), [200]),
    (Filters(kind="casualties"), [2]),
    (Filters(since="2024-10"), [200, 2]),
    (Filters(until="2024-10"), [1000, 2]),
    (Filters(since="2024-10", until="2024-10-31"), [2]),
    (Filters(since="2024"), [200, 1000, 2]),
])
def test_each_filter_keeps_only_its_records(filters, counts):
    assert [r.count for r in merged(*CORPUS, filters=filters)] == counts


def _records() -> list[PresenceRecord]:
    return merged(troop(1000, qualifier="approx", as_of="2024-09-10"),
                  troop(1100, as_of="2024-09-25"),
                  troop(2, kind="casualties", as_of="2024-10", text="deux soldats"))


def test_json_is_an_array_of_records_and_jsonl_one_per_line():
    out = io.StringIO()
    write_presence_json(_records(), out, lines=False)
    data = json.loads(out.getvalue())
    assert [(d["low"], d["high"], len(d["sources"])) for d in data] == [(1000, 1100, 2), (2, 2, 1)]
    out = io.StringIO()
    write_presence_json(_records(), out, lines=True)
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["kind"] for line in lines] == ["strength", "casualties"]


def test_csv_has_one_row_per_record_with_its_sources_and_evidence():
    out = io.StringIO()
    write_presence_csv(_records(), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["low"] == "1000" and rows[0]["high"] == "1100"
    assert rows[0]["n_sources"] == "2" and rows[0]["sources"] == "a0.txt | a1.txt"
    assert rows[1]["evidence"] == "deux soldats"


def test_table_has_a_section_per_state_and_location():
    from rich.console import Console

    console = Console(record=True, width=140)
    console.print(presence_tables(_records() + merged(troop(5, country="FRA", location="TCD"))))
    text = console.export_text()
    assert "Tchad (TCD) in Niger (NER)" in text and "France (FRA) in Tchad (TCD)" in text
    assert "1 000-1 100" in text and "2024-09-10 → 2024-09-25" in text


def test_html_is_self_contained_with_a_linked_point_per_dated_record():
    page = presence_html(_records() + merged(troop(7, as_of=None)))
    assert page.count("<svg xmlns") == 2  # strength and casualties: two scales, two charts
    assert '<a href="#r1">' in page and 'id="r1"' in page and 'id="r3"' in page
    assert "<script" not in page and "http://" not in page.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")
    assert "1 undated record(s)" in page
    assert "<rect" in page  # the casualties point is a square
