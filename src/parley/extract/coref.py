"""Explainable speaker coreference: from "he", "the spokesman" or "the ministry" to an actor.

What is resolved: personal pronouns (he, she, they, it), role nouns ("the spokesman",
"the minister", "the president") and organisation nouns ("the ministry", "the alliance")
that are subjects of reporting verbs, to an actor already mentioned. Every answer carries
the chain of mentions and rules that led to it, so a user can check it.

The rules, in order (no model, no download):
1. a pronoun prefers the previous statement's speaker when that speaker is the most
   salient antecedent, else the nearest preceding subject mention of the right kind
   (a person for he/she, an organisation, country or group for it/they), walking back
   sentence by sentence and never looking inside quotations;
2. a role noun takes the nearest preceding person whose role or title words contain it;
3. an organisation noun takes the nearest organisation whose name contains it, or the
   latest institution already resolved here ("the ministry" after "Russia's foreign ministry");
4. an institution phrase ("Russia's foreign ministry", "Netanyahu's office") takes the KB's
   organisation it names, by its words or by its owner's country, and becomes an actor of
   the article; a name in apposition at the end of a subject phrase ("The head of the city
   administration, Tymur Tkachenko,") is the speaker;
5. a noun that names a body ("the union", "the council") is that body, never the person
   who heads it: an organisation whose name has the noun, one of the kind the noun fits
   ("the bloc" is intergovernmental), or one named only in a title ("National Electoral
   Council president ..."); with none, the phrase stays unresolved;
6. a country's security body in lower case ("China's coast guard") is the KB's body of
   that country, else a new organisation "China coast guard"; results, figures or a report
   "from"/"by" a body speak for that body; an unnamed crowd is named without its estimated
   size ("about 300 activists" -> "activists").

What is not: cataphora ("Before he left, Peskov said"), first-person pronouns, bridging.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Optional

import yaml

from spacy.tokens import Doc, Token

from ..kb import LEXICON_DIR, KnowledgeBase, normalise
from ..model import Actor, MentionDetail
from ..nlp.sentences import sentence_of, text_of
from .actors import ActorMention, ActorResolver, ResolvedActors

PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"it", "they", "we"}
# "his accusation that ...": a possessive subject of a noun cue refers like its pronoun.
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
MAX_SENTENCES_BACK = 12
# Which mention in a subject phrase names the speaker: a person before an organisation
# before a country.
TYPE_RANK = {"person": 0, "organisation": 1, "igo": 1, "group": 1, "country": 2, "media": 3}


@dataclass
class Resolution:
    """An actor for a speaker phrase, and how it was reached."""

    actor_id: Optional[str]
    name: Optional[str]
    mention: Optional[ActorMention]
    chain: list[MentionDetail] = field(default_factory=list)


class SpeakerResolver:
    """Resolves speaker phrases of one Doc against its resolved actors."""

    def __init__(
        self, doc: Doc, resolved: ResolvedActors, quoted: Iterable[tuple[int, int]], role_nouns: dict[str, str],
        kb: Optional[KnowledgeBase] = None, published: Optional[dt.date] = None, gender: Optional["Gender"] = None,
    ):
        self.doc = doc
        self.resolved = resolved
        self.quoted = sorted(quoted)
        self.role_nouns = role_nouns
        self.kb = kb
        self.published = published
        self.gender = gender or Gender()
        self.by_token: dict[int, ActorMention] = {}
        self.institutions: list[tuple[int, Optional[str], str]] = []  # (token index, actor id, name) resolved so far
        self.unlisted_names: list[tuple[int, int, str]] = []  # (start, end, name) of speakers named but not actors
        self.groups: list[tuple[int, str]] = []  # (token index, phrase) of unnamed plural speakers ("Officials in ...")
        self._described: dict[str, str] = {}  # person id -> what the KB and the article say they are
        # (subject token, resolution) of every statement resolved so far, in text order: the
        # previous speaker is the first candidate for a pronoun that continues its statement.
        self.history: list[tuple[Token, Resolution]] = []
        self._resolved_subjects: dict[int, Resolution] = {}  # subject token index -> its resolution
        for mention in resolved.mentions:
            for i in range(mention.token_start, mention.token_end):
                self.by_token[i] = mention

    # -- public ----------------------------------------------------------------
    def mention_in(self, token: Token) -> Optional[ActorMention]:
        """The actor mention a subject phrase names: its head's, else the closest one
        attached to the head, people before organisations before countries ("Ukraine's
        foreign minister, Andrii Sybiha," is Sybiha; "the Kremlin spokesman" the Kremlin)."""
        if token.i in self.by_token:
            return self.by_token[token.i]
        candidates = []
        examples = self._examples(token)
        for child in token.subtree:
            mention = self.by_token.get(child.i)
            if mention is None or child.i in examples:
                continue
            depth, node = 0, child
            while node.i != token.i and depth < 4:
                node, depth = node.head, depth + 1
            if depth > 2:
                continue  # deep inside a modifier: "accounts of the talks from the French side"
            actor = self.resolved.actors[mention.actor_id]
            rank = TYPE_RANK.get(actor.type, 4) - (0.5 if child.dep_ == "appos" else 0)
            candidates.append((rank, depth, child.i, mention))
        return min(candidates, key=lambda c: c[:3])[3] if candidates else None

    @staticmethod
    def _examples(token: Token) -> set[int]:
        """Tokens that only give examples of a group ("nine countries including Argentina"):
        the group speaks, not the example."""
        words = _speaker_nouns()["group_examples"]
        return {t.i for c in token.children if c.dep_ == "prep" and c.lower_ in words for t in c.subtree}

    def resolve(self, subject: Token, previous_speaker: Optional[str]) -> Resolution:
        """The actor a reporting verb's subject refers to, with the chain that led there.

        One subject is resolved once: a cue with two contents ("She said 1.2 million people
        needed food and that 300 trucks were waiting") gives both the same speaker. Resolved
        again, a pronoun would find its own first resolution as the previous statement and
        skip it."""
        known = self._resolved_subjects.get(subject.i)
        if known is not None:
            return replace(known, chain=list(known.chain))  # callers extend the chain of their copy
        result = self._resolve(subject, previous_speaker)
        actor = self.resolved.actors.get(result.actor_id) if result.actor_id else None
        if actor is None or actor.type != "person":
            result = self._named_next(subject) or result
        earlier = self._described_before(subject)
        if earlier is not None and (result.mention is None or result.mention.token_start < earlier[0].i):
            result = earlier[1]
        self.history.append((subject, result))
        self._resolved_subjects[subject.i] = replace(result, chain=list(result.chain))
        return result

    def _resolve(self, subject: Token, previous_speaker: Optional[str]) -> Resolution:
        group = self._coordinated_group(subject) or self._government(subject)
        if group is not None:
            return group
        mention = self.mention_in(subject)
        head_is_actor = mention is not None and mention.token_start <= subject.i < mention.token_end
        if not head_is_actor:
            source = self._publisher(subject, previous_speaker)
            if source is not None:
                return source
        if not head_is_actor or (mention.how == "new" and mention.text.islower()):
            body = self._country_body(subject)
            if body is not None:
                return body
        noun = normalise(subject.lemma_)
        if head_is_actor and mention.how == "new" and mention.text.islower():
            owned = self._pronoun_institution(subject, previous_speaker)
            if owned is not None:
                return owned
            # "China's commerce ministry": the actor finder made the common noun phrase a new
            # actor; the KB's institution of the owner country is the speaker.
            owner = next((self.by_token[c.i] for c in subject.children if c.i in self.by_token and self.by_token[c.i] is not mention), None)
            found = self._institution(subject, owner) if owner is not None else None
            if found is not None:
                return found
        if head_is_actor and mention.how == "agent" and self._names_one_person(subject):
            # "The Georgian prime minister said": a title, not the government it belongs to;
            # the holder the article names before the one the KB knows, unless the phrase
            # names them itself ("the Dutch prime minister, Dick Schoof, said").
            found = self._person_in_apposition(subject) or self._role_family(subject) or self._office_holder(subject, mention) or self._role_noun(subject, noun)
            if found is not None:
                return found
        owner_only = mention is not None and not head_is_actor and self._is_owner(subject, mention)
        if mention is not None and (head_is_actor or (self.resolved.actors[mention.actor_id].type == "person" and not owner_only)):
            actor = self.resolved.actors[mention.actor_id]
            if head_is_actor:
                self._name_with_owner(subject, mention)
            return Resolution(actor.id, actor.name, mention, [self._link(mention, mention.how)])
        appos = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) or _trailing_name(subject)
        if appos is not None and (appos.ent_type_ not in ("GPE", "NORP", "LOC") or self._person_apposed(subject, appos)):
            # "The U.N. resident coordinator in Myanmar, Marcoluigi Corsi,": the name in apposition.
            named = self.mention_in(appos)
            if named is not None and self.resolved.actors[named.actor_id].type != "country":
                actor = self.resolved.actors[named.actor_id]
                return Resolution(actor.id, actor.name, named, [self._link(named, "apposition")])
            name = self._phrase(appos, clauses=False) if appos.dep_ != "appos" or appos.head.i != subject.i else self._flat_name(appos)
            return Resolution(None, name, None, [MentionDetail(span=(appos.idx, appos.idx + len(appos.text)), text=name, how="unresolved name")])
        found = self._role_family(subject)
        if found is not None:
            return found
        # The tagger often calls "ministry" in "Russia's foreign ministry" a proper noun; a
        # word written in lower case is a common noun whatever its tag.
        common = subject.pos_ == "NOUN" or (subject.pos_ == "PROPN" and subject.text.islower())
        if mention is not None and subject.pos_ in ("NOUN", "PROPN") and not head_is_actor:
            holder = self._office_holder(subject, mention) if common else None
            if holder is not None:
                return holder
            institution = self._institution(subject, mention)
            if institution is not None:
                return institution
        if self._is_name(subject):
            # "opposition MP Artur Khachatryan": a name the KB and the model missed.
            name = self._flat_name(subject)
            start = subject.i
            while start > 0 and len(self.doc[start : subject.i + 1].text) < len(name):
                start -= 1
            self.unlisted_names.append((start, subject.i + 1, name))
            return Resolution(None, name, None, [MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=name, how="unresolved name")])
        if mention is not None and common:
            found = self._unnamed_representative(subject, mention)
            if found is not None:
                return found
            if normalise(subject.lemma_) not in self.role_nouns:
                # "the Russian embassy", "Netanyahu's office": an institution of that actor, named as written.
                phrase = self._phrase(subject, clauses=False)
                self.institutions.append((subject.i, None, phrase))
                return Resolution(None, phrase, None, [self._link(mention, "modifier"), MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=phrase, how="institution")])
        if mention is not None and common and self._names_one_person(subject):
            # "The U.S. special envoy said": the person last named in that role; when the
            # article names nobody in it, the country the envoy speaks for (below), as for an
            # unnamed spokesman: the guidelines resolve unnamed officials to what they represent.
            found = self._role_noun(subject, noun)
            if found is not None:
                return found
        if mention is not None:
            actor = self.resolved.actors[mention.actor_id]
            return Resolution(actor.id, actor.name, mention, [self._link(mention, mention.how)])
        owned = self._pronoun_institution(subject, previous_speaker)
        if owned is not None:
            return owned
        word = subject.lower_
        if subject.pos_ == "PRON" and word in PERSON_PRONOUNS | GROUP_PRONOUNS | set(POSSESSIVE_PRONOUNS):
            return self._pronoun(subject, previous_speaker)
        noun = normalise(subject.lemma_)
        if noun in self.role_nouns or self._role_of_someone(noun) or self._names_someone_before(subject, noun):
            found = self._role_noun(subject, noun)
            if found:
                return found
        found = self._nearer(self._organisation_noun(subject, noun), self._named_institution(subject, noun)) or self._body_in_title(subject, noun)
        if found:
            return found
        found = self._representative_of(subject, noun) or self._spokesperson_of_subject(subject, noun)
        if found:
            return found
        found = self._institution_noun(subject, noun)
        if found:
            return found
        phrase = self._speaker_phrase(subject)
        if subject.tag_ in ("NNS", "NNPS"):
            self.groups.append((subject.i, phrase))
        return Resolution(None, phrase, None, [MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=phrase, how="unresolved")])

    def resolve_pronoun(self, pronoun: Token, previous_speaker: Optional[str]) -> Resolution:
        """The antecedent of a personal pronoun that is not a statement's subject (an event's
        actor: "she has accepted the invitation"), by the same salience rules; the statement
        history is left as it is."""
        return self._pronoun(pronoun, previous_speaker)

    # -- rules -----------------------------------------------------------------
    def _pronoun(self, pronoun: Token, previous_speaker: Optional[str]) -> Resolution:
        found = self._pronoun_to_actor(pronoun, previous_speaker)
        group = self._group_before(pronoun, found)
        return group if group is not None else found

    def _group_before(self, pronoun: Token, found: Resolution) -> Optional[Resolution]:
        """"Officials in the governor's office said ... They said": "they" takes back an
        unnamed plural speaker of this sentence or the one before, unless an actor was
        mentioned as a subject after it."""
        if pronoun.lower_ != "they" or not self.groups:
            return None
        index, phrase = self.groups[-1]
        if index >= pronoun.i or self._sentences_between(index, pronoun.i) > 1:
            return None
        if found.mention is not None and found.mention.token_start > index:
            return None
        link = MentionDetail(span=(pronoun.idx, pronoun.idx + len(pronoun.text)), text=pronoun.text, how="pronoun")
        before = self.doc[index]
        return Resolution(None, phrase, None, [link, MentionDetail(span=(before.idx, before.idx + len(before.text)), text=phrase, how="unnamed group before")])

    def _pronoun_to_actor(self, pronoun: Token, previous_speaker: Optional[str]) -> Resolution:
        """Salience order, as in centering: (a) the speaker of the statement just before,
        when the pronoun continues it; (b) the role phrase that is the main subject of the
        sentence before ("The Director General is expected ... He said"); (c) subjects
        before other mentions, walking back, of the kind and gender the pronoun allows;
        (d) the previous speaker, then nothing."""
        word = POSSESSIVE_PRONOUNS.get(pronoun.lower_, pronoun.lower_)
        want_person = word in PERSON_PRONOUNS
        start_link = MentionDetail(span=(pronoun.idx, pronoun.idx + len(pronoun.text)), text=pronoun.text, how="pronoun")
        found = self._continued_speaker(pronoun, word, start_link) or self._role_subject_before(pronoun, word, start_link)
        if found is not None:
            return found
        for mention, salient in self._antecedents(pronoun):
            actor = self.resolved.actors[mention.actor_id]
            if want_person != (actor.type == "person"):
                continue
            if want_person and not self.gender.agrees(word, actor.name):
                continue
            if not want_person and actor.type == "media":
                continue
            if previous_speaker and mention.actor_id != previous_speaker and not salient:
                # A non-subject mention between: the last speaker stays the better guess.
                continue
            how = "nearest subject" if salient else "nearest mention"
            return Resolution(actor.id, actor.name, mention, [start_link, self._link(mention, how)])
        found = self._unnamed_role_subject_before(pronoun, word, start_link)
        if found is not None:
            return found
        actor = self._latest_speaker_of_kind(pronoun, word, previous_speaker)
        if actor is not None:
            return Resolution(actor.id, actor.name, None, [start_link, MentionDetail(span=(pronoun.idx, pronoun.idx), text=actor.name, how="previous speaker")])
        return Resolution(None, pronoun.text, None, [start_link])

    def _latest_speaker_of_kind(self, pronoun: Token, word: str, previous_speaker: Optional[str]) -> Optional[Actor]:
        """(d) the previous speaker when it is of the pronoun's kind, else the latest speaker
        resolved here who is: "He urges donors" after a quoted agency is the man who spoke
        before it (the Secretary-General of a release), never the agency."""
        want_person = word in PERSON_PRONOUNS
        candidates = [previous_speaker] + [r.actor_id for t, r in reversed(self.history) if t.i < pronoun.i
                                           and self._sentences_between(t.i, pronoun.i) <= MAX_SENTENCES_BACK]
        for actor_id in candidates:
            actor = self.resolved.actors.get(actor_id) if actor_id else None
            if actor is None or (actor.type == "person") != want_person or actor.type == "media":
                continue
            if want_person and not self.gender.agrees(word, actor.name):
                continue
            return actor
        return None

    def _government(self, subject: Token) -> Optional[Resolution]:
        """"The army-backed government said", "the government in Tripoli", "the
        administration": a country's unnamed executive. The country is the one the phrase
        names, else the nearest subject of the last two sentences that has a country, else
        the country the article mentions most. The KB's government of that country speaks
        when it has one; else the country, under the name the article gives."""
        if subject.tag_ != "NN" or normalise(subject.lemma_) not in _speaker_nouns()["government_nouns"]:
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children):
            return None
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in self.by_token for c in subject.children):
            return None  # "the Government of National Unity": a name, for the other rules
        bare = all(c.dep_ == "det" for c in subject.children)
        earlier = self._named_institution(subject, normalise(subject.lemma_)) if bare else None
        if earlier is not None:
            return earlier  # "Mali's transitional government said ... The government said"
        named = [self.by_token[t.i] for t in subject.subtree if t.i in self.by_token]
        country, how, link = None, "country named", None
        for mention in named:
            actor = self.resolved.actors[mention.actor_id]
            if actor.country and actor.type != "person":
                country, link = actor.country, mention
                break
        if country is None and named:
            return None  # "Netanyahu's government": the institution rules know the owner
        if country is None:
            country, link, how = self._salient_country(subject)
        if country is None:
            return None
        phrase = normalise_space(self.doc[subject.left_edge.i : subject.i + 1].text)
        while phrase.lower().startswith(("the ", "this ")):
            phrase = phrase.split(" ", 1)[1]
        start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=phrase, how="government")
        if not bare and self._one_of_rival_governments(subject):
            return self._rival_government(subject, country, phrase, start_link, link, how)
        entries = _institutions_of(self.kb, country, frozenset({normalise(subject.lemma_)})) if self.kb is not None else []
        if len(entries) == 1:
            self._register(entries[0], subject, phrase, "institution")
            self.institutions.append((subject.i, entries[0].id, entries[0].name))
            return Resolution(entries[0].id, entries[0].name, None, [start_link, self._link(link, how) if link else MentionDetail(span=start_link.span, text=country, how=how)])
        actor = next((a for a in self.resolved.actors.values() if a.type == "country" and a.country == country), None)
        if actor is None:
            return None
        chain = [start_link, self._link(link, how) if link else MentionDetail(span=start_link.span, text=actor.name, how=how)]
        if not bare:
            self.institutions.append((subject.i, actor.id, phrase))
        return Resolution(actor.id, phrase, link, chain)

    def _one_of_rival_governments(self, subject: Token) -> bool:
        """"the army-aligned government", "the internationally recognised government", "the
        Taliban administration", "the regional government": a descriptor that picks one
        government among several a country has (rivals, levels). Only words that name the
        country ("the Sudanese government") or leave it whole ("the central government", "the
        new government") do not."""
        if subject.i in self.by_token:
            return False  # the actor finder named it already: "the Israeli government", "the Taliban administration"
        neutral = _speaker_nouns()["government_neutral"]
        for token in self.doc[subject.left_edge.i : subject.i]:
            if token.dep_ in ("det", "case", "punct") or token.tag_ == "POS" or not token.is_alpha:
                continue
            mention = self.by_token.get(token.i)
            if mention is not None and self.resolved.actors[mention.actor_id].type in ("country", "person"):
                continue
            if normalise(token.text) not in neutral:
                return True
        return False

    def _rival_government(self, subject: Token, country: str, phrase: str, start_link: MentionDetail,
                          link: Optional[ActorMention], how: str) -> Resolution:
        """One of a country's governments, an actor of its own named as the article names it,
        of that country; "the government" later takes it back (``institutions``)."""
        actor_id = "new:organisation:" + "-".join(normalise(phrase).split())
        actor = self.resolved.actors.get(actor_id)
        if actor is None:
            actor = self.resolved.actors[actor_id] = Actor(id=actor_id, name=phrase, type="organisation", country=country, sector="GOV")
        span = (subject.left_edge.idx, subject.idx + len(subject.text))
        if span not in actor.mentions:
            actor.mentions.append(span)
            actor.mention_details.append(MentionDetail(span=span, text=phrase, how="government"))
        self.institutions.append((subject.i, actor_id, phrase))
        country_link = self._link(link, how) if link else MentionDetail(span=start_link.span, text=country, how=how)
        return Resolution(actor_id, phrase, None, [start_link, country_link])

    def _salient_country(self, subject: Token):
        """(country, mention, how) for an unnamed government: the nearest subject of this
        sentence or the one before with a country, else the article's most mentioned country."""
        for mention, salient in self._antecedents(subject):
            if self._sentences_between(mention.token_start, subject.i) > 1:
                break
            actor = self.resolved.actors[mention.actor_id]
            if salient and actor.country and actor.type != "media":
                return actor.country, mention, "country of the subject before"
        counts: dict[str, int] = {}
        for mention in self.resolved.mentions:
            actor = self.resolved.actors[mention.actor_id]
            if actor.type == "country" and actor.country:
                counts[actor.country] = counts.get(actor.country, 0) + 1
        if not counts:
            return None, None, ""
        best = max(counts.values())
        leaders = [c for c, n in counts.items() if n == best]
        return (leaders[0], None, "country the article is about") if len(leaders) == 1 else (None, None, "")

    def _continued_speaker(self, pronoun: Token, word: str, start_link: MentionDetail) -> Optional[Resolution]:
        """(a) "“...,” a senior executive told Al Jazeera. He said ...": a pronoun in the
        sentence of the previous statement's speaker, or in the next one, continues that
        statement; its speaker, named, described or resolved, is the antecedent when it
        agrees with the pronoun."""
        if not self.history:
            return None
        subject, previous = self.history[-1]
        if subject.i >= pronoun.i or self._sentences_between(subject.i, pronoun.i) > 1 or previous.name is None:
            return None
        if previous.chain and previous.chain[0].how == "pronoun" and previous.actor_id is None:
            return None  # an unresolved pronoun explains nothing
        if self._kind_of(subject, previous) not in self._kinds_for(word) + ("unknown",):
            return None
        here = sentence_of(pronoun).start
        if subject.i < here and any(salient and m.token_start >= here for m, salient in self._antecedents(pronoun)):
            return None  # "Biden welcomed the deal, which he said ...": a subject of its own sentence is nearer
        if word in ("he", "she", "him", "her") and not self.gender.agrees(word, previous.name):
            return None
        link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=previous.name, how="speaker of the previous statement")
        return Resolution(previous.actor_id, previous.name, previous.mention, [start_link, link])

    @staticmethod
    def _kinds_for(word: str) -> tuple[str, ...]:
        if word in PERSON_PRONOUNS:
            return ("person",)
        if word == "they":
            return ("group", "institution")
        return ("institution",)

    def _kind_of(self, subject: Token, resolution: Resolution) -> str:
        """"person", "institution" or "group" for a speaker: the actor's type when it is one,
        else what the phrase that named it says (a name the model tags as a person; a plural
        noun; an institution head noun from the lexicon; any other singular noun a person)."""
        actor = self.resolved.actors.get(resolution.actor_id) if resolution.actor_id else None
        if resolution.chain and resolution.chain[0].how == "representative" and subject.tag_ == "NN":
            return "person"  # "a ministry spokesman" speaks for the ministry but is one person: "he"
        guessed = resolution.mention is not None and resolution.mention.how == "new"
        if actor is not None and guessed and len(actor.name.split()) == 1 and self.gender.of(actor.name) is None:
            return "unknown"  # a one-word name outside the KB: the model's type is a guess
        if actor is not None:
            return "person" if actor.type == "person" else "institution"
        if resolution.chain and resolution.chain[-1].how in ("pronoun", "speaker of the previous statement", "role subject of the sentence before"):
            return self._kind_of_pronoun(resolution.chain[0].text.lower())
        head = subject
        if head.ent_type_ in ("ORG", "NORP", "GPE"):
            return "institution"
        if head.ent_type_ == "PERSON" or self.gender.of(resolution.name or "") is not None:
            return "person"
        if head.pos_ == "PROPN" or not head.pos_ == "NOUN":
            return "unknown"  # a name the model could not type: a person or an organisation
        if head.tag_ in ("NNS", "NNPS"):
            return "group"
        if normalise(head.lemma_) in _speaker_nouns()["institution_heads"]:
            return "institution"
        return "person" if head.pos_ in ("NOUN", "PROPN") else "unknown"

    @staticmethod
    def _kind_of_pronoun(word: str) -> str:
        word = POSSESSIVE_PRONOUNS.get(word, word)
        if word in PERSON_PRONOUNS:
            return "person"
        return "group" if word == "they" else "institution"

    def _person_in_apposition(self, subject: Token) -> Optional[Resolution]:
        """The person a role phrase names in apposition: "the Dutch prime minister, Dick Schoof,"."""
        for appos in (c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
            named = self.mention_in(appos)
            if named is not None and self.resolved.actors[named.actor_id].type == "person":
                actor = self.resolved.actors[named.actor_id]
                return Resolution(actor.id, actor.name, named, [self._link(named, "apposition")])
        return None

    def _role_subject_before(self, pronoun: Token, word: str, start_link: MentionDetail) -> Optional[Resolution]:
        """(b) "The Director General is expected to rotate the team. He said ...": the main
        subject of the sentence before, when it is a role phrase rather than a name, is
        resolved as a role and is the antecedent of a person pronoun."""
        subject = self._role_subject_of_sentence_before(pronoun, word)
        if subject is None:
            return None
        found = self._role_family(subject) or self._role_noun(subject, normalise(subject.lemma_))
        if found is None or found.actor_id is None or self.resolved.actors[found.actor_id].type != "person":
            return None
        if not self.gender.agrees(word, found.name or ""):
            return None
        link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject, clauses=False), how="role subject of the sentence before")
        return Resolution(found.actor_id, found.name, found.mention, [start_link, link, *found.chain[1:]])

    def _named_next(self, subject: Token) -> Optional[Resolution]:
        """The news lead's convention: a story opens on someone described only by office
        ("Ukraine's infrastructure minister said ...", "The president of the Canary Islands
        has accused ...") and names them in the next paragraph, a full name introduced as a
        subject ("Oleksandr Kubrakov wrote on Telegram", "Rosa Delgado, who leads the regional
        government, says"). A definite one-holder title that opens the story, before any
        person is named, is the first person the article then names as a subject a few
        sentences on, unless the KB gives that person another office."""
        noun = normalise(subject.lemma_)
        if subject.tag_ != "NN" or not self._lead_title(subject) or not self._definite_or_owned(subject):
            return None
        if any(m.token_start < subject.i and self._names_person(m) for m in self.resolved.mentions):
            return None  # someone is named before: the ordinary rules decide
        here = sentence_of(subject)
        later = [m for m in self.resolved.mentions if m.token_start > here.end - 1 and not self._is_quoted(m.start)]
        person = next((m for m in sorted(later, key=lambda m: m.token_start) if self._names_person(m)), None)
        if person is None or self._sentences_between(subject.i, person.token_start) > LEAD_NAMED_WITHIN:
            return None
        actor = self.resolved.actors[person.actor_id]
        if len(person.text.split()) < 2 or not self._is_subject(person):
            return None  # a full name that the sentence is about
        if actor.role and noun not in normalise(actor.role):
            return None  # the KB knows them in another office
        start = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject, clauses=False), how="role noun")
        return Resolution(actor.id, actor.name, person, [start, self._link(person, "named in the next paragraph")])

    def _lead_title(self, subject: Token) -> bool:
        """A title the lead can name one person by: a KB title ("the envoy") or a word of a
        role family ("Iran's chief negotiator", "the country's top general"); a representative
        ("a spokesman") is one of many and speaks for their side, never named later."""
        noun = normalise(subject.lemma_)
        if noun in _speaker_nouns()["representatives"]:
            return False
        return self._names_one_person(subject) or bool(role_families().nouns.get(noun))

    def _names_person(self, mention: ActorMention) -> bool:
        """A person's mention: the actor is a person, or a name new to the KB whose first
        name the gender lexicon knows (the model tags some foreign names as organisations)."""
        actor = self.resolved.actors[mention.actor_id]
        if actor.type == "person":
            return True
        return mention.how == "new" and len(mention.text.split()) >= 2 and self.gender.of(mention.text) is not None

    def _definite_or_owned(self, subject: Token) -> bool:
        """"the minister", "Ukraine's minister": a phrase that points at one known holder."""
        return any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in subject.children)

    def _role_subject_of_sentence_before(self, pronoun: Token, word: str) -> Optional[Token]:
        """The definite role phrase ("The Director General", "The U.N. envoy for Yemen") that
        is the main subject of the sentence before a person pronoun opening its sentence."""
        if word not in PERSON_PRONOUNS:
            return None
        here = sentence_of(pronoun)
        if here.start == 0 or pronoun.i - here.start > 3:
            return None  # only a pronoun that opens its sentence continues the one before
        before = sentence_of(self.doc[here.start - 1])
        subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i in self.by_token or subject.pos_ not in ("NOUN", "PROPN") or subject.tag_ not in ("NN", "NNP"):
            return None
        if self.mention_in(subject) is not None and self.resolved.actors[self.mention_in(subject).actor_id].type == "person":
            return None  # a named person: the walk over subjects finds them
        return subject if self._definite(subject) else None

    def _unnamed_role_subject_before(self, pronoun: Token, word: str, start_link: MentionDetail) -> Optional[Resolution]:
        """(b') "The U.N. envoy for Yemen briefed the Council. He said ...": when no person can
        be found for a pronoun, the role phrase that was the subject just before is still its
        antecedent; the phrase is the speaker's name, and the body or country it names (an
        unnamed envoy speaks for what they represent) its actor."""
        subject = self._role_subject_of_sentence_before(pronoun, word)
        if subject is None:
            return None
        noun = normalise(subject.lemma_)
        if noun not in self.role_nouns and noun not in role_families().nouns and noun not in _speaker_nouns()["representatives"]:
            return None  # "The ship sank. It ...": only a person's role phrase is a "he" or "she"
        mention = self.mention_in(subject)
        actor = self.resolved.actors[mention.actor_id] if mention is not None else None
        if actor is not None and actor.type == "person":
            return None
        phrase = self._speaker_phrase(subject)
        link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=phrase, how="role subject of the sentence before")
        if actor is None:
            return Resolution(None, phrase, None, [start_link, link])
        return Resolution(actor.id, phrase, mention, [start_link, link, self._link(mention, "speaks for")])

    def _described_before(self, subject: Token) -> Optional[tuple[Token, Resolution]]:
        """"A European diplomat told Reuters ... The diplomat said": a definite singular noun
        takes back the last speaker introduced by an indefinite description with the same
        head noun, a few sentences before."""
        if subject.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children):
            return None
        if any(c.dep_ in ("poss", "compound", "amod") and c.i in self.by_token for c in subject.children):
            return None  # "the Russian diplomat" names its own country
        noun = normalise(subject.lemma_)
        for earlier, resolution in reversed(self.history):
            if self._sentences_between(earlier.i, subject.i) > MAX_DESCRIBED_BACK:
                break
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in earlier.children)
            if indefinite and earlier.tag_ == "NN" and normalise(earlier.lemma_) == noun and resolution.name:
                start = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject, clauses=False), how="role noun")
                link = MentionDetail(span=(earlier.idx, earlier.idx + len(earlier.text)), text=resolution.name, how="same description as an earlier speaker")
                return earlier, Resolution(resolution.actor_id, resolution.name, resolution.mention, [start, link])
        return None

    def _role_noun(self, subject: Token, noun: str) -> Optional[Resolution]:
        if _names_body(noun):
            return None  # "the union" is the union, never "union leader" Ribeiro
        if subject.tag_ in ("NNS", "NNPS") and subject.lower_ != subject.lemma_.lower():
            return None  # "members of the coalition" are several: never one person named before
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
            return None  # "A Bedouin tribal leader in Daraa said": someone new, not a leader named before
        other = self._other_holder(subject)
        start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject), how="role noun")
        for mention, _ in self._antecedents(subject):
            actor = self.resolved.actors[mention.actor_id]
            if actor.type != "person":
                continue
            if other and not other <= set(self._described_role(actor).split()):
                continue  # "the former president" is not the president named before
            if noun in normalise(actor.role or "") or noun in self._title_words(mention):
                return Resolution(actor.id, actor.name, mention, [start_link, self._link(mention, "role matches")])
            if noun in self._apposed_words(mention.token_start, mention.token_end):
                return Resolution(actor.id, actor.name, mention, [start_link, self._link(mention, "described as")])
        return self._unlisted_name_described_as(subject, noun, start_link)

    def _role_family(self, subject: Token) -> Optional[Resolution]:
        """"The general", "the alliance chief", "Turkey's top diplomat", "the premier": a
        definite singular role phrase takes back the nearest person the article (or the KB,
        on the publication date) gives a title of the same family (``role_nouns.yaml``),
        of the country or organisation the phrase names if it names one. A phrase with a
        modifier that changes the office ("the opposition leader", "the former president")
        is left to the other rules, and so is a role nobody named holds."""
        if subject.tag_ not in ("NN", "NNP") or not self._definite(subject) or _names_body(normalise(subject.lemma_)):
            return None
        families = role_families()
        owners, words = self._role_words(subject)
        found, leftover = families.families_of(words)
        if not found or not all(w in families.neutral or w in families.organisation_words for w in leftover):
            return None
        countries = {a.country for a in owners if a.type == "country" and a.country}
        organisations = [a for a in owners if a.type in INSTITUTION_TYPES]
        start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject, clauses=False), how="role family")
        for mention, _ in self._antecedents(subject):
            actor = self.resolved.actors[mention.actor_id]
            if actor.type != "person" or (countries and actor.country and actor.country not in countries):
                continue
            described = self._described_role(actor)
            if organisations and not any(_names_organisation(described, o) for o in organisations):
                continue
            if families.holds(described, found):
                return Resolution(actor.id, actor.name, mention, [start_link, self._link(mention, "role family matches")])
        matched = " ".join(words[len(leftover):])
        # "the Japanese ambassador" may be any of several; "Japan's top diplomat" is one office.
        holder = None
        if len(countries) == 1 and not organisations and matched not in _speaker_nouns()["representatives"]:
            holder = self._family_office_holder(subject, next(iter(countries)), found, start_link)
        if holder is None and len(countries) == 1 and not organisations and found & REPRESENTING_FAMILIES:
            holder = self._representing(subject, next(iter(countries)), start_link)
        if holder is None and not countries and not organisations and not owners:
            holder = self._organisation_office_holder(subject, found, matched, start_link)
        return holder

    def _organisation_office_holder(self, subject: Token, found: frozenset[str], matched: str, start_link: MentionDetail) -> Optional[Resolution]:
        """"The Secretary-General reiterates his call" when the article names nobody in the
        post nor whose post it is: the one person whose KB title on the publication date is
        opens with the phrase's title and names an organisation the article mentions
        ("Secretary-General of the United Nations" in a story that mentions the UN; not
        "Under-Secretary-General" nor "Spokesman for the Secretary-General"). Offices of international bodies
        only (a title with no country): a country's office needs its country named."""
        if self.kb is None or self.published is None:
            return None
        families = role_families()
        found = found & families.one_per_organisation
        if not found:
            return None  # spokespeople and envoys are many: an unnamed one speaks for the body
        organisations = [a for a in self.resolved.actors.values() if a.type in INSTITUTION_TYPES and a.mentions]
        holders = {}
        for entry, role in _international_office_holders(self.kb, self.published):
            title = normalise(role.title)
            if (title + " ").startswith(matched + " ") and families.holds(title, found) \
                    and any(_names_organisation(title, o) or _names_parent(title, o) for o in organisations):
                holders[entry.id] = (entry, role)
        if len(holders) != 1:
            return None
        entry, role = next(iter(holders.values()))
        self._register(entry, subject, start_link.text, "office")
        return Resolution(entry.id, entry.name, None, [start_link, MentionDetail(span=start_link.span, text=role.title, how="office holder on the date")])

    def _representing(self, subject: Token, country: str, start_link: MentionDetail) -> Optional[Resolution]:
        """"Ukraine's ambassador said" when the article names no one in that post: the
        envoy speaks for the country (guidelines: unnamed representatives resolve to what
        they represent); the speaker keeps the name the article gives the post."""
        mention = next((self.by_token[t.i] for t in subject.subtree if t.i in self.by_token and self.resolved.actors[self.by_token[t.i].actor_id].country == country), None)
        if mention is None:
            return None
        actor = self.resolved.actors[mention.actor_id]
        return Resolution(actor.id, start_link.text, mention, [start_link, self._link(mention, "represents")])

    @staticmethod
    def _other_holder(subject: Token) -> set[str]:
        """The words of "the former president", "the deputy minister" that make the phrase
        name another holder than one named with a plain title."""
        words = role_families().other_holder
        return {normalise(c.text) for c in subject.children if c.dep_ in ("amod", "compound", "advmod") and normalise(c.text) in words}

    def _definite(self, subject: Token) -> bool:
        """"the premier", "this general", "Turkey's top diplomat": one known holder, not "a general"."""
        return any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or (c.dep_ == "poss" and c.pos_ != "PRON")
            for c in subject.children
        )

    def _role_words(self, subject: Token) -> tuple[list[Actor], list[str]]:
        """The actors a role phrase names (its owner, demonym, organisation) and its other
        words up to the head, lower case ("The NATO chief" -> [NATO], ["chief"])."""
        owners: list[Actor] = []
        words: list[str] = []
        skip = {t.i for c in subject.children if c.dep_ in ("det", "poss", "predet") for t in c.subtree}
        for token in self.doc[subject.left_edge.i : subject.i + 1]:
            mention = self.by_token.get(token.i)
            if mention is not None and token.i != subject.i:
                actor = self.resolved.actors[mention.actor_id]
                if actor not in owners:
                    owners.append(actor)
                continue
            if token.i in skip:
                continue
            if token.is_punct:
                continue
            word = normalise(token.lemma_ if token.i == subject.i else token.text)
            if word:
                words.extend(word.split())
        for child in subject.children:
            # "the representative of Japan", "the envoy to the UN": the owner after the head.
            if child.dep_ == "prep" and child.i > subject.i and child.lower_ in OWNER_PREPOSITIONS:
                child = next((g for g in child.children if g.dep_ == "pobj"), child)
            elif child.dep_ != "poss":
                continue
            mention = self.mention_in(child) if child.dep_ == "pobj" else self.by_token.get(child.i)
            if mention is not None:
                actor = self.resolved.actors[mention.actor_id]
                if actor not in owners:
                    owners.append(actor)
        return owners, words

    def _described_role(self, actor: Actor) -> str:
        """Everything the KB and the article say a person is: the title on the publication
        date, the title words before each mention, a description in apposition; pieces
        joined by " | " so that no title runs across two of them."""
        cached = self._described.get(actor.id)
        if cached is not None:
            return cached
        pieces = [normalise(actor.role or "")]
        for mention in self.resolved.mentions:
            if mention.actor_id == actor.id:
                pieces += [self._words_before(mention.token_start), self._description(mention.token_start, mention.token_end)]
        text = " | ".join(p for p in pieces if p)
        self._described[actor.id] = text
        return text

    def _words_before(self, start: int) -> str:
        """"Sudan's army chief Abdel Fattah al-Burhan": the title words just before a name."""
        i = start
        while i > 0 and start - i < MAX_TITLE_WORDS and self.doc[i - 1].pos_ in ("PROPN", "NOUN", "ADJ") and not self.doc[i - 1].is_punct:
            i -= 1
        return normalise(self.doc[i:start].text) if i < start else ""

    def _description(self, start: int, end: int) -> str:
        """A description set off by a comma next to a name: "Mark Rutte, NATO's
        secretary-general,", "The EU's foreign policy chief, Kaja Kallas,", "Nangaa, who
        heads the alliance," (a post verb reads as its title words: "head of")."""
        doc = self.doc
        pieces = []
        if end < len(doc) - 1 and doc[end].text == ",":
            tokens = list(doc[end + 1 : min(end + 1 + MAX_APPOSITION, len(doc))])
            if tokens and tokens[0].lower_ in ("who", "which") and len(tokens) > 1:
                verb = tokens[1]
                title = role_families().post_verbs.get(verb.lemma_.lower())
                tokens = tokens[2:] if title else []
                pieces.append(title or "")
            pieces.append(_until_clause_end(tokens))
        if start >= 2 and doc[start - 1].text == ",":
            left = start - 1
            sentence_start = sentence_of(doc[start]).start
            while left > sentence_start and start - 1 - left < MAX_APPOSITION and doc[left - 1].text not in (",", ";", ":", "(", '"', "“", "”"):
                left -= 1
            before = list(doc[left : start - 1])
            if not any(t.pos_ in ("VERB", "AUX") for t in before):
                pieces.append(normalise(doc[left : start - 1].text))
        return " ".join(p for p in pieces if p)

    def _family_office_holder(self, subject: Token, country: str, found: frozenset[str], start_link: MentionDetail) -> Optional[Resolution]:
        """"Turkey's top diplomat" when the article names nobody in that office: the one
        person whose KB title of that country on the publication date is of the family."""
        if self.kb is None or self.published is None:
            return None
        families = role_families()
        holders = {}
        for family in found & families.one_holder:
            for title in families.titles[family]:
                for entry, role in self.kb.office_holders(country, set(title.split()), self.published):
                    if families.holds(normalise(role.title), found):
                        holders[entry.id] = (entry, role)
        if len(holders) != 1:
            return None
        entry, role = next(iter(holders.values()))
        self._register(entry, subject, start_link.text, "office")
        return Resolution(entry.id, entry.name, None, [start_link, MentionDetail(span=start_link.span, text=role.title, how="office holder on the date")])

    def _unlisted_name_described_as(self, subject: Token, noun: str, start_link: MentionDetail) -> Optional[Resolution]:
        """"Tomasz Wrobel, the spokesman for the governor, said ... The spokesman added": a
        speaker named here whom neither the KB nor the model knew, described by the role."""
        for start, end, name in reversed(self.unlisted_names):
            if end <= subject.i and noun in self._apposed_words(start, end):
                named = self.doc[start:end]
                return Resolution(None, name, None, [start_link, MentionDetail(span=(named.start_char, named.end_char), text=name, how="described as")])
        return None

    def _organisation_noun(self, subject: Token, noun: str) -> Optional[Resolution]:
        if not noun or subject.pos_ not in ("NOUN", "PROPN"):
            return None
        start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject), how="organisation noun")
        for mention, _ in self._antecedents(subject):
            actor = self.resolved.actors[mention.actor_id]
            if actor.name.islower():
                continue  # "council on": a common-noun fragment, not a name with the noun in it
            if actor.type in ("organisation", "igo", "group") and noun in normalise(actor.name).split():
                return Resolution(actor.id, actor.name, mention, [start_link, self._link(mention, "name contains")])
        return None

    def _body_in_title(self, subject: Token, noun: str) -> Optional[Resolution]:
        """"the council" after "National Electoral Council president Ana Lucía Bendaña": a
        body the article names only inside a person's title; the capitalised name ending in
        the noun, before the nearest person so titled, becomes an organisation of the article."""
        if not _names_body(noun) or subject.tag_ != "NN" or not self._definite(subject):
            return None
        for mention, _ in self._antecedents(subject):
            actor = self.resolved.actors[mention.actor_id]
            if actor.type != "person":
                continue
            name = self._titled_body(mention.token_start, noun)
            if name is None:
                continue
            actor_id = "new:organisation:" + "-".join(normalise(name).split())
            body = self.resolved.actors.get(actor_id)
            if body is None:
                body = self.resolved.actors[actor_id] = Actor(id=actor_id, name=name, type="organisation", country=actor.country)
            phrase = self._phrase(subject, clauses=False)
            self._register(body, subject, phrase, "organisation noun")
            self.institutions.append((subject.i, body.id, body.name))
            start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=phrase, how="organisation noun")
            return Resolution(body.id, body.name, None, [start_link, MentionDetail(span=(mention.start, mention.end), text=name, how="named in a title")])
        return None

    def _titled_body(self, start: int, noun: str) -> Optional[str]:
        """The capitalised name ending in ``noun`` among the title words before a person's
        name ("National Electoral Council" in "National Electoral Council president ..")."""
        doc = self.doc
        first = start
        while first > 0 and start - first < MAX_TITLE_WORDS and doc[first - 1].pos_ in ("PROPN", "NOUN", "ADJ") and not doc[first - 1].is_punct:
            first -= 1
        for end in range(start - 1, first - 1, -1):
            if normalise(doc[end].lemma_) != noun or not doc[end].text[:1].isupper():
                continue
            begin = end
            while begin > first and doc[begin - 1].text[:1].isupper():
                begin -= 1
            if begin < end:
                return doc[begin : end + 1].text
        return None

    def _institution(self, subject: Token, mention: ActorMention) -> Optional[Resolution]:
        """"Russia's foreign ministry", "Netanyahu's office": the knowledge base's
        organisation the phrase names, by its words as written (longest ending first), else
        by the owner's country and the institution's words ("foreign ministry" of RUS)."""
        if self.kb is None:
            return None
        phrase = self._phrase(subject, clauses=False)
        entry, named = _entry_by_words(self.kb, phrase)
        if entry is None:
            entry, named = self._country_institution(subject, mention), phrase
        if entry is None:
            return None
        start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=named, how="institution")
        self.institutions.append((subject.i, entry.id, entry.name))
        self._register(entry, subject, named, "institution")
        return Resolution(entry.id, entry.name, None, [self._link(mention, "modifier"), start_link])

    def _country_institution(self, subject: Token, mention: ActorMention):
        actor = self.resolved.actors[mention.actor_id]
        if actor.type not in ("country", "organisation") or actor.country is None:
            return None
        words = {normalise(subject.lemma_)} | {
            normalise(c.lemma_) for c in subject.children
            if c.dep_ in ("compound", "amod") and c.i not in range(mention.token_start, mention.token_end)
        }
        words.discard("")
        if len(words) < 2:
            return None  # "Russia's office" is too vague to pick one institution
        found = _institutions_of(self.kb, actor.country, frozenset(words))
        return found[0] if len(found) == 1 else None

    def _named_institution(self, subject: Token, noun: str) -> Optional[Resolution]:
        """"the ministry said" after "Russia's foreign ministry said": the latest
        institution this resolver named whose name has the noun."""
        for index, actor_id, name in reversed(self.institutions):
            if index < subject.i and noun and noun in normalise(name).split():
                link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject), how="organisation noun")
                before = self.doc[index]
                return Resolution(actor_id, name, None, [link, MentionDetail(span=(before.idx, before.idx + len(before.text)), text=name, how="institution named before")])
        return None

    def _nearer(self, by_name: Optional[Resolution], named_here: Optional[Resolution]) -> Optional[Resolution]:
        """Of an organisation whose name has the noun and an institution phrase a speaker was
        named by here, the subject mentioned last: "Mali's government said ... expelled the
        French ambassador. The government said" is Mali's, a speaker, not the object after it."""
        if by_name is None or named_here is None:
            return by_name or named_here
        later = by_name.chain[-1].span[0] > named_here.chain[-1].span[0]
        return by_name if later and by_name.mention is not None and self._is_subject(by_name.mention) else named_here

    def _pronoun_institution(self, subject: Token, previous_speaker: Optional[str]) -> Optional[Resolution]:
        """"Russia ... Its foreign ministry says": the possessive pronoun's country or
        organisation, then the KB institution of that owner the noun phrase names."""
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if owner is None or self.kb is None:
            return None
        found = self._pronoun(owner, previous_speaker)
        actor = self.resolved.actors.get(found.actor_id) if found.actor_id else None
        if actor is None or actor.country is None or actor.type == "person":
            return None
        words = {normalise(subject.lemma_)} | {normalise(c.lemma_) for c in subject.children if c.dep_ in ("compound", "amod")}
        words.discard("")
        entries = _institutions_of(self.kb, actor.country, frozenset(words)) if len(words) >= 2 else []
        phrase = self._phrase(subject, clauses=False)
        if len(entries) == 1:
            entry = entries[0]
            self.institutions.append((subject.i, entry.id, entry.name))
            self._register(entry, subject, phrase, "institution")
        else:
            # "Sudan ... Its irrigation ministry said": a state body the KB does not list is
            # still that state's, never a ministry of another state named before.
            body = [c.lower_ for c in subject.children if c.dep_ in ("compound", "amod") and c.i < subject.i and c.text.islower()]
            body.append(normalise(subject.lemma_))
            if actor.type != "country" or len(body) < 2 or _state_body_sector(body) is None:
                return None
            entry = self._state_body(subject, actor, body)
        return Resolution(entry.id, entry.name, None, [*found.chain, MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=phrase, how="institution")])

    def _publisher(self, subject: Token, previous_speaker: Optional[str]) -> Optional[Resolution]:
        """"according to final results from the electoral commission", "figures released by
        the ministry": results, figures or a report speak for the body that published them,
        named after from/by/of (directly or after a participle: "released by")."""
        nouns = _speaker_nouns()
        if subject.pos_ != "NOUN" or not self._is_source_noun(subject):
            return None
        owned = self._owner_of_source(subject, previous_speaker)
        if owned is not None:
            return owned
        for child in subject.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                child = next((g for g in child.children if g.dep_ in ("agent", "prep")), child)
            if child.dep_ not in ("prep", "agent") or child.lower_ not in nouns["source_prepositions"]:
                continue
            body = next((g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
            if body is None:
                continue
            found = self._resolve(body, previous_speaker)
            if found.actor_id is None and self.mention_in(body) is None and body.pos_ == "NOUN" and not _names_body(normalise(body.lemma_)):
                return None  # "a survey of voters": the people asked, not a publisher
            start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject, clauses=False), how="published by")
            return Resolution(found.actor_id, found.name, found.mention, [start_link, *found.chain])
        return None

    @staticmethod
    def _is_source_noun(noun: Token) -> bool:
        """Whether a noun names what a body publishes. The list holds the words as written,
        and the lemmatiser turns some into forms the list lacks ("data" -> "datum")."""
        words = _speaker_nouns()["source_nouns"]
        return normalise(noun.lemma_) in words or normalise(noun.text) in words

    def _owner_of_source(self, subject: Token, previous_speaker: Optional[str]) -> Optional[Resolution]:
        """"according to the agency's latest report", "the ministry's figures", "its own
        count": what a body publishes speaks for the body that owns it, when the owner
        resolves to an actor that is not a person (a person's report is their statement,
        named by the person's own rules)."""
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None:
            # "a UN report", "an IAEA assessment": a named body written before the noun
            owner = next((c for c in subject.children if c.dep_ == "compound" and c.i in self.by_token), None)
        if owner is None:
            return None
        if owner.pos_ == "PRON":
            if owner.lower_ not in ("its", "their"):
                return None
            found = self._pronoun(owner, previous_speaker)
        elif owner.pos_ in ("NOUN", "PROPN"):
            found = self._resolve(owner, previous_speaker)
        else:
            return None
        actor = self.resolved.actors.get(found.actor_id) if found.actor_id else None
        if actor is None or actor.type == "person":
            return None
        # the phrase as written stays the name: "a UN tally" may be a body within the UN
        phrase = self._phrase(subject, clauses=False)
        start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=phrase, how="published by")
        return Resolution(found.actor_id, phrase, found.mention, [start_link, *found.chain])

    def _country_body(self, subject: Token) -> Optional[Resolution]:
        """"China's coast guard", "the Russian navy": a country's armed or security body
        (``country_bodies`` in the lexicon), written in lower case. The KB's body of that
        country when it knows one; else a new organisation named "<Country> <body>", of that
        country, which later "the coast guard" takes back."""
        bodies = _speaker_nouns()["country_bodies"]
        if subject.pos_ not in ("NOUN", "PROPN") or not subject.text.islower():
            return None
        country, words = None, []
        for token in self.doc[subject.left_edge.i : subject.i + 1]:
            owner = self.by_token.get(token.i)
            actor = self.resolved.actors[owner.actor_id] if owner is not None else None
            if actor is not None and actor.type == "country" and token.i != subject.i:
                country = actor
                continue
            if token.dep_ in ("det", "case") or token.tag_ == "POS" or token.is_punct:
                continue
            words.append(token.lower_)
        key = " ".join(words)
        if country is None or key not in bodies:
            return None
        entry = self._body_of_country(subject, country, key)
        start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject, clauses=False), how="institution")
        return Resolution(entry.id, entry.name, None, [start_link, MentionDetail(span=start_link.span, text=country.name, how="body of the country")])

    def _body_of_country(self, subject: Token, country: Actor, key: str):
        """The KB's body ``key`` ("coast guard") of ``country``, else a new one, registered as
        an actor of the article at ``subject``."""
        bodies = _speaker_nouns()["country_bodies"]
        phrase = self._phrase(subject, clauses=False)
        entries = _institutions_of(self.kb, country.country, frozenset(normalise(w) for w in key.split())) if self.kb is not None else []
        if len(entries) == 1:
            entry = entries[0]
            self._register(entry, subject, phrase, "institution")
        else:
            entry = self._new_body(country, key, bodies[key])
            self._register(entry, subject, phrase, "new institution")
        self.institutions.append((subject.i, entry.id, entry.name))
        return entry

    def _body_in_modifiers(self, subject: Token, country: Actor):
        """"A Taiwanese coast guard official": the country's body the modifiers of a
        representative name, when ``country_bodies`` lists them; else None."""
        words, k = [], subject.i - 1
        while k >= subject.left_edge.i and self.doc[k].text.islower() and self.doc[k].pos_ in ("NOUN", "ADJ", "PROPN"):
            words.insert(0, self.doc[k].lower_)
            k -= 1
        # the body is the modifiers nearest the noun: "senior" in "a senior military official"
        # describes the person
        for first in range(len(words)):
            key = " ".join(words[first:])
            if key in _speaker_nouns()["country_bodies"]:
                return self._body_of_country(subject, country, key)
        return None

    def _new_body(self, country: Actor, key: str, sector: str) -> Actor:
        """The article's actor for a body of ``country`` that the KB does not list."""
        name = f"{country.name} {key}"
        actor_id = "new:organisation:" + "-".join(normalise(name).split())
        actor = self.resolved.actors.get(actor_id)
        if actor is None:
            actor = self.resolved.actors[actor_id] = Actor(id=actor_id, name=name, type="organisation", country=country.country, sector=sector)
        return actor

    def _state_body(self, subject: Token, country: Actor, words: list[str]):
        """The KB's body of ``country`` with all ``words``, else a new organisation named as wire
        copy names a state's body, by the demonym ("Georgian interior ministry"), registered as
        an actor of the article at ``subject``."""
        phrase = self._phrase(subject, clauses=False)
        entries = _institutions_of(self.kb, country.country, frozenset(normalise(w) for w in words)) if self.kb is not None else []
        # a rebel "National Liberation Army" is no state's army
        entries = [e for e in entries if (e.sector or "GOV") in STATE_SECTORS]
        if len(entries) == 1:
            entry = entries[0]
            self._register(entry, subject, phrase, "institution")
        else:
            entry = self._new_state_body(country, words)
            self._register(entry, subject, phrase, "new institution")
        self.institutions.append((subject.i, entry.id, entry.name))
        return entry

    def _new_state_body(self, country: Actor, words: list[str]) -> Actor:
        entry = self.kb.entries.get(country.id) if self.kb is not None else None
        owner = entry.demonyms[0] if entry is not None and entry.demonyms else country.name
        name = f"{owner} {' '.join(words)}"
        actor_id = "new:organisation:" + "-".join(normalise(name).split())
        actor = self.resolved.actors.get(actor_id)
        if actor is None:
            actor = self.resolved.actors[actor_id] = Actor(id=actor_id, name=name, type="organisation", country=country.country,
                                                           sector=_state_body_sector(words))
        return actor

    def _institution_noun(self, subject: Token, noun: str) -> Optional[Resolution]:
        """"The army said" after "the Israeli military said", "the group" after "Hamas": the
        nearest actor of the kind the generic noun fits (``institution_nouns`` in the lexicon),
        a subject mention first."""
        nouns = _speaker_nouns()["institution_nouns"]
        # Only a definite singular takes an actor back: "the group", not "aid groups"; a
        # plural the lexicon lists as written ("the rebels") names the group as a whole.
        plural = subject.tag_ == "NNS" and subject.lower_ in nouns
        fits = nouns.get(subject.lower_) if plural else nouns.get(noun)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in subject.children)
        if not fits or (subject.tag_ != "NN" and not plural) or not definite:
            return None
        start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject), how="organisation noun")
        found = [(not salient, m) for m, salient in self._antecedents(subject) if self._fits(self.resolved.actors[m.actor_id], fits)]
        if not found:
            return None
        mention = min(found, key=lambda f: f[0])[1] if found[0][0] else found[0][1]
        actor = self.resolved.actors[mention.actor_id]
        return Resolution(actor.id, actor.name, mention, [start_link, self._link(mention, "kind matches")])

    @staticmethod
    def _fits(actor: Actor, fits: dict) -> bool:
        if "sector" in fits and actor.sector != fits["sector"]:
            return False
        types = fits.get("type")
        if types is not None and actor.type not in ([types] if isinstance(types, str) else types):
            return False
        return actor.type != "person"

    def _coordinated_group(self, subject: Token) -> Optional[Resolution]:
        """"Saudi and Emirati officials", "French and German diplomats": people of two
        countries or more speaking together are one group actor named by the phrase."""
        if subject.tag_ != "NNS":
            return None
        for child in subject.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < subject.i and any(
                c.dep_ == "conj" and (c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN") for c in child.children
            ):
                return self._unresolved(subject, self._phrase(subject, clauses=False), how="group")
        return None

    def _spokesperson_of_subject(self, subject: Token, noun: str) -> Optional[Resolution]:
        """"Pakistan's foreign office condemned the strike. ... a spokesman said": a
        spokesperson named by no one speaks for the subject of that sentence or the one
        before (the guidelines resolve unnamed spokespeople to what they speak for)."""
        if "spokesperson" not in role_families().nouns.get(noun, ()) or subject.tag_ != "NN":
            return None
        if any(c.dep_ in ("compound", "amod", "poss", "prep") for c in subject.children):
            return None  # "a military spokesman", "a spokesman for the army": someone else's
        here = sentence_of(subject).start
        candidates = []
        for mention, salient in self._antecedents(subject):
            if sentence_of(self.doc[mention.token_start]).start < here and self._sentences_between(mention.token_start, subject.i) > 1:
                break
            if salient and self.resolved.actors[mention.actor_id].type != "media":
                if candidates and sentence_of(self.doc[mention.token_start]) != sentence_of(self.doc[candidates[0].token_start]):
                    break  # the nearest sentence with a subject decides
                candidates.append(mention)
        if not candidates:
            return None
        # "The State Department said Washington condemned the launch. A spokesperson said":
        # the one who made the statement, the main clause's subject, has the spokesperson.
        mention = next((m for m in candidates if self._main_subject(m)), candidates[0])
        actor = self.resolved.actors[mention.actor_id]
        link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject), how="representative")
        return Resolution(actor.id, actor.name, mention, [link, self._link(mention, "speaks for the subject")])

    def _main_subject(self, mention: ActorMention) -> bool:
        """The mention is the subject of its sentence's main verb."""
        head = self.doc[mention.token_start:mention.token_end].root
        while head.dep_ in ("compound", "flat", "appos") and head.head != head:
            head = head.head
        return head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT"

    def _sentences_between(self, first: int, last: int) -> int:
        count, sentence = 0, sentence_of(self.doc[last])
        while sentence.start > first and sentence.start > 0:
            sentence = sentence_of(self.doc[sentence.start - 1])
            count += 1
        return count

    def _unnamed_representative(self, subject: Token, mention: ActorMention) -> Optional[Resolution]:
        """"A senior Hamas official said", "an Israeli military spokesman": a person the
        article does not name who speaks for the body or country the phrase names. The
        guidelines resolve unnamed representatives to what they represent; the phrase as
        written stays the speaker's name, so a user still sees who exactly spoke."""
        noun = normalise(subject.lemma_)
        if noun not in _speaker_nouns()["representatives"] or _names_body(noun):
            return None
        if any(c.dep_ == "appos" for c in subject.children) or self._names_someone_before(subject, noun):
            return None  # a name in apposition, or "the official" introduced earlier: other rules
        actor = self.resolved.actors[mention.actor_id]
        if actor.type not in INSTITUTION_TYPES + ("country",):
            return None
        phrase = self._phrase(subject, clauses=False)
        start = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=phrase, how="representative")
        body = self._body_in_modifiers(subject, actor) if actor.type == "country" else None
        if body is not None:
            return Resolution(body.id, phrase, None, [start, MentionDetail(span=start.span, text=body.name, how="body of the country")])
        return Resolution(actor.id, phrase, mention, [start, self._link(mention, "speaks for")])

    def _representative_of(self, subject: Token, noun: str) -> Optional[Resolution]:
        """"A department spokesman said" after "The State Department said": an unnamed
        representative speaks for the organisation its modifier noun takes back."""
        if noun not in _speaker_nouns()["representatives"]:
            return None
        for child in subject.children:
            if child.dep_ == "compound" and child.i < subject.i and child.pos_ == "NOUN":
                word = normalise(child.lemma_)
                found = self._nearer(self._organisation_noun(child, word), self._named_institution(child, word))
                if found:
                    return found
        return self._representative_for(subject)

    def _representative_for(self, subject: Token) -> Optional[Resolution]:
        """"the ministry's spokesman", "its spokesman", "a spokesman for Ukraine's energy
        ministry", "an official at the agency": the body named by the owner or by for/of/at speaks through
        its unnamed representative, when that body resolves to an actor that is not a person
        ("a spokesman for Netanyahu" is no reason to call the prime minister the speaker)."""
        bodies = [c for c in subject.children if c.dep_ == "poss" and (c.pos_ in ("NOUN", "PROPN") or c.lower_ in ("its", "their"))]
        bodies += [g for c in subject.children if c.dep_ == "prep" and c.lower_ in REPRESENTED_BY
                   for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
        for body in bodies:
            # "Its spokesman": the body the possessive takes back
            found = self._pronoun(body, None) if body.pos_ == "PRON" else self._resolve(body, None)
            if found.actor_id is None and self.mention_in(body) is not None:
                # "Ukraine's energy ministry", a body the KB lacks: the country it belongs to
                mention = self.mention_in(body)
                found = Resolution(mention.actor_id, None, mention, [self._link(mention, "body of")])
            actor = self.resolved.actors.get(found.actor_id) if found.actor_id else None
            if actor is None or actor.type == "person":
                continue
            phrase = self._speaker_phrase(subject)
            start = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=phrase, how="representative")
            return Resolution(actor.id, phrase, found.mention, [start, *found.chain])
        return None

    @staticmethod
    def _one_of_several(subject: Token) -> bool:
        """An indefinite representative ("a spokesman", "an official"): not one named holder."""
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)
        return indefinite and normalise(subject.lemma_) in _speaker_nouns()["representatives"]

    def _names_someone_before(self, subject: Token, noun: str) -> bool:
        """"The official said" after "Lars Holm, a senior official at the Commission,": a
        definite singular representative noun points back to the person introduced so; "a
        spokesman" or "officials" is someone new."""
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children)
        return definite and subject.tag_ == "NN" and noun in _speaker_nouns()["representatives"]

    def _names_one_person(self, subject: Token) -> bool:
        """A title held by one person ("the envoy", "the prime minister"), not a representative."""
        noun = normalise(subject.lemma_)
        return subject.tag_ in ("NN", "NNP") and noun in self.role_nouns and noun not in _speaker_nouns()["representatives"]

    @staticmethod
    def _unresolved(subject: Token, name: str, how: str = "unresolved") -> Resolution:
        return Resolution(None, name, None, [MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=name, how=how)])

    # -- helpers ---------------------------------------------------------------
    def _name_with_owner(self, subject: Token, mention: ActorMention) -> None:
        """"Peru's Defense Ministry said": a body the KB does not know, found by its own name
        only ("Defense Ministry"), is named in full with the country that owns it; the phrase
        is one more mention of the body, so that its record names whose ministry it is."""
        actor = self.resolved.actors[mention.actor_id]
        if mention.how != "new" or actor.type != "organisation":
            return
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.i < mention.token_start), None)
        owner_mention = self.by_token.get(owner.i) if owner is not None else None
        if owner_mention is None or self.resolved.actors[owner_mention.actor_id].type != "country":
            return
        start, end = owner_mention.start, mention.end
        span = (start, end)
        if span not in actor.mentions:
            actor.mentions.append(span)
            actor.mention_details.append(MentionDetail(span=span, text=text_of(self.doc)[start:end], how="owner and body"))

    def _register(self, entry, subject: Token, text: str, how: str) -> None:
        """Make a speaker found through the KB an actor of the article, mentioned by the
        phrase that named it, so its record and its quotes agree."""
        actor = self.resolved.actors.get(entry.id)
        if actor is None:
            actor = self.resolved.actors[entry.id] = ActorResolver._actor_record(entry, self.published)
        left, right = subject.left_edge, subject
        span = (left.idx, right.idx + len(right.text))
        if span not in actor.mentions:
            actor.mentions.append(span)
            actor.mention_details.append(MentionDetail(span=span, text=text, how=how))

    def _antecedents(self, token: Token):
        """Actor mentions before ``token``, nearest sentence first; subjects first in each sentence."""
        sentence = sentence_of(token)
        sentences_back = 0
        limit = token.i
        while sentence is not None and sentences_back <= MAX_SENTENCES_BACK:
            in_sentence = [
                m for m in self.resolved.mentions
                if sentence.start <= m.token_start < min(sentence.end, limit) and not self._is_quoted(m.start)
            ]
            subjects = [m for m in in_sentence if self._is_subject(m)]
            others = [m for m in in_sentence if not self._is_subject(m)]
            for mention in sorted(subjects, key=lambda m: -m.start):
                yield mention, True
            for mention in sorted(others, key=lambda m: -m.start):
                yield mention, False
            if sentence.start == 0:
                return
            sentence = sentence_of(self.doc[sentence.start - 1])
            limit = sentence.end
            sentences_back += 1

    def _is_subject(self, mention: ActorMention) -> bool:
        # the name's own head, not its last word: "Bureau" in "National Bureau of Investigation"
        head = self.doc[mention.token_start:mention.token_end].root
        while head.dep_ in ("compound", "flat", "appos") and head.head != head:
            head = head.head
        if head.dep_ == "poss" and head.head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ != "PROPN":
            # "Mali's transitional government said": the owner of an unnamed subject is what
            # the sentence is about, and what "the government" takes back next.
            head = head.head
        return head.dep_ in ("nsubj", "nsubjpass", "agent") or (head.dep_ == "pobj" and head.head.dep_ == "agent")

    def _is_quoted(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.quoted)

    def _title_words(self, mention: ActorMention) -> str:
        words = []
        i = mention.token_start - 1
        while i >= 0 and self.doc[i].pos_ in ("PROPN", "NOUN", "ADJ") and mention.token_start - i <= 4:
            words.append(normalise(self.doc[i].lemma_))
            i -= 1
        return " ".join(words)

    def _apposed_words(self, start: int, end: int) -> set[str]:
        """The words of a description set off by commas next to a name: "Tomasz Wrobel, the
        spokesman for the governor," or "The opposition leader, Anna Kowalczyk,". Wire copy
        introduces a person this way, then calls them by the role alone."""
        doc = self.doc
        words: set[str] = set()
        if end < len(doc) - 1 and doc[end].text == "," and doc[end + 1].lower_ in APPOSITION_STARTS:
            words |= self._plain_words(doc[end + 1 : min(end + 1 + MAX_APPOSITION, len(doc))])
        if start >= 2 and doc[start - 1].text == ",":
            left = start - 1
            sentence_start = sentence_of(doc[start]).start
            while left > sentence_start and start - 1 - left < MAX_APPOSITION and not doc[left - 1].is_punct:
                left -= 1
            if doc[left].lower_ in APPOSITION_STARTS or left == sentence_start:
                words |= self._plain_words(doc[left : start - 1])
        return words

    @staticmethod
    def _plain_words(tokens) -> set[str]:
        """The noun and modifier lemmas of a description, up to its first verb or punctuation."""
        words = set()
        for token in tokens:
            if token.is_punct or token.pos_ in ("VERB", "AUX"):
                break
            if token.pos_ in ("NOUN", "PROPN", "ADJ"):
                words.add(normalise(token.lemma_))
        return words

    def _role_of_someone(self, noun: str) -> bool:
        return any(noun in normalise(a.role or "").split() for a in self.resolved.actors.values() if a.type == "person")

    def _office_holder(self, subject: Token, mention: ActorMention) -> Optional[Resolution]:
        """"Qatar's prime minister", "the Ukrainian foreign minister": the person who held that
        office of that country on the publication date, from the KB's dated roles."""
        if self.kb is None or self.published is None:
            return None
        if self._one_of_several(subject):
            return None  # "a Kremlin spokesman": any of its staff, so the owner speaks (guidelines)
        actor = self.resolved.actors[mention.actor_id]
        country = actor.country if actor.type in ("country", "organisation", "group") else None
        if country is None:
            return None
        words = {normalise(subject.lemma_)} | {
            normalise(c.lemma_) for c in subject.children
            if c.dep_ in ("compound", "amod") and not self._names_country(c, mention)
        }
        words.discard("")
        if not (words & set(self.role_nouns)):
            return None
        holders = self.kb.office_holders(country, words, self.published)
        if len(holders) != 1:
            return None
        entry, role = holders[0]
        start_link = MentionDetail(span=(subject.idx, subject.idx + len(subject.text)), text=self._phrase(subject, clauses=False), how="office")
        self._register(entry, subject, start_link.text, "office")
        return Resolution(entry.id, entry.name, None, [start_link, MentionDetail(span=(mention.start, mention.end), text=role.title, how="office holder on the date")])

    def _names_country(self, token: Token, mention: ActorMention) -> bool:
        """The word names the country of a title ("Georgian" in "Georgian prime minister"),
        not the office; a title the actor finder took whole ("agent") keeps its other words."""
        if mention.how != "agent":
            return mention.token_start <= token.i < mention.token_end
        return token.ent_type_ in ("GPE", "NORP") or (self.kb is not None and self.kb.country_of_demonym(token.text) is not None)

    @staticmethod
    def _is_owner(subject: Token, mention: ActorMention) -> bool:
        """The mention only owns the subject ("Netanyahu's office"): a possessive, not a title or name."""
        doc = subject.doc
        return any(doc[i].dep_ == "poss" or (i + 1 < len(doc) and doc[i + 1].tag_ == "POS") for i in range(mention.token_start, mention.token_end))

    def _is_name(self, token: Token) -> bool:
        """A proper name, not a capitalised title or institution ("the Special Envoy", "the Commission")."""
        if token.ent_type_ == "PERSON":
            return True
        if token.pos_ != "PROPN" or token.ent_type_ in ("GPE", "NORP", "LOC", "FAC") or token.text.islower():
            return False
        if any(c.dep_ == "det" for c in token.children):
            return False
        noun = normalise(token.lemma_)
        return noun not in self.role_nouns and not self._role_of_someone(noun)

    def _person_apposed(self, subject: Token, appos: Token) -> bool:
        """"Its campaign chief, Sofía Medina,": a full name in apposition to a person's role
        noun is that person, even when the entity model took it for a place (a place in
        apposition follows a place noun: "the capital, Kyiv")."""
        if " " not in self._flat_name(appos):
            return False
        noun = normalise(subject.lemma_)
        return bool(role_families().nouns.get(noun)) or noun in self.role_nouns or noun in _speaker_nouns()["representatives"]

    @staticmethod
    def _flat_name(token: Token) -> str:
        """The proper name a token heads: its compound proper nouns and itself."""
        parts = [c for c in token.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i < token.i]
        start = min([token.i] + [c.i for c in parts])
        while start < token.i and token.doc[start].pos_ != "PROPN":
            start += 1
        return token.doc[start : token.i + 1].text

    @staticmethod
    def _phrase(token: Token, clauses: bool = True) -> str:
        """The words of a subject phrase; without relative clauses and appositions when ``clauses`` is False."""
        tokens = [t for t in token.subtree if not t.is_punct or t.i != token.right_edge.i]
        if not clauses:
            dropped = {d.i for c in token.children if c.dep_ in ("relcl", "appos", "acl", "punct") for d in c.subtree}
            tokens = [t for t in tokens if t.i not in dropped and t.i >= token.left_edge.i]
            while tokens and tokens[0].lower_ in ("the", "a", "an"):
                tokens = tokens[1:]
            tokens = [t for t in tokens if t.i <= token.i or t.dep_ in ("prep", "pobj", "compound")]
        return token.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else token.text

    def _speaker_phrase(self, token: Token) -> str:
        """An unnamed speaker as the article names it, without what only comments on it:
        relative and participial clauses, appositions and examples ("Doctors at the main
        hospital, contacted by AFP," -> "Doctors at the main hospital")."""
        dropped = self._examples(token) | self._quantity(token) | {
            d.i for c in token.children if c.dep_ in ("relcl", "acl", "appos", "punct", "advcl") and c.i > token.i for d in c.subtree
        }
        tokens = [t for t in token.subtree if t.i not in dropped]
        # What follows a comma after the head comments on the speaker wherever the parser hangs
        # it; the comma itself may be among the dropped punctuation ("A resident of Mbagala, on
        # the southern edge of Dar es Salaam,").
        comma = next((t.i for t in token.subtree if t.i > token.i and t.text == ","), None)
        if comma is not None:
            tokens = [t for t in tokens if t.i < comma]
        while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "prep")):
            tokens.pop()
        while tokens and tokens[0].is_punct:
            tokens.pop(0)  # a closing quotation mark the parser hung on the speaker after it
        if not tokens:
            return token.text
        return self.doc[tokens[0].i : tokens[-1].i + 1].text if tokens[-1].i - tokens[0].i + 1 == len(tokens) else " ".join(t.text for t in tokens)

    @staticmethod
    def _quantity(token: Token) -> set[int]:
        """The words that only estimate the size of a plural speaker ("about 300", "some
        40", "many", "hundreds of" before "activists"): a crowd is named by what it is, not
        by how many spoke. An exact count names a known set and stays ("the two sides",
        "nine countries")."""
        if token.tag_ not in ("NNS", "NNPS"):
            return set()
        words = _speaker_nouns()["group_quantifiers"]
        counted: set[int] = set()
        for child in token.children:
            if child.i > token.i:
                continue
            estimate = child.lower_ in words or (
                child.dep_ == "nummod" and any(g.dep_ in ("quantmod", "advmod") or g.lower_ in words for g in child.children)
            )
            if estimate and child.dep_ in ("nummod", "det", "amod", "quantmod"):
                counted |= {d.i for d in child.subtree}
        if counted:
            counted |= {c.i for c in token.children if c.dep_ in ("det", "predet") and c.i < min(counted)}
        return counted if len(counted) < token.i - token.left_edge.i + 1 else set()

    @staticmethod
    def _link(mention: ActorMention, how: str) -> MentionDetail:
        return MentionDetail(span=(mention.start, mention.end), text=mention.text, how=how)


