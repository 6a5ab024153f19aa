"""Loaded words, found in context as each text is annotated.

A word is loaded when experts would mark it as the writer taking a side. Each candidate word
(not a name, not part of a fixed term like "special counsel", hyphenated compounds kept whole:
"glad-handing") is given the chance that experts mark it, by a small logistic model over: how
often BABE's experts marked that word where it occurred (a lexicon learned from BABE's
`biased_words`, counts smoothed toward the mean, shipped in `lang/en/loaded_model.json`), the
ratings of the lexicons that ship in pip packages (VADER's valence, TextBlob's polarity and
subjectivity, MIT licensed), a short hand-written list of words news writing uses to take a side,
and the part of speech. Multi-word expressions ("went on a tear", "lashed out") are marked
whole, from a hand-written list of idioms and the runs of adjacent words BABE's experts marked
together. Words inside a quotation are the speaker's, not the outlet's: they are marked
`quoted` and do not count toward the outlet's sentence. The weights and thresholds are learned
and calibrated by `bench/babe_loaded_language.py --train` (see bench/README.md).

Whether a sentence reads as biased is judged from its words' weights and VADER's scores, and,
when the caller has the sentence's multilingual-e5-small embedding (the align stage stores one
per sentence of its statements), by a second logistic model over those features and the
embedding (`lang/en/loaded_vector_model.json`): on BABE's held-out part it reads word choice
far better (macro-F1 0.79 against 0.69) than the words alone, which miss the loaded words the
lexicon has not seen.
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from counterpoint.config import FramingSettings
from counterpoint.lang import words
from counterpoint.records import LoadedSentence, LoadedWord

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MODEL = Path(__file__).resolve().parents[1] / "lang" / "en" / "loaded_model.json"
VECTOR_MODEL = MODEL.with_name("loaded_vector_model.json")


@dataclass(frozen=True)
class Polarity:
    """What the lexicons say of one word: VADER valence scaled to -1..1, TextBlob polarity and
    subjectivity averaged over the word's senses."""

    valence: float = 0.0
    polarity: float = 0.0
    subjectivity: float = 0.0


@dataclass
class Candidate:
    """A word or expression that may be loaded: token range `[first, last)` of its doc."""

    sentence: int
    first: int
    last: int
    start: int
    end: int
    text: str
    lower: str
    lemma: str
    pos: str
    is_stop: bool
    quoted: bool
    expression: bool = False  # several words marked whole
    weight: float = 0.0  # the chance experts mark it, once judged


@dataclass
class Model:
    """The learned part: the lexicon (word -> times marked, times seen), the expressions, and
    the weights of the word and sentence models."""

    lexicon: dict[str, tuple[int, int]] = field(default_factory=dict)
    expressions: dict[str, tuple[int, int]] = field(default_factory=dict)
    prior: float = 0.05  # the share of candidate words marked, where nothing else is known
    word_weights: list[float] = field(default_factory=list)
    sentence_weights: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class VectorModel:
    """The sentence model with the sentence's embedding: weights over `SENTENCE_FEATURES` then
    the embedding's dimensions, and the chance from which a sentence reads as biased (both
    learned on BABE's training part)."""

    weights: tuple[float, ...] = ()
    threshold: float = 0.5


@lru_cache(maxsize=1)
def vader() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _textblob_lexicon() -> dict[str, tuple[float, float]]:
    """TextBlob's en-sentiment.xml: word -> (polarity, subjectivity), senses averaged."""
    # Found without importing textblob, which would import nltk (a second's start-up).
    spec = find_spec("textblob")
    if spec is None or spec.origin is None:
        raise ImportError("textblob is not installed; it ships the sentiment lexicon")
    path = Path(spec.origin).parent / "en" / "en-sentiment.xml"
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for word in ET.fromstring(path.read_bytes()).iter("word"):
        form = (word.get("form") or "").lower()
        if form:
            senses[form].append(
                (float(word.get("polarity") or 0), float(word.get("subjectivity") or 0))
            )
    return {
        form: (sum(p for p, _ in s) / len(s), sum(q for _, q in s) / len(s))
        for form, s in senses.items()
    }


