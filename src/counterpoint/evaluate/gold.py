"""Measure a store against a hand-written gold file (the demo corpus ships one): document
metadata, actor mentions found, and how mentions are grouped into entities (B-cubed)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from counterpoint.align.judge import RELATIONS
from counterpoint.align.statements import parse_item_id
from counterpoint.evaluate.scoring import bcubed
from counterpoint.records import Alignment, Document, Mention
from counterpoint.store import Store

DEMO_GOLD = Path(__file__).parents[1] / "demo" / "gold.json"
METADATA_FIELDS = ("title", "outlet", "author", "published", "url", "language")

Span = tuple[str, int, int]  # (document id, start, end)
Item = TypeVar("Item", bound=Hashable)


@dataclass(frozen=True)
class Scores:
    metadata_accuracy: float  # share of (document, field) pairs exactly right
    mention_recall: float  # share of gold actor mentions overlapped by a found mention
    bcubed_precision: float
    bcubed_recall: float

    @property
    def bcubed_f1(self) -> float:
        return _f1(self.bcubed_precision, self.bcubed_recall)


def load_gold(path: str | Path = DEMO_GOLD) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def match_documents(gold: dict[str, Any], documents: list[Document]) -> dict[str, Document]:
    """Gold document key -> stored document, by the file (and JSON Lines record) it came from."""
    found = {}
    for entry in gold["documents"]:
        name = Path(entry["file"]).name
        if entry.get("record") is not None:
            name = f"{name}:{entry['record'] + 1}"  # gold counts records from 0, lines from 1
        matches = [d for d in documents if Path(d.source_path).name == name]
        if len(matches) == 1:
            found[entry["key"]] = matches[0]
    return found


def gold_mentions(gold: dict[str, Any], docs: Mapping[str, Document]) -> dict[Span, str]:
    """Every occurrence of each gold actor's names in its documents, longest names first so
    that 'Márquez' inside 'Elena Márquez' counts once."""
    spans: dict[Span, str] = {}
    for doc_key, doc in docs.items():
        forms = [
            (form, actor["key"])
            for actor in gold["actors"]
            for form in actor["mentions"].get(doc_key, [])
        ]
        taken: list[tuple[int, int]] = []
        for form, actor in sorted(forms, key=lambda pair: -len(pair[0])):
            for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", doc.text):
                start, end = match.span()
                if not any(start < e and s < end for s, e in taken):
                    taken.append((start, end))
                    spans[(doc.id, start, end)] = actor
    return spans


def score_store(store: Store, gold: dict[str, Any]) -> Scores:
    docs = match_documents(gold, store.documents())
    right = total = 0
    for entry in gold["documents"]:
        doc = docs.get(entry["key"])
        for name in METADATA_FIELDS:
            total += 1
            value = getattr(doc, name, None) if doc else None
            right += str(value) == str(entry[name]) if value is not None else entry[name] is None

    expected = gold_mentions(gold, docs)
    predicted: dict[Span, str] = {}
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for mention in store.mentions():
        by_doc[mention.doc].append(mention)
    found = 0
    for span, _actor in expected.items():
        doc_id, start, end = span
        hit = next(
            (m for m in by_doc[doc_id] if m.start < end and start < m.end and m.entity), None
        )
        if hit is not None:
            found += 1
            predicted[span] = hit.entity or ""
        else:
            predicted[span] = f"missed:{span}"
    precision, recall = bcubed(expected, predicted)
    return Scores(
        metadata_accuracy=right / total if total else 0.0,
        mention_recall=found / len(expected) if expected else 0.0,
        bcubed_precision=precision,
        bcubed_recall=recall,
    )


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class RelationScores:
    """Alignments of one relation against gold: recall over gold alignments; precision over
    the found alignments that gold speaks to (gold lists the notable alignments, not all)."""

    relation: str
    gold: int
    found: int  # gold alignments matched by a found alignment of this relation
    judged: int  # found alignments of this relation that match some gold alignment
    right: int  # of those, matching one of this relation
    total: int  # found alignments of this relation

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.judged if self.judged else 0.0


def gold_item_spans(gold: dict[str, Any], docs: Mapping[str, Document]) -> dict[str, list[Span]]:
    """Where each gold event, figure and claim is: its mentions, text or content."""
    spans: dict[str, list[Span]] = defaultdict(list)

    def place(key: str, doc_key: str, text: str) -> None:
        """Every occurrence, case aside: gold does not say which of a repeated phrase it means."""
        doc = docs.get(doc_key)
        if doc is not None:
            for match in re.finditer(re.escape(text), doc.text, re.IGNORECASE):
                spans[key].append((doc.id, match.start(), match.end()))

    for event in gold["events"]:
        for doc_key, text in event["mentions"].items():
            place(event["key"], doc_key, text)
    for figure in gold["figures"]:
        place(figure["key"], figure["doc"], figure["text"])
    for claim in gold["claims"]:
        place(claim["key"], claim["doc"], claim["content"])
    return spans


def _agrees(relation: str, gold: list[dict[str, Any]]) -> bool:
    return any(g["relation"] == relation for g in gold)


def score_alignments(
    gold: dict[str, Any], documents: list[Document], alignments: list[Alignment]
) -> list[RelationScores]:
    """A found alignment matches a gold one when its members overlap the gold members' spans
    in at least two documents (one, for `unique`). It is right when the relations agree; a
    "related" one (it says only that both speak of one thing) whenever it matches."""
    spans = gold_item_spans(gold, match_documents(gold, documents))

    def hits(found: Alignment, wanted: dict[str, Any]) -> bool:
        docs = set()
        for member in found.members:
            _, doc, start, end = parse_item_id(member)
            for key in wanted["members"]:
                if any(d == doc and s < end and start < e for d, s, e in spans.get(key, [])):
                    docs.add(doc)
        return len(docs) >= (1 if wanted["relation"] == "unique" else 2)

    scores = []
    for relation in RELATIONS:
        wanted = [g for g in gold["alignments"] if g["relation"] == relation]
        mine = [a for a in alignments if a.relation == relation]
        matched = [(a, [g for g in gold["alignments"] if hits(a, g)]) for a in mine]
        scores.append(
            RelationScores(
                relation=relation,
                gold=len(wanted),
                found=sum(any(g in gs for _, gs in matched) for g in wanted),
                judged=sum(bool(gs) for _, gs in matched),
                right=sum(
                    bool(gs) if relation == "related" else _agrees(relation, gs)
                    for _, gs in matched
                ),
                total=len(mine),
            )
        )
    return scores
