"""Learn the cue model of `nlp/claims.py` on PolNeAR train: which claims found at a verb are
attributions as PolNeAR's annotators count them.

    python bench/polnear_cue_model.py            # learn on train[150:], tune on train[:150]
    python bench/polnear_cue_model.py --write    # and write lang/en/claims_cue_model.json

The rules propose a claim at every verb of a learned cue (`CANDIDATE_CUE_VERBS`) with the
features `_Finder._features` gives it (the verb, its subject, its content). Each candidate is
labelled by bench/polnear_attribution.py's scoring: right when its content matches a gold
content (candidates grouped per cue as that script does). A logistic regression (L2, fitted
here with numpy: full-batch Adam) learns from the articles after the first `TUNING` of train;
the threshold is the highest of `THRESHOLDS` whose content F1 on the first `TUNING` articles
(the tuning slice of polnear_attribution.py) is within `TOLERANCE` of the best. Dev is not
read. About 6 minutes on 2 shared cores, most of it parsing.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

import polnear_attribution as bench
from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.claims import CueModel, attribution_candidates

OUT = Path(__file__).resolve().parents[1] / "src" / "counterpoint" / "lang" / "en"
OUT = OUT / "claims_cue_model.json"
TUNING = 150  # the first articles of train: where the threshold is chosen
MIN_SEEN = 3  # a feature seen in fewer training candidates gets no weight
L2 = 3.0  # the penalty on the weights (summed over the candidates' log-loss)
STEPS = 600
RATE = 0.1  # Adam's step
THRESHOLDS = [round(0.20 + 0.025 * n, 3) for n in range(13)]  # 0.2 .. 0.5
TOLERANCE = 0.005

Row = tuple[tuple[str, ...], bool]


def candidates(article: bench.Article, sdoc: Doc) -> tuple[list[bench.Predicted], list[Row]]:
    """The article's predictions before the model weighs them, and (features, right) for those
    the model weighs."""
    found = bench.grouped(attribution_candidates(sdoc), sdoc)
    predicted = [p for p, _ in found]
    _, matched = bench.score(article.text, article.gold, predicted)
    right = {p for _, p in matched}
    rows = [(features, n in right) for n, (_, features) in enumerate(found) if features]
    return predicted, rows


def fit(rows: list[Row]) -> tuple[float, dict[str, float]]:
    """A logistic regression over the features (each 0 or 1): bias and weights."""
    seen = Counter(f for features, _ in rows for f in features)
    names = sorted(f for f, n in seen.items() if n >= MIN_SEEN)
    index = {f: i for i, f in enumerate(names)}
    row_of = np.array([r for r, (fs, _) in enumerate(rows) for f in fs if f in index], dtype=int)
    col_of = np.array([index[f] for fs, _ in rows for f in fs if f in index], dtype=int)
    y = np.array([right for _, right in rows], dtype=float)
    w = np.zeros(len(names) + 1)  # the last one is the bias
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, STEPS + 1):
        z = np.bincount(row_of, weights=w[col_of], minlength=len(rows)) + w[-1]
        error = 1 / (1 + np.exp(-z)) - y
        grad = np.zeros_like(w)
        grad[:-1] = np.bincount(col_of, weights=error[row_of], minlength=len(names))
        grad[:-1] += L2 * w[:-1]
        grad[-1] = error.sum()
        grad /= len(rows)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    weights = {f: round(float(w[i]), 4) for f, i in index.items() if abs(w[i]) >= 1e-4}
    return round(float(w[-1]), 4), weights


def tune(
    articles: list[bench.Article], docs: list[Doc], bias: float, weights: dict[str, float]
) -> dict[float, bench.Tally]:
    """Content, cue and source tallies on the articles for each threshold: the finder run with
    the model at that threshold, as bench/polnear_attribution.py runs it."""
    tallies = {t: bench.Tally() for t in THRESHOLDS}
    for article, sdoc in zip(articles, docs, strict=True):
        for threshold, tally in tallies.items():
            model = CueModel(bias, weights, threshold)
            predicted = bench.counterpoint(sdoc, model)
            tally.add(bench.score(article.text, article.gold, predicted)[0])
    return tallies


def learn(articles: list[bench.Article], docs: list[Doc]) -> dict[str, object]:
    """The model learned from the articles after the first `TUNING`, its threshold chosen on
    those (the highest within `TOLERANCE` of the best content F1: readers rely on precision
    more, and F1 moves by that much from noise alone); prints the tuning table."""
    rows = [row for a, d in zip(articles[TUNING:], docs[TUNING:], strict=True)
            for row in candidates(a, d)[1]]  # fmt: skip
    bias, weights = fit(rows)
    print(f"{len(rows)} candidates from {len(articles) - TUNING} articles "
          f"({sum(r for _, r in rows)} right), {len(weights)} weights")  # fmt: skip
    tallies = tune(articles[:TUNING], docs[:TUNING], bias, weights)
    print(f"{'threshold':>9} {'P':>6} {'R':>6} {'F1':>6} {'+source F1':>10}   (train[:{TUNING}])")
    for threshold, tally in tallies.items():
        p, r, f = tally.prf("content")
        print(f"{threshold:9.3f} {p:6.3f} {r:6.3f} {f:6.3f} {tally.prf('content+source')[2]:10.3f}")
    best = max(tallies[t].prf("content")[2] for t in THRESHOLDS)
    threshold = max(t for t in THRESHOLDS if tallies[t].prf("content")[2] >= best - TOLERANCE)
    print(f"threshold {threshold}")
    about = (
        "Learned by bench/polnear_cue_model.py from PolNeAR train (Newell et al. 2018): "
        f"candidates of train[{TUNING}:], threshold chosen on train[:{TUNING}]. A logistic "
        "regression: P(claim) = 1 / (1 + exp(-(bias + the weights of its features)))."
    )
    return {"about": about, "bias": bias, "threshold": threshold, "weights": weights}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=bench.DATA)
    parser.add_argument("--write", action="store_true", help=f"write {OUT.name}")
    args = parser.parse_args()
    started = time.perf_counter()
    articles = bench.load_split(args.data, "train")
    nlp = load_pipeline(Settings().spacy_model)
    with nlp.select_pipes(disable=bench.UNUSED_PIPES):
        docs = list(nlp.pipe((a.text for a in articles), batch_size=8))
    model = learn(articles, docs)
    print(f"{time.perf_counter() - started:.0f} s")
    if args.write:
        OUT.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
