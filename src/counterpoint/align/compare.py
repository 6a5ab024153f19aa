"""Compare sources: the alignments between two sides (documents or outlets), what one side
reports that the other leaves out, and how each frames the actors they share.

The align stage keeps the groups and their judgements for the whole store; a comparison reads
the groups that hold items of both sides and judges those items again, so that the relations
are between the two sides only. What one side alone reports is read within each story."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from counterpoint.align.embeddings import attach_vectors, embed_missing
from counterpoint.align.framing import frame_actors, source_wording
from counterpoint.align.judge import (
    alignment_id,
    evidence,
    judge,
    kind_of,
    merge_same,
    needs_vectors,
)
from counterpoint.align.load import load_statements, plain_sentences
from counterpoint.align.similarity import jaccard, overlap
from counterpoint.align.statements import Statement
from counterpoint.config import DEFAULT_DB, AlignSettings, Settings
from counterpoint.errors import CounterpointError
from counterpoint.records import ActorFraming, Alignment, SourceWording, Story
from counterpoint.store import Store
from counterpoint.store.alignment import (
    all_document_ids,
    document_names,
    groups_of,
    stored_alignments,
)
from counterpoint.store.stories import stories


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
    wording: list[SourceWording] = field(default_factory=list)  # side A's, then side B's

    def framing_by_actor(self) -> list[tuple[str, list[ActorFraming | None]]]:
        """Actor name -> how side A and side B frame it, most mentioned first, then by name (so
        the same store always gives the same rows)."""
        sides = [{f.entity: f for f in self.framing.get(s.name, [])} for s in (self.a, self.b)]
        shared = set(sides[0]) & set(sides[1])
        rows = [(sides[0][e].name, [side.get(e) for side in sides]) for e in shared]
        return sorted(rows, key=lambda row: (-sum(f.mentions for f in row[1] if f), row[0]))

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


def diff(a: str, b: str, db: str | Path = DEFAULT_DB, story: str | None = None) -> SourceDiff:
    """`source_diff` on the store at `db` (what `counterpoint diff` calls)."""
    with Store(db, read_only=True) as store:
        return source_diff(store, a, b, story=story)


def source_diff(
    store: Store, a: str, b: str, settings: Settings = Settings(), story: str | None = None
) -> SourceDiff:
    """How side `a` and side `b` relate, sentence by sentence, and how each frames the actors
    they share; with `story`, only the documents of that story on each side."""
    side_a, side_b = find_side(store, a), find_side(store, b)
    if story is not None:
        found = find_story(store, story)
        side_a, side_b = (_within(side, found) for side in (side_a, side_b))
    if set(side_a.docs) & set(side_b.docs):
        raise CounterpointError(f"{a!r} and {b!r} share documents; compare two different sides")
    statements = load_statements(store, side_a.docs + side_b.docs, settings)
    for s in statements:  # the sides are what is compared, whatever the outlets
        s.source = side_a.name if s.doc in side_a.docs else side_b.name
    diff = SourceDiff(side_a, side_b)
    groups = _groups(store, [s.id for s in statements])
    by_id = {s.id: s for s in statements}
    members = {g: [by_id[i] for i in items if i in by_id] for g, items in sorted(groups.items())}
    attach_vectors(store, statements, settings.align, compute=False)
    judged = [s for items in members.values() for s in needs_vectors(items, settings.align)]
    attach_vectors(store, judged, settings.align)
    diff.alignments = merge_same(
        a for group, items in members.items() for a in judge(group, items, settings.align)
    )
    plain = _plain(store, side_a.docs + side_b.docs, statements, settings)
    for s in plain:
        s.source = side_a.name if s.doc in side_a.docs else side_b.name
    embedder = partial(embed_missing, settings=settings.align)
    diff.alignments += omissions(statements, diff.alignments, settings.align, embedder, plain)
    framing = frame_actors(
        store,
        {side.name: side.docs for side in (side_a, side_b)},
        language=settings.language,
        settings=settings.framing,
    )
    shared = {f.entity for f in framing if f.source == side_a.name} & {
        f.entity for f in framing if f.source == side_b.name
    }
    diff.framing = {
        side.name: [f for f in framing if f.source == side.name and f.entity in shared]
        for side in (side_a, side_b)
    }
    diff.wording = source_wording(
        store, {side.name: side.docs for side in (side_a, side_b)}, settings.framing
    )
    return diff


def find_story(store: Store, ref: str) -> Story:
    """A story by its id or the start of it."""
    found = [s for s in stories(store) if s.id.startswith(ref)]
    if len(found) == 1:
        return found[0]
    if found:
        raise CounterpointError(f"{ref!r} names {len(found)} stories; give more of the id")
    raise CounterpointError(
        f"no story has the id {ref!r}; see 'counterpoint stories' for the stories"
    )


def _within(side: Side, story: Story) -> Side:
    docs = [d for d in side.docs if d in story.documents]
    if not docs:
        raise CounterpointError(f"{side.name!r} has no document in story {story.id}")
    return Side(side.name, docs)


def corpus_alignments(store: Store, settings: Settings = Settings()) -> list[Alignment]:
    """Every stored alignment, and each source's most central omissions in each story."""
    alignments = merge_same(stored_alignments(store))
    docs = all_document_ids(store)
    statements = load_statements(store, docs, settings)
    attach_vectors(store, statements, settings.align, compute=False)
    plain = _plain(store, docs, statements, settings)
    embedder = partial(embed_missing, settings=settings.align)
    return alignments + omissions(statements, alignments, settings.align, embedder, plain)


