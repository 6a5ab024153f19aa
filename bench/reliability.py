"""Reliability of `counterpoint analyze` and `counterpoint serve`: hostile inputs, kill -9, load.

Run:  python bench/reliability.py [--inputs N] [--cycles N] [--seconds S] [--json]

1. Inputs fuzzed: hostile files (hand-made ones, then files drawn from the hypothesis strategies
   of tests/ingest/test_fuzz_readers.py with a fixed seed), each analysed alone by
   `counterpoint analyze` in a child process with a timeout; a crash is an exit code other than
   0 or 1, or "internal error" or "Traceback" in the output; a hang is a timeout.
2. kill -9 cycles: `counterpoint analyze` of N AllSides articles (JSON Lines) into one store,
   killed with SIGKILL after a random delay (fixed seed) and started again until a run finishes;
   the store's counts are then compared with those of a clean uninterrupted run. This repeats
   from an empty store until --cycles kills have been made.
3. Load: `counterpoint serve` on a copy of the clean store, several threads requesting a fixed
   list of pages and API routes while a concurrent `counterpoint analyze` adds more articles to
   the same store (for --seconds, and at least until the analyze ends).

Only processes this script starts are killed (by their PID). Everything is written to a
temporary folder that is removed at the end. See bench/README.md, "reliability.py".
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

import counterpoint
from counterpoint.errors import CounterpointError
from counterpoint.store import Store
from machine import describe, machine_info
from serve_latency import start_server

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench-data" / "allsides_baly2020_testonly"
KILLS_PER_STORE = 5  # kills in a row on one store before a run is left to finish
FUZZ_TESTS = ROOT / "tests" / "ingest" / "test_fuzz_readers.py"
SEED = 20261127
COUNTED = [
    "documents",
    "sentences",
    "mentions",
    "entities",
    "events",
    "figures",
    "claims",
    "alignments",
]
CLI = [sys.executable, "-m", "counterpoint.cli"]
ARTICLE = "Dock workers in Larkspur ended a nine-day strike on Sunday, the union said.\n"


# -- 1. hostile inputs -------------------------------------------------------------------------


def handmade_inputs() -> list[dict[str, bytes]]:
    """Files known to trip readers up: each dict is one folder (file name to bytes)."""
    deep = "[" * 100_000 + "]" * 100_000
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(9)
    )
    article = ARTICLE.encode()
    return [
        {"random.txt": random.Random(SEED).randbytes(4096)},
        {"random.json": random.Random(SEED + 1).randbytes(4096)},
        {"deep.json": deep.encode()},
        {"deep.jsonl": ('{"text": "x", "a": ' + deep + "}").encode()},
        {"deep-object.json": ('{"a":' * 50_000 + "1" + "}" * 50_000).encode()},
        {"huge-int.json": json.dumps({"text": ARTICLE, "published": "9" * 100_000}).encode()},
        {
            "huge-int-raw.json": b'{"text": "'
            + article.strip()
            + b'", "n": '
            + b"9" * 100_000
            + b"}"
        },
        {"huge-float.json": b'{"text": "x", "published": 1e999999}'},
        {"nan.jsonl": b'{"text": NaN}\n{"text": Infinity, "title": -Infinity}\n'},
        {"bomb.md": b"---\n" + bomb.encode() + b"title: *j\n---\n" + article},
        {"bomb.txt": article, "bomb.txt.meta.json": b"{}", "bomb.md": b"---\n" + bomb.encode()},
        {"unclosed.md": b"---\ntitle: [unclosed\n" + article},
        {"tabs.md": b"---\n\ttitle: x\n---\n" + article},
        {"tag.md": b"---\ntitle: !!python/object/apply:os.system ['true']\n---\n" + article},
        {"date.md": b"---\npublished: 99999-99-99\ndate: 0000-00-00\n---\n" + article},
        {"surrogate.txt": b"\xed\xa0\x80 lone surrogate " + article},
        {"surrogate.json": b'{"text": "\\ud800 lone surrogate ' + article.strip() + b'"}'},
        {"nul.txt": b"\x00" * 1000 + article},
        {"bom16.txt": "\ufeff".encode("utf-16") + ARTICLE.encode("utf-16-le")},
        {"-leading-dash.txt": article},
        {"new\nline and space.txt": article},
        {"\u202eright-to-left.txt": article, "emoji \U0001f600.md": article},
        {"colon:star*question?.txt": article},
        {"backslash\\quote\"apostrophe'.txt": article},
        {"a.txt": article, "a.txt.meta.json": b'{"published": {"$date": [1, 2]}, "title": 7}'},
        {"empty.txt": b"", "blank.md": b"   \n\n", "empty.json": b"", "empty.jsonl": b"\n\n"},
        {"long-line.txt": b"word " * 400_000},
        {"entity.html": b"<html><title>&#xD800;&#0;&#x110000;</title><p>" + article + b"</p>"},
        {"deep.html": b"<div>" * 50_000 + article + b"</div>" * 50_000},
    ]


def hypothesis_inputs(count: int) -> list[dict[str, bytes]]:
    """`count` folders of one or two files drawn from the fuzz test's strategies (fixed seed)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    sys.path.insert(0, str(FUZZ_TESTS.parents[1]))  # the test imports the tests' conftest
    spec = importlib.util.spec_from_file_location("fuzz_readers", FUZZ_TESTS)
    assert spec and spec.loader
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    suffixes = st.sampled_from(fuzz.SUFFIXES)

    def encoded(value: Any) -> bytes:
        return json.dumps(value).encode("utf-8", "surrogatepass")

    folders = st.one_of(
        st.builds(lambda data, suffix: {"a" + suffix: data}, st.binary(max_size=400), suffixes),
        st.builds(
            lambda text, suffix, codec: {"a" + suffix: text.encode(codec, errors="replace")},
            fuzz.texts,
            suffixes,
            st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252"]),
        ),
        st.builds(
            lambda front, body: {
                "a.md": f"---\n{front}\n---\n{body}{ARTICLE}".encode("utf-8", "surrogatepass")
            },
            fuzz.texts,
            fuzz.texts,
        ),
        st.builds(
            lambda value: {"a.json": encoded(value)}, st.one_of(fuzz.records, fuzz.json_values)
        ),
        st.builds(
            lambda lines: {"a.jsonl": b"\n".join(encoded(line) for line in lines)},
            st.lists(st.one_of(fuzz.records, fuzz.json_values), min_size=1, max_size=5),
        ),
        st.builds(
            lambda sidecar: {"a.txt": ARTICLE.encode(), "a.txt.meta.json": encoded(sidecar)},
            fuzz.json_values,
        ),
    )
    drawn: list[dict[str, bytes]] = []
    if count <= 0:
        return drawn

    @settings(fuzz.FUZZ, max_examples=count)
    @given(folders)
    def collect(folder: dict[str, bytes]) -> None:
        drawn.append(folder)

    collect()
    return drawn[:count]


