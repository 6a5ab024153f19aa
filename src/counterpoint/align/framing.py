"""Framing: how each source presents each actor. Per source and actor, `frame_actors` reads the
stored parse for the labels a source gives an actor, its stance (what its sentences say about
that actor, read from the parse, quoted words left to their speaker, and, where the sentence has
an e5 embedding, from that too), and the loaded words there; `actor_coverage` says which actors
a source puts at the centre and which it leaves out.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from types import ModuleType

import numpy as np
from vaderSentiment.vaderSentiment import N_SCALAR

from counterpoint.align.embeddings import embed
from counterpoint.config import AlignSettings, FramingSettings
from counterpoint.lang import DEFAULT_LANGUAGE, words
from counterpoint.nlp.loaded_words import bias_threshold, sentence_bias, vader, word_polarity
from counterpoint.records import ActorFraming, Evidence, LoadedWord, Mention, SourceWording, Token
from counterpoint.store import Store
from counterpoint.store.alignment import claims_of, sentence_vectors
from counterpoint.store.framing import (
    actor_mention_counts,
    actor_mentions,
    actor_sentence_tokens,
    actor_sentences,
    entity_names,
    loaded_sentences_in,
    loaded_words_in,
    source_documents,
)
from counterpoint.store.stories import stories_of

SET_OFF = re.compile(r"\s*[,(:–—]\s*")  # an apposition stands apart: "Maduro, a dictator"
WORD = re.compile(r"[^\W\d_][\w'’-]*")
# How many labels' worth the prior (every source's labels for the actor) weighs when a source's
# labels are ranked by log-odds: part of the method, not a user's threshold.
LABEL_PRIOR = 10.0

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


# --- per source and actor ------------------------------------------------------------------


class _Parse:
    """The stored parse of the sentences of one source that name actors: their text, their
    tokens and each token's children, read with the word lists of `language`."""

    def __init__(self, store: Store, docs: list[str], language: str) -> None:
        self.lang = words(language, "framing")
        titles, roles = words(language, "names").TITLES, words(language, "relations").ROLE_NOUNS
        self.not_labels = titles | roles | self.lang.NOT_LABEL_WORDS  # as written
        self.actor_nouns = words(language, "descriptions").PERSON_NOUNS | self.lang.ENTOURAGE
        self.sentences: dict[Key, tuple[int, str]] = {
            (s.doc, s.index): (s.start, s.text) for s in actor_sentences(store, docs)
        }
        self.tokens: dict[Key, Token] = {}
        self.in_sentence: dict[Key, list[Token]] = defaultdict(list)
        self.children: dict[Key, list[Token]] = defaultdict(list)
        for token in actor_sentence_tokens(store, docs):
            self.tokens[token.doc, token.index] = token
            self.in_sentence[token.doc, token.sentence].append(token)
            if token.head != token.index:
                self.children[token.doc, token.head].append(token)

    def span(self, mention: Mention) -> list[Token]:
        """The tokens of a mention."""
        return [
            t
            for t in self.in_sentence[mention.doc, mention.sentence]
            if mention.start <= t.start < mention.end
        ]

    def word(self, token: Token) -> str:
        """The token's text, with the words hyphenated to it on its left ("left-leaning",
        which the tokenizer splits)."""
        offset, text = self.sentences[token.doc, token.sentence]
        return text[self.word_start(token) - offset : token.end - offset]

    def word_start(self, token: Token) -> int:
        """Where the token's word starts, hyphenated words on its left included."""
        offset, text = self.sentences[token.doc, token.sentence]
        start = token.start - offset
        while start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
            start -= 1
            while start > 0 and text[start - 1].isalnum():
                start -= 1
        return start + offset

    def emotive(self, token: Token) -> bool:
        return token.lemma.lower() in self.lang.EMOTIVE

    def phrase(self, token: Token, names: set[Key], own: set[Key]) -> str | None:
        """A label word with the modifiers before it that make one label with it ("democratically
        elected", "brutal regime"); for a title or role only its qualifiers ("embattled"); None
        when nothing is left."""
        children = self.children[token.doc, token.index]
        if any(child.dep == "nummod" for child in children):
            return None  # a measure ("the 130-seat Congress"), not a label
        words = [token] + [
            child
            for child in children
            if child.dep in self.lang.PHRASE_DEPS
            and child.start < token.start
            and self.may_label(child, names, own)
            and (child.pos == "ADV" or self.modifies(child))
        ]
        kept = [w for w in words if self.word(w).lower() not in self.not_labels or self.emotive(w)]
        if token not in kept:
            kept = [w for w in kept if w.pos in self.lang.QUALIFIER_POS]
        if all(w.pos == "ADV" for w in kept):
            return None
        starts = [self.word_start(w) for w in kept]
        kept = [  # "left" is inside "left-leaning": one word
            w
            for w in kept
            if not any(
                start <= w.start < other.start for start, other in zip(starts, kept, strict=True)
            )
        ]
        kept.sort(key=lambda w: w.start)
        if tuple(w.lemma.lower() for w in kept) in self.lang.FIXED_TERMS:
            return None  # "armed forces", "prime minister": the name of a thing, not a label
        return " ".join(self.word(w).lower() for w in kept)

    def may_label(self, token: Token, names: set[Key], own: set[Key]) -> bool:
        """Not a name (unless of the description being read), a number or a sign."""
        key = (token.doc, token.index)
        if (key in names and key not in own) or token.pos in self.lang.NOT_LABEL_POS:
            return False
        return WORD.fullmatch(self.word(token)) is not None

    def modifies(self, token: Token) -> bool:
        """Whether a word before a name can say what the actor is: an adjective that is more
        than plain description, a participle ("elected", "embattled"), a noun of a kind of
        person or a loaded one ("socialist", "billionaire", "thug")."""
        word = self.word(token).lower()
        if token.pos == "ADJ":  # not a superlative: "the largest", "the biggest"
            superlative = word.endswith("est") and token.lemma.lower() != word
            return word not in self.lang.DESCRIPTIVE and not superlative
        if token.pos == "VERB":
            return word.endswith(self.lang.PARTICIPLE_ENDINGS)
        return self.kind_of_actor(token, self.lang.PERSON_ENDINGS)

    def kind_of_actor(self, token: Token, endings: tuple[str, ...]) -> bool:
        """Whether a noun can say what kind of actor one is: a loaded word, a person noun, a
        word of an actor's entourage, or one with an ending of people ("socialist")."""
        word, lemma = self.word(token).lower(), token.lemma.lower()
        return (
            self.emotive(token) or bool({word, lemma} & self.actor_nouns) or lemma.endswith(endings)
        )

    def apposition(self, name: Mention, noun: Token) -> bool:
        """Whether a noun is an apposition of a name as a label is: right beside it, set off
        by punctuation ("Maduro, a dictator"; "the dictator, Maduro"), and a kind of actor
        (not "Trump, an important point", a misreading)."""
        if noun.pos != "NOUN" or not self.kind_of_actor(noun, self.lang.AGENT_ENDINGS):
            return False
        offset, text = self.sentences[name.doc, name.sentence]
        if noun.start > name.start:
            left = [noun] + [c for c in self.children[noun.doc, noun.index] if c.start < noun.start]
            gap = text[name.end - offset : min(t.start for t in left) - offset]
        else:
            gap = text[noun.end - offset : name.start - offset]
        return SET_OFF.fullmatch(gap) is not None


