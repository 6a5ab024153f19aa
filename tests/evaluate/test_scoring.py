"""The coreference metrics against examples worked by hand from their definitions."""

from __future__ import annotations

import itertools
import random

import pytest

from counterpoint.evaluate.scoring import (
    b_cubed,
    bcubed,
    ceaf_e,
    conll_f1,
    muc,
    with_missing_as_singletons,
    without_singletons,
)


def clustering(*clusters: str) -> dict[str, int]:
    """clustering("abc", "de") -> {"a": 0, "b": 0, "c": 0, "d": 1, "e": 1}"""
    return {item: number for number, cluster in enumerate(clusters) for item in cluster}


# The example of Pradhan et al. (2014), "Scoring Coreference Partitions of Predicted Mentions: A
# Reference Implementation": key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}. The response
# lacks e and adds h and i, so it also checks twinless mentions. The figures in the comments are
# worked out by hand from the definitions, as the paper does (its table was not at hand to quote).
KEY = clustering("abc", "defg")
RESPONSE = clustering("ab", "cd", "fghi")


def test_muc_on_the_reference_example() -> None:
    # Recall: {a,b,c} is cut by the response into {a,b} {c}: 3 - 2 = 1 link kept; {d,e,f,g} into
    # {d} {e} {f,g} (e, missing, is a part of its own): 4 - 3 = 1. Links: (3-1) + (4-1) = 5.
    # R = 2/5. Precision: {a,b} -> {a,b}: 1 of 1; {c,d} -> {c} {d}: 0 of 1; {f,g,h,i} -> {f,g}
    # {h} {i}: 1 of 3. P = 2/5. F1 = 0.4.
    assert muc(KEY, RESPONSE) == pytest.approx((0.4, 0.4, 0.4))


def test_b_cubed_on_the_reference_example() -> None:
    # Recall, sum over key K and response R of |K&R|^2/|K|, over 7 key mentions:
    # {a,b,c}&{a,b}: 4/3, &{c,d}: 1/3; {d,e,f,g}&{c,d}: 1/4, &{f,g,h,i}: 4/4 (e earns nothing).
    # 35/12 / 7 = 35/84 = 0.4167. Precision, |K&R|^2/|R| over 8 response mentions: {a,b}: 4/2;
    # {c,d}: 1/2 + 1/2; {f,g,h,i}: 4/4 (h and i earn nothing). 4 / 8 = 0.5.
    # F1 = 2 * 0.5 * 35/84 / (0.5 + 35/84) = 0.4545.
    precision, recall, f1 = b_cubed(KEY, RESPONSE)
    assert (precision, recall) == pytest.approx((0.5, 35 / 84))
    assert f1 == pytest.approx(0.4545, abs=1e-4)


def test_ceaf_e_on_the_reference_example() -> None:
    # phi4(K, R) = 2|K&R| / (|K|+|R|): {a,b,c}-{a,b} 4/5, {a,b,c}-{c,d} 2/5,
    # {d,e,f,g}-{c,d} 2/6, {d,e,f,g}-{f,g,h,i} 4/8. Best alignment: {a,b,c}-{a,b} and
    # {d,e,f,g}-{f,g,h,i}, 0.8 + 0.5 = 1.3 (the others: 0.8 + 1/3, 0.4 + 0.5).
    # R = 1.3/2 = 0.65, P = 1.3/3 = 0.4333, F1 = 2 * 0.65 * 0.4333 / 1.0833 = 0.52.
    assert ceaf_e(KEY, RESPONSE) == pytest.approx((1.3 / 3, 0.65, 0.52))


def test_conll_f1_is_the_mean_of_the_three() -> None:
    # (0.4 + 0.4545 + 0.52) / 3 = 0.4582
    expected = (0.4 + 2 * 0.5 * (35 / 84) / (0.5 + 35 / 84) + 0.52) / 3
    assert conll_f1(KEY, RESPONSE) == pytest.approx(expected)


def test_muc_on_vilain_et_al() -> None:
    # Vilain et al. (1995): key {A,B,C,D}, response {A,B} {C,D}. Recall: 4 - 2 parts = 2 of 3
    # links. Precision: each response cluster lies in one key cluster, 1 + 1 of 1 + 1 links.
    assert muc(clustering("ABCD"), clustering("AB", "CD")) == pytest.approx((1.0, 2 / 3, 0.8))


def test_bcubed_against_a_worked_example() -> None:
    # Gold {a,b,c} {d}; predicted {a,b} {c,d}. Precision: a 1, b 1, c 1/2, d 1/2 -> 0.75.
    # Recall: a 2/3, b 2/3, c 1/3, d 1 -> 2/3.
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    predicted = {"a": "x", "b": "x", "c": "y", "d": "y"}
    precision, recall = bcubed(gold, predicted)
    assert precision == pytest.approx(0.75) and recall == pytest.approx(2 / 3)


def test_ceaf_e_against_a_worked_example() -> None:
    # Same gold and predicted. phi4: {a,b,c}-{a,b} 4/5, {a,b,c}-{c,d} 2/5, {d}-{c,d} 2/3.
    # Best: {a,b,c}-{a,b} + {d}-{c,d} = 4/5 + 2/3 = 22/15, over 2 clusters each side: 11/15.
    gold = clustering("abc", "d")
    predicted = clustering("ab", "cd")
    assert ceaf_e(gold, predicted) == pytest.approx((11 / 15, 11 / 15, 11 / 15))


