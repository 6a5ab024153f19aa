"""Export: the store as JSON (schema in docs/export.schema.json), Parquet tables, FollowTheMoney
entities (JSON Lines), or a graph of actors (GraphML or GEXF) linked by the ties the articles
state and by co-mention.

The FollowTheMoney mapping (entity types, tie kinds and roles to FtM schemata) is the tables
below; docs/export.schema.json repeats it in the descriptions of `type` and `kind`."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import networkx as nx
import pyarrow.parquet as pq

from counterpoint.align.compare import alignment_data, corpus_alignments
from counterpoint.align.statements import item_id
from counterpoint.config import DEFAULT_DB
from counterpoint.errors import CounterpointError
from counterpoint.outputs.formats import DEFAULT_OUT, FORMATS, check_output, write_output
from counterpoint.records import (
    Claim,
    Document,
    Entity,
    Event,
    Figure,
    Mention,
    Role,
    Sentence,
    Tie,
)
from counterpoint.store import TABLES, Store
from counterpoint.store.export import sentences
from counterpoint.store.stories import stories
from counterpoint.version import __version__

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy
    from followthemoney.schema import Schema

EXPORT_SCHEMA_VERSION = 6


def export(
    db: str | Path = DEFAULT_DB, format: str = "json", out: str | Path | None = None
) -> Path:
    """Write the store in `format` to `out` (a file, or a folder for Parquet); returns the path.
    Only what the export owns is written: a previous file of the same name is replaced, but a
    folder where a file goes is refused, the files already in a Parquet folder stay, and the
    store's own files are never a target."""
    if format not in FORMATS:
        raise CounterpointError(
            f"unknown export format '{format}'; choose one of {', '.join(FORMATS)}"
        )
    target = Path(out or DEFAULT_OUT[format])
    check_output(target, db)
    with Store(db, read_only=True) as store:
        if format == "json":
            text = json.dumps(export_data(store), ensure_ascii=False, indent=1)
            write_output(target, lambda tmp: tmp.write_text(text, encoding="utf-8"), db)
        elif format == "parquet":
            _write_parquet(store, target, db)
        elif format == "ftm":
            lines = [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in ftm_entities(store)]
            text = "".join(f"{line}\n" for line in lines)
            write_output(target, lambda tmp: tmp.write_text(text, encoding="utf-8"), db)
        else:
            graph = xml_safe(actor_graph(store))
            write = nx.write_graphml if format == "graphml" else nx.write_gexf
            write_output(target, lambda tmp: write(graph, tmp), db)
    return target


# -- JSON ------------------------------------------------------------------------------------

Row = dict[str, Any]  # one JSON object of the export, its keys in the order written
ActorIds = dict[tuple[str, int], str]  # (doc, mention index) -> the entity it names


class Span(TypedDict):
    """Where a record is stated, and the words that state it."""

    doc: str
    sentence: int
    start: int
    end: int
    text: str


def export_data(store: Store) -> dict[str, Any]:
    """The JSON export as a Python object: one list per kind of record, facts with the words
    that state them and their actors as entity ids."""
    documents = store.documents()
    texts = {d.id: d.text for d in documents}
    entities = store.entities()
    actors = {(m.doc, m.index): e.id for e in entities for m in e.mentions}
    return {
        "counterpoint_version": __version__,
        "export_schema_version": EXPORT_SCHEMA_VERSION,
        "documents": [_document(d) for d in documents],
        "entities": _entities(entities, store.roles(), texts),
        "ties": [_tie(t, texts) for t in store.ties()],
        "entity_candidates": [asdict(c) for c in store.candidates()],
        "events": [_event(e, texts, actors) for e in store.events()],
        "figures": [_figure(f, texts, actors) for f in store.figures()],
        "claims": [_claim(c, texts, actors) for c in store.claims()],
        "alignments": [alignment_data(a) for a in corpus_alignments(store)],
        "stories": [asdict(s) for s in stories(store)],
    }


