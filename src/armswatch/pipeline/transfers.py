"""Stage 4, find transfers: words of supplying and acquiring, and who fills which role.

For every transfer word (verb or noun, data/lexicon.yaml) the dependency parse gives the
supplier, the recipient, the route and the materiel: active and passive clauses,
"to/from/via/through" phrases, coordination, relative clauses and nominal phrases such as
"the delivery of Iranian drones to Russia". The result is ``doc._.transfer_mentions``; the
claim stage then adds the stage, stance and source of each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from armswatch.pipeline import weapons
from armswatch.pipeline.actors import Mention
from armswatch.pipeline.lexicon import Lexicon, Trigger, load_lexicon
from armswatch.pipeline.syntax import (
    GROUP_NOUNS,
    LOCATED_GROUPS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    MentionIndex,
    children,
    conjuncts,
    described_noun,
    doc_text,
    holder_of,
    is_negated,
    phrase_actors,
    prep_objects,
    reduced_relative,
    sentences_back,
    subject_of,
    subjects_above,
)

ORIGIN_MODIFIERS = ("amod", "compound", "nmod", "npadvmod", "poss")
#: Nouns for the supplier itself: their owner is the recipient.
ROLE_NOUNS = frozenset(["supplier", "provider", "exporter", "source"])
#: The other side's role: "the biggest buyer of American weapons".
BUYER_NOUNS = frozenset(["customer", "buyer", "importer", "client"])
#: Particles that turn a transfer verb into another verb.
OTHER_SENSE_PARTICLES = frozenset(["out", "up", "part", "off", "back", "down"])
FIRST_PERSON = frozenset(["we", "i"])
#: Verbs that conclude a deal with the party their "with" phrase names.
SIGNING_VERBS = frozenset(["sign", "ink", "seal", "conclude", "finalise", "finalize", "agree"])
#: Verbs whose subjects are the two sides of the deal they govern.
DEAL_MAKING_VERBS = SIGNING_VERBS | {"discuss", "negotiate"}
#: Adjectives that name suppliers as a crowd, not as one actor ("Western deliveries").
VAGUE_SUPPLIERS = frozenset(["western", "foreign", "allied", "international", "overseas"])
#: Definite descriptions that stand for the state named just before ("the government").
STATE_BODIES = frozenset(["government", "administration", "junta", "regime", "military",
                          "authorities", "ministry", "army", "cabinet", "parliament", "navy"])
#: The preposition that names whom a dependent relies on: "relies on", "turned to".
RELY_PREPS = defaultdict(lambda: {"on", "upon"}, {"turn": {"to"}})
#: Packing that stands for the goods it holds.
CONTAINER_NOUNS = frozenset(["container", "containers", "crate", "crates", "cargo", "cargoes",
                             "pallets", "boxes"])
#: Nouns for a part of the goods, not goods of their own.
SHARE_NOUNS = frozenset(["percent", "per", "cent", "%", "share", "proportion", "part", "bulk",
                         "majority", "half", "third", "quarter", "fifth", "portion", "fraction",
                         "total", "most", "much", "some", "all", "rest"])
#: Clauses below a verb that report events of their own.
OWN_CLAUSES = frozenset(["advcl", "ccomp", "parataxis", "relcl"])
#: Words that price the goods; the parser may hang the recipient on them.
PRICE_WORDS = frozenset(["worth", "valued", "totalling", "totaling", "costing"])
#: Vessels and vehicles a seizure names in place of the arms they carry.
CARRIER_NOUNS = frozenset(["dhow", "dhows", "ship", "ships", "vessel", "vessels", "boat",
                           "boats", "trawler", "freighter", "container", "containers",
                           "truck", "trucks", "plane", "aircraft", "cargo", "shipment"])
#: "Ukraine's allies", "Kyiv's backers": those who supply the possessor.
BACKER_NOUNS = frozenset(["allies", "partners", "backers", "supporters", "donors", "friends",
                          "suppliers", "sponsors"])
USING_VERBS = frozenset(["fly", "use", "operate", "fire", "launch", "deploy", "field"])
#: Prepositions inside a noun phrase that still describe the goods ("shells of 152mm",
#: "jets with radars", "drones such as the Shahed", "weapons from Iran").
GOODS_PREPS = frozenset(["of", "with", "including", "like", "as", "from", "such"])
DESIGN_WORDS = frozenset(["designed", "style", "type", "pattern", "based", "inspired",
                          "derived", "like", "era", "vintage", "licensed"])
MAKER_VERBS = frozenset(["made", "built", "produced", "manufactured", "designed", "developed"])
#: Verbs by which a package names its contents and a role its holders: "a package that
#: included F-35 jets", "its customers include Qatar".
CONTAINING_VERBS = frozenset(["include", "includes", "included", "including", "contain",
                              "contains", "contained", "comprise", "comprises", "comprised"])


@dataclass
class TransferMention:
    """One report of a transfer in one sentence, before merging across the document."""

    trigger: int  # token index of the transfer word
    lemma: str
    frame: str
    base_status: str
    sentence: tuple[int, int]  # character offsets of the sentence
    suppliers: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    via: list[Mention] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    directed: bool = True  # False: parties of a deal whose direction the words do not give
    describes_goods: bool = False  # a clause on the goods ("jets it promised", "ordered in 2021")
    goods_named_before: bool = False  # "launched the drones": their supplier is named earlier
    vague_supplier: bool = False  # "Western deliveries": a supplier named, but no one actor
    halts: int | None = None  # "shelved the deal": the trigger of the earlier deal it names
    # set by the claim stage
    status: str = ""
    stance: str = "asserts"
    source: Mention | None = None
    also_sources: list[Mention] = field(default_factory=list)
    cue: str | None = None
    cue_token: int | None = None


class TransferFinder:
    """spaCy component: sets ``doc._.transfer_mentions``."""

    def __init__(self, nlp: Language, name: str = "armswatch_transfers") -> None:
        self.name = name
        self.lexicon = load_lexicon()
        if not Doc.has_extension("transfer_mentions"):
            Doc.set_extension("transfer_mentions", default=None)

    def __call__(self, doc: Doc) -> Doc:
        # news outlets report transfers, they are never parties ("NEW DELHI (AP) - India ...")
        index = MentionIndex(doc, [m for m in doc._.actor_mentions or [] if m.kind != "media"])
        items_at = _item_index(doc)
        found: list[TransferMention] = []
        for sent in doc.sents:
            if _kicker(sent):
                continue  # "SLOVAKIA SENDS S-300 --": the item after it says it in full
            in_sentence = find_in_sentence(sent, index, items_at, self.lexicon)
            halted = _halted_earlier_deal(sent, found, in_sentence, index, self.lexicon)
            found.extend(in_sentence + halted)
        doc._.transfer_mentions = found
        return doc


#: Nouns that name one deal: "the deal", "the purchase", "its order".
DEAL_NOUNS = frozenset(["deal", "contract", "sale", "purchase", "order", "agreement",
                        "acquisition"])
#: How many sentences back "the deal" looks for the deal it names.
DEAL_REACH = 3


def _halted_earlier_deal(sent: Span, earlier: list[TransferMention],
                         in_sentence: list[TransferMention], index: MentionIndex,
                         lexicon: Lexicon) -> list[TransferMention]:
    """"Egypt ordered Su-35s from Russia. Cairo later shelved the deal": a deal noun with
    no party of its own, halted, is the last deal reported in the sentences just before."""
    covered = {m.trigger for m in in_sentence}
    out = []
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.i in covered:
            continue  # cheap tests first: this runs on every token of every report
        lemma = lexicon.lemma(noun.text, "NOUN")
        trig = lexicon.nouns.get(lemma)
        if trig is None or lemma not in DEAL_NOUNS or not _definite(noun) or \
                index.in_tokens(list(noun.subtree)) or not _halted_by_head(noun, lexicon):
            continue
        reach = sentences_back(sent, DEAL_REACH)
        antecedent = next((m for m in reversed(earlier)
                           if m.suppliers and m.recipients and m.sentence[0] >= reach and
                           (m.base_status in ("agreed", "negotiating") or
                            m.lemma in PURCHASE_WORDS)), None)
        if antecedent is None:
            continue
        out.append(TransferMention(trigger=noun.i, lemma=trig.lemma, frame=antecedent.frame,
                                   base_status=trig.status,
                                   sentence=(sent.start_char, sent.end_char),
                                   suppliers=list(antecedent.suppliers),
                                   recipients=list(antecedent.recipients),
                                   items=list(antecedent.items), halts=antecedent.trigger))
    return out


#: A purchase is a deal even where the word itself says "delivered" ("agreed to buy").
PURCHASE_WORDS = frozenset(["buy", "purchase", "order", "acquire"])


def _definite(noun: Token) -> bool:
    """"the deal", "that purchase", "its order"."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "that", "this", "its", "their")
               for c in noun.children)


def _halted_by_head(noun: Token, lexicon: Lexicon) -> bool:
    """The noun is what a halting verb acts on: "shelved the deal", "the purchase was
    cancelled", "the deal collapsed"."""
    if noun.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return False
    verb = noun.head
    if verb.dep_ in ("xcomp", "advcl", "acl", "relcl") or is_negated(verb):
        return False  # "a campaign to stop the purchase", "did not cancel the deal"
    particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "prep")
                 and not list(c.children)]
    lemma = lexicon.lemma(verb.text, "VERB")
    return lemma in lexicon.deal_enders or \
        any(f"{lemma} {p}" in lexicon.deal_enders for p in particles)


def _item_index(doc: Doc) -> dict[int, str]:
    out = {}
    for span in doc.spans.get(weapons.SPAN_KEY, []):
        for i in range(span.start, span.end):
            out[i] = span.label_
    return out


