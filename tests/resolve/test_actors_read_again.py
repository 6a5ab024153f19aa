"""Cases found by reading the most mentioned actors of 1,300 real news articles again (bench/
README.md, "Actors read again: departments, persons typed as organisations, acronyms of
bodies"), each on a short text of its own."""

from __future__ import annotations

from written_mentions import groups, mentions

from counterpoint.records import KeyItem, Mention
from counterpoint.resolve.resolver import key_tokens, resolve_entities


def in_text(doc: str, text: str, *names: tuple[str, str]) -> list[Mention]:
    """Mentions of (name, label) at their first place in `text` after the previous one's,
    numbered from 0, each in the sentence of its full stop."""
    found, at = [], 0
    for i, (name, label) in enumerate(names):
        start = text.index(name, at)
        sentence = text.count(". ", 0, start)
        found.append(Mention(doc, i, sentence, start, start + len(name), name, label))
        at = start + len(name)
    return found


def entity_and_type(entities: list) -> dict[str, tuple[str, str]]:
    """Each written mention's entity id and type."""
    return {m.text: (e.id, e.type) for e in entities for m in e.mentions}


def entity_of(entities: list, text: str) -> set[str]:
    """The ids of the entities holding a mention written `text`."""
    return {e.id for e in entities for m in e.mentions if m.text == text}


def test_a_departments_short_name_in_an_office_title_is_the_department() -> None:
    """'Secretary of State Mike Pompeo' made 'State (United States)' an actor of 117 mentions
    on AllSides, apart from the State Department."""
    texts = {
        "d1": "Secretary of State Ida Voss flew to Lima. The State Department said little.",
        "d2": "Treasury Secretary Tomas Brenner spoke on Monday.",
        "d3": "The Department of the Treasury issued new rules.",
    }
    items = (
        in_text("d1", texts["d1"], ("State", "ORG"), ("Ida Voss", "PERSON"))
        + in_text("d1", texts["d1"], ("The State Department", "ORG"))
        + in_text("d2", texts["d2"], ("Treasury", "ORG"), ("Tomas Brenner", "PERSON"))
        + in_text("d3", texts["d3"], ("The Department of the Treasury", "ORG"))
    )
    items = [
        Mention(m.doc, i, m.sentence, m.start, m.end, m.text, m.label) for i, m in enumerate(items)
    ]
    found = groups(items, texts)
    assert {"State", "The State Department"} in found
    assert {"Treasury", "The Department of the Treasury"} in found


def test_a_department_and_its_name_turned_round_are_one() -> None:
    """'the Justice Department' (206 mentions) and 'the Department of Justice' (67) were two
    actors; so were a ministry's two names."""
    found = groups(
        [
            Mention("d1", 0, 0, 0, 24, "the Justice Department", "ORG"),
            Mention("d2", 1, 0, 0, 25, "the Department of Justice", "ORG"),
            Mention("d3", 2, 0, 0, 20, "the Defence Ministry", "ORG"),
            Mention("d4", 3, 0, 0, 24, "the Ministry of Defence", "ORG"),
        ]
    )
    assert {"the Justice Department", "the Department of Justice"} in found
    assert {"the Defence Ministry", "the Ministry of Defence"} in found


def test_a_short_name_its_document_names_alone_stays_that_name() -> None:
    """'Secretary of the Air Force' beside 'the Air Force': the name in the title is the body
    the text names (MEANTIME's gold counts it so)."""
    text = "Fisheries said the quota stands. Secretary of Fisheries Ida Voss agreed."
    items = in_text("d1", text, ("Fisheries", "ORG"), ("Fisheries", "ORG"), ("Ida Voss", "PERSON"))
    entities = resolve_entities(items, {"d1": text})
    assert len(entity_of(entities, "Fisheries")) == 1


def test_a_provinces_secretary_of_state_names_no_department() -> None:
    """'Georgia's secretary of state' is a state office of Georgia, not the State Department."""
    text = "Ohio Secretary of State Ida Voss certified the count. The State Department said."
    items = in_text(
        "d1", text, ("Ohio", "GPE"), ("State", "ORG"), ("Ida Voss", "PERSON"),
        ("The State Department", "ORG"),
    )  # fmt: skip
    entities = resolve_entities(items, {"d1": text})
    assert not entity_of(entities, "State")
    assert entity_of(entities, "The State Department")


