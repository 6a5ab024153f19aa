"""Stories: documents grouped into one event or developing story, across outlets and days, as
they arrive.

Each new document joins the story it is closest to, or starts one; a story never splits and a
document never moves, so what a reader saw yesterday still holds today. Closeness is measured by
three signals:

- the multilingual-e5-small cosine of the title and the start of the text (`story_vector_text`),
  made relative to how crowded the document's neighbourhood is. e5 packs news reports tightly
  (on the AllSides roundups, reports of different stories within a week: median cosine 0.79,
  1 pair in 100 above 0.89; of one story: median 0.92, 1 in 10 below 0.86), and how tightly
  depends on the topic, so one cutoff merges a busy topic's stories and splits a quiet one's.
  As in CSLS (Conneau et al. 2018), a pair's cosine is measured against the mean of the two
  documents' densities: each one's mean cosine to its `density_k` nearest neighbours dated
  within `density_days`, among all the documents of the call (placed and new, so a batch
  informs its own members), neighbours missing counted at `density_prior`. A document thus
  joins a story whose members are about as close to it as its nearest neighbours are;
- word overlap, a TF-IDF cosine whose weights come from the documents of the call themselves
  (names and rare words weigh most; no word list);
- the date: documents more than `near_days` apart pay a small penalty per day, capped at
  `max_day_penalty`, so that a strong content match (a commentary weeks later) still joins.

A document's score for a story is the mean of its `link_members` best scores against the
story's members dated within `window_days` (an undated document is compared with every placed
one, and any pair with an undated side pays `undated_penalty`); it joins the best story scoring
`threshold` or more.

The defaults were chosen on two thirds of the AllSides same-story roundups of 2021 and checked
on the rest (`bench/stories_roundups.py`), except `max_day_penalty` and `window_days`, set a
little looser than the best there (0.1 and 60 days) so that a commentary weeks or months later
can still join: that gold splits a developing story into one story per day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from counterpoint.config import StorySettings

STORY_PREFIX = "st-"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True, eq=False)
class StoryDocument:
    """What the grouping sees of a document. `vector`: the unit-length e5 embedding of
    `story_vector_text(title, text)`, computed when missing (`with_vectors`). Compared by
    identity (the vector is an array)."""

    id: str
    title: str | None
    text: str
    published: dt.date | None
    vector: np.ndarray | None = None


@dataclass(frozen=True, eq=False)
class Placed:
    """A document already in a story."""

    document: StoryDocument
    story: str


def story_vector_text(
    title: str | None, text: str, settings: StorySettings = StorySettings()
) -> str:
    """What is embedded for a document: its title and the start of its text, which say what
    the story is; the rest of an article adds cost (about 1 s per 7,000 characters) and drift."""
    head = (title or "").strip()[: settings.title_chars]
    body = " ".join(text[: settings.vector_chars].split())
    return f"{head}\n{body}" if head else body


def with_vectors(
    documents: Sequence[StoryDocument], settings: StorySettings = StorySettings()
) -> list[StoryDocument]:
    """The documents, each with its vector; those missing are embedded in one call, so that a
    caller can keep them and never embed a document twice. Without `settings.vectors` (words
    only), nothing is embedded: the documents come back as they are."""
    out = list(documents)
    missing = [i for i, d in enumerate(out) if d.vector is None] if settings.vectors else []
    if missing:
        from counterpoint.align.embeddings import embed

        texts = [story_vector_text(out[i].title, out[i].text, settings) for i in missing]
        for i, vector in zip(missing, embed(texts), strict=True):
            out[i] = replace(out[i], vector=vector)
    return out


def story_id(first_document: str) -> str:
    """A story's id, from the id of its first document: stable across runs and machines."""
    return STORY_PREFIX + hashlib.sha256(first_document.encode("utf-8")).hexdigest()[:12]


def assign_stories(
    placed: Sequence[Placed],
    new: Sequence[StoryDocument],
    settings: StorySettings = StorySettings(),
) -> list[str]:
    """The story of each new document, in arrival order: a placed story, one started by an
    earlier document of `new`, or a new one (`story_id` of the document). Placed documents keep
    their stories. Pass the placed documents dated within `window_days` (plus `density_days`)
    of the new ones: farther ones are never compared, and word weights come from all of them.

    Cost: reading the call's documents is linear in their number; then each new document
    costs in proportion to the documents dated within the window (all of them for an undated
    one), not to the whole collection."""
    if not new:
        return []
    docs = [p.document for p in placed] + list(new)
    if settings.vectors:
        docs = with_vectors(docs, settings)
    grouping = _Grouping(docs, settings)
    for i, p in enumerate(placed):
        grouping.place(i, p.story)
    stories: list[str] = []
    for i in range(len(placed), len(docs)):
        story = grouping.best_story(i) or story_id(docs[i].id)
        grouping.place(i, story)
        stories.append(story)
    return stories