def _labels(parse: _Parse, mention: Mention, names: set[Key]) -> list[str]:
    """The labels one mention is given: modifiers before it that are not part of the name
    ("the socialist Maduro"), its appositions ("Maduro, a dictator"), the noun it is the
    possessor or the "of" of, when that noun is the actor's entourage or loaded ("Maduro's
    regime", "the regime of Maduro"); a description standing for the actor ("the embattled
    opposition leader") is a label too. Titles and roles are left to the roles table."""
    inside = parse.span(mention)
    if not inside:
        return []
    span = {(mention.doc, t.index) for t in inside}
    # A description's own words may label it; other names never do.
    own = span if mention.label == "DESC" else set()
    root = next((t for t in inside if (mention.doc, t.head) not in span), inside[0])
    found: list[str | None] = []
    if mention.label == "DESC":
        found.append(parse.phrase(root, names, own))
    found += _modifier_labels(parse, mention, inside, span, names, own)
    found += _head_labels(parse, mention, root, span, names, own)
    # "Maduro's regime" labels him; "Castillo's government" only with a qualifier ("leftist
    # government"): alone, an entourage noun is what any leader or state has.
    generic = parse.lang.ENTOURAGE - parse.lang.EMOTIVE
    return [label for label in found if label and label not in generic]


