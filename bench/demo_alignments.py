"""Score the aligner on the demo corpus's hand-written gold alignments: recall and precision
per relation.

    python bench/demo_alignments.py [--db PATH] [--details]

Recall: a gold alignment is found when an alignment of the same relation has members that
overlap the gold members' text in two documents (one for `unique`). Precision: of the found
alignments that overlap some gold alignment that way, the share whose relation agrees (gold
lists the notable alignments of the corpus, not all of them, so the others are not judged)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import counterpoint
from counterpoint.align.compare import corpus_alignments
from counterpoint.evaluate.gold import load_gold, score_alignments
from counterpoint.pipeline.analyze import analyze
from counterpoint.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an analyzed demo store (default: analyze anew)")
    parser.add_argument("--details", action="store_true", help="list every found alignment")
    args = parser.parse_args()
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp()) / "demo.duckdb"
        analyze([counterpoint.DEMO_CORPUS], db=db)
    with Store(db, read_only=True) as store:
        alignments = corpus_alignments(store)
        documents = store.documents()
    scores = score_alignments(load_gold(), documents, alignments)
    print(f"{'relation':12} {'gold':>5} {'found':>6} {'recall':>7} {'judged':>7} {'right':>6} "
          f"{'precision':>9} {'output':>7}")  # fmt: skip
    for s in scores:
        print(
            f"{s.relation:12} {s.gold:5d} {s.found:6d} {s.recall:7.2f} {s.judged:7d} "
            f"{s.right:6d} {s.precision:9.2f} {s.total:7d}"
        )
    gold = sum(s.gold for s in scores)
    found = sum(s.found for s in scores)
    judged = sum(s.judged for s in scores)
    right = sum(s.right for s in scores)
    print(f"{'all':12} {gold:5d} {found:6d} {found / gold:7.2f} {judged:7d} {right:6d} "
          f"{right / judged if judged else 0:9.2f} {len(alignments):7d}")  # fmt: skip
    if args.details:
        for a in alignments:
            print(f"\n{a.relation} {a.kind} {a.score}")
            for e in a.evidence:
                print(f"  {e.outlet} {e.published} | {e.note[:100]}")


if __name__ == "__main__":
    main()
