"""The first resolver: one entity per actor from names alone, and apart when unsure."""

from __future__ import annotations

from counterpoint.records import Mention
from counterpoint.resolve import normalise_name, person_name, resolve_entities


def mentions(*items: tuple[str, str, str]) -> list[Mention]:
    """(doc, text, label) triples as mentions, each in its own sentence."""
    return [
        Mention(doc=doc, index=i, sentence=i, start=0, end=len(text), text=text, label=label)
        for i, (doc, text, label) in enumerate(items)
    ]


def groups(items: list[Mention]) -> list[set[str]]:
    return sorted(({m.text for m in e.mentions} for e in resolve_entities(items)), key=sorted)


def test_names_are_normalised() -> None:
    assert normalise_name("the Harbour Authority’s") == "harbour authority"
    assert normalise_name("U.S.") == "us"
    assert person_name("Defense Minister Ana Ruíz") == "ana ruiz"


def test_surname_joins_the_full_name_in_its_document() -> None:
    found = groups(mentions(("d1", "Tomas Brenner", "PERSON"), ("d1", "Brenner", "PERSON")))
    assert found == [{"Tomas Brenner", "Brenner"}]


def test_same_person_across_documents_with_and_without_accents() -> None:
    found = groups(
        mentions(
            ("d1", "Ana Ruíz", "PERSON"),
            ("d2", "Ana Ruiz", "PERSON"),
            ("d2", "Ruiz", "PERSON"),
            ("d3", "President Ana Ruiz", "PERSON"),
        )
    )
    assert found == [{"Ana Ruíz", "Ana Ruiz", "Ruiz", "President Ana Ruiz"}]


def test_a_surname_shared_by_two_people_stays_apart() -> None:
    found = groups(
        mentions(
            ("d1", "Tomas Ferreira", "PERSON"),
            ("d1", "Lucia Ferreira", "PERSON"),
            ("d1", "Ferreira", "PERSON"),
        )
    )
    assert found == [{"Ferreira"}, {"Lucia Ferreira"}, {"Tomas Ferreira"}]


def test_a_surname_alone_joins_the_only_person_of_that_name_in_the_corpus() -> None:
    found = groups(mentions(("d1", "Ida Voss", "PERSON"), ("d2", "Voss", "PERSON")))
    assert found == [{"Ida Voss", "Voss"}]


def test_a_place_is_not_taken_for_a_person_whose_name_contains_it() -> None:
    found = groups(
        mentions(
            ("d1", "Georgia Lane", "PERSON"),
            ("d1", "Lane", "PERSON"),
            ("d1", "Georgia", "GPE"),
            ("d2", "Georgia", "GPE"),
        )
    )
    assert {"Georgia"} in found and {"Georgia Lane", "Lane"} in found


def test_one_type_per_name_by_majority() -> None:
    items = mentions(
        ("d1", "Corvane", "ORG"), ("d2", "Corvane", "ORG"), ("d3", "Corvane", "PERSON")
    )
    (entity,) = resolve_entities(items)
    assert entity.type == "Organization" and len(entity.mentions) == 3


def test_ids_are_stable_across_runs() -> None:
    items = mentions(("d1", "Ida Voss", "PERSON"), ("d2", "Harbour Authority", "ORG"))
    assert [e.id for e in resolve_entities(items)] == [e.id for e in resolve_entities(items[::-1])]


def test_a_surname_tagged_as_an_organisation_is_the_person_named_in_the_document() -> None:
    found = groups(mentions(("d1", "Clara Montaigu", "PERSON"), ("d1", "Montaigu", "ORG")))
    assert found == [{"Clara Montaigu", "Montaigu"}]
