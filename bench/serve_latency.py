"""Latency of the web explorer (`counterpoint serve`) on a large synthetic store.

Run:  python bench/serve_latency.py [--articles N] [--store PATH] [--repeat N] [--json]

A store of N synthetic articles (default 10,000; ~40 sentences and ~40 actor mentions each,
a few hundred actors whose names overlap as real ones do) is written straight through
`Store.add_annotation`, without spaCy, then resolved with `counterpoint.resolve.resolve`. It is
kept for the next run (in the temporary folder, or at --store PATH). The real server
(`python -m counterpoint.cli serve`, uvicorn) is started on a free loopback port, and every page
and API route is requested once (timed apart: it may fill a cache), once more to warm up, then
--repeat times, with realistic ids: the actor with the most mentions, the longest document, a
common word. For each route the median and 95th percentile wall-clock times are printed, and
whether they are under one second; so is the time the server took to answer its first request.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

import counterpoint
from counterpoint.records import Annotation, Document, Mention, Relation, Sentence
from counterpoint.resolve.resolver import resolve
from counterpoint.store import Store
from counterpoint.store.resolution import write_resolution
from machine import describe, machine_info

SEED = 20261125
SEARCH_WORD = "pipeline"  # one of NOUNS: in about one sentence in 14

FIRST = """Ana Anton Bruno Carla Dario Elena Emil Farah Goran Hana Ines Ivo Jana Joaquin Karim
Lena Lucia Luis Mara Marco Milan Mina Nadia Nikola Omar Oskar Petra Piotr Rafael Raul Rosa Sara
Selim Sofia Tamar Teo Tomas Uma Vera Viktor Yara Zora Adrian Beatriz Caio Dina Erik Flora Hugo
Irena Jonas Kira Leon Marta Nils Olga Pavel Rita Stefan""".split()
SURNAMES = """Abrams Alvarez Bauer Berisha Brenner Castillo Costa Dalca Duarte Ferreira Fischer
Garcia Halvorsen Horvat Ibarra Jansen Kessler Kovac Lanz Larsen Lopez Marsh Marquez Medina
Molnar Moreno Navarro Novak Okafor Ortega Pineda Quesada Ramos Reyes Rios Ruiz Salas Santos
Silva Soto Szabo Telles Torres Vargas Varga Vega Vell Voss Weber Yilmaz Zeller Aguilar Bianchi
Dimitrov Eklund Falk Gallo Haas Ivanova Jovanovic""".split()
TITLES = ["President", "Minister", "General", "Senator", "Mayor", "Governor", "Judge"]
ORG_ADJ = """National Northern Southern Central United Free Green Popular Federal Coastal Valley
Civic Democratic Independent Royal""".split()
ORG_NOUN = """Rail Mining Water Energy Farmers Dockers Teachers Press Harbour Timber Copper
Grain Steel Transit""".split()
ORG_KIND = """Union Party Alliance Company Group Council Authority Institute Bank Front""".split()
PLACES = """Port Aurel Santa Irez Kestrel Falls Larkspur Calvera Tambra Orvan Selka Marisol
Brenna Castor Dunmore Elverum Farrow Galen Hollin Istra Jarrow Keld Lorne Merrow Norden Ostra
Pellam Quarry Rill Sorrel Tarn Umber Varna Wexley Yarrow Zell Ardent Bellmoor Corran""".split()
COUNTRIES = ["Peru", "Chile", "Brazil", "China", "Canada", "Norway", "Kenya", "Spain", "Japan"]
OUTLETS = """Northbridge Wire|Valley Herald|Capital Post|Harbour Ledger|Courier Daily|Centella
|Morning Dispatch|The Observer Review|Coastal Times|Republic Today|Free Voice|Granite Standard
|Evening Signal|Lantern News|The Plain Dealer Gazette""".replace("\n", "").split("|")
NOUNS = """dam project mine strike budget election protest pipeline contract investigation
blockade reform vote tariff treaty loan concession report inquiry verdict ceasefire referendum
subsidy harbour railway bridge""".split()
VERBS = ["approve", "block", "delay", "review", "fund", "reject", "expand", "suspend"]
PAST = ["approved", "blocked", "delayed", "reviewed", "funded", "rejected", "expanded"]
ADJ = ["unlawful", "necessary", "reckless", "overdue", "fair", "costly", "premature", "vital"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(eq=False)
class Actor:
    name: str
    label: str  # PERSON, ORG, GPE
    title: str | None = None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def make_actors(rng: random.Random) -> list[Actor]:
    """A few hundred actors, most popular first: people (surnames shared by several of them,
    some with a title), organisations (words shared between names), places and states."""
    people: dict[str, Actor] = {}
    while len(people) < 320:
        name = f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"
        title = rng.choice(TITLES) if rng.random() < 0.25 else None
        people.setdefault(name, Actor(name, "PERSON", title))
    orgs: dict[str, Actor] = {}
    while len(orgs) < 110:
        name = f"{rng.choice(ORG_ADJ)} {rng.choice(ORG_NOUN)} {rng.choice(ORG_KIND)}"
        orgs.setdefault(name, Actor(name, "ORG"))
    places = [Actor(p, "GPE") for p in PLACES] + [Actor(c, "GPE") for c in COUNTRIES]
    actors = list(people.values()) + list(orgs.values()) + places
    rng.shuffle(actors)
    # The most popular actor is a head of state, as in most stories.
    head = next(a for a in actors if a.label == "PERSON")
    head.title = "President"
    actors.remove(head)
    return [head, *actors]


@dataclass
class Writer:
    """Builds one document's text with its sentences, mentions and relations."""

    doc: str = ""
    text: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[tuple[int, int, int, str, str, str, str]] = field(default_factory=list)
    relations: list[tuple[int, str, int, int | None, int, int, str | None]] = field(
        default_factory=list
    )

    def sentence(self, parts: list[str | tuple[Actor, str, str, str]]) -> int:
        """Append a sentence from plain strings and (actor, written form, dep, head) parts;
        returns the first mention index of the sentence."""
        index = len(self.sentences)
        first = len(self.mentions)
        start = len(self.text)
        for part in parts:
            if isinstance(part, str):
                self.text += part
            else:
                actor, form, dep, head = part
                at = len(self.text)
                self.text += form
                self.mentions.append((index, at, len(self.text), form, actor.label, dep, head))
        self.sentences.append((start, len(self.text)))
        return first

    def space(self, paragraph: bool) -> None:
        self.text += "\n\n" if paragraph else " "


