"""How two sources' words about one thing relate: they corroborate, contradict, report a tally
that evolves, reframe it, or are only related. Precision first: a relation is given only where
its evidence holds, with a reason a reader can check against the two sentences; where the
evidence is weaker the pair is "related", or nothing.

One alignment is one pair of sentences of two documents with one relation; its id derives from
the relation and the two sentences, so that one id means one thing wherever it is shown."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import numpy as np

from counterpoint.align.similarity import jaccard, overlap, similarity, similarity_bounds
from counterpoint.align.statements import (
    TEXTS_KEPT,
    Statement,
    align_words,
    content_words,
    quantity,
)
from counterpoint.config import AlignSettings
from counterpoint.records import Alignment, Evidence

# In the order they are listed; of several relations found between two sentences the first
# of SURE_FIRST is kept.
RELATIONS = ("corroborate", "contradict", "evolves", "reframe", "related", "unique")
SURE_FIRST = ("contradict", "evolves", "reframe", "corroborate", "related")


@dataclass(frozen=True)
class Verdict:
    """How `b`'s source relates to `a`'s, how sure that is (0..1), why, and what each says."""

    relation: str  # "" when they speak of different things
    confidence: float = 0.0
    reason: str = ""
    note_a: str = ""
    note_b: str = ""


NOTHING = Verdict("")
Judged = tuple[Statement, Statement, Verdict]


def judge(
    group: str, members: Sequence[Statement], settings: AlignSettings = AlignSettings()
) -> list[Alignment]:
    """The relations between the sources of one group, one alignment per pair of sentences:
    only pairs alike enough (same kind, different sources, scoring over the threshold) are
    judged, and of the relations found between two sentences the surest kind is kept."""
    found: dict[tuple[str, tuple[str, int], tuple[str, int]], list[Judged]] = defaultdict(list)
    for a, b, verdict in _judged_pairs(members, settings):
        found[(verdict.relation, _sentence(a), _sentence(b))].append((a, b, verdict))
    alignments = [_alignment(group, relation, pairs) for (relation, *_), pairs in found.items()]
    return sorted(merge_same(alignments), key=lambda al: al.id)


def _judged_pairs(
    members: Sequence[Statement], settings: AlignSettings = AlignSettings()
) -> list[Judged]:
    """The pairs of `members` alike enough to judge, earlier report first, with their verdict."""
    pairs = []
    ordered = _in_order(members)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.source == b.source or a.kind != b.kind:
                continue
            score = similarity(a, b, settings)
            allowance = settings.in_group_allowance if a.kind == "event" else 0.0
            if score < settings.link_threshold(a.kind) - allowance:
                continue
            verdict = relate(a, b, score, settings)
            if verdict.relation:
                pairs.append((a, b, verdict))
    return pairs


def needs_vectors(
    members: Sequence[Statement], settings: AlignSettings = AlignSettings()
) -> list[Statement]:
    """The members whose sentences' embeddings `judge` may use: both sides of every pair it
    could judge (different sources, one kind, able to reach the threshold whatever their
    cosine). The others' verdicts do not depend on their embeddings, which are not worth
    computing."""
    wanted: dict[str, Statement] = {}
    ordered = _in_order(members)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.source == b.source or a.kind != b.kind or (a.id in wanted and b.id in wanted):
                continue
            allowance = settings.in_group_allowance if a.kind == "event" else 0.0
            if similarity_bounds(a, b, settings)[1] >= settings.link_threshold(a.kind) - allowance:
                wanted[a.id], wanted[b.id] = a, b
    return list(wanted.values())


def _in_order(members: Sequence[Statement]) -> list[Statement]:
    """Earlier report first: a pair is judged, and scored, that way round."""
    return sorted(members, key=lambda m: (m.published or date.min, m.id))


def merge_same(alignments: Iterable[Alignment]) -> list[Alignment]:
    """One alignment per pair of sentences: found in several groups (their items joined
    through different links), the surest relation is kept (as `judge` does within a group),
    with the members and notes of all that show it and the highest score."""
    by_sentences: dict[tuple[tuple[str, int], ...], list[Alignment]] = defaultdict(list)
    for al in alignments:
        by_sentences[tuple(sorted((e.doc, e.sentence) for e in al.evidence))].append(al)
    merged = []
    for found in by_sentences.values():
        relation = next(r for r in (*SURE_FIRST, "unique") if any(a.relation == r for a in found))
        kept = sorted((a for a in found if a.relation == relation), key=lambda a: -a.score)
        best = kept[0]
        notes: dict[str, list[str]] = defaultdict(list)
        for al in kept:
            for e in al.evidence:
                notes[e.doc] += [n for n in e.note.split("; ") if n and n not in notes[e.doc]]
        merged.append(
            replace(
                best,
                members=tuple(sorted({m for a in kept for m in a.members})),
                evidence=tuple(replace(e, note="; ".join(notes[e.doc])) for e in best.evidence),
            )
        )
    return merged


def alignment_id(relation: str, sentences: Iterable[tuple[str, int]]) -> str:
    """The id of a relation between sentences: the same relation between the same sentences
    has the same id in every run, comparison and output."""
    key = relation + "|" + "|".join(f"{doc}:{n}" for doc, n in sorted(sentences))
    return "al-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def _sentence(item: Statement) -> tuple[str, int]:
    return (item.doc, item.sentence)


def _alignment(group: str, relation: str, pairs: list[Judged]) -> Alignment:
    """One relation between two sentences, from the item pairs that show it."""
    a, b, best = max(pairs, key=lambda p: p[2].confidence)
    items = sorted({x.id: x for p in pairs for x in p[:2]}.values(), key=lambda s: s.id)
    notes_a = "; ".join(dict.fromkeys(v.note_a for _, _, v in pairs if v.note_a))
    notes_b = "; ".join(dict.fromkeys(v.note_b for _, _, v in pairs if v.note_b))
    return Alignment(
        id=alignment_id(relation, [_sentence(a), _sentence(b)]),
        group=group,
        kind=kind_of(items),
        relation=relation,
        score=round(best.confidence, 3),
        members=tuple(item.id for item in items),
        evidence=(evidence(a, notes_a), evidence(b, notes_b)),
        reason=best.reason,
    )


def evidence(item: Statement, note: str) -> Evidence:
    """The item's sentence, so that a reader sees what the words are said of."""
    return Evidence(
        item=item.id,
        doc=item.doc,
        sentence=item.sentence,
        start=item.context_start,
        end=item.context_start + len(item.context),
        text=item.context,
        outlet=item.source,
        published=item.published.isoformat() if item.published else None,
        note=note,
    )


