"""The transfer, stage and attribution vocabulary, loaded from data/lexicon.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from armswatch.errors import DataFileError
from armswatch.model import STATUSES

#: Sections of the file that are plain word lists, loaded as sets of lower-case words.
WORD_LISTS = ("request_verbs", "ongoing", "reporting", "denial", "claim_nouns", "falsity",
              "via_preps", "recipient_preps", "official_nouns",
              "anaphoric_goods", "materiel_modifiers", "prohibitions", "denied_acts",
              "labelling", "joined_words", "negating", "own_force_purposes", "force_stations",
              "offers", "asking_for_oneself", "request_nouns", "people_sent",
              "defending_verbs", "deal_enders")
#: Lists whose inflected forms the lemmatizer must recognise.
LEMMA_LISTS = ("request_verbs", "ongoing", "reporting", "denial", "claim_nouns",
               "prohibitions", "denied_acts", "labelling", "negating",
               "asking_for_oneself", "request_nouns", "defending_verbs", "deal_enders")
FRAMES = ("supply", "acquire", "arm", "deal", "rely", "use", "arrive", "seize", "request")


@dataclass(frozen=True)
class Trigger:
    """A word that can report a transfer."""

    lemma: str
    frame: str
    status: str
    needs_item: bool = False  # only a transfer when a weapon word is its argument
    item: bool = False  # the word itself names materiel ("aid")
    particle: str | None = None  # required with the verb: "pass on"
    needs_object: tuple[str, ...] = ()  # "take delivery"
    frame_without_recipient: str | None = None  # "flies J-10s" uses, "flew arms to X" supplies
    without_object: bool = False  # "signed for 24 jets"; "signed a contract" is the noun's
    needs_recipient: bool = False  # "building corvettes for Pakistan", not "building tanks"
    needs_supplier: bool = False  # "weighing China's J-10", not "weighing nuclear weapons"
    not_by_weapons: bool = False  # "a ship carried rifles", not "jets able to carry bombs"
    other_sense_prep: str | None = None  # with no object: "delivered on a promise"
    moves_forces: bool = False  # "moved jets into Belarus for exercises" is no transfer
    commands: bool = False  # with an infinitive it commands: "ordered the army to halt"
    goods_prep: str | None = None  # goods in a phrase: "removed Turkey from the F-35 programme"
    other_sense_items: tuple[str, ...] = ()  # goods that give another sense: "launched a frigate"
    verb_carries: bool = False  # with an infinitive, that verb is the act: "pledged to send"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    irregular: dict[str, str]
    stage_governors: dict[str, frozenset[str]]
    request_verbs: frozenset[str]
    ongoing: frozenset[str]
    negating: frozenset[str]
    offers: frozenset[str]
    asking_for_oneself: frozenset[str]
    reporting: frozenset[str]
    denial: frozenset[str]
    claim_nouns: frozenset[str]
    falsity: frozenset[str]
    via_preps: frozenset[str]
    recipient_preps: frozenset[str]
    official_nouns: frozenset[str]
    anaphoric_goods: frozenset[str]
    phrasal_stages: dict[str, str]
    prohibitions: frozenset[str]
    denied_acts: frozenset[str]
    labelling: frozenset[str]
    joined_words: frozenset[str]
    materiel_modifiers: frozenset[str]
    own_force_purposes: frozenset[str]
    force_stations: frozenset[str]
    request_nouns: frozenset[str]
    people_sent: frozenset[str]
    defending_verbs: frozenset[str]
    deal_enders: frozenset[str]
    known_words: frozenset[str]  # every governor, cue and claim word, for lemma lookup
    phrase_heads: frozenset[str] = frozenset()  # "letter" of "letter of intent"

    def governor_stage(self, lemma: str) -> str | None:
        for stage in ("cancelled", "negotiating", "agreed", "possible"):
            if lemma in self.stage_governors[stage]:
                return stage
        return None

    def lemma(self, word: str, pos: str) -> str:
        """Base form of `word` among the lexicon's words (no statistical lemmatizer needed)."""
        low = word.lower()
        if low in self.irregular:
            return self.irregular[low]
        known = self.verbs if pos in ("VERB", "AUX") else self.nouns
        for candidate in _candidates(low):
            if candidate in known or candidate in self.known_words:
                return candidate
        return low


