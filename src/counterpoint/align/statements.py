"""What the aligner sees of an event, figure or claim (`Statement`), its id, and the blocking keys
it is filed under. `Statement` is all the scoring reads, so that benchmarks can score their own
data with the same functions."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from types import ModuleType

import numpy as np

from counterpoint.config import AlignSettings
from counterpoint.lang import DEFAULT_LANGUAGE, words

MONTH = re.compile(r"\d{4}-\d{2}")
UNDATED = "any"  # the month of an undated item's keys: it looks among the items of every month
WORD = re.compile(r"[^\W\d_][\w'-]*")


@dataclass
class Statement:
    """An event, figure or claim as the aligner sees it."""

    id: str  # "event:DOC:START-END"
    kind: str  # event, figure, claim
    doc: str
    sentence: int
    start: int
    end: int
    text: str  # its own words: the trigger, the figure, the claim's content
    context: str  # its sentence
    context_start: int  # where the sentence starts in the document
    source: str  # the outlet, or the document id
    published: date | None = None
    day: int | None = None  # the day it is about (ordinal): happened, refers_to, or published
    dated: bool = False  # `day` is a date its text gives, not the day it was reported
    type: str = ""  # event type, figure unit class, claim kind
    trigger: str = ""  # event trigger lemma, figure unit, claim cue
    entities: frozenset[str] = frozenset()  # actors named in its sentence
    actor: str | None = None  # event source, claim speaker, figure's subject
    target: str | None = None
    value: float | None = None
    high: float | None = None  # a range's high end ("between 20 and 30": 30)
    qualifier: str = ""
    negated: bool = False
    stance: str = ""  # claim endorsement and certainty: "endorsed", "distanced", "hedged"
    loaded: tuple[str, ...] = ()  # loaded words of its sentence, but in names and fixed terms
    named: tuple[str, ...] = ()  # loaded words inside its own words: "massacre", "riots"
    story: str | None = None  # the story its document belongs to
    language: str = DEFAULT_LANGUAGE  # whose word lists (`lang/<code>/align.py`) read it
    words: frozenset[str] = field(default_factory=frozenset)
    vector: np.ndarray | None = None

    def __post_init__(self) -> None:
        if not self.words:
            self.words = content_words(self.context, self.language)


@cache
def align_words(language: str) -> ModuleType:
    """The align stage's word lists for `language` (`lang/<code>/align.py`), looked up once:
    pair scoring reads them for every pair."""
    return words(language, "align")


# Texts whose words are kept (`content_words`, `judge._denial_words`): more than an align batch
# reads again pair after pair (its items' sentences and words, and their candidates'), not every
# sentence of a long run: 65,536 of them held 130 MB, and filled by 3,000 articles.
TEXTS_KEPT = 16384


@lru_cache(maxsize=TEXTS_KEPT)
def content_words(text: str, language: str) -> frozenset[str]:
    """The lowercased words of `text` that say what it is about (no stop words, no numbers).
    Kept for the texts seen last: judging a group reads each member's words once per pair.
    Interned: the sentences of one story share most of their words."""
    stop_words = align_words(language).STOP_WORDS
    return frozenset(
        sys.intern(w)
        for w in (m.group().lower() for m in WORD.finditer(text))
        if w not in stop_words
    )


def item_id(kind: str, doc: str, start: int, end: int) -> str:
    return f"{kind}:{doc}:{start}-{end}"


def parse_item_id(item: str) -> tuple[str, str, int, int]:
    """(kind, document, start, end) of an `item_id`."""
    kind, doc, span = item.split(":")
    start, end = span.split("-")
    return kind, doc, int(start), int(end)


def quantity(figure: Statement) -> str:
    """What a figure counts, coarsely: deaths, injuries, arrests, or its unit class and measure
    noun. Two figures compare only when they count the same thing."""
    text = f"{figure.trigger} {figure.text}".lower()
    for name, pattern in align_words(figure.language).QUANTITIES.items():
        if pattern.search(text):
            return name
    return figure.type


def is_tally(figure: Statement) -> bool:
    """A count of deaths, injuries or arrests: a toll."""
    return quantity(figure) in align_words(figure.language).QUANTITIES


def unit_class(unit: str, language: str) -> str:
    """Figures compare only within a class: money by currency, percentages, durations, counts."""
    if unit in {"percent", "rank"}:
        return unit
    first = unit.split()[0]
    if first.isupper() and len(first) == 3:
        return first
    if first.rstrip("s") in align_words(language).DURATION_UNITS:
        return "duration"
    return "count"


# -- blocking keys -------------------------------------------------------------------------------


def blocking_keys(item: Statement, settings: AlignSettings = AlignSettings()) -> list[str]:
    """Where an item is filed, and where its matches are looked for: by actor, by what it
    is (trigger, quantity, value), each by month and by story."""
    months = nearby_months(item.day, settings)
    keys = []
    actors = sorted(item.entities)[: settings.max_key_actors]
    for entity in actors:
        keys += [f"{item.kind}|{item.type}|{entity}|{m}" for m in months]
    what = quantity(item) if item.kind == "figure" else item.trigger
    keys += [f"{item.kind}|{what}|{m}" for m in months]
    if item.kind == "figure" and item.value is not None:
        keys += [f"figure|{item.type}|{item.value:.3g}|{m}" for m in months]
    if item.story:  # a later report of an event meets the earlier ones whatever their dates
        keys += [f"{item.kind}|{item.type}|{e}|{item.story}" for e in actors]
        keys += [f"{item.kind}|{what}|{item.story}"]
    return keys


def own_keys(item: Statement, keys: list[str], settings: AlignSettings) -> list[str]:
    """The keys of `keys` the item is filed under: those of its own month or of no month (the
    lookups span the neighbouring months), and those of its own month again as "any" month,
    where undated items look (a document without a date still compares)."""
    if item.day is None:
        return keys
    own = nearby_months(item.day, settings)[settings.month_window]
    filed = []
    for key in keys:
        head, last = key.rsplit("|", 1)
        if last == own:
            filed += [key, f"{head}|{UNDATED}"]
        elif not MONTH.fullmatch(last):
            filed.append(key)
    return filed


def nearby_months(day: int | None, settings: AlignSettings) -> list[str]:
    """The months ("YYYY-MM") of the day and of `month_window` months either side, in order."""
    if day is None:
        return [UNDATED]
    when = date.fromordinal(day)
    number = when.year * 12 + when.month - 1
    window = settings.month_window
    return [f"{n // 12}-{n % 12 + 1:02d}" for n in range(number - window, number + window + 1)]
