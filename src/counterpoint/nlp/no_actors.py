"""Names the tagger finds that are no actors of the story, as spaCy components run right after
the entities are fixed up: the names inside credits (who took the picture, wrote or sent the
report) and the names it guesses in headlines written in title case."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from counterpoint.lang import words
from counterpoint.nlp.names import is_acronym, title_case


@Language.component("credits")
def drop_credits(doc: Doc) -> Doc:
    """Names inside a credit ("(AP Photo/Evan Vucci)", "Jonathan Ernst/Reuters", "Image
    copyright Getty Images", a byline, the wire of "WASHINGTON (AP) —") took the picture,
    wrote or sent the report; they are no actors of the story, so their entities are
    dropped."""
    text = doc.text  # spaCy joins the tokens anew at each access
    credits = [
        found.span("credit")
        for pattern in words(doc.lang_, "credits").CREDITS
        for found in pattern.finditer(text)
    ]
    if credits:
        doc.ents = [
            ent
            for ent in doc.ents
            if not any(ent.start_char < end and start < ent.end_char for start, end in credits)
        ]
    return doc


@Language.component("headline_guesses")
def headline_guesses(doc: Doc) -> Doc:
    """In a headline written in title case every word is capitalised, so the tagger's names
    of several words there are guesses ("Millions Are Skipping", "Jake Ellzey Wins"). One is
    kept where the names the tagger finds in the rest of the text bear it out: it is one of
    them, or a person whose last word is a person's there ("Rose McGowan" beside
    "McGowan"); else it is cut to its longest start so borne out ("Jake Ellzey"), or, for a
    person whose first word is a given name, kept ("Mike Pence"); else dropped. A one-word
    name is dropped only where the text writes it in lower case ("Infections"). Places,
    peoples and acronyms are kept."""
    text = doc.text  # spaCy joins the tokens anew at each access
    lang = words(doc.lang_, "references")
    labels = words(doc.lang_, "labels")
    names = words(doc.lang_, "names")
    headlines = [
        (found.start(), found.end())
        for found in re.finditer(r"[^\n]+", text)
        if len(found.group().split()) <= lang.HEADLINE_MAX_WORDS
        and title_case(found.group(), doc.lang_)
    ]
    if not headlines:
        return doc

    def in_headline(at: int) -> bool:
        return any(a <= at < b for a, b in headlines)

    def said(span: Span) -> str:
        """How a name is compared: without case, a possessive, quotes or a leading "the"."""
        name = re.sub(r"['’]s?\W*$", "", span.text.strip()).strip(" '’\"“”").casefold()
        return name.removeprefix("the ")

    told = [ent for ent in doc.ents if not in_headline(ent.start_char)]
    named = {said(ent) for ent in told}
    # A cut never ends on a place or a people: "the Washington Post" is not "Washington".
    actors = {said(ent) for ent in told if ent.label_ not in labels.PLACES_AND_PEOPLES}
    surnames = {said(ent[-1:]) for ent in told if ent.label_ == labels.PERSON}

    def borne_out(span: Span, person: bool, known: set[str]) -> bool:
        return said(span) in known or (person and said(span[-1:]) in surnames)

    def common_word(word: str) -> bool:
        """Whether the text writes the word in lower case outside headlines."""
        pattern = rf"(?<!\w){re.escape(word.lower())}(?!\w)"
        return any(not in_headline(found.start()) for found in re.finditer(pattern, text))

    def given_name_first(span: Span) -> bool:
        return span[0].text.casefold() in names.GIVEN_NAMES

    def kept(ent: Span) -> Span | None:
        person = ent.label_ == labels.PERSON
        if (
            not in_headline(ent.start_char)
            or ent.label_ not in labels.NAMES
            or ent.label_ in labels.PLACES_AND_PEOPLES
            or is_acronym(ent.text.strip())
            or borne_out(ent, person, named)
        ):
            return ent
        if len(ent.text.split()) == 1:  # "Infections" where the text writes "infections"
            return None if common_word(ent.text.strip()) else ent
        given = person and given_name_first(ent)
        if given and said(ent[-1:]).rstrip(".") in names.GENERATIONS:
            return ent  # "Donald Trump Jr" is not "Donald Trump"
        for end in range(ent.end - 1, ent.start, -1):
            start = doc[ent.start : end]
            capitalised = start[-1].is_title or start[-1].is_upper
            # by a surname alone only after a given name: "Tell Putin" is no one's name
            if capitalised and borne_out(start, given and len(start) > 1, actors):
                return Span(doc, ent.start, end, label=ent.label_)
        if given:
            return ent if len(ent) <= 3 else Span(doc, ent.start, ent.start + 2, label=ent.label_)
        return None

    doc.ents = [span for ent in doc.ents if (span := kept(ent)) is not None]
    return doc
