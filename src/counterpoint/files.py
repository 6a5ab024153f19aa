"""Writing output files so that a crash never leaves half of one behind."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def replace_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """Call `write` with a temporary path beside `target` (a file or a folder), then swap the
    result in place of `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    workspace = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    temporary = workspace / target.name
    try:
        write(temporary)
        if target.is_dir():
            shutil.rmtree(target)
        os.replace(temporary, target)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
