"""Loaded-language detection on BABE (Spinde et al., 2021): is a sentence biased by its words?

    python bench/babe_loaded_language.py [--data DIR] [--limit N] [--json]

Runs the spaCy pipeline and `counterpoint.nlp.loaded_words.find_loaded_words` on every
sentence of BABE's two files. The two thresholds (the weight from which a word counts for its
sentence, and the loadedness from which a sentence is biased) are tuned for sentence-level
macro-F1 on SG1 (1,700 MBIC sentences re-labelled by experts; ties go to the lower weight and
the higher threshold) and scored on SG2 (the 3,674 BABE sentences), so the SG2 figure is held
out; "No agreement" sentences are left out of both. Baselines on SG2: calling every sentence
biased, and VADER's compound score of the whole sentence (|compound| from a
threshold tuned on SG1 the same way). Word level: the loaded words found against the
`biased_words` column, lower-cased, set against set per sentence, summed over all sentences
(every word marked, from `FramingSettings.min_weight`).
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from counterpoint.config import FramingSettings, Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.loaded_words import find_loaded_words, loadedness
from counterpoint.records import LoadedWord

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench-data" / "babe_media_bias"
DEFAULTS = FramingSettings()
WEIGHTS = (0.4, 0.45, 0.5, 0.55, 0.6)  # from min_weight: lighter words are never marked
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))


@dataclass
class Sentence:
    text: str
    biased: bool
    biased_words: set[str]
    words: list[LoadedWord]  # every word the lexicons rate, whatever its weight
    compound: float  # VADER's compound score of the whole sentence


def load(path: Path, limit: int | None = None) -> list[tuple[str, bool, set[str]]]:
    """(text, biased, biased words) of a BABE file, "No agreement" rows left out."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [
            r for r in csv.DictReader(handle, delimiter=";") if r["label_bias"] != "No agreement"
        ]
    return [
        (r["text"].strip(), r["label_bias"] == "Biased",
         {str(w).lower() for w in ast.literal_eval(r["biased_words"] or "[]")})
        for r in rows[:limit]
    ]  # fmt: skip


def parse(rows: list[tuple[str, bool, set[str]]]) -> list[Sentence]:
    nlp = load_pipeline(Settings().spacy_model)
    vader = SentimentIntensityAnalyzer()
    texts = [text for text, _, _ in rows]
    return [
        Sentence(text, biased, words, find_loaded_words(sdoc, FramingSettings(min_weight=0.0)),
                 vader.polarity_scores(text)["compound"])
        for (text, biased, words), sdoc in zip(rows, nlp.pipe(texts, batch_size=64), strict=True)
    ]  # fmt: skip


def kept(sentence: Sentence, min_weight: float) -> list[LoadedWord]:
    return [w for w in sentence.words if w.weight >= min_weight]


def scores(pairs: list[tuple[bool, bool]]) -> dict[str, Any]:
    """Macro-F1 over the two classes, and precision, recall and F1 of each."""
    per = {}
    for name, cls in (("biased", True), ("non-biased", False)):
        tp = sum(1 for g, p in pairs if g == cls and p == cls)
        fp = sum(1 for g, p in pairs if g != cls and p == cls)
        fn = sum(1 for g, p in pairs if g == cls and p != cls)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        per[name] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    macro = (per["biased"]["f1"] + per["non-biased"]["f1"]) / 2
    return {"macro_f1": macro, **per}


def predict(sentences: list[Sentence], floor: float, threshold: float) -> list[bool]:
    return [loadedness(kept(s, DEFAULTS.min_weight), floor) >= threshold for s in sentences]


def tune(sentences: list[Sentence]) -> tuple[float, float, float]:
    """(word floor, threshold, macro-F1) best on these sentences."""
    best = (0.0, 0.0, -1.0)
    for weight in WEIGHTS:
        for threshold in reversed(THRESHOLDS):
            found = predict(sentences, weight, threshold)
            pairs = [(s.biased, p) for s, p in zip(sentences, found, strict=True)]
            macro = scores(pairs)["macro_f1"]
            if macro > best[2]:
                best = (weight, threshold, macro)
    return best