def write_document(rng: random.Random, actors: list[Actor], weights: list[float]) -> Annotation:
    w = Writer()
    by_label = {label: [a for a in actors if a.label == label] for label in ("ORG", "GPE")}
    cast = list(dict.fromkeys(rng.choices(actors, weights=weights, k=rng.randint(5, 12))))
    people = [a for a in cast if a.label == "PERSON"] or [actors[0]]
    orgs = [a for a in cast if a.label == "ORG"] or rng.sample(by_label["ORG"], 1)
    places = [a for a in cast if a.label == "GPE"] or rng.sample(by_label["GPE"], 1)
    named: set[str] = set()

    def form(actor: Actor, first: bool = False) -> str:
        if actor.label == "ORG":
            return actor.name if rng.random() < 0.6 else f"{'The' if first else 'the'} {actor.name}"
        if actor.label != "PERSON" or actor.name not in named:
            named.add(actor.name)
            return actor.name
        return actor.surname if rng.random() < 0.6 else actor.name

    noun, noun2 = rng.sample(NOUNS, 2)
    title = f"{rng.choice(ADJ).capitalize()} {noun} divides {rng.choice(places).name}"
    w.sentence([title])
    w.space(True)
    length = max(8, int(rng.gauss(40, 14)))
    for n in range(1, length):
        a = rng.choice(people)
        kind = rng.random()
        noun, noun2 = rng.sample(NOUNS, 2)
        if kind < 0.22:
            w.sentence(
                [(a, form(a), "nsubj", "say"), f" said on {rng.choice(DAYS)} that the {noun} "]
                + [f"would {rng.choice(VERBS)} the {noun2}."]
            )
        elif kind < 0.36:
            b = rng.choice(people + orgs)
            p = rng.choice(places)
            w.sentence(
                [(a, form(a), "nsubj", "meet"), " met "]
                + [(b, form(b), "dobj", "meet"), " in ", (p, p.name, "pobj", "in")]
                + [f" to discuss the {noun}."]
            )
        elif kind < 0.46:
            o = rng.choice(orgs)
            full = a.name
            named.add(full)
            first = w.sentence(
                [(a, full, "nsubj", "say"), ", a member of ", (o, f"the {o.name}", "pobj", "of")]
                + [f", said the {noun} was {rng.choice(ADJ)}."]
            )
            start, _ = w.sentences[-1]
            end = w.mentions[first + 1][2]
            w.relations.append((n, "member_of", first, first + 1, start, end, None))
        elif kind < 0.56 and a.title:
            at = len(w.text)
            first = w.sentence(
                [f"{a.title} ", (a, a.name, "nsubj", rng.choice(VERBS))]
                + [f" {rng.choice(PAST)} the {noun} {rng.choice(['again', 'at once', 'quietly'])}."]
            )
            named.add(a.name)
            w.relations.append((n, "role", first, None, at, w.mentions[first][2], a.title))
        elif kind < 0.75:
            o = rng.choice(orgs)
            w.sentence(
                [
                    (o, form(o, first=True), "nsubj", rng.choice(VERBS)),
                    f" {rng.choice(PAST)} the {noun} ",
                ]
                + [f"after {rng.randint(2, 30)} weeks of talks over the {noun2}."]
            )
        else:
            w.sentence(
                [f"Critics of the {noun} {rng.choice(PAST)} the {rng.choice(ADJ)} {noun2}, "]
                + [f"and the {rng.choice(NOUNS)} was {rng.choice(ADJ)}."]
            )
        w.space(n % 4 == 0)

    doc_id = hashlib.sha256(w.text.encode()).hexdigest()[:16]
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(730))
    outlet = rng.choice(OUTLETS)
    document = Document(
        id=doc_id,
        text=w.text,
        source_path=f"synthetic/{doc_id}.txt",
        title=title,
        outlet=outlet,
        author=f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}",
        published=published,
        url=f"https://{outlet.lower().replace(' ', '')}.example/{published:%Y/%m/%d}/{doc_id}",
        language="en",
    )
    return Annotation(
        doc=document,
        sentences=[Sentence(doc_id, i, s, e) for i, (s, e) in enumerate(w.sentences)],
        mentions=[
            Mention(doc_id, i, sent, s, e, text, label, None, dep, head)
            for i, (sent, s, e, text, label, dep, head) in enumerate(w.mentions)
        ],
        relations=[
            Relation(doc_id, sent, kind, source, target, s, e, role)
            for sent, kind, source, target, s, e, role in w.relations
        ],
    )


