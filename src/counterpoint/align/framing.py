"""Framing: how each source presents each actor. Per source and actor, `frame_actors` reads the
stored parse for the labels a source gives an actor, its stance from the words around the
mentions, and the loaded words there; `actor_coverage` says which actors a source puts at the
centre and which it leaves out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from counterpoint.nlp.descriptions import PERSON_NOUNS
from counterpoint.nlp.loaded_words import DESCRIPTIVE, EMOTIVE, vader
from counterpoint.nlp.names import TITLES
from counterpoint.nlp.relations import ROLE_NOUNS
from counterpoint.records import ActorFraming
from counterpoint.store import Store

# --- per source and actor ------------------------------------------------------------------

# Nouns for the people and bodies around an actor: "Maduro's regime" and "the supporters of
# Guaidó" label the actor, "Maduro's speech" does not.
ENTOURAGE = set(
    """
    government regime administration party allies ally supporters supporter followers
    loyalists loyalist forces troops militia militias camp cabinet movement rule dictatorship
    junta clique gang entourage circle base faithful backers partisans henchmen cronies
    """.split()
)
MODIFIER_DEPS = {"amod", "compound", "nmod"}
NOT_LABELS = TITLES | ROLE_NOUNS | {"the", "a", "an", "elect", "designate"}  # as written
# Nouns before a name that say what kind of person or body it is ("socialist", "billionaire",
# "loyalist") rather than where the words stand ("Image caption Trump").
PERSON_ENDINGS = ("ist", "ian", "aire", "ite", "ard")
AGENT_ENDINGS = PERSON_ENDINGS + ("er", "or", "ant", "ent", "ee")  # nouns standing apart
PARTICIPLE_ENDINGS = ("ed", "en", "ing")  # "democratically elected", "embattled", "ailing"
SET_OFF = re.compile(r"\s*[,(:–—]\s*")  # an apposition stands apart: "Maduro, a dictator"
WORD = re.compile(r"[^\W\d_][\w'’-]*")
NOT_LABEL_POS = {"PROPN", "DET", "PUNCT", "NUM"}
SOURCE = "coalesce(d.outlet, d.id)"  # a document's source: its outlet, else the document

Row = dict[str, Any]
Key = tuple[str, int]  # (doc, token index) or (doc, sentence index)


@dataclass(frozen=True)
class Presence:
    """How much room one source gives one actor, beside the room the other sources give it."""

    entity: str
    name: str
    mentions: int  # in this source
    share: float  # of this source's actor mentions
    elsewhere: float  # its share of the other sources' actor mentions together


@dataclass(frozen=True)
class Coverage:
    """The actors a source puts at the centre, and those central elsewhere that it leaves out."""

    source: str
    centre: tuple[Presence, ...]  # highest share first
    left_out: tuple[Presence, ...]  # most mentioned elsewhere first


class _Parse:
    """The stored parse of the sentences of one source that name actors: their text, their
    tokens and each token's children. Tokens are rows of table `tokens`."""

    def __init__(self, store: Store, source: str) -> None:
        named = (
            f"FROM {{table}} x JOIN documents d ON d.id = x.doc WHERE {SOURCE} = ? AND EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.doc = x.doc AND m.sentence = x.{column} "
            "AND m.entity IS NOT NULL)"
        )
        self.sentences: dict[Key, tuple[int, str]] = {
            (row["doc"], row["index"]): (row["start"], row["text"])
            for row in store.rows(
                'SELECT x.doc, x."index", x.start, substring(d.text, x.start + 1, '
                'x."end" - x.start) AS text ' + named.format(table="sentences", column='"index"'),
                [source],
            )
        }
        self.tokens: dict[Key, Row] = {}
        self.in_sentence: dict[Key, list[Row]] = defaultdict(list)
        self.children: dict[Key, list[Row]] = defaultdict(list)
        for row in store.rows(
            "SELECT x.* " + named.format(table="tokens", column="sentence") + ' ORDER BY x."index"',
            [source],
        ):
            self.tokens[row["doc"], row["index"]] = row
            self.in_sentence[row["doc"], row["sentence"]].append(row)
            if row["head"] != row["index"]:
                self.children[row["doc"], row["head"]].append(row)

    def span(self, mention: Row) -> list[Row]:
        """The tokens of a mention."""
        return [
            t
            for t in self.in_sentence[mention["doc"], mention["sentence"]]
            if mention["start"] <= t["start"] < mention["end"]
        ]

    def word(self, token: Row) -> str:
        offset, text = self.sentences[token["doc"], token["sentence"]]
        return text[token["start"] - offset : token["end"] - offset]

    def phrase(self, token: Row, names: set[Key], own: set[Key]) -> str | None:
        """A label word with the modifiers before it that make one label with it ("democratically
        elected", "brutal regime"); for a title or role only its qualifiers ("embattled"); None
        when nothing is left."""
        children = self.children[token["doc"], token["index"]]
        if any(child["dep"] == "nummod" for child in children):
            return None  # a measure ("the 130-seat Congress"), not a label
        words = [token] + [
            child
            for child in children
            if child["dep"] in MODIFIER_DEPS | {"advmod"}
            and child["start"] < token["start"]
            and self.may_label(child, names, own)
            and (child["pos"] == "ADV" or self.modifies(child))
        ]
        kept = [w for w in words if self.word(w).lower() not in NOT_LABELS or _emotive(w)]
        if token not in kept:
            kept = [w for w in kept if w["pos"] in {"ADJ", "VERB", "ADV"}]
        if all(w["pos"] == "ADV" for w in kept):
            return None
        return " ".join(self.word(w).lower() for w in sorted(kept, key=lambda w: w["start"]))

    def may_label(self, token: Row, names: set[Key], own: set[Key]) -> bool:
        """Not a name (unless of the description being read), a number or a sign."""
        key = (token["doc"], token["index"])
        if (key in names and key not in own) or token["pos"] in NOT_LABEL_POS:
            return False
        return WORD.fullmatch(self.word(token)) is not None

    def modifies(self, token: Row) -> bool:
        """Whether a word before a name can say what the actor is: an adjective that is more
        than plain description, a participle ("elected", "embattled"), a noun of a kind of
        person or a loaded one ("socialist", "billionaire", "thug")."""
        word = self.word(token).lower()
        if token["pos"] == "ADJ":
            return word not in DESCRIPTIVE
        if token["pos"] == "VERB":
            return word.endswith(PARTICIPLE_ENDINGS)
        return self.kind_of_actor(token, PERSON_ENDINGS)

    def kind_of_actor(self, token: Row, endings: tuple[str, ...]) -> bool:
        """Whether a noun can say what kind of actor one is: a loaded word, a person noun, a
        word of an actor's entourage, or one with an ending of people ("socialist")."""
        word, lemma = self.word(token).lower(), str(token["lemma"]).lower()
        return (
            _emotive(token)
            or bool({word, lemma} & (PERSON_NOUNS | ENTOURAGE))
            or lemma.endswith(endings)
        )

    def apposition(self, name: Row, noun: Row) -> bool:
        """Whether a noun is an apposition of a name as a label is: right beside it, set off
        by punctuation ("Maduro, a dictator"; "the dictator, Maduro"), and a kind of actor
        (not "Trump, an important point", a misreading)."""
        if noun["pos"] != "NOUN" or not self.kind_of_actor(noun, AGENT_ENDINGS):
            return False
        offset, text = self.sentences[name["doc"], name["sentence"]]
        if noun["start"] > name["start"]:
            left = [noun] + [c for c in self.children[noun["doc"], noun["index"]]
                             if c["start"] < noun["start"]]  # fmt: skip
            gap = text[name["end"] - offset : min(t["start"] for t in left) - offset]
        else:
            gap = text[noun["end"] - offset : name["start"] - offset]
        return SET_OFF.fullmatch(gap) is not None


