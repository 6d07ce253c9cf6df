"""Actors: who is named in an article, resolved to the knowledge base.

What is extracted: every mention of a person, organisation, country, IGO, armed group or
media platform, each tied to one actor with the rule that resolved it (``how``):

- ``alias``: a name, alias or transliteration of a KB entry ("Zelensky", "NATO");
- ``surname``: a surname alone on a later or earlier mention ("Peskov");
- ``title``: a surname after a title word ("President Putin");
- ``fuzzy``: a misspelt name the model tagged as a name ("Volodymr Zelenskiy");
- ``metonym``: a capital standing for its government ("Kyiv had lost");
- ``demonym``: a people-noun or adjective of a country ("Ukrainians", "French sides");
- ``context``: an ambiguous alias read in its context ("on X" is the platform);
- ``agent``: a country's generic agent ("Russian forces" -> Russia, military);
- ``first name``: a first name alone, of a person named in full in the article ("Vladimir");
- ``mission``: a state's or IGO's post abroad with its place ("the U.S. Embassy in Tegucigalpa");
- ``member list``: a group's name with its members in apposition ("The E3 - Britain, France
  and Germany"), one mention of the group;
- ``body``: a country's body named as a proper name after its demonym ("Philippine Coast Guard");
- ``new``: a person or organisation the KB does not know, typed from the model and context.

What is not: pronouns and role nouns ("he", "the spokesman") are left to coreference in the
quotes extractor; places are the places extractor's, except that capitals used as actors
are reported here (``metonym_spans``) so it can skip them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

import yaml
from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token
from unidecode import unidecode

from ..kb import LEXICON_DIR, Entry, KnowledgeBase, normalise
from ..nlp.components import DATELINE
from ..nlp.sentences import text_of, entities
from ..model import Actor, MentionDetail

MAX_NGRAM = 7
FUZZY_CUTOFF = 88
FUZZY_CUTOFF_ORG = 92
# A capital after one of these is a place, not its government.
LOCATIVE_PREPOSITIONS = {
    "in", "at", "to", "from", "near", "outside", "around", "into", "toward", "towards",
    "across", "over", "through", "via", "inside", "within", "between", "out",
}
# Prepositions whose object after a common noun is a place, never a person ("an elder in
# Kufra"): unlike "from" or "to", which take people too.
PLACE_ONLY_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "around"}
# Entity labels whose spans may be people or organisations the KB does not know.
NEW_ACTOR_LABELS = {"PERSON": "person", "ORG": "organisation"}
NEW_KINDS = ("person", "organisation")
_SLUG = re.compile(r"[^a-z0-9]+")
# Names of a country's generic agents: "Russia (military)".
SECTOR_LABELS = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "INS": "insurgents", "SPY": "intelligence",
    "POL": "police", "LEG": "legislature", "JUD": "judiciary", "OPP": "opposition", "CVL": "civilians",
    "BUS": "business", "JRN": "media", "PTY": "party", "MED": "health services", "EDU": "education",
    "REF": "refugees", "LAB": "labour", "ELI": "elites", "CRM": "criminals", "HLH": "health",
}
# Punctuation that opens a list of a group's members right after its name: "The E3 - Britain,
# France and Germany -", "the Quad (the US, Japan, India and Australia)". A comma is left out:
# "NATO, Britain and France said" lists three actors.
MEMBER_LIST_OPENERS = {"-", "–", "—", "(", ":"}
MAX_NAME_TOKENS = 4  # owner or place names around a mission noun: "the United Arab Emirates"
# Words of a title read before an unknown name for its country and sector: "Indonesian
# Coordinating Economic Affairs Minister Hendra Wibisono".
MAX_TITLE_TOKENS = 6
# The words that carry a body's name past its head to an acronym in brackets: "the United
# Nations Mission for the Referendum in Western Sahara (MINURSO)".
NAME_TAIL_OPENERS = {"for", "of", "on", "in"}
NAME_TAIL_WORDS = NAME_TAIL_OPENERS | {"the", "and"}
MAX_NAME_TAIL = 8


_WIDTHS: dict[int, tuple[int, int]] = {}  # id(table) -> (size, n-gram width in tokens)


def _ngram_width(table: dict[str, set[str]]) -> int:
    """How many tokens a name of ``table`` can span: its longest key's words, twice over for
    the hyphens and apostrophes that are tokens of their own ("Organization for Security and
    Co-operation in Europe"), and never under ``MAX_NGRAM``. A body's full official name
    ("UN Office for the Coordination of Humanitarian Affairs", eight words) is one name; a
    fixed window shorter than it leaves the body to be guessed from its pieces."""
    known = _WIDTHS.get(id(table))
    if known is None or known[0] != len(table):
        longest = max((len(key.split()) for key in table), default=0)
        known = _WIDTHS[id(table)] = (len(table), max(MAX_NGRAM, 2 * longest))
    return known[1]


@lru_cache(maxsize=1)
def _name_words() -> dict:
    """Words of bodies' proper names from ``lexicon/role_nouns.yaml``: mission nouns (longest
    first), the last words of body names, and a country's armed and security bodies."""
    data = yaml.safe_load((LEXICON_DIR / "role_nouns.yaml").read_text(encoding="utf-8"))
    missions = sorted((tuple(normalise(w).split()) for w in data.get("mission_nouns") or []), key=len, reverse=True)
    return {
        "missions": missions,
        "mission_starts": frozenset(words[0] for words in missions),
        "mission_qualifiers": frozenset(normalise(w) for w in data.get("mission_qualifiers") or []),
        "heads": frozenset(normalise(w) for w in data.get("name_heads") or []),
        "bodies": {tuple(normalise(k).split()): v for k, v in (data.get("country_bodies") or {}).items()},
        "people_named_heads": frozenset(normalise(w) for w in data.get("people_named_heads") or []),
    }


@lru_cache(maxsize=1)
def _kind_words() -> dict:
    """Words that tell a person's name from an organisation's (``lexicon/gender.yaml`` and
    ``lexicon/role_nouns.yaml``): given names, surname endings, nouns for people, and the last
    words of bodies' names."""
    gender = yaml.safe_load((LEXICON_DIR / "gender.yaml").read_text(encoding="utf-8")) or {}
    roles = yaml.safe_load((LEXICON_DIR / "role_nouns.yaml").read_text(encoding="utf-8")) or {}
    given = {normalise(w) for key in ("female_first_names", "male_first_names") for w in gender.get(key) or []}
    endings = tuple(normalise(w) for key in ("female_surname_endings", "male_surname_endings")
                    for w in gender.get(key) or [])
    heads = {normalise(w) for key in ("name_heads", "body_name_heads") for w in roles.get(key) or []}
    heads |= {normalise(k).split()[-1] for k in roles.get("country_bodies") or {}}
    return {
        "given": frozenset(given), "endings": endings, "heads": frozenset(heads),
        "person_nouns": frozenset(normalise(w) for w in roles.get("person_nouns") or []),
    }


# The model's entity labels whose spans may name an actor the KB does not know, and the
# kind each suggests when no other evidence speaks; a place or a title is a new actor only
# when the evidence says person (the small model tags many foreign names as places or works).
NEW_ACTOR_CANDIDATE_LABELS = {"PERSON", "ORG", "GPE", "LOC", "WORK_OF_ART"}
# Words inside a name that only organisations' names have ("Party of Action and Solidarity").
ORG_INNER_WORDS = {"of", "for", "and", "&"}
# Punctuation no name has inside.
NAME_BREAKS = {":", ";", "?", "!", "|"}
# Relative pronouns for people only: "Amorim, who attended the talks".
PERSON_RELATIVES = {"who", "whom"}
# A given name written "Ching-te", "Dong-hoon": a capitalised syllable, a hyphen, a small one.
_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def _capitalised(text: str) -> bool:
    """Every word starts with a capital, as a person's name does ("Lai Ching-te", "McCarthy")."""
    return all(word[:1].isupper() for word in text.split())


@dataclass
class KindVotes:
    """Evidence that one name (all its mentions) is a person's or an organisation's."""

    person: int = 0
    organisation: int = 0
    described: int = 0  # of the person votes, those from the words around a name (a title, "who")
    labels: list[str] = field(default_factory=list)  # the model's labels, in text order

    def add(self, other: "KindVotes") -> None:
        self.person += other.person
        self.organisation += other.organisation
        self.described += other.described
        self.labels.extend(other.labels)

    def named_by_model(self) -> bool:
        """The model took some mention for a person or organisation, or the words around one
        call it a person: a name's form alone ("Sviatoshynskyi") does not make a place a person."""
        return self.described > 0 or any(label in NEW_ACTOR_LABELS for label in self.labels)

    def kind(self) -> Optional[str]:
        """The kind the evidence gives; the model's label only when the evidence is even."""
        if self.person != self.organisation:
            return "person" if self.person > self.organisation else "organisation"
        named = [NEW_ACTOR_LABELS[label] for label in self.labels if label in NEW_ACTOR_LABELS]
        if not named:
            return None  # a place to the model and nothing says otherwise
        people = named.count("person")
        if people * 2 == len(named):
            return named[0]
        return "person" if people * 2 > len(named) else "organisation"


@dataclass
class ActorMention:
    """One resolved mention: character span, the actor it names, and how it was resolved."""

    start: int
    end: int
    actor_id: str
    how: str
    token_start: int
    token_end: int
    text: str = ""


