"""Probe Counterpoint's comparison of two sources on FNC-1 headline/body stance pairs.

    python bench/fnc1_stance.py                 # 80 bodies (2,594 pairs), about 4 minutes
    python bench/fnc1_stance.py --bodies 40     # a quicker look
    python bench/fnc1_stance.py --json          # the figures as JSON too
    python bench/fnc1_stance.py --db PATH       # keep (or reuse) the analyzed store

What it measures: whether `source_diff`, the comparison behind `counterpoint diff`, finds a
headline and an article body related, and whether it calls them corroborating or
contradicting, scored against FNC-1's stance labels (agree, disagree, discuss, unrelated).
It is a probe: nothing is tuned on these data, and FNC-1 is not what Counterpoint was built
for (a headline is one sentence; Counterpoint aligns events, figures and claims).

Data: the labelled FNC-1 competition test split (`shared/bench-data/fnc1_stance`, next to
the clone; see its SOURCE.md). A fixed-seed sample of bodies is drawn with all their headline
pairs. Each body becomes one JSON Lines record (outlet "FNC body <ID>"), each headline of the
sample another (outlet "FNC headline <n>", the headline as one sentence and as the title),
all published the same day; `analyze` stores them in a temporary store. Records with the same
text (four bodies of the split repeat another) are written once and share the document; the
pairs are scored as the stances file lists them (242 of its rows repeat a pair), as FNC-1's
scorer does.

How a pair is labelled: `source_diff(store, headline, body)` gives the alignments between the
two documents; "unique" ones are ignored. Any contradict -> disagree; else any corroborate or
evolves -> agree; else any reframe or related -> discuss; else unrelated.

Figures: confusion matrix, per-class precision/recall/F1, macro-F1, and the FNC score (the
official weighting: 0.25 for related-vs-unrelated right, 0.75 more for the exact stance of a
related pair), as a share of the maximum. Baselines on the same pairs: every pair
"unrelated", and word overlap (related, labelled "discuss", when the share of the headline's
content words found in the body reaches a threshold chosen for the best FNC score on half of
the sampled bodies; scored on the other half, where Counterpoint is scored too). The published
figures listed in SOURCE.md are printed beside them (systems trained on FNC-1's training
split and scored on the whole test split, so not the same footing)."""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

import counterpoint
from counterpoint.align.compare import source_diff
from counterpoint.align.load import load_statements
from counterpoint.config import Settings
from counterpoint.errors import CounterpointError
from counterpoint.ingest.reader import document_id
from counterpoint.pipeline.analyze import analyze
from counterpoint.store import Store
from machine import describe, machine_info

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[1] / "shared/bench-data/fnc1_stance"
STANCES = ("agree", "disagree", "discuss", "unrelated")
RELATED = ("agree", "disagree", "discuss")
PUBLISHED = "2015-01-15"  # one day for every document (the Emergent articles are of 2014-15)
SEED = 1
# From SOURCE.md ("from memory, not verified here"): whole test split, trained systems.
PUBLISHED_FIGURES = [
    ("official GBDT baseline", "FNC score", "~79.5%"),
    ("SOLAT in the SWEN (1st)", "FNC score", "~82.0%"),
    ("Athene (2nd)", "FNC score", "81.97%"),
    ("UCLMR (3rd)", "FNC score", "81.72%"),
    ("top systems", "macro-F1", "~0.58-0.61 ('disagree' F1 very low)"),
]


@dataclass
class Pair:
    headline: str
    body: int
    gold: str
    half: str  # "tune" or "test": the half of the sampled bodies it belongs to


def read_data(data: Path) -> tuple[dict[int, str], list[tuple[str, int, str]]]:
    with (data / "competition_test_bodies.csv").open(encoding="utf-8", newline="") as f:
        bodies = {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(f)}
    with (data / "competition_test_stances.csv").open(encoding="utf-8", newline="") as f:
        rows = [(r["Headline"], int(r["Body ID"]), r["Stance"]) for r in csv.DictReader(f)]
    return bodies, rows


