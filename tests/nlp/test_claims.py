"""Claims and quotes: who says what, how sure, and whether the author stands behind it."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from counterpoint.config import Settings
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.nlp.claims import CueModel, attribution_candidates, find_attributions, find_claims
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
    quotes = [c for c in found if c.kind == "quote"]
    assert len(quotes) == 1  # one claim, as a reader counts it, in two pieces
    assert speaker(doc, quotes[0]) == "Paulo Renck"
    assert text[quotes[0].start :].startswith("The vote was fair")
    assert quotes[0].end == text.index(".\u201d")  # runs on to the end of the second piece
    parts = [a.parts for a in find_attributions(doc) if a.claim == quotes[0]][0]
    assert [text[a:b] for a, b in parts] == [
        "The vote was fair",
        "Nobody has shown otherwise. We will accept the result",
    ]


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
    assert claim.kind == "hedge" and claim.speaker is None and claim.speaker_text is None
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


def test_so_called_distances_the_author() -> None:
    text = "The so-called reform cut pensions by a fifth."
    _, found = claims(text)
    assert [(c.kind, c.endorsement) for c in found] == [("author", "distanced")]


def test_a_scare_quote_is_a_label_not_a_claim() -> None:
    text = 'The raid on the offices was a "routine inspection" for the police.'
    _, found = claims(text)
    assert [(c.kind, text[c.start : c.end]) for c in found] == [("label", "routine inspection")]
    assert found[0].endorsement == "distanced" and found[0].cue == '"routine inspection"'
    assert found[0].speaker is None and found[0].speaker_text is None


def test_a_sentence_with_nothing_claimed() -> None:
    assert claims("The river runs through the old town and past the cathedral.")[1] == []


# -- attribution beyond speech verbs (PolNeAR, bench/polnear_attribution.py) -------------------


@pytest.mark.parametrize(
    ("text", "who", "cue", "content"),
    [
        ("Senator Lena Ostrova accused the mayor of hiding the budget figures.",
         "Lena Ostrova", "accused", "the mayor of hiding the budget figures"),
        ("The minister denied that the army had fired on the crowd.",
         "The minister", "denied", "the army had fired on the crowd"),
        ("Union leader Piet Haas called for a general strike in the ports.",
         "Piet Haas", "called for", "a general strike in the ports"),
        ("Councillor Ruth Amadi urged the council to reopen the library.",
         "Councillor Ruth Amadi", "urged", "the council to reopen the library"),
        ("The farmers blamed the drought on the new dam.",
         "The farmers", "blamed", "the drought on the new dam"),
        ("Residents were pleading with the governor to send water trucks.",
         "Residents", "were pleading with", "the governor to send water trucks"),
        ("Reporters asked the minister whether the talks had failed.",
         "Reporters", "asked", "whether the talks had failed"),
        ("Judge Omar Feld insisted that the trial would go ahead.",
         "Omar Feld", "insisted", "the trial would go ahead"),
        ("Doctors warned that the clinic would close within a month.",
         "Doctors", "warned", "the clinic would close within a month"),
        ("The railway company said in a statement that the line would reopen on Friday.",
         "The railway company", "said in a statement", "the line would reopen on Friday"),
    ],
)  # fmt: skip
def test_cues_beyond_speech_verbs(text: str, who: str, cue: str, content: str) -> None:
    doc, claim = one(text, content)
    assert claim.kind == "reported" and claim.cue == cue
    assert (speaker(doc, claim) or claim.speaker_text) == who


def test_a_quote_split_by_its_cue_is_one_claim() -> None:
    text = '"We will rebuild the bridge," Mayor Tobias Wendell said, "and we will do it soon."'
    doc = parse(text)
    quotes = [a for a in find_attributions(doc) if a.claim.kind == "quote"]
    assert len(quotes) == 1
    assert [text[a:b] for a, b in quotes[0].parts] == [
        "We will rebuild the bridge",
        "and we will do it soon",
    ]
    assert speaker(doc, quotes[0].claim) == "Tobias Wendell" and quotes[0].claim.cue == "said"


def test_a_quote_over_two_paragraphs_is_one_claim() -> None:
    text = (
        '"We have lost the harvest," said Ana Kovac. "Nobody has come to help us.\n\n'
        '"The roads are closed and the prices are rising."\n'
    )
    doc = parse(text)
    quotes = [a for a in find_attributions(doc) if a.claim.kind == "quote"]
    assert len(quotes) == 1 and speaker(doc, quotes[0].claim) == "Ana Kovac"
    assert text[quotes[0].parts[-1][0] : quotes[0].parts[-1][1]].endswith("prices are rising")


def test_she_said_is_not_the_man_named_last() -> None:
    text = (
        "Marta Lind met Tomas Berg in Oslo. Berg said his party would back the deal. "
        '"We will not sign it," she said.'
    )
    doc, claim = one(text, "We will not sign it")
    assert speaker(doc, claim) == "Marta Lind"
    [written] = [a.speaker_span for a in find_attributions(doc) if a.claim == claim]
    assert written is not None and text[written[0] : written[1]] == "she"


def test_a_title_shows_the_gender() -> None:
    text = 'Mrs. Hana Vos spoke after Mr. Jan Dekker. "The budget is fair," she said.'
    doc, claim = one(text, "The budget is fair")
    assert speaker(doc, claim) == "Hana Vos"


def test_the_speaker_is_the_subject_not_a_possessor() -> None:
    text = "Governor Jan Brewer's decision to veto the bill angered farmers, the union said."
    doc, claim = one(text, "Governor Jan Brewer's decision to veto the bill angered farmers")
    assert claim.speaker is None and claim.speaker_text == "the union"


def test_a_speaker_does_not_run_over_a_line_break() -> None:
    text = "Border Wall Will Fail\nMexican Geopolitical Analyst Says Trump Plan Is Doomed"
    doc, claim = one(text, "Trump Plan Is Doomed")
    assert claim.speaker_text == "Mexican Geopolitical Analyst"


def test_a_dateline_is_not_part_of_the_speaker() -> None:
    text = "WASHINGTON \u2014 A spokesman for the navy said the ship had left the port."
    doc, claim = one(text, "the ship had left the port")
    assert claim.speaker_text == "A spokesman for the navy"


def test_a_headline_colon_names_the_speaker() -> None:
    text = "Ortiz: The Wall Will Not Stop Migrants From Crossing\n"
    doc, claim = one(text, "The Wall Will Not Stop Migrants From Crossing")
    assert claim.kind == "reported" and claim.cue == ":"
    assert (speaker(doc, claim) or claim.speaker_text) == "Ortiz"
    assert claims("Update: The bridge reopened on Monday after repairs.\n")[1] == []


def test_a_relative_pronoun_speaker_is_written_with_its_noun() -> None:
    text = "Nurses at the clinic, who warned that the ward was full, were sent home."
    doc, claim = one(text, "the ward was full")
    assert claim.speaker_text == "Nurses at the clinic"
    [written] = [a.speaker_span for a in find_attributions(doc) if a.claim == claim]
    assert written is not None and text[written[0] : written[1]] == "Nurses at the clinic, who"


def test_a_verb_learned_as_a_cue_needs_someone_who_can_say_something() -> None:
    text = "The virus attacks the nerves of its victims. Senator Ida Voss attacked the plan."
    sdoc, found = claims(text)
    contents = [sdoc.text[c.start : c.end] for c in found]
    assert not any("nerves" in content for content in contents)
    assert any("the plan" in content for content in contents)


def test_two_apostrophes_are_a_quotation_mark() -> None:
    text = "''We will win the state,'' Mr. Tomas Reyes said in Tulsa."
    doc, claim = one(text, "We will win the state")
    assert claim.kind == "quote" and speaker(doc, claim) == "Tomas Reyes"


def test_a_quote_opened_straight_and_closed_curly() -> None:
    text = '"The levee will hold,\u201d said Pia Holm, an engineer.'
    doc, claim = one(text, "The levee will hold")
    assert claim.kind == "quote" and speaker(doc, claim) == "Pia Holm"


def test_a_speech_verb_set_into_the_clause_it_reports() -> None:
    text = "The new bridge, the mayor said, will open in May."
    doc = parse(text)
    [said] = [a for a in find_attributions(doc) if a.claim.cue == "said"]
    assert [text[a:b] for a, b in said.parts] == ["The new bridge", "will open in May"]
    assert said.claim.kind == "reported" and said.claim.speaker_text == "the mayor"
    doc, claim = one(
        "Prices will rise next year, the central bank said.", "Prices will rise next year"
    )
    assert claim.speaker_text == "the central bank"


def test_a_cue_noun_with_its_owner() -> None:
    text = "Senator Ida Voss voiced sharp criticism of the new dam."
    doc, claim = one(text, "the new dam")
    assert claim.cue == "criticism of" and speaker(doc, claim) == "Ida Voss"


def test_according_to_before_a_quote_names_the_speaker() -> None:
    text = "According to the ministry, \u201cthe roads are closed until Friday.\u201d"
    doc, claim = one(text, "the roads are closed until Friday")
    assert claim.kind == "quote" and claim.speaker_text == "the ministry"


def test_the_cue_model_weighs_claims_found_at_a_verb() -> None:
    doc = parse("Senator Ida Voss attacked the plan. The virus attacks the nerves.")
    candidates = attribution_candidates(doc)
    weighed = [features for _, features in candidates if features]
    assert weighed and all(any(f.startswith("lemma=") for f in fs) for fs in weighed)
    model = CueModel(bias=-10.0, weights={}, threshold=0.5)  # weighs every claim down
    assert not [a for a in find_attributions(doc, model=model) if a.claim.cue == "attacked"]
    model = CueModel(bias=10.0, weights={}, threshold=0.5)
    assert [a for a in find_attributions(doc, model=model) if a.claim.cue == "attacked"]


def test_the_subject_of_seem_or_of_a_passive_is_not_the_speaker() -> None:
    text = "Senator Ida Voss seemed to accept the plan."
    doc = parse(text)
    [seemed] = [a for a in find_attributions(doc) if a.claim.cue == "seemed"]
    assert [text[a:b] for a, b in seemed.parts] == ["Senator Ida Voss", "to accept the plan"]
    assert seemed.claim.speaker is None and seemed.claim.speaker_text is None


def test_a_what_or_how_clause_is_weighed_as_content() -> None:
    text = "Governor Ada Lindqvist explained how the new levy would pay for the schools."
    doc = parse(text)
    model = CueModel(bias=10.0, weights={}, threshold=0.5)  # keeps every claim it weighs
    [explained] = [a for a in find_attributions(doc, model=model) if a.claim.cue == "explained"]
    assert [text[a:b] for a, b in explained.parts] == ["how the new levy would pay for the schools"]
    model = CueModel(bias=-10.0, weights={}, threshold=0.5)
    assert not [a for a in find_attributions(doc, model=model) if a.claim.cue == "explained"]


def test_a_relative_clause_cue_is_no_part_of_its_content() -> None:
    text = "The council passed the budget, which Mayor Tobias Wendell said was far too small."
    doc = parse(text)
    model = CueModel(bias=10.0, weights={}, threshold=0.5)
    [said] = [a for a in find_attributions(doc, model=model) if a.claim.cue == "said"]
    assert [text[a:b] for a, b in said.parts] == ["which", "was far too small"]
    assert speaker(doc, said.claim) == "Tobias Wendell"


# -- who the speaker is (2026-11-30, later) ----------------------------------------------------


IRREGULAR = {"said": "say", "adding": "add", "knew": "know", "rose": "rise", "lied": "lie"}


def built(rows: list[tuple[str, int, str, str, str]], ents: list[str]) -> Doc:
    """A parsed `Doc` written out (word, head, dependency, part of speech, tag) with its entity
    tags: a parse the model may or may not give, to pin what the rules do with it."""
    vocab = load_pipeline(Settings().spacy_model).vocab
    return Doc(
        vocab,
        words=[r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[IRREGULAR.get(r[0], r[0].lower()) for r in rows],
        ents=ents,
    )


def written(doc: Doc, claim: Claim) -> str | None:
    """The speaker as written at the cue."""
    [found] = [a.speaker_span for a in find_attributions(doc) if a.claim == claim]
    return doc.text[found[0] : found[1]] if found is not None else None


def test_the_speaker_of_a_verb_after_a_preposition() -> None:
    doc, claim = one(
        "After saying the port would reopen, Governor Alma Ruiz left the hall.",
        "the port would reopen",
    )
    assert speaker(doc, claim) == "Alma Ruiz"


def test_asked_names_no_speaker() -> None:
    doc, claim = one(
        "Asked whether the plant would close, Director Hana Solberg said it would not.",
        "whether the plant would close",
    )
    assert claim.speaker is None and claim.speaker_text is None
    doc, found = claims("Minister Karel Vos was asked whether the deal was dead.")
    assert not [c for c in found if speaker(doc, c) == "Karel Vos"]


def test_a_dateline_place_is_no_speaker() -> None:
    for text in (
        "BELVALE (AP) \u2014 Senator Ilse Brandauer said the budget was balanced.",
        "BELVALE, March 3 (AFP) \u2013 Senator Ilse Brandauer said the budget was balanced.",
    ):
        doc, claim = one(text, "the budget was balanced")
        assert speaker(doc, claim) == "Ilse Brandauer"


def test_the_speaker_of_a_quote_is_not_inside_it() -> None:
    doc, claim = one('"The river is dying," read one sign.', "The river is dying")
    assert claim.kind == "quote" and claim.speaker_text == "one sign"


def test_a_second_speech_verb_hung_on_the_reported_clause_is_the_first_speakers() -> None:
    text = "Mayor Ines Okafor said the plan had failed and said that the city would start again."
    doc, first = one(text, "the plan had failed")
    doc, second = one(text, "the city would start again")
    assert first.speaker_text == second.speaker_text == "Mayor Ines Okafor"
    doc, claim = one(  # a verb of the reported clause's own tense stays in it
        "Ines Okafor said the council is wasting money and ignoring the river.",
        "the council is wasting money and ignoring the river",
    )
    assert speaker(doc, claim) == "Ines Okafor"


def test_the_speaker_of_likely_to_say() -> None:
    doc, claim = one(
        "Voters in Belvale are more likely to say that the economy is weak.",
        "the economy is weak",
    )
    assert claim.speaker_text == "Voters in Belvale"


def test_it_appears_names_no_speaker() -> None:
    doc, claim = one(
        "It appears that the mayor has left the country.", "the mayor has left the country"
    )
    assert claim.speaker is None and claim.speaker_text is None and written(doc, claim) is None


def test_a_verb_after_a_quote_that_ends_its_sentence() -> None:
    doc, found = claims('"The bridge is safe." Paula Vik has not responded to questions.')
    assert not [c for c in found if c.kind == "quote"]
    for text in (
        '"The bridge is safe." Paula Vik said.',
        '"The bridge is safe." Paula Vik told reporters in a statement on Monday.',
    ):
        doc, claim = one(text, "The bridge is safe")
        assert speaker(doc, claim) == "Paula Vik"


def test_as_the_paper_reported() -> None:
    doc, claim = one(
        "As the Belvale Herald reported, the mayor sold the land.", "the mayor sold the land"
    )
    assert claim.cue == "reported" and written(doc, claim) == "the Belvale Herald"


def test_marks_inside_markup_are_no_quotes() -> None:
    text = '<tweet author="@belvale_news" datetime="2026-03-01">The dam is open</tweet>.'
    assert not [c for c in claims(text)[1] if c.kind in {"quote", "label"}]


def test_a_subject_the_parse_lost_is_the_noun_before_the_verb() -> None:
    rows = [("About", 3, "advmod", "ADV", "RB"), ("3", 3, "quantmod", "NUM", "CD"),
            ("in", 3, "quantmod", "ADP", "IN"), ("10", 4, "nummod", "NUM", "CD"),
            ("say", 4, "ROOT", "VERB", "VBP"), ("the", 6, "det", "DET", "DT"),
            ("mayor", 8, "nsubj", "NOUN", "NN"), ("should", 8, "aux", "AUX", "MD"),
            ("resign", 4, "ccomp", "VERB", "VB"), (".", 4, "punct", "PUNCT", ".")]  # fmt: skip
    doc = built(rows, ["O"] * len(rows))
    [claim] = [a.claim for a in find_attributions(doc) if a.claim.cue == "say"]
    assert claim.speaker_text == "About 3 in 10"


def test_of_two_subjects_the_one_nearest_the_verb() -> None:
    rows = [("In", 6, "prep", "ADP", "IN"), ("Dorne", 0, "pobj", "PROPN", "NNP"),
            (",", 6, "punct", "PUNCT", ","), ("Belvale", 6, "nsubj", "PROPN", "NNP"),
            (",", 6, "punct", "PUNCT", ","), ("Adler", 6, "nsubj", "PROPN", "NNP"),
            ("said", 6, "ROOT", "VERB", "VBD"), ("taxes", 8, "nsubj", "NOUN", "NNS"),
            ("rose", 6, "ccomp", "VERB", "VBD"), (".", 6, "punct", "PUNCT", ".")]  # fmt: skip
    ents = ["O", "B-GPE", "O", "B-GPE", "O", "B-PERSON", "O", "O", "O", "O"]
    doc = built(rows, ents)
    [claim] = [a.claim for a in find_attributions(doc) if a.claim.cue == "said"]
    assert speaker(doc, claim) == "Adler"


def test_adding_hung_on_the_reported_clause_is_the_first_speakers() -> None:
    rows = [("Vik", 1, "nsubj", "PROPN", "NNP"), ("said", 1, "ROOT", "VERB", "VBD"),
            ("Reis", 3, "nsubj", "PROPN", "NNP"), ("lied", 1, "ccomp", "VERB", "VBD"),
            (",", 3, "punct", "PUNCT", ","), ("adding", 3, "advcl", "VERB", "VBG"),
            ("that", 8, "mark", "SCONJ", "IN"), ("she", 8, "nsubj", "PRON", "PRP"),
            ("knew", 5, "ccomp", "VERB", "VBD"), (".", 1, "punct", "PUNCT", ".")]  # fmt: skip
    ents = ["B-PERSON", "O", "B-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    doc = built(rows, ents)
    [claim] = [a.claim for a in find_attributions(doc) if a.claim.cue == "adding"]
    assert speaker(doc, claim) == "Vik"


def test_the_paragraph_after_a_cue_and_a_colon() -> None:
    text = (
        "Senator Ida Voss continued:\n\n\u201cThe dam will be finished in May.\u201d\n\nShe left."
    )
    doc, claim = one(text, "The dam will be finished in May")
    assert claim.kind == "quote" and speaker(doc, claim) == "Ida Voss"


def test_a_headline_name_the_tagger_reads_as_a_noun() -> None:
    text = "Poll: Most Voters Back The New Bridge\n\nThe survey asked 800 people in Belvale."
    doc, claim = one(text, "Most Voters Back The New Bridge")
    assert claim.kind == "reported" and claim.cue == ":"


def test_no_headline_name_in_a_lowercase_phrase() -> None:
    text = "Bottom line: prices will rise for everyone in the town."
    assert not [c for c in claims(text)[1] if c.cue == ":"]


def test_a_conjoined_verb_in_the_cues_tense_ends_the_content() -> None:
    text = "Lee said she would lower taxes but did not promise a date."
    _, claim = one(text, "she would lower taxes")
    assert claim.cue == "said"


def test_another_speakers_clause_ends_the_content() -> None:
    text = "Lee says taxes are too high, while Kim argues they are fair."
    _, claim = one(text, "taxes are too high")
    assert claim.cue == "says"


def test_a_quote_with_a_verb_of_manner() -> None:
    text = '"Stay in the car!" she yelled.'
    _, claim = one(text, "Stay in the car!")
    assert claim.kind == "quote" and claim.cue == "yelled"


def test_a_title_in_quotes_takes_no_verb_of_manner() -> None:
    text = '"Hamlet," which opened in May, sold out.'
    assert not [c for c in claims(text)[1] if c.kind == "quote"]


def test_a_demonstrative_names_no_speaker() -> None:
    text = "The mayor cut the budget by half. That suggests the city is short of money."
    _, claim = one(text, "the city is short of money")
    assert claim.speaker is None and claim.speaker_text is None


def test_a_noun_of_an_event_or_act_names_no_speaker() -> None:
    text = "The sudden postponement suggests the talks have failed."
    _, claim = one(text, "the talks have failed")
    assert claim.speaker is None and claim.speaker_text is None


def test_a_body_or_text_with_such_an_ending_still_speaks() -> None:
    _, claim = one("The coalition says the talks have failed.", "the talks have failed")
    assert claim.speaker_text == "The coalition"
    text = "A succession of officials said the bridge was safe."
    _, claim = one(text, "the bridge was safe")
    assert claim.speaker_text == "A succession of officials"


def test_who_meets_a_cue_noun_does_not_say_it() -> None:
    def speakers(text: str) -> dict[str, str | None]:
        return {
            f"{a.claim.cue} {text[a.claim.start : a.claim.end]}": a.claim.speaker_text
            for a, _ in attribution_candidates(parse(text))
        }

    assert speakers("The senator faced accusations of bribery.") == {"accusations of bribery": None}
    voiced = speakers("The senator voiced criticism of the budget.")
    assert voiced["criticism of the budget"] == "The senator"


def test_a_speech_verb_after_what_it_says() -> None:
    text = "Taxes should rise if the council wins the next election say 40 percent of residents."
    _, claim = one(text, "Taxes should rise if the council wins the next election")
    assert claim.speaker_text == "40 percent of residents" and claim.cue == "say"


def test_a_speech_verb_after_what_it_says_with_a_common_noun_subject() -> None:
    text = "Perjury is so narrowly defined cautions Okafor, because the statute is old."

    doc, claim = one(text, "Perjury is so narrowly defined")
    assert speaker(doc, claim) == "Okafor" or claim.speaker_text == "Okafor"
    doc = parse("He said Ryan.")
    assert all(a.claim.speaker_text != "Ryan" for a in find_attributions(doc))


def test_a_name_the_tagger_took_for_a_noun_still_speaks() -> None:
    text = (
        "The radio host Dan Hannity praised the ruling. "
        "Hannity also tweeted that the judge was brave."
    )
    doc, claim = one(text, "the judge was brave")
    assert "Hannity" in (speaker(doc, claim) or claim.speaker_text or "")
