"""Finders for demands made by a verb or a noun of demanding.

"called for", "urged X to", "demanded that", "insisted on", the passive "was urged by Y to",
"X's demands include ...", statements and resolutions that call for something, hopes and
wishes addressed to someone, headline lines read by position ("Machado demands tallies"),
and exchanges ("in exchange for"). Each finder is ``finder(lex, token) -> Found | list | None``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .demand_lexicon import DemandLexicon
from .demand_syntax import _headline_line, _lemma_in, _text, _subject, _modal_or_subjunctive, _participle_owner, _reporting_subject, _lost_subject, _main_clause_start, _before, _negated, _actor_like, SUBJECT_DEPS
from .demand_clauses import TIME_ENTITIES, _own_clause
from .demand_found import Found
from .demand_spans import _noun_conjuncts


def demand_verb(lex: DemandLexicon, token: Token) -> Optional[Found]:
    lemma = token.lemma_.lower()
    spec = lex.demand_verbs.get(lemma)
    if spec is None or token.pos_ != "VERB":
        return None
    children = list(token.children)
    # "was asked by reporters for his reaction": the subject is asked, not asking;
    # "push up prices": a phrasal verb, not a demand (but "called on all parties", its "on"
    # read as a particle with an object, is the addressee's preposition).
    passive_party = None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in children):
        # "Israel was urged by the European Union to halt ...": the agent demands of the
        # passive subject; with no agent ("was asked by reporters for ...") it is left out.
        passive_party = _passive_demand(lex, token)
        if passive_party is None:
            return _agentless_passive(lex, token)
        agent, addressee, infinitive = passive_party
        return Found("verb", token, addressee.left_edge.i, infinitive.right_edge.i + 1, party_token=agent,
                     addressees=[addressee], subject=addressee, context=infinitive)
    if any(c.dep_ == "prt" and not _particle_with_object(c, spec) and c.lower_ not in spec["particle"]
           for c in children):
        return None
    if spec["particle"] and not any(c.dep_ == "prt" and c.lower_ in spec["particle"] for c in children):
        return None  # "held talks for hours": "hold" demands only in "hold out for"
    speaker = _subject(token)
    if _negated(token) and (token.dep_ == "conj" or (speaker is not None and speaker.lower_ in lex.first_person)):
        # "we are not asking for favours" disclaims; "cannot impose ... and ask for access"
        # rebukes. (A third party's "did not call for" stays: a negated act.)
        return None
    if lemma in lex.legal_object_verbs and not any(c.dep_ == "prep" and c.i == token.i + 1 for c in children):
        return None  # "appealed the ruling to the Appellate Body": a court appeal ("appealed for", "to" follow at once)
    subject = _subject(token)
    if subject is not None and subject.lemma_.lower() in lex.legal_subjects:
        return None  # "the constitution requires the president to be elected ...": a rule
    addressees: list[Token] = []
    content: Optional[Token] = None
    for child in children:
        if child.dep_ in ("prep", "prt") and child.lower_ in spec["addressee"]:
            # "called on Sunday for ...": a day is not an addressee.
            addressees += [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in TIME_ENTITIES] \
                or _headless_addressee(child)
        elif child.dep_ == "prep" and child.lower_ in spec["object"]:
            if any(c.dep_ == "oprd" and c.i < child.i for c in children):
                continue  # "calls the summit 'a must-win moment for European security'": a naming
            what = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if what is not None and what.ent_type_ in TIME_ENTITIES \
                    and not any(c.dep_ in ("relcl", "acl") for c in what.children):
                continue  # "called an emergency meeting for Thursday": a date, not a thing demanded
                # (but "lobbied Berlin for months to block ...": the parser's infinitive)
            content = content or what
    infinitive = next((c for c in children if c.dep_ in ("xcomp", "advcl")
                       and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    infinitive = infinitive if infinitive is not None else _list_opening_to(token)
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    ccomp = next((c for c in children if c.dep_ == "ccomp"), None)
    if infinitive is not None and not addressees and dobj is None \
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in infinitive.children):
        # "called for the Council to address ...": the infinitive's subject is addressed.
        addressees = [c for c in infinitive.children if c.dep_ in SUBJECT_DEPS]  # also "for X to be held ..."
    if infinitive is not None and dobj is None and not addressees:
        # "ASEAN presses junta to end ...": a bare noun the parser hung on the verb is the addressee.
        dobj = next((c for c in children if c.dep_ in ("advmod", "npadvmod") and c.pos_ in ("PROPN", "NOUN", "ADJ")
                     and not c.lower_.endswith("ly")
                     and token.i < c.i < infinitive.i), None)
    if infinitive is not None and (dobj is not None or addressees):
        # "urged Israel to allow ...", "called on Hamas to release ...": ignore a "to" clause
        # of purpose after "called for X to end ..." (it has no addressee before it).
        if dobj is not None and not addressees:
            if lemma in lex.object_not_addressee_verbs:
                return None  # "called Putin on Tuesday to discuss the war": a telephone call
            addressees = [dobj]
        content = infinitive
    elif content is None and ccomp is not None and lemma in lex.subjunctive_demand_verbs \
            and (_modal_or_subjunctive(ccomp) or _opens_with_that(ccomp)):
        # "requested that the IAEA withdraw its report"; "we are asking only that it
        # remembers ...": after a verb of asking a "that" clause is asked for in any mood.
        if _about_unrequested(lex, _subject(ccomp)):
            return None  # "asked that her family name be withheld": a source's anonymity
        content = ccomp
    elif content is None and ccomp is not None and lemma not in lex.weak_demand_verbs and lemma != "call":
        if lemma in lex.assertive_demand_verbs and (not _modal_or_subjunctive(ccomp) or _do_support(ccomp)):
            return None  # "insists that Russia is not interfering", "insisted it did not matter": a claim
        content = ccomp
    elif content is None and dobj is not None and lemma not in lex.weak_demand_verbs and lemma != "call":
        content = dobj
    elif content is None and dobj is not None and lemma in lex.thing_request_verbs and dobj.pos_ == "NOUN" \
            and not _about_unrequested(lex, dobj):
        content = dobj  # "requested consultations under Article 4", "requesting the extradition of ..."
    if content is None or (content.pos_ == "PRON" and not list(content.children)):
        return None  # "we didn't ask for this": no demand in a bare pronoun
    if content.ent_type_ == "MONEY" or any(t.tag_ == "$" for t in content.children):
        return None  # "appealed for $4bn": a funding appeal
    if lemma in lex.object_needs_addressee_verbs and content.dep_ in ("pobj", "pcomp") and dobj is None:
        return None  # "warned against what he called ...": a warning with no one to heed it
    if lemma in lex.object_needs_addressee_verbs and content.dep_ in ("pobj", "pcomp") and not addressees:
        addressees = [dobj]  # "warned Washington against sending ...": Washington is warned
    if not addressees and content is dobj:
        # "demanded an apology from Belgium": the addressee hangs on the thing demanded.
        # After "requested" the thing's "of" is its complement ("the extradition of X").
        preps = [p for p in spec["addressee"] if lemma not in lex.thing_request_verbs or p != "of"]
        addressees = [g for c in content.children if c.dep_ == "prep" and c.lower_ in preps
                      for g in c.children if g.dep_ == "pobj"]
    first = min([content.left_edge.i] + [a.left_edge.i for a in addressees])
    end = content.right_edge.i + 1
    party_token = _reporting_subject(token, lex) or _subject(token) or _participle_owner(token) or _lost_subject(token)
    further: list[Found] = []
    for child in content.children:  # a further clause of its own ("... and called on Hamas")
        if child.dep_ == "conj" and child.i > content.i and _own_clause(child):
            end = min(end, _before(child))
        elif child.dep_ in ("conj", "prep") and child.i > content.i and child.lower_ in spec["addressee"] \
                and infinitive is content and _second_addressee(child, content):
            # "called on Rwanda to withdraw ... and on the M23 to halt ...": two demands.
            end = min(end, _before(child))
            who = [c for c in child.children if c.dep_ == "pobj"]
            verb = next((c for c in content.children if c.i > child.i and c.pos_ in ("VERB", "AUX")
                         and any(a.lower_ == "to" for a in c.children)), None)
            last = max([child.right_edge.i] + ([verb.right_edge.i] if verb is not None else []))
            further.append(Found("verb", token, child.i, last + 1, party_token=party_token, addressees=who,
                                 subject=None, context=verb or child))
        elif child.dep_ == "conj" and child.i > content.i and child.pos_ == "VERB" and infinitive is content \
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in child.children) \
                and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
            # "calling on Russia to withdraw ... and to return the plant ...": one condition each.
            end = min(end, _before(child))
            further.append(Found("verb", token, child.left_edge.i, child.right_edge.i + 1, party_token=party_token,
                                 addressees=addressees, context=child))
    if infinitive is content:
        # "calls on Serbia to cooperate ..., and to hand over ...": the parser may join the
        # second infinitive to the demand verb itself; it is a second condition.
        for child in children:
            if child.dep_ == "conj" and child.i > content.i and child.pos_ in ("VERB", "AUX") \
                    and any(a.lower_ == "to" and a.dep_ == "aux" for a in child.children) \
                    and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
                end = min(end, _before(child))
                further.append(Found("verb", token, child.left_edge.i, child.right_edge.i + 1,
                                     party_token=party_token, addressees=addressees, context=child))
    if content.dep_ in ("pobj", "pcomp"):
        # "called for a truce and for the release of ...": a second "for" is a second demand
        # (the parser may hang it on a preposition inside the first: "halt to the fighting
        # ... and for the withdrawal").
        inner = [t for t in content.subtree if t.dep_ == "conj" and t.pos_ == "ADP"]
        for other in dict.fromkeys(list(content.head.children) + inner):
            if other.dep_ == "conj" and other.lower_ in spec["object"]:
                what = next((c for c in other.children if c.dep_ in ("pobj", "pcomp")), None)
                if what is not None:
                    end = min(end, _before(other))
                    further.append(Found("verb", token, what.left_edge.i, what.right_edge.i + 1,
                                         party_token=party_token, addressees=addressees, context=what))
    if content.pos_ == "NOUN" and content.dep_ in ("dobj", "pobj") and not further:
        # "demands the lifting of sanctions and the release of frozen assets": two things,
        # each with its own article, are two conditions.
        parts = _noun_conjuncts(token.doc, content.left_edge.i, end)
        if len(parts) > 1:
            return [Found("verb", token, a, b, party_token=party_token, addressees=addressees,
                          context=token.doc[a:b].root) for a, b in parts]
    item = Found("verb", token, first, end, party_token=party_token, addressees=addressees,
                 subject=_subject(content) if content.pos_ in ("VERB", "AUX") else None, context=content)
    return [item] + further if further else item


def _passive_demand(lex: DemandLexicon, verb: Token) -> Optional[tuple[Token, Token, Token]]:
    """(agent, addressee, infinitive) of a passive demand verb with a named agent and a "to"
    infinitive: "Israel was urged by the European Union to halt ..."."""
    agent = next((g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
    addressee = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    infinitive = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl")
                       and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    if agent is None or addressee is None or infinitive is None or not _actor_like(agent, lex):
        return None
    return agent, addressee, infinitive


def _second_addressee(prep: Token, infinitive: Token) -> bool:
    """"called on Rwanda to withdraw ... and on the M23 to halt ...": a second "on" is a second
    addressee only with an infinitive of its own after it; "to hold talks 'on an equal
    footing'" is the manner of the first."""
    return prep.dep_ == "conj" or any(c.i > prep.i and c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" for a in c.children)
                                      for c in infinitive.children)


