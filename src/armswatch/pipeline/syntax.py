"""Walking the dependency parse: who is the subject, what a noun phrase names, which
words govern a word. Shared by the transfer and claim stages."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from armswatch.pipeline.actors import Mention

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECTS = ("dobj", "obj", "attr", "oprd")
#: Nouns for a group of states whose members a phrase lists ("allies such as Poland").
GROUP_NOUNS = frozenset(["countries", "states", "nations", "allies", "partners", "members",
                         "governments", "suppliers", "donors", "buyers", "customers"])
#: People who speak for a body: "a spokesman for Iran's foreign ministry".
SPEAKER_NOUNS = frozenset(["spokesman", "spokeswoman", "spokesperson", "official", "officials",
                           "envoy", "representative", "ambassador", "adviser", "advisor",
                           "source", "sources"])
#: Members of a body, named with "on": "the top Democrat on the Senate Foreign Relations
#: Committee" speaks for the committee's state.
MEMBER_NOUNS = frozenset(["democrat", "republican", "member", "members", "chairman", "chair",
                          "chairwoman", "lawmaker", "lawmakers", "senator", "senators"])
#: Groups whose place names the side they belong to ("jihadists in Mali", "the
#: government in Khartoum").
LOCATED_GROUPS = frozenset(["militants", "rebels", "fighters", "jihadists", "insurgents",
                            "groups", "gangs", "militias", "separatists", "guerrillas",
                            "extremists", "factions", "entities", "companies", "firms",
                            "suppliers", "dealers", "brokers", "manufacturers", "government",
                            "regime", "authorities", "junta", "administration", "leadership"])
#: Nouns for a statement whose author a "by/from" phrase names.
SOURCE_NOUNS = frozenset(["report", "reports", "statement", "assessment", "study",
                          "investigation", "analysis", "letter", "documents", "findings",
                          "estimate", "estimates", "figures", "data", "tally", "review",
                          "imagery", "images", "photos", "footage", "research"])
RELATIVE_PRONOUNS = frozenset(["which", "who", "that", "whom"])
#: Nouns for a news outlet: the outlet named in the phrase speaks, not its country.
OUTLET_NOUNS = frozenset(["newspaper", "daily", "weekly", "paper", "website", "outlet",
                          "broadcaster", "channel", "magazine", "agency", "tabloid"])
PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "who", "which", "that"]
)


class MentionIndex:
    """Token -> actor mention lookup for one document."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self._at: dict[int, Mention] = {}
        for mention in mentions:
            for i in range(mention.start, mention.end):
                self._at[i] = mention

    def at(self, token: Token) -> Mention | None:
        return self._at.get(token.i)

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def in_tokens(self, tokens: list[Token]) -> list[Mention]:
        seen: dict[int, Mention] = {}
        for token in tokens:
            mention = self._at.get(token.i)
            if mention is not None:
                seen.setdefault(mention.start, mention)
        return [seen[k] for k in sorted(seen)]


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def prep_objects(token: Token, preps: frozenset[str] | set[str]) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging from `token`: "to Russia", "according to X"."""
    out = []
    for child in token.children:
        if child.dep_ not in ("prep", "agent", "dative") or child.lower_ not in preps:
            continue
        # "by the Czech army and by Norway": a repeated preposition joins the first
        repeated = [c for c in child.conjuncts if c.lower_ == child.lower_]
        for prep in (child, *repeated):
            for obj in prep.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    out.append((child.lower_, obj))
                elif obj.dep_ == "prep":  # "bound for", "on to"
                    out.extend((child.lower_, o) for o in children(obj, "pobj"))
    return out


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("North Korea and Iran")."""
    out = [token]
    for conj in token.conjuncts:
        out.append(conj)
    # "North Korea, as well as Iran": spaCy hangs the second on an "as" next to the first
    # or on the clause above it
    for holder in [token, *list(token.ancestors)[:3]]:
        for child in holder.children:
            if child.dep_ in ("prep", "cc") and child.lower_ in ("as", "along") and \
                    0 < child.i - token.right_edge.i <= 4 and _joins(child):
                out.extend(g for g in child.subtree if g.dep_ == "pobj")
    return out