def _emotive(token: Row) -> bool:
    return str(token["lemma"]).lower() in EMOTIVE


def _labels(parse: _Parse, mention: Row, names: set[Key]) -> list[str]:
    """The labels one mention is given: modifiers before it that are not part of the name
    ("the socialist Maduro"), its appositions ("Maduro, a dictator"), the noun it is the
    possessor or the "of" of, when that noun is the actor's entourage or loaded ("Maduro's
    regime", "the regime of Maduro"); a description standing for the actor ("the embattled
    opposition leader") is a label too. Titles and roles are left to the roles table."""
    inside = parse.span(mention)
    if not inside:
        return []
    doc = mention["doc"]
    # A description's own words may label it; other names never do.
    own = {(doc, t["index"]) for t in inside} if mention["label"] == "DESC" else set()
    span = {(doc, t["index"]) for t in inside}
    root = next((t for t in inside if (doc, t["head"]) not in span), inside[0])
    found: list[str | None] = []
    if mention["label"] == "DESC":
        found.append(parse.phrase(root, names, own))
    for token in inside:
        for child in parse.children[doc, token["index"]]:
            if (doc, child["index"]) in span or not parse.may_label(child, names, own):
                continue
            if child["dep"] in MODIFIER_DEPS and child["start"] < mention["start"]:
                if parse.modifies(child):
                    found.append(parse.phrase(child, names, own))
            elif child["dep"] == "appos" and parse.apposition(mention, child):
                found.append(parse.phrase(child, names, own))
    head = parse.tokens.get((doc, root["head"]))
    if head is None or (doc, head["index"]) in span or not parse.may_label(head, names, own):
        return [label for label in found if label]
    if root["dep"] == "appos" and parse.apposition(mention, head):
        found.append(parse.phrase(head, names, own))
    noun = None
    if root["dep"] == "poss":
        noun = head
    elif root["dep"] == "pobj" and head["lemma"] == "of":
        noun = parse.tokens.get((doc, head["head"]))
    if noun is not None and noun["pos"] == "NOUN" and parse.may_label(noun, names, own):
        forms = {str(noun["lemma"]).lower(), parse.word(noun).lower()}
        if forms & ENTOURAGE or _emotive(noun):
            found.append(parse.phrase(noun, names, own))
    return [label for label in found if label]