def word_polarity(word: str) -> Polarity:
    """The lexicons' view of one lower-case word form."""
    valence = vader().lexicon.get(word, 0.0) / 4
    polarity, subjectivity = _textblob_lexicon().get(word, (0.0, 0.0))
    return Polarity(max(-1.0, min(1.0, valence)), polarity, subjectivity)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL) -> Model:
    """The shipped model; an empty one (lexicons only, nothing marked) when it is missing."""
    if not path.is_file():
        return Model()
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return Model(
        lexicon={w: (m, s) for w, (m, s) in raw["lexicon"].items()},
        expressions={w: (m, s) for w, (m, s) in raw["expressions"].items()},
        prior=raw["prior"],
        word_weights=raw["word_weights"],
        sentence_weights=raw["sentence_weights"],
    )


@lru_cache(maxsize=1)
def load_vector_model(path: Path = VECTOR_MODEL) -> VectorModel | None:
    """The shipped sentence model with embeddings; None when it is missing."""
    if not path.is_file():
        return None
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return VectorModel(weights=tuple(raw["weights"]), threshold=raw["threshold"])


# --- candidates ------------------------------------------------------------------------------


def quotation_spans(text: str, lang: ModuleType) -> list[tuple[int, int]]:
    """Character spans of the quotations of a text, quote marks included: paired double quotes
    (straight or curly) within a paragraph, longer than a scare quote's few words."""
    spans = []
    for match in lang.QUOTATION.finditer(text):
        if len(match.group(0).split()) > lang.SCARE_QUOTE_WORDS:
            spans.append((match.start(), match.end()))
    return spans


def _phrases(sent: Span, table: frozenset[tuple[str, ...]], longest: int) -> list[range]:
    """Token ranges (doc indexes) of the phrases of `table` in a sentence, matched on lemmas or
    lower-case forms, longest first, without overlap."""
    firsts = {phrase[0] for phrase in table}
    lemmas = [t.lemma_.lower() for t in sent]
    lowers = [t.lower_ for t in sent]
    found: list[range] = []
    index = 0
    while index < len(lowers):
        if lemmas[index] in firsts or lowers[index] in firsts:
            for size in range(min(longest, len(lowers) - index), 1, -1):
                end = index + size
                if tuple(lemmas[index:end]) in table or tuple(lowers[index:end]) in table:
                    found.append(range(sent.start + index, sent.start + end))
                    index = end - 1
                    break
        index += 1
    return found


def candidates(sdoc: Doc, model: Model | None = None) -> list[Candidate]:
    """The words and expressions of a parsed text that may be loaded, in text order: names,
    numbers, fixed terms and punctuation left out, hyphenated compounds joined."""
    lang = words(sdoc.lang_, "framing")
    model = model or load_model()
    learned = frozenset(tuple(e.split()) for e in model.expressions)
    quotes = quotation_spans(sdoc.text, lang)
    found = []
    for index, sent in enumerate(sdoc.sents):
        skip: set[int] = set()
        for fixed in _phrases(sent, lang.FIXED_TERMS, lang.LONGEST_PHRASE):
            skip.update(fixed)
        for phrase in _phrases(sent, lang.IDIOMS | learned, lang.LONGEST_PHRASE):
            if skip.isdisjoint(phrase):
                found.append(_candidate(sdoc, index, phrase.start, phrase.stop, quotes, True))
                skip.update(phrase)
        i = sent.start
        while i < sent.end:
            last = i + 1
            while (  # "glad-handing": one word
                last + 1 < sent.end
                and sdoc[last].text == "-"
                and not sdoc[last - 1].whitespace_
                and not sdoc[last].whitespace_
            ):
                last += 2
            token = sdoc[i]
            if (
                skip.isdisjoint(range(i, last))
                and (token.is_alpha or last > i + 1)
                and token.ent_type_ not in lang.NAME_LABELS
            ):
                found.append(_candidate(sdoc, index, i, last, quotes, False))
            i = last
    found.sort(key=lambda c: c.start)
    return found


def _candidate(
    sdoc: Doc, sentence: int, first: int, last: int, quotes: list[tuple[int, int]], whole: bool
) -> Candidate:
    span = sdoc[first:last]
    text = span.text
    joined = last - first > 1 and not whole
    lemma = text.lower() if joined else " ".join(t.lemma_.lower() for t in span)
    head = span.root
    return Candidate(
        sentence=sentence,
        first=first,
        last=last,
        start=span.start_char,
        end=span.end_char,
        text=text,
        lower=text.lower(),
        lemma=lemma,
        pos="X" if joined or whole else head.pos_,
        is_stop=not joined and not whole and head.is_stop,
        quoted=any(a <= span.start_char < b for a, b in quotes),
        expression=whole,
    )


# --- the word model --------------------------------------------------------------------------

