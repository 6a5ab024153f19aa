"""Throughput of `counterpoint.analyze` against spaCy's own `nlp.pipe` on the same texts.

Run:  python bench/throughput.py [--data DIR] [--limit N] [--workers N] [--plain]
                                 [--embedding e5|static] [--model NAME ...] [--annotate] [--json]

The AllSides test split (Baly et al. 2020) is converted to one JSON Lines file in a temporary
folder, analysed into a temporary store (ingest + annotate + store + stories + resolve + align,
timed as a whole; with `--plain` a second time without sentence embeddings), and then the texts
as ingested are run through the same spaCy model with the same batch size and number of
processes. Each run is a fresh child process, which loads and warms up its spaCy model before
its timer starts (model loading is excluded from every figure) and reports its CPU time (all
its threads) and its peak resident memory (ru_maxrss): the bare model's peak beside analyze's.
`--model` (given once or more) names the spaCy models compared (a `Settings.spacy_model`, e.g.
en_core_web_md): analyze runs with the first, the bare `nlp.pipe` with each, side by side in the
same run; `--annotate` also times `annotate` alone (Counterpoint's components, no store) with
each. Nothing is written outside the temporary folder.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import spacy
from tqdm import tqdm

import counterpoint
from counterpoint import Settings, analyze
from counterpoint.config import static_embedding
from counterpoint.nlp.annotate import (
    CHUNK_CHARS,
    annotate,
    load_pipeline,
    model_location,
    split_text,
)
from counterpoint.records import Document
from counterpoint.store import Store
from machine import machine_info

WARM_UP = "Warm-up: Ana Ruiz met the mayor of Port Aurel on Monday."

DEFAULT_DATA = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "bench-data"
    / "allsides_baly2020_testonly"
)


def convert(data: Path, out: Path, limit: int | None) -> tuple[int, int]:
    """Write the articles under `data/jsons` to `out` as JSON Lines; (written, skipped empty)."""
    files = sorted((data / "jsons").glob("*.json"))
    if not files:
        sys.exit(f"no articles found in {data / 'jsons'}")
    if limit is not None:
        files = files[:limit]
    written = empty = 0
    with out.open("w", encoding="utf-8") as sink:
        for file in files:
            article = json.loads(file.read_text(encoding="utf-8"))
            text = article.get("content_original") or ""
            if not text.strip():
                empty += 1
                continue
            record = {
                "text": text,
                "title": article.get("title"),
                "outlet": article.get("source"),
                "author": article.get("authors"),
                "published": article.get("date"),
                "url": article.get("url"),
            }
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written, empty


def _line_number(doc: Document) -> int:
    """Documents from a JSON Lines file have source_path 'file.jsonl:N'; ingest order is N."""
    return int(doc.source_path.rsplit(":", 1)[1])


def _count(store: Store, table: str) -> int:
    """Rows of a store table: how many sentences there are, and how many were embedded."""
    return int(store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def rates(articles: int, words: int, seconds: float, cpu: float) -> dict[str, float]:
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds, 1),
    }


def _row(articles: int, words: int, timed: dict[str, Any]) -> dict[str, Any]:
    """A timed child run as a table row: articles done, peak memory and rates."""
    done = int(timed.get("articles", articles))
    return {"articles": done, "peak_mb": timed["peak_mb"]} | rates(
        done, words, timed["seconds"], timed["cpu"]
    )


def _peak_mb() -> float:
    """This process's peak resident memory so far (ru_maxrss is in KiB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _in_child(task: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """`task(*args)` in a fresh process: its peak memory is the run's own."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(task, *args).result()


def timed_analyze(jsonl: Path, db: Path, settings: Settings) -> dict[str, Any]:
    """analyze() of `jsonl` into `db`, timed after the pipeline is loaded and warmed up (run in
    a child process)."""
    load_pipeline(settings.spacy_model, settings.actor_labels, settings.nlp, settings.framing)(
        WARM_UP
    )
    start, cpu = time.perf_counter(), time.process_time()
    result = analyze([jsonl], db=db, settings=settings, progress=True)
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "added": len(result.added),
        "errors": len(result.errors),
        "duplicates": len(result.duplicates),
        "entities": result.entities,
        "peak_mb": _peak_mb(),
    }


def timed_annotate(documents: list[Document], settings: Settings) -> dict[str, Any]:
    """`annotate` alone (the model with Counterpoint's components, nothing stored), timed after
    the pipeline is loaded and warmed up (run in a child process)."""
    load_pipeline(settings.spacy_model, settings.actor_labels, settings.nlp, settings.framing)(
        WARM_UP
    )
    start, cpu = time.perf_counter(), time.process_time()
    done = sum(
        1 for _ in tqdm(annotate(documents, settings), total=len(documents), desc="annotate")
    )
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "articles": done,
        "peak_mb": _peak_mb(),
    }


