"""Report: a self-contained HTML page (no network needed to open it) and its Markdown twin.

First version of the comparison: which actors each source mentions and how often, the actors
several sources share, and for each shared actor what each source says about it, side by side,
each sentence linked to its place in the source text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from counterpoint.align.compare import SourceDiff, corpus_alignments
from counterpoint.align.framing import Coverage, actor_coverage, frame_actors, source_wording
from counterpoint.align.judge import RELATIONS
from counterpoint.config import DEFAULT_DB
from counterpoint.outputs.formats import write_output
from counterpoint.records import (
    ActorFraming,
    Alignment,
    Claim,
    Document,
    Entity,
    Event,
    Figure,
    Mention,
    Sentence,
    SourceWording,
    Story,
)
from counterpoint.store import Store
from counterpoint.store.export import sentences
from counterpoint.store.stories import stories, story_relation_counts
from counterpoint.version import __version__

TOP_ACTORS = 40  # rows in the actor-by-source grid
TOP_SHARED = 30  # shared actors compared side by side
TOP_ALIGNMENTS = 12  # alignments shown per relation


@dataclass
class Quote:
    """A sentence of a source, with the place in the report where the source text shows it."""

    doc: str
    index: int
    text: str

    @property
    def anchor(self) -> str:
        return sentence_anchor(self.doc, self.index)


@dataclass
class Source:
    doc: Document
    sentences: list[tuple[int, Markup]] = field(default_factory=list)
    actor_counts: list[tuple[Entity, int]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return source_label(self.doc)


@dataclass
class SharedActor:
    entity: Entity
    quotes: dict[str, list[Quote]]  # doc id -> sentences mentioning the actor
    facts: list[tuple[str, Quote]] = field(default_factory=list)  # roles and ties, as stated


@dataclass
class Fact:
    """An event, figure or claim as the report lists it: what, when, and the sentence."""

    kind: str  # event, figure, claim
    label: str  # "ASSAULT killed", "at least 31 people", "quote by Ruiz"
    text: str  # the words stating it
    quote: Quote
    date: str | None = None  # when it happened (events), ISO


@dataclass
class ReportData:
    sources: list[Source]
    actors: list[Entity]  # most-mentioned first
    counts: dict[tuple[str, str], int]  # (entity id, doc id) -> mentions
    shared: list[SharedActor]
    linked: set[str] = field(default_factory=set)  # entities with a section of their own
    facts: dict[str, list[Fact]] = field(default_factory=dict)  # doc id -> its facts, in order
    alignments: list[Alignment] = field(default_factory=list)
    framing: list[ActorFraming] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)  # source -> centre, left out
    wording: list[SourceWording] = field(default_factory=list)  # by source name
    stories: list[tuple[Story, dict[str, int]]] = field(default_factory=list)  # relation counts
    generated_by: str = f"Counterpoint {__version__}"
    relation_names: tuple[str, ...] = tuple(r for r in RELATIONS if r != "unique")

    @property
    def timeline(self) -> list[tuple[Fact, Source]]:
        """Dated events of every source, oldest first."""
        by_id = {s.doc.id: s for s in self.sources}
        dated = [(f, by_id[doc]) for doc, facts in self.facts.items() for f in facts if f.date]
        return sorted(dated, key=lambda pair: (pair[0].date or "", pair[1].label))

    @property
    def timeline_span(self) -> tuple[date, date] | None:
        days = [date.fromisoformat(f.date[:10]) for f, _ in self.timeline if f.date]
        return (min(days), max(days)) if days else None

    def timeline_x(self, fact: Fact, width: int = 900) -> int:
        """Where on a drawn axis of `width` pixels the fact's date falls."""
        span = self.timeline_span
        if span is None or fact.date is None or span[0] == span[1]:
            return width // 2
        first, last = span
        return round(
            (date.fromisoformat(fact.date[:10]) - first).days / (last - first).days * width
        )

    def comparison(self) -> list[tuple[str, list[Alignment]]]:
        """The strongest alignments of each relation."""
        grouped: dict[str, list[Alignment]] = defaultdict(list)
        for alignment in sorted(self.alignments, key=lambda a: -a.score):
            if len(grouped[alignment.relation]) < TOP_ALIGNMENTS:
                grouped[alignment.relation].append(alignment)
        return [(r, grouped[r]) for r in RELATIONS if grouped.get(r)]

    def pair_counts(self) -> list[tuple[str, str, dict[str, int]]]:
        """For each two outlets, how many alignments of each relation join them."""
        counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for alignment in self.alignments:
            outlets = sorted({e.outlet or "" for e in alignment.evidence})
            for i, a in enumerate(outlets):
                for b in outlets[i + 1 :]:
                    counts[(a, b)][alignment.relation] += 1
        return [(a, b, dict(c)) for (a, b), c in sorted(counts.items())]

    def framing_rows(self) -> list[tuple[str, dict[str, ActorFraming]]]:
        """Actors that several sources name, and how each frames them."""
        by_actor: dict[str, dict[str, ActorFraming]] = defaultdict(dict)
        for f in self.framing:
            by_actor[f.entity][f.source] = f
        rows = [(next(iter(s.values())).name, s) for s in by_actor.values() if len(s) > 1]
        rows.sort(key=lambda row: -sum(f.mentions for f in row[1].values()))
        return rows[:TOP_SHARED]

    @property
    def outlets(self) -> list[str]:
        return sorted({f.source for f in self.framing})

    def count(self, entity: Entity, source: Source) -> int:
        return self.counts.get((entity.id, source.doc.id), 0)

    @property
    def max_count(self) -> int:
        return max(self.counts.values(), default=1)


