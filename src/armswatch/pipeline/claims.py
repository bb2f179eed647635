"""Stage 5, classify stage and claims: how far each reported transfer got, who says so,
and who denies it.

The words between a transfer word and its reporting verb decide the stage ("is looking
to buy" -> negotiating, "agreed to send" -> agreed, "could route" -> possible, "halted
deliveries" -> cancelled). The reporting verb's subject, or "according to X", is the
source; without one the outlet itself (`author`) asserts. Denials that name the transfer
only loosely ("denied the allegations") become ``doc._.denial_mentions`` and are linked to
a transfer when the document is assembled.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from armswatch.pipeline.actors import Mention
from armswatch.pipeline.lexicon import Lexicon, load_lexicon
from armswatch.pipeline.syntax import (
    COPULAS,
    PRONOUNS,
    MentionIndex,
    children,
    doc_text,
    governors,
    is_negated,
    phrase_actors,
    prep_objects,
    reduced_relative,
    subject_of,
    subjects_above,
)
from armswatch.pipeline.transfers import SIGNING_VERBS, TransferMention, trigger_for

SPECULATIVE_MODALS = frozenset(["may", "might", "could", "can"])
FUTURE_MODALS = frozenset(["will", "shall", "'ll", "wo"])
STAGE_ORDER = {"possible": 0, "negotiating": 1, "agreed": 2, "delivered": 3, "cancelled": 4}


@dataclass
class DenialMention:
    """A denial in a sentence without transfer words of its own."""

    sources: list[Mention]
    cue: str
    cue_token: int
    sentence: tuple[int, int]
    named: list[Mention] = field(default_factory=list)  # actors named in what is denied
    both_parties: bool = False  # "both countries deny": the two ends of the transfer


@dataclass
class Attribution:
    source: Mention | None
    cue: str | None
    cue_token: int | None
    denies: bool = False
    also: list[Mention] = field(default_factory=list)  # "Seoul and Washington say"


class ClaimClassifier:
    """spaCy component: stage, stance and source for ``doc._.transfer_mentions``."""

    def __init__(self, nlp: Language, name: str = "armswatch_claims") -> None:
        self.name = name
        self.lexicon = load_lexicon()
        if not Doc.has_extension("denial_mentions"):
            Doc.set_extension("denial_mentions", default=None)

    def __call__(self, doc: Doc) -> Doc:
        index = MentionIndex(doc, doc._.actor_mentions or [])
        speakers = SpeakerMemory()
        kept: list[TransferMention] = []
        denials: list[DenialMention] = []
        mentions = doc._.transfer_mentions or []
        for sent in doc.sents:
            in_sentence = [m for m in mentions if sent.start <= m.trigger < sent.end]
            for mention in in_sentence:
                if classify(doc[mention.trigger], mention, index, self.lexicon, speakers):
                    kept.append(mention)
            denial = find_denial(sent, in_sentence, index, self.lexicon, speakers)
            if denial is not None:
                denials.append(denial)
            speakers.update(sent, index, self.lexicon)
        for mention in kept:
            if mention.source is None:
                _attribute_quote(doc, mention, index, self.lexicon, speakers)
        doc._.transfer_mentions = kept
        doc._.denial_mentions = denials
        return doc


OPEN_QUOTES = ('"', "\u201c")
CLOSE_QUOTES = ('"', "\u201d")


def _attribute_quote(doc: Doc, mention: TransferMention, index: MentionIndex,
                     lexicon: Lexicon, speakers: SpeakerMemory) -> None:
    """A quoted sentence whose speaker is named where the quotation closes, in a later
    sentence of the same paragraph ("... arms deals." Kirby said.)."""
    start, _ = mention.sentence
    paragraph_end = doc_text(doc).find("\n", start)
    paragraph_end = len(doc_text(doc)) if paragraph_end < 0 else paragraph_end
    if not _inside_quote(doc_text(doc), start):
        return
    for sent in doc.sents:
        if sent.start_char <= start or sent.start_char >= paragraph_end:
            continue
        for token in sent:
            if token.pos_ == "VERB" and lexicon.lemma(token.text, "VERB") in lexicon.reporting:
                source = speaker_of(token, index, speakers)
                if source is not None:
                    mention.source, mention.cue, mention.cue_token = source, token.text, token.i
                    return
        if any(q in sent.text for q in CLOSE_QUOTES):
            return  # the quotation closed without a speaker


def _inside_quote(text: str, position: int) -> bool:
    """Whether `position` lies inside a quotation opened earlier in its paragraph, or a
    sentence that itself opens one."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    curly_open = before.count("\u201c") - before.count("\u201d")
    straight = before.count('"') % 2
    opens_here = text[position:position + 1] in OPEN_QUOTES
    return curly_open > 0 or straight == 1 or opens_here


QUESTION_VERBS = frozenset(["ask", "question", "wonder", "inquire", "enquire"])


class SpeakerMemory:
    """The last named speakers, so "he said" and "the ministry said" find their source."""

    def __init__(self) -> None:
        self.person: Mention | None = None
        self.other: Mention | None = None

    def update(self, sent: Span, index: MentionIndex, lexicon: Lexicon) -> None:
        for token in sent:
            lemma = lexicon.lemma(token.text, "VERB") if token.pos_ == "VERB" else ""
            if lemma not in lexicon.reporting and lemma not in lexicon.denial:
                continue
            subject = subject_of(token)
            if subject is None:
                continue
            fronted = _fronted_person(token, index)
            for actor in phrase_actors(subject, index) or ([fronted] if fronted else []):
                if actor.is_person:
                    self.person = actor
                else:
                    self.other = actor

    def resolve(self, pronoun: Token, index: MentionIndex | None = None) -> Mention | None:
        if pronoun.lower_ in ("he", "she", "his", "her"):
            return self.person
        return (index and _clause_subject_before(pronoun, index)) or self.other or self.person


def _clause_subject_before(pronoun: Token, index: MentionIndex) -> Mention | None:
    """"The EU imposed sanctions on officers that it said were involved": "it" is the
    sentence's own subject when that is a state or body named before the pronoun."""
    root = pronoun.sent.root
    subject = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    if subject is None or subject.i >= pronoun.i or subject.i == pronoun.i:
        return None
    found = [m for m in phrase_actors(subject, index, coordinated=False)
             if not m.is_person or m.speaks_for_body]
    return found[0] if found else None