def story_title(documents: Sequence[StoryDocument]) -> str | None:
    """A story's title: that of its most central document (nearest the mean of the vectors),
    which names what most reports share; without vectors, the earliest titled document's."""
    titled = [d for d in documents if d.title and d.title.strip()]
    if not titled:
        return None
    with_vector = [d for d in titled if d.vector is not None]
    if with_vector:
        matrix = np.stack([np.asarray(d.vector, dtype=np.float32) for d in with_vector])
        centrality = matrix @ matrix.mean(axis=0)
        best = max(range(len(with_vector)), key=lambda i: (round(float(centrality[i]), 6), -i))
        return (with_vector[best].title or "").strip()
    earliest = min(
        range(len(titled)),
        key=lambda i: (titled[i].published is None, titled[i].published or dt.date.min, i),
    )
    return (titled[earliest].title or "").strip()


def story_terms(
    title: str | None, text: str, settings: StorySettings = StorySettings()
) -> Counter[str]:
    """The words compared between documents: the title's and those of the start of the text,
    lower-cased, possessives cut, three letters or more."""
    return Counter(_terms((title or "")[: settings.title_chars], text[: settings.term_chars]))


# The words of the documents read last, kept between calls (`_terms`): a placed document passed
# again in a later call is not read again. Kept under a digest of the text read, as interned
# words, so that a kept document costs about 3 KB (its words' places) rather than about 20 (its
# text and its own copy of every word): a long run's memory does not keep every text it read.
TERMS_KEPT = 16384
_kept_terms: dict[bytes, tuple[str, ...]] = {}


