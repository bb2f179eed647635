"""Which multilateral arms embargoes a transfer falls under, and why.

The facts live in ``data/embargoes.yaml`` (validated against ``embargoes.schema.json``);
this package only reasons over them: pick the phase in force on a date, decide whether the
supplier (supply bans) or the buyer (procurement bans) is bound, whether the recipient is
within the target, and whether the items are covered. See docs/embargoes.md.
"""

from armswatch.embargo.book import EmbargoBook, route_legs
from armswatch.embargo.loading import DEFAULT_PATH, SCHEMA_PATH, load_embargoes
from armswatch.embargo.records import (
    DATE_BASES,
    FINDING_BY_STATUS,
    PROCUREMENT,
    SUPPLY,
    Embargo,
    InForce,
    Instrument,
    Party,
    Phase,
    UnknownActorError,
)
from armswatch.embargo.transfers import (
    annotate_extraction,
    annotate_transfer,
    parse_day,
    parties_from_actors,
    party_for,
    transfer_date,
)

__all__ = [
    "DATE_BASES", "DEFAULT_PATH", "FINDING_BY_STATUS", "PROCUREMENT", "SCHEMA_PATH", "SUPPLY",
    "Embargo", "EmbargoBook", "InForce", "Instrument", "Party", "Phase", "UnknownActorError",
    "annotate_extraction", "annotate_transfer", "load_embargoes", "parse_day",
    "parties_from_actors", "party_for", "route_legs", "transfer_date",
]
