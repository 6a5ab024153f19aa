"""The web explorer (`counterpoint serve`), at the HTTP level: pages, the JSON API, the
corrections behind a token, and hostile article text coming out escaped. A real browser is
driven by the browser tests; these use Starlette's TestClient."""

from __future__ import annotations

import json
import re
import shutil
import socket
import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import duckdb
import pytest
from lxml import html as lxml_html

import counterpoint
from counterpoint.errors import StoreError
from counterpoint.serve import create_app
from counterpoint.serve.app import allowed_hosts
from counterpoint.serve.render import highlight_sentence, mark_query

from conftest import write

with warnings.catch_warnings():  # Starlette asks for httpx2; the pinned httpx works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'"
LOCAL = "http://127.0.0.1:8000"  # the explorer answers only requests for its own host names

STRIKE = """---
title: Harbour strike ends after talks
outlet: Valley Post
author: Mina Okafor
published: 2024-06-02
url: https://valleypost.example/strike
---
Dock workers in Larkspur ended a nine-day strike on Sunday after the Harbour Authority agreed
to raise wages by 6 percent, union leader Tomas Brenner said.

"We got what we came for," Brenner told reporters outside the authority's offices. The mayor
of Larkspur, Ida Voss, said the port would reopen on Monday.
"""

RAIL = """---
title: Rail link opens in Larkspur
outlet: Coast Herald
published: 2024-06-05
---
Mayor Ida Voss opened the Larkspur rail link on Monday.

Tomas Brenner, the leader of the Dockworkers Union, said the union welcomed it.

Harbour Authority chairman Piet Lomond did not attend the ceremony in Larkspur.
"""

# Article text is untrusted: markup in it must come out as text, never run.
HOSTILE = """Ida Voss said the council website showed <script>alert(1)</script> on Tuesday.

A reader sent <img src=x onerror=alert(2)> to Tomas Brenner in Larkspur.

The link <a href="javascript:alert(3)">claim your prize</a> was posted by Piet Lomond.
"""
HOSTILE_META = {
    "title": "<script>alert('title')</script>Night notes",
    "outlet": "The Night <b>Owl</b>",
    "published": "2024-06-09",
    "url": "javascript:alert(4)",
}
RAW_MARKUP = (
    "<script>alert(",
    "<img src=x",
    'href="javascript:',
    "<b>Owl",
    "onerror=alert(2)>",
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write(folder, "strike.md", STRIKE)
    write(folder, "rail.md", RAIL)
    write(folder, "hostile.txt", HOSTILE)
    write(folder, "hostile.txt.meta.json", json.dumps(HOSTILE_META))
    db = tmp_path_factory.mktemp("store") / "web.duckdb"
    result = counterpoint.analyze([folder], db=db)
    assert len(result.added) == 3
    return db


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store), base_url=LOCAL) as client:
        yield client


@pytest.fixture(scope="module")
def ids(store: Path) -> dict[str, str]:
    """Document ids by outlet word, and entity ids by name."""
    con = duckdb.connect(str(store), read_only=True)
    try:
        found = {}
        for doc, outlet in con.execute("SELECT id, outlet FROM documents").fetchall():
            found["owl" if "Owl" in outlet else outlet] = doc
        for entity, name in con.execute("SELECT id, name FROM entities").fetchall():
            found[name] = entity
        return found
    finally:
        con.close()


def page(client: TestClient, url: str, status: int = 200) -> lxml_html.HtmlElement:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    return lxml_html.fromstring(response.text)


def hrefs(tree: lxml_html.HtmlElement, xpath: str) -> list[str]:
    return [str(a.get("href")) for a in tree.xpath(xpath)]


def sentence_of(store: Path, doc: str, index: int) -> str:
    con = duckdb.connect(str(store), read_only=True)
    try:
        row = con.execute(
            'SELECT substr(d.text, s.start + 1, s."end" - s.start) FROM sentences s '
            'JOIN documents d ON d.id = s.doc WHERE s.doc = ? AND s."index" = ?',
            [doc, index],
        ).fetchone()
        assert row is not None
        return str(row[0])
    finally:
        con.close()


