"""Descriptions in apposition with a name, descriptions that are a name in the text's own
words, and a pronoun whose one possible antecedent was named further back (issue 12, item 3):
each joins its actor with a reason, and the cases that look alike but are not stay alone."""

from __future__ import annotations

from test_references import entity_of, parsed_mentions

from counterpoint.config import Settings
from counterpoint.records import Mention
from counterpoint.resolve.resolver import (
    UnionFind,
    _named_items,
    resolve_mentions,
    resolve_references,
)


def reasons(text: str) -> dict[str, str]:
    """Reference text -> why it joined its actor, in one document."""
    return reasons_of(parsed_mentions("d", text), text)


def reasons_of(mentions: list[Mention], text: str) -> dict[str, str]:
    """Reference text -> why it joined its actor, for these mentions of one document."""
    items = _named_items(mentions, "en")
    for item in items:
        item.key = f"{item.kind}:{item.name}"
    found = resolve_references(mentions, items, text, UnionFind(), Settings())
    return {r.item.mention.text: r.reason for r in found}


def test_a_description_in_apposition_before_a_name_is_that_person() -> None:
    """The role rule reads no description naming a body ("the Senate majority leader"), but
    the apposition says who it is."""
    text = "The Senate majority leader, Ilse Brandvik, said the vote would wait until May."
    assert entity_of({"d": text})[("d", "The Senate majority leader")] == "Ilse Brandvik"


def test_a_description_in_apposition_after_a_name_is_that_person_whatever_follows() -> None:
    """'the mayor of Varnhold' says which mayor: beside the name, it is that name's."""
    text = "Tomas Brenner, the mayor of Varnhold, opened the new bridge on Sunday."
    assert entity_of({"d": text})[("d", "the mayor")] == "Tomas Brenner"


def test_an_apposition_link_says_why() -> None:
    text = "Tomas Brenner, the mayor of Varnhold, opened the new bridge on Sunday."
    assert reasons(text) == {"the mayor": "'the mayor': in apposition after Tomas Brenner"}


def test_a_description_inside_a_phrase_is_no_apposition() -> None:
    """Elena Duarte may be the wife as well as the mayor: such a link is left unmade."""
    text = "The wife of the Varnhold mayor, Elena Duarte, opened the new bridge on Sunday."
    assert ("d", "the Varnhold mayor") not in entity_of({"d": text})


def test_a_complement_running_into_a_verb_of_saying_is_no_apposition() -> None:
    """The son is the one who says, not the host."""
    text = "In an interview with host Tomas Brenner, the son of the late mayor says he will run."
    assert ("d", "the son") not in entity_of({"d": text})


def test_an_item_of_a_list_is_no_apposition() -> None:
    text = "Corvane Mining Group, the union, and the ministry met in Varnhold on Monday."
    assert ("d", "the union") not in entity_of({"d": text})


def test_a_name_the_text_writes_in_lower_case_is_that_name() -> None:
    text = (
        "The Brandvik Administration announced new tariffs on Monday. Critics said "
        "the Brandvik administration had not consulted the ports."
    )
    found = entity_of({"d": text})
    lower, capitals = ("d", "the Brandvik administration"), ("d", "The Brandvik Administration")
    assert found[lower] == found[capitals]
    assert reasons(text)["the Brandvik administration"].endswith("in the text's own words")


def test_a_kind_the_tagger_took_for_a_name_names_nothing() -> None:
    """'Court' alone is a capital the tagger took for a name, not a court: 'the court' is not
    read as its name in lower case (it keeps to the role rules)."""
    text = "Court officials left early. Later the court adjourned until May."
    mentions = [
        Mention("d", 0, 0, 0, 5, "Court", "ORG"),
        Mention("d", 1, 1, 34, 43, "the court", "NOM"),
    ]
    assert resolve_mentions(mentions, {"d": text})[0][0].mentions == [mentions[0]]


def test_a_pronoun_takes_the_one_person_named_further_back() -> None:
    text = (
        "Elena Duarte opened a bakery in Varnhold in 1998. The shop sold bread and cakes. "
        "Customers came from the whole valley. She retired last year."
    )
    assert entity_of({"d": text})[("d", "She")] == "Elena Duarte"
    assert reasons(text)["She"] == "'she': the one person the text has named before it"


