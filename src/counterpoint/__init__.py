"""Counterpoint reads news articles from sources that disagree and shows every side of a story."""

__version__ = "0.1.0"

from .config import Settings  # noqa: E402
from .errors import CounterpointError, InputError, NothingProcessed, StoreError  # noqa: E402
from .export import export  # noqa: E402
from .pipeline import DEMO_CORPUS, AnalyzeResult, analyze, run_demo, status  # noqa: E402
from .report import report  # noqa: E402

__all__ = [
    "DEMO_CORPUS",
    "AnalyzeResult",
    "CounterpointError",
    "InputError",
    "NothingProcessed",
    "Settings",
    "StoreError",
    "analyze",
    "export",
    "report",
    "run_demo",
    "status",
]
