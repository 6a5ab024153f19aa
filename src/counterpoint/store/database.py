"""Store: one DuckDB file holds everything, under a versioned schema.

Each document is written in one transaction, so an interrupted run leaves only whole documents
behind and the next run picks up where it stopped. Entities are rewritten as a whole, also in one
transaction, each time the resolver runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from counterpoint.config import Settings
from counterpoint.errors import StoreError, StoreInUse
from counterpoint.records import (
    Annotation,
    CandidateLink,
    Claim,
    Document,
    Entity,
    Event,
    Figure,
    LoadedSentence,
    LoadedWord,
    Mention,
    NounChunk,
    Relation,
    Role,
    Sentence,
    Tie,
    Token,
)
from counterpoint.version import __version__

R = TypeVar("R")
T = TypeVar("T")

SCHEMA_VERSION = 10
# Every DuckDB connection: never fetch or load an extension at run time (a SQLite file given as
# the store would otherwise make DuckDB download its SQLite reader). DuckDB's allocator gives
# back the memory its queries freed in a background thread: without it, the pages a large
# query freed stay resident until later queries reuse them (110 MB after one part's resolution
# on the 5,848 texts of bench/peak_memory.py, 40 MB on 1,300).
DUCKDB_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allocator_background_threads": True,
}
# A DuckDB file carries this at byte 8 (after a checksum); SQLite's starts with its own.
DUCKDB_MAGIC = (8, b"DUCK")
SQLITE_MAGIC = b"SQLite format 3\0"
# A document's source, for comparing sources: its outlet, else the document itself (as
# `Document.source`). SQL over `documents d`.
DOCUMENT_SOURCE = "coalesce(d.outlet, d.id)"
# Lookups by id go to DuckDB as literal lists (`IN (?, ?, ...)`), in chunks: DuckDB reads an ART
# index for such a list when at most max(2,048, 0.1 % of the table) rows match, and reads the
# whole table for `IN (SELECT unnest(?))` (at 100,000 articles, 2.4 million sentence vectors
# read to find 2,000: 5 to 12 s). A chunk of documents is a few dozen rows each (sentences,
# mentions, vectors); a chunk of ids of one row each can be longer, but for rows with a text:
# DuckDB fetched 1,024 documents' texts in 3.3 s of CPU in lists of 256 or 1,024, in 0.02 s in
# lists of 32 (1,300 AllSides articles).
DOCS_PER_LOOKUP = 32
IDS_PER_LOOKUP = 1024
# Past this many chunks, one statement that reads the table whole is cheaper than the lookups
# (a new name of a recurring actor can move the mentions of thousands of documents).
MAX_CHUNKS = 8

# Version n's statements take a store from version n-1 to n.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE runs (id INTEGER, started TIMESTAMP, finished TIMESTAMP,
            version VARCHAR, settings JSON, documents_added INTEGER)""",
        """CREATE TABLE documents (id VARCHAR PRIMARY KEY, title VARCHAR, outlet VARCHAR,
            author VARCHAR, published DATE, url VARCHAR, language VARCHAR,
            source_path VARCHAR, format VARCHAR, text VARCHAR, added TIMESTAMP)""",
        'CREATE TABLE sentences (doc VARCHAR, "index" INTEGER, start INTEGER, "end" INTEGER)',
        """CREATE TABLE tokens (doc VARCHAR, "index" INTEGER, sentence INTEGER, start INTEGER,
            "end" INTEGER, lemma VARCHAR, pos VARCHAR, dep VARCHAR, head INTEGER)""",
        """CREATE TABLE mentions (doc VARCHAR, "index" INTEGER, sentence INTEGER,
            start INTEGER, "end" INTEGER, text VARCHAR, label VARCHAR, entity VARCHAR)""",
        """CREATE TABLE noun_chunks (doc VARCHAR, sentence INTEGER, start INTEGER,
            "end" INTEGER, root INTEGER)""",
        """CREATE TABLE entities (id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR,
            aliases VARCHAR[])""",
        # Filled by later stages; each row points at its document and span.
        """CREATE TABLE events (id VARCHAR PRIMARY KEY, doc VARCHAR, start INTEGER,
            "end" INTEGER, type VARCHAR, data JSON)""",
        """CREATE TABLE figures (id VARCHAR PRIMARY KEY, doc VARCHAR, start INTEGER,
            "end" INTEGER, value DOUBLE, unit VARCHAR, data JSON)""",
        """CREATE TABLE claims (id VARCHAR PRIMARY KEY, doc VARCHAR, start INTEGER,
            "end" INTEGER, speaker VARCHAR, data JSON)""",
        """CREATE TABLE alignments (id VARCHAR PRIMARY KEY, kind VARCHAR, relation VARCHAR,
            score DOUBLE, members JSON, evidence JSON)""",
    ],
    2: [
        "ALTER TABLE entities ADD COLUMN identifiers JSON",
        "ALTER TABLE mentions ADD COLUMN dep VARCHAR",
        "ALTER TABLE mentions ADD COLUMN head VARCHAR",
        """CREATE TABLE relations (doc VARCHAR, sentence INTEGER, kind VARCHAR, source INTEGER,
            target INTEGER, start INTEGER, "end" INTEGER, role VARCHAR, "to" INTEGER)""",
        """CREATE TABLE ties (source VARCHAR, target VARCHAR, kind VARCHAR, doc VARCHAR,
            sentence INTEGER, start INTEGER, "end" INTEGER)""",
        """CREATE TABLE roles (holder VARCHAR, title VARCHAR, "of" VARCHAR, "to" VARCHAR,
            doc VARCHAR, sentence INTEGER, start INTEGER, "end" INTEGER)""",
        "CREATE TABLE entity_candidates (a VARCHAR, b VARCHAR, score DOUBLE, reason VARCHAR)",
    ],
    # The placeholders of version 1 (always empty) become the records of the extract stage;
    # actors in them are mention indexes of their document.
    3: [
        "DROP TABLE events",
        "DROP TABLE figures",
        "DROP TABLE claims",
        """CREATE TABLE figures (doc VARCHAR, sentence INTEGER, start INTEGER, "end" INTEGER,
            value DOUBLE, unit VARCHAR, qualifier VARCHAR, measures VARCHAR, about INTEGER,
            refers_to VARCHAR)""",
        """CREATE TABLE claims (doc VARCHAR, sentence INTEGER, start INTEGER, "end" INTEGER,
            kind VARCHAR, speaker INTEGER, speaker_text VARCHAR, cue VARCHAR,
            cue_start INTEGER, cue_end INTEGER, certainty VARCHAR, endorsement VARCHAR,
            nested_in INTEGER)""",
        """CREATE TABLE events (doc VARCHAR, sentence INTEGER, start INTEGER, "end" INTEGER,
            type VARCHAR, trigger VARCHAR, source INTEGER, target INTEGER, place INTEGER,
            happened VARCHAR, happened_end VARCHAR, reported VARCHAR, dead INTEGER,
            injured INTEGER, size INTEGER, negated BOOLEAN, modality VARCHAR)""",
    ],
    # Source comparison. Alignment grows one document at a time: each item is filed under
    # blocking keys (its actors, its kind of fact, its month), a new item is compared with the
    # items under its keys only, and the groups it joins are judged again. The indexes keep
    # each of these lookups from reading the whole store.
    4: [
        """CREATE TABLE loaded_words (doc VARCHAR, sentence INTEGER, start INTEGER,
            "end" INTEGER, text VARCHAR, kind VARCHAR, weight DOUBLE)""",
        "CREATE TABLE aligned (doc VARCHAR PRIMARY KEY)",
        "CREATE TABLE alignment_keys (key VARCHAR, item VARCHAR, day INTEGER)",
        "CREATE INDEX alignment_keys_key ON alignment_keys (key)",
        "CREATE TABLE alignment_links (a VARCHAR, b VARCHAR, score DOUBLE, reason VARCHAR)",
        'CREATE TABLE alignment_groups (item VARCHAR, "group" VARCHAR)',
        "CREATE INDEX alignment_groups_item ON alignment_groups (item)",
        'CREATE INDEX alignment_groups_group ON alignment_groups ("group")',
        "DROP TABLE alignments",
        """CREATE TABLE alignments (id VARCHAR, "group" VARCHAR, kind VARCHAR,
            relation VARCHAR, score DOUBLE, members JSON, evidence JSON)""",
        'CREATE INDEX alignments_group ON alignments ("group")',
        "CREATE TABLE sentence_vectors (doc VARCHAR, sentence INTEGER, vector FLOAT[])",
        "CREATE INDEX sentence_vectors_doc ON sentence_vectors (doc)",
        "CREATE INDEX documents_outlet ON documents (outlet)",
        "CREATE INDEX sentences_doc ON sentences (doc)",
        "CREATE INDEX mentions_doc ON mentions (doc)",
        "CREATE INDEX events_doc ON events (doc)",
        "CREATE INDEX figures_doc ON figures (doc)",
        "CREATE INDEX claims_doc ON claims (doc)",
        "CREATE INDEX loaded_words_doc ON loaded_words (doc)",
    ],
    # Stories, and relations judged precision first, one per pair of sentences with its reason:
    # what earlier versions aligned is aligned again by the next run.
    5: [
        "ALTER TABLE alignments ADD COLUMN reason VARCHAR",
        "CREATE TABLE stories (id VARCHAR PRIMARY KEY, title VARCHAR)",
        "CREATE TABLE document_stories (doc VARCHAR PRIMARY KEY, story VARCHAR)",
        "CREATE INDEX document_stories_story ON document_stories (story)",
        "CREATE TABLE document_vectors (doc VARCHAR PRIMARY KEY, vector FLOAT[])",
        "DELETE FROM aligned",
        "DELETE FROM alignment_keys",
        "DELETE FROM alignment_links",
        "DELETE FROM alignment_groups",
        "DELETE FROM alignments",
    ],
    # Ranges of figures, dates that keep their granularity (a month is not its first day), and
    # loaded words inside a quotation (the speaker's, not the outlet's).
    6: [
        "ALTER TABLE figures ADD COLUMN high DOUBLE",
        "ALTER TABLE events ADD COLUMN date_value VARCHAR",
        "ALTER TABLE loaded_words ADD COLUMN quoted BOOLEAN DEFAULT FALSE",
    ],
    # Resolution in two steps: each document's own, made once and kept (its mentions' keys,
    # the aliases it defines, the merges it leaves open, the types its tagger gave each name),
    # then the keys linked across documents, again only where new documents touch them: the
    # state of that linking (each key's entity, the joins and open merges it decided, the
    # tokens that say which keys can affect which) is kept too.
    7: [
        "ALTER TABLE mentions ADD COLUMN key VARCHAR",
        "CREATE TABLE resolved_documents (doc VARCHAR PRIMARY KEY, linked BOOLEAN)",
        """CREATE TABLE resolution_keys (key VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR,
            iso VARCHAR, place VARCHAR, description BOOLEAN, mentions INTEGER, entity VARCHAR)""",
        "CREATE INDEX resolution_keys_name ON resolution_keys (name)",
        """CREATE TABLE key_forms (key VARCHAR, text VARCHAR, description BOOLEAN,
            mentions INTEGER, PRIMARY KEY (key, text, description))""",
        "CREATE TABLE name_votes (doc VARCHAR, name VARCHAR, kind VARCHAR, mentions INTEGER)",
        "CREATE INDEX name_votes_name ON name_votes (name)",
        "CREATE TABLE key_aliases (alias VARCHAR, key VARCHAR, PRIMARY KEY (alias, key))",
        "CREATE TABLE key_tokens (token VARCHAR, key VARCHAR)",
        "CREATE INDEX key_tokens_token ON key_tokens (token)",
        "CREATE INDEX key_tokens_key ON key_tokens (key)",
        """CREATE TABLE local_candidates (doc VARCHAR, a VARCHAR, b VARCHAR, score DOUBLE,
            reason VARCHAR)""",
        "CREATE TABLE link_candidates (a VARCHAR, b VARCHAR, score DOUBLE, reason VARCHAR)",
        "CREATE INDEX link_candidates_a ON link_candidates (a)",
    ],
    # Every sentence judged for loaded language from its words, with the features that judgement
    # read (a reader with the sentence's embedding judges it again); documents analysed before
    # have none. Why a description ("the president") stands for its actor.
    8: [
        "ALTER TABLE mentions ADD COLUMN reason VARCHAR",
        """CREATE TABLE loaded_sentences (doc VARCHAR, sentence INTEGER, start INTEGER,
            "end" INTEGER, bias DOUBLE, features DOUBLE[])""",
        "CREATE INDEX loaded_sentences_doc ON loaded_sentences (doc)",
    ],
    # The types the tagger gave each name, summed over the documents (`name_votes` keeps them
    # by document): linking reads a name's types without reading its votes in every document,
    # which grow with the store.
    9: [
        """CREATE TABLE name_kinds (name VARCHAR, kind VARCHAR, mentions INTEGER,
            PRIMARY KEY (name, kind))""",
        "INSERT INTO name_kinds SELECT name, kind, sum(mentions) FROM name_votes GROUP BY ALL",
    ],
    # Each stored document is marked pending for each stage after storing until that stage has
    # taken it (`pending_documents`): finding the documents not placed, resolved or aligned yet
    # reads these few rows instead of every document against every mark. The open merges of the
    # entities a run touches are read by key, through these indexes, their keys by entity, and
    # the relations, ties, roles and type votes of a run's documents by document.
    10: [
        "CREATE TABLE pending (stage VARCHAR, doc VARCHAR)",
        "CREATE INDEX local_candidates_a ON local_candidates (a)",
        "CREATE INDEX local_candidates_b ON local_candidates (b)",
        "CREATE INDEX local_candidates_doc ON local_candidates (doc)",
        "CREATE INDEX link_candidates_b ON link_candidates (b)",
        "CREATE INDEX resolution_keys_entity ON resolution_keys (entity)",
        "CREATE INDEX relations_doc ON relations (doc)",
        "CREATE INDEX name_votes_doc ON name_votes (doc)",
        "CREATE INDEX ties_doc ON ties (doc)",
        "CREATE INDEX roles_doc ON roles (doc)",
    ],
}
# The stages a stored document waits for, and the table that marks each stage's documents done.
PENDING_STAGES = {
    "stories": "document_stories",
    "resolve": "resolved_documents",
    "align": "aligned",
}

