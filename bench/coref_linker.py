"""A learned linker for descriptions and pronouns, on ECB+ and MEANTIME, with gold mentions.

    python bench/coref_linker.py [--cache DIR] [--limit N] [--model NAME] [--l2 X] [--held-out]

The resolver joins almost none of the gold descriptions ("actress", "man") and few pronouns to
a named actor. This tries a logistic regression over (mention, candidate) pairs: for each
description or pronoun the resolver left alone, the candidates are the named entities the
resolver made in its topic (its own document and the topic's others); the features generalise
(the head lemma among the words the candidate's mentions use or stand beside, the candidate's
label against the head's usual label learned from the training topics, distance, salience in
the document, gender and number for pronouns, role words). Fitted on ECB+ train, the threshold
chosen on ECB+ dev, then measured on ECB+ test and MEANTIME with the same-head-lemma baselines
in the same run (`--held-out`; without it, train and dev only, for choosing). CoNLL F1 with
singletons, the systems of `ecbplus_coref.py`. Train's own pairs read the label table learned
from its other topics, so that the model does not learn to trust a table that saw them.
`--cache DIR` keeps the parses (spaCy DocBin) and e5 vectors between runs, outside the
project. Chosen on dev: descriptions of one head lemma decide together (`GROUPED`), no e5
feature (`E5`: dev 0.705 with it, 0.706 without), L2 1 (0.1 and 10: within 0.001)."""

from __future__ import annotations

import argparse
import math
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from counterpoint.config import Settings
from counterpoint.evaluate.scoring import b_cubed, ceaf_e, muc
from counterpoint.lang import words
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.resolve.resolver import ENTITY_TYPES
from e5_cache import vectors
from ecbplus_coref import (
    DATA,
    DESCRIPTION_LABEL,
    PRONOUN_LABEL,
    UNNAMED,
    GoldMention,
    by_counterpoint,
    by_head_lemma,
    label,
    load_ecbplus,
    mention_head,
    with_lemma_fallback,
)
from meantime_ner import DATA as MEANTIME_DATA
from meantime_ner import load_meantime

REFERENCES = words("en", "references")
LABEL_KINDS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "OTHER")
PERSON_WORDS = REFERENCES.PERSON_REFERENCE_NOUNS
ORG_WORDS = REFERENCES.ORGANISATION_NOUNS | REFERENCES.BODY_NOUNS
PLACE_WORDS = REFERENCES.PLACE_NOUNS
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves", "we", "us", "our"}
THING_PRONOUNS = {"it", "its", "itself", "which", "that"}
PERSON_PRONOUNS = {"who", "whom", "whose", "i", "me", "my", "you", "your"}
NEAR_TOKENS = 3  # a word this close to a candidate's mention, in its sentence, is its title
E5 = False  # the e5 similarity of the mention's sentence to the candidate's
GROUPED = True  # descriptions of a topic with one head lemma decide together
SMOOTHING = 2.0  # pseudo-counts of the label prior behind a head lemma's own label counts


@dataclass
class Corpus:
    name: str
    gold: list[GoldMention]
    texts: dict[str, str]
    parsed: dict[str, Doc]
    resolved: dict[int, Hashable] = field(default_factory=dict)
    heads: dict[int, Hashable] = field(default_factory=dict)
    lemmas: dict[int, Hashable] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    contexts: dict[int, np.ndarray] = field(default_factory=dict)  # e5 of each mention's sentence


@dataclass
class Pair:
    mention: int
    candidate: Hashable
    features: list[float]
    right: bool


