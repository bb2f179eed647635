"""The documentation stays true to the code: command reference, data files, README links."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import load_module

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "armswatch" / "data"
README = (ROOT / "README.md").read_text(encoding="utf-8")


REFERENCE = load_module(ROOT / "scripts" / "cli_reference.py", "cli_reference")


def test_cli_reference_is_up_to_date() -> None:
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == REFERENCE.render(), (
        "docs/cli.md is stale: run `python scripts/cli_reference.py > docs/cli.md`")


def test_cli_reference_covers_every_command() -> None:
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    names = [name for name, _ in REFERENCE.commands()]
    assert {"extract", "eval", "ingest", "check", "serve"} <= set(names)
    for name in names:
        assert f"## `armswatch {name}`" in written


@pytest.mark.parametrize("name", [name for name, _ in REFERENCE.commands()])
def test_every_command_and_parameter_has_help(name: str) -> None:
    command = dict(REFERENCE.commands())[name]
    assert (command.help or "").strip(), f"armswatch {name} has no help text"
    silent = [param.name for param in REFERENCE.shown_params(command) if not param.help]
    assert not silent, f"armswatch {name}: no help for {silent}"


def data_files() -> list[Path]:
    return sorted(p for p in DATA.rglob("*") if p.suffix in {".yaml", ".yml", ".json"})


def test_data_folder_holds_the_knowledge_files() -> None:
    names = {path.name for path in data_files()}
    assert {"embargoes.yaml", "lexicon.yaml", "weapons.yaml", "states.yaml"} <= names


@pytest.mark.parametrize("path", data_files(), ids=lambda p: str(p.relative_to(DATA)))
def test_data_file_parses(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    content = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    assert isinstance(content, dict) and content, f"{path.name} is not a non-empty mapping"
    if path.suffix != ".json":  # knowledge files say where their facts come from
        assert content.get("sources"), f"{path.name} has no sources note"


def test_readme_links_existing_docs() -> None:
    linked = set(re.findall(r"\bdocs/[\w.-]+\.md\b", README))
    assert {"docs/cli.md", "docs/quality.md", "docs/corpus.md", "docs/embargoes.md",
            "docs/web.md", "docs/scaling.md"} <= linked
    missing = sorted(name for name in linked if not (ROOT / name).is_file())
    assert not missing, f"README.md links missing files: {missing}"


def test_readme_module_paths_exist() -> None:
    named = set(re.findall(r"\b(armswatch/[\w/]+(?:\.py|\.yaml|/))", README))
    assert "armswatch/pipeline/transfers.py" in named
    missing = sorted(path for path in named if not (ROOT / "src" / path).exists())
    assert not missing, f"README.md names missing modules: {missing}"


def test_readme_commands_exist() -> None:
    commands = {name for name, _ in REFERENCE.commands()}
    named = set(re.findall(r"`armswatch ([a-z]+)\b", README))
    assert named, "README.md names no command"
    assert named <= commands, f"README.md names unknown commands: {named - commands}"
