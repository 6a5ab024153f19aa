"""Time to add one article to stores of growing size: how the alignment stage grows with N.

Run:  python bench/add_article.py [--sizes 100,300,1000,10000] [--trials 5] [--work DIR] [--json]

Issue 5 asks that adding one article to a store of N articles cost about log N in alignment,
not N. Analysing 10,000 real articles takes about 40 minutes, so the large stores are made by
replicating a small real one:

1. Base: BASE real AllSides articles (Baly et al. 2020 test split) published 2020-04..2020-07,
   analysed once with `counterpoint.analyze` (ingest, annotate, store, resolve, align with
   sentence embeddings). HELD_POOL other articles of the same window, published 2020-05 or
   2020-06, are never in the base: the first --trials of them are the articles added in the
   timed runs.
2. A store of N articles is N / BASE copies of the base, made in SQL inside DuckDB from the
   base store's rows. Copy k gets new document ids (sha256 of "id#k") and all its dates moved
   k * SPAN months into the past (published, event and figure dates, alignment key months and
   days), so the archive grows backwards in time at the density of the base, as a real archive
   would: the month-bucketed alignment keys spread over N / BASE * SPAN months, and the new
   article, dated in the base window, has the same neighbours in every store. Every table is
   copied (documents, sentences, tokens, mentions, noun chunks, relations, events, figures,
   claims, loaded words, ties, roles, sentence vectors and the alignment tables: keys, links,
   groups, alignments, aligned); item ids ("kind:DOC:START-END") in keys, links, groups and
   alignment members are rewritten to the copy's document ids. Mentions keep their entity ids,
   so the copies share actors as recurring real actors would, and the entity tables are those of
   the base. The stores are kept under --work for the next run.
3. Each held-out article is added to a fresh file copy of each store with the real
   `counterpoint.analyze([file], db=copy)`; its stages are timed, in wall-clock and CPU time,
   by wrapping the functions the pipeline calls (nothing in src/ changes): ingest, story
   placement (its document's e5 apart), resolve (the article, then the keys it can affect),
   writing the resolution, and `align_documents`, inside which the candidate lookup
   (`candidates`) and the embedding of new sentences (`embed`) are timed too. A reused store
   of an older schema is migrated once before the timed adds. "annotate+store" is the rest of the
   wall-clock time (annotation, writing the document, opening the store). The spaCy pipeline
   and the embedding model are loaded and warmed up before any timer starts.
4. On the same store, after the add, the candidate lookup is run as raw SQL with the new
   article's blocking keys, as align.py writes it (`key IN (SELECT unnest(?))`) and in three
   other forms, each timed (median of --repeat runs) and read with EXPLAIN ANALYZE to see
   whether DuckDB scans the ART index on alignment_keys(key) or the whole table.

Medians over the held-out articles are printed per N, with align(largest)/align(N) next to
log(largest)/log(N) and largest/N.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

import counterpoint
import counterpoint.align.embeddings as embeddings_module
import counterpoint.align.stage as align_module
import counterpoint.pipeline.analyze as pipeline_module
import counterpoint.resolve.resolver as resolver_module
from counterpoint import Settings, analyze
from counterpoint.align.embeddings import embed
from counterpoint.align.load import load_statements
from counterpoint.align.statements import blocking_keys
from counterpoint.config import static_embedding
from counterpoint.ingest.reader import document_id
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.resolve.resolver import resolve
from counterpoint.store import Store
from counterpoint.store.resolution import write_resolution
from machine import describe, machine_info

DEFAULT_DATA = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "bench-data"
    / "allsides_baly2020_testonly"
)
WINDOW = ("2020-04", "2020-07")  # months of the base and held-out articles
SPAN = 4  # months in WINDOW: copy k is moved k * SPAN months back
HELD_MONTHS = ("2020-05", "2020-06")  # held-out articles: their +-1 month window is the base's
BASE = 100
HELD_OUT = 5
HELD_POOL = 10  # articles never in the base, whatever --trials is: the first --trials are added

# Tables with a `doc` column whose rows are copied as they are, under the copy's document id.
DOC_TABLES = (
    "sentences",
    "tokens",
    "noun_chunks",
    "relations",
    "claims",
    "loaded_words",
    "ties",
    "roles",
    "sentence_vectors",
    "document_vectors",
    "aligned",
    "resolved_documents",
    "name_votes",
)
# The candidate lookup of align.stage.candidates, and three other forms of it.
LOOKUPS = {
    "IN (SELECT unnest(?))  [align.py]": "unnest",
    "IN (?, ?, ...) literal list": "literal",
    "one query per key, key = ?": "per_key",
    "JOIN temp table of keys": "temp_join",
    "same, SET index_scan_max_count, dynamic_or_filter_threshold high": "unnest_tuned",
}


# -- the articles ------------------------------------------------------------------------------


def pick_articles(data: Path, base: int, held: int) -> tuple[list[dict[str, Any]], list[dict]]:
    """Base and held-out articles: dated in WINDOW, distinct texts, in file-name order."""
    records = []
    seen = set()
    for file in sorted((data / "jsons").glob("*.json")):
        article = json.loads(file.read_text(encoding="utf-8"))
        text = article.get("content_original") or ""
        month = (article.get("date") or "")[:7]
        if not text.strip() or not WINDOW[0] <= month <= WINDOW[1]:
            continue
        key = document_id(text)
        if key in seen:
            continue
        seen.add(key)
        records.append(
            {
                "text": text,
                "title": article.get("title"),
                "outlet": article.get("source"),
                "author": article.get("authors"),
                "published": article.get("date"),
                "url": article.get("url"),
            }
        )
    pool = [r for r in records if r["published"][:7] in HELD_MONTHS][:HELD_POOL]
    rest = [r for r in records if r not in pool][:base]
    held_out = pool[:held]
    if len(rest) < base or len(held_out) < held:
        sys.exit(f"only {len(rest)} base and {len(held_out)} held-out articles in {WINDOW}")
    return rest, held_out


def write_jsonl(records: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as sink:
        for record in records:
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")


def store_ready(path: Path, articles: int) -> bool:
    """Whether the store at `path` holds `articles` aligned articles; a store of an older schema
    is brought to this one first (opening it for writing migrates it), so that no timed add
    pays for the migration."""
    if not path.exists():
        return False
    try:
        with Store(path) as store:
            return bool(
                store.scalar("SELECT count(*) FROM documents") == articles
                and store.scalar("SELECT count(*) FROM aligned") == articles
            )
    except Exception:  # an older schema, a half-written file: build it again
        return False


def build_base(work: Path, records: list[dict[str, Any]]) -> Path:
    path = work / f"base-{len(records)}-held{HELD_POOL}.duckdb"
    if store_ready(path, len(records)):
        print(f"reusing {path}", file=sys.stderr)
        return path
    source = path.with_suffix(".jsonl")
    write_jsonl(records, source)
    partial = path.with_name(path.name + ".building")
    partial.unlink(missing_ok=True)
    print(f"analysing {len(records)} base articles into {path} ...", file=sys.stderr)
    started = time.perf_counter()
    analyze([source], db=partial, progress=True)
    os.replace(partial, path)
    print(f"  done in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


# -- replicating the base ------------------------------------------------------------------------

MACROS = [
    # The document id of copy k (copy 0 is the base itself).
    "CREATE OR REPLACE TEMP MACRO new_doc(d, k) AS "
    "CASE WHEN k = 0 THEN d ELSE substr(sha256(d || '#' || k::VARCHAR), 1, 16) END",
    # "kind:DOC:START-END" under the copy's document id.
    "CREATE OR REPLACE TEMP MACRO new_item(i, k) AS "
    "split_part(i, ':', 1) || ':' || new_doc(split_part(i, ':', 2), k) || ':' "
    "|| split_part(i, ':', 3)",
    # A resolution key only its document may use ('Person:trump|DOC') under the copy's id.
    "CREATE OR REPLACE TEMP MACRO new_key(key, k) AS CASE "
    "WHEN key IS NULL OR NOT contains(key, '|') THEN key "
    "ELSE split_part(key, '|', 1) || '|' || new_doc(split_part(key, '|', 2), k) END",
    # The story of copy k.
    "CREATE OR REPLACE TEMP MACRO new_story(s, k) AS "
    "CASE WHEN k = 0 THEN s ELSE s || '#' || k::VARCHAR END",
    # An ISO date string ('2020-06-01', maybe with more after it) moved by m months.
    "CREATE OR REPLACE TEMP MACRO shift_text(s, m) AS CASE "
    "WHEN try_cast(substr(s, 1, 10) AS DATE) IS NULL THEN s "
    "ELSE strftime(CAST(substr(s, 1, 10) AS DATE) + to_months(m), '%Y-%m-%d') "
    "|| substr(s, 11) END",
    # A proleptic Gregorian ordinal (Python's date.toordinal) moved by m months.
    "CREATE OR REPLACE TEMP MACRO shift_day(d, m) AS "
    "date_diff('day', DATE '0001-01-01', "
    "CAST(DATE '0001-01-01' + to_days(CAST(d AS INTEGER) - 1) + to_months(m) AS DATE)) + 1",
    # A blocking key ending in its month ('...|2020-06') moved by m months; others unchanged.
    "CREATE OR REPLACE TEMP MACRO shift_key(key, m) AS CASE "
    "WHEN NOT regexp_matches(key, '\\|\\d+-\\d{2}$') THEN key "
    "ELSE regexp_replace(key, '\\|\\d+-\\d{2}$', '|' || strftime(strptime("
    "regexp_extract(key, '(\\d+-\\d{2})$', 1) || '-01', '%Y-%m-%d') + to_months(m), '%Y-%m')) "
    "END",
]


def replicate(base: Path, path: Path, copies: int) -> None:
    """Write `copies` copies of the base store into a new store at `path` (see the module
    docstring)."""
    partial = path.with_name(path.name + ".building")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(partial) as store:
        con = store.con
        for macro in MACROS:
            con.execute(macro)
        con.execute(f"ATTACH '{base}' AS base (READ_ONLY)")
        con.execute(
            "CREATE TEMP TABLE copies AS "
            f"SELECT range AS k, -range * {SPAN} AS m FROM range({copies})"
        )
        with store.transaction():
            _copy_rows(con)
        con.execute("DETACH base")
        # The copies' own keys ('Person:trump|DOC') name entities of their own: all keys are
        # linked once, as a store built one batch at a time would have them.
        settled = time.perf_counter()
        con.execute("UPDATE resolved_documents SET linked = false")
        write_resolution(store, resolve(store))
        print(f"  resolved in {time.perf_counter() - settled:.0f} s", file=sys.stderr)
        con.execute("CHECKPOINT")
    os.replace(partial, path)
    print(f"  built in {time.perf_counter() - started:.0f} s: {path}", file=sys.stderr)


def _copy_rows(con: duckdb.DuckDBPyConnection) -> None:
    def insert(table: str, select: str) -> None:
        con.execute(f"INSERT INTO main.{table} {select}")

    for table in ("runs",):  # the entities are linked again once the copies are made
        insert(table, f"SELECT * FROM base.{table}")
    insert(
        "documents",
        "SELECT d.* REPLACE (new_doc(d.id, c.k) AS id, "
        "CAST(d.published + to_months(c.m) AS DATE) AS published, "
        "d.source_path || CASE WHEN c.k = 0 THEN '' ELSE '#copy' || c.k END AS source_path, "
        "d.url || CASE WHEN c.k = 0 THEN '' ELSE '#copy' || c.k END AS url) "
        "FROM base.documents d, copies c",
    )
    for table in DOC_TABLES:
        insert(
            table, f"SELECT t.* REPLACE (new_doc(t.doc, c.k) AS doc) FROM base.{table} t, copies c"
        )
    # The types of each name summed over the documents, as resolution keeps them.
    insert("name_kinds", "SELECT name, kind, sum(mentions) FROM main.name_votes GROUP BY ALL")
    insert(
        "mentions",
        "SELECT t.* REPLACE (new_doc(t.doc, c.k) AS doc, new_key(t.key, c.k) AS key) "
        "FROM base.mentions t, copies c",
    )
    # One row per key: a key shared by the copies counts the mentions of all of them.
    insert(
        "resolution_keys",
        "SELECT new_key(t.key, c.k), any_value(t.name), any_value(t.kind), any_value(t.iso), "
        "any_value(t.place), any_value(t.description), sum(t.mentions), NULL "
        "FROM base.resolution_keys t, copies c GROUP BY 1",
    )
    insert(
        "key_forms",
        "SELECT new_key(t.key, c.k), t.text, t.description, sum(t.mentions) "
        "FROM base.key_forms t, copies c GROUP BY ALL",
    )
    insert("key_tokens", "SELECT * FROM base.key_tokens")  # a copy's own keys have none
    insert(
        "key_aliases",
        "SELECT DISTINCT t.alias, new_key(t.key, c.k) FROM base.key_aliases t, copies c",
    )
    insert(
        "local_candidates",
        "SELECT new_doc(t.doc, c.k), new_key(t.a, c.k), new_key(t.b, c.k), t.score, t.reason "
        "FROM base.local_candidates t, copies c",
    )
    insert("stories", "SELECT new_story(t.id, c.k), t.title FROM base.stories t, copies c")
    insert(
        "document_stories",
        "SELECT new_doc(t.doc, c.k), new_story(t.story, c.k) "
        "FROM base.document_stories t, copies c",
    )
    insert(
        "events",
        "SELECT t.* REPLACE (new_doc(t.doc, c.k) AS doc, shift_text(t.happened, c.m) AS happened, "
        "shift_text(t.happened_end, c.m) AS happened_end, "
        "shift_text(t.reported, c.m) AS reported) FROM base.events t, copies c",
    )
    insert(
        "figures",
        "SELECT t.* REPLACE (new_doc(t.doc, c.k) AS doc, "
        "shift_text(t.refers_to, c.m) AS refers_to) FROM base.figures t, copies c",
    )
    insert(
        "alignment_keys",
        "SELECT shift_key(t.key, c.m), new_item(t.item, c.k), shift_day(t.day, c.m) "
        "FROM base.alignment_keys t, copies c",
    )
    insert(
        "alignment_links",
        "SELECT new_item(t.a, c.k), new_item(t.b, c.k), t.score, t.reason "
        "FROM base.alignment_links t, copies c",
    )
    insert(
        "alignment_groups",
        'SELECT new_item(t.item, c.k), new_item(t."group", c.k) '
        "FROM base.alignment_groups t, copies c",
    )
    # Members are item ids; evidence names items and documents: every document id of the
    # members is replaced in its text. (Its dates are left as they were: only the explorer
    # shows them.)
    insert(
        "alignments",
        "SELECT CASE WHEN c.k = 0 THEN t.id "
        "ELSE 'al-' || substr(sha256(t.id || '#' || c.k::VARCHAR), 1, 12) END, "
        'new_item(t."group", c.k), t.kind, t.relation, t.score, '
        "to_json(list_transform(json_extract_string(t.members, '$[*]'), "
        "lambda x: new_item(x, c.k))), "
        "list_reduce(list_concat([CAST(t.evidence AS VARCHAR)], list_distinct(list_transform("
        "json_extract_string(t.members, '$[*]'), lambda x: split_part(x, ':', 2)))), "
        "lambda acc, d: replace(acc, d, new_doc(d, c.k))), t.reason "
        "FROM base.alignments t, copies c",
    )


def build_store(work: Path, base: Path, base_count: int, articles: int, settings: Settings) -> Path:
    path = work / f"store-{articles}-{base.stem}.duckdb"
    if store_ready(path, articles):
        print(f"reusing {path}", file=sys.stderr)
        # resolved again here if another version of the resolver made it, not in a timed add
        with Store(path) as store:
            write_resolution(store, resolve(store, settings=settings))
        return path
    if articles % base_count:
        sys.exit(f"{articles} is not a multiple of the base ({base_count} articles)")
    print(f"building {path} ({articles // base_count} copies of the base) ...", file=sys.stderr)
    replicate(base, path, articles // base_count)
    return path


# -- timing one add ------------------------------------------------------------------------------


@contextmanager
def timed(stages: dict[str, float], cpu: dict[str, float] | None = None) -> Iterator[None]:
    """Wrap the functions the pipeline calls so their wall-clock time adds up in `stages`, and
    their CPU time (this process's, all threads: DuckDB's and e5's too) in `cpu`."""
    cpu = {} if cpu is None else cpu
    targets: list[tuple[Any, str, str]] = [
        (pipeline_module, "ingest", "ingest"),
        (pipeline_module, "place_in_stories", "stories"),
        (pipeline_module, "resolve", "resolve"),
        (resolver_module, "link_keys", "link"),
        (pipeline_module, "write_resolution", "write_resolution"),
        (pipeline_module, "align_all", "align"),
        (align_module, "candidates", "lookup"),
        (embeddings_module, "embed", "embed"),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in targets]

    active: list[str] = []

    def wrap(fn: Callable[..., Any], stage: str) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            # The embedding of story placement's document is not the align stage's.
            name = "stories_embed" if stage == "embed" and "align" not in active else stage
            active.append(name)
            start, used = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                active.pop()
                stages[name] = stages.get(name, 0.0) + time.perf_counter() - start
                cpu[name] = cpu.get(name, 0.0) + time.process_time() - used

        return wrapper

    for (owner, name, stage), (_, _, fn) in zip(targets, saved, strict=True):
        setattr(owner, name, wrap(fn, stage))
    try:
        yield
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)


