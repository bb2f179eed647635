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
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from armswatch.knowledge.actors import ActorIndex, ActorRecord, Alias, load_actor_index

SPAN_KEY = "actors"
NOT_ACTOR = "NOT_ACTOR"
#: Country names that NER calls a person or that are common words in other senses.
_PERSON_LABELS = ("PERSON",)


#: What ends a dateline's place name: "MOSCOW -", "KYIV, Ukraine", "BEIRUT (Reuters)".
DATELINE_ENDS = frozenset(["-", "—", "–", ",", "(", ":"])


@dataclass(frozen=True)
class Mention:
    """One actor mention: token range, the actor meant, and the state level behind it."""

    start: int
    end: int
    actor_id: str  # the actor the words name (a person id for people)
    acting_for: str  # the state, group or body it stands for in a transfer
    state: str  # state level of `acting_for`
    kind: str  # name|adjective|capital|seat|institution|acronym|region|person|org|media

    @property
    def is_person(self) -> bool:
        return self.kind == "person"

    @property
    def speaks_for_body(self) -> bool:
        """A person the report introduces beside the body they speak for: a stand-in."""
        return self.kind == "person" and self.actor_id == self.acting_for


#: Words that turn a place name into where something is: "Beirut-based", "Liberian-flagged".
PLACE_SUFFIXES = frozenset(["based", "headquartered", "registered", "flagged", "listed"])


def _place_modifier(span: Span) -> bool:
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and \
        doc[span.end + 1].lower_ in PLACE_SUFFIXES


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
            forms = [text] + (["The" + text[3:]] if text.startswith("the ") else [])
            self.matcher.add(key, [nlp.make_doc(form) for form in forms])  # sentence-initial
        self.matcher.add(NOT_ACTOR, [nlp.make_doc(text) for text in self.index.not_actors])
        for attr in ("actor_mentions", "published", "dateline"):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)

    def __call__(self, doc: Doc) -> Doc:
        on = _doc_date(doc)
        spans = []
        shadows = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            (shadows if key == NOT_ACTOR else spans).append(Span(doc, start, end, label=key))
        # "Latin America": a place name longer than the state name inside it hides it
        spans = [span for span in spans if not any(
            s.start <= span.start and span.end <= s.end and len(s) > len(span) for s in shadows)]
        mentions: list[Mention] = []
        context = {self._alias(span).actor_id for span in spans
                   if self._alias(span).needs_context is None}
        # "the South African ...": a region that needs context loses to a plain name
        plain = [span for span in spans if self._alias(span).needs_context is None]
        candidates = filter_spans([
            span for span in spans if self._alias(span).needs_context is None or not any(
                other.start < span.end and span.start < other.end for other in plain)])
        for span in candidates:
            if _place_modifier(span):
                continue  # "the Beirut-based Tactical Report": where, not who
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
        mentions = defined_acronyms(doc, mentions)
        mentions = sorted(mentions + introduced_people(doc, mentions), key=lambda m: m.start)
        kept = [Span(doc, m.start, m.end, label=m.acting_for) for m in mentions]
        doc.spans[SPAN_KEY] = kept
        doc._.actor_mentions = mentions
        doc._.dateline = self._dateline(doc)
        return doc

    def _dateline(self, doc: Doc) -> Mention | None:
        """"MOSCOW -", "KYIV, Ukraine (AP) -": the capital a report is filed from, in
        capitals before a dash, comma or parenthesis at its start."""
        words = []
        for token in doc[:5]:
            if token.text in DATELINE_ENDS:
                break
            if not (token.is_upper and token.is_alpha):
                return None
            words.append(token)
        else:
            return None
        if not words:
            return None
        record = self.index.find(" ".join(t.text for t in words))
        if record is None or record.type != "state" or len(words[0].text) < 4:
            return None  # "US" or "UAE" open a headline, not a dateline
        return Mention(start=words[0].i, end=words[-1].i + 1, actor_id=record.id,
                       acting_for=record.id, state=record.id, kind="capital")

    def _alias(self, span: Span) -> Alias:
        return self._aliases[self._by_key[span.label_][0]]

    def _national_body(self, mention: Mention, before: Mention, doc: Doc) -> bool:
        """"Russia's Security Council", "Pakistan's Foreign Office": a body named after
        another state's possessive is that state's own, not the UN's or Britain's."""
        record = self.index.get(mention.actor_id)
        if record is None or before.is_person:
            return False
        if record.type != "igo" and not (
                mention.kind in ("institution", "seat") and before.state != mention.state):
            return False
        between = [t.text for t in doc[before.end:mention.start]]
        owner = self.index.get(before.acting_for)
        return owner is not None and owner.type == "state" and \
            between in ([], ["'s"], ["’s"], ["'"])

    def _resolve(self, span: Span, on: dt.date | None, context: set[str]) -> Mention | None:
        alias = self._alias(span)
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
                       kind=record.type if record.type in ("person", "media") else alias.kind)