def _modifier_labels(
    parse: _Parse,
    mention: Mention,
    inside: list[Token],
    span: set[Key],
    names: set[Key],
    own: set[Key],
) -> list[str | None]:
    """Labels hanging from the mention's words: modifiers before it and appositions."""
    found = []
    for token in inside:
        for child in parse.children[mention.doc, token.index]:
            if (mention.doc, child.index) in span or not parse.may_label(child, names, own):
                continue
            if child.dep in parse.lang.MODIFIER_DEPS and child.start < mention.start:
                if parse.modifies(child):
                    found.append(parse.phrase(child, names, own))
            elif child.dep == "appos" and parse.apposition(mention, child):
                found.append(parse.phrase(child, names, own))
    return found


def _head_labels(
    parse: _Parse, mention: Mention, root: Token, span: set[Key], names: set[Key], own: set[Key]
) -> list[str | None]:
    """Labels the mention hangs from: a noun it is an apposition of, or the entourage or
    loaded noun it is the possessor or the "of" of."""
    doc = mention.doc
    head = parse.tokens.get((doc, root.head))
    if head is None or (doc, head.index) in span or not parse.may_label(head, names, own):
        return []
    found = []
    if root.dep == "appos" and parse.apposition(mention, head):
        found.append(parse.phrase(head, names, own))
    if root.dep == "nsubj" and head.lemma == "be":  # "Maduro is a dictator"
        for attr in parse.children[doc, head.index]:
            if (
                attr.dep == "attr"
                and attr.pos == "NOUN"
                and parse.may_label(attr, names, own)
                and parse.kind_of_actor(attr, parse.lang.AGENT_ENDINGS)
            ):
                found.append(parse.phrase(attr, names, own))
    noun = None
    if root.dep == "poss":
        noun = head
    elif root.dep == "pobj" and head.lemma in parse.lang.POSSESSIVE_PREPOSITIONS:
        noun = parse.tokens.get((doc, head.head))
    if noun is not None and noun.pos == "NOUN" and parse.may_label(noun, names, own):
        forms = {noun.lemma.lower(), parse.word(noun).lower()}
        if forms & parse.lang.ENTOURAGE or parse.emotive(noun):
            found.append(parse.phrase(noun, names, own))
    return found


Span = tuple[int, int]  # character offsets, start and end


class _Stance:
    """What each sentence naming an actor says about that actor: `target_stance` of each of its
    mentions there, averaged. Words inside a quotation are its speaker's, not the source's:
    they are left out (a sentence of nothing but a quote reads as neutral), while a scare
    quote (a single term, the source's own framing) counts as the source's words. A sentence's
    embedding (`vectors`) joins in where it has one and no quotation: it reads every word."""

    def __init__(
        self,
        parse: _Parse,
        quoted: Mapping[str, list[Span]],
        language: str,
        vectors: Mapping[Key, np.ndarray] | None = None,
    ) -> None:
        self.parse = parse
        self.quoted = quoted
        self.language = language
        self.vectors = vectors or {}

    def __call__(self, key: Key, mentions: list[Mention]) -> float:
        offset, text = self.parse.sentences[key]
        tokens = self.parse.in_sentence[key]
        scores = []
        end = offset + len(text)
        muted = [(a, b) for a, b in self.quoted.get(key[0], ()) if a < end and b > offset]
        tree = _Tree(text, offset, tokens, muted)  # one sentence, read once for its mentions
        vector = None if muted else self.vectors.get(key)
        for mention in mentions:
            target = {t.index for t in self.parse.span(mention)}
            found = _features(tree, tokens, target, self.language)
            scores.append(target_stance(found, self.language, vector))
        return sum(scores) / len(scores)


def stance_features(
    text: str,
    offset: int,
    tokens: Sequence[Token],
    target: set[int],
    muted: Sequence[Span] = (),
    language: str = DEFAULT_LANGUAGE,
) -> dict[str, float]:
    """What a sentence says about one actor (the tokens `target`), read from its parse: the
    actor's place in its clause; the lemmas of the verb of that clause (with that place), of
    the words hanging from the actor ("the corrupt X", "X, who lied"), of the rest of its
    clause and of the sentence; VADER and TextBlob polarity summed per scope, a negation
    turning its word around; VADER's compound score of the sentence. Words inside a `muted`
    span (a quotation) are not read. Two actors of one sentence differ by their place and
    scopes: "praised the judge and condemned the general"."""
    return _features(_Tree(text, offset, tokens, muted), tokens, target, language)