def sample(rows: list[tuple[str, int, str]], n: int, seed: int) -> list[Pair]:
    """All the pairs of `n` bodies drawn at random; the bodies are split in two halves."""
    ids = sorted({body for _, body, _ in rows})
    drawn = random.Random(seed).sample(ids, min(n, len(ids)))
    half = {body: "tune" if k < len(drawn) // 2 else "test" for k, body in enumerate(drawn)}
    return [Pair(h, b, s, half[b]) for h, b, s in rows if b in half]


def as_sentence(headline: str) -> str:
    headline = " ".join(headline.split())
    return headline if headline[-1:] in ".!?" else headline + "."


def write_records(
    pairs: list[Pair], bodies: dict[int, str], path: Path
) -> tuple[dict[int, str], dict[str, str]]:
    """The JSON Lines input; returns the url of each body's and each headline's document (a
    text repeated is written once: its documents share the first one's url)."""
    by_text: dict[str, str] = {}
    body_url: dict[int, str] = {}
    headline_url: dict[str, str] = {}
    with path.open("w", encoding="utf-8") as out:

        def write(text: str, url: str, **meta: str) -> str:
            key = document_id(text)
            if key not in by_text:
                by_text[key] = url
                record = {"text": text, **meta, "published": PUBLISHED, "url": url}
                out.write(json.dumps(record) + "\n")
            return by_text[key]

        for body in sorted({p.body for p in pairs}):
            body_url[body] = write(
                bodies[body], f"fnc1:body-{body}", title=f"body-{body}", outlet=f"FNC body {body}"
            )
        for n, headline in enumerate(dict.fromkeys(p.headline for p in pairs), start=1):
            headline_url[headline] = write(
                as_sentence(headline),
                f"fnc1:headline-{n}",
                title=headline,
                outlet=f"FNC headline {n}",
            )
    return body_url, headline_url


def stance(relations: set[str]) -> str:
    if "contradict" in relations:
        return "disagree"
    if relations & {"corroborate", "evolves"}:
        return "agree"
    if relations & {"reframe", "related"}:
        return "discuss"
    return "unrelated"


def compare(
    db: Path, pairs: list[Pair], body_url: dict[int, str], headline_url: dict[str, str]
) -> tuple[list[set[str]], int, int]:
    """The relations `source_diff` finds between each pair's headline and body ("unique" left
    out), how many comparisons failed (their pairs get no relation) and how many headlines
    hold an item (event, figure or claim) that could be aligned at all."""
    found: dict[tuple[str, str], set[str]] = {}
    failed = 0
    with Store(db, read_only=True) as store:
        doc_of = {d.url: d.id for d in store.documents()}
        headlines = sorted({doc_of[u] for u in headline_url.values() if u in doc_of})
        with_items = len({s.doc for s in load_statements(store, headlines, Settings())})
        for pair in pairs:
            key = (doc_of.get(headline_url[pair.headline], ""), doc_of.get(body_url[pair.body], ""))
            if key in found:
                continue
            if not all(key):  # a document analyze did not store
                found[key], failed = set(), failed + 1
                continue
            try:
                diff = source_diff(store, key[0], key[1])
            except CounterpointError as error:
                print(f"source_diff failed on {key}: {error}", file=sys.stderr)
                found[key], failed = set(), failed + 1
                continue
            found[key] = {a.relation for a in diff.alignments if a.relation != "unique"}
        keys = [
            (doc_of.get(headline_url[p.headline], ""), doc_of.get(body_url[p.body], ""))
            for p in pairs
        ]
    return [found[k] for k in keys], failed, with_items


def scores(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    """Confusion matrix (gold -> predicted -> count), per-class P/R/F1, macro-F1, FNC score."""
    confusion = {g: {p: 0 for p in STANCES} for g in STANCES}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    per_class = {}
    for label in STANCES:
        right = confusion[label][label]
        shown = sum(confusion[g][label] for g in STANCES)
        wanted = sum(confusion[label].values())
        precision = right / shown if shown else 0.0
        recall = right / wanted if wanted else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "gold": wanted,
            "predicted": shown,
        }
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):  # as FNC-1's scorer.py weighs them
        if g == p:
            score += 0.25 + (0.50 if g != "unrelated" else 0.0)
        if g in RELATED and p in RELATED:
            score += 0.25
        best += 1.0 if g in RELATED else 0.25
    return {
        "pairs": len(gold),
        "confusion": confusion,
        "per_class": per_class,
        "macro_f1": round(sum(c["f1"] for c in per_class.values()) / len(STANCES), 4),
        "fnc_score": round(score, 2),
        "fnc_max": round(best, 2),
        "fnc_relative": round(score / best, 4) if best else 0.0,
        "accuracy": round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold), 4)
        if gold
        else 0.0,
    }


WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def content_words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in STOP_WORDS and len(w) > 1}


def overlap_baseline(pairs: list[Pair], bodies: dict[int, str]) -> tuple[float, list[str]]:
    """Related ("discuss") when the share of the headline's content words found in the body
    reaches the threshold with the best FNC score on the "tune" half; labels for all pairs."""
    body_words = {b: content_words(bodies[b]) for b in {p.body for p in pairs}}
    shares = []
    for p in pairs:
        words = content_words(p.headline)
        shares.append(len(words & body_words[p.body]) / len(words) if words else 0.0)
    tune = [(s, p.gold) for s, p in zip(shares, pairs, strict=True) if p.half == "tune"]
    best = (-1.0, 0.0)
    for step in range(1, 20):
        threshold = step / 20
        labels = ["discuss" if s >= threshold else "unrelated" for s, _ in tune]
        best = max(best, (scores([g for _, g in tune], labels)["fnc_relative"], threshold))
    threshold = best[1]
    return threshold, ["discuss" if s >= threshold else "unrelated" for s in shares]


def relations_by_gold(pairs: list[Pair], relations: list[set[str]]) -> dict[str, dict[str, float]]:
    """For each gold stance, the share of its pairs where each relation was found."""
    count = Counter(p.gold for p in pairs)
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for p, rels in zip(pairs, relations, strict=True):
        found[p.gold].update(rels or {"(none)"})
    names = ("corroborate", "contradict", "evolves", "reframe", "related", "(none)")
    return {
        g: {r: round(found[g][r] / count[g], 4) if count[g] else 0.0 for r in names}
        for g in STANCES
    }


def run(data: Path, n_bodies: int, seed: int, db: Path | None) -> dict[str, Any]:
    bodies, rows = read_data(data)
    pairs = sample(rows, n_bodies, seed)
    folder = Path(tempfile.mkdtemp(prefix="counterpoint-fnc1-"))
    try:
        body_url, headline_url = write_records(pairs, bodies, folder / "fnc1.jsonl")
        db = db or folder / "fnc1.duckdb"
        start = time.perf_counter()
        result = analyze([folder / "fnc1.jsonl"], db=db, progress=sys.stderr.isatty())
        analyze_seconds = time.perf_counter() - start
        start = time.perf_counter()
        relations, failed, with_items = compare(db, pairs, body_url, headline_url)
        compare_seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    predicted = [stance(r) for r in relations]
    gold = [p.gold for p in pairs]
    threshold, overlap = overlap_baseline(pairs, bodies)
    test = [k for k, p in enumerate(pairs) if p.half == "test"]
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "counterpoint": counterpoint.__version__,
        "data": str(data),
        "seed": seed,
        "bodies": len({p.body for p in pairs}),
        "headlines": len(headline_url),
        "headlines_with_items": with_items,
        "documents_added": len(result.added),
        "input_errors": len(result.errors),
        "duplicates": len(result.duplicates),
        "failed_comparisons": failed,
        "seconds": {"analyze": round(analyze_seconds, 1), "compare": round(compare_seconds, 1)},
        "counterpoint_all": scores(gold, predicted),
        "all_unrelated_all": scores(gold, ["unrelated"] * len(gold)),
        "relations_by_gold": relations_by_gold(pairs, relations),
        "test_half": {
            "bodies": len({pairs[k].body for k in test}),
            "counterpoint": scores([gold[k] for k in test], [predicted[k] for k in test]),
            "all_unrelated": scores([gold[k] for k in test], ["unrelated"] * len(test)),
            "word_overlap": scores([gold[k] for k in test], [overlap[k] for k in test]),
            "word_overlap_threshold": threshold,
        },
    }


