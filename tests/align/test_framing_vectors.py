"""Framing with sentence embeddings: the stance toward an actor and whether a sentence reads as
biased, each read from the sentence's e5 embedding beside its words, quotations left out."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_reading import features_toward

from counterpoint.align.embeddings import embed
from counterpoint.align.framing import stance_probabilities, target_stance
from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.loaded_words import biased_sentences


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings().spacy_model)


def read(nlp: Language, text: str, target: str) -> tuple[dict[str, float], list[float]]:
    """The stance features of `text` toward the words `target`, and the text's embedding."""
    return features_toward(nlp, text, target), embed([text])[0].tolist()


def test_the_embedding_reads_the_tone_toward_the_actor(nlp: Language) -> None:
    hostile = "Tomas Ardent's reckless scheme wrecked the town's finances and betrayed its workers."
    warm = "Tomas Ardent was honoured on Friday for decades of generous work for poor families."
    plain = "Tomas Ardent will travel to Larkspur on Tuesday for a meeting with officials."
    stances = {}
    for text in (hostile, warm, plain):
        features, vector = read(nlp, text, "Tomas Ardent")
        with_vector = stance_probabilities(features, vector=vector)
        assert with_vector != stance_probabilities(features)  # the embedding counts
        assert sum(with_vector) == pytest.approx(1.0)
        stances[text] = target_stance(features, vector=vector)
    assert stances[hostile] < -0.3
    assert stances[warm] > 0.3
    assert stances[hostile] < stances[plain] < stances[warm]


def test_a_sentence_of_loaded_words_reads_as_biased_with_its_embedding(nlp: Language) -> None:
    text = (
        "The city council approved the new budget on Monday after a two-hour meeting. "
        "The mayor's reckless scheme will bankrupt hardworking families."
    )
    doc = nlp(text)
    vectors = embed([s.text for s in doc.sents])
    assert biased_sentences(doc, vectors=vectors) == [False, True]
    with pytest.raises(ValueError):
        biased_sentences(doc, vectors=vectors[:1])


def test_the_embedding_is_not_read_where_a_quotation_speaks(nlp: Language) -> None:
    """The embedding reads every word, the speaker's too: a sentence that only reports a
    quotation is judged by the outlet's own words, as without embeddings."""
    doc = nlp('The mayor said: "These thugs and their vile lies are wrecking our city."')
    vectors = embed([s.text for s in doc.sents])
    assert biased_sentences(doc, vectors=vectors) == biased_sentences(doc) == [False]
