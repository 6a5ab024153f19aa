"""Grouping documents into stories, on the AllSides same-story roundups (NeuS, Lee et al. 2022).

    python bench/stories_roundups.py [--data FILE] [--seeds 3] [--batch 50] [--json]

**What it measures**: how well `counterpoint.align.stories.assign_stories` groups news reports
into stories as they arrive: B-cubed precision, recall and F1 (Bagga and Baldwin 1998, from
`counterpoint.evaluate.scoring`) of documents into stories, against the roundups' own grouping.

**Data**: 506 AllSides headline roundups of April to October 2021
(`shared/bench-data/allsides_roundups_neus`, beside the clone; see its SOURCE.md). Each roundup
is one story of up to three outlets (left, center, right); each side becomes a document: id
`{story}-{side}`, its title, its text (the ~90-word excerpt, paragraphs joined) and, as date,
the story's date. Three other datings test robustness: every date moved 0-2 days later at
random (outlets report on different days), 1 in 5 dates removed, and both at once.

**Protocol**: a story is held out when `sha1(str(story id)) % 3 == 0` (the split of the other
bench on these roundups): 172 stories, 507 documents; the other 333 stories (972 documents)
tune. Documents arrive in an order set by a seed (figures with seed 0, and the mean F1 over
seeds 0-2), three ways: shuffled and all passed to one `assign_stories` call (the call still
places them one by one, in that order, but knows the whole batch); shuffled in batches of
`--batch`, each call seeing the earlier ones as placed (the hardest: a document's neighbours of
the same days are mostly still to come); and by date in batches (in random order within a day,
undated documents anywhere), as a live feed would bring them. The threshold is chosen on the
tune part only, by the mean F1 over the datings and the three arrivals (the sweep is printed),
then applied once to the held-out part. Baselines on the same documents: every document its own
story; one story per calendar day (undated documents alone); and the same grouper comparing
title words only (no embeddings; its own threshold chosen on the tune part, shuffled batches).

The held-out third is sparser than the tune part (about one story a day against two), so fewer
stories compete and its figures run higher than the tune sweep's; the per-day baseline
profits most from it.

Embeddings (multilingual-e5-small, the title and the first 300 characters of the text) are
computed once per run and kept in memory only; they take most of the run time (1.5-2 minutes on
2 cores for the 1,479 documents), the grouping about a second per pass.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from counterpoint.align.stories import (
    Placed,
    StoryDocument,
    assign_stories,
    with_vectors,
)
from counterpoint.config import StorySettings
from counterpoint.evaluate.scoring import Score, b_cubed

DATA = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "bench-data"
    / "allsides_roundups_neus"
    / "allsides_roundups_2021-04_to_2021-10.jsonl"
)
SIDES = ("left", "center", "right")
DATINGS = ("exact", "jittered", "fifth undated", "jittered, fifth undated")
THRESHOLDS = (-0.03, -0.02, -0.01, 0.0, 0.01)
WORDS_THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)


@dataclass(frozen=True)
class Item:
    story: str  # gold story: the roundup's id
    document: StoryDocument


def load(path: Path) -> list[Item]:
    """One item per side of each roundup, in file order; sides without a title or text skipped."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        day = dt.date.fromisoformat(str(row["date"])[:10])
        for side in SIDES:
            news = (row.get("news") or {}).get(side)
            if not news:
                continue
            text = "\n".join(p.strip() for p in news.get("newBody") or [] if p.strip())
            title = (news.get("newsTitle") or "").strip()
            if not text and not title:
                continue
            doc = StoryDocument(f"{row['id']}-{side}", title or None, text, day)
            items.append(Item(str(row["id"]), doc))
    return items


def held_out(story: str) -> bool:
    """The split shared with the other bench on these roundups."""
    return int(hashlib.sha1(str(story).encode()).hexdigest(), 16) % 3 == 0


