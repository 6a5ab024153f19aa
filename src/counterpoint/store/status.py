"""What a store holds, beyond its records: its outlets, the dates its documents span and its runs,
for the `status` command and for the corrections that re-run a stage as the last run did."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from counterpoint.config import Settings
from counterpoint.store.database import Store


def outlets(store: Store) -> list[dict[str, Any]]:
    """Documents per outlet, most first."""
    return store.rows(
        "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS documents "
        "FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"
    )


def published_span(store: Store) -> tuple[date | None, date | None]:
    """The first and last publication dates of the documents (None where none has one)."""
    span = store.rows("SELECT min(published) AS first, max(published) AS last FROM documents")[0]
    return span["first"], span["last"]


def last_run(store: Store) -> dict[str, Any] | None:
    """The latest run as recorded: started, finished, version, settings, documents added."""
    runs = store.rows("SELECT * FROM runs ORDER BY id DESC LIMIT 1")
    return runs[0] if runs else None


def last_settings(store: Store) -> Settings | None:
    """The settings the latest run recorded, None before the first run."""
    run = last_run(store)
    if run is None or run["settings"] is None:
        return None
    return Settings.from_dict(json.loads(run["settings"]))
