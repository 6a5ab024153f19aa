"""Descriptions on real news: the wrong links read on AllSides articles, each as a short text
of its own. A description joins the actor the text itself gives its role, named before it or
beside it, whose name is a name of the description's kind; otherwise it stays alone (a wrong
link is worse than none for a reader)."""

from __future__ import annotations

import re

from counterpoint.records import Mention
from counterpoint.resolve.resolver import resolve_entities


def in_order(doc: str, text: str, *spans: tuple[str, str]) -> list[Mention]:
    """Mentions of (words, label), each found after the one before it in `text`."""
    found, at = [], 0
    for index, (words, label) in enumerate(spans):
        start = text.index(words, at)
        sentence = len(re.findall(r"[.!?](?:\s|$)", text[:start]))
        found.append(Mention(doc, index, sentence, start, start + len(words), words, label))
        at = start + 1
    return found


def joined(text: str, *spans: tuple[str, str]) -> list[set[str]]:
    """The mentions' texts, grouped by entity (a reference left alone has none)."""
    entities = resolve_entities(in_order("d", text, *spans), {"d": text})
    return [{m.text for m in e.mentions} for e in entities]


def alone(text: str, description: str, *spans: tuple[str, str]) -> bool:
    """Whether `description` joined no actor."""
    return not any(description in group and len(group) > 1 for group in joined(text, *spans))


def test_a_role_given_only_inside_a_quotation_to_a_minor_actor_is_not_read() -> None:
    """'the president' had joined Obama seven times in a story about his successor: only a
    quotation called Obama 'President'."""
    text = (
        'Tomas Brenner criticised Ida Voss on Monday. Brenner said that "if she fought '
        'against President Ana Ruiz like she does against me, she would have won". Brenner '
        "spoke at a cabinet meeting. The president said little."
    )
    spans = [("Tomas Brenner", "PERSON"), ("Ida Voss", "PERSON"), ("Brenner", "PERSON")]
    spans += [("Ana Ruiz", "PERSON"), ("Brenner", "PERSON"), ("The president", "NOM")]
    assert alone(text, "The president", *spans)


def test_a_role_given_in_quotations_to_the_actor_the_text_is_about_is_read() -> None:
    text = (
        "Tomas Brenner spoke on television. Ruiz said: “President Brenner chose chaos.” "
        "Brenner left early. The president spoke for ten minutes."
    )
    found = joined(
        text,
        ("Tomas Brenner", "PERSON"),
        ("Ruiz", "PERSON"),
        ("Brenner", "PERSON"),
        ("Brenner", "PERSON"),
        ("The president", "NOM"),
    )
    assert {"Tomas Brenner", "Brenner", "The president"} in found


def test_a_role_of_another_state_is_not_the_bare_role() -> None:
    """'the president' had joined 'Ukrainian President Volodymyr Zelensky', named once in a
    story about another president never given the title."""
    text = (
        "Brenner fired the inspector over Brenner's call with Ukrainian President Ida Voss. "
        "Brenner also fired a second inspector. The president believes he can do it."
    )
    spans = [("Brenner", "PERSON"), ("Brenner", "PERSON"), ("Ida Voss", "PERSON")]
    spans += [("Brenner", "PERSON"), ("The president", "NOM")]
    assert alone(text, "The president", *spans)


def test_a_role_of_another_state_is_read_for_the_actor_the_text_is_about() -> None:
    text = (
        "French President Ida Voss visited Varnhold. Voss met Tomas Brenner. Voss spoke. "
        "The president left on Tuesday."
    )
    spans = [("Ida Voss", "PERSON"), ("Voss", "PERSON"), ("Tomas Brenner", "PERSON")]
    spans += [("Voss", "PERSON"), ("The president", "NOM")]
    assert {"Ida Voss", "Voss", "The president"} in joined(text, *spans)


def test_a_role_written_inside_a_word_is_not_the_role() -> None:
    """'limited-government GOPers' had become 'the government'; 'major-party Senate' the
    party; 'the vice-president, Mike Pence' the president."""
    then = "Then-President Ida Voss signed the law. Critics say the president erred."
    assert alone(then, "the president", ("Ida Voss", "PERSON"), ("the president", "NOM"))
    vice = "The vice-president, Ana Ruiz, agreed. Critics say the president erred."
    assert alone(vice, "the president", ("Ana Ruiz", "PERSON"), ("the president", "NOM"))
    body = "Few limited-government Varnhold Hawks remain. Bonds are paid by the government."
    assert alone(body, "the government", ("Varnhold Hawks", "ORG"), ("the government", "NOM"))