def redate(items: Sequence[Item], dating: str, seed: int) -> list[Item]:
    """The items under one of DATINGS; the random changes depend on the seed and document id
    only, so every method sees the same dates."""
    out = []
    for item in items:
        rng = random.Random(f"{seed}:{item.document.id}")
        day = item.document.published
        if day is not None and "jittered" in dating:
            day = day + dt.timedelta(days=rng.randint(0, 2))
        if "undated" in dating and rng.random() < 0.2:
            day = None
        out.append(Item(item.story, replace(item.document, published=day)))
    return out


def arrival(items: Sequence[Item], how: str, seed: int) -> list[Item]:
    """The items in arrival order: shuffled, or by date (in random order within a day, the
    undated ones at random places)."""
    rng = random.Random(seed)
    order = list(items)
    rng.shuffle(order)
    if how == "shuffled":
        return order
    dated = sorted(
        (i for i in order if i.document.published), key=lambda i: i.document.published or 0
    )
    for item in (i for i in order if not i.document.published):
        dated.insert(rng.randint(0, len(dated)), item)
    return dated


def group(items: Sequence[Item], settings: StorySettings, batch: int) -> dict[str, str]:
    """Document id -> predicted story, the items arriving in their order in batches."""
    placed: list[Placed] = []
    for start in range(0, len(items), batch):
        new = [item.document for item in items[start : start + batch]]
        stories = assign_stories(placed, new, settings)
        placed.extend(Placed(d, s) for d, s in zip(new, stories, strict=True))
    return {p.document.id: p.story for p in placed}


def singletons(items: Sequence[Item]) -> dict[str, str]:
    return {item.document.id: item.document.id for item in items}


def by_day(items: Sequence[Item]) -> dict[str, str]:
    return {
        i.document.id: str(i.document.published) if i.document.published else i.document.id
        for i in items
    }


def titles_only(items: Sequence[Item]) -> list[Item]:
    """The items with their titles alone and no vectors: the title-word baseline's input."""
    return [Item(i.story, replace(i.document, text="", vector=None)) for i in items]


def score(items: Sequence[Item], predicted: dict[str, str]) -> Score:
    return b_cubed({i.document.id: i.story for i in items}, predicted)


# A method groups the items of one dating, given the seed of their arrival order.
Method = Callable[[list[Item], int], dict[str, str]]


def grouper(settings: StorySettings, how: str, batch: int | None) -> Method:
    """The grouper, the items arriving `how` (shuffled or by date) in batches of `batch`
    (None: all in one call)."""

    def run(items: list[Item], seed: int) -> dict[str, str]:
        return group(arrival(items, how, seed), settings, batch or len(items))

    return run


def evaluate(items: list[Item], method: Method, seeds: Sequence[int]) -> dict[str, dict]:
    """Per dating: the score with the first seed and the mean F1 over all seeds."""
    out = {}
    for dating in DATINGS:
        scores = [score(items, method(redate(items, dating, s), s)) for s in seeds]
        first = scores[0]
        out[dating] = {
            "precision": round(first.precision, 4),
            "recall": round(first.recall, 4),
            "f1": round(first.f1, 4),
            "mean_f1": round(statistics.mean(s.f1 for s in scores), 4),
        }
    return out


def mean_f1(results: Sequence[dict[str, dict]]) -> float:
    return statistics.mean(r["f1"] for result in results for r in result.values())


