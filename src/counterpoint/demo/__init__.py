"""The bundled demo corpus (an invented story, 6 articles from 4 outlets, with hand-written gold)
and `run_demo`, which analyzes it and writes its report and JSON export."""

from __future__ import annotations

from pathlib import Path

from counterpoint.outputs.export import export
from counterpoint.outputs.report import report
from counterpoint.pipeline.analyze import analyze

DEMO_CORPUS = Path(__file__).parent / "corpus"


def run_demo(out: str | Path = "demo-output", progress: bool = False) -> dict[str, Path]:
    """Analyze the bundled demo corpus into `out` and write its report and JSON export there."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "demo.duckdb"
    analyze([DEMO_CORPUS], db=db, progress=progress)
    html, markdown = report(db, out / "report")
    return {
        "store": db,
        "report": html,
        "markdown": markdown,
        "json": export(db, "json", out / "counterpoint.json"),
    }