WORD_FEATURES = (
    "bias", "log rate of the form", "log rate of the lemma", "log times seen", "|valence|",
    "|polarity|", "subjectivity", "hand-written list", "intensifier", "negative", "ADJ", "ADV",
    "NOUN", "VERB", "PROPN", "stop word", "expression or compound",
)  # fmt: skip


def rate(counts: dict[str, tuple[int, int]], word: str, prior: float, smoothing: float) -> float:
    """How often experts marked `word` where it occurred, smoothed toward `prior`."""
    marked, seen = counts.get(word, (0, 0))
    return (marked + smoothing * prior) / (seen + smoothing)


def word_features(
    word: Candidate,
    lexicon: dict[str, tuple[int, int]],
    prior: float,
    lang: ModuleType,
) -> list[float]:
    """The features of one candidate for the word model, in the order of `WORD_FEATURES`."""
    smoothing = lang.LEXICON_SMOOTHING
    found = word_polarity(word.lower)
    if not (found.valence or found.polarity or found.subjectivity):
        found = word_polarity(word.lemma)
    listed = word.lower in lang.EMOTIVE or word.lemma in lang.EMOTIVE
    return [
        1.0,
        math.log(rate(lexicon, word.lower, prior, smoothing)),
        math.log(rate(lexicon, word.lemma, prior, smoothing)),
        math.log1p(lexicon.get(word.lower, (0, 0))[1]),
        abs(found.valence),
        abs(found.polarity),
        found.subjectivity,
        float(listed or word.lemma in lang.IDIOMS_JOINED),
        float(word.lower in lang.INTENSIFIERS),
        float(found.valence < 0 or found.polarity < 0),
        *(float(word.pos == pos) for pos in ("ADJ", "ADV", "NOUN", "VERB", "PROPN")),
        float(word.is_stop),
        float(word.pos == "X"),
    ]


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def judge(found: list[Candidate], model: Model, lang: ModuleType) -> None:
    """Each candidate's weight: the chance that experts mark it."""
    for word in found:
        x = word_features(word, model.lexicon, model.prior, lang)
        chance = sigmoid(sum(w * v for w, v in zip(model.word_weights, x, strict=False)))
        if word.expression:
            marked, seen = model.expressions.get(word.lower, (0, 0))
            listed = lang.EXPRESSION_WEIGHT if word.lemma in lang.IDIOMS_JOINED else 0.0
            chance = max(chance, listed, (marked + 1) / (seen + 2) if seen else 0.0)
        word.weight = round(chance, 3)


def _kind(word: Candidate, lang: ModuleType) -> str:
    """Why a word reads as loaded: its lexicon sign, or the list or model that marked it."""
    if word.expression:
        return "expression"
    if word.lower in lang.EMOTIVE or word.lemma in lang.EMOTIVE:
        return "emotive"
    if word.lower in lang.INTENSIFIERS and word.pos == "ADV":
        return "intensifier"
    found = word_polarity(word.lower)
    signed = found.valence if abs(found.valence) >= abs(found.polarity) else found.polarity
    if abs(signed) >= lang.SIGNED_FROM:
        return "negative" if signed < 0 else "positive"
    return "subjective"


def judged_candidates(sdoc: Doc, model: Model | None = None) -> list[Candidate]:
    """Every candidate of a parsed text with its weight, whatever the weight."""
    model = model or load_model()
    found = candidates(sdoc, model)
    judge(found, model, words(sdoc.lang_, "framing"))
    return found


def find_loaded_words(sdoc: Doc, settings: FramingSettings = FramingSettings()) -> list[LoadedWord]:
    """The loaded words of a parsed text (weight from `settings.min_weight`), in text order,
    with offsets and sentence indexes in `sdoc`'s own terms; `doc` is left empty for the caller
    to fill. Words inside a quotation are marked `quoted`: they are the speaker's."""
    return loaded_language(sdoc, settings)[0]


def loaded_language(
    sdoc: Doc, settings: FramingSettings = FramingSettings()
) -> tuple[list[LoadedWord], list[LoadedSentence]]:
    """The loaded words of a parsed text (as `find_loaded_words`) and every sentence judged
    from its words (`LoadedSentence`, in `sdoc`'s terms, `doc` left empty), from one reading."""
    lang = words(sdoc.lang_, "framing")
    found = judged_candidates(sdoc)
    loaded = [
        LoadedWord(
            doc="",
            sentence=c.sentence,
            start=c.start,
            end=c.end,
            text=c.text,
            kind=_kind(c, lang),
            weight=c.weight,
            quoted=c.quoted,
        )
        for c in found
        if c.weight >= settings.min_weight
    ]
    in_sentence: dict[int, list[Candidate]] = defaultdict(list)
    for c in found:
        in_sentence[c.sentence].append(c)
    judged = []
    for index, sent in enumerate(sdoc.sents):
        features = candidate_features(sent.text, in_sentence[index], settings)
        judged.append(
            LoadedSentence(
                doc="",
                sentence=index,
                start=sent.start_char,
                end=sent.end_char,
                bias=round(sentence_bias(features), 4),
                features=tuple(round(x, 6) for x in features),
            )
        )
    return loaded, judged


