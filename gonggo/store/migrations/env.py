"""Alembic environment: run by `gonggo.store.db.migrate` with a live connection, or by the
`alembic` command (`-x url=…`) when writing a new revision."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from gonggo.store.models import Base

config = context.config
target = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target,
                          render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///gonggo-dev.db")
    with create_engine(url).connect() as conn:
        context.configure(connection=conn, target_metadata=target,
                          render_as_batch=conn.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()


run()
