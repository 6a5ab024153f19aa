"""The explorer's questions to the store, in SQL. Each answers one page or API call and reads
only what that call shows: lists are cut with LIMIT/OFFSET in the database and come with their
total, and a sentence's text is cut from its document's text by offsets (`SENTENCE_TEXT`).

Every fact carries `doc` and `sentence`, the sentence stating it, so that a page can link to it.
Events, figures and claims have tables in the store but no stage fills them yet; the queries
below already read them (`HOOK` comments), so they appear once a stage writes them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from counterpoint.serve.access import SentenceIndex
from counterpoint.store import Store

SENTENCE_TEXT = 'substr(d.text, s.start + 1, s."end" - s.start)'
DOC_ORDER = "d.published NULLS LAST, d.title, d.id"
DOC_COLUMNS = "d.id, d.title, d.outlet, d.author, d.published, d.url, d.language, d.source_path"

# A role as a phrase, "Márquez: president of Veridia to China", from `roles r` and the
# entities h (holder), o (of), t (to).
ROLE_PHRASE = (
    "coalesce(h.name, r.holder) || ': ' || r.title"
    " || coalesce(' of ' || o.name, '') || coalesce(' to ' || t.name, '')"
)
ROLE_JOINS = (
    'LEFT JOIN entities h ON h.id = r.holder LEFT JOIN entities o ON o.id = r."of"'
    ' LEFT JOIN entities t ON t.id = r."to"'
)
# A tie as a phrase, "Márquez leads Congress", from `ties x` and the entities a (source) and
# b (target).
TIE_PHRASE = (
    "coalesce(a.name, x.source) || ' ' || replace(x.kind, '_', ' ') || ' ' || coalesce(b.name,"
    " x.target)"
)
TIE_JOINS = "LEFT JOIN entities a ON a.id = x.source LEFT JOIN entities b ON b.id = x.target"

GRAPH_EDGES = 400  # the most an unfiltered graph draws; the strongest edges are kept
GRAPH_TOP_ACTORS = 60  # actors always drawn in an unfiltered graph, linked or not
FACTS_SHOWN = 200  # roles and ties listed on an actor's page
LABEL_ROWS = 2000  # (source, label) pairs listed on an actor's page


def named(store: Store, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows as dicts, for SQL with named parameters ($name)."""
    cursor = store.con.execute(sql, params)
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


# -- overview and documents -----------------------------------------------------------------


def overview(store: Store) -> dict[str, Any]:
    row = store.rows(
        """SELECT (SELECT count(*) FROM documents) AS documents,
            (SELECT count(*) FROM sentences) AS sentences,
            (SELECT count(*) FROM mentions WHERE entity IS NOT NULL) AS mentions,
            (SELECT count(*) FROM entities) AS entities,
            (SELECT count(*) FROM ties) AS ties,
            (SELECT count(*) FROM roles) AS roles,
            (SELECT count(*) FROM events) AS events,
            (SELECT count(DISTINCT outlet) FROM documents) AS outlets,
            (SELECT min(published) FROM documents) AS first_published,
            (SELECT max(published) FROM documents) AS last_published"""
    )[0]
    return {"counts": row}


def documents(store: Store, limit: int, offset: int) -> dict[str, Any]:
    items = store.rows(
        f"""WITH p AS (SELECT {DOC_COLUMNS}, length(d.text) AS length FROM documents d
                ORDER BY {DOC_ORDER} LIMIT ? OFFSET ?),
            sc AS (SELECT doc, count(*) AS n FROM sentences
                WHERE doc IN (SELECT id FROM p) GROUP BY doc),
            mc AS (SELECT doc, count(*) AS n, count(DISTINCT entity) AS actors FROM mentions
                WHERE entity IS NOT NULL AND doc IN (SELECT id FROM p) GROUP BY doc)
        SELECT d.*, coalesce(sc.n, 0) AS sentences, coalesce(mc.n, 0) AS mentions,
            coalesce(mc.actors, 0) AS actors
        FROM p d LEFT JOIN sc ON sc.doc = d.id LEFT JOIN mc ON mc.doc = d.id
        ORDER BY {DOC_ORDER}""",
        [limit, offset],
    )
    return page(items, int(store.scalar("SELECT count(*) FROM documents")), limit, offset)


