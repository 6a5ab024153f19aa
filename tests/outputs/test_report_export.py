"""The report and the exports: what a reader and a downstream tool get from the store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import networkx as nx
import pyarrow.parquet as pq

import counterpoint
from counterpoint.align.compare import Side, SourceDiff
from counterpoint.outputs.report import diff_text
from counterpoint.records import Alignment, Evidence
from counterpoint.store import TABLES

from conftest import REPO, write

SCHEMA = json.loads((REPO / "docs" / "export.schema.json").read_text())


def test_json_export_matches_its_schema_and_every_offset_points_at_its_text(
    demo_db: Path, tmp_path: Path
) -> None:
    path = counterpoint.export(demo_db, "json", tmp_path / "out.json")
    data = json.loads(path.read_text())
    jsonschema.validate(data, SCHEMA)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    mentions = [m for e in data["entities"] for m in e["mentions"]]
    assert len(mentions) > 100
    for m in mentions:
        assert texts[m["doc"]][m["start"] : m["end"]] == m["text"]
    assert len(data["documents"]) == 6
    for entity in data["entities"]:
        assert set(entity["aliases"]) == {m["text"] for m in entity["mentions"]}
    # Events, figures and claims come with the words that state them and resolved actors.
    for kind in ("events", "figures", "claims"):
        assert data[kind], kind
        assert all(texts[x["doc"]][x["start"] : x["end"]] == x["text"] for x in data[kind])
    entity_ids = {e["id"] for e in data["entities"]}
    speakers = {c["speaker"] for c in data["claims"]} - {None}
    assert speakers and speakers <= entity_ids
    assert any(f["text"] == "At least 31 people" and f["value"] == 31 for f in data["figures"])


def test_parquet_export_has_one_file_per_table(demo_db: Path, tmp_path: Path) -> None:
    folder = counterpoint.export(demo_db, "parquet", tmp_path / "pq")
    assert {p.stem for p in folder.iterdir()} == set(TABLES)
    documents = pq.read_table(folder / "documents.parquet")
    assert documents.num_rows == 6 and "outlet" in documents.column_names
    assert pq.read_table(folder / "mentions.parquet").num_rows > 100


def test_graphml_links_actors_mentioned_together(demo_db: Path, tmp_path: Path) -> None:
    graph = nx.read_graphml(counterpoint.export(demo_db, "graphml", tmp_path / "g.graphml"))
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert "Corvane Mining Group" in labels
    assert graph.number_of_edges() > 20
    heaviest = max(graph.edges(data=True), key=lambda edge: edge[2]["weight"])
    assert heaviest[2]["weight"] >= 2 and heaviest[2]["kind"] == "co-mention"


def test_report_compares_sources_side_by_side_and_links_each_sentence(
    demo_db: Path, tmp_path: Path
) -> None:
    html_path, md_path = counterpoint.report(demo_db, tmp_path / "r")
    html = html_path.read_text()
    # Self-contained: nothing is fetched from the network to open it.
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<script" not in html
    # Every sentence link lands on an anchor in the source texts.
    links = set(re.findall(r'href="#(s-[0-9a-f]+-\d+)"', html))
    anchors = set(re.findall(r'id="(s-[0-9a-f]+-\d+)"', html))
    assert links and links <= anchors
    # The actor every outlet writes about is compared side by side, one column per source.
    section = html.split('id="shared"')[1].split('id="texts"')[0]
    assert "Corvane Mining Group" in section
    assert section.count("<h4>") >= 10
    # Roles and ties of the shared actors are listed, each linked to the sentence stating it.
    assert re.search(r'class="facts"><a href="#s-[0-9a-f]+-\d+">[^<]*President', section)
    markdown = md_path.read_text()
    assert "## What each source says about the actors they share" in markdown
    assert "Northbridge Wire" in markdown and "(report.html#s-" in markdown


def test_article_text_is_escaped_in_the_report(run, tmp_path: Path) -> None:
    hostile = (
        "Mayor Ida Voss of Larkspur <script>alert(1)</script> said the vote was fair. "
        '<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">Ida Voss</a> agreed.'
    )
    write(tmp_path, "a.txt", hostile)
    write(tmp_path, "b.txt", "Ida Voss, the mayor of Larkspur, opened the bridge on Monday.")
    assert run("analyze", "a.txt", "b.txt", "--quiet").exit_code == 0
    assert run("report").exit_code == 0
    html = (tmp_path / "report" / "report.html").read_text()
    assert "<script>alert" not in html and "<img" not in html and '<a href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_article_text_is_escaped_in_the_markdown_report(run, tmp_path: Path) -> None:
    front = '---\ntitle: "Vote <img src=x onerror=alert(2)> | fair"\n---\n'
    hostile = "Mayor Ida Voss of Larkspur <script>alert(1)</script> said the vote was fair & free."
    write(tmp_path, "a.md", front + hostile)
    write(tmp_path, "b.txt", "Ida Voss, the mayor of Larkspur, opened the bridge on Monday.")
    assert run("analyze", "a.md", "b.txt", "--quiet").exit_code == 0
    assert run("report").exit_code == 0
    markdown = (tmp_path / "report" / "report.md").read_text()
    # A Markdown renderer passes raw HTML through: none of the article's tags may reach it.
    assert "<script" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt; said the vote was fair &amp; free." in markdown
    assert "Vote &lt;img src=x onerror=alert(2)&gt; \\| fair" in markdown
    assert "Ida Voss" in markdown  # ordinary text is unchanged


def test_every_actor_link_in_the_report_has_a_target(demo_db: Path, tmp_path: Path) -> None:
    html = counterpoint.report(demo_db, tmp_path / "r")[0].read_text()
    links = set(re.findall(r'href="#(actor-[^"]+)"', html))
    anchors = set(re.findall(r'id="(actor-[^"]+)"', html))
    assert links and links <= anchors
    assert "<mark" in html  # actors without a section of their own are still marked


def test_the_printed_comparison_gives_each_reason_whole() -> None:
    """Why a sentence is one side's alone was cut at 60 characters in the terminal, where the
    reader needs it whole to check it."""
    why = "only here (the harbour stayed shut for days); the same actors are in The Ledger"
    alone = Evidence("claim:d2:5-60", "d2", 1, 5, 60, "The harbour stayed shut.", "The Post",
                     "2024-05-02", why)  # fmt: skip
    diff = SourceDiff(
        Side("The Ledger", ["d1"]),
        Side("The Post", ["d2"]),
        [Alignment("al-1", "g1", "claim", "unique", 1.0, ("claim:d2:5-60",), (alone,))],
    )
    printed = diff_text(diff)
    assert why in printed
    assert "The harbour stayed shut." in printed
