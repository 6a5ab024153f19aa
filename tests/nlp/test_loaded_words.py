"""Loaded words: the words a writer uses to take a side, found in each parsed sentence."""

from __future__ import annotations

import pytest
from spacy.language import Language

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.loaded_words import find_loaded_words, is_loaded


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(Settings().spacy_model)


def test_loaded_words_are_found_in_a_hostile_sentence_and_not_in_a_wire_sentence(
    nlp: Language,
) -> None:
    text = (
        "The central bank raised its main interest rate by a quarter point on Tuesday, "
        "officials said. The regime's thugs brutally crushed the peaceful protest."
    )
    words = find_loaded_words(nlp(text))
    assert {w.text for w in words} >= {"regime", "thugs", "brutally", "crushed"}
    assert all(w.sentence == 1 and text[w.start : w.end] == w.text for w in words)
    assert all(0 < w.weight <= 1 for w in words)
    assert {w.kind for w in words} <= {"negative", "positive", "subjective", "intensifier",
                                       "emotive"}  # fmt: skip
    assert is_loaded([w for w in words if w.sentence == 1])
    assert not is_loaded([w for w in words if w.sentence == 0])


def test_names_and_verbs_of_speech_are_not_loaded_words(nlp: Language) -> None:
    words = find_loaded_words(nlp("Hope Solo said the Justice Party would meet on Friday."))
    assert words == []
