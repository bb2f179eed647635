"""The `armswatch` command line: one module per command group, each with `register(app)`."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="armswatch",
    help="Who arms whom, according to whom: extract, store and query arms transfers in news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command groups, in the order of the data flow.
COMMAND_MODULES = ("extract", "evaluate", "embargo", "corpus", "serve")


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"armswatch.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"armswatch.cli.{name}":
                continue  # group not installed in this build
            raise
        module.register(app)


_register_all()


def main() -> None:
    app()