class Gender:
    """Pronoun agreement from first names and surname endings (``lexicon/gender.yaml``)."""

    def __init__(self, data: Optional[dict] = None):
        if data is None:
            data = _load_gender()
        self.female = {n.lower() for n in data.get("female_first_names", [])}
        self.male = {n.lower() for n in data.get("male_first_names", [])}
        self.female_endings = tuple(data.get("female_surname_endings", []))
        self.male_endings = tuple(data.get("male_surname_endings", []))
        self.whole = {_whole_name_key(n): "female" for n in data.get("female_full_names", [])}
        self.whole.update({_whole_name_key(n): "male" for n in data.get("male_full_names", [])})

    def of(self, name: str) -> Optional[str]:
        parts = name.split()
        if not parts:
            return None
        if _whole_name_key(name) in self.whole:
            return self.whole[_whole_name_key(name)]
        first = parts[0].lower()
        if first in self.female:
            return "female"
        if first in self.male:
            return "male"
        if len(parts) >= 2 and parts[-1].lower().endswith(self.female_endings):
            return "female"
        if len(parts) >= 2 and parts[-1].lower().endswith(self.male_endings):
            return "male"
        return None

    def agrees(self, pronoun: str, name: str) -> bool:
        gender = self.of(name)
        if gender is None:
            return True
        return (pronoun in ("she", "her")) == (gender == "female")