def add_one(store_path: Path, trial: Path, article: Path, settings: Settings) -> dict[str, Any]:
    shutil.copyfile(store_path, trial)
    stages: dict[str, float] = {}
    cpu: dict[str, float] = {}
    with timed(stages, cpu):
        start, used = time.perf_counter(), time.process_time()
        result = analyze([article], db=trial, settings=settings)
        total = time.perf_counter() - start
        total_cpu = time.process_time() - used
    if len(result.added) != 1:
        sys.exit(f"{article}: expected one new document, got {len(result.added)}")
    ms = {k: v * 1000 for k, v in stages.items()}
    accounted = sum(ms.get(k, 0.0) for k in ("stories", "resolve", "write_resolution", "align"))
    cpu_ms = {k: v * 1000 for k, v in cpu.items()}
    cpu_accounted = sum(
        cpu_ms.get(k, 0.0) for k in ("stories", "resolve", "write_resolution", "align")
    )
    return {
        "doc": result.added[0].id,
        "beyond_parse_ms": accounted,
        "total_ms": total * 1000,
        "annotate_store_ms": total * 1000 - accounted,
        **{f"{k}_ms": v for k, v in ms.items()},
        "beyond_parse_cpu_ms": cpu_accounted,
        "total_cpu_ms": total_cpu * 1000,
        "annotate_store_cpu_ms": total_cpu * 1000 - cpu_accounted,
        **{f"{k}_cpu_ms": v for k, v in cpu_ms.items()},
    }