def _plain(
    store: Store, docs: Sequence[str], statements: list[Statement], settings: Settings
) -> list[Statement]:
    """The sentences of `docs` without a statement, with their stored embeddings."""
    plain = plain_sentences(store, docs, settings, {(s.doc, s.sentence) for s in statements})
    attach_vectors(store, plain, settings.align, compute=False)
    return plain


def omissions(
    statements: list[Statement],
    alignments: list[Alignment],
    settings: AlignSettings = AlignSettings(),
    embed: Embedder | None = None,
    plain: Sequence[Statement] = (),
) -> list[Alignment]:
    """Sentences whose facts only one source reports: within a story, no sentence of another
    source is aligned with it (even as only "related": precision first) or says the same (by
    meaning or words), while another source of
    the story names the same actors. At most `unique_per_source` per source and story, most
    central first; scores are scaled so that each one's most central omission scores 1.
    `embed` gives the sentences that lack one an embedding when the check needs it (the
    align stage embeds only the sentences it compares); without it, those are compared by
    their words. `plain` are the sentences that hold no statement (`plain_sentences`): what
    they say is checked too."""
    aligned = {(e.doc, e.sentence) for al in alignments for e in al.evidence}
    by_story: dict[str | None, list[Statement]] = defaultdict(list)
    for s in statements:
        by_story[s.story].append(s)
    plain_by_story: dict[str | None, list[Statement]] = defaultdict(list)
    for s in plain:
        plain_by_story[s.story].append(s)
    result = []
    for story, told in by_story.items():
        others = plain_by_story.get(story, [])
        for found in _omissions_by_source(told, aligned, settings, embed, others).values():
            top = found[0].centrality if found else 1.0
            result += [_unique(o, top) for o in found]
    return result


Embedder = Callable[[list[Statement]], None]


@dataclass
class _Omission:
    """The unaligned items of one sentence, and the other sources that name its actors."""

    centrality: float
    items: list[Statement]
    elsewhere: list[str]