def run_cli(args: list[str], timeout: float) -> tuple[int | None, str]:
    """(exit code, or None on timeout; stdout and stderr) of one counterpoint command."""
    try:
        done = subprocess.run(
            CLI + args, capture_output=True, text=True, errors="replace", timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None, ""
    return done.returncode, done.stdout + done.stderr


def fuzz_inputs(folders: list[dict[str, bytes]], work: Path, timeout: float) -> dict[str, Any]:
    crashes: list[str] = []
    hangs: list[str] = []
    codes: Counter[str] = Counter()
    started = time.monotonic()
    for n, files in enumerate(folders):
        folder = work / f"fuzz-{n}"
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
        code, output = run_cli(
            ["analyze", str(folder), "--db", str(work / f"fuzz-{n}.duckdb"), "--quiet"], timeout
        )
        names = ", ".join(repr(name) for name in files)
        if code is None:
            hangs.append(names)
        elif code not in (0, 1) or "internal error" in output or "Traceback" in output:
            crashes.append(f"{names}: exit {code}: {output.strip().splitlines()[-1:]}")
        codes[str(code)] += 1
        print(f"  input {n + 1}/{len(folders)}: {names[:60]} -> {code}", file=sys.stderr)
    return {
        "inputs": len(folders),
        "exit_codes": dict(codes),
        "crashes": crashes,
        "hangs": hangs,
        "seconds": round(time.monotonic() - started, 1),
    }


# -- 2. kill -9 cycles -------------------------------------------------------------------------


def write_articles(data: Path, out: Path, skip: int, count: int) -> int:
    """AllSides articles `skip` to `skip + count` (by file name) as JSON Lines; how many."""
    files = sorted((data / "jsons").glob("*.json"))[skip : skip + count]
    if not files:
        sys.exit(f"no articles found in {data / 'jsons'}")
    with out.open("w", encoding="utf-8") as sink:
        for file in files:
            article = json.loads(file.read_text(encoding="utf-8"))
            record = {
                "text": article["content_original"],
                "title": article.get("title"),
                "outlet": article.get("source"),
                "published": article.get("date"),
                "url": article.get("url"),
            }
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(files)


def counts(db: Path) -> dict[str, int]:
    """Rows per table, without `runs` (a resumed store has recorded more runs)."""
    with Store(db, read_only=True) as store:
        found = store.counts()
    found.pop("runs")
    return found


def analyze_args(articles: Path, db: Path) -> list[str]:
    return CLI + ["analyze", str(articles), "--db", str(db), "--quiet"]


def kill_cycles(articles: Path, work: Path, cycles: int, timeout: float) -> dict[str, Any]:
    clean = work / "clean.duckdb"
    started = time.monotonic()
    code, output = run_cli(["analyze", str(articles), "--db", str(clean), "--quiet"], timeout)
    clean_seconds = time.monotonic() - started
    if code != 0:
        sys.exit(f"the clean run failed ({code}): {output}")
    expected = counts(clean)
    rng = random.Random(SEED)
    kills = episodes = failed_runs = 0
    mismatches: list[dict[str, Any]] = []
    failures: list[str] = []
    while kills < cycles:
        episodes += 1
        db = work / f"killed-{episodes}.duckdb"
        failed_in_a_row = killed_here = 0
        while failed_in_a_row < 3:  # a store that fails three runs in a row is stuck
            # A resumed run redoes the stages that were cut (resolution, a batch's alignment),
            # so it may need longer than any delay drawn: after KILLS_PER_STORE kills the store
            # is left to finish, which is what the resumption must achieve.
            last = killed_here >= KILLS_PER_STORE or kills >= cycles
            delay = timeout if last else rng.uniform(0, clean_seconds)
            process = subprocess.Popen(
                analyze_args(articles, db), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
            )
            try:
                out, _ = process.communicate(timeout=delay)
            except subprocess.TimeoutExpired:
                process.kill()  # SIGKILL to the PID this script started
                process.communicate()
                if last:
                    failures.append(f"store {episodes}: a run left to finish took over {delay} s")
                    break
                kills += 1
                killed_here += 1
                print(f"  store {episodes}: killed after {delay:.1f} s", file=sys.stderr)
                continue
            if process.returncode == 0:
                break
            failed_runs += 1
            failed_in_a_row += 1
            failures.append(f"exit {process.returncode}: {out.decode(errors='replace')[-300:]}")
        try:
            found = counts(db)
        except CounterpointError as error:
            failures.append(f"store {episodes} unreadable: {error}")
            found = {}
        if found != expected:
            mismatches.append(
                {k: (found.get(k), v) for k, v in expected.items() if found.get(k) != v}
            )
        print(f"  store {episodes}: done, counts match: {found == expected}", file=sys.stderr)
        db.unlink(missing_ok=True)
        db.with_name(db.name + ".wal").unlink(missing_ok=True)
    return {
        "clean_seconds": round(clean_seconds, 1),
        "expected": {k: expected[k] for k in COUNTED},
        "kills": kills,
        "episodes": episodes,
        "failed_runs": failed_runs,
        "failures": failures[:5],
        "mismatches": mismatches,
        "all_match": not mismatches,
        "seconds": round(time.monotonic() - started, 1),
    }


# -- 3. requests under load --------------------------------------------------------------------


def load_routes(db: Path) -> list[str]:
    """Every page and API route, with a real document and the actor with most mentions."""
    with Store(db, read_only=True) as store:
        doc = store.scalar("SELECT id FROM documents ORDER BY id LIMIT 1")
        other = store.scalar("SELECT id FROM documents ORDER BY id DESC LIMIT 1")
        actor = store.scalar(
            "SELECT entity FROM mentions WHERE entity IS NOT NULL "
            "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
        )
    return [
        "/",
        f"/sources/{doc}",
        f"/actors/{actor}",
        "/network",
        "/timeline",
        f"/compare?a={doc}&b={other}",
        "/search?q=president",
        "/api/documents",
        "/api/entities",
        "/api/sentences?q=president",
        "/api/graph",
        "/api/timeline",
        f"/api/compare?a={doc}&b={other}",
    ]


def under_load(clean: Path, more: Path, work: Path, seconds: float, threads: int) -> dict[str, Any]:
    db = work / "served.duckdb"
    shutil.copyfile(clean, db)
    paths = load_routes(db)
    statuses: Counter[str] = Counter()
    times: list[float] = []
    lock = threading.Lock()
    process, url, _ = start_server(db, work / "serve.log")
    began = time.monotonic()
    analyzing = threading.Event()
    analyzing.set()

    def client(offset: int) -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            n = offset
            while analyzing.is_set() or time.monotonic() < began + seconds:
                path = paths[n % len(paths)]
                n += 1
                begun = time.perf_counter()
                try:
                    status = str(http.get(path).status_code)
                except httpx.HTTPError as error:
                    status = type(error).__name__
                with lock:
                    statuses[status] += 1
                    times.append(time.perf_counter() - begun)

    workers = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    try:
        time.sleep(1)
        started = time.monotonic()
        code, output = run_cli(["analyze", str(more), "--db", str(db), "--quiet"], 600)
        analyze_seconds = time.monotonic() - started
    finally:
        analyzing.clear()
        for worker in workers:
            worker.join()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    times.sort()

    def percentile(share: float) -> float:
        return round(times[min(len(times) - 1, int(share * len(times)))] * 1000, 1)

    return {
        "seconds": round(time.monotonic() - began, 1),
        "threads": threads,
        "routes": len(paths),
        "requests": len(times),
        "served": statuses.get("200", 0),
        "statuses": dict(statuses),
        "p50_ms": percentile(0.50),
        "p95_ms": percentile(0.95),
        "analyze_exit": code,
        "analyze_seconds": round(analyze_seconds, 1),
        "analyze_output": (output or "").strip()[-300:],
        "documents_after": counts(db)["documents"],
    }


# -- output ------------------------------------------------------------------------------------


def print_figures(figures: dict[str, Any]) -> None:
    fuzz, kill, load = figures["fuzz"], figures["kill"], figures["load"]
    print()
    print(f"date:     {figures['date']}")
    print(f"machine:  {describe(figures['machine'])}")
    print(f"version:  counterpoint {figures['version']}")
    print()
    print("1. Inputs fuzzed, crashes, hangs")
    print(
        f"   {fuzz['inputs']} inputs ({figures['handmade']} hand-made), {len(fuzz['crashes'])} "
        f"crashes, {len(fuzz['hangs'])} hangs (timeout {figures['timeout']:.0f} s); exit codes "
        f"{fuzz['exit_codes']}; {fuzz['seconds']} s"
    )
    for line in fuzz["crashes"] + [f"hang: {h}" for h in fuzz["hangs"]]:
        print(f"   {line}")
    print()
    print("2. kill -9 cycles")
    expected = ", ".join(f"{v} {k}" for k, v in kill["expected"].items())
    print(f"   clean run of {figures['articles']} articles: {kill['clean_seconds']} s; {expected}")
    print(
        f"   {kill['kills']} kills survived over {kill['episodes']} stores, "
        f"{kill['failed_runs']} runs failed without a kill; every count matches the clean run: "
        f"{'yes' if kill['all_match'] else 'NO'} ({kill['seconds']} s)"
    )
    for failure in kill["failures"]:
        print(f"   failed: {' '.join(failure.split())}")
    for mismatch in kill["mismatches"]:
        print(f"   mismatch (found, expected): {mismatch}")
    print()
    print("3. Requests under load, with a concurrent analyze")
    print(
        f"   {load['requests']} requests in {load['seconds']:.0f} s from {load['threads']} "
        f"threads over {load['routes']} routes: {load['served']} served; by status "
        f"{load['statuses']}; p50 {load['p50_ms']} ms, p95 {load['p95_ms']} ms"
    )
    outcome = "succeeded" if load["analyze_exit"] == 0 else f"FAILED (exit {load['analyze_exit']})"
    print(
        f"   concurrent analyze of {figures['more']} articles {outcome} in "
        f"{load['analyze_seconds']} s; store then holds {load['documents_after']} documents"
    )
    if load["analyze_exit"] != 0:
        print(f"   {' '.join(load['analyze_output'].split())}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="AllSides test split")
    parser.add_argument(
        "--inputs", type=int, default=100, help="hostile inputs (at least the hand-made ones)"
    )
    parser.add_argument("--timeout", type=float, default=120, help="seconds per fuzzed run")
    parser.add_argument("--articles", type=int, default=20, help="articles for the kill cycles")
    parser.add_argument("--cycles", type=int, default=100, help="kills made")
    parser.add_argument("--seconds", type=float, default=60, help="least duration of the load")
    parser.add_argument("--threads", type=int, default=4, help="client threads in the load")
    parser.add_argument("--more", type=int, default=10, help="articles the concurrent analyze adds")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    handmade = handmade_inputs()
    folders = handmade + hypothesis_inputs(max(0, args.inputs - len(handmade)))
    with tempfile.TemporaryDirectory(prefix="counterpoint-reliability-") as folder:
        work = Path(folder)
        articles, more = work / "articles.jsonl", work / "more.jsonl"
        count = write_articles(args.data, articles, 0, args.articles)
        added = write_articles(args.data, more, args.articles, args.more)
        print("1. fuzzing ...", file=sys.stderr)
        fuzz = fuzz_inputs(folders, work, args.timeout)
        print("2. kill -9 cycles ...", file=sys.stderr)
        kill = kill_cycles(articles, work, args.cycles, timeout=1800)
        print("3. load ...", file=sys.stderr)
        load = under_load(work / "clean.duckdb", more, work, args.seconds, args.threads)
    figures = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "version": counterpoint.__version__,
        "handmade": len(handmade),
        "timeout": args.timeout,
        "articles": count,
        "more": added,
        "fuzz": fuzz,
        "kill": kill,
        "load": load,
    }
    print_figures(figures)
    if args.json:
        print(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()