def trigger_for(token: Token, lexicon: Lexicon) -> Trigger | None:
    if token.pos_ == "VERB" or token.pos_ == "AUX" and token.dep_ != "aux":
        lemma = lexicon.lemma(token.text, "VERB")
        # the particle, or the word right after the verb ("turned over 5,000 rifles" may
        # hang "over" on the number)
        after = [token.doc[token.i + 1]] if token.i + 1 < len(token.doc) else []
        phrasal = next((lexicon.verbs[f"{lemma} {c.lower_}"] for c in [*token.children, *after]
                        if (c.dep_ == "prt" or c in after and c.pos_ in ("ADP", "ADV", "PART"))
                        and f"{lemma} {c.lower_}" in lexicon.verbs), None)
        if phrasal is not None:  # "turned over rifles to the army"
            return phrasal
        trig = lexicon.verbs.get(lemma)
        if trig and any(c.dep_ in ("prt", "advmod") and c.lower_ != trig.particle and
                        lexicon.phrasal_stages.get(f"{lemma} {c.lower_}", "delivered") !=
                        "delivered" for c in token.children):
            return None  # "move forward with the transfer" sets its stage, it moves nothing
        if trig and any(c.dep_ == "prt" and c.lower_ in OTHER_SENSE_PARTICLES and
                        c.lower_ != trig.particle and not _up_to_amount(c)
                        for c in token.children):
            return None  # "carried out a maneuver", "gave up", "took part"
        if trig and trig.frame == "request" and _asks_a_question(token):
            return None  # "asked whether Russian units used Iranian drones"
        if trig and trig.particle and not any(c.lower_ == trig.particle and
                                              c.dep_ in ("prt", "advmod", "prep")
                                              for c in token.children):
            return None  # "pass on" supplies, "passed through the country" does not
        if trig and trig.frame == "supply" and _weapon_given_something(token):
            return None  # "gave the drone a new name": the weapon is what gets something
        if trig and trig.other_sense_prep and not children(token, *OBJECTS) and any(
                c.dep_ == "prep" and c.lower_ == trig.other_sense_prep for c in token.children):
            return None  # "Riyadh has delivered on what we asked": kept its word
        if trig and trig.moves_forces and any(
                o.lower_ in lexicon.own_force_purposes for _, o in prep_objects(token, {"for"})):
            return None  # "moved S-400 batteries into Belarus for joint exercises"
        if trig and trig.moves_forces and any(
                o.lower_ in lexicon.force_stations for _, o in prep_objects(token, {"to", "into"})):
            return None  # "moved fighter jets to Turkey's Incirlik air base"
        if trig and trig.commands and children(token, "xcomp"):
            return None  # "a court ordered the government to halt exports"
        if trig and trig.verb_carries and children(token, "xcomp"):
            return None  # "pledged to keep supporting Moscow's war": the infinitive is the act
        if trig and trig.not_by_weapons and _weapon_as_carrier(token):
            return None  # "jets refitted to carry nuclear weapons" is what they can do
        if trig and (trig.frame == "use" or trig.needs_recipient) and token.dep_ == "amod":
            return None  # "used F-16s", "refurbished tanks" describe the weapon
        if trig and trig.without_object and children(token, *OBJECTS):
            return None
        if trig and trig.needs_object:
            objects = [c.lower_ for c in children(token, *OBJECTS)]
            if not any(lexicon.lemma(o, "NOUN") in trig.needs_object for o in objects):
                return None
        return trig
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
        lemma = lexicon.lemma(token.text, "NOUN")
        if lemma not in lexicon.phrase_heads:
            return lexicon.nouns.get(lemma)
        # "a letter of intent for 24 Typhoons": the phrase is the word
        return next((lexicon.nouns[key] for _, obj in prep_objects(token, {"of"})
                     if (key := f"{lemma} of {obj.lower_}") in lexicon.nouns),
                    lexicon.nouns.get(lemma))
    if token.pos_ == "NOUN" and token.dep_ == "compound" and token.head.pos_ == "NOUN":
        return None
    return None


def _gapped_suppliers(verb: Token, index: MentionIndex) -> list[Mention]:
    """"Poland has sent 14 Leopards to Ukraine, Canada eight and Spain six": the states
    that follow with only a number repeat the verb as suppliers."""
    out = []
    for token in verb.doc[verb.i + 1:verb.sent.end]:
        mention = index.at(token)
        if mention is None or token.dep_ not in ("appos", "conj") or \
                not any(c.dep_ == "nummod" and c.like_num for c in token.children):
            continue
        if verb in token.ancestors:
            out.append(mention)
    return out


def _up_to_amount(word: Token) -> bool:
    """"pledged up to ten tanks": "up" opens an amount, it is no particle."""
    doc = word.doc
    return word.lower_ == "up" and word.i + 2 < len(doc) and doc[word.i + 1].lower_ == "to" \
        and doc[word.i + 2].like_num


def _weapon_as_carrier(verb: Token) -> bool:
    """What carries is a combat aircraft or a missile, not a transport: the object that
    controls the infinitive ("refit jets to carry"), the noun a clause describes
    ("missiles that carry warheads"), else the subject."""
    if verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(
            c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)):
        return False  # "missiles carried by the dhow": what is carried, not what carries
    objects = [o for v in (verb.head, *(c for c in verb.head.children if c.dep_ == "xcomp"
                                        and c.i < verb.i)) for o in children(v, *OBJECTS)] \
        if verb.dep_ == "xcomp" else []  # "help refit jets to carry": the jets carry
    if objects:
        carrier: Token | None = objects[0]
    elif verb.dep_ in ("relcl", "acl"):
        carrier = verb.head
    else:
        carrier = subject_of(verb) or _capable_noun(verb)
    if carrier is None or carrier.lower_ in CARRIER_NOUNS:
        return False
    return any(span.start <= carrier.i < span.end and span.label_ in ("aircraft", "missiles")
               for span in verb.doc.spans.get(weapons.SPAN_KEY, []))


def _weapon_given_something(verb: Token) -> bool:
    """"gave the drone a new name": the indirect object is a weapon, the thing given not."""
    spans = verb.doc.spans.get(weapons.SPAN_KEY, [])

    def is_weapon(token: Token) -> bool:
        return any(span.start <= token.i < span.end for span in spans)

    receivers = children(verb, "dative")
    # the parser may hang what is given on the receiver ("the drone a new name")
    given = children(verb, "dobj") + [a for r in receivers for a in children(r, "appos")]
    return bool(receivers and given) and all(is_weapon(r) for r in receivers) and \
        not any(is_weapon(g) for g in given)


def _capable_noun(verb: Token) -> Token | None:
    """The noun an ability is said of: "a drone capable of carrying munitions", "a
    missile able to carry warheads"."""
    for above in list(verb.ancestors)[:3]:
        if above.pos_ in ("NOUN", "PROPN"):
            return above
        if above.pos_ in ("VERB", "AUX"):
            return subject_of(above)
    return None


def _asks_a_question(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" and any(
        g.lower_ in ("whether", "if", "why", "how", "what", "when") for g in c.children)
        for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ == "about" for c in verb.children)


def _kicker(sent: Span) -> bool:
    """An upper-case label that opens a digest item and ends in a dash."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 2 and all(t.is_upper for t in words) and \
        sent[-1].text in ("-", "--", "—", "–")


def find_in_sentence(sent: Span, index: MentionIndex, items_at: dict[int, str],
                     lexicon: Lexicon) -> list[TransferMention]:
    found: list[TransferMention] = []
    verb_objects: set[int] = set()
    for token in sent:
        trig = trigger_for(token, lexicon)
        if trig is None:
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.i in verb_objects:
            continue  # "took delivery of", "sent a shipment": the verb speaks for both
        if token.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "acl" and c.tag_ == "VB" and (clause := trigger_for(c, lexicon))
                is not None and clause.frame == "supply" for c in token.children):
            continue  # "requests by Estonia to transfer missiles": the clause is the transfer
        mention = _roles(token, trig, index, items_at, lexicon, sent)
        if mention is None:
            continue
        if token.pos_ == "VERB":
            clauses = {t.i for c in token.children if c.dep_ in OWN_CLAUSES or
                       c.dep_ == "conj" and children(c, "nsubj", "nsubjpass")
                       for t in c.subtree}  # "..., and Petro suspended arms purchases"
            verb_objects.update(c.i for c in token.subtree if c.pos_ == "NOUN" and
                                c.i not in clauses and
                                not _behind_recipient_prep(c, token, lexicon))
        found.append(mention)
    _share_with_conjuncts(found, sent.doc)
    found.extend(_arrivals_of_ordered_goods(found, sent, lexicon))
    covered = {m.trigger for m in found} | verb_objects
    found.extend(m for token in sent if token.i not in covered
                 if (m := _owned_foreign_goods(token, index, items_at, sent)) is not None)
    return found


def _behind_recipient_prep(noun: Token, verb: Token, lexicon: Lexicon) -> bool:
    """"gave its approval to the sale of jets": a transfer noun behind "to" is a transfer
    of its own, not the verb's goods."""
    for above in (noun, *noun.ancestors):
        if above == verb:
            return False
        if above.dep_ in ("prep", "dative") and above.lower_ in lexicon.recipient_preps:
            return True
    return False


