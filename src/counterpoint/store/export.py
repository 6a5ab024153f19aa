"""What the report and the exports read from the store beyond its records' own readers."""

from __future__ import annotations

from counterpoint.records import Sentence
from counterpoint.store.database import Store


def sentences(store: Store) -> list[Sentence]:
    """Every sentence, by document and position: the report quotes them and the FtM export
    describes a link by the sentence stating it."""
    return store.records(Sentence, "sentences", 'doc, "index"')
