"""What the resolve stage reads from and writes to the store: each document's own resolution,
made once and kept, and the keys of all documents, one row per key, for linking them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import pyarrow as pa

from counterpoint.records import CandidateLink, KeyItem, LocalResolution, Mention
from counterpoint.store.database import Store

_IN_LIST = "IN (SELECT unnest(?::VARCHAR[]))"
_FINGERPRINT = "local_resolution"  # meta key: what the kept resolutions were made with
# A document's own resolution: forgotten together when the settings it was made with change.
_LOCAL_TABLES = (
    "resolved_documents",
    "resolution_keys",
    "key_aliases",
    "local_candidates",
    "name_votes",
)


def documents_to_resolve(store: Store, fingerprint: str) -> list[str]:
    """Documents without their own resolution, or all of them where the kept ones were made
    with other settings (`fingerprint`), which are then forgotten."""
    if store.meta().get(_FINGERPRINT) != fingerprint:
        with store.transaction():
            for table in _LOCAL_TABLES:
                store.con.execute(f"DELETE FROM {table}")
            store.con.execute("UPDATE mentions SET key = NULL WHERE key IS NOT NULL")
            store.con.execute(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)", [_FINGERPRINT, fingerprint]
            )
    rows = store.con.execute(
        "SELECT id FROM documents WHERE id NOT IN (SELECT doc FROM resolved_documents) ORDER BY id"
    ).fetchall()
    return [row[0] for row in rows]


def resolution_inputs(
    store: Store, docs: Sequence[str]
) -> list[tuple[str, str, list[Mention], list[tuple[int, int]]]]:
    """For each document: its text, its mentions and the pairs of mentions its text says are
    one actor (a description and the person it stands for)."""
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for mention in store.records(
        Mention, f"mentions WHERE doc {_IN_LIST}", 'doc, "index"', [list(docs)]
    ):
        mentions[mention.doc].append(mention)
    same_as: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, source, target in store.con.execute(
        f"""SELECT doc, source, target FROM relations WHERE kind = 'same_as'
        AND target IS NOT NULL AND doc {_IN_LIST}""",
        [list(docs)],
    ).fetchall():
        same_as[doc].append((source, target))
    texts = store.con.execute(
        f"SELECT id, text FROM documents WHERE id {_IN_LIST} ORDER BY id", [list(docs)]
    ).fetchall()
    return [(doc, text, mentions[doc], same_as[doc]) for doc, text in texts]


def add_local_resolutions(store: Store, results: Sequence[LocalResolution]) -> None:
    """Keep the documents' own resolutions, all or none."""
    keys = [(r.doc, index, key) for r in results for index, key in r.keys.items()]
    items = {key: item for r in results for key, item in r.items.items()}
    with store.transaction():
        if keys:
            doc, index, key = [list(c) for c in zip(*keys, strict=True)]
            data = pa.table({"doc": doc, "index": pa.array(index, pa.int32()), "key": key})
            with store.registered(data) as name:
                store.con.execute(
                    f"""UPDATE mentions SET key = new.key FROM {name} AS new
                    WHERE mentions.doc = new.doc AND mentions."index" = new."index" """
                )
        store.con.execute(f"""DELETE FROM resolution_keys WHERE key {_IN_LIST}""", [list(items)])
        store.insert_columns(
            "resolution_keys",
            {
                "key": list(items),
                "name": [i.name for i in items.values()],
                "kind": [i.kind for i in items.values()],
                "iso": [i.iso for i in items.values()],
                "place": [i.place for i in items.values()],
                "description": [i.description for i in items.values()],
            },
        )
        aliases = [(r.doc, alias, key) for r in results for alias, key in r.aliases]
        store.insert_columns(
            "key_aliases",
            {name: [row[i] for row in aliases] for i, name in enumerate(("doc", "alias", "key"))},
        )
        links = [(r.doc, c) for r in results for c in r.candidates]
        store.insert_columns(
            "local_candidates",
            {
                "doc": [doc for doc, _ in links],
                "a": [c.a for _, c in links],
                "b": [c.b for _, c in links],
                "score": [c.score for _, c in links],
                "reason": [c.reason for _, c in links],
            },
        )
        votes = [(r.doc, name, kind, n) for r in results for (name, kind), n in r.votes.items()]
        store.insert_columns(
            "name_votes",
            {
                name: [row[i] for row in votes]
                for i, name in enumerate(("doc", "name", "kind", "mentions"))
            },
        )
        store.insert_columns("resolved_documents", {"doc": [r.doc for r in results]})


def key_items(store: Store) -> list[KeyItem]:
    """Every key in use, with the number of mentions carrying it."""
    rows = store.con.execute(
        """SELECT k.key, k.name, k.kind, k.iso, k.place, k.description, n.mentions
        FROM resolution_keys k JOIN (SELECT key, count(*) AS mentions FROM mentions
            WHERE key IS NOT NULL GROUP BY key) n ON n.key = k.key
        ORDER BY k.key"""
    ).fetchall()
    return [KeyItem(*row) for row in rows]


def name_votes(store: Store) -> dict[tuple[str, str], int]:
    """How often the tagger gave each name each type, in all documents."""
    rows = store.con.execute("SELECT name, kind, sum(mentions) FROM name_votes GROUP BY ALL")
    return {(name, kind): int(n) for name, kind, n in rows.fetchall()}


def key_aliases(store: Store) -> list[tuple[str, str]]:
    rows = store.con.execute("SELECT DISTINCT alias, key FROM key_aliases ORDER BY ALL")
    return [(alias, key) for alias, key in rows.fetchall()]


def local_candidates(store: Store) -> list[CandidateLink]:
    rows = store.con.execute(
        "SELECT DISTINCT a, b, score, reason FROM local_candidates ORDER BY ALL"
    ).fetchall()
    return [CandidateLink(*row) for row in rows]


def key_forms(store: Store) -> dict[str, Counter[tuple[str, bool]]]:
    """How each key is written: (text, whether a description) -> mentions."""
    forms: dict[str, Counter[tuple[str, bool]]] = defaultdict(Counter)
    for key, text, description, n in store.con.execute(
        """SELECT key, text, label = 'DESC', count(*) FROM mentions WHERE key IS NOT NULL
        GROUP BY ALL"""
    ).fetchall():
        forms[key][(text, description)] = n
    return forms
