"""Align: group the events, figures and claims of different documents that speak of the same
thing, and judge how their sources relate (corroborate, contradict, evolves, reframe).

Alignment grows with the store one document at a time, so that adding an article costs about
log N in a store of N articles rather than N:
- each item is filed under a few blocking keys (an actor of its sentence with its kind of fact
  and month, its trigger or unit with its month, its value);
- a new item is scored only against the items filed under its keys (indexed lookups, each list
  cut to the items nearest in time) and linked to the best match of each other document;
- linked items form groups (union-find kept in the store); only the groups a new document
  joins are judged again;
- a sentence is embedded only when its embedding could change a link (`undecided`) or a
  judgement (`needs_vectors`): embedding costs far more than the rest of the stage, and most
  pairs are decided by their other signals. Each is embedded once and kept in the store.
The work for one document is bounded whatever its text (`AlignSettings`: `max_items`,
`vector_span`, `vector_chars`, `key_cap`, `max_judged`): a document over a bound is aligned in
part, and the result says so.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from tqdm import tqdm

from counterpoint.align.embeddings import attach_vectors
from counterpoint.align.judge import judge, needs_vectors
from counterpoint.align.load import load_statements
from counterpoint.align.similarity import similarity, similarity_bounds
from counterpoint.align.statements import (
    Statement,
    blocking_keys,
    is_tally,
    own_keys,
    parse_item_id,
)
from counterpoint.config import AlignSettings, Settings
from counterpoint.store import Store
from counterpoint.store.alignment import (
    FiledKey,
    Link,
    add_links,
    add_to_groups,
    documents_by_id,
    file_under_keys,
    groups_of,
    mark_aligned,
    members_of,
    merge_group,
    nearest_filed,
    replace_alignments,
    unaligned_documents,
    unfile,
)


@dataclass
class AlignResult:
    items: int = 0
    links: int = 0
    alignments: int = 0
    warnings: list[str] = field(default_factory=list)  # documents aligned in part, and why


def align_documents(store: Store, docs: Iterable[str], settings: Settings) -> AlignResult:
    """File the items of `docs` (already stored and resolved), link them to the items of other
    documents about the same thing, and judge again every group they join. Runs in one
    transaction: an interrupted run leaves the alignment as it was."""
    docs = sorted(set(docs))
    result = AlignResult()
    if not docs:
        return result
    align = settings.align
    stored = load_statements(store, docs, settings)
    new = _first_items(stored, align.max_items)
    result.items = len(new)
    with store.transaction():
        unfile(store, [s.id for s in new])
        keys = {s.id: blocking_keys(s, align) for s in new}
        filed = [FiledKey(k, s.id, s.day) for s in new for k in own_keys(s, keys[s.id], align)]
        file_under_keys(store, filed)
        found = candidates(store, new, keys, align)
        near = set().union(*found.values()) if found else set()
        others = load_statements(
            store, sorted({parse_item_id(i)[1] for i in near} - set(docs)), settings, near
        )
        pool = {s.id: s for s in [*new, *others]}
        if align.vectors:
            attach_vectors(store, list(pool.values()), align, compute=False)
            attach_vectors(store, undecided(new, found, pool, align), align)
        links = _links(new, found, pool, align) + _inner_links(new)
        result.links = len(links)
        touched = _join_groups(store, links)
        result.alignments, cut = _judge_groups(store, touched, pool, settings)
        mark_aligned(store, docs)
    result.warnings = _warnings(store, stored, cut, align)
    return result


def _first_items(items: list[Statement], cap: int) -> list[Statement]:
    """The items of each document, but of a document with more than `cap` only its first
    `cap` in the text."""
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for item in items:
        by_doc[item.doc].append(item)
    kept = {
        s.id
        for group in by_doc.values()
        for s in sorted(group, key=lambda s: (s.start, s.end, s.id))[:cap]
    }
    return [s for s in items if s.id in kept]


def _warnings(
    store: Store, stored: list[Statement], cut: list[str], settings: AlignSettings
) -> list[str]:
    """What was left out of the alignment of the documents whose items are `stored`, one line
    per document."""
    items: dict[str, int] = defaultdict(int)
    last_sentence: dict[str, int] = defaultdict(int)  # where the last sentence with items starts
    for s in stored:
        items[s.doc] += 1
        last_sentence[s.doc] = max(last_sentence[s.doc], s.context_start)
    reasons: dict[str, list[str]] = defaultdict(list)
    for doc, count in items.items():
        if count > settings.max_items:
            reasons[doc].append(f"only its first {settings.max_items} items are aligned")
        if settings.vectors and last_sentence[doc] >= settings.vector_span:
            reasons[doc].append(
                f"only the sentences of its first {settings.vector_span} characters are "
                "compared by meaning"
            )
    for doc in sorted({parse_item_id(item)[1] for item in cut} & set(items)):
        reasons[doc].append(f"a group it joins is judged on {settings.max_judged} of its items")
    return [
        f"{_name(store, doc)}: aligned in part: " + "; ".join(why)
        for doc, why in sorted(reasons.items())
    ]


def candidates(
    store: Store, items: list[Statement], keys: dict[str, list[str]], settings: AlignSettings
) -> dict[str, set[str]]:
    """For each new item, the items of other documents under its keys, nearest in time first,
    at most `key_cap` per key. The items of one document about one day share their lookups: a
    long document's thousands of items do not each read the same long list."""
    lookups = sorted({(key, s.doc, s.day or 0) for s in items for key in keys[s.id]})
    nearest = nearest_filed(store, lookups, settings.key_cap)
    return {
        s.id: {found for key in keys[s.id] for found in nearest.get((key, s.doc, s.day or 0), [])}
        for s in items
    }


