"""Peak memory of `counterpoint.analyze` on growing numbers of real articles (issue 15, item 4).

Run:  python bench/peak_memory.py [--sizes 1300,3000,ALL] [--work DIR] [--phase annotate|stages]
                                  [--json]

bench-data holds no 10,000 real full articles in one set, so every real news text it has is
assembled, in this order (each folder's SOURCE.md gives the format): the AllSides test split
(Baly et al. 2020, 1,300 articles: the first 1,300 are the set of the earlier figures), FNC-1
test bodies, PolNeAR train and dev texts, ECB+ texts (tokens joined again, one sentence a line),
MEANTIME English texts (the same), TempEval-3 TBAQ texts (TimeBank and AQUAINT, tags stripped),
then the AllSides roundups' excerpts (about 90 words each, the only short ones). Texts are read
from /work/shared/bench-data at run time and written to a JSON Lines file under --work only.

A run of N articles is measured in two processes, each fresh (spawned), so that each peak is
its own:

1. annotate: `analyze` of the first N articles with the stages after storing turned off
   (stories, resolve, write resolution, align): ingest, spaCy and Counterpoint's components,
   writing each annotation. Its memory is bounded by the batch (the earlier section of
   bench/README.md), whatever N; the stores are built one size after the other, each the
   previous one plus the next articles, so the parse is paid once for the largest N.
2. stages: `analyze` again of the same N articles on a copy of that store: every article is
   stored already, so it runs what grows with N: story placement, resolution of the N
   documents and their linking, writing it, and the align stage, over the N articles at once.

Both use `--plain`-like settings (`throughput.py --plain`): no sentence or document
embeddings (`AlignSettings.vectors` and `StorySettings.vectors` off), to keep CPU down; the
stages then compare words only. Resident memory (VmRSS) is sampled every 50 ms by a thread and
its high is kept per stage (each stage timed by wrapping the function the pipeline calls, as
add_article.py does); ru_maxrss gives the process's peak. Baseline in the same run: the RSS of
a fresh process with the spaCy pipeline loaded and warmed up, before any article. After a stages
run, the rows and an order-free checksum of each table the stages write (`contents`), to check
that a change to the stages leaves the store as it was.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import resource
import shutil
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import counterpoint
from machine import describe, machine_info

HERE = Path(__file__).resolve()
DATA = HERE.parents[2] / "shared" / "bench-data"
WARM_UP = "Warm-up: Ana Ruiz met the mayor of Port Aurel on Monday."
SAMPLE_SECONDS = 0.05
PART_SIZE = 500  # articles per JSON Lines file
# The stages after storing, as the pipeline module calls them.
STAGES = ("place_in_stories", "resolve", "write_resolution", "align_all")


# -- the articles -------------------------------------------------------------------------------


def _record(text: str, **meta: Any) -> dict[str, Any]:
    return {"text": text, **{k: v for k, v in meta.items() if v}}


def allsides(data: Path) -> Iterator[dict[str, Any]]:
    for file in sorted((data / "allsides_baly2020_testonly" / "jsons").glob("*.json")):
        a = json.loads(file.read_text(encoding="utf-8"))
        yield _record(
            a.get("content_original") or "",
            title=a.get("title"),
            outlet=a.get("source"),
            published=a.get("date"),
            url=a.get("url"),
        )


def fnc1(data: Path) -> Iterator[dict[str, Any]]:
    path = data / "fnc1_stance" / "competition_test_bodies.csv"
    with path.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            yield _record(row["articleBody"], url=f"fnc1:{row['Body ID']}")


def polnear(data: Path) -> Iterator[dict[str, Any]]:
    root = data / "polnear_train_dev" / "data"
    meta = {}
    with (root / "metadata.tsv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            meta[row["filename"]] = row
    for split in ("train", "dev"):
        for path in sorted((root / split / "text").glob("*.txt")):
            m = meta.get(path.stem, {})
            yield _record(
                path.read_text(encoding="utf-8"),
                title=m.get("title"),
                outlet=m.get("publisher"),
                published=m.get("publication_date"),
                url=f"polnear:{path.stem}",
            )


def _lines(sentences: dict[int, list[str]]) -> str:
    """Tokens joined by a space, one sentence a line (as ecbplus_coref.py rebuilds them)."""
    return "\n".join(" ".join(sentences[n]) for n in sorted(sentences))


def ecbplus(data: Path) -> Iterator[dict[str, Any]]:
    for path in sorted((data / "ecbplus" / "ECBplus_xml").glob("*/*.xml")):
        sentences: dict[int, list[str]] = defaultdict(list)
        for token in ET.parse(path).getroot().iter("token"):
            sentences[int(token.attrib["sentence"])].append(token.text or "")
        yield _record(_lines(sentences), url=f"ecbplus:{path.stem}")


def meantime(data: Path) -> Iterator[dict[str, Any]]:
    docs: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    conll = data / "meantime" / "en" / "meantime.conll"
    for line in conll.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 4 and not line.startswith("#"):
            docs[fields[0]][int(fields[1])].append(fields[3])
    for doc, sentences in docs.items():
        yield _record(_lines(sentences), url=f"meantime:{doc}")


def tbaq(data: Path) -> Iterator[dict[str, Any]]:
    for path in sorted((data / "tempeval3_tbaq").glob("*/*.tml")):
        root = ET.parse(path).getroot()
        text = root.find("TEXT")
        dct = root.find("DCT/TIMEX3")
        if text is None:
            continue
        yield _record(
            "".join(text.itertext()).strip(),
            published=None if dct is None else dct.attrib.get("value"),
            url=f"tbaq:{path.stem}",
        )


def roundups(data: Path) -> Iterator[dict[str, Any]]:
    path = data / "allsides_roundups_neus" / "allsides_roundups_2021-04_to_2021-10.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        for side, news in sorted((story.get("news") or {}).items()):
            body = news.get("newBody") or []
            yield _record(
                "\n\n".join(body) if isinstance(body, list) else str(body),
                title=news.get("newsTitle"),
                outlet=news.get("newsSource"),
                published=(story.get("date") or "")[:10],
                url=f"roundup:{story['id']}:{side}",
            )


SETS: list[tuple[str, Callable[[Path], Iterator[dict[str, Any]]]]] = [
    ("AllSides test split", allsides),
    ("FNC-1 test bodies", fnc1),
    ("PolNeAR train+dev", polnear),
    ("ECB+", ecbplus),
    ("MEANTIME en", meantime),
    ("TempEval-3 TBAQ", tbaq),
    ("AllSides roundup excerpts", roundups),
]


def assemble(data: Path) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Every real text, in the order of SETS, empty and repeated texts left out (the store
    would skip them); and how many came from each set."""
    seen: set[str] = set()
    records: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    for name, read in SETS:
        before = len(records)
        for record in read(data):
            text = record["text"]
            key = re.sub(r"\s+", " ", text).strip()
            if len(key) < 200 or key in seen:
                continue
            seen.add(key)
            records.append(record)
        counts[name] = len(records) - before
    return records, counts