def _joins(word: Token) -> bool:
    """"as well as", "along with": not "dismissed as the product of ..."."""
    doc = word.doc
    before = doc[max(word.i - 2, 0):word.i].text.lower()
    after = doc[word.i + 1:word.i + 3].text.lower()
    return after.startswith("with") if word.lower_ == "along" else \
        before.endswith("as well") or after.startswith("well as")


def phrase_actors(token: Token, index: MentionIndex, *, coordinated: bool = True) -> list[Mention]:
    """The actors a noun phrase headed by `token` names: the head itself, or its left
    modifiers ("North Korean officials", "the Biden administration"), for each conjunct."""
    out: list[Mention] = []
    heads = conjuncts(token) if coordinated else [token]
    dateline = _dateline_subject(token)
    if dateline is not None:  # "NEW DELHI (AP) - India and Russia sealed ..."
        heads = conjuncts(dateline) if coordinated else [dateline]
    if coordinated and token.tag_ == "NNS" and index.at(token) is None:
        # "the air forces of Pakistan, Myanmar and Nigeria": one for each state named
        members = [member for prep in token.children if prep.lower_ == "of"
                   for obj in prep.children if obj.dep_ == "pobj" for member in conjuncts(obj)]
        heads = members if len(members) > 1 else heads
    if token.lower_ in GROUP_NOUNS and index.at(token) is None:
        heads = [member for prep in token.children
                 if prep.lower_ in ("including", "like", "as", "of")
                 for obj in prep.children if obj.dep_ == "pobj" for member in conjuncts(obj)]
        if not heads:  # "Russian buyers": one state's, where no members are listed
            return [m for c in token.children if c.dep_ == "amod"
                    if (m := index.at(c)) is not None and m.kind == "adjective"][:1]
    for head in heads:
        found = _phrase_actor(head, index)
        if found is not None and found not in out:
            out.append(found)
        if coordinated and found is not None and index.at(head) is None:
            # "U.S. and Ukrainian officials", "an accusation Tehran and Moscow reject": one
            # for each coordinated modifier
            for modifier in head.children:
                members = conjuncts(modifier) if modifier.dep_ in (
                    "amod", "nmod", "compound", "appos") else []
                if modifier.dep_ == "prep" and modifier.lower_ == "in" and \
                        head.lower_ in LOCATED_GROUPS:  # "entities in Russia and China"
                    members = [m for o in children(modifier, "pobj") for m in conjuncts(o)]
                if len(members) > 1:
                    out.extend(m for member in members
                               if (m := index.at(member)) is not None and m not in out)
    return out


def _dateline_subject(token: Token) -> Token | None:
    """The parser hangs the real subject after a dateline ("MOSCOW, Nov 14 (Reuters) -
    Russia has ...") as an apposition of the upper-case place name."""
    if not token.is_upper or token.i - token.sent.start > 3:
        return None
    after = [c for c in token.children if c.dep_ == "appos" and c.i > token.i and
             any(t.text in ("-", "—", "–") for t in token.doc[token.i:c.i])]
    return after[-1] if after else None


