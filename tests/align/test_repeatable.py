"""Two runs over the same articles link the same items: where two items of another document are
equally close, the link goes to the first by id, whatever order the candidates come in."""

from __future__ import annotations

from dataclasses import replace

from written_statements import statement

from counterpoint.align.similarity import similarity
from counterpoint.align.stage import _links
from counterpoint.config import AlignSettings


def test_of_two_equally_close_items_of_one_document_the_first_by_id_is_linked() -> None:
    settings = AlignSettings(vectors=False)
    new = statement("event", "d1", "A", "Police killed nine miners in Tallis.", trigger="kill")
    twin = statement("event", "d2", "B", "Police killed nine miners in Tallis.", trigger="kill")
    first, second = twin, replace(twin, id="event:d2:40-45", start=40, end=45)
    assert similarity(new, first, settings) == similarity(new, second, settings)
    pool = {s.id: s for s in (new, first, second)}
    for order in ([first.id, second.id], [second.id, first.id]):
        links = _links([new], {new.id: order}, pool, settings)  # type: ignore[dict-item]
        assert [(link.a, link.b) for link in links] == [(new.id, first.id)]
