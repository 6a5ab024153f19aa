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

from counterpoint.align.embeddings import attach_vectors
from counterpoint.align.framing import frame_actors
from counterpoint.align.judge import evidence, judge, kind_of
from counterpoint.align.load import load_statements
from counterpoint.align.statements import Statement
from counterpoint.config import DEFAULT_DB, AlignSettings, Settings
from counterpoint.errors import CounterpointError
from counterpoint.records import ActorFraming, Alignment
from counterpoint.store import Store
from counterpoint.store.alignment import (
    all_document_ids,
    document_names,
    groups_of,
    stored_alignments,
)


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
    names = document_names(store)
    outlet = [n for n in names if (n.outlet or "").casefold() == folded]
    if outlet:
        return Side(name=outlet[0].source, docs=[n.id for n in outlet])
    docs = [n for n in names if n.id.startswith(ref) or (n.title or "").casefold() == folded]
    if len(docs) == 1:
        return Side(name=docs[0].source, docs=[docs[0].id])
    if len(docs) > 1:
        raise CounterpointError(f"{ref!r} names {len(docs)} documents; give more of the id")
    raise CounterpointError(
        f"no outlet or document is named {ref!r}; see 'counterpoint status' for the outlets"
    )


def diff(a: str, b: str, db: str | Path = DEFAULT_DB) -> SourceDiff:
    """`source_diff` on the store at `db` (what `counterpoint diff` calls)."""
    with Store(db, read_only=True) as store:
        return source_diff(store, a, b)


def source_diff(store: Store, a: str, b: str, settings: Settings = Settings()) -> SourceDiff:
    """How side `a` and side `b` relate, item by item, and how each frames shared actors."""
    side_a, side_b = find_side(store, a), find_side(store, b)
    if set(side_a.docs) & set(side_b.docs):
        raise CounterpointError(f"{a!r} and {b!r} share documents; compare two different sides")
    statements = load_statements(store, side_a.docs + side_b.docs, settings.language)
    for s in statements:  # the sides are what is compared, whatever the outlets
        s.source = side_a.name if s.doc in side_a.docs else side_b.name
    diff = SourceDiff(side_a, side_b)
    groups = _groups(store, [s.id for s in statements])
    by_id = {s.id: s for s in statements}
    attach_vectors(store, statements)
    for group, items in sorted(groups.items()):
        diff.alignments += judge(group, [by_id[i] for i in items if i in by_id], settings.align)
    aligned = {m for al in diff.alignments for m in al.members}
    diff.alignments += omissions(statements, aligned, settings.align)
    framing = frame_actors(store, [side_a.name, side_b.name], language=settings.language)
    shared = {f.entity for f in framing if f.source == side_a.name} & {
        f.entity for f in framing if f.source == side_b.name
    }
    diff.framing = {
        side.name: [f for f in framing if f.source == side.name and f.entity in shared]
        for side in (side_a, side_b)
    }
    return diff


def corpus_alignments(store: Store, settings: Settings = Settings()) -> list[Alignment]:
    """Every stored alignment, and each source's most central omissions."""
    alignments = stored_alignments(store)
    statements = load_statements(store, all_document_ids(store), settings.language)
    aligned = {m for al in alignments for m in al.members}
    return alignments + omissions(statements, aligned, settings.align)


def omissions(
    statements: list[Statement], aligned: set[str], settings: AlignSettings = AlignSettings()
) -> list[Alignment]:
    """Sentences whose facts only one source reports while another source names the same
    actors within `period_days`, at most `unique_per_source` per source, most central first.
    Scores are scaled so that each source's most central omission scores 1."""
    result = []
    for found in _omissions_by_source(statements, aligned, settings).values():
        found.sort(key=lambda o: (-o.centrality, o.items[0].id))
        top = found[0].centrality if found else 1.0
        result += [_unique(o, top) for o in found[: settings.unique_per_source]]
    return result


@dataclass
class _Omission:
    """The unaligned items of one sentence, and the other sources that name its actors."""

    centrality: float
    items: list[Statement]
    elsewhere: list[str]


def _omissions_by_source(
    statements: list[Statement], aligned: set[str], settings: AlignSettings
) -> dict[str, list[_Omission]]:
    sources = sorted({s.source for s in statements})
    if len(sources) < 2:
        return {}
    covered: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for s in statements:  # actor -> source -> days it is named on
        for entity in s.entities:
            covered[entity][s.source].append(s.published.toordinal() if s.published else 0)
    sentences: dict[tuple[str, int], list[Statement]] = defaultdict(list)
    for s in statements:
        if s.id not in aligned and s.entities:
            sentences[(s.doc, s.sentence)].append(s)
    found: dict[str, list[_Omission]] = defaultdict(list)
    for items in sentences.values():
        first = items[0]
        day = first.published.toordinal() if first.published else 0
        entities = set().union(*(i.entities for i in items))
        named_elsewhere = {
            entity: {
                source
                for source, days in covered[entity].items()
                if source != first.source
                and any(abs(d - day) <= settings.period_days for d in days)
            }
            for entity in entities
        }
        elsewhere = sorted(set().union(*named_elsewhere.values()))
        if not elsewhere:
            continue
        # Central: it names several actors the other sources also name, widely named ones most.
        centrality = sum(len(covered[e]) / len(sources) for e, s in named_elsewhere.items() if s)
        found[first.source].append(_Omission(centrality, items, elsewhere))
    return found


def _unique(omission: _Omission, top: float) -> Alignment:
    """An omission as a "unique" alignment, scored against its source's most central one."""
    items = omission.items
    group = "unique:" + items[0].id
    words = ", ".join(dict.fromkeys(i.text for i in items))
    note = f"only here ({words}); the same actors are in {', '.join(omission.elsewhere)}"
    return Alignment(
        id="al-" + hashlib.sha256(group.encode()).hexdigest()[:12],  # one sentence
        group=group,
        kind=kind_of(items),
        relation="unique",
        score=round(omission.centrality / top, 3),
        members=tuple(i.id for i in items),
        evidence=(evidence(items[0], note),),
    )


def _groups(store: Store, items: list[str]) -> dict[str, list[str]]:
    """The alignment groups that hold any of `items`, with those of their members among them."""
    groups: dict[str, list[str]] = defaultdict(list)
    for item, group in groups_of(store, items).items():
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