def report(db: str | Path = DEFAULT_DB, out: str | Path = "report") -> tuple[Path, Path]:
    """Write `report.html` and `report.md` into the folder `out`, made if missing (other files
    in it stay); returns their paths."""
    with Store(db, read_only=True) as store:
        data = build_report(store)
    out = Path(out)
    env = _environment()
    html_path, md_path = out / "report.html", out / "report.md"
    for path in (html_path, md_path):
        page = env.get_template(path.name).render(r=data)
        write_output(path, partial(Path.write_text, data=page, encoding="utf-8"), db)
    return html_path, md_path


def build_report(store: Store) -> ReportData:
    """Everything the report shows, read from the store."""
    documents = store.documents()
    entities = store.entities()
    texts = {d.id: d.text for d in documents}
    stored = sentences(store)
    ranked = sorted(entities, key=_prominence)
    facts = roles_and_ties(store, {e.id: e.name for e in entities})
    shared = shared_actors(ranked, texts, stored, facts)
    linked = {a.entity.id for a in shared}
    counts = Counter((entity.id, mention.doc) for entity in entities for mention in entity.mentions)
    return ReportData(
        sources=_sources(documents, entities, stored, counts, linked),
        actors=ranked[:TOP_ACTORS],
        counts=dict(counts),
        shared=shared,
        linked=linked,
        facts=facts_by_source(store, texts, entities),
        alignments=corpus_alignments(store),
        framing=frame_actors(store),
        coverage=actor_coverage(store),
        wording=source_wording(store),
        stories=_stories(store),
    )


def _stories(store: Store) -> list[tuple[Story, dict[str, int]]]:
    relations = story_relation_counts(store)
    return [(s, relations.get(s.id, {})) for s in stories(store)]


def _prominence(entity: Entity) -> tuple[int, int, str]:
    """Named by most documents first, then most often, then by name."""
    return (-len({m.doc for m in entity.mentions}), -len(entity.mentions), entity.name)


def shared_actors(
    ranked: list[Entity],
    texts: dict[str, str],
    stored: list[Sentence],
    facts: dict[str, list[tuple[str, Quote]]],
) -> list[SharedActor]:
    """The most prominent actors that several documents name, each with the sentences of each
    document that name it (once per sentence) and its roles and ties."""
    spans = {(s.doc, s.index): (s.start, s.end) for s in stored}
    shared: list[SharedActor] = []
    for entity in ranked:
        if len(shared) >= TOP_SHARED or len({m.doc for m in entity.mentions}) < 2:
            continue
        quotes: dict[str, list[Quote]] = defaultdict(list)
        for mention in entity.mentions:
            if any(q.index == mention.sentence for q in quotes[mention.doc]):
                continue
            start, end = spans[(mention.doc, mention.sentence)]
            text = " ".join(texts[mention.doc][start:end].split())
            quotes[mention.doc].append(Quote(mention.doc, mention.sentence, text))
        shared.append(SharedActor(entity, dict(quotes), facts.get(entity.id, [])))
    return shared