def write_jsonl(records: list[dict[str, Any]], folder: Path) -> list[Path]:
    """The records as JSON Lines files of PART_SIZE each in `folder` (a file over 10 MB is
    refused by default)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for start in range(0, len(records), PART_SIZE):
        path = folder / f"part-{start // PART_SIZE:03d}.jsonl"
        with path.open("w", encoding="utf-8") as sink:
            for record in records[start : start + PART_SIZE]:
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        files.append(path)
    return files


# -- measuring in a child process ---------------------------------------------------------------


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _duckdb_mb(store: Any) -> float:
    """What DuckDB says it holds (buffer pool, caches, query state) in the store's database."""
    rows = store.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchall()
    return float(rows[0][0] or 0) / 2**20


class Sampler:
    """VmRSS every SAMPLE_SECONDS; the high of each stage it is told of."""

    def __init__(self) -> None:
        self.stage = "load"
        self.high: dict[str, float] = {}
        self.end: dict[str, float] = {}
        self.duckdb: dict[str, float] = {}  # DuckDB's own memory as each stage ends
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = _rss_mb()
            self.high[self.stage] = max(self.high.get(self.stage, 0.0), rss)
            self._stop.wait(SAMPLE_SECONDS)

    def enter(self, stage: str) -> None:
        self.end[self.stage] = _rss_mb()
        self.high[self.stage] = max(self.high.get(self.stage, 0.0), self.end[self.stage])
        self.stage = stage

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.enter("done")
        self._stop.set()
        self._thread.join()


