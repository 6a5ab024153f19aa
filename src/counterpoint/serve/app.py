"""The web explorer: an ASGI app (FastAPI) over one store. HTML pages for people, the same data
as JSON under /api for programs (described at /openapi.json), and the front-end files under
/static, all served by the app itself, so that it works with no network.

Read-only, but for two corrections (merge and split entities), which exist only when the app is
started with a token and answer only requests carrying it (`Authorization: Bearer TOKEN`).
Article text is untrusted: templates escape everything, pages run no inline script, and every
response, errors included, carries a Content-Security-Policy that forbids any. Requests must name
the server by a host it was started for, so that a web page served from another name that
resolves to this machine (DNS rebinding) cannot read it.
"""

from __future__ import annotations

import hmac
import re
import socket
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counterpoint.align.compare import diff_data, source_diff
from counterpoint.align.judge import RELATIONS
from counterpoint.errors import CounterpointError, StoreError
from counterpoint.pipeline.entities import merge_entities, split_entity
from counterpoint.records import Entity
from counterpoint.serve import models
from counterpoint.serve import queries as Q
from counterpoint.serve.access import Access
from counterpoint.serve.render import (
    colour,
    environment,
    highlight_sentence,
    mark_query,
    mark_spans,
    pages,
    source_label,
)
from counterpoint.store.stories import stories, story_relation_counts
from counterpoint.version import __version__

STATIC = Path(__file__).resolve().parent.parent / "static"
CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'"
TOP_STORIES = 30  # stories on the overview, most sources first
HTML_PAGE = {"overview": 100, "mentions": 100, "timeline": 200, "compare": 100, "search": 25}
API_LIMIT = 50
API_MAX = 500
OFFSET_MAX = 10**12  # more items than any store holds, and within DuckDB's BIGINT
# The names of this machine's loopback interface, which the explorer answers to.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")

# The refusals the API documents, beside 200 and the 422 FastAPI documents for bad parameters.
STORE_ERROR: dict[int | str, dict[str, Any]] = {
    503: {"model": models.Problem, "description": "the store cannot be read"}
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": models.Problem, "description": "no such document or entity in the store"}
}
BAD_DATE: dict[int | str, dict[str, Any]] = {
    400: {"model": models.Problem, "description": "`from` or `to` is not a date (YYYY-MM-DD)"}
}
REFUSED: dict[int | str, dict[str, Any]] = {
    400: {"model": models.Problem, "description": "the body cannot be decoded"},
    401: {"model": models.Problem, "description": "the request lacks the token"},
    409: {
        "model": models.Problem,
        "description": "the store refuses the correction: it names no single entity, or "
        "changes nothing",
    },
}

Offset = Annotated[int, Query(ge=0, le=OFFSET_MAX, description="items to skip")]
Limit = Annotated[int, Query(ge=1, le=API_MAX, description="items to return")]
Text = Annotated[str | None, Query()]
# The API's dates: YYYY-MM-DD, or empty for no filter; anything else gets a 400 saying how to
# write it (`api_day`).
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATE_SCHEMA = {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]}
From = Annotated[
    str | None, Query(alias="from", description="YYYY-MM-DD", json_schema_extra=DATE_SCHEMA)
]
To = Annotated[
    str | None, Query(alias="to", description="YYYY-MM-DD", json_schema_extra=DATE_SCHEMA)
]