def undecided(
    new: list[Statement],
    candidates: dict[str, set[str]],
    pool: dict[str, Statement],
    settings: AlignSettings,
) -> list[Statement]:
    """The items whose sentences' embeddings could change the links `_links` makes, with
    their candidates: embedding costs far more than the other signals, and most pairs are
    decided by those alone. An item and the candidates of one other document that could
    reach the threshold are all needed, unless one of them is linked whatever the embeddings
    say (it reaches the threshold at its lowest, and no other can beat it)."""
    wanted: dict[str, Statement] = {}
    for item in new:
        threshold = settings.link_threshold(item.kind)
        hopeful: dict[str, list[tuple[float, float, Statement]]] = defaultdict(list)
        for other_id in sorted(candidates.get(item.id, ())):
            other = pool.get(other_id)
            if other is None:
                continue
            low, high = similarity_bounds(item, other, settings)
            if high >= threshold:
                hopeful[other.doc].append((low, high, other))
        for found in hopeful.values():
            best = max(found, key=lambda f: f[0])
            if best[0] >= threshold and all(f[1] < best[0] for f in found if f is not best):
                continue
            wanted[item.id] = item
            wanted.update((other.id, other) for _, _, other in found)
    return list(wanted.values())


def _links(
    new: list[Statement],
    candidates: dict[str, set[str]],
    pool: dict[str, Statement],
    settings: AlignSettings,
) -> list[Link]:
    """Each new item to the best-scoring item of each other document, above the threshold; of
    equal scores the first by id, so that two runs link alike."""
    links = []
    for item in new:
        threshold = settings.link_threshold(item.kind)
        best: dict[str, tuple[float, str]] = {}
        for other_id in sorted(candidates.get(item.id, ())):
            other = pool.get(other_id)
            if other is None:
                continue
            score = similarity(item, other, settings)
            if score >= threshold and score > best.get(other.doc, (0.0, ""))[0]:
                best[other.doc] = (score, other.id)
        links += [
            Link(item.id, other, round(score, 3), "similar") for score, other in best.values()
        ]
    return links


def _inner_links(items: list[Statement]) -> list[Link]:
    """Within a document, a claim is about the events and figures inside its content, and a
    toll (deaths, injuries, arrests) counts the events of its sentence."""
    links = []
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for item in items:
        by_doc[item.doc].append(item)
    for group in by_doc.values():
        # (start, position in the document's list) of its events and figures: the ones inside a
        # claim are found by bisection and kept in the document's order
        facts = sorted((s.start, n) for n, s in enumerate(group) if s.kind != "claim")
        starts = [start for start, _ in facts]
        for claim in (c for c in group if c.kind == "claim"):
            inside = facts[bisect_left(starts, claim.start) : bisect_right(starts, claim.end)]
            for n in sorted(n for _, n in inside):
                if group[n].end <= claim.end:
                    links.append(Link(claim.id, group[n].id, 1.0, "inside claim"))
        events: dict[int, list[Statement]] = defaultdict(list)
        for event in (e for e in group if e.kind == "event"):
            events[event.sentence].append(event)
        for toll in (f for f in group if f.kind == "figure" and is_tally(f)):
            links += [Link(toll.id, e.id, 1.0, "toll of the event") for e in events[toll.sentence]]
    return links


