"""The export formats and where each is written by default, and the rules every output file
keeps (never the store's files, never a folder replaced): apart from `export.py`, so that the
command line can offer the formats without loading the exporters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from counterpoint.errors import CounterpointError
from counterpoint.files import replace_atomically

FORMATS = ("json", "parquet", "graphml", "gexf", "ftm")
DEFAULT_OUT = {
    "json": "counterpoint.json",
    "parquet": "counterpoint-parquet",
    "graphml": "counterpoint.graphml",
    "gexf": "counterpoint.gexf",
    "ftm": "counterpoint.ftm.jsonl",
}


def check_output(target: Path, db: str | Path) -> None:
    """Refuse to write over the store `db` or its companion files (its write-ahead log, its
    snapshot, its corrections): an output never replaces what it did not write."""
    # Imported here: the command line reads this module before it loads any stage.
    from counterpoint.resolve.corrections import corrections_path
    from counterpoint.store.snapshot import snapshot_path, wal_path

    store = Path(db)
    kept = (store, wal_path(store), snapshot_path(store), corrections_path(store))
    if target.resolve() in {path.resolve() for path in kept}:
        raise CounterpointError(
            f"{target}: is one of the store's files ({store}); write the output somewhere else"
        )


def write_output(target: Path, write: Callable[[Path], object], db: str | Path) -> None:
    """Write the file `target` atomically with `write`, once `check_output` allows it; a
    failure (a folder in the way, no permission, a full disk) is worded for the user."""
    check_output(target, db)
    try:
        replace_atomically(target, write)
    except OSError as error:
        raise CounterpointError(
            f"{error.filename or target}: cannot write it: {error.strerror or error}"
        ) from None