def create_app(db: str | Path, token: str | None = None, hosts: Sequence[str] = ()) -> FastAPI:
    """The explorer over the store `db`. With `token`, the correction endpoints answer the
    requests that carry it; without, they answer 404. It answers only requests whose Host is
    one of LOCAL_HOSTS or `hosts` (with any port), others 400. Raises StoreError at once if
    `db` is not a readable Counterpoint store."""
    app = Explorer(
        title="Counterpoint",
        version=__version__,
        summary="A source-attributed knowledge graph of a contested story, read-only.",
        description=(
            "Lists are paginated with `limit` and `offset` and answer "
            '`{"items": [...], "total": N, "limit": L, "offset": O}`. Every fact has `doc` and '
            "`sentence`, the sentence stating it; spans are character offsets into the "
            "document's `text`."
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.access = Access(db)
    app.state.token = token or None
    app.state.env = environment()
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(hosts))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(html)
    # Before `api`, whose /api/entities/{entity_id} also matches their paths: a request with
    # another method is then answered 405 with `Allow: POST`, the method the spec lists.
    app.include_router(corrections, include_in_schema=bool(token))
    app.include_router(api)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    return app


def serve(
    db: str | Path, host: str = "127.0.0.1", port: int = 8000, token: str | None = None
) -> None:
    """Serve the explorer over `db` at http://host:port/ until interrupted."""
    import uvicorn

    uvicorn.run(create_app(db, token, hosts=[host]), host=host, port=port, log_level="info")


def allowed_hosts(hosts: Sequence[str]) -> list[str]:
    """The host names requests may give: the loopback names and `hosts` (IPv6 addresses in
    brackets, as a Host header writes them). An address listening on every interface (0.0.0.0)
    adds this machine's names."""
    names = list(LOCAL_HOSTS)
    for host in hosts:
        if host in ("0.0.0.0", "::", ""):
            names += [socket.gethostname(), socket.getfqdn()]
        elif ":" in host and not host.startswith("["):
            names.append(f"[{host}]")
        else:
            names.append(host)
    return list(dict.fromkeys(name.lower() for name in names))


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Build the sentence index before the first request, so that no search waits for it."""
    access: Access = app.state.access

    def warm() -> None:
        try:
            with access.read() as store:
                access.search_ready(store)
        except StoreError:
            pass  # the first request will say what is wrong

    await run_in_threadpool(warm)
    yield


class Explorer(FastAPI):
    """FastAPI with SecurityHeaders outside every other layer, so that the responses they make
    (a 500 for an unexpected error, a 400 for a foreign Host) carry the headers too."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityHeaders(super().build_middleware_stack())


class SecurityHeaders:
    """Adds the Content-Security-Policy (no inline or foreign script) and related headers to
    every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = CSP
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers["X-Frame-Options"] = "DENY"
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- helpers ---------------------------------------------------------------------------------


def get_access(request: Request) -> Access:
    access: Access = request.app.state.access
    return access


Reader = Annotated[Access, Depends(get_access)]


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    env: Environment = request.app.state.env
    page = env.get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(page, status_code=status_code)


def blank(value: str | None) -> str | None:
    """An empty form field is no filter."""
    value = value.strip() if value else None
    return value or None


def day(value: str | None, name: str) -> date | None:
    if not blank(value):
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise HTTPException(400, f"{name}: not a date; write it YYYY-MM-DD") from None


def api_day(value: str | None, name: str) -> date | None:
    """A date of the API, exactly as its spec says: empty, or YYYY-MM-DD with nothing around."""
    if value and not ISO_DATE.fullmatch(value):
        raise HTTPException(400, f"{name}: not a date; write it YYYY-MM-DD")
    return day(value, name)


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(404, f"no {what} {key!r} in this store")


def safe_url(url: str | None) -> str | None:
    """A document's URL, as a link only if it is http(s): metadata is untrusted."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    if _is_api(request) or request.url.path.startswith("/static/"):
        return JSONResponse(
            {"detail": error.detail}, status_code=error.status_code, headers=error.headers
        )
    return render(
        request,
        "error.html",
        status_code=error.status_code,
        status=error.status_code,
        message=error.detail,
    )


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    if _is_api(request):
        # Not the input: it may be raw bytes (a body that is not JSON), which JSON cannot hold.
        detail = [{key: e[key] for key in ("type", "loc", "msg")} for e in error.errors()]
        return JSONResponse({"detail": detail}, status_code=422)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in error.errors()
    )
    return render(request, "error.html", status_code=400, status=400, message=problems)


async def _store_error(request: Request, error: Exception) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": str(error)}, status_code=503)
    return render(request, "error.html", status_code=503, status=503, message=str(error))


# -- pages ----------------------------------------------------------------------------------

html = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@html.get("/")
def overview_page(request: Request, access: Reader, offset: Offset = 0) -> HTMLResponse:
    limit = HTML_PAGE["overview"]
    with access.read() as store:
        docs = Q.documents(store, limit, offset)
        info = Q.overview(store)
        actors = Q.entities(store, 30, 0)["items"]
        found = stories(store)[:TOP_STORIES]
        relations = story_relation_counts(store)
    return render(
        request,
        "overview.html",
        stories=[(s, relations.get(s.id, {})) for s in found],
        relation_names=RELATIONS,
        docs=docs,
        counts=info["counts"],
        actors=actors,
        paging=pages(docs["total"], limit, offset),
    )