def _arrivals_of_ordered_goods(found: list[TransferMention], sent: Span,
                               lexicon: Lexicon) -> list[TransferMention]:
    """"The first Typhoons ordered by Qatar have arrived", "ordered 49 tanks from Ukraine,
    but only a fraction have arrived": the goods of a deal arrived, so its parties have a
    delivery as well."""
    taken = {m.trigger for m in found}
    out = []
    for mention in found:
        if mention.frame not in ("acquire", "supply", "deal") or \
                not (mention.suppliers and mention.recipients):
            continue
        clause = sent.doc[mention.trigger]
        goods = clause.head if clause.dep_ in ("acl", "relcl") else None
        arrivals = [goods.head] if goods is not None and goods.dep_ == "nsubj" else [
            c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        for verb in arrivals:
            trig = trigger_for(verb, lexicon)
            if trig is None or trig.frame != "arrive" or verb.i in taken or is_negated(verb):
                continue
            taken.add(verb.i)
            out.append(replace(mention, trigger=verb.i, lemma=trig.lemma, frame="arrive",
                               base_status=trig.status, describes_goods=False,
                               suppliers=list(mention.suppliers),
                               recipients=list(mention.recipients), via=list(mention.via)))
    return out


def _share_with_conjuncts(found: list[TransferMention], doc: Doc) -> None:
    """"had not sold or supplied any shells to Ukraine": coordinated transfer verbs share
    the parties only one of them names."""
    by_token = {m.trigger: m for m in found}
    for mention in found:
        token = doc[mention.trigger]
        partners = [by_token[t.i] for t in (token.head, *token.children)
                    if t.i in by_token and t.i != token.i and
                    (token.dep_ == "conj" and t.i == token.head.i or t.dep_ == "conj")]
        for partner in partners:
            if partner.frame == "acquire" and mention.frame == "supply" and \
                    partner.trigger < mention.trigger:
                # "bought by the Czech ministry and passed on to Kyiv": the buyer passes on
                mention.suppliers = mention.suppliers or list(partner.recipients)
            if partner.frame != mention.frame:
                continue
            mention.suppliers = mention.suppliers or list(partner.suppliers)
            mention.recipients = mention.recipients or list(partner.recipients)


def _owned_foreign_goods(token: Token, index: MentionIndex, items_at: dict[int, str],
                         sent: Span) -> TransferMention | None:
    """"Pakistan's Chinese-made J-10C fighters": goods one actor holds and another made
    or supplied; the holder has received them."""
    if token.dep_ == "compound" or token.pos_ not in ("NOUN", "PROPN"):
        return None
    named = [items_at[t.i] for t in (token, *token.children) if t.i in items_at and
             (t is token or t.dep_ in ("amod", "compound"))]
    if not named:
        return None
    owners = [m for c in token.children if c.dep_ == "poss"
              for m in phrase_actors(c, index) or _definite_body(c, index)]
    origins = [m for c in token.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod")
               and c.i < token.i for m in index.in_tokens(list(c.subtree))
               if m.kind in ("adjective", "org") and not _design_only(m, token.doc)]
    if not owners or not origins or {m.state for m in origins} & {m.state for m in owners}:
        return None
    return TransferMention(trigger=token.i, lemma=token.lower_, frame="use",
                           base_status="delivered", sentence=(sent.start_char, sent.end_char),
                           suppliers=_unique(origins), recipients=_unique(owners),
                           items=named[:1])


def _recipient_inside_goods(verb: Token, index: MentionIndex) -> list[Mention]:
    """"sent Ukraine Archer howitzers", "offered Pakistan 40 J-35 fighters": a state named
    right after a giving verb and parsed into the goods' name is whom they go to."""
    if verb.pos_ != "VERB" or verb.i + 1 >= len(verb.doc):
        return []
    mention = index.at(verb.doc[verb.i + 1])
    if mention is None or mention.start != verb.i + 1 or \
            mention.kind not in ("name", "capital", "acronym"):
        return []
    last = verb.doc[mention.end - 1]
    goods = last.head
    while goods.dep_ == "compound":
        goods = goods.head
    if last.dep_ in ("compound", "nmod") and goods.dep_ in OBJECTS and goods.head == verb \
            and goods.i > last.i:
        return [mention]
    return []


def _definite_body(noun: Token, index: MentionIndex) -> list[Mention]:
    """"the navy's", "the army's": a state's own body stands for the state last named;
    "the separatists" for those named before ("separatists in Donetsk")."""
    if noun.lower_ in STATE_BODIES and any(c.lower_ == "the" for c in noun.children):
        return _last_state_named(noun, index)
    return _group_named_before(noun, index)


def _group_named_before(noun: Token, index: MentionIndex) -> list[Mention]:
    """For "the separatists", the actors of the last earlier mention of the same group
    word within the two sentences before, when that mention named them."""
    if noun.lower_ not in LOCATED_GROUPS or not any(c.lower_ == "the" for c in noun.children):
        return []
    start = sentences_back(noun.sent, 2)
    for earlier in reversed(noun.doc[:noun.i]):
        if earlier.idx < start:
            break
        if earlier.lower_ == noun.lower_ and (actors := phrase_actors(earlier, index)):
            return actors
    return []


def _clause_noun(token: Token, lexicon: Lexicon) -> Token | None:
    """The noun a relative clause describes, also past a reporting verb ("missiles that
    officials say Russian forces have been firing")."""
    if token.dep_ == "relcl":
        return token.head
    if token.dep_ == "ccomp" and token.head.dep_ == "relcl" and \
            lexicon.lemma(token.head.text, "VERB") in lexicon.reporting:
        return token.head.head
    return None


def _roles(token: Token, trig: Trigger, index: MentionIndex, items_at: dict[int, str],
           lexicon: Lexicon, sent: Span) -> TransferMention | None:
    described = _clause_noun(token, lexicon)
    if described is not None and described.i in items_at and \
            lexicon.verbs.get(trig.lemma, trig).frame != "use" and trig.lemma in USING_VERBS:
        trig = replace(trig, frame="use")  # "Iranian drones, which Russian forces fly"
    if trig.frame == "use" and token.dep_ == "advcl" and token.tag_ == "VBG" and \
            trigger_for(token.head, lexicon) is not None:
        return None  # "shipped shells to Russia, using Russian cargo ships": the means
    if trig.frame in ("use", "acquire") and token.pos_ == "VERB" and any(
            d.dep_ == "relcl" and trigger_for(d, lexicon) is not None and
            any(p.lower_ in ("from", "by") for p in d.children)
            for o in children(token, *OBJECTS) for d in o.children):
        return None  # "inducted the aircraft it bought from the US": the clause reports it
    mention = TransferMention(trigger=token.i, lemma=trig.lemma, frame=trig.frame,
                              base_status=trig.status,
                              sentence=(sent.start_char, sent.end_char),
                              describes_goods=token.dep_ in ("acl", "relcl") and
                              token.head.pos_ in ("NOUN", "PROPN") and
                              index.at(token.head) is None)  # not "Jakarta, which ordered"
    items = _items(token, trig, items_at, index, sent, lexicon)
    if items is None:
        return None
    if trig.other_sense_items and set(items) <= set(trig.other_sense_items):
        return None  # "the first submarine was launched at the Wuhan yard": built, not used
    mention.items = items
    if token.pos_ == "VERB" or token.pos_ == "AUX":
        _verb_roles(token, trig, mention, index, lexicon, items_at)
        if trig.frame_without_recipient and not mention.recipients:
            mention.frame = trig.frame_without_recipient  # "the air force flies J-10Cs"
            _verb_roles(token, replace(trig, frame=mention.frame), mention, index, lexicon,
                        items_at)
    else:
        _noun_roles(token, trig, mention, index, lexicon, items_at)
    mention.via = _unique(mention.via + [m for _, obj in _preps_near(token, lexicon.via_preps)
                           for m in phrase_actors(obj, index)])
    _drop_overlaps(mention)
    if trig.moves_forces and not mention.recipients:
        return None  # "Spain's Patriot battery, deployed in Turkey": its own forces
    if not mention.suppliers and not mention.recipients or \
            trig.needs_recipient and not mention.recipients or \
            trig.needs_supplier and not mention.suppliers:
        return None
    return mention


def _items(token: Token, trig: Trigger, items_at: dict[int, str], index: MentionIndex,
           sent: Span, lexicon: Lexicon) -> list[str] | None:
    """Item categories named in the transfer's arguments; None when the arguments name
    goods that are not materiel ("provide the North with food")."""
    argument_tokens = _argument_tokens(token, noun=token.pos_ != "VERB")
    if trig.needs_object:  # "took delivery of its first systems": the goods hang on the noun
        light = [c for c in children(token, *OBJECTS)
                 if lexicon.lemma(c.text, "NOUN") in trig.needs_object]
        argument_tokens = [t for t in argument_tokens if not any(t.i == c.i for c in light)] \
            + [t for c in light for t in _argument_tokens(c, noun=True)]
    if trig.frame == "request":  # "asked North Korea for artillery shells"
        argument_tokens += [t for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
                            for t in c.subtree]
    if trig.frame == "arrive":  # "weapons continue to flow": the subject the verb raises
        arriving = subject_of(token)
        argument_tokens += list(arriving.subtree) if arriving is not None else []
    if trig.goods_prep:  # "removed Turkey from the F-35 programme": only that phrase
        argument_tokens = _goods_prep_tokens(token, trig)
    own = [items_at[token.i]] if token.i in items_at else []
    modifiers = [items_at[c.i] for c in token.subtree  # "the TB2's first customer"
                 if c.i in items_at and c.dep_ in ("compound", "amod", "nmod", "poss") and
                 (c.head == token or c.head.dep_ == "compound" and c.head.head == token)]
    # ("arms export approvals")
    named = own + modifiers + [items_at[t.i] for t in argument_tokens if t.i in items_at]
    if trig.frame == "supply" and token.pos_ == "VERB" and any(
            c.lower_ in lexicon.people_sent for c in children(token, "dobj")) and \
            not prep_objects(token, {"with"}) and not any(
                t.i in items_at for c in children(token, "dobj") for t in c.conjuncts):
        return None  # "will send a delegation to Seoul to discuss air defence"
    if named:
        return _unique(named)
    if trig.item or any(c.lower_ in lexicon.materiel_modifiers for c in token.children
                        if c.dep_ in ("compound", "amod", "nmod")):
        return ["unspecified"]
    carried = [items_at[t.i] for t in sent if t.i in items_at and t.lower_ not in
               CARRIER_NOUNS] if trig.frame == "seize" and \
        any(t.lower_ in CARRIER_NOUNS for t in argument_tokens) else []
    if carried:  # "seized several dhows loaded with rifles": the cargo is the goods
        return _unique(carried)
    if trig.frame == "supply" and any(t.lower_ in CONTAINER_NOUNS and t.dep_ in OBJECTS and
                                      not any(c.lower_ == "of" for c in t.children)
                                      for t in argument_tokens) and _arms_paragraph(sent):
        return ["unspecified"]  # "had shipped 6,700 containers to Russia", in a report on shells
    has_goods = any(t.pos_ == "NOUN" and index.at(t) is None and
                    t.lower_ not in PRONOUNS and t.lower_ not in lexicon.anaphoric_goods and
                    not _materiel_noun(t, lexicon) and  # "$1.3 billion in military aid"
                    t.lower_ not in SHARE_NOUNS and  # "sent 28 percent of its exports"
                    not _names_actor(t, index, lexicon) and t.dep_ != "compound"
                    for t in argument_tokens if t.dep_ not in ("amod", "nummod", "npadvmod"))
    if has_goods or any(t.ent_type_ == "PERSON" and index.at(t) is None and t.pos_ != "PART"
                        for t in argument_tokens):
        return None  # "send Ms. Martin to Crimea"
    anaphoric = any(t.lower_ in lexicon.anaphoric_goods for t in argument_tokens)
    if trig.needs_item and not anaphoric:
        return None
    in_sentence = [items_at[t.i] for t in sent if t.i in items_at]
    # a verb with nothing given and no one to give it to ("Berlin gives, Jerusalem holds
    # back") names no transfer of its own
    bare = not any(c.dep_ in (*OBJECTS, *PASSIVE_SUBJECTS, "dative", "prep", "xcomp")
                   for c in token.children) and not _shared_objects(token)
    if in_sentence or anaphoric or token.pos_ == "VERB" and not bare:
        return ["unspecified"]
    return None


def _shared_objects(verb: Token) -> list[Token]:
    """The objects a verb without its own shares with the next verb of its clause:
    "accused Asmara of arming and financing al Shabaab"."""
    if verb.pos_ != "VERB" or children(verb, *OBJECTS):
        return []
    return [c for conj in children(verb, "conj") if conj.pos_ == "VERB" and
            not children(conj, "nsubj", "nsubjpass") for c in children(conj, *OBJECTS)]


def _arms_paragraph(sent: Span) -> bool:
    """The paragraph around the sentence names weapons."""
    doc = sent.doc
    text = doc_text(doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.end_char)
    end = len(text) if end < 0 else end
    return any(start <= span.start_char < end for span in doc.spans.get(weapons.SPAN_KEY, []))


def _materiel_noun(token: Token, lexicon: Lexicon) -> bool:
    """"military aid", and the goods a transfer noun stands for ("its exports")."""
    trig = lexicon.nouns.get(lexicon.lemma(token.text, "NOUN"))
    if trig is None:
        return False
    if trig.item:  # "military aid", not "medical assistance"
        return any(c.lower_ in lexicon.materiel_modifiers for c in token.children
                   if c.dep_ in ("amod", "compound", "nmod"))
    return trig.frame in ("supply", "acquire") and trig.status == "delivered"


def _other_side(found: list[Mention], mention: TransferMention) -> list[Mention]:
    """The actors found that are not of a supplier's state: a state does not arm itself."""
    suppliers = {m.state for m in mention.suppliers}
    return [m for m in found if m.state not in suppliers]


def _defended_by_purpose(token: Token, index: MentionIndex, lexicon: Lexicon) -> list[Mention]:
    """"air defence systems were delivered to protect Pyongyang", "sent to bolster Kyiv's
    defences": the party the purpose clause protects receives."""
    out: list[Mention] = []
    for clause in children(token, "advcl", "xcomp"):
        if lexicon.lemma(clause.text, "VERB") not in lexicon.defending_verbs or \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        for obj in children(clause, "dobj"):
            out.extend(phrase_actors(obj, index) or
                       [m for c in obj.children if c.dep_ == "poss"
                        for m in phrase_actors(c, index)])
    return out


def _names_actor(token: Token, index: MentionIndex, lexicon: Lexicon) -> bool:
    """"the Saudi military", "Ukraine's forces", "rebels in Syria": a noun that stands for
    an actor."""
    if _group_in_named_place(token, index):
        return True
    if _group_named_before(token, index):
        return True  # "the separatists", after "separatists in eastern Ukraine"
    return token.lower_ in lexicon.official_nouns and any(
        index.at(t) is not None for c in token.children for t in c.subtree)


def _group_in_named_place(token: Token, index: MentionIndex) -> bool:
    """"rebels in Syria", "militias in Iraq": armed groups of the state they are in."""
    return token.lower_ in LOCATED_GROUPS and any(index.at(o) is not None
                                                  for _, o in prep_objects(token, {"in"}))


def _goods_prep_tokens(token: Token, trig: Trigger) -> list[Token]:
    return [t for _, obj in prep_objects(token, {trig.goods_prep}) for t in obj.subtree]


def _argument_tokens(token: Token, noun: bool = False) -> list[Token]:
    """Tokens of the things moved: objects, passive subjects, "of"/"with" phrases, and
    for nouns "for" phrases ("a deal with the US for 36 jets")."""
    preps = ("of", "with", "including", "on", "for", "over", "about") if noun else \
        ("of", "with", "including", "on")
    goods_for = not noun and not children(token, *OBJECTS, *PASSIVE_SUBJECTS) and any(
        c.dep_ == "prep" and c.lower_ == "for" and _names_weapons(c) for c in token.children)
    if goods_for:
        preps = (*preps, "for")  # "Niamey has signed for Hurkus aircraft", not "for its part"
    out: list[Token] = []
    if noun and (token.lower_ == "service" or  # "the K9 is in service with Finland"
                 token.lower_ == "order" and token.head.lower_ == "on"):  # "are on order"
        clause = token.head.head if token.dep_ == "pobj" else token.head
        subject = subject_of(clause) if clause.pos_ in ("VERB", "AUX") else None
        out.extend(_goods_phrase(subject) if subject is not None else [])
    if noun and token.dep_ in OBJECTS:  # "signed a contract ... for 24 jets"
        out.extend(t for c in token.head.children if c.dep_ == "prep" and
                   c.lower_ in ("for", "worth", "covering") for t in c.subtree)
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN") or \
            token.dep_ == "relcl" and any(c.dep_ in OBJECTS + PASSIVE_SUBJECTS and
                                          c.lower_ in RELATIVE_PRONOUNS for c in token.children) \
            or _zero_relative(token):
        # "Iskander missiles handed over by Moscow", "drones, which Russian forces fly":
        # the noun the clause describes
        out.extend(t for t in _goods_phrase(token.head) if t.i < token.i)
        described = described_noun(token)
        if described is not None and described != token.head:
            out.extend(_goods_phrase(described))
    if token.dep_ == "amod" and token.tag_ == "VBN" and not noun and \
            token.lower_ not in MAKER_VERBS:  # "the seized rifles", not "Chinese-built jets"
        out.extend(t for t in _goods_phrase(token.head) if t != token)
    for child in token.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":
            continue  # "gave its approval to the sale": whom it goes to, not what
        if child.dep_ in OBJECTS + PASSIVE_SUBJECTS + ("dative",):
            out.extend(_goods_phrase(child))
        elif child.dep_ == "prep" and child.lower_ in preps:
            out.append(child)
            out.extend(t for c in child.children for t in _goods_phrase(c))
        elif child.dep_ == "xcomp" and not noun and \
                child.lower_ not in ("shoot", "strike", "hit", "attack"):  # "offered to send"
            out.extend(t for c in children(child, *OBJECTS) for t in _goods_phrase(c))
        elif child.dep_ in ("acl", "relcl") and noun and \
                any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            # "talks to buy Su-35 fighters", "a deal to supply drones"
            out.extend(t for c in children(child, *OBJECTS) for t in _goods_phrase(c))
        elif child.dep_ == "ccomp" and not noun:  # "seized [parts headed for X]" misparsed
            out.extend(t for c in children(child, "nsubj", "nsubjpass")
                       for t in _goods_phrase(c))
    return out