def build_store(path: Path, articles: int) -> None:
    rng = random.Random(SEED)
    actors = make_actors(rng)
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(actors))]
    weights[0] *= 2  # the head of state is in most stories
    partial = path.with_name(path.name + ".building")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(partial) as store:
        for n in range(articles):
            store.add_annotation(write_document(rng, actors, weights))
            if (n + 1) % 1000 == 0:
                rate = (n + 1) / (time.perf_counter() - started)
                print(f"  {n + 1:,} articles written ({rate:,.0f}/s)", file=sys.stderr)
        print("  resolving ...", file=sys.stderr)
        write_resolution(store, resolve(store))
    os.replace(partial, path)
    print(f"  built in {time.perf_counter() - started:.0f} s: {path}", file=sys.stderr)


def store_ready(path: Path, articles: int) -> bool:
    if not path.exists():
        return False
    with Store(path, read_only=True) as store:
        return bool(
            store.scalar("SELECT count(*) FROM documents") == articles
            and store.scalar("SELECT count(*) FROM entities")
        )


# -- what to request ---------------------------------------------------------------------------


def pick_ids(path: Path) -> dict[str, Any]:
    with Store(path, read_only=True) as store:
        counts = store.counts()
        actor = store.rows(
            "SELECT e.id, e.name, count(*) AS mentions FROM mentions m JOIN entities e "
            "ON e.id = m.entity GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1"
        )[0]
        long = store.rows(
            "SELECT id, length(text) AS chars, "
            "(SELECT count(*) FROM sentences s WHERE s.doc = d.id) AS sentences "
            "FROM documents d ORDER BY chars DESC, id LIMIT 1"
        )[0]
        other = store.rows(
            "SELECT d.id FROM documents d JOIN mentions m ON m.doc = d.id AND m.entity = ? "
            "WHERE d.id <> ? AND d.outlet <> (SELECT outlet FROM documents WHERE id = ?) "
            "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
            [actor["id"], long["id"], long["id"]],
        )[0]["id"]
        hits = store.scalar(
            "SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.doc "
            'WHERE lower(substr(d.text, s.start + 1, s."end" - s.start)) LIKE ?',
            [f"%{SEARCH_WORD}%"],
        )
    return {
        "counts": {k: counts[k] for k in ("documents", "sentences", "mentions", "entities")},
        "actor": actor,
        "long": long,
        "other": other,
        "word_sentences": hits,
    }


def routes(ids: dict[str, Any]) -> list[str]:
    actor, long, other = ids["actor"]["id"], ids["long"]["id"], ids["other"]
    q = urllib.parse.quote(SEARCH_WORD)
    return [
        "/",
        f"/sources/{long}",
        f"/actors/{actor}",
        "/network",
        f"/network?source={long}",
        f"/network?source={long}&compare={other}",
        "/timeline",
        f"/compare?a={long}&b={other}",
        f"/search?q={q}",
        f"/search?q={q}&offset=100",
        f"/search?q={q}&source={long}",
        f"/search?q={q}&actor={actor}",
        f"/search?q={q}&from=2025-01-01&to=2025-03-31",
        "/api/documents",
        "/api/documents?offset=9000",
        "/api/entities",
        f"/api/sentences?q={q}",
        f"/api/sentences?q={q}&actor={actor}",
        "/api/graph",
        f"/api/graph?source={long}",
        f"/api/graph?source={long}&compare={other}",
        "/api/timeline",
        f"/api/compare?a={long}&b={other}",
        "/openapi.json",
    ]


