"""Statements built by hand from a sentence written for the alignment tests, as the aligner sees
them."""

from __future__ import annotations

from counterpoint.align.statements import Statement


def statement(kind: str, doc: str, source: str, context: str, **details: object) -> Statement:
    """A statement of `kind` whose sentence (the first of `doc`) is `context`."""
    return Statement(
        id=f"{kind}:{doc}:0-5",
        kind=kind,
        doc=doc,
        sentence=0,
        start=0,
        end=5,
        text=context[:5],
        context=context,
        context_start=0,
        source=source,
        **details,  # type: ignore[arg-type]
    )
