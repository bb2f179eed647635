"""The record across reports: aggregation, confidence, queries and the CLI JSON interface."""

from __future__ import annotations

import json

import pytest
from conftest import store_corpus, store_doc, store_fake_extract, store_story
from typer.testing import CliRunner

from armswatch.cli import app
from armswatch.store.ingest import Ingestor
from armswatch.store.queries import (
    QueryError,
    RelationFilter,
    actor_view,
    evidence,
    find_relations,
    get_relation,
)
from armswatch.store.relations import Fact, confidence, independent_sources


def fill(store, documents):
    Ingestor(store, store_fake_extract, batch_size=3).run(documents)


def fact(story: int, outlet: str | None) -> Fact:
    return Fact("A", "B", "A", "B", "delivered", [], [], None, None, story, str(story), story,
                outlet, [])


def test_confidence_formula_matches_the_documented_one():
    assert confidence(1, 1, 0) == 0.5
    assert confidence(2, 1, 0) == 0.75
    assert confidence(3, 1, 2) == round(0.875 * 2 / 4, 3)
    assert confidence(0, 0, 0) == 0.0


def test_independent_sources_collapse_copies_and_outlets():
    # Stories 1 and 2 from one outlet, story 3 copied by a second outlet, story 4 alone.
    facts = [fact(1, "Reuters"), fact(2, "reuters"), fact(3, "AP"), fact(3, "Yonhap"),
             fact(4, None)]
    assert independent_sources(facts) == 3


def test_relation_collects_timeline_sources_denials_and_embargo(store):
    fill(store, [
        store_doc("n1", store_story(1, "PRK -> RUS negotiating items=ammunition by=USA:asserts"),
                  published="2023-08-30", source="Reuters"),
        store_doc("d1", store_story(2, "PRK -> RUS delivered items=artillery "
                                    "by=KOR:asserts,PRK:denies embargo=UN-PRK"),
                  published="2023-11-02", source="Yonhap"),
        store_doc("d1-copy", "From the wires: " + store_story(2, "PRK -> RUS delivered "
                  "items=artillery by=KOR:asserts,PRK:denies embargo=UN-PRK"),
                  published="2023-11-03", source="Korea Herald"),
    ])
    with store.session() as session:
        relation = get_relation(session, "PRK:RUS")
    assert relation["status"] == "delivered"
    assert [s["status"] for s in relation["statuses"]] == ["negotiating", "delivered"]
    assert relation["statuses"][1]["reports"] == ["d1", "d1-copy"]
    assert relation["items"] == ["ammunition", "artillery"]
    assert (relation["first_reported"], relation["last_reported"]) == ("2023-08-30",
                                                                       "2023-11-03")
    assert relation["documents"] == 3
    assert relation["stories"] == 2
    assert relation["independent_sources"] == 2  # the copy is not corroboration
    assert relation["asserted_by"] == ["KOR", "USA"]
    assert relation["denied_by"] == ["PRK"]
    assert relation["confidence"] == confidence(2, 2, 1)
    assert relation["embargo"][0]["embargo"] == "UN-PRK"


def test_actor_level_rolls_up_to_state_level(store):
    fill(store, [store_doc("w", store_story(1, "PRK -> wagner-group delivered")),
                 store_doc("r", store_story(2, "PRK -> RUS agreed"))])
    with store.session() as session:
        actors = find_relations(session, RelationFilter(level="actor"))
        states = find_relations(session, RelationFilter(level="state"))
        via_state = find_relations(session, RelationFilter(recipient="RUS"))
    assert sorted(r["id"] for r in actors) == ["PRK:RUS", "PRK:wagner-group"]
    wagner = next(r for r in actors if r["recipient"] == "wagner-group")
    assert wagner["recipient_state"] == "RUS"
    assert [(r["id"], r["status"], r["documents"]) for r in states] == [("PRK:RUS",
                                                                         "delivered", 2)]
    assert len(via_state) == 2  # a state filter also finds the actors under it


