"""What the resolve stage reads from and writes to the store. Each document's own resolution
is made once and kept (its mentions' keys, the aliases it defines, the merges it leaves open,
the types its tagger gave each name); the linking of keys across documents keeps its state too
(each key's entity and the open merges it found), so that new documents are linked by reading
only the keys they can affect: those sharing a token with theirs, and the entities those belong
to (see `region`)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

import pyarrow as pa

from counterpoint.records import (
    TIES_TO_BODIES,
    KeyItem,
    LocalResolution,
    Mention,
    Resolution,
    merged_keys,
)
from counterpoint.store.database import Store

_IN_LIST = "IN (SELECT unnest(?::VARCHAR[]))"
_FINGERPRINT = "local_resolution"  # meta key: what the kept resolutions were made with
_CORRECTED = "resolution_corrected"  # meta key: the entities shown carry the user's corrections
# Forgotten together when the settings the documents' own resolutions were made with change.
_RESOLUTION_TABLES = (
    "resolved_documents",
    "resolution_keys",
    "key_forms",
    "name_votes",
    "key_aliases",
    "key_tokens",
    "local_candidates",
    "link_candidates",
)


def documents_to_resolve(store: Store, fingerprint: str) -> list[str]:
    """Documents without their own resolution, or all of them where the kept ones were made
    with other settings (`fingerprint`), which are then forgotten."""
    if store.meta().get(_FINGERPRINT) != fingerprint:
        with store.transaction():
            for table in _RESOLUTION_TABLES:
                store.con.execute(f"DELETE FROM {table}")
            store.con.execute("UPDATE mentions SET key = NULL, reason = NULL WHERE key IS NOT NULL")
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
    """Keep the documents' own resolutions, all or none; they wait to be linked."""
    keyed = [
        (r.doc, index, key, r.reasons.get(index)) for r in results for index, key in r.keys.items()
    ]
    items, forms = merged_keys(results)
    with store.transaction():
        if keyed:
            data = pa.table(_columns(["doc", "index", "key", "reason"], keyed))
            with store.registered(data) as name:
                store.con.execute(
                    f"""UPDATE mentions SET key = new.key, reason = new.reason FROM {name} AS new
                    WHERE mentions.doc = new.doc AND mentions."index" = new."index" """
                )
        rows = [
            (k, i.name, i.kind, i.iso, i.place, i.description, i.mentions, None)
            for k, i in items.items()
        ]
        columns = ["key", "name", "kind", "iso", "place", "description", "mentions", "entity"]
        _upsert(store, "resolution_keys", columns, rows, "key", "mentions", "place")
        _upsert(
            store,
            "key_forms",
            ["key", "text", "description", "mentions"],
            [(key, *form, n) for key, found in forms.items() for form, n in found.items()],
            "key, text, description",
            "mentions",
        )
        aliases = sorted({pair for r in results for pair in r.aliases})
        store.insert_columns("key_aliases", _columns(["alias", "key"], aliases), keep_existing=True)
        store.insert_columns(
            "name_votes",
            _columns(
                ["doc", "name", "kind", "mentions"],
                [(r.doc, name, kind, n) for r in results for (name, kind), n in r.votes.items()],
            ),
        )
        store.insert_columns(
            "local_candidates",
            _columns(
                ["doc", "a", "b", "score", "reason"],
                [(r.doc, c.a, c.b, c.score, c.reason) for r in results for c in r.candidates],
            ),
        )
        store.insert_columns(
            "resolved_documents", _columns(["doc", "linked"], [(r.doc, False) for r in results])
        )


def _columns(names: Sequence[str], rows: Sequence[Sequence[object]]) -> dict[str, list[object]]:
    """Rows as columns, for `Store.insert_columns` and Arrow."""
    return {name: [row[i] for row in rows] for i, name in enumerate(names)}


def _upsert(
    store: Store,
    table: str,
    columns: list[str],
    rows: Sequence[Sequence[object]],
    conflict: str,
    counter: str,
    least: str = "",
) -> None:
    """Insert the rows; where one exists, add to its `counter` instead (and keep the least of
    its `least` column and the new one, so that the order of arrival does not matter)."""
    if not rows:
        return
    data = pa.table(_columns(columns, rows))
    quoted = ", ".join(f'"{c}"' for c in columns)
    also = f", {least} = least({table}.{least}, EXCLUDED.{least})" if least else ""
    with store.registered(data) as name:
        store.con.execute(
            f"""INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {name}
            ON CONFLICT ({conflict})
            DO UPDATE SET {counter} = {table}.{counter} + EXCLUDED.{counter}{also}"""
        )