def classify(trigger: Token, mention: TransferMention, index: MentionIndex, lexicon: Lexicon,
             speakers: SpeakerMemory) -> bool:
    """Fill stage, stance and source; False when the mention is no claim of a transfer."""
    attribution = attribute(trigger, index, lexicon, speakers)
    stop = trigger.doc[attribution.cue_token] if attribution.cue_token is not None else None
    if _under_rule(trigger, stop, index, lexicon) or _under_question(trigger, lexicon) or \
            _not_known(trigger, lexicon):
        return False
    status, negated = stage(trigger, mention.base_status, stop, lexicon, mention.frame)
    # "are not thinking of sending": the cue itself is negated over the transfer word
    negated = negated or stop is not None and stop.dep_ != "ROOT" and is_negated(stop) and \
        trigger.head.pos_ == "ADP" and trigger.head.head == stop
    if stop is not None and trigger.head.i == stop.i and trigger.dep_ in ("dobj", "obj") and \
            lexicon.governor_stage(lexicon.lemma(stop.text, stop.pos_)) == "agreed" and \
            status == "delivered":
        status = "agreed"  # "announced a new package": the announcement is the act
    if negated and mention.base_status == "delivered" and \
            (status in ("agreed", "delivered") and _looks_ahead(trigger) or
             status == "possible" and _cannot(trigger) and attribution.source is not None) and \
            _supplier_side(attribution.source, mention):
        # "Germany would not send lethal weapons": the supplier refuses, a halt it reports
        status, negated = "cancelled", False
    if mention.frame == "use" and trigger.pos_ in ("NOUN", "PROPN") and \
            status in ("agreed", "possible"):
        status = "delivered"  # "will supplement the navy's Russian-made MiG-29Ks": held now
    if status == "agreed" and not negated and _ordered_goods_delivered(trigger, lexicon):
        status = "delivered"  # "ordered 16 more in January, which were delivered in March"
    mention.status = status
    urging, urgers = _urging_a_halt(trigger, index, lexicon)
    if attribution.source is None and urging is not None and urgers:
        # "the US and Japan urged North Korea to halt arms talks with Russia": who urges a
        # halt says the transfer is under way
        attribution.source, attribution.also = urgers[0], urgers[1:]
        attribution.cue, attribution.cue_token = urging.text, urging.i
    mention.source = attribution.source
    mention.also_sources = attribution.also
    mention.cue = attribution.cue
    mention.cue_token = attribution.cue_token
    if attribution.denies and attribution.source is None:
        return False  # "the reports were dismissed": a denial by nobody named
    if attribution.denies and attribution.cue_token is not None and \
            _turns_down_request(trigger.doc[attribution.cue_token], lexicon):
        if mention.status == "cancelled":
            return False  # "dismissed calls to stop selling weapons": sales go on, unsaid
        mention.status = "cancelled"  # "rebuffed a German request for ammunition": refused
        attribution.denies = False
    if negated and attribution.source is None:  # '"We do not export weapons," X said.'
        _attribute_quote(trigger.doc, mention, index, lexicon, speakers)
        attribution.source = mention.source
    if attribution.denies or (negated and attribution.source is not None):
        mention.stance = "denies"
        _denier_as_party(mention)
    elif negated:
        return False  # the outlet says it did not happen and nobody says it did
    elif status == "possible" or _hearsay(trigger, attribution, lexicon):
        mention.stance = "speculates"
    else:
        mention.stance = "asserts"
    return True


def _hearsay(trigger: Token, attribution: Attribution, lexicon: Lexicon) -> bool:
    """"Vietnam is believed to be close to a deal", "is said to be negotiating": someone
    unnamed says so, and the outlet only passes it on."""
    if attribution.source is not None:
        return False
    for token in [trigger, *governors(trigger)][:4]:
        if token.pos_ == "VERB" and lexicon.lemma(token.text, "VERB") in lexicon.reporting \
                and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
            return True
    return False


def _not_known(trigger: Token, lexicon: Lexicon) -> bool:
    """"could not determine who had shipped the weapons", "did not say whether", "have not
    seen China transfer": the speaker does not know, which claims nothing either way."""
    for token in governors(trigger):
        if token.pos_ == "ADP":
            return False  # "not thinking of sending": an intention, judged as a stage
        lemma = lexicon.lemma(token.text, "VERB")
        return token.pos_ == "VERB" and is_negated(token) and lemma not in lexicon.denial and \
            (lemma in lexicon.reporting or token.lower_ in PERCEPTION_VERBS)
    return False


#: "have not seen China transfer weapons": no evidence either way.
PERCEPTION_VERBS = frozenset(["see", "sees", "saw", "seen", "seeing", "observe", "observed",
                              "detect", "detected", "notice", "noticed", "witness",
                              "witnessed"])


def _denier_as_party(mention: TransferMention) -> None:
    """"France insisted they had never been handed to any Libyan party": a state that
    denies a transfer whose supplier goes unnamed denies its own part in it."""
    source = mention.source
    if source is None or not source.state.isupper():
        return
    party = replace(source, actor_id=source.state, acting_for=source.state, kind="name")
    if not mention.suppliers and mention.frame in ("supply", "arm") and \
            source.state not in {m.state for m in mention.recipients}:
        mention.suppliers = [party]
    elif not mention.recipients and mention.frame == "acquire" and \
            source.state not in {m.state for m in mention.suppliers}:
        mention.recipients = [party]


def _looks_ahead(trigger: Token) -> bool:
    """"will not send", "would not supply", "is not going to send": a decision about what
    comes next, not a report of what happened."""
    for token in (trigger, trigger.head):
        words = [c.lower_ for c in token.children if c.dep_ == "aux"]
        if any(w in FUTURE_MODALS or w == "would" for w in words) or token.lower_ == "going":
            return True
    return False


def _cannot(trigger: Token) -> bool:
    """"informed Buenos Aires that it could not sell the FA-50": the supplier was unable
    ("China cannot export weapons to Russia" states a rule, not a halt)."""
    return any(c.dep_ == "aux" and c.lower_ == "could" for c in trigger.children)


def _supplier_side(source: Mention | None, mention: TransferMention) -> bool:
    """The supplier itself speaks, or the outlet reports the supplier's own decision."""
    return source is None or source.state in {m.state for m in mention.suppliers}


def _under_question(trigger: Token, lexicon: Lexicon) -> bool:
    """"Asked whether Russian units were using Iranian drones, ...": a question, no claim."""
    for token in [trigger, *governors(trigger)]:
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children) \
                and lexicon.lemma(token.head.text, "VERB") in QUESTION_VERBS:
            return True
    return False