# -- the candidate lookup in SQL -----------------------------------------------------------------


def wanted_keys(con: duckdb.DuckDBPyConnection, store: Store, doc: str) -> list[str]:
    """The keys align.stage.candidates looks up for the items of `doc`."""
    items = load_statements(store, [doc], Settings())
    return sorted({k for item in items for k in blocking_keys(item)})


SELECT = "SELECT key, item, day FROM alignment_keys"


def run_lookup(con: duckdb.DuckDBPyConnection, form: str, keys: list[str], explain: bool) -> Any:
    """Run one form of the lookup; the rows, or with `explain` the JSON EXPLAIN ANALYZE plan of
    each statement it runs."""
    prefix = "EXPLAIN (ANALYZE, FORMAT JSON) " if explain else ""

    def run(sql: str, params: list[Any]) -> list[Any]:
        rows = con.execute(prefix + sql, params).fetchall()
        return [rows[0][1]] if explain else rows

    if form == "unnest_tuned":
        # DuckDB reads an index only for under max(index_scan_max_count, 0.1 % of the table)
        # matching rows, and turns a join's keys into an index filter only for up to
        # dynamic_or_filter_threshold keys.
        con.execute("SET index_scan_max_count = 1000000000")
        con.execute("SET dynamic_or_filter_threshold = 1000000")
        try:
            return run_lookup(con, "unnest", keys, explain)
        finally:
            con.execute("RESET index_scan_max_count")
            con.execute("RESET dynamic_or_filter_threshold")
    if form == "unnest":
        return run(f"{SELECT} WHERE key IN (SELECT unnest(?::VARCHAR[]))", [keys])
    if form == "literal":
        return run(f"{SELECT} WHERE key IN ({', '.join('?' * len(keys))})", list(keys))
    if form == "per_key":
        out = []
        for key in keys:
            out += run(f"{SELECT} WHERE key = ?", [key])
        return out
    con.execute("CREATE OR REPLACE TEMP TABLE wanted (key VARCHAR)")
    con.execute("INSERT INTO wanted SELECT unnest(?::VARCHAR[])", [keys])
    return run(f"{SELECT} JOIN wanted USING (key)", [])