def fact_target(href: str) -> tuple[str, int]:
    match = re.fullmatch(r"/sources/([^#/]+)#s-(\d+)", href)
    assert match, href
    return match.group(1), int(match.group(2))


# -- pages ----------------------------------------------------------------------------------


def test_overview_lists_every_source_and_the_main_actors(
    client: TestClient, ids: dict[str, str]
) -> None:
    tree = page(client, "/")
    rows = tree.xpath('//table[@id="sources"]//tr[@class="source"]')
    assert len(rows) == 3
    links = {href for row in rows for href in hrefs(row, ".//a")}
    assert links == {f"/sources/{ids[k]}" for k in ("Valley Post", "Coast Herald", "owl")}
    actors = hrefs(tree, '//ul[@id="actors"]/li/a')
    assert f"/actors/{ids['Ida Voss']}" in actors
    assert f"/actors/{ids['Tomas Brenner']}" in actors
    assert "Valley Post" in tree.text_content() and "2024-06-02" in tree.text_content()


def test_every_page_has_the_nav_bar_and_no_inline_script(
    client: TestClient, ids: dict[str, str]
) -> None:
    a, b = ids["Valley Post"], ids["Coast Herald"]
    for url in (
        "/",
        f"/sources/{a}",
        f"/actors/{ids['Ida Voss']}",
        "/network",
        "/timeline",
        "/compare",
        f"/compare?a={a}&b={b}",
        "/search?q=Larkspur",
        "/sources/no-such-doc",
    ):
        response = client.get(url)
        tree = lxml_html.fromstring(response.text)
        nav = set(hrefs(tree, "//nav//a"))
        assert {"/", "/network", "/timeline", "/compare", "/search"} <= nav, url
        for script in tree.xpath("//script"):
            assert script.get("src", "").startswith("/static/"), url
            assert not (script.text or "").strip(), url
        assert response.headers["content-security-policy"] == CSP


def test_source_page_marks_sentences_and_links_actors(
    client: TestClient, store: Path, ids: dict[str, str]
) -> None:
    doc = ids["Coast Herald"]
    tree = page(client, f"/sources/{doc}")
    sentences = tree.xpath('//article[@id="text"]//span[@class="sentence"]')
    con = duckdb.connect(str(store), read_only=True)
    count = con.execute("SELECT count(*) FROM sentences WHERE doc = ?", [doc]).fetchone()
    con.close()
    assert count is not None and len(sentences) == count[0] >= 3
    assert [s.get("id") for s in sentences] == [f"s-{i}" for i in range(len(sentences))]
    assert sentences[0].text_content() == sentence_of(store, doc, 0)
    actors = hrefs(tree, '//article[@id="text"]//a[@class="actor"]')
    assert f"/actors/{ids['Ida Voss']}" in actors
    assert f"/actors/{ids['Tomas Brenner']}" in actors
    # the whole text is there, in order
    assert (
        "Mayor Ida Voss opened the Larkspur rail link"
        in tree.xpath('//*[@id="text"]')[0].text_content()
    )


def test_unknown_ids_answer_404(client: TestClient, ids: dict[str, str]) -> None:
    page(client, "/sources/no-such-doc", 404)
    page(client, "/actors/person-nobody", 404)
    page(client, "/compare?a=no-such-doc&b=" + ids["Valley Post"], 404)
    page(client, "/network?source=no-such-doc", 404)
    for url in ("/api/documents/nope", "/api/entities/nope", "/api/graph?source=nope"):
        response = client.get(url)
        assert response.status_code == 404
        assert "nope" in response.json()["detail"]