# -- linking ------------------------------------------------------------------------------------


def corrected(store: Store) -> bool:
    """Whether the entities shown carry the user's corrections."""
    return store.meta().get(_CORRECTED) == "1"


def keys_to_link(store: Store, everything: bool = False) -> list[KeyItem]:
    """The keys of the documents not linked yet, and the keys of every name they gave a type;
    with `everything`, all keys."""
    where = "" if everything else f"WHERE key IN ({_UNLINKED})"
    return [KeyItem(*row) for row in store.con.execute(f"{_KEY_ITEMS} {where}").fetchall()]


_KEY_ITEMS = "SELECT key, name, kind, iso, place, description, mentions FROM resolution_keys"
_UNLINKED = """
    SELECT key FROM mentions WHERE key IS NOT NULL
        AND doc IN (SELECT doc FROM resolved_documents WHERE NOT linked)
    UNION SELECT key FROM resolution_keys WHERE name IN (SELECT name FROM name_votes
        WHERE doc IN (SELECT doc FROM resolved_documents WHERE NOT linked))"""


def name_kinds(store: Store, names: Iterable[str]) -> dict[str, set[str]]:
    """Every type each name was given: by the tagger, or by its documents' own resolution."""
    kinds: dict[str, set[str]] = defaultdict(set)
    rows = store.con.execute(
        f"""SELECT name, kind FROM name_votes WHERE name {_IN_LIST}
        UNION SELECT name, kind FROM resolution_keys WHERE name {_IN_LIST}""",
        [list(names), list(names)],
    ).fetchall()
    for name, kind in rows:
        kinds[name].add(kind)
    return kinds


def set_tokens(store: Store, tokens: dict[str, set[str]]) -> None:
    """The tokens of these keys (see `region`), replacing those they had."""
    with store.transaction():
        store.con.execute(f"DELETE FROM key_tokens WHERE key {_IN_LIST}", [list(tokens)])
        rows = [(token, key) for key, found in tokens.items() for token in sorted(found)]
        store.insert_columns("key_tokens", _columns(["token", "key"], rows))


def region(store: Store, keys: Iterable[str]) -> set[str]:
    """The keys whose linking `keys` can change, with everything their linking reads: keys
    sharing a token with one of them (a name, a word or a spelling of it, initials), the keys
    of the entities they belong to, the aliases they define or are, and so on until nothing is
    added. Linking these alone gives them what linking every key would."""
    found = set(keys)
    frontier = set(found)
    while frontier:
        data = pa.table({"key": sorted(frontier)})
        with store.registered(data) as name:
            rows = store.con.execute(
                f"""SELECT t2.key FROM key_tokens t1 JOIN key_tokens t2 USING (token)
                    WHERE t1.key IN (SELECT key FROM {name})
                UNION SELECT k2.key FROM resolution_keys k1 JOIN resolution_keys k2
                    ON k2.entity = k1.entity WHERE k1.key IN (SELECT key FROM {name})
                UNION SELECT k.key FROM key_aliases a JOIN resolution_keys k ON k.name = a.alias
                    WHERE a.key IN (SELECT key FROM {name})
                UNION SELECT a.key FROM key_aliases a JOIN resolution_keys k ON k.name = a.alias
                    WHERE k.key IN (SELECT key FROM {name})"""
            ).fetchall()
        frontier = {row[0] for row in rows} - found
        found |= frontier
    return found


Forms = dict[str, Counter[tuple[str, bool]]]  # key -> (text, whether a description) -> mentions


def link_inputs(
    store: Store, keys: set[str] | None
) -> tuple[list[KeyItem], dict[tuple[str, str], int], list[tuple[str, str]], Forms]:
    """What linking `keys` (None: all) reads: the keys, the types the tagger gave their names,
    the aliases they define, and how each is written."""
    with _keys(store, keys) as where:
        items = [KeyItem(*row) for row in store.con.execute(f"{_KEY_ITEMS} {where}").fetchall()]
        votes = {
            (name, kind): int(n)
            for name, kind, n in store.con.execute(
                f"""SELECT name, kind, sum(mentions) FROM name_votes WHERE name IN
                (SELECT name FROM resolution_keys {where}) GROUP BY ALL"""
            ).fetchall()
        }
        aliases = [
            (alias, key)
            for alias, key in store.con.execute(
                f"SELECT alias, key FROM key_aliases {where} ORDER BY ALL"
            ).fetchall()
        ]
        forms: Forms = defaultdict(Counter)
        for key, text, description, n in store.con.execute(
            f"SELECT key, text, description, mentions FROM key_forms {where}"
        ).fetchall():
            forms[key][(text, description)] = n
    return items, votes, aliases, forms