def scan_kind(plans: list[str]) -> str:
    """How alignment_keys was read in JSON EXPLAIN ANALYZE plans: 'index', 'sequential', or
    'index/sequential' when the statements differ."""
    kinds: set[str] = set()

    def walk(node: dict[str, Any]) -> None:
        info = node.get("extra_info") or {}
        if str(info.get("Table", "")).endswith(".alignment_keys"):
            kinds.add("index" if info.get("Type") == "Index Scan" else "sequential")
        for child in node.get("children", []):
            walk(child)

    for plan in plans:
        for node in json.loads(plan).get("operator", []):
            walk(node)
    return "/".join(sorted(kinds)) or "?"


def measure_lookups(path: Path, doc: str, repeat: int) -> dict[str, Any]:
    with Store(path) as store:
        con = store.con
        keys = wanted_keys(con, store, doc)
        postings = con.execute(
            "SELECT count(*) FROM alignment_keys WHERE key IN (SELECT unnest(?::VARCHAR[]))",
            [keys],
        ).fetchone()
        figures: dict[str, Any] = {
            "keys": len(keys),
            "postings": int(postings[0]) if postings else 0,
            "value_key_postings": int(
                con.execute(
                    "SELECT count(*) FROM alignment_keys WHERE key IN "
                    "(SELECT unnest(?::VARCHAR[])) AND NOT regexp_matches(key, '\\|\\d+-\\d{2}$')",
                    [keys],
                ).fetchone()[0]  # type: ignore[index]
            ),
            "table_rows": int(con.execute("SELECT count(*) FROM alignment_keys").fetchone()[0]),  # type: ignore[index]
        }
        expected = sorted(run_lookup(con, "unnest", keys, explain=False))
        for form in LOOKUPS.values():
            if sorted(run_lookup(con, form, keys, explain=False)) != expected:
                sys.exit(f"lookup form {form} returned other rows than align.py's")
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                run_lookup(con, form, keys, explain=False)
                times.append(time.perf_counter() - start)
            figures[form] = {
                "ms": statistics.median(times) * 1000,
                "scan": scan_kind(run_lookup(con, form, keys, explain=True)),
            }
    return figures


