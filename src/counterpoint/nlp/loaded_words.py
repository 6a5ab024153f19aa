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

from spacy.tokens import Doc
from spacy.tokens import Token as SpacyToken
from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer

from counterpoint.records import LoadedWord

# Words that take a side in news writing: names for rulers, their followers and opponents
# that condemn or glorify, verbs of criticism that dramatise, nouns of violence that judge.
# General English, hand-written; none is taken from a benchmark.
EMOTIVE = set(
    """
    regime regimes dictator dictators dictatorship tyrant tyrants tyranny despot despots
    despotic strongman autocrat autocrats autocratic junta crony cronies cronyism henchman
    henchmen thug thugs thuggish goon goons mob mobs horde hordes puppet puppets stooge
    stooges lackey lackeys minion minions zealot zealots fanatic fanatics extremist
    extremists radical radicals hardliner hardliners firebrand demagogue demagogues usurper
    illegitimate propaganda propagandist mouthpiece hero heroes heroic martyr martyrs
    massacre massacres slaughter slaughtered bloodbath bloodshed atrocity atrocities carnage
    onslaught rampage butcher butchered savage savagely brutal brutally brutality ruthless
    ruthlessly draconian heinous vile sinister notorious infamous disgraceful shameful
    outrageous shocking scandal scandalous fiasco debacle sham farce hoax ploy stunt scheme
    smear witch-hunt slam slams slammed blast blasted lambast lambasted bash bashed rip
    ripped tout touted boast boasted brag bragged rant ranted spew spewed peddle peddled
    cling clung meddle meddling grab power-grab crush crushed unleash unleashed
    so-called self-proclaimed self-styled far-left far-right ultra-left ultra-right
    """.split()
)
# Verbs that only report speech; "said" is a writer's neutral choice, not a loaded one.
NEUTRAL_SPEECH = {"say", "tell", "add", "state", "note", "report", "announce", "explain"}
# Adjectives and adverbs of time, size, number, likelihood and plain description that the
# lexicons rate as subjective but a report needs ("a new law", "likely to fall").
DESCRIPTIVE = set(
    """
    new old young long short little big large small high low many few much more most less
    least other only first last next past recent early late likely unlikely possible
    probably available free total full public private local general common certain sure
    whole same different open real right left political social economic national far
    """.split()
)
# Intensifiers from VADER's booster list, less the comparatives any report uses.
INTENSIFIERS = {
    w for w, v in BOOSTER_DICT.items() if v > 0 and " " not in w and w not in {"more", "most", "so"}
}
# The lexicons judge adjectives and adverbs only: a noun or verb they rate ("death", "attack",
# "help") mostly names what happened, the topic rather than the writer's tone; nouns and verbs
# count only from the EMOTIVE list.
RATED_POS = {"ADJ", "ADV"}
# Entity labels whose words are names, never loaded words of the writer.
NAME_LABELS = {
    "PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
    "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
}  # fmt: skip

EMOTIVE_WEIGHT = 0.8
INTENSIFIER_WEIGHT = 0.4
# A word is marked as loaded from this weight on (intensifiers included).
MIN_WEIGHT = 0.4
# A sentence reads as biased when the loadedness of its words of at least WORD_FLOOR reaches
# LOADED_THRESHOLD. Both were tuned for sentence-level macro-F1 on BABE's SG1 file (MBIC
# sentences, expert labels) and are the only figures taken from it; ties went to the lower
# floor and the higher threshold (bench/babe_loaded_language.py, which reports SG2).
WORD_FLOOR = 0.45
LOADED_THRESHOLD = 0.4


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


def _judge(token: SpacyToken) -> tuple[str, float] | None:
    """(kind, weight) of a word the lexicons rate, else None."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower in EMOTIVE or lemma in EMOTIVE:
        return "emotive", EMOTIVE_WEIGHT
    if token.pos_ == "ADV" and lower in INTENSIFIERS:
        return "intensifier", INTENSIFIER_WEIGHT
    if token.is_stop or token.pos_ not in RATED_POS or lower in DESCRIPTIVE:
        return None
    found = word_polarity(lower)
    if not (found.valence or found.polarity or found.subjectivity):
        found = word_polarity(lemma)
    signed = found.valence if abs(found.valence) >= abs(found.polarity) else found.polarity
    if abs(signed) >= found.subjectivity * 0.8:
        weight, kind = abs(signed), ("negative" if signed < 0 else "positive")
    else:
        weight, kind = found.subjectivity * 0.8, "subjective"
    if lower in INTENSIFIERS and weight < INTENSIFIER_WEIGHT:
        return "intensifier", INTENSIFIER_WEIGHT
    return (kind, round(weight, 3)) if weight > 0 else None


def find_loaded_words(sdoc: Doc, min_weight: float = MIN_WEIGHT) -> list[LoadedWord]:
    """The loaded words of a parsed text, in text order, with offsets and sentence indexes in
    `sdoc`'s own terms; `doc` is left empty for the caller to fill. Names, stop words and the
    neutral verbs of speech are never loaded."""
    found = []
    for index, sent in enumerate(sdoc.sents):
        for token in sent:
            if not token.is_alpha and "-" not in token.text:
                continue
            if token.ent_type_ in NAME_LABELS:
                continue
            judged = _judge(token)
            if judged is not None and judged[1] >= min_weight:
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


def loadedness(words: Sequence[LoadedWord], floor: float = WORD_FLOOR) -> float:
    """How loaded a sentence is, 0..1, from its loaded words of at least `floor`: the chance
    that at least one of them is loaded, each word's weight read as its own chance (noisy-or)."""
    clean = 1.0
    for word in words:
        if word.weight >= floor:
            clean *= 1.0 - word.weight
    return 1.0 - clean


def is_loaded(
    words: Sequence[LoadedWord], threshold: float = LOADED_THRESHOLD, floor: float = WORD_FLOOR
) -> bool:
    """Whether a sentence with these loaded words reads as biased (BABE's sense: word choice
    that takes a side, not the topic)."""
    return loadedness(words, floor) >= threshold