def document_choices(store: Store, limit: int = 1000) -> list[dict[str, Any]]:
    """Documents for a drop-down: id, outlet, date and title, newest last."""
    return store.rows(
        f"SELECT d.id, d.title, d.outlet, d.published, d.source_path FROM documents d "
        f"ORDER BY {DOC_ORDER} LIMIT ?",
        [limit],
    )


def document_numbers(store: Store, ids: list[str]) -> dict[str, int]:
    """Each document's place in date order (from 0): a colour that stays the same on every
    page."""
    if not ids:
        return {}
    rows = store.rows(
        f"""SELECT id, n FROM (SELECT d.id, row_number() OVER (ORDER BY {DOC_ORDER}) - 1 AS n
            FROM documents d) WHERE list_contains(?, id)""",
        [sorted(set(ids))],
    )
    return {row["id"]: int(row["n"]) for row in rows}


def document_head(store: Store, doc: str) -> dict[str, Any] | None:
    rows = store.rows(f"SELECT {DOC_COLUMNS} FROM documents d WHERE d.id = ?", [doc])
    return rows[0] if rows else None


def document(store: Store, doc: str) -> dict[str, Any] | None:
    """A document with its text, its sentences, its actor mentions and the facts it states."""
    rows = store.rows(
        f"SELECT {DOC_COLUMNS}, d.format, d.text FROM documents d WHERE d.id = ?", [doc]
    )
    if not rows:
        return None
    found = rows[0]
    found["sentences"] = store.rows(
        f"""SELECT s."index", s.start, s."end", {SENTENCE_TEXT} AS text
        FROM sentences s JOIN documents d ON d.id = s.doc WHERE s.doc = ? ORDER BY s."index" """,
        [doc],
    )
    found["mentions"] = store.rows(
        """SELECT m."index", m.sentence, m.start, m."end", m.text, m.label, m.entity,
            e.name, e.type
        FROM mentions m LEFT JOIN entities e ON e.id = m.entity
        WHERE m.doc = ? ORDER BY m.start""",
        [doc],
    )
    found["actors"] = store.rows(
        """SELECT e.id, e.name, e.type, count(*) AS mentions FROM mentions m
        JOIN entities e ON e.id = m.entity WHERE m.doc = ?
        GROUP BY e.id, e.name, e.type ORDER BY mentions DESC, e.name""",
        [doc],
    )
    found["facts"] = document_facts(store, doc)
    return found


def document_facts(store: Store, doc: str) -> list[dict[str, Any]]:
    """What the document states, each with its span: roles and ties, and (HOOK) the events,
    figures and claims that later stages will write, placed in their sentence by offset."""
    facts = store.rows(
        f"""SELECT 'role' AS kind, {ROLE_PHRASE} AS label, r.sentence, r.start, r."end",
            list_filter([r.holder, r."of", r."to"], lambda x: x IS NOT NULL) AS entities
        FROM roles r {ROLE_JOINS} WHERE r.doc = ?
        UNION ALL
        SELECT 'tie', {TIE_PHRASE}, x.sentence, x.start, x."end", [x.source, x.target]
        FROM ties x {TIE_JOINS} WHERE x.doc = ?
        ORDER BY start, kind""",
        [doc, doc],
    )
    # Events, figures and claims: their actors are mention indexes of the document.
    entity_of = {
        row["index"]: row["entity"]
        for row in store.rows('SELECT "index", entity FROM mentions WHERE doc = ?', [doc])
    }
    extracted = store.rows(
        """SELECT 'event' AS kind, type AS label, sentence, start, "end",
            [source, target, place] AS entities FROM events WHERE doc = ?
        UNION ALL SELECT 'figure', concat_ws(' ', qualifier, value::VARCHAR, unit),
            sentence, start, "end", [about] FROM figures WHERE doc = ?
        UNION ALL SELECT 'claim', concat_ws(' ', kind, cue), sentence, start, "end",
            [speaker] FROM claims WHERE doc = ?
        ORDER BY start""",
        [doc, doc, doc],
    )
    for fact in extracted:
        fact["entities"] = [entity_of[i] for i in fact["entities"] if entity_of.get(i)]
    facts += extracted
    for fact in facts:
        fact["doc"] = doc
        fact["entities"] = list(fact["entities"] or [])
    return facts


# -- entities -------------------------------------------------------------------------------

ENTITY_STATS = """stats AS (SELECT entity, count(*) AS mentions, count(DISTINCT doc) AS documents
    FROM mentions WHERE entity IS NOT NULL GROUP BY entity)"""