def _zero_relative(verb: Token) -> bool:
    """"four corvettes Turkey is building for Pakistan": a relative clause with no
    pronoun, whose object is the noun it describes."""
    return verb.dep_ == "relcl" and verb.pos_ == "VERB" and \
        not children(verb, *OBJECTS, *PASSIVE_SUBJECTS, "ccomp", "xcomp") and \
        any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children) and \
        not any(c.tag_ in ("WRB", "WDT", "WP") for c in verb.children)


def _weapon_head(noun: Token) -> bool:
    """The noun is (the head of) a weapon word: "system" in "Korea's Cheongung-II system"."""
    return any(span.start <= noun.i < span.end
               for span in noun.doc.spans.get(weapons.SPAN_KEY, []))


def _names_weapons(phrase: Token) -> bool:
    spans = phrase.doc.spans.get(weapons.SPAN_KEY, [])
    return any(phrase.left_edge.i <= span.start and span.end <= phrase.right_edge.i + 1
               for span in spans)


def _goods_phrase(head: Token) -> list[Token]:
    """A noun phrase without the prepositional phrases that say where, when or why:
    "a pause in U.S. military assistance" names a pause, not the assistance."""
    out = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ not in GOODS_PREPS:
            continue
        if child.dep_ in ("relcl", "acl") and child.i > head.i:
            if child.lower_ in MAKER_VERBS or child.lower_ in CONTAINING_VERBS:
                # "made by Diehl" says whose goods these are; "a package that included F-35
                # jets" what they are
                out.extend(child.subtree)
            continue  # "weapons that the army then used": another event
        out.extend(_goods_phrase(child))
    return out