def _terms(title: str, text: str) -> tuple[str, ...]:
    """The words of `title` and `text`; those of the last `TERMS_KEPT` documents read are kept
    (the one read first is let go first)."""
    read = f"{title}\n{text}"
    key = hashlib.blake2b(read.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    found = _kept_terms.get(key)
    if found is None:
        read_words = _WORD.findall(read.replace("’", "'").lower())
        words = (w[:-2] if w.endswith("'s") else w for w in read_words)
        found = tuple(sys.intern(w) for w in words if len(w) >= 3)
        while len(_kept_terms) >= TERMS_KEPT:
            _kept_terms.pop(next(iter(_kept_terms)), None)
        _kept_terms[key] = found
    return found


class _Grouping:
    """The documents of one call (placed ones first), sorted by date so that a time window is
    a slice: dated rows first in date order, undated rows after them."""

    def __init__(self, docs: Sequence[StoryDocument], settings: StorySettings) -> None:
        self.settings = settings
        n = len(docs)
        ordinals = [d.published.toordinal() if d.published else math.inf for d in docs]
        self.order = sorted(range(n), key=lambda i: (ordinals[i], i))  # row -> document
        self.row = np.empty(n, dtype=np.int64)  # document -> row
        self.row[self.order] = np.arange(n)
        self.days = np.array([ordinals[i] for i in self.order], dtype=np.float64)
        self.dated = int(np.searchsorted(self.days, math.inf))  # rows [dated, n) are undated
        self.label = np.full(n, -1, dtype=np.int64)  # row -> story number, -1 not placed yet
        self.stories: list[str] = []
        self.story_number: dict[str, int] = {}
        self.density = np.full(n, np.nan)
        self.vectors: np.ndarray | None = None
        if settings.vectors:
            self.vectors = np.stack(
                [np.asarray(docs[i].vector, dtype=np.float32) for i in self.order]
            )
        self._index_terms([story_terms(docs[i].title, docs[i].text, settings) for i in self.order])

    def _index_terms(self, terms: list[Counter[str]]) -> None:
        """Rows' TF-IDF vectors (square root of the count times log((n + 1) / df), unit
        length), kept as one sparse matrix in rows (indptr, indices, data)."""
        vocabulary: dict[str, int] = {}
        indices = np.array(
            [vocabulary.setdefault(w, len(vocabulary)) for counts in terms for w in counts],
            dtype=np.int64,
        )
        counts = np.array([c for counts in terms for c in counts.values()], dtype=np.float64)
        lengths = np.array([len(counts) for counts in terms], dtype=np.int64)
        self.indptr = np.concatenate([[0], np.cumsum(lengths)])
        df = np.bincount(indices, minlength=len(vocabulary))
        weights = np.sqrt(counts) * np.log((len(terms) + 1) / df)[indices]
        owner = np.repeat(np.arange(len(terms)), lengths)
        norms = np.sqrt(np.bincount(owner, weights=weights * weights, minlength=len(terms)))
        self.indices = indices
        self.data = (weights / np.where(norms == 0, 1, norms)[owner]).astype(np.float32)
        self.scratch = np.zeros(len(vocabulary), dtype=np.float32)

    def place(self, doc: int, story: str) -> None:
        number = self.story_number.get(story)
        if number is None:
            number = self.story_number[story] = len(self.stories)
            self.stories.append(story)
        self.label[self.row[doc]] = number

    def _window(self, row: int, days: int) -> np.ndarray:
        """Rows dated within `days` of `row`, and the undated ones; every row if it is undated."""
        n = len(self.days)
        if row >= self.dated:
            return np.arange(n)
        day = self.days[row]
        start = int(np.searchsorted(self.days[: self.dated], day - days, side="left"))
        end = int(np.searchsorted(self.days[: self.dated], day + days, side="right"))
        return np.concatenate([np.arange(start, end), np.arange(self.dated, n)])

    def _cosines(self, row: int, rows: np.ndarray) -> np.ndarray:
        assert self.vectors is not None
        return self.vectors[rows] @ self.vectors[row]

    def _density(self, rows: np.ndarray) -> np.ndarray:
        """Each row's mean cosine to its `density_k` nearest neighbours among all the call's
        documents dated within `density_days`, missing neighbours counted at `density_prior`.
        Computed once per row and call."""
        s = self.settings
        for row in rows[np.isnan(self.density[rows])]:
            around = self._window(int(row), s.density_days)
            around = around[around != row]
            cosines = np.concatenate(
                [self._cosines(int(row), around), np.full(s.density_k, s.density_prior)]
            )
            k = s.density_k
            top = np.partition(cosines, len(cosines) - k)[-k:]
            self.density[row] = float(top.mean())
        return self.density[rows]

    def _term_overlap(self, row: int, rows: np.ndarray) -> np.ndarray:
        """TF-IDF cosine of `row` with each of `rows`."""
        lo, hi = self.indptr[row], self.indptr[row + 1]
        self.scratch[self.indices[lo:hi]] = self.data[lo:hi]
        starts = self.indptr[rows]
        lengths = self.indptr[rows + 1] - starts
        offsets = np.cumsum(lengths) - lengths
        flat = np.arange(int(lengths.sum())) + np.repeat(starts - offsets, lengths)
        products = self.scratch[self.indices[flat]] * self.data[flat]
        owner = np.repeat(np.arange(len(rows)), lengths)
        out = np.bincount(owner, weights=products, minlength=len(rows))
        self.scratch[self.indices[lo:hi]] = 0.0
        return out

    def best_story(self, doc: int) -> str | None:
        """The story the document joins, or None to start one."""
        s = self.settings
        row = int(self.row[doc])
        rows = self._window(row, s.window_days)
        rows = rows[self.label[rows] >= 0]
        if len(rows) == 0:
            return None
        if row >= self.dated:
            penalty = np.full(len(rows), s.undated_penalty)
        else:
            apart = np.abs(self.days[rows] - self.days[row])
            by_day = np.minimum(
                np.maximum(apart - s.near_days, 0) * s.day_penalty, s.max_day_penalty
            )
            penalty = np.where(np.isinf(apart), s.undated_penalty, by_day)
        words = self._term_overlap(row, rows)
        if self.vectors is None:
            return self._best(self.label[rows], words - penalty, s.words_threshold)
        # Upper bound first: a density is never below the prior, so the rows that could not
        # reach the threshold even then are dropped before their densities are computed.
        own = float(self._density(np.array([row]))[0])
        score = self._cosines(row, rows) - 0.5 * own + s.term_weight * words - penalty
        hopeful = score - 0.5 * s.density_prior >= s.threshold
        keep = np.isin(self.label[rows], self.label[rows[hopeful]])
        rows, score = rows[keep], score[keep] - 0.5 * self._density(rows[keep])
        if len(rows) == 0:
            return None
        return self._best(self.label[rows], score, s.threshold)

    def _best(self, labels: np.ndarray, score: np.ndarray, threshold: float) -> str | None:
        """The story whose mean of its `link_members` best member scores is highest, if it
        reaches the threshold; ties go to the story placed first."""
        s = self.settings
        stories, labels = np.unique(labels, return_inverse=True)
        order = np.lexsort((-score, labels))  # by story, best score first
        labels, score = labels[order], score[order]
        starts = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]])
        rank = np.arange(len(labels)) - np.repeat(starts, np.diff(np.r_[starts, len(labels)]))
        top = rank < s.link_members
        means = np.bincount(labels[top], weights=score[top]) / np.bincount(labels[top])
        best = int(np.argmax(means))
        if means[best] < threshold:
            return None
        return self.stories[int(stories[best])]
