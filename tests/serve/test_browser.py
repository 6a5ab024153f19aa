"""The web explorer in a real browser: headless Chromium, driven by Selenium, against the real
server (`counterpoint serve` in a subprocess) on a store built from a small invented story.

Every page is visited and used as a reader would: sources link to their text, the network graph
draws and redraws on a filter, a fact link lands on its sentence, the timeline, comparison and
search answer. One article carries hostile markup as plain text; it must stay text everywhere.

Needs Debian's `chromium` and `chromium-driver` packages (skipped, saying so, without them).
With COUNTERPOINT_SCREENSHOTS=1, one more test writes docs/screenshots/*.png from the demo
corpus; normal runs write nothing.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

import counterpoint
from counterpoint.store import Store

from conftest import REPO, write

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = REPO / "docs" / "screenshots"
WAIT = 20  # seconds a page or a graph may take

# -- the story ---------------------------------------------------------------------------------

HERALD = """Dam protest grows as President Anton Vell defends Orvan project
By Lena Marsh

KESTREL FALLS, May 2, 2025 — Thousands of farmers marched on the Orvan Dam site on Thursday, \
demanding that the government halt the flooding of the Selka valley.

President Anton Vell said the dam would bring power to a million homes and that the Orvan Water \
Company had met every condition of its licence.

Mara Kessler, a member of the Green Accord Party, told the crowd that the valley's farmers had \
never been consulted.

Kessler said the company had ignored the warnings of its own engineers. Vell did not reply to \
her remarks.
"""

POST = """Government says Orvan Dam protest was staged by opposition
By Piotr Lanz

KESTREL FALLS, May 4, 2025 — The government said on Saturday that the march against the Orvan \
Dam had been organised by the Green Accord Party to embarrass President Anton Vell before the \
election.

Vell told reporters that the Orvan Water Company would pay fair compensation to every family \
that had to move.

Mara Kessler denied that her party had paid anyone to march. The company said the first \
turbines would run by the autumn.
"""

# Hostile markup, written as plain text in a .txt article: it must be shown as text, never run.
LEDGER = """Hackers deface Green Accord Party site during dam dispute
By Ines Varga

KESTREL FALLS, May 6, 2025 — The website of the Green Accord Party was defaced on Monday, and \
Mara Kessler said the attack was meant to silence the dam protest.

Kessler said the attackers left the text <script>window.__pwned=1</script> on the front page of \
the site.

The page also showed <img src=x onerror="window.__pwned=2"> and a \
<a href="javascript:window.__pwned=3">link</a> that Kessler urged readers not to follow.

President Anton Vell condemned the attack and said the police would find those responsible.
"""

ARTICLES = {  # file name: (outlet, text)
    "herald-2025-05-02.txt": ("Valley Herald", HERALD),
    "post-2025-05-04.txt": ("Capital Post", POST),
    "ledger-2025-05-06.txt": ("Harbour Ledger", LEDGER),
}


@dataclass
class Story:
    db: Path
    docs: dict[str, str]  # outlet -> document id
    actors: dict[str, str]  # name -> entity id
    sentences: dict[tuple[str, int], str]  # (doc, index) -> sentence text


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Story:
    folder = tmp_path_factory.mktemp("story")
    for name, (outlet, text) in ARTICLES.items():
        write(folder, f"corpus/{name}", text)
        write(folder, f"corpus/{name}.meta.json", json.dumps({"outlet": outlet}))
    db = folder / "story.duckdb"
    result = counterpoint.analyze([folder / "corpus"], db=db)
    assert len(result.added) == 3 and not result.errors
    with Store(db, read_only=True) as store:
        docs = {row["outlet"]: row["id"] for row in store.rows("SELECT * FROM documents")}
        actors = {row["name"]: row["id"] for row in store.rows("SELECT * FROM entities")}
        sentences = {
            (row["doc"], row["index"]): row["text"][row["start"] : row["end"]]
            for row in store.rows(
                'SELECT s.doc, s."index", s.start, s."end", d.text FROM sentences s '
                "JOIN documents d ON d.id = s.doc"
            )
        }
    for name in ("Mara Kessler", "Anton Vell", "Green Accord Party", "Orvan Water Company"):
        assert name in actors, f"the story should yield the actor {name}"
    return Story(db, docs, actors, sentences)


# -- the server and the browser ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def fetch(self, path: str) -> tuple[int, dict[str, str], bytes]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


def start_server(db: Path, folder: Path) -> Server:
    """`counterpoint serve` in a subprocess on a free loopback port, once it answers."""
    port = free_port()
    log = folder / f"serve-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "counterpoint.cli", "serve", "--db", str(db)]
            + ["--host", "127.0.0.1", "--port", str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"counterpoint serve exited ({process.returncode}):\n{log.read_text()}")
        try:
            if server.fetch("/")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(server)
    pytest.fail(f"counterpoint serve did not answer within 60 s:\n{log.read_text()}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="module")
def server(story: Story, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(story.db, tmp_path_factory.mktemp("serve"))
    yield running
    stop_server(running)


@pytest.fixture(scope="module")
def demo_server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server on the bundled demo corpus: more text than the story, as the real thing."""
    running = start_server(demo_db, tmp_path_factory.mktemp("serve-demo"))
    yield running
    stop_server(running)


