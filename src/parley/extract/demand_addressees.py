"""Who is told to act: the addressee of a found demand, and the sides of an unnamed pair.

:func:`find_addressee` names the addressee (a named object or indirect object, the subject of a
condition, a refused partner, the captor of those whose release is asked, the other side of a
bilateral issue or an unnamed body; a state's generic agent, "Russian troops", as its state);
:func:`pair_phrase` and :func:`pair_sides` read "both sides" and "the two countries".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

import yaml

from spacy.tokens import Doc, Span, Token

from ..kb import LEXICON_DIR
from ..model import Actor
from .actors import ResolvedActors
from .demand_lexicon import DemandLexicon, load_demand_lexicon
from .demand_syntax import _subject, _resolve_relative, _owner, _condition_clauses
from .demand_found import Found
from .demand_actor_index import actors_of, country_of, group_actor, note_mention, state_of_agent

@dataclass(frozen=True)
class PartyLexicon:
    """The settings of ``lexicon/demand_parties.yaml``: how an unnamed addressee is found."""

    other_side_window: int
    answering_forms: frozenset[str]
    state_sectors: frozenset[str]
    never_addressed_types: frozenset[str]
    generic_determiners: frozenset[str]
    refused_partner_preps: frozenset[str]
    body_noun_types: dict
    pair_determiners: frozenset[str] = frozenset()
    definite_pairs: frozenset[str] = frozenset()
    pair_nouns: Optional[dict] = None  # noun lemma -> actor types of its sides
    split_pairs: bool = False  # one record per side of an unnamed pair
    anonymous_voice_nouns: frozenset[str] = frozenset()
    anonymous_voice_preps: frozenset[str] = frozenset()
    state_body_words: frozenset[str] = frozenset()
    place_entity_labels: frozenset[str] = frozenset()
    release_words: frozenset[str] = frozenset()
    captor_verbs: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_party_lexicon(path: str = str(LEXICON_DIR / "demand_parties.yaml")) -> PartyLexicon:
    """Read the addressee settings (cached per path)."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    words = lambda key: frozenset(str(w).lower() for w in raw.get(key) or ())  # noqa: E731
    return PartyLexicon(
        other_side_window=int(raw["other_side_window"]),
        answering_forms=frozenset(raw.get("answering_forms") or ()),
        state_sectors=frozenset(str(w).upper() for w in raw.get("state_sectors") or ()),
        never_addressed_types=words("never_addressed_types"),
        generic_determiners=words("generic_determiners"),
        refused_partner_preps=words("refused_partner_preps"),
        body_noun_types={str(k).lower(): tuple(v) for k, v in (raw.get("body_noun_types") or {}).items()},
        pair_determiners=words("pair_determiners"),
        definite_pairs=words("definite_pairs"),
        pair_nouns={str(k).lower(): tuple(v) for k, v in (raw.get("pair_nouns") or {}).items()},
        split_pairs=bool(raw.get("split_pairs", False)),
        anonymous_voice_nouns=words("anonymous_voice_nouns"),
        anonymous_voice_preps=words("anonymous_voice_preps"),
        state_body_words=words("state_body_words"),
        place_entity_labels=frozenset(str(w).upper() for w in raw.get("place_entity_labels") or ()),
        release_words=words("release_words"),
        captor_verbs=words("captor_verbs"),
    )


def answers_other_side(plex: PartyLexicon, item: Found) -> bool:
    """A refusal, a rejection or a condition: words that answer someone, named or not."""
    return item.stance in ("refusal", "rejection") or item.form in plex.answering_forms