INSTITUTION_TYPES = ("organisation", "igo", "group")
# Agent sectors of a state's own bodies (CAMEO: government, military, police, intelligence,
# judiciary, legislature).
STATE_SECTORS = frozenset({"GOV", "MIL", "POL", "SPY", "JUD", "LEG"})
# Role families whose unnamed holder speaks for the country they represent.
REPRESENTING_FAMILIES = frozenset({"envoy"})
# Prepositions that name the body an unnamed representative speaks for ("a spokesman for
# the army", "an official of the ministry", "a source at the agency").
REPRESENTED_BY = frozenset({"for", "of", "at", "with"})
# How many sentences after a story's opening role phrase the person it describes is named.
LEAD_NAMED_WITHIN = 3
# How many sentences back "the diplomat" looks for "a European diplomat" who spoke.
MAX_DESCRIBED_BACK = 4
# A description in apposition to a name opens with an article ("X, the spokesman,") and is short.
APPOSITION_STARTS = ("the", "a", "an")
MAX_APPOSITION = 10


def _names_body(noun: str) -> bool:
    """The noun names a body ("the union", "the council"), not a person who heads one."""
    return noun in _speaker_nouns()["institution_heads"]


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def _trailing_name(subject: Token) -> Optional[Token]:
    """"The head of the Kyiv city administration, Tymur Tkachenko,": a proper name set off
    by a comma at the end of a subject phrase, which the parser hangs on a noun inside the
    phrase (``appos``) or coordinates with it (``conj``), rather than on the subject."""
    doc = subject.doc
    last = subject.right_edge
    while last.i > subject.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    for token in subject.subtree:
        if token.i <= subject.i or token.dep_ not in ("appos", "conj") or token.pos_ != "PROPN":
            continue
        if token.right_edge.i == last.i and token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ",":
            return token
    return None