def timed_pipe(model: str, pieces: list[str], batch_size: int, workers: int) -> dict[str, Any]:
    """spaCy's own `nlp.pipe` over `pieces`, timed after the model is loaded and warmed up
    (run in a child process)."""
    nlp = spacy.load(model_location(model))
    nlp(WARM_UP)
    start, cpu = time.perf_counter(), time.process_time()
    tokens = sum(
        len(sdoc)
        for sdoc in tqdm(
            nlp.pipe(pieces, batch_size=batch_size, n_process=workers),
            total=len(pieces),
            unit="doc",
            desc="nlp.pipe",
        )
    )
    return {
        "seconds": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "tokens": tokens,
        "peak_mb": _peak_mb(),
    }


def run(
    data: Path,
    limit: int | None,
    workers: int,
    plain: bool = False,
    embedding: str = "e5",
    models: tuple[str, ...] = (Settings().spacy_model,),
    annotate_alone: bool = False,
) -> dict[str, Any]:
    """With `plain`, analyze also runs without sentence embeddings (align and stories compare
    words only), into a second store: what the embeddings cost, timed in the same run. With
    `embedding` "static", the align stage embeds sentences by mean word vectors. analyze runs
    with the first of `models`, the bare model with each (and, with `annotate_alone`, annotate
    alone with each)."""
    settings = Settings(workers=workers, spacy_model=models[0])
    if embedding == "static":
        settings = replace(settings, align=static_embedding(settings.align))

    with tempfile.TemporaryDirectory(prefix="counterpoint-bench-") as tmp:
        jsonl = Path(tmp) / "allsides.jsonl"
        db = Path(tmp) / "bench.duckdb"
        converted, empty = convert(data, jsonl, limit)

        analyzed = _in_child(timed_analyze, jsonl, db, settings)
        plain_run: dict[str, Any] = {}
        if plain:
            words_only = replace(
                settings,
                align=replace(settings.align, vectors=False),
                stories=replace(settings.stories, vectors=False),
            )
            plain_run = _in_child(timed_analyze, jsonl, Path(tmp) / "plain.duckdb", words_only)

        with Store(db, read_only=True) as store:
            documents = sorted(store.documents(), key=_line_number)
            embedded = _count(store, "sentence_vectors")
            sentences = _count(store, "sentences")

    words = sum(len(doc.text.split()) for doc in documents)
    # The same pieces annotate() feeds spaCy (texts over CHUNK_CHARS are cut at paragraphs).
    pieces = [piece for doc in documents for _, piece, _ in split_text(doc.text, CHUNK_CHARS)]
    # Each model bare, then (with `annotate_alone`) annotate alone with each: side by side in
    # one run. The first model is analyze's, and its bare run gives the ratios.
    piped_by = {m: _in_child(timed_pipe, m, pieces, settings.batch_size, workers) for m in models}
    alone_by = {
        m: _in_child(timed_annotate, documents, replace(settings, spacy_model=m))
        for m in (models if annotate_alone else ())
    }
    piped = piped_by[models[0]]

    articles = len(documents)
    added = analyzed["added"]
    pipe_speed = articles / piped["seconds"]
    extra = {}
    if plain:
        extra = {
            "analyze_without_vectors": {"articles": added, "peak_mb": plain_run["peak_mb"]}
            | rates(added, words, plain_run["seconds"], plain_run["cpu"]),
            "ratio_without_vectors": round((added / plain_run["seconds"]) / pipe_speed, 3),
            "cpu_ratio_without_vectors": round(
                piped["cpu"] / plain_run["cpu"] * added / articles, 3
            ),
        }
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "versions": {"counterpoint": counterpoint.__version__, "spacy": spacy.__version__},
        "data": str(data),
        "limit": limit,
        "settings": {
            "spacy_model": settings.spacy_model,
            "batch_size": settings.batch_size,
            "workers": settings.workers,
            "embedding": settings.align.embedding,
        },
        "articles_converted": converted,
        "skipped_empty": empty,
        "input_errors": analyzed["errors"],
        "duplicates": analyzed["duplicates"],
        "articles": articles,
        "words": words,
        "tokens": piped["tokens"],
        "entities": analyzed["entities"],
        "sentences": sentences,
        "sentences_embedded": embedded,
        "analyze": {"articles": added, "peak_mb": analyzed["peak_mb"]}
        | rates(added, words, analyzed["seconds"], analyzed["cpu"]),
        "nlp_pipe": {"articles": articles, "peak_mb": piped["peak_mb"]}
        | rates(articles, words, piped["seconds"], piped["cpu"]),
        "ratio": round((added / analyzed["seconds"]) / pipe_speed, 3),
        # The same from the CPU time of each child process (all its threads): on a machine
        # shared with other jobs it moves less than wall clock. Meaningful with one worker only.
        "cpu_ratio": round(piped["cpu"] / analyzed["cpu"] * added / articles, 3),
        # Each model side by side: bare, and annotate alone where it was timed.
        "models": {
            m: {"nlp_pipe": _row(articles, words, piped_by[m])}
            | ({"annotate": _row(articles, words, alone_by[m])} if m in alone_by else {})
            for m in piped_by
        },
        **extra,
    }