def _document(doc: Document) -> Row:
    return {
        "id": doc.id,
        "title": doc.title,
        "outlet": doc.outlet,
        "author": doc.author,
        "published": doc.published.isoformat() if doc.published else None,
        "url": doc.url,
        "language": doc.language,
        "source_path": doc.source_path,
        "format": doc.format,
        "text": doc.text,
    }


def _entities(entities: list[Entity], roles: list[Role], texts: dict[str, str]) -> list[Row]:
    """Each entity with its mentions and the roles it holds."""
    held: dict[str, list[Row]] = defaultdict(list)
    for r in roles:
        held[r.holder].append({"title": r.title, "of": r.of, "to": r.to, **_span(r, texts)})
    return [
        {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "aliases": e.aliases,
            "identifiers": e.identifiers,
            "mentions": [_mention(m) for m in e.mentions],
            "roles": held.get(e.id, []),
        }
        for e in entities
    ]


def _mention(m: Mention) -> Row:
    return {
        "doc": m.doc,
        "start": m.start,
        "end": m.end,
        "sentence": m.sentence,
        "text": m.text,
        "label": m.label,
    }


def _tie(t: Tie, texts: dict[str, str]) -> Row:
    return {"source": t.source, "target": t.target, "kind": t.kind, **_span(t, texts)}


def _event(e: Event, texts: dict[str, str], actors: ActorIds) -> Row:
    return {
        "id": item_id("event", e.doc, e.start, e.end),
        "type": e.type,
        "trigger": e.trigger,
        "source": _actor(actors, e.doc, e.source),
        "target": _actor(actors, e.doc, e.target),
        "place": _actor(actors, e.doc, e.place),
        "happened": e.happened,
        "happened_end": e.happened_end,
        "date_value": e.date_value,
        "reported": e.reported,
        "dead": e.dead,
        "injured": e.injured,
        "size": e.size,
        "negated": e.negated,
        "modality": e.modality,
        **_span(e, texts),
    }


def _figure(f: Figure, texts: dict[str, str], actors: ActorIds) -> Row:
    return {
        "id": item_id("figure", f.doc, f.start, f.end),
        "value": f.value,
        "high": f.high,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "measures": f.measures,
        "about": _actor(actors, f.doc, f.about),
        "refers_to": f.refers_to,
        **_span(f, texts),
    }


def _claim(c: Claim, texts: dict[str, str], actors: ActorIds) -> Row:
    return {
        "id": item_id("claim", c.doc, c.start, c.end),
        "kind": c.kind,
        "speaker": _actor(actors, c.doc, c.speaker),
        "speaker_text": c.speaker_text,
        "cue": c.cue,
        "certainty": c.certainty,
        "endorsement": c.endorsement,
        "nested_in": c.nested_in,
        **_span(c, texts),
    }


def _actor(actors: ActorIds, doc: str, mention: int | None) -> str | None:
    """The entity a fact's actor (a mention index of its document) names, if resolved."""
    return actors.get((doc, mention)) if mention is not None else None


Stated = Tie | Role | Event | Figure | Claim


def _span(record: Stated, texts: dict[str, str]) -> Span:
    return {
        "doc": record.doc,
        "sentence": record.sentence,
        "start": record.start,
        "end": record.end,
        "text": _evidence(record, texts),
    }


def _evidence(record: Stated, texts: dict[str, str]) -> str:
    return texts.get(record.doc, "")[record.start : record.end]


# -- GraphML and GEXF ------------------------------------------------------------------------