def print_scores(title: str, s: dict[str, Any], matrix: bool = True) -> None:
    print(f"\n{title} ({s['pairs']} pairs)")
    if matrix:
        corner = "gold \\ predicted"
        print(f"  {corner:<18}" + "".join(f"{p:>11}" for p in STANCES))
        for g in STANCES:
            print(f"  {g:<18}" + "".join(f"{s['confusion'][g][p]:>11,}" for p in STANCES))
    print(f"  {'class':<12}{'precision':>10}{'recall':>8}{'F1':>8}{'gold':>7}{'predicted':>10}")
    for label, c in s["per_class"].items():
        print(
            f"  {label:<12}{c['precision']:>10.3f}{c['recall']:>8.3f}{c['f1']:>8.3f}"
            f"{c['gold']:>7,}{c['predicted']:>10,}"
        )
    print(
        f"  macro-F1 {s['macro_f1']:.3f}   FNC score {s['fnc_score']:,.2f} of {s['fnc_max']:,.2f}"
        f" = {100 * s['fnc_relative']:.1f}%   accuracy {s['accuracy']:.3f}"
    )


def print_report(f: dict[str, Any]) -> None:
    print(f"\ndate: {f['date']}   machine: {describe(f['machine'])}")
    print(
        f"sample: {f['bodies']} bodies (seed {f['seed']}), {f['headlines']} headlines, "
        f"{f['counterpoint_all']['pairs']:,} pairs; {f['documents_added']} documents analyzed, "
        f"{f['input_errors']} input errors, {f['duplicates']} repeated texts, "
        f"{f['failed_comparisons']} failed comparisons"
    )
    print(
        f"headlines holding an event, figure or claim to align: {f['headlines_with_items']} "
        f"of {f['headlines']}"
    )
    print(f"time: analyze {f['seconds']['analyze']:.1f} s, compare {f['seconds']['compare']:.1f} s")
    print_scores("Counterpoint (source_diff), all sampled pairs", f["counterpoint_all"])
    print_scores("Baseline: all unrelated, all sampled pairs", f["all_unrelated_all"], False)
    print("\nRelations found, share of pairs of each gold stance:")
    names = list(next(iter(f["relations_by_gold"].values())))
    print(f"  {'gold':<12}" + "".join(f"{r:>13}" for r in names))
    for g, shares in f["relations_by_gold"].items():
        print(f"  {g:<12}" + "".join(f"{shares[r]:>13.3f}" for r in names))
    t = f["test_half"]
    print(f"\n--- Test half: the pairs of {t['bodies']} of the sampled bodies ---")
    print_scores("Counterpoint (source_diff), test half", t["counterpoint"])
    print_scores("Baseline: all unrelated, test half", t["all_unrelated"], False)
    print_scores(
        f"Baseline: word overlap >= {t['word_overlap_threshold']:.2f} is discuss "
        "(threshold from the other half), test half",
        t["word_overlap"],
    )
    print("\nPublished (SOURCE.md, from memory, not verified; trained systems, whole test split):")
    for system, metric, value in PUBLISHED_FIGURES:
        print(f"  {system:<26}{metric:<11}{value}")
    ours = f["counterpoint_all"]
    print(
        f"  {'Counterpoint, this sample':<26}{'FNC score':<11}"
        f"{100 * ours['fnc_relative']:.1f}%   macro-F1 {ours['macro_f1']:.3f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="FNC-1 folder")
    parser.add_argument("--bodies", type=int, default=80, help="bodies to sample")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the sample")
    parser.add_argument("--db", type=Path, help="store to analyze into (kept; reused if there)")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    figures = run(args.data.resolve(), args.bodies, args.seed, args.db)
    print_report(figures)
    if args.json:
        print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