@html.get("/sources/{doc_id}")
def source_page(request: Request, access: Reader, doc_id: str) -> HTMLResponse:
    with access.read() as store:
        doc = Q.document(store, doc_id)
    if doc is None:
        raise not_found("source", doc_id)
    text: str = doc["text"]
    mentions: dict[int, list[dict[str, Any]]] = {}
    for mention in doc["mentions"]:
        mentions.setdefault(mention["sentence"], []).append(mention)
    facts: dict[int | None, list[dict[str, Any]]] = {}
    for fact in doc["facts"]:
        facts.setdefault(fact["sentence"], []).append(fact)
    parts: list[tuple[int | None, Markup]] = []
    cursor = 0
    for s in doc["sentences"]:
        if s["start"] > cursor:
            parts.append((None, escape(text[cursor : s["start"]])))
        marked = highlight_sentence(
            text, s["start"], s["end"], mentions.get(s["index"], []), facts.get(s["index"], [])
        )
        parts.append((s["index"], marked))
        cursor = max(cursor, s["end"])
    if cursor < len(text):
        parts.append((None, escape(text[cursor:])))
    names = {a["id"]: a["name"] for a in doc["actors"]}
    return render(
        request, "source.html", doc=doc, parts=parts, names=names, url=safe_url(doc["url"])
    )


@html.get("/actors/{entity_id}")
def actor_page(
    request: Request, access: Reader, entity_id: str, offset: Offset = 0
) -> HTMLResponse:
    limit = HTML_PAGE["mentions"]
    with access.read() as store:
        entity = Q.entity(store, entity_id)
        if entity is None:
            raise not_found("actor", entity_id)
        mentions = Q.entity_mentions(store, entity_id, limit, offset)
        labels = Q.entity_labels(store, entity_id)
        facts = Q.entity_facts(store, entity_id)
        claims = Q.entity_claims(store, entity_id)
        candidates = Q.entity_candidates(store, entity_id)
    # Mentions grouped by source, then by sentence: one quote per sentence, its mentions marked.
    groups: dict[str, dict[str, Any]] = {}
    for m in mentions["items"]:
        group = groups.setdefault(m["doc"], {"doc": m, "quotes": {}})
        quote = group["quotes"].setdefault(m["sentence"], {"sentence": m["sentence"], "spans": []})
        quote["spans"].append(m)
        quote["html"] = mark_spans(m["sentence_text"], m["sentence_start"], quote["spans"])
    return render(
        request,
        "actor.html",
        entity=entity,
        groups=list(groups.values()),
        mentions=mentions,
        labels=labels,
        facts=facts,
        claims=claims,
        candidates=candidates,
        paging=pages(mentions["total"], limit, offset),
    )


def _choices(store: Any, *chosen: str | None) -> list[dict[str, Any]]:
    """Documents for the drop-downs, with the chosen ones even past the list's limit."""
    choices = Q.document_choices(store)
    known = {c["id"] for c in choices}
    for doc in chosen:
        if doc and doc not in known and (head := Q.document_head(store, doc)):
            choices.append(head)
    return choices


@html.get("/network")
def network_page(
    request: Request, access: Reader, source: Text = None, compare: Text = None
) -> HTMLResponse:
    source, compare = blank(source), blank(compare)
    with access.read() as store:
        for doc in (source, compare):
            if doc and Q.document_head(store, doc) is None:
                raise not_found("source", doc)
        choices = _choices(store, source, compare)
    return render(request, "network.html", choices=choices, source=source, compare=compare)


@html.get("/timeline")
def timeline_page(
    request: Request,
    access: Reader,
    source: Text = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    offset: Offset = 0,
) -> HTMLResponse:
    limit = HTML_PAGE["timeline"]
    source = blank(source)
    start, end = day(date_from, "from"), day(date_to, "to")
    with access.read() as store:
        if source and Q.document_head(store, source) is None:
            raise not_found("source", source)
        items = Q.timeline(store, limit, offset, source, start, end)
        numbers = Q.document_numbers(store, [i["doc"] for i in items["items"]])
        choices = _choices(store, source)
    legend: dict[str, dict[str, Any]] = {}
    for item in items["items"]:
        item["colour"] = colour(numbers.get(item["doc"], 0))
        legend.setdefault(item["doc"], item)
    return render(
        request,
        "timeline.html",
        items=items,
        legend=list(legend.values()),
        choices=choices,
        source=source,
        date_from=start,
        date_to=end,
        paging=pages(items["total"], limit, offset),
    )