def actor_graph(store: Store) -> nx.MultiGraph:
    """Actors as nodes. Between two actors, one edge of kind "co-mention" where they are named
    in the same sentence (weighted by how many sentences do so), and one edge per tie kind
    (source -kind-> target) and per role title (holder -"role"-> of / to) that the articles
    state, weighted by how many sentences state it, with the words that state it as `evidence`.
    Every attribute is a string or a number, so GraphML and GEXF readers (Gephi, networkx) take
    it as it is; `label` tells parallel edges apart in Gephi."""
    graph = nx.MultiGraph()
    entities = store.entities()
    for entity in entities:
        graph.add_node(
            entity.id,
            label=entity.name,
            type=entity.type,
            identifiers=" ".join(f"{k}:{v}" for k, v in sorted(entity.identifiers.items())),
            mentions=len(entity.mentions),
            documents=len({m.doc for m in entity.mentions}),
        )
    _add_co_mentions(graph, entities)
    texts = {d.id: d.text for d in store.documents()}
    _add_stated_links(graph, store.ties(), store.roles(), texts)
    return graph


def _add_co_mentions(graph: nx.MultiGraph, entities: list[Entity]) -> None:
    """One "co-mention" edge for each two actors named in a same sentence."""
    in_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    for entity in entities:
        for m in entity.mentions:
            in_sentence[(m.doc, m.sentence)].add(entity.id)
    weights: Counter[tuple[str, str]] = Counter()
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (doc, _sentence), ids in in_sentence.items():
        for pair in itertools.combinations(sorted(ids), 2):
            weights[pair] += 1
            docs[pair].add(doc)
    for (a, b), weight in weights.items():
        graph.add_edge(
            a,
            b,
            key=f"{a}|{b}|co-mention",
            kind="co-mention",
            label="co-mention",
            weight=weight,
            documents=" ".join(sorted(docs[(a, b)])),
        )


