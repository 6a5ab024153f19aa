"""How the sources of one group relate: they corroborate, contradict, report a figure that
evolves, or reframe the same thing; each relation's pairs that connect make one `Alignment`."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from counterpoint.align.similarity import similarity
from counterpoint.align.statements import Statement, align_words, content_words, quantity
from counterpoint.config import AlignSettings
from counterpoint.records import Alignment, Evidence

RELATIONS = ("corroborate", "contradict", "evolves", "reframe", "unique")


@dataclass(frozen=True)
class JudgedPair:
    """Two items of different sources alike enough to judge, `a` reported first, with how `b`'s
    source relates to `a`'s and a note on each side."""

    a: Statement
    b: Statement
    score: float
    note_a: str
    note_b: str


def judge(
    group: str, members: Sequence[Statement], settings: AlignSettings = AlignSettings()
) -> list[Alignment]:
    """The relations between the sources of one group. Groups are joined through links, so
    only pairs that are themselves alike (same kind, from different sources, scoring over the
    threshold) are judged; each relation's pairs that connect make one alignment."""
    pairs = _judged_pairs(members, settings)
    alignments = []
    for relation in RELATIONS:
        for n, component in enumerate(_connected(pairs.get(relation, []))):
            notes: dict[str, tuple[Statement, str]] = {}
            for pair in component:
                notes.setdefault(pair.a.id, (pair.a, pair.note_a))
                notes.setdefault(pair.b.id, (pair.b, pair.note_b))
            items = sorted(notes.values(), key=lambda p: (p[0].published or date.min, p[0].id))
            alignments.append(
                Alignment(
                    id="al-" + hashlib.sha256(f"{group}|{relation}|{n}".encode()).hexdigest()[:12],
                    group=group,
                    kind=kind_of(item for item, _ in items),
                    relation=relation,
                    score=round(sum(p.score for p in component) / len(component), 3),
                    members=tuple(item.id for item, _ in items),
                    evidence=by_sentence([evidence(item, note) for item, note in items]),
                )
            )
    return alignments


def _judged_pairs(
    members: Sequence[Statement], settings: AlignSettings
) -> dict[str, list[JudgedPair]]:
    """The pairs of `members` alike enough to judge, by relation, earlier report first."""
    pairs: dict[str, list[JudgedPair]] = defaultdict(list)
    ordered = sorted(members, key=lambda m: (m.published or date.min, m.id))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.source == b.source or a.kind != b.kind:
                continue
            score = similarity(a, b, settings)
            allowance = settings.in_group_allowance if a.kind == "event" else 0.0
            if score < settings.link_threshold(a.kind) - allowance:
                continue
            relation, note_a, note_b = relate(a, b, settings)
            if relation:
                pairs[relation].append(JudgedPair(a, b, score, note_a, note_b))
    return pairs


def _connected(pairs: list[JudgedPair]) -> list[list[JudgedPair]]:
    """Pairs that share an item, together."""
    home: dict[str, int] = {}
    groups: list[list[JudgedPair]] = []
    for pair in pairs:
        a, b = pair.a.id, pair.b.id
        found = sorted({home[x] for x in (a, b) if x in home})
        if not found:
            groups.append([pair])
            target = len(groups) - 1
        else:
            target = found[0]
            groups[target].append(pair)
            for other in found[1:]:
                groups[target] += groups[other]
                for x in [p.a.id for p in groups[other]] + [p.b.id for p in groups[other]]:
                    home[x] = target
                groups[other] = []
        home[a] = home[b] = target
    return [g for g in groups if g]


def by_sentence(found: list[Evidence]) -> tuple[Evidence, ...]:
    """One piece of evidence per sentence, the notes of its items joined."""
    merged: dict[tuple[str, int], Evidence] = {}
    for e in found:
        key = (e.doc, e.start)
        if key in merged:
            notes = merged[key].note.split("; ")
            if e.note not in notes:
                merged[key] = replace(merged[key], note="; ".join([*notes, e.note]))
        else:
            merged[key] = e
    return tuple(merged.values())


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


def relate(
    a: Statement, b: Statement, settings: AlignSettings = AlignSettings()
) -> tuple[str, str, str]:
    """How the source of `b` relates to that of `a` (`a` reported first), with a note on each
    side; an empty relation when they turn out to speak of different things."""
    if a.kind == "figure":
        return _relate_figures(a, b, settings)
    if _opposed(a, b):
        return "contradict", _says(a), _says(b)
    if a.actor and b.actor and a.target and b.target and (a.actor, a.target) == (b.target, b.actor):
        return "reframe", "casts the roles one way", "casts them the other way"
    if a.kind == "event" and a.actor and b.actor and a.actor not in {b.actor, b.target}:
        return "contradict", "names one actor", "names another"
    if a.stance != b.stance:
        return "reframe", a.stance or "stated plainly", b.stance or "stated plainly"
    if (a.loaded or b.loaded) and set(a.loaded) != set(b.loaded):
        return "reframe", _naming(a), _naming(b)
    return "corroborate", _says(a), _says(b)


def _relate_figures(a: Statement, b: Statement, settings: AlignSettings) -> tuple[str, str, str]:
    """Same value corroborates; a running tally that grows in a later report evolves; other
    differences for the same quantity contradict."""
    if quantity(a) != quantity(b):
        return "", "", ""
    notes = (
        (f"{a.text} ({_when(a)})", f"{b.text} ({_when(b)})")
        if a.value != b.value
        else (a.text, b.text)
    )
    if _same_value(a, b, settings):
        return "corroborate", *notes
    later = (b.day or 0) > (a.day or 0)
    if (
        later
        and align_words(a.language).RUNNING_TALLIES.search(f"{a.trigger} {b.trigger}")
        and (b.value or 0) > (a.value or 0)
    ):
        return "evolves", *notes
    return "contradict", *notes


def _same_value(a: Statement, b: Statement, settings: AlignSettings) -> bool:
    if a.value is None or b.value is None:
        return False
    share = settings.same_value_share
    return abs(a.value - b.value) <= share * max(abs(a.value), abs(b.value), 1e-9)


def _opposed(a: Statement, b: Statement) -> bool:
    """One affirms what the other denies: a negation on one side only, or a word on one side
    whose negated form ("lawful" / "unlawful") is on the other."""
    if a.kind == b.kind == "event":
        return a.negated != b.negated
    en = align_words(a.language)
    if bool(en.NEGATION.search(a.text)) != bool(en.NEGATION.search(b.text)):
        return True
    for word in content_words(a.text, a.language):
        for prefix in en.NEGATING_PREFIXES:
            if prefix + word in b.words or (
                word.startswith(prefix) and word[len(prefix) :] in b.words
            ):
                return True
    return False


def _when(item: Statement) -> str:
    return date.fromordinal(item.day).isoformat() if item.day else "undated"


def _says(item: Statement) -> str:
    return ("denies: " if item.negated else "") + item.text


def _naming(item: Statement) -> str:
    return "names it: " + (", ".join(item.loaded) if item.loaded else item.text)