def _entry_by_words(kb: KnowledgeBase, phrase: str):
    """The one KB organisation named by ``phrase`` or by one of its endings of two words
    or more ("Israeli Prime Minister Benjamin Netanyahu's office" -> "Netanyahu's office"),
    and the words that named it; (None, None) when there is none or several."""
    words = phrase.split()
    for i in range(len(words) - 1):
        ending = " ".join(words[i:])
        ids = [a for a in kb.lookup(ending) if kb.get(a).type in INSTITUTION_TYPES]
        if len(ids) == 1:
            return kb.get(ids[0]), ending
        if ids:
            break
    return None, None


MAX_TITLE_WORDS = 6
# Prepositions after a role noun that name whom the holder serves ("the envoy of Japan").
OWNER_PREPOSITIONS = ("of", "for", "to")


@dataclass(frozen=True)
class RoleFamilies:
    """Role families from ``lexicon/role_nouns.yaml``: which words refer back to which
    kind of office, and which titles put a person in it."""

    titles: dict[str, tuple[str, ...]]
    excluded: dict[str, tuple[str, ...]]
    nouns: dict[str, frozenset[str]]
    post_verbs: dict[str, str]
    neutral: frozenset[str]
    organisation_words: frozenset[str]
    other_holder: frozenset[str] = frozenset()
    one_holder: frozenset[str] = frozenset()
    one_per_organisation: frozenset[str] = frozenset()

    def families_of(self, words: list[str]) -> tuple[frozenset[str], list[str]]:
        """The families of the longest noun ending ``words``, and the words before it."""
        for n in range(len(words), 0, -1):
            families = self.nouns.get(" ".join(words[-n:]))
            if families:
                return families, words[:-n]
        return frozenset(), words

    def holds(self, described: str, families: Iterable[str]) -> bool:
        """Some title of one of ``families`` is in ``described`` (once excluded titles are out)."""
        for family in families:
            text = " " + described.replace(" | ", " |  | ") + " "
            for excluded in self.excluded.get(family, ()):
                text = text.replace(f" {excluded} ", "  ")
            if any(f" {title} " in text for title in self.titles[family]):
                return True
        return False


