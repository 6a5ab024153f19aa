"""Language data: every word list, cue and parse label the stages rely on, one package per
language (`lang/en/`), one module per stage inside it, so that adding a language means adding a
folder here and no stage changes. Stages ask for their module by language code, the way spaCy
keeps its `lang/<code>/` data apart from its components."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

DEFAULT_LANGUAGE = "en"


def words(language: str | None, stage: str) -> ModuleType:
    """The word lists of `stage` (a module name such as "events") for `language`, falling back
    to English where the language has no data for that stage yet."""
    for code in (language or DEFAULT_LANGUAGE, DEFAULT_LANGUAGE):
        try:
            return import_module(f"counterpoint.lang.{code}.{stage}")
        except ModuleNotFoundError as missing:
            if missing.name not in (
                f"counterpoint.lang.{code}",
                f"counterpoint.lang.{code}.{stage}",
            ):
                raise
    raise ModuleNotFoundError(f"no language data for stage {stage!r}")