def _verb_roles(token: Token, trig: Trigger, mention: TransferMention, index: MentionIndex,
                lexicon: Lexicon, items_at: dict[int, str]) -> None:
    participle = token.head if token.dep_ == "conj" and token.tag_ in ("VBN", "VBD") and \
        any(c.dep_ == "agent" for c in token.children) else token
    passive = bool(children(token, *PASSIVE_SUBJECTS)) or any(
        c.dep_ == "auxpass" for c in token.children) or \
        participle.dep_ == "acl" and participle.tag_ == "VBN" and \
        not children(participle, "nsubj", "aux")  # "shells made by X and sold by Y"
    subject = subject_of(token)
    subject_actors = _resolve_pronoun_actors(subject, index) if subject is not None else []
    if subject is not None and token.dep_ == "relcl" and subject == token.head:
        # "Poland, which is buying Patriots, and Lithuania": the clause is Poland's alone
        subject_actors = phrase_actors(subject, index, coordinated=False) or subject_actors
    holder = holder_of(token)
    holders = _resolve_pronoun_actors(holder, index) if holder is not None else []
    agents = [m for word in (token, *children(token, "conj"))  # "supplied or smuggled by X"
              for _, obj in prep_objects(word, {"by"}) for m in phrase_actors(obj, index)]
    to_actors = _recipients_near(token, index, lexicon)
    from_actors = [m for _, obj in _preps_near(token, {"from"})
                   for m in phrase_actors(obj, index)]
    object_actors = [m for c in children(token, *OBJECTS, "dative")
                     for m in phrase_actors(c, index) if _is_party(c, items_at, index, lexicon)]
    if not object_actors and trig.frame == "supply":  # "supplying them with weapons"
        object_actors = [m for c in children(token, *OBJECTS, "dative") if c.lower_ == "them"
                         and (c.dep_ == "dative" or prep_objects(token, {"with"}))
                         if (m := _earlier_object(c, index, _previous_sentence_start(c)))]
    if not object_actors and trig.frame in ("supply", "arm"):
        object_actors = _recipient_inside_goods(token, index)
    if not object_actors and trig.frame == "arm":
        object_actors = [m for c in _shared_objects(token) for m in phrase_actors(c, index)]
    if not object_actors and trig.frame == "arm":  # "denied arming the separatists"
        object_actors = [m for c in children(token, *OBJECTS)
                         for m in _group_named_before(c, index)]
    passive_actors = [m for c in children(token, *PASSIVE_SUBJECTS)
                      for m in phrase_actors(c, index) if _is_party(c, items_at, index, lexicon)]
    if token.dep_ == "amod" and trig.frame == "supply":  # "Turkish-supplied drones"
        subject_actors = [m for c in token.children if c.i < token.i
                          for m in index.in_tokens(list(c.subtree))]
        holders = _holders_of_noun(token.head, index)
    if (token.dep_ == "acl" or reduced_relative(token)) and holders:
        # participle: "jets bought from Britain"
        passive, subject_actors = True, []
        agents = agents if trig.frame != "acquire" or agents else holders  # "sought by Tehran"
    if trig.frame == "supply":
        mention.suppliers = agents if passive else subject_actors
        if passive and not mention.suppliers:  # "rifles sold to Uganda were passed on"
            makers, holders = _earlier_sale(token, index, lexicon)
            mention.suppliers = makers or holders
            mention.via = holders if makers else []
        mention.recipients = to_actors + object_actors + passive_actors or \
            [h for h in holders if h not in mention.suppliers]
        if not mention.suppliers:  # the maker ("Iranian-made") before the route ("from Yemen"),
            # the route before a system's maker ("T-72s from Poland")
            mention.suppliers = _origin_actors(token, index, items_at, makers=False) or \
                from_actors or _maker_states(token) or [
                    m for m in _goods_owner(token, index)  # "give Thailand its first boat"
                    if m.state not in {r.state for r in mention.recipients}]
        if not mention.recipients:  # "supplied 81% of Pakistan's arms imports"
            mention.recipients = [m for c in children(token, *OBJECTS) for t in c.subtree
                                  if t.pos_ == "NOUN" and
                                  lexicon.nouns.get(lexicon.lemma(t.text, "NOUN")) and
                                  lexicon.nouns[lexicon.lemma(t.text, "NOUN")].frame == "acquire"
                                  for p in t.children if p.dep_ == "poss"
                                  for m in phrase_actors(p, index)]
        if not mention.recipients:  # "China supplied 77% of Pakistan's arms"
            mention.recipients = _goods_owner(token, index, heads=SHARE_NOUNS)
        if not mention.recipients and trig.lemma in ("share", "transmit"):
            mention.recipients = [m for _, obj in prep_objects(token, {"with"})
                                  for m in phrase_actors(obj, index)]
        if not mention.recipients and subject is not None and subject.lower_ in BACKER_NOUNS:
            # "Ukraine's allies have delivered tanks": the backed party receives
            mention.recipients = [m for c in subject.children if c.dep_ == "poss"
                                  for m in _resolve_pronoun_actors(c, index)]
        if not mention.recipients:
            mention.recipients = _bound_for(token.sent, index)
        if not mention.recipients and passive:
            mention.recipients = _other_side(_holders_in_subject(token, index, items_at),
                                             mention)
        if not mention.recipients:
            mention.recipients = _other_side(_asker(token, index, lexicon), mention)
        if not mention.recipients:
            mention.recipients = _other_side(_defended_by_purpose(token, index, lexicon),
                                             mention)
        own = {m.state for m in mention.recipients}
        if from_actors and not passive and subject_actors and \
                (not own or {m.state for m in subject_actors} <= own):
            # "Hezbollah has been smuggling weapons from Iran into Lebanon": the subject
            # fetches, the "from" phrase supplies
            mention.suppliers = from_actors
            mention.recipients = mention.recipients or subject_actors
        _permitted_re_export(token, mention, index, items_at)
        gapped = _gapped_suppliers(token, index)
        if gapped and mention.suppliers:  # "Poland sent 14 to Ukraine, Canada eight"
            mention.recipients = [m for m in mention.recipients if m not in gapped]
            mention.suppliers = _unique(mention.suppliers + gapped)
    elif trig.frame == "request":  # "Ankara has asked the United States for 40 F-16s"
        mention.recipients = subject_actors
        mention.suppliers = object_actors or from_actors
    elif trig.frame == "seize":  # "seized Iranian-made missile parts headed for the Houthis"
        mention.recipients = _bound_for(token.sent, index) or to_actors
        # a seizure names where the cargo was going, or it is no interdicted transfer
        # ("scrambled to intercept Russian bombers")
        mention.suppliers = (_origin_actors(token, index, items_at) or from_actors or
                             _said_to_originate(token.sent, index)) if mention.recipients else []
    elif trig.frame == "arm":
        armed = children(token, *OBJECTS, *PASSIVE_SUBJECTS)
        if any(c.i in items_at for c in armed):
            return  # "the drone will be armed": fitted with weapons, not a party supplied
        mention.suppliers = agents if passive else subject_actors
        mention.recipients = object_actors + passive_actors + to_actors
        if not mention.recipients and token.tag_ == "VBN" and token.dep_ in ("acl", "amod") \
                and token.head.pos_ in ("NOUN", "PROPN"):
            if any(t.i in items_at for t in token.head.subtree if t.i <= token.head.i):
                return  # "a MiG-31 armed with a Kinzhal", "Aegis-equipped destroyers"
            # "Azerbaijan, armed mainly with Israeli and Turkish weapons": the one described
            mention.recipients = phrase_actors(token.head, index)
            mention.suppliers = agents or _origin_actors(token, index, items_at)
        if trig.goods_prep and not mention.suppliers:  # "Turkey was expelled from the
            mention.suppliers = _makers(_goods_prep_tokens(token, trig))[:1]  # F-35 programme"
    elif trig.frame == "acquire":
        mention.recipients = agents if passive else subject_actors or [
            m for _, obj in _preps_near(token, {"for"})  # "considering jets for the
            if obj.lower_ in lexicon.official_nouns  # Bangladesh Air Force"
            for m in phrase_actors(obj, index)]
        if passive and not mention.recipients:  # "Ukraine's drones were bought from Turkey"
            mention.recipients = [m for c in children(token, *PASSIVE_SUBJECTS)
                                  for p in c.children if p.dep_ == "poss"
                                  for m in _resolve_pronoun_actors(p, index)]
        mention.suppliers = from_actors or _origin_actors(token, index, items_at)
        beneficiaries = [m for m in to_actors
                         if m.state not in {b.state for b in mention.recipients}]
        if mention.recipients and beneficiaries and not from_actors:
            # "ordered by the US Air Force for the Afghan air force": the buyer supplies
            mention.suppliers, mention.recipients = mention.recipients, beneficiaries
    elif trig.frame == "rely":
        mention.recipients = subject_actors
        relied_on = [obj for _, obj in prep_objects(token, RELY_PREPS[trig.lemma])]
        mention.suppliers = [m for obj in relied_on for m in phrase_actors(obj, index)] or [
            m for obj in relied_on for c in obj.children if c.dep_ in ORIGIN_MODIFIERS
            for m in index.in_tokens(list(c.subtree)) if m.kind in ("adjective", "org")
        ]  # "relies on U.S.-made Patriot batteries"
    elif trig.frame == "arrive":  # "Patriot systems have arrived in Ukraine from the US"
        mention.recipients = [m for _, obj in _preps_near(token, {"in", "at", "to", "into"})
                              for m in phrase_actors(obj, index)] or \
            _goods_owner(token, index, deps=("nsubj",)) or \
            [m for _, obj in _preps_near(token, {"with"}) for m in phrase_actors(obj, index)] \
            or object_actors
        arriving = subject_of(token)
        mention.suppliers = from_actors or [  # "weapons from China are flowing into Sudan"
            m for _, obj in (prep_objects(arriving, {"from"}) if arriving is not None else [])
            for m in phrase_actors(obj, index)] or _origin_actors(token, index, items_at) or [
            m for c in children(token, "nsubj") for t in c.subtree
            if t.i in items_at or t.head.i in items_at
            for g in t.children if g.dep_ in ORIGIN_MODIFIERS
            for m in index.in_tokens(list(g.subtree)) if m.kind in ("adjective", "org")]
    elif trig.frame == "deal":  # "Moscow and Pyongyang traded weapons"
        parties = _unique(subject_actors + object_actors + [  # "negotiating a contract with X"
            m for _, obj in _preps_near(token, {"with"}) for m in phrase_actors(obj, index)])
        if len(parties) >= 2:
            mention.suppliers, mention.recipients = [parties[0]], [parties[1]]
            mention.directed = False
    elif trig.frame == "use":
        mention.recipients = agents if passive else subject_actors or holders
        launched_from = [] if token.lower_.startswith(FIRING_STEMS) else [
            m for _, obj in _preps_near(token, {"from"})  # "firing rockets from Estonian
            if obj.lower_ not in LAUNCH_SITES  # soil", "missiles fired from Syria": a place
            for m in phrase_actors(obj, index)]
        mention.suppliers = launched_from or _origin_actors(token, index, items_at)
        described = _clause_noun(token, lexicon)
        if described is not None and not mention.suppliers:
            mention.suppliers = [m for c in described.children if c.dep_ in ORIGIN_MODIFIERS
                                 for m in index.in_tokens(list(c.subtree))
                                 if m.kind in ("adjective", "org")]
        if not mention.suppliers:
            # "Russian crews launch the drones": the drones named before, else own weapons
            mention.goods_named_before = _definite_goods(token, items_at)
            if not mention.goods_named_before:
                mention.recipients = []


#: Verbs after which "from" names where a weapon was launched ("fired from Syria").
FIRING_STEMS = ("fire", "firing", "launch", "shoot", "shot")
#: Where weapons are used from, not who supplied them ("fired from Belarusian territory").
LAUNCH_SITES = frozenset(["soil", "territory", "territories", "base", "bases", "airspace",
                          "waters", "coast", "positions", "area", "areas", "side", "border"])


