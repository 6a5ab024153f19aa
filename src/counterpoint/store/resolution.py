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
from counterpoint.store.database import (
    DOCS_PER_LOOKUP,
    IDS_PER_LOOKUP,
    MAX_CHUNKS,
    Store,
    chunked,
    literal_list,
)

_IN_LIST = "IN (SELECT unnest(?::VARCHAR[]))"
_MENTION_ID = "doc || ':' || \"index\""  # SQL: a mention's id, "DOC:INDEX"
_FINGERPRINT = "local_resolution"  # meta key: what the kept resolutions were made with
_CORRECTED = "resolution_corrected"  # meta key: the entities shown carry the user's corrections
# Forgotten together when the settings the documents' own resolutions were made with change.
_RESOLUTION_TABLES = (
    "resolved_documents",
    "resolution_keys",
    "key_forms",
    "name_votes",
    "name_kinds",
    "key_aliases",
    "key_tokens",
    "local_candidates",
    "link_candidates",
)


def documents_to_resolve(store: Store, fingerprint: str) -> list[str]:
    """Documents without their own resolution, or all of them where the kept ones were made
    with other settings (`fingerprint`), which are then forgotten."""
    forget_resolutions_made_otherwise(store, fingerprint)
    return sorted(store.pending_documents("resolve"))


def forget_resolutions_made_otherwise(store: Store, fingerprint: str) -> None:
    """Forget the documents' own resolutions where they were made with other settings or code
    than `fingerprint` says: every document then waits to be resolved again."""
    if store.meta().get(_FINGERPRINT) != fingerprint:
        with store.transaction():
            for table in _RESOLUTION_TABLES:
                store.con.execute(f"DELETE FROM {table}")
            store.con.execute("UPDATE mentions SET key = NULL, reason = NULL WHERE key IS NOT NULL")
            store.con.execute(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)", [_FINGERPRINT, fingerprint]
            )


def resolution_inputs(
    store: Store, docs: Sequence[str]
) -> list[tuple[str, str, list[Mention], list[tuple[int, int]]]]:
    """For each document: its text, its mentions and the pairs of mentions its text says are
    one actor (a description and the person it stands for)."""
    mentions: dict[str, list[Mention]] = defaultdict(list)
    found = store.records_in(Mention, "mentions", "doc", docs)
    for mention in sorted(found, key=lambda m: (m.doc, m.index)):
        mentions[mention.doc].append(mention)
    same_as: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for _, doc, kind, source, target in sorted(
        store.fetch_in(
            "SELECT rowid, doc, kind, source, target FROM relations WHERE doc IN {ids}", docs
        )
    ):
        if kind == "same_as" and target is not None:
            same_as[doc].append((source, target))
    texts = store.fetch_in("SELECT id, text FROM documents WHERE id IN {ids}", docs)
    return [(doc, text, mentions[doc], same_as[doc]) for doc, text in sorted(texts)]


