"""The graph exports (FollowTheMoney, GEXF, GraphML) and the JSON export's ties, roles and
candidates, on a small store built by hand from an invented story."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import networkx as nx
import pytest
from followthemoney import model

import counterpoint
from counterpoint.records import (
    Annotation,
    CandidateLink,
    Document,
    Entity,
    Mention,
    Resolution,
    Role,
    Sentence,
    Tie,
)
from counterpoint.store import Store
from counterpoint.store.resolution import write_resolution

from conftest import REPO, write

SCHEMA = json.loads((REPO / "docs" / "export.schema.json").read_text())

# Two articles; each is a list of sentences, each sentence with the names it mentions (a name
# written twice in a sentence is listed twice, in order).
STORY = {
    "harbour": (
        Document(
            id=hashlib.sha256(b"harbour").hexdigest()[:16],
            text="",
            source_path="in/harbour.txt",
            title="Envoy meets shipping chief",
            outlet="Harbour Courier",
            author="Mina Okafor",
            published=date(2025, 3, 3),
            url="https://harbour-courier.example/envoy",
            language="en",
        ),
        [
            (
                "Ines Calder, the ambassador of Peru to Chile, met Piet Anders in Valparaiso "
                "on Monday.",
                ["Ines Calder", "Peru", "Chile", "Piet Anders", "Valparaiso"],
            ),
            (
                "Anders is a member of the Andean Shipping Council.",
                ["Anders", "Andean Shipping Council"],
            ),
            ("Peru owns Corvane Shipping, the ministry said.", ["Peru", "Corvane Shipping"]),
        ],
    ),
    "filings": (
        Document(
            id=hashlib.sha256(b"filings").hexdigest()[:16],
            text="",
            source_path="in/filings.md",
            title="What the filings show",
            outlet="Valley Post",
            published=date(2025, 3, 5),
            language="en",
            format="markdown",
        ),
        [
            (
                "Corvane Shipping funds the Andean Shipping Council, according to filings.",
                ["Corvane Shipping", "Andean Shipping Council"],
            ),
            ("Peru trades with Chile and invests in Chile's ports.", ["Peru", "Chile", "Chile"]),
            ("The Andean Council criticised Piet Anders.", ["Andean Council", "Piet Anders"]),
        ],
    ),
}

# name -> (id, type, identifiers); every surface form above belongs to one of these.
ACTORS = {
    "Ines Calder": ("person-calder", "Person", {}),
    "Piet Anders": ("person-anders", "Person", {}),
    "Peru": ("country-peru", "Country", {"iso3166": "PE", "wikidata": "Q419"}),
    "Chile": ("country-chile", "Country", {"iso3166": "CL"}),
    "Valparaiso": ("location-valparaiso", "Location", {}),
    "Andean Shipping Council": ("organization-asc", "Organization", {}),
    "Andean Council": ("organization-ac", "Organization", {}),
    "Corvane Shipping": ("company-corvane", "Company", {}),
}
SURFACE = {"Anders": "Piet Anders"}
LABELS = {"Person": "PERSON", "Country": "GPE", "Location": "GPE"}


def actor(name: str) -> str:
    return ACTORS[name][0]


class Built:
    """The store and what went into it."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.docs: dict[str, Document] = {}
        self.mentions: dict[str, list[Mention]] = {}
        self.ties: list[Tie] = []
        self.roles: list[Role] = []
        self.sentences: dict[str, list[Sentence]] = {}

    def span(self, key: str, sentence: int, words: str) -> tuple[str, int, int, int]:
        """(doc, sentence, start, end) of `words` in the given sentence."""
        doc = self.docs[key]
        sentences = self.sentences[key]
        start = doc.text.index(words, sentences[sentence].start, sentences[sentence].end)
        return doc.id, sentence, start, start + len(words)


