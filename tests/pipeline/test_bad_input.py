"""Bad input gets one clear line naming the file and the reason; the rest of the batch goes on,
and the exit code is non-zero only when nothing could be processed."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from spacy.tokens import Doc

from counterpoint.config import Settings
from counterpoint.errors import InputError
from counterpoint.ingest.reader import ingest
from counterpoint.nlp import components
from counterpoint.nlp.annotate import annotate
from counterpoint.pipeline.analyze import analyze
from counterpoint.records import Document, Event
from counterpoint.store import Store

from conftest import ARTICLE, write

BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n \t", "empty file"),
    ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file"),
    (
        "page.html",
        b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
        "no article text",
    ),
    ("records.jsonl", b'{"title": "no body here"}\n', "has no 'text' field"),
    ("broken.json", b'{"text": "unterminated', "not valid JSON"),
    ("slides.pdf", b"%PDF-1.4", "unsupported file type"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES)
def test_each_bad_file_is_named_with_its_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    write(tmp_path, name, content)
    write(tmp_path, "good.txt", ARTICLE)
    result = ingest([tmp_path])
    assert len(result.documents) == 1, "the good file is still read"
    (error,) = result.errors
    assert error.path.startswith(str(tmp_path / name)) and reason in error.reason


@pytest.mark.parametrize("codec", ["latin-1", "utf-16", "cp1252"])
def test_other_encodings_are_decoded(tmp_path: Path, codec: str) -> None:
    text = "Señora Muñoz visited Zürich and Besançon, where the café reopened after the strike."
    write(tmp_path, "a.txt", text.encode(codec))
    (doc,) = ingest([tmp_path]).documents
    assert doc.text == text


def test_a_json_line_without_text_does_not_stop_the_others(tmp_path: Path) -> None:
    lines = [
        {"text": "Floods closed the road to Merrow."},
        {"title": "none"},
        {"text": "The road to Merrow reopened on Friday."},
    ]
    write(tmp_path, "feed.jsonl", "\n".join(json.dumps(x) for x in lines))
    result = ingest([tmp_path])
    assert len(result.documents) == 2
    assert [e.path for e in result.errors] == [f"{tmp_path / 'feed.jsonl'}:2"]


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # 50 MB, sparse: nothing is written
    (error,) = ingest([big], Settings()).errors
    assert "50" in error.reason and "limit" in error.reason and "--max-file-mb" in error.reason


def test_missing_path(tmp_path: Path) -> None:
    (error,) = ingest([tmp_path / "nope"]).errors
    assert error.reason == "no such file or folder"


def test_cli_reports_each_bad_file_and_goes_on(run, tmp_path: Path) -> None:
    write(tmp_path, "in/empty.txt", b"")
    write(tmp_path, "in/good.txt", ARTICLE)
    result = run("analyze", "in", "missing.txt", "--quiet")
    assert result.exit_code == 0
    assert "in/empty.txt: empty file" in result.stderr
    assert "missing.txt: no such file or folder" in result.stderr
    assert "1 document(s) added" in result.stdout
    assert "Traceback" not in result.output


def test_cli_fails_when_nothing_could_be_processed(run, tmp_path: Path) -> None:
    write(tmp_path, "empty.txt", b"")
    result = run("analyze", "empty.txt", "--quiet")
    assert result.exit_code != 0
    assert "empty.txt: empty file" in result.stderr
    assert "none of the inputs could be read" in result.stderr


def test_a_store_that_is_not_a_duckdb_file(run, tmp_path: Path) -> None:
    write(tmp_path, "notes.duckdb", "shopping list: eggs, flour")
    write(tmp_path, "good.txt", ARTICLE)
    result = run("analyze", "good.txt", "--db", "notes.duckdb", "--quiet")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: notes.duckdb: not a Counterpoint store (the file is not a DuckDB database)"
    ]


def test_a_duckdb_file_of_another_program(run, tmp_path: Path) -> None:
    duckdb.connect(str(tmp_path / "other.duckdb")).execute("CREATE TABLE t (x INT)").close()
    result = run("status", "--db", "other.duckdb")
    assert result.exit_code == 1
    assert "a DuckDB database, but not a Counterpoint store" in result.stderr


def test_a_store_from_a_newer_version(run, tmp_path: Path) -> None:
    write(tmp_path, "good.txt", ARTICLE)
    assert run("analyze", "good.txt", "--quiet").exit_code == 0
    with duckdb.connect(str(tmp_path / "counterpoint.duckdb")) as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    result = run("status")
    assert result.exit_code == 1
    assert "written by a newer Counterpoint (store schema 99" in result.stderr


def _events_fail_on(marker: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The events extractor raises on a text that holds `marker`."""
    real = components.find_events

    def failing(sdoc: Doc, *args: Any) -> list[Event]:
        if marker in sdoc.text:
            raise ValueError("no date for the trigger")
        return real(sdoc, *args)

    monkeypatch.setattr(components, "find_events", failing)


def test_an_extractor_that_fails_gives_up_that_document_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _events_fail_on("Quillon", monkeypatch)
    texts = ["The mayor opened the bridge.", "Quillon closed the port.", "Talks went on."]
    documents = [Document(id=str(n), text=t, source_path=f"{n}.txt") for n, t in enumerate(texts)]
    errors: list[InputError] = []
    annotations = list(annotate(documents, on_error=errors.append))
    assert [a.doc.source_path for a in annotations] == ["0.txt", "2.txt"]
    (error,) = errors
    assert error.path == "1.txt"
    assert error.reason == "the events extractor failed: ValueError: no date for the trigger"
    with pytest.raises(InputError, match="1.txt: the events extractor failed"):
        list(annotate(documents))  # without `on_error` the error is raised