class _Stance:
    """VADER's compound score of a sentence naming an actor, with the actor's names blanked out:
    a name is not a judgement ("Hope", "Justice Party"), but a description standing for the
    actor is the source's own words and stays. Sentences whose names carry no VADER word are
    scored once, whichever actor is read."""

    def __init__(self, parse: _Parse) -> None:
        self.parse = parse
        self.plain: dict[Key, float] = {}

    def __call__(self, key: Key, mentions: list[Row]) -> float:
        offset, text = self.parse.sentences[key]
        names = [m for m in mentions if m["label"] != "DESC"]
        lexicon = vader().lexicon
        if not any(w.lower() in lexicon for m in names for w in m["text"].split()):
            if key not in self.plain:
                self.plain[key] = vader().polarity_scores(text)["compound"]
            return self.plain[key]
        chars = list(text)
        for m in names:
            chars[m["start"] - offset : m["end"] - offset] = " " * (m["end"] - m["start"])
        return float(vader().polarity_scores("".join(chars))["compound"])


def frame_actors(store: Store, sources: Iterable[str] | None = None) -> list[ActorFraming]:
    """How each source (a document's outlet, else the document's id) frames each actor it
    names: the labels it gives it, most used first; its stance (VADER's compound score of each
    sentence naming the actor, the actor's names left out, averaged over the mentions); its
    share of the source's actor mentions; the loaded words in those sentences. Sources in the
    order given (else by name), actors most mentioned first."""
    if sources is None:
        rows = store.rows(f"SELECT DISTINCT {SOURCE} AS source FROM documents d ORDER BY 1")
        sources = [row["source"] for row in rows]
    names = {row["id"]: row["name"] for row in store.rows("SELECT id, name FROM entities")}
    framings = []
    for source in sources:
        framings += _frame_source(store, source, names)
    return framings


