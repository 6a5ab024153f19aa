"""Loaded and emotive words, found as each text is annotated.

Words are rated with lexicons that ship inside pip packages: VADER's valence lexicon
(`vadersentiment`, words rated -4..4 by human raters) and its intensifiers, and TextBlob's
adjective lexicon (`textblob`, polarity, subjectivity and intensity per word sense, read straight
from its XML file so that nothing is downloaded), plus a short hand-written list of words news
writing uses to take a side ("regime", "thugs", "slammed"; general English, not taken from any
benchmark). `is_loaded` says whether a sentence's loaded words make it read as biased.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from counterpoint.config import FramingSettings
from counterpoint.lang import words
from counterpoint.records import LoadedWord

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Token as SpacyToken


@dataclass(frozen=True)
class Polarity:
    """What the lexicons say of one word: VADER valence scaled to -1..1, TextBlob polarity and
    subjectivity averaged over the word's senses."""

    valence: float = 0.0
    polarity: float = 0.0
    subjectivity: float = 0.0


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


def _judge(
    token: SpacyToken, lang: ModuleType, settings: FramingSettings
) -> tuple[str, float] | None:
    """(kind, weight) of a word the lexicons rate, else None."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower in lang.EMOTIVE or lemma in lang.EMOTIVE:
        return "emotive", settings.emotive_weight
    if token.pos_ == "ADV" and lower in lang.INTENSIFIERS:
        return "intensifier", settings.intensifier_weight
    if token.is_stop or token.pos_ not in lang.RATED_POS or lower in lang.DESCRIPTIVE:
        return None
    found = word_polarity(lower)
    if not (found.valence or found.polarity or found.subjectivity):
        found = word_polarity(lemma)
    signed = found.valence if abs(found.valence) >= abs(found.polarity) else found.polarity
    subjective = found.subjectivity * settings.subjectivity_scale
    if abs(signed) >= subjective:
        weight, kind = abs(signed), ("negative" if signed < 0 else "positive")
    else:
        weight, kind = subjective, "subjective"
    if lower in lang.INTENSIFIERS and weight < settings.intensifier_weight:
        return "intensifier", settings.intensifier_weight
    return (kind, round(weight, 3)) if weight > 0 else None


def find_loaded_words(sdoc: Doc, settings: FramingSettings = FramingSettings()) -> list[LoadedWord]:
    """The loaded words of a parsed text (from `settings.min_weight`), in text order, with
    offsets and sentence indexes in `sdoc`'s own terms; `doc` is left empty for the caller to
    fill. Names and stop words are never loaded."""
    lang = words(sdoc.lang_, "framing")
    found = []
    for index, sent in enumerate(sdoc.sents):
        for token in sent:
            if not token.is_alpha and "-" not in token.text:
                continue
            if token.ent_type_ in lang.NAME_LABELS:
                continue
            judged = _judge(token, lang, settings)
            if judged is not None and judged[1] >= settings.min_weight:
                kind, weight = judged
                found.append(
                    LoadedWord(
                        doc="",
                        sentence=index,
                        start=token.idx,
                        end=token.idx + len(token.text),
                        text=token.text,
                        kind=kind,
                        weight=weight,
                    )
                )
    return found


def loadedness(loaded: Sequence[LoadedWord], floor: float) -> float:
    """How loaded a sentence is, 0..1, from its loaded words of at least `floor`: the chance
    that at least one of them is loaded, each word's weight read as its own chance (noisy-or)."""
    clean = 1.0
    for word in loaded:
        if word.weight >= floor:
            clean *= 1.0 - word.weight
    return 1.0 - clean


def is_loaded(loaded: Sequence[LoadedWord], settings: FramingSettings = FramingSettings()) -> bool:
    """Whether a sentence with these loaded words reads as biased (BABE's sense: word choice
    that takes a side, not the topic)."""
    return loadedness(loaded, settings.word_floor) >= settings.loaded_threshold
