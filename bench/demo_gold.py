"""Score the pipeline on the demo corpus's hand-written gold file.

    python bench/demo_gold.py [--gold PATH]

Prints metadata accuracy, actor-mention recall, and B-cubed precision, recall and F1 of the
grouping of mentions into actors, next to the same-name baseline (mentions grouped only when
their normalised text is identical)."""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import counterpoint
from counterpoint.evaluate.gold import (
    DEMO_GOLD,
    Scores,
    bcubed,
    gold_mentions,
    load_gold,
    match_documents,
    score_store,
)
from counterpoint.resolve.resolver import normalise_name
from counterpoint.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEMO_GOLD)
    parser.add_argument("--details", action="store_true", help="list gold actors split apart")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    corpus = args.gold.parent / "corpus"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "gold.duckdb"
        counterpoint.analyze([corpus], db=db)
        with Store(db, read_only=True) as store:
            scores = score_store(store, gold)
            baseline = same_name_baseline(store, gold, scores)
            if args.details:
                print_splits(store, gold)
    print(f"gold file: {args.gold}")
    print(f"metadata accuracy          {scores.metadata_accuracy:.3f}")
    print(f"actor mention recall       {scores.mention_recall:.3f}")
    print(f"{'':26} {'P':>6} {'R':>6} {'F1':>6}")
    for name, s in (("resolver", scores), ("same-name baseline", baseline)):
        print(
            f"B-cubed {name:18} {s.bcubed_precision:6.3f} {s.bcubed_recall:6.3f} {s.bcubed_f1:6.3f}"
        )


def print_splits(store: Store, gold: dict) -> None:
    """Each gold actor whose mentions ended up in several entities (or were missed)."""
    docs = match_documents(gold, store.documents())
    names = {e.id: f"{e.name} [{e.type}]" for e in store.entities()}
    mentions = store.mentions()
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for (doc, start, end), actor in gold_mentions(gold, docs).items():
        hit = next((m for m in mentions if m.doc == doc and m.start < end and start < m.end), None)
        found[actor][names.get(hit.entity or "", "?") if hit else "(missed)"] += 1
    for actor in gold["actors"]:
        if len(found[actor["key"]]) > 1:
            print(f"{actor['name']}: {dict(found[actor['key']])}")


def same_name_baseline(store: Store, gold: dict, scores: Scores) -> Scores:
    """Group mentions whose normalised text is identical, and nothing else."""
    docs = match_documents(gold, store.documents())
    expected = gold_mentions(gold, docs)
    mentions = store.mentions()
    predicted = {}
    for span in expected:
        doc, start, end = span
        hit = next((m for m in mentions if m.doc == doc and m.start < end and start < m.end), None)
        predicted[span] = normalise_name(hit.text) if hit else f"missed:{span}"
    precision, recall = bcubed(expected, predicted)
    return replace(scores, bcubed_precision=precision, bcubed_recall=recall)


if __name__ == "__main__":
    main()