# -- the server --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str, float]:
    port = free_port()
    started = time.perf_counter()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "counterpoint.cli", "serve", "--db", str(db)]
            + ["--host", "127.0.0.1", "--port", str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"counterpoint serve exited ({process.returncode}):\n{log.read_text()}")
        try:
            if httpx.get(url + "/", timeout=30).status_code == 200:
                return process, url, time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    process.kill()
    sys.exit(f"counterpoint serve did not answer within 120 s:\n{log.read_text()}")


def measure(url: str, paths: list[str], repeat: int) -> list[dict[str, Any]]:
    rows = []
    with httpx.Client(base_url=url, timeout=120) as client:
        for path in paths:
            start = time.perf_counter()
            response = client.get(path)  # the first request may fill caches: timed apart
            first = time.perf_counter() - start
            response = client.get(path)  # warm-up
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                response = client.get(path)
                response.read()
                times.append(time.perf_counter() - start)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            rows.append(
                {
                    "route": path,
                    "status": response.status_code,
                    "bytes": len(response.content),
                    "first_ms": round(first * 1000, 1),
                    "median_ms": round(statistics.median(times) * 1000, 1),
                    "p95_ms": round(p95 * 1000, 1),
                    "under_1s": p95 < 1.0 and response.status_code == 200,
                }
            )
            print(f"  {path}: {rows[-1]['median_ms']} ms", file=sys.stderr)
    return rows


def short(route: str, ids: dict[str, Any]) -> str:
    """The route with its ids named for what they are."""
    return (
        route.replace(ids["actor"]["id"], "{busy actor}")
        .replace(ids["long"]["id"], "{long doc}")
        .replace(ids["other"], "{other doc}")
    )


def print_table(figures: dict[str, Any]) -> None:
    ids = figures["ids"]
    counts = ids["counts"]
    machine = figures["machine"]
    print()
    print(f"date:     {figures['date']}")
    print(f"machine:  {describe(machine)}")
    print(
        f"store:    {counts['documents']:,} documents, {counts['sentences']:,} sentences, "
        f"{counts['mentions']:,} mentions, {counts['entities']:,} entities"
    )
    print(
        f"ids:      busy actor {ids['actor']['name']} ({ids['actor']['mentions']:,} mentions); "
        f"long doc {ids['long']['chars']:,} chars, {ids['long']['sentences']} sentences; "
        f"'{SEARCH_WORD}' in {ids['word_sentences']:,} sentences"
    )
    print(f"startup:  {figures['startup_s']:.2f} s from start to the first answer of /")
    print(
        f"requests: a first one (timed apart), a warm-up, then {figures['repeat']} timed, "
        "one client with keep-alive, in the order below"
    )
    print()
    width = max(len(short(r["route"], ids)) for r in figures["rows"])
    header = f"{'route':<{width}}  {'status':>6}  {'bytes':>10}  {'first ms':>8}  {'median ms':>9}"
    header += f"  {'p95 ms':>8}"
    print(header + "  < 1 s")
    print("-" * (len(header) + 7))
    for r in figures["rows"]:
        print(
            f"{short(r['route'], ids):<{width}}  {r['status']:>6}  {r['bytes']:>10,}  "
            f"{r['first_ms']:>8.1f}  {r['median_ms']:>9.1f}  {r['p95_ms']:>8.1f}  "
            f"{'yes' if r['under_1s'] else 'NO'}"
        )
    slow = [r for r in figures["rows"] if not r["under_1s"]]
    print()
    print(f"{len(figures['rows']) - len(slow)} of {len(figures['rows'])} routes under 1 s (p95)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="synthetic articles")
    parser.add_argument("--store", type=Path, default=None, help="store to build or reuse")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per route")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.gettempdir())
    store = args.store or tmp / f"counterpoint-serve-bench-{args.articles}.duckdb"
    if store_ready(store, args.articles):
        print(f"reusing {store}", file=sys.stderr)
    else:
        print(f"building {store} ({args.articles:,} articles) ...", file=sys.stderr)
        build_store(store, args.articles)
    ids = pick_ids(store)
    with tempfile.TemporaryDirectory(prefix="counterpoint-serve-") as folder:
        log = Path(folder) / "serve.log"
        process, url, startup = start_server(store, log)
        try:
            rows = measure(url, routes(ids), args.repeat)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    figures = {
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "version": counterpoint.__version__,
        "store": str(store),
        "repeat": args.repeat,
        "startup_s": round(startup, 2),
        "ids": ids,
        "rows": rows,
    }
    print_table(figures)
    if args.json:
        print(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()
