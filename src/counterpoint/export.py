"""Export: the store as JSON (schema in docs/export.schema.json), Parquet tables, or a GraphML
graph of actors linked by co-mention."""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow.parquet as pq

from . import __version__
from .config import DEFAULT_DB
from .errors import CounterpointError
from .output import replace_atomically
from .store import TABLES, Store

FORMATS = ("json", "parquet", "graphml")
DEFAULT_OUT = {
    "json": "counterpoint.json",
    "parquet": "counterpoint-parquet",
    "graphml": "counterpoint.graphml",
}
EXPORT_SCHEMA_VERSION = 1


def export(
    db: str | Path = DEFAULT_DB, format: str = "json", out: str | Path | None = None
) -> Path:
    """Write the store in `format` to `out` (a file, or a folder for Parquet); returns the path."""
    if format not in FORMATS:
        raise CounterpointError(
            f"unknown export format '{format}'; choose one of {', '.join(FORMATS)}"
        )
    target = Path(out or DEFAULT_OUT[format])
    with Store(db, read_only=True) as store:
        if format == "json":
            data = export_data(store)
            replace_atomically(
                target,
                lambda tmp: tmp.write_text(
                    json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8"
                ),
            )
        elif format == "parquet":
            replace_atomically(target, lambda tmp: _write_parquet(store, tmp))
        else:
            graph = actor_graph(store)
            replace_atomically(target, lambda tmp: nx.write_graphml(graph, tmp))
    return target


def export_data(store: Store) -> dict[str, Any]:
    """The JSON export as a Python object."""
    documents = [
        {
            "id": d.id,
            "title": d.title,
            "outlet": d.outlet,
            "author": d.author,
            "published": d.published.isoformat() if d.published else None,
            "url": d.url,
            "language": d.language,
            "source_path": d.source_path,
            "format": d.format,
            "text": d.text,
        }
        for d in store.documents()
    ]
    entities = [
        {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "aliases": e.aliases,
            "mentions": [
                {
                    "doc": m.doc,
                    "start": m.start,
                    "end": m.end,
                    "sentence": m.sentence,
                    "text": m.text,
                    "label": m.label,
                }
                for m in e.mentions
            ],
        }
        for e in store.entities()
    ]
    return {
        "counterpoint_version": __version__,
        "export_schema_version": EXPORT_SCHEMA_VERSION,
        "documents": documents,
        "entities": entities,
        "events": [],
        "figures": [],
        "claims": [],
        "alignments": [],
    }


def actor_graph(store: Store) -> nx.Graph:
    """Actors as nodes; an edge where two actors are mentioned in the same sentence, weighted by
    how many sentences do so and listing the documents."""
    graph = nx.Graph()
    in_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for entity in store.entities():
        graph.add_node(
            entity.id,
            label=entity.name,
            type=entity.type,
            mentions=len(entity.mentions),
            documents=len({m.doc for m in entity.mentions}),
        )
        for m in entity.mentions:
            in_sentence[(m.doc, m.sentence)].add(entity.id)
    weights: Counter[tuple[str, str]] = Counter()
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (doc, _sentence), ids in in_sentence.items():
        for pair in itertools.combinations(sorted(ids), 2):
            weights[pair] += 1
            docs[pair].add(doc)
    for (a, b), weight in weights.items():
        graph.add_edge(
            a, b, kind="co-mention", weight=weight, documents=" ".join(sorted(docs[(a, b)]))
        )
    return graph


def _write_parquet(store: Store, folder: Path) -> None:
    folder.mkdir()
    for name in TABLES:
        pq.write_table(store.table(name), folder / f"{name}.parquet")
