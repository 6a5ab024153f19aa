"""The command line: each command works, says what it does, and mirrors the Python API."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from counterpoint.cli import cli
from counterpoint.config import Settings
from counterpoint.store import Store
from counterpoint.store.status import last_settings

from conftest import ARTICLE, REPO, write


def command_paths(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    """'analyze', 'entities merge', ...: every command, subcommands included."""
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        found[path] = command
        if isinstance(command, click.Group):
            found.update(command_paths(command, f"{path} "))
    return found


ALL = command_paths(cli)
COMMANDS = sorted(ALL)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(run, command: str) -> None:
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    assert len(result.output.split("\n\n")[1].strip()) > 20  # a real description


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_and_option_is_documented_in_the_readme(command: str) -> None:
    readme = (REPO / "README.md").read_text()
    assert f"counterpoint {command}" in readme
    for param in ALL[command].params:
        for option in param.opts:
            if option.startswith("--"):
                assert option in readme, f"{command} {option} is not in the README"


def test_analyze_report_export_status(run, tmp_path: Path) -> None:
    write(tmp_path, "in/strike.txt", ARTICLE)
    write(
        tmp_path,
        "in/rail.md",
        "---\noutlet: Valley Post\n---\nMayor Ida Voss of Larkspur "
        "opened the rail link on Monday, and Tomas Brenner said the union welcomed it.\n",
    )
    analyzed = run("analyze", "in", "--quiet")
    assert analyzed.exit_code == 0
    assert re.search(r"2 document\(s\) added", analyzed.stdout)
    assert "1 document(s) added" not in run("analyze", "in", "--quiet").stdout
    status = run("status", "--json")
    assert json.loads(status.stdout)["counts"]["documents"] == 2
    assert "Valley Post: 1 document(s)" in run("status").stdout
    assert run("report", "--out", "rep").exit_code == 0
    assert (tmp_path / "rep" / "report.html").exists()
    for fmt, name in (
        ("json", "counterpoint.json"),
        ("graphml", "counterpoint.graphml"),
        ("parquet", "counterpoint-parquet"),
    ):
        assert run("export", "--format", fmt).exit_code == 0
        assert (tmp_path / name).exists()


def test_analyze_with_static_embeddings_records_it_in_the_run(run, tmp_path: Path) -> None:
    write(tmp_path, "in/strike.txt", ARTICLE)
    assert run("analyze", "in", "--quiet", "--embedding", "static").exit_code == 0
    with Store(tmp_path / "counterpoint.duckdb", read_only=True) as store:
        used = last_settings(store)
    assert used is not None and used.align.embedding == "static"
    assert used.align.unrelated_cosine != Settings().align.unrelated_cosine  # its own scale


def test_errors_are_one_line_without_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "counterpoint.cli", "report", "--db", str(tmp_path / "none.duckdb")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path / 'none.duckdb'}: no store here; run 'counterpoint analyze' first"
    ]


def test_demo_command_writes_the_report(run, tmp_path: Path) -> None:
    result = run("demo", "--out", "d")
    assert result.exit_code == 0
    assert (tmp_path / "d" / "report" / "report.html").exists()
    assert "report: d/report/report.html" in result.stdout


def test_importing_the_command_line_does_not_load_spacy_or_trafilatura() -> None:
    """`counterpoint --help` starts at once: each command imports the stages it runs. In a
    fresh interpreter, as other tests load spaCy into this one."""
    heavy = "print('spacy' in sys.modules, 'trafilatura' in sys.modules)"
    code = f"import sys, counterpoint.cli; {heavy}"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["False", "False"]


def test_a_reader_that_stops_early_ends_the_output_quietly(demo_db: Path) -> None:
    """`counterpoint entities list | head -1`: the closed pipe is not an internal error."""
    command = [str(Path(sys.executable).parent / "counterpoint"), "entities", "list"]
    proc = subprocess.Popen(
        [*command, "--db", str(demo_db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the command writes anything
    error = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert error == ""


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["analyze", "in", "--workers", "0"], "--workers"),
        (["analyze", "in", "--max-file-mb", "nan"], "--max-file-mb"),
        (["analyze", "in", "--max-file-mb", "inf"], "--max-file-mb"),
        (["analyze", "in", "--max-file-mb", "-1"], "--max-file-mb"),
        (["serve", "--port", "70000"], "--port"),
        (["entities", "list", "--limit", "-5"], "--limit"),
    ],
)
def test_an_option_out_of_range_is_a_usage_error(run, args: list[str], option: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert f"Error: Invalid value for '{option}'" in result.output
    assert "internal error" not in result.output and "Traceback" not in result.output


def test_ctrl_c_during_a_query_is_an_interruption_not_an_error(
    run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB turns Ctrl-C in a running query into its own InterruptException."""
    import duckdb

    def interrupted_query(db: str) -> None:
        raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")

    monkeypatch.setattr("counterpoint.pipeline.analyze.status", interrupted_query)
    result = run("status")
    assert result.exit_code == 130
    assert result.stderr.startswith("interrupted;")
    assert "internal error" not in result.output and "Traceback" not in result.output


def test_an_error_message_over_several_lines_is_printed_as_one(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parsers and DuckDB write messages over several lines; each error stays one line."""
    from counterpoint.errors import InputError, StoreError
    from counterpoint.ingest import reader

    decode = reader.decode

    def multi_line(data: bytes, path: str | Path) -> str:
        if Path(path).name == "bad.txt":
            raise InputError(path, "cannot parse\n  line 1, column 3\n    ^")
        return decode(data, path)

    monkeypatch.setattr(reader, "decode", multi_line)
    write(tmp_path, "bad.txt", "Anything.")
    write(tmp_path, "good.txt", ARTICLE)
    result = run("analyze", "bad.txt", "good.txt", "--quiet")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == ["Error: bad.txt: cannot parse line 1, column 3 ^"]
    assert "1 document(s) added" in result.stdout

    def broken_store(db: str) -> None:
        raise StoreError("Catalog Error:\nTable with name documents does not exist!\nLINE 1")

    monkeypatch.setattr("counterpoint.pipeline.analyze.status", broken_store)
    result = run("status")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: Catalog Error: Table with name documents does not exist! LINE 1"
    ]