def test_actor_page_groups_mentions_by_source_with_labels_and_facts(
    client: TestClient, store: Path, ids: dict[str, str]
) -> None:
    entity = ids["Tomas Brenner"]
    tree = page(client, f"/actors/{entity}")
    assert tree.xpath("//h1")[0].text_content() == "Tomas Brenner"
    groups = tree.xpath('//section[@id="mentions"]//div[@class="source-group"]')
    sources = {g.get("data-source") for g in groups}
    assert {ids["Valley Post"], ids["Coast Herald"]} <= sources
    for group in groups:
        for href in hrefs(group, './/a[@class="fact"]'):
            doc, index = fact_target(href)
            assert doc == group.get("data-source")
            sentence = sentence_of(store, doc, index)
            assert "Brenner" in sentence
    labels = tree.xpath('//section[@id="labels"]')[0].text_content()
    assert "Brenner" in labels and "Valley Post" in labels
    for href in hrefs(tree, '//section[@id="ties"]//a[@class="fact"]'):
        fact_target(href)


def test_actor_page_lists_roles_with_their_sentence(
    client: TestClient, store: Path, ids: dict[str, str]
) -> None:
    con = duckdb.connect(str(store), read_only=True)
    role = con.execute("SELECT holder, doc, sentence FROM roles LIMIT 1").fetchone()
    con.close()
    assert role, "the corpus states at least one role (mayor, leader, chairman)"
    tree = page(client, f"/actors/{role[0]}")
    facts = hrefs(tree, '//section[@id="ties"]//a[@class="fact"]')
    assert f"/sources/{role[1]}#s-{role[2]}" in facts


def test_network_page_and_graph_api(client: TestClient, ids: dict[str, str]) -> None:
    tree = page(client, "/network")
    assert tree.xpath('//div[@id="graph"]')
    scripts = hrefs(tree, "//script") + [str(s.get("src")) for s in tree.xpath("//script")]
    assert "/static/network.js" in scripts and "/static/vendor/cytoscape.min.js" in scripts
    options = tree.xpath('//select[@id="source-filter"]/option')
    assert options[0].get("value") == "" and len(options) == 4
    assert tree.xpath('//select[@id="compare-filter"]')
    for url in ("/static/network.js", "/static/vendor/cytoscape.min.js", "/static/style.css"):
        assert client.get(url).status_code == 200

    everything = client.get("/api/graph").json()
    node_ids = {n["id"] for n in everything["nodes"]}
    assert {ids["Ida Voss"], ids["Tomas Brenner"]} <= node_ids
    assert everything["edges"] and all(e["side"] is None for e in everything["edges"])
    for edge in everything["edges"]:
        assert {"id", "source", "target", "kind", "side", "evidence"} <= set(edge)
        assert edge["source"] in node_ids and edge["target"] in node_ids
        assert edge["evidence"] and all({"doc", "sentence"} == set(e) for e in edge["evidence"])

    a, b = ids["Valley Post"], ids["Coast Herald"]
    one = client.get(f"/api/graph?source={a}").json()
    assert one["edges"] and all(ev["doc"] == a for e in one["edges"] for ev in e["evidence"])
    assert len(one["edges"]) < len(everything["edges"])

    def sides(a: str, b: str) -> dict[frozenset[str], str]:
        graph = client.get(f"/api/graph?source={a}&compare={b}").json()
        found = {}
        for edge in graph["edges"]:
            docs = {ev["doc"] for ev in edge["evidence"]}
            assert docs <= {a, b}
            assert edge["side"] == ("both" if docs == {a, b} else "a" if docs == {a} else "b")
            if edge["kind"] == "co-mention":
                found[frozenset((edge["source"], edge["target"]))] = edge["side"]
        return found

    pair = lambda x, y: frozenset((ids[x], ids[y]))  # noqa: E731
    herald = sides(a, b)
    assert herald[pair("Ida Voss", "Larkspur")] == "both"  # both name them in one sentence
    assert herald[pair("Piet Lomond", "Harbour Authority")] == "b"  # only the Herald does
    assert sides(ids["owl"], a)[pair("Tomas Brenner", "Larkspur")] == "a"
    page(client, f"/network?source={a}&compare={b}")


