"""`armswatch serve`: the REST API and web workspace over the corpus store."""

from __future__ import annotations

from typing import Annotated

import typer

from armswatch.cli.common import DbOption, fail, warn
from armswatch.errors import ArmswatchError
from armswatch.web.settings import DEFAULT_HOST, DEFAULT_PORT, Settings


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(
        help="Address to listen on; anything but loopback needs ARMSWATCH_TOKEN to write.")]
    = DEFAULT_HOST,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = DEFAULT_PORT,
) -> None:
    """Serve the API (OpenAPI at /docs) and the web pages."""
    import uvicorn  # only this command needs the server

    from armswatch.web.app import create_app

    settings = Settings.from_env(db_url=db, host=host, port=port)
    if not settings.writable:
        warn(f"listening on {host} without ARMSWATCH_TOKEN: writing endpoints are refused")
    try:
        app = create_app(settings)
    except ArmswatchError as exc:
        fail(str(exc))
    uvicorn.run(app, host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