def _noun_roles(token: Token, trig: Trigger, mention: TransferMention, index: MentionIndex,
                lexicon: Lexicon, items_at: dict[int, str]) -> None:
    owners = [m for c in token.children if c.dep_ in ORIGIN_MODIFIERS and c.i not in items_at
              for m in phrase_actors(c, index)]
    if trig.frame == "deal" and len(owners) < 2:  # "Russian-North Korean arms deals"
        owners = _unique(owners + [m for m in index.within(token.left_edge.i, token.i)
                                   if m.kind in ("adjective", "name") and not m.is_person])
    if not owners:  # "Russian arms sales": the adjective sits on the item compound
        owners = [m for c in token.children if c.dep_ == "compound"
                  for g in c.children if g.dep_ in ("amod", "compound", "nmod")
                  for m in phrase_actors(g, index)]
    to_actors = _recipients_near(token, index, lexicon)
    from_actors = [m for _, obj in _preps_near(token, {"from", "by"})
                   for m in phrase_actors(obj, index)]
    governing = _governing_party(token, index, lexicon)
    mention.vague_supplier = not owners and trig.frame == "supply" and any(
        c.dep_ == "amod" and c.lower_ in VAGUE_SUPPLIERS for c in token.children)
    if trig.lemma in BUYER_NOUNS:  # "India was the biggest customer for French weapons"
        suppliers = owners or from_actors or _origin_actors(token, index, items_at) or \
            _maker_of_possessor(token)  # "the TB2's first export customer"
        # "the largest importer of major arms" ranks a buyer; it names no transfer
        mention.recipients = _described_by(token, index) if suppliers else []
        mention.suppliers = suppliers if mention.recipients else []
        return
    if trig.lemma in ROLE_NOUNS:  # "Britain, Saudi Arabia's biggest supplier"
        of_actors = [m for _, obj in prep_objects(token, {"of"}) if obj.i not in items_at
                     for m in phrase_actors(obj, index)]  # "the main supplier of Hezbollah"
        mention.recipients = owners + to_actors + of_actors
        # "a major arms exporter" with no customer named describes, it reports no transfer
        mention.suppliers = _described_by(token, index) if mention.recipients else []
        return
    if trig.frame in ("supply",):
        partners = _contract_partner(token, index, lexicon)
        mention.suppliers = owners or from_actors or partners or \
            _origin_actors(token, index, items_at, makers=False) or \
            _exporting_decider(token, governing, lexicon) or \
            _origin_actors(token, index, items_at) or governing
        mention.recipients = to_actors or [  # "signed ... for the supply of X to Y"
            m for _, obj in prep_objects(token.head.head, lexicon.recipient_preps - {"for"})
            for m in phrase_actors(obj, index)] if partners else to_actors
        if not mention.recipients:  # "export permits for drone optics destined for Turkey"
            mention.recipients = _bound_for(token.sent, index)
        if not mention.recipients:  # "India took 38 percent of Russian arms exports"
            mention.recipients = _other_side(_share_taker(token, index), mention)
        if not to_actors and token.dep_ in OBJECTS and \
                lexicon.lemma(token.head.text, "VERB") in DEAL_MAKING_VERBS:
            # "Hanoi and Washington have been discussing a sale of F-16s": the other party
            mention.recipients = _other_side(governing, mention)
    elif trig.frame == "acquire":
        buyers = [m for _, obj in prep_objects(token, {"by"}) for m in phrase_actors(obj, index)]
        if trig.lemma in lexicon.request_nouns and not owners and not buyers:
            # "turned down a request from Ukraine's defence minister": who asked, not a seller
            buyers, from_actors = from_actors, []
            owners = buyers
        mention.recipients = owners or buyers or governing  # "a purchase of jets by Argentina"
        # "Israel turned down Ukraine's request for air defence": the one who answers a
        # request is the one it was made to
        answering = [m for m in governing if m.state not in {o.state for o in owners}] \
            if trig.status == "negotiating" and owners else []
        sellers = [m for m in from_actors if m not in buyers]
        mention.suppliers = sellers or answering or _origin_actors(token, index, items_at) \
            or _share_holder(token, index) or _named_system_maker(token)
    elif trig.frame == "use":  # "in service with Finland", "entered service with"
        holders = [token, token.head] if token.dep_ in OBJECTS else [token]
        mention.recipients = [m for word in holders for _, obj in prep_objects(word, {"with"})
                              for m in phrase_actors(obj, index)]
        mention.suppliers = _origin_actors(token, index, items_at) if mention.recipients else []
        if not mention.recipients and token.text == "service":
            # "Turkish-made drones entered Pakistani service"
            suppliers = _origin_actors(token, index, items_at, makers=False)
            mention.recipients = [m for c in token.children if c.dep_ == "amod"
                                  for m in phrase_actors(c, index)] if suppliers else []
            mention.suppliers = suppliers if mention.recipients else []
    elif trig.frame == "rely":
        mention.recipients = owners or governing
        mention.suppliers = [m for _, obj in prep_objects(token, {"on", "upon"})
                             for m in phrase_actors(obj, index)]
    elif trig.frame == "deal":
        between = [m for _, obj in prep_objects(token, {"between", "among"})
                   for m in phrase_actors(obj, index)]
        signed = token.dep_ in OBJECTS and lexicon.lemma(token.head.text, "VERB") in SIGNING_VERBS
        signing = [token, token.head] if signed else [token]
        partners = [m for word in signing for _, obj in prep_objects(word, {"with"})
                    for m in phrase_actors(obj, index)]  # "signed a contract ... with X"
        parties = _unique(owners + between + (governing if partners or not between else [])
                          + partners)
        if from_actors or to_actors:
            mention.suppliers = from_actors or [p for p in parties if p not in to_actors][:1]
            mention.recipients = to_actors or [p for p in parties if p not in from_actors][:1]
        elif partners and governing:  # "Qatar signed a deal with the UK for Typhoons"
            mention.suppliers, mention.recipients = partners, governing[:1]
            mention.directed = False
        elif len(parties) >= 2 and (makers := _maker_states(token)) and \
                makers[0].state not in {p.state for p in parties}:
            # "Australia and Egypt have signed contracts for the K9": both buy from its maker
            mention.suppliers, mention.recipients = makers, parties
        elif len(parties) >= 2:
            mention.suppliers, mention.recipients = [parties[0]], [parties[1]]
            mention.directed = False
        elif parties and (makers := _origin_actors(token, index, items_at, True)) and \
                makers[0].state != parties[0].state:
            # "Azerbaijan signed a contract for JF-17 jets": the maker's state sells;
            # "Spain cancelled a contract for Israeli missiles"
            mention.suppliers, mention.recipients = makers[:1], parties[:1]



