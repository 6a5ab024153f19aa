"""Actor mentions and cross-document entity coreference on English MEANTIME.

    python bench/meantime_ner.py [--data DIR] [--limit N] [--model NAME]

Rebuilds each Wikinews document from its tokens, runs Counterpoint's annotate stage, and scores
the actor mentions it finds against the gold entity mentions (exact span and any-shared-token
match) for three sets of gold mentions, beside a trivial baseline (runs of capitalised words);
then groups the gold mentions into entities, one topic at a time, with Counterpoint's resolver
and the same-head-lemma baseline (see ecbplus_coref.py).
`--limit N` keeps the first N documents, for a quick check; `--model` names the spaCy model (a
`Settings.spacy_model`, e.g. en_core_web_md) both steps parse with."""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from tqdm import tqdm

from counterpoint.config import Settings
from counterpoint.nlp.annotate import annotate
from counterpoint.records import Document
from ecbplus_coref import GoldMention, compare, print_counts, rebuild

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench-data" / "meantime" / "en"
ACTOR_TYPES = {"PER", "ORG", "LOC"}  # MEANTIME's types; the others are PRO(duct) and FIN(ance)
# Entity mentions are annotated in full only in the title and the first sentences: the gold has
# 444-649 mentions in each of sentences 2-5 (1 is the date line), then 85 in sentence 6 and fewer
# after, all of them from the cross-document layer (the converter's "cross_" chains). Mentions
# are scored there only, so that a name the annotators never looked at is not a false positive.
LAST_FULL_SENTENCE = 5
Span = tuple[str, int, int]


def load_meantime(
    data: Path, limit: int | None
) -> tuple[dict[str, str], list[GoldMention], list[str]]:
    """Texts of the documents that have gold entity mentions, the mentions, and the documents
    left out for having none."""
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in (data / "meantime.conll").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 4 and not line.startswith("#"):
            sentences[fields[0]][int(fields[1])].append(fields[3])
    records = json.loads((data / "entities_mentions.json").read_text(encoding="utf-8"))
    annotated = {r["conll_doc_key"] for r in records}
    keep = [doc for doc in sentences if doc in annotated][:limit]
    texts, offsets = {}, {}
    for doc in keep:
        numbers = sorted(sentences[doc])
        texts[doc], spans = rebuild(sentences[doc][n] for n in numbers)
        offsets[doc] = dict(zip(numbers, spans, strict=True))
    gold: list[GoldMention] = []
    for r in records:
        doc = r["conll_doc_key"]
        if doc not in texts:
            continue
        tokens = [offsets[doc][r["sent_id"]][t] for t in r["tokens_number"]]
        gold.append(
            GoldMention(
                doc=doc,
                topic=r["topic"],
                sentence=r["sent_id"],
                start=min(s for s, _ in tokens),
                end=max(e for _, e in tokens),
                tag=r["mention_type"],
                # The chain's prefix (cross_, intra_, cross_intra_) says which annotation layer
                # the converter read it from; the instance id after it is the corpus-level entity.
                cluster=re.sub(r"^(cross_intra_|cross_|intra_)", "", r["coref_chain"]),
                head_pos=r["mention_head_pos"],  # from the converter's spaCy parse
            )
        )
    left_out = [doc for doc in sentences if doc not in annotated]
    return texts, gold, left_out