@lru_cache(maxsize=1)
def role_families() -> RoleFamilies:
    data = yaml.safe_load((LEXICON_DIR / "role_nouns.yaml").read_text(encoding="utf-8"))
    titles, excluded, nouns = {}, {}, {}
    for name, family in data["families"].items():
        titles[name] = tuple(normalise(t) for t in family.get("titles") or [])
        excluded[name] = tuple(normalise(t) for t in family.get("not") or [])
        for noun in family.get("nouns") or []:
            nouns.setdefault(normalise(noun), set()).add(name)
    return RoleFamilies(
        titles=titles,
        excluded=excluded,
        nouns={k: frozenset(v) for k, v in nouns.items()},
        post_verbs={k: normalise(v) for k, v in (data.get("post_verbs") or {}).items()},
        neutral=frozenset(normalise(w) for w in data.get("neutral_modifiers") or []),
        organisation_words=frozenset(normalise(w) for w in data.get("organisation_words") or []),
        one_holder=frozenset(name for name, family in data["families"].items() if family.get("one_holder")),
        one_per_organisation=frozenset(name for name, family in data["families"].items() if family.get("one_per_organisation")),
        other_holder=frozenset(normalise(w) for w in data.get("other_holder_modifiers") or []),
    )


def _until_clause_end(tokens) -> str:
    """The words of a description up to the end of its phrase (a comma, a stop, a verb)."""
    kept = []
    for token in tokens:
        if token.text in (",", ".", ";", ":", "(", ")") or token.pos_ in ("VERB", "AUX"):
            break
        kept.append(token.text)
    return normalise(" ".join(kept))


