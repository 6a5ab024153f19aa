"""A claim one outlet tells plainly and another keeps a distance from ("said" / "claimed") is
the same claim reframed, as is one stated as fact on one side and distanced on the other;
standing behind it ("acknowledged", "admitted") against "said" is no reframe, and two
speakers' claims are two claims."""

from __future__ import annotations

from dataclasses import replace

from written_statements import statement

from counterpoint.align.judge import relate
from counterpoint.align.statements import Statement

CONTENT = "the new reservoir will be full by the end of the summer"


def claim(
    doc: str, source: str, cue: str, stance: str, actor: str = "person-engineer"
) -> Statement:
    sentence = f"The chief engineer {cue} that {CONTENT}."
    found = statement("claim", doc, source, sentence, actor=actor, trigger=cue)
    at = sentence.index(CONTENT)
    return replace(found, text=CONTENT, start=at, end=at + len(CONTENT), stance=stance)


def test_a_claim_said_by_one_outlet_and_claimed_by_another_is_reframed() -> None:
    verdict = relate(
        claim("d1", "Daily", "said", ""), claim("d2", "Herald", "claimed", "distanced"), 0.9
    )
    assert verdict.relation == "reframe"
    assert "Herald keeps a distance from it ('claimed')" in verdict.reason
    assert (verdict.note_a, verdict.note_b) == ("plain", "distanced")


def test_a_claim_stated_as_fact_on_one_side_and_distanced_on_the_other_is_reframed() -> None:
    a, b = (
        claim("d1", "Daily", "conceded", "endorsed"),
        claim("d2", "Herald", "claimed", "distanced"),
    )
    verdict = relate(a, b, 0.9)
    assert verdict.relation == "reframe"
    assert "Daily states it as fact" in verdict.reason


def test_a_claim_acknowledged_on_one_side_and_said_on_the_other_is_no_reframe() -> None:
    for cue in ("acknowledged", "admitted", "showed"):
        verdict = relate(
            claim("d1", "Daily", cue, "endorsed"), claim("d2", "Herald", "said", ""), 0.9
        )
        assert verdict.relation == "corroborate"


def test_two_speakers_claims_are_no_reframe() -> None:
    a = claim("d1", "Daily", "said", "")
    b = claim("d2", "Herald", "claimed", "distanced", actor="person-mayor")
    assert relate(a, b, 0.9).relation != "reframe"