def _under_rule(trigger: Token, stop: Token | None, index: MentionIndex,
                lexicon: Lexicon) -> bool:
    """"an embargo that bans the supply of weapons", "obliges exporters to ...": a rule."""
    for governor in governors(trigger, stop):
        if lexicon.lemma(governor.text, governor.pos_) not in lexicon.prohibitions:
            continue
        subject = subject_of(governor) if governor.pos_ == "VERB" else None
        rulers = phrase_actors(subject, index) if subject is not None else []
        return not any(m.state.isupper() and len(m.state) == 3 for m in rulers)
    return False


def attribute(trigger: Token, index: MentionIndex, lexicon: Lexicon,
              speakers: SpeakerMemory) -> Attribution:
    """Walk up from the transfer word to the first reporting verb with a known speaker."""
    through_claim_noun = False
    below = trigger
    described = False  # passed through a clause that describes a noun
    pronoun_fallback: Attribution | None = None
    for governor in governors(trigger):
        lemma = lexicon.lemma(governor.text, governor.pos_)
        if described and below.dep_ == "nsubj" and (lemma in lexicon.reporting or
                                                     lemma in lexicon.denial):
            # "Romania, which operates Patriots bought from the US, said ...": what
            # describes the speaker is the outlet's, not what the speaker says or denies
            return Attribution(None, None, None)
        described = described or below.dep_ in ("relcl", "acl", "appos")
        if _narrated_conjunct(below) and \
                lexicon.lemma(below.text, below.pos_) not in lexicon.reporting:
            # "Spain said it would send tanks, and Sweden pledged ten": the outlet narrates
            # the second clause, it is not part of what Spain said
            return Attribution(None, None, None)
        if governor.pos_ in ("NOUN", "PROPN") and lemma in lexicon.claim_nouns:
            through_claim_noun = True
        is_denial = lemma in lexicon.denial and governor.pos_ in ("VERB", "NOUN") or \
            through_claim_noun and governor.pos_ in ("AUX", "VERB") and \
            any(c.dep_ in ("attr", "acomp") and c.lower_ in lexicon.falsity
                for c in governor.children) or \
            through_claim_noun and lemma in lexicon.labelling and \
            _labels_claims_false(governor, lexicon)  # "regards as groundless the allegations"
        if is_denial and lemma not in lexicon.denial:  # "reports of ... were propaganda"
            source = next((speaker_of(g, index, speakers) for g in governors(governor)
                           if lexicon.lemma(g.text, g.pos_) in lexicon.reporting), None)
            return Attribution(source, governor.text, governor.i, denies=True)
        if is_denial and not through_claim_noun and below.dep_ in ("dobj", "nsubjpass") and \
                lemma in lexicon.stage_governors["cancelled"]:
            is_denial = False  # "rejected the sale": a refusal, judged as a stage
        if _signs_the_deal(governor, trigger, lexicon):
            below = governor  # "Qatar concluded an agreement for F-15s": the deal, not a report
            continue
        if (lemma in lexicon.reporting or is_denial) and governor.pos_ in ("VERB", "NOUN"):
            source = speaker_of(governor, index, speakers)
            found = Attribution(source, governor.text, governor.i, denies=is_denial,
                                also=co_speakers(governor, source, index))
            if _pronoun_subject(governor) and not is_denial and source is not None:
                # "the White House said it had determined": prefer the named speaker above
                pronoun_fallback = pronoun_fallback or found
            elif source is not None or is_denial:
                return found
        below = governor
    if pronoun_fallback is not None:
        return pronoun_fallback
    according = according_to(trigger.sent, index)
    if according is not None:
        return Attribution(according[0], "according to", according[1])
    fallback = _sentence_reporter(trigger, index, lexicon, speakers)
    return fallback or Attribution(None, None, None)


def _narrated_conjunct(clause: Token) -> bool:
    """A past-tense clause with its own named subject joined to a reported one."""
    children = list(clause.children)
    return clause.dep_ == "conj" and clause.tag_ == "VBD" and any(
        c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in children) and \
        not any(c.dep_ == "mark" for c in children)  # "said that ... and that Tehran wanted"


def _signs_the_deal(verb: Token, trigger: Token, lexicon: Lexicon) -> bool:
    """"concluded an agreement": a verb that both reports and makes deals, with the deal
    word as its object, makes the deal."""
    return lexicon.lemma(verb.text, "VERB") in SIGNING_VERBS and trigger.dep_ == "dobj" and \
        trigger.head.i == verb.i


def _left_speaker(verb: Token, index: MentionIndex) -> Mention | None:
    """"..., the head of Russia's arms export agency said": a speaker the parser hung
    elsewhere, read from the words between the last comma or quote and the verb."""
    start = verb.i
    while start > verb.sent.start and verb.doc[start - 1].text not in (",", '"', "”", ";"):
        start -= 1
    if verb.i - start > 12:
        return None
    found = index.within(start, verb.i)
    people = [m for m in found if m.is_person]
    return (people or found or [None])[0]


def _reporting_participle(verb: Token) -> bool:
    root = verb.sent.root
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and root.i != verb.i and \
        root.pos_ == "VERB" and not children(verb, "nsubj")


def _pronoun_subject(verb: Token) -> bool:
    if _reporting_participle(verb):
        return False
    subject = subject_of(verb) if verb.pos_ == "VERB" else None
    return subject is not None and subject.lower_ in PRONOUNS


def speaker_of(verb: Token, index: MentionIndex, speakers: SpeakerMemory) -> Mention | None:
    if _reporting_participle(verb):
        # "Kirby said ..., while reiterating that ...": the one who said it reiterates
        found = speaker_of(verb.sent.root, index, speakers)
        if found is not None:
            return found
    subject = subject_of(verb) if verb.pos_ == "VERB" else None
    if verb.pos_ in ("NOUN", "PROPN"):  # "Iran's denial", "U.S. intelligence"
        owners = [c for c in verb.children if c.dep_ in ("poss", "amod", "compound")]
        found = [m for c in owners for m in phrase_actors(c, index)]
        return found[0] if found else None
    if subject is None:
        agents = [o for _, o in prep_objects(verb, {"by"})]
        subject = agents[0] if agents else None
    if subject is None and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "Indonesia is said to be negotiating": said by someone unnamed
    if subject is None:
        return _left_speaker(verb, index)
    actors = phrase_actors(subject, index, coordinated=False)
    if actors:
        return actors[0]
    if subject.lower_ in PRONOUNS:
        return speakers.resolve(subject, index)
    return _definite_speaker(subject, verb, index) or _fronted_person(verb, index)