def kind_of(items: Iterable[Statement]) -> str:
    """The items' kind, or "mixed"."""
    kinds = {item.kind for item in items}
    return kinds.pop() if len(kinds) == 1 else "mixed"


# -- the rules ----------------------------------------------------------------------------------


def relate(
    a: Statement, b: Statement, score: float, settings: AlignSettings = AlignSettings()
) -> Verdict:
    """How the source of `b` relates to that of `a` (`a` reported first), given how alike they
    are (`score`, from `similarity`)."""
    if a.kind == "figure":
        return _relate_figures(a, b, score, settings)
    own_a, own_b = content_words(a.text, a.language), content_words(b.text, b.language)
    same_words = overlap(own_a, own_b)
    opposed = _opposed(a, b, own_a, own_b, settings)
    if opposed and score >= settings.contradict_threshold:
        return Verdict("contradict", score, opposed, _says(a), _says(b))
    # Roles swapped in one event ("strikes" and "strikes"), not two events of a conflict told
    # side by side ("Israel's strikes" and "militants' rockets toward Israel").
    swapped = a.actor and b.actor and a.target and b.target and a.trigger == b.trigger
    if swapped and (a.actor, a.target) == (b.target, b.actor) and _same_fact(a, b, score, settings):
        return Verdict("reframe", score, "who did what to whom is told the other way round", "", "")
    same_quote = (
        a.kind == "claim"
        and same_words >= settings.same_quote_overlap
        and not opposed
        and not _apart(a, b)
    )
    marks = _marked_stance(a), _marked_stance(b)
    apart = len(set(marks)) == 2 and "distanced" in marks
    one_speaker = a.kind == "claim" and a.actor and a.actor == b.actor
    if one_speaker and apart and (same_quote or _same_fact(a, b, score, settings)):
        return Verdict("reframe", score, _stances_apart(a, b, *marks), *marks)
    if same_quote:
        return _plain("corroborate", score, "the same words, quoted or told by both", a, b)
    if _renamed(a, b) and score >= settings.reframe_threshold:
        reason = f"the same event named otherwise: '{a.text}' against '{b.text}'"
        return Verdict("reframe", score, reason, f"calls it '{a.text}'", f"calls it '{b.text}'")
    if settings.reframe_by_loaded_words and score >= settings.reframe_threshold:
        loaded_a, loaded_b = _loaded_apart(a, b)
        if loaded_a or loaded_b:
            reason = (
                f"the same thing in other words: {_naming(loaded_a)} against {_naming(loaded_b)}"
            )
            return Verdict("reframe", score, reason, _naming(loaded_a), _naming(loaded_b))
    if _same_fact(a, b, score, settings) or _cosine(a, b) >= settings.same_sentence:
        return _plain("corroborate", score, "both report it", a, b)
    return _plain("related", score, "both speak of it; not alike enough to call it one fact", a, b)