def _join_groups(store: Store, links: list[Link]) -> set[str]:
    """Merge the groups the links join (a group is named by its first item) and return the
    groups to judge again."""
    if not links:
        return set()
    add_links(store, links)
    items = sorted({i for link in links for i in (link.a, link.b)})
    group_of = groups_of(store, items)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for link in links:
        ra, rb = find(group_of.get(link.a, link.a)), find(group_of.get(link.b, link.b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    for old in sorted(set(group_of.values())):
        if find(old) != old:
            merge_group(store, old, find(old))
    fresh = [i for i in items if i not in group_of]
    add_to_groups(store, fresh, [find(i) for i in fresh])
    return {find(i) for i in items}


def _judge_groups(
    store: Store, groups: set[str], pool: dict[str, Statement], settings: Settings
) -> tuple[int, list[str]]:
    """Judge `groups` again, with members of other documents loaded as needed; the number of
    alignments found, and the items of the groups judged in part. Judging is quadratic in a
    group's size: a group of more than `max_judged` items is judged on the items at hand (the
    new documents' and their matches) first, then the others in order of their ids."""
    if not groups:
        return 0, []
    cap = settings.align.max_judged
    members: dict[str, list[str]] = defaultdict(list)
    for group, item in members_of(store, sorted(groups)):
        members[group].append(item)
    cut = [i for group in members.values() if len(group) > cap for i in group]
    for group, items in members.items():
        if len(items) > cap:
            members[group] = sorted(items, key=lambda i: (i not in pool, i))[:cap]
    wanted = {i for items in members.values() for i in items}
    missing = wanted - pool.keys()
    loaded = load_statements(
        store, sorted({parse_item_id(i)[1] for i in missing}), settings, missing
    )
    pool = {**pool, **{s.id: s for s in loaded}}
    if settings.align.vectors:
        attach_vectors(
            store, [pool[i] for i in sorted(wanted) if i in pool], settings.align, compute=False
        )
        needed = {
            s.id: s
            for group in members.values()
            for s in needs_vectors([pool[i] for i in group if i in pool], settings.align)
        }
        attach_vectors(store, list(needed.values()), settings.align)
    alignments = [
        a
        for group in sorted(members)
        for a in judge(group, [pool[i] for i in members[group] if i in pool], settings.align)
    ]
    replace_alignments(store, sorted(groups), alignments)
    return len(alignments), cut


def align_all(
    store: Store, settings: Settings, progress: bool = False, docs: Collection[str] | None = None
) -> list[str]:
    """Align the documents not aligned yet (those of `docs` only, if given), a batch per
    transaction; the warnings about documents aligned in part or not at all."""
    todo = [doc for doc in unaligned_documents(store) if docs is None or doc in docs]
    size = settings.align.batch
    warnings = []
    with tqdm(total=len(todo), unit="doc", desc="align", disable=not progress) as bar:
        for first in range(0, len(todo), size):
            batch = todo[first : first + size]
            warnings += _align_batch(store, batch, settings)
            bar.update(len(batch))
    return warnings


def _align_batch(store: Store, batch: list[str], settings: Settings) -> list[str]:
    """Align `batch`; if that fails (a bug, bad data), its transaction is rolled back and its
    documents are aligned one by one. A document that fails alone is marked aligned without
    its items, so that it does not stop every later run, and named in a warning."""
    try:
        return align_documents(store, batch, settings).warnings
    except Exception as error:  # rolled back: its documents are tried one by one
        together = f"{type(error).__name__}: {error}"
    warnings = []
    left = set(unaligned_documents(store))  # the batch may have failed after its commit
    alone = 0
    for doc in (d for d in batch if d in left):
        try:
            warnings += align_documents(store, [doc], settings).warnings
            alone += 1
        except Exception as error:
            with store.transaction():
                mark_aligned(store, [doc])
            warnings.append(
                f"{_name(store, doc)}: not aligned, left out of the comparison of sources "
                f"({type(error).__name__}: {error})"
            )
    if alone > 1 and alone == len(left & set(batch)):  # no document was at fault: a bug
        warnings.append(
            f"{alone} documents could not be aligned together ({together}) but each could "
            "alone; they were aligned one at a time, which is slower. Please report this bug."
        )
    return warnings


def _name(store: Store, doc: str) -> str:
    """The file a document was read from, else its id."""
    found = documents_by_id(store, [doc]).get(doc)
    return found.source_path if found and found.source_path else doc