def _opens_with_that(clause: Token) -> bool:
    """The clause is introduced by "that" ("asking that it remembers"), not "whether" or "if"."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _about_unrequested(lex: DemandLexicon, thing: Optional[Token]) -> bool:
    """What is asked is one of the things a source asks of the reporter ("requested
    anonymity", "asked that his name not be used"), not a demand on a party."""
    return thing is not None and thing.lemma_.lower() in lex.unrequested_things


def _do_support(clause: Token) -> bool:
    """"it did not matter", "Russia does not interfere": a bare verb after "do" is indicative,
    not a subjunctive."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "do" for c in clause.children)


def _agentless_passive(lex: DemandLexicon, verb: Token) -> Optional[Found]:
    """"Israel was urged to allow more aid in, the EU said", "Africa is being asked to accept
    a number ...": a directive in the passive with no agent. The one urged must act; who asks
    is the speaker of the statement it is in (kept only in one: in narrative no one is named)."""
    if verb.lemma_.lower() not in lex.passive_directive_verbs or verb.tag_ != "VBN":
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None  # "was asked by reporters for his reaction"
    if verb.lemma_.lower() == "call" and not any(c.lower_ in ("on", "upon") and c.i == verb.i + 1 for c in verb.children):
        return None  # "was called to testify" summons; "was called on to" asks
    addressee = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    infinitive = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
                       and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    if addressee is None or infinitive is None or not _actor_like(addressee, lex) \
            or addressee.lower_ in lex.first_person:
        return None  # "we are being asked to talk about definitions": a complaint, not a demand
    return Found("verb", verb, addressee.left_edge.i, infinitive.right_edge.i + 1, addressees=[addressee],
                 subject=addressee, context=infinitive, needs_statement=True)


def as_ordered(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"..., as ordered by the Court in its provisional measures", "as required by a Supreme
    Court ruling": an order pointed back to is its author's demand. The agent after "by" is
    the party (or the body a ruling is named after); a standing rule ("as required by law")
    demands nothing of anyone."""
    if token.tag_ != "VBN" or token.lemma_.lower() not in lex.as_ordered_verbs or token.i == 0:
        return None
    if token.doc[token.i - 1].lower_ != "as":
        return None
    agent = next((g for a in token.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
    if agent is None or agent.lemma_.lower() in lex.legal_subjects or agent.lemma_.lower() in lex.rule_agents:
        return None
    # "a Supreme Court ruling": the ruling is the court's.
    author = next((c for c in reversed(list(agent.children)) if c.dep_ in ("compound", "poss")
                   and c.i < agent.i and _actor_like(c, lex)), None)
    return Found("verb", token, token.i - 1, token.right_edge.i + 1, party_token=author or agent, context=token)


def statement(lex: DemandLexicon, token: Token) -> Optional[Found]:
    if token.lemma_.lower() not in lex.condition_nouns or token.pos_ != "NOUN":
        return None
    verb = token.head
    if token.dep_ not in ("nsubjpass", "dobj") or verb.lemma_.lower() not in lex.statement_verbs:
        return None
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    end = token.right_edge.i + 1
    if verb.lemma_.lower() in ("set", "lay", "spell", "put") and (particle is None or particle.lower_ not in lex.statement_particles):
        # "set terms for halting ...": a plural object with a "for" of the verb is the same act.
        purpose = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > token.i), None)
        # "set conditions including the recognition of ...": the list is the condition.
        listing = next((c for c in token.children if c.dep_ in ("prep", "acl") and c.lower_ in lex.listing_preps), None)
        if verb.lemma_.lower() == "set" and token.tag_ == "NNS" and listing is not None:
            purpose = listing
        if not (verb.lemma_.lower() == "set" and token.tag_ == "NNS" and purpose is not None):
            return None
        end = purpose.right_edge.i + 1
    # "their conditions" alone says nothing: keep "conditions for ..." or a named issue.
    if end == token.right_edge.i + 1 and not any(c.dep_ == "prep" for c in token.children) \
            and lex.issue_of(_text(token)) is None:
        return None
    agent = next((g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
    party = agent if token.dep_ == "nsubjpass" else _subject(verb)
    return Found("statement", verb, token.left_edge.i, max(end, token.right_edge.i + 1), party_token=party, context=token)


def nominal(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Kyiv's demand for a full withdrawal", "renewed its call for a ceasefire": a demand
    named by a noun, owned by its possessor or by the subject of the verb that voices it."""
    if token.lemma_.lower() not in lex.nominal_demand_nouns or token.pos_ != "NOUN":
        return None
    if any(c.dep_ in ("amod", "compound") and c.lower_ in lex.fundraising_words for c in token.children):
        return None  # "the humanitarian appeal for Yemen": a call for funds
    if any(c.dep_ == "det" and c.lower_ in lex.none_words for c in token.children):
        return None  # "there is no need for panic": reassurance, nothing asked
    content = next((c for c in token.children if (c.dep_ == "prep" and c.lower_ == "for")
                    # (an "xcomp" only under a verb the tagger read as a plural noun: "1. calls on X to ...")
                    or (c.dep_ in ("acl", "ccomp", "advcl", "xcomp") and (any(a.lower_ == "to" for a in c.children)
                                                                  or any(m.lower_ == "that" for m in c.children)))), None)
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if content is not None and token.dep_ == "dobj" and token.head.lemma_.lower() in lex.granting_verbs:
        return None  # "granted a request from the parties to ...": the grantor's decision
    further: list[Found] = []
    if content is None and token.dep_ == "dobj":
        # "reiterated its call on donors to close the gap": the parser hangs the infinitive
        # on the verb; "..., and on the M23 to withdraw": a second addressee, a second demand.
        content, further = _call_on_infinitive(token)
    if content is None:
        # "accepted the National Assembly's demand": a named owner's demand referred to.
        if owner is None or owner.pos_ != "PROPN" or token.dep_ != "dobj":
            return None
        return Found("nominal", token, owner.left_edge.i, token.i + 1, party_token=owner, context=token)
    if owner is None and token.dep_ == "dobj" and token.head.lemma_.lower() in lex.nominal_demand_verbs:
        owner = _subject(token.head) or _participle_owner(token.head)
    if owner is not None and owner.lower_ in ("its", "their", "his", "her") and token.dep_ == "dobj":
        owner = _subject(token.head) or owner
    start = token.i if owner is None or owner.i > token.i else owner.i
    start = min(start, token.left_edge.i) if owner is None else start
    addressees = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "to", "from")
                  for c in c.children if c.dep_ == "pobj"]
    if not addressees and token.dep_ == "dobj":
        # "gave the junta an ultimatum to ...": the one it is given to.
        addressees = [c for c in token.head.children if c.dep_ == "dative"]
    if not addressees and any(m.dep_ == "mark" and m.lower_ == "that" for m in content.children):
        # "its demand that Venezuela refrain from ...": the one who must act.
        addressees = [c for c in content.children if c.dep_ == "nsubj"]
    if not addressees and any(m.dep_ == "mark" and m.lower_ == "for" for m in content.children):
        # "set a deadline for Hamas to release ...": the one who must act.
        addressees = [c for c in content.children if c.dep_ == "nsubj"]
    end = content.right_edge.i + 1
    if further:
        end = min(end, _before(further[0].act))
    item = Found("nominal", token, start, end, party_token=owner,
                 addressees=addressees, context=content, needs_statement=owner is None)
    for other in further:
        other.party_token, other.needs_statement = owner, owner is None
    return [item] + further if further else item


def _call_on_infinitive(noun: Token) -> tuple[Optional[Token], list[Found]]:
    """The infinitive of "its call on X to ..." when the parser hung it on the verb, and one
    demand for each further "and on Y to ..." joined to that verb."""
    head = noun.head
    that = next((c for c in head.children if c.dep_ == "ccomp" and c.i > noun.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == noun.i + 1 for m in c.children)), None)
    if that is not None:
        return that, []  # "reiterates its demand that Venezuela refrain from ..."
    infinitives = [c for c in head.children if c.dep_ in ("xcomp", "advcl", "conj") and c.i > noun.i
                   and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
    on = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
    if on is None or not infinitives or infinitives[0].i < on.i or infinitives[0].dep_ == "conj":
        return None, []
    further = []
    for verb in infinitives[1:]:
        # "..., and on the M23 to withdraw": the "on" may hang on the verb or on the second infinitive.
        prep = next((c for c in list(head.children) + list(verb.children) if c.lower_ in ("on", "upon")
                     and infinitives[0].i < c.i < verb.i and any(g.dep_ == "pobj" for g in c.children)), None)
        if prep is None:
            continue
        who = [c for c in prep.children if c.dep_ == "pobj"]
        further.append(Found("nominal", prep, prep.i, verb.right_edge.i + 1, addressees=who, context=verb))
    return infinitives[0], further


def _particle_with_object(particle: Token, spec: dict) -> bool:
    """"called on all parties": the addressee's preposition read as a particle with an object."""
    return particle.lower_ in spec["addressee"] and any(c.dep_ == "pobj" for c in particle.children)


def headline_demand(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """A headline line "Venezuela: Machado demands tallies", "ASEAN presses junta",
    "Houthis set terms": headline writing drops what the parser needs, so the line is read
    by position: a short name, a demand verb, then what is demanded (or of whom)."""
    verb = _lemma_in(token, lex.headline_verbs)
    if verb is None or token.pos_ in ("ADP", "DET", "PRON"):
        return None
    line = _headline_line(token, lex.headline_max_words)
    if line is None:
        return None
    start = next((t.i + 1 for t in line if t.text == ":" and t.i < token.i), line.start)
    before = [t for t in token.doc[start:token.i] if not (t.is_space or t.is_punct)]
    after = [t for t in token.doc[token.i + 1:line.end] if not (t.is_space or t.is_punct and not t.is_quote)]
    if not before or not after or len(before) > 4 or not all(t.pos_ == "PROPN" or t.is_title or t.is_upper
                                                             for t in before):
        return None
    if verb in lex.statement_verbs and after[0].lemma_.lower() not in lex.condition_nouns:
        return None  # "Houthis set terms", not "Houthis set fire"
    whom = [after[0]] if verb in lex.headline_addressee_verbs and after[0].pos_ in ("PROPN", "NOUN") else []
    return Found("verb", token, after[0].i, after[-1].i + 1, party_token=before[-1], addressees=whom,
                 context=after[-1])


def _list_opening_to(verb: Token) -> Optional[Token]:
    """"calls upon the Government of India to:" followed by a list of acts: the parser reads
    the bare "to" before the colon as a preposition; it opens the infinitives of the list
    (split into one demand each by :func:`~.demand_spans.expand_lists`)."""
    doc = verb.doc
    for child in verb.children:
        if child.lower_ == "to" and child.i > verb.i and child.i + 1 < len(doc) and doc[child.i + 1].text == ":" \
                and not any(c.dep_ == "pobj" for c in child.children):
            return child
    return None


def _has_to(verb: Token) -> bool:
    return any(a.lower_ == "to" and a.dep_ == "aux" for a in verb.children)


def _headless_addressee(prep: Token) -> list[Token]:
    """"calls on all concerned to cooperate", "called on those involved to ...": the parser
    finds no object after "on" when the addressee is an adjective used as a noun; the word it
    hangs there is the addressee."""
    return [c for c in prep.children if c.dep_ in ("amod", "advmod", "npadvmod", "nsubj", "dobj")
            and c.pos_ in ("ADJ", "PRON", "NOUN", "PROPN", "DET")][:1]


def wish(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"The Authority expects Israel to halt ...", "wants sanctions lifted", "seeks an
    exemption": what the subject wants of another. Wanting to do something oneself
    ("wants to meet Putin") is an intention and is left out."""
    lemma = _lemma_in(token, lex.wish_verbs)
    if lemma is None or token.pos_ != "VERB":
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return None  # "is expected to": a forecast
    # What is wanted follows the verb ("Farage goes further: he wants Britain to leave ...":
    # the clause before "wants" is not what he wants).
    clause = next((c for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.i > token.i
                   and any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)
    seeing = next((c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in lex.seeing_verbs), None)
    if clause is None and seeing is not None:
        # "We want to see Russian troops leave Ukraine": what is to be seen is wanted.
        clause = next((c for c in seeing.children if c.dep_ in ("ccomp", "xcomp")
                       and any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)
    dobj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if clause is None and dobj is not None:
        # "wanted U.S. Navy ships to transit the waterway": the parser may read the object's
        # infinitive as a clause of purpose (advcl); with "to" it is still what is wanted.
        clause = next((c for c in token.children if c.dep_ in ("xcomp", "oprd", "ccomp")
                       or (c.dep_ == "advcl" and _has_to(c))), None)
        clause = clause if clause is not None and clause.i > dobj.i else None
    party_token = _subject(token) or _participle_owner(token)
    if clause is not None:
        who = next((g for g in clause.children if g.dep_ in SUBJECT_DEPS), dobj)
        if who is None:
            return None
        if lemma in lex.predictive_wish_verbs and not (who.pos_ == "PROPN" or who.lemma_.lower() in lex.collective_nouns):
            return None  # "analysts expect prices to rise"
        if who.lower_ in lex.first_person:
            return None  # "I want us to keep our way of life": a wish for oneself
        start = min(who.left_edge.i, clause.left_edge.i)
        # "wants Rwanda's troops to stay but that Mozambique's forces must take over": a
        # joined clause with its own subject is a demand of its own, not part of the wish.
        end = min([clause.right_edge.i + 1] + [_before(c) for c in clause.children
                                               if c.dep_ == "conj" and c.i > clause.i and _own_clause(c)])
        return Found("verb", token, start, end, party_token=party_token,
                     addressees=[who] if any(a.lower_ == "to" for a in clause.children) else [],
                     subject=who, patient=who, context=clause)
    returning = _told_back(lex, token, dobj)
    if returning is not None and not _negated(token):
        back, who = returning
        return Found("verb", token, who.left_edge.i, max(back.right_edge.i, who.right_edge.i) + 1,
                     party_token=party_token, addressees=[who], subject=who, patient=who, context=back)
    if dobj is None or lemma in lex.predictive_wish_verbs:
        return None
    # "wants a negotiated settlement", "wants peace": a hope, not something asked of anyone.
    # "wants zero enrichment on Iranian soil", "wants sanctions relief": a thing wanted that
    # names a contested issue is asked of the other side (but "wants a deal" only hopes).
    # Only a present want stated without negation: "did not want a trade war", "they wanted
    # empty polling stations" tell a wish or an intent, not a position held now.
    if dobj.lemma_.lower() not in lex.wanted_things:
        issue = lex.issue_of(_text(dobj))
        present = token.tag_ in ("VBZ", "VBP") or (token.tag_ in ("VBD", "VBG") and lemma in lex.acting_wish_verbs)
        if issue is None or issue in lex.hoped_issues or not present or _negated(token):
            return None
    return Found("verb", token, dobj.left_edge.i, dobj.right_edge.i + 1, party_token=party_token,
                 patient=dobj, context=dobj)


def _told_back(lex: DemandLexicon, want: Token, dobj: Optional[Token]) -> Optional[tuple[Token, Token]]:
    """"wanted the United States 'back at the table'": the adverb of return after the verb
    and who is wanted back (the object, or the subject the parser gives the adverb), or None.
    A pronoun ("wants it back") names no one told to act."""
    for back in want.children:
        if back.i <= want.i or back.dep_ not in ("advmod", "prt") or back.lower_ not in lex.return_adverbs:
            continue
        who = dobj if dobj is not None else next((c for c in back.children if c.dep_ in SUBJECT_DEPS), None)
        if who is not None and who.i < back.i and who.pos_ != "PRON":
            return back, who
    return None


def exchange(lex: DemandLexicon, token: Token) -> Optional[Found]:
    """"Hamas offered to free ten hostages in return for a pause": what is asked in return."""
    if token.lower_ not in lex.exchange_nouns or token.dep_ != "pobj" or token.head.lower_ != "in":
        return None
    what = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    verb = token.head.head
    if what is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    start = _main_clause_start(verb, token.head)
    main = verb
    while main.dep_ == "xcomp" and main.head.pos_ in ("VERB", "AUX"):
        main = main.head
    return Found("exchange", token, start, what.right_edge.i + 1, party_token=_subject(main) or _participle_owner(main),
                 context=what, label_start=what.i + 1)
