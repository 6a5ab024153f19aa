"""A running tally told larger by another outlet the same day or later evolves, when the two
sentences tell the same thing; a smaller one reported later, or a count in a sentence about
something else, does not. Two values of one measure clash only for one moment, and a round
sum ("$1 trillion") allows a close exact one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
from written_statements import statement

from counterpoint.align.judge import relate
from counterpoint.align.statements import Statement

DAY = date(2024, 7, 8)


def toll(
    doc: str, source: str, sentence: str, value: float, published: date, vector: list[float]
) -> Statement:
    found = statement("figure", doc, source, sentence, trigger="killed", type="count")
    unit = np.array(vector, dtype=np.float32)
    return replace(
        found,
        value=value,
        qualifier="at least",
        published=published,
        day=published.toordinal(),
        vector=unit / np.linalg.norm(unit),
    )


def test_a_toll_told_larger_the_same_day_evolves() -> None:
    a = toll("d1", "Daily", "At least 40 people were killed in the floods.", 40, DAY, [1, 0.1])
    b = toll("d2", "Herald", "At least 52 people were killed in the floods.", 52, DAY, [1, 0.12])
    verdict = relate(a, b, 0.9)
    assert verdict.relation == "evolves"
    assert "reported the same day as larger" in verdict.reason


def test_a_toll_told_smaller_in_a_later_report_does_not_evolve() -> None:
    a = toll("d1", "Daily", "At least 52 people were killed in the floods.", 52, DAY, [1, 0.1])
    later = date(2024, 7, 9)
    b = toll("d2", "Herald", "At least 40 people were killed in the floods.", 40, later, [1, 0.12])
    assert relate(a, b, 0.9).relation != "evolves"


def test_a_larger_count_in_a_sentence_about_something_else_does_not_evolve() -> None:
    a = toll("d1", "Daily", "At least 40 people were killed in the floods.", 40, DAY, [1, 0.1])
    b = toll(
        "d2", "Herald", "The 1998 storm killed at least 300 people upriver.", 300, DAY, [0.3, 1]
    )
    assert relate(a, b, 0.9).relation != "evolves"


def count(doc: str, sentence: str, value: float, published: date, qualifier: str = "") -> Statement:
    found = statement(
        "figure", doc, doc, sentence, trigger="jobs", type="count", actor="country-us"
    )
    return replace(
        found,
        value=value,
        qualifier=qualifier,
        published=published,
        day=published.toordinal(),
        vector=np.array([1.0, 0.0], dtype=np.float32),
    )


def test_the_same_measure_months_apart_is_no_contradiction() -> None:
    april = count("d1", "The economy added 266,000 jobs in April.", 266_000, date(2024, 5, 7))
    september = count(
        "d2", "Employers added 194,000 jobs in September.", 194_000, date(2024, 10, 8)
    )
    assert relate(april, september, 0.9).relation != "contradict"


def test_a_round_sum_and_a_close_exact_one_are_no_contradiction() -> None:
    a = count("d1", "The Senate passes a $1 trillion bill.", 1e12, DAY)
    b = count("d2", "The Senate passes a $1.2 trillion bill.", 1.2e12, DAY)
    assert relate(a, b, 0.9).relation != "contradict"
    c = count("d3", "The Senate passes a $2.5 trillion bill.", 2.5e12, DAY)
    assert relate(b, c, 0.9).relation == "contradict"