def _own_side(plex: PartyLexicon, party: str, voiced_by: Optional[str], item: Found, resolved: ResolvedActors,
              actor_at: dict[int, str]) -> set[str]:
    """The party, its voice, the subject that refuses ("Tehran will not allow ..."), and,
    when the party speaks for a state, that state and its organs and officials."""
    side = {party} | ({voiced_by} if voiced_by else set()) | _own_bodies(party, voiced_by, resolved)
    countries: set[str] = set()
    body_countries: set[str] = set()
    for actor_id in actors_of(_resolve_relative(_answering_subject(item)), actor_at):
            side.add(actor_id)
            actor = resolved.actors.get(actor_id)
            if actor is not None and actor.type == "country" and actor.country:
                countries.add(actor.country)
    for actor_id in list(side):
        actor = resolved.actors.get(actor_id)
        if actor is None:
            continue
        if actor.country and (actor.type == "country" or actor.sector in plex.state_sectors):
            countries.add(actor.country)
        elif actor.country and _named_as_state_body(plex, actor):
            body_countries.add(actor.country)
        elif not actor.country and actor.type != "group":
            # "Indonesian trade minister Hendra Wibisono", "the Philippine Department of
            # Foreign Affairs": an actor the KB does not know is of the country its words name.
            countries |= _countries_in_words(item.act.doc, actor_id, resolved, actor_at)
    # A body's country comes from its name, which may name the country it deals with
    # ("Taiwan Affairs Office"): only when nothing surer says whose side it is on.
    countries = countries or body_countries
    for actor_id, actor in resolved.actors.items():
        if actor_id in countries or (actor.country in countries
                                     and (actor.type == "country" or actor.sector in plex.state_sectors)):
            side.add(actor_id)
    return side


def off_own_side(plex: PartyLexicon, item: Found, party: str, voiced_by: Optional[str], addressee,
                 resolved: ResolvedActors, actor_at: dict[int, str]):
    """The addressee without the party's own side: a demand is put to someone else, never to
    the state its official speaks for ("Tehran will not allow ...", said by an Iranian
    adviser, is not addressed to Iran) nor to the body its speaker heads (the IAEA's
    director general does not address the IAEA). None when no one else is left."""
    if addressee is None:
        return None
    ids = [addressee] if isinstance(addressee, str) else list(addressee)
    side = _own_side(plex, party, voiced_by, item, resolved, actor_at)
    kept = [i for i in ids if i not in side]
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else kept


def _own_bodies(party: str, voiced_by: Optional[str], resolved: ResolvedActors) -> set[str]:
    """The bodies named in the title of the person voicing the demand ("Director General of
    the International Atomic Energy Agency" -> the IAEA)."""
    bodies: set[str] = set()
    for person_id in (party, voiced_by):
        person = resolved.actors.get(person_id) if person_id else None
        if person is None or person.type != "person" or not person.role:
            continue
        title = f" {person.role.lower()} "
        for actor_id, actor in resolved.actors.items():
            if actor.type in ("organisation", "igo", "group") and actor.name and f" {actor.name.lower()} " in title:
                bodies.add(actor_id)
    return bodies


def _answering_subject(item: Found) -> Optional[Token]:
    """The active subject of a refusal ("Tehran will not allow ..."): the party's own side. A
    passive subject is the one refused ("Iran could not be allowed to ...")."""
    subject = item.subject if item.stance in ("refusal", "rejection") else None
    return subject if subject is not None and subject.dep_ != "nsubjpass" else None


def _named_as_state_body(plex: PartyLexicon, actor: Actor) -> bool:
    """A body the KB gives a country but no sector, whose name calls it an organ of the
    state ("Philippine Department of Foreign Affairs", "Japan's embassy in Manila")."""
    if actor.type not in ("organisation", "group") or actor.sector is not None or not actor.name:
        return False
    return any(w in plex.state_body_words for w in re.findall(r"[a-z]+", actor.name.lower()))


def _countries_in_words(doc: Doc, actor_id: str, resolved: ResolvedActors, actor_at: dict[int, str]) -> set[str]:
    """The countries named inside the noun phrases that mention ``actor_id``."""
    countries: set[str] = set()
    for mention in resolved.mentions:
        if mention.actor_id != actor_id or mention.token_end <= mention.token_start:
            continue
        root = doc[mention.token_start:mention.token_end].root
        phrase = root.head if root.dep_ == "appos" and root.head.i < root.i else root
        # "Somalia's foreign minister, Ahmed Moalim Fiqi,": the role the name stands in
        # apposition to names the country. A relative clause does not ("Marie Dubois, whose
        # brother is held in Iran").
        clauses = {w.i for c in phrase.subtree if c.dep_ in ("relcl", "acl") for w in c.subtree}
        for i in range(phrase.left_edge.i, phrase.right_edge.i + 1):
            if i in clauses:
                continue
            actor = resolved.actors.get(actor_at.get(i, ""))
            if actor is not None and actor.type == "country" and actor.country:
                countries.add(actor.country)
    return countries


