"""Bad input gets one clear line naming the file and the reason; the rest of the batch goes on,
and the exit code is non-zero only when nothing could be processed."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from counterpoint.config import Settings
from counterpoint.ingest.reader import ingest

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
