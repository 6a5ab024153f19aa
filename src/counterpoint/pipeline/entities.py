"""The user's corrections of the actors: list them, merge two, split one, add an alias. Each
correction is written to the corrections file and applied at once: the store is resolved again
with it and aligned again, with the settings of its last run unless others are given."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from counterpoint.align.stage import align_all
from counterpoint.config import DEFAULT_DB, Settings
from counterpoint.errors import CounterpointError
from counterpoint.records import CandidateLink, Entity
from counterpoint.resolve.corrections import Corrections, corrections_path, find_entity
from counterpoint.resolve.resolver import resolve
from counterpoint.store import Store
from counterpoint.store.alignment import forget_alignment
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
    change = lambda fixes: fixes.merge.append(list(refs))  # noqa: E731
    return _correct(db, corrections, settings, change, show=refs[0], refs=refs)


def split_entity(
    ref: str,
    aliases: list[str],
    db: str | Path = DEFAULT_DB,
    corrections: str | Path | None = None,
    settings: Settings | None = None,
) -> Entity:
    """Record that the mentions of `ref` written as one of `aliases` are another actor."""
    change = lambda fixes: fixes.split.append({"entity": ref, "aliases": list(aliases)})  # noqa: E731
    return _correct(db, corrections, settings, change, show=aliases[0], refs=[ref])


def add_alias(
    ref: str,
    alias: str,
    db: str | Path = DEFAULT_DB,
    corrections: str | Path | None = None,
    settings: Settings | None = None,
) -> Entity:
    """Record that mentions written as `alias` belong to `ref`."""
    change = lambda fixes: fixes.alias.append({"entity": ref, "alias": alias})  # noqa: E731
    return _correct(db, corrections, settings, change, show=ref, refs=[ref])


def _correct(
    db: str | Path,
    corrections: str | Path | None,
    settings: Settings | None,
    change: Callable[[Corrections], object],
    show: str,
    refs: list[str],
) -> Entity:
    """Add a correction to the file, re-resolve the store with it, and return the entity now
    named by `show`. Nothing is written if a reference names no entity. Without `settings`,
    those the store's last run recorded are used, so a correction aligns as `analyze` did."""
    path = Path(corrections or corrections_path(db))
    fixes = Corrections.load(path)
    change(fixes)
    with Store(db) as store:
        settings = settings or last_settings(store) or Settings()
        resolution = resolve(store, fixes, settings)
        unmatched = [ref for ref in refs if ref in fixes.unmatched]
        if unmatched:
            raise CounterpointError(
                f"no single entity is named {unmatched[0]!r}; see 'counterpoint entities list'"
            )
        store.replace_resolution(resolution)
        forget_alignment(store)
        align_all(store, settings)
    fixes.save(path)
    shown = find_entity(show, resolution.entities)
    if shown is None:
        raise CounterpointError(f"no single entity is named {show!r} after the correction")
    return shown