@contextmanager
def staged(sampler: Sampler, skip: bool) -> Iterator[dict[str, float]]:
    """Wrap the stages the pipeline calls: each tells the sampler it starts, and is timed in CPU
    seconds; with `skip`, they do nothing (the annotate phase)."""
    import counterpoint.pipeline.analyze as pipeline

    cpu: dict[str, float] = {}
    saved = {name: getattr(pipeline, name) for name in STAGES}

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            sampler.enter(name)
            used = time.process_time()
            try:
                if skip:  # what the pipeline reads of a stage that did nothing
                    return [] if name == "align_all" else None
                return fn(*args, **kwargs)
            finally:
                cpu[name] = cpu.get(name, 0.0) + time.process_time() - used
                sampler.enter("after " + name)
                sampler.duckdb[name] = _duckdb_mb(args[0])

        return wrapper

    for name, fn in saved.items():
        setattr(pipeline, name, wrap(name, fn))
    try:
        yield cpu
    finally:
        for name, fn in saved.items():
            setattr(pipeline, name, fn)


def measure(
    jsonl: list[Path],
    db: Path,
    phase: str,
    duckdb_config: dict[str, Any] | None = None,
    stage_part: int | None = None,
) -> dict[str, Any]:
    """One phase of `analyze` on `jsonl` into `db`, in this (fresh) process, with these DuckDB
    settings over the store's own."""
    from counterpoint import Settings, analyze
    from counterpoint.nlp.annotate import load_pipeline
    from counterpoint.store import database

    database.DUCKDB_CONFIG.update(duckdb_config or {})

    settings = Settings()
    settings = replace(
        settings,
        align=replace(settings.align, vectors=False),
        stories=replace(settings.stories, vectors=False),
        stage_part=stage_part or settings.stage_part,
    )
    with Sampler() as sampler:
        load_pipeline(settings.spacy_model, settings.actor_labels, settings.nlp, settings.framing)(
            WARM_UP
        )
        sampler.enter("annotate")
        loaded = sampler.end["load"]
        started, used = time.perf_counter(), time.process_time()
        with staged(sampler, skip=phase == "annotate") as cpu:
            result = analyze(jsonl, db=db, settings=settings)
        seconds, cpu_total = time.perf_counter() - started, time.process_time() - used
    import duckdb

    return {
        "added": len(result.added),
        "stored": len(result.added) + len(result.already_stored),
        "seconds": seconds,
        "cpu": cpu_total,
        "stage_cpu": cpu,
        "loaded_mb": loaded,
        "peak_mb": _peak_mb(),
        "high_mb": sampler.high,
        "end_mb": sampler.end,
        "duckdb_mb": sampler.duckdb,
        "duckdb": duckdb.__version__,
        "duckdb_config": {k: str(v) for k, v in database.DUCKDB_CONFIG.items()},
        "stage_part": settings.stage_part,
        "contents": contents(db) if phase == "stages" else {},
    }


# What the stages wrote, to check that a change to them leaves the store's contents as they were:
# per table, rows and an order-free checksum of the columns that say what was decided.
CONTENTS = {
    "entities": "id, name, type",
    "ties": "source, target, kind, doc, sentence",
    "roles": "holder, title, doc, sentence",
    "alignment_links": "a, b, score",
    "alignment_groups": 'item, "group"',
    "alignments": 'id, "group", kind, relation, score',
    "document_stories": "doc, story",
    "stories": "id, title",
}


def contents(db: Path) -> dict[str, list[int]]:
    """[rows, checksum] of each table of CONTENTS in the store at `db`."""
    from counterpoint.store import Store

    with Store(db, read_only=True) as store:
        return {
            table: [
                int(n or 0)
                for n in store.con.execute(
                    f"SELECT count(*), sum(hash({columns})) % 1000000007 FROM {table}"
                ).fetchone()
                or (0, 0)
            ]
            for table, columns in CONTENTS.items()
        }


