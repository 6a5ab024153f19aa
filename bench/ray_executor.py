"""Annotation on a local Ray against the local process pool, on the same AllSides articles.

    python bench/ray_executor.py [--data DIR] [--limit N] [--cpus N] [--json]

The first N articles of the AllSides test split (Baly et al. 2020, converted as in
bench/throughput.py) are ingested once; then the part of `analyze` that the executor changes,
annotating the new documents and storing each one through the store's one writer, is timed
three times into fresh stores: the local executor with one process (the baseline), the local
executor with spaCy's pool of `--cpus` processes (`Settings.workers`), and the ray executor on a
local Ray of `--cpus` CPUs. Each time includes what that executor pays at every run: spaCy's pool
starts its processes and loads the model in each; Ray starts (`ray.init`, timed apart too) and
its workers load the model on their first batch. The parent's model is loaded before any timer.
The three stores are compared table by table: they must hold the same rows. The rest of
`analyze` (stories, resolution, alignment) runs in the driver whatever the executor, so it is
left out. Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import ray

import counterpoint
from counterpoint.config import Settings
from counterpoint.errors import InputError
from counterpoint.ingest.reader import ingest
from counterpoint.nlp.annotate import annotate, load_pipeline
from counterpoint.pipeline.ray_executor import annotate_on_ray
from counterpoint.records import Annotation, Document
from counterpoint.store import Store
from machine import describe, machine_info
from throughput import DEFAULT_DATA, convert

ANNOTATION_TABLES = (
    "documents", "sentences", "tokens", "mentions", "noun_chunks", "relations", "events",
    "figures", "claims", "loaded_words",
)  # fmt: skip
Annotator = Callable[
    [Iterable[Document], Settings, Callable[[InputError], None]], Iterator[Annotation]
]


def timed_run(
    annotator: Annotator, documents: list[Document], settings: Settings, db: Path
) -> float:
    """Seconds to annotate `documents` and store each annotation as it comes."""
    errors: list[InputError] = []
    start = time.perf_counter()
    with Store(db) as store:
        for annotation in annotator(documents, settings, errors.append):
            store.add_annotation(annotation)
    seconds = time.perf_counter() - start
    if errors:
        raise SystemExit(f"{len(errors)} document(s) given up, first: {errors[0]}")
    return seconds


def contents(db: Path) -> dict[str, list[str]]:
    """The annotation tables' rows, sorted, without the time each document was added."""
    with Store(db, read_only=True) as store:
        return {
            name: sorted(
                repr({k: v for k, v in row.items() if k != "added"})
                for row in store.table(name).to_pylist()
            )
            for name in ANNOTATION_TABLES
        }


def run(data: Path, limit: int, cpus: int) -> dict[str, Any]:
    base = Settings()
    load_pipeline(base.spacy_model, base.actor_labels, base.nlp, base.framing)("Warm-up: Ana Ruiz.")
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="counterpoint-bench-") as tmp:
        jsonl = Path(tmp) / "allsides.jsonl"
        converted, _ = convert(data, jsonl, limit)
        start = time.perf_counter()
        documents = ingest([jsonl], base).documents
        ingest_seconds = time.perf_counter() - start
        words = sum(len(doc.text.split()) for doc in documents)

        runs: list[tuple[str, Annotator, Settings]] = [
            ("local, 1 process (baseline)", annotate, Settings(workers=1)),
            (f"local pool, {cpus} processes", annotate, Settings(workers=cpus)),
        ]
        stores = []
        for name, annotator, settings in runs:
            db = Path(tmp) / f"{len(stores)}.duckdb"
            rows.append({"run": name, "seconds": timed_run(annotator, documents, settings, db)})
            stores.append(db)

        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        start = time.perf_counter()
        ray.init("local", num_cpus=cpus, include_dashboard=False, logging_level=logging.ERROR)
        init_seconds = time.perf_counter() - start
        try:
            db = Path(tmp) / "ray.duckdb"
            settings = Settings(executor="ray", workers=cpus)
            seconds = timed_run(annotate_on_ray, documents, settings, db)
        finally:
            ray.shutdown()
        rows.append({"run": f"local Ray, {cpus} CPUs", "seconds": init_seconds + seconds})
        stores.append(db)
        first = contents(stores[0])
        same = all(contents(other) == first for other in stores[1:])
        mentions = len(first["mentions"])

    for row in rows:
        row["articles_per_s"] = round(len(documents) / row["seconds"], 2)
        row["words_per_s"] = round(words / row["seconds"], 1)
        row["seconds"] = round(row["seconds"], 2)
    pool, on_ray = rows[1]["seconds"], rows[2]["seconds"]
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "versions": {"counterpoint": counterpoint.__version__, "ray": ray.__version__},
        "data": str(data),
        "articles_converted": converted,
        "articles": len(documents),
        "words": words,
        "mentions": mentions,
        "cpus": cpus,
        "batch_size": base.batch_size,
        "ingest_seconds": round(ingest_seconds, 2),
        "ray_init_seconds": round(init_seconds, 2),
        "runs": rows,
        "ratio": round(pool / on_ray, 3),
        "same_stores": same,
    }


def print_table(figures: dict[str, Any]) -> None:
    print()
    print(f"date:     {figures['date']}")
    print(f"machine:  {describe(figures['machine'])}; Ray {figures['versions']['ray']}")
    print(
        f"input:    {figures['articles']} articles, {figures['words']:,} words "
        f"({figures['mentions']:,} actor mentions), ingested once in "
        f"{figures['ingest_seconds']:.2f} s; batch_size {figures['batch_size']}"
    )
    print()
    header = f"{'annotate + store':<32}{'seconds':>10}{'articles/s':>12}{'words/s':>10}"
    print(header)
    print("-" * len(header))
    for row in figures["runs"]:
        print(
            f"{row['run']:<32}{row['seconds']:>10.2f}{row['articles_per_s']:>12.2f}"
            f"{row['words_per_s']:>10,.0f}"
        )
    print()
    print(f"Ray start-up (ray.init), within the Ray time: {figures['ray_init_seconds']:.2f} s")
    print(
        f"ratio (local pool seconds / local Ray seconds): {figures['ratio']:.3f} "
        "-- above 1, Ray is faster"
    )
    print(f"the three stores hold the same rows: {figures['same_stores']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dataset folder")
    parser.add_argument("--limit", type=int, default=100, help="the first N articles")
    parser.add_argument("--cpus", type=int, default=2, help="pool processes and Ray CPUs")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    figures = run(args.data.resolve(), args.limit, args.cpus)
    print_table(figures)
    if args.json:
        print(json.dumps(figures, indent=2))
    if not figures["same_stores"]:
        raise SystemExit("the stores differ")


if __name__ == "__main__":
    main()
