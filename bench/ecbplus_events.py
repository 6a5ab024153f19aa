"""Cross-document event coreference on the ECB+ test topics, with gold event mentions.

    python bench/ecbplus_events.py [--data DIR] [--limit N] [--sweep {dev,train,none}]

Groups the gold event mentions of each test topic (36-45, the selected sentences only; within
each gold topic) the way Counterpoint's aligner links events: each mention becomes a
`counterpoint.align.Statement`, is linked to its best match by `similarity` in each document
when the score reaches the aligner's event threshold, and linked mentions form connected
components. Links are taken two ways: to every document, the mention's own too (ECB+ gold
chains include within-document coreference), and to other documents only (as the store
links). Also the same-head-lemma baseline, and the lemma groups with the aligner's links
added. Prints MUC, B-cubed, CEAF-e and CoNLL F1, with and without singletons. `--sweep` scores
thresholds from 0.30 to 1.00 on the dev (default) or train topics, and the test topics are then
also scored at the threshold each variant would choose there. The loader, parser, baseline and
score table come from ecbplus_coref.py."""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import partial
from pathlib import Path

from spacy.tokens import Doc

from counterpoint.align.embeddings import embed
from counterpoint.align.similarity import similarity
from counterpoint.align.statements import Statement, item_id
from counterpoint.config import AlignSettings
from counterpoint.evaluate.scoring import conll_f1
from counterpoint.nlp.events import find_events
from counterpoint.resolve.resolver import ENTITY_TYPES
from ecbplus_coref import (
    DATA,
    ENTITY_TAGS,
    GoldMention,
    by_head_lemma,
    head_lemma,
    load_ecbplus,
    parse,
    print_counts,
    print_scores,
)

EVENT_THRESHOLD = AlignSettings().event_threshold
EVENT_TAGS = ("ACTION_", "NEG_ACTION_")  # tag prefixes: every action class, negated ones too
THRESHOLDS = [round(0.30 + 0.05 * n, 2) for n in range(15)]  # 0.30 .. 1.00
UNTYPED = "untyped:"  # the type prefix of a mention find_events does not type


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (one sentence of the rebuilt text) around a span."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def name_keys(parsed: Doc, start: int, end: int) -> frozenset[str]:
    """The actors of a sentence as the aligner gets them: the names spaCy finds there (the
    labels the resolver keeps), each keyed by its lowercased head word."""
    return frozenset(
        ent.root.text.lower()
        for ent in parsed.ents
        if ent.label_ in ENTITY_TYPES and start <= ent.start_char and ent.end_char <= end
    )


def gold_participant_keys(
    entities: Sequence[GoldMention], texts: Mapping[str, str]
) -> dict[tuple[str, int], frozenset[str]]:
    """The other actor signal: the lowercased text of the gold participant and location
    mentions (not times) of each sentence, by (document, sentence)."""
    found: dict[tuple[str, int], set[str]] = defaultdict(set)
    for m in entities:
        if not m.tag.startswith("TIME"):
            found[(m.doc, m.sentence)].add(texts[m.doc][m.start : m.end].lower())
    return {key: frozenset(words) for key, words in found.items()}


def statements(
    gold: Sequence[GoldMention], parsed: Mapping[str, Doc], texts: Mapping[str, str]
) -> tuple[list[Statement], float]:
    """One event `Statement` per gold mention, with its sentence's embedding, and the seconds
    embedding took. Type and actor (source, target) come from the event `find_events` finds at
    the gold trigger (its trigger token inside the gold span), where there is one. A mention
    with no such event gets a type of its own: `similarity` gives 0.15 for equal types, and two
    empty types are equal, which would reward the mentions Counterpoint cannot type."""
    found = {doc: find_events(sdoc, None) for doc, sdoc in parsed.items()}
    items = []
    for m in gold:
        sdoc = parsed[m.doc]
        first, last = sentence_span(texts[m.doc], m.start, m.end)
        event = next((e for e in found[m.doc] if m.start <= e.start < m.end), None)
        key = item_id("event", m.doc, m.start, m.end)
        items.append(
            Statement(
                id=key,
                kind="event",
                doc=m.doc,
                sentence=m.sentence,
                start=m.start,
                end=m.end,
                text=texts[m.doc][m.start : m.end],
                context=texts[m.doc][first:last],
                context_start=first,
                source=m.doc,
                type=event.type if event else f"{UNTYPED}{key}",
                trigger=head_lemma(m, sdoc),
                entities=name_keys(sdoc, first, last),
                actor=_role(sdoc, event.source) if event else None,
                target=_role(sdoc, event.target) if event else None,
                negated=m.tag.startswith("NEG_"),
            )
        )
    contexts = sorted({s.context for s in items})
    began = time.perf_counter()
    vectors = dict(zip(contexts, embed(contexts), strict=True))
    seconds = time.perf_counter() - began
    for item in items:
        item.vector = vectors[item.context]
    return items, seconds