def _names_organisation(described: str, organisation: Actor) -> bool:
    """The description names the organisation, by name or by the initials of a name in it
    ("WHO" for "the World Health Organization")."""
    name = normalise(organisation.name)
    if name and f" {name} " in f" {described} ":
        return True
    forms = {normalise(m.text) for m in organisation.mention_details} | {name}
    initials = set()
    for piece in described.split(" | "):
        words = [w for w in piece.split() if w not in ("of", "the", "for", "and")]
        for i in range(len(words)):
            for j in range(i + 2, min(len(words), i + 6) + 1):
                initials.add("".join(w[0] for w in words[i:j]))
    return any(f and (f" {f} " in f" {described} " or f.replace(" ", "") in initials) for f in forms)


def _names_parent(described: str, organisation: Actor) -> bool:
    """The organisation's name opens with its parent's initials ("UN Office for the
    Coordination of Humanitarian Affairs", "UN climate secretariat"), and the description
    names that parent ("Secretary-General of the United Nations"): the article mentions the
    parent through its organ."""
    first = (organisation.name or "").split()[:1]
    if not first or len(first[0]) < 2 or not first[0].isupper() or len(organisation.name.split()) < 2:
        return False
    parent = Actor(id=first[0], name=first[0], type="igo")
    return _names_organisation(described, parent)


