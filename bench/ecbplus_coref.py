"""Cross-document entity coreference on the ECB+ test topics, with gold mentions.

    python bench/ecbplus_coref.py [--data DIR] [--limit N] [--split test|train|dev]
                                  [--model NAME]

Groups the gold entity mentions of each test topic (36-45, the selected sentences only) with
Counterpoint's resolver and with the same-head-lemma baseline, and prints MUC, B-cubed, CEAF-e
and CoNLL F1 for both, with and without singletons. `--limit N` keeps the first N documents of
each topic, for a quick check; `--model` names the spaCy model that parses the texts (a
`Settings.spacy_model`, e.g. en_core_web_md). The grouping helpers here are shared with
meantime_ner.py."""

from __future__ import annotations

import argparse
import csv
import json
import time
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token
from tqdm import tqdm

from counterpoint.config import Settings
from counterpoint.evaluate.scoring import b_cubed, ceaf_e, muc, without_singletons
from counterpoint.lang import words
from counterpoint.nlp.annotate import load_pipeline
from counterpoint.records import Mention
from counterpoint.resolve.resolver import ENTITY_TYPES, resolve_entities

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench-data" / "ecbplus"
ENTITY_TAGS = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_", "TIME_")  # tag prefixes
# Corpus types that name an actor type, to spaCy labels (LOC* apart, see `label`).
LABELS = {
    "HUMAN_PART_PER": "PERSON",  # ECB+
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_GPE": "GPE",
    "PER": "PERSON",  # MEANTIME
    "ORG": "ORG",
}
IGNORED_LABEL = "NOUN"  # a label the resolver does not group
CONTEXT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")  # names the annotate stage keeps
DESCRIPTION_LABEL = words("en", "references").DESCRIPTION_LABEL  # "the company"
PRONOUN_LABEL = words("en", "references").PRONOUN_LABEL  # "he", "its"
THING_SUBJECT_PRONOUN = words("en", "references").THING_SUBJECT_PRONOUN  # "Corvane said it"
UNNAMED = "unnamed"  # an entity of descriptions and pronouns only, as the resolver groups it


@dataclass(frozen=True)
class GoldMention:
    doc: str
    topic: str
    sentence: int
    start: int  # character offsets into the rebuilt text of `doc`
    end: int
    tag: str  # the corpus's own type: HUMAN_PART_PER, LOC_GEO, PER, ...
    cluster: str  # gold entity id
    head_pos: str = ""  # the part of speech of the head, where the corpus gives it


