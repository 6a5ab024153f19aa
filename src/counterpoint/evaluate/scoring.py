"""Coreference scores: how well a predicted grouping of mentions into entities matches a gold one.

A clustering is a mapping from item (a mention: any hashable key, such as a span) to the id of
its cluster. The metrics are MUC (Vilain et al. 1995), B-cubed (Bagga and Baldwin 1998), CEAF-e
(Luo 2005) and their mean F1, the CoNLL score (Pradhan et al. 2012). Each one sees something the
others miss: MUC counts links and ignores singletons, B-cubed weighs every mention equally, and
CEAF-e aligns whole entities one to one, so reporting all three is the common practice.

Items that are in one clustering but not in the other ("twinless" mentions, which arise when
mentions are predicted rather than given) are treated as in the reference scorer of Pradhan et
al. (2014), so that figures are comparable with published ones: a gold item missing from
`predicted` earns no recall, and a predicted item missing from `gold` earns no precision. To count
a missed gold item as a predicted singleton instead (which gives it credit for being alone), pass
`predicted` through `with_missing_as_singletons` first. With gold mentions, as in the benches, the
two readings differ only if a caller leaves items out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from typing import NamedTuple, TypeVar

Item = TypeVar("Item", bound=Hashable)


class Score(NamedTuple):
    precision: float
    recall: float
    f1: float


def muc(gold: Mapping[Item, Hashable], predicted: Mapping[Item, Hashable]) -> Score:
    """MUC (Vilain et al. 1995): the share of gold links kept (recall) and of predicted links that
    are right (precision), counting the fewest links that make each cluster connected.

    A cluster of n items has n - 1 links, so singletons weigh nothing; when neither side has a
    cluster of two or more the score is 0/0, which is reported as 0, as the reference scorer
    prints it, rather than as a perfect score that nothing supports."""
    return _score(precision=_muc_side(predicted, gold), recall=_muc_side(gold, predicted))


def b_cubed(gold: Mapping[Item, Hashable], predicted: Mapping[Item, Hashable]) -> Score:
    """B-cubed (Bagga and Baldwin 1998): per gold item, the share of its gold cluster found in
    its predicted cluster (recall), and per predicted item the reverse (precision), averaged over
    the items. Every item weighs the same, so singletons count and large entities dominate."""
    return _score(precision=_b_cubed_side(gold, predicted), recall=_b_cubed_side(predicted, gold))


def bcubed(
    gold: Mapping[Item, Hashable], predicted: Mapping[Item, Hashable]
) -> tuple[float, float]:
    """B-cubed precision and recall, as the pair `counterpoint.evaluate` has always used."""
    score = b_cubed(gold, predicted)
    return score.precision, score.recall


def ceaf_e(gold: Mapping[Item, Hashable], predicted: Mapping[Item, Hashable]) -> Score:
    """Entity-based CEAF (Luo 2005): gold and predicted clusters are aligned one to one so that
    the summed similarity phi4(K, R) = 2|K & R| / (|K| + |R|) is largest; recall and precision
    are that sum over the number of gold and of predicted clusters.

    phi4 rather than the mention-based phi3 makes each entity count once whatever its size, which
    is what CEAF-e is for. The alignment must be optimal, not greedy (a greedy one can score a
    response lower than it deserves), so it is solved as an assignment problem, separately in
    each group of clusters that share items, since clusters sharing none have similarity 0."""
    gold_clusters = _clusters(gold)
    predicted_clusters = _clusters(predicted)
    total = 0.0
    for keys, responses in _overlap_groups(gold_clusters, predicted_clusters):
        weights = [[_phi4(key, response) for response in responses] for key in keys]
        total += _max_assignment(weights)
    recall = total / len(gold_clusters) if gold_clusters else 0.0
    precision = total / len(predicted_clusters) if predicted_clusters else 0.0
    return Score(precision, recall, _f1(precision, recall))


def conll_f1(gold: Mapping[Item, Hashable], predicted: Mapping[Item, Hashable]) -> float:
    """The CoNLL-2012 score: the unweighted mean of the MUC, B-cubed and CEAF-e F1s."""
    scores = (muc(gold, predicted), b_cubed(gold, predicted), ceaf_e(gold, predicted))
    return sum(score.f1 for score in scores) / len(scores)


def with_missing_as_singletons(
    gold: Mapping[Item, Hashable], predicted: Mapping[Item, Hashable]
) -> dict[Item, Hashable]:
    """`predicted`, with each gold item it lacks put in a cluster of its own: for callers that
    count a mention the system missed, or dropped, as one it left alone."""
    completed: dict[Item, Hashable] = dict(predicted)
    for item in gold:
        if item not in completed:
            completed[item] = ("missing", item)
    return completed


def without_singletons(clustering: Mapping[Item, Hashable]) -> dict[Item, Hashable]:
    """`clustering` without its clusters of one item. Applied to gold and predicted each on its
    own, the usual way of scoring without singletons (argued for by Cattan et al. 2021), it
    scores only the entities mentioned more than once, which singletons, often most of the
    clusters, would otherwise drown."""
    sizes: dict[Hashable, int] = defaultdict(int)
    for cluster in clustering.values():
        sizes[cluster] += 1
    return {item: cluster for item, cluster in clustering.items() if sizes[cluster] > 1}


def _clusters(clustering: Mapping[Item, Hashable]) -> list[set[Item]]:
    grouped: dict[Hashable, set[Item]] = defaultdict(set)
    for item, cluster in clustering.items():
        grouped[cluster].add(item)
    return list(grouped.values())


def _muc_side(
    key: Mapping[Item, Hashable], response: Mapping[Item, Hashable]
) -> tuple[float, float]:
    """(links of `key` kept by `response`, links of `key`): a key cluster split into p parts by
    the response, each item the response lacks being a part of its own, keeps n - p links."""
    kept = total = 0
    for cluster in _clusters(key):
        parts = {response[item] for item in cluster if item in response}
        missing = sum(1 for item in cluster if item not in response)
        kept += len(cluster) - (len(parts) + missing)
        total += len(cluster) - 1
    return kept, total


def _b_cubed_side(
    key: Mapping[Item, Hashable], response: Mapping[Item, Hashable]
) -> tuple[float, float]:
    """(sum over the items of `response` of the share of each one's response cluster that is in
    its key cluster, number of items of `response`); items `key` lacks add 0."""
    key_of = {item: k for k, cluster in enumerate(_clusters(key)) for item in cluster}
    total = 0.0
    for cluster in _clusters(response):
        overlaps: dict[int, int] = defaultdict(int)
        for item in cluster:
            if item in key_of:
                overlaps[key_of[item]] += 1
        total += sum(n * n for n in overlaps.values()) / len(cluster)
    return total, len(response)


def _score(*, precision: tuple[float, float], recall: tuple[float, float]) -> Score:
    """From (numerator, denominator) pairs; 0/0 is 0."""
    p = precision[0] / precision[1] if precision[1] else 0.0
    r = recall[0] / recall[1] if recall[1] else 0.0
    return Score(p, r, _f1(p, r))


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _phi4(key: set[Item], response: set[Item]) -> float:
    return 2 * len(key & response) / (len(key) + len(response))


def _overlap_groups(
    keys: list[set[Item]], responses: list[set[Item]]
) -> list[tuple[list[set[Item]], list[set[Item]]]]:
    """The gold and predicted clusters in groups linked by shared items (connected components),
    leaving out clusters that share items with none of the other side."""
    parent = list(range(len(keys) + len(responses)))  # union-find over both sides

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    key_of = {item: k for k, cluster in enumerate(keys) for item in cluster}
    linked: set[int] = set()
    for r, cluster in enumerate(responses):
        for item in cluster:
            if item in key_of:
                node = len(keys) + r
                parent[find(key_of[item])] = find(node)
                linked.update((key_of[item], node))
    groups: dict[int, tuple[list[set[Item]], list[set[Item]]]] = defaultdict(lambda: ([], []))
    for node in sorted(linked):
        if node < len(keys):
            groups[find(node)][0].append(keys[node])
        else:
            groups[find(node)][1].append(responses[node - len(keys)])
    return list(groups.values())


def _max_assignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one matching of rows to columns (the Hungarian
    algorithm with potentials, O(n^2 m)). scipy's linear_sum_assignment would do, but the
    project does not depend on scipy, and the groups it is given are small."""
    if not weights or not weights[0]:
        return 0.0
    if len(weights) > len(weights[0]):
        weights = [list(column) for column in zip(*weights, strict=True)]
    rows, columns = len(weights), len(weights[0])
    infinity = float("inf")
    u = [0.0] * (rows + 1)  # row potentials
    v = [0.0] * (columns + 1)  # column potentials
    match = [0] * (columns + 1)  # match[j]: the row (from 1) given column j; 0 = none
    way = [0] * (columns + 1)
    for row in range(1, rows + 1):
        match[0] = row
        free_column = 0
        least = [infinity] * (columns + 1)
        used = [False] * (columns + 1)
        while True:
            used[free_column] = True
            current_row = match[free_column]
            delta, next_column = infinity, 0
            for j in range(1, columns + 1):
                if not used[j]:
                    cost = -weights[current_row - 1][j - 1] - u[current_row] - v[j]
                    if cost < least[j]:
                        least[j], way[j] = cost, free_column
                    if least[j] < delta:
                        delta, next_column = least[j], j
            for j in range(columns + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            free_column = next_column
            if match[free_column] == 0:
                break
        while free_column:
            previous = way[free_column]
            match[free_column] = match[previous]
            free_column = previous
    return sum(weights[match[j] - 1][j - 1] for j in range(1, columns + 1) if match[j])