def _fronted_person(verb: Token, index: MentionIndex) -> Mention | None:
    """"On Tuesday, Blinken, speaking in London after talks with ..., claimed": a person
    who opens the sentence and heads it, when the parser gave the verb another subject."""
    for mention in index.within(verb.sent.start, verb.i):
        head = verb.doc[mention.end - 1]
        if mention.is_person and head.dep_ in ("ROOT", "nsubj") and head.head != verb:
            return mention
    return None


#: "the panel found", "the ministry said": the body a definite description refers back to.
_BODY_NOUNS = {"panel": "org", "experts": "org", "committee": "org", "group": "org",
               "investigators": "org", "monitors": "org", "report": "org",
               "company": "company", "firm": "company", "manufacturer": "company",
               "maker": "company", "broadcaster": "org", "newspaper": "org",
               "paper": "org", "outlet": "org", "channel": "org", "daily": "org",
               "ministry": "state", "government": "state", "administration": "state",
               "department": "state", "military": "state", "army": "state",
               "spokesman": "state", "spokeswoman": "state", "spokesperson": "state",
               "statement": "state", "embassy": "state", "cabinet": "state",
               "presidency": "state", "office": "state", "agency": "state"}


def _is_body(mention: Mention) -> bool:
    """An intergovernmental body, panel or outlet: an actor without a state behind it."""
    return mention.state == mention.acting_for and not mention.state.isupper()


def _mention_class(mention: Mention) -> str:
    if _is_body(mention) or mention.kind == "media":
        return "org"
    return "company" if mention.kind == "org" else "state"


def _definite_speaker(subject: Token, verb: Token, index: MentionIndex) -> Mention | None:
    kind = _BODY_NOUNS.get(subject.lower_)
    if any(c.dep_ == "compound" and c.lower_ in ("news", "wire", "press") for c in
           subject.children):
        kind = "org"  # "the news agency", not a state agency
    has_the = any(c.lower_ == "the" for c in subject.children)
    if kind is None or not has_the:
        return None
    if kind == "state":  # the government speaks for the state its clause is about
        clause_subjects = [m for c in verb.children if c.dep_ == "ccomp"
                           for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                           for m in phrase_actors(s, index, coordinated=False)]
        states = [m for m in clause_subjects if m.kind != "context"]
        if states:
            return states[0]
    earlier = [m for m in index.mentions if m.end <= subject.i and not m.is_person and
               _mention_class(m) == kind]
    if earlier:
        return earlier[-1]
    # a report's opening ("The presidential office said ... South Korea's position"): the
    # state its own sentence names next
    later = [m for m in index.within(verb.i, verb.sent.end) if not m.is_person and
             _mention_class(m) == kind == "state"]
    return later[0] if later else None


def co_speakers(verb: Token, first: Mention | None, index: MentionIndex) -> list[Mention]:
    """The other speakers of a coordinated subject ("Seoul and Washington say")."""
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subject is None or first is None:
        return []
    return [m for m in phrase_actors(subject, index) if m.acting_for != first.acting_for]


def according_to(sent: Span, index: MentionIndex) -> tuple[Mention, int] | None:
    for token in sent:
        if token.lower_ == "according":
            for _, obj in prep_objects(token, {"to"}):
                actors = phrase_actors(obj, index, coordinated=False)
                found = actors[0] if actors else \
                    _definite_speaker(obj, token, index) if _BODY_NOUNS.get(obj.lower_) == "org" \
                    else None
                if found is not None:  # "according to the report": the body named before
                    return found, token.i
    return None


def _sentence_reporter(trigger: Token, index: MentionIndex, lexicon: Lexicon,
                       speakers: SpeakerMemory) -> Attribution | None:
    """A reporting verb elsewhere in the sentence ("Iran, officials said, sent drones";
    a quote closed by "Kirby said")."""
    for token in trigger.sent:
        if token.pos_ != "VERB" or token.i == trigger.i:
            continue
        lemma = lexicon.lemma(token.text, "VERB")
        if lemma not in lexicon.reporting or any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")
                for c in token.children):
            continue  # "If confirmed, it would be ...": a condition, nobody reports
        if token.dep_ not in ("ROOT", "parataxis", "advcl") and \
                not _trailing_report(token, trigger):
            continue
        if token.dep_ == "advcl" and _later_event(token):
            continue  # "delivered missiles, after which Beijing said it had halted ..."
        if token.dep_ == "advcl" and any(c.dep_ == "prep" and children(c, "pcomp")
                                         for c in token.children):
            continue  # "suspended aid, accusing it of failing to act": reports its own content
        if trigger.i in {t.i for t in token.subtree} and token.dep_ != "ROOT":
            continue
        if _signs_the_deal(token, trigger, lexicon):
            continue  # "Qatar concluded an agreement": the deal itself
        source = speaker_of(token, index, speakers)
        if source is not None:
            return Attribution(source, token.text, token.i)
    return None


def _reporter_above(pronoun: Token, index: MentionIndex) -> Mention | None:
    """The named subject of a clause above the pronoun's, before it in the sentence."""
    return next((found[0] for subject in subjects_above(pronoun)
                 if (found := phrase_actors(subject, index, coordinated=False))), None)


def _later_event(clause: Token) -> bool:
    """An adverbial clause that reports an event of its own ("after which", "before")."""
    return any(c.dep_ == "mark" and c.lower_ in SEPARATE_EVENT_MARKS - {"as"} or
               c.dep_ == "prep" and c.lower_ in SEPARATE_EVENT_MARKS and
               any(o.lower_ in ("which", "that") for o in c.children)
               for c in clause.children)


def _trailing_report(verb: Token, trigger: Token) -> bool:
    """"X asked Y for Z before ..., Kyiv's ambassador has confirmed.": a closing report
    the parser hung inside the clause it reports; it ends the sentence after a comma."""
    words = [t for t in verb.subtree if not t.is_punct]
    start = words[0].i
    if start <= trigger.i or start == verb.sent.start:
        return False
    if verb.doc[start - 1].text not in (",", '"', "”", "—"):
        return False
    own = {t.i for t in verb.subtree}
    after = verb.doc[verb.i + 1:verb.sent.end]  # "said in a report made public" still closes
    return not any(t.pos_ in ("VERB", "AUX") and (t.i not in own or t.dep_ in ("ccomp", "conj"))
                   for t in after)