def other_side(plex: PartyLexicon, item: Found, party: str, voiced_by: Optional[str], resolved: ResolvedActors,
               actor_at: dict[int, str]) -> Optional[str]:
    """Who a refusal or condition answers when its words name no one: the actor off the
    party's side named most often within ``other_side_window`` characters of it ("we will
    not back down", said in a story about Washington's tariffs, answers the United States)."""
    side = _own_side(plex, party, voiced_by, item, resolved, actor_at)
    where = item.act.doc[item.start].idx
    near: Counter = Counter()
    total: Counter = Counter()
    for mention in resolved.mentions:
        # "Russian forces" count as mentions of Russia: the state is the side answered.
        actor_id = state_of_agent(mention.actor_id, resolved, plex.state_sectors)
        actor = resolved.actors.get(actor_id)
        if actor_id in side or actor is None or actor.type in plex.never_addressed_types:
            continue
        total[actor_id] += 1
        if abs(mention.start - where) <= plex.other_side_window:
            near[actor_id] += 1
    if not near:
        return None
    return max(near, key=lambda a: (near[a], total[a]))


def _condition_subject(lex: DemandLexicon, item: Found, actor_at: dict[int, str]) -> list[str]:
    """"will not join ... until the RSF withdrew", "only if Pristina takes steps": the actor
    a condition inside the demand's words waits on is the one who must act."""
    doc = item.act.doc
    for clause in _condition_clauses(lex, doc[item.start:item.end]):
        ids = actors_of(_resolve_relative(_subject(clause)), actor_at)
        if ids:
            return ids
    return []


def _refused_partner(lex: DemandLexicon, plex: PartyLexicon, item: Found, party: str, resolved: ResolvedActors,
                     actor_at: dict[int, str]) -> list[str]:
    """"refused to negotiate with the M23", "would never recognise Kosovo", "will not allow
    Iran to acquire ...", "would not resume talks with Radaa": the one a refusal is aimed at
    is the object of the refused verb, or the partner its preposition names; a partner named
    by its kind ("will not negotiate with a militia ...", "with gang leaders") is read as an
    addressee named by its kind is."""
    verb = item.context
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    for child in verb.children:
        # "allow Iran to acquire ...": the parser makes Iran the object or the subject of
        # the infinitive.
        whom = child if child.dep_ == "dobj" else next(
            (c for c in child.children if c.dep_ == "nsubj"), None) if child.dep_ in ("ccomp", "xcomp") else None
        ids = actors_of(whom, actor_at)
        if ids:
            return ids
        for partner in _partners(plex, child):
            ids = actors_of(partner, actor_at) or _unnamed_partner(lex, plex, partner, party, resolved, actor_at)
            if ids:
                return ids
    return []


def _unnamed_partner(lex: DemandLexicon, plex: PartyLexicon, token: Token, party: str, resolved: ResolvedActors,
                     actor_at: dict[int, str]) -> list[str]:
    """A partner no known actor names: a body noun ("a militia"), people ("gang leaders") or a
    name ("talks with Radaa"); not a thing a preposition's instrument names ("reward ... with a
    permanent trade deal")."""
    if token.lemma_.lower() not in plex.body_noun_types and token.tag_ not in ("NNS", "NNPS") \
            and token.pos_ != "PROPN":
        return []
    return _unnamed_addressee(lex, plex, token, party, resolved, actor_at)


