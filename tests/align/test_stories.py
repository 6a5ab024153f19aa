"""Stories: documents grouped into one event or developing story across outlets and days, as
they arrive; with the real embeddings (a few sentences embed in well under a second)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from counterpoint.align.stories import (
    Placed,
    StoryDocument,
    assign_stories,
    story_id,
    story_title,
    story_vector_text,
    with_vectors,
)
from counterpoint.config import StorySettings

DAY = dt.date(2024, 3, 11)

# Invented reports: a dam failure in Velmora reported by three outlets over three days, a
# commentary on it weeks later, a city budget vote, a football transfer and a chip factory.
TEXTS = {
    "dam-wire": (
        "Dam bursts above Velmora, thousands flee rising water",
        "The Korsa dam above the town of Velmora gave way early on Monday, sending a wall of "
        "water through the valley. Rescue teams evacuated more than 4,000 residents and at "
        "least twelve people are missing, the regional governor Ana Petrescu said.",
        DAY,
    ),
    "dam-daily": (
        "Velmora flood: missing rise to 19 as Korsa dam inquiry opens",
        "Rescuers in Velmora searched flooded streets for a second day after the Korsa dam "
        "collapse. Governor Ana Petrescu said 19 people were missing and ordered an inquiry "
        "into why warnings about cracks in the dam were ignored.",
        DAY + dt.timedelta(days=1),
    ),
    "dam-weekly": (
        "Who let the Korsa dam fail? Velmora asks after the flood",
        "Three days after the Korsa dam broke and flooded Velmora, engineers say cracks were "
        "reported two years ago. Governor Ana Petrescu promised to publish the inspection "
        "reports as the search for the missing continued.",
        DAY + dt.timedelta(days=3),
    ),
    "dam-comment": (
        "The Korsa dam disaster was a failure of government",
        "A month after the Korsa dam gave way and drowned half of Velmora, the inquiry has "
        "found that warnings about cracks in the dam were ignored for years. Governor Ana "
        "Petrescu must answer for the dead and the missing.",
        DAY + dt.timedelta(days=30),
    ),
    "budget": (
        "City council passes budget with cuts to bus routes",
        "The Lindberg city council approved next year's budget on Tuesday by a vote of seven "
        "to four. The plan trims eleven bus routes and raises parking fees, while funding "
        "for libraries stays flat.",
        DAY + dt.timedelta(days=1),
    ),
    "transfer": (
        "Striker Tomas Rell signs for Arden United in record deal",
        "Arden United have signed the striker Tomas Rell from Casterby for a club record fee. "
        "The 24-year-old scored 31 goals last season and agreed a five-year contract, the "
        "club said on Monday.",
        DAY,
    ),
    "chips": (
        "Halden Semiconductors to build chip plant near Orvik",
        "Halden Semiconductors will build a chip factory near Orvik that will employ 1,200 "
        "people, the company said. Production of memory chips is due to start in 2027.",
        DAY + dt.timedelta(days=2),
    ),
}


KEEP = object()  # a document's own date


def doc(key: str, published: object = KEEP) -> StoryDocument:
    """The invented document `key`, with its own date unless another (or None) is given."""
    title, text, day = TEXTS[key]
    when = day if published is KEEP else published
    assert when is None or isinstance(when, dt.date)
    return StoryDocument(key, title, text, when)


@pytest.fixture(scope="module")
def vectors() -> dict[str, np.ndarray]:
    """Each text's vector, embedded once for the module."""
    embedded = with_vectors([doc(key) for key in TEXTS])
    return {d.id: d.vector for d in embedded if d.vector is not None}


def vdoc(vectors: dict[str, np.ndarray], key: str, published: object = KEEP) -> StoryDocument:
    """`doc` with its vector embedded already."""
    base = doc(key, published)
    return StoryDocument(base.id, base.title, base.text, base.published, vectors[key])


def test_reports_of_one_event_join_and_unrelated_ones_start_their_own(vectors):
    keys = ["dam-wire", "transfer", "dam-daily", "budget", "dam-weekly", "chips"]
    stories = dict(zip(keys, assign_stories([], [vdoc(vectors, k) for k in keys]), strict=True))
    assert stories["dam-wire"] == stories["dam-daily"] == stories["dam-weekly"]
    others = {stories["transfer"], stories["budget"], stories["chips"]}
    assert len(others) == 3 and stories["dam-wire"] not in others


