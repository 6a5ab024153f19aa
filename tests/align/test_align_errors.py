"""A document the align stage fails on: the others of its batch are aligned as usual, the
failure is named in a warning, and later runs are not stuck on it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

import counterpoint
from counterpoint.align import stage
from counterpoint.align.statements import Statement
from counterpoint.config import AlignSettings
from counterpoint.records import Alignment
from counterpoint.store import Store
from counterpoint.store.alignment import stored_alignments, unaligned_documents

from conftest import write
from quarry import HARBOR, RIVER, VALLEY

LAKESIDE = """---
title: Miners killed in Tallis
outlet: Lakeside Echo
published: 2024-03-08
---
Police killed 9 miners at the Dunmore quarry in Tallis on Tuesday.
"""

MARKER = "21 miners"  # only River Times says it


def judge_that_fails_on_the_marker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Judging a group fails (as a bug would) when one of its items holds the marker."""
    judge = stage.judge

    def failing(group: str, items: Sequence[Statement], settings: AlignSettings) -> list:
        if any(MARKER in item.context for item in items):
            raise ValueError("cannot judge this group")
        return judge(group, list(items), settings)

    monkeypatch.setattr(stage, "judge", failing)


def judged(db: Path) -> set[tuple[str, tuple[tuple[str, int], ...]]]:
    """Each stored judgement as (relation, the sentences it relates)."""
    with Store(db, read_only=True) as store:
        found: list[Alignment] = stored_alignments(store)
    return {(a.relation, tuple(sorted((e.doc, e.sentence) for e in a.evidence))) for a in found}


def test_a_document_that_cannot_be_aligned_is_named_and_does_not_block_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "quarry"
    write(corpus, "harbor.md", HARBOR)
    write(corpus, "valley.md", VALLEY)
    river = write(corpus, "river.md", RIVER)
    expected = tmp_path / "expected.duckdb"
    counterpoint.analyze([corpus / "harbor.md", corpus / "valley.md"], db=expected)

    judge_that_fails_on_the_marker(monkeypatch)
    db = tmp_path / "quarry.duckdb"
    result = counterpoint.analyze([corpus], db=db)

    assert len(result.added) == 3
    assert len(result.warnings) == 1
    assert str(river) in result.warnings[0]
    assert "cannot judge this group" in result.warnings[0]
    # the other two are aligned as they would be without the failing one, but in the groups
    # that hold the failing one's items (which cannot be judged): their figures still clash
    # and corroborate
    aligned = judged(db)
    assert aligned <= judged(expected)
    assert {"contradict", "corroborate"} <= {relation for relation, _ in aligned}
    with Store(db, read_only=True) as store:
        assert unaligned_documents(store) == []

    # a later run on the same store is not stuck on it and aligns its new article
    lakeside = write(tmp_path / "later", "lakeside.md", LAKESIDE)
    later = counterpoint.analyze([lakeside], db=db)
    assert later.warnings == []
    with Store(db, read_only=True) as store:
        assert unaligned_documents(store) == []
        new = next(d.id for d in store.documents() if d.outlet == "Lakeside Echo")
    assert any(
        relation == "corroborate" and any(doc == new for doc, _ in sentences)
        for relation, sentences in judged(db)
    )


def test_a_batch_that_fails_only_together_is_aligned_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault of aligning documents together (as a KeyError was for a day) must not pass
    silently: each document is aligned alone and the run says so."""
    align_documents = stage.align_documents

    def failing_together(store: Store, docs: Sequence[str], settings: object) -> object:
        if len(docs) > 1:
            raise KeyError("a document not read")
        return align_documents(store, docs, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(stage, "align_documents", failing_together)
    corpus = tmp_path / "quarry"
    write(corpus, "harbor.md", HARBOR)
    write(corpus, "valley.md", VALLEY)
    db = tmp_path / "quarry.duckdb"
    result = counterpoint.analyze([corpus], db=db)
    assert len(result.warnings) == 1
    assert "2 documents could not be aligned together" in result.warnings[0]
    assert "a document not read" in result.warnings[0]
    assert "corroborate" in {relation for relation, _ in judged(db)}
    with Store(db, read_only=True) as store:
        assert unaligned_documents(store) == []
