"""The records that flow between stages. Every record points back at its document by id,
and every span is a pair of character offsets into that document's `text`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    source_path: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None
    format: str = "text"


@dataclass(frozen=True)
class Sentence:
    doc: str
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Token:
    doc: str
    index: int
    sentence: int
    start: int
    end: int
    lemma: str
    pos: str
    dep: str
    head: int


@dataclass(frozen=True)
class Mention:
    """A named-entity span; `entity` is filled in by the resolve stage."""

    doc: str
    index: int
    sentence: int
    start: int
    end: int
    text: str
    label: str
    entity: str | None = None


@dataclass(frozen=True)
class NounChunk:
    doc: str
    sentence: int
    start: int
    end: int
    root: int


@dataclass
class Annotation:
    """What the annotate stage found in one document."""

    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    noun_chunks: list[NounChunk] = field(default_factory=list)


@dataclass
class Entity:
    """One real-world actor; `type` is a FollowTheMoney schema name."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