# -- the run -------------------------------------------------------------------------------------


def comparison_settings(comparison: str) -> Settings:
    """The settings of the adds: sentences compared by e5 (the default), by static word
    vectors (`analyze --embedding static`), or by their words only, stories too ("words")."""
    settings = Settings()
    if comparison == "static":
        return replace(settings, align=static_embedding(settings.align))
    if comparison == "words":
        return replace(
            settings,
            align=replace(settings.align, vectors=False),
            stories=replace(settings.stories, vectors=False),
        )
    return settings


def warm_up(settings: Settings) -> None:
    load_pipeline(settings.spacy_model)("Warm-up: Ana Ruiz met the mayor of Port Aurel on Monday.")
    embed(["Warm-up: Ana Ruiz met the mayor of Port Aurel on Monday."])


def median_of(rows: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r.get(key, 0.0) for r in rows)


def run(args: argparse.Namespace) -> dict[str, Any]:
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    base_records, held = pick_articles(args.data, args.base, args.trials)
    base = build_base(work, base_records)
    with Store(base, read_only=True) as store:
        base_count = int(store.scalar("SELECT count(*) FROM documents"))
    held_files = []
    for n, record in enumerate(held):
        file = work / f"held-{n}.jsonl"
        write_jsonl([record], file)
        held_files.append(file)
    settings = comparison_settings(args.comparison)
    warm_up(settings)
    sizes = []
    trial = work / "trial.duckdb"
    for articles in args.sizes:
        path = build_store(work, base, base_count, articles, settings)
        with Store(path, read_only=True) as store:
            counts = store.counts()
        rows = []
        for file in held_files:
            trial.unlink(missing_ok=True)
            row = add_one(path, trial, file, settings)
            row["lookup_sql"] = measure_lookups(trial, row["doc"], args.repeat)
            rows.append(row)
            print(
                f"  N={articles:,} {file.name}: total {row['total_ms']:.0f} ms, "
                f"align {row['align_ms']:.0f} ms, lookup {row['lookup_ms']:.1f} ms, "
                f"resolve {row['resolve_ms']:.0f} ms",
                file=sys.stderr,
            )
        trial.unlink(missing_ok=True)
        sizes.append(
            {
                "articles": articles,
                "bytes": path.stat().st_size,
                "counts": {
                    k: counts[k]
                    for k in ("documents", "tokens", "mentions", "entities", "alignment_keys")
                },
                "trials": rows,
            }
        )
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "comparison": args.comparison,
        "versions": {"counterpoint": counterpoint.__version__, "duckdb": duckdb.__version__},
        "base": {"articles": base_count, "window": WINDOW, "span_months": SPAN},
        "held_out": [{"title": r["title"], "published": r["published"]} for r in held],
        "sizes": sizes,
    }


