"""Corrections: a user's merges, splits and aliases, kept in a small YAML file that every
`analyze` applies after the automatic resolution, so the machine never undoes them.

    merge:            # each list names one actor: entity ids or names
      - [person-3f2a..., "Lopez Obrador"]
    split:            # mentions written so leave the entity and become one of their own
      - {entity: person-9c1e..., aliases: ["Jorge Chavez"]}
    alias:            # mentions written so belong to the entity
      - {entity: "Andrés Manuel López Obrador", alias: "AMLO"}
"""

from __future__ import annotations

import hashlib
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


@dataclass
class Corrections:
    merge: list[list[str]] = field(default_factory=list)
    split: list[dict[str, Any]] = field(default_factory=list)
    alias: list[dict[str, str]] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # references that named no one entity

    @classmethod
    def load(cls, path: str | Path) -> Corrections:
        path = Path(path)
        if not path.exists():
            return cls()
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            raise CounterpointError(f"{path}: not a valid corrections file ({error})") from None
        if not isinstance(data, dict) or set(data) - {"merge", "split", "alias"}:
            raise CounterpointError(f"{path}: a corrections file has only merge, split and alias")
        try:
            return cls(
                merge=[[str(ref) for ref in group] for group in data.get("merge") or []],
                split=[
                    {"entity": str(s["entity"]), "aliases": [str(a) for a in s["aliases"]]}
                    for s in data.get("split") or []
                ],
                alias=[
                    {"entity": str(a["entity"]), "alias": str(a["alias"])}
                    for a in data.get("alias") or []
                ],
            )
        except (KeyError, TypeError) as error:
            raise CounterpointError(f"{path}: malformed entry ({error})") from None

    def save(self, path: str | Path) -> None:
        data = {"merge": self.merge, "split": self.split, "alias": self.alias}
        text = yaml.safe_dump({k: v for k, v in data.items() if v}, allow_unicode=True)
        replace_atomically(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))

    def apply(self, entities: list[Entity], language: str = DEFAULT_LANGUAGE) -> list[Entity]:
        """The entities with the corrections made: splits first, then aliases, then merges.
        `language` is that of the names, for the name of an entity split off."""
        self.unmatched = []
        by_id = {e.id: e for e in entities}
        for entry in self.split:
            found = self._find(entry["entity"], by_id)
            if found is not None:
                self._split(found, set(entry["aliases"]), by_id, language)
        for entry in self.alias:
            found = self._find(entry["entity"], by_id)
            if found is not None:
                self._alias(found, entry["alias"], by_id)
        for group in self.merge:
            members = [e for ref in group if (e := self._find(ref, by_id)) is not None]
            unique = list({e.id: e for e in members}.values())
            if len(unique) > 1:
                self._merge(unique, by_id)
        return sorted((e for e in by_id.values() if e.mentions), key=lambda e: e.id)

    def _find(self, ref: str, by_id: dict[str, Entity]) -> Entity | None:
        found = find_entity(ref, by_id.values())
        if found is None:
            self.unmatched.append(ref)
        return found

    @staticmethod
    def _split(entity: Entity, aliases: set[str], by_id: dict[str, Entity], language: str) -> None:
        leaving = [m for m in entity.mentions if m.text in aliases]
        if not leaving or len(leaving) == len(entity.mentions):
            return
        digest = hashlib.sha256("|".join(sorted(aliases)).encode()).hexdigest()[:8]
        new = Entity(
            id=f"{entity.id}-{digest}",
            name=display_name(max(aliases, key=len), language),
            type=entity.type,
            aliases=sorted({m.text for m in leaving}),
            mentions=leaving,
        )
        rest = _with_mentions(entity, [m for m in entity.mentions if m not in leaving])
        if entity.name not in {display_name(a, language) for a in rest.aliases}:
            rest = replace(rest, name=display_name(max(rest.aliases, key=len), language))
        by_id[entity.id] = rest
        by_id[new.id] = new

    @staticmethod
    def _alias(entity: Entity, alias: str, by_id: dict[str, Entity]) -> None:
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

    @staticmethod
    def _merge(entities: list[Entity], by_id: dict[str, Entity]) -> None:
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
