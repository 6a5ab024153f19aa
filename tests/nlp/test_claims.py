"""Claims and quotes: who says what, how sure, and whether the author stands behind it."""

from __future__ import annotations

from spacy.tokens import Doc

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.claims import find_claims
from counterpoint.records import Claim


def parse(text: str) -> Doc:
    return load_pipeline(Settings().spacy_model)(text)


def claims(text: str) -> tuple[Doc, list[Claim]]:
    doc = parse(text)
    found = find_claims(doc)
    for claim in found:
        assert claim.doc == ""
        assert 0 <= claim.start < claim.end <= len(text)
        if claim.cue is not None:
            assert text[claim.cue_start : claim.cue_end] == claim.cue
        sentence = list(doc.sents)[claim.sentence]
        assert sentence.start_char <= claim.start < sentence.end_char
    return doc, found


def one(text: str, content: str) -> tuple[Doc, Claim]:
    """The claim whose content is exactly `content`."""
    doc, found = claims(text)
    matching = [c for c in found if text[c.start : c.end] == content]
    assert matching, [text[c.start : c.end] for c in found]
    return doc, matching[0]


def speaker(doc: Doc, claim: Claim) -> str | None:
    return doc.ents[claim.speaker].text if claim.speaker is not None else None


def test_a_quote_with_the_speaker_after_it() -> None:
    text = '"We will rebuild the bridge before winter," Mayor Tobias Wendell told reporters.'
    doc, claim = one(text, "We will rebuild the bridge before winter")
    assert claim.kind == "quote"
    assert speaker(doc, claim) == "Tobias Wendell"
    assert claim.cue == "told reporters"
    assert claim.certainty == "asserted" and claim.endorsement == "neutral"


def test_an_inverted_quote_with_straight_marks() -> None:
    text = '"The harvest was the worst in a decade," said Marta Okonjo, a farmer in Belvale.'
    doc, claim = one(text, "The harvest was the worst in a decade")
    assert claim.kind == "quote" and speaker(doc, claim) == "Marta Okonjo"
    assert claim.cue == "said"


def test_a_quote_with_the_speaker_before_it() -> None:
    text = "Senator Ilse Brandauer said: \u201cThis budget protects the poorest families.\u201d"
    doc, claim = one(text, "This budget protects the poorest families")
    assert claim.kind == "quote" and speaker(doc, claim) == "Ilse Brandauer"


def test_a_second_quote_continues_the_first_speaker() -> None:
    text = (
        "\u201cThe vote was fair,\u201d Governor Paulo Renck said. \u201cNobody has shown "
        "otherwise. We will accept the result.\u201d"
    )
    doc, found = claims(text)
    second = [c for c in found if text[c.start : c.end].startswith("Nobody")]
    assert second and second[0].kind == "quote" and speaker(doc, second[0]) == "Paulo Renck"
    assert second[0].end == text.index(".\u201d", second[0].start)  # spans both sentences


def test_reported_speech_that_clause_is_the_content() -> None:
    text = "Minister Karel Dusek said that the factory would reopen in March."
    doc, claim = one(text, "the factory would reopen in March")
    assert claim.kind == "reported" and speaker(doc, claim) == "Karel Dusek"
    assert claim.cue == "said"


def test_an_unnamed_speaker_is_kept_as_words() -> None:
    text = "Officials told reporters the road would stay closed until Friday."
    _, claim = one(text, "the road would stay closed until Friday")
    assert claim.speaker is None and claim.speaker_text == "Officials"
    assert claim.cue == "told reporters"


def test_according_to() -> None:
    text = "Fourteen people were injured in the fire, according to the Harwick Fire Service."
    doc, claim = one(text, "Fourteen people were injured in the fire")
    assert claim.kind == "according_to" and claim.cue == "according to"
    assert speaker(doc, claim) == "the Harwick Fire Service"


def test_a_report_by_an_organisation() -> None:
    text = "A report by the Lindqvist Foundation showed that river levels had fallen by half."
    doc, claim = one(text, "river levels had fallen by half")
    assert claim.kind == "document" and speaker(doc, claim) == "the Lindqvist Foundation"
    assert claim.cue == "showed"


def test_nested_attribution() -> None:
    text = "Dario Vence said that his aide had said that the ballots were lost."
    _, found = claims(text)
    inner = next(c for c in found if text[c.start : c.end] == "the ballots were lost")
    outer = found[inner.nested_in] if inner.nested_in is not None else None
    assert outer is not None and text[outer.start : outer.end].startswith("his aide had said")
    assert inner.speaker is None and inner.speaker_text == "his aide"


def test_a_hedge_in_the_content() -> None:
    text = "Police chief Anna Selby said the suspects had reportedly fled to the coast."
    _, claim = one(text, "the suspects had reportedly fled to the coast")
    assert claim.certainty == "hedged"


def test_an_author_hedge_without_attribution() -> None:
    text = "The contract was allegedly signed by Rolf Amsel in person."
    _, found = claims(text)
    assert len(found) == 1
    claim = found[0]
    assert claim.kind == "author" and claim.speaker is None and claim.speaker_text is None
    assert claim.certainty == "hedged" and claim.cue == "allegedly"
    assert (
        text[claim.start : claim.end] == "The contract was allegedly signed by Rolf Amsel in person"
    )


def test_a_booster() -> None:
    text = "It is known that the dam was built without a permit."
    _, claim = one(text, "the dam was built without a permit")
    assert claim.kind == "author" and claim.certainty == "boosted"
    text = "Councillor Hana Ruml said the plan was clearly illegal."
    _, claim = one(text, "the plan was clearly illegal")
    assert claim.certainty == "boosted"


def test_insists_distances_and_confirmed_endorses() -> None:
    text = "Mayor Ivo Petrak insists that the water is safe to drink."
    _, claim = one(text, "the water is safe to drink")
    assert claim.endorsement == "distanced"
    text = "The Talvera Health Agency confirmed that three patients had died."
    doc, claim = one(text, "three patients had died")
    assert claim.endorsement == "endorsed" and speaker(doc, claim) == "The Talvera Health Agency"


def test_so_called_and_scare_quotes_distance_the_author() -> None:
    text = "The so-called reform cut pensions by a fifth."
    _, found = claims(text)
    assert [(c.kind, c.endorsement) for c in found] == [("author", "distanced")]
    text = 'The ministry described the raid as a "routine inspection" of the offices.'
    _, found = claims(text)
    assert found and found[0].endorsement == "distanced"
    assert found[0].cue == '"routine inspection"'


def test_a_sentence_with_nothing_claimed() -> None:
    assert claims("The river runs through the old town and past the cathedral.")[1] == []
