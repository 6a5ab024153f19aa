"""Compare sources: the alignments between two sides (documents or outlets), what one side
reports that the other leaves out, and how each frames the actors they share.

The align stage keeps the groups and their judgements for the whole store; a comparison reads
the groups that hold items of both sides and judges those items again, so that the relations
are between the two sides only."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from counterpoint.align.framing import frame_actors
from counterpoint.align.stage import (
    Statement,
    attach_vectors,
    evidence,
    judge,
    kind_of,
    load_statements,
    stored_alignments,
)
from counterpoint.config import DEFAULT_DB
from counterpoint.errors import CounterpointError
from counterpoint.records import ActorFraming, Alignment
from counterpoint.store import Store

PERIOD_DAYS = 31  # the other side "covers the period" with a document this close in time
UNIQUE_PER_SOURCE = 10  # omissions listed per source, most central first


@dataclass
class Side:
    """One side of a comparison: the documents of an outlet, or one document."""

    name: str
    docs: list[str]


@dataclass
class SourceDiff:
    a: Side
    b: Side
    alignments: list[Alignment] = field(default_factory=list)  # unique ones included
    framing: dict[str, list[ActorFraming]] = field(default_factory=dict)  # side name -> actors

    def by_relation(self) -> dict[str, list[Alignment]]:
        grouped: dict[str, list[Alignment]] = defaultdict(list)
        for alignment in self.alignments:
            grouped[alignment.relation].append(alignment)
        return dict(grouped)


def find_side(store: Store, ref: str) -> Side:
    """A document (by id, id prefix or title) or an outlet (by name), case-insensitive."""
    folded = ref.casefold()
    rows = store.rows("SELECT id, title, outlet FROM documents ORDER BY published, id")
    outlet = [r["id"] for r in rows if (r["outlet"] or "").casefold() == folded]
    if outlet:
        name = next(r["outlet"] for r in rows if (r["outlet"] or "").casefold() == folded)
        return Side(name=name, docs=outlet)
    docs = [r for r in rows if r["id"].startswith(ref) or (r["title"] or "").casefold() == folded]
    if len(docs) == 1:
        return Side(name=docs[0]["outlet"] or docs[0]["id"], docs=[docs[0]["id"]])
    if len(docs) > 1:
        raise CounterpointError(f"{ref!r} names {len(docs)} documents; give more of the id")
    raise CounterpointError(
        f"no outlet or document is named {ref!r}; see 'counterpoint status' for the outlets"
    )


def diff(a: str, b: str, db: str | Path = DEFAULT_DB) -> SourceDiff:
    """`source_diff` on the store at `db` (what `counterpoint diff` calls)."""
    with Store(db, read_only=True) as store:
        return source_diff(store, a, b)


def source_diff(store: Store, a: str, b: str) -> SourceDiff:
    """How side `a` and side `b` relate, item by item, and how each frames shared actors."""
    side_a, side_b = find_side(store, a), find_side(store, b)
    if set(side_a.docs) & set(side_b.docs):
        raise CounterpointError(f"{a!r} and {b!r} share documents; compare two different sides")
    statements = load_statements(store, side_a.docs + side_b.docs)
    for s in statements:  # the sides are what is compared, whatever the outlets
        s.source = side_a.name if s.doc in side_a.docs else side_b.name
    diff = SourceDiff(side_a, side_b)
    groups = _groups(store, [s.id for s in statements])
    by_id = {s.id: s for s in statements}
    attach_vectors(store, statements)
    for group, items in sorted(groups.items()):
        diff.alignments += judge(group, [by_id[i] for i in items if i in by_id])
    aligned = {m for al in diff.alignments for m in al.members}
    diff.alignments += omissions(statements, aligned, per_source=UNIQUE_PER_SOURCE)
    framing = frame_actors(store, [side_a.name, side_b.name])
    shared = {f.entity for f in framing if f.source == side_a.name} & {
        f.entity for f in framing if f.source == side_b.name
    }
    diff.framing = {
        side.name: [f for f in framing if f.source == side.name and f.entity in shared]
        for side in (side_a, side_b)
    }
    return diff


def corpus_alignments(store: Store) -> list[Alignment]:
    """Every stored alignment, and each source's most central omissions."""
    alignments = stored_alignments(store)
    docs = [r[0] for r in store.con.execute("SELECT id FROM documents").fetchall()]
    statements = load_statements(store, docs)
    aligned = {m for al in alignments for m in al.members}
    return alignments + omissions(statements, aligned, per_source=UNIQUE_PER_SOURCE)


