"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from armswatch.store.db import open_store
from armswatch.store.models import Base


def test_migrated_schema_matches_the_models(store):
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == [], differences


def test_opening_twice_is_a_no_op(store_url):
    open_store(store_url).close()
    with open_store(store_url) as second:
        tables = set(inspect(second.engine).get_table_names())
    assert {"documents", "actors", "transfers", "claims", "relations",
            "alembic_version"} <= tables