def stage(trigger: Token, base: str, stop: Token | None, lexicon: Lexicon,
          frame: str = "acquire") -> tuple[str, bool]:
    """The stage the words around a transfer word give it, and whether it is negated."""
    path = [trigger, *governors(trigger, stop)]
    speculative = future = negated = ongoing = False
    governed: str | None = None
    cancelled = False
    hedged = any(lexicon.governor_stage(c.lower_) == "possible" and c.dep_ in ("amod", "advmod")
                 for c in trigger.children)
    if _arranged(trigger):
        future = True  # "the air force is to acquire three JF-17s": arranged, not done
    for position, token in enumerate(path):
        for child in token.children:
            word = child.lower_
            if child.dep_ == "aux" and word in SPECULATIVE_MODALS:
                # "I can confirm that the Bushmasters have been delivered": sure, not maybe
                speculative = speculative or not (
                    word == "can" and position > 0 and
                    lexicon.lemma(token.text, "VERB") in lexicon.reporting)
            elif child.dep_ == "aux" and word in FUTURE_MODALS:
                future = True
            elif child.dep_ == "aux" and word == "would":
                conditional = any(c.dep_ == "mark" and c.lower_ == "if" or  # "If confirmed,
                                  c.dep_ == "advcl" and any(  # it would be ..."
                                      m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
                                  for c in token.children)
                # "would" under a reporting verb is a future told ("Britain would send
                # more, Johnson said"), even when the speaker is no known actor
                reported = stop is not None or token.dep_ == "ccomp" and \
                    lexicon.lemma(token.head.text, "VERB") in lexicon.reporting
                speculative = speculative or conditional or not reported
                future = True
            elif child.dep_ == "mark" and word in ("if", "whether", "unless"):
                # "reviewing whether to provide": the review is talks, not a guess
                speculative = speculative or not (word == "whether" and lexicon.governor_stage(
                    lexicon.lemma(token.head.text, token.head.pos_)) == "negotiating")
        # the transfer word or the verb right above it ("not thinking of sending"); a halt
        # that did not happen leaves the transfer as it was ("has not abandoned talks")
        spent = _on_the_table(token) is not None
        failed = token.dep_ == "xcomp" and token.head.lower_ in FAILING
        unhalted = position > 0 and (is_negated(token) or failed) and not spent and \
            _governor_stage(token, lexicon) == "cancelled"  # "failed to block the sale"
        conjunct = position > 0 and path[position - 1].dep_ == "conj"  # "is not X and buys"
        if position - _prepositions_below(path, position) <= 1 and not unhalted and \
                not conjunct and not spent and (is_negated(token) or position > 0 and
                                  lexicon.lemma(token.text, token.pos_) in lexicon.negating):
            negated = True
        own_event = _own_event(token)
        if own_event and any(c.dep_ == "mark" and c.lower_ == "until" for c in token.children):
            break  # "should pause sales until Abu Dhabi stopped supplying": not yet stopped
        if own_event and position == 0 or position == 0 and (
                token.dep_ == "relcl" and not _infinitive(token) or reduced_relative(token)):
            # "turned down Kyiv's requests, although it has sold shells to the US", "refused
            # to let it send shells for the guns that Berlin has given Ukraine", "its THAAD,
            # bought from the US, intercepted a missile"
            break
        if position == 0:
            continue
        if lexicon.lemma(token.text, token.pos_) in lexicon.ongoing:
            ongoing = True
        if lexicon.governor_stage(lexicon.lemma(token.text, token.pos_)) == "cancelled" and \
                _halt_asked_for(token, lexicon):
            break  # a halt only asked for: the words above it speak of the halt
        found = _governor_stage(token, lexicon)
        if path[position - 1].dep_ == "ccomp" and \
                lexicon.lemma(token.text, token.pos_) in lexicon.reporting:
            found = None  # "the panel concluded that Iran had supplied": a finding, no stage
        if found is None and path[position - 1].dep_ in ("nsubj", "nsubjpass"):
            # "the plan is believed to have collapsed": the stage sits on the raised verb
            found = next((stage for x in children(token, "xcomp")
                          if (stage := _governor_stage(x, lexicon)) == "cancelled"), None)
        if token.lower_ in lexicon.offers and _has_if_clause(token):
            speculative = True  # "ready to work out deliveries if Turkey expressed interest"
        if found == "agreed" and frame == "acquire" and token.lower_ in lexicon.offers:
            found = "negotiating"  # "ready to buy": an offer to buy is no deal
        if token.pos_ == "NOUN" and path[position - 1].dep_ in ("appos", "conj", "nsubj"):
            found = None  # "the veto ...: the shipment of shells" names, it does not halt
        if unhalted:  # "did not rule out supplying" leaves it open, "has not halted" going on
            opened = lexicon.lemma(token.text, "VERB") in ("rule", "exclude")
            found, ongoing = ("possible", ongoing) if opened else (None, True)
        if own_event and position > 1 and found != "cancelled":
            found = None  # "presses ahead with its purchase, even as": not the purchase's stage
        cancelled = cancelled or found == "cancelled"  # "a plan to buy ... was frozen"
        if found == "agreed" and path[position - 1].pos_ == "NOUN" and \
                lexicon.lemma(token.text, "VERB") in SIGNING_VERBS and \
                _intent_noun(path[position - 1], lexicon):
            found = None  # "signed a memorandum on buying S-400s": signed intent, no deal
        if found and governed is None:
            governed = found
        elif found == "agreed" and governed == "negotiating" and path[position - 1].pos_ == \
                "NOUN" and path[position - 1].dep_ in ("dobj", "nsubjpass"):
            governed = found  # "approved requests by Estonia to transfer": granted
        if token.dep_ in ("relcl", "acl") or own_event:
            # "systems of the kind it has sent", "dried up after Berlin restricted exports":
            # the clause above has its own stage
            break
    if cancelled or _offer_turned_down(trigger, lexicon):
        return "cancelled", False if speculative else negated
    if any(c.dep_ == "neg" for c in trigger.children) and \
            any(c.lower_ == "yet" for c in trigger.children) and \
            base == "delivered" and not speculative:
        return "agreed", False  # "had not yet delivered the S-300s Syria ordered": pending
    if _no_longer(trigger) and not speculative:
        return "cancelled", False  # "Poland is no longer transferring weapons to Ukraine"
    if _approval_withheld(path, lexicon):
        return "cancelled", False  # "will issue no new export licences for the kingdom"
    if speculative or not negated and _any_such(trigger):
        return "possible", negated
    if governed == "agreed" and any(t.pos_ == "ADJ" and t.lower_ in NEARLY for t in path[1:]):
        return "negotiating", negated  # "close to finalising a deal": not there yet
    if governed in ("negotiating", "agreed"):
        return _furthest_request(governed, base), negated
    if hedged and base in ("delivered", "agreed"):  # "would likely be forwarded"
        return "possible", negated
    if future and not ongoing:
        return ("agreed" if base in ("delivered", "agreed") else base), negated
    if governed == "possible":
        return "possible", negated
    if base == "delivered" and frame in ("acquire", "request") and _purpose_infinitive(trigger):
        return "negotiating", negated  # "raised money to buy one": an aim, not a delivery
    if base == "delivered" and frame == "acquire" and _in_progress(trigger, lexicon):
        return "agreed", negated  # "Poland is buying Patriots": bought, not yet all arrived
    return base, negated


def _no_longer(verb: Token) -> bool:
    """"no longer supplies", "will not supply tanks any longer": a supply that stopped."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "advmod" and c.lower_ == "longer" and
        any(d.lower_ in ("no", "any") for d in c.children) for c in verb.children)


def _intent_noun(noun: Token, lexicon: Lexicon) -> bool:
    """"a memorandum", "a letter of intent": what signing it makes is talks, not a deal."""
    trig = trigger_for(noun, lexicon)
    return trig is not None and trig.frame == "deal" and trig.status == "negotiating"


def _approval_withheld(path: list[Token], lexicon: Lexicon) -> bool:
    """"will issue no new licences", "would not grant any new licences for the export of
    arms to Riyadh": an approval refused halts the transfers it would have allowed."""
    for token in path:
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.pos_ == "NOUN" and lexicon.lemma(token.text, "NOUN") in APPROVAL_NOUNS:
            return is_negated(token) or token.dep_ in ("dobj", "nsubjpass") and \
                is_negated(token.head)
    return False


PURCHASE_VERBS = frozenset(["buy", "purchase", "acquire", "procure"])
BE_FORMS = frozenset(["is", "are", "was", "were", "'s", "'re"])


def _arranged(verb: Token) -> bool:
    """"is to acquire three jets": be + infinitive; not "was to have come" (a plan that
    fell through) nor "it was important to supply" (the infinitive is a subject)."""
    be = verb.head
    return verb.dep_ == "xcomp" and _infinitive(verb) and be.lower_ in BE_FORMS and \
        not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children) and \
        not children(be, "acomp", "attr", "expl") and \
        not any(c.lower_ == "it" for c in children(be, "nsubj"))