# The columns of the median tables: label, width, trial field, decimals.
WALL_COLUMNS = [
    ("total", 8, "total_ms", 0),
    ("annotate+store", 15, "annotate_store_ms", 0),
    ("stories", 8, "stories_ms", 0),
    ("resolve", 8, "resolve_ms", 0),
    ("link", 6, "link_ms", 0),
    ("write res.", 10, "write_resolution_ms", 0),
    ("align", 7, "align_ms", 0),
    ("embed", 7, "embed_ms", 0),
    ("align-embed", 11, "align_rest_ms", 0),
    ("lookup", 7, "lookup_ms", 1),
]
CPU_COLUMNS = [
    ("total", 8, "total_cpu_ms", 0),
    ("annotate+store", 15, "annotate_store_cpu_ms", 0),
    ("stories", 8, "stories_cpu_ms", 0),
    ("resolve", 8, "resolve_cpu_ms", 0),
    ("link", 6, "link_cpu_ms", 0),
    ("write res.", 10, "write_resolution_cpu_ms", 0),
    ("resolve+write", 13, "resolution_cpu_ms", 0),
    ("align", 7, "align_cpu_ms", 0),
    ("embed", 7, "embed_cpu_ms", 0),
    ("align-embed", 11, "align_rest_cpu_ms", 0),
]


