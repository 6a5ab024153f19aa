"""How the web explorer reaches the store.

Every request opens its own read-only connection (`Access.read`) and closes it before the
response is sent, so no connection outlives a request and a `counterpoint analyze` elsewhere
can write between requests. A correction (merge, split) needs the store writable, which DuckDB
refuses while this process holds any read-only connection to the file: `Access.write` waits
for the requests in flight to finish, lets none start, and opens the store writable alone.

Searching sentence text with `substr` over every sentence of a large store takes a few hundred
milliseconds, so the text of every sentence, folded for matching, is copied once into an
in-memory DuckDB database (`SentenceIndex`) and refreshed when the store changes (documents
added or entities re-resolved, which a fingerprint read with every search detects).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from counterpoint.store import Store
from counterpoint.store.database import DUCKDB_CONFIG


class ReadWriteLock:
    """Many readers or one writer. A waiting writer holds back new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            try:
                while self._writing or self._readers:
                    self._cond.wait()
            finally:
                self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


# What the sentence index holds: each sentence's text, folded for matching (lower case, no
# accents), with its document's date, and which entities each sentence mentions.
SENTENCES_SQL = """
    SELECT row_number() OVER (ORDER BY d.published NULLS LAST, s.doc, s."index") AS rank,
           s.doc, s."index", d.published, substr(d.text, s.start + 1, s."end" - s.start) AS text
    FROM sentences s JOIN documents d ON d.id = s.doc
    ORDER BY d.published NULLS LAST, s.doc, s."index"
"""
ACTORS_SQL = "SELECT DISTINCT doc, sentence, entity FROM mentions WHERE entity IS NOT NULL"
FINGERPRINT_SQL = """
    SELECT (SELECT count(*) FROM documents)::VARCHAR || '|'
        || coalesce((SELECT max(added)::VARCHAR FROM documents), '') || '|'
        || coalesce((SELECT value FROM meta WHERE key = 'resolved_at'), '')
"""


class SentenceIndex:
    """The text of every sentence in an in-memory DuckDB database, for fast search."""

    def __init__(self) -> None:
        self._mem = duckdb.connect(":memory:", config=DUCKDB_CONFIG)
        self._lock = threading.Lock()
        self._fingerprint: str | None = None

    def refresh(self, store: Store) -> None:
        """Rebuild the index if the store changed since it was built."""
        fingerprint = str(store.scalar(FINGERPRINT_SQL))
        if fingerprint == self._fingerprint:
            return
        with self._lock:
            if fingerprint == self._fingerprint:
                return
            sentences = store.con.sql(SENTENCES_SQL).to_arrow_table()
            actors = store.con.sql(ACTORS_SQL).to_arrow_table()
            con = self._mem.cursor()
            try:
                con.begin()
                con.register("incoming_sentences", sentences)
                con.register("incoming_actors", actors)
                con.execute(
                    'CREATE OR REPLACE TABLE sentence_text AS SELECT rank, doc, "index",'
                    " published, text, strip_accents(lower(text)) AS folded"
                    " FROM incoming_sentences ORDER BY rank"
                )
                con.execute(
                    "CREATE OR REPLACE TABLE sentence_actor AS SELECT * FROM incoming_actors"
                )
                con.commit()
                con.unregister("incoming_sentences")
                con.unregister("incoming_actors")
            finally:
                con.close()
            self._fingerprint = fingerprint

    def invalidate(self) -> None:
        self._fingerprint = None

    def rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        con = self._mem.cursor()
        try:
            cursor = con.execute(sql, params)
            names = [d[0] for d in cursor.description or []]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            con.close()


class Access:
    """The store behind the explorer: a fresh read-only connection per request, a writable
    one for corrections only, and the sentence index."""

    def __init__(self, db: str | Path) -> None:
        self.db = Path(db)
        self.lock = ReadWriteLock()
        self.sentences = SentenceIndex()
        with Store(self.db, read_only=True):  # refuse at once a missing or foreign file
            pass

    @contextmanager
    def read(self) -> Iterator[Store]:
        with self.lock.reading(), Store(self.db, read_only=True) as store:
            yield store

    @contextmanager
    def write(self) -> Iterator[Path]:
        """Hold off every reader while the caller opens the store writable (by its path)."""
        with self.lock.writing():
            try:
                yield self.db
            finally:
                self.sentences.invalidate()

    def search_ready(self, store: Store) -> SentenceIndex:
        self.sentences.refresh(store)
        return self.sentences