def omissions(statements: list[Statement], aligned: set[str], per_source: int) -> list[Alignment]:
    """Sentences whose facts only one source reports while another source names the same
    actors within PERIOD_DAYS, most central first. Scores are scaled so that each source's
    most central omission scores 1."""
    sources = sorted({s.source for s in statements})
    if len(sources) < 2:
        return []
    covered: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for s in statements:  # actor -> source -> days it is named on
        for entity in s.entities:
            covered[entity][s.source].append(s.published.toordinal() if s.published else 0)
    sentences: dict[tuple[str, int], list[Statement]] = defaultdict(list)
    for s in statements:
        if s.id not in aligned and s.entities:
            sentences[(s.doc, s.sentence)].append(s)
    ranked: dict[str, list[tuple[float, list[Statement], list[str]]]] = defaultdict(list)
    for items in sentences.values():
        first = items[0]
        day = first.published.toordinal() if first.published else 0
        entities = set().union(*(i.entities for i in items))
        named_elsewhere = {
            entity: {
                source
                for source, days in covered[entity].items()
                if source != first.source and any(abs(d - day) <= PERIOD_DAYS for d in days)
            }
            for entity in entities
        }
        elsewhere = sorted(set().union(*named_elsewhere.values()))
        if not elsewhere:
            continue
        # Central: it names several actors the other sources also name, widely named ones most.
        centrality = sum(len(covered[e]) / len(sources) for e, s in named_elsewhere.items() if s)
        ranked[first.source].append((centrality, items, elsewhere))
    result = []
    for found in ranked.values():
        found.sort(key=lambda r: (-r[0], r[1][0].id))
        top = found[0][0] if found else 1.0
        for centrality, items, others in found[:per_source]:
            group = "unique:" + items[0].id
            words = ", ".join(dict.fromkeys(i.text for i in items))
            note = f"only here ({words}); the same actors are in {', '.join(others)}"
            result.append(
                Alignment(
                    id="al-" + hashlib.sha256(group.encode()).hexdigest()[:12],  # one sentence
                    group=group,
                    kind=kind_of(items),
                    relation="unique",
                    score=round(centrality / top, 3),
                    members=tuple(i.id for i in items),
                    evidence=(evidence(items[0], note),),
                )
            )
    return result


def _groups(store: Store, items: list[str]) -> dict[str, list[str]]:
    """The alignment groups that hold any of `items`, with those of their members among them."""
    wanted = set(items)
    groups: dict[str, list[str]] = defaultdict(list)
    for group, item in store.con.execute(
        'SELECT "group", item FROM alignment_groups WHERE item IN (SELECT unnest(?::VARCHAR[]))',
        [items],
    ).fetchall():
        if item in wanted:
            groups[group].append(item)
    return {g: members for g, members in groups.items() if len(members) > 1}


def diff_data(diff: SourceDiff) -> dict[str, Any]:
    """A comparison as plain data (the `diff --json` output and the HTML page's input)."""
    return {
        "a": {"name": diff.a.name, "documents": diff.a.docs},
        "b": {"name": diff.b.name, "documents": diff.b.docs},
        "alignments": [alignment_data(a) for a in diff.alignments],
        "framing": {
            side: [f.__dict__ for f in framings] for side, framings in diff.framing.items()
        },
    }


def alignment_data(alignment: Alignment) -> dict[str, Any]:
    return {
        "id": alignment.id,
        "kind": alignment.kind,
        "relation": alignment.relation,
        "score": alignment.score,
        "members": list(alignment.members),
        "evidence": [e.__dict__ for e in alignment.evidence],
    }
