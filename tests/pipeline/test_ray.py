"""The ray executor: a run on a local Ray of 2 CPUs stores what a local run stores; batches are
taken back in order with a bounded number out; a batch whose worker dies is run again; without
Ray installed, asking for it is one clear error."""

from __future__ import annotations

import importlib.util
import logging
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from counterpoint.config import Settings
from counterpoint.errors import CounterpointError
from counterpoint.pipeline.analyze import analyze
from counterpoint.records import Document
from counterpoint.store import Store
from counterpoint.store.database import TABLES

from conftest import write

needs_ray = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None, reason="Ray is not installed (counterpoint[ray])"
)

ARTICLES = {
    "valley/bridge.txt": """Larkspur council approves bridge repairs

LARKSPUR, March 4, 2025 - The Larkspur city council voted 7-2 on Tuesday to spend $12 million
on repairs to the Old Mill bridge, Mayor Ida Voss said. "The bridge has waited long enough,"
Voss told reporters. Councillor Tomas Brenner voted against the plan, saying the cost was too
high for a town of 40,000 people.
""",
    "ledger/bridge.md": """---
outlet: Harbour Ledger
---
# Council splurges on Old Mill bridge

The Larkspur council pushed through a $12 million bridge deal on Tuesday over the objections of
Tomas Brenner, who warned that taxes would rise. Mayor Ida Voss called the vote a victory for
commuters, but two councillors said the city had not sought other bids.
""",
    "valley/strike.txt": """Dock workers end strike

PORT AUREL, March 6, 2025 - Dock workers in Port Aurel ended a five-day strike on Thursday after
the Harbour Authority agreed to raise wages by 4 percent, union leader Mina Okafor said. The
authority said ships would dock again on Friday.
""",
    "ledger/strike.txt": """Harbour Authority gives in to union

PORT AUREL, March 6, 2025 - The Harbour Authority caved to the dockers' union on Thursday,
granting a 4 percent raise after a strike that cost the port $3 million a day, according to
the authority's chairman, Paul Ferris. Mina Okafor said the union would watch the deal closely.
""",
    "wire/school.txt": """New school opens in Larkspur

LARKSPUR, March 10, 2025 - A new primary school for 600 pupils opened in Larkspur on Monday.
Education officer Rosa Lind said it was the first school built in the town since 1998.
""",
}


def _articles(folder: Path) -> Path:
    for name, text in ARTICLES.items():
        write(folder, name, text)
    return folder


def _contents(db: Path) -> dict[str, list[str]]:
    """Every table's rows, sorted, without the times of the run (the documents' `added`, and
    the table of runs)."""
    with Store(db, read_only=True) as store:
        tables = {}
        for name in TABLES:
            if name == "runs":
                continue
            rows = [
                {key: value for key, value in row.items() if key != "added"}
                for row in store.table(name).to_pylist()
            ]
            tables[name] = sorted(map(repr, rows))
        return tables


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    """A local Ray of 2 CPUs for the module's tests (the executor uses the Ray it finds)."""
    ray = pytest.importorskip("ray")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init("local", num_cpus=2, include_dashboard=False, logging_level=logging.ERROR)
    yield ray
    ray.shutdown()


@needs_ray
def test_a_run_on_ray_stores_what_a_local_run_stores(tmp_path: Path) -> None:
    import ray

    inputs = _articles(tmp_path / "in")
    # A local Ray of 2 CPUs started for the run, one document a batch: five batches, more
    # than the four out at once.
    on_ray = Settings(executor="ray", workers=2, batch_size=1)
    started_by_the_run = not ray.is_initialized()  # else the module's Ray is used
    ray_run = analyze([inputs], db=tmp_path / "ray.duckdb", settings=on_ray)
    assert ray.is_initialized() != started_by_the_run, "a Ray started for the run is stopped"
    local_run = analyze([inputs], db=tmp_path / "local.duckdb", settings=Settings(batch_size=1))
    assert len(ray_run.added) == len(local_run.added) == len(ARTICLES)
    assert ray_run.entities == local_run.entities > 5
    on_ray_tables = _contents(tmp_path / "ray.duckdb")
    assert on_ray_tables == _contents(tmp_path / "local.duckdb")
    assert len(on_ray_tables["mentions"]) > 15 and len(on_ray_tables["entities"]) > 5
    with Store(tmp_path / "ray.duckdb", read_only=True) as store:
        (run,) = store.rows("SELECT settings FROM runs")
        assert '"executor": "ray"' in run["settings"]


