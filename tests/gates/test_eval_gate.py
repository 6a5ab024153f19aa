"""Quality gate: the scores earned on the demo corpus's hand-written gold file may not slip
(ECB+ and MEANTIME coreference: test_coref_gate.py).

Figures measured when each floor was set are in bench/README.md; raise a floor when a change
earns more, never lower one to make a change pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterpoint.evaluate.gold import load_gold, score_store
from counterpoint.store import Store

FLOORS = {
    "metadata_accuracy": 1.0,  # measured 1.00
    "mention_recall": 0.88,  # measured 0.899
    "bcubed_precision": 0.98,  # measured 1.000
    "bcubed_recall": 0.79,  # measured 0.813
}


@pytest.fixture(scope="module")
def scores(demo_db: Path):
    with Store(demo_db, read_only=True) as store:
        return score_store(store, load_gold())


@pytest.mark.parametrize("name", FLOORS)
def test_demo_scores_do_not_slip(scores, name: str) -> None:
    assert getattr(scores, name) >= FLOORS[name]


def test_false_merges_are_rarer_than_missed_ones(scores) -> None:
    assert scores.bcubed_precision > scores.bcubed_recall


def _recall(store: Store, kind: str, field: str) -> float:
    """Share of the gold file's `kind` (figures or claims) whose words a stored record of the
    same kind overlaps, in the same document."""
    from counterpoint.evaluate.gold import match_documents

    gold = load_gold()
    docs = match_documents(gold, store.documents())
    stored = store.figures() if kind == "figures" else store.claims()
    found = 0
    for item in gold[kind]:
        doc = docs[item["doc"]]
        start = doc.text.find(item[field])
        end = start + len(item[field])
        found += any(r.doc == doc.id and r.start < end and start < r.end for r in stored)
    return found / len(gold[kind])


def test_demo_figures_and_claims_are_found(demo_db: Path) -> None:
    # Measured 1.000 (39/39 figures) and 0.833 (25/30 claims) when the floors were set.
    with Store(demo_db, read_only=True) as store:
        assert _recall(store, "figures", "text") >= 0.95
        assert _recall(store, "claims", "content") >= 0.80


def test_plover_event_typing_does_not_slip() -> None:
    """PLOVER gold records, type of the first event found (measured 0.708 accuracy, 0.689
    macro-F1 when the floors were set), where the benchmark data lies beside the project."""
    import json
    import sys

    from conftest import REPO

    sys.path.insert(0, str(REPO / "bench"))
    import plover_events as bench
    from counterpoint.config import Settings
    from counterpoint.nlp.annotate import load_pipeline
    from counterpoint.nlp.events import find_events

    if not bench.DATA.is_file():
        pytest.skip(f"PLOVER gold records not found at {bench.DATA}")
    records = [r for r in json.loads(bench.DATA.read_text(encoding="utf-8")) if r.get("text")]
    nlp = load_pipeline(Settings().spacy_model)
    pairs = []
    for record in records:
        events = find_events(nlp(record["text"]), None)
        pairs.append((record["event"], bench.coded(events[0] if events else None, "0.5")))
    accuracy, macro_f1, _ = bench.scores(pairs)
    assert accuracy >= 0.69 and macro_f1 >= 0.67


def test_demo_alignments_are_right_where_shown(demo_db: Path) -> None:
    """The demo's 15 gold alignments (bench/demo_alignments.py). Relations are judged precision
    first since the labelled real-news pairs showed the earlier rules right about a quarter of
    the time (bench/README.md, cross_source_relations.py): the demo's contradictions and
    reframes rest on evidence those rules could not tell from noise, and most of its
    corroborations are now "related". Measured when the floors were set: every one of the 13
    alignments gold speaks to right, 2 of 15 found with gold's own relation (was 0.75 right,
    11 of 15 found). Since 2026-11-30 a growing toll evolves only between two sentences telling
    one thing (e5 cosine >= `corroborate_cosine`): read on 316 real roundup stories, the rule
    without it showed 15 updates of which 3 were right ("13 US troops" then "nearly 200
    people" killed in another count); the demo's toll falls below it, so only corroborate is
    required to be found."""
    from counterpoint.align.compare import corpus_alignments
    from counterpoint.evaluate.gold import score_alignments

    with Store(demo_db, read_only=True) as store:
        scores = score_alignments(load_gold(), store.documents(), corpus_alignments(store))
    right, judged = sum(s.right for s in scores), sum(s.judged for s in scores)
    assert judged >= 12
    assert right / judged >= 0.95
    by_relation = {s.relation: s for s in scores}
    assert by_relation["corroborate"].found >= 1
    assert by_relation["contradict"].total == 0  # no contradiction is claimed on thin evidence