def print_table(figures: dict[str, Any]) -> None:
    machine = figures["machine"]
    settings = figures["settings"]
    print()
    print(f"date:     {figures['date']}")
    print(f"machine:  {machine['cpu_count']} CPUs, {machine['platform']}")
    print(f"python:   {machine['python']}")
    print(
        f"model:    {settings['spacy_model']} (spaCy {figures['versions']['spacy']}), "
        f"batch_size={settings['batch_size']}, workers={settings['workers']}"
    )
    print(
        f"input:    {figures['articles_converted']} articles converted, "
        f"{figures['skipped_empty']} skipped (empty text), {figures['input_errors']} input "
        f"errors, {figures['duplicates']} duplicates; {figures['tokens']:,} spaCy tokens"
    )
    print(
        f"align:    {settings['embedding']} sentence embeddings; "
        f"{figures['sentences_embedded']:,} of {figures['sentences']:,} sentences stored with "
        "an e5 embedding"
    )
    print()
    header = f"{'run':<10}{'articles':>10}{'words':>12}{'seconds':>10}{'cpu s':>10}"
    header += f"{'articles/s':>12}{'words/s':>12}"
    print(header + f"{'peak MB':>10}")
    print("-" * (len(header) + 10))
    runs = [("analyze", "analyze"), ("no vectors", "analyze_without_vectors")]
    for name, key in [*runs, ("nlp.pipe", "nlp_pipe")]:
        if key not in figures:
            continue
        row = figures[key]
        print(
            f"{name:<10}{row['articles']:>10,}{figures['words']:>12,}{row['seconds']:>10.2f}"
            f"{row['cpu_seconds']:>10.2f}"
            f"{row['articles_per_s']:>12.2f}{row['words_per_s']:>12,.0f}{row['peak_mb']:>10,.0f}"
        )
    print()
    print(
        f"ratio (analyze articles/s / nlp.pipe articles/s): {figures['ratio']:.3f} "
        "-- the share of spaCy's own speed the whole pipeline keeps"
    )
    print(f"ratio of CPU time (nlp.pipe's / analyze's, per article): {figures['cpu_ratio']:.3f}")
    print(
        f"peak resident memory: analyze {figures['analyze']['peak_mb']:,.0f} MB, bare nlp.pipe "
        f"{figures['nlp_pipe']['peak_mb']:,.0f} MB (each a fresh process, model loaded)"
    )
    if "ratio_without_vectors" in figures:
        print(
            f"ratio without sentence embeddings (align and stories by words only): "
            f"{figures['ratio_without_vectors']:.3f} (CPU time: "
            f"{figures['cpu_ratio_without_vectors']:.3f})"
        )
    models = figures.get("models", {})
    if len(models) > 1 or any("annotate" in runs for runs in models.values()):
        print_models(models)


def print_models(models: dict[str, dict[str, Any]]) -> None:
    """The models side by side: each run's speed, and how many times slower it is than the
    first model's same run, by wall clock and by CPU time (which a shared machine moves less)."""
    first = next(iter(models.values()))
    width = max(len(m) for m in models)
    print()
    header = f"{'model':<{width}}  {'run':<9}{'seconds':>9}{'cpu s':>9}{'words/s':>9}"
    print(header + f"{'peak MB':>9}{'x wall':>8}{'x cpu':>7}")
    print("-" * (len(header) + 24))
    for model, runs in models.items():
        for run_name, row in runs.items():
            wall = first[run_name]["words_per_s"] / row["words_per_s"]
            cpu = row["cpu_seconds"] / first[run_name]["cpu_seconds"]
            print(
                f"{model:<{width}}  {run_name.replace('_', '.'):<9}{row['seconds']:>9.2f}"
                f"{row['cpu_seconds']:>9.2f}{row['words_per_s']:>9,.0f}{row['peak_mb']:>9,.0f}"
                f"{wall:>8.2f}{cpu:>7.2f}"
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dataset folder")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--workers", type=int, default=1, help="spaCy processes (n_process)")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument(
        "--plain", action="store_true", help="also time analyze without sentence embeddings"
    )
    parser.add_argument(
        "--embedding",
        choices=("e5", "static"),
        default=Settings().align.embedding,
        help="the align stage's sentence embedding",
    )
    parser.add_argument(
        "--model",
        action="append",
        default=None,
        help="a spaCy model to time (give it again for more; analyze uses the first)",
    )
    parser.add_argument(
        "--annotate", action="store_true", help="also time annotate alone with each model"
    )
    args = parser.parse_args(argv)
    models = tuple(args.model or (Settings().spacy_model,))
    figures = run(
        args.data.resolve(),
        args.limit,
        args.workers,
        args.plain,
        args.embedding,
        models,
        args.annotate,
    )
    print_table(figures)
    if args.json:
        print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