def _phrase_actor(head: Token, index: MentionIndex) -> Mention | None:
    direct = index.at(head)
    if direct is not None:
        return direct
    if head.lower_ in GROUP_NOUNS:  # "European countries including Germany" names its members
        return None
    if head.lower_ in SOURCE_NOUNS:  # "a report by Sky News", "imagery analysed by ..."
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")]
        preps += [a for c in head.children if c.dep_ == "acl" and c.lower_ not in VIEWING_VERBS
                  for a in c.children if a.dep_ == "agent"]
        for prep in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (found := _phrase_actor(obj, index)):
                    return found
    if head.lower_ in OUTLET_NOUNS:  # "Russia's Kommersant newspaper reported"
        outlets = [m for m in index.in_tokens(list(head.subtree)) if m.kind == "media"]
        if outlets:
            return outlets[0]
    # appositions and "spokesman John Kirby": a person named in the phrase speaks for it
    for child in head.children:
        if child.dep_ in ("appos", "compound", "amod", "poss", "nmod", "npadvmod") or \
                (child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ in ("for", "in")
                                           and head.lower_ in SPEAKER_NOUNS or
                                           child.lower_ == "on" and head.lower_ in MEMBER_NOUNS or
                                           child.lower_ == "in" and
                                           head.lower_ in LOCATED_GROUPS)):
            mention = _subtree_actor(child, index)
            if mention is not None:
                return mention
    if head.lower_ in SOURCE_NOUNS:  # "documents seen by the Guardian": the outlet reports
        for clause in head.children:
            if clause.dep_ == "acl" and clause.lower_ in VIEWING_VERBS:
                for agent in children(clause, "agent"):
                    for obj in children(agent, "pobj"):
                        if (found := _phrase_actor(obj, index)) is not None:
                            return found
    return None


#: Who saw or obtained a report is not its author ("a UN report seen by Reuters").
VIEWING_VERBS = frozenset(["seen", "obtained", "reviewed", "viewed", "examined", "read",
                           "consulted", "accessed"])


def _subtree_actor(token: Token, index: MentionIndex) -> Mention | None:
    if token.dep_ == "prep":
        objects = children(token, "pobj")
        return _phrase_actor(objects[0], index) if objects else None
    if token.dep_ == "appos":  # "Andrews, the UN rapporteur on ... Myanmar": the UN's
        found = _phrase_actor(token, index)
        if found is not None:
            return found
    mentions = index.in_tokens(list(token.subtree))
    people = [m for m in mentions if m.is_person]
    return (people or mentions or [None])[-1]


def _subject_read_as_object(verb: Token) -> Token | None:
    """"after the US State Department last November halted the sale": the parser made
    the subject the object of "after" and left the verb without one."""
    if children(verb, *SUBJECTS) or verb.dep_ not in ("ccomp", "advcl", "conj"):
        return None
    before = [t for t in verb.doc[verb.sent.start:verb.i]
              if t.dep_ not in ("npadvmod", "advmod", "amod", "aux", "neg", "auxpass")
              or t.head.i > verb.i]
    last = before[-1] if before else None
    while last is not None and last.dep_ in ("compound", "amod") and last.head.i < verb.i:
        last = last.head
    if last is not None and last.dep_ == "pobj" and last.head.lower_ in (
            "after", "before", "since", "until", "when", "as") and last.head.head.i < last.i:
        return last
    return None


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited from the governing clause when it has none
    ("agreed to supply" -> the subject of "agreed"; "urged X to halt" -> X)."""
    current = verb
    misparsed = _subject_read_as_apposition(verb) or _subject_read_as_object(verb)
    if misparsed is not None:
        return misparsed
    for _ in range(6):
        subjects = children(current, *SUBJECTS)
        if subjects:  # the nearest, past a dateline ("MOSCOW, Nov 14 - Russia has ...")
            before = [t for t in subjects if t.i < current.i]
            subject = before[-1] if before else subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head  # "Germany, which said ...": Germany said
            if subject.lower_ in RELATIVE_PRONOUNS:
                return _antecedent_noun(subject) or subject
            return subject
        if current.dep_ == "acl" and current.tag_ == "VB" and \
                (asker := _noun_owner(current.head)) is not None:
            return asker  # "a request by Spain to re-export", "Poland's offer to hand over"
        if current.dep_ in ("acl", "relcl") and current.tag_ == "VB" and \
                current.head.dep_ == "attr":
            current = current.head.head  # "the UAE was the first country to buy THAAD"
            continue
        undertaker = _undertaking_verb(current)
        if undertaker is not None:
            current = undertaker
            continue
        if current.dep_ == "xcomp" or current.dep_ == "acl" and current.tag_ == "VB":
            governor = current.head
            raised = children(governor, *PASSIVE_SUBJECTS)
            if current.dep_ == "xcomp" and raised:
                return raised[0]  # "Moscow is believed to be sharing": Moscow shares
            objects = [] if governor.lower_ in COPULAS else children(governor, *OBJECTS)
            on_objects = [o for p, o in prep_objects(governor, {"on", "upon"})
                          if o.i > governor.i]  # "called on X to", not "On that basis"
            if objects or on_objects:  # object control: "urged Iran to stop"
                return (objects or on_objects)[0]
            current = governor
            continue
        if current.dep_ == "amod" and current.head.lower_ in UNDERTAKING_NOUNS and \
                current.head.dep_ in OBJECTS and current.head.head.pos_ == "VERB":
            current = current.head.head  # "signed a deal worth $661m to supply"
            continue
        if current.dep_ == "acomp" and current.head.lower_ in COPULAS:
            current = current.head  # "Poland is ready to send": Poland sends
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            governor = current.head.head  # "thanked X for providing": X provides
            if governor.pos_ in ("NOUN", "PROPN") and governor.dep_ in OBJECTS and \
                    current.head.lower_ == "of":
                return governor  # "accused Chinese firms of selling", "of" on the firms
            objects = children(governor, *OBJECTS)
            if objects:
                return objects[0]
            current = governor
            continue
        if current.dep_ in ("conj", "advcl", "relcl") and current.head.i != current.i:
            if current.dep_ == "relcl" and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return None
            current = current.head
            continue
        return None
    return None


def _undertaking_verb(infinitive: Token) -> Token | None:
    """The verb whose subject owns the undertaking an infinitive completes: "Egypt is
    pressing ahead with talks to buy", "Saudi Arabia halted a programme to equip"."""
    noun = infinitive.head
    if infinitive.dep_ not in ("acl", "relcl") or infinitive.tag_ != "VB" or \
            noun.lower_ not in UNDERTAKING_NOUNS:
        return None
    if noun.dep_ in OBJECTS and noun.head.pos_ == "VERB":
        return noun.head
    prep = noun.head
    if infinitive.dep_ == "acl" and noun.dep_ == "pobj" and \
            prep.lower_ in ("with", "in", "on", "into") and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