@html.get("/compare")
def compare_page(
    request: Request,
    access: Reader,
    a: Text = None,
    b: Text = None,
    story: Text = None,
    offset: Offset = 0,
) -> HTMLResponse:
    limit = HTML_PAGE["compare"]
    a, b, story = blank(a), blank(b), blank(story)
    with access.read() as store:
        heads = {}
        for doc in (a, b):
            if doc and (head := Q.document_head(store, doc)) is None:
                raise not_found("source", doc)
            if doc:
                heads[doc] = head
        choices = _choices(store, a, b)
        rows = Q.compare(store, a, b, limit, offset) if a and b else None
        diff = source_diff(store, a, b, story=story) if a and b and a != b else None
    return render(
        request,
        "compare.html",
        choices=choices,
        a=a,
        b=b,
        heads=heads,
        rows=rows,
        relations=[(r, diff.by_relation()[r]) for r in RELATIONS if r in diff.by_relation()]
        if diff
        else [],
        wording=diff.wording if diff else [],
        framing=diff.framing_by_actor() if diff else [],
        paging=pages(rows["total"], limit, offset) if rows else None,
    )


@html.get("/search")
def search_page(
    request: Request,
    access: Reader,
    q: Text = None,
    source: Text = None,
    actor: Text = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    offset: Offset = 0,
) -> HTMLResponse:
    limit = HTML_PAGE["search"]
    q, source, actor = blank(q), blank(source), blank(actor)
    start, end = day(date_from, "from"), day(date_to, "to")
    with access.read() as store:
        choices = _choices(store, source)
        actors = Q.entity_choices(store)
        if actor and all(a["id"] != actor for a in actors) and (e := Q.entity(store, actor)):
            actors.append(e)
        results = None
        if any((q, source, actor, start, end)):
            index = access.search_ready(store)
            results = Q.search(index, store, limit, offset, q, source, actor, start, end)
            for item in results["items"]:
                item["html"] = mark_query(item["text"], q)
                item["label"] = source_label(item)
    query = {"q": q, "source": source, "actor": actor, "from": start, "to": end}
    return render(
        request,
        "search.html",
        results=results,
        choices=choices,
        actors=actors,
        query=query,
        paging=pages(results["total"], limit, offset) if results else None,
    )


# -- API ------------------------------------------------------------------------------------

api = APIRouter(prefix="/api", tags=["read"], responses=STORE_ERROR)


@api.get("/overview", response_model=models.Overview)
def api_overview(access: Reader) -> dict[str, Any]:
    """Counts of what the store holds, and the most widely mentioned actors."""
    with access.read() as store:
        return Q.overview(store) | {"actors": Q.entities(store, 30, 0)["items"]}