def _features(
    tree: _Tree, tokens: Sequence[Token], target: set[int], language: str
) -> dict[str, float]:
    lang = words(language, "stance")
    found: dict[str, float] = defaultdict(float)
    found["bias"] = 1.0
    inside = [t for t in tokens if t.index in target]
    if not inside:
        return found
    root = next((t for t in inside if t.head not in target), inside[0])
    place = root
    while place.dep == "conj" and place.head in tree.by_index and place.head != place.index:
        place = tree.by_index[place.head]  # "the judge and the general": the first's place
    role = _role(place.dep, lang)
    found["role=" + role] = 1.0
    if place.dep == "pobj" and place.head in tree.by_index:
        found["prep=" + tree.by_index[place.head].lemma.lower()] = 1.0
        place = tree.by_index[place.head]
    predicate = tree.predicate(place, lang.PREDICATE_POS)
    own = tree.subtree(root) if root.dep != "ROOT" else set(target)
    clause = tree.subtree(predicate) if predicate else {t.index for t in tokens}
    for token in tokens:
        if token.index in target or tree.muted(token):
            continue
        if token.index in own:
            scope = "mod"
        elif predicate is not None and token.index == predicate.index:
            scope = "pred"
        else:
            scope = "clause" if token.index in clause else "rest"
        valence, polarity = tree.polarity(token, lang)
        if valence:
            found[("vpos@" if valence > 0 else "vneg@") + scope] += valence
        found["tb@" + scope] += polarity
        lemma = token.lemma.lower()
        if token.pos not in lang.CONTENT_POS or len(lemma) < 2:
            continue
        found["w:" + lemma] = 1.0
        if scope == "pred":
            found[f"p:{role}:{lemma}"] = found["p:" + lemma] = 1.0
            found[f"vpred×{role}"] = valence
            if tree.negated(token, lang):
                found["pneg"] = 1.0
        elif scope in ("mod", "clause"):
            found[scope[0] + ":" + lemma] = 1.0
    head = tree.by_index.get(root.head)
    if head is not None and head.index != root.index and not tree.muted(head):
        found[f"h:{root.dep}:{head.lemma.lower()}"] = 1.0
        above = tree.by_index.get(head.head)
        if head.dep == "prep" and above is not None and not tree.muted(above):
            found[f"hp:{head.lemma.lower()}:{above.lemma.lower()}"] = 1.0
    found["compound"] = tree.compound
    return found


def _role(dep: str, lang: ModuleType) -> str:
    if dep in lang.SUBJECT_DEPS:
        return "subj"
    if dep in lang.OBJECT_DEPS:
        return "obj"
    if dep in ("pobj", "poss"):
        return dep
    return "name" if dep in lang.NAME_DEPS else "other"


class _Tree:
    """One sentence's parse, walked from an actor's mention."""

    def __init__(
        self, text: str, offset: int, tokens: Sequence[Token], muted: Sequence[Span]
    ) -> None:
        self.text, self.offset, self.spans = text, offset, muted
        self.by_index = {t.index: t for t in tokens}
        self.children: dict[int, list[Token]] = defaultdict(list)
        for token in tokens:
            if token.head != token.index and token.head in self.by_index:
                self.children[token.head].append(token)

    def word(self, token: Token) -> str:
        return self.text[token.start - self.offset : token.end - self.offset].lower()

    def muted(self, token: Token) -> bool:
        return any(start <= token.start < end for start, end in self.spans)

    @cached_property
    def compound(self) -> float:
        """VADER's compound score of the sentence, quotations left out (read once)."""
        chars = list(self.text)
        for start, end in self.spans:
            lo, hi = max(0, start - self.offset), max(0, end - self.offset)
            chars[lo:hi] = " " * len(chars[lo:hi])
        return float(vader().polarity_scores("".join(chars))["compound"])

    def subtree(self, token: Token) -> set[int]:
        found, todo = set(), [token]
        while todo:
            here = todo.pop()
            if here.index not in found:
                found.add(here.index)
                todo += self.children[here.index]
        return found

    def predicate(self, token: Token, pos: set[str]) -> Token | None:
        """The nearest verb above a token."""
        seen = {token.index}
        while token.head in self.by_index and token.head not in seen:
            token = self.by_index[token.head]
            seen.add(token.index)
            if token.pos in pos:
                return token
        return None

    def negated(self, token: Token, lang: ModuleType) -> bool:
        return any(
            child.dep == "neg" or self.word(child) in lang.NEGATIONS
            for child in self.children[token.index]
        )

    def polarity(self, token: Token, lang: ModuleType) -> tuple[float, float]:
        """VADER valence (scaled to -1..1) and TextBlob polarity of a word, turned around by a
        negation on it, or on its verb for a complement ("is not corrupt")."""
        rated = word_polarity(self.word(token))
        valence = rated.valence or word_polarity(token.lemma.lower()).valence
        polarity = rated.polarity
        head = self.by_index.get(token.head)
        if self.negated(token, lang) or (
            head is not None and token.dep in lang.NEGATED_COMPLEMENTS and self.negated(head, lang)
        ):
            return valence * N_SCALAR, polarity * N_SCALAR
        return valence, polarity


