"""A contradiction from a denial needs one side to deny what the other asserts: not two sides
that both deny, nor a fragment of a quote set against the other side's negated sentence."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from written_statements import statement

from counterpoint.align.judge import relate
from counterpoint.align.statements import Statement


def claim(doc: str, source: str, sentence: str, content: str, actor: str) -> Statement:
    at = sentence.index(content)
    found = statement("claim", doc, source, sentence, actor=actor, trigger="said")
    negated = any(w in content.split() for w in ("not", "never"))
    return replace(found, text=content, start=at, end=at + len(content), negated=negated)


def event(doc: str, source: str, sentence: str, trigger: str, negated: bool) -> Statement:
    at = sentence.index(trigger)
    found = statement(
        "event", doc, source, sentence, actor="person-mayor", trigger=trigger[:5], negated=negated
    )
    return replace(found, text=trigger, start=at, end=at + len(trigger))


def test_a_claim_asserted_by_one_side_and_negated_by_the_other_contradicts() -> None:
    a = claim(
        "d1",
        "Daily",
        "The mayor said the bridge is safe for traffic.",
        "the bridge is safe for traffic",
        "person-mayor",
    )
    b = claim(
        "d2",
        "Herald",
        "The mayor said the bridge is not safe for traffic.",
        "the bridge is not safe for traffic",
        "person-mayor",
    )
    verdict = relate(a, b, 0.9)
    assert verdict.relation == "contradict"
    assert "negated" in verdict.reason


def test_a_fragment_of_a_quote_is_no_denial_of_the_other_sides_negated_sentence() -> None:
    a = claim(
        "d1",
        "Daily",
        'Critics called the plan a "paper tiger" on Monday.',
        "paper tiger",
        "person-critic",
    )
    b = claim(
        "d2",
        "Herald",
        'The mayor said the council should not have called the plan a "paper tiger" at all.',
        'the council should not have called the plan a "paper tiger" at all',
        "person-critic",
    )
    assert relate(a, b, 0.9).relation != "contradict"


def test_two_sides_that_both_tell_a_refusal_do_not_contradict() -> None:
    a = event("d1", "Daily", "The mayor rejects the union's offer", "offer", negated=False)
    b = event(
        "d2", "Herald", "The mayor declined the union's offer on Friday.", "offer", negated=True
    )
    assert relate(a, b, 0.95).relation != "contradict"


def test_an_apology_against_a_refusal_to_apologise_contradicts() -> None:
    a = event(
        "d1",
        "Daily",
        "The mayor has apologised for, but has not left, the private club.",
        "apologised",
        negated=False,
    )
    b = event(
        "d2",
        "Herald",
        "The mayor refused to apologise for the private club.",
        "apologise",
        negated=True,
    )
    b = replace(b, trigger=a.trigger)
    told_alike = np.array([1.0, 0.0], dtype=np.float32)  # two sentences telling one thing
    a, b = replace(a, vector=told_alike), replace(b, vector=told_alike)
    assert relate(a, b, 0.9).relation == "contradict"


def test_a_denial_in_a_sentence_about_something_else_does_not_contradict() -> None:
    """ "will not meet his deadline" is no denial of "met with the family": the two sentences
    do not tell one thing."""
    a = event("d1", "Daily", "The mayor met the family of the officer on Monday.", "met", False)
    b = event("d2", "Herald", "The mayor will not meet his deadline for the budget.", "meet", True)
    a = replace(a, vector=np.array([1.0, 0.0], dtype=np.float32))
    b = replace(b, trigger=a.trigger, vector=np.array([0.6, 0.8], dtype=np.float32))
    assert relate(a, b, 0.9).relation != "contradict"


def test_two_sides_telling_one_dismissal_do_not_contradict() -> None:
    a = claim(
        "d1",
        "Daily",
        "A judge dismisses the regulator's complaints against the bank.",
        "the regulator's complaints against the bank",
        "person-judge",
    )
    b = claim(
        "d2",
        "Herald",
        "The court dismisses the regulator's complaints against the bank.",
        "the regulator's complaints against the bank",
        "person-judge",
    )
    b = replace(b, trigger="dismisses")  # read as a dispute of what the other reports
    assert relate(a, b, 0.95).relation != "contradict"


def test_a_not_inside_a_shared_quote_is_not_shown_as_a_denial() -> None:
    """A related or corroborating pair shows what each side says, without "denies:", which a
    "not" inside a quoted line would otherwise earn it."""
    quote = "it is time to look to the future, not the past"
    a = claim("d1", "Daily", f"The mayor said {quote}.", quote, "person-mayor")
    b = claim("d2", "Herald", f"The mayor told the crowd that {quote}.", quote, "person-mayor")
    verdict = relate(a, b, 0.9)
    assert verdict.relation == "corroborate"
    assert not verdict.note_a.startswith("denies") and not verdict.note_b.startswith("denies")
