from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

import counterpoint
from counterpoint.cli import cli

REPO = Path(__file__).resolve().parents[1]
# The fuzz suites' budget: a fixed seed and a few examples in CI; raise it with
# COUNTERPOINT_FUZZ_EXAMPLES for a longer run (bench/README.md).
FUZZ = settings(
    derandomize=True,
    max_examples=int(os.environ.get("COUNTERPOINT_FUZZ_EXAMPLES", "40")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# The two sample articles live beside the project, never inside it.
SEEDS = Path(os.environ.get("COUNTERPOINT_SEEDS", REPO.parent / "shared" / "corpus" / "seeds"))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the bundled demo corpus; read-only for the tests that share it."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    counterpoint.analyze([counterpoint.DEMO_CORPUS], db=db)
    return db


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run the CLI in a fresh working folder, as a user would."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


ARTICLE = """Harbour strike ends after talks
By Mina Okafor

LARKSPUR, June 2, 2024 — Dock workers in Larkspur ended a nine-day strike on Sunday after the
Harbour Authority agreed to raise wages by 6 percent, union leader Tomas Brenner said.

"We got what we came for," Brenner told reporters outside the authority's offices. The mayor of
Larkspur, Ida Voss, said the port would reopen on Monday.
"""