#: "close to a deal", "near to signing": the deal is not there yet.
NEARLY = frozenset(["close", "closer", "near", "nearer"])


def _in_progress(verb: Token, lexicon: Lexicon) -> bool:
    """"is buying", "are acquiring": a purchase under way ("has been receiving" is
    deliveries going on)."""
    return verb.tag_ == "VBG" and lexicon.lemma(verb.text, "VERB") in PURCHASE_VERBS and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re") for c in verb.children)


def _prepositions_below(path: list[Token], position: int) -> int:
    return sum(1 for token in path[1:position] if token.pos_ == "ADP")


#: Conjunctions that join a clause reporting an event of its own.
SEPARATE_EVENT_MARKS = frozenset(["although", "though", "while", "whereas", "after", "before",
                                  "since", "because", "as", "when", "until"])


def _own_event(token: Token) -> bool:
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SEPARATE_EVENT_MARKS for c in token.children)


def _any_such(trigger: Token) -> bool:
    """"any transfer of Iranian missiles to Russia would be met with a response", "any
    Patriots sent to Ukraine": a hypothetical transfer, not a reported one."""
    goods = trigger.head if trigger.dep_ == "acl" else trigger
    return goods.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ == "any" for c in goods.children)


def _infinitive(verb: Token) -> bool:
    """"a contract worth $1 billion to supply Romania": a clause with no tense of its own."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _ordered_goods_delivered(trigger: Token, lexicon: Lexicon) -> bool:
    """A relative clause on the goods of a deal that says they were delivered."""
    for token in trigger.subtree:
        if token.dep_ != "relcl" or token == trigger or is_negated(token):
            continue
        relative = any(c.lower_ in ("which", "that") and c.dep_ in ("nsubj", "nsubjpass")
                       for c in token.children)
        modal = any(c.dep_ == "aux" and c.lower_ in ALL_MODALS for c in token.children)
        if relative and not modal and lexicon.lemma(token.text, "VERB") in DELIVERY_VERBS:
            return True
    return False


DELIVERY_VERBS = frozenset(["deliver", "arrive", "hand", "ship", "receive"])


def _purpose_infinitive(verb: Token) -> bool:
    """"raised money to buy one"; not "the first country to buy THAAD", which did."""
    return verb.pos_ == "VERB" and verb.dep_ in ("advcl", "relcl", "acl") and \
        _infinitive(verb) and not _ranked(verb.head)


def _ranked(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and any(c.lower_ in ("first", "only", "last", "second", "latest")
                                       for c in noun.children if c.dep_ == "amod")


OBLIGATION_MODALS = frozenset(["should", "must", "ought"])
ALL_MODALS = SPECULATIVE_MODALS | FUTURE_MODALS | OBLIGATION_MODALS | {"would"}
#: Verbs whose object carries the stage ("gave its approval", "issued a ban").
LIGHT_VERBS = frozenset(["give", "grant", "issue", "impose", "announce"])


def _governor_stage(token: Token, lexicon: Lexicon) -> str | None:
    lemma = lexicon.lemma(token.text, token.pos_)
    particles = [c.lower_ for c in token.children if c.dep_ == "prt" or  # "going ahead",
                 c.dep_ == "advmod" and (c.lower_ in ("ahead", "apart", "forward") or
                                         c.pos_ == "ADP") or
                 c.dep_ == "prep" and not list(c.children)]  # "push through", "fell apart"
    # "put a hold on deliveries", "put the deal on hold"
    particles += [t.lower_ for c in token.children if c.dep_ in ("dobj", "prep")
                  for t in c.subtree if t.lower_ == "hold"]
    if token.pos_ == "NOUN" and token.lower_ == "hold":
        return "cancelled"
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and \
            (key := f"{lexicon.lemma(token.head.text, 'VERB')} {lemma}") in lexicon.phrasal_stages:
        return lexicon.phrasal_stages[key]  # "exercised an option to buy": no longer an option
    table = _on_the_table(token)
    if table is not None:
        return table
    if token.pos_ == "ADJ" and token.lower_ in NEARLY:
        return "negotiating"  # "close to a deal": not there yet
    if token.pos_ == "ADJ" and token.lower_ in lexicon.offers:
        return "agreed"  # "is ready to send"
    phrasal = next((lexicon.phrasal_stages[f"{lemma} {p}"] for p in particles
                    if f"{lemma} {p}" in lexicon.phrasal_stages), None)
    found = phrasal or lexicon.governor_stage(lemma)
    if found is None and lemma in LIGHT_VERBS:  # "gave its approval to the sale"
        found = next((stage for c in token.children if c.dep_ == "dobj"
                      if (stage := lexicon.governor_stage(lexicon.lemma(c.text, "NOUN")))
                      in ("agreed", "cancelled")), None)
    if found == "cancelled" and _halt_asked_for(token, lexicon):
        return None  # "urged X to halt", "should stop arming": asked for, the act goes on
    if lemma in lexicon.labelling and children(token, "oprd"):
        return None  # "calling the transfer an escalation" names it, asks for nothing
    if found == "possible" and token.pos_ not in ("VERB", "NOUN", "ADJ"):
        return None
    return found


#: Nouns for a permission to export; none granted is a halt, not a denial.
APPROVAL_NOUNS = frozenset(["licence", "license", "permit", "approval", "authorisation",
                            "authorization"])
#: Nouns that refer back to a transfer just reported ("turned the offer down").
REFERRING_DEAL_NOUNS = frozenset(["offer", "proposal", "request", "deal", "plan", "bid"])


def _offer_turned_down(trigger: Token, lexicon: Lexicon) -> bool:
    """"Russia had offered S-400s, and Khartoum turned the offer down": a clause joined to
    the transfer that refuses it by name."""
    goods = [o for p in children(trigger, "prep") if p.lower_ in ("of", "for")
             for o in children(p, "pobj")] if trigger.pos_ == "NOUN" else []
    for clause in [*children(trigger, "conj", "relcl"),
                   *(c for o in goods for c in children(o, "relcl"))]:
        if clause.pos_ != "VERB" or _governor_stage(clause, lexicon) != "cancelled" or \
                is_negated(clause):
            continue
        if clause.dep_ == "relcl" and trigger.pos_ == "NOUN" and any(
                o.lower_ in ("which", "that") for o in children(clause, "dobj", "nsubjpass")):
            return True  # "an offer of F-16s, which Bogota turned down"
        if any(o.lower_ in REFERRING_DEAL_NOUNS and
               any(d.lower_ in ("the", "this", "that") for d in o.children)
               for o in children(clause, "dobj", "nsubjpass")):
            return True
    return False


def _on_the_table(token: Token) -> str | None:
    """"Sending tanks is not on the table" or "is off the table": refused, the negation
    spent on the refusal; "a sale is on the table": under discussion."""
    if token.lower_ not in COPULAS:
        return None
    table = [p.lower_ for p in token.children if p.dep_ == "prep" and p.lower_ in ("on", "off")
             and any(o.lower_ == "table" for o in p.children)]
    if not table:
        return None
    return "cancelled" if table[0] == "off" or is_negated(token) else "negotiating"


def _urging_a_halt(trigger: Token, index: MentionIndex,
                   lexicon: Lexicon) -> tuple[Token | None, list[Mention]]:
    """The verb urging someone to stop the transfer, and the states that urge it."""
    for token in governors(trigger):
        request = _request_above(token, lexicon)
        if request is not None and \
                lexicon.governor_stage(lexicon.lemma(token.text, token.pos_)) == "cancelled":
            subject = subject_of(request)
            urgers = [m for m in phrase_actors(subject, index) if not m.is_person] \
                if subject is not None else []
            return request, urgers
    return None, []


def _halt_asked_for(halt: Token, lexicon: Lexicon) -> bool:
    """"urged X to halt", "the US should stop arming Taiwan": a halt someone asks for,
    which has not happened."""
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in halt.children) or \
        _request_above(halt, lexicon) is not None


def _request_above(token: Token, lexicon: Lexicon) -> Token | None:
    """"urged X to halt", "called on Paris to ensure the firms stopped": the verb that
    only asks for it."""
    current = token
    for _ in range(2):
        if current.dep_ not in ("xcomp", "ccomp"):
            return None
        if current.dep_ == "ccomp" and children(current, "nsubj") and \
                lexicon.lemma(current.head.text, "VERB") in lexicon.reporting:
            return None  # "told Washington it is suspending talks": a report, not a request
        current = current.head
        if lexicon.lemma(current.text, "VERB") in lexicon.request_verbs:
            return current
        if children(current, "nsubj"):
            return None  # "Riyadh persuaded Russia to drop plans, officials told CNN"
    return None


#: "The Senate failed to block the sale": a halt tried and not achieved.
FAILING = frozenset(["fail", "fails", "failed", "failing"])


def _has_if_clause(token: Token) -> bool:
    """An "if" clause under the word, the infinitive it governs or the copula it
    completes ("was ready to sell ... if Ankara asked")."""
    around = [token, *children(token, "xcomp"), *([token.head] if token.dep_ == "acomp" else [])]
    clauses = [c for t in around for c in t.children if c.dep_ == "advcl"]
    return any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for c in clauses
               for m in c.children)


def _furthest_request(governed: str, base: str) -> str:
    """A deal already agreed stays agreed when "talks" govern it only loosely."""
    if base == "agreed" and governed == "negotiating":
        return "negotiating"
    return governed


def _labels_claims_false(verb: Token, lexicon: Lexicon) -> bool:
    """"called the reports 'fake news'": a claim named as the object and called false."""
    after = [t for t in verb.subtree if t.i > verb.i]
    if not any(t.pos_ == "NOUN" and lexicon.lemma(t.text, "NOUN") in lexicon.claim_nouns
               for t in after):
        return False
    return any(t.lower_ in lexicon.falsity for t in after)


def _calls_claims_false(verb: Token, lexicon: Lexicon) -> bool:
    """A reported clause whose subject is a claim and whose predicate calls it false."""
    for clause in children(verb, "ccomp"):
        subjects = children(clause, "nsubj", "nsubjpass")
        about_claims = any(lexicon.lemma(t.text, "NOUN") in lexicon.claim_nouns for t in subjects)
        if about_claims and any(t.lower_ in lexicon.falsity for t in clause.subtree):
            return True
        if about_claims and is_negated(clause) and any(
                t.lower_ in ("true", "accurate", "correct", "right") for t in clause.children):
            return True  # "said such reports were not true"
        if any(t.lower_ in ("truth", "basis", "foundation") and
               any(c.lower_ == "no" for c in t.children) for t in clause.subtree):
            return True  # "there is no truth in these reports"
    return False


def _both_parties(subject: Token) -> bool:
    """"Both countries", "the two governments", "both sides"."""
    return subject.lower_ in ("countries", "governments", "sides", "nations", "capitals") and \
        any(c.lower_ in ("both", "two") for c in subject.children)


def _denies_something_else(verb: Token, objects: list[Token], weapon_words: set[int],
                           lexicon: Lexicon, index: MentionIndex) -> bool:
    """"dismissed a claim that Moscow had pulled its people out", "recaptured the
    heights, a claim Armenian officials dispute": what the claim says names no arms and
    no party besides the denier ("accusations that it is behind Houthi attacks" does)."""
    claims = [o for o in objects if lexicon.lemma(o.text, "NOUN") in lexicon.claim_nouns]
    contents = [[t for c in claim.children if c.dep_ in ("acl", "ccomp", "relcl") and
                 c.pos_ in ("VERB", "AUX") for t in c.subtree] +
                [t for _, o in prep_objects(claim, {"in"}) if o.pos_ == "VERB"
                 for t in o.subtree]  # "any role in planning the attack"
                for claim in claims]
    if verb.dep_ == "relcl" and lexicon.lemma(verb.head.text, "NOUN") in lexicon.claim_nouns \
            and verb.head.dep_ in ("npadvmod", "appos") and verb.head.head.pos_ in ("VERB", "AUX"):
        claimed = verb.head.head
        contents.append([t for t in claimed.subtree if t.i not in
                         {u.i for u in verb.head.subtree}])
    contents.extend([list(o.subtree) for o in objects if o.dep_ == "ccomp"])
    contents = [c for c in contents if c]
    subject = subject_of(verb)
    deniers = {m.state for m in phrase_actors(subject, index)} if subject is not None else set()
    others = {m.state for content in contents for m in index.in_tokens(content)} - deniers
    return bool(contents) and not others and not any(
        t.i in weapon_words or
        t.pos_ != "VERB" and lexicon.lemma(t.text, "NOUN") in lexicon.nouns or
        t.pos_ == "VERB" and lexicon.lemma(t.text, "VERB") in lexicon.denied_acts
        for content in contents for t in content)


def _turns_down_request(verb: Token, lexicon: Lexicon) -> bool:
    """"rejected a request from Germany to ...", "dismissed calls to ...": what is turned
    down is something asked for, not a claim."""
    return any(lexicon.lemma(o.text, "NOUN") in lexicon.request_nouns
               for o in children(verb, "dobj"))


def _neither_nor(verb: Token) -> bool:
    """"have neither confirmed nor denied"."""
    words = [c.lower_ for c in verb.children]
    if verb.dep_ == "conj":
        words += [c.lower_ for c in verb.head.children]
    return "nor" in words or "neither" in words


def _denies_own_act(denied: Token, lexicon: Lexicon) -> bool:
    """"denied using cluster munitions", "denies firing the missiles": a party's own use of
    weapons, not their supply."""
    if denied.pos_ != "VERB":
        return False
    trigger = lexicon.verbs.get(lexicon.lemma(denied.text, "VERB"))
    return trigger is not None and trigger.frame == "use" and \
        not children(denied, "nsubj", "nsubjpass")  # "denies its drones are used" is not own


def find_denial(sent: Span, in_sentence: list[TransferMention], index: MentionIndex,
                lexicon: Lexicon, speakers: SpeakerMemory) -> DenialMention | None:
    """"X denied the allegations" in a sentence whose own transfer words did not carry it."""
    covered = {m.cue_token for m in in_sentence if m.stance == "denies"}
    for token in sent:
        if token.pos_ != "VERB" or token.i in covered or is_negated(token) or \
                _neither_nor(token):
            continue  # "did not deny the claim", "neither confirmed nor denied" is no denial
        lemma = lexicon.lemma(token.text, "VERB")
        if lemma in lexicon.reporting and _calls_claims_false(token, lexicon):
            objects = []  # "said the reports were baseless"
        elif lemma in lexicon.labelling and _labels_claims_false(token, lexicon):
            objects = []  # "called the reports fake news"
        elif lemma not in lexicon.denial:
            continue
        elif _turns_down_request(token, lexicon):
            continue  # "rejected US calls to drop the purchase": a refusal, judged as a stage
        else:
            objects = children(token, "dobj", "ccomp", "xcomp") + [
                o for _, o in prep_objects(token, {"as"})
                if lexicon.lemma(o.text, "NOUN") in lexicon.claim_nouns]
        weapon_words = {i for span in sent.doc.spans.get("weapons", [])
                        for i in range(span.start, span.end)}
        if _denies_something_else(token, objects, weapon_words, lexicon, index):
            continue
        about_claims = any(lexicon.lemma(o.text, o.pos_) in lexicon.claim_nouns or
                           lexicon.lemma(o.text, "VERB") in lexicon.denied_acts or
                           not _denies_own_act(o, lexicon) and
                           any(t.i in weapon_words or  # "denied ... arms"
                               lexicon.lemma(t.text, "NOUN") in lexicon.nouns  # "transfers"
                               for t in o.subtree)
                           for o in objects)
        calls_false = any(t.lower_ in lexicon.falsity for t in token.subtree)
        if not (about_claims or calls_false or not objects):
            continue
        subject = subject_of(token)
        sources = []
        if subject is not None:
            sources = phrase_actors(subject, index)
            if not sources and subject.lower_ in PRONOUNS:
                # "Iran says it has never supplied ... and has rejected the findings"
                resolved = _reporter_above(subject, index) or speakers.resolve(subject)
                sources = [resolved] if resolved else []
        both = subject is not None and not sources and _both_parties(subject)
        if not sources and not both:
            continue
        named = [m for o in objects for m in index.in_tokens(list(o.subtree))]
        return DenialMention(sources=sources, cue=token.text, cue_token=token.i,
                             sentence=(sent.start_char, sent.end_char), named=named,
                             both_parties=both)
    return None
