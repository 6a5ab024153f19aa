"""Figures told as ranges or as rough counts ("between 20 and 30", "hundreds of") agree with
the values they allow and clash with those they do not."""

from __future__ import annotations

from counterpoint.align.judge import _may_agree, _same_figure
from counterpoint.align.statements import Statement
from counterpoint.config import AlignSettings

SETTINGS = AlignSettings()


def figure(value: float, qualifier: str = "exact", high: float | None = None) -> Statement:
    return Statement(
        id=f"figure:d:{value}", kind="figure", doc="d", sentence=0, start=0, end=1,
        text=str(value), context="", context_start=0, source="s", type="count",
        trigger="people", value=value, high=high, qualifier=qualifier,
    )  # fmt: skip


def test_a_range_agrees_with_the_values_inside_it_and_clashes_with_those_outside() -> None:
    between = figure(20, "between", high=30)
    assert _may_agree(between, figure(25), SETTINGS)
    assert not _may_agree(between, figure(50), SETTINGS)
    assert not _may_agree(between, figure(10), SETTINGS)
    assert _may_agree(between, figure(28, "at least"), SETTINGS)


def test_two_ranges_are_one_figure_only_when_both_ends_match() -> None:
    assert _same_figure(figure(20, "between", 30), figure(20, "between", 30), SETTINGS)
    assert not _same_figure(figure(20, "between", 30), figure(20, "between", 60), SETTINGS)


def test_hundreds_of_allows_hundreds_but_not_thousands() -> None:
    hundreds = figure(100, "several")
    assert _may_agree(hundreds, figure(400), SETTINGS)
    assert not _may_agree(hundreds, figure(5000), SETTINGS)
    assert not _may_agree(hundreds, figure(40), SETTINGS)
