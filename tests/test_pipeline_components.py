"""The spaCy components on their own: added by name to a freshly loaded English pipeline."""

from __future__ import annotations

from importlib import resources

import pytest

pytestmark = pytest.mark.slow

COMPONENTS = ("armswatch_actors", "armswatch_weapons", "armswatch_transfers",
              "armswatch_claims")


@pytest.fixture(scope="module")
def nlp():
    import spacy

    import armswatch.pipeline.factories  # noqa: F401  (registers the factories)
    from armswatch.nlp import DEFAULT_MODEL

    fresh = spacy.load(DEFAULT_MODEL)
    for name in COMPONENTS:
        fresh.add_pipe(name)
    return fresh


def readings(nlp, text: str) -> list[dict[str, object]]:
    """The transfer mentions of a text, reduced to what a reader checks."""
    doc = nlp(text)
    return [{"suppliers": [m.actor_id for m in mention.suppliers],
             "recipients": [m.actor_id for m in mention.recipients],
             "items": mention.items, "status": mention.status, "stance": mention.stance,
             "source": mention.source.actor_id if mention.source else "author"}
            for mention in doc._.transfer_mentions]


def test_components_join_the_model_pipeline_in_order(nlp):
    assert nlp.pipe_names[-len(COMPONENTS):] == list(COMPONENTS)
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)


def test_actor_mentions_are_resolved_to_ids(nlp):
    doc = nlp("Officials in Kyiv said Iran and North Korea were arming Russia.")
    found = {(m.actor_id, doc[m.start:m.end].text) for m in doc._.actor_mentions}
    assert {("IRN", "Iran"), ("PRK", "North Korea"), ("RUS", "Russia")} <= found


def test_supply_reported_according_to_a_state(nlp):
    [reading] = readings(nlp, "Iran has supplied Shahed drones to Russia, according to "
                              "Ukrainian officials.")
    assert reading == {"suppliers": ["IRN"], "recipients": ["RUS"], "items": ["uav"],
                       "status": "delivered", "stance": "asserts", "source": "UKR"}


@pytest.mark.parametrize("text", [
    "Iran has supplied Shahed drones to Russia, Ukrainian officials said.",
    "Ukrainian officials said Iran has supplied Shahed drones to Russia.",
])
def test_supply_reported_by_the_subject_of_said(nlp, text):
    [reading] = readings(nlp, text)
    assert reading == {"suppliers": ["IRN"], "recipients": ["RUS"], "items": ["uav"],
                       "status": "delivered", "stance": "asserts", "source": "UKR"}


def test_transfer_without_a_reporter_is_asserted_by_the_author(nlp):
    [reading] = readings(nlp, "Germany agreed to sell Leopard tanks to Ukraine.")
    assert reading == {"suppliers": ["DEU"], "recipients": ["UKR"],
                       "items": ["armoured_vehicles"], "status": "agreed",
                       "stance": "asserts", "source": "author"}


def test_a_modal_makes_the_transfer_possible_and_speculative(nlp):
    [reading] = readings(nlp, "North Korea could send artillery shells to Russia, according "
                              "to US officials.")
    assert (reading["suppliers"], reading["recipients"]) == (["PRK"], ["RUS"])
    assert (reading["status"], reading["stance"], reading["source"]) == (
        "possible", "speculates", "USA")
    assert reading["items"] == ["ammunition"]


def test_the_supplier_denying_is_a_denial_by_that_state(nlp):
    [reading] = readings(nlp, "Iran denied that it had sent drones to Russia.")
    assert (reading["suppliers"], reading["recipients"]) == (["IRN"], ["RUS"])
    assert (reading["stance"], reading["source"]) == ("denies", "IRN")


def test_a_sentence_about_nothing_military_has_no_transfer(nlp):
    assert readings(nlp, "The weather in Paris was mild on Sunday and the markets were "
                         "quiet.") == []


def test_the_lexicon_rejects_a_particle_yaml_reads_as_true(tmp_path):
    from armswatch.errors import DataFileError
    from armswatch.pipeline.lexicon import load_lexicon

    source = (resources.files("armswatch") / "data" / "lexicon.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "lexicon.yaml"
    broken.write_text(source.replace('particle: "on"', "particle: on"), encoding="utf-8")
    with pytest.raises(DataFileError, match="particle"):
        load_lexicon(broken)
    assert load_lexicon().verbs["pass"].particle == "on"


def test_a_variant_of_a_listed_designation_is_that_system(nlp):
    doc = nlp("Algeria ordered 14 Su-30MKA fighters, and G20 leaders met in Delhi.")
    marked = {(span.text, span.label_, span.kb_id_) for span in doc.spans["weapons"]}
    assert ("Su-30MKA", "aircraft", "Su-30") in marked
    assert not any(span.text == "G20" for span in doc.spans["weapons"])
    assert doc._.item_origins.get(3) == "RUS"


def test_an_offer_whose_goods_were_turned_down_is_refused(nlp):
    [offer] = [r for r in readings(nlp, "Saab beat an American offer of F-16 fighters, which "
                                        "Bogota turned down.") if r["items"] == ["aircraft"]]
    assert offer["suppliers"] == ["USA"] and offer["status"] == "cancelled"


@pytest.mark.parametrize("text, expected", [
    ("KYIV, Ukraine (AP) - The ministry said tanks had arrived.", "UKR"),
    ("MOSCOW - Officials met.", "RUS"),
    ("BREAKING - Officials met in Moscow.", None),
    ("Officials met in Moscow.", None),
])
def test_a_dateline_capital_names_the_report_s_state(nlp, text, expected):
    dateline = nlp(text)._.dateline
    assert (dateline.state if dateline is not None else None) == expected
