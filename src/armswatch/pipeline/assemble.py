"""Stage 6, assemble a document: merge sentence-level reports into one transfer per
(supplier, recipient, stage) with all its claims, fill a missing party from the rest of
the report, link loose denials, and attach time."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from armswatch.knowledge.actors import ActorIndex
from armswatch.knowledge.adversaries import load_adversaries
from armswatch.model import Actor, Claim, Document, Extraction, Span, Transfer, When
from armswatch.pipeline.actors import Mention
from armswatch.pipeline.claims import FUTURE_MODALS, STAGE_ORDER, DenialMention
from armswatch.pipeline.syntax import doc_text, sentences_back
from armswatch.pipeline.timex import Timex, find_timexes
from armswatch.pipeline.transfers import TransferMention

Pair = tuple[str, str]


def assemble(doc: Doc, document: Document, index: ActorIndex) -> Extraction:
    mentions: list[Mention] = doc._.actor_mentions or []
    reports: list[TransferMention] = doc._.transfer_mentions or []
    published = _date(document.published)
    timexes = find_timexes(doc_text(doc), published) if published else []
    expanded = list(_expand(reports))
    pairs = _pair_counts([r for r in expanded if r.suppliers and r.recipients])
    roles = _role_counts(expanded)
    complete = [_orient(r, pairs) for r in expanded]
    paragraph_of = _paragraphs(doc_text(doc))
    defended = _defended_parties(doc, mentions)
    complete = [r for r in (_fill(r, pairs, roles, expanded, paragraph_of, defended, published)
                            for r in complete) if r is not None]
    complete = _drop_unanswered_denials(complete)
    transfers = _merge(_collapse_stages(_fold_denials(complete), doc), doc, timexes)
    _link_denials(doc._.denial_mentions or [], transfers, doc, timexes)
    actors = _actors(mentions, transfers, doc, index)
    return Extraction(document=document, actors=actors, transfers=transfers)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _expand(reports: list[TransferMention]) -> Iterable[TransferMention]:
    """One report per (supplier, recipient) when parties are coordinated."""
    for report in reports:
        suppliers = report.suppliers or [None]
        recipients = report.recipients or [None]
        for supplier in suppliers:
            for recipient in recipients:
                if supplier and recipient and supplier.state == recipient.state:
                    continue
                copy = TransferMention(**{**report.__dict__})
                copy.suppliers = [supplier] if supplier else []
                copy.recipients = [recipient] if recipient else []
                if supplier and len(suppliers) > 1 and _speak_for_themselves(report):
                    # "the US, Germany and Italy announced they will provide": each
                    # announces its own share
                    copy.source, copy.also_sources = supplier, []
                yield copy


def _speak_for_themselves(report: TransferMention) -> bool:
    """The speakers of a report are exactly its suppliers."""
    speakers = [report.source, *report.also_sources] if report.source else []
    return report.stance == "asserts" and len(speakers) > 1 and \
        {m.state for m in speakers} == {m.state for m in report.suppliers}


def _pair_counts(reports: list[TransferMention]) -> Counter[Pair]:
    counts: Counter[Pair] = Counter()
    for report in reports:
        pair = (report.suppliers[0].acting_for, report.recipients[0].acting_for)
        if report.directed:
            counts[pair] += 2
        else:  # a deal between two parties counts for both directions
            counts[pair] += 1
            counts[pair[::-1]] += 1
    return counts


def _role_counts(reports: list[TransferMention]) -> dict[str, Counter[str]]:
    """How often each actor is named as supplier and as recipient in the report."""
    counts: dict[str, Counter[str]] = {"supplier": Counter(), "recipient": Counter()}
    for report in reports:
        for mention in report.suppliers:
            counts["supplier"][mention.acting_for] += 1
        for mention in report.recipients:
            counts["recipient"][mention.acting_for] += 1
    return counts


def _orient(report: TransferMention, pairs: Counter[Pair]) -> TransferMention:
    """A deal between two parties takes the direction the rest of the report gives it."""
    if report.directed or not (report.suppliers and report.recipients):
        return report
    a, b = report.suppliers[0], report.recipients[0]
    forward = pairs[(a.acting_for, b.acting_for)]
    backward = pairs[(b.acting_for, a.acting_for)]
    if backward > forward or backward == forward and \
            exporter_rank(b.state) < exporter_rank(a.state):
        report.suppliers, report.recipients = [b], [a]
    return report


@lru_cache(maxsize=1)
def _exporter_ranks() -> dict[str, int]:
    raw = yaml.load((resources.files("armswatch") / "data" / "exporters.yaml")
                    .read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {code: rank for rank, code in enumerate(raw["ranked"])}


def exporter_rank(state: str) -> int:
    """Position among the major arms exporters (lower sells more); others rank last."""
    return _exporter_ranks().get(state, 10_000)


def _paragraphs(text: str) -> Callable[[int], int]:
    """Character offset -> number of the paragraph it falls in."""
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    return lambda offset: bisect.bisect_right(breaks, offset)


def _counterparts(pairs: Counter[Pair], known: str, known_supplies: bool) -> Counter[str]:
    """How often each actor is paired with `known` on the other side."""
    return Counter({(r if known_supplies else s): n for (s, r), n in pairs.items()
                    if (s if known_supplies else r) == known})


#: What a party's forces are called: "efforts to shore up Kyiv's air defences".
FORCE_NOUNS = frozenset(["army", "military", "forces", "troops", "defences", "defenses",
                         "arsenal", "navy", "fleet", "armed", "defence", "defense"])


def _defended_parties(doc: Doc, mentions: list[Mention]) -> list[tuple[int, str]]:
    """(offset, actor) for each party named as the owner of forces or weapons ("Kyiv's air
    defences", "Ukraine's army"): the one a report's aid goes to when it names no one."""
    weapon_heads = {span.end - 1 for span in doc.spans.get("weapons", [])}
    found = []
    for mention in mentions:
        last = doc[mention.end - 1]
        owner = last if last.dep_ == "poss" else None
        if owner is not None and (owner.head.i in weapon_heads or
                                  owner.head.lower_ in FORCE_NOUNS):
            found.append((doc[mention.start].idx, mention.acting_for))
    return found


def _fill(report: TransferMention, pairs: Counter[Pair], roles: dict[str, Counter[str]],
          reports: list[TransferMention], paragraph_of: Callable[[int], int],
          defended: list[tuple[int, str]], published: dt.date | None) -> TransferMention | None:
    """Give a one-sided report the counterpart the document names most for that party
    ("Russia is looking for shells" in a report about North Korean shells), else the
    party last named in the missing role before it in the same paragraph (a digest's
    items and a feature's sections change subject), else the one the whole report names
    most in that role ("the Netherlands has provided launchers" in a report about aid to
    Ukraine)."""
    if report.suppliers and report.recipients:
        return report
    if report.vague_supplier and not report.suppliers:
        return None  # "Western deliveries to Ukraine": no one supplier to fill in
    if report.goods_named_before:  # only the report that named these goods can supply them
        return _supplier_of_goods(report, reports)
    if not (report.suppliers or report.recipients):
        return None
    here = paragraph_of(report.sentence[0])
    known_supplies = not report.recipients
    known = report.suppliers[0] if known_supplies else report.recipients[0]
    state_of = {m.acting_for: m.state for r in reports for m in (*r.suppliers, *r.recipients)}
    local = _pair_counts([r for r in reports if r.suppliers and r.recipients and
                          paragraph_of(r.sentence[0]) == here])
    options = _counterparts(local, known.acting_for, known_supplies) or \
        _counterparts(pairs, known.acting_for, known_supplies)
    fallback = roles["recipient" if known_supplies else "supplier"]
    if not options:  # the party last named in that role before, else the most named
        missing = "suppliers" if report.recipients else "recipients"
        earlier = [getattr(r, missing)[0].acting_for for r in reports
                   if r.trigger < report.trigger and getattr(r, missing)
                   and paragraph_of(r.sentence[0]) == here
                   and getattr(r, missing)[0].acting_for != known.acting_for
                   and getattr(r, missing)[0].kind != "context"]
        if earlier:
            options = Counter({earlier[-1]: 1})
    if not options and known_supplies:  # "efforts to shore up Kyiv's air defences. The US
        owners = [who for at, who in defended  # will provide Patriot batteries"
                  if paragraph_of(at) == here and at < report.sentence[1]
                  and who != known.acting_for]
        if owners:
            options = Counter({owners[-1]: 1})
    if not options:
        options = Counter({k: n for k, n in fallback.items() if k != known.acting_for})
    # a state does not supply itself: "a subsidiary of Almaz-Antey has sent samples"
    options = Counter({k: n for k, n in options.items() if state_of.get(k, k) != known.state})
    if not options:
        return None
    other = options.most_common(1)[0][0]
    if published is not None and load_adversaries().at_odds(
            *((known.state, state_of.get(other, other)) if known_supplies else
              (state_of.get(other, other), known.state)), published):
        return None  # "Germany has delivered Gepard guns", in a report on drones for Russia
    filler = Mention(start=-1, end=-1, actor_id=other, acting_for=other,
                     state=state_of.get(other, other), kind="context")
    if report.recipients:
        report.suppliers = [filler]
    else:
        report.recipients = [filler]
    return report


def _supplier_of_goods(report: TransferMention,
                       reports: list[TransferMention]) -> TransferMention | None:
    """"Russian crews launch the drones" takes the supplier of the last earlier transfer of
    such goods to the same recipient."""
    recipient = report.recipients[0].state if report.recipients else None
    earlier = [r for r in reports if r.trigger < report.trigger and r.suppliers and
               r.recipients and r.recipients[0].state == recipient and
               set(r.items) & set(report.items) - {"unspecified"}]
    if not earlier:
        return None
    report.suppliers = earlier[-1].suppliers[:1]
    return report


def _drop_unanswered_denials(reports: list[TransferMention]) -> list[TransferMention]:
    """A denial that names several counterparts ("has never supplied cluster munitions to
    Ukraine or Russia", "to either side") answers the claims made about some of them;
    the pairs nobody claims are no transfer."""
    asserted = {(r.suppliers[0].state, r.recipients[0].state) for r in reports
                if r.stance != "denies" and r.suppliers and r.recipients}
    by_trigger: dict[int, list[TransferMention]] = {}
    for report in reports:
        if report.stance == "denies" and report.suppliers and report.recipients:
            by_trigger.setdefault(report.trigger, []).append(report)
    dropped: set[int] = set()
    for group in by_trigger.values():
        claimed = [r for r in group
                   if (r.suppliers[0].state, r.recipients[0].state) in asserted]
        if claimed and len(claimed) < len(group):
            dropped.update(id(r) for r in group if r not in claimed)
    return [r for r in reports if id(r) not in dropped]


def _fold_denials(reports: list[TransferMention]) -> list[TransferMention]:
    """A denial speaks of the transfer others assert: it takes that transfer's stage
    rather than adding a stage of its own ("Iran denies sending drones" in a report on
    deliveries the US asserts)."""
    asserted: dict[Pair, str] = {}
    for report in reports:
        if report.stance != "denies":
            pair = (report.suppliers[0].acting_for, report.recipients[0].acting_for)
            current = asserted.get(pair)
            if current is None or STAGE_ORDER[report.status] > STAGE_ORDER[current]:
                asserted[pair] = report.status
    for report in reports:
        pair = (report.suppliers[0].acting_for, report.recipients[0].acting_for)
        if report.stance == "denies" and pair in asserted:
            report.status = asserted[pair]
    return reports


def _collapse_stages(reports: list[TransferMention], doc: Doc) -> list[TransferMention]:
    """One deal is reported at the furthest stage it reached: speculation about a pair
    that the report also gives a firmer stage joins that stage, talks join a deal that
    was agreed, and a deal for the very systems the pair is reported to have delivered
    is that delivery. Delivered and cancelled stay apart (distinct shipments)."""
    by_trigger = {report.trigger: report for report in reports}
    for report in reports:  # "ordered Su-35s ... later shelved the deal": one deal, halted
        halted = by_trigger.get(report.halts) if report.halts is not None else None
        if halted is not None and report.status == "cancelled" and \
                halted.status in ("agreed", "negotiating"):
            halted.status = "cancelled"
    stages: dict[Pair, set[str]] = {}
    delivered_systems: dict[Pair, set[str]] = {}
    firm_items: dict[Pair, set[str]] = {}
    for report in reports:
        pair = (report.suppliers[0].acting_for, report.recipients[0].acting_for)
        stages.setdefault(pair, set()).add(report.status)
        if report.status != "possible":
            firm_items.setdefault(pair, set()).update(report.items)
        if report.status == "delivered" and not _filled(report):
            # a one-sided report the context completed ("spreading its purchases") is no
            # delivery of the systems its sentence names
            delivered_systems.setdefault(pair, set()).update(_systems_named(report, doc))
    for report in reports:
        pair = (report.suppliers[0].acting_for, report.recipients[0].acting_for)
        found = stages[pair]
        firmer = sorted(found - {"possible"}, key=lambda s: STAGE_ORDER[s])
        other_goods = set(report.items) - {"unspecified"} and not (
            set(report.items) & firm_items.get(pair, set()))
        if report.status == "possible" and firmer and not other_goods:
            # "Iran has sent drones and could send missiles": other goods are another deal
            report.status = "agreed" if "agreed" in firmer else firmer[-1]
        elif report.status in ("agreed", "negotiating") and "delivered" in found and (
                report.describes_goods or report.status == "agreed" and _earlier_deal_for(
                    report, doc, delivered_systems.get(pair, set()))):
            # "the jets it promised", "technology Iran seeks", "signed for the S-400 ...
            # started supplying the S-400"
            report.status = "delivered"
        elif report.status == "negotiating" and "agreed" in found:
            report.status = "agreed"
    return reports


def _filled(report: TransferMention) -> bool:
    return any(m.kind == "context" for m in (*report.suppliers, *report.recipients))


FURTHER_DEAL_WORDS = frozenset({"more", "additional", "another", "further", "new", "second",
                                "third", "fourth", "extra", "next", "follow-on", "newer",
                                "latest", "upgraded"})


def _earlier_deal_for(report: TransferMention, doc: Doc, delivered: set[str]) -> bool:
    """A deal struck in the past for systems the pair is reported to have delivered, and
    not for more of them, is that delivery at an earlier stage."""
    trigger = doc[report.trigger]
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head  # "signed a contract"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp":  # "had promised to hand Minsk ..."
        verb = verb.head
    if verb.tag_ not in ("VBD", "VBN") or any(
            c.dep_ == "aux" and c.lower_ in (*FUTURE_MODALS, "would") for c in verb.children):
        return False
    if any(t.lower_ in FURTHER_DEAL_WORDS for t in _own_clause(verb)):
        return False
    named = {span.kb_id_ for span in doc.spans.get("weapons", [])
             if span.kb_id_ and span.start in {t.i for t in _own_clause(trigger)}}
    return bool(named) and named <= delivered


def _own_clause(verb: Token) -> Iterable[Token]:
    """The verb's clause without the clauses coordinated with it ("the US committed one
    battery and Germany pledged another": "another" is Germany's)."""
    conjoined = {t.i for v in verb.subtree if v.pos_ in ("VERB", "AUX")
                 for c in v.children if c.dep_ == "conj" for t in c.subtree}
    return (t for t in verb.subtree if t.i not in conjoined)


def _systems_named(report: TransferMention, doc: Doc) -> set[str]:
    """Named weapon systems in the report's sentence ("S-400", "Patriot")."""
    start, end = report.sentence
    return {span.kb_id_ for span in doc.spans.get("weapons", [])
            if span.kb_id_ and start <= span.start_char < end}


def _merge(reports: list[TransferMention], doc: Doc, timexes: list[Timex]) -> list[Transfer]:
    by_key: dict[tuple[str, str, str], Transfer] = {}
    for report in reports:
        supplier = report.suppliers[0].acting_for
        recipient = report.recipients[0].acting_for
        key = (supplier, recipient, report.status)
        transfer = by_key.get(key)
        if transfer is None:
            transfer = Transfer(supplier=supplier, recipient=recipient, status=report.status)
            by_key[key] = transfer
        for item in report.items:
            if item not in transfer.items:
                transfer.items.append(item)
        for hop in report.via:
            if hop.acting_for not in transfer.via:
                transfer.via.append(hop.acting_for)
        claim = _claim(report, doc, timexes)
        if transfer.when is None and report.stance != "denies":
            transfer.when = _transfer_when(report, doc, timexes)
        extra = [replace(claim, source=m.actor_id) for m in report.also_sources]
        for candidate in (claim, *extra):
            if not any(c.source == candidate.source and c.stance == candidate.stance and
                       c.evidence == candidate.evidence for c in transfer.claims):
                transfer.claims.append(candidate)
    transfers = list(by_key.values())
    _drop_redundant_author_claims(transfers)
    for transfer in transfers:
        if "unspecified" in transfer.items and len(transfer.items) > 1:
            transfer.items.remove("unspecified")
    return sorted(transfers, key=lambda t: t.claims[0].evidence.start)


def _drop_redundant_author_claims(transfers: list[Transfer]) -> None:
    """The outlet's own voice adds nothing where named sources assert the same transfer:
    the record keeps who says so. A transfer keeps at least one claim."""
    for transfer in transfers:
        if not any(c.source != "author" and c.stance == "asserts" for c in transfer.claims):
            continue
        kept = [c for c in transfer.claims if c.source != "author" or c.stance != "asserts"]
        transfer.claims = kept or transfer.claims[:1]


def _claim(report: TransferMention, doc: Doc, timexes: list[Timex]) -> Claim:
    start, end = report.sentence
    source = "author" if report.source is None else report.source.actor_id
    when = None
    if report.cue_token is not None:  # a date on the reporting clause, not the transfer's
        root = doc[report.cue_token].sent.root.i
        when = _when_under(doc, root, timexes, report.sentence, exclude=report.trigger)
    return Claim(source=source, stance=report.stance, status=report.status,
                 evidence=Span(start, end, doc_text(doc)[start:end]), cue=report.cue, when=when)


def _transfer_when(report: TransferMention, doc: Doc, timexes: list[Timex]) -> When | None:
    """A date among the transfer word's own dependents ("delivered ... in March")."""
    return _when_under(doc, report.trigger, timexes, report.sentence)


def _when_under(doc: Doc, head_i: int, timexes: list[Timex], sentence: tuple[int, int],
                exclude: int | None = None) -> When | None:
    """The first dated expression inside the subtree of `head_i`, leaving out the subtree
    of `exclude`."""
    head = doc[head_i]
    inside = {t.i for t in head.subtree}
    if exclude is not None and exclude != head_i:
        inside -= {t.i for t in doc[exclude].subtree}
    for timex in timexes:
        if not (sentence[0] <= timex.start and timex.end <= sentence[1]) or \
                timex.type not in ("DATE", "TIME") or timex.interval == (None, None):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and span.root.i in inside:
            return When(text=timex.text, start=timex.interval[0], end=timex.interval[1])
    return None


def _link_denials(denials: list[DenialMention], transfers: list[Transfer], doc: Doc,
                  timexes: list[Timex]) -> None:
    """Attach "X denied the allegations" to the transfer X takes part in (as a party or a
    route) that the report asserts most, the allegation a denial answers; among equals,
    the one spoken of last before the denial. "Ankara and Doha dismissed the accusations"
    answers, for each denier, its own transfer when no one transfer joins them."""
    for denial in denials:
        deniers = {m.acting_for for m in denial.sources}
        joined = any(deniers <= {t.supplier, t.recipient} for t in transfers)
        groups = [[m] for m in denial.sources] if len(deniers) > 1 and not joined else \
            [denial.sources]
        for group in groups:
            target = _denial_target(denial, {m.acting_for for m in group}, transfers, doc)
            if target is None:
                continue
            sources = [source.actor_id for source in group] or \
                [target.supplier, target.recipient]
            start, end = denial.sentence
            for source in sources:
                claim = Claim(source=source, stance="denies", status=target.status,
                              evidence=Span(start, end, doc_text(doc)[start:end]),
                              cue=denial.cue,
                              when=_when_under(doc, doc[denial.cue_token].sent.root.i, timexes,
                                              denial.sentence))
                if not any(c.source == claim.source and c.stance == "denies"
                           for c in target.claims):
                    target.claims.append(claim)


def _denial_target(denial: DenialMention, deniers: set[str], transfers: list[Transfer],
                   doc: Doc) -> Transfer | None:
    """The transfer a denial by `deniers` most likely answers."""
    candidates = [t for t in transfers
                  if deniers & {t.supplier, t.recipient, *t.via} or denial.both_parties]
    if not candidates:
        return None
    both = [t for t in candidates if deniers <= {t.supplier, t.recipient}]
    pool = both or candidates
    start, end = denial.sentence
    # "The army rejects the charge where Iran is concerned": the other party it names
    named = {m.acting_for for m in doc._.actor_mentions or []
             if start <= doc[m.start].idx < end} - {m.acting_for for m in denial.sources}
    pool = [t for t in pool if named & {t.supplier, t.recipient, *t.via}] or pool
    window = sentences_back(doc[doc.char_span(start, end, alignment_mode="expand").start].sent,
                            DENIAL_REACH)
    # both directions of one pair count as alleged just before when either is
    recent = {frozenset((t.supplier, t.recipient)) for t in pool
              if any(c.stance == "asserts" and window <= c.evidence.start < end
                     for c in t.claims)}
    return max(pool, key=lambda t, d=denial: _denial_weight(t, d, recent))


#: How many sentences back a bare denial looks first for the allegation it answers.
DENIAL_REACH = 2


def _denial_weight(transfer: Transfer, denial: DenialMention,
                   recent: set[frozenset[str | None]]) -> tuple[int, int, int, int]:
    """How likely a bare denial answers this transfer: a pair alleged just before it, then
    the most asserted, then the one spoken of last before the denial, then the furthest
    stage."""
    start = denial.sentence[0]
    before = [c.evidence.start for c in transfer.claims if c.evidence.start < start]
    asserted = sum(c.stance == "asserts" for c in transfer.claims)
    just_before = frozenset((transfer.supplier, transfer.recipient)) in recent
    return int(just_before), asserted, max(before, default=-1), \
        STAGE_ORDER.get(transfer.status, 0)


def _actors(mentions: list[Mention], transfers: list[Transfer], doc: Doc,
            index: ActorIndex) -> list[Actor]:
    actors: dict[str, Actor] = {}

    def ensure(actor_id: str, state: str | None = None) -> Actor | None:
        if actor_id in actors:
            return actors[actor_id]
        record = index.get(actor_id)
        if record is None:
            return None
        country = record.country
        if record.type == "person":
            country = state or record.country
        actor = Actor(id=record.id, name=record.name, type=record.type, country=country,
                      wikidata=record.wikidata)
        actors[actor_id] = actor
        return actor

    for mention in mentions:
        actor = ensure(mention.actor_id, mention.state)
        if actor is not None:
            start = doc[mention.start].idx
            last = doc[mention.end - 1]
            end = last.idx + len(last.text)
            actor.mentions.append(Span(start, end, doc_text(doc)[start:end]))
        if mention.acting_for != mention.actor_id:
            ensure(mention.acting_for)
    for transfer in transfers:
        for actor_id in [transfer.supplier, transfer.recipient, *transfer.via,
                         *(c.source for c in transfer.claims)]:
            if actor_id and actor_id != "author":
                ensure(actor_id)
    return sorted(actors.values(), key=lambda a: (a.type != "state", a.id))
