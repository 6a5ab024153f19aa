"""What a reader of a comparison relies on: stories group the reports of one event, a relation
is shown only where its evidence holds, one id means one thing everywhere, and "only here"
means no other source of the story says it. Small articles written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import counterpoint
from counterpoint.align.compare import source_diff
from counterpoint.outputs.export import export_data
from counterpoint.store import Store
from counterpoint.store.stories import stories

from conftest import write

SUMMIT_A = """---
title: Lawmakers urge the president to cancel the summit
outlet: Morning Ledger
published: 2024-05-02
---
Leading senators called on the president to cancel the summit with the prime minister.

"We will not attend a meeting that rewards aggression," Senator Ada Marsh said on Tuesday.

The summit is scheduled for May 9 in Valdora.
"""

SUMMIT_B = """---
title: Marsh presses Kell to call off Valdora summit
outlet: Evening Courier
published: 2024-05-02
---
Senator Ada Marsh urged President Tomas Kell to call off the summit with the prime minister.

"We will not attend a meeting that rewards aggression," Senator Ada Marsh said on Tuesday.

The summit is scheduled for May 9 in Valdora, the foreign ministry said.
"""

HARVEST = """---
title: Record wheat harvest in the northern plains
outlet: Farm Weekly
published: 2024-05-03
---
Farmers in the northern plains brought in a record wheat harvest this spring, the agriculture
board said, citing rain in March and lower fertiliser prices.
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("summit")
    write(folder, "a.md", SUMMIT_A)
    write(folder, "b.md", SUMMIT_B)
    write(folder, "harvest.md", HARVEST)
    return folder


@pytest.fixture(scope="module")
def db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "summit.duckdb"
    counterpoint.analyze([corpus], db=path)
    return path


def test_reports_of_one_event_form_a_story_and_an_unrelated_one_its_own(db: Path) -> None:
    with Store(db, read_only=True) as store:
        found = stories(store)
    by_size = sorted(found, key=lambda s: -len(s.documents))
    assert [len(s.documents) for s in by_size] == [2, 1]
    assert set(by_size[0].sources) == {"Morning Ledger", "Evening Courier"}
    assert by_size[0].id.startswith("st-") and by_size[0].title


def test_a_quote_both_outlets_carry_is_never_a_contradiction(db: Path) -> None:
    with Store(db, read_only=True) as store:
        diff = source_diff(store, "Morning Ledger", "Evening Courier")
    quoted = [a for a in diff.alignments if any("rewards aggression" in e.text for e in a.evidence)]
    assert quoted, "the shared quote is aligned"
    assert all(a.relation != "contradict" for a in quoted)


def test_different_names_for_the_actors_of_one_act_are_no_contradiction(db: Path) -> None:
    with Store(db, read_only=True) as store:
        diff = source_diff(store, "Morning Ledger", "Evening Courier")
    assert not diff.by_relation().get("contradict")
    for alignment in diff.alignments:
        if alignment.relation != "unique":
            assert alignment.reason, alignment


def test_what_the_other_outlet_also_reports_is_not_listed_as_unique(db: Path) -> None:
    with Store(db, read_only=True) as store:
        diff = source_diff(store, "Morning Ledger", "Evening Courier")
    unique = [e.text for a in diff.by_relation().get("unique", []) for e in a.evidence]
    assert not any("rewards aggression" in text or "scheduled for May 9" in text for text in unique)


def test_an_alignment_id_means_the_same_thing_in_every_output_and_run(
    db: Path, corpus: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again.duckdb"
    counterpoint.analyze([corpus], db=again)
    with Store(db, read_only=True) as store:
        diff = source_diff(store, "Morning Ledger", "Evening Courier")
        exported = {a["id"]: a for a in export_data(store)["alignments"]}
    with Store(again, read_only=True) as store:
        rerun = {a["id"]: a for a in export_data(store)["alignments"]}
    shown = [a for a in diff.alignments if a.relation != "unique"]
    assert shown
    for alignment in shown:
        assert alignment.id in exported
        assert exported[alignment.id]["relation"] == alignment.relation
        sentences = {(e["doc"], e["sentence"]) for e in exported[alignment.id]["evidence"]}
        assert sentences == {(e.doc, e.sentence) for e in alignment.evidence}
    assert rerun.keys() == exported.keys()


def test_stories_are_listed_and_diff_keeps_to_one_story(run, db: Path) -> None:
    listed = run("stories", "--db", str(db), "--json")
    assert listed.exit_code == 0, listed.output
    found = json.loads(listed.output)
    summit = next(s for s in found if len(s["documents"]) == 2)
    harvest = next(s for s in found if len(s["documents"]) == 1)
    shown = run(
        "diff", "Morning Ledger", "Evening Courier", "--db", str(db), "--story", summit["id"][:8]
    )
    assert shown.exit_code == 0, shown.output
    assert "rewards aggression" in shown.output
    wrong = run(
        "diff", "Morning Ledger", "Evening Courier", "--db", str(db), "--story", harvest["id"]
    )
    assert wrong.exit_code == 1
    assert "no document in story" in wrong.output and "Traceback" not in wrong.output


def test_a_document_pair_diff_frames_the_actors_on_those_documents_only(
    corpus: Path, tmp_path: Path
) -> None:
    grown = tmp_path / "grown.duckdb"
    follow_up = SUMMIT_A.replace("2024-05-02", "2024-06-20") + (
        "\nSenator Ada Marsh said the prime minister had not answered her letter.\n"
    )
    later = write(tmp_path / "later", "c.md", follow_up)
    counterpoint.analyze([corpus, later], db=grown)
    with Store(grown, read_only=True) as store:
        ledger = sorted(
            (d for d in store.documents() if d.outlet == "Morning Ledger"),
            key=lambda d: str(d.published),
        )
        courier = next(d.id for d in store.documents() if d.outlet == "Evening Courier")
        pair = source_diff(store, ledger[0].id, courier)
        outlets = source_diff(store, "Morning Ledger", "Evening Courier")

    def mentions(diff, side: str) -> int:
        return sum(f.mentions for f in diff.framing.get(side, []))

    assert pair.a.docs == [ledger[0].id] and pair.b.docs == [courier]
    assert 0 < mentions(pair, pair.a.name) < mentions(outlets, "Morning Ledger")


def test_a_later_report_joins_the_story_of_the_earlier_one(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "grow.duckdb"
    counterpoint.analyze([corpus / "a.md"], db=db)
    with Store(db, read_only=True) as store:
        (first,) = stories(store)
    counterpoint.analyze([corpus / "b.md", corpus / "harvest.md"], db=db)
    with Store(db, read_only=True) as store:
        found = {s.id: s for s in stories(store)}
    assert len(found) == 2
    assert set(found[first.id].sources) == {"Morning Ledger", "Evening Courier"}
    assert set(first.documents) < set(found[first.id].documents)  # it keeps its id and documents