def _partners(plex: PartyLexicon, child: Token) -> list[Token]:
    """The objects of the refused verb's own partner prepositions ("negotiate with X",
    "extradite ... to X") and of "with" on its object ("talks with X", "a deal with X")."""
    if child.dep_ == "prep" and child.lower_ in plex.refused_partner_preps:
        preps = [child]
    elif child.dep_ == "dobj":
        preps = [c for c in child.children if c.dep_ == "prep" and c.lower_ == "with"]
    else:
        return []
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def find_addressee(item: Found, party: str, actor_at: dict, resolved: ResolvedActors,
               lex: Optional[DemandLexicon] = None, plex: Optional[PartyLexicon] = None):
    lex = lex or load_demand_lexicon()
    plex = plex or load_party_lexicon()
    ids: list[str] = []
    for tok in item.addressees:
        ids += _state_of_leader(plex, _resolve_relative(tok), actor_at, resolved) or (
            _unnamed_addressee(lex, plex, tok, party, resolved, actor_at) if _told_to_act(plex, item, tok, actor_at) else [])
    refusing = item.stance in ("refusal", "rejection")
    if not ids and refusing:
        # The subject of a refusal is the one who refuses; the one refused is its object or
        # the actor its condition waits on.
        ids = _refused_partner(lex, plex, item, party, resolved, actor_at) or _condition_subject(lex, item, actor_at)
    if not ids and item.subject is not None and not refusing:
        ids = actors_of(_resolve_relative(item.subject), actor_at)
        if not ids and _subject_told_to_act(plex, item):
            ids = _unnamed_addressee(lex, plex, item.subject, party, resolved, actor_at)
    if not ids:
        ids = _condition_subject(lex, item, actor_at)
    if not ids:
        ids = _between(item, actor_at)
    releasing = _asks_release(plex, item)
    if not ids and releasing:
        ids = _captor(plex, item, resolved, actor_at)
    if not ids and item.patient is not None and not releasing:
        # (the one whose release is asked, "the release of Bazoum", is not who must act)
        owner = _owner(item.patient)
        ids = actors_of(owner, actor_at) if owner is not None else []
    if not ids and item.form == "condition" and item.context is not None:
        # "Hamas would pay a horrible price if ...": the one threatened is addressed.
        ids = actors_of(_resolve_relative(_subject(item.context)), actor_at)
    if not ids and item.context is not None and not refusing:
        # "its demand that Kyiv withdraw ...": the subject of the demanded clause must act.
        subject = _subject(item.context)
        if subject is not None and item.start <= subject.i < item.end and subject.i > item.act.i:
            ids = actors_of(_resolve_relative(subject), actor_at)
    if not ids and item.form == "verb":
        # "demanded that Israel halt settlement expansion", parsed as one noun phrase: the
        # name that opens the condition is who must act.
        doc = item.act.doc
        first = next((t for t in doc[item.start:item.end] if t.dep_ != "mark" and not t.is_punct), None)
        if first is not None and first.i in actor_at and first.i > item.act.i \
                and (any(t.tag_ == "VB" for t in doc[first.i:min(item.end, first.i + 4)])
                     or (first.dep_ == "compound" and item.context is not None and first.head == item.context)):
            # ("that Pakistan act against ...", its verb tagged as a noun with the name as compound)
            ids = [actor_at[first.i]]
    # A state's own officials do not address their state; rebels, parties and unions of a
    # country do ("the ELN called on Petro's government to ...").
    party_actor = resolved.actors.get(party)
    party_country = country_of(party, resolved) if party_actor is None or party_actor.type == "country" \
        or party_actor.sector in plex.state_sectors or party_actor.sector is None else None
    # "as long as Russian troops remain": the state decides where its troops are.
    ids = [state_of_agent(i, resolved, plex.state_sectors) for i in ids]
    ids = [i for i in dict.fromkeys(ids) if i != party and not (
        country_of(i, resolved) == party_country and party_country and i == party_country)]
    if not ids:
        return None
    return ids[0] if len(ids) == 1 else ids


def _asks_release(plex: PartyLexicon, item: Found) -> bool:
    """"called for their immediate release", "they must be released", "free all detainees"."""
    return any(t.lemma_.lower() in plex.release_words and t.pos_ in ("NOUN", "VERB")
               for t in item.act.doc[item.start:item.end])