def _sources(
    documents: list[Document],
    entities: list[Entity],
    stored: list[Sentence],
    counts: Counter[tuple[str, str]],
    linked: set[str],
) -> list[Source]:
    """Each document's sentences with the actors they name marked, and its actors by count."""
    in_doc: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in stored:
        in_doc[sentence.doc].append(sentence)
    marked: dict[tuple[str, int], list[tuple[Mention, Entity]]] = defaultdict(list)
    actors_in: dict[str, dict[str, Entity]] = defaultdict(dict)
    for entity in entities:
        for mention in entity.mentions:
            marked[(mention.doc, mention.sentence)].append((mention, entity))
            actors_in[mention.doc][entity.id] = entity
    sources = []
    for doc in documents:
        source = Source(doc=doc)
        source.sentences = [
            (s.index, highlight(doc.text, s.start, s.end, marked[(doc.id, s.index)], linked))
            for s in in_doc[doc.id]
        ]
        source.actor_counts = sorted(
            ((e, counts[(e.id, doc.id)]) for e in actors_in[doc.id].values()),
            key=lambda pair: (-pair[1], pair[0].name),
        )
        sources.append(source)
    return sources


def facts_by_source(
    store: Store, texts: dict[str, str], entities: list[Entity]
) -> dict[str, list[Fact]]:
    """Each document's events, figures and claims, in text order, with their actors named."""
    name_of = {(m.doc, m.index): e.name for e in entities for m in e.mentions}

    def name(doc: str, mention: int | None) -> str | None:
        return name_of.get((doc, mention)) if mention is not None else None

    facts: dict[str, list[Fact]] = defaultdict(list)
    for e in store.events():
        who = " → ".join(n for n in (name(e.doc, e.source), name(e.doc, e.target)) if n)
        label = f"{e.type}{' (not)' if e.negated else ''}{f' ({e.modality})' if e.modality else ''}"
        where = Quote(e.doc, e.sentence, "")
        when = e.happened or e.reported
        facts[e.doc].append(Fact("event", f"{label} {who}".strip(), _words(texts, e), where, when))
    for f in store.figures():
        label = f"{f.qualifier} {f.value:g} {f.unit}" + (f": {f.measures}" if f.measures else "")
        facts[f.doc].append(Fact("figure", label, _words(texts, f), Quote(f.doc, f.sentence, "")))
    for c in store.claims():
        speaker = name(c.doc, c.speaker) or c.speaker_text or "the author"
        label = f"{c.kind} by {speaker}" + (f", {c.certainty}" if c.certainty != "asserted" else "")
        facts[c.doc].append(Fact("claim", label, _words(texts, c), Quote(c.doc, c.sentence, "")))
    for found in facts.values():
        found.sort(key=lambda fact: (fact.quote.index, fact.kind))
    return dict(facts)


def _words(texts: dict[str, str], record: Event | Figure | Claim) -> str:
    return " ".join(texts[record.doc][record.start : record.end].split())


def roles_and_ties(store: Store, names: dict[str, str]) -> dict[str, list[tuple[str, Quote]]]:
    """Entity id -> ("ambassador of Peru to China", the sentence stating it), for each role it
    holds and each tie it has, either way."""
    found: dict[str, list[tuple[str, Quote]]] = defaultdict(list)
    for role in store.roles():
        text = role.title + "".join(
            f" {word} {names[other]}" for word, other in (("of", role.of), ("to", role.to)) if other
        )
        found[role.holder].append((text, Quote(role.doc, role.sentence, "")))
    for tie in store.ties():
        kind = tie.kind.replace("_", " ")
        found[tie.source].append((f"{kind} {names[tie.target]}", Quote(tie.doc, tie.sentence, "")))
        found[tie.target].append(
            (f"{names[tie.source]} {kind} it", Quote(tie.doc, tie.sentence, ""))
        )
    return found


def highlight(
    text: str, start: int, end: int, marked: list[tuple[Mention, Entity]], linked: set[str]
) -> Markup:
    """The sentence text[start:end], escaped, with each actor mention marked, and linked to its
    actor's section where the report has one."""
    parts: list[str] = []
    cursor = start
    for mention, entity in sorted(marked, key=lambda pair: pair[0].start):
        if mention.start < cursor or mention.end > end:
            continue
        parts.append(escape(text[cursor : mention.start]))
        words = text[mention.start : mention.end]
        if entity.id in linked:
            tag = Markup('<a class="actor" href="#{}" title="{}">{}</a>')
            parts.append(tag.format(actor_anchor(entity.id), entity.name, words))
        else:
            parts.append(
                Markup('<mark class="actor" title="{}">{}</mark>').format(entity.name, words)
            )
        cursor = mention.end
    parts.append(escape(text[cursor:end]))
    return Markup("").join(parts)