def test_timeline_shows_each_source_by_date(client: TestClient, ids: dict[str, str]) -> None:
    tree = page(client, "/timeline")
    items = tree.xpath('//div[@id="timeline"]//div[contains(@class, "item")]')
    dates = [i.get("data-date") for i in items]
    assert dates == sorted(dates) and "2024-06-02" in dates and "2024-06-09" in dates
    docs = [i for i in items if i.get("data-kind") == "document"]
    assert {d.get("data-source") for d in docs} == {
        ids["Valley Post"],
        ids["Coast Herald"],
        ids["owl"],
    }
    for item in items:
        links = hrefs(item, './/a[@class="fact"]')
        assert len(links) == 1
        assert fact_target(links[0])[0] == item.get("data-source")
    first = next(d for d in docs if d.get("data-source") == ids["Valley Post"])
    assert hrefs(first, './/a[@class="fact"]') == [f"/sources/{ids['Valley Post']}#s-0"]
    # coloured by source, with a legend
    colours = {d.get("data-source"): d.get("style") for d in docs}
    assert len(set(colours.values())) == 3
    assert len(tree.xpath('//ul[@id="legend"]/li')) == 3

    api = client.get("/api/timeline?limit=2&offset=1").json()
    assert api["limit"] == 2 and api["offset"] == 1 and len(api["items"]) == 2
    assert api["total"] == len(items)
    only = client.get(f"/api/timeline?source={ids['owl']}").json()
    assert {i["doc"] for i in only["items"]} == {ids["owl"]}
    dated = client.get("/api/timeline?from=2024-06-03&to=2024-06-06").json()
    assert {i["date"] for i in dated["items"]} == {"2024-06-05"}


def test_compare_aligns_two_sources_by_actor(
    client: TestClient, store: Path, ids: dict[str, str]
) -> None:
    form = page(client, "/compare")
    assert form.xpath('//select[@name="a"]') and form.xpath('//select[@name="b"]')
    assert not form.xpath('//table[@id="comparison"]')

    a, b = ids["Valley Post"], ids["Coast Herald"]
    tree = page(client, f"/compare?a={a}&b={b}")
    rows = tree.xpath('//table[@id="comparison"]//tr[contains(@class, "row")]')
    relations = {r.get("data-entity"): r.get("data-relation") for r in rows}
    assert relations[ids["Ida Voss"]] == "shared"
    assert relations[ids["Tomas Brenner"]] == "shared"
    assert set(relations.values()) <= {"shared", "unique"}
    for row in rows:
        cells = row.xpath("./td")
        a_links = hrefs(cells[1], './/a[@class="fact"]')
        b_links = hrefs(cells[3], './/a[@class="fact"]')
        assert all(fact_target(h)[0] == a for h in a_links)
        assert all(fact_target(h)[0] == b for h in b_links)
        if row.get("data-relation") == "shared":
            assert a_links and b_links
        else:
            assert bool(a_links) != bool(b_links)

    api = client.get(f"/api/compare?a={a}&b={b}&limit=1").json()
    assert api["total"] == len(rows) and len(api["items"]) == 1
    assert api["items"][0]["relation"] == "shared"
    assert client.get(f"/api/compare?a={a}").status_code == 422


def test_search_filters_by_text_source_actor_and_date(
    client: TestClient, store: Path, ids: dict[str, str]
) -> None:
    tree = page(client, "/search?q=larkspur")
    results = tree.xpath('//ol[@id="results"]/li[@class="result"]')
    assert len(results) >= 3
    for result in results:
        doc, index = fact_target(hrefs(result, './/a[@class="fact"]')[0])
        assert "larkspur" in sentence_of(store, doc, index).lower()

    def docs(query: str) -> set[str]:
        found = client.get(f"/api/sentences?{query}").json()
        return {item["doc"] for item in found["items"]}

    assert docs(f"q=larkspur&source={ids['Coast Herald']}") == {ids["Coast Herald"]}
    assert docs("q=larkspur&from=2024-06-04") == {ids["Coast Herald"], ids["owl"]}
    assert docs("q=larkspur&to=2024-06-04") == {ids["Valley Post"]}
    assert docs("q=LARKSPUR&from=2024-06-03&to=2024-06-06") == {ids["Coast Herald"]}
    assert docs("q=no such words anywhere") == set()
    hits = client.get(f"/api/sentences?actor={ids['Piet Lomond']}").json()
    assert hits["total"] >= 2
    assert all("Lomond" in h["text"] for h in hits["items"])

    actor_page = page(client, f"/search?actor={ids['Piet Lomond']}")
    assert len(actor_page.xpath('//li[@class="result"]')) == hits["total"]