def test_analyze_stores_the_other_documents_when_an_extractor_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _events_fail_on("Quillon", monkeypatch)
    write(tmp_path, "in/good.txt", ARTICLE)
    write(tmp_path, "in/bad.txt", "Quillon dockers ended their strike on Sunday.")
    result = analyze([tmp_path / "in"], db=tmp_path / "x.duckdb")
    assert [doc.source_path for doc in result.added] == [str(tmp_path / "in" / "good.txt")]
    (error,) = result.errors
    assert error.path == str(tmp_path / "in" / "bad.txt") and "events extractor" in error.reason
    with Store(tmp_path / "x.duckdb", read_only=True) as store:
        assert store.counts()["documents"] == 1


def test_cli_reports_a_failing_extractor_in_one_line(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _events_fail_on("Quillon", monkeypatch)
    write(tmp_path, "in/good.txt", ARTICLE)
    write(tmp_path, "in/bad.txt", "Quillon dockers ended their strike on Sunday.")
    result = run("analyze", "in", "--quiet")
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines() == [
        "Error: in/bad.txt: the events extractor failed: ValueError: no date for the trigger"
    ]
    assert "1 document(s) added" in result.stdout and "1 error(s)" in result.stdout
    assert "Traceback" not in result.output


HOSTILE: dict[str, bytes] = {
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    "long-number.json": b'{"text": "Talks went on.", "n": ' + b"9" * 5000 + b"}",
    "deep-meta.txt": b"Harbour talks in Larkspur went on until late on Sunday.",
    "deep-meta.txt.meta.json": b"[" * 100_000 + b"]" * 100_000,
    "bad-date.md": b"---\npublished: 2025-13-45\n---\nThe port of Larkspur reopened on Monday.\n",
    "surrogate.json": b'{"text": "Ida Voss \\ud800 reopened the port.", "title": "\\ud800"}',
}


def test_cli_goes_on_past_hostile_files_and_stores_the_rest(run, tmp_path: Path) -> None:
    for name, content in HOSTILE.items():
        write(tmp_path, f"in/{name}", content)
    write(tmp_path, "in/good.txt", ARTICLE)
    (tmp_path / "in" / os.fsdecode(b"caf\xe9.txt")).write_text("Dockers met in the Larkspur cafe.")
    result = run("analyze", "in", "--quiet")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert sorted(result.stderr.strip().splitlines()) == [
        "Error: in/deep-meta.txt.meta.json: metadata file is not readable JSON (nested too deeply)",
        "Error: in/deep.json: not readable JSON (nested too deeply)",
        "Error: in/long-number.json: not readable JSON (Exceeds the limit (4300 digits) for "
        "integer string conversion: value has 5000 digits)",
    ]
    with duckdb.connect(str(tmp_path / "counterpoint.duckdb"), read_only=True) as con:
        stored = con.execute("SELECT source_path, title, published FROM documents").fetchall()
    assert sorted(stored) == [
        ("in/bad-date.md", None, None),
        ("in/caf\\xe9.txt", None, None),
        ("in/good.txt", "Harbour strike ends after talks", date(2024, 6, 2)),
        ("in/surrogate.json", "\ufffd", None),
    ]


def test_cli_fails_when_only_hostile_files_are_given(run, tmp_path: Path) -> None:
    write(tmp_path, "deep.json", HOSTILE["deep.json"])
    result = run("analyze", "deep.json", "--quiet")
    assert result.exit_code != 0
    assert "deep.json: not readable JSON (nested too deeply)" in result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.output


# -- store files ----------------------------------------------------------------------------

STORE_COMMANDS = [
    ["analyze", "in"],
    ["status"],
    ["report"],
    ["export"],
    ["entities", "list"],
    ["entities", "merge", "a", "b"],
    ["diff", "a", "b"],
    ["serve", "--port", "8765"],
]


@pytest.mark.parametrize("command", STORE_COMMANDS, ids=" ".join)
def test_a_sqlite_file_as_the_store_is_refused_in_one_line(
    run, tmp_path: Path, command: list[str]
) -> None:
    write(tmp_path, "in/good.txt", ARTICLE)
    with closing(sqlite3.connect(tmp_path / "notes.db")) as con:
        con.execute("CREATE TABLE notes (text)")
        con.commit()
    content = (tmp_path / "notes.db").read_bytes()
    result = run(*command, "--db", "notes.db")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: notes.db: not a Counterpoint store (the file is a SQLite database)"
    ]
    assert (tmp_path / "notes.db").read_bytes() == content


@pytest.mark.parametrize("command", STORE_COMMANDS, ids=" ".join)
def test_a_truncated_store_is_refused_in_one_line(
    run, demo_db: Path, tmp_path: Path, command: list[str]
) -> None:
    write(tmp_path, "in/good.txt", ARTICLE)
    data = demo_db.read_bytes()
    write(tmp_path, "cut.duckdb", data[: len(data) // 2])
    result = run(*command, "--db", "cut.duckdb")
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: cut.duckdb is damaged or not a Counterpoint store: IO Error")
    assert (tmp_path / "cut.duckdb").read_bytes() == data[: len(data) // 2]