def test_story_ids_are_stable_and_come_from_the_first_document(vectors):
    new = [vdoc(vectors, k) for k in ("transfer", "dam-daily", "dam-wire", "budget")]
    first = assign_stories([], new)
    assert first == assign_stories([], new)
    assert first[0] == story_id("transfer")
    assert first[1] == first[2] == story_id("dam-daily")  # the earliest arrival, not date
    assert story_id("dam-daily").startswith("st-") and len(story_id("dam-daily")) == 15


def test_later_documents_join_placed_stories_without_moving_them(vectors):
    earlier = [vdoc(vectors, k) for k in ("dam-wire", "transfer", "budget")]
    placed = [Placed(d, s) for d, s in zip(earlier, assign_stories([], earlier), strict=True)]
    before = [p.story for p in placed]
    later = assign_stories(placed, [vdoc(vectors, "dam-weekly"), vdoc(vectors, "chips")])
    assert later[0] == placed[0].story
    assert later[1] not in before
    assert [p.story for p in placed] == before


def test_a_commentary_weeks_later_still_joins(vectors):
    keys = ["dam-wire", "dam-daily", "transfer", "budget", "dam-comment"]
    stories = assign_stories([], [vdoc(vectors, k) for k in keys])
    assert stories[4] == stories[0]


def test_an_undated_document_still_joins(vectors):
    earlier = [vdoc(vectors, k) for k in ("dam-wire", "transfer", "budget", "chips")]
    placed = [Placed(d, s) for d, s in zip(earlier, assign_stories([], earlier), strict=True)]
    (story,) = assign_stories(placed, [vdoc(vectors, "dam-daily", None)])
    assert story == placed[0].story
    (alone,) = assign_stories(placed[:3], [vdoc(vectors, "chips", None)])
    assert alone == story_id("chips")


def test_two_new_documents_of_one_batch_join_each_other(vectors):
    earlier = [vdoc(vectors, k) for k in ("transfer", "budget")]
    placed = [Placed(d, s) for d, s in zip(earlier, assign_stories([], earlier), strict=True)]
    stories = assign_stories(
        placed, [vdoc(vectors, "dam-wire"), vdoc(vectors, "chips"), vdoc(vectors, "dam-daily")]
    )
    assert stories[0] == stories[2] == story_id("dam-wire")
    assert stories[1] == story_id("chips")


def test_vectors_are_computed_when_missing():
    stories = assign_stories([], [doc("dam-wire"), doc("budget"), doc("dam-daily")])
    assert stories[0] == stories[2] != stories[1]
    (embedded,) = with_vectors([doc("chips")])
    assert embedded.vector is not None
    assert abs(float(np.linalg.norm(embedded.vector)) - 1) < 1e-4


def test_words_alone_group_without_embeddings():
    # Word weights come from the documents of the call: seven of them, four on the dam, weigh
    # "dam" and "Velmora" little, so the threshold (tuned on a thousand titles) is lowered.
    settings = StorySettings(vectors=False, words_threshold=0.05)
    stories = dict(zip(TEXTS, assign_stories([], [doc(k) for k in TEXTS], settings), strict=True))
    dam = {stories[k] for k in TEXTS if k.startswith("dam-")}
    assert dam == {story_id("dam-wire")}
    assert len({stories["budget"], stories["transfer"], stories["chips"]} - dam) == 3


def test_a_story_is_titled_by_its_most_central_document(vectors):
    members = [vdoc(vectors, k) for k in ("dam-wire", "dam-daily", "dam-weekly", "dam-comment")]
    assert story_title(members) in {d.title for d in members}
    plain = [doc("dam-weekly"), doc("dam-daily"), doc("dam-wire")]
    assert story_title(plain) == TEXTS["dam-wire"][0]  # the earliest, without vectors
    assert story_title([StoryDocument("x", None, "text", None)]) is None


def test_what_is_embedded_is_the_title_and_the_start_of_the_text():
    text = story_vector_text("Title", "word " * 500, StorySettings(vector_chars=100))
    assert text.startswith("Title\n") and len(text) <= len("Title\n") + 100
    assert assign_stories([], []) == []


def test_documents_beyond_the_window_are_not_compared(vectors):
    earlier = [vdoc(vectors, k) for k in ("dam-wire", "dam-daily", "transfer")]
    placed = [Placed(d, s) for d, s in zip(earlier, assign_stories([], earlier), strict=True)]
    far = DAY + dt.timedelta(days=StorySettings().window_days + 30)
    (story,) = assign_stories(placed, [vdoc(vectors, "dam-comment", far)])
    assert story == story_id("dam-comment")
