"""Hostile input: whatever is wrong with one file, it is named with its reason and the other
files are still read; nothing in it can blow up the metadata."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from counterpoint.ingest import reader
from counterpoint.ingest.reader import ingest

from conftest import ARTICLE, write

DEEP = b"[" * 100_000 + b"]" * 100_000
ALIAS_BOMB = b"""---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
title: *f
---
Dock workers in Larkspur ended their strike.
"""

HOSTILE_FILES: list[tuple[str, bytes, str]] = [
    ("deep.json", DEEP, "not readable JSON (nested too deeply)"),
    ("deep.jsonl", b'{"text": "Talks went on."}\n' + DEEP, "line is not readable JSON"),
    ("long-number.json", b'{"text": "Talks went on.", "n": ' + b"9" * 5000 + b"}", "digits"),
    ("deep.md", b"---\ntitle: " + DEEP + b"\n---\nTalks went on.\n", "front matter is not"),
    ("bomb.md", ALIAS_BOMB, "aliases (*name) are not accepted in front matter"),
]


@pytest.mark.parametrize(("name", "content", "reason"), HOSTILE_FILES)
def test_a_hostile_file_is_named_and_the_others_are_read(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    write(tmp_path, name, content)
    write(tmp_path, "good.txt", ARTICLE)
    result = ingest([tmp_path])
    assert str(tmp_path / "good.txt") in [doc.source_path for doc in result.documents]
    (error,) = result.errors
    assert error.path.startswith(str(tmp_path / name)) and reason in error.reason


def test_a_sidecar_nested_too_deeply_names_the_sidecar(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Talks went on in Larkspur.")
    write(tmp_path, "a.txt.meta.json", DEEP)
    write(tmp_path, "good.txt", ARTICLE)
    result = ingest([tmp_path])
    assert [doc.source_path for doc in result.documents] == [str(tmp_path / "good.txt")]
    (error,) = result.errors
    assert error.path == str(tmp_path / "a.txt.meta.json")
    assert error.reason == "metadata file is not readable JSON (nested too deeply)"


def test_an_unforeseen_failure_in_one_file_does_not_stop_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(reader.trafilatura, "bare_extraction", broken)
    write(tmp_path, "a-page.html", "<html><body><p>Talks went on.</p></body></html>")
    write(tmp_path, "b-good.txt", ARTICLE)
    result = ingest([tmp_path])
    assert [doc.source_path for doc in result.documents] == [str(tmp_path / "b-good.txt")]
    (error,) = result.errors
    assert error.path == str(tmp_path / "a-page.html")
    assert error.reason == "could not be read: RuntimeError: parser exploded"


@pytest.mark.parametrize("when", ["2025-13-45", "2025-02-30", "0000-01-01", "99999", "[1, 2]"])
def test_a_date_that_cannot_exist_is_unknown(tmp_path: Path, when: str) -> None:
    write(tmp_path, "a.md", f"---\ntitle: Talks\npublished: {when}\n---\nTalks went on.\n")
    (doc,) = ingest([tmp_path]).documents
    assert (doc.title, doc.published) == ("Talks", None)


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path: Path) -> None:
    write(tmp_path, "a.json", '{"text": "Talks \\ud800 went on.", "title": "Talks \\udfff"}')
    (doc,) = ingest([tmp_path]).documents
    assert (doc.text, doc.title) == ("Talks \ufffd went on.", "Talks \ufffd")
    doc.text.encode("utf-8")


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"Talks went on in Larkspur.")
    (tmp_path / os.fsdecode(b"vac\xedo.txt")).write_bytes(b"")
    result = ingest([tmp_path])
    (doc,) = result.documents
    assert doc.source_path == str(tmp_path / "caf\\xe9.txt")
    (error,) = result.errors
    assert str(error) == f"{tmp_path / 'vac'}\\xedo.txt: empty file"


def test_an_alias_bomb_never_reaches_the_metadata(tmp_path: Path) -> None:
    write(tmp_path, "bomb.md", ALIAS_BOMB)
    (error,) = ingest([tmp_path]).errors
    assert error.path == str(tmp_path / "bomb.md")


def test_metadata_is_text_of_a_sane_length(tmp_path: Path) -> None:
    front = {
        "title": "Strike " * 1000,
        "outlet": False,
        "author": ["Mina Okafor", 7, {"x": 1}],
        "url": "https://port.example/" + "a" * 2000,
        "language": 1984,
    }
    write(tmp_path, "a.json", json.dumps({"text": "Talks went on.", **front}))
    (doc,) = ingest([tmp_path]).documents
    assert doc.title is not None and len(doc.title) <= 1000 and doc.title.startswith("Strike")
    assert doc.outlet is None, "false says nothing about the outlet"
    assert doc.author == "Mina Okafor"
    assert doc.url is None, "a URL cut short would point elsewhere"
    assert doc.language == "1984", "numbers are kept as text"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path: Path, codec: str) -> None:
    text = "The port of Larkspur reopened on Monday after the strike ended."
    write(tmp_path, "a.txt", text.encode(codec))
    (doc,) = ingest([tmp_path]).documents
    assert doc.text == text


def test_links_and_special_files_each_get_their_own_reason(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder, "good.txt", ARTICLE)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    os.mkfifo(folder / "pipe.txt")
    result = ingest([folder])
    assert len(result.documents) == 1
    assert sorted(str(error) for error in result.errors) == [
        f"{folder / 'gone.txt'}: a broken symbolic link",
        f"{folder / 'loop.txt'}: a symbolic link loop",
        f"{folder / 'pipe.txt'}: not a regular file (a FIFO)",
    ]
    given = ingest([folder / "loop.txt", folder / "pipe.txt", "/dev/null"]).errors
    assert [error.reason for error in given] == [
        "a symbolic link loop",
        "not a regular file (a FIFO)",
        "not a regular file (a device)",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_an_unreadable_folder_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", ARTICLE)
    locked = tmp_path / "locked"
    write(locked, "a.txt", ARTICLE)
    locked.chmod(0)
    try:
        result = ingest([tmp_path])
    finally:
        locked.chmod(0o755)
    assert len(result.documents) == 1
    (error,) = result.errors
    assert error.path == str(locked) and "folder cannot be read" in error.reason


def test_a_url_that_is_not_one_names_no_outlet(tmp_path: Path) -> None:
    write(tmp_path, "a.json", json.dumps({"text": "Talks went on.", "url": "http://[port"}))
    (doc,) = ingest([tmp_path]).documents
    assert (doc.url, doc.outlet) == ("http://[port", None)