def target_stance(
    features: Mapping[str, float],
    language: str = DEFAULT_LANGUAGE,
    vector: Iterable[float] | None = None,
) -> float:
    """The stance (-1 hostile .. 1 favourable) of `stance_features` (and of the sentence's
    embedding, when given): the learnt probability that the sentence is favourable to the
    actor less that it is hostile."""
    hostile, _, favourable = stance_probabilities(features, language, vector)
    return favourable - hostile


def stance_probabilities(
    features: Mapping[str, float],
    language: str = DEFAULT_LANGUAGE,
    vector: Iterable[float] | None = None,
) -> tuple[float, float, float]:
    """Probabilities of hostile, neutral and favourable: a logistic regression over
    `stance_features`, its weights learnt on NewsMTSC's train file (`stance_model`); given the
    sentence's unit-length multilingual-e5-small embedding, a second regression over the first
    one's log-probabilities and the embedding (`stance_vector_model.json`, learnt on the same
    file), which reads the sentence's tone far better than words seen in training can."""
    weights = words(language, "stance_model").WEIGHTS
    logits = [0.0, 0.0, 0.0]
    for name, value in features.items():
        for k, weight in enumerate(weights.get(name, ())):
            logits[k] += weight * value
    probabilities = _softmax(logits)
    stacked = stance_vector_model(language) if vector is not None else None
    if stacked is None or vector is None:
        return probabilities
    bias, hand, embedded = stacked
    logs = np.log(np.asarray(probabilities) + 1e-6)
    return _softmax(list(bias + logs @ hand + np.asarray(vector, dtype=np.float64) @ embedded))


def _softmax(logits: Sequence[float]) -> tuple[float, float, float]:
    top = max(logits)
    exps = [math.exp(z - top) for z in logits]
    total = sum(exps)
    return exps[0] / total, exps[1] / total, exps[2] / total


@lru_cache(maxsize=4)
def stance_vector_model(language: str) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """The weights of the stance model with embeddings (bias, per log-probability, per
    embedding dimension), beside the language's `stance_model`; None when it ships none."""
    path = Path(str(words(language, "stance_model").__file__)).with_name("stance_vector_model.json")
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    as_array = [np.asarray(raw[k], dtype=np.float64) for k in ("bias", "hand", "vector")]
    return as_array[0], as_array[1], as_array[2]


def frame_actors(
    store: Store,
    sources: Mapping[str, list[str]] | Iterable[str] | None = None,
    *,
    language: str = DEFAULT_LANGUAGE,
    embed_missing: bool = False,
    settings: FramingSettings = FramingSettings(),
) -> list[ActorFraming]:
    """How each source (a document's outlet, else the document's id) frames each actor it
    names: the labels it gives it, most used first; its stance (-1 hostile .. 1 favourable:
    `target_stance` of each mention, what its sentence says about that actor, words inside
    quotations left out, averaged over the mentions); its share of the source's actor mentions;
    the loaded words in those sentences that a reader is shown (`heaviest_words`, from
    `settings.shown_weight`). `sources` names the sources to frame, or maps each to
    the documents to frame it on (a story's, one document's); without it every source is framed
    on all its documents. Sources in the order given (else by name), actors most mentioned
    first. The labels are read with the word lists of `language`. A sentence's stance reads its
    e5 embedding too where the store keeps one (the align stage embeds the sentences of its
    statements); with `embed_missing`, the other sentences naming an actor are embedded here
    (about 40 ms each, not stored), else read without one."""
    every = source_documents(store)
    if sources is None:
        sources = every
    elif not isinstance(sources, Mapping):
        sources = {source: every.get(source, []) for source in sources}
    names = entity_names(store)
    counted: list[tuple[ActorFraming, Counter[str]]] = []
    for source, docs in sources.items():
        counted += _frame_source(store, source, docs, names, language, embed_missing, settings)
    return _distinctive_labels_first(counted)