def _entity_row(row: dict[str, Any]) -> dict[str, Any]:
    row["aliases"] = list(row.get("aliases") or [])
    row["identifiers"] = json.loads(row.get("identifiers") or "{}")
    return row


def conditions(always: str, *optional: tuple[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE condition: `always`, and each (SQL with one ?, value) filter whose value was
    given."""
    given = [(sql, value) for sql, value in optional if value]
    return " AND ".join([always, *(sql for sql, _ in given)]), [value for _, value in given]


def entities(
    store: Store, limit: int, offset: int, type: str | None = None, q: str | None = None
) -> dict[str, Any]:
    """Entities, most widely mentioned first, optionally of one type or matching a text (in the
    name or an alias, ignoring case and accents)."""
    condition, params = conditions(
        "TRUE",
        ("e.type = ?", type),
        (
            "contains(strip_accents(lower(e.name || ' ' || array_to_string(e.aliases, ' '))),"
            " strip_accents(lower(?)))",
            q,
        ),
    )
    items = store.rows(
        f"""WITH {ENTITY_STATS}
        SELECT e.id, e.name, e.type, e.aliases, e.identifiers,
            coalesce(stats.mentions, 0) AS mentions, coalesce(stats.documents, 0) AS documents
        FROM entities e LEFT JOIN stats ON stats.entity = e.id WHERE {condition}
        ORDER BY documents DESC, mentions DESC, e.name, e.id LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    )
    total = int(store.scalar(f"SELECT count(*) FROM entities e WHERE {condition}", params))
    return page([_entity_row(item) for item in items], total, limit, offset)


def entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    rows = store.rows(
        """SELECT e.id, e.name, e.type, e.aliases, e.identifiers,
            (SELECT count(*) FROM mentions WHERE entity = e.id) AS mentions,
            (SELECT count(DISTINCT doc) FROM mentions WHERE entity = e.id) AS documents
        FROM entities e WHERE e.id = ?""",
        [entity_id],
    )
    return _entity_row(rows[0]) if rows else None


def entity_mentions(store: Store, entity_id: str, limit: int, offset: int) -> dict[str, Any]:
    """The mentions of the entity in document order, each with its sentence and document."""
    items = store.rows(
        f"""WITH p AS (
            SELECT m.doc, m.sentence, m.start, m."end", m.text FROM mentions m
            JOIN documents d ON d.id = m.doc WHERE m.entity = ?
            ORDER BY d.published NULLS LAST, d.title, m.doc, m.start LIMIT ? OFFSET ?)
        SELECT p.*, s.start AS sentence_start, {SENTENCE_TEXT} AS sentence_text,
            d.title, d.outlet, d.published
        FROM p JOIN documents d ON d.id = p.doc
        JOIN sentences s ON s.doc = p.doc AND s."index" = p.sentence
        ORDER BY d.published NULLS LAST, d.title, p.doc, p.start""",
        [entity_id, limit, offset],
    )
    total = store.scalar("SELECT count(*) FROM mentions WHERE entity = ?", [entity_id])
    return page(items, int(total), limit, offset)


def entity_labels(store: Store, entity_id: str) -> list[dict[str, Any]]:
    """The words each source uses for the entity: per document, each label and how often."""
    rows = store.rows(
        """SELECT m.doc, d.title, d.outlet, d.published, m.text AS label, count(*) AS n
        FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.entity = ?
        GROUP BY ALL ORDER BY d.published NULLS LAST, d.title, m.doc, n DESC, label LIMIT ?""",
        [entity_id, LABEL_ROWS],
    )
    sources: dict[str, dict[str, Any]] = {}
    for row in rows:
        source = sources.setdefault(
            row["doc"],
            {k: row[k] for k in ("doc", "title", "outlet", "published")} | {"labels": []},
        )
        source["labels"].append({"label": row["label"], "count": row["n"]})
    return list(sources.values())


def entity_facts(store: Store, entity_id: str) -> dict[str, Any]:
    """The roles the entity holds or is the object of, and its ties either way, each with the
    sentence and the words stating it; the first FACTS_SHOWN of each, with their totals."""
    roles = store.rows(
        f"""SELECT 'role' AS kind, {ROLE_PHRASE} AS label, r.holder, h.name AS holder_name,
            r.title, r."of", o.name AS of_name, r."to", t.name AS to_name,
            r.doc, r.sentence, r.start, r."end", substr(d.text, r.start + 1, r."end" - r.start)
            AS words, d.title AS doc_title, d.outlet, d.published
        FROM roles r {ROLE_JOINS} JOIN documents d ON d.id = r.doc
        WHERE ? IN (r.holder, r."of", r."to")
        ORDER BY {DOC_ORDER}, r.sentence, r.start LIMIT ?""",
        [entity_id, FACTS_SHOWN],
    )
    ties = store.rows(
        f"""SELECT 'tie' AS kind, {TIE_PHRASE} AS label, x.source, a.name AS source_name,
            x.kind AS tie, x.target, b.name AS target_name, x.doc, x.sentence, x.start, x."end",
            substr(d.text, x.start + 1, x."end" - x.start) AS words, d.title AS doc_title,
            d.outlet, d.published
        FROM ties x {TIE_JOINS} JOIN documents d ON d.id = x.doc
        WHERE ? IN (x.source, x.target)
        ORDER BY {DOC_ORDER}, x.sentence, x.start LIMIT ?""",
        [entity_id, FACTS_SHOWN],
    )
    totals = store.rows(
        """SELECT (SELECT count(*) FROM roles r WHERE ? IN (r.holder, r."of", r."to")) AS roles,
            (SELECT count(*) FROM ties x WHERE ? IN (x.source, x.target)) AS ties""",
        [entity_id, entity_id],
    )[0]
    return {"roles": roles, "ties": ties, "totals": totals}


def entity_claims(store: Store, entity_id: str) -> list[dict[str, Any]]:
    """The claims the entity makes (it is their speaker)."""
    return store.rows(
        """SELECT c.doc, c.start, c."end", c.sentence,
            substr(d.text, c.start + 1, c."end" - c.start) AS words
        FROM claims c JOIN documents d ON d.id = c.doc
        JOIN mentions m ON m.doc = c.doc AND m."index" = c.speaker
        WHERE m.entity = ? ORDER BY c.doc, c.start LIMIT ?""",
        [entity_id, FACTS_SHOWN],
    )


def entity_candidates(store: Store, entity_id: str) -> list[dict[str, Any]]:
    """Entities the resolver thought might be this one, without merging them."""
    return store.rows(
        """SELECT e.id, e.name, e.type, c.score, c.reason FROM entity_candidates c
        JOIN entities e ON e.id = CASE WHEN c.a = ? THEN c.b ELSE c.a END
        WHERE ? IN (c.a, c.b) ORDER BY c.score DESC, e.name""",
        [entity_id, entity_id],
    )


def entity_choices(store: Store, limit: int = 300) -> list[dict[str, Any]]:
    return entities(store, limit, 0)["items"]


# -- search ---------------------------------------------------------------------------------


def search(
    index: SentenceIndex,
    store: Store,
    limit: int,
    offset: int,
    q: str | None = None,
    source: str | None = None,
    actor: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> dict[str, Any]:
    """Sentences containing `q` (ignoring case and accents), from one source, naming one actor,
    from documents published in a date range; in document order."""
    condition, params = conditions(
        "TRUE",
        ("contains(folded, strip_accents(lower(?)))", q),
        ("doc = ?", source),
        ('(doc, "index") IN (SELECT doc, sentence FROM sentence_actor WHERE entity = ?)', actor),
        ("published >= ?", date_from),
        ("published <= ?", date_to),
    )
    items = index.rows(
        f'SELECT doc, "index" AS sentence, text, published FROM sentence_text '
        f"WHERE {condition} ORDER BY rank LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    total = index.rows(f"SELECT count(*) AS n FROM sentence_text WHERE {condition}", params)[0]
    docs = {
        row["id"]: row
        for row in store.rows(
            "SELECT id, title, outlet FROM documents WHERE list_contains(?, id)",
            [sorted({item["doc"] for item in items})],
        )
    }
    for item in items:
        item["title"] = docs.get(item["doc"], {}).get("title")
        item["outlet"] = docs.get(item["doc"], {}).get("outlet")
    return page(items, int(total["n"]), limit, offset)


# -- network --------------------------------------------------------------------------------


def graph(store: Store, source: str | None = None, compare: str | None = None) -> dict[str, Any]:
    """Actors and the edges between them: ties, roles (holder to the body or state of the
    role) and co-mentions (named in one sentence), each with up to five sentences stating it.
    With `source`, only what that document says; with `compare` too, what either says, each
    edge and node marked with the side that draws it ("a", "b" or "both")."""
    docs = [d for d in (source, compare) if d] if source else []
    params: dict[str, Any] = {"docs": docs} if docs else {}

    def scope(column: str) -> str:
        return f"list_contains($docs, {column})" if docs else "TRUE"

    if source and compare:
        params |= {"a": source, "b": compare}
        side = """CASE WHEN bool_or({doc} = $a) AND bool_or({doc} = $b) THEN 'both'
            WHEN bool_or({doc} = $a) THEN 'a' ELSE 'b' END"""
    else:
        side = "NULL"
    edges = _graph_edges(store, scope, side, params)
    linked = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = _graph_nodes(store, scope, side, params | {"linked": linked}, bool(docs))
    return {
        "nodes": nodes,
        "edges": edges,
        "source": source,
        "compare": compare if source else None,
        "truncated": len(edges) >= GRAPH_EDGES,
    }


def _graph_edges(
    store: Store, scope: Callable[[str], str], side: str, params: dict[str, Any]
) -> list[dict[str, Any]]:
    """The strongest ties, roles and co-mentions in scope, each with its evidence."""
    edges = named(
        store,
        f"""WITH facts AS (
            SELECT source AS x, target AS y, kind, replace(kind, '_', ' ') AS label, doc,
                sentence FROM ties WHERE {scope("doc")}
            UNION ALL SELECT holder, "of", 'role', title, doc, sentence FROM roles
            WHERE "of" IS NOT NULL AND {scope("doc")}
            UNION ALL SELECT holder, "to", 'role', title || ' to', doc, sentence FROM roles
            WHERE "to" IS NOT NULL AND {scope("doc")}
            UNION ALL SELECT DISTINCT m.entity, n.entity, 'co-mention', 'co-mention', m.doc,
                m.sentence FROM mentions m JOIN mentions n ON n.doc = m.doc
                AND n.sentence = m.sentence AND m.entity < n.entity
            WHERE {scope("m.doc")})
        SELECT x AS source, y AS target, kind, label, count(*) AS weight,
            {side.format(doc="doc")} AS side,
            list({{'doc': doc, 'sentence': sentence}} ORDER BY doc, sentence)[1:5] AS evidence
        FROM facts WHERE x <> y GROUP BY x, y, kind, label
        ORDER BY kind = 'co-mention', weight DESC, x, y, label LIMIT {GRAPH_EDGES}""",
        params,
    )
    for edge in edges:
        edge["id"] = f"{edge['kind']}|{edge['source']}|{edge['target']}|{edge['label']}"
        edge["evidence"] = list(edge["evidence"])
    return edges


def _graph_nodes(
    store: Store, scope: Callable[[str], str], side: str, params: dict[str, Any], scoped: bool
) -> list[dict[str, Any]]:
    """The actors drawn: every actor the chosen sources name (else the most mentioned), and
    all that the edges link."""
    chosen = "c.entity IS NOT NULL" if scoped else f"r.rank <= {GRAPH_TOP_ACTORS}"
    return named(
        store,
        f"""WITH counts AS (SELECT entity, count(*) AS mentions,
                {side.format(doc="doc")} AS side
            FROM mentions WHERE entity IS NOT NULL AND {scope("doc")} GROUP BY entity),
        ranked AS (SELECT entity, row_number() OVER (ORDER BY mentions DESC, entity) AS rank
            FROM counts)
        SELECT e.id, e.name AS label, e.type, coalesce(c.mentions, 0) AS mentions, c.side
        FROM entities e LEFT JOIN counts c ON c.entity = e.id
        LEFT JOIN ranked r ON r.entity = e.id
        WHERE list_contains($linked, e.id) OR {chosen}
        ORDER BY mentions DESC, e.name""",
        params,
    )


# -- timeline -------------------------------------------------------------------------------


def timeline(
    store: Store,
    limit: int,
    offset: int,
    source: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> dict[str, Any]:
    """What happened when, in date order: each document (linked by its first sentence) and the
    roles and ties it states, dated by the document, and the events it reports, dated by when
    they happened where the text says, else by the document."""
    condition, params = conditions(
        "date IS NOT NULL", ("doc = ?", source), ("date >= ?", date_from), ("date <= ?", date_to)
    )
    items_sql = f"""WITH items AS (
        SELECT 'document' AS kind, d.id AS doc, d.published AS date,
            coalesce(f.first, 0) AS sentence, coalesce(d.title, d.source_path) AS label, 0 AS ord,
            NULL AS told
        FROM documents d LEFT JOIN (SELECT doc, min("index") AS first FROM sentences GROUP BY doc)
            f ON f.doc = d.id
        UNION ALL
        SELECT 'role', r.doc, d.published, r.sentence, {ROLE_PHRASE}, 1, NULL
        FROM roles r {ROLE_JOINS} JOIN documents d ON d.id = r.doc
        UNION ALL
        SELECT 'tie', x.doc, d.published, x.sentence, {TIE_PHRASE}, 1, NULL
        FROM ties x {TIE_JOINS} JOIN documents d ON d.id = x.doc
        UNION ALL
        SELECT 'event', e.doc, coalesce(TRY_CAST(e.happened AS DATE), d.published),
            e.sentence, concat_ws(' ', e.type, e.trigger), 1,
            CASE WHEN e.date_value <> e.happened THEN e.date_value END
        FROM events e JOIN documents d ON d.id = e.doc WHERE NOT e.negated)
        SELECT * FROM items WHERE {condition}"""
    items = store.rows(
        f"{items_sql} ORDER BY date, doc, ord, sentence, label LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    total = store.scalar(f"SELECT count(*) FROM ({items_sql})", params)
    docs = {
        row["id"]: row
        for row in store.rows(
            "SELECT id, title, outlet, published FROM documents WHERE list_contains(?, id)",
            [sorted({item["doc"] for item in items})],
        )
    }
    for item in items:
        for key in ("outlet", "title", "published"):
            item[key] = docs[item["doc"]][key]
    result = page(items, int(total), limit, offset)
    result["undated"] = int(store.scalar("SELECT count(*) FROM documents WHERE published IS NULL"))
    return result


# -- comparison -----------------------------------------------------------------------------

SENTENCES_PER_SIDE = 20


def compare(store: Store, a: str, b: str, limit: int, offset: int) -> dict[str, Any]:
    """Two sources side by side, aligned by the actors they name: one row per actor, "shared"
    when both name it, "unique" when one only, with each side's sentences naming it. Shared
    actors first, then the most mentioned. (What they report is compared by
    `counterpoint.compare.source_diff`.)"""
    rows_sql = """WITH m AS (SELECT DISTINCT entity, doc, sentence FROM mentions
            WHERE doc IN ($a, $b) AND entity IS NOT NULL),
        per AS (SELECT entity, bool_or(doc = $a) AS in_a, bool_or(doc = $b) AS in_b,
            count(*) AS n FROM m GROUP BY entity)"""
    params: dict[str, Any] = {"a": a, "b": b}
    items = named(
        store,
        f"""{rows_sql}
        SELECT e.id, e.name, e.type, per.n AS sentences,
            CASE WHEN in_a AND in_b THEN 'shared' ELSE 'unique' END AS relation,
            CASE WHEN in_a AND in_b THEN 'both' WHEN in_a THEN 'a' ELSE 'b' END AS side
        FROM per JOIN entities e ON e.id = per.entity
        ORDER BY in_a AND in_b DESC, per.n DESC, e.name, e.id LIMIT $limit OFFSET $offset""",
        params | {"limit": limit, "offset": offset},
    )
    total = named(store, f"{rows_sql} SELECT count(*) AS n FROM per", params)[0]["n"]
    quotes = named(
        store,
        f"""SELECT DISTINCT m.entity, m.doc, m.sentence, {SENTENCE_TEXT} AS text
        FROM mentions m JOIN sentences s ON s.doc = m.doc AND s."index" = m.sentence
        JOIN documents d ON d.id = m.doc
        WHERE m.doc IN ($a, $b) AND list_contains($ids, m.entity)
        ORDER BY m.doc, m.sentence""",
        params | {"ids": [item["id"] for item in items]},
    )
    by_entity: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for quote in quotes:
        side = by_entity.setdefault((quote["entity"], quote["doc"]), [])
        if len(side) < SENTENCES_PER_SIDE:
            side.append({"doc": quote["doc"], "sentence": quote["sentence"], "text": quote["text"]})
    rows = [
        {
            "entity": {k: item[k] for k in ("id", "name", "type")},
            "relation": item["relation"],
            "side": item["side"],
            "a": by_entity.get((item["id"], a), []),
            "b": by_entity.get((item["id"], b), []),
        }
        for item in items
    ]
    result = page(rows, int(total), limit, offset)
    shared = f"{rows_sql} SELECT count(*) AS n FROM per WHERE in_a AND in_b"
    result["shared"] = int(named(store, shared, params)[0]["n"])
    return result