def add_local_resolutions(store: Store, results: Sequence[LocalResolution]) -> None:
    """Keep the documents' own resolutions, all or none; they wait to be linked."""
    keyed = [
        (r.doc, index, key, r.reasons.get(index)) for r in results for index, key in r.keys.items()
    ]
    items, forms = merged_keys(results)
    with store.transaction():
        if keyed:
            _set_mention_columns(
                store,
                {(doc, index): {"key": key, "reason": reason} for doc, index, key, reason in keyed},
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
        votes: Counter[tuple[str, str]] = Counter()
        for r in results:
            votes.update(r.votes)
        _upsert(
            store,
            "name_kinds",
            ["name", "kind", "mentions"],
            [(name, kind, n) for (name, kind), n in sorted(votes.items())],
            "name, kind",
            "mentions",
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
        store.clear_pending("resolve", [r.doc for r in results])


def _set_mention_columns(store: Store, values: dict[tuple[str, int], dict[str, object]]) -> None:
    """Set these columns of these mentions, (document, index) -> column -> value (the same
    columns for all), by document: for a few documents the new values go as SQL maps so that
    the UPDATE's one filter is on the documents, which DuckDB reads through the index (a join
    with the values reads every mention); for many, one join does."""
    if not values:
        return
    columns = sorted(next(iter(values.values())))
    docs = sorted({doc for doc, _ in values})
    if len(docs) > DOCS_PER_LOOKUP * MAX_CHUNKS:
        rows = [
            (doc, index, *(found[c] for c in columns)) for (doc, index), found in values.items()
        ]
        data = pa.table(
            {
                "doc": pa.array([r[0] for r in rows], pa.string()),
                "index": pa.array([r[1] for r in rows], pa.int32()),
                **{
                    c: pa.array([r[2 + i] for r in rows], pa.string())
                    for i, c in enumerate(columns)
                },
            }
        )
        joined = ", ".join(f'"{c}" = new."{c}"' for c in columns)
        with store.registered(data) as name:
            store.con.execute(
                f"""UPDATE mentions SET {joined} FROM {name} AS new
                WHERE mentions.doc = new.doc AND mentions."index" = new."index" """
            )
        return
    by_doc: dict[str, list[tuple[str, dict[str, object]]]] = defaultdict(list)
    for (doc, index), found in values.items():
        by_doc[doc].append((f"{doc}:{index}", found))
    for chunk in chunked(docs, DOCS_PER_LOOKUP):
        given = [pair for doc in chunk for pair in by_doc[doc]]
        ids = [i for i, _ in given]
        params: list[object] = []
        sets = []
        for column in columns:
            sets.append(
                f'"{column}" = CASE WHEN map_contains(MAP(?::VARCHAR[], ?), {_MENTION_ID}) '
                f'THEN MAP(?::VARCHAR[], ?)[{_MENTION_ID}] ELSE "{column}" END'
            )
            new = [found[column] for _, found in given]
            params += [ids, new, ids, new]
        store.con.execute(
            f"UPDATE mentions SET {', '.join(sets)} WHERE doc IN {literal_list(len(chunk))}",
            [*params, *chunk],
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
    if everything:
        return [KeyItem(*row) for row in store.con.execute(_KEY_ITEMS).fetchall()]
    # Step by step, each step a lookup by id (`Store.fetch_in`): the store's mentions and votes
    # are not read whole.
    unlinked = [
        row[0]
        for row in store.con.execute(
            "SELECT doc FROM resolved_documents WHERE NOT linked"
        ).fetchall()
    ]
    keys = [
        row
        for row in store.fetch_in("SELECT key FROM mentions WHERE doc IN {ids}", unlinked)
        if row[0]
    ]
    names = store.fetch_in("SELECT DISTINCT name FROM name_votes WHERE doc IN {ids}", unlinked)
    keys += store.fetch_in(
        "SELECT key FROM resolution_keys WHERE name IN {ids}", [n for (n,) in names], IDS_PER_LOOKUP
    )
    rows = store.fetch_in(
        f"{_KEY_ITEMS} WHERE key IN {{ids}}", [k for (k,) in keys], IDS_PER_LOOKUP
    )
    return [KeyItem(*row) for row in sorted(rows)]


_KEY_ITEMS = "SELECT key, name, kind, iso, place, description, mentions FROM resolution_keys"


def name_kinds(store: Store, names: Iterable[str]) -> dict[str, set[str]]:
    """Every type each name was given: by the tagger, or by its documents' own resolution."""
    kinds: dict[str, set[str]] = defaultdict(set)
    names = sorted(names)
    rows = store.fetch_in(
        "SELECT name, kind FROM name_kinds WHERE name IN {ids}", names, IDS_PER_LOOKUP
    ) + store.fetch_in(
        "SELECT DISTINCT name, kind FROM resolution_keys WHERE name IN {ids}", names, IDS_PER_LOOKUP
    )
    for name, kind in rows:
        kinds[name].add(kind)
    return kinds


def set_tokens(store: Store, tokens: dict[str, set[str]]) -> None:
    """The tokens of these keys (see `region`), replacing those they had."""
    with store.transaction():
        store.execute_in("DELETE FROM key_tokens WHERE key IN {ids}", sorted(tokens))
        rows = [(token, key) for key, found in tokens.items() for token in sorted(found)]
        store.insert_columns("key_tokens", _columns(["token", "key"], rows))


def region(store: Store, keys: Iterable[str]) -> set[str]:
    """The keys whose linking `keys` can change, with everything their linking reads: keys
    sharing a token with one of them (a name, a word or a spelling of it, initials), the keys
    of the entities they belong to, the aliases they define or are, and so on until nothing is
    added. Linking these alone gives them what linking every key would.

    The three tables that connect keys are read once, their narrow columns only, and the
    closure is followed in memory: on real news it reaches a large share of the keys (common
    words chain names together), so reading them by key is no cheaper, and joining them in SQL
    took one round of joins over them per step outward (15 steps a run)."""
    graph = _KeyGraph(store)
    found = set(keys)
    frontier = list(found)
    while frontier:
        reached = graph.neighbours(frontier.pop()) - found
        found |= reached
        frontier.extend(reached)
    return found


class _KeyGraph:
    """What connects keys, for `region`: tokens, entities and aliases."""

    def __init__(self, store: Store) -> None:
        self.tokens: dict[str, set[str]] = defaultdict(set)
        self.with_token: dict[str, set[str]] = defaultdict(set)
        for token, key in store.con.execute("SELECT token, key FROM key_tokens").fetchall():
            self.tokens[key].add(token)
            self.with_token[token].add(key)
        self.entity: dict[str, str] = {}
        self.name: dict[str, str] = {}
        self.of_entity: dict[str, set[str]] = defaultdict(set)
        self.named: dict[str, set[str]] = defaultdict(set)
        for key, name, entity in store.con.execute(
            "SELECT key, name, entity FROM resolution_keys"
        ).fetchall():
            self.name[key] = name
            self.named[name].add(key)
            if entity is not None:
                self.entity[key] = entity
                self.of_entity[entity].add(key)
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.defining: dict[str, set[str]] = defaultdict(set)
        for alias, key in store.con.execute("SELECT alias, key FROM key_aliases").fetchall():
            self.aliases[key].add(alias)
            self.defining[alias].add(key)

    def neighbours(self, key: str) -> set[str]:
        """Keys sharing a token with `key`, in its entity, named as an alias it defines, or
        defining its name as an alias."""
        found: set[str] = set()
        for token in self.tokens.get(key, ()):
            found |= self.with_token[token]
        if key in self.entity:
            found |= self.of_entity[self.entity[key]]
        for alias in self.aliases.get(key, ()):
            found |= self.named.get(alias, set())
        if key in self.name:
            found |= self.defining.get(self.name[key], set())
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
            for name, kind, n in (
                store.con.execute("SELECT name, kind, mentions FROM name_kinds").fetchall()
                if keys is None
                else store.fetch_in(
                    "SELECT name, kind, mentions FROM name_kinds WHERE name IN {ids}",
                    sorted({item.name for item in items}),
                    IDS_PER_LOOKUP,
                )
            )
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


def tied_surnames(store: Store, keys: Iterable[str], reason: str) -> dict[str, set[str]]:
    """Of `keys`, those a document's own resolution linked to people with `reason` (a surname
    it gave several people named there as often as each other), each with those people's keys."""
    ties: dict[str, set[str]] = defaultdict(set)
    for a, b, why in store.fetch_in(
        "SELECT a, b, reason FROM local_candidates WHERE a IN {ids}", sorted(keys), IDS_PER_LOOKUP
    ):
        if why == reason:
            ties[a].add(b)
    return dict(ties)


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
        old_links: set[tuple[str, str, float, str]] = set()
        with _keys(store, resolution.keys) as where:
            before = dict(
                store.con.execute(f"SELECT key, entity FROM resolution_keys {where}").fetchall()
            )
            if resolution.keys is not None and not whole:
                old_links = set(
                    store.fetch_in(
                        "SELECT a, b, score, reason FROM link_candidates WHERE a IN {ids}",
                        sorted(resolution.keys),
                        IDS_PER_LOOKUP,
                    )
                )
            if resolution.keys is None:
                store.con.execute("DELETE FROM link_candidates")
            else:
                store.execute_in(
                    "DELETE FROM link_candidates WHERE a IN {ids}", sorted(resolution.keys)
                )
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
        entities = resolution.entities
        touched: set[str] = set()
        if whole:
            store.con.execute("DELETE FROM entities")
        else:
            links = old_links ^ {(c.a, c.b, c.score, c.reason) for c in resolution.candidates}
            touched = _changed_entities(store, resolution, before, moved, links)
            store.execute_in("DELETE FROM entities WHERE id IN {ids}", sorted(touched))
            entities = [e for e in entities if e.id in touched]
        store.insert_columns(
            "entities",
            {
                "id": [e.id for e in entities],
                "name": [e.name for e in entities],
                "type": [e.type for e in entities],
                "aliases": [e.aliases for e in entities],
                "identifiers": [json.dumps(e.identifiers) for e in entities],
            },
        )
        if resolution.corrected:
            _assign_mentions(store, resolution)
            _connect_entities(store, None)
        else:
            relinked = {k: e for k, e in moved.items() if before.get(k)}
            changed = _assign_keys(store, relinked, whole)
            _connect_entities(store, None if whole else changed)
        _entity_candidates(store, None if whole else touched)
        store.con.execute("UPDATE resolved_documents SET linked = true WHERE NOT linked")
        for key, value in (
            (_CORRECTED, "1" if resolution.corrected else "0"),
            ("resolved_at", datetime.now().isoformat()),
        ):
            store.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def _changed_entities(
    store: Store,
    resolution: Resolution,
    before: dict[str, str | None],
    moved: dict[str, str],
    links: set[tuple[str, str, float, str]],
) -> set[str]:
    """The entities of the linked region that this resolution changes, and only those are
    written again with their open merges: an entity new, gone, or shown otherwise (name,
    type, aliases, identifiers), one that gains or loses a key, one of a key whose open merges
    across documents changed (`links`, the merges added or dropped), or of a key the new
    documents leave a merge open on. The others stay as they are (the region is a large share
    of the keys on real news, its entities mostly unchanged by one article)."""
    shown = {e.id: (e.name, e.type, list(e.aliases), e.identifiers) for e in resolution.entities}
    region = {e for e in before.values() if e} | set(shown)
    stored = {
        row[0]: (row[1], row[2], list(row[3] or []), json.loads(row[4] or "{}"))
        for row in store.fetch_in(
            "SELECT id, name, type, aliases, identifiers FROM entities WHERE id IN {ids}",
            sorted(region),
            IDS_PER_LOOKUP,
        )
    }
    changed = {e for e in region if stored.get(e) != shown.get(e)}
    changed |= {e for k in moved for e in (before.get(k), moved[k]) if e}
    unlinked = [
        row[0]
        for row in store.con.execute(
            "SELECT doc FROM resolved_documents WHERE NOT linked"
        ).fetchall()
    ]
    keys = {k for a, b, _, _ in links for k in (a, b)} | {
        k
        for a, b in store.fetch_in("SELECT a, b FROM local_candidates WHERE doc IN {ids}", unlinked)
        for k in (a, b)
    }
    now = resolution.key_entities
    elsewhere = dict(
        store.fetch_in(
            "SELECT key, entity FROM resolution_keys WHERE key IN {ids}",
            sorted(keys - now.keys()),
            IDS_PER_LOOKUP,
        )
    )
    changed |= {
        e for k in keys for e in (before.get(k), now.get(k), elsewhere.get(k)) if e is not None
    }
    return changed


def _assign_keys(store: Store, relinked: dict[str, str], whole: bool) -> list[str]:
    """Each mention's entity through its key: all keys, or those of the documents not linked
    yet and, anywhere in the store, those of the keys whose entity changed (`relinked`; a key
    new to the store has mentions only in documents not linked yet). The documents whose
    mentions changed entity."""
    where = "mentions.key = new.key AND mentions.entity IS DISTINCT FROM new.entity"
    if whole:
        current = "(SELECT key, entity FROM resolution_keys)"
        everywhere = store.con.execute(
            f"SELECT DISTINCT mentions.doc FROM mentions, {current} AS new WHERE {where}"
        ).fetchall()
        store.con.execute(
            f"UPDATE mentions SET entity = new.entity FROM {current} AS new WHERE {where}"
        )
        store.con.execute(
            "UPDATE mentions SET entity = NULL WHERE key IS NULL AND entity IS NOT NULL"
        )
        return [row[0] for row in everywhere]
    unlinked = [
        row[0]
        for row in store.con.execute(
            "SELECT doc FROM resolved_documents WHERE NOT linked"
        ).fetchall()
    ]
    # The new documents' mentions, read and written by document (through its index).
    mentions = store.fetch_in(
        'SELECT doc, "index", key, entity FROM mentions WHERE doc IN {ids}', unlinked
    )
    keys = sorted({key for _, _, key, _ in mentions if key})
    entity_of = dict(
        store.fetch_in(
            "SELECT key, entity FROM resolution_keys WHERE key IN {ids}", keys, IDS_PER_LOOKUP
        )
    )
    new = {
        (doc, index): {"entity": entity_of[key]}
        for doc, index, key, entity in mentions
        if key in entity_of and entity_of[key] != entity
    }
    _set_mention_columns(store, new)
    changed = {doc for doc, _ in new}
    if relinked:
        data = pa.table(_columns(["key", "entity"], sorted(relinked.items())))
        with store.registered(data) as name:
            changed |= {
                row[0]
                for row in store.con.execute(
                    f"SELECT DISTINCT mentions.doc FROM mentions, {name} AS new WHERE {where}"
                ).fetchall()
            }
            store.con.execute(
                f"UPDATE mentions SET entity = new.entity FROM {name} AS new WHERE {where}"
            )
    return sorted(changed)


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
    if docs is None:
        for table in ("ties", "roles"):
            store.con.execute(f"DELETE FROM {table}")
        _insert_ties_and_roles(
            store, "relations", '(SELECT doc, "index", entity FROM mentions)', "entities"
        )
        return
    for table in ("ties", "roles"):
        store.execute_in(f"DELETE FROM {table} WHERE doc IN {{ids}}", docs, DOCS_PER_LOOKUP)
    # Only the documents' own relations, mentions and entities are read, each by document or id
    # through its index (in a join DuckDB reads the whole table, whatever the filter).
    relations = store.arrow_in("SELECT * FROM relations WHERE doc IN {ids}", docs)
    mentions = store.arrow_in('SELECT doc, "index", entity FROM mentions WHERE doc IN {ids}', docs)
    entities = store.arrow_in(
        "SELECT id, type FROM entities WHERE id IN {ids}",
        sorted({e for e in mentions.column("entity").to_pylist() if e is not None}),
        IDS_PER_LOOKUP,
    )
    with (
        store.registered(relations, "run_relations") as run_relations,
        store.registered(mentions, "run_mentions") as run_mentions,
        store.registered(entities, "run_entities") as run_entities,
    ):
        _insert_ties_and_roles(store, run_relations, run_mentions, run_entities)


def _insert_ties_and_roles(store: Store, relations: str, mentions: str, entities: str) -> None:
    """Ties and roles from these relations, mentions (doc, index, entity) and entities (id,
    type): tables or views."""
    resolved = f"""
        SELECT r.*, s.entity AS source_entity, o.entity AS to_entity,
            CASE WHEN e.type = 'Person' AND r.kind IN {literal_list(len(TIES_TO_BODIES))}
                THEN NULL ELSE t.entity END AS target_entity
        FROM {relations} r
        JOIN {mentions} s ON s.doc = r.doc AND s."index" = r.source
        LEFT JOIN {mentions} t ON t.doc = r.doc AND t."index" = r.target
        LEFT JOIN {entities} e ON e.id = t.entity
        LEFT JOIN {mentions} o ON o.doc = r.doc AND o."index" = r."to"
        WHERE s.entity IS NOT NULL"""
    params = sorted(TIES_TO_BODIES)
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
    each pair. With `entities`, the open merges are read by the keys of those entities, and
    the entities of their keys, through the tables' indexes, and the surest chosen here."""
    candidates = (
        "(SELECT a, b, score, reason FROM local_candidates UNION ALL "
        "SELECT a, b, score, reason FROM link_candidates)"
    )
    if entities is None:
        store.con.execute("DELETE FROM entity_candidates")
        _insert_entity_candidates(store, candidates)
        return
    ids = sorted(entities)
    store.execute_in("DELETE FROM entity_candidates WHERE a IN {ids}", ids)
    store.execute_in("DELETE FROM entity_candidates WHERE b IN {ids}", ids)
    keys = [
        k
        for (k,) in store.fetch_in(
            "SELECT key FROM resolution_keys WHERE entity IN {ids}", ids, IDS_PER_LOOKUP
        )
    ]
    found = [
        row
        for table in ("local_candidates", "link_candidates")
        for side in ("a", "b")
        for row in store.fetch_in(
            f"SELECT a, b, score, reason FROM {table} WHERE {side} IN {{ids}}", keys, IDS_PER_LOOKUP
        )
    ]
    # The entity of each key and whether it is shown, by key and id through the indexes (a
    # join would read every key).
    entity_of = dict(
        store.fetch_in(
            "SELECT key, entity FROM resolution_keys WHERE key IN {ids}",
            sorted({key for a, b, _, _ in found for key in (a, b)}),
            IDS_PER_LOOKUP,
        )
    )
    shown = {
        row[0]
        for row in store.fetch_in(
            "SELECT id FROM entities WHERE id IN {ids}",
            sorted({e for e in entity_of.values() if e is not None}),
            IDS_PER_LOOKUP,
        )
    }
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for a, b, score, reason in found:
        ea, eb = entity_of.get(a), entity_of.get(b)
        if ea is None or eb is None or ea == eb or ea not in shown or eb not in shown:
            continue
        pair = (min(ea, eb), max(ea, eb))
        if pair not in best or (-score, reason) < (-best[pair][0], best[pair][1]):
            best[pair] = (score, reason)
    rows = sorted((*pair, score, reason) for pair, (score, reason) in best.items())
    store.insert_columns("entity_candidates", _columns(["a", "b", "score", "reason"], rows))


def _insert_entity_candidates(store: Store, candidates: str) -> None:
    """Insert the open merges of `candidates` (a table of key pairs) between entities."""
    store.con.execute(
        f"""INSERT INTO entity_candidates
        SELECT least(ka.entity, kb.entity), greatest(ka.entity, kb.entity), c.score, c.reason
        FROM {candidates} c
        JOIN resolution_keys ka ON ka.key = c.a JOIN resolution_keys kb ON kb.key = c.b
        WHERE ka.entity <> kb.entity AND ka.entity IN (SELECT id FROM entities)
            AND kb.entity IN (SELECT id FROM entities)
        QUALIFY row_number() OVER (PARTITION BY least(ka.entity, kb.entity),
            greatest(ka.entity, kb.entity) ORDER BY c.score DESC, c.reason) = 1"""
    )