def score_mentions(
    gold: list[GoldMention], predicted: list[Span], counted: Callable[[GoldMention], bool]
) -> dict[str, tuple[float, float, float, int, int]]:
    """Precision, recall, F1, gold mentions and predicted mentions scored, for exact and overlap
    match, against the gold mentions `counted` keeps. A predicted mention that matches only gold
    mentions left out (a nominal, a product) is neither right nor wrong, and is not scored."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for number, g in enumerate(gold):
        by_doc[g.doc].append(number)
    results = {}
    for mode in ("exact", "overlap"):
        right = wrong = 0
        found: set[int] = set()
        for p in predicted:
            hits = [n for n in by_doc[p[0]] if _matches(p, gold[n], mode)]
            kept = [n for n in hits if counted(gold[n])]
            found.update(kept)
            if kept:
                right += 1
            elif not hits:
                wrong += 1
        total = sum(1 for g in gold if counted(g))
        precision = right / (right + wrong) if right + wrong else 0.0
        recall = len(found) / total if total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        results[mode] = (precision, recall, f1, total, right + wrong)
    return results


def capitalised_runs(texts: dict[str, str]) -> list[Span]:
    """The trivial baseline of mention detection: each run of capitalised tokens is a mention,
    but for a line's first token alone (a sentence's "The", "He"). Tokens are space-separated
    in the rebuilt text, one sentence a line."""
    found: list[Span] = []
    for doc, text in texts.items():
        line_start = 0
        for line in text.split("\n"):
            run: list[tuple[int, int]] = []
            position = line_start
            for token in [*line.split(" "), ""]:  # "" ends the last run
                if token[:1].isupper():
                    run.append((position, position + len(token)))
                else:
                    if run and not (len(run) == 1 and run[0][0] == line_start):
                        found.append((doc, run[0][0], run[-1][1]))
                    run = []
                position += len(token) + 1
            line_start += len(line) + 1
    return found


def _matches(p: Span, g: GoldMention, mode: str) -> bool:
    """Same span, or (overlap) any character, so any token, in common: the text has a space
    between tokens."""
    if mode == "exact":
        return (p[1], p[2]) == (g.start, g.end)
    return p[1] < g.end and g.start < p[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="documents")
    parser.add_argument("--model", default=Settings().spacy_model, help="the spaCy model")
    args = parser.parse_args()
    began = time.perf_counter()
    texts, gold, left_out = load_meantime(args.data, args.limit)
    print(f"data: {args.data}")
    print(f"model: {args.model}")
    print(f"left out, no gold entity mention: {len(left_out)} documents")
    print_counts(gold, texts)
    documents = [Document(id=doc, text=text, source_path=doc) for doc, text in texts.items()]
    predicted: list[Span] = []
    for annotation in tqdm(
        annotate(documents, Settings(spacy_model=args.model)), total=len(documents), desc="annotate"
    ):
        predicted.extend(
            (m.doc, m.start, m.end)
            for m in annotation.mentions
            if texts[m.doc].count("\n", 0, m.start) <= LAST_FULL_SENTENCE  # one sentence a line
        )
    full = [g for g in gold if g.sentence <= LAST_FULL_SENTENCE]
    print(
        f"mention detection, sentences 0-{LAST_FULL_SENTENCE}: {len(full)} gold entity mentions, "
        f"{len(predicted)} actor mentions found"
    )

    settings: dict[str, Callable[[GoldMention], bool]] = {
        "all gold entity mentions": lambda g: True,
        "proper names (head PROPN)": lambda g: g.head_pos == "PROPN",
        "proper names, PER/ORG/LOC": lambda g: g.head_pos == "PROPN" and g.tag in ACTOR_TYPES,
    }
    baseline = [
        span
        for span in capitalised_runs(texts)
        if texts[span[0]].count("\n", 0, span[1]) <= LAST_FULL_SENTENCE
    ]
    systems = {"annotate": predicted, "capitalised runs": baseline}
    print(
        f"\n{'gold mentions':<27} {'match':<7} {'system':<16} {'gold':>5} {'pred':>5} "
        f"{'P':>6} {'R':>6} {'F1':>6}"
    )
    for name, counted in settings.items():
        for system, spans in systems.items():
            scores = score_mentions(full, spans, counted)
            for mode, (p, r, f1, n_gold, n_pred) in scores.items():
                print(
                    f"{name:<27} {mode:<7} {system:<16} {n_gold:5d} {n_pred:5d} "
                    f"{p:6.3f} {r:6.3f} {f1:6.3f}"
                )

    print("\ncross-document entity coreference, gold mentions, one topic at a time:")
    compare(gold, texts, args.model)
    print(f"run time {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