# Per knowledge base (weakly held, so a KB built for one job never serves another):
# its organisations by country, with the word sets of their names.
_INSTITUTIONS: "weakref.WeakKeyDictionary[KnowledgeBase, dict[str, list]]" = weakref.WeakKeyDictionary()


def _institutions_of(kb: KnowledgeBase, country: str, words: frozenset[str]) -> list:
    """KB organisations of ``country`` one of whose names has all ``words``."""
    by_country = _INSTITUTIONS.get(kb)
    if by_country is None:
        by_country = {}
        for entry in kb.entries.values():
            if entry.type in INSTITUTION_TYPES and entry.country:
                forms = [frozenset(normalise(n).split()) for n in entry.names]
                by_country.setdefault(entry.country, []).append((entry, forms))
        _INSTITUTIONS[kb] = by_country
    return [entry for entry, forms in by_country.get(country, []) if any(words <= f for f in forms)]


# Per knowledge base and day: the people holding an office of an international body then.
_INTERNATIONAL: "weakref.WeakKeyDictionary[KnowledgeBase, dict]" = weakref.WeakKeyDictionary()


def _international_office_holders(kb: KnowledgeBase, day: dt.date) -> list:
    """(entry, role) of every person whose role on ``day`` has no country (an IGO's office)."""
    by_day = _INTERNATIONAL.setdefault(kb, {})
    found = by_day.get(day)
    if found is None:
        found = []
        for entry in kb.entries.values():
            role = entry.role_on(day) if entry.type == "person" and entry.roles else None
            if role is not None and not role.country and role.title:
                found.append((entry, role))
        by_day[day] = found
    return found