def _captor(plex: PartyLexicon, item: Found, resolved: ResolvedActors, actor_at: dict[int, str]) -> list[str]:
    """Who holds the people whose release is asked: the doer of the last detention told before
    the demand ("Military police detained 14 picketers", "was arrested by soldiers"). The
    demand is put to them even when it names only the detained ("called for his release")."""
    doc = item.act.doc
    for verb in reversed(doc[:item.start]):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in plex.captor_verbs or not _takes_people(verb):
            continue
        doer = _detainer(verb)
        if doer is None:
            continue
        ids = actors_of(_resolve_relative(doer), actor_at)
        if not ids and doer.pos_ == "NOUN":
            # "Armed men abducted ...", "arrested by soldiers": a group named by its kind
            start = min([doer.i] + [c.left_edge.i for c in doer.children if c.i < doer.i])
            group = group_actor(doc[start:doer.i + 1], resolved, actor_at)
            ids = [group] if group is not None else []
        if ids:
            return ids
    return []


def _detainer(verb: Token) -> Optional[Token]:
    """The active subject of a detention verb, or the agent of a passive one ("by soldiers")."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.pos_ != "PRON":
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _takes_people(verb: Token) -> bool:
    """A detention of people, not "seized power" or "seized the town": its object (or passive
    subject) is a plural, a name or a pronoun."""
    held = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return held is not None and (held.tag_ in ("NNS", "NNPS", "NNP", "PRP") or held.pos_ == "NUM"
                                 or any(c.dep_ == "nummod" for c in held.children))


def _between(item: Found, actor_at: dict[int, str]) -> list[str]:
    doc = item.act.doc
    for token in doc[item.start:item.end]:
        if token.lower_ == "between" and token.dep_ == "prep":
            pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
            ids = actors_of(pobj, actor_at)
            if len(ids) >= 2:
                return ids
    return []


def _state_of_leader(plex: PartyLexicon, token: Optional[Token], actor_at: dict[int, str],
                     resolved: ResolvedActors) -> list[str]:
    """The actors a noun phrase names, where "Petro's government" or "Mr Abiy's government"
    (a state's organ named by its leader) is the leader's state, not the leader."""
    ids = actors_of(token, actor_at)
    if token is None or len(ids) != 1 or token.i in actor_at \
            or "country" not in plex.body_noun_types.get(token.lemma_.lower(), ()):
        return ids
    owner = next((c for c in token.children if c.dep_ == "poss" and c.i in actor_at), None)
    leader = resolved.actors.get(actor_at[owner.i]) if owner is not None else None
    if leader is not None and leader.type == "person" and leader.country and ids[0] == leader.id:
        return [leader.country]
    return ids


def _unnamed_addressee(lex: DemandLexicon, plex: PartyLexicon, token: Optional[Token], party: str,
                       resolved: ResolvedActors, actor_at: dict[int, str]) -> list[str]:
    """An addressee no known actor names: a body named by its kind ("urged the bloc to ...")
    is the last such actor named before it; a group told to act ("called on donors to ...",
    "warned shipping companies to ...") becomes an actor of its own, as a party would."""
    if token is None or not _common_or_unknown(plex, token, actor_at) or _generic(plex, token, actor_at):
        return []
    lemma = token.lemma_.lower()
    if lemma in plex.body_noun_types and _named_by_unknown(token, actor_at):
        # "the Tiraspol administration": a body of its own, named, not the state.
        group = group_actor(_phrase_of(token), resolved, actor_at)
        return [group] if group is not None else []
    if lemma in plex.body_noun_types:
        types = plex.body_noun_types[lemma]
        body = (_state_addressed(plex, token, party, resolved) if "country" in types else None) \
            or _last_body(token, types, party, resolved)
        if body is not None:
            # The eval and the reader see which words named the addressee ("the government").
            note_mention(body, _phrase_of(token), resolved, "addressee")
        return [body] if body is not None else []
    if lemma in lex.collective_nouns and not any(c.dep_ == "compound" for c in token.children) \
            or lemma in lex.document_nouns or lemma in lex.first_person:
        # A collective named by its kind alone ("the international community") is no one
        # actor; one a noun qualifies ("the interior ministry") is a body of its own.
        return []
    if token.tag_ not in ("NNS", "NNP", "NNPS") and not any(c.dep_ in ("amod", "compound") for c in token.children):
        return []  # "urged restraint": a singular bare noun is rarely who is asked ("the Registry" is)
    start = min([token.i] + [c.left_edge.i for c in token.children if c.i < token.i])
    group = group_actor(token.doc[start:token.i + 1], resolved, actor_at)
    return [group] if group is not None else []


def _phrase_of(token: Token) -> Span:
    """The words of a noun phrase up to its head ("the federal government")."""
    return token.doc[token.left_edge.i:token.i + 1]


def _named_by_unknown(token: Token, actor_at: dict[int, str]) -> bool:
    """A body noun a name no known actor matches qualifies ("the Tiraspol administration")."""
    return any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" and c.i not in actor_at for c in token.children)


def _speaks_for_state(plex: PartyLexicon, actor: Optional[Actor]) -> bool:
    """A country, or an actor of a state's own sectors or organs: its "government" is another's."""
    return actor is not None and (actor.type == "country" or actor.sector in plex.state_sectors
                                  or _named_as_state_body(plex, actor))


def _state_addressed(plex: PartyLexicon, token: Token, party: str, resolved: ResolvedActors) -> Optional[str]:
    """The state an unnamed government is ("urged the government to ...", "authorities must
    ..."): a union, a rights body or a protest group of a country addresses its own
    government; a body of no country (an international NGO) the country the article is
    about (named most often), the latest named before the words on a tie. None for a state's
    own voice (it addresses the state it last named: :func:`_last_body`) or when no country
    is named."""
    party_actor = resolved.actors.get(party)
    if _speaks_for_state(plex, party_actor):
        return None
    if party_actor is not None and party_actor.country:
        return party_actor.country if party_actor.country in resolved.actors else None
    count: Counter = Counter()
    latest: dict[str, int] = {}
    for mention in resolved.mentions:
        actor = resolved.actors.get(mention.actor_id)
        if actor is None or actor.type != "country":
            continue
        count[mention.actor_id] += 1
        if mention.start < token.idx:
            latest[mention.actor_id] = mention.start
    if not count:
        return None
    return max(count, key=lambda a: (count[a], latest.get(a, -1)))


def _subject_told_to_act(plex: PartyLexicon, item: Found) -> bool:
    """The subject names, by its kind, who must act: the subject of the clause a verb demands
    ("demanded that the government transfer ...", "that the defense minister appear") or a
    government an obligation is put to ("the government should detain ..."). Not a passive
    subject: that is what is acted on."""
    subject = item.subject
    if subject.dep_ != "nsubj" or not _definite(subject):
        return False
    if item.form == "verb":
        return subject.i > item.act.i
    return item.form in ("obligation", "need") and subject.lemma_.lower() in plex.body_noun_types


def _definite(token: Token) -> bool:
    """"the government", "the defense minister": one body already known to the reader, not
    "a joint commission", "its commanders" (the speaker's own) or "the two governments" (a pair)."""
    dets = [c for c in token.children if c.dep_ in ("det", "poss", "nummod", "predet")]
    return bool(dets) and all(c.dep_ == "det" and c.lower_ == "the" for c in dets)


def _common_or_unknown(plex: PartyLexicon, token: Token, actor_at: dict[int, str]) -> bool:
    """A common noun, or a capitalised one no known actor names: the parser tags "the
    Registry", "the interior ministry" and "Member States" as proper nouns, and a person the
    KB does not know ("urged Petro to ...") is still who is asked. An unknown place ("Africa
    is being asked to ...") is a region, not an actor."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.i not in actor_at
                                    and token.ent_type_ not in plex.place_entity_labels)


def _told_to_act(plex: PartyLexicon, item: Found, token: Token, actor_at: dict[int, str]) -> bool:
    """The token is the one a demand verb addresses: its object ("urged donors to ...") or the
    object of its particle ("called on donors to ..."), not a thing in a demanded noun phrase."""
    if item.form not in ("verb", "nominal") or not _common_or_unknown(plex, token, actor_at):
        return False
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return False  # "urged our friends", "their members": the speaker's own
    head = token.head
    return head == item.act or (head.dep_ in ("prep", "prt") and head.head == item.act)


def _last_body(token: Token, types: Sequence[str], party: str, resolved: ResolvedActors) -> Optional[str]:
    """The actor of one of ``types`` named last before ``token`` (not the party itself)."""
    party_actor = resolved.actors.get(party)
    own = {party, getattr(party_actor, "country", None)}
    for mention in reversed(resolved.mentions):
        if mention.start >= token.idx or mention.actor_id in own:
            continue
        actor = resolved.actors.get(mention.actor_id)
        if actor is not None and actor.type in types and not mention.actor_id.startswith("new:"):
            return mention.actor_id
    return None


def addressed_to_all(plex: PartyLexicon, item: Found, actor_at: dict[int, str]) -> bool:
    """"urged all parties to ...", "both sides must ...", "every ally must ...": the demand
    is put to everyone or a whole class, so no one actor is its addressee (and none is
    guessed)."""
    whom = item.addressees or ([item.subject] if item.subject is not None and item.stance == "demand" else [])
    return bool(whom) and all(_generic(plex, t, actor_at) for t in whom)


def pair_phrase(plex: PartyLexicon, item: Found, actor_at: dict[int, str]) -> Optional[Token]:
    """The noun naming two sides as a pair that the demand is put to, if any: the one told to
    act ("urged both sides to ...", "called on the two neighbours to ...", "his call on the
    parties to ..."), the subject of an obligation ("both governments must ..."), or the sides
    a subject belongs to ("border guards on both sides must ...")."""
    whom = item.addressees or ([item.subject] if item.subject is not None and item.stance == "demand" else [])
    for token in whom:
        if _names_pair(plex, token, actor_at):
            return token
        for prep in token.children:
            if prep.dep_ == "prep":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if _names_pair(plex, pobj, actor_at):
                    return pobj
    return None


def _names_pair(plex: PartyLexicon, token: Optional[Token], actor_at: dict[int, str]) -> bool:
    """"both sides", "the two neighbours", "each side", "the parties": two sides, unnamed."""
    if token is None or token.pos_ != "NOUN" or token.lemma_.lower() not in (plex.pair_nouns or {}):
        return False
    if any(not actor_at[i].startswith("new:group:") for i in range(token.left_edge.i, token.right_edge.i + 1)
           if i in actor_at):
        return False  # "both Israeli and Palestinian leaders": named, split by name
    words = {c.lower_ for c in token.children if c.dep_ in ("det", "predet", "nummod", "amod", "preconj")}
    if words & plex.pair_determiners:
        return True
    # "the parties" with nothing else said of them: the sides of the dispute in the story
    return token.tag_ == "NNS" and token.lemma_.lower() in plex.definite_pairs and words == {"the"} \
        and all(c.dep_ == "det" for c in token.children)


def pair_sides(plex: PartyLexicon, item: Found, pair: Token, party: str, voiced_by: Optional[str],
               resolved: ResolvedActors, actor_at: dict[int, str]) -> list[str]:
    """The two sides a pair phrase stands for: the two actors of the noun's kinds, off the
    party's side, named most often within ``other_side_window`` characters of the demand
    (a mediator "urged both sides to ..." in a story about Mali and Algeria: Mali, Algeria)."""
    types = plex.pair_nouns.get(pair.lemma_.lower(), ())
    side = _own_side(plex, party, voiced_by, item, resolved, actor_at)
    where = item.act.doc[item.start].idx
    near: Counter = Counter()
    first: dict[str, int] = {}
    for mention in resolved.mentions:
        actor = resolved.actors.get(mention.actor_id)
        if mention.actor_id in side or actor is None or actor.type not in types:
            continue
        if abs(mention.start - where) <= plex.other_side_window:
            near[mention.actor_id] += 1
            first.setdefault(mention.actor_id, mention.start)
    ranked = sorted(near, key=lambda a: (-near[a], first[a]))
    return ranked[:2] if len(ranked) >= 2 else []


def _generic(plex: PartyLexicon, token: Optional[Token], actor_at: dict[int, str]) -> bool:
    """A noun phrase with a determiner of totality and no actor named in it."""
    if token is None or any(i in actor_at for i in range(token.left_edge.i, token.right_edge.i + 1)):
        return False
    if token.lower_ in plex.generic_determiners:
        return True  # "all must ...", "both have to ..."
    return any(c.lower_ in plex.generic_determiners and c.dep_ in ("det", "predet", "nummod", "amod", "preconj")
               for c in token.children)
