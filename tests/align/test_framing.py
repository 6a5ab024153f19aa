"""Framing: how each source labels, judges and gives room to each actor, and the loaded words
stored with each document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from stance_reading import features_toward

import counterpoint
from counterpoint.align.framing import actor_coverage, frame_actors, source_wording
from counterpoint.records import ActorFraming
from counterpoint.store import Store

from conftest import write

# Three outlets on one invented story: one hostile to Maduro, one praising him and silent on
# Guaido, one a plain wire report.
ARTICLES = [
    {
        "outlet": "Daily Sentinel",
        "title": "Regime crushes protest",
        "text": "The socialist Maduro's regime crushed the protest in Caracas on Monday. "
        "Maduro, a dictator, has ruled Venezuela for a decade. The brutal regime of Maduro "
        "jailed hundreds of opposition activists. Juan Guaido called for new elections.",
    },
    {
        "outlet": "People's Voice",
        "title": "Maduro greets supporters",
        "text": "The democratically elected Maduro welcomed thousands of supporters in Caracas "
        "on Monday. President Nicolas Maduro praised the peaceful, joyful crowd and promised "
        "better wages. Maduro's government opened new hospitals.",
    },
    {
        "outlet": "Wire",
        "title": "Rates cut",
        "text": "Venezuelan President Nicolas Maduro said on Tuesday that the central bank "
        "would cut interest rates by half a point. Opposition leader Juan Guaido said he would "
        "hold a rally on Saturday. Guaido spoke in Caracas.",
    },
]


def analyzed(folder: Path, articles: list[dict[str, str]]) -> Path:
    """A store of `articles` (JSON Lines records), analyzed in `folder`."""
    write(folder / "in", "news.jsonl", "\n".join(json.dumps(a) for a in articles))
    db = folder / "news.duckdb"
    counterpoint.analyze([folder / "in"], db=db)
    return db


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with Store(analyzed(tmp_path_factory.mktemp("framing"), ARTICLES), read_only=True) as opened:
        yield opened


def framing(framings: list[ActorFraming], source: str, name: str) -> ActorFraming:
    return next(f for f in framings if f.source == source and name in f.name)


def test_every_analyzed_document_stores_its_loaded_words_at_their_place(store: Store) -> None:
    rows = store.rows(
        'SELECT w.*, d.text AS doc_text, s.start AS s_start, s."end" AS s_end '
        "FROM loaded_words w JOIN documents d ON d.id = w.doc "
        'JOIN sentences s ON s.doc = w.doc AND s."index" = w.sentence'
    )
    # "regime" is not among them: BABE's experts marked it in none of the 13 sentences using it
    assert {r["text"] for r in rows} >= {"crushed", "dictator", "brutal"}
    for row in rows:
        assert row["doc_text"][row["start"] : row["end"]] == row["text"]
        assert row["s_start"] <= row["start"] < row["end"] <= row["s_end"]


def test_every_sentence_is_judged_for_loaded_language_once(store: Store) -> None:
    judged = store.rows(
        "SELECT l.doc, l.sentence, l.bias FROM loaded_sentences l "
        'JOIN sentences s ON s.doc = l.doc AND s."index" = l.sentence'
    )
    assert len(judged) == store.counts()["sentences"]
    assert all(0 <= row["bias"] <= 1 for row in judged)


def test_a_hostile_source_reads_as_more_loaded_than_a_wire_report(store: Store) -> None:
    wording = {w.source: w for w in source_wording(store)}
    hostile, wire = wording["Daily Sentinel"], wording["Wire"]
    assert (hostile.sentences, wire.sentences) == (4, 3)
    assert hostile.loaded >= 2 and wire.loaded == 0
    assert {"crushed", "brutal"} <= set(hostile.words) and wire.words == ()
    example = hostile.examples[0]
    assert example.text in ARTICLES[0]["text"]
    assert example.doc in {row["id"] for row in store.rows("SELECT id FROM documents")}


def test_stance_toward_an_actor_is_hostile_in_one_source_and_favourable_in_another(
    store: Store,
) -> None:
    framings = frame_actors(store)
    assert framing(framings, "Daily Sentinel", "Maduro").stance < -0.2
    assert framing(framings, "People's Voice", "Maduro").stance > 0.2
    assert -1 <= min(f.stance for f in framings) <= max(f.stance for f in framings) <= 1


def test_each_source_gives_an_actor_its_own_labels(store: Store) -> None:
    framings = frame_actors(store, ["Daily Sentinel", "People's Voice", "Wire"])
    hostile = framing(framings, "Daily Sentinel", "Maduro")
    assert {"socialist", "regime", "dictator"} <= set(hostile.labels)
    # Loaded words shown are those experts would more likely mark than not: "brutal" (0.78),
    # not "dictator" (0.43), a label all the same.
    assert "brutal" in hostile.loaded and "dictator" not in hostile.loaded
    friendly = framing(framings, "People's Voice", "Maduro")
    assert "democratically elected" in friendly.labels
    assert "government" not in friendly.labels  # what any leader has: no label alone
    assert not {"regime", "dictator"} & set(friendly.labels)
    # A title is a role, not a label; a plain report gives none.
    assert framing(framings, "Wire", "Maduro").labels == ()
    assert framing(framings, "Wire", "Guaido").labels == ()


def test_mentions_and_shares_are_counted_per_source(store: Store) -> None:
    framings = frame_actors(store, ["People's Voice"])
    assert {f.source for f in framings} == {"People's Voice"}
    maduro = framing(framings, "People's Voice", "Maduro")
    assert maduro.mentions == 3
    assert maduro == framings[0]  # the most mentioned first
    assert sum(f.share for f in framings) == pytest.approx(1.0, abs=0.01)


def test_coverage_lists_the_actor_a_source_leaves_out(store: Store) -> None:
    coverage = actor_coverage(store)
    assert set(coverage) == {"Daily Sentinel", "People's Voice", "Wire"}
    friendly = coverage["People's Voice"]
    assert "Maduro" in friendly.centre[0].name
    left_out = {p.name: p for p in friendly.left_out}
    assert "Juan Guaido" in left_out
    assert left_out["Juan Guaido"].mentions == 0 and left_out["Juan Guaido"].elsewhere > 0
    assert not any("Maduro" in p.name for p in friendly.left_out)
    assert all("Guaido" not in p.name for p in coverage["Wire"].left_out)


# --- stance toward a target, on single sentences --------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    from counterpoint.config import Settings
    from counterpoint.nlp.annotate import load_pipeline

    return load_pipeline(Settings().spacy_model)


def stance_toward(nlp, text: str, target: str, quoted: bool = False) -> float:
    """The stance `text` takes toward the words `target`, quotations muted when `quoted`."""
    from counterpoint.align.framing import target_stance

    return target_stance(features_toward(nlp, text, target, quoted))


def test_two_actors_of_one_sentence_get_opposite_stances(nlp) -> None:
    text = "Valdoria's president praised the judge and condemned the general."
    assert stance_toward(nlp, text, "the judge") > 0.1
    assert stance_toward(nlp, text, "the general") < -0.1
    swapped = "Valdoria's president condemned the judge and praised the general."
    assert stance_toward(nlp, swapped, "the judge") < stance_toward(nlp, text, "the judge")


def test_quoted_words_are_the_speakers_not_the_writers(nlp) -> None:
    said = '"Tomas Ardent is a corrupt and brutal liar who ruined us," the farmer said.'
    muted = stance_toward(nlp, said, "Tomas Ardent", quoted=True)
    assert muted > stance_toward(nlp, said, "Tomas Ardent") + 0.1
    assert abs(muted) < 0.25
    written = "Tomas Ardent is a corrupt and brutal liar who ruined the farmers."
    assert stance_toward(nlp, written, "Tomas Ardent", quoted=True) < -0.3


def test_labels_read_predicates_and_hyphenated_words_and_put_a_sources_own_first(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("labels")
    articles = [
        {
            "outlet": "North Ledger",
            "title": "Brenner speaks",
            "text": "Tomas Brenner is a populist. The left-leaning Tomas Brenner spoke in "
            "Larkspur on Monday. Tomas Brenner, a socialist, promised higher wages.",
        },
        {
            "outlet": "South Courier",
            "title": "Brenner visits port",
            "text": "Tomas Brenner, a reformer, visited the port of Larkspur on Monday. Tomas "
            "Brenner is a populist, critics said.",
        },
        {
            "outlet": "North Ledger",
            "title": "Cup final ends in a draw",
            "published": "2024-09-30",
            "text": "The cup final between Ferrow United and Oldmere ended goalless before "
            "40,000 fans. Tomas Brenner watched the match from the stands.",
        },
    ]
    with Store(analyzed(folder, articles), read_only=True) as store:
        framings = frame_actors(store, ["North Ledger", "South Courier"])
    north = framing(framings, "North Ledger", "Brenner")
    assert {"populist", "left-leaning", "socialist"} <= set(north.labels)
    assert "leaning" not in north.labels
    # what only this source calls him comes before what both do
    assert north.labels.index("socialist") < north.labels.index("populist")
    south = framing(framings, "South Courier", "Brenner")
    assert south.labels[0] == "reformer" and "populist" in south.labels
    # an outlet's framing pools its stories, and says how many
    assert (north.stories, south.stories) == (2, 1)


def test_a_people_is_framed_and_counted_with_its_state(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """A people ("Chinese") listed beside its state ("China") splits one actor's framing."""
    folder = tmp_path_factory.mktemp("peoples")
    articles = [
        {
            "outlet": "Harbour Post",
            "title": "Trade deal signed",
            "text": "Venezuela signed a trade deal with its neighbours on Monday. Venezuelans "
            "celebrated in the streets of Caracas. Many Venezuelans said prices would fall.",
        }
    ]
    with Store(analyzed(folder, articles), read_only=True) as store:
        framings = frame_actors(store)
        coverage = actor_coverage(store)
    names = [f.name for f in framings]
    assert "Venezuela" in names and not any("Venezuelan" in n for n in names)
    assert framing(framings, "Harbour Post", "Venezuela").mentions >= 3
    top = coverage["Harbour Post"].centre[0]
    venezuela = framing(framings, "Harbour Post", "Venezuela")
    assert (top.name, top.mentions) == ("Venezuela", venezuela.mentions)


def test_two_sources_giving_an_actor_one_same_label_make_a_report(tmp_path: Path) -> None:
    """The only label anyone gave the actor, in both sources, had divided by zero and stopped
    the report (seen on 40 real same-story roundups)."""
    same = [
        {"outlet": outlet, "title": "Port strike", "text": text}
        for outlet, text in [
            ("Morning Ledger", "The socialist Ida Voss led the port strike in Larkspur."),
            ("Evening Courier", "Dockers cheered as the socialist Ida Voss led the strike."),
        ]
    ]
    with Store(analyzed(tmp_path, same), read_only=True) as opened:
        framings = frame_actors(opened, ["Morning Ledger", "Evening Courier"])
    assert [f.labels for f in framings if "Voss" in f.name] == [("socialist",), ("socialist",)]
