"""Counterpoint reads news articles from sources that disagree and shows every side of a story.

The public API is re-exported here and loaded on first use, so that importing one stage (say
`counterpoint.store`) does not load spaCy or the web stack.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from counterpoint.version import __version__

if TYPE_CHECKING:
    from counterpoint.config import Settings
    from counterpoint.demo import DEMO_CORPUS, run_demo
    from counterpoint.errors import CounterpointError, InputError, NothingProcessed, StoreError
    from counterpoint.outputs.export import export
    from counterpoint.outputs.report import report
    from counterpoint.pipeline.analyze import AnalyzeResult, analyze, status

# public name -> module that defines it
_PUBLIC = {
    "DEMO_CORPUS": "counterpoint.demo",
    "AnalyzeResult": "counterpoint.pipeline.analyze",
    "CounterpointError": "counterpoint.errors",
    "InputError": "counterpoint.errors",
    "NothingProcessed": "counterpoint.errors",
    "Settings": "counterpoint.config",
    "StoreError": "counterpoint.errors",
    "analyze": "counterpoint.pipeline.analyze",
    "export": "counterpoint.outputs.export",
    "report": "counterpoint.outputs.report",
    "run_demo": "counterpoint.demo",
    "status": "counterpoint.pipeline.analyze",
}
__all__ = [
    "DEMO_CORPUS",
    "AnalyzeResult",
    "CounterpointError",
    "InputError",
    "NothingProcessed",
    "Settings",
    "StoreError",
    "__version__",
    "analyze",
    "export",
    "report",
    "run_demo",
    "status",
]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'counterpoint' has no attribute {name!r}")
