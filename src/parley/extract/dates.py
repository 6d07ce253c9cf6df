"""Temporal expressions: find them in a parsed Doc, then resolve them against the publication date.

What is extracted
    Calendar references a reader could put on a timeline: absolute dates ("December 8, 2024",
    "8 December 2024", "2024-12-08", "Dec. 8"), months ("March 2023", "in June of this year",
    "last June"), years ("in 2022", "mid-2023"), decades ("the 1990s"), weekdays ("on Sunday",
    "last Friday"), deictic words ("yesterday", "last night"), units relative to publication
    ("last week", "earlier this month", "next year"), counted distances ("two days ago"),
    weekends, seasons ("last summer") and fixed-date holidays ("Christmas Eve").

What is not extracted
    Durations ("four years", "about an hour"), vague periods with no calendar anchor ("the early
    days", "the first weeks", "recent years"), times of day ("at 3 pm"), ages, "24/7", and
    ambiguous numeric dates ("3/4/2024": day-month or month-day?). Dates relative to another
    date in the story ("the next day", "two weeks later") are left out rather than resolved
    against the wrong anchor.

How
    1. Detection: token patterns written in ``kb/data/lexicon/time.yaml`` run through a spaCy
       :class:`~spacy.matcher.Matcher`; the model's own DATE entities are extra candidates.
    2. Resolution: each candidate's tokens are read into :class:`_Fields` (month, day, weekday,
       last/next, ...), which :func:`_resolve` turns into an ISO value. Relative expressions
       are biased to the past, as news reports mostly look back: "on Saturday" is the most
       recent Saturday up to the publication date, unless the verb is future ("will meet on
       Saturday"), the expression says "next", or a present-tense verb makes the nearest
       such day the likelier one ("takes office on Jan. 20"). DATE entities our patterns did not cover are
       parsed by dateparser, but only a string we have already found: dateparser's own search
       over free text is prone to false positives.
    Overlapping candidates keep the longest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from parley.kb import LEXICON_DIR
from parley.model import DateRef

LEXICON_FILE = LEXICON_DIR / "time.yaml"

# A token inside one of these entities is a name or an amount, not a date ("Sunday Times",
# "June Smith", "Russia Today").
_NON_DATE_ENTITIES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "LAW", "MONEY", "QUANTITY", "PERCENT"}
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NUM_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_EDGE_YEAR = re.compile(r"^(?:early|mid|late)-(\d{4})(s?)$")
_DIGITS = re.compile(r"^(\d+)")


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Lexicon:
    """The contents of ``time.yaml``, with each token class compiled to one regex."""

    words: dict
    classes: dict[str, re.Pattern]
    patterns: list[list[dict]]

    def is_(self, token_lower: str, cls: str) -> bool:
        return bool(self.classes[cls].match(token_lower))


def _class_regex(spec: dict, data: dict) -> str:
    parts = []
    if "words" in spec:
        parts += [re.escape(str(word)) for word in data[spec["words"]]]
    if "regex" in spec:
        parts.append(spec["regex"])
    return "^(?:" + "|".join(parts) + ")$"


def _compile_pattern(text: str, regexes: dict[str, str], data: dict) -> list[dict]:
    """Turn "WEEKDAY? , MONTH DAY" into a Matcher pattern (see the comment in time.yaml)."""
    pattern = []
    for element in text.split():
        optional = element.endswith("?") and len(element) > 1
        name = element[:-1] if optional else element
        spec_data = data["classes"].get(name, {})
        if "regex" not in spec_data and "words" in spec_data:
            # A set lookup is much cheaper for the Matcher than a regex on every token.
            spec: dict = {"LOWER": {"IN": [str(word) for word in data[spec_data["words"]]]}}
        elif name in regexes:
            spec = {"LOWER": {"REGEX": regexes[name]}}
        elif name in ("'s", "'"):  # straight or curly apostrophe
            spec = {"LOWER": {"REGEX": "^[\u2019']" + name[1:] + "$"}}
        else:
            spec = {"LOWER": name}
        if optional:
            spec["OP"] = "?"
        pattern.append(spec)
    return pattern


@lru_cache(maxsize=1)
def load_lexicon() -> _Lexicon:
    """Read and compile ``time.yaml`` (once per process)."""
    data = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    regexes = {name: _class_regex(spec, data) for name, spec in data["classes"].items()}
    patterns = [_compile_pattern(text, regexes, data) for text in data["patterns"]]
    # Holidays: each phrase, optionally after last/next/this and before a year.
    for phrase in data["holidays"]:
        words = " ".join(re.findall(r"'s|[^\s']+", phrase))
        patterns.append(_compile_pattern(f"REL? {words} ,? YEAR?", regexes, data))
    return _Lexicon(words=data, classes={n: re.compile(r) for n, r in regexes.items()}, patterns=patterns)


_MATCHERS: dict[int, tuple[object, Matcher]] = {}


def _matcher(doc: Doc) -> Matcher:
    """One Matcher per vocabulary (the vocab is kept alive alongside so its id stays unique)."""
    entry = _MATCHERS.get(id(doc.vocab))
    if entry is None or entry[0] is not doc.vocab:
        matcher = Matcher(doc.vocab)
        matcher.add("PARLEY_DATE", load_lexicon().patterns)
        entry = _MATCHERS[id(doc.vocab)] = (doc.vocab, matcher)
    return entry[1]


# --------------------------------------------------------------------------- reading a candidate


@dataclass
class _Fields:
    """What the tokens of one candidate say, before any arithmetic."""

    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None
    rel: Optional[int] = None  # last/this/next before a weekday, month, season, part of day
    year_rel: Optional[int] = None  # "of this year", "last year" after a month or a day
    unit_rel: Optional[tuple[str, int]] = None  # "last week"
    ago: Optional[tuple[int, str]] = None  # "two days ago"
    deictic: Optional[int] = None  # "yesterday"
    part: Optional[str] = None  # "morning"
    season: Optional[int] = None  # start month
    decade: Optional[int] = None
    short_decade: bool = False  # "the 90s": century unknown
    holiday: Optional[tuple[int, int]] = None
    weekend: bool = False
    edge: bool = False
    month_abbreviated: bool = False
    numeric: Optional[dt.date] = None
    core: list = field(default_factory=list)  # the tokens that carry the date (for the cue checks)


def _int_prefix(text: str) -> int:
    return int(_DIGITS.match(text).group(1))


def _read(span: Span, lex: _Lexicon) -> Optional[_Fields]:
    """Read a matched span into fields; None when the tokens make no date (e.g. 31 February)."""
    words = lex.words
    text = span.text
    fields = _Fields()
    iso = _ISO_DATE.match(text)
    if iso:
        try:
            fields.numeric = dt.date(*map(int, iso.groups()))
        except ValueError:
            return None
        return fields
    num = _NUM_DATE.match(text)
    if num:
        first, second, year = map(int, num.groups())
        # Only when the order is forced: one part above 12, or both equal.
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first or first == second:
            month, day = first, second
        else:
            return None
        try:
            fields.numeric = dt.date(year, month, day)
        except ValueError:
            return None
        return fields

    tokens = list(span)
    holiday_words = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        low = tok.lower_
        nxt = tokens[i + 1].lower_ if i + 1 < len(tokens) else None
        if lex.is_(low, "REL") and nxt is not None and lex.is_(nxt, "UNIT"):
            unit, offset = words["units"][nxt], words["relative"][low]
            if unit == "year" and (fields.month or fields.day or fields.season):
                fields.year_rel = offset
            else:
                fields.unit_rel = (unit, offset)
                fields.core.append(tokens[i + 1])
            i += 2
            continue
        if (
            lex.is_(low, "NUM")
            and nxt is not None
            and lex.is_(nxt, "UNIT")
            and i + 2 < len(tokens)
            and lex.is_(tokens[i + 2].lower_, "AGO")
        ):
            number = words["numbers"].get(low) or int(low.replace(",", ""))
            fields.ago = (number, words["units"][nxt])
            i += 3
            continue
        if lex.is_(low, "REL"):
            fields.rel = words["relative"][low]
        elif lex.is_(low, "EDGE"):
            fields.edge = True
        elif lex.is_(low, "MONTH"):
            fields.month = words["months"][low]
            fields.month_abbreviated = low.endswith(".") or (len(low) <= 4 and low not in ("may", "june", "july"))
            fields.core.append(tok)
        elif lex.is_(low, "WEEKDAY"):
            fields.weekday = words["weekdays"][low]
            fields.core.append(tok)
        elif lex.is_(low, "YEAR"):
            fields.year = int(low)
            fields.core.append(tok)
        elif lex.is_(low, "DAY"):
            fields.day = words["ordinals"].get(low) or _int_prefix(low)
        elif lex.is_(low, "EDGEYEAR"):
            year, plural = _EDGE_YEAR.match(low).groups()
            fields.edge = True
            if plural:
                fields.decade = int(year)
            else:
                fields.year = int(year)
        elif lex.is_(low, "DECADE"):
            value = _int_prefix(low)
            fields.decade = value
            fields.short_decade = value < 100
            fields.core.append(tok)
        elif lex.is_(low, "DEICTIC"):
            fields.deictic = words["deictic"][low]
            fields.core.append(tok)
        elif lex.is_(low, "PART"):
            fields.part = low
        elif lex.is_(low, "SEASON"):
            fields.season = words["seasons"][low]
            fields.core.append(tok)
        elif low == "weekend":
            fields.weekend = True
        elif low not in ("the", "of", ",", "-", "'"):
            holiday_words.append(low.replace("\u2019", "'"))
            fields.core.append(tok)
        i += 1
    if holiday_words:
        key = " ".join(holiday_words).replace(" 's", "'s")
        mm_dd = words["holidays"].get(key)
        if mm_dd is None:
            return None
        fields.holiday = tuple(int(part) for part in mm_dd.split("-"))
    if fields.day is not None and fields.month is not None:
        # 29 February exists in 2024; anything that exists in no year is rejected here.
        try:
            dt.date(2024, fields.month, fields.day)
        except ValueError:
            return None
    return fields


def _plausible(span: Span, fields: _Fields, lex: _Lexicon) -> bool:
    """Reject matches that are names, verbs or counts rather than dates."""
    doc = span.doc
    if any(tok.ent_type_ in _NON_DATE_ENTITIES for tok in span):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    # "the last year" / "the next week" is a stretch of time, "the next day" another anchor.
    if before is not None and before.lower_ == "the" and span[0].lower_ in ("last", "next", "coming", "past"):
        return False
    for tok in fields.core:
        if lex.is_(tok.lower_, "DEICTIC") and tok.text[:1].isupper() and not tok.is_sent_start:
            return False  # "Russia Today", "USA Today": a name
        if (lex.is_(tok.lower_, "MONTH") or lex.is_(tok.lower_, "WEEKDAY")) and not tok.text[:1].isupper():
            return False  # "march" the verb or noun; weekdays and months are capitalised in English
    bare = fields.day is None and fields.year_rel is None and fields.rel is None and not fields.edge
    lone_month = bare and fields.year is None and fields.month is not None
    if lone_month and (fields.month_abbreviated or span[0].tag_ == "MD"):
        return False  # "Jan" the name, "may" the verb
    lone_season = bare and fields.year is None and fields.season is not None
    lone_year = bare and fields.year is not None and fields.month is None and fields.season is None
    if lone_month or lone_season or lone_year:
        cue = before
        if cue is not None and cue.lower_ == "the" and cue.i > 0:
            cue = doc[cue.i - 1]  # "in the autumn"
        cued = cue is not None and cue.lower_ in lex.words["bare_cues"]
        if not cued and not all(tok.ent_type_ == "DATE" for tok in fields.core):
            return False
        if fields.year is not None and span.end < len(doc) and doc[span.end].text == "%":
            return False
    if fields.short_decade and span[0].lower_ != "the":
        return False  # "in his 40s" is an age
    return True


# --------------------------------------------------------------------------- tense


PAST, FUTURE, NEAREST = "past", "future", "nearest"


def _direction(span: Span, fields: _Fields, lex: _Lexicon) -> str:
    """Which way to look from the publication date for an expression without a year.

    FUTURE when the governing verb points forward ("will meet on Friday", "could start in
    February", "is due to arrive", "is meeting on Friday") or a day is what something is set
    *for* ("the vote set for Friday"); NEAREST for the present simple, which news uses both
    for schedules ("takes office on Jan. 20") and in headlines for what just happened ("meets
    Zelenskiy on Saturday"); PAST otherwise, since reports mostly look back."""
    doc = span.doc
    day_level = fields.day is not None or fields.weekday is not None or fields.holiday is not None
    if day_level and span.start > 0 and doc[span.start - 1].lower_ in lex.words["future_prepositions"]:
        return FUTURE  # not for months: "figures for November" look back
    governors = set(lex.words["future_governors"])
    verb = span.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
        if verb.lemma_.lower() in governors and verb.pos_ == "ADJ":
            return FUTURE  # "elections are due in the spring"
    if verb.pos_ not in ("VERB", "AUX"):
        return PAST
    aux_words = set(lex.words["future_auxiliaries"])
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in aux_words for c in auxiliaries):
        # "would have met on Friday" looks back; "would meet", "could start" look forward.
        return PAST if any(c.lemma_ == "have" for c in auxiliaries) else FUTURE
    if any(c.dep_ == "acomp" and c.lemma_.lower() in governors for c in verb.children):
        return FUTURE
    # "is meeting on Friday": present progressive for an arrangement.
    if verb.tag_ == "VBG" and any(c.tag_ in ("VBZ", "VBP") for c in auxiliaries):
        return FUTURE
    # "is due to meet", "plans to visit", "is going to sign".
    if verb.dep_ == "xcomp":
        governor = verb.head
        governor_aux = [c for c in governor.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in aux_words for c in governor_aux):
            return FUTURE
        if governor.lemma_.lower() in governors and governor.tag_ != "VBD":
            if not any(c.tag_ == "VBD" for c in governor_aux):
                return FUTURE
        if governor.lemma_.lower() in lex.words.get("commissive_governors", ()):
            return NEAREST  # "had agreed to meet again in May": after the agreement, maybe after today
    if verb.tag_ in ("VBZ", "VBP") and not any(c.tag_ in ("VBD", "MD") for c in auxiliaries):
        return NEAREST
    return PAST


# --------------------------------------------------------------------------- resolution


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def _prefer_back(back: int, ahead: int) -> bool:
    """For the present simple: the past reading only when it is much the closer one.

    Present-tense schedules ("leaders gather on Thursday") outnumber headline present
    ("meets Zelenskiy on Saturday") in article bodies, so the future wins unless the past
    candidate is less than half as far away."""
    return back * 2 < ahead


def _month_year(month: int, pub: dt.date, rel: Optional[int], direction: str) -> int:
    """The year of a month named without one: the most recent up to publication, by default."""
    if direction == NEAREST and rel is None:
        back, ahead = _month_year(month, pub, None, PAST), _month_year(month, pub, None, FUTURE)
        here = pub.year * 12 + pub.month
        return back if _prefer_back(here - (back * 12 + month), (ahead * 12 + month) - here) else ahead
    future = direction == FUTURE
    if rel == -1:
        return pub.year if month < pub.month else pub.year - 1
    if rel == 1:
        return pub.year if month > pub.month else pub.year + 1
    if rel == 0:
        return pub.year
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def _day_without_year(month: int, day: int, pub: dt.date, direction: str) -> dt.date:
    """The nearest such calendar day on or before publication (on or after, if future).

    Stepping a year at a time also finds the right leap year for 29 February."""
    if direction == NEAREST:
        back, ahead = _day_without_year(month, day, pub, PAST), _day_without_year(month, day, pub, FUTURE)
        return back if _prefer_back((pub - back).days, (ahead - pub).days) else ahead
    future = direction == FUTURE
    step = 1 if future else -1
    year = pub.year
    for _ in range(9):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            year += step
            continue
        if (candidate >= pub) if future else (candidate <= pub):
            return candidate
        year += step
    raise ValueError("no such day")


def _weekday(weekday: int, pub: dt.date, rel: Optional[int], direction: str) -> dt.date:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    future = direction == FUTURE or (direction == NEAREST and not _prefer_back(back, ahead))
    if rel == -1:  # the most recent one before publication
        return pub - dt.timedelta(days=back or 7)
    if rel == 1:  # "next Friday": the Friday of the week after publication's
        return pub + dt.timedelta(days=7 - pub.weekday() + weekday)
    if rel == 0:  # "this Friday": the Friday of the publication week
        return pub + dt.timedelta(days=weekday - pub.weekday())
    return pub + dt.timedelta(days=ahead) if future else pub - dt.timedelta(days=back)


def _season_year(start: int, pub: dt.date, rel: Optional[int], direction: str) -> int:
    """The year a season instance starts in (a winter belongs to its December)."""
    future = direction == FUTURE
    latest = pub.year if pub.month >= start else pub.year - 1  # the latest one begun by publication
    inside = (pub.month - start) % 12 < 3
    if rel == -1:
        return latest - 1 if inside else latest
    if rel == 1 or (future and not inside):
        return latest + 1
    return latest


def _resolve(fields: _Fields, pub: Optional[dt.date], direction: str) -> Optional[tuple[Optional[str], str, str]]:
    """(value, anchor, granularity) for read fields; None when they make no date."""
    f = fields
    if f.numeric is not None:
        return f.numeric.isoformat(), "explicit", "day"
    if f.holiday is not None:
        f.month, f.day = f.holiday
    # Explicit: the text alone fixes the value.
    if f.year is not None:
        if f.month is not None and f.day is not None:
            try:
                return dt.date(f.year, f.month, f.day).isoformat(), "explicit", "day"
            except ValueError:
                return None
        if f.month is not None:
            return _month(f.year, f.month), "explicit", "month"
        return f"{f.year:04d}", "explicit", "year"
    if f.decade is not None and not f.short_decade:
        return f"{f.decade // 10 * 10}s", "explicit", "decade"

    granularity = _granularity(f)
    if granularity is None:
        return None
    if pub is None:
        return None, "unknown", granularity
    value = _relative_value(f, pub, direction)
    return (value, "published", granularity) if value is not None else None


def _granularity(f: _Fields) -> Optional[str]:
    if f.day is not None or f.weekday is not None or f.deictic is not None:
        return "day"
    if f.month is not None:
        return "month"
    if f.part is not None and f.rel is not None:
        return "day"  # "last night", "this morning"
    if f.unit_rel is not None:
        return f.unit_rel[0] if f.unit_rel[0] != "day" else None
    if f.ago is not None:
        return f.ago[1]
    if f.weekend:
        return "week"
    if f.season is not None:
        return "year"
    if f.decade is not None:
        return "decade"
    return None


def _relative_value(f: _Fields, pub: dt.date, direction: str) -> Optional[str]:
    """The value of an expression that needs the publication date."""
    if f.month is not None and f.day is not None:
        if f.year_rel is not None:
            try:
                return dt.date(pub.year + f.year_rel, f.month, f.day).isoformat()
            except ValueError:
                return None
        return _day_without_year(f.month, f.day, pub, direction).isoformat()
    if f.month is not None:
        if f.year_rel is not None:
            return _month(pub.year + f.year_rel, f.month)
        return _month(_month_year(f.month, pub, f.rel, direction), f.month)
    if f.weekday is not None:
        return _weekday(f.weekday, pub, f.rel, direction).isoformat()
    if f.deictic is not None:
        return (pub + dt.timedelta(days=f.deictic)).isoformat()
    if f.part is not None and f.rel is not None:
        # "last night" is the night before publication; "this morning" is publication day.
        offset = -1 if f.rel == -1 else (1 if f.rel == 1 else 0)
        return (pub + dt.timedelta(days=offset)).isoformat()
    if f.unit_rel is not None:
        unit, offset = f.unit_rel
        return _shift(pub, unit, offset)
    if f.ago is not None:
        number, unit = f.ago
        return _shift(pub, unit, -number)
    if f.weekend:
        return _iso_week(_weekend_week(pub, f.rel, direction))
    if f.season is not None:
        return f"{_season_year(f.season, pub, f.rel, direction):04d}"
    if f.decade is not None:  # "the 90s": the latest such decade begun by publication
        start = pub.year // 100 * 100 + f.decade
        return f"{start - 100 if start > pub.year else start}s"
    return None


def _shift(pub: dt.date, unit: str, count: int) -> str:
    """Move ``count`` units from publication and format at that unit's granularity."""
    if unit == "day":
        return (pub + dt.timedelta(days=count)).isoformat()
    if unit == "week":
        return _iso_week(pub + dt.timedelta(weeks=count))
    if unit == "month":
        return _month(*_add_months(pub, count))
    if unit == "year":
        return f"{pub.year + count:04d}"
    return f"{(pub.year + 10 * count) // 10 * 10}s"  # decade


def _weekend_week(pub: dt.date, rel: Optional[int], direction: str) -> dt.date:
    """A day in the ISO week whose Saturday and Sunday are meant."""
    future = direction != PAST
    on_weekend = pub.weekday() >= 5
    if rel == -1:
        return pub - dt.timedelta(weeks=1)
    if rel == 1:
        return pub + dt.timedelta(weeks=1) if on_weekend else pub
    if rel == 0 or on_weekend or future:
        return pub
    return pub - dt.timedelta(weeks=1)  # "at the weekend", read on a weekday, looks back


# --------------------------------------------------------------------------- entity fallback


def _from_entity(ent: Span, pub: Optional[dt.date], lex: _Lexicon) -> Optional[DateRef]:
    """Parse a DATE entity our patterns missed, if it names a month or a year.

    Without a month or a year ("the early days", "four years", "the first weeks") an entity
    is a duration or a vague period, and is dropped."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
    if not tokens:
        return None
    has_year = any(lex.is_(t.lower_, "YEAR") for t in tokens)
    has_month = any(lex.is_(t.lower_, "MONTH") and t.text[:1].isupper() for t in tokens)
    if not (has_year or has_month):
        return None
    span = ent.doc[tokens[0].i : tokens[-1].i + 1]
    if pub is None and not has_year:
        return None
    import dateparser  # slow to import; only needed here

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(pub, dt.time())
    data = dateparser.DateDataParser(languages=["en"], settings=settings).get_date_data(span.text)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        value, granularity = f"{day.year:04d}", "year"
    elif period == "month":
        value, granularity = _month(day.year, day.month), "month"
    elif period == "week":
        value, granularity = _iso_week(day), "week"
    else:
        value, granularity = day.isoformat(), "day"
    anchor = "explicit" if has_year else "published"
    return DateRef(span=(span.start_char, span.end_char), text=span.text, value=value, anchor=anchor, granularity=granularity)


# --------------------------------------------------------------------------- public API


def extract_dates(doc: Doc, published: Optional[dt.date]) -> list[DateRef]:
    """Find the temporal expressions of ``doc`` and resolve them against ``published``.

    doc (Doc): a parsed document (tagger, parser and NER are used when present).
    published (date | None): the publication date; without it, relative expressions get
        ``value=None`` and ``anchor="unknown"``, while absolute ones ("in 2022") still resolve.
    RETURNS (list[DateRef]): one record per expression, in text order, never overlapping.
        Spans leave out the preposition ("on Sunday" -> "Sunday") and the possessive
        ("last month's" -> "last month").
    """
    lex = load_lexicon()
    if isinstance(published, dt.datetime):
        published = published.date()
    found: dict[tuple[int, int], DateRef] = {}
    spans = []
    for _, start, end in _matcher(doc)(doc):
        span = doc[start:end]
        if span[-1].text in (",", "-"):
            continue
        fields = _read(span, lex)
        if fields is None or not _plausible(span, fields, lex):
            continue
        try:
            resolved = _resolve(fields, published, _direction(span, fields, lex))
        except ValueError:
            resolved = None
        if resolved is None:
            continue
        value, anchor, granularity = resolved
        found[(start, end)] = DateRef(
            span=(span.start_char, span.end_char), text=span.text, value=value, anchor=anchor, granularity=granularity
        )
        spans.append(span)
    kept = filter_spans(spans)
    covered = {i for span in kept for i in range(span.start, span.end)}
    records = [found[(span.start, span.end)] for span in kept]
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(i in covered for i in range(ent.start, ent.end)):
            continue
        record = _from_entity(ent, published, lex)
        if record is not None:
            records.append(record)
    return sorted(records, key=lambda record: record.span)
