"""Roles and ties read off the parse: what a sentence says about who holds which position,
who belongs to, leads, owns, funds or met whom."""

from __future__ import annotations

from counterpoint.nlp.annotate import annotate
from counterpoint.records import Document


def relations(text: str) -> set[tuple[str, str, str | None, str | None]]:
    """(kind, source, target, title) with mentions written out."""
    (ann,) = annotate([Document(id="t", text=text, source_path="t.txt")])
    name = {m.index: m.text for m in ann.mentions}
    found = set()
    for r in ann.relations:
        assert text[r.start : r.end], "every relation points at the words stating it"
        target = name[r.target] if r.target is not None else None
        found.add((r.kind, name[r.source], target, r.role))
    return found


def test_a_title_before_a_name_is_a_role() -> None:
    found = relations("Defense Minister Ana Ruiz met with General Tomas Ferreira on Monday.")
    assert ("role", "Ana Ruiz", None, "Defense Minister") in found
    assert ("role", "Tomas Ferreira", None, "General") in found
    assert ("meets", "Ana Ruiz", "Tomas Ferreira", None) in found


def test_an_ambassador_of_one_state_to_another() -> None:
    text = "Peru's ambassador to China Luis Quesada said the talks went well."
    (ann,) = annotate([Document(id="t", text=text, source_path="t.txt")])
    (role,) = [r for r in ann.relations if r.kind == "role"]
    name = {m.index: m.text for m in ann.mentions}
    assert (name[role.source], role.role, name[role.target], name[role.to]) == (
        "Luis Quesada",
        "ambassador",
        "Peru",
        "China",
    )
    assert text[role.start : role.end] == "Peru's ambassador to China Luis Quesada"


def test_apposition_and_copula_state_ties() -> None:
    found = relations(
        "Jorge Chavez Cresta, a graduate of the West Virginia National Guard, was appointed."
    )
    assert ("trained_at", "Jorge Chavez Cresta", "the West Virginia National Guard", None) in found
    assert not any(kind == "role" for kind, *_ in found), "a graduate holds no position"
    found = relations("Tomas Brenner is a member of the Dockers Union.")
    assert ("member_of", "Tomas Brenner", "the Dockers Union", None) in found
    found = relations("Lucia Ferreira, the leader of the Civic Party, spoke.")
    assert ("leads", "Lucia Ferreira", "the Civic Party", None) in found


def test_verbs_in_active_and_passive_voice() -> None:
    assert ("invests_in", "Corvane Mining Group", "Minera Sur", None) in relations(
        "Corvane Mining Group invested $2 billion in Minera Sur."
    )
    assert ("owns", "Corvane Mining Group", "Minera Sur", None) in relations(
        "Minera Sur is owned by Corvane Mining Group."
    )
    trained = ("trained_at", "Tomas Ferreira", "the School of the Americas", None)
    assert trained in relations("General Tomas Ferreira was trained at the School of the Americas.")
    assert ("trained_at", "Tomas Ferreira", "The School of the Americas", None) in relations(
        "The School of the Americas trained General Tomas Ferreira."
    )


def test_a_negated_verb_states_no_tie() -> None:
    found = relations("Defense Minister Ana Ruiz did not meet General Tomas Ferreira on Monday.")
    assert not any(kind == "meets" for kind, *_ in found)


def test_a_head_of_state_does_not_lead_the_state_as_a_member_leads_a_party() -> None:
    found = relations("Dina Boluarte, the president of Peru, spoke in Lima.")
    assert ("role", "Dina Boluarte", "Peru", "president") in found
    assert not any(kind == "leads" for kind, *_ in found)


def test_a_title_keeps_the_words_of_the_position_not_praise() -> None:
    found = relations("Tomas Brenner, a renowned economist, spoke on Monday.")
    assert ("role", "Tomas Brenner", None, "economist") in found
    found = relations("Former Foreign Minister Tomas Brenner resigned on Monday.")
    assert ("role", "Tomas Brenner", None, "Former Foreign Minister") in found
