"""The store: one DuckDB file holding every record, its schema and migrations, and all the SQL
the stages need (they ask the store; they never write SQL themselves)."""

from counterpoint.store.database import DOCUMENT_SOURCE, SCHEMA_VERSION, TABLES, Store

__all__ = ["DOCUMENT_SOURCE", "SCHEMA_VERSION", "TABLES", "Store"]
