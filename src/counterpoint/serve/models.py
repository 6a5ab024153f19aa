"""The shapes of the JSON API, for validation and for the OpenAPI document (`/openapi.json`).
Every span is (`start`, `end`) character offsets into the document's `text`; every fact has
`doc` and `sentence`, the sentence stating it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from counterpoint import records
from counterpoint.records import ActorFraming

T = TypeVar("T")
Side = Literal["a", "b", "both"]


class Problem(BaseModel):
    """Why a request was refused or could not be answered."""

    detail: str


class Page(BaseModel, Generic[T]):
    """One page of a list: `items` from `offset`, at most `limit` of them, out of `total`."""

    items: list[T]
    total: int
    limit: int
    offset: int


class DocumentHead(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    author: str | None
    published: dt.date | None
    url: str | None
    language: str | None
    source_path: str | None


class DocumentSummary(DocumentHead):
    length: int = Field(description="characters of text")
    sentences: int
    mentions: int = Field(description="mentions of actors")
    actors: int = Field(description="distinct actors mentioned")


class SentenceOut(BaseModel):
    index: int
    start: int
    end: int
    text: str


class MentionOut(BaseModel):
    index: int
    sentence: int
    start: int
    end: int
    text: str
    label: str
    entity: str | None
    name: str | None
    type: str | None


class ActorCount(BaseModel):
    id: str
    name: str
    type: str
    mentions: int


class Fact(BaseModel):
    """Something a sentence states: a role or a tie (later an event, a figure, a claim)."""

    kind: str
    label: str
    doc: str
    sentence: int | None
    start: int
    end: int
    entities: list[str]


class DocumentDetail(DocumentHead):
    format: str | None
    text: str
    sentences: list[SentenceOut]
    mentions: list[MentionOut]
    actors: list[ActorCount]
    facts: list[Fact]


class EntitySummary(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    identifiers: dict[str, str]
    mentions: int
    documents: int


class EntityMention(BaseModel):
    """A mention of the entity: its words, and the sentence and document it is in."""

    doc: str
    sentence: int
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_text: str
    title: str | None
    outlet: str | None
    published: dt.date | None


class LabelCount(BaseModel):
    label: str
    count: int


class SourceLabels(BaseModel):
    """The words one source uses for the entity."""

    doc: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    labels: list[LabelCount]


class EntityFact(BaseModel):
    kind: Literal["role", "tie"]
    label: str
    doc: str
    sentence: int
    start: int
    end: int
    words: str
    doc_title: str | None
    outlet: str | None
    published: dt.date | None
    holder: str | None = None
    title: str | None = None
    of: str | None = None
    to: str | None = None
    source: str | None = None
    tie: str | None = None
    target: str | None = None


class FactTotals(BaseModel):
    roles: int
    ties: int


class Claim(BaseModel):
    """A claim the entity makes, with the words claimed."""

    doc: str
    sentence: int
    start: int
    end: int
    words: str


class Candidate(BaseModel):
    id: str
    name: str
    type: str
    score: float
    reason: str


class EntityDetail(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    identifiers: dict[str, str]
    mention_count: int
    documents: int
    mentions: Page[EntityMention] = Field(description="paginated by `limit` and `offset`")
    aliases_by_source: list[SourceLabels]
    roles: list[EntityFact]
    ties: list[EntityFact]
    totals: FactTotals
    claims: list[Claim] = Field(description="empty until a stage extracts claims")
    candidates: list[Candidate] = Field(description="entities that may be the same actor")


class SentenceHit(BaseModel):
    doc: str
    sentence: int
    text: str
    published: dt.date | None
    title: str | None
    outlet: str | None


class Evidence(BaseModel):
    doc: str
    sentence: int


class GraphNode(BaseModel):
    id: str
    label: str
    type: str
    mentions: int
    side: Side | None


class GraphEdge(BaseModel):
    id: str
    source: str
    target: str
    kind: str = Field(description="a tie kind, 'role' or 'co-mention'")
    label: str
    weight: int = Field(description="sentences stating it")
    side: Side | None = Field(description="with `compare`: which source draws it")
    evidence: list[Evidence] = Field(description="up to five sentences stating it")


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    source: str | None
    compare: str | None
    truncated: bool = Field(description="true when only the strongest edges are given")


class TimelineItem(BaseModel):
    kind: str = Field(description="'document', 'role', 'tie' or 'event'")
    doc: str
    date: dt.date
    sentence: int
    label: str
    title: str | None
    outlet: str | None
    told: str | None = Field(
        None,
        description="an event's date as the text gives it when coarser than a day, in TimeML "
        "notation ('2016', '2022-12', '2022-W49'); `date` is its first day",
    )


class TimelinePage(Page[TimelineItem]):
    undated: int = Field(description="documents without a date, not on the timeline")


class Quote(BaseModel):
    doc: str
    sentence: int
    text: str


class EntityRef(BaseModel):
    id: str
    name: str
    type: str


class CompareRow(BaseModel):
    entity: EntityRef
    relation: Literal["shared", "unique"]
    side: Side
    a: list[Quote]
    b: list[Quote]


class ComparePage(Page[CompareRow]):
    shared: int
    a: DocumentHead
    b: DocumentHead


class Counts(BaseModel):
    documents: int
    sentences: int
    mentions: int
    entities: int
    ties: int
    roles: int
    events: int
    outlets: int
    first_published: dt.date | None
    last_published: dt.date | None


class Overview(BaseModel):
    counts: Counts
    actors: list[EntitySummary]


class MergeRequest(BaseModel):
    refs: list[str] = Field(min_length=2, description="entity ids or names; the first stays")


class SplitRequest(BaseModel):
    entity: str = Field(description="an entity id or name")
    aliases: list[str] = Field(min_length=1, description="surface forms to split off")


class Corrected(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: int


@dataclass(frozen=True)
class AlignedSentence(records.Evidence):
    """One side of an alignment: the words of one document, and what they say of the thing."""


class Alignment(BaseModel):
    """Items of different sources that speak of one thing, and how the sources relate."""

    # `records.Alignment` but for its `group`, which only the align stage uses.
    id: str
    kind: str
    relation: str
    score: float
    members: list[str]
    evidence: list[AlignedSentence]
    reason: str = Field(description="why the relation holds, to check against the sentences")


class DiffSide(BaseModel):
    name: str
    documents: list[str]


class Wording(BaseModel):
    """How much of one side's own writing (quotations left out) takes a side by its word
    choice."""

    source: str
    sentences: int = Field(description="sentences judged")
    loaded: int = Field(description="of them, read as loaded by the BABE-trained model")
    share: float
    words: list[str] = Field(description="its loaded words experts would more likely mark")
    examples: list[AlignedSentence] = Field(description="its most loaded sentences")
    stories: int


class Diff(BaseModel):
    a: DiffSide
    b: DiffSide
    alignments: list[Alignment]
    framing: dict[str, list[ActorFraming]] = Field(description="source -> how it frames actors")
    wording: list[Wording] = Field(description="side A's loaded language, then side B's")