def test_search_paginates(client: TestClient) -> None:
    everything = client.get("/api/sentences?q=the&limit=500").json()
    total = everything["total"]
    assert total > 3
    first = client.get("/api/sentences?q=the&limit=2&offset=0").json()
    second = client.get("/api/sentences?q=the&limit=2&offset=2").json()
    assert first["total"] == second["total"] == total
    assert first["items"] + second["items"] == everything["items"][:4]

    tree = page(client, "/search?q=the")
    nexts = hrefs(tree, '//a[@rel="next"]')
    if total > 25:
        assert nexts and parse_qs(urlparse(nexts[0]).query)["offset"] == ["25"]
    else:
        assert not nexts


def test_search_ignores_accents_and_marks_the_match() -> None:
    marked = str(mark_query("Joaquín Salas said <b>no</b>", "joaquin"))
    assert marked == "<mark>Joaquín</mark> Salas said &lt;b&gt;no&lt;/b&gt;"


def test_api_lists_are_paginated(client: TestClient, ids: dict[str, str]) -> None:
    full = client.get("/api/documents").json()
    assert full["total"] == 3 and full["limit"] == 50 and full["offset"] == 0
    assert [d["published"] for d in full["items"]] == ["2024-06-02", "2024-06-05", "2024-06-09"]
    one = client.get("/api/documents?limit=1&offset=1").json()
    assert one == {"items": full["items"][1:2], "total": 3, "limit": 1, "offset": 1}
    assert client.get("/api/documents?limit=0").status_code == 422
    assert client.get("/api/documents?offset=-1").status_code == 422

    entities = client.get("/api/entities?limit=500").json()
    assert entities["total"] == len(entities["items"]) >= 4
    page2 = client.get("/api/entities?limit=2&offset=2").json()
    assert page2["items"] == entities["items"][2:4]
    people = client.get("/api/entities?type=Person").json()
    assert people["items"] and all(e["type"] == "Person" for e in people["items"])
    found = client.get("/api/entities?q=VOSS").json()
    assert [e["id"] for e in found["items"]] == [ids["Ida Voss"]]

    voss = client.get(f"/api/entities/{ids['Ida Voss']}?limit=1").json()
    assert voss["name"] == "Ida Voss"
    assert voss["mentions"]["total"] == voss["mention_count"] >= 3
    assert len(voss["mentions"]["items"]) == 1 and voss["mentions"]["limit"] == 1
    rest = client.get(f"/api/entities/{ids['Ida Voss']}?limit=1&offset=1").json()
    assert rest["mentions"]["items"] != voss["mentions"]["items"]
    by_source = {s["doc"]: s for s in voss["aliases_by_source"]}
    assert ids["Valley Post"] in by_source
    assert {"roles", "ties", "claims", "candidates"} <= set(voss)

    doc = client.get(f"/api/documents/{ids['Valley Post']}").json()
    assert doc["text"].startswith("Dock workers in Larkspur")
    assert doc["sentences"][0]["index"] == 0
    for sentence in doc["sentences"]:
        assert doc["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_openapi_describes_the_api_and_no_cdn_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/sentences",
        "/api/graph",
        "/api/timeline",
        "/api/compare",
    ):
        assert "get" in spec["paths"][path], path
    assert "/api/entities/merge" not in spec["paths"]  # no token: no corrections
    assert not any(p.startswith(("/sources", "/actors")) for p in spec["paths"])
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


# -- corrections ----------------------------------------------------------------------------