def _role(sdoc: Doc, entity: int | None) -> str | None:
    return sdoc.ents[entity].root.text.lower() if entity is not None else None


def best_matches(items: Sequence[Statement], own_document: bool) -> list[tuple[int, int, float]]:
    """For every item, its best-scoring item in each document (its own too if `own_document`;
    never itself), whatever the score: (item, match, score), numbered as in `items`. The links
    at a threshold are the ones scoring at least that much."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for i, a in enumerate(items):
        for j, b in enumerate(items):
            if i == j or (not own_document and a.doc == b.doc):
                continue
            score = similarity(a, b)
            if score > best.get((i, b.doc), (-1.0, -1))[0]:
                best[(i, b.doc)] = (score, j)
    return [(i, j, score) for (i, _), (score, j) in best.items()]


def components(count: int, links: Sequence[tuple[int, int]]) -> list[int]:
    """The connected component of each of `count` items, by union-find: its smallest member."""
    parent = list(range(count))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(x) for x in range(count)]


class Linker:
    """The gold mentions of each topic with their best matches, scored once; `clusters` links
    them at any threshold. Clustering is done within each gold topic."""

    def __init__(
        self, gold: Sequence[GoldMention], items: Sequence[Statement], own_document: bool
    ) -> None:
        self.numbers: dict[str, list[int]] = defaultdict(list)
        for n, m in enumerate(gold):
            self.numbers[m.topic].append(n)
        self.matches = {
            topic: best_matches([items[n] for n in numbers], own_document)
            for topic, numbers in self.numbers.items()
        }

    def clusters(
        self, threshold: float, same: Mapping[int, Hashable] | None = None
    ) -> dict[int, Hashable]:
        """Gold mention number -> cluster: the links scoring at least `threshold`, and with
        `same` (the lemma + aligner variant) every pair of a topic that `same` puts together."""
        predicted: dict[int, Hashable] = {}
        for topic, numbers in self.numbers.items():
            links = [(i, j) for i, j, score in self.matches[topic] if score >= threshold]
            if same is not None:
                first: dict[Hashable, int] = {}
                for i, n in enumerate(numbers):
                    links.append((first.setdefault(same[n], i), i))
            for i, root in enumerate(components(len(numbers), links)):
                predicted[numbers[i]] = (topic, numbers[root])
        return predicted


def conll(gold: Sequence[GoldMention], predicted: Mapping[int, Hashable]) -> float:
    """CoNLL F1 with singletons, gold clusters taken within each topic."""
    return conll_f1({n: (m.topic, m.cluster) for n, m in enumerate(gold)}, predicted)


def prepare(
    data: Path, limit: int | None, split_name: str
) -> tuple[list[GoldMention], dict[str, Doc], list[Statement], float, dict[str, str]]:
    """Gold event mentions of a split, the parses, the statements and the embedding time."""
    texts, gold = load_ecbplus(data, limit, EVENT_TAGS, split_name)
    parsed = parse(texts)
    items, seconds = statements(gold, parsed, texts)
    return gold, parsed, items, seconds, texts


def with_gold_actors(
    items: Sequence[Statement], data: Path, limit: int | None, texts: Mapping[str, str]
) -> list[Statement]:
    """The same statements with the gold participant words of their sentence for actors."""
    _, entities = load_ecbplus(data, limit, ENTITY_TAGS, "test_topics")
    keys = gold_participant_keys(entities, texts)
    return [
        dataclasses.replace(s, entities=keys.get((s.doc, s.sentence), frozenset())) for s in items
    ]


def variants(
    gold: Sequence[GoldMention], items: Sequence[Statement], lemmas: Mapping[int, Hashable]
) -> dict[str, Callable[[float], dict[int, Hashable]]]:
    """The aligner's clusterings at a threshold: links within the mention's own document too,
    or to other documents only (as the store links), each alone and with the same-lemma
    groups added."""
    found: dict[str, Callable[[float], dict[int, Hashable]]] = {}
    for scope, own in (("all docs", True), ("other docs", False)):
        linker = Linker(gold, items, own)
        found[f"aligner, {scope}"] = linker.clusters
        found[f"lemma + aligner, {scope}"] = partial(linker.clusters, same=lemmas)
    return found


def sweep(
    gold: Sequence[GoldMention], systems: Mapping[str, Callable[[float], dict[int, Hashable]]]
) -> dict[str, float]:
    """CoNLL F1 (with singletons) of each system at each threshold; the best threshold of
    each (ties to the one nearest EVENT_THRESHOLD)."""
    scores = {name: {t: conll(gold, run(t)) for t in THRESHOLDS} for name, run in systems.items()}
    print("  threshold | " + " | ".join(f"{name:>26}" for name in systems))
    for t in THRESHOLDS:
        mark = "*" if abs(t - EVENT_THRESHOLD) < 1e-9 else " "
        print(f"  {t:8.2f}{mark} | " + " | ".join(f"{scores[n][t]:26.3f}" for n in systems))
    return {
        name: max(THRESHOLDS, key=lambda t: (by[t], -abs(t - EVENT_THRESHOLD)))
        for name, by in scores.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="documents per topic")
    parser.add_argument("--sweep", choices=("dev", "train", "none"), default="dev")
    args = parser.parse_args()
    began = time.perf_counter()
    gold, parsed, items, seconds, texts = prepare(args.data, args.limit, "test_topics")
    print(f"data: {args.data}")
    print_counts(gold, texts)
    typed = sum(1 for s in items if not s.type.startswith(UNTYPED))
    with_names = sum(1 for s in items if s.entities)
    print(
        f"{typed} of {len(items)} mentions typed by find_events at the gold trigger; "
        f"{with_names} have a name in their sentence"
    )
    print(f"embedding: {len({s.context for s in items})} sentences in {seconds:.1f} s")
    lemmas = by_head_lemma(gold, parsed)
    scoring = time.perf_counter()
    runs = variants(gold, items, lemmas)
    print(f"pair scores: {time.perf_counter() - scoring:.1f} s")
    chosen = {name: EVENT_THRESHOLD for name in runs}
    if args.sweep != "none":
        print(f"\nthreshold sweep on the {args.sweep} topics, CoNLL F1 with singletons")
        sweep_gold, sweep_parsed, sweep_items, _, _ = prepare(
            args.data, args.limit, f"{args.sweep}_topics"
        )
        chosen = sweep(
            sweep_gold,
            variants(sweep_gold, sweep_items, by_head_lemma(sweep_gold, sweep_parsed)),
        )
        print(
            f"  same head lemma: {conll(sweep_gold, by_head_lemma(sweep_gold, sweep_parsed)):.3f}"
        )
        print("  chosen: " + ", ".join(f"{name} {t:.2f}" for name, t in chosen.items()))
        print("\nthe same sweep on the test topics, for reference only (not used to choose)")
        sweep(gold, runs)
    systems: dict[str, Mapping[int, Hashable]] = {"same head lemma": lemmas}
    for name, run in runs.items():
        systems[f"{name} @{EVENT_THRESHOLD:.2f}"] = run(EVENT_THRESHOLD)
        if chosen[name] != EVENT_THRESHOLD:
            systems[f"{name} @{chosen[name]:.2f}"] = run(chosen[name])
    best = chosen["aligner, other docs"]
    gold_items = with_gold_actors(items, args.data, args.limit, texts)
    systems[f"gold actors, other docs @{best:.2f}"] = Linker(gold, gold_items, False).clusters(best)
    print("\ngold event mentions, test topics, clustered within each topic")
    print_scores(gold, systems)
    print(f"run time {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