def tune_vader(sentences: list[Sentence]) -> tuple[float, float]:
    best = (0.0, -1.0)
    for threshold in reversed(THRESHOLDS):
        pairs = [(s.biased, abs(s.compound) >= threshold) for s in sentences]
        macro = scores(pairs)["macro_f1"]
        if macro > best[1]:
            best = (threshold, macro)
    return best


def word_level(sentences: list[Sentence], min_weight: float) -> dict[str, float]:
    tp = fp = fn = 0
    for s in sentences:
        found = {w.text.lower() for w in kept(s, min_weight)}
        tp += len(found & s.biased_words)
        fp += len(found - s.biased_words)
        fn += len(s.biased_words - found)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold_words": tp + fn}


def table(name: str, result: dict[str, Any]) -> str:
    b, n = result["biased"], result["non-biased"]
    cells = [result["macro_f1"], *(c[k] for c in (b, n) for k in ("precision", "recall", "f1"))]
    return f"| {name} | " + " | ".join(f"{x:.3f}" for x in cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, help="the first N sentences of each file")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sg1 = parse(load(args.data / "final_labels_SG1.csv", args.limit))
    sg2 = parse(load(args.data / "final_labels_SG2.csv", args.limit))
    weight, threshold, tuned_macro = tune(sg1)
    vader_threshold, vader_sg1 = tune_vader(sg1)
    gold = [s.biased for s in sg2]
    result: dict[str, Any] = {
        "sg1_sentences": len(sg1),
        "sg2_sentences": len(sg2),
        "tuned_on_sg1": {"word_floor": weight, "threshold": threshold, "macro_f1": tuned_macro},
        "settings_defaults": {
            "word_floor": DEFAULTS.word_floor,
            "threshold": DEFAULTS.loaded_threshold,
        },
        "loaded_words": scores(list(zip(gold, predict(sg2, weight, threshold), strict=True))),
        "all_biased": scores([(g, True) for g in gold]),
        "vader_compound": scores([(s.biased, abs(s.compound) >= vader_threshold) for s in sg2]),
        "vader_threshold": vader_threshold,
        "word_level": word_level(sg2, DEFAULTS.min_weight),
    }
    print(f"SG1 {len(sg1)} sentences, SG2 {len(sg2)} sentences (No agreement left out)")
    print(f"tuned on SG1: word floor {weight}, threshold {threshold} (SG1 macro-F1 "
          f"{tuned_macro:.3f}); settings defaults {DEFAULTS.word_floor}, "
          f"{DEFAULTS.loaded_threshold}")  # fmt: skip
    if (weight, threshold) != (DEFAULTS.word_floor, DEFAULTS.loaded_threshold):
        print("  (the tuned thresholds differ from the settings defaults)")
    print("\nSG2, sentence level:\n")
    print(
        "| method | macro-F1 | biased P | biased R | biased F1 | non-b. P | non-b. R | non-b. F1 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    print(table("loaded words (Counterpoint)", result["loaded_words"]))
    print(table("all biased", result["all_biased"]))
    print(table(f"VADER abs(compound) >= {vader_threshold}", result["vader_compound"]))
    words = result["word_level"]
    print(f"\nSG2, word level against biased_words ({words['gold_words']} gold words): "
          f"P {words['precision']:.3f}, R {words['recall']:.3f}, F1 {words['f1']:.3f}")  # fmt: skip
    sample = [w for s in sg2 for w in kept(s, DEFAULTS.min_weight)]
    kinds: dict[str, int] = {}
    for w in sample:
        kinds[w.kind] = kinds.get(w.kind, 0) + 1
    print(f"loaded words found in SG2 by kind: {kinds}")
    if args.json:
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