def load(name: str, limit: int | None, model: str, cache: Path | None) -> Corpus:
    """Gold mentions, texts, parses and the systems of `ecbplus_coref.py` for one corpus."""
    if name == "meantime":
        texts, gold, _ = load_meantime(MEANTIME_DATA, limit)
    else:
        texts, gold = load_ecbplus(DATA, limit, split_name=f"{name.split()[-1]}_topics")
    parsed = parse_cached(name, texts, model, cache, limit)
    corpus = Corpus(name, gold, texts, parsed)
    corpus.resolved = by_counterpoint(gold, parsed, texts)
    corpus.heads = by_head_lemma(gold, parsed, past_preposition=True)
    corpus.lemmas = by_head_lemma(gold, parsed)
    corpus.labels = {n: label(m, parsed[m.doc]) for n, m in enumerate(gold)}
    if E5:
        sentences = []
        for m in gold:
            span = parsed[m.doc].char_span(m.start, m.end, alignment_mode="expand")
            sentences.append(span.sent.text if span is not None else "")
        found = vectors(sentences, cache / "e5.npz" if cache else None)
        corpus.contexts = dict(enumerate(found))
    return corpus


def parse_cached(
    name: str, texts: Mapping[str, str], model: str, cache: Path | None, limit: int | None
) -> dict[str, Doc]:
    """The parses of the texts, kept in `cache` between runs (the pipeline is slow)."""
    nlp = load_pipeline(model)
    path = cache / f"{name.replace(' ', '_')}_{model}_{limit}.spacy" if cache else None
    if path is not None and path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        return dict(zip(texts, docs, strict=True))
    docs = list(nlp.pipe(texts.values(), batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    return dict(zip(texts, docs, strict=True))


def linkable(corpus: Corpus, n: int) -> bool:
    """A description or pronoun the resolver joined to no named actor."""
    e = corpus.resolved[n]
    alone = e == ("alone", n) or (isinstance(e, tuple) and e[0] == UNNAMED)
    return alone and corpus.labels[n] in (DESCRIPTION_LABEL, PRONOUN_LABEL)


def kind(label_: str) -> str:
    return label_ if label_ in LABEL_KINDS else "OTHER"


def head_word(corpus: Corpus, n: int) -> str:
    m = corpus.gold[n]
    head = mention_head(m, corpus.parsed[m.doc])
    return head.lemma_.lower() if head is not None else "?"


def gold_label_table(corpora: list[Corpus]) -> dict[str, Counter[str]]:
    """Head lemma -> the kinds of the named gold entities its descriptions stand for."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for corpus in corpora:
        named: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for n, m in enumerate(corpus.gold):
            if corpus.labels[n] in ENTITY_TYPES:
                named[(m.topic, m.cluster)][kind(corpus.labels[n])] += 1
        for n, m in enumerate(corpus.gold):
            if corpus.labels[n] == DESCRIPTION_LABEL:
                kinds = named.get((m.topic, m.cluster))
                table[head_word(corpus, n)][kinds.most_common(1)[0][0] if kinds else "NONE"] += 1
    return table


def label_prior(table: Mapping[str, Counter[str]], lemma: str, kind_: str) -> float:
    """P(the description stands for a named entity of this kind), smoothed toward all lemmas."""
    total = Counter[str]()
    for counts in table.values():
        total.update(counts)
    everything = sum(total.values()) or 1
    own = table.get(lemma, Counter())
    prior = total[kind_] / everything
    return (own[kind_] + SMOOTHING * prior) / (sum(own.values()) + SMOOTHING)


class Topic:
    """The named entities the resolver made in one topic, with what the features read."""

    def __init__(self, corpus: Corpus, members: list[int]) -> None:
        self.corpus = corpus
        self.entities_all = members
        self.entities: dict[Hashable, list[int]] = defaultdict(list)
        for n in members:
            e = corpus.resolved[n]
            if e != ("alone", n) and not (isinstance(e, tuple) and e[0] == UNNAMED):
                self.entities[e].append(n)
        self.entities = {
            e: ns
            for e, ns in self.entities.items()
            if any(corpus.labels[n] in ENTITY_TYPES for n in ns)
        }
        self.kind = {
            e: Counter(
                kind(corpus.labels[n]) for n in ns if corpus.labels[n] in ENTITY_TYPES
            ).most_common(1)[0][0]
            for e, ns in self.entities.items()
        }
        self.words: dict[Hashable, set[str]] = {}
        self.near: dict[Hashable, set[str]] = {}
        self.gender: dict[Hashable, float] = {}
        for e, ns in self.entities.items():
            inside, beside, female, male = set(), set(), 0, 0
            for n in ns:
                m = corpus.gold[n]
                doc = corpus.parsed[m.doc]
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                inside.update(t.lemma_.lower() for t in span)
                sent = span.sent
                lo, hi = max(sent.start, span.start - NEAR_TOKENS), min(sent.end, span.end + 3)
                near = [t.lemma_.lower() for t in doc[lo:hi]]
                beside.update(near)
                lower = {t.lower_ for t in doc[lo:hi]} | {t.lower_ for t in span}
                female += len(lower & REFERENCES.FEMALE_WORDS)
                male += len(lower & REFERENCES.MALE_WORDS)
                after = doc[span.end : min(len(doc), span.end + 12)]
                pronouns = [t.lower_ for t in after if t.pos_ == "PRON"]
                female += sum(p in REFERENCES.FEMALE_PRONOUNS for p in pronouns[:2])
                male += sum(p in REFERENCES.MALE_PRONOUNS for p in pronouns[:2])
            self.words[e], self.near[e] = inside, beside
            self.gender[e] = (female - male) / (female + male + 1)
        self.by_doc: dict[str, Counter[Hashable]] = defaultdict(Counter)
        for e, ns in self.entities.items():
            for n in ns:
                self.by_doc[corpus.gold[n].doc][e] += 1
        self.in_topic = Counter({e: len(ns) for e, ns in self.entities.items()})


FEATURES = (
    "bias",
    "pronoun",
    "same_doc",
    "before_in_doc",
    "sentence_distance",
    "same_sentence",
    "recency_rank_1",
    "recency_rank_2",
    "share_in_doc",
    "most_named_in_doc",
    "share_in_topic",
    "mentions_log",
    "lemma_in_name",
    "lemma_beside",
    "label_prior",
    "kind_word_fits",
    "kind_word_clashes",
    "role_word",
    "pron_person",
    "pron_person_fits",
    "pron_thing_fits",
    "pron_plural_fits",
    "pron_gender_agrees",
    "pron_gender_clashes",
    "pron_nearest_person",
    "desc_person_fits",
    "possessed_nearest",
    "last_mention_subject",
    "lemma_in_topic_log",
    "context_similarity",
    "context_most_similar",
)


def pairs_of(corpus: Corpus, table: Mapping[str, Counter[str]]) -> list[Pair]:
    """Every (linkable mention, candidate named entity of its topic) pair, with its features."""
    topics: dict[str, list[int]] = defaultdict(list)
    for n, m in enumerate(corpus.gold):
        topics[m.topic].append(n)
    pairs: list[Pair] = []
    for members in topics.values():
        topic = Topic(corpus, members)
        if not topic.entities:
            continue
        truth = {
            e: Counter(corpus.gold[n].cluster for n in ns).most_common(1)[0][0]
            for e, ns in topic.entities.items()
        }
        for n in members:
            if not linkable(corpus, n):
                continue
            for e in topic.entities:
                pairs.append(
                    Pair(
                        n,
                        e,
                        features(corpus, topic, n, e, table),
                        truth[e] == corpus.gold[n].cluster,
                    )
                )
    return pairs


def features(
    corpus: Corpus, topic: Topic, n: int, e: Hashable, table: Mapping[str, Counter[str]]
) -> list[float]:
    m = corpus.gold[n]
    doc = corpus.parsed[m.doc]
    head = mention_head(m, doc)
    lemma = head.lemma_.lower() if head is not None else "?"
    lower = head.lower_ if head is not None else "?"
    pronoun = corpus.labels[n] == PRONOUN_LABEL
    ns = topic.entities[e]
    here = [k for k in ns if corpus.gold[k].doc == m.doc]
    before = [k for k in here if corpus.gold[k].start < m.start]
    distance = min((abs(corpus.gold[k].sentence - m.sentence) for k in here), default=20)
    # How recent the candidate's last mention before this one is, among all candidates.
    last: dict[Hashable, int] = {}
    for e2, ns2 in topic.entities.items():
        starts = [corpus.gold[k].start for k in ns2 if corpus.gold[k].doc == m.doc]
        starts = [s for s in starts if s < m.start]
        if starts:
            last[e2] = max(starts)
    ranked = sorted(last, key=lambda x: -last[x])
    rank = ranked.index(e) + 1 if e in last else 99
    persons = [x for x in ranked if topic.kind[x] == "PERSON"]
    in_doc = topic.by_doc[m.doc]
    share_doc = in_doc[e] / (sum(in_doc.values()) or 1)
    kind_ = topic.kind[e]
    noun_kind = (
        "PERSON"
        if lemma in PERSON_WORDS
        else "ORG"
        if lemma in ORG_WORDS
        else "PLACE"
        if lemma in PLACE_WORDS
        else ""
    )
    place = kind_ in ("GPE", "LOC")
    fits = (
        (noun_kind == "PERSON" and kind_ == "PERSON")
        or (noun_kind == "ORG" and kind_ == "ORG")
        or (noun_kind == "PLACE" and place)
    )
    clashes = bool(noun_kind) and not fits
    gender = topic.gender[e]
    pron_gender = (
        1.0
        if lower in REFERENCES.FEMALE_PRONOUNS
        else -1.0
        if lower in REFERENCES.MALE_PRONOUNS
        else 0.0
    )
    person_pron = pron_gender != 0 or lower in PERSON_PRONOUNS
    possessed = head is not None and any(c.dep_ == "poss" for c in head.children)
    subject = False
    if e in last:
        token = doc.char_span(last[e], last[e] + 1, alignment_mode="expand")
        span = token[0] if token is not None else None
        while (
            span is not None and span.dep_ in ("compound", "flat", "amod") and span.head is not span
        ):
            span = span.head
        subject = span is not None and span.dep_ in ("nsubj", "nsubjpass")
    same_lemma = sum(1 for k in topic.entities_all if corpus.heads[k] == corpus.heads[n])
    similarity = _similarity(corpus, topic, n)
    return [
        1.0,
        float(pronoun),
        float(bool(here)),
        float(bool(before)),
        math.log1p(distance),
        float(distance == 0 and bool(here)),
        float(rank == 1),
        float(rank == 2),
        share_doc,
        float(bool(in_doc) and in_doc[e] == max(in_doc.values())),
        topic.in_topic[e] / (sum(topic.in_topic.values()) or 1),
        math.log1p(len(ns)),
        float(not pronoun and lemma in topic.words[e]),
        float(not pronoun and lemma in topic.near[e]),
        0.0 if pronoun else label_prior(table, lemma, kind_),
        float(not pronoun and fits),
        float(not pronoun and clashes),
        float(not pronoun and noun_kind == "PERSON"),
        float(pronoun and person_pron),
        float(pronoun and person_pron and kind_ == "PERSON"),
        float(pronoun and lower in THING_PRONOUNS and kind_ in ("ORG", "GPE", "LOC", "OTHER")),
        float(pronoun and lower in PLURAL_PRONOUNS and kind_ in ("ORG", "GPE", "NORP")),
        float(pronoun and pron_gender * gender > 0),
        float(pronoun and pron_gender * gender < 0),
        float(pronoun and person_pron and bool(persons) and persons[0] == e),
        float(not pronoun and noun_kind == "PERSON" and kind_ == "PERSON" and bool(before)),
        float(possessed and rank == 1),
        float(subject),
        0.0 if pronoun else math.log1p(same_lemma),
        similarity.get(e, 0.0),
        float(bool(similarity) and max(similarity, key=similarity.__getitem__) == e),
    ]


def _similarity(corpus: Corpus, topic: Topic, n: int) -> dict[Hashable, float]:
    """The e5 cosine of the mention's sentence to each candidate's closest mention sentence,
    less the mean over candidates (a topic's sentences are all alike)."""
    if not corpus.contexts:
        return {}
    v = corpus.contexts[n]
    found = {
        e: max(float(v @ corpus.contexts[k]) for k in ns if k != n)
        for e, ns in topic.entities.items()
        if any(k != n for k in ns)
    }
    mean = sum(found.values()) / (len(found) or 1)
    return {e: s - mean for e, s in found.items()}


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 30) -> np.ndarray:
    """Logistic regression by Newton's method, with an L2 penalty (not on the bias)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        w -= np.linalg.solve(hessian, gradient)
    return w


def link(corpus: Corpus, pairs: list[Pair], w: np.ndarray, threshold: float) -> dict[int, Hashable]:
    """The "resolver + head lemma" system, with each linkable mention joined to its best
    candidate where the model's probability reaches `threshold`."""
    system = with_lemma_fallback(corpus.resolved, corpus.heads)
    for n, (p, e) in best_candidates(corpus, pairs, w).items():
        if p >= threshold:
            system[n] = e
    return system


def best_candidates(
    corpus: Corpus, pairs: list[Pair], w: np.ndarray
) -> dict[int, tuple[float, Hashable]]:
    """Each linkable mention's most probable candidate. Descriptions of one topic with one
    head lemma decide together (their mean probability per candidate), as the head lemma
    groups them: "actress" is the same person throughout a topic far more often than not."""
    probability: dict[int, dict[Hashable, float]] = defaultdict(dict)
    for pair in pairs:
        probability[pair.mention][pair.candidate] = 1 / (
            1 + math.exp(-float(np.dot(w, pair.features)))
        )
    groups: dict[Hashable, list[int]] = defaultdict(list)
    for n in probability:
        pronoun = corpus.labels[n] == PRONOUN_LABEL
        groups[("one", n) if pronoun or not GROUPED else corpus.heads[n]].append(n)
    best: dict[int, tuple[float, Hashable]] = {}
    for members in groups.values():
        mean: Counter[Hashable] = Counter()
        for n in members:
            for e, p in probability[n].items():
                mean[e] += p / len(members)
        e, p = mean.most_common(1)[0]
        for n in members:
            best[n] = (p, e)
    return best


def conll(gold: list[GoldMention], predicted: Mapping[int, Hashable]) -> float:
    key = {n: (m.topic, m.cluster) for n, m in enumerate(gold)}
    return sum(metric(key, predicted).f1 for metric in (muc, b_cubed, ceaf_e)) / 3


def links_right(
    corpus: Corpus, pairs: list[Pair], w: np.ndarray, threshold: float
) -> tuple[int, int]:
    """Links made (best candidate above the threshold) that are right, and all links made."""
    right = {(pair.mention, pair.candidate) for pair in pairs if pair.right}
    made = [(n, e) for n, (p, e) in best_candidates(corpus, pairs, w).items() if p >= threshold]
    return sum(link in right for link in made), len(made)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="where parses are kept")
    parser.add_argument("--limit", type=int, default=None, help="documents per topic")
    parser.add_argument("--model", default=Settings().spacy_model, help="the spaCy model")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument(
        "--held-out", action="store_true", help="also score ECB+ test and MEANTIME (once)"
    )
    args = parser.parse_args()
    began = time.perf_counter()
    names = ["ecbplus train", "ecbplus dev"] + (
        ["ecbplus test", "meantime"] if args.held_out else []
    )
    corpora = {name: load(name, args.limit, args.model, args.cache) for name in names}
    train = corpora["ecbplus train"]
    # The label table is learned on train; for train's own pairs, from its other topics.
    table = gold_label_table([train])
    pairs: dict[str, list[Pair]] = {}
    train_topics = sorted({m.topic for m in train.gold})
    train_pairs: list[Pair] = []
    for topic in train_topics:
        others = [n for n, m in enumerate(train.gold) if m.topic != topic]
        held = Corpus(
            train.name,
            [train.gold[n] for n in others],
            train.texts,
            train.parsed,
            labels={i: train.labels[n] for i, n in enumerate(others)},
        )
        own = [n for n, m in enumerate(train.gold) if m.topic == topic]
        topic_corpus = _subset(train, own)
        for pair in pairs_of(topic_corpus, gold_label_table([held])):
            pair.mention = own[pair.mention]
            train_pairs.append(pair)
    pairs["ecbplus train"] = train_pairs
    for name, corpus in corpora.items():
        if name != "ecbplus train":
            pairs[name] = pairs_of(corpus, table)
    x = np.array([p.features for p in train_pairs])
    y = np.array([p.right for p in train_pairs], dtype=float)
    w = fit(x, y, args.l2)
    print(f"pairs: {', '.join(f'{k} {len(v)}' for k, v in pairs.items())}")
    print("weights:", ", ".join(f"{f} {v:+.2f}" for f, v in zip(FEATURES, w, strict=True)))
    dev = corpora["ecbplus dev"]
    grid = [t / 100 for t in range(5, 100, 5)]
    scores = {t: conll(dev.gold, link(dev, pairs["ecbplus dev"], w, t)) for t in grid}
    threshold = max(grid, key=lambda t: (scores[t], t))
    print("dev CoNLL F1 by threshold:", " ".join(f"{t:.2f}:{s:.4f}" for t, s in scores.items()))
    print(f"threshold chosen on dev: {threshold:.2f}\n")
    print(
        f"{'corpus':<14} {'mentions':>8} {'linkable':>8} {'linker':>7} {'resolver+lemma':>14} "
        f"{'same lemma':>10} {'lemma past prep':>15} {'links right/made':>16}"
    )
    for name, corpus in corpora.items():
        base = with_lemma_fallback(corpus.resolved, corpus.heads)
        right, made = links_right(corpus, pairs[name], w, threshold)
        linkable_count = sum(linkable(corpus, n) for n in range(len(corpus.gold)))
        print(
            f"{name:<14} {len(corpus.gold):8d} {linkable_count:8d} "
            f"{conll(corpus.gold, link(corpus, pairs[name], w, threshold)):7.3f} "
            f"{conll(corpus.gold, base):14.3f} {conll(corpus.gold, corpus.lemmas):10.3f} "
            f"{conll(corpus.gold, corpus.heads):15.3f} {f'{right}/{made}':>16}"
        )
    print(f"run time {time.perf_counter() - began:.1f} s")


def _subset(corpus: Corpus, numbers: list[int]) -> Corpus:
    """The corpus with only the gold mentions `numbers`, renumbered from 0."""
    index = {n: i for i, n in enumerate(numbers)}

    def renumber(e: Hashable, n: int) -> Hashable:
        return ("alone", index[n]) if e == ("alone", n) else e

    return Corpus(
        corpus.name,
        [corpus.gold[n] for n in numbers],
        corpus.texts,
        corpus.parsed,
        resolved={index[n]: renumber(corpus.resolved[n], n) for n in numbers},
        heads={index[n]: corpus.heads[n] for n in numbers},
        lemmas={index[n]: corpus.lemmas[n] for n in numbers},
        labels={index[n]: corpus.labels[n] for n in numbers},
        contexts={index[n]: corpus.contexts[n] for n in numbers if n in corpus.contexts},
    )


if __name__ == "__main__":
    main()