def _distinctive_labels_first(
    counted: list[tuple[ActorFraming, Counter[str]]],
) -> list[ActorFraming]:
    """Each framing with its labels ranked by how distinctive they are of its source against
    the other sources that frame the same actor: the log-odds ratio with an informative
    Dirichlet prior (Monroe, Colaresi and Quinn 2008; the prior is the labels of every source
    for that actor), divided by its standard error; the most used first where none differs."""
    by_entity: dict[str, Counter[str]] = defaultdict(Counter)
    for framing, labels in counted:
        by_entity[framing.entity].update(labels)
    ranked = []
    for framing, labels in counted:
        others = by_entity[framing.entity] - labels
        if not others:
            ranked.append(framing)
            continue
        z = _log_odds_z(labels, others)
        order = sorted(labels, key=lambda label: (-z[label], -labels[label], label))
        ranked.append(replace(framing, labels=tuple(order)))
    return ranked


def _log_odds_z(own: Counter[str], others: Counter[str]) -> dict[str, float]:
    """For each of a source's labels, how much more it uses it than the others do, in
    standard errors."""
    every = own + others
    if len(every) < 2:  # one label used by all: none is more one source's than another's
        return dict.fromkeys(own, 0.0)
    total, own_total, other_total = (sum(c.values()) for c in (every, own, others))
    z = {}
    for label in own:
        prior = every[label] / total * LABEL_PRIOR
        mine, theirs = own[label] + prior, others[label] + prior
        delta = math.log(mine / (own_total + LABEL_PRIOR - mine)) - math.log(
            theirs / (other_total + LABEL_PRIOR - theirs)
        )
        z[label] = delta / math.sqrt(1 / mine + 1 / theirs)
    return z


def _frame_source(
    store: Store,
    source: str,
    docs: list[str],
    names: dict[str, str],
    language: str,
    embed_missing: bool = False,
    settings: FramingSettings = FramingSettings(),
) -> list[tuple[ActorFraming, Counter[str]]]:
    """Each actor the source names, framed, with the count of each label it gives it."""
    mentions = actor_mentions(store, docs)
    if not mentions:
        return []
    parse = _Parse(store, docs, language)
    loaded: dict[Key, list[LoadedWord]] = defaultdict(list)
    for word in loaded_words_in(store, docs):
        loaded[word.doc, word.sentence].append(word)
    # The words of every actor's name: never a label, whichever actor is framed.
    name_tokens = {(m.doc, t.index) for m in mentions for t in parse.span(m)}
    by_entity: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_entity[str(mention.entity)].append(mention)
    quoted: dict[str, list[Span]] = defaultdict(list)  # by document: a quote may run on
    for claim in claims_of(store, docs):
        if claim.kind == "quote":
            quoted[claim.doc].append((claim.start, claim.end))
    stance = _Stance(parse, quoted, language, _sentence_vectors(store, docs, parse, embed_missing))
    story_of = stories_of(store, docs)
    framings = []
    for entity, own in by_entity.items():
        in_sentence: dict[Key, list[Mention]] = defaultdict(list)
        for mention in own:
            in_sentence[mention.doc, mention.sentence].append(mention)
        labels: Counter[str] = Counter()
        nearby: list[LoadedWord] = []
        stances = []
        for key, here in in_sentence.items():
            for mention in here:
                labels.update(_labels(parse, mention, name_tokens))
            stances += [stance(key, here)] * len(here)
            for word in loaded[key]:  # the outlet's own words: not a quoted speaker's
                if not word.quoted and not any(m.start <= word.start < m.end for m in here):
                    nearby.append(word)
        framing = ActorFraming(
            source=source,
            entity=entity,
            name=names.get(entity) or own[0].text,
            mentions=len(own),
            share=round(len(own) / len(mentions), 4),
            labels=tuple(label for label, _ in labels.most_common()),
            stance=round(sum(stances) / len(stances), 4),
            loaded=heaviest_words(nearby, settings.shown_weight),
            stories=len({story_of[m.doc] for m in own if m.doc in story_of}),
        )
        framings.append((framing, labels))
    framings.sort(key=lambda counted: (-counted[0].mentions, counted[0].name, counted[0].entity))
    return framings