@contextmanager
def _keys(store: Store, keys: set[str] | None) -> Iterator[str]:
    """A WHERE clause on `key` for these keys (None: every key)."""
    if keys is None:
        yield ""
        return
    with store.registered(pa.table({"key": sorted(keys)})) as name:
        yield f"WHERE key IN (SELECT key FROM {name})"


# -- writing the resolution ---------------------------------------------------------------------


def write_resolution(store: Store, resolution: Resolution) -> None:
    """Swap in a resolution atomically: the linking's state for the keys it linked, and the
    entities shown, each mention's entity, the ties and roles of the documents whose mentions
    changed entity, and the open merges between entities. Only what changed is written, unless
    the whole store was linked (a first run, settings changed, corrections)."""
    with store.transaction():
        nothing_linked = not store.scalar("SELECT count(*) FROM resolved_documents WHERE linked")
        whole = (
            resolution.keys is None or resolution.corrected or corrected(store) or nothing_linked
        )
        with _keys(store, resolution.keys) as where:
            before = dict(
                store.con.execute(f"SELECT key, entity FROM resolution_keys {where}").fetchall()
            )
            store.con.execute(f"DELETE FROM link_candidates {where.replace('key', 'a', 1)}")
        store.insert_columns(
            "link_candidates",
            _columns(
                ["a", "b", "score", "reason"],
                [(c.a, c.b, c.score, c.reason) for c in resolution.candidates],
            ),
        )
        moved = {k: e for k, e in resolution.key_entities.items() if before.get(k) != e}
        if moved:
            with store.registered(
                pa.table(_columns(["key", "entity"], sorted(moved.items())))
            ) as name:
                store.con.execute(
                    f"""UPDATE resolution_keys SET entity = new.entity FROM {name} AS new
                    WHERE resolution_keys.key = new.key"""
                )
        touched = {e for e in before.values() if e} | {e.id for e in resolution.entities}
        if whole:
            store.con.execute("DELETE FROM entities")
        else:
            store.con.execute(f"DELETE FROM entities WHERE id {_IN_LIST}", [sorted(touched)])
        store.insert_columns(
            "entities",
            {
                "id": [e.id for e in resolution.entities],
                "name": [e.name for e in resolution.entities],
                "type": [e.type for e in resolution.entities],
                "aliases": [e.aliases for e in resolution.entities],
                "identifiers": [json.dumps(e.identifiers) for e in resolution.entities],
            },
        )
        if resolution.corrected:
            _assign_mentions(store, resolution)
            _connect_entities(store, None)
        else:
            changed = _assign_keys(store, moved, whole)
            _connect_entities(store, None if whole else changed)
        _entity_candidates(store, None if whole else touched)
        store.con.execute("UPDATE resolved_documents SET linked = true WHERE NOT linked")
        for key, value in (
            (_CORRECTED, "1" if resolution.corrected else "0"),
            ("resolved_at", datetime.now().isoformat()),
        ):
            store.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def _assign_keys(store: Store, moved: Iterable[str], whole: bool) -> list[str]:
    """Each mention's entity through its key (all keys, or the keys whose entity `moved` and
    those of the documents not linked yet); the documents whose mentions changed entity."""
    unlinked = "doc IN (SELECT doc FROM resolved_documents WHERE NOT linked)"
    current = "SELECT key, entity FROM resolution_keys" + (
        ""
        if whole
        else f""" WHERE key {_IN_LIST}
            OR key IN (SELECT DISTINCT key FROM mentions WHERE {unlinked})"""
    )
    params = [] if whole else [sorted(moved)]
    where = "mentions.key = new.key AND mentions.entity IS DISTINCT FROM new.entity"
    changed = store.con.execute(
        f"SELECT DISTINCT mentions.doc FROM mentions, ({current}) AS new WHERE {where}", params
    ).fetchall()
    store.con.execute(
        f"UPDATE mentions SET entity = new.entity FROM ({current}) AS new WHERE {where}", params
    )
    if whole:
        store.con.execute(
            "UPDATE mentions SET entity = NULL WHERE key IS NULL AND entity IS NOT NULL"
        )
    return [row[0] for row in changed]


