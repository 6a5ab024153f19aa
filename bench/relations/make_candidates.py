"""Draw the candidate sentence pairs of the cross-source relation set from the AllSides
same-story roundups (`shared/bench-data/allsides_roundups_neus`), before any labelling.

Each roundup holds one story told by up to three outlets (left, center, right), each as a
title and a ~90-word excerpt. Its sentences (the title counts as one) are paired across
outlets; per story at most five pairs are drawn, all before any rule is tuned:
- the two pairs whose sentences are closest in meaning (multilingual-e5-small cosine),
- the closest pair in which both sentences hold a number (figures that may agree, grow or clash),
- the closest pair in which one sentence has a negation and the other not,
- the two titles of two outlets (headlines are where framing shows),
- one pair drawn at random (most such pairs are unrelated).
Stories are drawn at random with a fixed seed; a story is in the held-out third when
`int(sha1(story id)) % 3 == 0`: no threshold or rule is fitted on those.

Writes `candidates.jsonl` (unlabelled) beside this file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "shared/bench-data/allsides_roundups_neus"
ROUNDUPS = "allsides_roundups_2021-04_to_2021-10.jsonl"
NUMBER = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)\b",
    re.I,
)
NEGATION = re.compile(r"\b(not|no|never|n't|denied|denies|deny|refused|rejected)\b", re.I)
SENTENCE = re.compile(r"(?<=[.!?\"”])\s+(?=[\"“‘A-Z0-9])")


def held_out(story: str) -> bool:
    return int(hashlib.sha1(story.encode()).hexdigest(), 16) % 3 == 0


def sentences(side: dict) -> list[tuple[str, str]]:
    """(where, sentence): the title, then the excerpt's sentences (a trailing '...' cut off)."""
    found = [("title", side["newsTitle"].strip())]
    for n, paragraph in enumerate(side.get("newBody") or []):
        text = paragraph.strip().removesuffix("...").strip()
        for m, s in enumerate(SENTENCE.split(text)):
            if len(s.split()) >= 5:
                found.append((f"p{n}s{m}", s.strip()))
    return found


def take(
    chosen: list[tuple[str, int, int]], why: str, pool: list[tuple[float, int, int]], n: int = 1
) -> None:
    """Add the first `n` pairs of `pool` not chosen yet."""
    for _, i, j in pool:
        if n == 0:
            break
        if all({i, j} != {a, b} for _, a, b in chosen):
            chosen.append((why, i, j))
            n -= 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=110)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument(
        "--skip", type=int, default=0, help="leave out the first N drawn stories (an earlier set's)"
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="every pair held out (a set drawn after tuning); pair ids f0000...",
    )
    parser.add_argument(
        "--set-name",
        default="fresh",
        help="with --fresh, the pairs' split and the first letter of their ids (fresh, third)",
    )
    parser.add_argument("--out", default="candidates.jsonl")
    args = parser.parse_args()
    from counterpoint.align.embeddings import embed

    stories = [json.loads(line) for line in (DATA / ROUNDUPS).open()]
    rng = random.Random(args.seed)
    rng.shuffle(stories)
    out = []
    for story in stories[args.skip : args.skip + args.stories]:
        sides = {k: v for k, v in story["news"].items() if v and v.get("newsTitle")}
        units = [(k, where, s) for k, v in sides.items() for where, s in sentences(v)]
        vectors = embed([s for _, _, s in units])
        pairs = []
        for i in range(len(units)):
            for j in range(i + 1, len(units)):
                if units[i][0] != units[j][0]:
                    pairs.append((float(np.dot(vectors[i], vectors[j])), i, j))
        pairs.sort(reverse=True)
        chosen: list[tuple[str, int, int]] = []
        numbers = {n for n, unit in enumerate(units) if NUMBER.search(unit[2])}
        negated = {n for n, unit in enumerate(units) if NEGATION.search(unit[2])}
        take(chosen, "closest", pairs, 2)
        take(chosen, "numbers", [p for p in pairs if {p[1], p[2]} <= numbers])
        take(chosen, "negation", [p for p in pairs if (p[1] in negated) != (p[2] in negated)])
        take(chosen, "titles", [p for p in pairs if units[p[1]][1] == units[p[2]][1] == "title"])
        take(chosen, "random", rng.sample(pairs, len(pairs)))
        for why, i, j in chosen:
            a, b = units[i], units[j]
            out.append(
                {
                    "story": story["id"],
                    "split": args.set_name
                    if args.fresh
                    else "held-out"
                    if held_out(str(story["id"]))
                    else "tune",
                    "a_side": a[0],
                    "a_outlet": sides[a[0]]["newsSource"],
                    "a_where": a[1],
                    "a": a[2],
                    "b_side": b[0],
                    "b_outlet": sides[b[0]]["newsSource"],
                    "b_where": b[1],
                    "b": b[2],
                    "drawn_as": why,
                }
            )
    for n, row in enumerate(out):
        row["pair"] = f"{args.set_name[0] if args.fresh else 'p'}{n:04d}"
    with (HERE / args.out).open("w") as f:
        for row in out:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        len(out),
        "pairs from",
        args.stories,
        "stories;",
        sum(r["split"] != "tune" for r in out),
        "held out",
    )


if __name__ == "__main__":
    main()
