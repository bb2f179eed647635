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
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc


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
