"""Render the `armswatch` command line as a Markdown reference, from the commands themselves.

Usage: python scripts/cli_reference.py > docs/cli.md

The text depends only on the typer app (help texts, arguments, options, defaults), never on
the terminal, so the same code always yields the same file; tests/test_docs.py checks that
docs/cli.md is what this prints.
"""

from __future__ import annotations

import enum
import inspect
import typing
from pathlib import Path
from typing import Any

import typer

from armswatch.cli import app

HEADER = """\
# Command reference

Every `armswatch` command with its arguments and options, generated from the code by
`python scripts/cli_reference.py > docs/cli.md` (a test fails when this file falls behind).
`armswatch COMMAND --help` prints the same in the terminal."""
TYPE_NAMES = {str: "text", int: "integer", float: "number", Path: "path", bool: "flag"}


def commands() -> list[tuple[str, Any]]:
    """(name, command) for every command, in the order `armswatch --help` lists them."""
    group: Any = typer.main.get_command(app)
    context = typer.Context(group, info_name="armswatch")
    return [(name, group.get_command(context, name)) for name in group.list_commands(context)]


def command_help(command: Any) -> str:
    """The docstring of a command, with its `Example:` line as a code block."""
    lines = []
    for line in inspect.cleandoc(command.help or "").splitlines():
        if line.startswith("Example: "):
            line = f"```sh\n{line.removeprefix('Example: ')}\n```"
        lines.append(line)
    return "\n".join(lines)


def shown_params(command: Any) -> list[Any]:
    return [param for param in command.params if param.name != "help"]


def type_name(param: Any) -> str:
    annotation = param.type_descriptor.annotation
    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return " \\| ".join(member.value for member in annotation)
    return TYPE_NAMES.get(annotation, getattr(annotation, "__name__", str(annotation)))


def default_text(param: Any) -> str:
    default = param.default
    if param.required:
        return "required"
    flag = param.param_type_name == "option" and param.is_flag
    if default is None or default == "" or (flag and not default):
        return ""
    return f"`{default.value if isinstance(default, enum.Enum) else default}`"


def param_names(param: Any) -> str:
    if param.param_type_name == "argument":
        name = param.name.upper()
        return f"`{name}...`" if param.nargs == -1 else f"`{name}`"
    return ", ".join(f"`{name}`" for name in (*param.opts, *param.secondary_opts))


def escaped(text: str | None) -> str:
    return " ".join((text or "").split()).replace("|", "\\|")


def params_table(command: Any) -> str:
    rows = ["| argument or option | type | default | meaning |", "|---|---|---|---|"]
    rows += [f"| {param_names(p)} | {type_name(p)} | {default_text(p)} | {escaped(p.help)} |"
             for p in shown_params(command)]
    return "\n".join(rows)


def usage(name: str, command: Any) -> str:
    pieces = [f"armswatch {name}"]
    if any(param.param_type_name == "option" for param in shown_params(command)):
        pieces.append("[OPTIONS]")
    for param in shown_params(command):
        if param.param_type_name == "argument":
            piece = param.name.upper() + ("..." if param.nargs == -1 else "")
            pieces.append(piece if param.required else f"[{piece}]")
    return " ".join(pieces)


def render_command(name: str, command: Any) -> str:
    parts = [f"## `armswatch {name}`", command_help(command),
             f"```\n{usage(name, command)}\n```"]
    if shown_params(command):
        parts.append(params_table(command))
    return "\n\n".join(parts)


def render() -> str:
    found = commands()
    index = ["| command | what it does |", "|---|---|"]
    index += [f"| [`{name}`](#armswatch-{name}) | {escaped(command_help(cmd).splitlines()[0])} |"
              for name, cmd in found]
    sections = [render_command(name, command) for name, command in found]
    return "\n\n".join([HEADER, "\n".join(index), *sections]) + "\n"


if __name__ == "__main__":
    print(render(), end="")