def in_child(*args: Any) -> dict[str, Any]:
    """`measure(*args)` in a fresh process of its own, so that its peak is its own."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(measure, *args).result()


# -- the run -------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    records, counts = assemble(args.data)
    sizes = sorted({len(records) if s == "ALL" else min(int(s), len(records)) for s in args.sizes})
    figures: dict[str, Any] = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "counterpoint": counterpoint.__version__,
        "sets": counts,
        "articles": len(records),
        "runs": [],
    }
    building = work / "annotated.duckdb"
    for size in sizes:
        jsonl = write_jsonl(records[:size], work / f"articles-{size}")
        annotated = work / f"annotated-{size}.duckdb"
        row: dict[str, Any] = {"articles": size}
        if not annotated.exists():
            print(f"annotating up to {size:,} articles into {annotated} ...", file=sys.stderr)
            row["annotate"] = in_child(jsonl, building, "annotate")
            shutil.copyfile(building, annotated)
        if "stages" in args.phase:
            trial = work / f"stages-{size}.duckdb"
            shutil.copyfile(annotated, trial)
            print(f"stages on {size:,} articles ...", file=sys.stderr)
            row["stages"] = in_child(jsonl, trial, "stages", args.duckdb, args.stage_part)
            trial.unlink()
        print(json.dumps(row, default=str), file=sys.stderr)
        figures["runs"].append(row)
    return figures


def print_table(figures: dict[str, Any]) -> None:
    print()
    print(f"date:     {figures['date']}")
    print(f"machine:  {describe(figures['machine'])}")
    print(
        f"articles: {figures['articles']:,} real texts: "
        + ", ".join(f"{name} {n:,}" for name, n in figures["sets"].items())
    )
    print("settings: align and stories without vectors (throughput.py --plain); MB of VmRSS")
    print()
    header = (
        f"{'N':>6} {'phase':<9} {'loaded':>7} {'stories':>8} {'resolve':>8} {'write':>6} "
        f"{'align':>6} {'align end':>10} {'DuckDB':>7} {'closed':>7} {'peak':>6} {'CPU s':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in figures["runs"]:
        for phase in ("annotate", "stages"):
            r = row.get(phase)
            if not r:
                continue
            high, end = r["high_mb"], r["end_mb"]
            print(
                f"{row['articles']:>6,} {phase:<9} {r['loaded_mb']:>7.0f}"
                + "".join(
                    f" {high.get(stage, 0.0):>{width}.0f}"
                    for stage, width in zip(STAGES, (8, 8, 6, 6), strict=True)
                )
                + f" {end.get('align_all', 0.0):>10.0f}"
                + f" {r.get('duckdb_mb', {}).get('align_all', 0.0):>7.0f}"
                + f" {end.get('after align_all', 0.0):>7.0f}"
                + f" {r['peak_mb']:>6.0f} {r['cpu']:>7.0f}"
            )
            if r.get("contents"):
                print("       contents: " + json.dumps(r["contents"]))
    print()
    print("loaded = baseline: the process with the spaCy pipeline loaded, before any article;")
    print("stories..align = the RSS high during each stage; align end = RSS as align returns;")
    print("DuckDB = its own memory then (duckdb_memory()); closed = after analyze returned (the")
    print("store closed); peak = ru_maxrss of the process")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the bench-data folder")
    parser.add_argument(
        "--work", type=Path, default=Path("/tmp/counterpoint-memory"), help="stores kept here"
    )
    parser.add_argument(
        "--sizes",
        type=lambda s: s.split(","),
        default=["1300", "3000", "ALL"],
        help="numbers of articles (ALL: every one assembled)",
    )
    parser.add_argument(
        "--phase",
        default="annotate,stages",
        help="annotate (build the stores only), stages, or both (comma-separated)",
    )
    parser.add_argument(
        "--duckdb",
        type=lambda s: dict(pair.split("=", 1) for pair in s.split(",")),
        default={},
        help="DuckDB settings over the store's own, e.g. memory_limit=256MB,threads=1",
    )
    parser.add_argument(
        "--stage-part",
        type=int,
        default=None,
        help="documents placed, resolved and aligned at a time (Settings.stage_part)",
    )
    parser.add_argument("--count", action="store_true", help="only count the articles")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    if args.count:
        records, counts = assemble(args.data)
        print(json.dumps({"articles": len(records), "sets": counts}, indent=2))
        return
    figures = run(args)
    print_table(figures)
    if args.json:
        print(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()