def rebuild(sentences: Iterable[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The text of a tokenised document: tokens joined by a space, one sentence a line (a title
    or dateline stands on its own line in an article too). Returns the text and, per sentence,
    each token's (start, end)."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    position = 0
    for tokens in sentences:
        spans = []
        for number, token in enumerate(tokens):
            if number:
                position += 1
            spans.append((position, position + len(token)))
            position += len(token)
        parts.append(" ".join(tokens))
        offsets.append(spans)
        position += 1  # the line break
    return "\n".join(parts), offsets


def load_ecbplus(
    data: Path,
    limit: int | None,
    tags: tuple[str, ...] = ENTITY_TAGS,
    split_name: str = "test_topics",
) -> tuple[dict[str, str], list[GoldMention]]:
    """Texts by document and the gold entity mentions of the test topics' selected sentences.
    Gold entities: the CROSS_DOC_COREF instance, else the INTRA_DOC_COREF chain, else the
    mention alone. `tags` (tag prefixes) and `split_name` (a key of the split file:
    "train_topics", "dev_topics") choose other mentions, such as events, and other topics."""
    split = json.loads((data / "ecbplus_standard_split.json").read_text(encoding="utf-8"))
    selected: dict[str, set[int]] = defaultdict(set)
    with (data / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            selected[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    texts: dict[str, str] = {}
    mentions: list[GoldMention] = []
    for topic in map(str, split[split_name]):
        paths = sorted((data / "ECBplus_xml" / topic).glob("*.xml"), key=_document_order)
        for path in paths[:limit]:
            doc = path.stem
            root = ET.parse(path).getroot()
            by_sentence: dict[int, list[tuple[str, str]]] = defaultdict(list)
            for token in root.iter("token"):
                by_sentence[int(token.attrib["sentence"])].append(
                    (token.attrib["t_id"], token.text or "")
                )
            numbers = sorted(by_sentence)
            text, offsets = rebuild([t for _, t in by_sentence[n]] for n in numbers)
            texts[doc] = text
            where = {  # t_id -> (sentence, start, end)
                t_id: (n, *offsets[i][k])
                for i, n in enumerate(numbers)
                for k, (t_id, _) in enumerate(by_sentence[n])
            }
            clusters: dict[str, str] = {}
            for relation in root.iter("CROSS_DOC_COREF"):
                for source in relation.iter("source"):
                    clusters.setdefault(source.attrib["m_id"], relation.attrib["note"])
            for relation in root.iter("INTRA_DOC_COREF"):
                for source in relation.iter("source"):
                    clusters.setdefault(source.attrib["m_id"], f"{doc}/{relation.attrib['r_id']}")
            for markable in root.findall("Markables/*"):
                anchors = [where[a.attrib["t_id"]] for a in markable.iter("token_anchor")]
                if not markable.tag.startswith(tags) or not anchors:
                    continue  # other kinds, and descriptions of instances (no tokens)
                sentence = anchors[0][0]
                if sentence not in selected[doc]:
                    continue
                m_id = markable.attrib["m_id"]
                mentions.append(
                    GoldMention(
                        doc=doc,
                        topic=topic,
                        sentence=sentence,
                        start=min(a[1] for a in anchors),
                        end=max(a[2] for a in anchors),
                        tag=markable.tag,
                        cluster=clusters.get(m_id, f"{doc}/m{m_id}"),
                    )
                )
    return texts, mentions


def _document_order(path: Path) -> tuple[str, int]:
    """36_10ecbplus -> ("ecbplus", 10): documents in the order of their numbers."""
    number = path.stem.split("_")[1]
    digits = "".join(ch for ch in number if ch.isdigit())
    return number[len(digits) :], int(digits)


def parse(texts: Mapping[str, str], model: str = Settings().spacy_model) -> dict[str, Doc]:
    """spaCy's parse of each text, with Counterpoint's own pipeline on `model`."""
    nlp = load_pipeline(model)
    docs = tqdm(nlp.pipe(texts.values(), batch_size=16), total=len(texts), desc="parse")
    return dict(zip(texts, docs, strict=True))


def label(mention: GoldMention, parsed: Doc) -> str:
    """The label the resolver gets. Only names get an actor label, as only names reach the
    resolver in Counterpoint (the tagger finds names, not descriptions or pronouns): the
    corpus's own type where it names an actor type, else the label of the spaCy entity the span
    overlaps most. Other mentions get a label the resolver ignores, and so does a span of names
    joined by a conjunction ("GM and Chrysler"): the tagger finds each name on its own, never
    the pair, which is no name of the first."""
    if not is_name(mention, parsed):
        return referring_label(mention, parsed)
    if coordinated(mention, parsed):
        return IGNORED_LABEL
    overlaps = [
        (min(mention.end, ent.end_char) - max(mention.start, ent.start_char), ent.label_)
        for ent in parsed.ents
        if ent.start_char < mention.end and mention.start < ent.end_char
    ]
    spacy_label = max(overlaps)[1] if overlaps else None
    if mention.tag in LABELS:
        return LABELS[mention.tag]
    if mention.tag.startswith("LOC"):
        return "GPE" if spacy_label == "GPE" else "LOC"
    return spacy_label or IGNORED_LABEL


def coordinated(mention: GoldMention, parsed: Doc) -> bool:
    """Whether the span joins its head to another word by a conjunction inside it."""
    head = mention_head(mention, parsed)
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if head is None or span is None:
        return False
    inside = [t.dep_ for t in head.children if span.start <= t.i < span.end]
    return "cc" in inside and "conj" in inside


def referring_label(mention: GoldMention, parsed: Doc) -> str:
    """A mention that is no name may stand for an actor named elsewhere: a pronoun (PRON) or a
    description (NOM, its head a noun), which the resolver resolves where the text makes it
    clear; anything else gets a label the resolver ignores."""
    head = mention_head(mention, parsed)
    if head is None or mention.tag.startswith("TIME"):
        return IGNORED_LABEL
    if head.lower_ == THING_SUBJECT_PRONOUN:  # read only where `analyze` reads it
        found = {start for start, _, kind in parsed._.references if kind == PRONOUN_LABEL}
        return PRONOUN_LABEL if head.idx in found else IGNORED_LABEL
    return {"PRON": PRONOUN_LABEL, "NOUN": DESCRIPTION_LABEL}.get(head.pos_, IGNORED_LABEL)


def is_name(mention: GoldMention, parsed: Doc) -> bool:
    """A proper name: the head of the span is a proper noun."""
    head = mention_head(mention, parsed)
    return head is not None and head.pos_ == "PROPN"


def mention_head(mention: GoldMention, parsed: Doc) -> Token | None:
    """The head of the mention's span, read past a leading preposition: ECB+ often marks a
    place or a time with it ("in Canada", "on Tuesday"), where the span's syntactic root is
    the preposition; the tagger finds the name alone ("Canada"), so its head is the object's."""
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    words = span
    while len(words) > 1 and words[0].pos_ == "ADP":
        words = words[1:]
    return words.root


def head_lemma(mention: GoldMention, parsed: Doc, past_preposition: bool = False) -> str:
    """The lowercased lemma of the syntactic head (root) of the mention's span; with
    `past_preposition`, of the head read past a leading preposition (`mention_head`)."""
    if past_preposition:
        head = mention_head(mention, parsed)
        return head.lemma_.lower() if head is not None else "?"
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root.lemma_.lower() if span is not None else "?"


def by_counterpoint(
    gold: list[GoldMention],
    parsed: Mapping[str, Doc],
    texts: Mapping[str, str],
    context: bool = False,
) -> dict[int, Hashable]:
    """Gold mention number -> entity, as Counterpoint's resolver groups them, one topic at a
    time; mentions it leaves out (times, descriptions and pronouns it cannot resolve) stay
    alone. The resolver reads each name as the tagger would find it (`name_span`: "in Canada"
    is "Canada"). With `context`, the resolver also reads the names spaCy finds outside the
    gold mentions (annotation covers a few sentences of each document; a description's actor
    is often named in another), as it would in Counterpoint; they are not scored."""
    predicted: dict[int, Hashable] = {}
    extra = len(gold)
    for topic, members in _by_topic(gold).items():
        records = _context_names(members, parsed, texts, extra) if context else []
        extra += len(records)
        for number, m in members:
            start, end = name_span(m, parsed[m.doc])
            records.append(
                Mention(
                    doc=m.doc,
                    index=number,  # unique across documents, so it names the gold mention
                    sentence=sentence_number(parsed[m.doc], start),
                    start=start,
                    end=end,
                    text=texts[m.doc][start:end],
                    label=label(m, parsed[m.doc]),
                )
            )
        for entity in resolve_entities(records, texts):
            unnamed = [m.index for m in entity.mentions if m.label == DESCRIPTION_LABEL]
            if len(unnamed) == len(entity.mentions) - sum(
                m.label == PRONOUN_LABEL for m in entity.mentions
            ):  # a person the text does not name ("a maid who"): its description stands for it
                for mention in entity.mentions:
                    predicted[mention.index] = (UNNAMED, topic, entity.id, min(unnamed))
                continue
            for mention in entity.mentions:
                predicted[mention.index] = (topic, entity.id)
    return {n: predicted.get(n, ("alone", n)) for n in range(len(gold))}


def _context_names(
    members: list[tuple[int, GoldMention]],
    parsed: Mapping[str, Doc],
    texts: Mapping[str, str],
    first: int,
) -> list[Mention]:
    """The actor names spaCy finds in the documents of some gold mentions where no gold
    mention lies, as mentions numbered from `first` on."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for _, m in members:
        spans[m.doc].append((m.start, m.end))
    records = []
    for doc in sorted(spans):
        for ent in parsed[doc].ents:
            taken = any(ent.start_char < end and start < ent.end_char for start, end in spans[doc])
            if taken or ent.label_ not in CONTEXT_LABELS:
                continue
            records.append(
                Mention(
                    doc=doc,
                    index=first + len(records),
                    sentence=sentence_number(parsed[doc], ent.start_char),
                    start=ent.start_char,
                    end=ent.end_char,
                    text=ent.text,
                    label=ent.label_,
                )
            )
    return records


def sentence_number(parsed: Doc, char: int) -> int:
    """The number of the sentence of spaCy's parse a character falls in, as the annotate stage
    numbers a document's sentences (the corpus's own numbers count lines)."""
    starts = [s.start_char for s in parsed.sents]
    return max(0, bisect_right(starts, char) - 1)


def name_span(mention: GoldMention, parsed: Doc) -> tuple[int, int]:
    """The characters of the mention the resolver reads, as the tagger would find them. A
    leading preposition is left out ("in Canada"); of a name, only the name itself is kept:
    the spaCy entity holding the span's head, else the run of proper nouns around the head
    ("the Promises Treatment Center in Malibu , California" -> "Promises Treatment Center",
    "Eric Kirkpatrick , 61" -> "Eric Kirkpatrick"), as the gold spans are whole noun phrases
    where the tagger finds names alone."""
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention.start, mention.end
    head = mention_head(mention, parsed)
    if head is None or head.pos_ != "PROPN":
        words = [t for t in span if t.pos_ != "ADP"] if span[0].pos_ == "ADP" else list(span)
        return (max(mention.start, words[0].idx) if words else mention.start), mention.end
    entity = next((e for e in parsed.ents if e.start <= head.i < e.end), None)
    if entity is not None and entity.label_ in CONTEXT_LABELS:
        first, last = max(entity.start, span.start), min(entity.end, span.end) - 1
    else:
        first = last = head.i
        while first > span.start and parsed[first - 1].pos_ == "PROPN":
            first -= 1
        while last + 1 < span.end and parsed[last + 1].pos_ == "PROPN":
            last += 1
    start = max(mention.start, parsed[first].idx)
    end = min(mention.end, parsed[last].idx + len(parsed[last].text))
    return start, end


def with_lemma_fallback(
    resolved: Mapping[int, Hashable], lemmas: Mapping[int, Hashable]
) -> dict[int, Hashable]:
    """The resolver for the names it groups, the head lemma for every other mention; an
    unnamed person the resolver keeps ("a maid" and its "who") takes its description's."""
    found: dict[int, Hashable] = {}
    for n, e in resolved.items():
        if e == ("alone", n):
            found[n] = lemmas[n]
        elif isinstance(e, tuple) and e[0] == UNNAMED:
            found[n] = lemmas[e[-1]]
        else:
            found[n] = e
    return found


def by_head_lemma(
    gold: list[GoldMention], parsed: Mapping[str, Doc], past_preposition: bool = False
) -> dict[int, Hashable]:
    """The same-head-lemma baseline: mentions of one topic whose heads share a lemma (with
    `past_preposition`, heads read past a leading preposition: "in Canada" is "Canada")."""
    return {
        n: (m.topic, head_lemma(m, parsed[m.doc], past_preposition)) for n, m in enumerate(gold)
    }


def _by_topic(gold: list[GoldMention]) -> dict[str, list[tuple[int, GoldMention]]]:
    topics: dict[str, list[tuple[int, GoldMention]]] = defaultdict(list)
    for number, mention in enumerate(gold):
        topics[mention.topic].append((number, mention))
    return topics


def print_scores(gold: list[GoldMention], systems: Mapping[str, Mapping[int, Hashable]]) -> None:
    """A table of MUC, B-cubed, CEAF-e and CoNLL F1 per system, with and without singletons
    (removed from gold and predicted each on its own)."""
    key = {n: (m.topic, m.cluster) for n, m in enumerate(gold)}
    width = max(22, *(len(name) for name in systems))
    print(f"{'system':<{width}} {'singletons':<10}", end="")
    for metric in ("MUC", "B3", "CEAF-e"):
        print(f" | {metric + ' P':>8} {'R':>5} {'F1':>5}", end="")
    print(" | CoNLL F1")
    for name, predicted in systems.items():
        runs = {
            "with": (key, predicted),
            "without": (without_singletons(key), without_singletons(predicted)),
        }
        for singletons, (k, p) in runs.items():
            scores = [metric(k, p) for metric in (muc, b_cubed, ceaf_e)]
            print(f"{name:<{width}} {singletons:<10}", end="")
            for s in scores:
                print(f" | {s.precision:8.3f} {s.recall:5.3f} {s.f1:5.3f}", end="")
            print(f" | {sum(s.f1 for s in scores) / 3:8.3f}")


def compare(
    gold: list[GoldMention], texts: Mapping[str, str], model: str = Settings().spacy_model
) -> None:
    """Parse the texts (with `model`), group the gold mentions in each way, print the scores:
    on all gold mentions, and on the named ones only (those the tagger would find: people,
    organisations, places), which is what the resolver is for."""
    parsed = parse(texts, model)
    resolved = by_counterpoint(gold, parsed, texts)
    lemmas = by_head_lemma(gold, parsed)
    # The heads Counterpoint reads (past a leading preposition), for its fallback and for a
    # stronger baseline beside the usual one.
    heads = by_head_lemma(gold, parsed, past_preposition=True)
    kept = sum(1 for n, e in resolved.items() if e != ("alone", n))
    print(f"the resolver kept {kept} of {len(gold)} mentions; the rest stay alone")
    print("\nall gold entity mentions")
    print_scores(
        gold,
        {
            "Counterpoint resolver": resolved,
            "resolver + head lemma": with_lemma_fallback(resolved, heads),
            "same head lemma": lemmas,
            "same head lemma past preposition": heads,
        },
    )
    named = [n for n, m in enumerate(gold) if label(m, parsed[m.doc]) in ENTITY_TYPES]
    subset = [gold[n] for n in named]
    print(f"\nproper names only ({len(subset)} mentions whose head is a proper noun)")
    print_scores(
        subset,
        {
            "Counterpoint resolver": {i: resolved[n] for i, n in enumerate(named)},
            "same head lemma": {i: lemmas[n] for i, n in enumerate(named)},
        },
    )


def print_counts(gold: list[GoldMention], texts: Mapping[str, str]) -> None:
    sizes = Counter((m.topic, m.cluster) for m in gold)
    print(
        f"topics {len({m.topic for m in gold})}, documents {len(texts)} "
        f"({len({m.doc for m in gold})} with mentions), gold mentions {len(gold)}, "
        f"gold entities {len(sizes)} ({sum(1 for n in sizes.values() if n == 1)} singletons)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="documents per topic")
    parser.add_argument(
        "--split",
        choices=("test", "train", "dev"),
        default="test",
        help="the topics scored: the test topics (report), train or dev (tune rules there)",
    )
    parser.add_argument("--model", default=Settings().spacy_model, help="the spaCy model")
    args = parser.parse_args()
    began = time.perf_counter()
    texts, gold = load_ecbplus(args.data, args.limit, split_name=f"{args.split}_topics")
    tags = {p.rstrip("_"): sum(m.tag.startswith(p) for m in gold) for p in ENTITY_TAGS}
    print(f"data: {args.data}")
    print(f"model: {args.model}")
    print_counts(gold, texts)
    print("mentions by tag:", ", ".join(f"{tag} {n}" for tag, n in sorted(tags.items())))
    compare(gold, texts, args.model)
    print(f"run time {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
