"""A sentence is listed as one source's alone only when nothing another source of its story
says reports it, in sentences with extracted items or without."""

from __future__ import annotations

from dataclasses import replace

from written_statements import statement

from counterpoint.align.compare import omissions
from counterpoint.config import AlignSettings


def test_a_sentence_is_not_unique_when_another_source_says_it_in_a_sentence_without_items() -> None:
    """The other source's sentence holds no event, figure or claim the extractors found, yet
    it reports the same: the first source's sentence is not listed as its alone."""
    settings = AlignSettings(unique_per_source=5)
    a = statement(
        "event",
        "d1",
        "A",
        "The council removed Mayor Orla Beck by a voice vote on Monday night.",
        entities=frozenset({"person-beck"}),
    )
    b = statement(
        "event",
        "d2",
        "B",
        "Mayor Orla Beck spoke to reporters after the council meeting.",
        entities=frozenset({"person-beck"}),
    )
    told_plainly = replace(
        statement("sentence", "d2", "B", "Beck was removed by the council in a voice vote Monday."),
        sentence=1,
    )
    listed = {u.evidence[0].doc for u in omissions([a, b], [], settings)}
    assert "d1" in listed
    listed = {u.evidence[0].doc for u in omissions([a, b], [], settings, plain=[told_plainly])}
    assert "d1" not in listed
