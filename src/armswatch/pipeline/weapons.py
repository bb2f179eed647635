"""Weapon words: mark materiel mentions with their item category (data/weapons.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from armswatch.errors import DataFileError
from armswatch.model import ITEM_CATEGORIES

SPAN_KEY = "weapons"
#: A designation with a variant suffix: "Su-30MKA" is a Su-30, "K9A1" a K9.
VARIANT = re.compile(r"^([A-Za-z]{1,4}-?\d{1,3})([A-Z]{1,4}\d?)s?$")


@dataclass(frozen=True)
class WeaponTerm:
    text: str
    category: str
    exact_case: bool
    blocked_by_previous: frozenset[str]  # "fuel" before "tanks" (the data's `not_after`)
    blocked_by_next: frozenset[str]  # words right after the term that block it
    origin: str | None = None  # ISO3 of the state whose industry makes a named system
    system: str = ""  # a named system's main spelling, shared by its variants


@lru_cache(maxsize=2)
def load_weapon_terms() -> tuple[WeaponTerm, ...]:
    where = "armswatch/data/weapons.yaml"
    raw = yaml.load((resources.files("armswatch") / "data" / "weapons.yaml")
                    .read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    # a form with several readings may be any of several makers' systems: no origin
    ambiguous = {str(entry["text"]) for entry in raw.get("ambiguous", [])}
    terms = []
    for entry in raw.get("terms", []):
        category = entry.get("category")
        if category not in ITEM_CATEGORIES:
            raise DataFileError(f"{where}: term {entry.get('text')!r} has unknown category "
                                f"{category!r}")
        previous, following = _words(entry.get("not_after")), _words(entry.get("not_before"))
        exact = entry.get("case") == "exact"
        origin = entry.get("origin")
        system = str(entry["text"]) if entry.get("kind") == "system" else ""
        for text in [entry["text"], *(entry.get("also") or [])]:
            made_by = None if str(text) in ambiguous else origin
            terms.append(WeaponTerm(str(text), category, exact, previous, following, made_by,
                                    system))
            if _is_system_name(str(text)):  # "two F-16s", "the Kfirs"
                terms.append(WeaponTerm(f"{text}s", category, exact, previous, following,
                                        made_by, system))
    return tuple(terms)


def _is_system_name(text: str) -> bool:
    return any(c.isupper() for c in text) and not text.endswith(("s", "S")) and \
        text[-1].isalnum()


def _words(value: object) -> frozenset[str]:
    if not value:
        return frozenset()
    if isinstance(value, str):
        return frozenset([value.lower()])
    return frozenset(str(v).lower() for v in value)  # type: ignore[union-attr]


class WeaponMarker:
    """spaCy component: ``doc.spans["weapons"]`` with the item category as label and, for
    a named system, its main spelling as ``kb_id``."""

    def __init__(self, nlp: Language, name: str = "armswatch_weapons") -> None:
        self.name = name
        self.terms = load_weapon_terms()
        if not Doc.has_extension("item_origins"):
            Doc.set_extension("item_origins", default=None)
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._by_key: dict[str, WeaponTerm] = {}
        # a system's designation, for variants the data does not list
        self._designations = {term.text.lower(): term for term in self.terms
                              if term.system == term.text and VARIANT.match(term.text + "X")}
        for number, term in enumerate(self.terms):
            key = f"W{number}"
            self._by_key[key] = term
            matcher = self.exact if term.exact_case else self.lower
            matcher.add(key, [nlp.make_doc(term.text)])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        origins: dict[int, str] = {}
        for matcher in (self.lower, self.exact):
            for match_id, start, end in matcher(doc):
                term = self._by_key[doc.vocab.strings[match_id]]
                if self._blocked(doc, start, end, term):
                    continue
                spans.append(Span(doc, start, end, label=term.category, kb_id=term.system))
                if term.origin:
                    origins.update({i: term.origin for i in range(start, end)})
        covered = {i for span in spans for i in range(span.start, span.end)}
        for token in doc:
            term = None if token.i in covered else self._variant_of(token.text)
            if term is not None:
                spans.append(Span(doc, token.i, token.i + 1, label=term.category,
                                  kb_id=term.system))
                if term.origin:
                    origins[token.i] = term.origin
        doc.spans[SPAN_KEY] = filter_spans(spans)
        doc._.item_origins = origins
        return doc

    def _variant_of(self, text: str) -> WeaponTerm | None:
        """"Su-30MKA": the system whose designation the word extends."""
        match = VARIANT.match(text)
        return self._designations.get(match.group(1).lower()) if match else None

    @staticmethod
    def _blocked(doc: Doc, start: int, end: int, term: WeaponTerm) -> bool:
        before = doc[start - 1].lower_ if start > 0 else ""
        after = doc[end].lower_ if end < len(doc) else ""
        return before in term.blocked_by_previous or after in term.blocked_by_next