def _assign_mentions(store: Store, resolution: Resolution) -> None:
    """Each mention's entity one by one, as the corrections left it; mentions in no entity
    lose theirs."""
    rows = [(m.doc, m.index, e.id) for e in resolution.entities for m in e.mentions]
    data = pa.table(
        {
            "doc": pa.array([r[0] for r in rows], pa.string()),
            "index": pa.array([r[1] for r in rows], pa.int32()),
            "entity": pa.array([r[2] for r in rows], pa.string()),
        }
    )
    on = 'mentions.doc = new.doc AND mentions."index" = new."index"'
    with store.registered(data) as name:
        store.con.execute(
            f"""UPDATE mentions SET entity = new.entity FROM {name} AS new
            WHERE {on} AND mentions.entity IS DISTINCT FROM new.entity"""
        )
        store.con.execute(
            f"""UPDATE mentions SET entity = NULL WHERE entity IS NOT NULL AND NOT EXISTS
            (SELECT 1 FROM {name} AS new WHERE {on})"""
        )


def _connect_entities(store: Store, docs: list[str] | None) -> None:
    """Relations between mentions become ties and roles between their entities, for `docs`
    (None: all). A position is held in a body or a state, never in a person (the tagger can
    take one for either)."""
    if docs is not None and not docs:
        return
    where = "" if docs is None else f"WHERE doc {_IN_LIST}"
    scope = [] if docs is None else [docs]
    for table in ("ties", "roles"):
        store.con.execute(f"DELETE FROM {table} {where}", scope)
    # Only the documents' own relations, mentions and entities are read (a join reads its
    # right side whole).
    resolved = f"""
        WITH r AS (SELECT * FROM relations {where}),
        m AS (SELECT doc, "index", entity FROM mentions {where}),
        e AS (SELECT id, type FROM entities WHERE id IN (SELECT entity FROM m))
        SELECT r.*, s.entity AS source_entity, o.entity AS to_entity,
            CASE WHEN e.type = 'Person' AND r.kind IN (SELECT unnest(?::VARCHAR[]))
                THEN NULL ELSE t.entity END AS target_entity
        FROM r
        JOIN m s ON s.doc = r.doc AND s."index" = r.source
        LEFT JOIN m t ON t.doc = r.doc AND t."index" = r.target
        LEFT JOIN e ON e.id = t.entity
        LEFT JOIN m o ON o.doc = r.doc AND o."index" = r."to"
        WHERE s.entity IS NOT NULL"""
    params = [*scope, *scope, sorted(TIES_TO_BODIES)]
    store.con.execute(
        f"""INSERT INTO roles SELECT DISTINCT source_entity, coalesce(role, ''),
            target_entity, to_entity, doc, sentence, start, "end"
        FROM ({resolved}) WHERE kind = 'role'""",
        params,
    )
    store.con.execute(
        f"""INSERT INTO ties SELECT DISTINCT source_entity, target_entity, kind, doc,
            sentence, start, "end"
        FROM ({resolved}) WHERE kind NOT IN ('role', 'same_as')
            AND target_entity IS NOT NULL AND target_entity <> source_entity""",
        params,
    )


def _entity_candidates(store: Store, entities: set[str] | None) -> None:
    """The merges left open between keys, in a document or across them, as merges between
    the entities shown, for pairs with one of `entities` (None: all): the surest reason for
    each pair."""
    scope = "" if entities is None else f"AND (ka.entity {_IN_LIST} OR kb.entity {_IN_LIST})"
    params = [] if entities is None else [sorted(entities)] * 2
    if entities is None:
        store.con.execute("DELETE FROM entity_candidates")
    else:
        store.con.execute(
            f"DELETE FROM entity_candidates WHERE a {_IN_LIST} OR b {_IN_LIST}", params
        )
    store.con.execute(
        f"""INSERT INTO entity_candidates
        SELECT least(ka.entity, kb.entity), greatest(ka.entity, kb.entity), c.score, c.reason
        FROM (SELECT a, b, score, reason FROM local_candidates
            UNION ALL SELECT a, b, score, reason FROM link_candidates) c
        JOIN resolution_keys ka ON ka.key = c.a JOIN resolution_keys kb ON kb.key = c.b
        WHERE ka.entity <> kb.entity AND ka.entity IN (SELECT id FROM entities)
            AND kb.entity IN (SELECT id FROM entities) {scope}
        QUALIFY row_number() OVER (PARTITION BY least(ka.entity, kb.entity),
            greatest(ka.entity, kb.entity) ORDER BY c.score DESC, c.reason) = 1""",
        params,
    )