def test_a_pronoun_with_two_people_named_further_back_stays_unresolved() -> None:
    text = (
        "Elena Duarte and Kim Sorensen opened a bakery in Varnhold in 1998. The shop sold "
        "bread. Customers came from the whole valley. She retired last year."
    )
    assert ("d", "She") not in entity_of({"d": text})


def test_a_given_name_rules_out_a_person_of_the_other_gender() -> None:
    """'she' had stayed alone beside a man and a woman the text gives no gender, or gone to the
    man ('she' to Brett Kavanaugh for Christine Blasey Ford); a given name given to both
    ('Kim') rules no one out."""
    text = "Elena Duarte met Pedro Ruiz in Varnhold. She said the talks went well."
    assert entity_of({"d": text})[("d", "She")] == "Elena Duarte"
    text = "Elena Duarte met Kim Sorensen in Varnhold. She said the talks went well."
    assert ("d", "She") not in entity_of({"d": text})


def test_which_right_after_an_organisation_stands_for_it() -> None:
    text = "Corvane Mining Group, which runs four mines, cut 300 jobs."
    mentions = [
        Mention("d", 0, 0, 0, 20, "Corvane Mining Group", "ORG"),
        Mention("d", 1, 0, 22, 27, "which", "PRON"),
    ]
    (entity,) = resolve_mentions(mentions, {"d": text})[0]
    assert entity.mentions == mentions
    assert reasons_of(mentions, text) == {
        "which": "'which': the relative pronoun right after Corvane Mining Group"
    }


def test_it_said_of_a_company_is_that_company() -> None:
    """'it' as the subject of what a body is said to say or do stands for that body."""
    text = "Halvard Motors said on Tuesday that it would close two plants in Ohio."
    assert entity_of({"d": text})[("d", "it")] == "Halvard Motors"
    assert reasons(text) == {"it": "'it': the one body or state named just before"}


def test_it_said_in_a_second_verb_of_the_same_subject_is_that_company() -> None:
    text = "Halvard Motors said it posted a profit in March and predicted that it would grow."
    found = [m for m in parsed_mentions("d", text) if m.text == "it"]
    assert len(found) == 2
    assert entity_of({"d": text})[("d", "it")] == "Halvard Motors"


def test_it_of_no_actor_is_no_reference() -> None:
    """'It is time' and the 'it' of a thing stand for no actor, even after a body's name."""
    text = (
        "Halvard Motors built a new engine plant in Ohio. It is time to hire, the firm said, "
        "and the engine will cost less because it burns less fuel. The police said it was an "
        "accident. Halvard Motors made it clear that it is getting it done. No group said it "
        "had done it."
    )
    assert not any(m.text.lower() == "it" for m in parsed_mentions("d", text))


def test_the_company_is_the_business_the_text_is_about() -> None:
    """With no name given the role, "the company" is the business the text names far more
    often than any other organisation, and last before it."""
    text = (
        "Halvard Motors, the carmaker, cut 2,000 jobs on Monday, Reuters reported. Halvard Motors "
        "blamed weak sales in Europe. Analysts expect Halvard Motors to close a plant. The "
        "company said sales would recover next year."
    )
    assert entity_of({"d": text})[("d", "The company")] == "Halvard Motors"
    why = reasons(text)["The company"]
    assert why == f"'company': {COMPANY_TEXT_IS_ABOUT} Halvard Motors"


COMPANY_TEXT_IS_ABOUT = "the company the text names far more often than any other body:"


def test_the_company_is_no_body_named_most() -> None:
    """A body or a group the text names most is not what "the company" means."""
    text = (
        "Varnhold Watch exposed the Halvard Motors plant. Varnhold Watch filmed the workers. "
        "Varnhold Watch says the company hid the waste."
    )
    assert ("d", "the company") not in entity_of({"d": text})


def test_the_company_stays_alone_between_two_companies_named_alike() -> None:
    text = (
        "Halvard Motors sued Brekke Steel on Monday. Halvard Motors says Brekke Steel sold it "
        "weak steel; Brekke Steel denies it. The company said it would appeal."
    )
    assert ("d", "The company") not in entity_of({"d": text})
