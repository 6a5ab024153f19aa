"""Exports and reports write only what they own: a file where a file goes, files inside a folder
where a folder goes; never a deletion of what was there, never over the store's own files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import counterpoint
from counterpoint.errors import CounterpointError

from conftest import write

FILE_FORMATS = ["json", "graphml", "gexf", "ftm"]


@pytest.fixture
def store(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo store that a test may try to overwrite."""
    copy = tmp_path / "news.duckdb"
    shutil.copy(demo_db, copy)
    return copy


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_a_file_export_refuses_a_folder_and_leaves_it_whole(
    demo_db: Path, tmp_path: Path, fmt: str
) -> None:
    mine = write(tmp_path, "folder/mine.txt", "my notes")
    with pytest.raises(CounterpointError, match="folder"):
        counterpoint.export(demo_db, fmt, tmp_path / "folder")
    assert mine.read_text() == "my notes"
    assert [p.name for p in (tmp_path / "folder").iterdir()] == ["mine.txt"]


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_a_file_export_replaces_its_previous_file(demo_db: Path, tmp_path: Path, fmt: str) -> None:
    previous = write(tmp_path, f"out.{fmt}", "an older export")
    counterpoint.export(demo_db, fmt, previous)
    assert previous.read_text(encoding="utf-8") != "an older export"


def test_parquet_writes_into_a_folder_and_keeps_what_else_is_there(
    demo_db: Path, tmp_path: Path
) -> None:
    mine = write(tmp_path, "tables/mine.txt", "my notes")
    counterpoint.export(demo_db, "parquet", tmp_path / "tables")
    assert mine.read_text() == "my notes"
    assert (tmp_path / "tables" / "documents.parquet").is_file()
    counterpoint.export(demo_db, "parquet", tmp_path / "tables")  # again, over its own files
    assert mine.read_text() == "my notes"


def test_parquet_refuses_a_file_where_its_folder_goes(demo_db: Path, tmp_path: Path) -> None:
    mine = write(tmp_path, "tables", "my notes")
    with pytest.raises(CounterpointError, match="is a file"):
        counterpoint.export(demo_db, "parquet", mine)
    assert mine.read_text() == "my notes"


@pytest.mark.parametrize("fmt", [*FILE_FORMATS, "parquet"])
def test_no_export_is_written_over_the_store(store: Path, fmt: str) -> None:
    before = counterpoint.status(store)["counts"]
    with pytest.raises(CounterpointError, match="store"):
        counterpoint.export(store, fmt, store)
    assert counterpoint.status(store)["counts"] == before


@pytest.mark.parametrize("name", ["news.duckdb.wal", "news.corrections.yaml"])
def test_no_export_is_written_over_the_stores_companion_files(store: Path, name: str) -> None:
    companion = write(store.parent, name, "merges: []\n")
    with pytest.raises(CounterpointError, match="store"):
        counterpoint.export(store, "json", companion)
    assert companion.read_text() == "merges: []\n"


def test_report_writes_into_an_existing_folder_and_keeps_its_files(
    demo_db: Path, tmp_path: Path
) -> None:
    mine = write(tmp_path, "out/mine.txt", "my notes")
    html, markdown = counterpoint.report(demo_db, tmp_path / "out")
    assert html.is_file() and markdown.is_file()
    assert mine.read_text() == "my notes"


def test_report_refuses_a_folder_where_its_page_goes(demo_db: Path, tmp_path: Path) -> None:
    mine = write(tmp_path, "out/report.html/mine.txt", "my notes")
    with pytest.raises(CounterpointError, match="folder"):
        counterpoint.report(demo_db, tmp_path / "out")
    assert mine.read_text() == "my notes"


def test_cli_export_over_a_folder_or_the_store_is_one_line_and_loses_nothing(
    run, store: Path, tmp_path: Path
) -> None:
    mine = write(tmp_path, "folder/mine.txt", "my notes")
    refused = run("export", "--db", str(store), "--out", "folder")
    assert refused.exit_code == 1
    assert refused.output.strip().splitlines() == [
        "Error: folder: cannot write it: a folder is there, not a file"
    ]
    assert mine.read_text() == "my notes"
    before = counterpoint.status(store)["counts"]
    refused = run("export", "--db", str(store), "--out", str(store))
    assert refused.exit_code == 1 and "store" in refused.output
    assert counterpoint.status(store)["counts"] == before


def test_diff_html_is_never_written_over_the_store(run, store: Path) -> None:
    outlets = [row["outlet"] for row in counterpoint.status(store)["outlets"]]
    a, b = [outlet for outlet in outlets if outlet != "(unknown)"][:2]
    before = counterpoint.status(store)["counts"]
    refused = run("diff", a, b, "--db", str(store), "--html", str(store))
    assert refused.exit_code == 1 and "store" in refused.output
    assert counterpoint.status(store)["counts"] == before