def _add_stated_links(
    graph: nx.MultiGraph, ties: list[Tie], roles: list[Role], texts: dict[str, str]
) -> None:
    """One edge per tie kind and per role title between two actors of the graph."""
    # (source, target, kind, title) -> [(doc, evidence)]
    stated: dict[tuple[str, str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for tie in ties:
        stated[(tie.source, tie.target, tie.kind, "")].append((tie.doc, _evidence(tie, texts)))
    for role in roles:
        for other, title in ((role.of, role.title), (role.to, f"{role.title} to")):
            if other:
                stated[(role.holder, other, "role", title)].append(
                    (role.doc, _evidence(role, texts))
                )
    for (source, target, kind, title), items in stated.items():
        if source == target or source not in graph or target not in graph:
            continue
        attrs: dict[str, Any] = {
            "kind": kind,
            "label": f"role: {title}" if title else kind,
            "weight": len(items),
            "documents": " ".join(sorted({doc for doc, _ in items})),
            "evidence": " | ".join(dict.fromkeys(text for _, text in items)),
            "source_id": source,
            "target_id": target,
        }
        if title:
            attrs["title"] = title
        key = f"{source}|{target}|{kind}" + (f"|{title}" if title else "")
        graph.add_edge(source, target, key=key, **attrs)


# Characters XML 1.0 does not allow, even escaped: most control characters, lone surrogates,
# U+FFFE and U+FFFF. An article may hold them; GraphML and GEXF cannot.
XML_FORBIDDEN = re.compile(r"[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def xml_safe(graph: nx.MultiGraph) -> nx.MultiGraph:
    """A copy of `graph` without the characters XML 1.0 forbids in any text (ids, keys and
    attributes), so that its GraphML and GEXF parse back."""

    def clean(value: Any) -> Any:
        return XML_FORBIDDEN.sub("", value) if isinstance(value, str) else value

    safe = nx.MultiGraph()
    for node, attrs in graph.nodes(data=True):
        safe.add_node(clean(node), **{name: clean(v) for name, v in attrs.items()})
    for a, b, key, attrs in graph.edges(keys=True, data=True):
        safe.add_edge(
            clean(a), clean(b), key=clean(key), **{name: clean(v) for name, v in attrs.items()}
        )
    return safe


# -- FollowTheMoney --------------------------------------------------------------------------

# Counterpoint's entity types to FtM schemata. FtM 4 has a `Territory` schema for countries,
# but it is reference geography, not a legal entity: it cannot be a member, an owner, a payer
# or a client. A country that acts in the news is its state, so it becomes a `PublicBody`.
ENTITY_SCHEMATA = {
    "Person": "Person",
    "Organization": "Organization",
    "Company": "Company",
    "PublicBody": "PublicBody",
    "Country": "PublicBody",
    "Location": "Address",
    "Group": "Organization",
}
FALLBACK_ENTITY_SCHEMA = "LegalEntity"
# Kept in `classification` where the FtM schema does not say it.
CLASSIFICATIONS = {"Country": "country", "Group": "group"}
# Entity.identifiers schemes to FtM properties (`iso3166` also fills `jurisdiction` for a
# country); other schemes have no FtM property and are left out.
IDENTIFIER_PROPERTIES = {"iso3166": "country", "wikidata": "wikidataId"}
MIME_TYPES = {
    "text": "text/plain",
    "markdown": "text/markdown",
    "html": "text/html",
    "json": "application/json",
}


@dataclass(frozen=True)
class Link:
    """An FtM interval schema for a tie: the properties taking its two ends, and the property
    and value that say what kind of link it is."""

    schema: str
    source: str
    target: str
    label: str | None = None
    value: str = ""


# Tie kinds to the FtM schemata that fit, best first. A schema is used only when both ends
# are of the types its properties accept (Ownership needs an Asset such as a Company, Associate
# two people, Membership and Directorship an Organization); else the next one, and last an
# UnknownLink whose `role` is the kind.
TIE_LINKS: dict[str, tuple[Link, ...]] = {
    "member_of": (Link("Membership", "member", "organization", "role", "member"),),
    "leads": (Link("Directorship", "director", "organization", "role", "leader"),),
    "owns": (Link("Ownership", "owner", "asset", "role", "owner"),),
    "invests_in": (
        Link("Ownership", "owner", "asset", "role", "investor"),
        Link("Payment", "payer", "beneficiary", "purpose", "investment"),
    ),
    "funds": (Link("Payment", "payer", "beneficiary", "purpose", "funding"),),
    "allied_with": (Link("Associate", "person", "associate", "relationship", "ally"),),
    "trained_at": (Link("Membership", "member", "organization", "role", "trained at"),),
    "trains_at": (Link("Membership", "member", "organization", "role", "trained at"),),
    "meets": (Link("Event", "involved", "involved"),),
    "ambassador_of": (Link("Representation", "agent", "client", "role", "ambassador"),),
}
# Titles of people who act for the entity their role is `of`: such roles are Representations,
# other roles Memberships.
REPRESENTATIVE_TITLE = re.compile(
    r"\b(ambassador|envoy|emissary|consul|representative|delegate|spokes(wo)?(man|person))",
    re.IGNORECASE,
)


def ftm_entities(store: Store) -> list[dict[str, Any]]:
    """The store as FollowTheMoney entities: an Article per document, an entity per actor, an
    interval entity (Membership, Ownership, Payment, UnknownLink ...) per tie and per role, each
    with its `proof` (the Article stating it). Each is checked against its schema; the same
    link stated twice by the same words (a tie and a role, say) is one entity."""
    unique: dict[str, EntityProxy] = {}
    for proxy in _ftm_proxies(store):
        assert proxy.id is not None
        if proxy.id in unique:
            unique[proxy.id].merge(proxy)
        else:
            unique[proxy.id] = proxy
    return [_checked(proxy) for proxy in unique.values()]


def _ftm_proxies(store: Store) -> Iterator[EntityProxy]:
    """The Articles, then the actors, then the links ties and roles state."""
    documents = {d.id: d for d in store.documents()}
    articles = {doc_id: _ftm_id(f"article-{doc_id}") for doc_id in documents}
    for doc in documents.values():
        yield _article(doc, articles[doc.id])

    proxies = {entity.id: _entity(entity, articles) for entity in store.entities()}
    roles = store.roles()
    for role in roles:  # a person's title is also their `position`
        holder = proxies.get(role.holder)
        if holder is not None and holder.schema.is_a("Person"):
            holder.add("position", _role_phrase(role, proxies))
    yield from proxies.values()

    stating = {(s.doc, s.index): s for s in sentences(store)}
    links = _Links(documents, stating, articles, proxies)
    for tie in store.ties():
        yield from links.of_tie(tie)
    for role in roles:
        yield from links.of_role(role)


@dataclass(frozen=True)
class _Links:
    """Makes the FtM interval entities of ties and roles, between the actors' `proxies`, each
    with the words and the sentence stating it and the Article it is stated in."""

    documents: dict[str, Document]
    sentences: dict[tuple[str, int], Sentence]
    articles: dict[str, str]  # doc id -> its Article's id
    proxies: dict[str, EntityProxy]  # entity id -> its FtM entity

    def of_tie(self, tie: Tie) -> Iterator[EntityProxy]:
        if tie.source == tie.target or tie.doc not in self.documents:
            return
        if tie.source not in self.proxies or tie.target not in self.proxies:
            return
        unknown = Link("UnknownLink", "subject", "object", "role", tie.kind.replace("_", " "))
        link = self._fitting(TIE_LINKS.get(tie.kind, ()), tie.source, tie.target) or unknown
        yield self._stated(tie, link, tie.source, tie.target)

    def of_role(self, role: Role) -> Iterator[EntityProxy]:
        """A Representation or a Membership (else an UnknownLink) of the holder to the entity
        the role is `of`, and an UnknownLink to the one it is `to`."""
        if role.holder not in self.proxies or role.doc not in self.documents:
            return
        if role.of in self.proxies and role.of != role.holder:
            links: tuple[Link, ...] = (
                Link("Representation", "agent", "client", "role", role.title),
                Link("Membership", "member", "organization", "role", role.title),
            )
            if not REPRESENTATIVE_TITLE.search(role.title):
                links = links[1:]
            link = self._fitting(links, role.holder, role.of) or Link(
                "UnknownLink", "subject", "object", "role", role.title
            )
            yield self._stated(role, link, role.holder, role.of)
        if role.to in self.proxies and role.to not in (role.holder, role.of):
            link = Link("UnknownLink", "subject", "object", "role", f"{role.title} to")
            yield self._stated(role, link, role.holder, role.to)

    def _fitting(self, links: tuple[Link, ...], source: str, target: str) -> Link | None:
        ends = (self.proxies[source].schema, self.proxies[target].schema)
        return next((link for link in links if _fits(link, *ends)), None)

    def _stated(self, record: Tie | Role, link: Link, source: str, target: str) -> EntityProxy:
        from followthemoney import model

        doc = self.documents[record.doc]
        proxy = model.make_entity(link.schema)
        proxy.make_id("counterpoint", link.schema, source, target, link.value, *_where(record))
        proxy.add(link.source, self.proxies[source].id)
        proxy.add(link.target, self.proxies[target].id)
        if link.label:
            proxy.add(link.label, link.value)
        if link.schema == "Event":
            names = (_name(self.proxies[source]), _name(self.proxies[target]))
            proxy.add("name", f"{names[0]} meets {names[1]}")
        evidence = doc.text[record.start : record.end]
        proxy.add("summary", evidence)
        sentence = self.sentences.get((record.doc, record.sentence))
        if sentence is not None:
            text = doc.text[sentence.start : sentence.end].strip()
            if text != evidence:
                proxy.add("description", text)
        proxy.add("proof", self.articles[doc.id])
        proxy.add("date", doc.published.isoformat() if doc.published else None)
        proxy.add("publisher", doc.outlet)
        proxy.add("sourceUrl", doc.url)
        return proxy


def _article(doc: Document, article_id: str) -> EntityProxy:
    from followthemoney import model

    proxy = model.make_entity("Article")
    proxy.id = article_id
    proxy.add("title", doc.title)
    proxy.add("publisher", doc.outlet)
    proxy.add("author", doc.author)
    proxy.add("publishedAt", doc.published.isoformat() if doc.published else None)
    proxy.add("sourceUrl", doc.url)
    proxy.add("language", doc.language)
    proxy.add("fileName", Path(doc.source_path).name)
    proxy.add("mimeType", MIME_TYPES.get(doc.format))
    proxy.add("bodyText", doc.text)
    return proxy


def _entity(entity: Entity, articles: dict[str, str]) -> EntityProxy:
    from followthemoney import model

    name = ENTITY_SCHEMATA.get(entity.type, entity.type)
    schema = model.get(name)
    if schema is None or schema.abstract or schema.edge or not schema.is_a("Thing"):
        name = FALLBACK_ENTITY_SCHEMA
    proxy = model.make_entity(name)
    proxy.id = _ftm_id(entity.id)
    proxy.add("name", entity.name)
    if proxy.schema.is_a("Address"):
        proxy.add("full", entity.name)
    proxy.add("alias", [alias for alias in entity.aliases if alias != entity.name])
    if proxy.schema.is_a("LegalEntity"):
        proxy.add("classification", CLASSIFICATIONS.get(entity.type))
    for scheme, prop in IDENTIFIER_PROPERTIES.items():
        value = entity.identifiers.get(scheme)
        if value:
            proxy.add(prop, value.lower() if scheme == "iso3166" else value)
    if entity.type == "Country" and proxy.schema.is_a("LegalEntity"):
        proxy.add("jurisdiction", proxy.get("country"))
    proxy.add("proof", sorted({articles[m.doc] for m in entity.mentions if m.doc in articles}))
    return proxy


def _fits(link: Link, source: Schema, target: Schema) -> bool:
    """Whether the two ends are of the types the link's properties accept."""
    from followthemoney import model

    schema = model.get(link.schema)
    if schema is None:
        return False
    for prop_name, end in ((link.source, source), (link.target, target)):
        prop = schema.get(prop_name)
        if prop is None or (prop.range is not None and not end.is_a(prop.range)):
            return False
    return True


def _role_phrase(role: Role, proxies: dict[str, EntityProxy]) -> str:
    """'ambassador of Peru to China'."""
    phrase = role.title
    for word, other in (("of", role.of), ("to", role.to)):
        if other in proxies:
            phrase += f" {word} {_name(proxies[other])}"
    return phrase


def _name(proxy: EntityProxy) -> str:
    return proxy.first("name") or proxy.id or ""


def _where(record: Tie | Role) -> tuple[str, int, int, int]:
    return (record.doc, record.sentence, record.start, record.end)


def _ftm_id(value: str) -> str:
    """`value` if FtM takes it as an entity id (letters, digits, '.', '-'), else a hash of it."""
    from followthemoney.types import registry

    if registry.entity.clean(value) == value:
        return value
    from followthemoney.util import make_entity_id

    made = make_entity_id("counterpoint", value)
    assert made is not None
    return made


def _checked(proxy: EntityProxy) -> dict[str, Any]:
    """The entity as a dict, once its schema accepts it (FtM raises InvalidData otherwise)."""
    from followthemoney.exc import InvalidData

    missing = [name for name in proxy.schema.required if not proxy.has(name)]
    if proxy.id is None or missing:
        raise InvalidData(f"{proxy.schema.name} {proxy.id}: missing {', '.join(missing)}")
    data = proxy.to_dict()
    proxy.schema.validate({"properties": data["properties"]})
    return data


# -- Parquet ---------------------------------------------------------------------------------


def _write_parquet(store: Store, folder: Path, db: str | Path) -> None:
    """One file per table in `folder`, made if missing; other files in it stay as they are."""
    if folder.exists() and not folder.is_dir():
        raise CounterpointError(
            f"{folder}: is a file; Parquet is written to a folder (one file per table)"
        )
    for name in TABLES:
        table = store.table(name)
        write_output(folder / f"{name}.parquet", partial(pq.write_table, table), db)