@dataclass
class PersonNames:
    """The people a Doc names in full (a given name and a surname), as the model tagged them.

    ``given`` maps a surname key to the tokens of the given names written before it, so a
    surname alone can be checked against them; ``entity_of`` maps each token of such a name
    to the name's token range."""

    given: dict[str, list[Token]] = field(default_factory=dict)
    entity_of: dict[int, tuple[int, int]] = field(default_factory=dict)


@dataclass
class ResolvedActors:
    """What :func:`resolve_actors` found: mentions in text order and the actors they name."""

    mentions: list[ActorMention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    metonym_spans: list[tuple[int, int]] = field(default_factory=list)

    def actor_at(self, start: int, end: int) -> Optional[str]:
        """The id of the actor mentioned at (or overlapping) the character range, if any."""
        for mention in self.mentions:
            if mention.start < end and start < mention.end:
                return mention.actor_id
        return None


# The same few thousand words recur across articles: normalising each once per process
# (unidecode and two regexes) halves the cost of building a Doc's keys.
_normalise_word = lru_cache(maxsize=1 << 16)(normalise)


def _standing_alone_as_a_name(doc: Doc, i: int, j: int) -> bool:
    """Whether a country name that is also a word or a given name ("Turkey", "Chad", "Jordan")
    stands alone as a name here: capitalised, no name word glued before or after it ("Chad
    Smith", "Michael Jordan"), and no one in the article has it in their name."""
    if not doc[i].text[:1].isupper() or _next_to_a_name_word(doc, i, j):
        return False
    word = doc[i].text
    return not any(ent.label_ == "PERSON" and len(ent) > 1 and word in ent.text.split() for ent in entities(doc))


def _next_to_a_name_word(doc: Doc, i: int, j: int) -> bool:
    """A capitalised proper noun right before or after tokens i..j: one name with them."""
    before = doc[i - 1] if i > 0 else None
    after = doc[j] if j < len(doc) else None
    return any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() for t in (before, after))


def _inside_longer_person_name(doc: Doc, i: int, j: int) -> bool:
    """Whether a capital's name is the first word of a person's or a title's name ("Sofía
    Medina", "Paris Hilton", "Lima Barreto"): a capitalised proper noun follows it directly.
    A weekday or month is no name word: wire copy writes "Israel Friday imposed ..."."""
    return (j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
            and doc[j].ent_type_ not in ("GPE", "DATE", "TIME"))


def _inside_institution_name(doc: Doc, i: int, j: int) -> bool:
    """Whether tokens i..j open the name of an institution the model tagged, one built as
    "<place or people> <body> of/for <field>" ("Kyiv School of Economics", "Syrian
    Observatory for Human Rights"): the body is an actor of its own, not the country."""
    for ent in entities(doc):
        if ent.label_ in ("ORG", "FAC") and ent.start <= i and j < ent.end and ent.end - ent.start >= 3 \
                and any(t.lower_ in ("of", "for") for t in doc[j + 1:ent.end - 1]):
            return True
        if ent.label_ == "ORG" and ent.start <= i and _named_after_people(doc[j:ent.end]):
            return True
    return False


def _named_after_people(rest: Span) -> bool:
    """Whether the capitalised words after a demonym make a body's proper name of their own,
    two words at least and ending in a head word of such names ("Human Rights Commission" in
    "the Ethiopian Human Rights Commission", "Red Crescent" in "the Libyan Red Crescent")."""
    return len(rest) >= 2 and all(t.text[:1].isupper() for t in rest) \
        and _normalise_word(rest[-1].text) in _name_words()["people_named_heads"]


def _token_key(token: Token) -> str:
    return _normalise_word(token.text)


_TOKEN_FLAGS = "parley.actors.token_flags"
_NGRAMS = "parley.actors.ngrams"


def _token_flags(doc: Doc) -> tuple[list[bool], list[str]]:
    """``is_space`` and ``text`` of every token, read once per Doc: indexing a Doc builds
    a new Token object each time, which dominated the n-gram scan."""
    cached = doc.user_data.get(_TOKEN_FLAGS)
    if cached is None or len(cached[0]) != len(doc):
        cached = ([t.is_space for t in doc], [t.text for t in doc])
        doc.user_data[_TOKEN_FLAGS] = cached
    return cached


