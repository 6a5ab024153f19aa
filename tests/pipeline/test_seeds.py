"""End-to-end on the two real sample articles kept beside the project (never inside it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEEDS

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=f"sample articles not found at {SEEDS} (set COUNTERPOINT_SEEDS to their folder)",
)


def test_analyze_report_export_on_the_sample_articles(run, tmp_path: Path) -> None:
    analyzed = run("analyze", str(SEEDS), "--quiet")
    assert analyzed.exit_code == 0, analyzed.output
    files = sorted(p for p in SEEDS.iterdir() if p.is_file())
    assert f"{len(files)} document(s) added" in analyzed.stdout
    assert run("report").exit_code == 0
    assert run("export", "--format", "json").exit_code == 0

    data = json.loads((tmp_path / "counterpoint.json").read_text())
    texts = {d["id"]: d["text"] for d in data["documents"]}
    mentions = [m for e in data["entities"] for m in e["mentions"]]
    assert len(mentions) > 50
    assert all(texts[m["doc"]][m["start"] : m["end"]] == m["text"] for m in mentions)
    # The sources are compared on the actors they share.
    shared = [e for e in data["entities"] if len({m["doc"] for m in e["mentions"]}) > 1]
    assert shared
    html = (tmp_path / "report" / "report.html").read_text()
    assert all(e["name"] in html for e in shared[:5])
