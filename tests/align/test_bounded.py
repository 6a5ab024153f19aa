"""Bounded work per document: a pathological text (hundreds of kilobytes of words without a
full stop) is analyzed in part within a time bound, says so, and does not slow down the
alignment of the articles that come after it."""

from __future__ import annotations

import random
import time
from pathlib import Path

import counterpoint
from counterpoint.align.stage import _inner_links, candidates
from counterpoint.align.statements import Statement, item_id
from counterpoint.config import AlignSettings, Settings
from counterpoint.store import Store
from counterpoint.store.alignment import FiledKey, file_under_keys, unaligned_documents

from conftest import ARTICLE, write

WORDS = (
    "the minister said police arrested protesters in Larkspur after Tomas Brenner claimed "
    "that the Harbour Authority raised wages while the mayor Ida Voss told reporters"
).split()


def words_without_punctuation(size: int) -> str:
    rng = random.Random(0)
    out: list[str] = []
    length = 0
    while length < size:
        out.append(rng.choice(WORDS))
        length += len(out[-1]) + 1
    return " ".join(out)


def test_a_text_without_full_stops_is_aligned_in_part_and_later_articles_stay_quick(
    tmp_path: Path,
) -> None:
    # Caps lower than the defaults (far above real articles) keep the test short; the work is
    # bounded by them the same way.
    settings = Settings(align=AlignSettings(max_items=300, vector_span=10_000))
    db = tmp_path / "store.duckdb"
    flood = write(tmp_path, "flood.txt", words_without_punctuation(150_000))
    started = time.process_time()
    result = counterpoint.analyze([flood], db=db, settings=settings)
    assert time.process_time() - started < 60
    assert len(result.added) == 1
    warning = " ".join(result.warnings)
    assert "flood.txt" in warning
    assert "only its first 300 items are aligned" in warning
    assert "first 10000 characters" in warning

    article = write(tmp_path, "harbour.txt", ARTICLE)
    started = time.process_time()
    result = counterpoint.analyze([article], db=db, settings=settings)
    assert time.process_time() - started < 15
    assert result.warnings == []
    with Store(db, read_only=True) as store:
        assert unaligned_documents(store) == []
        assert store.con.execute("SELECT count(*) FROM aligned").fetchone() == (2,)


def claim(doc: str, start: int, end: int, n: int, kind: str = "claim") -> Statement:
    return Statement(
        id=item_id(kind, doc, start, end),
        kind=kind,
        doc=doc,
        sentence=n,
        start=start,
        end=end,
        text="it rained",
        context="it rained",
        context_start=start,
        source=doc,
        day=738000,
        trigger="said",
    )


def test_the_items_of_one_long_document_are_looked_up_once_per_key(tmp_path: Path) -> None:
    """20,000 claims of one document filed under one key, and 100 of another: each claim's
    candidates are the other document's, found without going through the long list for each
    (which took minutes)."""
    long_doc = [claim("long", 10 * n, 10 * n + 5, n) for n in range(20_000)]
    other = [claim("other", 10 * n, 10 * n + 5, n) for n in range(100)]
    keys = {s.id: ["claim|said|2021-08"] for s in long_doc}
    with Store(tmp_path / "keys.duckdb") as store:
        file_under_keys(store, [FiledKey("claim|said|2021-08", s.id, s.day) for s in long_doc])
        file_under_keys(store, [FiledKey("claim|said|2021-08", s.id, s.day) for s in other])
        started = time.process_time()
        found = candidates(store, long_doc, keys, AlignSettings())
        assert time.process_time() - started < 10
    assert all(near == {s.id for s in other} for near in found.values())


def test_the_events_inside_the_claims_of_a_long_document_are_found_by_position() -> None:
    """A claim is linked to the events inside it: 20,000 claims and 20,000 events of one
    document are matched in well under the minutes a pass over all pairs took."""
    items = []
    for n in range(20_000):
        items.append(claim("long", 100 * n, 100 * n + 50, n))
        items.append(claim("long", 100 * n + 10, 100 * n + 20, n, kind="event"))
    started = time.process_time()
    links = _inner_links(items)
    assert time.process_time() - started < 5
    assert len(links) == 20_000
    assert all(link.a.startswith("claim:") and link.b.startswith("event:") for link in links)


def test_a_document_over_the_annotation_cap_is_read_in_its_first_part_and_says_so(
    tmp_path: Path,
) -> None:
    settings = Settings(max_annotated_chars=5_000)
    long_text = "\n\n".join([ARTICLE] * 80)
    assert len(long_text) > 20_000
    report = write(tmp_path, "report.txt", long_text)
    result = counterpoint.analyze([report], db=tmp_path / "store.duckdb", settings=settings)
    warning = " ".join(result.warnings)
    assert "report.txt" in warning and "annotated in its first" in warning
    with Store(tmp_path / "store.duckdb", read_only=True) as store:
        stored = store.con.execute("SELECT length(text) FROM documents").fetchone()
        last_sentence_end = store.con.execute('SELECT max("end") FROM sentences').fetchone()
        mentions = store.con.execute('SELECT count(*), max("end") FROM mentions').fetchone()
    assert stored is not None and stored[0] >= len(long_text.strip()) - 10  # all of it is kept
    assert last_sentence_end is not None and last_sentence_end[0] <= 5_000
    assert mentions is not None and mentions[0] > 0 and mentions[1] <= 5_000
