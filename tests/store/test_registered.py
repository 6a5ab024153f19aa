"""An Arrow table registered for a query: when the query fails inside a transaction, the user
sees the error that failed it (DuckDB then refuses any other statement until the rollback)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from counterpoint.store import Store


def test_an_error_inside_a_registered_block_is_the_one_raised(tmp_path: Path) -> None:
    twice = pa.table({"doc": ["a", "a"]})  # `aligned` keys its documents: the second fails
    with Store(tmp_path / "store.duckdb") as store:
        with (
            pytest.raises(duckdb.ConstraintException),
            store.transaction(),
            store.registered(twice) as name,
        ):
            store.con.execute(f"INSERT INTO aligned SELECT doc FROM {name}")
        assert store.scalar("SELECT count(*) FROM aligned") == 0
