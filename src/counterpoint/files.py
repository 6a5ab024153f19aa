"""Files: paths as text that can be stored and printed, and output files written so that a crash
never leaves half of one behind."""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

SURROGATES = re.compile("[\ud800-\udfff]")


def path_text(path: str | Path) -> str:
    """A path as text that can be stored and printed: bytes of a file name that are not UTF-8
    (a Latin-1 name, say) are shown as escapes like '\\xe9'."""
    text = str(path)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return SURROGATES.sub("\ufffd", text)


def replace_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """Call `write` with a temporary file beside the file `target`, then swap it in place of
    `target`: a crash leaves the old file or the new one, never half of one. A folder at
    `target` is refused with IsADirectoryError, never replaced: what it holds is not ours."""
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder is there, not a file", str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    workspace = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    temporary = workspace / target.name
    try:
        write(temporary)
        os.replace(temporary, target)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
