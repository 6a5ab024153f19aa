"""Corrections: a user's merges, splits and aliases, kept in a small YAML file that every
`analyze` applies after the automatic resolution, so the machine never undoes them. They are
applied in the order the user made them, which the file keeps: one list of corrections.

    - merge: [person-3f2a..., "Lopez Obrador"]           # entity ids or names of one actor
    - split: {entity: person-9c1e..., aliases: ["Jorge Chavez"]}  # mentions written so leave
    - alias: {entity: "Andrés Manuel López Obrador", alias: "AMLO"}  # mentions written so join

Files of the first format (a mapping of three lists, `merge`, `split` and `alias`) are still
read, and replayed as they always were: splits, then aliases, then merges. Every value is read
as text (YAML's dates, numbers and booleans are not interpreted: "NO" is Norway's code)."""

from __future__ import annotations

import hashlib
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from counterpoint.errors import CounterpointError
from counterpoint.files import replace_atomically
from counterpoint.lang import DEFAULT_LANGUAGE
from counterpoint.nlp.names import display_name
from counterpoint.records import Entity, Mention


@dataclass(frozen=True)
class Merge:
    """The entities named by `refs` are one actor; the first keeps its id and name."""

    refs: tuple[str, ...]


@dataclass(frozen=True)
class Split:
    """The mentions of `entity` written as one of `aliases` are an actor of their own."""

    entity: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Alias:
    """The mentions written as `alias` belong to `entity`."""

    entity: str
    alias: str


Correction = Merge | Split | Alias

# What each kind of correction looks like in the file, for the messages about a malformed one.
FORMS = {
    "merge": "a list of two or more entity ids or names, e.g. [Harbour Authority, Harbour Board]",
    "split": "{entity: ID or NAME, aliases: [TEXT, ...]}",
    "alias": "{entity: ID or NAME, alias: TEXT}",
}


@dataclass
class Corrections:
    operations: list[Correction] = field(default_factory=list)  # in the order they were made
    unmatched: list[str] = field(default_factory=list)  # references that named no one entity
    # By position in `operations`, after `apply`: the entity each correction made or changed,
    # and why one changed nothing (or not all it was asked to).
    made: dict[int, str] = field(default_factory=dict)
    problems: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> Corrections:
        """The corrections in the file at `path` (none if there is no file). Raises
        `CounterpointError`, naming the file and what is wrong, for a file that is not one."""
        path = Path(path)
        if not path.exists():
            return cls()
        if path.is_dir():
            raise CounterpointError(f"{path}: is a folder, not a corrections file")
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
            raise CounterpointError(f"{path}: not a valid corrections file ({error})") from None
        except RecursionError:  # the parser recurses once per level of nesting
            raise CounterpointError(
                f"{path}: not a valid corrections file (nested too deeply)"
            ) from None
        try:
            return cls(operations=[_operation(kind, value) for kind, value in _entries(data)])
        except ValueError as error:
            raise CounterpointError(f"{path}: {error}") from None

    def save(self, path: str | Path) -> None:
        text = yaml.safe_dump(
            [_entry(op) for op in self.operations],
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=None,
        )
        replace_atomically(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))

    def apply(self, entities: list[Entity], language: str = DEFAULT_LANGUAGE) -> list[Entity]:
        """The entities with the corrections made, one after the other in their order.
        `language` is that of the names, for the name of an entity split off."""
        self.unmatched, self.made, self.problems = [], {}, {}
        by_id = {e.id: e for e in entities}
        for position, op in enumerate(self.operations):
            if isinstance(op, Merge):
                members = [
                    e for ref in op.refs if (e := self._find(ref, by_id, position)) is not None
                ]
                unique = list({e.id: e for e in members}.values())
                if len(unique) > 1:
                    self.made[position] = self._merge(unique, by_id)
                elif len(members) == len(op.refs):
                    named = " and ".join(map(shown, op.refs))
                    self.problems[position] = f"{named} already name one entity"
            elif (found := self._find(op.entity, by_id, position)) is None:
                continue
            elif isinstance(op, Split):
                made = self._split(found, set(op.aliases), by_id, language)
                if isinstance(made, Entity):
                    self.made[position] = made.id
                else:
                    self.problems[position] = made
            else:
                self.made[position] = self._alias(found, op.alias, by_id)
        return sorted((e for e in by_id.values() if e.mentions), key=lambda e: e.id)

    def _find(self, ref: str, by_id: dict[str, Entity], position: int) -> Entity | None:
        found = find_entity(ref, (e for e in by_id.values() if e.mentions))
        if found is None:
            self.unmatched.append(ref)
            self.problems.setdefault(position, f"no single entity is named {shown(ref)}")
        return found

    @staticmethod
    def _split(
        entity: Entity, aliases: set[str], by_id: dict[str, Entity], language: str
    ) -> Entity | str:
        """The entity split off, or why there is none."""
        leaving = [m for m in entity.mentions if m.text in aliases]
        if not leaving:
            return (
                f"{entity.name!r} ({entity.id}) has no mention written {_listed(sorted(aliases))}"
                f"; its mentions are written {_listed(entity.aliases)}"
            )
        if len(leaving) == len(entity.mentions):
            return (
                f"every mention of {entity.name!r} ({entity.id}) is written "
                f"{_listed(sorted(aliases))}: nothing would be left of it"
            )
        digest = hashlib.sha256("|".join(sorted(aliases)).encode()).hexdigest()[:8]
        new = Entity(
            id=f"{entity.id}-{digest}",
            name=display_name(max(aliases, key=len), language),
            type=entity.type,
        )
        # The same split made again (after a merge brought such mentions back) adds to the
        # entity the first one made, which keeps its mentions.
        earlier = by_id.get(new.id)
        new = _with_mentions(new, leaving + (earlier.mentions if earlier else []))
        rest = _with_mentions(entity, [m for m in entity.mentions if m not in leaving])
        if entity.name not in {display_name(a, language) for a in rest.aliases}:
            rest = replace(rest, name=display_name(max(rest.aliases, key=len), language))
        by_id[entity.id] = rest
        by_id[new.id] = new
        return new

    @staticmethod
    def _alias(entity: Entity, alias: str, by_id: dict[str, Entity]) -> str:
        moving: list[Mention] = []
        for other in list(by_id.values()):
            if other.id == entity.id:
                continue
            taken = [m for m in other.mentions if m.text == alias]
            if taken:
                moving += taken
                by_id[other.id] = _with_mentions(
                    other, [m for m in other.mentions if m not in taken]
                )
        by_id[entity.id] = _with_mentions(entity, entity.mentions + moving)
        return entity.id

    @staticmethod
    def _merge(entities: list[Entity], by_id: dict[str, Entity]) -> str:
        first = entities[0]
        mentions = [m for e in entities for m in by_id[e.id].mentions]
        identifiers: dict[str, str] = {}
        for e in reversed(entities):
            identifiers.update(e.identifiers)
        for e in entities[1:]:
            del by_id[e.id]
        by_id[first.id] = replace(
            _with_mentions(by_id[first.id], mentions), identifiers=identifiers
        )
        return first.id


