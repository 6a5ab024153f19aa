"""Mentions built by hand for the resolver's tests, and the groups the resolver makes of them."""

from __future__ import annotations

from collections.abc import Mapping

from counterpoint.records import Mention
from counterpoint.resolve.resolver import resolve_entities


def mentions(*items: tuple[str, str, str]) -> list[Mention]:
    """(doc, text, label) triples as mentions, each in its own sentence."""
    return [
        Mention(doc=doc, index=i, sentence=i, start=0, end=len(text), text=text, label=label)
        for i, (doc, text, label) in enumerate(items)
    ]


def groups(items: list[Mention], texts: Mapping[str, str] | None = None) -> list[set[str]]:
    """The written forms of each entity's mentions (`texts`: the documents around them)."""
    entities = resolve_entities(items, texts)
    return sorted(({m.text for m in e.mentions} for e in entities), key=sorted)