@api.get("/documents", response_model=models.Page[models.DocumentSummary])
def api_documents(access: Reader, limit: Limit = API_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    """The sources (documents), by date of publication, with their counts."""
    with access.read() as store:
        return Q.documents(store, limit, offset)


@api.get("/documents/{doc_id}", response_model=models.DocumentDetail, responses=NOT_FOUND)
def api_document(access: Reader, doc_id: str) -> dict[str, Any]:
    """One source: its text, its sentences, the actors it mentions and the facts it states."""
    with access.read() as store:
        doc = Q.document(store, doc_id)
    if doc is None:
        raise not_found("document", doc_id)
    return doc


@api.get("/entities", response_model=models.Page[models.EntitySummary])
def api_entities(
    access: Reader,
    type: Annotated[str | None, Query(description="Person, Country, ...")] = None,
    q: Annotated[str | None, Query(description="text in the name or an alias")] = None,
    limit: Limit = API_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """The actors, the most widely mentioned first."""
    with access.read() as store:
        return Q.entities(store, limit, offset, blank(type), blank(q))


@api.get("/entities/{entity_id}", response_model=models.EntityDetail, responses=NOT_FOUND)
def api_entity(
    access: Reader, entity_id: str, limit: Limit = API_LIMIT, offset: Offset = 0
) -> dict[str, Any]:
    """One actor: its mentions (paginated by `limit` and `offset`), the words each source uses
    for it, its roles and ties, the claims about it, and the entities it may be."""
    with access.read() as store:
        entity = Q.entity(store, entity_id)
        if entity is None:
            raise not_found("entity", entity_id)
        facts = Q.entity_facts(store, entity_id)
        return {
            **entity,
            "mention_count": entity["mentions"],
            "mentions": Q.entity_mentions(store, entity_id, limit, offset),
            "aliases_by_source": Q.entity_labels(store, entity_id),
            "roles": facts["roles"],
            "ties": facts["ties"],
            "totals": facts["totals"],
            "claims": Q.entity_claims(store, entity_id),
            "candidates": Q.entity_candidates(store, entity_id),
        }


@api.get("/sentences", response_model=models.Page[models.SentenceHit], responses=BAD_DATE)
def api_sentences(
    access: Reader,
    q: Annotated[str | None, Query(description="words the sentence contains")] = None,
    source: Annotated[str | None, Query(description="a document id")] = None,
    actor: Annotated[str | None, Query(description="an entity id the sentence names")] = None,
    date_from: From = None,
    date_to: To = None,
    limit: Limit = API_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Search the sentences of all sources (ignoring case and accents), in document order."""
    start, end = api_day(date_from, "from"), api_day(date_to, "to")
    with access.read() as store:
        index = access.search_ready(store)
        return Q.search(
            index, store, limit, offset, blank(q), blank(source), blank(actor), start, end
        )


@api.get("/graph", response_model=models.Graph, responses=NOT_FOUND)
def api_graph(
    access: Reader,
    source: Annotated[str | None, Query(description="only what this document says")] = None,
    compare: Annotated[
        str | None, Query(description="with `source`: a second document to compare")
    ] = None,
) -> dict[str, Any]:
    """Actors and the edges between them (ties, roles, co-mentions), each with the sentences
    stating it; with `source` and `compare`, each marked with the side that draws it."""
    source, compare = blank(source), blank(compare)
    with access.read() as store:
        for doc in (source, compare):
            if doc and Q.document_head(store, doc) is None:
                raise not_found("document", doc)
        return Q.graph(store, source, compare)


@api.get("/timeline", response_model=models.TimelinePage, responses=BAD_DATE)
def api_timeline(
    access: Reader,
    source: Annotated[str | None, Query(description="a document id")] = None,
    date_from: From = None,
    date_to: To = None,
    limit: Limit = API_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Documents, and the roles and ties they state, by date (events will join them)."""
    start, end = api_day(date_from, "from"), api_day(date_to, "to")
    with access.read() as store:
        return Q.timeline(store, limit, offset, blank(source), start, end)


@api.get("/compare", response_model=models.ComparePage, responses=NOT_FOUND)
def api_compare(
    access: Reader,
    a: Annotated[str, Query(description="a document id")],
    b: Annotated[str, Query(description="another document id")],
    limit: Limit = API_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Two sources side by side, one row per actor either names: "shared" or "unique"."""
    with access.read() as store:
        heads = {doc: Q.document_head(store, doc) for doc in (a, b)}
        for doc, head in heads.items():
            if head is None:
                raise not_found("document", doc)
        return Q.compare(store, a, b, limit, offset) | {"a": heads[a], "b": heads[b]}


@api.get("/diff", response_model=models.Diff, responses=NOT_FOUND)
def api_diff(
    access: Reader,
    a: Annotated[str, Query(description="an outlet, or a document id or title")],
    b: Annotated[str, Query(description="another outlet or document")],
    story: Annotated[
        str | None, Query(description="a story id: only the documents of that story")
    ] = None,
) -> dict[str, Any]:
    """What two sources corroborate, contradict, update, reframe and report alone, each with
    the sentences of both sides and the reason for each relation, and how each frames the
    actors both name."""
    with access.read() as store:
        try:
            return diff_data(source_diff(store, a, b, story=story))
        except CounterpointError as error:
            raise HTTPException(status_code=404, detail=str(error)) from None


# -- corrections ----------------------------------------------------------------------------

corrections = APIRouter(
    prefix="/api/entities", tags=["corrections"], responses=REFUSED | STORE_ERROR
)


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """404 unless the app was started with a token; 401 unless the request carries it."""
    token: str | None = request.app.state.token
    if token is None:
        raise HTTPException(404, "Not Found")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), token.encode()
    ):
        raise HTTPException(
            401, "send the token: 'Authorization: Bearer TOKEN'", {"WWW-Authenticate": "Bearer"}
        )


Authorized = Annotated[None, Depends(require_token)]


def _corrected(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": entity.aliases,
        "mentions": len(entity.mentions),
    }


@corrections.post("/merge", response_model=models.Corrected)
def api_merge(access: Reader, _: Authorized, body: models.MergeRequest) -> dict[str, Any]:
    """Record that the entities `refs` (ids or names) are one actor, and apply it; the first
    keeps its id. Written to the store's corrections file, like `counterpoint entities merge`."""
    try:
        return _corrected(access.correct(lambda db: merge_entities(body.refs, db=db)))
    except StoreError:
        raise
    except CounterpointError as error:
        raise HTTPException(409, str(error)) from None


@corrections.post("/split", response_model=models.Corrected)
def api_split(access: Reader, _: Authorized, body: models.SplitRequest) -> dict[str, Any]:
    """Record that the mentions of `entity` written as one of `aliases` are another actor,
    and apply it; answers the entity split off."""
    try:
        return _corrected(access.correct(lambda db: split_entity(body.entity, body.aliases, db=db)))
    except StoreError:
        raise
    except CounterpointError as error:
        raise HTTPException(409, str(error)) from None