def test_a_description_does_not_join_a_name_of_another_kind() -> None:
    """'the party' had joined the Senate, 'the police' a police department, 'the police
    department' the Department of Justice."""
    text = (
        "Ruiz is the Senate candidate of the party. The Varnhold Police Department and the "
        "Department of Justice met. The police left. The police department hired ten officers."
    )
    spans = [("Ruiz", "PERSON"), ("Senate", "ORG"), ("the party", "NOM")]
    spans += [("Varnhold Police Department", "ORG"), ("Department of Justice", "ORG")]
    spans += [("The police", "NOM"), ("The police department", "NOM")]
    found = joined(text, *spans)
    assert all(len(group) == 1 for group in found)


def test_a_company_group_is_a_company() -> None:
    text = "Corvane Mining Group, the company, closed a mine. The company blamed prices."
    spans = [("Corvane Mining Group", "ORG"), ("the company", "NOM"), ("The company", "NOM")]
    assert {"Corvane Mining Group", "the company", "The company"} in joined(text, *spans)


def test_a_description_joins_no_actor_named_only_after_it() -> None:
    """'The official', an unnamed source, had joined 'the chief election official, Shelby
    Pierson', named further on."""
    text = (
        "A senior official said the news angered the minister. The official spoke on "
        "condition of anonymity. Lawmakers heard the chief election official, Ana Ruiz, on "
        "Monday."
    )
    spans = [("The official", "NOM"), ("Ana Ruiz", "PERSON")]
    assert alone(text, "The official", *spans)


def test_a_description_beside_the_name_it_gives_the_role_joins_it() -> None:
    text = "A campaign led by the singer Ana Ruiz won. Later the singer left the campaign."
    spans = [("the singer", "NOM"), ("Ana Ruiz", "PERSON"), ("the singer", "NOM")]
    found = joined(text, *spans)
    assert {"the singer", "Ana Ruiz"} in found


def test_fragments_are_given_no_role() -> None:
    """'the senator' had joined 'spar ahead' (from 'key U.S. senator spar ahead of tax
    meeting'), 'the school' a headline, 'the department' 'Consistent with Department of
    Justice', 'the secretary' 'Clinton Champions' (a title-case headline)."""
    text = (
        "Secretary Ruiz Champions Port Deal for Varnhold\n\n"
        "Brenner, key senator spar ahead of talks. Consistent with Department of Justice "
        "rules, Ruiz spoke. The senator said no. The department agreed. The secretary left."
    )
    spans = [("Ruiz Champions", "PERSON"), ("spar ahead", "PERSON")]
    spans += [("Consistent with Department of Justice", "ORG"), ("Ruiz", "PERSON")]
    spans += [("The senator", "NOM"), ("The department", "NOM"), ("The secretary", "NOM")]
    found = joined(text, *spans)
    assert all(len(group) == 1 for group in found)


def test_a_description_that_says_it_is_one_of_several_stays_alone() -> None:
    text = "President Ida Voss flew in secretly. Voss is not the only president to do so."
    spans = [("Ida Voss", "PERSON"), ("Voss", "PERSON"), ("the only president", "NOM")]
    assert alone(text, "the only president", *spans)


def test_a_relative_pronoun_joins_the_actor_named_right_before_it() -> None:
    text = "Tomas Brenner met Ida Voss, who praised the bridge. Brenner, whose plan won, left."
    spans = [("Tomas Brenner", "PERSON"), ("Ida Voss", "PERSON"), ("who", "PRON")]
    spans += [("Brenner", "PERSON"), ("whose", "PRON")]
    found = joined(text, *spans)
    assert {"Ida Voss", "who"} in found
    assert {"Tomas Brenner", "Brenner", "whose"} in found


def test_who_after_an_unnamed_person_makes_that_person_an_actor() -> None:
    """'His body was found by a maid who ...': the maid is someone, though never named."""
    text = "The body was found by a maid who called the police. Ida Voss, 75, had died."
    spans = [("a maid", "NOM"), ("who", "PRON"), ("Ida Voss", "PERSON")]
    found = joined(text, *spans)
    assert {"a maid", "who"} in found and {"Ida Voss"} in found


def test_a_relative_pronoun_apart_from_any_name_stays_alone() -> None:
    text = "Ida Voss spoke for an hour to the crowd, most of whom stayed."
    assert alone(text, "whom", ("Ida Voss", "PERSON"), ("whom", "PRON"))


def test_a_past_holder_named_once_does_not_take_the_role_from_the_one_named_most() -> None:
    """Read as a state's title, 'US President Donald Trump' would leave 'the president' to
    'President George W Bush', named once (Mueller was FBI director under him), in a story
    about Trump; seen on AllSides while the state rule was written."""
    text = (
        "US President Ida Voss attacked Tomas Brenner. Brenner was director under President "
        "Ana Ruiz. Voss said Brenner lied. Voss left. The president is irked."
    )
    spans = [("Ida Voss", "PERSON"), ("Tomas Brenner", "PERSON"), ("Brenner", "PERSON")]
    spans += [("Ana Ruiz", "PERSON"), ("Voss", "PERSON"), ("Brenner", "PERSON")]
    spans += [("Voss", "PERSON"), ("The president", "NOM")]
    assert alone(text, "The president", *spans)