def print_medians(
    figures: dict[str, Any], columns: list[tuple[str, int, str, int]], keys_rows: bool = False
) -> None:
    """One row per store size: the median of each of `columns`' trial fields."""
    header = f"{'N':>7}" + (f" {'keys rows':>10}" if keys_rows else "")
    header += "".join(f" {label:>{width}}" for label, width, _, _ in columns)
    print(header)
    print("-" * len(header))
    for size in figures["sizes"]:
        rows = size["trials"]
        line = f"{size['articles']:>7,}"
        if keys_rows:
            line += f" {size['counts']['alignment_keys']:>10,}"
        line += "".join(
            f" {median_of(rows, field):>{width}.{places}f}" for _, width, field, places in columns
        )
        print(line)


def print_table(figures: dict[str, Any]) -> None:
    machine = figures["machine"]
    base = figures["base"]
    print()
    print(f"date:     {figures['date']}")
    print(f"machine:  {describe(machine)}")
    print(
        f"stores:   copies of {base['articles']} AllSides articles ({base['window'][0]}.."
        f"{base['window'][1]}), copy k moved k*{base['span_months']} months back; "
        f"DuckDB {figures['versions']['duckdb']}"
    )
    trials = len(figures["sizes"][0]["trials"])
    print(
        f"added:    {trials} held-out articles, each to a fresh copy, sentences compared by "
        f"{figures.get('comparison', 'e5')}; medians in ms"
    )
    print("          resolve = the new article on its own, then linking the keys of the whole")
    print("          store (link, inside resolve); align = align_all; embed = embedding the new")
    print("          sentences (inside align); stories = placing the article in a story;")
    print("          lookup = stage.candidates (the nearest of each key, chosen in DuckDB)")
    print()
    for size in figures["sizes"]:
        for r in size["trials"]:
            r["align_rest_ms"] = r["align_ms"] - r.get("embed_ms", 0.0)
            r["align_rest_cpu_ms"] = r.get("align_cpu_ms", 0.0) - r.get("embed_cpu_ms", 0.0)
            r["resolution_cpu_ms"] = r.get("resolve_cpu_ms", 0.0) + r.get(
                "write_resolution_cpu_ms", 0.0
            )
    print_medians(figures, WALL_COLUMNS, keys_rows=True)
    print()
    print("the same stages in CPU ms (this process, all threads; a shared machine moves these")
    print("far less than wall clock)")
    print_medians(figures, CPU_COLUMNS)
    print()
    print("candidate lookup alone, raw SQL with the new article's keys: median ms (how DuckDB")
    print("read alignment_keys: index scan or sequential scan, over the held-out articles)")
    width = max(len(name) for name in LOOKUPS)
    print(
        f"{'form':<{width}}"
        + "".join(f"{'N=' + format(size['articles'], ','):>24}" for size in figures["sizes"])
    )
    for name, form in LOOKUPS.items():
        cells = []
        for size in figures["sizes"]:
            ms = statistics.median(r["lookup_sql"][form]["ms"] for r in size["trials"])
            scans = "/".join(sorted({r["lookup_sql"][form]["scan"] for r in size["trials"]}))
            cells.append(f"{ms:>8.2f} {'(' + scans + ')':>15}")
        print(f"{name:<{width}}" + "".join(f"{c:>24}" for c in cells))
    keys = [
        statistics.median(r["lookup_sql"]["keys"] for r in s["trials"]) for s in figures["sizes"]
    ]
    print(f"{'keys looked up':<{width}}" + "".join(f"{k:>24.0f}" for k in keys))
    for label, key in (
        ("postings read", "postings"),
        ("  of them value keys", "value_key_postings"),
    ):
        cells = [
            statistics.median(r["lookup_sql"][key] for r in s["trials"]) for s in figures["sizes"]
        ]
        print(f"{label:<{width}}" + "".join(f"{c:>24,.0f}" for c in cells))
    last = figures["sizes"][-1]
    print()
    for size in figures["sizes"][:-1]:
        small, big = size["articles"], last["articles"]
        for label, key in (
            ("align", "align_ms"),
            ("align-embed", "align_rest_ms"),
            ("lookup", "lookup_ms"),
            ("resolve", "resolve_ms"),
            ("write resolution", "write_resolution_ms"),
            ("total", "total_ms"),
            ("after annotate+store", "beyond_parse_ms"),
            ("resolve CPU", "resolve_cpu_ms"),
            ("resolve+write CPU", "resolution_cpu_ms"),
            ("align-embed CPU", "align_rest_cpu_ms"),
            ("after annotate+store CPU", "beyond_parse_cpu_ms"),
        ):
            ratio = median_of(last["trials"], key) / max(median_of(size["trials"], key), 1e-9)
            print(
                f"{label}({big:,})/{label}({small:,}) = {ratio:5.2f}   "
                f"log({big:,})/log({small:,}) = {math.log(big) / math.log(small):4.2f}   "
                f"{big:,}/{small:,} = {big / small:,.0f}"
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="AllSides data folder")
    parser.add_argument(
        "--work", type=Path, default=Path("/tmp/counterpoint-bench"), help="stores kept here"
    )
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(x) for x in s.split(",")],
        default=[100, 300, 1000, 10000],
        help="store sizes, multiples of --base",
    )
    parser.add_argument("--base", type=int, default=BASE, help="real articles analysed")
    parser.add_argument("--trials", type=int, default=HELD_OUT, help="held-out articles added")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each SQL lookup form")
    parser.add_argument(
        "--comparison",
        choices=["e5", "static", "words"],
        default="e5",
        help="how sentences (and, with 'words', stories) are compared in the adds",
    )
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    args.data = args.data.resolve()
    figures = run(args)
    print_table(figures)
    if args.json:
        print(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()
