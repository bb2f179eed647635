"""Opening the store: URL handling, engine set-up, migrations and error translation."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from armswatch.errors import StoreError

DEFAULT_URL = "sqlite:///armswatch.db"
URL_VARIABLE = "ARMSWATCH_DB"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
# Seconds a writer waits for another writer's lock before giving up.
SQLITE_BUSY_TIMEOUT = 30


def resolve_url(url: str | None = None) -> str:
    """The explicit URL, else $ARMSWATCH_DB, else a SQLite file in the working directory."""
    return url or os.environ.get(URL_VARIABLE) or DEFAULT_URL


@dataclass
class Store:
    """An open, migrated store: the engine plus a session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose database errors surface as `StoreError` with a readable cause."""
        session = self.sessions()
        try:
            yield session
        except SQLAlchemyError as exc:
            session.rollback()
            raise StoreError(describe_failure(exc, self.url)) from exc
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    # `with open_store(url) as store:` closes the store however the block ends.
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def describe_failure(exc: Exception, url: str) -> str:
    """Turn a driver error into a sentence a user can act on."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    lowered = text.lower()
    where = safe_url(url)
    if "locked" in lowered or "could not obtain lock" in lowered:
        return f"the database {where} is locked by another process ({text}); try again later"
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        return f"the database {where} is read-only ({text})"
    if "disk is full" in lowered or "no space" in lowered or "disk full" in lowered:
        return f"no space left for the database {where} ({text}); free some and rerun"
    if "unable to open" in lowered:
        return f"cannot open the database {where} ({text})"
    return f"database error on {where}: {text}"


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT * 1000}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _enable_wal(engine: Engine) -> None:
    # WAL lets readers (stats, relations) run while an ingest writes. A read-only file
    # cannot switch journal mode; it then stays as it is.
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA journal_mode = WAL")
    except DBAPIError:
        pass


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"invalid database URL {url!r}: expected e.g. {DEFAULT_URL} "
                         "or postgresql+psycopg://user:password@host/name") from exc
    database = parsed.database or ""
    if (parsed.get_backend_name() == "sqlite" and database != ":memory:" and database
            and not parsed.query.get("uri")):
        folder = Path(parsed.database).expanduser().resolve().parent
        if not folder.is_dir():
            raise StoreError(f"cannot create the database {url}: no folder {folder}")
    try:
        engine = create_engine(parsed)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise StoreError(f"unsupported database URL {safe_url(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        _enable_wal(engine)
    return engine


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it already is)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_store(url: str | None = None, *, upgrade: bool = True) -> Store:
    """Open (and by default create or upgrade) the store at `url`."""
    resolved = resolve_url(url)
    engine = make_engine(resolved)
    try:
        if upgrade:
            migrate(engine)
        elif not inspect(engine).has_table("documents"):
            raise StoreError(f"no armswatch store at {safe_url(resolved)}")
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(describe_failure(exc, resolved)) from exc
    return Store(resolved, engine, sessionmaker(engine, expire_on_commit=False))