#: Nouns for one's own undertaking: "pressing ahead with talks to buy" (the subject buys).
UNDERTAKING_NOUNS = frozenset(["talks", "negotiations", "negotiation", "discussions", "plan",
                               "plans", "bid", "effort", "efforts", "deal", "agreement",
                               "contract", "drive", "push", "programme", "program",
                               "scheme", "initiative", "option", "options", "memorandum"])

#: "Poland became the first member to receive": the subject, not the complement, acts.
COPULAS = frozenset(["be", "is", "are", "was", "were", "been", "become", "became", "becomes",
                     "remain", "remained", "remains"])


def _noun_owner(noun: Token) -> Token | None:
    """Whose request, offer or decision a noun is: its possessor or its "by" phrase."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in PRONOUNS:
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            objects = children(child, "pobj")
            if objects:
                return objects[0]
    return None


#: Nouns for a claim that an unmarked relative clause can follow ("an accusation Iran
#: rejects").
CLAIM_WORDS = frozenset(["accusation", "allegation", "claim", "charge", "assertion", "report"])


def _subject_read_as_apposition(verb: Token) -> Token | None:
    """"the 80 Rafale fighters the UAE ordered from France": a relative clause without
    "that", whose subject the parser hung on the noun as an apposition."""
    if verb.dep_ not in ("acl", "relcl", "advcl", "ccomp") or children(verb, *SUBJECTS) or \
            verb.i == 0:
        return None
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.dep_ == "ROOT" and \
            verb.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "ccomp" for c in verb.children):
        return verb.head  # "The news agency, citing officials, reported that ...": no verb
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    before = verb.doc[verb.i - 1]
    while before.dep_ == "conj" and before.head.i < before.i:  # "Tehran and Moscow reject"
        before = before.head
    if before.dep_ == "appos" and before.pos_ == "PROPN" and (
            before.head == verb.head and verb.dep_ != "ccomp" or before.head.lower_ in
            CLAIM_WORDS):  # "..., an accusation Tehran and Moscow reject"
        return before
    return None


def _antecedent_noun(pronoun: Token) -> Token | None:
    """"officers and a manufacturer that it said were involved": the noun phrase right
    before a relative pronoun the parser left without its antecedent."""
    if pronoun.i == 0:
        return None
    noun = pronoun.doc[pronoun.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def reduced_relative(token: Token) -> bool:
    """"systems bought from the US": a bare past participle describing a noun (the
    parser may hang it on the main verb when commas set it off)."""
    return token.dep_ in ("acl", "advcl") and token.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in token.children)


def described_noun(participle: Token) -> Token | None:
    """The noun a participle describes: its head, or for a participle set off by commas
    after the subject, that subject ("The UAE's THAAD, bought from the US, intercepted")."""
    if participle.dep_ == "acl":
        noun = participle.head
        if noun.dep_ == "attr":  # "the missiles are Iranian designs supplied by Tehran"
            subjects = children(noun.head, "nsubj")
            return subjects[0] if subjects else noun
        return noun
    if reduced_relative(participle):
        before = [t for t in children(participle.head, "nsubj", "nsubjpass")
                  if t.i < participle.i]
        return before[-1] if before else None
    return None


def holder_of(participle: Token) -> Token | None:
    """For "missiles supplied by X" or "jets bought from Y" modifying an object, the
    subject of the clause that has them ("Russia launched missiles supplied by ..."); for
    a subject, its possessor ("the UAE's THAAD, bought from the US")."""
    if participle.tag_ not in ("VBN", "VBG") or children(participle, *SUBJECTS):
        return None  # "reports that the plane had delivered weapons" has its own subject
    noun = described_noun(participle)
    if noun is None:
        return None
    if noun.dep_ in OBJECTS + ("pobj",) and noun.head.pos_ in ("VERB", "AUX", "ADP"):
        verb = noun.head if noun.head.pos_ != "ADP" else noun.head.head
        return subject_of(verb)
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return owners[0] if owners else None


def governors(token: Token, stop: Token | None = None) -> Iterator[Token]:
    """Words above `token` in the parse, nearest first, up to (not including) `stop`; a
    clause the parser hung across a semicolon stands on its own ("Pakistan delivered
    fighters; Abuja and Moscow signed an agreement")."""
    current = token
    while current.head.i != current.i:
        head = current.head
        low, high = sorted((current.i, head.i))
        if any(low < c.i < high and (c.text == ";" or c.text == ":" and current.i < head.i)
               for c in head.children):
            return  # nothing after a colon governs what stands before it
        current = head
        if stop is not None and current == stop:
            return
        yield current


def subjects_above(pronoun: Token) -> Iterator[Token]:
    """Subjects of the clauses above a pronoun that come before it ("Germany and Denmark
    said they ...", "Iran says it ..."), nearest clause first."""
    for verb in pronoun.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        yield from (s for s in children(verb, "nsubj") if s.i < pronoun.i)


def sentences_back(sent: Span, count: int) -> int:
    """Character offset of the sentence `count` sentences before `sent` (or of the first)."""
    current = sent
    for _ in range(count):
        if current.start == 0:
            break
        current = sent.doc[current.start - 1].sent
    return current.start_char


def is_negated(token: Token) -> bool:
    """"did not send", "never sent", and "no weapons / neither system was sent"."""
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "no") and \
                child.dep_ in ("det", "neg", "advmod"):
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                c.lower_ in ("no", "neither", "none") and c.dep_ in ("det", "preconj")
                for c in child.children):
            return True
    return False


def doc_text(doc: Doc) -> str:
    """The document's text, built once: ``Doc.text`` joins every token on each call."""
    cached = doc.user_data.get("armswatch_text")
    if cached is None:
        cached = doc.user_data["armswatch_text"] = doc.text
    return cached