def _exporting_decider(noun: Token, governing: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """"Switzerland authorised the export of Leopard tanks", "the Dutch government halted
    exports of F-35 parts": who approves or halts an export sends the goods, whoever
    designed them (not "signed for the delivery")."""
    verb = noun.head
    lemma = lexicon.lemma(verb.text, "VERB")
    if noun.dep_ in OBJECTS and verb.pos_ == "VERB" and lemma not in DEAL_MAKING_VERBS and \
            lexicon.governor_stage(lemma) in ("agreed", "cancelled"):
        return governing
    return []


PERMISSION_WORDS = frozenset(["let", "lets", "letting", "allow", "allows", "allowed",
                              "allowing", "permit", "permits", "permitted", "permitting",
                              "authorise", "authorised", "authorize", "authorized"])


def _permitted_re_export(token: Token, mention: TransferMention, index: MentionIndex,
                         items_at: dict[int, str]) -> None:
    """"Bern refused to let Germany send Swiss-made ammunition to Ukraine": the maker's
    state decides, so it is the supplier and the one passing the goods on is the route."""
    permitting = token.head
    if token.dep_ not in ("ccomp", "xcomp") or permitting.lower_ not in PERMISSION_WORDS:
        return
    subject = subject_of(permitting)
    deciders = {m.state for m in _resolve_pronoun_actors(subject, index)} if subject else set()
    makers = [m for m in _origin_actors(token, index, items_at) if m.state in deciders]
    passing = [m for m in mention.suppliers if m.state not in deciders]
    if makers and passing:
        mention.suppliers, mention.via = makers[:1], passing


def _share_holder(noun: Token, index: MentionIndex) -> list[Mention]:
    """"Israel accounted for most of Azerbaijan's arms imports": whoever holds the share."""
    for verb in list(noun.ancestors)[:5]:
        if verb.pos_ in ("VERB", "AUX"):
            if verb.lower_.startswith(("account", "represent", "made", "make")):
                subject = subject_of(verb)
                return phrase_actors(subject, index) if subject is not None else []
            return []
    return []


#: Verbs whose subject holds a share of someone's exports: "India took 38% of them".
SHARE_TAKING = ("take", "took", "receiv", "account", "absorb", "bought", "buy", "got", "get")


def _share_taker(noun: Token, index: MentionIndex) -> list[Mention]:
    """"India took about a third of Russian exports": who holds a share of the exports."""
    path = list(noun.ancestors)[:4]
    share = next((t for t in path if t.lower_ in SHARE_NOUNS), None)
    if share is None:
        return []
    verb = next((t for t in path if t.pos_ in ("VERB", "AUX") and t.i != share.i), None)
    if verb is None or not verb.lower_.startswith(SHARE_TAKING):
        return []
    subject = subject_of(verb)
    return phrase_actors(subject, index) if subject is not None else []


def _recipients_near(token: Token, index: MentionIndex, lexicon: Lexicon) -> list[Mention]:
    """Actors after "to/for/into": a "for" phrase names a recipient only when it names
    the actor itself ("for Russia", "for the Saudi air force"), not a purpose ("for its
    Ukraine war")."""
    out = []
    for prep, obj in _preps_near(token, lexicon.recipient_preps):
        owned = any(c.dep_ == "poss" and index.at(c) is not None for c in obj.children) \
            and not _weapon_head(obj)  # "for the Saudi air force", not "for Korea's KM-SAM"
        if prep == "for" and index.at(obj) is None and not owned and \
                obj.lower_ not in lexicon.official_nouns:
            continue
        out.extend(phrase_actors(obj, index) or _definite_body(obj, index))  # "to the junta"
    if not out and token.pos_ == "NOUN":  # "a package of jets, drones and munitions for
        goods = [c for _, o in prep_objects(token, {"of"}) for c in conjuncts(o)]  # the UAE"
        for last in goods[1:][-1:]:
            out.extend(m for prep, obj in prep_objects(last, {"for", "to"})
                       if index.at(obj) is not None for m in phrase_actors(obj, index))
    if not out and token.pos_ == "VERB":  # "hand over weapons captured in Ukraine to Hamas"
        for goods in children(token, *OBJECTS):
            for clause in children(goods, "acl"):
                if clause.tag_ == "VBN" and trigger_for(clause, lexicon) is None:
                    out.extend(m for _, obj in prep_objects(clause, {"to"})
                               for m in phrase_actors(obj, index))
    return out


def _described_by(noun: Token, index: MentionIndex) -> list[Mention]:
    """Who a role noun describes: the phrase it stands in apposition to, or the subject of
    "X is/became/remains Y's supplier"."""
    if noun.dep_ == "appos":
        return phrase_actors(noun.head, index, coordinated=False)
    if noun.dep_ == "nsubj" and noun.head.lower_ in CONTAINING_VERBS:
        # "the Pantsir's foreign customers include the UAE and Syria"
        return [m for o in children(noun.head, "dobj", "attr") for m in phrase_actors(o, index)]
    verb = _complement_of(noun)
    if verb is not None:
        subject = subject_of(verb)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and \
                verb.dep_ == "relcl":
            subject = verb.head  # "Qatar, which became the TB2's first customer"
        return phrase_actors(subject, index) if subject is not None else []
    return []


def _complement_of(noun: Token) -> Token | None:
    """The verb whose complement a noun is ("Iran is the main supplier"), also when the
    parser hung it under "by far" ("is by far the main supplier")."""
    if noun.dep_ in ("attr", "oprd") and noun.head.pos_ in ("AUX", "VERB"):
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "by" and \
            any(c.lower_ == "far" for c in prep.children) and prep.head.pos_ in ("AUX", "VERB"):
        return prep.head
    return None


def _holders_of_noun(noun: Token, index: MentionIndex) -> list[Mention]:
    """Who has the materiel a noun names: the subject of the clause it sits in
    ("GNA forces, helped by Turkish-supplied drones" -> the GNA forces)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ in ("agent", "prep"):
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return []
    subjects = children(head, "nsubj", "nsubjpass") or ([head.head] if head.dep_ == "acl"
                                                         else [])
    return [m for s in subjects for m in phrase_actors(s, index)]


def _earlier_sale(token: Token, index: MentionIndex,
                  lexicon: Lexicon) -> tuple[list[Mention], list[Mention]]:
    """"Rifles sold by EU states to Uganda were passed on to South Sudan": the one the goods
    went to before passes them on, unless the first seller is named ("shells sold by Indian
    firms to Italy were sent on to Kyiv": India supplies, by way of Italy)."""
    for subject in children(token, *PASSIVE_SUBJECTS):
        for clause in subject.children:
            if clause.dep_ == "acl" and (trig := trigger_for(clause, lexicon)) is not None \
                    and trig.frame == "supply":
                holders = _recipients_near(clause, index, lexicon)
                makers = [m for _, obj in prep_objects(clause, {"by"})
                          for m in phrase_actors(obj, index)]
                if holders:
                    return makers, holders
    return [], []


def _said_to_originate(sent: Span, index: MentionIndex) -> list[Mention]:
    """"... which had originated in Iran": the start of a seized cargo's route."""
    return _route_end(sent, index, ROUTE_STARTS, {"in", "from"})


#: Nouns for what a party holds: "missiles in the Houthi arsenal were supplied by Iran".
HOLDING_NOUNS = frozenset(["arsenal", "arsenals", "inventory", "inventories", "stocks",
                           "stockpile", "stockpiles", "fleet", "fleets", "hands"])


def _holders_in_subject(verb: Token, index: MentionIndex,
                        items_at: dict[int, str]) -> list[Mention]:
    """Who holds the goods a passive verb moves: "the first of Portugal's KC-390s was
    handed over", "missiles in the Houthi arsenal were supplied", "whose arsenal was
    supplied by Iran" (the one "whose" refers to)."""
    found: list[Mention] = []
    for subject in children(verb, *PASSIVE_SUBJECTS):
        for t in subject.subtree:
            held = t.head.i in items_at or t.head.lower_ in HOLDING_NOUNS
            if t.dep_ == "poss" and held and t.lower_ == "whose":
                clause = next((a for a in t.ancestors if a.dep_ == "relcl"), None)
                found += phrase_actors(clause.head, index) if clause is not None else []
            elif t.dep_ == "poss" and held:
                found += _resolve_pronoun_actors(t, index)
            elif t.dep_ in ("amod", "compound") and t.head.lower_ in HOLDING_NOUNS:
                found += index.in_tokens(list(t.subtree))
    return _unique(found)


def _asker(token: Token, index: MentionIndex, lexicon: Lexicon) -> list[Mention]:
    """"Ukraine wants South Korea to provide air defence": who asks for goods for
    itself receives them (third parties "urge" or "press", and are not asked here)."""
    if token.dep_ not in ("xcomp", "ccomp"):
        return []
    if lexicon.lemma(token.head.text, "VERB") not in lexicon.asking_for_oneself:
        return []
    subject = subject_of(token.head)
    return _resolve_pronoun_actors(subject, index) if subject is not None else []


def _bound_for(sent: Span, index: MentionIndex) -> list[Mention]:
    """"... bound for Iran", "destined for the Houthis": the end of a route."""
    return _route_end(sent, index, ROUTE_ENDS, {"for", "to"})


ROUTE_STARTS = frozenset(["originated", "originating", "originate", "originates"])
ROUTE_ENDS = frozenset(["bound", "destined", "headed", "heading", "en", "en-route"])


def _route_end(sent: Span, index: MentionIndex, words: frozenset[str],
               preps: set[str]) -> list[Mention]:
    """The actors a route word's preposition names, anywhere in the sentence."""
    for token in sent:
        if token.lower_ in words:
            for _, obj in prep_objects(token, preps):
                found = phrase_actors(obj, index)
                if found:
                    return found
    return []


def _labels(verb: Token, lexicon: Lexicon) -> bool:
    """"calling the transfer an escalation", "condemned the sale": who labels a transfer is
    no party to it ("is considering the transfer" is)."""
    lemma = lexicon.lemma(verb.text, "VERB")
    return lemma in lexicon.labelling and (bool(children(verb, "oprd")) or
                                           lexicon.governor_stage(lemma) is None)


def _contract_partner(noun: Token, index: MentionIndex, lexicon: Lexicon) -> list[Mention]:
    """"signed a contract with BrahMos Aerospace for the supply of missiles": the party
    the contract is made with supplies what it is for."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return []
    above = noun.head.head  # the contract, or the signing verb the parser hung "for" on
    deals = children(above, *OBJECTS) if above.pos_ == "VERB" else [above]
    for deal in deals:
        trig = lexicon.nouns.get(lexicon.lemma(deal.text, "NOUN")) \
            if deal.pos_ == "NOUN" else None
        if trig is None or trig.frame != "deal":
            continue
        holders = [deal, deal.head] if deal.dep_ in OBJECTS else [deal]
        return [m for word in holders for _, obj in prep_objects(word, {"with"})
                for m in phrase_actors(obj, index)]
    return []


#: "Imran Khan presided over the induction of J-10Cs": who presides takes delivery.
PRESIDING = frozenset(["preside", "presides", "presided", "presiding"])


def _governing_party(noun: Token, index: MentionIndex, lexicon: Lexicon) -> list[Mention]:
    """For a transfer noun that is the object of a verb, the verb's subject
    ("Germany approved the sale", "called on X to increase the sale")."""
    head = noun.head
    if noun.dep_ in OBJECTS and head.pos_ in ("VERB", "AUX") and not _labels(head, lexicon):
        subject = subject_of(head)
        if subject is not None:
            return _resolve_pronoun_actors(subject, index)
    if noun.dep_ == "nsubjpass" and head.pos_ == "VERB":  # "the sale was approved by X"
        return [m for _, obj in prep_objects(head, {"by"}) for m in phrase_actors(obj, index)]
    if noun.dep_ == "pobj" and head.lower_ in ("for", "of", "toward", "towards") and \
            head.head.pos_ == "NOUN" and \
            head.head.dep_ in OBJECTS and head.head.head.pos_ == "VERB":
        # "revoked authorisations for the export of bombs": the one who revoked exports
        subject = subject_of(head.head.head)
        if subject is not None:
            return _resolve_pronoun_actors(subject, index)
    halt = head.head if noun.dep_ == "pobj" and head.lower_ == "on" else None
    if halt is not None and halt.pos_ == "NOUN" and \
            lexicon.governor_stage(lexicon.lemma(halt.text, "NOUN")) == "cancelled":
        # "Germany has kept its freeze on sales to the kingdom": whose freeze it is
        holders = _resolve_pronoun_actors(halt, index)
        if not holders and halt.dep_ in OBJECTS and (subject := subject_of(halt.head)):
            holders = _resolve_pronoun_actors(subject, index)  # "Berlin imposed a freeze"
        return holders
    amount, verb = _amount_of(noun)
    if amount is not None and amount.pos_ == "NUM":  # "Washington pushed through $8bn in
        subject = subject_of(verb)  # arms sales", "is moving ahead with $23bn in sales"
        if subject is not None:
            return _resolve_pronoun_actors(subject, index)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and \
            (head.lower_ in ("in", "on", "for", "about") or  # "Egypt is in talks with Russia"
             head.lower_ == "over" and head.head.lower_ in PRESIDING):  # "presided over"
        subject = subject_of(head.head)
        if subject is not None:
            return _resolve_pronoun_actors(subject, index)
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.pos_ == "ADJ" and \
            head.head.head.pos_ in ("VERB", "AUX"):  # "Vietnam is close to a deal"
        subject = subject_of(head.head.head)
        if subject is not None:
            return _resolve_pronoun_actors(subject, index)
    return []


def _origin_actors(token: Token, index: MentionIndex, items_at: dict[int, str],
                   designer_sells: bool = False, makers: bool = True) -> list[Mention]:
    """Actors named as the origin of the materiel: "Iranian drones", "North Korean-made
    shells", "shells from North Korea" inside the transfer's arguments; a designer
    ("Iranian-designed") only where a contract is signed for the design."""
    out: list[Mention] = []
    for arg in _argument_tokens(token, noun=token.pos_ != "VERB"):
        if arg.i not in items_at and not any(c.i in items_at for c in arg.children):
            continue  # the weapon word itself, or the noun a system name modifies
        for child in arg.children:
            if child.dep_ in ORIGIN_MODIFIERS:  # "Iranian drones", "Baykar drones"
                out.extend(m for m in index.in_tokens(list(child.subtree))
                           if (m.kind in ("adjective", "org") or
                               m.kind in ("name", "acronym") and (
                                   m.start - 1 != token.i or  # "flies U.S.-built tanks"
                                   token.doc[m.end - 1].head.lower_ in MAKER_VERBS))
                           and (designer_sells or not _design_only(m, token.doc)))
                # a name right after the verb is its indirect object ("sell Russia arms"),
                # elsewhere it says whose goods ("three US submarines")
            elif child.dep_ == "prep" and child.lower_ == "from":
                out.extend(m for obj in children(child, "pobj") for m in phrase_actors(obj, index))
            elif child.dep_ == "acl" and child.lower_ in MAKER_VERBS:  # "made by Diehl"
                out.extend(m for _, obj in prep_objects(child, {"by", "in"})
                           for m in phrase_actors(obj, index))
    return _unique(out) or (_maker_states(token) if makers else [])


def _definite_goods(token: Token, items_at: dict[int, str]) -> bool:
    """The object is materiel named before: "the drones", "these missiles"."""
    return any(obj.i in items_at and any(d.lower_ in ("the", "these", "those", "such")
                                         for d in obj.children)
               for obj in children(token, *OBJECTS))


def _design_only(mention: Mention, doc: Doc) -> bool:
    """"Iranian-designed missiles", "Soviet-style rifles": a lineage, not a supplier."""
    after = doc[mention.end:mention.end + 2]
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in DESIGN_WORDS


def _makers(tokens: Iterable[Token]) -> list[Mention]:
    """The states whose industry makes the named systems among the tokens, one each."""
    found: dict[str, Mention] = {}
    for token in tokens:
        state = (token.doc._.item_origins or {}).get(token.i)
        if state and state not in found:
            found[state] = Mention(start=token.i, end=token.i + 1, actor_id=state,
                                   acting_for=state, state=state, kind="maker")
    return list(found.values())


def _sole_maker(tokens: Iterable[Token]) -> list[Mention]:
    """The maker when the tokens name systems of one state only."""
    found = _makers(tokens)
    return found if len(found) == 1 else []


def _named_system_maker(noun: Token) -> list[Mention]:
    """The maker of the one system a deal noun is named after ("its Su-35 order")."""
    return _sole_maker(t for c in noun.children if c.dep_ in ("compound", "nmod", "amod")
                       for t in c.subtree)


def _maker_of_possessor(noun: Token) -> list[Mention]:
    """The state whose industry makes the system that "owns" the noun ("the TB2's customer")."""
    return _makers(c for c in noun.children if c.dep_ == "poss")[:1]


def _maker_states(token: Token) -> list[Mention]:
    """The state whose industry makes a named system among the goods ("bought S-400s" ->
    Russia), when the words name no origin of their own."""
    return _sole_maker(_argument_tokens(token, noun=token.pos_ != "VERB"))


def _is_party(token: Token, items_at: dict[int, str], index: MentionIndex,
              lexicon: Lexicon) -> bool:
    """An object that names an actor rather than goods: "supplied Russia", "armed the
    Saudi military", not "supplied Russian drones" or "gave Russian-made gear"."""
    if token.i in items_at or token.pos_ not in ("PROPN", "NOUN", "PRON"):
        return False
    return index.at(token) is not None or token.pos_ == "PRON" or \
        token.lower_ in lexicon.official_nouns or token.lower_ in GROUP_NOUNS or \
        token.pos_ == "PROPN" or _group_in_named_place(token, index) or \
        token.lower_ in LOCATED_GROUPS and any(
            index.at(c) is not None for c in token.children if c.dep_ == "poss" or
            c.dep_ == "amod" and prep_objects(token.head, {"with"}))
    # "armed Syrian rebels with rifles", "arming rebels in Syria", not "flew Syrian
    # fighters and weapons into Tripoli"


def _amount_of(noun: Token) -> tuple[Token | None, Token | None]:
    """The amount a transfer noun measures and the verb that takes the amount, directly
    or through a preposition: "pushed through $8bn in sales", "moving ahead with $23bn in
    sales"."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "of"):
        return None, None
    amount = noun.head.head
    verb = amount.head if amount.dep_ in OBJECTS else \
        amount.head.head if amount.dep_ == "pobj" else None
    return (amount, verb) if verb is not None and verb.pos_ == "VERB" else (None, None)


def _preps_near(token: Token, preps: frozenset[str] | set[str]) -> list[tuple[str, Token]]:
    """Prepositional objects on the word itself and on its object ("sent drones to Russia"
    attaches "to" to either), and on an "of" phrase ("sale of munitions to Moscow")."""
    found = prep_objects(token, preps)
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in OBJECTS:  # "approved sales ... to X"
        found.extend(prep_objects(token.head, preps))
    amount, verb = _amount_of(token)
    if amount is not None and amount.pos_ in ("NUM", "NOUN"):
        found.extend(prep_objects(verb, preps))  # "pushed through $8bn in sales to Jordan"
        found.extend(prep_objects(amount, preps))  # "moving ahead with $23bn in sales to X"
    for child in token.children:
        if child.dep_ in OBJECTS + PASSIVE_SUBJECTS:
            # "sent shells and a million rounds of ammunition to Russia": the phrase may
            # hang on any noun of a long object
            for noun in _goods_phrase(child):
                if noun.pos_ in ("NOUN", "PROPN", "NUM") or noun.lower_ in PRICE_WORDS:
                    found.extend(prep_objects(noun, preps))
        elif child.dep_ == "prep" and child.lower_ in ("of", "with"):
            for obj in children(child, "pobj"):
                found.extend(prep_objects(obj, preps))
        elif child.lower_ in PRICE_WORDS:  # "delivered arms worth $38 million to the SPLA"
            found.extend(prep_objects(child, preps))
    return found


def _resolve_pronoun_actors(subject: Token, index: MentionIndex) -> list[Mention]:
    actors = phrase_actors(subject, index)
    low = subject.lower_
    owner = next((c for c in subject.children if c.dep_ == "poss" and
                  c.lower_ in ("its", "their")), None)
    if not actors and owner is not None:  # "Its air force operates ...": the owner's
        return [m] if (m := _antecedent(owner, index)) else []
    if not actors and low in STATE_BODIES and any(c.lower_ == "the" for c in subject.children):
        return _last_state_named(subject, index)  # "the government had not authorised"
    if actors or low not in PRONOUNS and low not in FIRST_PERSON:
        return actors
    if low in FIRST_PERSON:  # "'We gave drones to Russia,' the Iranian minister said"
        return _quoted_speaker(subject, index) or _next_speaker(subject, index)
    if low == "they":  # "Germany, Denmark and the Netherlands said they would supply"
        group = _coordinated_subject_above(subject, index)
        if group:
            return group
    return [m] if (m := _antecedent(subject, index)) else []


def _coordinated_subject_above(pronoun: Token, index: MentionIndex) -> list[Mention]:
    """The actors of a coordinated subject of a clause above the pronoun, when it names
    more than one."""
    return next((actors for subject in subjects_above(pronoun)
                 if len(actors := phrase_actors(subject, index)) > 1), [])


def _last_state_named(noun: Token, index: MentionIndex) -> list[Mention]:
    """The state a definite "the government" or "the junta" refers back to: the last one
    named before it in the sentence or the one before."""
    sent_start = noun.sent.start
    earliest = noun.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
    owners = [m for m in index.mentions if m.start < noun.i and m.state.isupper() and
              _owns_a_body(noun.doc[m.end - 1])]
    if noun.lower_ in ("junta", "regime") and owners:
        # "Myanmar's military government ... the junta": a report has one junta, the one
        # whose ruling body it named
        return [owners[-1]]
    states = [m for m in index.mentions if earliest <= m.start < noun.i and
              m.state == m.acting_for and m.state.isupper()] or owners[-1:]
    dateline = noun.doc._.dateline
    if not states and dateline is not None and "\n" not in doc_text(noun.doc)[:noun.idx]:
        return [dateline]  # "MOSCOW - The ministry said": the first paragraph's own state
    if not states:
        return []
    last = states[-1]  # a minister named last speaks for the ministry's state
    return [replace(last, actor_id=last.state, kind="name")] if last.is_person else [last]


def _owns_a_body(token: Token) -> bool:
    """"Myanmar's junta", "the Myanmar military government": a state owning a state body."""
    head = token.head
    return token.dep_ in ("poss", "compound", "amod") and head.lower_ in STATE_BODIES


def _next_speaker(pronoun: Token, index: MentionIndex) -> list[Mention]:
    """The person named in the next sentence of the paragraph, for a quotation that
    stands alone ("We have delivered the jets." The statement was made by ...)."""
    doc = pronoun.doc
    end = pronoun.sent.end
    if end >= len(doc) or "\n" in doc[end - 1].whitespace_:
        return []
    following = doc[end].sent
    people = [m for m in index.within(following.start, following.end) if m.is_person]
    return people[:1]


def _quoted_speaker(pronoun: Token, index: MentionIndex) -> list[Mention]:
    root = pronoun.sent.root
    for verb in [root, *(c for c in root.children if c.dep_ in ("parataxis", "ccomp"))]:
        subject = subject_of(verb) if verb.pos_ == "VERB" and verb.i != pronoun.head.i else None
        if subject is not None and subject.i != pronoun.i:
            found = phrase_actors(subject, index, coordinated=False)
            if found:
                return found
    return []


def _antecedent(pronoun: Token, index: MentionIndex) -> Mention | None:
    """The subject of the clause that reports or denies this one ("North Korea rejected
    claims that it had delivered weapons"), else the subject of the sentence before, else
    the nearest earlier actor named as a noun (not an adjective) within two sentences."""
    sent_start = pronoun.sent.start
    previous = _previous_sentence_start(pronoun)
    want_person = pronoun.lower_ in ("he", "she")
    own_clause = pronoun.head
    if pronoun.lower_ == "them" and pronoun.dep_ in ("dobj", "dative", "pobj"):  # not
        return _earlier_object(pronoun, index, previous)  # its own clause's subject
    for ancestor in own_clause.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [m for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")
                    and c.i < pronoun.i for m in phrase_actors(c, index, coordinated=False)
                    if m.is_person == want_person or m.speaks_for_body]
        if subjects:  # the nearest, past a dateline's agency name
            return subjects[-1]
    if sent_start > 0 and not want_person:
        last = pronoun.doc[sent_start - 1].sent
        subjects = [m for c in last.root.children if c.dep_ in ("nsubj", "nsubjpass")
                    for m in phrase_actors(c, index, coordinated=False)
                    if not m.is_person or m.speaks_for_body]
        opens = pronoun.i - pronoun.sent.start < 3 or pronoun.dep_ in (
            "nsubj", "nsubjpass") and pronoun.head == pronoun.sent.root  # "Earlier this year
        if subjects and opens:  # it sent ...": the subject goes on being the subject
            return subjects[0]
    for mention in reversed(index.mentions):
        if mention.start >= pronoun.i or mention.start < previous:
            continue
        if mention.kind == "adjective":
            continue
        if want_person != mention.is_person:
            continue
        return mention
    return None


def _goods_owner(verb: Token, index: MentionIndex, deps: tuple[str, ...] = OBJECTS,
                 heads: frozenset[str] | None = None) -> list[Mention]:
    """Whoever owns the goods a verb moves: "sending any of its tanks to Ukraine" (the
    sender), "most of its weapons came from the US" (with the subject as the goods: the
    receiver), "supplied 77% of Pakistan's arms" (with a share as the head: the receiver)."""
    for goods in children(verb, *deps):
        if heads is not None and goods.lower_ not in heads:
            continue
        for word in (goods, *(o for _, o in prep_objects(goods, {"of"}))):
            for owner in children(word, "poss"):
                found = _resolve_pronoun_actors(owner, index)
                if found:
                    return found
    return []


def _previous_sentence_start(token: Token) -> int:
    start = token.sent.start
    return token.doc[start - 1].sent.start if start > 0 else start


def _earlier_object(pronoun: Token, index: MentionIndex, since: int) -> Mention | None:
    clause = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
    subject = subject_of(clause) if clause.pos_ in ("VERB", "AUX") else None
    own = {m.state for m in phrase_actors(subject, index)} if subject is not None else set()
    doc = pronoun.doc
    for mention in reversed(index.mentions):
        named_as_noun = mention.kind != "adjective" or doc[mention.start].dep_ not in (
            "amod", "compound", "nmod")  # "the Poles", not "Polish jets"
        if since <= mention.start < pronoun.i and named_as_noun and \
                not mention.is_person and mention.state not in own:
            return mention
    return None


def _drop_overlaps(mention: TransferMention) -> None:
    """A party on both sides, or a route that is also an end, is a parse slip."""
    suppliers = {m.state for m in mention.suppliers}
    mention.recipients = [m for m in _unique(mention.recipients) if m.state not in suppliers]
    mention.suppliers = _unique(mention.suppliers)
    ends = suppliers | {m.state for m in mention.recipients}
    mention.via = [m for m in mention.via if m.state not in ends]


def _unique(values: list) -> list:
    out = []
    for value in values:
        if value not in out:
            out.append(value)
    return out
