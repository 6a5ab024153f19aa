"""Fuzzing every reader: whatever bytes, text or JSON a file holds, `ingest` returns documents
and `InputError`s and never raises; every document has non-empty text that UTF-8 can hold and
an id that depends on its text only.

The seed is fixed and the budget small, so the suite runs in seconds; raise the budget with
COUNTERPOINT_FUZZ_EXAMPLES (see bench/README.md).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from counterpoint.ingest.reader import IngestResult, document_id, ingest

from conftest import FUZZ

ARTICLE = "Dock workers in Larkspur ended a nine-day strike on Sunday, the union said.\n"

# Text that includes what trips readers up: lone surrogates, NUL and other controls, line breaks.
characters = st.one_of(
    st.characters(),
    st.integers(0xD800, 0xDFFF).map(chr),
    st.sampled_from(["\x00", "\r", "\n", "\ufeff", "\u2028", "-", ":", "&", "*", "{", "["]),
)
texts = st.text(characters, max_size=200)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(10**60, 10**80)
    | st.floats()
    | texts
    | st.dates().map(str),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=12,
)
METADATA_KEYS = ["title", "headline", "outlet", "author", "authors", "published", "date", "url"]
records = st.dictionaries(st.sampled_from([*METADATA_KEYS, "text", "lang"]), json_values).map(
    lambda record: record if "text" in record else {**record, "text": ARTICLE}
)
SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl"]


def read(files: dict[str, bytes]) -> IngestResult:
    """Write `files` to a fresh folder and read it twice: the two readings must agree."""
    with tempfile.TemporaryDirectory() as folder:
        for name, data in files.items():
            Path(folder, name).write_bytes(data)
        result = ingest([folder])
        again = ingest([folder])
    assert [doc.id for doc in again.documents] == [doc.id for doc in result.documents]
    for doc in result.documents:
        assert isinstance(doc.text, str) and doc.text.strip()
        assert doc.id == document_id(doc.text)
        for value in (doc.text, doc.source_path, doc.title, doc.outlet, doc.author, doc.url):
            if value is not None:
                assert isinstance(value, str)
                value.encode("utf-8")
        for value in (doc.title, doc.outlet, doc.author):
            assert value is None or len(value) <= 1000
    for error in result.errors:
        str(error).encode("utf-8")
        assert not error.reason.startswith("could not be read:"), f"unforeseen failure: {error}"
    return result


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes(data: bytes, suffix: str) -> None:
    read({"a" + suffix: data})


@FUZZ
@given(
    text=texts,
    suffix=st.sampled_from(SUFFIXES),
    codec=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]),
)
def test_any_text_in_any_encoding(text: str, suffix: str, codec: str) -> None:
    data = text.encode(codec, errors="replace")
    read({"a" + suffix: data})


@FUZZ
@given(front=texts, body=texts)
def test_markdown_with_any_front_matter(front: str, body: str) -> None:
    read({"a.md": f"---\n{front}\n---\n{body}{ARTICLE}".encode("utf-8", "surrogatepass")})


@FUZZ
@given(front=st.dictionaries(st.sampled_from(METADATA_KEYS), json_values))
def test_markdown_with_any_metadata(front: dict[str, Any]) -> None:
    header = yaml.safe_dump(front, allow_unicode=False)
    (doc,) = read({"a.md": f"---\n{header}---\n{ARTICLE}".encode()}).documents
    assert doc.text == ARTICLE.strip()


@FUZZ
@given(value=st.one_of(records, json_values))
def test_json_with_any_value(value: Any) -> None:
    read({"a.json": json.dumps(value).encode()})


@FUZZ
@given(lines=st.lists(st.one_of(records, json_values).map(json.dumps), min_size=1, max_size=5))
def test_json_lines_with_any_records(lines: list[str]) -> None:
    result = read({"a.jsonl": "\n".join(lines).encode()})
    assert len(result.documents) + len(result.errors) + len(result.duplicates) == len(lines)


@FUZZ
@given(sidecar=st.one_of(json_values.map(json.dumps), texts))
def test_any_sidecar(sidecar: str) -> None:
    result = read(
        {"a.txt": ARTICLE.encode(), "a.txt.meta.json": sidecar.encode("utf-8", "surrogatepass")}
    )
    assert len(result.documents) + len(result.errors) == 1


@FUZZ
@given(
    parts=st.lists(
        st.one_of(
            texts,
            st.sampled_from(
                [
                    "<html>",
                    "<head>",
                    "<title>",
                    "</title>",
                    '<meta name="author" content="',
                    '<meta property="article:published_time" content="',
                    '">',
                    "<body>",
                    "<article>",
                    "<p>",
                    "</p>",
                    "<script>",
                    "<!--",
                    "&#xD800;",
                    "&amp;",
                    ARTICLE * 3,
                ]
            ),
        ),
        max_size=12,
    )
)
def test_html_with_any_markup(parts: list[str]) -> None:
    read({"a.html": "".join(parts).encode("utf-8", "surrogatepass")})
