"""The stance features a short written sentence gives toward one of its names, as the framing
reader computes them from the parse, for the framing tests."""

from __future__ import annotations

from spacy.language import Language

from counterpoint.align.framing import stance_features
from counterpoint.records import Token


def features_toward(
    nlp: Language, text: str, target: str, quoted: bool = False
) -> dict[str, float]:
    """The stance features of `text` toward the words `target`, quotations muted when
    `quoted`."""
    sdoc = nlp(text)
    tokens = [
        Token("d", t.i, 0, t.idx, t.idx + len(t.text), t.lemma_, t.pos_, t.dep_, t.head.i)
        for t in sdoc
    ]
    start = text.index(target)
    span = {t.index for t in tokens if start <= t.start < start + len(target)}
    quotes = [(c.start, c.end) for c in sdoc._.claims if c.kind == "quote"] if quoted else []
    return stance_features(text, 0, tokens, span, quotes)