# Records every Content-Security-Policy violation on every page, before any page script runs.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':'
                    + e.lineNumber);
});
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.skip(
            f"{' and '.join(missing)} not found: install the Debian packages chromium and "
            "chromium-driver (apt-get install chromium chromium-driver)"
        )
    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_LISTENER})
    yield driver
    driver.quit()


@pytest.fixture
def page(browser: webdriver.Chrome, server: Server) -> Iterator[Page]:
    driver = Page(browser, server.url)
    yield driver
    driver.check_console()


class Page:
    """The browser on the app: open a path, find things, check that nothing hostile ran."""

    def __init__(self, driver: webdriver.Chrome, url: str) -> None:
        self.driver = driver
        self.url = url

    def open(self, path: str) -> None:
        self.driver.get(self.url + path)
        self.loaded()

    def loaded(self) -> None:
        self.wait(lambda d: d.execute_script("return document.readyState") == "complete")
        assert self.driver.find_elements(By.CSS_SELECTOR, "nav a"), "every page has a nav"
        self.check_safe()

    def wait(self, condition: Callable[[Any], object], message: str = "") -> object:
        return WebDriverWait(self.driver, WAIT).until(condition, message)

    def all(self, css: str) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def one(self, css: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def js(self, script: str, *args: object) -> Any:
        return self.driver.execute_script(script, *args)

    def click(self, element: WebElement) -> None:
        self.js("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()

    def check_safe(self) -> None:
        """No hostile markup from an article ran or became markup, and no policy was broken."""
        assert self.js("return typeof window.__pwned") == "undefined"
        assert not self.all("img[onerror]")
        assert not self.all('img[src="x"]')
        assert not self.all('a[href^="javascript:"]')
        assert not self.js("return window.__csp || []"), "Content-Security-Policy violations"

    def check_console(self) -> None:
        """Nothing in the console about the policy (e.g. an app script refused)."""
        logs = self.driver.get_log("browser")
        refused = [
            entry["message"]
            for entry in logs
            if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]
        ]
        assert not refused, refused
        errors = [
            entry["message"]
            for entry in logs
            if entry["level"] == "SEVERE" and "favicon" not in entry["message"]
        ]
        assert not errors, errors

    def graph(self) -> tuple[int, int]:
        """Wait for the network graph to finish a draw; its (nodes, edges)."""
        self.wait(
            ec.presence_of_element_located((By.CSS_SELECTOR, '#graph[data-ready="1"]')),
            "the graph never set data-ready=1",
        )
        graph = self.one("#graph")
        return int(attr(graph, "data-nodes")), int(attr(graph, "data-edges"))

    def redraw(self, change: Callable[[], object]) -> tuple[int, int]:
        """Make a change that redraws the graph (in place or by loading a new page)."""
        self.js("document.getElementById('graph').removeAttribute('data-ready')")
        change()
        return self.graph()


def href(element: WebElement) -> str:
    """An anchor's href as written (a path), not resolved against the page."""
    return element.get_dom_attribute("href") or ""


def attr(element: WebElement, name: str) -> str:
    return element.get_attribute(name) or ""


# -- the pages ---------------------------------------------------------------------------------


def test_pages_carry_a_policy_forbidding_inline_scripts(server: Server, story: Story) -> None:
    kessler = story.actors["Mara Kessler"]
    paths = ["/", f"/sources/{story.docs['Valley Herald']}", f"/actors/{kessler}", "/network"]
    paths += [
        "/timeline",
        f"/compare?a={story.docs['Valley Herald']}&b={story.docs['Capital Post']}",
    ]
    paths += ["/search?q=dam"]
    for path in paths:
        status, headers, _ = server.fetch(path)
        assert status == 200, path
        policy = {k.lower(): v for k, v in headers.items()}.get("content-security-policy", "")
        directives = dict(
            (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
        )
        scripts = directives.get("script-src", directives.get("default-src"))
        assert scripts is not None, f"{path}: no script-src in {policy!r}"
        assert "'unsafe-inline'" not in scripts, f"{path}: {policy!r}"


def test_overview_lists_the_sources_and_a_source_opens_its_text(page: Page, story: Story) -> None:
    page.open("/")
    rows = page.all("table#sources tr.source")
    assert len(rows) == 3
    links = {href(a) for a in page.all('table#sources tr.source a[href^="/sources/"]')}
    assert {f"/sources/{doc}" for doc in story.docs.values()} <= links
    for outlet in story.docs:
        assert outlet in page.one("table#sources").text
    actor_links = {href(a) for a in page.all('ul#actors a[href^="/actors/"]')}
    assert f"/actors/{story.actors['Mara Kessler']}" in actor_links
    assert f"/actors/{story.actors['Anton Vell']}" in actor_links

    herald = story.docs["Valley Herald"]
    page.click(page.one(f'table#sources tr.source a[href="/sources/{herald}"]'))
    page.wait(lambda d: urllib.parse.urlsplit(d.current_url).path == f"/sources/{herald}")
    page.loaded()
    assert "flooding of the Selka valley" in page.one("article#text").text


def test_source_page_marks_sentences_and_links_actors(page: Page, story: Story) -> None:
    herald = story.docs["Valley Herald"]
    page.open(f"/sources/{herald}")
    sentences = page.all("article#text span.sentence")
    indexes = sorted(index for doc, index in story.sentences if doc == herald)
    assert [attr(s, "id") for s in sentences] == [f"s-{n}" for n in indexes]
    assert "Mara Kessler" in page.one("#s-4").text
    kessler = story.actors["Mara Kessler"]
    links = page.all(f'article#text a.actor[href="/actors/{kessler}"]')
    assert {a.text for a in links} == {"Mara Kessler", "Kessler"}
    assert not page.js("return document.querySelector(':target')")

    page.click(links[0])
    page.wait(lambda d: urllib.parse.urlsplit(d.current_url).path == f"/actors/{kessler}")
    page.loaded()
    assert "Mara Kessler" in page.one("h1").text


def test_actor_page_groups_mentions_by_source_and_a_fact_lands_on_its_sentence(
    page: Page, story: Story
) -> None:
    kessler = story.actors["Mara Kessler"]
    page.open(f"/actors/{kessler}")
    assert "Mara Kessler" in page.one("h1").text
    groups = page.all("section#mentions div.source-group[data-source]")
    assert len(groups) == 3, "Kessler is named by all three sources"
    assert len({attr(g, "data-source") for g in groups}) == 3
    facts = page.all("section#mentions div.source-group a.fact")
    targets = {href(a) for a in facts}
    for doc, index in [(story.docs["Valley Herald"], 4), (story.docs["Capital Post"], 4)]:
        assert f"/sources/{doc}#s-{index}" in targets
    assert all(t.startswith("/sources/") and "#s-" in t for t in targets)
    ties = page.one("section#ties").text
    assert "Green Accord Party" in ties
    page.one("section#labels")

    herald = story.docs["Valley Herald"]
    fact = page.one(f'section#mentions a.fact[href="/sources/{herald}#s-4"]')
    page.click(fact)
    page.wait(lambda d: d.current_url.endswith(f"/sources/{herald}#s-4"))
    page.loaded()
    assert page.js("return document.querySelector(':target').id") == "s-4"
    target = page.one(":target")
    assert "Kessler" in target.text
    assert target.text.strip() in story.sentences[(herald, 4)]
    style = "const s = getComputedStyle(arguments[0]); return [s.backgroundColor, s.outlineStyle, \
s.boxShadow, s.borderBottomStyle, s.textDecorationLine, s.fontWeight]"
    assert page.js(style, target) != page.js(style, page.one("#s-2")), ":target is highlighted"


def test_actor_page_shows_roles_and_ties(page: Page, story: Story) -> None:
    page.open(f"/actors/{story.actors['Anton Vell']}")
    assert "Anton Vell" in page.one("h1").text
    assert "President" in page.one("section#labels").text
    groups = page.all("section#mentions div.source-group")
    assert len(groups) == 3
    page.open(f"/actors/{story.actors['Green Accord Party']}")
    ties = page.one("section#ties")
    assert "Mara Kessler" in ties.text
    assert ties.find_elements(By.CSS_SELECTOR, f'a[href="/actors/{story.actors["Mara Kessler"]}"]')


def test_network_draws_filters_and_compares(page: Page, story: Story) -> None:
    page.open("/network")
    nodes, edges = page.graph()
    assert nodes >= 5 and edges >= 1
    select = Select(page.one("select#source-filter"))
    assert attr(select.options[0], "value") == ""
    values = [attr(o, "value") for o in select.options[1:]]
    assert len(values) == 3

    def pick(name: str, value: str) -> Callable[[], None]:
        return lambda: Select(page.one(f"select#{name}")).select_by_value(value)

    counts = {}
    for value in values:
        counts[value] = page.redraw(pick("source-filter", value))
        page.check_safe()
        assert 0 < counts[value][0] <= nodes
    assert any(c != (nodes, edges) for c in counts.values()), "a filter changes the graph"
    smallest = min(values, key=lambda v: counts[v])
    if attr(Select(page.one("select#source-filter")).first_selected_option, "value") != smallest:
        page.redraw(pick("source-filter", smallest))
    assert page.graph() == counts[smallest]

    compare = Select(page.one("select#compare-filter"))
    choices = [attr(o, "value") for o in compare.options]
    other = next(v for v in choices if v and v != smallest)
    both = page.redraw(pick("compare-filter", other))
    assert both[0] >= max(counts[smallest][0], counts.get(other, (0, 0))[0])
    sides = page.js(
        "const cy = document.getElementById('graph')._cyreg.cy;"
        "return cy.nodes().map(n => [n.data('side') || '', n.classes().join(' ')]);"
    )
    assert sides, "the compared graph has nodes"
    marks = {" ".join(filter(None, mark)) for mark in sides}
    assert len(marks) >= 2, f"nodes are marked by side: {sorted(marks)}"


def test_clicking_a_network_node_opens_its_actor(page: Page, story: Story) -> None:
    page.open("/network")
    page.graph()
    kessler = story.actors["Mara Kessler"]
    position = page.js(
        "const cy = document.getElementById('graph')._cyreg.cy;"
        "const n = cy.getElementById(arguments[0]);"
        "if (n.empty()) return null;"
        "const p = n.renderedPosition(); return [p.x, p.y];",
        kessler,
    )
    assert position, "Kessler is a node of the graph"
    graph = page.one("#graph")
    page.js("arguments[0].scrollIntoView({block: 'start'})", graph)
    size = graph.size
    x, y = position
    ActionChains(page.driver).move_to_element_with_offset(
        graph, int(x - size["width"] / 2), int(y - size["height"] / 2)
    ).click().perform()
    page.wait(lambda d: urllib.parse.urlsplit(d.current_url).path == f"/actors/{kessler}")
    page.loaded()
    assert "Mara Kessler" in page.one("h1").text


def test_timeline_shows_each_source(page: Page, story: Story) -> None:
    page.open("/timeline")
    items = page.all("div#timeline div.item[data-source][data-date]")
    assert len(items) >= 3
    sources = {attr(i, "data-source") for i in items}
    for outlet, doc in story.docs.items():
        assert outlet in sources or doc in sources, outlet
    dates = [attr(i, "data-date") for i in items]
    assert {"2025-05-02", "2025-05-04", "2025-05-06"} <= {d[:10] for d in dates}
    assert dates == sorted(dates), "in order of date"
    for item in items:
        facts = item.find_elements(By.CSS_SELECTOR, "a.fact")
        assert facts and all(href(a).startswith("/sources/") for a in facts)


def test_compare_shows_shared_and_unique_rows(page: Page, story: Story) -> None:
    herald, ledger = story.docs["Valley Herald"], story.docs["Harbour Ledger"]
    page.open(f"/compare?a={herald}&b={ledger}")
    rows = page.all("table#comparison tr.row[data-relation]")
    shared = [r for r in rows if attr(r, "data-relation") == "shared"]
    unique = [r for r in rows if attr(r, "data-relation") == "unique"]
    assert shared and unique
    assert {attr(r, "data-relation") for r in rows} == {"shared", "unique"}
    shared_text = " ".join(r.text for r in shared)
    assert "Kessler" in shared_text and "Vell" in shared_text
    assert "Selka" not in shared_text
    for row in shared:
        facts = {href(a).split("#")[0] for a in row.find_elements(By.CSS_SELECTOR, "a.fact")}
        assert facts == {f"/sources/{herald}", f"/sources/{ledger}"}, row.text
    assert all(r.find_elements(By.CSS_SELECTOR, "a.fact") for r in unique)
    wording = page.all("table#wording-table tr")
    assert "sentences read as loaded" in wording[1].text, "each side's loaded language"


def test_search_finds_a_word_and_filters_narrow_it(page: Page, story: Story) -> None:
    page.open("/search?q=Kessler")
    everywhere = page.all("ol#results li.result")
    assert len(everywhere) >= 5
    assert all(r.find_elements(By.CSS_SELECTOR, "a.fact") for r in everywhere)
    assert all("kessler" in r.text.lower() for r in everywhere)

    post = story.docs["Capital Post"]
    page.open(f"/search?q=Kessler&source={post}")
    narrowed = page.all("ol#results li.result")
    assert 0 < len(narrowed) < len(everywhere)
    assert all(href(a).startswith(f"/sources/{post}#s-") for a in page.all("ol#results a.fact"))

    page.open("/search?q=Kessler&from=2025-05-05")
    later = page.all("ol#results li.result a.fact")
    assert later and all(
        href(a).startswith(f"/sources/{story.docs['Harbour Ledger']}") for a in later
    )

    page.open(f"/search?q=company&actor={story.actors['Orvan Water Company']}")
    by_actor = page.all("ol#results li.result")
    assert by_actor and all("Orvan Water Company" in r.text for r in by_actor)

    page.open("/search?q=turbines")
    (result,) = page.all("ol#results li.result")
    page.click(result.find_element(By.CSS_SELECTOR, "a.fact"))
    page.wait(lambda d: f"/sources/{post}#s-" in d.current_url)
    page.loaded()
    assert "turbines" in page.one(":target").text


def test_search_pages_on_with_rel_next(browser: webdriver.Chrome, demo_server: Server) -> None:
    page = Page(browser, demo_server.url)
    page.open("/search?q=the")
    first = [href(a) for a in page.all("ol#results a.fact")]
    status, _, body = demo_server.fetch(f"/api/sentences?q=the&limit={len(first)}")
    data = json.loads(body)
    assert status == 200 and data["total"] > len(first) > 0
    assert [f"/sources/{r['doc']}#s-{r['sentence']}" for r in data["items"]] == first
    page.click(page.one("a[rel=next]"))
    page.wait(lambda d: "offset=" in d.current_url)
    page.loaded()
    second = [href(a) for a in page.all("ol#results a.fact")]
    assert second and not set(first) & set(second)
    page.check_console()


def test_hostile_text_is_shown_as_text_and_never_runs(page: Page, story: Story) -> None:
    ledger = story.docs["Harbour Ledger"]
    script = "<script>window.__pwned=1</script>"
    markup = ('<img src=x onerror="window.__pwned=2">', "javascript:window.__pwned=3")
    for path, shown in [
        (f"/sources/{ledger}", (script, *markup)),
        (f"/actors/{story.actors['Mara Kessler']}", (script, *markup)),
        ("/search?q=attackers", (script,)),
        ("/search?q=onerror", markup),
        ("/timeline", ()),
        (f"/compare?a={ledger}&b={story.docs['Capital Post']}", ()),
        (f"/network?source={ledger}", ()),
    ]:
        page.open(path)
        if path.startswith("/network"):
            page.graph()
        page.check_safe()
        body = page.one("body").text
        for text in shown:
            assert text in body, f"{path}: {text!r} is not shown as text"
        inline = [s for s in page.all("script") if attr(s, "innerHTML").strip()]
        assert not inline, f"{path}: an inline script"


def test_api_answers_paginated_json(server: Server, story: Story) -> None:
    for path in ("/api/documents", "/api/entities", "/api/sentences?q=dam", "/api/timeline"):
        status, headers, body = server.fetch(path)
        assert status == 200, path
        data = json.loads(body)
        assert set(data) >= {"items", "total", "limit", "offset"}, path
        assert data["items"], path
    status, _, body = server.fetch("/api/documents?limit=1&offset=1")
    data = json.loads(body)
    assert (len(data["items"]), data["total"], data["limit"], data["offset"]) == (1, 3, 1, 1)
    for path in (
        "/api/graph",
        f"/api/compare?a={story.docs['Valley Herald']}&b={story.docs['Harbour Ledger']}",
        "/openapi.json",
    ):
        assert server.fetch(path)[0] == 200, path


# -- screenshots -------------------------------------------------------------------------------


@pytest.mark.skipif(
    os.environ.get("COUNTERPOINT_SCREENSHOTS") != "1",
    reason="writes docs/screenshots/*.png only with COUNTERPOINT_SCREENSHOTS=1",
)
def test_screenshots_of_the_demo(
    browser: webdriver.Chrome, demo_db: Path, demo_server: Server
) -> None:
    with Store(demo_db, read_only=True) as store:
        actor = store.rows(
            "SELECT e.id, count(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity "
            "WHERE e.type = 'Person' GROUP BY e.id ORDER BY n DESC, e.id LIMIT 1"
        )[0]["id"]
        pair = store.rows(
            "SELECT a.doc AS a, b.doc AS b, count(DISTINCT a.entity) AS n "
            "FROM mentions a JOIN mentions b ON a.entity = b.entity AND a.doc < b.doc "
            "GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 1"
        )[0]
        fact = store.rows(
            'SELECT m.doc, m.sentence FROM mentions m WHERE m.entity = ? ORDER BY m.doc, m."index" '
            "LIMIT 1",
            [actor],
        )[0]
    page = Page(browser, demo_server.url)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {
        "overview": "/",
        "source": f"/sources/{fact['doc']}#s-{fact['sentence']}",
        "actor": f"/actors/{actor}",
        "network": f"/network?source={pair['a']}&compare={pair['b']}",
        "timeline": "/timeline",
        "compare": f"/compare?a={pair['a']}&b={pair['b']}",
        "search": "/search?q=mine",
    }
    for name, path in shots.items():
        page.open(path)
        if name == "network":
            page.graph()
            page.js("document.getElementById('network-form').scrollIntoView()")
            time.sleep(1)  # let the layout settle
        if name == "source":
            page.js("document.querySelector(':target').scrollIntoView({block: 'center'})")
        assert page.driver.save_screenshot(str(SCREENSHOTS / f"{name}.png")), name
    page.check_console()
