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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tqdm import tqdm

from counterpoint.align.embeddings import attach_vectors
from counterpoint.align.judge import judge
from counterpoint.align.load import load_statements
from counterpoint.align.similarity import similarity
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
    file_under_keys,
    filed_under,
    groups_of,
    mark_aligned,
    members_of,
    merge_group,
    replace_alignments,
    unaligned_documents,
    unfile,
)


@dataclass
class AlignResult:
    items: int = 0
    links: int = 0
    alignments: int = 0


def align_documents(store: Store, docs: Iterable[str], settings: Settings) -> AlignResult:
    """File the items of `docs` (already stored and resolved), link them to the items of other
    documents about the same thing, and judge again every group they join. Runs in one
    transaction: an interrupted run leaves the alignment as it was."""
    docs = sorted(set(docs))
    result = AlignResult()
    if not docs:
        return result
    align = settings.align
    new = load_statements(store, docs, settings.language)
    result.items = len(new)
    with store.transaction():
        unfile(store, [s.id for s in new])
        keys = {s.id: blocking_keys(s, align) for s in new}
        filed = [FiledKey(k, s.id, s.day) for s in new for k in own_keys(s, keys[s.id], align)]
        file_under_keys(store, filed)
        found = candidates(store, new, keys, align)
        near = set().union(*found.values()) if found else set()
        others = load_statements(
            store, sorted({parse_item_id(i)[1] for i in near} - set(docs)), settings.language
        )
        pool = {s.id: s for s in [*new, *others]}
        if align.vectors:
            attach_vectors(store, [s for s in pool.values() if s.id in near or s.id in keys])
        links = _links(new, found, pool, align) + _inner_links(new)
        result.links = len(links)
        touched = _join_groups(store, links)
        result.alignments = _judge_groups(store, touched, pool, settings)
        mark_aligned(store, docs)
    return result


def candidates(
    store: Store, items: list[Statement], keys: dict[str, list[str]], settings: AlignSettings
) -> dict[str, set[str]]:
    """For each new item, the items of other documents under its keys, nearest in time first,
    at most `key_cap` per key."""
    wanted = sorted({k for item in items for k in keys[item.id]})
    postings: dict[str, list[FiledKey]] = defaultdict(list)
    for filed in filed_under(store, wanted):
        postings[filed.key].append(filed)
    found: dict[str, set[str]] = {}
    for item in items:
        near: set[str] = set()
        for key in keys[item.id]:
            posting = [f for f in postings.get(key, []) if parse_item_id(f.item)[1] != item.doc]
            posting.sort(key=lambda f: abs((f.day or 0) - (item.day or 0)))
            near.update(f.item for f in posting[: settings.key_cap])
        found[item.id] = near
    return found


def _links(
    new: list[Statement],
    candidates: dict[str, set[str]],
    pool: dict[str, Statement],
    settings: AlignSettings,
) -> list[Link]:
    """Each new item to the best-scoring item of each other document, above the threshold."""
    links = []
    for item in new:
        threshold = settings.link_threshold(item.kind)
        best: dict[str, tuple[float, str]] = {}
        for other_id in candidates.get(item.id, ()):
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
        for claim in (c for c in group if c.kind == "claim"):
            for other in group:
                if other.kind != "claim" and claim.start <= other.start and other.end <= claim.end:
                    links.append(Link(claim.id, other.id, 1.0, "inside claim"))
        for toll in (f for f in group if f.kind == "figure" and is_tally(f)):
            for event in group:
                if event.kind == "event" and event.sentence == toll.sentence:
                    links.append(Link(toll.id, event.id, 1.0, "toll of the event"))
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
) -> int:
    """Judge `groups` again, with members of other documents loaded as needed; the number of
    alignments found."""
    if not groups:
        return 0
    rows = members_of(store, sorted(groups))
    members: dict[str, list[str]] = defaultdict(list)
    for group, item in rows:
        members[group].append(item)
    missing = {parse_item_id(i)[1] for _, i in rows if i not in pool}
    pool = {**pool, **{s.id: s for s in load_statements(store, sorted(missing), settings.language)}}
    if settings.align.vectors:
        attach_vectors(store, [pool[i] for _, i in rows if i in pool])
    alignments = [
        a
        for group in sorted(members)
        for a in judge(group, [pool[i] for i in members[group] if i in pool], settings.align)
    ]
    replace_alignments(store, sorted(groups), alignments)
    return len(alignments)


def align_all(store: Store, settings: Settings, progress: bool = False) -> None:
    """Align the documents not aligned yet, a batch per transaction."""
    todo = unaligned_documents(store)
    size = settings.align.batch
    with tqdm(total=len(todo), unit="doc", desc="align", disable=not progress) as bar:
        for first in range(0, len(todo), size):
            batch = todo[first : first + size]
            align_documents(store, batch, settings)
            bar.update(len(batch))