@needs_ray
def test_a_run_on_ray_skips_the_documents_stored(local_ray: Any, tmp_path: Path) -> None:
    """What a run whose driver died left is kept: the next run adds only the rest."""
    on_ray = Settings(executor="ray")
    write(tmp_path, "in/a.txt", ARTICLES["wire/school.txt"])
    assert len(analyze([tmp_path / "in"], db=tmp_path / "x.duckdb", settings=on_ray).added) == 1
    write(tmp_path, "in/b.txt", "Mayor Ida Voss of Larkspur opened the bridge on Friday.\n")
    again = analyze([tmp_path / "in"], db=tmp_path / "x.duckdb", settings=on_ray)
    assert [doc.source_path for doc in again.added] == [str(tmp_path / "in" / "b.txt")]
    assert again.already_stored == [str(tmp_path / "in" / "a.txt")]


@needs_ray
def test_results_come_in_order_with_a_bounded_number_out(local_ray: Any) -> None:
    from counterpoint.pipeline.ray_executor import in_order

    @local_ray.remote
    def powers(number: int) -> Iterator[int]:
        yield number
        yield number * number

    read: list[int] = []

    def numbers() -> Iterator[int]:
        for number in range(10):
            read.append(number)
            yield number

    results = in_order(powers.remote, numbers(), limit=3)
    assert next(results) == 0
    assert len(read) <= 4, "no more than the limit is out when the first result is taken"
    assert list(results) == [0] + [x for n in range(1, 10) for x in (n, n * n)]


@needs_ray
def test_a_batch_whose_worker_dies_is_run_again(local_ray: Any, tmp_path: Path) -> None:
    from counterpoint.pipeline.ray_executor import TASK_RETRIES, in_order

    marker = tmp_path / "died-once"

    @local_ray.remote(max_retries=TASK_RETRIES)
    def fragile(number: int) -> Iterator[int]:
        yield number
        if number == 2 and not marker.exists():
            marker.touch()
            os._exit(1)  # the worker process dies, after one result, as a killed one would
        yield -number

    results = list(in_order(fragile.remote, range(5), limit=2))
    assert results == [0, 0, 1, -1, 2, -2, 3, -3, 4, -4]
    assert marker.exists()


@needs_ray
def test_a_batch_gives_up_a_failing_document_in_its_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """In the worker: the annotations and the documents given up, in the documents' order."""
    from counterpoint.nlp import components
    from counterpoint.pipeline.ray_executor import annotate_batch

    real = components.find_events

    def failing(sdoc: Any, *args: Any) -> Any:
        if "Quillon" in sdoc.text:
            raise ValueError("no date for the trigger")
        return real(sdoc, *args)

    monkeypatch.setattr(components, "find_events", failing)
    texts = ["The mayor opened the bridge.", "Quillon closed the port.", "Talks went on."]
    documents = [Document(id=str(n), text=t, source_path=f"{n}.txt") for n, t in enumerate(texts)]
    items = list(annotate_batch(documents, Settings()))
    assert [getattr(item, "doc", item) for item in items] == [
        documents[0],
        ("1.txt", "the events extractor failed: ValueError: no date for the trigger"),
        documents[2],
    ]


@needs_ray
def test_an_address_where_no_cluster_answers_is_an_error_at_once() -> None:
    """Ray itself would wait for minutes."""
    from counterpoint.pipeline.ray_executor import check_reachable

    with socket.socket() as unused:  # a loopback port that nothing listens on
        unused.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{unused.getsockname()[1]}"
    with pytest.raises(CounterpointError, match=f"no Ray cluster answers at {address}"):
        check_reachable(address)
    check_reachable("auto")  # left to Ray


@pytest.fixture
def without_ray(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python as it is without Ray installed: `import ray` fails."""
    monkeypatch.setitem(sys.modules, "ray", None)
    monkeypatch.delitem(sys.modules, "counterpoint.pipeline.ray_executor", raising=False)


def test_without_ray_the_ray_executor_says_how_to_install_it(
    without_ray: None, tmp_path: Path
) -> None:
    inputs = _articles(tmp_path / "in")
    with pytest.raises(CounterpointError, match=r"pip install 'counterpoint\[ray\]'"):
        analyze([inputs], db=tmp_path / "ray.duckdb", settings=Settings(executor="ray"))
    assert not (tmp_path / "ray.duckdb").exists(), "said before any work"


def test_without_ray_the_command_line_says_it_in_one_line(
    without_ray: None, run, tmp_path: Path
) -> None:
    _articles(tmp_path / "in")
    result = run("analyze", "in", "--executor", "ray", "--quiet")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: the ray executor needs Ray, which is not installed: pip install 'counterpoint[ray]'"
    ]


def test_a_ray_address_needs_the_ray_executor(tmp_path: Path) -> None:
    with pytest.raises(CounterpointError, match="--executor ray"):
        analyze([tmp_path], db=tmp_path / "x.duckdb", settings=Settings(ray_address="auto"))