def _omissions_by_source(
    statements: list[Statement],
    aligned: set[tuple[str, int]],
    settings: AlignSettings,
    embed: Embedder | None = None,
    plain: Sequence[Statement] = (),
) -> dict[str, list[_Omission]]:
    """Each source's omissions, most central first, at most `unique_per_source`: the others
    are never checked against what the other sources say (which may need embeddings)."""
    sources = sorted({s.source for s in statements})
    if len(sources) < 2:
        return {}
    covered: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for s in statements:  # actor -> source -> days it is named on
        for entity in s.entities:
            covered[entity][s.source].append(s.published.toordinal() if s.published else 0)
    sentences: dict[tuple[str, int], list[Statement]] = defaultdict(list)
    for s in statements:
        sentences[(s.doc, s.sentence)].append(s)
    candidates: dict[str, list[_Omission]] = defaultdict(list)
    for key, items in sentences.items():
        first = items[0]
        if key in aligned or not first.entities:
            continue
        day = first.published.toordinal() if first.published else 0
        entities = set().union(*(i.entities for i in items))
        named_elsewhere = {
            entity: {
                source
                for source, days in covered[entity].items()
                if source != first.source
                and (not day or any(not d or abs(d - day) <= settings.period_days for d in days))
            }
            for entity in entities
        }
        elsewhere = sorted(set().union(*named_elsewhere.values()))
        if not elsewhere:
            continue
        # Central: it names several actors the other sources also name, widely named ones most.
        centrality = sum(len(covered[e]) / len(sources) for e, s in named_elsewhere.items() if s)
        candidates[first.source].append(_Omission(centrality, items, elsewhere))
    said = _Said([items[0] for items in sentences.values()] + list(plain), embed)
    found: dict[str, list[_Omission]] = {}
    for source, listed in candidates.items():
        listed.sort(key=lambda o: (-o.centrality, o.items[0].id))
        kept = found[source] = []
        for omission in listed:
            if len(kept) >= settings.unique_per_source:
                break
            if not said.elsewhere(omission.items[0], settings):
                kept.append(omission)
    return found


class _Said:
    """The sentences of each source, to ask whether another source says what one says."""

    def __init__(self, firsts: list[Statement], embed: Embedder | None = None) -> None:
        self.firsts = firsts
        self.embed = embed

    def elsewhere(self, sentence: Statement, settings: AlignSettings) -> bool:
        """Another source has a sentence sharing most of its words or as close in meaning.
        Closeness alone, though e5 puts two sentences about one actor close: on the labelled
        pairs, asking also for a shared event or figure listed three times as many sentences
        the other side does report (bench/README.md, cross_source_relations.py). Of the other
        sentences, the `unique_partners` sharing most words are compared by meaning: embedding
        every sentence of a story costs more than a comparison is worth."""
        others = [o for o in self.firsts if o.source != sentence.source]
        if any(overlap(o.words, sentence.words) >= settings.same_sentence_overlap for o in others):
            return True
        near = sorted(others, key=lambda o: (-jaccard(o.words, sentence.words), o.id))
        near = near[: settings.unique_partners]
        if self.embed is not None:
            self.embed([sentence, *near])
        if sentence.vector is None:
            return False
        vectors = [o.vector for o in near if o.vector is not None]
        return (
            bool(vectors)
            and float(np.max(np.stack(vectors) @ sentence.vector)) >= settings.same_sentence_cosine
        )


def _unique(omission: _Omission, top: float) -> Alignment:
    """An omission as a "unique" alignment, scored against its source's most central one."""
    items = omission.items
    group = "unique:" + items[0].id
    words = ", ".join(dict.fromkeys(i.text for i in items))
    note = f"only here ({words}); the same actors are in {', '.join(omission.elsewhere)}"
    return Alignment(
        id=alignment_id("unique", [(items[0].doc, items[0].sentence)]),
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
        "wording": [
            {**w.__dict__, "share": round(w.share, 4), "examples": [e.__dict__ for e in w.examples]}
            for w in diff.wording
        ],
    }


def alignment_data(alignment: Alignment) -> dict[str, Any]:
    return {
        "id": alignment.id,
        "kind": alignment.kind,
        "relation": alignment.relation,
        "score": alignment.score,
        "members": list(alignment.members),
        "evidence": [e.__dict__ for e in alignment.evidence],
        "reason": alignment.reason,
    }
