"""The user's corrections of the actors: list them, merge two, split one, add an alias. Each
correction is written to the corrections file and applied at once: the store is resolved again
with it and aligned again, with the settings of its last run unless others are given. A
correction that would change nothing is refused, and then nothing is written."""

from __future__ import annotations

from pathlib import Path

from counterpoint.align.stage import align_all
from counterpoint.config import DEFAULT_DB, Settings
from counterpoint.errors import CounterpointError
from counterpoint.records import CandidateLink, Entity
from counterpoint.resolve.corrections import (
    Alias,
    Correction,
    Corrections,
    Merge,
    Split,
    corrections_path,
)
from counterpoint.resolve.resolver import resolve
from counterpoint.store import Store
from counterpoint.store.alignment import forget_alignment
from counterpoint.store.resolution import write_resolution
from counterpoint.store.snapshot import refresh_snapshot
from counterpoint.store.status import last_settings


def list_entities(
    db: str | Path = DEFAULT_DB, type: str | None = None, search: str | None = None
) -> list[Entity]:
    """The store's entities, most mentioned first, optionally of one type or matching a text."""
    with Store(db, read_only=True) as store:
        entities = store.entities()
    folded = search.casefold() if search else None
    chosen = [
        e
        for e in entities
        if (type is None or e.type == type)
        and (folded is None or any(folded in a.casefold() for a in [e.name, *e.aliases]))
    ]
    return sorted(chosen, key=lambda e: (-len(e.mentions), e.name))


def candidate_links(db: str | Path = DEFAULT_DB) -> list[CandidateLink]:
    """Possible merges the resolver saw but did not make, strongest first."""
    with Store(db, read_only=True) as store:
        return store.candidates()


def merge_entities(
    refs: list[str],
    db: str | Path = DEFAULT_DB,
    corrections: str | Path | None = None,
    settings: Settings | None = None,
) -> Entity:
    """Record that the entities named by `refs` (ids or names) are one actor, and apply it."""
    if len(refs) < 2:
        raise CounterpointError("name at least two entities to merge")
    return _correct(db, corrections, settings, Merge(tuple(refs)))


def split_entity(
    ref: str,
    aliases: list[str],
    db: str | Path = DEFAULT_DB,
    corrections: str | Path | None = None,
    settings: Settings | None = None,
) -> Entity:
    """Record that the mentions of `ref` written as one of `aliases` are another actor."""
    if not aliases:
        raise CounterpointError("name at least one alias to split off")
    return _correct(db, corrections, settings, Split(ref, tuple(aliases)))


def add_alias(
    ref: str,
    alias: str,
    db: str | Path = DEFAULT_DB,
    corrections: str | Path | None = None,
    settings: Settings | None = None,
) -> Entity:
    """Record that mentions written as `alias` belong to `ref`."""
    return _correct(db, corrections, settings, Alias(ref, alias))


def _correct(
    db: str | Path,
    corrections: str | Path | None,
    settings: Settings | None,
    correction: Correction,
) -> Entity:
    """Add `correction` to the file, re-resolve the store with it, and return the entity it
    made or changed. Nothing is written if it changes nothing, e.g. a reference names no entity
    or a split leaves no mention behind. Without `settings`, those the store's last run
    recorded are used, so a correction aligns as `analyze` did."""
    path = Path(corrections or corrections_path(db))
    fixes = Corrections.load(path)
    fixes.operations.append(correction)
    last = len(fixes.operations) - 1
    with Store(db) as store:
        settings = settings or last_settings(store) or Settings()
        resolution = resolve(store, fixes, settings)
        if last in fixes.problems:
            hint = "; see 'counterpoint entities list'"
            raise CounterpointError(f"not corrected: {fixes.problems[last]}{hint}")
        fixes.save(path)
        write_resolution(store, resolution)
        forget_alignment(store)
        align_all(store, settings)
        refresh_snapshot(store)
    return next(e for e in resolution.entities if e.id == fixes.made[last])
