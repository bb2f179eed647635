"""spaCy factories for armswatch's stages, so they can be added to any English `nlp`:

    nlp.add_pipe("armswatch_actors")
    nlp.add_pipe("armswatch_weapons")
    nlp.add_pipe("armswatch_transfers")
    nlp.add_pipe("armswatch_claims")

They need a tagger and a dependency parser before them; `armswatch_paragraphs` goes
before the parser so that no sentence runs across a line break.
"""


from spacy.language import Language
from spacy.tokens import Doc

from armswatch.pipeline.actors import ActorResolver
from armswatch.pipeline.claims import ClaimClassifier
from armswatch.pipeline.transfers import TransferFinder
from armswatch.pipeline.weapons import WeaponMarker


@Language.component("armswatch_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never merge."""
    starts = [0]
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
            starts.append(token.i)
    for start in starts:  # "JUBA (3 Jun.) - Weapons ...": the story starts after the dash
        end = _dateline_end(doc, start)
        if end is not None:
            doc[end].is_sent_start = True
    return doc


DATELINE_DASHES = frozenset(["-", "--", "—", "–"])


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The first token after a dateline ("MOSCOW, Nov 14 (Reuters) -") that opens a
    paragraph: an upper-case place, then only capitalised words, numbers and a
    parenthesis before the dash."""
    if start >= len(doc) or not (doc[start].is_upper and doc[start].is_alpha
                                 and len(doc[start]) > 1):
        return None
    depth = 0
    for token in doc[start + 1:start + 14]:
        if "\n" in token.text:
            return None
        if token.text in DATELINE_DASHES and depth == 0:
            following = token.i + 1
            return following if following < len(doc) and doc[following].is_title else None
        depth += (token.text == "(") - (token.text == ")")
        if depth == 0 and token.is_alpha and token.text[0].islower():
            return None
    return None


@Language.factory("armswatch_actors", requires=["token.ent_type"],
                  assigns=["doc.spans", "doc._.actor_mentions"])
def make_actor_resolver(nlp: Language, name: str) -> ActorResolver:
    return ActorResolver(nlp, name)


@Language.factory("armswatch_weapons", assigns=["doc.spans"])
def make_weapon_marker(nlp: Language, name: str) -> WeaponMarker:
    return WeaponMarker(nlp, name)


@Language.factory("armswatch_transfers", requires=["token.dep", "doc._.actor_mentions"],
                  assigns=["doc._.transfer_mentions"])
def make_transfer_finder(nlp: Language, name: str) -> TransferFinder:
    return TransferFinder(nlp, name)


@Language.factory("armswatch_claims", requires=["doc._.transfer_mentions"],
                  assigns=["doc._.denial_mentions"])
def make_claim_classifier(nlp: Language, name: str) -> ClaimClassifier:
    return ClaimClassifier(nlp, name)
