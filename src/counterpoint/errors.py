"""Errors worded for the user: each says what went wrong and, where it can, what to do."""

from __future__ import annotations

from pathlib import Path

from counterpoint.files import path_text


class CounterpointError(Exception):
    """Base class: the CLI prints these as one line and exits non-zero."""


class InputError(CounterpointError):
    """A file (or one record in it) that cannot be read as an article. Its path is kept as text
    that can be printed, whatever bytes the file name holds."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = path_text(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class StoreError(CounterpointError):
    """The store file cannot be opened or written."""


class StoreInUse(StoreError):
    """Another process holds the store (DuckDB lets one process write a file, and none open it
    meanwhile); waiting for it may help."""


class NothingProcessed(CounterpointError):
    """No input could be processed at all; `errors` says why for each input."""

    def __init__(self, message: str, errors: list[InputError]) -> None:
        self.errors = errors
        super().__init__(message)
