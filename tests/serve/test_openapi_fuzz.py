"""The explorer's OpenAPI document (`/openapi.json`) tells the truth: schemathesis sends
generated requests to every operation it lists, the corrections included, and checks each
answer with all its default checks (no server error, only documented status codes, content
types and response shapes). A fixed seed keeps the run the same every time; a small budget keeps
it short. `COUNTERPOINT_API_FUZZ_EXAMPLES=500` runs it longer (see bench/README.md)."""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

with warnings.catch_warnings():  # Starlette asks for httpx2; the pinned httpx works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from counterpoint.serve import create_app

TOKEN = "fuzz-token"
LOCAL = "http://127.0.0.1"  # the explorer answers only requests for its own host names
EXAMPLES = int(os.environ.get("COUNTERPOINT_API_FUZZ_EXAMPLES", "8"))


@pytest.fixture(scope="module")
def db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo store: the corrections write to it."""
    copy = tmp_path_factory.mktemp("fuzz") / "demo.duckdb"
    shutil.copy(demo_db, copy)
    return copy


@pytest.fixture(scope="module")
def api_schema(db: Path) -> schemathesis.BaseSchema:
    """The spec of the explorer started with a token, so that it lists the corrections too."""
    app = create_app(db, token=TOKEN)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, headers={"Host": "127.0.0.1"})
    schema.config.update(base_url=LOCAL)
    return schema


@pytest.fixture(autouse=True)
def _node_id(request: pytest.FixtureRequest) -> None:
    """schemathesis 4.32 names each operation's subtest through `node._nodeid`, which pytest 9.2
    no longer has."""
    request.node._nodeid = request.node.nodeid


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})


# Refusals the explorer gives, each of which the spec once left out: (method, url, body, status,
# the operation's path in the spec).
REFUSALS = [
    ("get", "/api/documents/nope", None, 404, "/api/documents/{doc_id}"),
    ("get", "/api/entities/nope", None, 404, "/api/entities/{entity_id}"),
    ("get", "/api/graph?source=nope", None, 404, "/api/graph"),
    ("get", "/api/compare?a=nope&b=none", None, 404, "/api/compare"),
    ("get", "/api/diff?a=nope&b=none", None, 404, "/api/diff"),
    ("get", "/api/timeline?from=June", None, 400, "/api/timeline"),
    ("get", "/api/sentences?to=2025-02-30", None, 400, "/api/sentences"),
    ("get", "/api/sentences?to=%202025-01-01", None, 400, "/api/sentences"),
    ("post", "/api/entities/merge", {"refs": ["Nobody", "No one"]}, 409, "/api/entities/merge"),
    (
        "post",
        "/api/entities/split",
        {"entity": "Nobody", "aliases": ["N"]},
        409,
        "/api/entities/split",
    ),
]


def test_every_refusal_is_one_the_spec_lists(db: Path) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(db, token=TOKEN), base_url=LOCAL) as client:
        spec = client.get("/openapi.json").json()
        for method, url, body, status, path in REFUSALS:
            response = client.request(method, url, json=body, headers=auth)
            assert response.status_code == status, (url, response.text)
            assert str(status) in spec["paths"][path][method]["responses"], (url, status)
            assert isinstance(response.json()["detail"], str)
        # An empty date is no filter, and the spec says so.
        assert client.get("/api/timeline?from=&to=").status_code == 200
        dated = spec["paths"]["/api/timeline"]["get"]["parameters"]
        assert {"type": "string", "maxLength": 0} in next(
            p["schema"]["anyOf"] for p in dated if p["name"] == "from"
        )
        # Another method on a correction's path answers with the method the spec lists.
        refused = client.request("options", "/api/entities/merge", headers=auth)
        assert refused.status_code == 405 and refused.headers["allow"] == "POST"
