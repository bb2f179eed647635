"""Stage 3, resolve actors: find every mention of a state, group, company, body or person.

Mentions are matched against the actor knowledge base (data/actors/*.yaml) on exact
surface forms, longest match first, and stored in ``doc.spans["actors"]`` with the actor
id as label. People resolve to whom they act for on the publication date, so "Shoigu" in
2023 stands for Russia.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from armswatch.knowledge.actors import ActorIndex, ActorRecord, load_actor_index

SPAN_KEY = "actors"
#: Country names that NER calls a person or that are common words in other senses.
_PERSON_LABELS = ("PERSON",)


@dataclass(frozen=True)
class Mention:
    """One actor mention: token range, the actor meant, and the state level behind it."""

    start: int
    end: int
    actor_id: str  # the actor the words name (a person id for people)
    acting_for: str  # the state, group or body it stands for in a transfer
    state: str  # state level of `acting_for`
    kind: str  # name | adjective | capital | seat | institution | acronym | region | person | org

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


class ActorResolver:
    """spaCy component: marks actor mentions and sets ``doc._.actor_mentions``."""

    def __init__(self, nlp: Language, name: str = "armswatch_actors") -> None:
        self.name = name
        self.index: ActorIndex = load_actor_index()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._aliases = self.index.aliases()
        by_text: dict[str, list[int]] = {}
        for number, alias in enumerate(self._aliases):
            by_text.setdefault(alias.text, []).append(number)
        self._by_key: dict[str, list[int]] = {}
        for text, numbers in by_text.items():
            key = f"A{numbers[0]}"
            self._by_key[key] = numbers
            self.matcher.add(key, [nlp.make_doc(text)])
        for attr in ("actor_mentions", "published"):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)

    def __call__(self, doc: Doc) -> Doc:
        on = _doc_date(doc)
        spans = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=key))
        mentions: list[Mention] = []
        kept: list[Span] = []
        context = set()
        candidates = filter_spans(spans)
        for span in candidates:
            alias = self._aliases[self._by_key[span.label_][0]]
            if alias.needs_context is None:
                context.add(alias.actor_id)
        for span in candidates:
            mention = self._resolve(span, on, context)
            if mention is None:
                continue
            if mentions and self._national_body(mention, mentions[-1], doc):
                # "Russia's Security Council", "the Belarusian Security Council": the
                # state's own body, not the UN's
                owner = mentions[-1]
                mention = Mention(start=span.start, end=span.end, actor_id=owner.acting_for,
                                  acting_for=owner.acting_for, state=owner.state,
                                  kind="institution")
            mentions.append(mention)
            kept.append(Span(doc, span.start, span.end, label=mention.acting_for))
        doc.spans[SPAN_KEY] = kept
        doc._.actor_mentions = mentions
        return doc

    def _national_body(self, mention: Mention, before: Mention, doc: Doc) -> bool:
        record = self.index.get(mention.actor_id)
        if record is None or record.type != "igo" or before.is_person:
            return False
        between = [t.text for t in doc[before.end:mention.start]]
        owner = self.index.get(before.acting_for)
        return owner is not None and owner.type == "state" and \
            between in ([], ["'s"], ["’s"], ["'"])

    def _resolve(self, span: Span, on: dt.date | None, context: set[str]) -> Mention | None:
        alias = self._aliases[self._by_key[span.label_][0]]
        if alias.needs_context and not context & {alias.needs_context, alias.actor_id}:
            return None
        if alias.kind in ("name", "capital") and _named_as_person(span):
            return None  # "Jordan" the player, "Chad" the man
        record = self.index.get(alias.actor_id)
        if record is None:
            return None
        acting_for = record.id
        if record.type == "person":
            acting_for = self.index.acts_for(record.id, on) or record.country or record.id
        target = self.index.get(acting_for)
        return Mention(start=span.start, end=span.end, actor_id=record.id,
                       acting_for=acting_for, state=_state_of(target, acting_for),
                       kind="person" if record.type == "person" else alias.kind)


def _state_of(record: ActorRecord | None, fallback: str) -> str:
    if record is None:
        return fallback
    if record.type == "state":
        return record.id
    return record.country or record.id


def _named_as_person(span: Span) -> bool:
    ents = [t.ent_type_ for t in span]
    return bool(ents) and all(e in _PERSON_LABELS for e in ents) and span.start > 0 and \
        span.doc[span.start - 1].is_title and span.doc[span.start - 1].ent_type_ == "PERSON"


def _doc_date(doc: Doc) -> dt.date | None:
    value = doc._.published if Doc.has_extension("published") else None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
