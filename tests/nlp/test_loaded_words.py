"""Loaded words: the words a writer uses to take a side, found in context in each parsed
sentence (fixed terms left out, idioms whole, quotations the speaker's)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.loaded_words import biased_sentences, find_loaded_words


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
    assert {w.text for w in words} >= {"thugs", "brutally", "crushed"}
    assert all(w.sentence == 1 and text[w.start : w.end] == w.text for w in words)
    assert all(0 < w.weight <= 1 and not w.quoted for w in words)
    assert biased_sentences(nlp(text)) == [False, True]


def test_names_and_verbs_of_speech_are_not_loaded_words(nlp: Language) -> None:
    words = find_loaded_words(nlp("Hope Solo said the Justice Party would meet on Friday."))
    assert words == []


def test_fixed_terms_are_not_loaded(nlp: Language) -> None:
    doc = nlp("The special counsel asked a grand jury to hear two more witnesses.")
    assert find_loaded_words(doc) == []
    assert biased_sentences(doc) == [False]


def test_an_idiom_is_marked_whole(nlp: Language) -> None:
    text = "The senator went on a tear against the farm bill."
    words = find_loaded_words(nlp(text))
    assert [(w.text, w.kind) for w in words] == [("went on a tear", "expression")]
    assert text[words[0].start : words[0].end] == "went on a tear"


def test_a_hyphenated_compound_is_one_word_and_not_read_by_its_parts(nlp: Language) -> None:
    words = find_loaded_words(nlp("The governor spent the evening glad-handing donors."))
    assert [w.text for w in words] == ["glad-handing"]
    assert words[0].kind != "positive"  # "glad" alone is positive, the compound is not


def test_loaded_words_inside_a_quotation_are_the_speakers(nlp: Language) -> None:
    text = 'The mayor said: "These thugs and their vile lies are wrecking our city."'
    doc = nlp(text)
    words = find_loaded_words(doc)
    assert {"thugs", "vile"} <= {w.text for w in words}
    assert all(w.quoted for w in words)
    assert biased_sentences(doc) == [False]  # the outlet only reports what was said
    scare = find_loaded_words(nlp('The so-called "reform" is a vile scheme.'))
    assert any(w.text == "vile" and not w.quoted for w in scare)