@pytest.fixture
def built(tmp_path: Path) -> Built:
    result = Built(tmp_path / "s.duckdb")
    by_actor: dict[str, list[Mention]] = {name: [] for name in ACTORS}
    with Store(result.db) as store:
        for key, (blank, lines) in STORY.items():
            text = " ".join(sentence for sentence, _ in lines) + "\n"
            doc = replace(blank, text=text)
            sentences: list[Sentence] = []
            mentions: list[Mention] = []
            cursor = 0
            for index, (sentence, names) in enumerate(lines):
                start = text.index(sentence, cursor)
                sentences.append(Sentence(doc.id, index, start, start + len(sentence)))
                position = start
                for name in names:
                    at = text.index(name, position)
                    position = at + len(name)
                    full = SURFACE.get(name, name)
                    mention = Mention(
                        doc=doc.id,
                        index=len(mentions),
                        sentence=index,
                        start=at,
                        end=at + len(name),
                        text=name,
                        label=LABELS.get(ACTORS[full][1], "ORG"),
                        entity=actor(full),
                    )
                    mentions.append(mention)
                    by_actor[full].append(mention)
                cursor = start + len(sentence)
            store.add_annotation(Annotation(doc=doc, sentences=sentences, mentions=mentions))
            result.docs[key] = doc
            result.sentences[key] = sentences
        entities = [
            Entity(
                id=entity_id,
                name=name,
                type=kind,
                aliases=sorted({m.text for m in by_actor[name]}),
                mentions=by_actor[name],
                identifiers=identifiers,
            )
            for name, (entity_id, kind, identifiers) in ACTORS.items()
        ]

        def tie(source: str, kind: str, target: str, *where: Any) -> Tie:
            return Tie(actor(source), actor(target), kind, *result.span(*where))

        result.ties = [
            tie(
                "Ines Calder",
                "meets",
                "Piet Anders",
                "harbour",
                0,
                "Ines Calder, the ambassador of Peru to Chile, met Piet Anders",
            ),
            tie(
                "Piet Anders",
                "member_of",
                "Andean Shipping Council",
                "harbour",
                1,
                "Anders is a member of the Andean Shipping Council",
            ),
            tie("Peru", "owns", "Corvane Shipping", "harbour", 2, "Peru owns Corvane Shipping"),
            tie(
                "Corvane Shipping",
                "funds",
                "Andean Shipping Council",
                "filings",
                0,
                "Corvane Shipping funds the Andean Shipping Council",
            ),
            tie("Peru", "trades_with", "Chile", "filings", 1, "Peru trades with Chile"),
            tie("Peru", "invests_in", "Chile", "filings", 1, "invests in Chile"),
            tie(
                "Andean Council",
                "criticises",
                "Piet Anders",
                "filings",
                2,
                "The Andean Council criticised Piet Anders",
            ),
        ]
        result.roles = [
            Role(
                actor("Ines Calder"),
                "ambassador",
                actor("Peru"),
                actor("Chile"),
                *result.span("harbour", 0, "the ambassador of Peru to Chile"),
            )
        ]
        candidates = [
            CandidateLink(
                actor("Andean Shipping Council"), actor("Andean Council"), 0.6, "shared words"
            )
        ]
        # Written as they are, mention by mention: how a resolution derives them is not the
        # point here.
        write_resolution(store, Resolution(entities=entities, corrected=True))
        store.insert_records("ties", Tie, result.ties)
        store.insert_records("roles", Role, result.roles)
        store.insert_records("entity_candidates", CandidateLink, candidates)
    return result