def defined_acronyms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"the Philippine Air Force (PAF)": an acronym the report defines stands, from then
    on, for the actor its full name contains, even when the same letters name something
    else ("Conflict Armament Research (CAR)" is not the Central African Republic). Returns
    the mentions with those acronyms resolved."""
    defined: dict[str, tuple[int, Mention]] = {}
    for token in doc:
        if _is_acronym(token) and token.i >= 2 and doc[token.i - 1].text == "(" and \
                token.i + 1 < len(doc) and doc[token.i + 1].text == ")" and \
                token.text not in defined:
            owner = _named_owner(doc, token.i - 1, token.text, mentions)
            if owner is not None:
                defined[token.text] = (token.i, owner)
    if not defined:
        return mentions
    at = {m.start: m for m in mentions}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = [m for m in mentions if not _redefined(m, doc, defined)]
    for token in doc:
        since, owner = defined.get(token.text, (len(doc), None))
        if owner is None or token.i < since or token.i in taken and \
                not _redefined(at.get(token.i), doc, defined):
            continue
        out.append(Mention(start=token.i, end=token.i + 1, actor_id=owner.acting_for,
                           acting_for=owner.acting_for, state=owner.state, kind="institution"))
    return sorted(out, key=lambda m: m.start)


def _redefined(mention: Mention | None, doc: Doc, defined: dict[str, tuple[int, Mention]]
               ) -> bool:
    if mention is None or mention.end - mention.start != 1:
        return False
    since, owner = defined.get(doc[mention.start].text, (len(doc), None))
    return owner is not None and mention.start >= since and \
        mention.acting_for != owner.acting_for and _whole_name(owner, doc, since)


def _whole_name(owner: Mention, doc: Doc, acronym: int) -> bool:
    """The actor's mention is the whole name the acronym abbreviates ("Conflict Armament
    Research (CAR)"), not one word of it ("... Republic of Korea (DPRK)")."""
    return owner.end == acronym - 1 and owner.start <= acronym - 1 - len(doc[acronym].text)


def introduced_people(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Tom Andrews, the U.N. special rapporteur on Myanmar": a person the knowledge base
    does not know, introduced beside the body or state they speak for, speaks for it
    here and wherever the report names them again ("Andrews told reporters")."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    introduced: dict[str, Mention] = {}
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(i in taken for i in range(ent.start, ent.end)):
            continue
        surname = ent[-1].text
        known = introduced.get(ent.text) or introduced.get(surname)
        owner = known or _described_owner(ent, mentions)
        if owner is None:
            continue
        found.append(Mention(start=ent.start, end=ent.end, actor_id=owner.acting_for,
                             acting_for=owner.acting_for, state=owner.state, kind="person"))
        introduced.setdefault(ent.text, owner)
        introduced.setdefault(surname, owner)
    return found


def _described_owner(ent: Span, mentions: list[Mention]) -> Mention | None:
    """The body or state in the apposition describing a person ("X, the UN rapporteur";
    "Iran's envoy, X")."""
    root = ent.root
    phrases = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        described = root.head
        while described.dep_ == "pobj" and described.head.head != described.head:
            described = described.head.head  # "Ukraine's ambassador to Canada, X"
        phrases.append(described)
    for phrase in phrases:
        tokens = {t.i for t in phrase.subtree} - {t.i for t in ent}
        if phrase.i < ent.start:  # the noun the name stands beside, not its other parts
            tokens = {t.i for t in phrase.subtree if t.i < ent.start}
        inside = [m for m in mentions if m.start in tokens and not m.is_person and
                  m.kind != "media"]
        if inside:
            return inside[0]
    return None


def _is_acronym(token: Token) -> bool:
    letters = token.text.replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalnum() and letters.isupper()


def _named_owner(doc: Doc, paren: int, acronym: str, mentions: list[Mention]) -> Mention | None:
    """The actor inside the capitalised name just before "(", when the acronym's letters
    are drawn, in order, from that name's initials."""
    start = paren
    while start > 0 and _in_name(doc[start - 1]):
        start -= 1
    words = [t.text for t in doc[start:paren] if t.text[:1].isupper() and t.lower_ != "the"]
    if len(words) < 2 or not _initials_match(acronym, words):
        return None
    inside = [m for m in mentions if start <= m.start and m.end <= paren and not m.is_person]
    return inside[-1] if inside else None


_NAME_LINKS = ("of", "for", "and", "the", "&", "'s", "’s")


def _in_name(token: Token) -> bool:
    return token.is_title or token.is_upper or token.lower_ in _NAME_LINKS


def _initials_match(acronym: str, words: list[str]) -> bool:
    initials = "".join(w[0] for w in words).upper()
    letters = [c for c in acronym.upper() if c.isalpha()]
    if not letters or letters[0] != initials[0]:
        return False
    position = 0
    for letter in letters:
        position = initials.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


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