# --- the sentence model ----------------------------------------------------------------------

SENTENCE_FEATURES = (
    "bias", "heaviest word", "second heaviest", "noisy-or", "mean weight", "words marked",
    "VADER |compound|", "VADER negative", "VADER positive", "has a quotation",
)  # fmt: skip


def sentence_features(
    text: str, weights: Sequence[float], quoted: bool, settings: FramingSettings
) -> list[float]:
    """The features of one sentence, from the weights of its outlet's own candidates and
    VADER's scores of its text less its quotations."""
    ranked = sorted(weights, reverse=True) + [0.0, 0.0]
    clean = 1.0
    for weight in weights:
        clean *= 1.0 - weight
    own = text
    for start, end in reversed(quotation_spans(text, words("en", "framing"))):
        own = own[:start] + own[end:]
    scores = vader().polarity_scores(own)
    return [
        1.0,
        ranked[0],
        ranked[1],
        1.0 - clean,
        sum(weights) / max(1, len(weights)),
        float(sum(1 for w in weights if w >= settings.min_weight)),
        abs(scores["compound"]),
        scores["neg"],
        scores["pos"],
        float(quoted),
    ]


def candidate_features(
    text: str, found: Sequence[Candidate], settings: FramingSettings = FramingSettings()
) -> list[float]:
    """A sentence's features from its judged candidates (quoted words do not count)."""
    own = [c.weight for c in found if not c.quoted]
    return sentence_features(text, own, any(c.quoted for c in found), settings)


def sentence_bias(
    features: Sequence[float],
    vector: Iterable[float] | None = None,
    model: Model | None = None,
) -> float:
    """The chance that a sentence reads as biased by its word choice (BABE's sense: word choice
    that takes a side, not the topic), from its `sentence_features` and, when given, its
    unit-length e5 embedding (`vector`). The embedding reads the whole sentence, a quotation's
    words too: it is not used when a quotation is there."""
    with_vector = _vector_model(features, vector)
    if with_vector is not None and vector is not None:
        x = [*features, *(float(v) for v in vector)]
        return sigmoid(sum(w * v for w, v in zip(with_vector.weights, x, strict=True)))
    model = model or load_model()
    return sigmoid(sum(w * v for w, v in zip(model.sentence_weights, features, strict=False)))


def is_biased(
    features: Sequence[float],
    settings: FramingSettings = FramingSettings(),
    vector: Iterable[float] | None = None,
) -> bool:
    """Whether a sentence reads as biased by its word choice: `sentence_bias` from
    `bias_threshold`."""
    return sentence_bias(features, vector) >= bias_threshold(features, settings, vector)


def bias_threshold(
    features: Sequence[float],
    settings: FramingSettings = FramingSettings(),
    vector: Iterable[float] | None = None,
) -> float:
    """The threshold of the model that judges the sentence: the vector model's own, learned
    with it, or `settings.loaded_threshold`."""
    with_vector = _vector_model(features, vector)
    return with_vector.threshold if with_vector else settings.loaded_threshold


def _vector_model(features: Sequence[float], vector: Iterable[float] | None) -> VectorModel | None:
    """The vector model, when there is a vector, no quotation and a shipped model."""
    if vector is None or features[SENTENCE_FEATURES.index("has a quotation")]:
        return None
    return load_vector_model()


def biased_sentences(
    sdoc: Doc,
    settings: FramingSettings = FramingSettings(),
    vectors: Sequence[Sequence[float]] | None = None,
) -> list[bool]:
    """Per sentence of a parsed text: whether it reads as biased by its word choice; `vectors`,
    one e5 embedding per sentence, when the caller has them."""
    judged = loaded_language(sdoc, settings)[1]
    if vectors is not None and len(vectors) != len(judged):
        raise ValueError(f"{len(vectors)} vectors for {len(judged)} sentences")
    return [
        is_biased(s.features, settings, vectors[i] if vectors is not None else None)
        for i, s in enumerate(judged)
    ]