@lru_cache(maxsize=1)
def _speaker_nouns() -> dict:
    """Representative and institution nouns from ``lexicon/reporting_verbs.yaml``; group,
    publisher and country-body words from ``lexicon/role_nouns.yaml``."""
    data = yaml.safe_load((LEXICON_DIR / "reporting_verbs.yaml").read_text(encoding="utf-8"))
    roles = yaml.safe_load((LEXICON_DIR / "role_nouns.yaml").read_text(encoding="utf-8"))
    return {
        "representatives": frozenset(normalise(w) for w in data.get("representatives") or []),
        "institution_nouns": {normalise(k): v for k, v in (data.get("institution_nouns") or {}).items()},
        "group_examples": frozenset(w.lower() for w in data.get("group_examples") or []),
        "institution_heads": frozenset(normalise(w) for w in data.get("institution_heads") or []),
        "government_nouns": frozenset(normalise(w) for w in data.get("government_nouns") or []),
        "group_quantifiers": frozenset(w.lower() for w in roles.get("group_quantifiers") or []),
        "source_nouns": frozenset(normalise(w) for w in roles.get("source_nouns") or []),
        "source_prepositions": frozenset(w.lower() for w in roles.get("source_prepositions") or []),
        "country_bodies": {normalise(k): v for k, v in (roles.get("country_bodies") or {}).items()},
        "state_bodies": {normalise(k): v for k, v in (roles.get("state_bodies") or {}).items()},
        "government_neutral": frozenset(normalise(w) for w in roles.get("government_neutral_modifiers") or []),
    }


def _state_body_sector(words: list[str]) -> Optional[str]:
    """The agent sector of a state body's words ("interior ministry" -> GOV, "riot police" ->
    POL), matched on their ending; None when they name no state body."""
    nouns = _speaker_nouns()
    for first in range(len(words)):
        key = " ".join(words[first:])
        for table in ("country_bodies", "state_bodies"):
            if key in nouns[table]:
                return nouns[table][key]
    return None


@lru_cache(maxsize=1)
def _whole_name_key(name: str) -> str:
    """A name folded for whole-name lookup: "Kim Yo-jong" and "Kim Yo Jong" are one key."""
    return " ".join(name.replace("-", " ").lower().split())


@lru_cache(maxsize=1)
def _load_gender() -> dict:
    # read once per process: every article's resolver builds a Gender, and parsing the name
    # lists took about 40 ms an article (read-only afterwards)
    path = LEXICON_DIR / "gender.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}


def actor_name(actors: dict[str, Actor], actor_id: Optional[str]) -> Optional[str]:
    return actors[actor_id].name if actor_id in actors else None