def test_ftm_export_is_valid_followthemoney_with_articles_as_proof(
    built: Built, tmp_path: Path
) -> None:
    path = counterpoint.export(built.db, "ftm", tmp_path / "out.ftm.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    proxies = {}
    for line in lines:
        data = json.loads(line)
        proxy = model.get_proxy(data, cleaned=False)  # re-cleans every value
        assert proxy.to_dict()["properties"] == data["properties"], "a value did not survive"
        proxy.schema.validate(data)
        assert all(proxy.has(name) for name in proxy.schema.required)
        assert proxy.id not in proxies
        proxies[proxy.id] = proxy
    # Every reference points at an entity of the file, of a type the property accepts.
    for proxy in proxies.values():
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in proxies, (proxy.schema.name, prop.name, value)
                assert prop.range is None or proxies[value].schema.is_a(prop.range)

    harbour, filings = built.docs["harbour"], built.docs["filings"]
    articles = {p.first("title"): p for p in proxies.values() if p.schema.name == "Article"}
    article = articles["Envoy meets shipping chief"]
    assert article.get("publisher") == ["Harbour Courier"]
    assert article.get("author") == ["Mina Okafor"]
    assert article.get("publishedAt") == ["2025-03-03"]
    assert article.get("sourceUrl") == ["https://harbour-courier.example/envoy"]
    assert article.get("language") == ["eng"]
    assert article.get("fileName") == ["harbour.txt"]
    assert articles["What the filings show"].get("publisher") == ["Valley Post"]
    article_of = {harbour.id: article.id, filings.id: articles["What the filings show"].id}

    peru = proxies[actor("Peru")]
    assert peru.schema.name == "PublicBody"
    assert peru.get("country") == ["pe"] and peru.get("jurisdiction") == ["pe"]
    assert peru.get("wikidataId") == ["Q419"]
    assert sorted(peru.get("proof")) == sorted(article_of.values())
    assert proxies[actor("Chile")].get("country") == ["cl"]
    assert proxies[actor("Corvane Shipping")].schema.name == "Company"
    assert proxies[actor("Valparaiso")].schema.name == "Address"
    anders = proxies[actor("Piet Anders")]
    assert anders.schema.name == "Person" and anders.get("alias") == ["Anders"]
    calder = proxies[actor("Ines Calder")]
    assert calder.get("position") == ["ambassador of Peru to Chile"]

    def links(schema: str) -> list[Any]:
        return [p for p in proxies.values() if p.schema.name == schema]

    (ownership,) = links("Ownership")
    assert ownership.schema.is_a("Interval")
    assert ownership.get("owner") == [actor("Peru")]
    assert ownership.get("asset") == [actor("Corvane Shipping")]
    assert ownership.get("proof") == [article.id]
    assert ownership.get("summary") == ["Peru owns Corvane Shipping"]
    assert ownership.get("description") == ["Peru owns Corvane Shipping, the ministry said."]
    assert ownership.get("date") == ["2025-03-03"]

    (membership,) = links("Membership")
    assert membership.get("member") == [actor("Piet Anders")]
    assert membership.get("organization") == [actor("Andean Shipping Council")]
    (payment_funds, payment_invests) = sorted(links("Payment"), key=lambda p: p.get("purpose"))
    assert payment_funds.get("purpose") == ["funding"]
    assert payment_funds.get("payer") == [actor("Corvane Shipping")]
    assert payment_funds.get("proof") == [article_of[filings.id]]
    assert payment_funds.get("date") == ["2025-03-05"]
    # Chile is no Asset, so investing in it is a Payment, not an Ownership.
    assert payment_invests.get("purpose") == ["investment"]
    assert payment_invests.get("beneficiary") == [actor("Chile")]
    (meeting,) = links("Event")
    assert sorted(meeting.get("involved")) == sorted([actor("Ines Calder"), actor("Piet Anders")])
    (representation,) = links("Representation")
    assert representation.get("agent") == [actor("Ines Calder")]
    assert representation.get("client") == [actor("Peru")]
    assert representation.get("role") == ["ambassador"]
    assert representation.get("summary") == ["the ambassador of Peru to Chile"]
    unknown = {p.first("role"): p for p in links("UnknownLink")}
    assert set(unknown) == {"trades with", "criticises", "ambassador to"}
    assert unknown["trades with"].get("subject") == [actor("Peru")]
    assert unknown["trades with"].get("object") == [actor("Chile")]
    assert unknown["ambassador to"].get("object") == [actor("Chile")]
    assert all(p.get("proof") for p in proxies.values() if p.schema.is_a("Interval"))


def read_graph(path: Path) -> Any:
    if path.suffix == ".gexf":
        return nx.read_gexf(path)
    return nx.read_graphml(path)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_exports_carry_typed_ties_with_their_evidence(
    built: Built, tmp_path: Path, fmt: str
) -> None:
    graph = read_graph(counterpoint.export(built.db, fmt, tmp_path / f"g.{fmt}"))
    assert graph.is_multigraph()
    peru, corvane = actor("Peru"), actor("Corvane Shipping")
    assert graph.nodes[peru]["label"] == "Peru"
    assert graph.nodes[peru]["type"] == "Country"
    assert graph.nodes[peru]["identifiers"] == "iso3166:PE wikidata:Q419"
    edges = list(graph.get_edge_data(peru, corvane).values())
    by_kind = {edge["kind"]: edge for edge in edges}
    assert set(by_kind) == {"co-mention", "owns"}
    owns = by_kind["owns"]
    assert owns["evidence"] == "Peru owns Corvane Shipping"
    assert int(owns["weight"]) == 1
    assert owns["documents"] == built.docs["harbour"].id
    assert (owns["source_id"], owns["target_id"]) == (peru, corvane)
    assert int(by_kind["co-mention"]["weight"]) == 1
    # Two tie kinds between the same pair stay two edges; so does the role.
    kinds = sorted(e["kind"] for e in graph.get_edge_data(peru, actor("Chile")).values())
    assert kinds == ["co-mention", "invests_in", "trades_with"]
    role = [
        e for e in graph.get_edge_data(actor("Ines Calder"), peru).values() if e["kind"] == "role"
    ]
    assert [(r["title"], r["evidence"]) for r in role] == [
        ("ambassador", "the ambassador of Peru to Chile")
    ]
    # Nothing list-valued: every attribute is a plain string or number.
    for _, _, data in graph.edges(data=True):
        assert all(isinstance(v, str | int | float) for v in data.values())


def test_json_export_has_ties_roles_identifiers_and_candidates(
    built: Built, tmp_path: Path
) -> None:
    data = json.loads(counterpoint.export(built.db, "json", tmp_path / "out.json").read_text())
    jsonschema.validate(data, SCHEMA)
    assert data["export_schema_version"] == 6
    texts = {d["id"]: d["text"] for d in data["documents"]}
    entities = {e["id"]: e for e in data["entities"]}
    assert entities[actor("Peru")]["identifiers"] == {"iso3166": "PE", "wikidata": "Q419"}
    assert entities[actor("Piet Anders")]["identifiers"] == {}

    assert len(data["ties"]) == len(built.ties)
    expected = {(t.source, t.kind, t.target): t for t in built.ties}
    for tie in data["ties"]:
        record = expected[(tie["source"], tie["kind"], tie["target"])]
        assert (tie["doc"], tie["sentence"], tie["start"], tie["end"]) == (
            record.doc,
            record.sentence,
            record.start,
            record.end,
        )
        assert texts[tie["doc"]][tie["start"] : tie["end"]] == tie["text"]
    owns = next(t for t in data["ties"] if t["kind"] == "owns")
    assert owns["text"] == "Peru owns Corvane Shipping"

    (role,) = entities[actor("Ines Calder")]["roles"]
    assert role["title"] == "ambassador"
    assert (role["of"], role["to"]) == (actor("Peru"), actor("Chile"))
    assert texts[role["doc"]][role["start"] : role["end"]] == role["text"]
    assert role["text"] == "the ambassador of Peru to Chile"
    assert all(not e["roles"] for e in data["entities"] if e["id"] != actor("Ines Calder"))

    assert data["entity_candidates"] == [
        {
            "a": actor("Andean Shipping Council"),
            "b": actor("Andean Council"),
            "score": 0.6,
            "reason": "shared words",
        }
    ]


def test_cli_writes_gexf_and_ftm_to_their_default_files(built: Built, run, tmp_path: Path) -> None:
    for fmt, name in (("gexf", "counterpoint.gexf"), ("ftm", "counterpoint.ftm.jsonl")):
        result = run("export", "--format", fmt, "--db", str(built.db))
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).exists()
    lines = (tmp_path / "counterpoint.ftm.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 + len(ACTORS) + len(built.ties) + 2  # role: Representation + to-link


def test_demo_corpus_exports_as_valid_ftm_and_gexf(demo_db: Path, tmp_path: Path) -> None:
    lines = counterpoint.export(demo_db, "ftm", tmp_path / "d.jsonl").read_text().splitlines()
    proxies = [model.get_proxy(json.loads(line), cleaned=False) for line in lines]
    for proxy in proxies:
        proxy.schema.validate(proxy.to_dict())
    assert sum(p.schema.name == "Article" for p in proxies) == 6
    assert any(p.first("name") == "Corvane Mining Group" for p in proxies)
    ids = {p.id for p in proxies}
    assert len(ids) == len(proxies)
    assert all(
        value in ids
        for p in proxies
        for prop, value in p.itervalues()
        if prop.type.name == "entity"
    )
    graphml = nx.read_graphml(counterpoint.export(demo_db, "graphml", tmp_path / "d.graphml"))
    gexf = nx.read_gexf(counterpoint.export(demo_db, "gexf", tmp_path / "d.gexf"))
    assert set(gexf.nodes) == set(graphml.nodes)
    assert gexf.number_of_edges() == graphml.number_of_edges() > 20


# An article whose text holds control characters XML 1.0 cannot carry: a vertical tab in a
# sentence that states a role, an escape character inside a company's name.
CONTROL_ARTICLE = {
    "title": "Envoy\x0b meets \x00chief",
    "outlet": "Harbour Courier",
    "text": "Envoy meets shipping chief\n\nInes Calder, the ambassador of Peru\x0b to Chile, met "
    "Piet Anders in Valparaiso on Monday. Anders is a member of the Andean Shipping Council. "
    "Peru owns Corvane\x1b Shipping, the ministry said.\n",
}
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@pytest.fixture(scope="module")
def control_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("control")
    article = write(folder, "envoy.json", json.dumps(CONTROL_ARTICLE))
    db = folder / "control.duckdb"
    counterpoint.analyze([article], db=db)
    return db


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_exports_of_text_with_control_characters_parse_back(
    control_db: Path, tmp_path: Path, fmt: str
) -> None:
    graph = read_graph(counterpoint.export(control_db, fmt, tmp_path / f"g.{fmt}"))
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert "Corvane Shipping" in labels
    evidence = {data.get("evidence") for _, _, data in graph.edges(data=True)}
    assert "Peru owns Corvane Shipping" in evidence
    for _, _, data in graph.edges(data=True):
        assert not any(XML_FORBIDDEN.search(v) for v in data.values() if isinstance(v, str))
