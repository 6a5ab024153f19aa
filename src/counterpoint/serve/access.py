"""How the web explorer reaches the store.

The explorer reads the store's snapshot (`store/snapshot.py`), never the store itself: DuckDB
lets one process write a file and no other open it meanwhile, so reading the store would keep
`counterpoint analyze` out while the explorer is busy, and the explorer out while analyze
writes. Every request opens the snapshot afresh, read-only, and closes it before the response is
sent; analyze publishes a new one after each phase, so the next request shows it. The explorer
publishes the snapshot itself when it starts if there is none or the store changed since, unless
another process is writing the store (its snapshot will do). A store in a folder the explorer
cannot write is read directly: no one can be writing it.

A correction (merge, split) writes the store, and publishes the snapshot when done: while
another process writes the store, it waits up to `WRITE_WAIT` seconds, then is refused.

Searching sentence text with `substr` over every sentence of a large store takes a few hundred
milliseconds, so the text of every sentence, folded for matching, is copied once into an
in-memory DuckDB database (`SentenceIndex`) and refreshed when the store changes (documents
added or entities re-resolved, which a fingerprint read with every search detects).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from counterpoint.errors import StoreInUse
from counterpoint.store import Store
from counterpoint.store.database import DUCKDB_CONFIG
from counterpoint.store.snapshot import (
    publish_snapshot,
    snapshot_is_current,
    snapshot_path,
    wal_path,
)

T = TypeVar("T")

WRITE_WAIT = 10.0  # seconds a correction waits for another process to finish writing the store
WRITE_RETRY = 0.25


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
    """The store behind the explorer: its snapshot, opened afresh for each request, the store
    itself for corrections, and the sentence index."""

    def __init__(self, db: str | Path) -> None:
        self.db = Path(db)
        self.sentences = SentenceIndex()
        self._publishing = threading.Lock()
        self._correcting = threading.Lock()
        if os.access(self.db.parent, os.W_OK):
            self.source = snapshot_path(self.db)
            if not snapshot_is_current(self.db):
                # No snapshot yet while another process writes: requests answer 503 until then.
                with suppress(StoreInUse):
                    self.publish()
        else:
            self.source = self.db
            with Store(self.db, read_only=True):  # refuse at once a missing or foreign file
                pass

    def publish(self) -> None:
        """Publish the snapshot from the store, unless another process is writing the store
        and there is a snapshot already (it publishes its own)."""
        with self._publishing:
            try:
                # Read-only (refusing a missing, foreign or old store) where the file holds
                # every commit, so no writer is kept out; else writable, to checkpoint.
                with Store(self.db, read_only=True) as store:
                    if not wal_path(self.db).exists():
                        publish_snapshot(store)
                        return
                with Store(self.db) as store:
                    publish_snapshot(store)
            except StoreInUse:
                if not self.source.exists():
                    raise

    @contextmanager
    def read(self) -> Iterator[Store]:
        if not self.source.exists():  # removed by hand
            self.publish()
        with Store(self.source, fresh=True) as store:
            yield store

    def correct(self, apply: Callable[[Path], T]) -> T:
        """Run `apply`, which opens the store writable by the path it is given, one correction
        at a time; while another process writes the store, try again for `WRITE_WAIT`
        seconds."""
        deadline = time.monotonic() + WRITE_WAIT
        with self._correcting:
            try:
                while True:
                    try:
                        return apply(self.db)
                    except StoreInUse:
                        if time.monotonic() >= deadline:
                            raise StoreInUse(
                                f"{self.db}: another Counterpoint process ('counterpoint "
                                "analyze') is writing the store; try again when it has finished"
                            ) from None
                        time.sleep(WRITE_RETRY)
            finally:
                self.sentences.invalidate()

    def search_ready(self, store: Store) -> SentenceIndex:
        self.sentences.refresh(store)
        return self.sentences
