"""An align batch's candidates come from more documents as the store grows; their statements
are read a part of documents at a time (`load.DOCS_PER_READ`), so that one part's texts,
sentences and mentions are held at once, not every candidate document's (issue 15, item 4:
memory flat in the number of articles). Reading in parts gives the same statements."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest

import counterpoint
from counterpoint.align import load
from counterpoint.align.load import load_statements
from counterpoint.align.statements import Statement
from counterpoint.config import Settings
from counterpoint.store import Store

from conftest import ARTICLE, write

FERRY = """Ferry service resumes in Larkspur
By Joan Pike

LARKSPUR, June 4, 2024 — The ferry to Port Aurel sailed again on Tuesday, two days after the
dock workers' strike ended, the Harbour Authority said. About 300 passengers crossed.

Ida Voss, the mayor, said the town had lost 2 million dollars during the strike.
"""
WAGES = """Dock wages to rise by 6 percent
By Lena Ortiz

June 3, 2024 — The Harbour Authority will raise the wages of 900 dock workers by 6 percent, its
chair Paul Mendel said on Monday. Union leader Tomas Brenner called the deal fair.
"""


def _canonical(statement: Statement) -> tuple[Any, ...]:
    return tuple(
        sorted(value) if isinstance(value, frozenset) else value
        for value in (getattr(statement, f.name) for f in fields(statement))
    )


@pytest.fixture(scope="module")
def three_articles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Settings]:
    folder = tmp_path_factory.mktemp("parts")
    paths = [
        write(folder, name, text)
        for name, text in (("strike.txt", ARTICLE), ("ferry.txt", FERRY), ("wages.txt", WAGES))
    ]
    settings = Settings()
    settings = replace(
        settings,
        align=replace(settings.align, vectors=False),
        stories=replace(settings.stories, vectors=False),
    )
    db = folder / "store.duckdb"
    counterpoint.analyze(paths, db=db, settings=settings)
    return db, settings


def test_statements_read_in_parts_are_those_read_at_once(
    three_articles: tuple[Path, Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, settings = three_articles
    with Store(db, read_only=True) as store:
        docs = sorted(row[0] for row in store.con.execute("SELECT id FROM documents").fetchall())
        whole = load_statements(store, docs, settings)
        some = {s.id for s in whole[::2]}
        whole_some = load_statements(store, docs, settings, some)
        read: list[int] = []
        real_read = load.Surroundings.read.__func__  # type: ignore[attr-defined]

        def counted(cls: type, store: Store, part: list[str], settings: Settings) -> Any:
            read.append(len(part))
            return real_read(cls, store, part, settings)

        monkeypatch.setattr(load.Surroundings, "read", classmethod(counted))
        monkeypatch.setattr(load, "DOCS_PER_READ", 1)
        parts = load_statements(store, docs, settings)
        parts_some = load_statements(store, docs, settings, some)
    assert len(whole) > 3 and len(whole_some) == len(some)
    assert read and max(read) == 1  # one document's surroundings at a time
    assert sorted(map(_canonical, parts)) == sorted(map(_canonical, whole))
    assert sorted(map(_canonical, parts_some)) == sorted(map(_canonical, whole_some))
    # events first, then figures, then claims, as when read at once
    kinds = [s.kind for s in parts]
    assert kinds == sorted(kinds, key=["event", "figure", "claim"].index)


def test_the_statements_of_one_sentence_share_its_text_and_actors(
    three_articles: tuple[Path, Settings],
) -> None:
    db, settings = three_articles
    with Store(db, read_only=True) as store:
        docs = [row[0] for row in store.con.execute("SELECT id FROM documents").fetchall()]
        statements = load_statements(store, docs, settings)
    by_sentence: dict[tuple[str, int], list[Statement]] = {}
    for s in statements:
        by_sentence.setdefault((s.doc, s.context_start), []).append(s)
    shared = [group for group in by_sentence.values() if len(group) > 1]
    assert shared
    for first, *others in shared:
        assert all(o.context is first.context and o.entities is first.entities for o in others)
