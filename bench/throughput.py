"""Throughput of `counterpoint.analyze` against spaCy's own `nlp.pipe` on the same texts.

Run:  python bench/throughput.py [--data DIR] [--limit N] [--workers N] [--json]

The AllSides test split (Baly et al. 2020) is converted to one JSON Lines file in a temporary
folder, analysed into a temporary store (ingest + annotate + store + resolve, timed as a whole),
and then the texts as ingested are run through the same spaCy model with the same batch size and
number of processes. The spaCy model is loaded and warmed up before either timer starts, so model
loading is excluded from both figures. Nothing is written outside the temporary folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import spacy
from tqdm import tqdm

import counterpoint
from counterpoint import Settings, analyze
from counterpoint.nlp.annotate import CHUNK_CHARS, load_pipeline, split_text
from counterpoint.records import Document
from counterpoint.store import Store
from machine import machine_info

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


def rates(articles: int, words: int, seconds: float) -> dict[str, float]:
    return {
        "seconds": round(seconds, 2),
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds, 1),
    }


def run(data: Path, limit: int | None, workers: int) -> dict[str, Any]:
    settings = Settings(workers=workers)
    # Counterpoint's pipeline (the model plus its own components), cached: analyze() re-uses
    # it. spaCy's own is the bare model, as `spacy.load` gives it.
    load_pipeline(settings.spacy_model)("Warm-up: Ana Ruiz met the mayor of Port Aurel on Monday.")
    nlp = spacy.load(settings.spacy_model)
    nlp("Warm-up: Ana Ruiz met the mayor of Port Aurel on Monday.")

    with tempfile.TemporaryDirectory(prefix="counterpoint-bench-") as tmp:
        jsonl = Path(tmp) / "allsides.jsonl"
        db = Path(tmp) / "bench.duckdb"
        converted, empty = convert(data, jsonl, limit)

        start = time.perf_counter()
        result = analyze([jsonl], db=db, settings=settings, progress=True)
        analyze_seconds = time.perf_counter() - start

        with Store(db, read_only=True) as store:
            documents = sorted(store.documents(), key=_line_number)

    words = sum(len(doc.text.split()) for doc in documents)
    # The same pieces annotate() feeds spaCy (texts over CHUNK_CHARS are cut at paragraphs).
    pieces = [piece for doc in documents for _, piece, _ in split_text(doc.text, CHUNK_CHARS)]

    start = time.perf_counter()
    tokens = sum(
        len(sdoc)
        for sdoc in tqdm(
            nlp.pipe(pieces, batch_size=settings.batch_size, n_process=settings.workers),
            total=len(pieces),
            unit="doc",
            desc="nlp.pipe",
        )
    )
    pipe_seconds = time.perf_counter() - start

    articles = len(documents)
    analyze_rates = rates(len(result.added), words, analyze_seconds)
    pipe_rates = rates(articles, words, pipe_seconds)
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
        },
        "articles_converted": converted,
        "skipped_empty": empty,
        "input_errors": len(result.errors),
        "duplicates": len(result.duplicates),
        "articles": articles,
        "words": words,
        "tokens": tokens,
        "entities": result.entities,
        "analyze": {"articles": len(result.added), **analyze_rates},
        "nlp_pipe": {"articles": articles, **pipe_rates},
        "ratio": round((len(result.added) / analyze_seconds) / (articles / pipe_seconds), 3),
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
    print()
    header = f"{'run':<10}{'articles':>10}{'words':>12}{'seconds':>10}{'articles/s':>12}"
    print(header + f"{'words/s':>12}")
    print("-" * (len(header) + 12))
    for name, key in (("analyze", "analyze"), ("nlp.pipe", "nlp_pipe")):
        row = figures[key]
        print(
            f"{name:<10}{row['articles']:>10,}{figures['words']:>12,}{row['seconds']:>10.2f}"
            f"{row['articles_per_s']:>12.2f}{row['words_per_s']:>12,.0f}"
        )
    print()
    print(
        f"ratio (analyze articles/s / nlp.pipe articles/s): {figures['ratio']:.3f} "
        "-- the share of spaCy's own speed the whole pipeline keeps"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dataset folder")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--workers", type=int, default=1, help="spaCy processes (n_process)")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    figures = run(args.data.resolve(), args.limit, args.workers)
    print_table(figures)
    if args.json:
        print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
