"""Embargo reasoning checked against facts from the bundled embargo table."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from armswatch import embargo as emb
from armswatch.embargo import (
    EmbargoBook,
    Party,
    UnknownActorError,
    annotate_extraction,
    load_embargoes,
    parse_day,
    party_for,
    transfer_date,
)
from armswatch.errors import DataFileError
from armswatch.model import Actor, Claim, Document, Extraction, Span, Transfer, When

SEED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "seed" / \
    "000_0738399a8cd04c56.gold.json"


def state(iso3: str) -> Party:
    return Party(iso3, "state", iso3)


def group(slug: str, country: str | None, kind: str = "armed_group") -> Party:
    return Party(slug, kind, country)


@pytest.fixture(scope="module")
def book() -> EmbargoBook:
    return load_embargoes()


def findings(book: EmbargoBook, supplier: Party | None, recipient: Party | None,
             items: list[str], on: str, **kwargs) -> dict[tuple[str, str, str], dict]:
    """Findings keyed by (leg, embargo, direction) for compact assertions."""
    found = book.check(supplier, recipient, items, date.fromisoformat(on), **kwargs)
    return {(f["leg"], f["embargo"], f["direction"]): f for f in found}


def verdicts(book: EmbargoBook, supplier: Party | None, recipient: Party | None,
             items: list[str], on: str, **kwargs) -> dict[str, str]:
    found = findings(book, supplier, recipient, items, on, **kwargs)
    return {key[1]: f["finding"] for key, f in found.items()}


# ---------------------------------------------------------------- the data file


def test_data_file_loads_with_all_records(book):
    assert len(book.embargoes) == 70
    assert book.version
    assert len({e.id for e in book.embargoes}) == 70


def test_every_phase_cites_dated_instruments(book):
    for embargo in book.embargoes:
        for phase in embargo.phases:
            assert phase.instruments, embargo.id
            assert all(date.fromisoformat(i.date) for i in phase.instruments)


def test_phases_are_ordered_and_do_not_overlap(book):
    for embargo in book.embargoes:
        for before, after in zip(embargo.phases, embargo.phases[1:], strict=False):
            assert before.end is not None and before.end <= after.start, embargo.id


def test_loading_is_cached():
    assert load_embargoes() is load_embargoes()


def _write_variant(tmp_path: Path, change) -> Path:
    raw = yaml.safe_load(emb.DEFAULT_PATH.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "embargoes.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return path


def test_invalid_item_names_file_record_and_path(tmp_path):
    def bad_item(raw):
        raw["embargoes"][1]["phases"][0]["supply"]["items"].append("bananas")

    path = _write_variant(tmp_path, bad_item)
    with pytest.raises(DataFileError) as caught:
        load_embargoes(path)
    message = str(caught.value)
    assert str(path) in message and "un-irq" in message and "phases[0].supply.items" in message


def test_phase_citing_unknown_instrument_is_rejected(tmp_path):
    def bad_ref(raw):
        raw["embargoes"][0]["phases"][0]["instruments"] = ["UNSCR 9999 (2099)"]

    with pytest.raises(DataFileError, match="un-zaf.*UNSCR 9999"):
        load_embargoes(_write_variant(tmp_path, bad_ref))


def test_overlapping_phases_are_rejected(tmp_path):
    def overlap(raw):
        record = next(r for r in raw["embargoes"] if r["id"] == "un-prk")
        record["phases"][1]["from"] = "2008-01-01"

    with pytest.raises(DataFileError, match="un-prk.*overlaps"):
        load_embargoes(_write_variant(tmp_path, overlap))


def test_unreadable_yaml_is_a_data_file_error(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("embargoes: [unclosed", encoding="utf-8")
    with pytest.raises(DataFileError, match="broken.yaml"):
        load_embargoes(path)


# ---------------------------------------------------------------- the seed report


def test_seed_dprk_to_russia_is_reported_breach_with_resolutions(book):
    found = findings(book, state("PRK"), state("RUS"), ["unspecified"], "2023-08-31")
    finding = found[("PRK->RUS", "un-prk", "from_target")]
    assert finding["finding"] == "reported_breach"
    assert finding["legal_status"] == "mandatory"
    refs = [i["ref"] for i in finding["instruments"]]
    assert "UNSCR 2270 (2016)" in refs and "UNSCR 2397 (2017)" in refs
    assert all(i["date"] for i in finding["instruments"])


def test_seed_china_to_russia_via_dprk_flags_both_legs(book):
    found = findings(book, state("CHN"), state("RUS"), ["unspecified"], "2023-08-31",
                     via=[state("PRK")], status="possible", date_basis="published")
    assert found[("CHN->PRK", "un-prk", "to_target")]["finding"] == "would_breach"
    assert found[("PRK->RUS", "un-prk", "from_target")]["finding"] == "would_breach"
    assert {f["date_basis"] for f in found.values()} == {"published"}


def test_seed_gold_transfers_get_un_prk_findings(book):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    for transfer in gold["transfers"]:
        if transfer["supplier"] != "PRK":
            continue
        found = verdicts(book, state("PRK"), state(transfer["recipient"]), transfer["items"],
                         gold["published"], status=transfer["status"])
        assert "un-prk" in found


def test_findings_sorted_by_leg_then_embargo(book):
    found = book.check(state("CHN"), state("RUS"), ["missiles"], date(2023, 8, 31),
                       via=[state("PRK"), state("IRN")])
    keys = [(f["leg_index"], f["embargo"]) for f in found]
    assert keys == sorted(keys)
    assert found[0]["leg"] == "CHN->PRK"


# ---------------------------------------------------------------- statuses


@pytest.mark.parametrize(("status", "expected"), [
    ("delivered", "reported_breach"),
    ("agreed", "would_breach"),
    ("negotiating", "would_breach"),
    ("possible", "would_breach"),
    ("cancelled", "cancelled"),
])
def test_status_maps_to_finding(book, status, expected):
    found = verdicts(book, state("RUS"), state("PRK"), ["artillery"], "2024-05-01",
                     status=status)
    assert found["un-prk"] == expected


def test_unknown_status_is_refused(book):
    with pytest.raises(ValueError):
        book.check(state("RUS"), state("PRK"), [], date(2024, 1, 1), status="rumoured")


# ---------------------------------------------------------------- phase boundaries


@pytest.mark.parametrize(("on", "item", "covered"), [
    ("2020-10-17", "armoured_vehicles", True),   # last day of the Council-approval regime
    ("2020-10-18", "armoured_vehicles", False),  # conventional arms freed
    ("2020-10-18", "missiles", True),            # missile items still restricted
    ("2023-10-17", "uav", True),
    ("2023-10-18", "uav", False),                # gap until the snapback
])
def test_un_iran_supply_boundaries(book, on, item, covered):
    assert ("un-irn" in verdicts(book, state("RUS"), state("IRN"), [item], on)) is covered


def test_iranian_drones_to_russia_2022_match_missile_restrictions(book):
    found = findings(book, state("IRN"), state("RUS"), ["uav"], "2022-09-01")
    assert found[("IRN->RUS", "un-irn", "from_target")]["finding"] == "reported_breach"


def test_iran_snapback_findings_are_unclear(book):
    found = findings(book, state("RUS"), state("IRN"), ["aircraft"], "2025-10-01")
    finding = found[("RUS->IRN", "un-irn", "to_target")]
    assert finding["finding"] == "unclear"
    assert "snapback" in finding["reason"]


@pytest.mark.parametrize(("on", "item", "covered"), [
    ("2008-01-01", "small_arms", False),  # 1718: major arms only
    ("2008-01-01", "artillery", True),
    ("2010-01-01", "small_arms", False),  # 1874: small arms to the DPRK only notified
    ("2010-01-01", "ammunition", True),
    ("2016-03-01", "small_arms", False),
    ("2016-03-02", "small_arms", True),   # 2270 adds small arms
])
def test_dprk_supply_scope_changes(book, on, item, covered):
    assert ("un-prk" in verdicts(book, state("CHN"), state("PRK"), [item], on)) is covered


def test_dprk_1718_unspecified_items_are_unclear(book):
    found = findings(book, state("RUS"), state("PRK"), ["unspecified"], "2007-06-01")
    finding = found[("RUS->PRK", "un-prk", "to_target")]
    assert finding["finding"] == "unclear"
    assert "unspecified" in finding["reason"]


def test_dprk_2009_procurement_covers_small_arms(book):
    found = findings(book, state("PRK"), state("SYR"), ["small_arms"], "2012-01-01")
    assert found[("PRK->SYR", "un-prk", "from_target")]["finding"] == "reported_breach"


def test_before_any_dprk_embargo_nothing_applies(book):
    assert "un-prk" not in verdicts(book, state("RUS"), state("PRK"), ["missiles"], "2006-10-13")


@pytest.mark.parametrize(("on", "applies"), [
    ("2014-07-31", False),
    ("2014-08-01", True),
])
def test_eu_russia_embargo_starts_2014_08_01(book, on, applies):
    assert ("eu-rus" in verdicts(book, state("DEU"), state("RUS"), ["naval"], on)) is applies


def test_eu_russia_procurement_binds_eu_buyer(book):
    found = findings(book, state("RUS"), state("FRA"), ["aircraft"], "2015-01-01")
    assert found[("RUS->FRA", "eu-rus", "from_target")]["finding"] == "reported_breach"


def test_eu_russia_dual_use_but_not_from_russia(book):
    assert "eu-rus" in verdicts(book, state("ITA"), state("RUS"), ["dual_use"], "2023-01-01")
    assert "eu-rus" not in verdicts(book, state("RUS"), state("ITA"), ["dual_use"],
                                    "2023-01-01")


def test_boundary_date_carries_caveat(book):
    found = findings(book, state("DEU"), state("RUS"), ["naval"], "2014-08-01")
    caveats = found[("DEU->RUS", "eu-rus", "to_target")]["caveats"]
    assert any("phase boundary" in c for c in caveats)


# ---------------------------------------------------------------- who is bound


@pytest.mark.parametrize(("on", "bound"), [
    ("2020-12-31", True),
    ("2021-01-01", False),
])
def test_uk_bound_by_eu_until_end_of_2020(book, on, bound):
    assert ("eu-rus" in verdicts(book, state("GBR"), state("RUS"), ["missiles"], on)) is bound


def test_croatia_bound_only_after_accession(book):
    assert "eu-blr" not in verdicts(book, state("HRV"), state("BLR"), ["small_arms"],
                                    "2013-06-30")
    assert "eu-blr" in verdicts(book, state("HRV"), state("BLR"), ["small_arms"], "2013-07-01")


def test_non_eu_supplier_not_bound_by_eu_embargo(book):
    assert "eu-rus" not in verdicts(book, state("USA"), state("RUS"), ["missiles"],
                                    "2020-01-01")


def test_taiwan_not_bound_by_un_embargo(book):
    assert "un-prk" not in verdicts(book, state("TWN"), state("PRK"), ["missiles"],
                                    "2020-01-01")


def test_company_bound_through_its_state(book):
    company = group("rheinmetall", "DEU", "company")
    assert verdicts(book, company, state("RUS"), ["artillery"], "2016-01-01")["eu-rus"] == \
        "reported_breach"


def test_arab_league_members_bound_on_syria(book):
    assert "las-syr" in verdicts(book, state("EGY"), state("SYR"), ["unspecified"],
                                 "2015-01-01")
    assert "las-syr" not in verdicts(book, state("RUS"), state("SYR"), ["unspecified"],
                                     "2015-01-01")


# ---------------------------------------------------------------- non-state targets


def test_houthis_listed_embargo(book):
    houthis = group("houthis", "YEM")
    assert verdicts(book, state("IRN"), houthis, ["missiles"], "2024-01-01")["un-yem"] == \
        "reported_breach"


def test_yemen_government_not_a_target(book):
    assert "un-yem" not in verdicts(book, state("USA"), state("YEM"), ["missiles"],
                                    "2024-01-01")


def test_hezbollah_non_governmental_embargo(book):
    found = verdicts(book, state("IRN"), group("hezbollah", "LBN"), ["small_arms"],
                     "2019-01-01")
    assert found["un-lbn"] == "reported_breach"


def test_lebanese_government_exempt(book):
    assert "un-lbn" not in verdicts(book, state("FRA"), state("LBN"), ["small_arms"],
                                    "2019-01-01")


def test_iraq_government_exempt_since_2004_but_not_before(book):
    assert "un-irq" in verdicts(book, state("USA"), state("IRQ"), ["aircraft"], "2004-06-07")
    assert "un-irq" not in verdicts(book, state("USA"), state("IRQ"), ["aircraft"],
                                    "2004-06-08")


def test_libya_government_conditional_exemption_is_unclear(book):
    found = findings(book, state("TUR"), state("LBY"), ["uav"], "2020-01-01")
    finding = found[("TUR->LBY", "un-lby", "to_target")]
    assert finding["finding"] == "unclear"
    assert "notification or approval" in finding["reason"]


def test_libyan_armed_group_fully_embargoed(book):
    lna = group("lna", "LBY")
    assert verdicts(book, state("ARE"), lna, ["uav"], "2020-01-01")["un-lby"] == \
        "reported_breach"


def test_rsf_darfur_embargo_is_unclear(book):
    found = findings(book, state("ARE"), group("rsf", "SDN"), ["uav"], "2024-06-01")
    finding = found[("ARE->rsf", "un-sdn-darfur", "to_target")]
    assert finding["finding"] == "unclear"
    assert "Darfur" in finding["reason"]


def test_eu_sudan_embargo_covers_whole_country(book):
    assert verdicts(book, state("FRA"), state("SDN"), ["small_arms"], "2024-06-01")["eu-sdn"] \
        == "reported_breach"


def test_al_shabaab_embargo_after_2023(book):
    assert "un-som-al-shabaab" in verdicts(book, state("ERI"), group("al-shabaab", "SOM"),
                                           ["small_arms"], "2024-02-01")
    assert "un-som-al-shabaab" not in verdicts(book, state("TUR"), state("SOM"),
                                               ["small_arms"], "2024-02-01")


def test_taliban_state_after_2021_is_unclear(book):
    found = findings(book, state("CHN"), state("AFG"), ["small_arms"], "2022-01-01")
    finding = found[("CHN->AFG", "un-afg-taliban", "to_target")]
    assert finding["finding"] == "unclear"
    assert "2021" in finding["reason"]
    assert "un-afg-taliban" not in verdicts(book, state("USA"), state("AFG"), ["small_arms"],
                                            "2019-01-01")


def test_isil_listed_anywhere(book):
    isil = group("isil", None)
    assert verdicts(book, state("TUR"), isil, ["small_arms"], "2016-01-01")["un-isil-aq"] == \
        "reported_breach"


# ---------------------------------------------------------------- legal status and gaps


def test_eu_china_embargo_is_political(book):
    found = findings(book, state("FRA"), state("CHN"), ["naval"], "2010-01-01")
    finding = found[("FRA->CHN", "eu-chn", "to_target")]
    assert finding["legal_status"] == "political"
    assert any("political commitment" in c for c in finding["caveats"])


def test_eu_syria_after_june_2013_political_and_unclear(book):
    before = findings(book, state("DEU"), state("SYR"), ["small_arms"], "2013-05-31")
    after = findings(book, state("DEU"), state("SYR"), ["small_arms"], "2013-06-01")
    assert before[("DEU->SYR", "eu-syr", "to_target")]["legal_status"] == "mandatory"
    assert after[("DEU->SYR", "eu-syr", "to_target")]["legal_status"] == "political"
    assert after[("DEU->SYR", "eu-syr", "to_target")]["finding"] == "unclear"


def test_un_afghanistan_1996_call_is_voluntary(book):
    found = findings(book, state("PAK"), state("AFG"), ["unspecified"], "1998-01-01")
    assert found[("PAK->AFG", "un-afg-1996", "to_target")]["legal_status"] == "voluntary"


@pytest.mark.parametrize(("on", "applies"), [
    ("1993-08-26", True),
    ("1993-09-15", False),  # suspended after Governors Island
    ("1993-10-18", True),
])
def test_haiti_1993_gap(book, on, applies):
    assert ("un-hti-1993" in verdicts(book, state("USA"), state("HTI"), ["small_arms"], on)) \
        is applies


def test_libya_1992_suspension_gap(book):
    assert "un-lby-1992" in verdicts(book, state("RUS"), state("LBY"), ["aircraft"],
                                     "1998-01-01")
    assert "un-lby-1992" not in verdicts(book, state("RUS"), state("LBY"), ["aircraft"],
                                         "2001-01-01")


def test_haiti_2023_small_arms_only(book):
    assert "un-hti" in verdicts(book, state("USA"), group("gang", "HTI"), ["small_arms"],
                                "2024-01-01")
    assert "un-hti" not in verdicts(book, state("USA"), group("gang", "HTI"), ["aircraft"],
                                    "2024-01-01")


def test_osce_karabakh_scope_is_unclear(book):
    found = findings(book, state("DEU"), state("ARM"), ["artillery"], "2020-10-01")
    finding = found[("DEU->ARM", "osce-nk", "to_target")]
    assert finding["finding"] == "unclear"
    assert finding["legal_status"] == "political"


# ---------------------------------------------------------------- legs and items


def test_unknown_side_skips_leg(book):
    assert book.check(None, state("PRK"), ["missiles"], date(2020, 1, 1)) == []
    found = book.check(state("CHN"), state("RUS"), ["missiles"], date(2020, 1, 1),
                       via=[state("PRK")])
    assert {f["leg"] for f in found} == {"CHN->PRK", "PRK->RUS"}


def test_unrelated_items_give_no_finding(book):
    assert "eu-chn" not in verdicts(book, state("FRA"), state("CHN"), ["dual_use"],
                                    "2020-01-01")


def test_nothing_applies_between_unembargoed_states(book):
    assert book.check(state("USA"), state("JPN"), ["missiles"], date(2023, 1, 1)) == []


def test_in_force_by_target(book):
    ids = {a.embargo.id for a in book.in_force(date(2024, 1, 1), "PRK")}
    assert ids == {"un-prk", "eu-prk"}
    assert {a.embargo.id for a in book.in_force(date(2024, 1, 1), "houthis")} == \
        {"un-yem", "eu-yem"}


def test_in_force_excludes_ended(book):
    ids = {a.embargo.id for a in book.in_force(date(2024, 1, 1))}
    assert "un-civ" not in ids and "un-prk" in ids


# ---------------------------------------------------------------- actors and dates


def test_party_for_iso3_and_unknown_slug(monkeypatch):
    monkeypatch.setattr("armswatch.embargo.transfers._actor_index", lambda: None)
    assert party_for("RUS") == state("RUS")
    with pytest.raises(UnknownActorError):
        party_for("no-such-group")


def test_party_for_uses_actor_index(monkeypatch):
    class Index:
        def get(self, actor_id):
            return group("houthis", "YEM") if actor_id == "houthis" else None

    monkeypatch.setattr("armswatch.embargo.transfers._actor_index", Index)
    assert party_for("houthis") == group("houthis", "YEM")


@pytest.mark.parametrize(("text", "expected"), [
    ("2023-08-31", date(2023, 8, 31)),
    ("2022-10", date(2022, 10, 1)),
    ("2022", date(2022, 1, 1)),
    (None, None),
    ("soon", None),
])
def test_parse_day(text, expected):
    assert parse_day(text) == expected


def _transfer(when: When | None, claim_when: When | None) -> Transfer:
    claim = Claim("USA", "asserts", "delivered", Span(0, 4, "text"), when=claim_when)
    return Transfer("PRK", "wagner-group", "delivered", items=["ammunition"], when=when,
                    claims=[claim])


def test_transfer_date_prefers_transfer_then_claim_then_published():
    dated = When("in 2022", "2022-01-01", "2022-12-31")
    assert transfer_date(_transfer(dated, None), "2023-08-31") == (date(2022, 1, 1), "transfer")
    assert transfer_date(_transfer(None, dated), "2023-08-31") == (date(2022, 1, 1), "claim")
    assert transfer_date(_transfer(None, None), "2023-08-31") == \
        (date(2023, 8, 31), "published")


def test_annotate_extraction_fills_embargo_for_armed_group_recipient(book):
    document = Document(id="d1", text="text", published="2023-08-31")
    actors = [Actor("PRK", "North Korea", "state", "PRK"),
              Actor("wagner-group", "Wagner Group", "armed_group", "RUS")]
    extraction = Extraction(document, actors, [_transfer(None, None)])
    annotate_extraction(extraction, book)
    found = extraction.transfers[0].embargo
    assert [(f["embargo"], f["finding"], f["date_basis"]) for f in found] == \
        [("un-prk", "reported_breach", "published")]