def _frame_source(store: Store, source: str, names: dict[str, str]) -> list[ActorFraming]:
    mentions = store.rows(
        f"SELECT m.* FROM mentions m JOIN documents d ON d.id = m.doc WHERE {SOURCE} = ? "
        'AND m.entity IS NOT NULL ORDER BY m.doc, m."index"',
        [source],
    )
    if not mentions:
        return []
    parse = _Parse(store, source)
    loaded: dict[Key, list[Row]] = defaultdict(list)
    for row in store.rows(
        f"SELECT w.* FROM loaded_words w JOIN documents d ON d.id = w.doc WHERE {SOURCE} = ? "
        "ORDER BY w.doc, w.start",
        [source],
    ):
        loaded[row["doc"], row["sentence"]].append(row)
    # The words of every actor's name: never a label, whichever actor is framed.
    name_tokens = {(m["doc"], t["index"]) for m in mentions for t in parse.span(m)}
    by_entity: dict[str, list[Row]] = defaultdict(list)
    for mention in mentions:
        by_entity[mention["entity"]].append(mention)
    stance = _Stance(parse)
    framings = []
    for entity, own in by_entity.items():
        in_sentence: dict[Key, list[Row]] = defaultdict(list)
        for mention in own:
            in_sentence[mention["doc"], mention["sentence"]].append(mention)
        labels: Counter[str] = Counter()
        words: Counter[str] = Counter()
        stances = []
        for key, here in in_sentence.items():
            for mention in here:
                labels.update(_labels(parse, mention, name_tokens))
            stances += [stance(key, here)] * len(here)
            for word in loaded[key]:
                if not any(m["start"] <= word["start"] < m["end"] for m in here):
                    words[word["text"].lower()] += word["weight"]
        framings.append(
            ActorFraming(
                source=source,
                entity=entity,
                name=names.get(entity) or str(own[0]["text"]),
                mentions=len(own),
                share=round(len(own) / len(mentions), 4),
                labels=tuple(label for label, _ in labels.most_common()),
                stance=round(sum(stances) / len(stances), 4),
                loaded=tuple(word for word, _ in words.most_common()),  # by weight, summed
            )
        )
    framings.sort(key=lambda f: (-f.mentions, f.name, f.entity))
    return framings


def actor_coverage(store: Store, top: int = 5, near_zero: float = 0.1) -> dict[str, Coverage]:
    """Per source: the `top` actors it gives most of its mentions to, and, of the `top` actors
    the other sources together mention most, those it leaves out: its share of its mentions is
    at most `near_zero` times theirs (none at all, or nearly none)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in store.rows(
        f"SELECT {SOURCE} AS source, m.entity, count(*) AS n FROM mentions m "
        "JOIN documents d ON d.id = m.doc WHERE m.entity IS NOT NULL GROUP BY ALL"
    ):
        counts[row["source"]][row["entity"]] = int(row["n"])
    names = {row["id"]: row["name"] for row in store.rows("SELECT id, name FROM entities")}
    coverage = {}
    for source in sorted(counts):
        own = counts[source]
        others: Counter[str] = Counter()
        for other, found in counts.items():
            if other != source:
                others.update(found)
        present = [_presence(e, names, own, others) for e, _ in own.most_common(top)]
        elsewhere = [_presence(e, names, own, others) for e, _ in others.most_common(top)]
        left_out = [p for p in elsewhere if p.share <= near_zero * p.elsewhere]
        coverage[source] = Coverage(source, tuple(present), tuple(left_out))
    return coverage


def _presence(
    entity: str, names: dict[str, str], own: Counter[str], others: Counter[str]
) -> Presence:
    return Presence(
        entity=entity,
        name=names.get(entity, entity),
        mentions=own[entity],
        share=round(own[entity] / max(1, sum(own.values())), 4),
        elsewhere=round(others[entity] / max(1, sum(others.values())), 4),
    )