TABLES = (
    "documents",
    "sentences",
    "tokens",
    "mentions",
    "noun_chunks",
    "relations",
    "entities",
    "ties",
    "roles",
    "entity_candidates",
    "events",
    "figures",
    "claims",
    "loaded_words",
    "loaded_sentences",
    "alignments",
    "aligned",
    "alignment_keys",
    "alignment_links",
    "alignment_groups",
    "sentence_vectors",
    "stories",
    "document_stories",
    "document_vectors",
    "runs",
)


class Store:
    """A Counterpoint store in one DuckDB file. Use as a context manager."""

    def __init__(self, path: str | Path, read_only: bool = False, fresh: bool = False) -> None:
        """Open the store at `path`. `fresh` (read-only) opens the file as it is now, even where
        this process has an older file of that name open: DuckDB otherwise answers from the
        database it already has open under the path. Raises StoreInUse while another process
        writes the file."""
        self.path = Path(path)
        self.read_only = read_only or fresh
        if self.read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no store here; run 'counterpoint analyze' first")
        _refuse_foreign_file(self.path)
        try:
            self.con = _connect(self.path, self.read_only, fresh)
        except duckdb.Error as error:
            if damage := _damaged(self.path, error):
                raise damage from None
            kind = StoreInUse if "lock" in str(error).lower() else StoreError
            raise kind(f"{self.path}: {_explain_open_error(error)}") from None
        try:
            self._check_schema(self.read_only)
        except duckdb.Error as error:
            self.con.close()
            if damage := _damaged(self.path, error):
                raise damage from None
            raise
        except BaseException:
            self.con.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
        if isinstance(value, duckdb.Error) and (damage := _damaged(self.path, value)):
            raise damage from None

    def close(self) -> None:
        self.con.close()

    # -- schema ------------------------------------------------------------------------------

    def _check_schema(self, read_only: bool) -> None:
        tables = {
            row[0] for row in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if not tables:
            if read_only:
                raise StoreError(
                    f"{self.path}: the store is empty; run 'counterpoint analyze' first"
                )
            self._migrate(0)
            return
        if "meta" not in tables:
            raise StoreError(f"{self.path}: a DuckDB database, but not a Counterpoint store")
        version = int(self.scalar("SELECT value FROM meta WHERE key = 'schema_version'") or 0)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer Counterpoint (store schema {version}, this "
                f"version reads up to {SCHEMA_VERSION}); upgrade Counterpoint to open it"
            )
        if version < SCHEMA_VERSION:
            if read_only:
                raise StoreError(
                    f"{self.path}: store schema {version} is older than {SCHEMA_VERSION}; run "
                    "'counterpoint analyze' once to upgrade it"
                )
            self._migrate(version)

    def _migrate(self, current: int) -> None:
        with self.transaction():
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version]:
                    self.con.execute(statement)
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing, even on Ctrl-C."""
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    # -- writing -----------------------------------------------------------------------------

    def add_annotation(self, annotation: Annotation) -> None:
        """Write one document and everything found in it, in one transaction."""
        doc = annotation.doc
        with self.transaction():
            self.con.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    doc.id,
                    doc.title,
                    doc.outlet,
                    doc.author,
                    doc.published,
                    doc.url,
                    doc.language,
                    doc.source_path,
                    doc.format,
                    doc.text,
                    datetime.now(),
                ],
            )
            self.insert_records("sentences", Sentence, annotation.sentences)
            self.insert_records("tokens", Token, annotation.tokens)
            self.insert_records("mentions", Mention, annotation.mentions)
            self.insert_records("noun_chunks", NounChunk, annotation.noun_chunks)
            self.insert_records("relations", Relation, annotation.relations)
            self.insert_records("figures", Figure, annotation.figures)
            self.insert_records("claims", Claim, annotation.claims)
            self.insert_records("events", Event, annotation.events)
            self.insert_records("loaded_words", LoadedWord, annotation.loaded_words)
            self.insert_records("loaded_sentences", LoadedSentence, annotation.loaded_sentences)
            self.insert_columns(
                "pending", {"stage": list(PENDING_STAGES), "doc": [doc.id] * len(PENDING_STAGES)}
            )

    def insert_records(self, table: str, record_type: type, rows: Sequence[Any]) -> None:
        """Rows of a dataclass whose fields are the table's columns."""
        names = [f.name for f in fields(record_type)]
        self.insert_columns(table, {name: [getattr(row, name) for row in rows] for name in names})

    def insert_columns(
        self, table: str, columns: dict[str, list[Any]], keep_existing: bool = False
    ) -> None:
        """Rows given column by column; with `keep_existing`, a row whose key is already in
        the table is left out."""
        if not next(iter(columns.values())):
            return
        quoted = ", ".join(f'"{name}"' for name in columns)
        verb = "INSERT OR IGNORE" if keep_existing else "INSERT"
        with self.registered(pa.table(columns)) as name:
            self.con.execute(f"{verb} INTO {table} ({quoted}) SELECT {quoted} FROM {name}")

    @contextmanager
    def registered(self, data: pa.Table, name: str = "incoming") -> Iterator[str]:
        """Let SQL read an Arrow table under `name`, for as long as the block runs. Where the
        block failed inside a transaction, DuckDB refuses to unregister until it is rolled
        back; the error that aborted it is the one raised, not that refusal."""
        self.con.register(name, data)
        try:
            yield name
        finally:
            with suppress(duckdb.TransactionException):
                self.con.unregister(name)

    def start_run(self, settings: Settings) -> int:
        run_id = int(self.scalar("SELECT coalesce(max(id), 0) + 1 FROM runs"))
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, NULL, ?, ?, 0)",
            [run_id, datetime.now(), __version__, json.dumps(settings.to_dict())],
        )
        return run_id

    def finish_run(self, run_id: int, documents_added: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, documents_added = ? WHERE id = ?",
            [datetime.now(), documents_added, run_id],
        )

    # -- reading -----------------------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def fetch_in(
        self, sql: str, values: Iterable[Any], size: int = DOCS_PER_LOOKUP
    ) -> list[tuple[Any, ...]]:
        """The rows of `sql` whose `{ids}` stands for a list of `values` (its only parameters):
        literal lists of `size` values, each read through the index (`id_lists`). DuckDB reads
        the index only when the list is the query's one filter on the table (no other
        condition, no join). Rows come list after list: a caller that wants one order sorts
        them."""
        found: list[tuple[Any, ...]] = []
        for ids, params in id_lists(values, size):
            found += self.con.execute(sql.replace("{ids}", ids), params).fetchall()
        return found

    def arrow_in(self, sql: str, values: Sequence[str], size: int = DOCS_PER_LOOKUP) -> pa.Table:
        """The rows of `sql` for `values`, read as `fetch_in` reads them, as one Arrow table:
        far cheaper than Python tuples for wide rows (a vector is a list of 384 floats)."""
        parts = [
            self.con.sql(sql.replace("{ids}", ids), params=params).to_arrow_table()
            for ids, params in id_lists(values, size)
        ]
        if not parts:  # no values: the query's columns, no rows
            return self.con.sql(sql.replace("{ids}", "(NULL)")).to_arrow_table()
        return pa.concat_tables(parts)

    def execute_in(self, sql: str, values: Iterable[Any], size: int = IDS_PER_LOOKUP) -> None:
        """Run `sql` (a DELETE or UPDATE) whose `{ids}` stands for a list of `values`, as
        `fetch_in` does."""
        for ids, params in id_lists(values, size):
            self.con.execute(sql.replace("{ids}", ids), params)

    def records_in(
        self,
        record_type: type[R],
        table: str,
        column: str,
        values: Iterable[Any],
        size: int = DOCS_PER_LOOKUP,
    ) -> list[R]:
        """The rows of `table` whose `column` is one of `values`, as records of `record_type`
        (its fields name the columns), in table order. Filter the records in Python: a second
        condition in SQL makes DuckDB read the whole table instead of the index."""
        names = [f.name for f in fields(record_type)]  # type: ignore[arg-type]
        quoted = ", ".join(f'"{name}"' for name in names)
        sql = f'SELECT rowid, {quoted} FROM {table} WHERE "{column}" IN {{ids}}'
        rows = sorted(self.fetch_in(sql, values, size), key=lambda row: row[0])
        return [record_type(**dict(zip(names, row[1:], strict=True))) for row in rows]

    def pending_documents(self, stage: str) -> list[str]:
        """The documents not through `stage` (a key of PENDING_STAGES) yet, in no order. They
        are read from their marks in `pending`, checked against the stage's own table; where
        the marks do not account for every such document (a store of an older schema, a stage
        forgotten whole, documents written by other means), every document is compared with
        the stage's table instead. The counts are read from DuckDB's table statistics."""
        done = PENDING_STAGES[stage]
        marked = [
            row[0]
            for row in self.con.execute(
                "SELECT DISTINCT doc FROM pending WHERE stage = ?", [stage]
            ).fetchall()
        ]
        finished = {
            row[0]
            for row in self.fetch_in(
                f"SELECT doc FROM {done} WHERE doc IN {{ids}}", marked, IDS_PER_LOOKUP
            )
        }
        left = [doc for doc in marked if doc not in finished]
        missing = int(self.scalar("SELECT count(*) FROM documents")) - int(
            self.scalar(f"SELECT count(*) FROM {done}")
        )
        if missing == len(left):
            return left
        return [
            row[0]
            for row in self.con.execute(
                f"SELECT id FROM documents ANTI JOIN {done} ON id = doc"
            ).fetchall()
        ]

    def pending_in_order(self, stages: str | Sequence[str], column: str) -> list[str]:
        """The documents not through one of `stages` yet, ordered as SQL's `ORDER BY column,
        id` orders them (the documents without a value last)."""
        waiting = {
            doc
            for stage in ([stages] if isinstance(stages, str) else stages)
            for doc in self.pending_documents(stage)
        }
        rows = self.fetch_in(
            f'SELECT "{column}", id FROM documents WHERE id IN {{ids}}',
            sorted(waiting),
            IDS_PER_LOOKUP,
        )
        return [doc for _, doc in sorted(rows, key=lambda r: (r[0] is None, r[0] or 0, r[1]))]

    def clear_pending(self, stage: str, docs: Iterable[str]) -> None:
        """`docs` are through `stage`: their marks go (in the caller's transaction)."""
        if stage not in PENDING_STAGES:
            raise ValueError(f"no stage '{stage}'")
        self.execute_in(f"DELETE FROM pending WHERE stage = '{stage}' AND doc IN {{ids}}", docs)

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first value of the first row, or None. Reads every row: DuckDB refuses new work
        on a connection while a result is only partly fetched."""
        rows = self.con.execute(sql, list(params)).fetchall()
        return rows[0][0] if rows else None

    def document_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT id FROM documents").fetchall()}

    def documents(self) -> list[Document]:
        return self.records(Document, "documents", "published, title, id")

    def mentions(self) -> list[Mention]:
        return self.records(Mention, "mentions", 'doc, "index"')

    def records(
        self, record_type: type[R], table: str, order: str = "", params: Sequence[Any] = ()
    ) -> list[R]:
        """Rows of `table` (a table, or a table and its WHERE clause) as records of
        `record_type` (its fields name the columns)."""
        names = ", ".join(f'"{f.name}"' for f in fields(record_type))  # type: ignore[arg-type]
        sql = f"SELECT {names} FROM {table}" + (f" ORDER BY {order}" if order else "")
        return [record_type(**row) for row in self.rows(sql, params)]

    def relations(self) -> list[Relation]:
        return self.records(Relation, "relations", "doc, sentence, start")

    def figures(self) -> list[Figure]:
        return self.records(Figure, "figures", "doc, start")

    def claims(self) -> list[Claim]:
        return self.records(Claim, "claims", "doc, start")

    def events(self) -> list[Event]:
        return self.records(Event, "events", "doc, start")

    def ties(self) -> list[Tie]:
        return self.records(Tie, "ties", "doc, sentence, start")

    def roles(self) -> list[Role]:
        return self.records(Role, "roles", "doc, sentence, start")

    def candidates(self) -> list[CandidateLink]:
        return self.records(CandidateLink, "entity_candidates", "score DESC, a, b")

    def entities(self) -> list[Entity]:
        """Entities with their mentions attached."""
        by_entity: dict[str, list[Mention]] = {}
        for mention in self.mentions():
            if mention.entity:
                by_entity.setdefault(mention.entity, []).append(mention)
        return [
            Entity(
                id=row["id"],
                name=row["name"],
                type=row["type"],
                aliases=list(row["aliases"]),
                mentions=by_entity.get(row["id"], []),
                identifiers=json.loads(row["identifiers"] or "{}"),
            )
            for row in self.rows("SELECT * FROM entities ORDER BY name, id")
        ]

    def table(self, name: str) -> pa.Table:
        if name not in TABLES:
            raise StoreError(f"no table '{name}' in the store")
        return self.con.sql(f"SELECT * FROM {name}").to_arrow_table()

    def counts(self) -> dict[str, int]:
        return {name: int(self.scalar(f"SELECT count(*) FROM {name}")) for name in TABLES}

    def meta(self) -> dict[str, str]:
        return {row["key"]: row["value"] for row in self.rows("SELECT * FROM meta")}


def literal_list(n: int) -> str:
    """`(?, ?, ...)` for `n` values."""
    return "(" + ", ".join("?" * n) + ")"


def id_lists(values: Iterable[Any], size: int) -> Iterator[tuple[str, list[Any]]]:
    """(SQL list, its parameters) pairs that together hold `values` (strings): literal lists of
    at most `size`, which DuckDB reads through an index, or past `MAX_CHUNKS` of them one list
    parameter, which it reads by scanning the table once."""
    unique = list(dict.fromkeys(values))
    if len(unique) > size * MAX_CHUNKS:
        yield "(SELECT unnest(?::VARCHAR[]))", [unique]
        return
    for chunk in chunked(unique, size):
        yield literal_list(len(chunk)), chunk


def chunked(values: Iterable[T], size: int) -> Iterator[list[T]]:
    """`values` (deduplicated, in order) in lists of at most `size`."""
    unique = list(dict.fromkeys(values))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


def _connect(path: Path, read_only: bool, fresh: bool) -> duckdb.DuckDBPyConnection:
    if not fresh:
        return duckdb.connect(str(path), read_only=read_only, config=DUCKDB_CONFIG)
    # A database of its own, with the file attached: attaching reads the file anew.
    con = duckdb.connect(":memory:", config=DUCKDB_CONFIG)
    try:
        quoted = str(path).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS store (READ_ONLY)")
        con.execute("USE store")
    except BaseException:
        con.close()
        raise
    return con


def _explain_open_error(error: duckdb.Error) -> str:
    message = str(error)
    if "lock" in message.lower():
        return "the store is in use by another Counterpoint process; wait for it to finish"
    if "not a valid DuckDB database" in message or "Invalid Input" in message or "magic" in message:
        return "not a Counterpoint store (the file is not a DuckDB database)"
    return f"cannot open the store ({message.splitlines()[0]})"


def _refuse_foreign_file(path: Path) -> None:
    """Refuse a file that is not a DuckDB database before DuckDB opens it: DuckDB would try to
    read some (SQLite) with an extension it fetches from the network."""
    try:
        with path.open("rb") as file:
            head = file.read(16)
    except (FileNotFoundError, IsADirectoryError):
        return  # a new store, or DuckDB's own error
    except OSError as error:
        raise StoreError(f"{path}: cannot read the store ({error.strerror})") from None
    start, magic = DUCKDB_MAGIC
    if not head or head[start : start + len(magic)] == magic:
        return
    kind = "a SQLite database" if head.startswith(SQLITE_MAGIC) else "not a DuckDB database"
    raise StoreError(f"{path}: not a Counterpoint store (the file is {kind})")


def _damaged(path: Path, error: duckdb.Error) -> StoreError | None:
    """The error to show for a DuckDB file that cannot be read (truncated, overwritten in
    part), or None if `error` says something else."""
    message = str(error)
    lowered = message.lower()
    unreadable = isinstance(error, duckdb.IOException) and "could not read" in lowered
    if unreadable or "corrupt" in lowered or "checksum" in lowered:
        reason = message.splitlines()[0] if message else type(error).__name__
        return StoreError(f"{path} is damaged or not a Counterpoint store: {reason}")
    return None