def test_denied_only_stage_does_not_set_the_status(store):
    fill(store, [store_doc("a", store_story(1, "IRN -> RUS possible by=author:speculates")),
                 store_doc("b", store_story(2, "IRN -> RUS delivered by=IRN:denies"))])
    with store.session() as session:
        relation = get_relation(session, "IRN:RUS")
    assert relation["status"] == "possible"
    assert next(s for s in relation["statuses"] if s["status"] == "delivered")["denied"]


def test_filters_select_the_right_relations(store):
    fill(store, store_corpus(42))
    with store.session() as session:
        def ids(**filters):
            return sorted(r["id"] for r in find_relations(session, RelationFilter(**filters)))
        assert ids(item="uav") == ["IRN:RUS"]
        assert ids(status="cancelled") == ["IRN:houthis"]
        assert ids(supplier="USA") == ["USA:UKR"]
        assert ids(level="state", recipient="YEM") == ["IRN:YEM"]
        assert ids(since="2099-01-01") == []
        assert ids(until="2000-01-01") == []
        assert len(ids(min_sources=2)) == len(ids())
        assert ids(min_sources=99) == []
        with pytest.raises(QueryError):
            find_relations(session, RelationFilter(status="shipped"))


def test_evidence_lists_every_sentence_with_its_report(store):
    line = "IRN -> RUS delivered items=uav by=UKR:asserts,IRN:denies"
    fill(store, [store_doc("e1", store_story(1, line), source="Kyiv Independent",
                           title="Drones arrive")])
    with store.session() as session:
        rows = evidence(session, "IRN:RUS")
    assert [(r["source"], r["stance"]) for r in rows] == [("UKR", "asserts"),
                                                          ("IRN", "denies")]
    assert rows[0]["sentence"] == line
    assert (rows[0]["title"], rows[0]["outlet"], rows[0]["published"]) == (
        "Drones arrive", "Kyiv Independent", "2023-09-01")


def test_actor_view_shows_both_directions(store):
    fill(store, store_corpus(12))
    with store.session() as session:
        view = actor_view(session, "RUS")
    assert view["level"] == "state"
    assert "wagner-group" in view["includes"]
    assert {r["supplier"] for r in view["receives"]} == {"PRK", "IRN", "CHN"}
    assert view["supplies"] == []


def test_cli_stats_and_relations_json_interface(store, store_url):
    fill(store, store_corpus(21))
    runner = CliRunner()
    result = runner.invoke(app, ["stats", "--db", store_url, "--format", "json"])
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.stdout)
    assert numbers["documents"] == 21
    assert numbers["duplicates"] == 3
    assert {"transfers", "claims", "relations"} <= set(numbers)
    result = runner.invoke(app, ["relations", "--db", store_url, "--format", "json"])
    relations = json.loads(result.stdout)
    assert len(relations) == numbers["relations"]
    required = {"id", "supplier", "recipient", "supplier_state", "recipient_state", "status",
                "statuses", "items", "via", "first_reported", "last_reported", "documents",
                "independent_sources", "asserted_by", "denied_by", "confidence", "embargo"}
    assert all(required <= set(r) for r in relations)
    chn = next(r for r in relations if r["id"] == "CHN:RUS")
    assert chn["via"] == ["PRK"] and chn["status"] == "possible"


def test_cli_reports_a_bad_url_and_a_missing_relation(store_url, store):
    runner = CliRunner()
    bad = runner.invoke(app, ["stats", "--db", "nosuch://x"])
    assert bad.exit_code == 1
    assert "database URL" in bad.stderr
    missing = runner.invoke(app, ["evidence", "AAA:BBB", "--db", store_url])
    assert missing.exit_code == 1
    assert "no relation" in missing.stderr


def test_cli_summary_names_top_relations_and_denials(store, store_url):
    fill(store, store_corpus(14))
    result = CliRunner().invoke(app, ["summary", "--db", store_url, "--format", "json"])
    summary = json.loads(result.stdout)
    assert summary["stats"]["documents"] == 14
    top = summary["relations"][0]
    assert top["confidence"] == max(r["confidence"] for r in summary["relations"])
    text = CliRunner().invoke(app, ["summary", "--db", store_url]).stdout
    assert "Who arms whom" in text and "PRK" in text