def _candidates(low: str) -> list[str]:
    out = [low]
    if low.endswith("ies") and len(low) > 4:
        out.append(low[:-3] + "y")
    if low.endswith("ied") and len(low) > 4:
        out.append(low[:-3] + "y")
    if low.endswith("es"):
        out.append(low[:-2])
    if low.endswith("s"):
        out.append(low[:-1])
    for suffix in ("ing", "ed"):
        if low.endswith(suffix) and len(low) >= len(suffix) + 2:
            stem = low[: -len(suffix)]
            out.extend([stem, stem + "e"])
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out


def _triggers(raw: dict[str, Any], where: str) -> dict[str, Trigger]:
    out = {}
    for lemma, spec in raw.items():
        if spec.get("frame") not in FRAMES or spec.get("status") not in STATUSES:
            raise DataFileError(f"{where}: entry {lemma!r} needs a frame in {FRAMES} and a "
                                f"status in {STATUSES}")
        for key in ("particle", "other_sense_prep", "goods_prep"):
            if not isinstance(spec.get(key, ""), str):  # YAML reads a bare `on` as true
                raise DataFileError(f"{where}: entry {lemma!r}: `{key}` must be a quoted word")
        out[lemma] = Trigger(lemma=lemma, frame=spec["frame"], status=spec["status"],
                             needs_item=bool(spec.get("needs_item")), item=bool(spec.get("item")),
                             particle=spec.get("particle"),
                             needs_object=tuple(spec.get("needs_object") or ()),
                             frame_without_recipient=spec.get("frame_without_recipient"),
                             without_object=bool(spec.get("without_object")),
                             needs_recipient=bool(spec.get("needs_recipient")),
                             needs_supplier=bool(spec.get("needs_supplier")),
                             not_by_weapons=bool(spec.get("not_by_weapons")),
                             other_sense_prep=spec.get("other_sense_prep"),
                             moves_forces=bool(spec.get("moves_forces")),
                             commands=bool(spec.get("commands")),
                             goods_prep=spec.get("goods_prep"),
                             other_sense_items=tuple(spec.get("other_sense_items") or ()),
                             verb_carries=bool(spec.get("verb_carries")))
    return out


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> Lexicon:
    if path is None:
        source = resources.files("armswatch") / "data" / "lexicon.yaml"
        where, text = "armswatch/data/lexicon.yaml", source.read_text(encoding="utf-8")
    else:
        where, text = str(path), Path(path).read_text(encoding="utf-8")
    try:
        raw = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as err:
        raise DataFileError(f"{where}: invalid YAML ({err})") from None
    required = ("verbs", "nouns", "irregular", "stage_governors", "phrasal_stages",
                *WORD_LISTS)
    missing = [key for key in required if key not in raw]
    if missing:
        raise DataFileError(f"{where}: missing sections {missing}")
    stages = raw["stage_governors"]
    if set(stages) != {"negotiating", "agreed", "cancelled", "possible"}:
        raise DataFileError(f"{where}: stage_governors must list negotiating, agreed, "
                            "cancelled and possible")
    lists = {key: frozenset(str(w).lower() for w in raw[key]) for key in WORD_LISTS}
    governors = {k: frozenset(str(w).lower() for w in v) for k, v in stages.items()}
    phrasal_heads = frozenset(str(k).split()[0] for k in raw["phrasal_stages"])
    known = frozenset().union(*governors.values(), phrasal_heads,
                              *(lists[k] for k in LEMMA_LISTS))
    nouns = _triggers(raw["nouns"], where)
    return Lexicon(
        verbs=_triggers(raw["verbs"], where),
        nouns=nouns,
        phrase_heads=frozenset(key.split()[0] for key in nouns if " " in key),
        irregular={str(k).lower(): str(v) for k, v in raw["irregular"].items()},
        stage_governors=governors,
        phrasal_stages={str(k).lower(): str(v) for k, v in raw["phrasal_stages"].items()},
        known_words=known,
        **lists,
    )