@pytest.fixture
def writable(store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(store, copy)
    return copy


def test_corrections_need_a_configured_token(writable: Path, ids: dict[str, str]) -> None:
    refs = {"refs": [ids["Ida Voss"], ids["Piet Lomond"]]}
    with TestClient(create_app(writable), base_url=LOCAL) as client:
        assert client.post("/api/entities/merge", json=refs).status_code == 404
        headers = {"Authorization": "Bearer anything"}
        assert client.post("/api/entities/merge", json=refs, headers=headers).status_code == 404
        assert client.post("/api/entities/split", json={}, headers=headers).status_code == 404


def test_merge_and_split_with_the_token(writable: Path, ids: dict[str, str]) -> None:
    voss, lomond = ids["Ida Voss"], ids["Piet Lomond"]
    with TestClient(create_app(writable, token="s3cret"), base_url=LOCAL) as client:
        before = client.get("/api/entities?limit=500").json()
        assert client.get("/openapi.json").json()["paths"]["/api/entities/merge"]["post"]
        refs = {"refs": [voss, lomond]}
        assert client.post("/api/entities/merge", json=refs).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert client.post("/api/entities/merge", json=refs, headers=wrong).status_code == 401
        bare = {"Authorization": "s3cret"}
        assert client.post("/api/entities/merge", json=refs, headers=bare).status_code == 401
        auth = {"Authorization": "Bearer s3cret"}

        merged = client.post("/api/entities/merge", json=refs, headers=auth)
        assert merged.status_code == 200, merged.text
        assert merged.json()["id"] == voss
        after = client.get("/api/entities?limit=500").json()
        assert after["total"] == before["total"] - 1
        assert lomond not in {e["id"] for e in after["items"]}
        assert client.get(f"/actors/{lomond}").status_code == 404
        aliases = client.get(f"/api/entities/{voss}").json()["aliases"]
        assert "Piet Lomond" in aliases
        # the search index follows the change
        hits = client.get(f"/api/sentences?actor={voss}&q=lomond").json()
        assert hits["total"] >= 2

        brenner = ids["Tomas Brenner"]
        split = client.post(
            "/api/entities/split", json={"entity": brenner, "aliases": ["Brenner"]}, headers=auth
        )
        assert split.status_code == 200, split.text
        assert split.json()["name"] == "Brenner" and split.json()["id"] != brenner
        assert client.get("/api/entities?limit=500").json()["total"] == before["total"]
        assert "Brenner" not in client.get(f"/api/entities/{brenner}").json()["aliases"]

        bad = client.post("/api/entities/merge", json={"refs": [voss, "Nobody"]}, headers=auth)
        assert bad.status_code == 409 and "Nobody" in bad.json()["detail"]
        alone = client.post("/api/entities/merge", json={"refs": [voss]}, headers=auth)
        assert alone.status_code == 422
    assert (writable.parent / "copy.corrections.yaml").exists()


def test_a_body_that_is_not_json_answers_422_and_changes_nothing(
    writable: Path, ids: dict[str, str]
) -> None:
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(writable, token="s3cret"), base_url=LOCAL) as client:
        before = client.get("/api/entities?limit=500").json()
        for body, kind in ((b"\xff\xfe not json {", None), (b"refs=a&refs=b", "application/json")):
            headers = auth | ({"Content-Type": kind} if kind else {})
            for route in ("/api/entities/merge", "/api/entities/split"):
                response = client.post(route, content=body, headers=headers)
                assert response.status_code == 422, (route, kind, response.text)
                assert response.json()["detail"][0]["loc"][0] == "body"
                assert response.headers["content-security-policy"] == CSP
        assert client.get("/api/entities?limit=500").json() == before


# -- limits and errors ----------------------------------------------------------------------