class ActorResolver:
    """Resolves mentions in parsed Docs against one knowledge base.

    Built once per process (it indexes the KB's surface forms for fuzzy matching), then
    called per Doc with :meth:`resolve`.
    """

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._fuzzy_names = list(kb.by_alias.keys())
        self._fuzzy_surnames = list(kb.by_surname.keys())
        self._closest_cache: dict = {}  # (key, name list, cutoff) -> rapidfuzz's best match
        self._short_forms = {form for entry in kb.entries.values() for form in entry.names if len(form) <= 3}
        self._title_sectors: dict[str, str] = {
            normalise(k): v for k, v in (kb.agents.get("titles") or {}).items()
        }
        self._agent_sectors: dict[str, str] = {
            normalise(k): v for k, v in (kb.agents.get("sectors") or {}).items()
        }
        self._body_nouns: dict[str, str] = {
            normalise(k): v for k, v in (kb.agents.get("body_nouns") or {}).items()
        }
        # plural nouns for people of a country that no one's agents are ("Azerbaijani citizens")
        self._people_nouns: dict[str, str] = {
            normalise(k): v for k, v in (kb.agents.get("people_nouns") or {}).items()
        }
        # plural nouns for the members of a body ("army officers", "opposition leaders")
        self._member_nouns: dict[str, str] = {
            normalise(k): v for k, v in (kb.agents.get("member_nouns") or {}).items()
        }
        self._context_words = {"on", "via", "platform", "site", "network"}
        # Place keys (countries and capitals, then gazetteer answers as they are asked).
        self._place_keys: dict[str, bool] = {normalise(form): True for entry in kb.countries() for form in entry.names}

    # -- finding ---------------------------------------------------------------
    def resolve(self, doc: Doc, published: Optional[dt.date]) -> ResolvedActors:
        """Find and resolve every actor mention of ``doc``."""
        keys = [_normalise_word(text) for text in _token_flags(doc)[1]]
        taken = [False] * len(doc)
        mentions: list[ActorMention] = []
        new_entries: dict[str, Entry] = {}

        def take(i: int, j: int, actor_id: str, how: str) -> None:
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
            text = text_of(doc)[start:end]
            # "X." at a sentence end is one token: the mention is "X".
            while end > start and text[-1] in ".,;:" and not self._ends_with_dot(actor_id, text):
                end -= 1
                text = text[:-1]
            mentions.append(ActorMention(start, end, actor_id, how, i, j, text))
            for k in range(i, j):
                taken[k] = True

        full_names_in_doc = self._full_names(doc, keys)
        countries_in_doc = set()
        # A dateline ("CARACAS (Reuters) -") names where the story was filed: a place.
        for i, j in self._dateline_places(doc):
            for k in range(i, j):
                taken[k] = True
        person_names = self._person_full_names(doc, keys)

        # 1. Exact KB names and aliases, longest first.
        for i, j, ids in self._ngram_matches(doc, keys, self.kb.by_alias, self._is_place_key):
            if any(taken[i:j]) and self._cased_like_a_name(doc[i:j].text):
                same = self._same_body_overlapping(mentions, i, j, ids)
                if same is not None:
                    mentions.remove(same)
                    take(min(i, same.token_start), max(j, same.token_end), same.actor_id, same.how)
                continue
            if not self._cased_like_a_name(doc[i:j].text):
                continue
            actor_id = self._choose(ids, published, full_names_in_doc)
            if actor_id is None:
                continue
            entry = self.kb.get(actor_id)
            if entry.type == "country" and _inside_longer_person_name(doc, i, j):
                continue  # "Sofía" in "Sofía Medina", "Paris" in "Paris Hilton"
            if entry.type == "country" and self._closes_a_longer_name(doc, i, keys):
                continue  # "Nepal" in the group "Hami Nepal", "Chad" in "Idriss Chad": one name
            if entry.type == "country" and _inside_institution_name(doc, i, j):
                continue  # "Kyiv" in "the Kyiv School of Economics": a body named after a place
            if entry.type == "country" and self._is_capital(entry, doc[i:j].text):
                if self._is_locative(doc, i):
                    for k in range(i, j):  # a place: the places extractor reports it
                        taken[k] = True
                    continue
                take(i, j, actor_id, "metonym")
                continue
            if self._is_part_of_larger_name(doc, i, j, entry) or self._owned_by_another_country(doc, i, entry):
                continue
            if entry.type == "person" and self._other_given_name(doc, i, keys, entry):
                continue  # "John Zelensky" is not Volodymyr Zelensky
            take(i, j, actor_id, "alias")
            if entry.type == "country":
                countries_in_doc.add(entry.id)

        # 1b. Names the KB cannot list but whose form makes them one body: a state's post
        # abroad ("the U.S. Embassy in Tegucigalpa"), a name with "and" inside ("the Hostages
        # and Missing Families Forum"), a group followed by its members ("The E3 - Britain,
        # France and Germany"). Each absorbs the names inside it, which are not actors here.
        for i, j, entry in self._missions(doc, taken, mentions):
            self._absorb(mentions, i, j)
            new_entries[entry.id] = entry
            take(i, j, entry.id, "mission")
        for i, j in self._names_with_and(doc, taken):
            entry = self._new_entry(doc[i:j], "organisation", new_entries, called_a_body=True)
            if entry is not None:
                take(i, j, entry.id, "new")
        for i, j, actor_id in self._groups_with_members(doc, taken, mentions, new_entries):
            self._absorb(mentions, i, j)
            take(i, j, actor_id, "member list")

        # 2. Aliases that are ordinary words too ("X"), only in their context.
        for i, j, ids in self._ngram_matches(doc, keys, self.kb.context_aliases):
            if any(taken[i:j]) or i == 0:
                continue
            if doc[i - 1].lower_ in self._context_words and doc[i].text[:1].isupper():
                actor_id = self._choose(ids, published, full_names_in_doc)
                if actor_id:
                    take(i, j, actor_id, "context")
        for i, j, ids in self._ngram_matches(doc, keys, self.kb.place_tagged_aliases):
            if not any(taken[i:j]) and _standing_alone_as_a_name(doc, i, j):
                actor_id = self._choose(ids, published, full_names_in_doc)
                if actor_id:
                    take(i, j, actor_id, "alias")

        # 3. Surnames (after a title, or alone) and misspelt names the model tagged.
        for ent in entities(doc):
            if ent.label_ not in ("PERSON", "ORG", "GPE") or any(taken[ent.start : ent.end]):
                continue
            resolved = self._resolve_entity(ent, keys, published, full_names_in_doc, person_names)
            if resolved:
                actor_id, how = resolved
                take(ent.start, ent.end, actor_id, how)
        for i, token in enumerate(doc):
            # The tagger often misses a name opening a headline ("Trump met ..."): a capitalised
            # word that is a KB surname counts even when not tagged a proper noun.
            if taken[i] or not (token.pos_ == "PROPN" or token.is_title) or token.ent_type_ in ("GPE", "LOC", "FAC", "DATE"):
                continue
            if token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > i:
                continue  # a first name of someone else: "Ali" in "Ali Vaez"
            if self._glued(doc, i) or self._in_unknown_full_name(person_names, i, taken):
                continue  # "Dong" in "Han Dong-hoon"; a word of a full name the KB lacks
            ids = self.kb.by_surname.get(keys[i])
            if ids:
                actor_id = self._choose(ids, published, full_names_in_doc, surname=True)
                entry = self.kb.get(actor_id) if actor_id else None
                if entry is not None and not self._other_given_name(doc, i, keys, entry) \
                        and not self._named_otherwise(person_names, keys[i], entry, actor_id in full_names_in_doc):
                    take(i, i + 1, actor_id, "surname")

        # 4. Country agents ("Russian forces") and demonyms ("Ukrainians").
        for i, token in enumerate(doc):
            if taken[i]:
                continue
            if not token.text[:1].isupper() or token.pos_ == "DET":
                continue  # "The" is no half of a demonym: "The Philippine" is "Philippine"
            # Two-word demonyms first: "North Korean" is not "Korean", "South Sudanese" not "Sudanese".
            pair = self.kb.country_of_demonym(f"{token.text} {doc[i + 1].text}") if i + 1 < len(doc) and not taken[i + 1] else None
            country = pair or self.kb.country_of_demonym(token.text)
            if not country or (not pair and self._inside_compound_demonym(doc, i)):
                continue
            last = i + 1 if pair else i  # the demonym's last token
            if _inside_institution_name(doc, i, last + 1):
                continue  # "Syrian" in "the Syrian Observatory for Human Rights"
            body = self._proper_body_after(doc, last)
            if body is not None and not any(taken[i:body[0]]):
                # "the Philippine Coast Guard": the proper name of one of the country's bodies
                entry = self._body_entry(doc[i:body[0]], country, body[1], new_entries)
                take(i, body[0], entry.id, "body")
                countries_in_doc.add(country)
                continue
            agent = self._agent_after(doc, last)
            if agent is not None and any(taken[i:agent[0]]):
                continue  # "Palestinian" in "the Palestinian Health Ministry in Gaza": part of a named body
            if agent is not None:
                j, sector = agent
                actor_id = f"agent:{country}:{sector}"
                if actor_id not in new_entries:
                    country_name = self.kb.get(country).name if self.kb.get(country) else country
                    new_entries[actor_id] = Entry(
                        id=actor_id, name=f"{country_name} ({SECTOR_LABELS.get(sector, sector)})",
                        type="group" if sector in ("MIL", "REB") else "organisation", country=country, sector=sector,
                    )
                take(i, j, actor_id, "agent")
            else:
                take(i, last + 1, country, "demonym")
            countries_in_doc.add(country)

        # 5. A first name alone names a person mentioned in full in this doc ("I know Vladimir well").
        first_names = self._first_names({m.actor_id for m in mentions})
        for ent in entities(doc):
            if ent.label_ != "PERSON" or any(taken[ent.start : ent.end]):
                continue
            span = self._trim(ent)  # "Sheikh Mohammed", "Mr Vladimir" keep the given name
            if span is not None and len(span) == 1:
                actor_id = first_names.get(keys[span.start])
                if actor_id:
                    take(span.start, span.end, actor_id, "first name")

        # 6. People and organisations the KB does not know: first names a common noun calls a
        # body ("rights group Memorial"), then the model's entities.
        for i, j, sector in self._named_bodies(doc, taken):
            entry = self._new_entry(doc[i:j], "organisation", new_entries, called_a_body=True)
            if entry is not None:
                entry.sector = entry.sector or sector
                take(i, j, entry.id, "new")
        kinds = self._new_actor_kinds(doc, taken)
        for ent in entities(doc):
            kind = kinds.get(ent.start)
            if kind is None or any(taken[ent.start : ent.end]):
                continue
            span = self._trim(ent)
            if span is None:
                continue
            if kind == "person":
                span = self._with_given_name(span, taken)
            entry = self._new_entry(span, kind, new_entries)
            if entry is not None:
                take(span.start, span.end, entry.id, "new")

        for i, j in self._described_people(doc, taken):
            entry = self._new_entry(doc[i:j], "person", new_entries)
            if entry is not None:
                take(i, j, entry.id, "new")

        # 7. The surname alone of a person the KB does not know, where the model missed it as a
        # name or took it for a place ("Dubois said"): the full name is in this doc.
        surnames = {e.name.split()[-1]: e.id for e in new_entries.values() if e.type == "person" and " " in e.name}
        for i, token in enumerate(doc):
            if not taken[i] and token.pos_ == "PROPN" and token.text in surnames and not self._glued(doc, i):
                self._completed(new_entries[surnames[token.text]], doc[i : i + 1], "person")
                take(i, i + 1, surnames[token.text], "surname")

        # 8. An acronym introduced in brackets after a name ("the Kachin Independence
        # Organisation (KIO)") names the same actor wherever it appears. A body's name may
        # run on past the part first resolved ("the United Nations Mission for the Referendum
        # in Western Sahara (MINURSO)"): the whole name is one mention of the body.
        for mention, end in self._names_running_to_acronym(doc, mentions, new_entries):
            self._absorb(mentions, mention.token_end, end)
            entry = new_entries[mention.actor_id]
            mentions.remove(mention)
            take(mention.token_start, end, mention.actor_id, mention.how)
            entry.name = mentions[-1].text
        for acronym, actor_id in self._bracketed_acronyms(doc, mentions).items():
            for mention in mentions:
                if mention.text == acronym and mention.how == "new":
                    mention.actor_id = actor_id
            for i, token in enumerate(doc):
                if not taken[i] and token.text == acronym:
                    take(i, i + 1, actor_id, "acronym")

        # the n-gram memo holds KB sets: not for Doc serialisation, and useless after this call
        doc.user_data.pop(_NGRAMS, None)
        mentions.sort(key=lambda m: m.start)
        return ResolvedActors(
            mentions=mentions,
            actors=self._actors(mentions, new_entries, published),
            metonym_spans=[(m.start, m.end) for m in mentions if m.how == "metonym"],
        )

    # -- helpers ---------------------------------------------------------------
    def _named_bodies(self, doc: Doc, taken: list[bool]):
        """(start, end, sector) of proper names right after a noun that calls them a body."""
        for i in range(1, len(doc)):
            noun = doc[i - 1]
            sector = self._body_nouns.get(noun.lower_) if noun.pos_ == "NOUN" and noun.is_lower else None
            if sector is None or taken[i] or doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
                continue
            j = i + 1
            while j < len(doc) and not taken[j] and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
                j += 1
            yield i, j, sector

    # -- the kind of a name the KB does not know ---------------------------------------
    def _new_actor_kinds(self, doc: Doc, taken: list[bool]) -> dict[int, str]:
        """The kind ("person" or "organisation") of each model entity that may name a new
        actor, by its first token. The small model often tags a foreign person's name as an
        organisation or a place and a firm's as a person, so its label is the last word: the
        evidence of every mention of a name is pooled, a surname or given name alone sharing
        the votes of the one full name it belongs to ("Makolo" with "Yolande Makolo")."""
        found: list[tuple[Span, str, KindVotes]] = []
        for ent in entities(doc):
            if ent.label_ not in NEW_ACTOR_CANDIDATE_LABELS or any(taken[ent.start : ent.end]):
                continue
            span = self._trim(ent)
            key = normalise(span.text) if span is not None and self._name_shaped(span) else ""
            if key:
                found.append((ent, key, self._kind_votes(ent, span)))
        group_of = self._name_groups({key for _, key, _ in found})
        pooled: dict[str, KindVotes] = {}
        for _, key, votes in found:
            pooled.setdefault(group_of[key], KindVotes()).add(votes)
        kinds = {}
        for ent, key, _ in found:
            group = pooled[group_of[key]]
            kind = group.kind()
            if ent.label_ not in NEW_ACTOR_LABELS and (kind != "person" or not group.named_by_model() or not _capitalised(ent.text)):
                continue  # a place or a title to the model is an actor only as a person with a person's name
            if kind is not None:
                kinds[ent.start] = kind
        return kinds

    def _described_people(self, doc: Doc, taken: list[bool]):
        """(start, end) of full names the model tagged as nothing that a title or a noun for a
        person introduces ("opposition MP Artur Khachatryan", "Mele Tuilagi, a campaigner"):
        two or three capitalised proper nouns, none a title word."""
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and j - i < 3 and self._bare_name_word(doc[j], taken):
                j += 1
            if j - i >= 2 and (i == 0 or not self._bare_name_word(doc[i - 1], taken)):
                span = doc[i:j]
                if self._titled(span) or self._described_as_person(span):
                    yield i, j
                i = j
            else:
                i += 1

    def _bare_name_word(self, token: Token, taken: list[bool]) -> bool:
        """A capitalised proper noun no entity, actor or title covers."""
        return token.pos_ == "PROPN" and token.is_title and token.ent_iob_ == "O" and not taken[token.i] \
            and normalise(token.text) not in self._title_sectors

    @staticmethod
    def _name_shaped(span: Span) -> bool:
        """A name opens with no function word and has no clause punctuation inside: "for
        Foreign Affairs" (the tail of a title) and "Congo: Renewed" (a headline) are not names."""
        return span[0].lower_ not in ORG_INNER_WORDS and not any(t.text in NAME_BREAKS for t in span)

    @staticmethod
    def _name_groups(keys: set[str]) -> dict[str, str]:
        """Each name key mapped to the name it is a part of: a one-word name to the only
        longer name that ends or starts with it (a surname, or a family name written first),
        every other name to itself."""
        longer = [k.split() for k in keys if " " in k]
        groups = {}
        for key in keys:
            owners = {" ".join(words) for words in longer if " " not in key and key in (words[0], words[-1])}
            groups[key] = owners.pop() if len(owners) == 1 else key
        return groups

    def _kind_votes(self, ent: Span, span: Span) -> KindVotes:
        """What one mention says about its name's kind: a title, a noun for a person or a "who"
        around it, a known given name or a surname's ending make a person; a body's last word,
        "of"/"and" inside, digits, an acronym or "the" before it make an organisation."""
        words = _kind_words()
        keys = normalise(span.text).split()
        votes = KindVotes(labels=[ent.label_])
        votes.described = self._titled(span) + self._described_as_person(span)
        votes.person += votes.described
        votes.person += len(keys) >= 2 and keys[0] in words["given"]
        votes.person += self._surname_form(span, keys[-1])
        votes.organisation += keys[-1] in words["heads"]
        votes.organisation += len(span) >= 2 and any(t.lower_ in ORG_INNER_WORDS for t in span[1:-1])
        votes.organisation += any(c.isdigit() for c in span.text) or self._acronym(span)
        votes.organisation += self._determined(span)
        return votes

    def _person_noun(self, token: Token) -> bool:
        key = normalise(token.lemma_ if token.pos_ == "NOUN" else token.text)
        return key in self._title_sectors or key in _kind_words()["person_nouns"]

    def _titled(self, span: Span) -> bool:
        """A title, honorific or noun for a person right before the name ("spokeswoman
        Yolande Makolo", "Mr Kubrakov"), inside the model's entity or before it."""
        if span.start == 0:
            return False
        before = span.doc[span.start - 1]
        return before.pos_ in ("NOUN", "PROPN") and before.is_alpha and self._person_noun(before)

    def _described_as_person(self, span: Span) -> bool:
        """An apposition that calls the name a person ("Machado, the opposition leader";
        "the foreign minister, Kubrakov") or a relative clause with "who" after it."""
        doc, root = span.doc, span.root
        if any(c.dep_ == "appos" and c.i >= span.end and self._person_noun(c) for c in root.children):
            return True
        if root.dep_ == "appos" and root.head.i < span.start and self._person_noun(root.head):
            return True
        k = span.end + (span.end < len(doc) and doc[span.end].text == ",")
        return k < len(doc) and doc[k].lower_ in PERSON_RELATIVES and not self._place_of_a_person(span)

    @staticmethod
    def _place_of_a_person(span: Span) -> bool:
        """"A Bedouin tribal leader in Daraa, who spoke ...": a name after "in" or "at" that
        hangs on a common noun says where that noun's person is; the "who" after it describes
        the person, not the place. ("a letter from Ahmed Ali, who ..." is left alone: "from"
        and "to" take people too.)"""
        root = span.root
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in PLACE_ONLY_PREPOSITIONS or prep.dep_ != "prep":
            return False
        return prep.head.pos_ == "NOUN"

    @staticmethod
    def _surname_form(span: Span, last_key: str) -> bool:
        """The name ends as people's names do: a hyphenated given name after a family name
        ("Lai Ching-te"), or a Slavic surname ending ("Kubrakov", "Solskyi")."""
        last = span.text.split()[-1]  # the tokenizer splits "Ching-te" at the hyphen
        if " " in span.text and _HYPHENATED_GIVEN.match(last):
            return True
        return len(last_key) >= 5 and last[:1].isupper() and not last.isupper() and last_key.endswith(_kind_words()["endings"])

    @staticmethod
    def _acronym(span: Span) -> bool:
        text = span.text.replace(".", "").replace("-", "")
        return len(span) == 1 and len(text) >= 2 and text.isalpha() and text.isupper()

    @staticmethod
    def _determined(span: Span) -> bool:
        """"the" governs the name itself ("the Kuomintang"), not a noun it modifies ("the Lai
        Ching-te authorities"): people's names take no article."""
        root = span.root
        return root.dep_ != "compound" and any(c.dep_ == "det" and c.lower_ == "the" and c.i < span.start for c in root.children)

    # -- bodies named by their form -------------------------------------------------
    def _missions(self, doc: Doc, taken: list[bool], mentions: list[ActorMention]):
        """(start, end, entry) of each post abroad: an owner (country, demonym or IGO) and a
        capitalised mission noun, with "of <owner>" after it instead, then "in/to <place>"
        when given ("the U.S. Embassy in Tegucigalpa", "the Embassy of Japan in Kyiv", "the EU
        Mission in Armenia"). The post is an actor of its own, of its owner's country."""
        by_token = {k: m for m in mentions for k in range(m.token_start, m.token_end)}
        keys = _token_flags(doc)[1]
        for i in range(1, len(doc)):
            noun_end = self._mission_noun_end(doc, i, keys)
            if noun_end is None or any(taken[i:noun_end]):
                continue
            owner = self._owner_before(doc, self._qualifiers_start(doc, i, taken), taken, by_token)
            end = noun_end
            if owner is None and end + 1 < len(doc) and doc[end].lower_ == "of":
                after = self._name_run(doc, end + 1, by_token)
                entry = self._owner_of(doc[after[0]:after[1]], by_token) if after else None
                owner, end = ((i, entry), after[1]) if entry is not None else (None, end)
            if owner is None:
                continue
            if end + 1 < len(doc) and doc[end].lower_ in ("in", "to"):
                place = self._name_run(doc, end + 1, by_token)
                end = place[1] if place else end
            start, entry = owner
            name = text_of(doc)[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
            country = entry.id if entry.type == "country" else entry.country
            sector = "GOV" if entry.type == "country" else entry.sector
            slug = _SLUG.sub("-", unidecode(name).lower()).strip("-")
            yield start, end, Entry(id=f"new:organisation:{slug}", name=name, type="organisation", country=country, sector=sector)

    @staticmethod
    def _qualifiers_start(doc: Doc, i: int, taken: list[bool]) -> int:
        """Where the capitalised qualifiers of the mission noun at ``i`` start ("the UN | Support
        | Mission in Libya"): the owner stands before them. ``i`` when there are none."""
        start = i
        qualifiers = _name_words()["mission_qualifiers"]
        while start > 1 and i - start < 3 and not taken[start - 1] and doc[start - 1].text[:1].isupper() \
                and normalise(doc[start - 1].text) in qualifiers:
            start -= 1
        return start

    def _mission_noun_end(self, doc: Doc, i: int, keys) -> Optional[int]:
        """The end of a capitalised mission noun starting at token ``i`` ("Embassy", "High
        Commission", "Consulate-General"), else None."""
        if not doc[i].text[:1].isupper() or _normalise_word(keys[i]).split(" ")[0] not in _name_words()["mission_starts"]:
            return None
        for words in _name_words()["missions"]:
            end, got = i, []
            while end < len(doc) and len(got) < len(words) and end - i <= len(words) + 1:
                key = _normalise_word(keys[end])
                if key:
                    got.append(key)
                end += 1
            if tuple(got) == words and all(t.text[:1].isupper() for t in doc[i:end] if t.is_alpha):
                return end
        return None

    def _owner_before(self, doc: Doc, i: int, taken: list[bool], by_token: dict) -> Optional[tuple[int, Entry]]:
        """(start, entry) of the country or IGO named right before a mission noun, possessive
        or not: an actor mention already found, else a demonym or name not yet resolved."""
        k = i - 1 if doc[i - 1].tag_ == "POS" else i
        mention = by_token.get(k - 1)
        if mention is not None:
            entry = self.kb.get(mention.actor_id)
            owner = entry is not None and entry.type in ("country", "igo") and mention.token_end == k
            return (mention.token_start, entry) if owner else None
        for start in range(max(0, k - MAX_NAME_TOKENS), k):
            run = doc[start:k]
            if run[0].pos_ == "DET" or any(taken[start:k]) or not all(t.text[:1].isupper() for t in run if t.is_alpha):
                continue
            entry = self._owner_of(run, by_token)
            if entry is not None:
                return start, entry
        return None

    def _owner_of(self, span: Span, by_token: dict) -> Optional[Entry]:
        """The one country or IGO a short name or demonym stands for."""
        mention = by_token.get(span.start)
        if mention is not None and mention.token_end >= span.end:
            entry = self.kb.get(mention.actor_id)
            return entry if entry is not None and entry.type in ("country", "igo") else None
        country = self.kb.country_of_demonym(span.text)
        ids = [country] if country else [a for a in self.kb.lookup(span.text) if self.kb.get(a).type in ("country", "igo")]
        return self.kb.get(ids[0]) if len(ids) == 1 else None

    @staticmethod
    def _name_run(doc: Doc, k: int, by_token: dict) -> Optional[tuple[int, int]]:
        """(start, end) of the capitalised name starting at ``k`` (after an optional "the"),
        to the end of any actor mention it opens: "Tegucigalpa", "the IAEA", "the United Nations"."""
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        end = k
        while end < len(doc) and end - k < MAX_NAME_TOKENS and doc[end].text[:1].isupper() \
                and doc[end].ent_type_ not in ("PERSON", "DATE", "TIME"):
            end += 1
        if end == k:
            return None
        last = by_token.get(end - 1)
        return k, max(end, last.token_end if last is not None else end)

    def _names_with_and(self, doc: Doc, taken: list[bool]):
        """(start, end) of capitalised names with "and" inside that end in a body's head word
        ("the Hostages and Missing Families Forum", "the Peace and Security Council"): the
        parser splits them at "and" into two made-up groups. Headlines, where every word is
        capitalised, are left alone."""
        heads = _name_words()["heads"]
        for k in range(1, len(doc) - 1):
            if doc[k].lower_ not in ("and", "&") or taken[k]:
                continue
            j = k + 1
            while j < len(doc) and j - k <= MAX_NAME_TOKENS and self._name_word(doc[j]) and not taken[j] \
                    and not self.kb.country_of_demonym(doc[j].text):
                j += 1
            if j == k + 1 or _normalise_word(doc[j - 1].text) not in heads:
                continue
            i = k
            while i > 0 and k - i < MAX_NAME_TOKENS and self._name_word(doc[i - 1]) and not taken[i - 1] \
                    and doc[i - 1].pos_ != "DET" and not self.kb.country_of_demonym(doc[i - 1].text):
                i -= 1  # "Russian and Chinese forces" are two countries' forces: demonyms stop a name
            if i < k and not self._in_headline(doc[k]):
                yield i, j

    @staticmethod
    def _name_word(token: Token) -> bool:
        return token.text[:1].isupper() and token.text.replace("-", "").replace("'", "").isalpha()

    @staticmethod
    def _in_headline(token: Token) -> bool:
        """The sentence is set in title case: all its content words capitalised."""
        content = [t for t in token.sent if t.pos_ in ("NOUN", "VERB", "ADJ") and t.is_alpha]
        return bool(content) and all(t.text[:1].isupper() for t in content)

    def _groups_with_members(self, doc: Doc, taken: list[bool], mentions: list[ActorMention], new_entries: dict[str, Entry]):
        """(start, end, actor id) of a group's name followed by a list of its member
        countries ("The E3 - Britain, France and Germany", "the Quad (the US, Japan, India and
        Australia)"). The parser often makes the name a modifier of the first member, which
        would then speak for the group; the whole phrase is the group."""
        by_token = {k: m for m in mentions for k in range(m.token_start, m.token_end)}
        for s in range(1, len(doc) - 3):
            if doc[s].text not in MEMBER_LIST_OPENERS or not doc[s - 1].text[:1].isalnum():
                continue
            end = self._member_list_end(doc, s + 1, by_token)
            if end is None:
                continue
            if doc[s].text == "(" and end < len(doc) and doc[end].text == ")":
                end += 1
            named = by_token.get(s - 1)
            if named is not None:
                entry = self.kb.get(named.actor_id)
                if entry is not None and entry.type in ("igo", "organisation", "group") and named.token_end == s:
                    yield named.token_start, end, entry.id
                continue
            start = s - 1
            while start > 0 and s - start < 3 and not taken[start - 1] and self._name_word(doc[start - 1]) and doc[start - 1].pos_ != "DET":
                start -= 1
            name = doc[start:s]
            if taken[start] or not (self._looks_like_org_name(name.text) or all(t.ent_type_ == "ORG" for t in name)):
                continue  # "on Monday - Britain, France and Germany": no group's name
            entry = self._new_entry(name, "organisation", new_entries, called_a_body=True)
            if entry is not None:
                yield start, end, entry.id

    def _member_list_end(self, doc: Doc, k: int, by_token: dict) -> Optional[int]:
        """The end of a list of two or more countries starting at ``k`` and closed by "and",
        else None: "Britain, France and Germany"."""
        members, joined = 0, False
        while k < len(doc):
            if doc[k].lower_ == "the":
                k += 1
            mention = by_token.get(k)
            entry = self.kb.get(mention.actor_id) if mention is not None and mention.token_start == k else None
            if entry is None or entry.type != "country":
                return None
            members, k = members + 1, mention.token_end
            if joined:
                return k if members >= 2 else None
            if k < len(doc) and doc[k].text == ",":
                k += 1
            if k < len(doc) and doc[k].lower_ in ("and", "&"):
                joined, k = True, k + 1
            elif doc[k - 1].text != ",":
                return None
        return None

    @staticmethod
    def _absorb(mentions: list[ActorMention], i: int, j: int) -> None:
        """Drop the mentions inside tokens i..j: a longer name found later covers them."""
        mentions[:] = [m for m in mentions if m.token_end <= i or m.token_start >= j]

    def _names_running_to_acronym(self, doc: Doc, mentions: list[ActorMention], new_entries: dict[str, Entry]):
        """(mention, end) of each new body's mention whose name runs on in capitalised words
        after "for", "of", "on" or "in" up to an acronym in brackets ("United Nations Mission |
        for the Referendum in Western Sahara | (MINURSO)"): ``end`` is the end of the name."""
        for mention in list(mentions):
            entry = new_entries.get(mention.actor_id)
            k = mention.token_end
            if entry is None or entry.type != "organisation" or k >= len(doc) or doc[k].lower_ not in NAME_TAIL_OPENERS:
                continue
            end = k + 1
            while end < len(doc) and end - k <= MAX_NAME_TAIL and (doc[end].lower_ in NAME_TAIL_WORDS or self._name_word(doc[end])):
                end += 1
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and self._name_word(doc[end - 1]) \
                    and doc[end + 1].text.isupper() and not any(t.text in "()" for t in doc[k:end]):
                yield mention, end

    def _bracketed_acronyms(self, doc: Doc, mentions: list[ActorMention]) -> dict[str, str]:
        """Acronyms in brackets right after an organisation's or group's mention, mapped to it."""
        ends = {m.token_end: m for m in mentions}
        found: dict[str, str] = {}
        for i in range(len(doc) - 2):
            mention = ends.get(i)
            if mention is None or doc[i].text != "(" or doc[i + 2].text != ")":
                continue
            acronym = doc[i + 1].text
            entry = self.kb.get(mention.actor_id)
            kind = entry.type if entry is not None else mention.actor_id.split(":")[1] if mention.actor_id.startswith("new:") else None
            if 2 <= len(acronym) <= 10 and acronym.replace("-", "").isupper() and kind in ("organisation", "group", "igo"):
                found[acronym] = mention.actor_id
        return found

    @staticmethod
    def _same_body_overlapping(mentions: list[ActorMention], i: int, j: int, ids) -> Optional[ActorMention]:
        """The mention already taken that another name of the same body overlaps and reaches
        past ("Palestinian Health Ministry" over "Health Ministry in Gaza" in "the Palestinian
        Health Ministry in Gaza": one mention of both spans), else None."""
        for mention in mentions:
            if mention.how == "alias" and mention.actor_id in ids and mention.token_start < j and i < mention.token_end \
                    and not (i >= mention.token_start and j <= mention.token_end):
                return mention
        return None

    @staticmethod
    def _ngram_matches(doc: Doc, keys: list[str], table: dict[str, set[str]], owner=None):
        """(start, end, ids) of token n-grams whose normalised text is in ``table``, longest first."""
        # The same table is scanned twice per Doc (full names, then exact names): once is enough.
        memo = doc.user_data.setdefault(_NGRAMS, {})
        memo_key = (id(table), len(table), tuple(keys), owner is not None)
        if memo_key in memo:
            return list(memo[memo_key])
        found = []
        n = len(doc)
        is_space, texts = _token_flags(doc)
        width = _ngram_width(table)
        for i in range(n):
            if not keys[i] or is_space[i]:
                continue
            parts: list[str] = []
            for j in range(i, min(n, i + width)):
                if is_space[j]:
                    break
                if keys[j]:
                    parts.append(keys[j])
                elif texts[j] not in "-'’.&" and not (texts[j] in ("'s", "’s") and owner and owner(" ".join(parts))):
                    # A place's possessive is kept, as normalise drops it: "Gaza's Health
                    # Ministry"; a person's is not ("Netanyahu's office" keeps Netanyahu).
                    break
                if not keys[j]:
                    continue
                ids = table.get(" ".join(parts))
                if ids:
                    found.append((i, j + 1, ids))
        found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        memo[memo_key] = tuple(found)
        return found

    def _full_names(self, doc: Doc, keys: list[str]) -> set[str]:
        """Ids of the people named in full (name or multi-word alias) anywhere in the doc."""
        named = set()
        for i, j, ids in self._ngram_matches(doc, keys, self.kb.by_alias, self._is_place_key):
            if j - i >= 2:
                named.update(a for a in ids if self.kb.get(a).type == "person")
        return named

    def _is_place_key(self, key: str) -> bool:
        """A normalised name of a country, capital or other known place ("gaza", "russia")."""
        known = self._place_keys.get(key)
        if known is None:
            known = self._place_keys[key] = key not in self.kb.by_alias and self._is_toponym(key.title())
        return known

    def _person_full_names(self, doc: Doc, keys: list[str]) -> PersonNames:
        """The model's PERSON entities of two or more words once titles are trimmed."""
        found = PersonNames()
        for ent in entities(doc):
            span = self._trim(ent) if ent.label_ == "PERSON" else None
            if span is None or len(span) < 2 or not keys[span.end - 1]:
                continue
            found.given.setdefault(keys[span.end - 1], []).append(doc[span.end - 2])
            for k in range(span.start, span.end):
                found.entity_of[k] = (ent.start, ent.end)
        return found

    def _given_name_fits(self, token: Token, entry: Entry) -> bool:
        """Whether the word before a surname can be this person's given name (or is no given
        name at all: a title, an initial, an institution, a demonym)."""
        text = token.text
        if not text[:1].isupper() or not text.replace("-", "").isalpha() or len(text.strip(".")) <= 1:
            return True
        key = _normalise_word(text)
        if key in self._title_sectors or self.kb.by_alias.get(key) or self.kb.country_of_demonym(text):
            return True
        words = {w for form in entry.names for w in normalise(form).split()}
        # Transliterations differ by a letter or two: "Sergei"/"Sergey", "Mohammad"/"Mohammed".
        return key in words or any(fuzz.ratio(key, w) >= 80 for w in words)

    def _other_given_name(self, doc: Doc, i: int, keys: list[str], entry: Optional[Entry]) -> bool:
        """The surname at token ``i`` follows a given name that is not ``entry``'s: "Keron" in
        "Keron Blair" for Bill Blair. Only words the model took into the same name count."""
        if entry is None or entry.type != "person" or i == 0:
            return False
        prev = doc[i - 1]
        same_name = (doc[i].ent_iob_ == "I" and prev.ent_type_ == "PERSON") or (
            prev.dep_ == "compound" and prev.head.i == i and prev.pos_ == "PROPN")
        return same_name and not self._given_name_fits(prev, entry)

    def _named_otherwise(self, person_names: PersonNames, surname: str, entry: Entry, named_in_full: bool) -> bool:
        """A surname alone whose full form in this doc has another given name than the KB person's."""
        if named_in_full:
            return False
        return any(not self._given_name_fits(token, entry) for token in person_names.given.get(surname, ()))

    @staticmethod
    def _in_unknown_full_name(person_names: PersonNames, i: int, taken: list[bool]) -> bool:
        """Token ``i`` is a word of a full name nothing resolved: a person the KB does not know."""
        span = person_names.entity_of.get(i)
        return span is not None and not any(taken[span[0] : span[1]])

    @staticmethod
    def _glued(doc: Doc, i: int) -> bool:
        """The token is half of a hyphenated given name ("Dong" in "Han Dong-hoon")."""
        return (i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "-"
                and not doc[i + 1].whitespace_ and doc[i + 2].text[:1].islower())

    def _dateline_places(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of the places of datelines ("CARACAS" and "DOHA, Qatar" before the
        agency and dash): where a story was filed, never an actor. A dateline-like opening
        that is a KB name of something other than a country ("NATO -") is left alone."""
        found = []
        text = text_of(doc)
        for match in DATELINE.finditer(text):
            place = match.group(0).lstrip()
            if place[:1].isdigit():
                continue  # a live-blog time
            place = re.split(r"[(–—]|\s-", place)[0].rstrip(" ,")
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            head = place.split(",")[0]
            if any(self.kb.get(a).type != "country" for a in self.kb.lookup(head)):
                continue
            span = doc.char_span(start, start + len(place), alignment_mode="expand")
            if span is not None:
                found.append((span.start, span.end))
        return found

    def _choose(self, ids: Iterable[str], published, full_names: set[str], surname: bool = False) -> Optional[str]:
        """One id among candidates: the only one, else one named in full, else one in office."""
        ids = sorted(ids)
        if len(ids) == 1:
            if surname:
                entry = self.kb.get(ids[0])
                # A surname alone names a person when they are named in full here or are in office.
                if ids[0] not in full_names and entry.role_on(published) is None and published is not None:
                    return ids[0] if len(self.kb.by_surname.get(normalise(entry.surname or entry.name.split()[-1]), ())) == 1 else None
            return ids[0]
        named = [a for a in ids if a in full_names]
        if len(named) == 1:
            return named[0]
        in_office = [a for a in ids if self.kb.get(a).role_on(published)]
        if len(in_office) == 1:
            return in_office[0]
        return None

    def _first_names(self, actor_ids: Iterable[str]) -> dict[str, str]:
        """First name -> id, for the people of ``actor_ids`` whose first name no other of them shares."""
        canonical: dict[str, set[str]] = {}
        variant: dict[str, set[str]] = {}
        for actor_id in actor_ids:
            entry = self.kb.get(actor_id)
            if entry is None or entry.type != "person":
                continue
            for form in entry.names:
                parts = normalise(form).split()
                if len(parts) >= 2:
                    table = canonical if form == entry.name else variant
                    table.setdefault(parts[0], set()).add(actor_id)
        # A canonical first name ("Vladimir Putin") beats a transliteration ("Vladimir Zelensky").
        found = {name: next(iter(ids)) for name, ids in variant.items() if len(ids) == 1}
        found.update({name: next(iter(ids)) for name, ids in canonical.items() if len(ids) == 1})
        return found

    def _cased_like_a_name(self, text: str) -> bool:
        """Names are capitalised, and short forms are written as the KB writes them: "us" and "Us" are not the US."""
        letters = [c for c in text if c.isalpha()]
        if not any(c.isupper() for c in letters):
            return False
        if len(letters) <= 3 and " " not in text:
            return text.isupper() or text in self._short_forms
        return True

    @staticmethod
    def _is_capital(entry: Entry, text: str) -> bool:
        key = normalise(text)
        return any(normalise(m) == key for m in entry.metonyms)

    @staticmethod
    def _is_locative(doc: Doc, i: int) -> bool:
        prev = doc[i - 1] if i > 0 else None
        if prev is not None and prev.lower_ in LOCATIVE_PREPOSITIONS:
            return True
        head = doc[i].head
        return doc[i].dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS

    def _closes_a_longer_name(self, doc: Doc, i: int, keys: list[str]) -> bool:
        """A country's name that ends a longer name the model tagged as one person or body
        ("Hami Nepal", "Enver Solomon"): the word before it is a capitalised proper noun inside
        the same entity that is no title, demonym or known name of its own, so the country is
        a word of that name ("Pakistan" in "Pakistan Army" is not: the army is a KB body)."""
        if i == 0 or doc[i].ent_iob_ != "I" or doc[i].ent_type_ not in NEW_ACTOR_LABELS:
            return False
        prev = doc[i - 1]
        if prev.pos_ != "PROPN" or not prev.is_title or prev.lower_ in ("the",):
            return False
        return not (keys[i - 1] in self._title_sectors or self.kb.country_of_demonym(prev.text)
                    or self.kb.by_alias.get(keys[i - 1]))

    def _owned_by_another_country(self, doc: Doc, i: int, entry: Entry) -> bool:
        """"Russia's defence ministry" is not the British Ministry of Defence: a national body
        named after another country's possessive or demonym is that country's."""
        if entry.type not in ("organisation", "group") or not entry.country:
            return False
        j = i - 1
        while j >= 0 and doc[j].lower_ in ("the",):
            j -= 1
        if j >= 1 and doc[j].tag_ == "POS":
            owner = self.kb.lookup(doc[j - 1].text)
            countries = {a for a in owner if self.kb.get(a).type == "country"}
            return bool(countries) and entry.country not in countries
        if j >= 0:
            country = self.kb.country_of_demonym(doc[j].text)
            return country is not None and country != entry.country
        return False

    @staticmethod
    def _is_part_of_larger_name(doc: Doc, i: int, j: int, entry: Entry) -> bool:
        """'Paris' in 'Paris Agreement' or 'Georgia' in 'Georgia Tech': a longer entity contains it."""
        if entry.type not in ("country",):
            return False
        for ent in entities(doc):
            end = ent.end - (ent[-1].tag_ == "POS")  # "Niger’s" tagged a work of art is Niger's
            if ent.start <= i and j <= end and (end - ent.start) > (j - i) and ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW"):
                return True
        return False

    def _ends_with_dot(self, actor_id: str, text: str) -> bool:
        entry = self.kb.get(actor_id)
        return bool(entry) and any(form.endswith(".") and form == text for form in entry.names)

    def _resolve_entity(self, ent: Span, keys, published, full_names, person_names: PersonNames) -> Optional[tuple[str, str]]:
        """A model entity not matched exactly: title + surname, surname alone, or a fuzzy name."""
        span = self._trim(ent)
        if span is None:
            return None
        words = [k for k in keys[span.start : span.end] if k]
        if not words:
            return None
        if ent.label_ in ("PERSON", "ORG", "NORP"):
            whole = self.kb.by_surname.get(" ".join(words))
            ids = whole or self.kb.by_surname.get(words[-1])
            if ids:
                actor_id = self._choose(ids, published, full_names, surname=True)
                entry = self.kb.get(actor_id) if actor_id else None
                if entry is not None and not whole and self._other_given_name(ent.doc, span.end - 1, keys, entry):
                    return None  # "Keron Blair" is someone else than Bill Blair: a new person
                if entry is not None and len(words) == 1 and self._named_otherwise(person_names, words[0], entry, actor_id in full_names):
                    return None  # "Ms Ali" after "Fatima Hassan Ali": that woman, not a KB Ali
                if actor_id:
                    return actor_id, "title" if span.start > ent.start else "surname"
        key = " ".join(words)
        if len(key) < 5:
            return None
        cutoff = FUZZY_CUTOFF if ent.label_ == "PERSON" else FUZZY_CUTOFF_ORG
        match = self._closest(key, self._fuzzy_names, cutoff)
        # A misspelling keeps the word count: "defence ministry" is not "uk defence ministry".
        if match and len(match[0].split()) == len(words):
            ids = self.kb.by_alias[match[0]]
            actor_id = self._choose(ids, published, full_names)
            kind = self.kb.get(actor_id).type if actor_id else None
            if kind == "country" and (ent.label_ == "PERSON" or _next_to_a_name_word(ent.doc, span.start, span.end)):
                return None  # "Solomon" in "Enver Solomon" is a surname, not the Solomon Islands
            if actor_id and (ent.label_ != "GPE" or kind == "country"):
                return actor_id, "fuzzy"
        if ent.label_ == "PERSON" and len(words) >= 2:
            # A misspelt surname with the right first name: "Volodymr Zelenskiy".
            match = self._closest(words[-1], self._fuzzy_surnames, FUZZY_CUTOFF)
            if match:
                ids = self.kb.by_surname[match[0]]
                for actor_id in ids:
                    first = normalise(self.kb.get(actor_id).name).split()[0]
                    if fuzz.ratio(first, words[0]) >= 80:
                        return actor_id, "fuzzy"
        return None

    def _closest(self, key: str, names, cutoff: float):
        """The closest KB name to ``key`` above ``cutoff``, remembered: a name recurs through an
        article and across a corpus, and scanning every KB name costs about a millisecond."""
        cache = self._closest_cache
        found = cache.get((key, id(names), cutoff), cache)
        if found is cache:
            if len(cache) > 50_000:
                cache.clear()
            found = cache[(key, id(names), cutoff)] = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=cutoff)
        return found

    def _trim(self, ent: Span) -> Optional[Span]:
        """The name inside an entity: leading titles, determiners and possessives dropped."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (
            doc[start].lower_ in ("the", "a", "an") or normalise(doc[start].text) in self._title_sectors
        ) and not (end - start == 1 and self._surname_after_title(doc[start:end])):
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ORG_INNER_WORDS):
            end -= 1  # "Amara Kallon of" tagged whole before "Sierra Leone": the name is "Amara Kallon"
        for k in range(start + 1, end):
            if doc[k].text == "(":
                end = k  # "Institute ... of Conflict (IPAC" tagged with half its bracket: the name stops before it
                break
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if start >= end:
            return None
        return doc[start:end]

    def _inside_compound_demonym(self, doc: Doc, i: int) -> bool:
        """The demonym is the second half of a wider name: "American" in "Latin American" or
        "Native American". A capitalised adjective or name before it mid-sentence, that is no
        demonym, country or title itself, makes another people than the country's."""
        if i == 0 or doc[i].is_sent_start:
            return False
        prev = doc[i - 1]
        if prev.is_sent_start or not prev.is_title or prev.pos_ not in ("ADJ", "PROPN") or prev.ent_type_ not in ("NORP", ""):
            return False
        key = _normalise_word(prev.text)
        return not (self.kb.country_of_demonym(prev.text) or self.kb.by_alias.get(key) or key in self._title_sectors)

    def _agent_after(self, doc: Doc, i: int) -> Optional[tuple[int, str]]:
        """'Russian forces' -> (end, 'MIL'): a demonym followed by a generic agent noun, or
        by a plural noun for a country's people ("Iraqi Kurds", "Azerbaijani citizens"). The
        group runs on to the plural noun its words modify: "Panamanian army officers",
        "Russian civilian advisers" are officers and advisers."""
        for j in range(i + 1, min(len(doc), i + 3)):
            sector = self._lookup(self._agent_sectors, doc[j]) or self._people_after(doc[j])
            if sector:
                head, sector = self._group_head(doc[j], sector)
                if head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN":
                    return None  # a title before a name: "Ukrainian President Volodymyr Zelenskiy"
                return head.i + 1, sector
            if doc[j].pos_ not in ("ADJ", "PROPN", "NOUN"):
                break
        return None

    @staticmethod
    def _lookup(table: dict[str, str], token: Token) -> Optional[str]:
        return table.get(normalise(token.lemma_)) or table.get(normalise(token.text))

    @staticmethod
    def _plural(token: Token) -> bool:
        return token.tag_ in ("NNS", "NNPS")

    def _people_after(self, token: Token) -> Optional[str]:
        """The sector of a plural noun for people that only a demonym before it makes a
        country's group: one of the people nouns ("citizens", "Christians"), or a plural
        ethnic name the model tags as a nationality ("Kurds", "Tamils"). Singular, it is
        one person ("an Iraqi man"), left to coreference."""
        if not self._plural(token):
            return None
        sector = self._lookup(self._people_nouns, token)
        if sector is None and token.pos_ == "PROPN" and token.ent_type_ == "NORP":
            sector = "CVL"
        return sector

    def _group_head(self, token: Token, sector: str) -> tuple[Token, str]:
        """The plural people noun a group's word modifies, with the group's sector: "army
        officers" (a body's members, the body's sector), "civilian advisers" (an adjective's
        noun, the noun's own). The word itself when it heads its phrase."""
        head = token.head
        if not (token.dep_ in ("compound", "amod") and token.i < head.i <= token.i + 2 and self._plural(head)
                and all(t.pos_ in ("ADJ", "NOUN", "PROPN") for t in token.doc[token.i + 1 : head.i])):
            return token, sector
        member = self._lookup(self._member_nouns, head)
        own = self._lookup(self._agent_sectors, head) or self._lookup(self._people_nouns, head)
        if member is not None and token.pos_ in ("NOUN", "PROPN"):
            return head, sector  # "army officers", "opposition leaders": the body's members
        if own is not None or member is not None:
            return head, own or member
        return token, sector

    @staticmethod
    def _proper_body_after(doc: Doc, i: int) -> Optional[tuple[int, str]]:
        """(end, sector) of a country's body of several words written as a proper name right
        after the demonym at ``i`` ("Philippine Coast Guard", "Ukrainian Border Guard
        Service"), which no one of its words names. In lower case ("the Chinese coast
        guard") it is left to coreference, which looks for the KB's body first."""
        for words, sector in sorted(_name_words()["bodies"].items(), key=lambda b: -len(b[0])):
            end = i + 1 + len(words)
            tokens = doc[i + 1 : end]
            if len(words) >= 2 and end <= len(doc) and all(t.text[:1].isupper() for t in tokens) \
                    and tuple(_normalise_word(t.text) for t in tokens) == words:
                return end, sector
        return None

    @staticmethod
    def _body_entry(span: Span, country: str, sector: str, new_entries: dict[str, Entry]) -> Entry:
        """The article's organisation for a country's body named as written, of that country."""
        slug = _SLUG.sub("-", unidecode(span.text).lower()).strip("-")
        actor_id = f"new:organisation:{slug}"
        if actor_id not in new_entries:
            new_entries[actor_id] = Entry(id=actor_id, name=span.text, type="organisation", country=country, sector=sector)
        return new_entries[actor_id]

    def _title_fragment(self, span: Span) -> bool:
        """The span is (part of) a title before a name: "National Security" in "National
        Security Minister Itamar Ben-Gvir", or "Far-right National Security Minister" tagged
        whole. Capitalised title words run from the span (or its last word) to a proper name."""
        doc, j = span.doc, span.end
        titled = normalise(doc[j - 1].text) in self._title_sectors
        while j < len(doc) and doc[j].text[:1].isupper() and normalise(doc[j].text) in self._title_sectors:
            titled, j = True, j + 1
        return titled and j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].ent_type_ in ("PERSON", "")

    def _new_entry(self, span: Span, kind: str, new_entries: dict[str, Entry], called_a_body: bool = False) -> Optional[Entry]:
        """An actor the KB does not know, typed from the model, with country and sector from context."""
        name = span.text.strip()
        if not any(c.isalpha() for c in name) or sum(c.isalnum() for c in name) < 2:
            return None  # a letter and one more letter or digit: "E3" and "G7" are names
        if kind == "organisation" and len(span) == 1 and not called_a_body and not self._looks_like_org_name(name):
            return None  # "The World is waiting": a capitalised common word, not an organisation
        if kind == "person":
            # Before the gazetteer: "Ms Ali" after "Fatima Hassan Ali" is her, not a town called Ali.
            linked = self._earlier_person(name, new_entries)
            if linked is not None:
                return self._completed(linked, span, kind)
        surname = kind == "person" and self._surname_after_title(span)
        if self._is_bare_title(name) and not surname:
            return None  # "The Secretary-General reiterates": a post, for coreference to fill
        if self._is_toponym(name) and not surname:
            return None  # "Nakhchivan", "Nagorno-Karabakh" tagged as a person or organisation: a place
        if kind == "organisation" and self._title_fragment(span):
            return None  # "National Security Minister Itamar Ben-Gvir": a portfolio, not an actor
        slug = _SLUG.sub("-", unidecode(name).lower()).strip("-")
        actor_id = f"new:{kind}:{slug}"
        # One name is one actor through an article, whatever kind a later mention suggests
        # ("whose group Hami Nepal ...", then "according to Hami Nepal").
        actor_id = next((f"new:{k}:{slug}" for k in NEW_KINDS if f"new:{k}:{slug}" in new_entries), actor_id)
        if actor_id in new_entries:
            return self._completed(new_entries[actor_id], span, kind)
        country, sector, role = self._context_of(span, kind)
        entry = Entry(id=actor_id, name=name, type=kind, country=country, sector=sector)
        if role:
            entry.aliases = [role]  # kept as the role text for unknown people
        new_entries[actor_id] = entry
        return entry

    def _surname_after_title(self, span: Span) -> bool:
        """One capitalised word the model tagged a person, right after a capitalised title
        ("President Bush", "Prime Minister Major"): a surname, though a town is called Bush
        and "Major" is a rank. A title is written before people, never before places."""
        if len(span) != 1 or span.start == 0 or span[0].ent_type_ != "PERSON" or not span[0].is_title:
            return False
        title = span.doc[span.start - 1]
        return title.is_title and normalise(title.text) in self._title_sectors

    def _with_given_name(self, span: Span, taken: list[bool]) -> Span:
        """A surname the model tagged alone, with the given name it left out before it
        ("Enver" in "Enver Solomon"): a capitalised proper noun no entity, actor or title
        covers, and no demonym or known name either."""
        doc, i = span.doc, span.start
        if len(span) != 1 or i == 0:
            return span
        prev = doc[i - 1]
        if not self._bare_name_word(prev, taken) or self.kb.country_of_demonym(prev.text) \
                or self.kb.by_alias.get(_normalise_word(prev.text)):
            return span
        return doc[i - 1 : span.end]

    def _completed(self, entry: Entry, span: Span, kind: str) -> Entry:
        """A new actor met again: a title given only on a later mention ("Wibisono,
        Indonesia's trade minister, said") still tells its country and sector. Not for a
        common noun's body: "the coast guard" and "China's coast guard" may be two states'."""
        proper = kind == "person" or _capitalised(entry.name)
        if proper and (entry.country is None or entry.sector is None):
            country, sector, _ = self._context_of(span, kind)
            entry.country, entry.sector = entry.country or country, entry.sector or sector
        return entry

    def _is_bare_title(self, name: str) -> bool:
        """The name is made of title words or titles ("Secretary-General", "Director General",
        "High Representative"): each word starts a title that runs to the end or to another."""
        words = normalise(name).split()
        if not words:
            return False
        # reachable[k]: words[:k] is a run of whole titles (a title has at most three words)
        reachable = [True] + [False] * len(words)
        for k in range(len(words)):
            if reachable[k]:
                for n in (1, 2, 3):
                    if k + n <= len(words) and " ".join(words[k : k + n]) in self._title_sectors:
                        reachable[k + n] = True
        return reachable[-1]

    @staticmethod
    def _earlier_person(name: str, new_entries: dict[str, Entry]) -> Optional[Entry]:
        """A person named in full earlier in this doc that a one-word name stands for: their
        surname ("Dubois"), else their given name when only one of them has it ("Amina")."""
        if " " in name:
            return None
        people = [e for e in new_entries.values() if e.type == "person" and " " in e.name]
        for entry in people:
            if entry.name.split()[-1] == name:
                return entry
        given = [e for e in people if e.name.split()[0] == name]
        return given[0] if len(given) == 1 else None

    @staticmethod
    def _is_toponym(name: str) -> bool:
        """A place the gazetteer knows by exactly this main name (a name, not a word of one)."""
        from ..geo import get_gazetteer

        return any(c.exact and c.entry.kind in ("country", "region", "city") for c in get_gazetteer().lookup(name))

    @staticmethod
    def _looks_like_org_name(word: str) -> bool:
        """A one-word organisation name is an acronym or has an inner capital or digit (NATO, OpenAI, G7)."""
        return word.isupper() or any(c.isupper() or c.isdigit() for c in word[1:])

    def _country_named(self, text: str) -> Optional[str]:
        """The one country a name stands for ("Eritrea", "Kyiv"), else None."""
        countries = [a for a in self.kb.lookup(text) if self.kb.get(a).type == "country"]
        return countries[0] if len(countries) == 1 else None

    def _possessive_country(self, doc: Doc, k: int) -> Optional[str]:
        """The country whose possessive ends at token ``k`` ("Pakistan's", "South Korea's",
        "Niger’s"), else None: the owner of the title that follows it."""
        if k < 1 or doc[k].tag_ != "POS":
            return None
        for start in range(max(0, k - 3), k):
            country = self._country_named(doc[start:k].text)
            if country:
                return country
        return None

    def _context_of(self, span: Span, kind: str = "organisation") -> tuple[Optional[str], Optional[str], Optional[str]]:
        """Country, sector and role text from the words around an unknown name.

        Looks left within the noun phrase ("Ukrainian lawmaker Ivan Petrenko") and inside
        the name ("Russian Foreign Ministry"), and in an apposition ("Petrenko, a Ukrainian MP,").
        """
        doc = span.doc
        country = sector = None
        left = []
        k = span.start - 1
        while k >= 0 and doc[k].pos_ in ("PROPN", "NOUN", "ADJ") and doc[k].ent_type_ not in ("PERSON",) \
                and span.start - k <= MAX_TITLE_TOKENS:
            left.insert(0, doc[k])
            k -= 1
        # "China's Taiwan Affairs Office": the possessive owner first, as it outranks a
        # country named inside the name (the office is China's, about Taiwan); likewise the
        # owner of a title before a person ("Eritrea's information minister Yemane Gebremeskel").
        owner = self._possessive_country(doc, k)
        words = [c for c in span.root.children if c.dep_ == "poss" and c.i < span.start]
        # A person's name is no evidence of their country: "Sudan Gurung" is not Sudanese.
        words += left + ([] if kind == "person" else list(span))
        for appos in (c for c in span.root.children if c.dep_ == "appos"):
            words += list(appos.subtree)
        country = owner
        for token in words:
            country = country or self.kb.country_of_demonym(token.text)
            if not country:
                country = self._country_named(token.text)
            key = normalise(token.lemma_)
            sector = sector or self._title_sectors.get(key) or self._agent_sectors.get(key)
        role = " ".join(t.text for t in left) if left and any(normalise(t.text) in self._title_sectors for t in left) else None
        return country, sector, role

    # -- records ---------------------------------------------------------------
    def _actors(self, mentions: list[ActorMention], new_entries: dict[str, Entry], published) -> dict[str, Actor]:
        actors: dict[str, Actor] = {}
        for mention in mentions:
            actor = actors.get(mention.actor_id)
            if actor is None:
                entry = self.kb.get(mention.actor_id) or new_entries.get(mention.actor_id)
                actor = actors[mention.actor_id] = self._actor_record(entry, published)
            actor.mentions.append((mention.start, mention.end))
            actor.mention_details.append(MentionDetail(span=(mention.start, mention.end), text=mention.text, how=mention.how))
        return actors

    @staticmethod
    def _actor_record(entry: Entry, published) -> Actor:
        role = entry.role_on(published) if entry.roles else None
        if role is not None:
            country, sector, title = role.country or entry.country, role.sector or entry.sector, role.title
        else:
            country, sector, title = entry.country, entry.sector, None
            if entry.type == "person" and entry.roles:
                sector = "ELI"  # a former office holder: an elite, as POLECAT codes them
            if entry.id.startswith("new:") and entry.aliases:
                title = entry.aliases[0]
        if entry.type == "country":
            country = entry.id
        return Actor(
            id=entry.id, name=entry.name, type=entry.type, country=country, sector=sector,
            wikidata=entry.wikidata, role=title,
        )
