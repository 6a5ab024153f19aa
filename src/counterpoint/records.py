"""The records that flow between stages. Every record points back at its document by id,
and every span is a pair of character offsets into that document's `text`."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
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

    @property
    def source(self) -> str:
        """Who published it, for comparing sources: its outlet, else the document itself (the
        store's `DOCUMENT_SOURCE` says the same in SQL)."""
        return self.outlet or self.id


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
    dep: str = ""  # the dependency label of the mention's root: "nsubj", "poss", "amod", ...
    head: str = ""  # the lemma of the word the mention attaches to: "announce", "export"
    key: str | None = None  # what its document's own resolution keys it by (see `KeyItem`)
    # Why a mention that names no one ("the president") stands for its actor, in words a
    # reader can check: "'president': the role the text gives marta lindqvist".
    reason: str | None = None


@dataclass(frozen=True)
class NounChunk:
    doc: str
    sentence: int
    start: int
    end: int
    root: int


@dataclass(frozen=True)
class Relation:
    """A tie or a role between mentions of one sentence, as the text states it. The resolve
    stage turns it into a `Tie` or a `Role` between entities. `source`, `target` and `to` are
    mention indexes; `start`/`end` span the words that state it."""

    doc: str
    sentence: int
    kind: str  # a TIE_KINDS key, or "role"
    source: int
    target: int | None
    start: int
    end: int
    role: str | None = None  # the title, for roles: "ambassador", "Defense Minister"
    to: int | None = None  # "ambassador of Peru to China": China


@dataclass(frozen=True)
class Figure:
    """A number a reader might compare: "at least 66 people", "nearly $3 billion", "27%"."""

    doc: str
    sentence: int
    start: int  # the figure as written, qualifier included
    end: int
    value: float  # scale applied: "$3 billion" -> 3e9
    unit: str  # "people", "USD", "percent", "soldiers", "years", "rank", "USD per year", ...
    # exact, at least, about, nearly, almost, more than, less than, up to; "between" (a range:
    # value is its low end, `high` its high end); "several" ("hundreds of": value to 10 x value)
    qualifier: str
    measures: str | None = None  # what it counts or measures: "protesters killed"
    about: int | None = None  # mention index of the actor it is about
    refers_to: str | None = None  # ISO date (or year) the figure is about, when the text says
    high: float | None = None  # the high end of a range ("between 20 and 30": 30), else None


@dataclass(frozen=True)
class Claim:
    """Who says what: `content` is what is claimed; `speaker` the mention index of who claims
    it (None: the author).

    `kind`: "quote" (words in quotation marks), "reported" (indirect speech, "X said that ...",
    "X accused Y of ...", a headline's "X: ..."), "according_to", "document" (a report, a poll,
    records), "author" (the author's own assertion, where a word marks how sure it is or
    whether the author stands behind it), "hedge" (the author's own assertion, hedged:
    "reportedly", "may", "it is said that"; apart from attributed claims) and "label" (a scare
    quote: a short quoted term that is nobody's words, the author's framing, not a claim;
    distanced). A quote split by its cue ('"A," X said, "B."') is one claim running from the
    first piece to the last."""

    doc: str
    sentence: int
    start: int  # the content
    end: int
    kind: str  # quote, reported, according_to, document, author, hedge, label
    speaker: int | None = None
    speaker_text: str | None = None  # "officials", "a report by the CIA", when no mention
    cue: str | None = None  # "said", "according to", "told reporters", "insists"
    cue_start: int | None = None
    cue_end: int | None = None
    certainty: str = "asserted"  # asserted, hedged, boosted
    endorsement: str = "neutral"  # endorsed, distanced, neutral
    nested_in: int | None = None  # index (in this document's claims) of the claim it is inside


@dataclass(frozen=True)
class Event:
    """Who did what to whom, when and where: typed with PLOVER (and documented extensions)."""

    doc: str
    sentence: int
    start: int  # the trigger: "dissolved", "impeachment", "killed"
    end: int
    type: str  # PLOVER type or extension, e.g. ASSAULT, PROTEST, IMPEACH
    trigger: str  # its lemma
    source: int | None = None  # mention indexes
    target: int | None = None
    place: int | None = None
    happened: str | None = None  # ISO date (start) it happened
    happened_end: str | None = None  # end of a range
    reported: str | None = None  # ISO date of the report (the document's)
    dead: int | None = None
    injured: int | None = None
    size: int | None = None  # people or things involved: "140,000 soldiers"
    negated: bool = False
    modality: str | None = None  # could, may, expected, plans, ...
    # The date as the text gives it, keeping its granularity (TimeML notation): "2022-12-07",
    # "2022-W49" (a week), "2022-12" (a month), "2022-Q3", "2022", "199" (the 1990s).
    date_value: str | None = None


@dataclass(frozen=True)
class LoadedWord:
    """A loaded or emotive word, one a neutral report would not need ("regime", "massacre",
    "slammed"): `kind` says why (negative, positive, emotive, subjective, intensifier)."""

    doc: str
    sentence: int
    start: int
    end: int
    text: str
    kind: str
    weight: float  # 0..1, how strongly loaded: the chance that experts mark it
    quoted: bool = False  # inside a quotation: the speaker's word, not the outlet's


@dataclass(frozen=True)
class LoadedSentence:
    """How far a sentence's word choice takes a side (BABE's sense of bias: the words, not the
    topic), judged from its words as it is annotated; `features` are what that judgement read,
    kept so that a reader with the sentence's embedding can judge it again with the model that
    reads both (`nlp.loaded_words.sentence_bias`)."""

    doc: str
    sentence: int
    start: int
    end: int
    bias: float  # 0..1, the chance that experts call it biased, from its words alone
    features: tuple[float, ...]


@dataclass
class Annotation:
    """What the annotate stage found in one document."""

    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    noun_chunks: list[NounChunk] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    loaded_words: list[LoadedWord] = field(default_factory=list)
    loaded_sentences: list[LoadedSentence] = field(default_factory=list)


@dataclass
class Entity:
    """One real-world actor; `type` is a FollowTheMoney schema name."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    identifiers: dict[str, str] = field(default_factory=dict)  # e.g. {"iso3166": "PE"}


@dataclass(frozen=True)
class Tie:
    """source -kind-> target between two entities, with the words of the sentence stating it."""

    source: str
    target: str
    kind: str
    doc: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Role:
    """A position an entity holds: `title` (of `of`) (to `to`), as one sentence states it."""

    holder: str
    title: str
    of: str | None
    to: str | None
    doc: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class CandidateLink:
    """Two entities that may be one, on evidence too weak to merge them; a user can confirm."""

    a: str
    b: str
    score: float
    reason: str


# Relations whose target is a body or a state, never a person.
TIES_TO_BODIES = frozenset({"role", "leads", "member_of", "trained_at", "ambassador_of"})

# A key that only its own document may use ("Trump" meaning the Trump that document names, or
# "the president" standing for a person named nearby) ends with this mark and the document's id.
PRIVATE_MARK = "|"


def private_key(key: str, doc: str) -> str:
    return f"{key}{PRIVATE_MARK}{doc}"


@dataclass
class KeyItem:
    """A resolution key ("Person:donald trump", "Country:PE") as the corpus sees it: what it
    names, and how many mentions carry it."""

    key: str
    name: str  # normalised
    kind: str  # FollowTheMoney schema name
    iso: str | None = None
    place: str | None = None  # for generic bodies: the state or place they belong to
    description: bool = False  # "the former rural teacher", standing for a person
    mentions: int = 0

    @property
    def shared(self) -> bool:
        """Whether mentions of other documents may carry this key."""
        return PRIVATE_MARK not in self.key


@dataclass
class LocalResolution:
    """Who is who in one document, from that document alone: each actor mention's key (the
    main key of its group there), what each key names, the aliases the text defines and the
    merges it leaves open. Made once per document; only the linking of keys reads across
    documents, so adding documents never re-reads the old ones."""

    doc: str
    keys: dict[int, str] = field(default_factory=dict)  # mention index -> key
    reasons: dict[int, str] = field(default_factory=dict)  # mention index -> why (references)
    items: dict[str, KeyItem] = field(default_factory=dict)  # key -> what it names
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, key it defines)
    candidates: list[CandidateLink] = field(default_factory=list)  # between keys
    votes: dict[tuple[str, str], int] = field(default_factory=dict)  # (name, tagged type) -> n
    # key -> (text, whether a description) -> mentions: how each key is written
    forms: dict[str, Counter[tuple[str, bool]]] = field(
        default_factory=lambda: defaultdict(Counter)
    )


def merged_keys(
    results: Iterable[LocalResolution],
) -> tuple[dict[str, KeyItem], dict[str, Counter[tuple[str, bool]]]]:
    """The keys of several documents' own resolutions, each once, with their mentions and
    written forms added up. A key two documents place differently ('Congress (Lima)') keeps the
    least place, as SQL's least() does (NULL only when there is no other): the same whatever
    the order of the documents."""
    items: dict[str, KeyItem] = {}
    forms: dict[str, Counter[tuple[str, bool]]] = defaultdict(Counter)
    for result in results:
        for key, item in result.items.items():
            known = items.get(key)
            if known is None or _least_first(item.place) < _least_first(known.place):
                items[key] = replace(
                    item, mentions=item.mentions + (known.mentions if known else 0)
                )
            else:
                known.mentions += item.mentions
            forms[key].update(result.forms[key])
    return items, forms


def _least_first(value: str | None) -> tuple[bool, str]:
    return (value is None, value or "")


@dataclass
class Resolution:
    """What the resolve stage returns: the entities of the keys it linked (`keys`; None: every
    key) and each of those keys' entity, with the merges it left open between them. Where the
    user's corrections were applied (`corrected`), the entities are all of them, with their
    mentions, since a correction can move single mentions."""

    entities: list[Entity] = field(default_factory=list)
    candidates: list[CandidateLink] = field(default_factory=list)  # between keys
    key_entities: dict[str, str] = field(default_factory=dict)
    keys: set[str] | None = None
    corrected: bool = False


@dataclass(frozen=True)
class Evidence:
    """One side of an alignment: the words of one document, and what they say of the thing."""

    item: str  # the aligned item's id: "figure:DOC:START-END"
    doc: str
    sentence: int
    start: int
    end: int
    text: str
    outlet: str | None
    published: str | None  # ISO date of the document
    note: str  # "12 protesters (killed)", "names it: massacre", "endorsed"


@dataclass(frozen=True)
class Alignment:
    """Items of different documents that speak of one thing, and how their sources relate:
    corroborate, contradict, evolves, reframe or unique (one source only)."""

    id: str
    group: str  # the aligned group it judges; a group yields one alignment per relation found
    kind: str  # event, figure, claim, or mixed
    relation: str
    score: float  # 0..1, how sure the alignment and the judgement are
    members: tuple[str, ...]  # item ids
    evidence: tuple[Evidence, ...]
    reason: str = ""  # why the relation holds, in words a reader can check against the evidence


@dataclass(frozen=True)
class Story:
    """Documents about one event or developing story, across outlets and days. Its id comes
    from the document that started it, and stays."""

    id: str
    title: str
    documents: tuple[str, ...]  # oldest first
    sources: tuple[str, ...]  # outlets, else document ids, by name
    first: str | None = None  # ISO date of its earliest dated document
    last: str | None = None


@dataclass(frozen=True)
class ActorFraming:
    """How one source presents one actor: the labels it gives, its stance (-1 hostile .. 1
    favourable, from what its sentences say about the actor) and how much room it gives the
    actor, on the documents it was framed on (one, a story's, or all of an outlet's)."""

    source: str  # an outlet, or a document id where the outlet is unknown
    entity: str
    name: str
    mentions: int
    share: float  # of the source's actor mentions
    labels: tuple[str, ...]  # "regime", "socialist", "democratically elected", most used first
    stance: float
    loaded: tuple[str, ...]  # loaded words in the sentences that name the actor
    stories: int = 0  # how many stories its mentions come from: what an outlet's framing pools


@dataclass(frozen=True)
class SourceWording:
    """How much of one source's own writing takes a side by its word choice, on the documents
    it was framed on: its sentences read as loaded (quotations are their speakers' words, not
    the source's), its heaviest loaded words and its most loaded sentences."""

    source: str
    sentences: int  # sentences judged (documents analysed before store schema 8 have none)
    loaded: int  # of them, read as loaded
    words: tuple[str, ...]  # its own loaded words, most weight over all its uses first
    examples: tuple[Evidence, ...]  # its most loaded sentences, most loaded first
    stories: int = 0  # how many stories its documents come from

    @property
    def share(self) -> float:
        return self.loaded / self.sentences if self.sentences else 0.0