NOTE_INLINE = 40  # an evidence note longer than this gets a line of its own


def diff_text(diff: SourceDiff) -> str:
    """A comparison for the terminal: grouped by relation, each side's words on its own line."""
    lines = [f"{diff.a.name} ({len(diff.a.docs)} document(s))  vs  {diff.b.name} "
             f"({len(diff.b.docs)} document(s))"]  # fmt: skip
    marks = {diff.a.name: "A", diff.b.name: "B"}
    lines.append(f"A = {diff.a.name}, B = {diff.b.name}")
    for relation, alignments in diff_groups(diff):
        lines += ["", f"{relation.upper()} ({len(alignments)})"]
        for alignment in alignments:
            why = f": {alignment.reason}" if alignment.reason else ""
            lines.append(f"  [{alignment.score:.2f}] {alignment.id} {alignment.kind}{why}")
            for e in sorted(alignment.evidence, key=lambda e: marks.get(e.outlet or "", "?")):
                note = " ".join(e.note.split()) if e.note and e.note != e.text else ""
                text = " ".join(e.text.split())
                short = f"  ({note})" if note and len(note) <= NOTE_INLINE else ""
                lines.append(f"    {marks.get(e.outlet or '', '?')} {e.published or 'undated'}  "
                             f"{_cut(text, 90)}{short}")  # fmt: skip
                if note and not short:  # why, in full: what it matched or why it is alone
                    lines.append(f"        ({_cut(note, 300)})")
    if any(w.sentences for w in diff.wording):
        lines += ["", "LOADED LANGUAGE (each side's own words, quotations left out)"]
        for mark, w in zip("AB", diff.wording, strict=True):
            words = ", ".join(w.words) or "none"
            lines.append(f"  {mark} {w.loaded} of {w.sentences} sentence(s) read as loaded "
                         f"({w.share:.0%}); heaviest words: {words}")  # fmt: skip
            lines += [f"      {_cut(' '.join(e.text.split()), 100)}" for e in w.examples]
    framing = diff.framing_by_actor()
    if framing:
        lines += ["", "FRAMING (actors both sides name)"]
        for name, sides in framing:
            lines.append(f"  {name}")
            for mark, f in zip("AB", sides, strict=True):
                if f is not None:
                    labels = f"called {', '.join(f.labels)}; " if f.labels else ""
                    loaded = f"; loaded words nearby: {', '.join(f.loaded[:4])}" if f.loaded else ""
                    lines.append(f"    {mark} {f.mentions} mention(s); {labels}"
                                 f"stance {f.stance:+.2f}{loaded}")  # fmt: skip
    return "\n".join(lines) + "\n"


def diff_groups(diff: SourceDiff) -> list[tuple[str, list[Alignment]]]:
    grouped = diff.by_relation()
    return [(r, grouped[r]) for r in RELATIONS if r in grouped]


def write_diff_html(diff: SourceDiff, path: str | Path, db: str | Path = DEFAULT_DB) -> Path:
    """The comparison side by side, as a self-contained HTML page (never over the files of the
    store `db`)."""
    page = (
        _environment()
        .get_template("diff.html")
        .render(
            d=diff, groups=diff_groups(diff), framing=diff.framing_by_actor(), version=__version__
        )
    )
    target = Path(path)
    write_output(target, partial(Path.write_text, data=page, encoding="utf-8"), db)
    return target


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("counterpoint", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_text
    return env


MARKDOWN_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(value: object, cell: bool = False) -> str:
    """Article text made safe for report.md: Markdown renderers pass HTML through, so `<`, `>`
    and `&` become entities (a renderer shows them as written), and in a table cell (`cell`) a
    `|` is escaped so it does not end the cell."""
    text = re.sub(r"[&<>]", lambda m: MARKDOWN_ESCAPES[m.group()], str(value))
    return text.replace("|", "\\|") if cell else text


def source_label(doc: Document) -> str:
    outlet = doc.outlet or "unknown outlet"
    when = doc.published.isoformat() if doc.published else "undated"
    return f"{outlet}, {when}: {doc.title or doc.source_path}"


def sentence_anchor(doc: str, index: int) -> str:
    return f"s-{doc}-{index}"


def actor_anchor(entity_id: str) -> str:
    return f"actor-{entity_id}"