def test_a_person_the_tagger_takes_for_an_organisation_is_one_by_given_name_and_surname() -> None:
    """'Stormy Daniels' (tagged ORG 42 times of 42) beside 'Ms Daniels', and 'Nikki Haley'
    (ORG 22, PERSON 7) beside 'Haley said': a given name first and the surname alone as a
    person's in the same document make a person, and the corpus then counts it one."""
    text = (
        "Stormy Valdane spoke. Ms Valdane said it twice. Stormy Valdane left. Stormy Valdane won."
    )
    items = in_text(
        "d1", text, ("Stormy Valdane", "ORG"), ("Ms Valdane", "ORG"),
        ("Stormy Valdane", "ORG"), ("Stormy Valdane", "ORG"),
    )  # fmt: skip
    others = [Mention(f"d{n}", 0, 0, 0, 14, "Stormy Valdane", "ORG") for n in range(2, 7)]
    entities = resolve_entities(items + others, {"d1": text})
    (entity,) = [e for e in entities if any(m.text == "Ms Valdane" for m in e.mentions)]
    assert entity.type == "Person" and len(entity.mentions) == 9


def test_a_company_named_like_a_person_stays_a_company() -> None:
    """Not persons: a name with its surname twice or an ampersand, a given name that is a
    place's, beside a person of that surname."""
    text = "Johnson & Johnson and Virginia Mason sued. Ms Johnson and Mr Mason said so."
    items = in_text(
        "d1", text, ("Johnson & Johnson", "ORG"), ("Virginia Mason", "ORG"),
        ("Ms Johnson", "ORG"), ("Mr Mason", "ORG"),
    )  # fmt: skip
    types = {m.text: e.type for e in resolve_entities(items, {"d1": text}) for m in e.mentions}
    assert types["Johnson & Johnson"] != "Person" and types["Virginia Mason"] != "Person"


def test_a_double_surname_the_tagger_takes_for_an_organisation_is_the_person() -> None:
    """'Ocasio-Cortez' (tagged ORG 50 times) beside 'Alexandria Ocasio-Cortez'."""
    text = "Marta Ruiz-Lindqvist won. Ruiz-Lindqvist said the count was fair."
    items = in_text("d1", text, ("Marta Ruiz-Lindqvist", "PERSON"), ("Ruiz-Lindqvist", "ORG"))
    (entity,) = resolve_entities(items, {"d1": text})
    assert entity.type == "Person" and len(entity.mentions) == 2


def test_a_bodys_initials_the_tagger_takes_for_a_place_are_the_body() -> None:
    """'NRA' (labelled GPE 50 times of 50) stood apart from the National Rifle Association as a
    place; two capitals ('VA') stay a place's postal code, and a known place stays a place."""
    found = resolve_entities(
        mentions(
            ("d1", "the Tallow Rifle Association", "ORG"),
            ("d2", "TRA", "GPE"),
            ("d3", "TRA", "GPE"),
            ("d4", "Veterans Affairs", "ORG"),
            ("d5", "VA", "GPE"),
            ("d6", "the United Arab Emirates", "ORG"),
            ("d7", "UAE", "GPE"),
        )
    )
    kinds = entity_and_type(found)
    assert kinds["TRA"] == kinds["the Tallow Rifle Association"]
    assert kinds["TRA"][1] == "Organization"
    assert kinds["VA"][1] == "Location" and kinds["UAE"][1] == "Country"


def test_the_gop_is_the_republican_party() -> None:
    """'GOP' (508 mentions) stood apart from 'Republican Party': a nickname every reader of US
    news knows, which no text defines. Its key shares a token with the party's, so that adding
    either one later links them as a store built at once does."""
    found = groups(
        mentions(
            ("d1", "the Republican Party", "ORG"),
            ("d2", "GOP", "ORG"),
            ("d3", "the GOP", "ORG"),
        )
    )
    assert found == [{"the Republican Party", "GOP", "the GOP"}]
    gop = KeyItem("Organization:gop", "gop", "Organization", mentions=2)
    party = KeyItem("Organization:republican party", "republican party", "Organization")
    shared = key_tokens(gop, {"Organization"}, "en") & key_tokens(party, {"Organization"}, "en")
    assert shared


def test_a_name_written_with_a_company_ending_is_a_company() -> None:
    """'Pfizer and Moderna vaccines' made the tagger call Pfizer a person 7 times, against once
    'Pfizer Inc': the corpus vote made the company a person."""
    found = resolve_entities(
        mentions(
            ("d1", "Corvane Inc", "ORG"),
            ("d2", "Corvane", "PERSON"),
            ("d3", "Corvane", "PERSON"),
            ("d4", "Corvane", "PERSON"),
            ("d5", "Ida Voss", "PERSON"),
        )
    )
    kinds = entity_and_type(found)
    assert kinds["Corvane"] == kinds["Corvane Inc"]
    assert kinds["Corvane"][1] == "Company" and kinds["Ida Voss"][1] == "Person"