def _sentence_vectors(
    store: Store, docs: list[str], parse: _Parse, embed_missing: bool
) -> dict[Key, np.ndarray]:
    """The e5 embedding of each sentence naming an actor: the stored one, and with
    `embed_missing` the others computed as the align stage computes them."""
    stored = sentence_vectors(store, docs)
    found: dict[Key, np.ndarray] = {k: stored[k] for k in parse.sentences if k in stored}
    missing = [key for key in parse.sentences if key not in found]
    if embed_missing and missing:
        chars = AlignSettings().vector_chars
        computed = embed([parse.sentences[key][1][:chars] for key in missing])
        found.update(zip(missing, computed, strict=True))
    return found


# --- per source ----------------------------------------------------------------------------


def heaviest_words(found: Iterable[LoadedWord], shown_weight: float) -> tuple[str, ...]:
    """The loaded words a reader is shown: those experts would more likely mark than not
    (`shown_weight`; the words kept below it count toward their sentences only), most likely
    first, then most used."""
    heaviest: dict[str, float] = {}
    uses: Counter[str] = Counter()
    for word in found:
        if word.weight >= shown_weight:
            text = word.text.lower()
            heaviest[text] = max(heaviest.get(text, 0.0), word.weight)
            uses[text] += 1
    return tuple(sorted(heaviest, key=lambda w: (-heaviest[w], -uses[w], w)))


def source_wording(
    store: Store,
    sources: Mapping[str, list[str]] | None = None,
    settings: FramingSettings = FramingSettings(),
) -> list[SourceWording]:
    """How much of each source's own writing takes a side by its word choice, with its loaded
    words (`heaviest_words`); each sentence is judged by the model that reads its words and,
    where the store keeps the sentence's e5 embedding, that too (on BABE's held-out part:
    macro-F1 0.69 from the words, 0.79 with the embedding). `sources` maps each source to the
    documents to judge it on; without it every source on all its documents. In the order given,
    else by name."""
    sources = source_documents(store) if sources is None else sources
    story_of = stories_of(store, [doc for docs in sources.values() for doc in docs])
    found = []
    for source, docs in sources.items():
        vectors = sentence_vectors(store, docs)
        loaded = []
        judged = loaded_sentences_in(store, docs)
        for sentence, text in judged:
            vector = vectors.get((sentence.doc, sentence.sentence))
            bias = sentence_bias(sentence.features, vector)
            if bias >= bias_threshold(sentence.features, settings, vector):
                loaded.append((bias, sentence, text))
        loaded.sort(key=lambda judged: (-judged[0], judged[1].doc, judged[1].sentence))
        own = [word for word in loaded_words_in(store, docs) if not word.quoted]
        found.append(
            SourceWording(
                source=source,
                sentences=len(judged),
                loaded=len(loaded),
                words=heaviest_words(own, settings.shown_weight)[: settings.wording_words],
                examples=tuple(
                    Evidence(
                        item=f"sentence:{s.doc}:{s.sentence}",
                        doc=s.doc,
                        sentence=s.sentence,
                        start=s.start,
                        end=s.end,
                        text=text,
                        outlet=source,
                        published=None,
                        note=f"reads as loaded ({bias:.2f})",
                    )
                    for bias, s, text in loaded[: settings.wording_examples]
                ),
                stories=len({story_of[d] for d in docs if d in story_of}),
            )
        )
    return found


def actor_coverage(
    store: Store, settings: FramingSettings = FramingSettings()
) -> dict[str, Coverage]:
    """Per source: the `settings.coverage_top` actors it gives most of its mentions to, and, of
    the `coverage_top` actors the other sources together mention most, those it leaves out: its
    share of its mentions is at most `settings.near_zero` times theirs (none at all, or nearly
    none)."""
    counts = actor_mention_counts(store)
    names = entity_names(store)
    top = settings.coverage_top
    coverage = {}
    for source in sorted(counts):
        own = counts[source]
        others: Counter[str] = Counter()
        for other, found in counts.items():
            if other != source:
                others.update(found)
        present = [_presence(e, names, own, others) for e, _ in own.most_common(top)]
        elsewhere = [_presence(e, names, own, others) for e, _ in others.most_common(top)]
        left_out = [p for p in elsewhere if p.share <= settings.near_zero * p.elsewhere]
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