# CEAF-e test cases 2-4 of the reference scorer (conll/reference-coreference-scorers,
# test/TestCases.README and CorefMetricTestConfig.pm): key {a} {b,c} {d,e,f}.
@pytest.mark.parametrize(
    ("response", "recall", "precision"),
    [
        # {a} {d,e}: phi4 {a}-{a} 1, {d,e,f}-{d,e} 4/5; 1.8 over 3 key, 2 response entities.
        (("a", "de"), 0.6, 0.9),
        # {a} {b,c,x} {d,e,f,y} {z}: 1 + 4/5 + 6/7 = 2.6571, over 3 and 4.
        (("a", "bcx", "defy", "z"), 0.88571, 0.66429),
        # {a} {b,c,x} {d,y} {z}: 1 + 4/5 + 2/5 = 2.2, over 3 and 4.
        (("a", "bcx", "dy", "z"), 0.73333, 0.55),
    ],
)
def test_ceaf_e_on_the_reference_scorer_cases(
    response: tuple[str, ...], recall: float, precision: float
) -> None:
    score = ceaf_e(clustering("a", "bc", "def"), clustering(*response))
    assert (score.recall, score.precision) == pytest.approx((recall, precision), abs=1e-5)


@pytest.mark.parametrize("metric", [muc, b_cubed, ceaf_e])
def test_identical_clusterings_score_one(metric) -> None:
    gold = clustering("abc", "de", "f")
    relabelled = {item: f"entity-{cluster}" for item, cluster in gold.items()}
    assert metric(gold, relabelled) == pytest.approx((1.0, 1.0, 1.0))


def test_identical_clusterings_give_a_conll_f1_of_one() -> None:
    gold = clustering("abc", "de", "f")
    assert conll_f1(gold, dict(gold)) == pytest.approx(1.0)


def test_all_singletons() -> None:
    singletons = clustering("a", "b", "c", "d")
    # No links anywhere: MUC is 0/0, reported as 0 like the reference scorer.
    assert muc(singletons, singletons) == (0.0, 0.0, 0.0)
    assert b_cubed(singletons, singletons) == pytest.approx((1.0, 1.0, 1.0))
    assert ceaf_e(singletons, singletons) == pytest.approx((1.0, 1.0, 1.0))


def test_all_singletons_against_one_cluster() -> None:
    singletons = clustering("a", "b", "c", "d")
    merged = clustering("abcd")
    # MUC: gold has no links (recall 0/0 -> 0); none of the 3 predicted links is right.
    assert muc(singletons, merged) == (0.0, 0.0, 0.0)
    # B-cubed: each item's predicted cluster holds 1 of its 4 items -> P 1/4; R 1.
    assert b_cubed(singletons, merged) == pytest.approx((0.25, 1.0, 0.4))
    # CEAF-e: the one predicted cluster aligns with one gold singleton, phi4 = 2/5.
    # R = (2/5)/4 = 0.1, P = (2/5)/1 = 0.4, F1 = 0.16.
    assert ceaf_e(singletons, merged) == pytest.approx((0.4, 0.1, 0.16))
    # And the reverse gives the reverse.
    assert b_cubed(merged, singletons) == pytest.approx((1.0, 0.25, 0.4))
    assert ceaf_e(merged, singletons) == pytest.approx((0.1, 0.4, 0.16))


def test_empty_clusterings_score_zero() -> None:
    for metric in (muc, b_cubed, ceaf_e):
        assert metric({}, {}) == (0.0, 0.0, 0.0)


def test_missing_gold_items_as_singletons() -> None:
    completed = with_missing_as_singletons(KEY, RESPONSE)
    assert set(completed) == set(KEY) | set(RESPONSE)
    assert sum(1 for cluster in completed.values() if cluster == completed["e"]) == 1
    # MUC already counts a missing item as a part of its own: the figures do not move.
    assert muc(KEY, completed) == pytest.approx(muc(KEY, RESPONSE))
    # B-cubed: e now recalls itself, 1/4 -> R = (35/12 + 1/4)/7 = 19/42; as a correct
    # singleton it is a ninth response mention with precision 1 -> P = (4 + 1)/9 = 5/9.
    precision, recall, _ = b_cubed(KEY, completed)
    assert (precision, recall) == pytest.approx((5 / 9, 19 / 42))
    # CEAF-e: {e} aligns with nothing better (phi4({d,e,f,g}, {e}) = 2/5 < 1/2): the sum stays
    # 1.3, over 4 predicted clusters now.
    assert ceaf_e(KEY, completed)[:2] == pytest.approx((1.3 / 4, 0.65))


def test_without_singletons() -> None:
    assert without_singletons(clustering("abc", "d", "ef", "g")) == clustering("abc", "", "ef")


def test_ceaf_e_alignment_is_optimal() -> None:
    """Against brute force over every alignment, on random small clusterings."""
    rng = random.Random(7)
    items = "abcdefghij"
    for _ in range(200):
        gold = {item: rng.randrange(4) for item in items}
        predicted = {item: rng.randrange(5) for item in items if rng.random() < 0.9}
        keys = _groups(gold)
        responses = _groups(predicted)
        best = 0.0
        small, large = sorted((keys, responses), key=len)
        for chosen in itertools.permutations(large, len(small)):
            total = sum(
                2 * len(a & b) / (len(a) + len(b)) for a, b in zip(small, chosen, strict=True)
            )
            best = max(best, total)
        precision, recall, _ = ceaf_e(gold, predicted)
        assert recall == pytest.approx(best / len(keys))
        assert precision == pytest.approx(best / len(responses) if responses else 0.0)


def _groups(mapping: dict[str, int]) -> list[set[str]]:
    groups: dict[int, set[str]] = {}
    for item, cluster in mapping.items():
        groups.setdefault(cluster, set()).add(item)
    return list(groups.values())