def sweep(
    items: list[Item],
    name: str,
    candidates: Sequence[StorySettings],
    value: str,
    arrivals: dict[str, tuple[str, int | None]],
) -> tuple[StorySettings, list[dict]]:
    """Each setting on the tune part (seed 0) under every arrival; the one with the best
    mean F1 over the datings and arrivals."""
    rows = []
    for settings in candidates:
        results = {
            label: evaluate(items, grouper(settings, how, batch), [0])
            for label, (how, batch) in arrivals.items()
        }
        rows.append({"method": name, value: getattr(settings, value), "results": results})
        cells = "  ".join(" ".join(f"{r[d]['f1']:.3f}" for d in DATINGS) for r in results.values())
        print(
            f"  {name:<11} {value} {getattr(settings, value):>5}  {cells}"
            f"  mean {mean_f1(list(results.values())):.3f}"
        )
    best = max(range(len(rows)), key=lambda k: (mean_f1(list(rows[k]["results"].values())), -k))
    return candidates[best], rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--seeds", type=int, default=3, help="arrival orders averaged")
    parser.add_argument("--batch", type=int, default=50, help="documents per assign_stories call")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    items = load(args.data)
    base = StorySettings()
    vectors = with_vectors([i.document for i in items], base)
    items = [Item(i.story, d) for i, d in zip(items, vectors, strict=True)]
    embedded = time.perf_counter() - started
    tune = [i for i in items if not held_out(i.story)]
    test = [i for i in items if held_out(i.story)]
    print(
        f"{len(items)} documents of {len({i.story for i in items})} stories "
        f"(tune {len(tune)}, held out {len(test)}); embedded in {embedded:.1f} s"
    )
    arrivals: dict[str, tuple[str, int | None]] = {
        "shuffled, one call": ("shuffled", None),
        f"shuffled, by {args.batch}": ("shuffled", args.batch),
        f"by date, by {args.batch}": ("by date", args.batch),
    }
    print(
        "\nSweep on the tune part (seed 0): F1 per dating ("
        + ", ".join(DATINGS)
        + ") for each arrival ("
        + "; ".join(arrivals)
        + ")"
    )
    chosen, rows = sweep(
        tune, "grouper", [replace(base, threshold=t) for t in THRESHOLDS], "threshold", arrivals
    )
    shuffled = {label: arrivals[label] for label in list(arrivals)[1:2]}
    words, word_rows = sweep(
        titles_only(tune),
        "title words",
        [replace(base, vectors=False, words_threshold=t) for t in WORDS_THRESHOLDS],
        "words_threshold",
        shuffled,
    )
    print(f"  chosen: threshold {chosen.threshold}, title words {words.words_threshold}")

    seeds = list(range(args.seeds))
    methods: dict[str, Method] = {
        f"grouper, {label}": grouper(chosen, how, batch) for label, (how, batch) in arrivals.items()
    }
    title_words = grouper(words, "shuffled", args.batch)
    methods[f"title words, shuffled, by {args.batch}"] = lambda x, seed: title_words(
        titles_only(x), seed
    )
    methods["own story each"] = lambda x, seed: singletons(x)
    methods["one story a day"] = lambda x, seed: by_day(x)
    results = {name: evaluate(test, method, seeds) for name, method in methods.items()}
    elapsed = time.perf_counter() - started

    print(
        f"\nHeld-out part: {len(test)} documents, {len({i.story for i in test})} stories. "
        f"B-cubed P R F1 with seed 0 (mean F1 over {args.seeds} seeds)"
    )
    width = max(len(name) for name in results)
    header = f"{'method':<{width}}" + "".join(f" | {d:^27}" for d in DATINGS)
    print(header)
    print("-" * len(header))
    for name, result in results.items():
        cells = "".join(
            f" | {r['precision']:.3f} {r['recall']:.3f} {r['f1']:.3f} ({r['mean_f1']:.3f})"
            for r in result.values()
        )
        print(f"{name:<{width}}{cells}")
    print(f"\n{elapsed:.1f} s in all ({embedded:.1f} s embedding)")
    if args.json:
        print(
            json.dumps(
                {
                    "documents": {"tune": len(tune), "held_out": len(test)},
                    "settings": asdict(chosen),
                    "title_words_threshold": words.words_threshold,
                    "sweep": rows + word_rows,
                    "held_out": results,
                    "seconds": round(elapsed, 1),
                    "embedding_seconds": round(embedded, 1),
                },
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
