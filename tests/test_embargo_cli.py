"""The `embargoes` and `check` commands, run through typer's test runner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from armswatch.cli import app
from armswatch.embargo import Party

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_check_json_interface_for_route():
    result = run("check", "CHN", "RUS", "--date", "2023-08-31", "--items", "unspecified",
                 "--via", "PRK", "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    legs = {(f["leg"], f["embargo"]) for f in payload["findings"]}
    assert legs == {("CHN->PRK", "un-prk"), ("PRK->RUS", "un-prk")}
    for finding in payload["findings"]:
        for key in ("embargo", "authority", "legal_status", "finding", "leg", "direction",
                    "instruments"):
            assert key in finding


def test_check_table_cites_instruments():
    result = run("check", "PRK", "RUS", "--date", "2023-08-31", "--items", "ammunition")
    assert result.exit_code == 0
    assert "UNSCR 2270 (2016) (2016-03-02)" in result.stdout
    assert "un-prk" in result.stdout


def test_check_with_no_finding_says_so():
    result = run("check", "USA", "JPN", "--date", "2023-01-01", "--items", "missiles")
    assert result.exit_code == 0
    assert "No embargo" in result.stdout


def test_check_accepts_actor_slug(monkeypatch):
    houthis = Party("houthis", "armed_group", "YEM")
    real = __import__("armswatch.cli.embargo", fromlist=["party_for"]).party_for

    def resolve(actor_id: str) -> Party:
        return houthis if actor_id == "houthis" else real(actor_id)

    monkeypatch.setattr("armswatch.cli.embargo.party_for", resolve)
    result = run("check", "IRN", "houthis", "--date", "2024-01-01", "--items", "missiles",
                 "--format", "json")
    assert result.exit_code == 0
    assert "un-yem" in {f["embargo"] for f in json.loads(result.stdout)["findings"]}


@pytest.mark.parametrize("args", [
    ("check", "PRK", "RUS", "--date", "2023-02-30"),
    ("check", "no-such-actor", "RUS", "--date", "2023-01-01"),
    ("embargoes", "--at", "yesterday"),
    ("embargoes", "--target", "no-such-actor", "--at", "2023-01-01"),
])
def test_bad_input_exits_2(monkeypatch, args):
    monkeypatch.setattr("armswatch.embargo.transfers._actor_index", lambda: None)
    result = run(*args)
    assert result.exit_code == 2
    assert "Error:" in result.stderr


def test_unknown_item_exits_2():
    result = run("check", "PRK", "RUS", "--items", "bananas", "--date", "2023-01-01")
    assert result.exit_code == 2


def test_embargoes_json_for_target_and_date():
    result = run("embargoes", "--target", "RUS", "--at", "2014-08-01", "--format", "json")
    assert result.exit_code == 0
    ids = [e["embargo"] for e in json.loads(result.stdout)["embargoes"]]
    assert ids == ["eu-rus"]


def test_embargoes_table_lists_in_force():
    result = run("embargoes", "--at", "2024-01-01")
    assert result.exit_code == 0
    assert "un-prk" in result.stdout