def _marked_stance(item: Statement) -> str:
    """How the writer marks a claim: "distanced" ("claimed", "falsely", "so-called"),
    "endorsed" ("admitted", "the data showed"), else "plain"."""
    return item.stance if item.stance in ("distanced", "endorsed") else "plain"


def _stances_apart(a: Statement, b: Statement, mark_a: str, mark_b: str) -> str:
    """Why one speaker's claim is reframed: one side states it as fact and the other keeps a
    distance, or one keeps a distance and the other tells it plainly. Standing behind a claim
    against telling it plainly is no reframe: news writes "acknowledged", "noted", "showed"
    as it writes "said" (two of two such pairs read as reframes were not, on the third set of
    labelled pairs)."""
    if "plain" not in (mark_a, mark_b):
        states = a if mark_a == "endorsed" else b
        return f"{states.source} states it as fact, the other distances itself from it"
    marked = a if mark_a != "plain" else b
    return (
        f"{marked.source} keeps a distance from it ('{marked.trigger}'), the other tells it plainly"
    )


def _renamed(a: Statement, b: Statement) -> bool:
    """One event named by different words of which at least one is loaded ("riots",
    "massacre")."""
    return a.kind == "event" and a.type == b.type and a.trigger != b.trigger and a.named != b.named


def _plain(relation: str, score: float, reason: str, a: Statement, b: Statement) -> Verdict:
    return Verdict(relation, score, reason, a.text, b.text)


def _same_fact(a: Statement, b: Statement, score: float, settings: AlignSettings) -> bool:
    """Two events or claims told alike: alike enough, no actor of one side clashing with the
    other's, and the days they tell not apart."""
    if not _told_alike(a, b, score, settings) or _apart(a, b):
        return False
    if a.kind == "event":
        if a.trigger != b.trigger and a.type != b.type:
            return False
        if a.actor and b.actor and a.actor not in {b.actor, b.target}:
            return False
    return not (a.kind == "claim" and a.actor and b.actor and a.actor != b.actor)


def _apart(a: Statement, b: Statement) -> bool:
    """Two tellings that cannot be one fact: of days their texts give more than a day apart
    ("on Tuesday" / "on Thursday"). (Numbers are no such sign: "943K" and "943,000", "an
    11-day war" and "more than 10 days of fighting" tell one fact.)"""
    dated = a.dated and b.dated and a.day is not None and b.day is not None
    return dated and abs((a.day or 0) - (b.day or 0)) > 1


def _told_alike(a: Statement, b: Statement, score: float, settings: AlignSettings) -> bool:
    """The two items alike and their sentences close in meaning: a shared number or word in
    two sentences that say different things is no corroboration."""
    return score >= settings.corroborate_threshold and _cosine(a, b) >= settings.corroborate_cosine


def _same_figure(a: Statement, b: Statement, settings: AlignSettings) -> bool:
    """The same value of the same count, with qualifiers that agree ("nearly 8 percent" and
    "over 8%" do not); not a duration ("100 days"), which two reports share without telling
    one fact."""
    same_high = a.high == b.high or (
        a.high is not None and b.high is not None and _same_number(a.high, b.high, settings)
    )
    return (
        _same_value(a, b, settings)
        and a.qualifier == b.qualifier
        and same_high
        and a.type != "duration"
    )