def _entries(data: Any) -> list[tuple[str, Any]]:
    """(kind, value) of each correction in a loaded file, in the order to apply them."""
    if data is None or data == "":
        return []
    if isinstance(data, dict):  # the first format: three lists, replayed splits first
        if set(data) - set(FORMS):
            raise ValueError("a corrections file has only merge, split and alias")
        entries = []
        for kind in ("split", "alias", "merge"):
            values = data.get(kind) or []
            if not isinstance(values, list):
                raise ValueError(f"{kind} must be a list of entries, each {FORMS[kind]}")
            entries += [(kind, value) for value in values]
        return entries
    if not isinstance(data, list):
        raise ValueError("expected a list of corrections (merge, split or alias)")
    entries = []
    for number, item in enumerate(data, 1):
        if not (isinstance(item, dict) and len(item) == 1 and set(item) <= set(FORMS)):
            raise ValueError(
                f"correction {number} is not one of merge, split or alias: {shown(item)}"
            )
        entries += item.items()
    return entries


def _operation(kind: str, value: Any) -> Correction:
    """The correction `value` describes, or a ValueError saying what it should look like."""
    fields = set(value) if isinstance(value, dict) else set()
    if kind == "merge" and _texts(value) and len(value) > 1:
        return Merge(tuple(value))
    if (
        kind == "split"
        and fields == {"entity", "aliases"}
        and _texts([value["entity"]])
        and _texts(value["aliases"])
    ):
        return Split(value["entity"], tuple(value["aliases"]))
    if kind == "alias" and fields == {"entity", "alias"} and _texts(list(value.values())):
        return Alias(value["entity"], value["alias"])
    raise ValueError(f"malformed {kind} {shown(value)}: expected {FORMS[kind]}")


def _entry(op: Correction) -> dict[str, Any]:
    """The correction as the file writes it."""
    if isinstance(op, Merge):
        return {"merge": list(op.refs)}
    if isinstance(op, Split):
        return {"split": {"entity": op.entity, "aliases": list(op.aliases)}}
    return {"alias": {"entity": op.entity, "alias": op.alias}}


def _texts(value: Any) -> bool:
    """Whether `value` is a non-empty list of non-empty texts."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)


# Values as messages show them: cut short, so that a huge or deeply nested value (YAML aliases
# can make one of a few bytes repeat exponentially) stays one readable line.
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother = 3, 120, 120


def shown(value: Any) -> str:
    """A value as a message shows it: one line, cut short."""
    return _SHORT.repr(value)


def _listed(texts: Iterable[str]) -> str:
    return " or ".join(map(shown, texts))


def find_entity(ref: str, entities: Iterable[Entity]) -> Entity | None:
    """The one entity `ref` names: by id, else by name, else by alias (case-insensitive)."""
    entities = list(entities)
    folded = ref.casefold()
    for matches in (
        [e for e in entities if e.id == ref],
        [e for e in entities if e.name.casefold() == folded],
        [e for e in entities if folded in {a.casefold() for a in e.aliases}],
    ):
        if matches:
            return matches[0] if len(matches) == 1 else None
    return None


def _with_mentions(entity: Entity, mentions: list[Mention]) -> Entity:
    mentions = sorted(mentions, key=lambda m: (m.doc, m.index))
    return replace(entity, mentions=mentions, aliases=sorted({m.text for m in mentions}))


def corrections_path(db: str | Path) -> Path:
    """Where the corrections for a store live by default: beside it, 'NAME.corrections.yaml'."""
    db = Path(db)
    return db.with_name(f"{db.stem}.corrections.yaml")
