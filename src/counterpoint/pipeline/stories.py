"""The stories of a store, as `counterpoint stories` lists them."""

from __future__ import annotations

from pathlib import Path

from counterpoint.config import DEFAULT_DB
from counterpoint.records import Story
from counterpoint.store import Store
from counterpoint.store.stories import stories


def list_stories(db: str | Path = DEFAULT_DB) -> list[Story]:
    """Every story of the store at `db`, the one with most sources first, then the latest."""
    with Store(db, read_only=True) as store:
        return stories(store)