def test_offsets_and_limits_past_any_store_answer_422_not_500(
    client: TestClient, ids: dict[str, str]
) -> None:
    huge = 2**63
    a, b, voss = ids["Valley Post"], ids["Coast Herald"], ids["Ida Voss"]
    for route in (
        "/api/documents?",
        "/api/entities?",
        f"/api/entities/{voss}?",
        "/api/sentences?q=strike&",
        "/api/timeline?",
        f"/api/compare?a={a}&b={b}&",
    ):
        for query in (f"offset={huge}", f"limit={huge}", f"offset={2**62}"):
            response = client.get(route + query)
            assert response.status_code == 422, (route, query, response.text)
            (problem,) = response.json()["detail"]
            assert problem["loc"] == ["query", query.split("=")[0]]
            assert response.headers["content-security-policy"] == CSP
        last = client.get(route + "offset=1000000000000").json()  # far, but allowed: empty
        assert (last["items"] if "items" in last else last["mentions"]["items"]) == []
    for url in ("/", f"/actors/{voss}", "/timeline", f"/compare?a={a}&b={b}", "/search?q=strike"):
        joined = "&" if "?" in url else "?"
        tree = page(client, f"{url}{joined}offset={huge}", status=400)
        assert "offset" in tree.text_content()


def test_an_unexpected_error_answers_500_with_the_security_headers(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("counterpoint.serve.queries.documents", broken)
    app = create_app(store)
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as client:
        for url in ("/", "/api/documents"):
            response = client.get(url)
            assert response.status_code == 500
            assert "a bug" not in response.text
            assert response.headers["content-security-policy"] == CSP
            assert response.headers["x-content-type-options"] == "nosniff"


def test_only_requests_for_this_machines_names_are_answered(store: Path) -> None:
    """A page on another site whose name is made to resolve to 127.0.0.1 (DNS rebinding) sends
    its own name as Host: the explorer refuses it."""
    with TestClient(create_app(store, hosts=["10.0.0.7"]), base_url=LOCAL) as client:
        for host in ("127.0.0.1", "localhost:8000", "LocalHost", "[::1]:8000", "10.0.0.7:80"):
            assert client.get("/api/overview", headers={"host": host}).status_code == 200, host
        for host in ("attacker.example", "attacker.example:8000", "localhost.attacker.example"):
            for url in ("/", "/api/overview", "/static/style.css"):
                refused = client.get(url, headers={"host": host})
                assert refused.status_code == 400, (host, url)
                assert refused.headers["content-security-policy"] == CSP
                assert refused.headers["x-content-type-options"] == "nosniff"


def test_the_served_host_is_allowed_as_a_host_header_writes_it() -> None:
    assert allowed_hosts(["::1"]) == ["127.0.0.1", "localhost", "[::1]"]
    assert allowed_hosts(["fd00::5", "Example.LAN"])[-2:] == ["[fd00::5]", "example.lan"]
    assert socket.gethostname().lower() in allowed_hosts(["0.0.0.0"])


# -- untrusted text -------------------------------------------------------------------------


def assert_escaped(text: str) -> None:
    for markup in RAW_MARKUP:
        assert markup not in text, markup
    assert "&lt;script&gt;alert(" in text


def test_hostile_article_text_is_escaped_everywhere(
    client: TestClient, ids: dict[str, str]
) -> None:
    doc = ids["owl"]
    source = client.get(f"/sources/{doc}")
    assert source.status_code == 200
    assert_escaped(source.text)
    tree = lxml_html.fromstring(source.text)
    text = tree.xpath('//article[@id="text"]')[0].text_content()
    # Shown as text, as written (highlights of facts may sit inside, so read the text).
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert '<a href="javascript:alert(3)">' in text
    assert not tree.xpath('//article[@id="text"]//script | //article[@id="text"]//img')
    assert all(not h.startswith("javascript:") for h in hrefs(tree, "//a"))
    assert "javascript:alert(4)" in tree.text_content()  # the URL shown, not linked

    for url in (
        f"/actors/{ids['Ida Voss']}",
        f"/actors/{ids['Piet Lomond']}",
        "/search?q=alert",
        "/timeline",
        f"/compare?a={doc}&b={ids['Coast Herald']}",
        "/",
        "/network",
    ):
        response = client.get(url)
        assert response.status_code == 200
        for markup in RAW_MARKUP:
            assert markup not in response.text, (url, markup)
    search = lxml_html.fromstring(client.get("/search?q=alert").text)
    assert len(search.xpath('//li[@class="result"]')) == 3
    assert not search.xpath('//ol[@id="results"]//script | //ol[@id="results"]//img')
    actor = client.get(f"/actors/{ids['Piet Lomond']}").text
    assert "javascript:alert(3)" in actor and 'href="javascript:' not in actor

    api = client.get(f"/api/documents/{doc}").json()  # JSON carries the text as it is
    assert "<script>alert(1)</script>" in api["text"]


def test_highlighting_escapes_and_nests_marks() -> None:
    text = "Mayor <Ida> Voss met Piet & co."
    mentions = [
        {"start": 6, "end": 16, "entity": "person-1", "name": "Ida Voss", "type": "Person"},
        {"start": 21, "end": 25, "entity": "person-2", "name": "P", "type": "Person"},
    ]
    facts = [{"kind": "role", "label": "Ida: <mayor>", "start": 0, "end": 10}]
    out = str(highlight_sentence(text, 0, len(text), mentions, facts))
    assert out == (
        '<mark class="fact-span role" title="role: Ida: &lt;mayor&gt;">Mayor '
        '<a class="actor" href="/actors/person-1" title="Ida Voss (Person)" '
        'data-entity="person-1">&lt;Ida&gt; Voss</a></mark> met '
        '<a class="actor" href="/actors/person-2" title="P (Person)" data-entity="person-2">'
        "Piet</a> &amp; co."
    )


# -- serving --------------------------------------------------------------------------------


def test_create_app_refuses_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        create_app(tmp_path / "missing.duckdb")


def test_create_app_refuses_a_sqlite_file_or_a_damaged_store(store: Path, tmp_path: Path) -> None:
    sqlite = tmp_path / "notes.db"
    with closing(sqlite3.connect(sqlite)) as con:
        con.execute("CREATE TABLE notes (text)")
        con.commit()
    with pytest.raises(StoreError, match="notes.db: not a Counterpoint store .*SQLite"):
        create_app(sqlite)
    cut = tmp_path / "cut.duckdb"
    cut.write_bytes(store.read_bytes()[: store.stat().st_size // 2])
    with pytest.raises(StoreError, match="cut.duckdb is damaged or not a Counterpoint store"):
        create_app(cut)


def test_the_package_carries_the_front_end() -> None:
    package = Path(counterpoint.__file__).parent
    for name in (
        "static/vendor/cytoscape.min.js",
        "static/vendor/cytoscape.LICENSE",
        "static/network.js",
        "static/style.css",
        "templates/web/base.html",
    ):
        assert (package / name).is_file(), name
    style = (package / "static/style.css").read_text()
    assert ":target" in style
    script = (package / "static/network.js").read_text()
    assert "innerHTML" not in script and "eval(" not in script


def test_diff_api_compares_two_outlets_with_each_sides_sentences(
    client: TestClient, ids: dict[str, str]
) -> None:
    found = client.get("/api/diff", params={"a": "Valley Post", "b": "Coast Herald"})
    assert found.status_code == 200
    data = found.json()
    assert data["a"]["name"] == "Valley Post" and data["b"]["name"] == "Coast Herald"
    assert data["a"]["documents"] == [ids["Valley Post"]]
    for alignment in data["alignments"]:
        assert alignment["relation"] in {
            "corroborate",
            "contradict",
            "evolves",
            "reframe",
            "related",
            "unique",
        }
        assert alignment["reason"] or alignment["relation"] == "unique"
        assert {e["outlet"] for e in alignment["evidence"]} <= {"Valley Post", "Coast Herald"}
    assert {f["name"] for f in data["framing"]["Valley Post"]} >= {"Ida Voss", "Tomas Brenner"}
    a_words, b_words = data["wording"]
    assert (a_words["source"], b_words["source"]) == ("Valley Post", "Coast Herald")
    assert a_words["sentences"] > 0 and 0 <= a_words["share"] <= 1
    missing = client.get("/api/diff", params={"a": "Valley Post", "b": "Morning Gazette"})
    assert missing.status_code == 404 and "Morning Gazette" in missing.text
