"""What a long run keeps between its parts is bounded, whatever the number of texts it reads
(issue 15, item 4: memory flat in the number of articles): the words the align and story stages
keep, and the pages DuckDB's queries freed; reading a text again gives the same words."""

from collections import Counter
from pathlib import Path

import pytest

from counterpoint.align import judge, stories
from counterpoint.align.statements import TEXTS_KEPT, content_words
from counterpoint.align.stories import story_terms
from counterpoint.store import Store


def test_story_terms_are_the_same_when_read_again() -> None:
    title = "Harbour strike enters its third week"
    text = "Dock workers in Port Aurel's harbour said on Monday the strike's end was not near."
    first = story_terms(title, text)
    assert first == story_terms(title, text)
    assert first == Counter(
        ["harbour", "strike", "enters", "its", "third", "week", "dock", "workers", "port"]
        + ["aurel", "harbour", "said", "monday", "the", "strike", "end", "was", "not", "near"]
    )


def test_story_terms_keep_a_bounded_number_of_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "TERMS_KEPT", 5)
    monkeypatch.setattr(stories, "_kept_terms", {})
    for n in range(40):
        story_terms(f"Report number {n}", f"The council met {n} times about the bridge {n}.")
    assert len(stories._kept_terms) == 5
    # the documents read last are the ones kept
    assert story_terms("Report number 39", "The council met 39 times about the bridge 39.")
    assert len(stories._kept_terms) == 5


def test_documents_read_apart_share_their_words() -> None:
    """A kept document holds its words' places, not copies of the words."""
    a = story_terms("Mayor opens the bridge", "The mayor of Port Aurel opened the bridge.")
    b = story_terms("Bridge closed again", "Engineers closed the bridge on Friday.")
    bridge_a = next(w for w in a if w == "bridge")
    bridge_b = next(w for w in b if w == "bridge")
    assert bridge_a is bridge_b


def test_content_words_share_their_words_and_are_bounded() -> None:
    a = content_words("The ministry denied the report on Tuesday.", "en")
    b = content_words("A spokesman said the report was wrong.", "en")
    assert "report" in a and "report" in b
    assert next(w for w in a if w == "report") is next(w for w in b if w == "report")
    assert content_words.cache_info().maxsize == TEXTS_KEPT
    assert judge._denial_words.cache_info().maxsize == TEXTS_KEPT


def test_the_store_gives_back_duckdb_memory_in_the_background(tmp_path: Path) -> None:
    """Pages DuckDB's queries freed are given back by its allocator's background thread, not
    kept resident until a later query reuses them."""
    with Store(tmp_path / "s.duckdb") as store:
        setting = store.con.execute(
            "SELECT current_setting('allocator_background_threads')"
        ).fetchone()
    assert setting == (True,)
