"""Source comparison: what sources corroborate, contradict, update and report alone, on small
articles written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import counterpoint
from counterpoint.align.compare import source_diff
from counterpoint.align.stage import align_documents
from counterpoint.config import Settings
from counterpoint.store import Store
from counterpoint.store.alignment import forget_alignment, unaligned_documents

import quarry
from conftest import write
from quarry import HARBOR, RIVER

VALLEY = (
    quarry.VALLEY
    + """
The Dunmore Mining Company paid $2 million to Orrin Consulting, a firm owned by the governor's
brother, according to bank records seen by this newspaper.

Three union leaders were detained in Tallis on Wednesday, their lawyer said.
"""
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("quarry")
    write(folder, "harbor.md", HARBOR)
    write(folder, "valley.md", VALLEY)
    write(folder, "river.md", RIVER)
    return folder


@pytest.fixture(scope="module")
def db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "quarry.duckdb"
    counterpoint.analyze([corpus], db=path)
    return path


def notes(db: Path, a: str, b: str, relation: str) -> list[str]:
    with Store(db, read_only=True) as store:
        found = source_diff(store, a, b).by_relation().get(relation, [])
    return [" | ".join(e.note for e in al.evidence) for al in found]


def test_the_same_figure_from_two_outlets_corroborates(db: Path) -> None:
    assert any("9 miners" in n for n in notes(db, "Harbor Post", "Valley Ledger", "corroborate"))


def test_different_amounts_for_the_same_pledge_contradict(db: Path) -> None:
    found = notes(db, "Harbor Post", "Valley Ledger", "contradict")
    assert any("$400 million" in n and "$650 million" in n for n in found)


def test_a_death_toll_that_grows_in_a_later_report_evolves(db: Path) -> None:
    found = notes(db, "Harbor Post", "River Times", "evolves")
    assert any("9 miners" in n and "21 miners" in n for n in found)
    assert not any("21 miners" in n for n in notes(db, "Harbor Post", "River Times", "contradict"))


def test_what_only_one_outlet_reports_is_listed_as_unique(db: Path) -> None:
    with Store(db, read_only=True) as store:
        diff = source_diff(store, "Valley Ledger", "Harbor Post")
    unique = [e.text for a in diff.by_relation().get("unique", []) for e in a.evidence]
    assert any("union leaders were detained" in text for text in unique)
    # what both report is never listed as one side's alone
    assert not any("9 miners" in text or "pledged" in text for text in unique)


def test_every_alignment_shows_each_sides_sentence(db: Path) -> None:
    with Store(db, read_only=True) as store:
        diff = source_diff(store, "Harbor Post", "Valley Ledger")
        texts = {d.id: d.text for d in store.documents()}
    assert diff.alignments
    for alignment in diff.alignments:
        assert 0 <= alignment.score <= 1
        for e in alignment.evidence:
            assert texts[e.doc][e.start : e.end] == e.text
            assert e.outlet in {"Harbor Post", "Valley Ledger"}


def test_a_new_article_is_aligned_with_the_stored_ones(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "grow.duckdb"
    counterpoint.analyze([corpus / "harbor.md"], db=db)
    counterpoint.analyze([corpus / "valley.md"], db=db)
    assert any("9 miners" in n for n in notes(db, "Harbor Post", "Valley Ledger", "corroborate"))
    with Store(db, read_only=True) as store:
        assert unaligned_documents(store) == []


def test_an_interrupted_alignment_is_done_on_the_next_run(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "resume.duckdb"
    counterpoint.analyze([corpus], db=db)
    with Store(db) as store:
        forget_alignment(store)  # as if the run had stopped after storing the documents
        assert len(unaligned_documents(store)) == 3
    counterpoint.analyze([corpus], db=db)
    with Store(db, read_only=True) as store:
        assert unaligned_documents(store) == []
    assert any("9 miners" in n for n in notes(db, "Harbor Post", "Valley Ledger", "corroborate"))


def test_diff_prints_the_comparison_and_writes_it_side_by_side(run, db: Path) -> None:
    result = run("diff", "Harbor Post", "Valley Ledger", "--db", str(db), "--html", "diff.html")
    assert result.exit_code == 0, result.output
    assert "CORROBORATE" in result.output and "CONTRADICT" in result.output
    assert "$650 million" in result.output
    # each side's loaded language: how many of its own sentences take a side by their words
    assert re.search(r"A \d+ of \d+ sentence\(s\) read as loaded", result.output)
    page = Path("diff.html").read_text(encoding="utf-8")
    assert "Harbor Post" in page and "Valley Ledger" in page and "$400 million" in page
    assert "sentences read as loaded" in page


def test_diff_names_what_it_cannot_find(run, db: Path) -> None:
    result = run("diff", "Harbor Post", "Morning Gazette", "--db", str(db))
    assert result.exit_code == 1
    assert "Morning Gazette" in result.output and "Traceback" not in result.output


def test_diff_accepts_a_document_id(run, db: Path) -> None:
    with Store(db, read_only=True) as store:
        river = next(d.id for d in store.documents() if d.outlet == "River Times")
    result = run("diff", "Harbor Post", river[:8], "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    assert '"evolves"' in result.output


def test_documents_about_one_event_are_aligned_together_in_one_batch(
    corpus: Path, tmp_path: Path
) -> None:
    """A batch whose documents are each other's candidates is aligned in one go (a failing
    batch falls back to one document at a time, which is right but many times slower)."""
    db = tmp_path / "batch.duckdb"
    counterpoint.analyze([corpus], db=db)
    with Store(db) as store:
        forget_alignment(store)
        first, *batch = unaligned_documents(store)
        align_documents(store, [first], Settings())
        result = align_documents(store, batch, Settings())
        assert result.links > 0 and unaligned_documents(store) == []
