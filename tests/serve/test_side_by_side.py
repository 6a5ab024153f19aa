"""The explorer and `counterpoint analyze` side by side: someone following a story keeps the
explorer open while new articles arrive. The explorer keeps answering while analyze writes,
analyze is never refused for it, and the new articles show once analyze has stored them."""

from __future__ import annotations

import subprocess
import sys
import threading
import warnings
from pathlib import Path

import httpx
import pytest

import counterpoint
from counterpoint.errors import CounterpointError
from counterpoint.outputs.formats import check_output
from counterpoint.serve import access, create_app, queries
from counterpoint.store.snapshot import snapshot_path

from conftest import write

with warnings.catch_warnings():  # Starlette asks for httpx2; the pinned httpx works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

LOCAL = "http://127.0.0.1:8000"

STRIKE = """---
title: Harbour strike ends after talks
outlet: Valley Post
published: 2024-06-02
---
Dock workers in Larkspur ended a nine-day strike on Sunday after the Harbour Authority agreed
to raise wages by 6 percent, union leader Tomas Brenner said.

The mayor of Larkspur, Ida Voss, said the port would reopen on Monday.
"""

RAIL = """---
title: Rail link opens in Larkspur
outlet: Coast Herald
published: 2024-06-05
---
Mayor Ida Voss opened the Larkspur rail link on Monday.

Harbour Authority chairman Piet Lomond did not attend the ceremony in Larkspur.
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store holding one article."""
    write(tmp_path / "first", "strike.md", STRIKE)
    db = tmp_path / "story.duckdb"
    counterpoint.analyze([tmp_path / "first"], db=db)
    return db


def analyze_in_another_process(db: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "counterpoint.cli", "analyze", str(folder), "--quiet"]
    return subprocess.run(
        [*command, "--db", str(db)], capture_output=True, text=True, cwd=db.parent, timeout=300
    )


def titles(client: TestClient) -> set[str]:
    return {d["title"] for d in client.get("/api/documents?limit=500").json()["items"]}


def test_the_explorer_keeps_answering_while_analyze_adds_an_article(
    db: Path, tmp_path: Path
) -> None:
    new = write(tmp_path / "new", "rail.md", RAIL).parent
    with TestClient(create_app(db), base_url=LOCAL) as client:
        assert titles(client) == {"Harbour strike ends after talks"}
        answers: list[tuple[str, int]] = []
        done = threading.Event()

        def browse() -> None:
            while not done.is_set():
                for url in ("/", "/api/documents", "/search?q=larkspur", "/api/sentences?q=rail"):
                    answers.append((url, client.get(url).status_code))

        browser = threading.Thread(target=browse)
        browser.start()
        try:
            result = analyze_in_another_process(db, new)
        finally:
            done.set()
            browser.join()

        assert result.returncode == 0, result.stderr
        assert "1 document(s) added" in result.stdout
        assert len(answers) >= 10
        assert [a for a in answers if a[1] != 200] == []
        assert titles(client) == {"Harbour strike ends after talks", "Rail link opens in Larkspur"}
        # the search index follows the new snapshot
        hits = client.get("/api/sentences?q=rail link").json()
        assert hits["total"] == 1


def test_analyze_started_while_a_request_is_in_flight_is_not_refused(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new = write(tmp_path / "new", "rail.md", RAIL).parent
    in_flight, release = threading.Event(), threading.Event()
    documents = queries.documents

    def slow_documents(*args: object) -> object:
        in_flight.set()
        release.wait(timeout=300)
        return documents(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "documents", slow_documents)
    with TestClient(create_app(db), base_url=LOCAL) as client:
        answers: list[httpx.Response] = []
        request = threading.Thread(target=lambda: answers.append(client.get("/api/documents")))
        request.start()
        try:
            assert in_flight.wait(timeout=60)
            result = analyze_in_another_process(db, new)
        finally:
            release.set()
            request.join()

        assert result.returncode == 0, result.stderr
        # the request in flight answers from the store as it was when it began
        assert answers[0].status_code == 200
        assert answers[0].json()["total"] == 1
        assert "Rail link opens in Larkspur" in titles(client)


HOLD_STORE = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def hold_store(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process writing the store (as analyze would) for `seconds`."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_STORE, str(db), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


def entity_ids(client: TestClient) -> dict[str, str]:
    items = client.get("/api/entities?limit=500").json()["items"]
    return {e["name"]: e["id"] for e in items}


def test_a_correction_waits_while_analyze_writes_then_shows(db: Path) -> None:
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(db, token="s3cret"), base_url=LOCAL) as client:
        ids = entity_ids(client)
        refs = {"refs": [ids["Ida Voss"], ids["Tomas Brenner"]]}
        holder = hold_store(db, 1.5)
        try:
            merged = client.post("/api/entities/merge", json=refs, headers=auth)
        finally:
            holder.wait(timeout=60)
        assert merged.status_code == 200, merged.text
        assert ids["Tomas Brenner"] not in entity_ids(client).values()


def test_a_correction_that_waits_too_long_answers_503_saying_why(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(access, "WRITE_WAIT", 0.5)
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(db, token="s3cret"), base_url=LOCAL) as client:
        ids = entity_ids(client)
        refs = {"refs": [ids["Ida Voss"], ids["Tomas Brenner"]]}
        holder = hold_store(db, 30)
        try:
            refused = client.post("/api/entities/merge", json=refs, headers=auth)
            assert client.get("/api/documents").status_code == 200  # reading goes on
        finally:
            holder.kill()
            holder.wait(timeout=60)
        assert refused.status_code == 503
        assert "counterpoint analyze" in refused.json()["detail"]
        assert ids["Tomas Brenner"] in entity_ids(client).values()
    assert not (db.parent / "story.corrections.yaml").exists()


def test_the_explorer_starts_while_analyze_writes_and_shows_the_store_when_it_ends(
    db: Path,
) -> None:
    """A store never browsed has no snapshot: an explorer started while another process writes
    it answers 503 saying why, then makes the snapshot and shows the store once the run ends."""
    snapshot = snapshot_path(db)
    assert not snapshot.exists()  # analyze alone never copies the store
    holder = hold_store(db, 30)
    try:
        with TestClient(create_app(db), base_url=LOCAL) as client:
            answer = client.get("/api/documents")
            assert answer.status_code == 503
            assert "writing" in answer.json()["detail"] or "in use" in answer.json()["detail"]
    finally:
        holder.kill()
        holder.wait(timeout=60)
    with TestClient(create_app(db), base_url=LOCAL) as client:
        assert snapshot.exists()
        assert titles(client) == {"Harbour strike ends after talks"}
    holder = hold_store(db, 30)  # with a snapshot, a writer no longer stops the explorer
    try:
        with TestClient(create_app(db), base_url=LOCAL) as client:
            assert titles(client) == {"Harbour strike ends after talks"}
    finally:
        holder.kill()
        holder.wait(timeout=60)


def test_export_never_writes_over_the_snapshot(db: Path) -> None:
    with pytest.raises(CounterpointError, match="one of the store's files"):
        check_output(snapshot_path(db), db)
