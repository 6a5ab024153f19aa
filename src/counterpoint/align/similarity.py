"""How likely two statements speak of the same thing: shared actors, event type or unit, dates,
sentence embeddings and word overlap, weighed by kind of statement."""

from __future__ import annotations

import math

import numpy as np

from counterpoint.align.statements import Statement, content_words, is_tally, quantity
from counterpoint.config import AlignSettings


def similarity(a: Statement, b: Statement, settings: AlignSettings = AlignSettings()) -> float:
    """How likely two statements speak of the same thing, 0..1."""
    return _score(a, b, _vector_similarity(a, b, settings), settings)


def similarity_bounds(
    a: Statement, b: Statement, settings: AlignSettings = AlignSettings()
) -> tuple[float, float]:
    """The lowest and highest `similarity` the two statements can have whatever their
    sentences' embeddings say (the score grows with their cosine): where these fall on the
    same side of a threshold, the pair is decided without embedding. With both embeddings
    at hand, both ends are the score."""
    if a.vector is not None and b.vector is not None:
        score = similarity(a, b, settings)
        return score, score
    return _score(a, b, 0.0, settings), _score(a, b, 1.0, settings)


def _score(a: Statement, b: Statement, vector: float, settings: AlignSettings) -> float:
    """`similarity` with the sentences' closeness in meaning given (0..1)."""
    if a.kind != b.kind:
        return 0.0
    words = jaccard(a.words, b.words)
    actors = overlap(a.entities, b.entities)
    if a.kind == "figure":
        if a.type != b.type or quantity(a) != quantity(b):
            return 0.0
        measure = overlap(
            content_words(a.trigger, a.language), content_words(b.trigger, b.language)
        )
        score = 0.3 * vector + 0.2 * actors + 0.2 * measure + 0.3 * _closeness(a, b)
    elif a.kind == "event":
        # The trigger says which event of the sentence it is: sentences often report several.
        trigger = 1.0 if a.trigger == b.trigger else 0.5 if a.type and a.type == b.type else 0.0
        score = 0.45 * trigger + 0.25 * vector + 0.2 * actors + 0.1 * words
        if a.actor and a.actor in {b.actor, b.target}:
            score += 0.1
    else:
        score = 0.45 * vector + 0.2 * words + 0.25 * actors
        score += 0.15 * (a.actor is not None and a.actor == b.actor)
    # Only dates the texts give: a commentary written months later may tell the same event.
    far_apart = (
        a.dated
        and b.dated
        and a.day is not None
        and b.day is not None
        and abs(a.day - b.day) > settings.day_tolerance
    )
    if a.kind != "figure" and far_apart:
        score -= settings.far_apart_penalty
    return max(0.0, min(1.0, score))


def _closeness(a: Statement, b: Statement) -> float:
    """1 for the same value, falling to 0 at a factor of two apart; a running tally (deaths,
    injuries, arrests) that is larger in the later report is a likely update of it."""
    if is_tally(a) and a.value != b.value:
        first, last = sorted((a, b), key=lambda s: s.day or 0)
        return (
            0.6
            if (last.day or 0) > (first.day or 0) and (last.value or 0) > (first.value or 0)
            else 0.0
        )
    if a.value is None or b.value is None or a.value <= 0 or b.value <= 0:
        return 1.0 if a.value == b.value else 0.0
    return max(0.0, 1.0 - abs(math.log(a.value / b.value)) / math.log(2))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared share of the smaller set: a long sentence naming many actors is not penalised."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _vector_similarity(a: Statement, b: Statement, settings: AlignSettings) -> float:
    """Cosine of the sentence embeddings, stretched over the embedding's own scale
    (`unrelated_cosine` scores 0); word overlap without them."""
    if a.vector is None or b.vector is None:
        return jaccard(a.words, b.words)
    cosine = float(np.dot(a.vector, b.vector))
    return max(0.0, min(1.0, (cosine - settings.unrelated_cosine) / settings.cosine_range))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