def _relate_figures(a: Statement, b: Statement, score: float, settings: AlignSettings) -> Verdict:
    """Same value corroborates; a running tally that grows in a later report evolves; two
    values of the same measure of the same actor that cannot both hold contradict."""
    if quantity(a) != quantity(b):
        return NOTHING
    notes = (f"{a.text} ({_when(a)})", f"{b.text} ({_when(b)})")
    if _same_figure(a, b, settings) and _told_alike(a, b, score, settings):
        reason = f"the same figure: {a.text} / {b.text}"
        return Verdict("corroborate", score, reason, a.text, b.text)
    tally = bool(align_words(a.language).RUNNING_TALLIES.search(f"{a.trigger} {b.trigger}"))
    if tally and _grows(a, b) and _cosine(a, b) >= settings.corroborate_cosine:
        when = "the same day" if a.published == b.published else "later"
        reason = f"a running count reported {when} as larger: {a.text}, then {b.text}"
        return Verdict("evolves", score, reason, *notes)
    # Two values clash only for one moment (a month's jobs, a bill's price the day it passes)
    # and in two sentences telling one thing: read on real roundups, "266,000 jobs in April"
    # against "194,000 in September", or a forecast against the count, were no clash.
    same_time = a.day is not None and b.day is not None and abs(a.day - b.day) <= 1
    same_subject = a.actor is not None and a.actor == b.actor and a.trigger == b.trigger
    if (
        same_subject
        and same_time
        and a.type != "duration"
        and not _may_agree(a, b, settings)
        and score >= settings.contradict_threshold
        and _cosine(a, b) >= settings.corroborate_cosine
    ):
        reason = (
            f"two values for the {a.trigger or 'figure'} of the same actor that cannot both "
            f"hold: {a.text} against {b.text}"
        )
        return Verdict("contradict", score, reason, *notes)
    if a.trigger != b.trigger:  # "paid $2 million", "pledged $400 million": two things
        return NOTHING
    reason = f"figures of the same {a.trigger or 'count'}: {a.text}, {b.text}"
    return Verdict("related", score, reason, *notes)


def _grows(a: Statement, b: Statement) -> bool:
    """Whether `b` tells a tally larger than `a` does, no earlier: in a later report, or in one
    of the same day (counts rise as reports come in: "at least 150 killed", "more than 180")."""
    published_a, published_b = a.published or date.min, b.published or date.min
    return (
        (b.value or 0) > (a.value or 0)
        and (b.day or 0) >= (a.day or 0)
        and published_b >= published_a
    )


# The values a figure allows, as shares of its number, by its qualifier ("at least 19").
RANGES = {
    "exact": (1.0, 1.0),
    "at least": (1.0, float("inf")),
    "more than": (1.0, float("inf")),
    "less than": (0.0, 1.0),
    "up to": (0.0, 1.0),
    "nearly": (0.85, 1.0),
    "almost": (0.85, 1.0),
    "about": (0.8, 1.2),
    "several": (1.0, 10.0),  # "hundreds of": from 100 to 1,000
}


def _may_agree(a: Statement, b: Statement, settings: AlignSettings) -> bool:
    """Whether the two figures' values can both hold, given their qualifiers ("nearly $3
    billion" and "$2.4 billion" cannot; "at least 19" and "31" can)."""
    if a.value is None or b.value is None:
        return True
    a_low, a_high = _range(a, settings.same_value_share)
    b_low, b_high = _range(b, settings.same_value_share)
    return a_low <= b_high and b_low <= a_high


def _range(figure: Statement, share: float) -> tuple[float, float]:
    """The values a figure allows: a range's ends ("between 20 and 30"), else its value
    stretched by its qualifier."""
    value = figure.value or 0.0
    if figure.high is not None:
        return value * (1 - share), figure.high * (1 + share)
    qualifier = figure.qualifier or "exact"
    if qualifier == "exact" and _round(value):
        qualifier = "about"  # "$1 trillion" for $1.2 trillion: news rounds large sums
    low, high = RANGES.get(qualifier, (0.0, float("inf")))
    return value * low * (1 - share), value * high * (1 + share)


def _round(value: float) -> bool:
    """A large value of one significant digit ("1 trillion", "500,000"), which news writes
    for a nearby sum."""
    if value < 1000:
        return False
    digits = f"{value:.0f}".rstrip("0")
    return len(digits) == 1


def _same_value(a: Statement, b: Statement, settings: AlignSettings) -> bool:
    if a.value is None or b.value is None:
        return False
    return _same_number(a.value, b.value, settings)


def _same_number(a: float, b: float, settings: AlignSettings) -> bool:
    return abs(a - b) <= settings.same_value_share * max(abs(a), abs(b), 1e-9)


def _opposed(
    a: Statement,
    b: Statement,
    own_a: frozenset[str],
    own_b: frozenset[str],
    settings: AlignSettings,
) -> str:
    """Why one side denies what the other asserts, or "": the same predicate with the same
    actors negated on one side only, a word against its negated form, or an explicit denial
    of what the other reports. Never from different actors or wording alone. `own_a` and
    `own_b` are the two statements' own content words."""
    en = align_words(a.language)
    # One side alone denies: not where both sentences hold the same denial word ("Judge
    # dismisses the complaints" and "court dismisses the lawsuit" tell one dismissal).
    both_deny = _denial_words(a.context, a.language) & _denial_words(b.context, b.language)
    denied = _denied(a) != _denied(b) and not both_deny
    if a.kind == "event":
        same_actors = a.actor is not None and a.actor == b.actor and a.target == b.target
        # and the two sentences telling one thing: "will not meet his deadline" is no denial
        # of "met with the family", nor "declined to call on reporters" of "calls for".
        alike = _cosine(a, b) >= settings.corroborate_cosine
        if denied and a.negated != b.negated and a.trigger == b.trigger and same_actors and alike:
            return f"one side says it did not happen ({_denier(a, b).text})"
        return ""
    if overlap(own_a, own_b) < settings.same_predicate_overlap:  # of the shorter's words
        return ""
    disputes = [s for s in (a, b) if en.DISPUTES.search(s.trigger)]
    if len(disputes) == 1 and denied:
        return f"{disputes[0].source}: it is {disputes[0].trigger} ({disputes[0].text})"
    # A negation contradicts only where the two say the same apart from it: a fragment of a
    # quote ("horse dewormer") inside the other side's negated sentence is no denial of it.
    if len(own_a & own_b) < settings.same_predicate_overlap * max(len(own_a), len(own_b)):
        return ""  # the longer's words
    if a.negated != b.negated and denied:
        return f"asserted on one side, negated on the other ({_denier(a, b).text})"
    for word in own_a:
        for prefix in en.NEGATING_PREFIXES:
            opposite = prefix + word if not word.startswith(prefix) else word[len(prefix) :]
            if opposite in own_b and len(opposite) > 3:
                return f"{word!r} on one side, {opposite!r} on the other"
    return ""


@lru_cache(maxsize=TEXTS_KEPT)
def _denial_words(text: str, language: str) -> frozenset[str]:
    """The denial words of `text`, read once per sentence however many pairs it is in."""
    return frozenset(m.group().lower() for m in align_words(language).DENIAL_WORDS.finditer(text))


def _denied(item: Statement) -> bool:
    """Whether the statement says its thing is not so, by any denial word: in a claim's own
    words, or in the words just before an event's trigger ("rejects the offer" and "declined
    the offer" both deny the offer; "has apologised for - but has not left -" does not deny
    the apology)."""
    en = align_words(item.language)
    if item.kind != "event":
        return bool(en.DENIAL_WORDS.search(f"{item.text} {item.trigger}"))
    before = item.context[: item.start - item.context_start].split()[-en.DENIAL_REACH :]
    return item.negated or bool(en.DENIAL_WORDS.search(" ".join(before)))


def _cosine(a: Statement, b: Statement) -> float:
    """How close in meaning the two sentences are (e5 cosine); their share of common words
    where a sentence has no embedding."""
    if a.vector is None or b.vector is None:
        return jaccard(a.words, b.words)
    return float(np.dot(a.vector, b.vector))


def _denier(a: Statement, b: Statement) -> Statement:
    return a if a.negated else b


def _loaded_apart(a: Statement, b: Statement) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The loaded words of each side's sentence that the other's does not use."""
    return (
        tuple(w for w in a.loaded if w not in b.context.lower()),
        tuple(w for w in b.loaded if w not in a.context.lower()),
    )


def _when(item: Statement) -> str:
    return date.fromordinal(item.day).isoformat() if item.day else "undated"


def _says(item: Statement) -> str:
    """What a side of a contradiction says, "denies: " before a negated one (only there: a
    "not" inside a quote two sides share denies nothing)."""
    return ("denies: " if item.negated else "") + item.text


def _naming(loaded: tuple[str, ...]) -> str:
    return ", ".join(f"'{w}'" for w in loaded) if loaded else "plain words"
