"""Tests for parley.extract.dates: detection, resolution against the publication date, negatives."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.dates import extract_dates

SUN = dt.date(2024, 12, 8)  # a Sunday
WED = dt.date(2024, 12, 11)  # a Wednesday
JAN = dt.date(2025, 1, 10)  # a Friday, just over a year boundary
JAN5 = dt.date(2025, 1, 5)  # a Sunday
LEAP = dt.date(2024, 3, 1)  # the day after 29 February 2024
NONLEAP = dt.date(2025, 3, 1)
MIDYEAR = dt.date(2023, 7, 15)  # a Saturday, in summer

# (sentence, publication date, expected [(text, value, anchor, granularity), ...] in text order)
CASES = [
    # the worked example's forms
    ("Trump called on Sunday for a ceasefire.", SUN, [("Sunday", "2024-12-08", "published", "day")]),
    ("They met on Saturday in Paris.", SUN, [("Saturday", "2024-12-07", "published", "day")]),
    ("Trump won last month's US election.", SUN, [("last month", "2024-11", "published", "month")]),
    ("Putin set out the terms in June of this year.", SUN, [("June of this year", "2024-06", "published", "month")]),
    ("Talks were held in Istanbul in 2022.", SUN, [("2022", "2022", "explicit", "year")]),
    # weekdays
    ("The minister resigned on Monday.", WED, [("Monday", "2024-12-09", "published", "day")]),
    ("The minister resigned on Thursday.", WED, [("Thursday", "2024-12-05", "published", "day")]),
    ("The leaders will meet on Friday.", WED, [("Friday", "2024-12-13", "published", "day")]),
    ("He said he would travel to Kyiv on Monday.", WED, [("Monday", "2024-12-16", "published", "day")]),
    ("The envoy is due to arrive on Saturday.", WED, [("Saturday", "2024-12-14", "published", "day")]),
    ("Protesters gathered last Friday.", SUN, [("last Friday", "2024-12-06", "published", "day")]),
    ("A vote is expected next Tuesday.", SUN, [("next Tuesday", "2024-12-10", "published", "day")]),
    ("Shelling resumed on Sunday night.", WED, [("Sunday night", "2024-12-08", "published", "day")]),
    ("The minister resigned on Wednesday.", WED, [("Wednesday", "2024-12-11", "published", "day")]),
    # deictic words
    ("The ministry said yesterday that talks had stalled.", WED, [("yesterday", "2024-12-10", "published", "day")]),
    ("The parliament votes today.", WED, [("today", "2024-12-11", "published", "day")]),
    ("The results are due tomorrow.", JAN, [("tomorrow", "2025-01-11", "published", "day")]),
    ("Explosions were heard last night.", JAN, [("last night", "2025-01-09", "published", "day")]),
    ("Drones struck the city this morning.", WED, [("this morning", "2024-12-11", "published", "day")]),
    # weeks, months, years relative to publication
    ("The army said earlier this week it had advanced.", WED, [("earlier this week", "2024-W50", "published", "week")]),
    ("The talks collapsed last week.", JAN, [("last week", "2025-W01", "published", "week")]),
    ("Another round is planned for next week.", SUN, [("next week", "2024-W50", "published", "week")]),
    ("Prices rose sharply last month.", JAN, [("last month", "2024-12", "published", "month")]),
    ("The summit is set for next month.", SUN, [("next month", "2025-01", "published", "month")]),
    ("Elections were held last year.", JAN, [("last year", "2024", "published", "year")]),
    ("This year has been the deadliest.", SUN, [("This year", "2024", "published", "year")]),
    ("The offensive began late last year.", SUN, [("late last year", "2023", "published", "year")]),
    # counted distances
    ("The deal was signed two days ago.", SUN, [("two days ago", "2024-12-06", "published", "day")]),
    ("The town fell three weeks ago.", SUN, [("three weeks ago", "2024-W46", "published", "week")]),
    ("He took office a year ago.", JAN, [("a year ago", "2024", "published", "year")]),
    ("The border closed 2 months ago.", JAN, [("2 months ago", "2024-11", "published", "month")]),
    # months without a year, past-biased unless future
    ("Negotiations stalled in December.", JAN5, [("December", "2024-12", "published", "month")]),
    ("The ceasefire was agreed in March.", SUN, [("March", "2024-03", "published", "month")]),
    ("Elections will take place in March.", SUN, [("March", "2025-03", "published", "month")]),
    ("The offensive started last June.", MIDYEAR, [("last June", "2023-06", "published", "month")]),
    ("Troops withdrew in early March.", SUN, [("early March", "2024-03", "published", "month")]),
    ("The decree took effect in May last year.", JAN, [("May last year", "2024-05", "published", "month")]),
    # days without a year
    ("The strike on March 3 killed four.", SUN, [("March 3", "2024-03-03", "published", "day")]),
    ("Both sides met on Dec. 20.", JAN, [("Dec. 20", "2024-12-20", "published", "day")]),
    ("The report was released on 3 March.", SUN, [("3 March", "2024-03-03", "published", "day")]),
    ("The decision came on the 5th of January.", JAN, [("the 5th of January", "2025-01-05", "published", "day")]),
    ("The referendum was held on February 29.", NONLEAP, [("February 29", "2024-02-29", "published", "day")]),
    ("The referendum was held on February 29.", LEAP, [("February 29", "2024-02-29", "published", "day")]),
    ("The talks will resume on January 15.", SUN, [("January 15", "2025-01-15", "published", "day")]),
    # absolute dates
    ("The accord was signed on March 3, 2023 in Minsk.", SUN, [("March 3, 2023", "2023-03-03", "explicit", "day")]),
    ("On 24 February 2022 the invasion began.", SUN, [("24 February 2022", "2022-02-24", "explicit", "day")]),
    ("The law passed on Sunday, December 8, 2024.", WED, [("Sunday, December 8, 2024", "2024-12-08", "explicit", "day")]),
    ("The file is dated 2023-11-05.", SUN, [("2023-11-05", "2023-11-05", "explicit", "day")]),
    ("The letter is dated 25/12/2023.", SUN, [("25/12/2023", "2023-12-25", "explicit", "day")]),
    ("Fighting intensified in March 2023.", SUN, [("March 2023", "2023-03", "explicit", "month")]),
    ("The reform dates from mid-2019.", SUN, [("mid-2019", "2019", "explicit", "year")]),
    ("The dispute goes back to the 1990s.", SUN, [("the 1990s", "1990s", "explicit", "decade")]),
    ("Relations have soured since 2014.", SUN, [("2014", "2014", "explicit", "year")]),
    # seasons, weekends, holidays
    ("The counteroffensive failed last summer.", SUN, [("last summer", "2024", "published", "year")]),
    ("The counteroffensive failed last summer.", MIDYEAR, [("last summer", "2022", "published", "year")]),
    ("Fighting paused over the weekend.", WED, [("the weekend", "2024-W49", "published", "week")]),
    ("A truce was proposed for Christmas.", SUN, [("Christmas", "2024-12-25", "published", "day")]),
    ("He spoke on New Year's Eve.", JAN5, [("New Year's Eve", "2024-12-31", "published", "day")]),
    # tense: present simple, "for", modals
    ("Trump takes office on Jan. 20.", SUN, [("Jan. 20", "2025-01-20", "published", "day")]),
    ("Zelenskiy meets Trump on Saturday.", SUN, [("Saturday", "2024-12-07", "published", "day")]),
    ("The vote set for Friday was postponed.", WED, [("Friday", "2024-12-13", "published", "day")]),
    ("Inflation figures for November were published.", WED, [("November", "2024-11", "published", "month")]),
    ("They would have met on Friday.", WED, [("Friday", "2024-12-06", "published", "day")]),
    # several in one sentence
    (
        "Kyiv said on Tuesday that the attack of Nov. 30 was the worst since 2022.",
        SUN,
        [
            ("Tuesday", "2024-12-03", "published", "day"),
            ("Nov. 30", "2024-11-30", "published", "day"),
            ("2022", "2022", "explicit", "year"),
        ],
    ),
]

# Durations, vague periods and non-dates: nothing to extract.
NEGATIVES = [
    "Trump spoke just hours after meeting Zelenskiy.",
    "They sat down for about an hour.",
    "The war has lasted almost four years.",
    "A deal was reached in the first weeks of the war.",
    "Forces advanced fastest in the early days of the war.",
    "The hotline is staffed 24/7.",
    "The 45-year-old commander was killed.",
    "The talks may fail, officials said.",
    "Thousands will march through the capital.",
    "The ministry counted 2022 violations along the line.",
    "The Sunday Times reported the story.",
    "Over the next year the army plans to recruit more.",
    "The ruling came on 3/4/2024, a court clerk said.",
    "Markets may fall if talks fail.",
    "In his 40s, he took command.",
    "Russia Today broadcast the speech.",
    "Since the start of the year, 300 drones have been launched.",
    "Jan Egeland visited the camp.",
]


JAN2 = dt.date(2025, 1, 2)  # a Thursday
JUN30 = dt.date(2023, 6, 30)  # a Friday
LEAPDAY = dt.date(2024, 2, 29)  # a Thursday
NOV20 = dt.date(2024, 11, 20)  # a Wednesday
JAN1 = dt.date(2025, 1, 1)  # a Wednesday

# More sentences, checked on (text, value). They were first scored as a held-out set, before
# the fixes they prompted (modals and "due" as future, present simple, "next Friday", "in the
# autumn", "1,000 days ago"); they now guard those fixes.
VALUE_CASES = [
    ("Ukraine's foreign minister said on Friday that talks could start in February.", SUN, [("Friday","2024-12-06"),("February","2025-02")]),
    ("The parliament approved the budget last Thursday.", JAN2, [("last Thursday","2024-12-26")]),
    ("Russian troops crossed the border on Feb. 24, 2022.", JUN30, [("Feb. 24, 2022","2022-02-24")]),
    ("A prisoner exchange took place on Monday, the second this month.", JAN2, [("Monday","2024-12-30"),("this month","2025-01")]),
    ("The EU will decide on new sanctions next month.", JUN30, [("next month","2023-07")]),
    ("Since October 7, more than 1,200 people have been killed.", JUN30, [("October 7","2022-10-07")]),
    ("The ceasefire agreed in November held for only two weeks.", JAN2, [("November","2024-11")]),
    ("He has been in office for six years.", JAN2, []),
    ("The talks, first held in 2015, resumed three years later.", JAN2, [("2015","2015")]),
    ("Both sides will meet again on January 10.", SUN, [("January 10","2025-01-10")]),
    ("The UN General Assembly voted on the resolution in March 2022.", JUN30, [("March 2022","2022-03")]),
    ("Officials said the attack happened early on Wednesday.", JUN30, [("Wednesday","2023-06-28")]),
    ("The offensive began four months ago.", JUN30, [("four months ago","2023-02")]),
    ("Putin spoke by phone with Erdogan yesterday.", LEAPDAY, [("yesterday","2024-02-28")]),
    ("The decree signed a year ago on February 28 remains in force.", LEAPDAY, [("a year ago","2023"),("February 28","2024-02-28")]),
    ("The summit in Vilnius is scheduled for July 11.", JUN30, [("July 11","2023-07-11")]),
    ("Elections are due in the spring.", JAN2, [("spring","2025")]),
    ("The grain deal expired in July last year.", LEAPDAY, [("July last year","2023-07")]),
    ("Peace talks stalled at the end of 2022.", JUN30, [("2022","2022")]),
    ("He served as defence minister in the 1980s.", JUN30, [("the 1980s","1980s")]),
    ("Kyiv came under attack for the third night in a row.", JUN30, []),
    ("The drone strikes continued throughout the week.", JUN30, []),
    ("The bill will be debated later this month.", LEAPDAY, [("later this month","2024-02")]),
    ("The embassy reopened on 12 April.", JUN30, [("12 April","2023-04-12")]),
    ("The mission was extended until 31 December 2025.", JAN2, [("31 December 2025","2025-12-31")]),
    ("The shelling killed five people on Christmas Day.", JAN2, [("Christmas Day","2024-12-25")]),
    ("Last week's meeting in Riyadh produced no deal.", JUN30, [("Last week","2023-W25")]),
    ("The mayor said the city has had power for only four hours a day.", JUN30, []),
    ("In January, the army announced a new draft.", LEAPDAY, [("January","2024-01")]),
    ("The ministry said on Tuesday it had shot down 30 drones overnight.", LEAPDAY, [("Tuesday","2024-02-27")]),
    ("Leaders gather in Brussels on Thursday for a two-day summit.", SUN, [("Thursday","2024-12-12")]),
    ("The 2014 annexation of Crimea was condemned.", JUN30, [("2014","2014")]),
    ("The army is recruiting 20,000 soldiers.", JUN30, []),
    ("She was elected in May and took office a month later.", JUN30, [("May","2023-05")]),
    ("The deadline is next Friday.", LEAPDAY, [("next Friday","2024-03-08")]),
    ("It was the heaviest bombardment in weeks.", LEAPDAY, []),
    ("The government collapsed this summer.", JUN30, [("this summer","2023")]),
    ("Negotiators met in Geneva on 5/6/2023.", JUN30, []),
    ("The agreement runs until 2030.", JAN2, [("2030","2030")]),
    ("Two weeks ago the front line shifted.", LEAPDAY, [("Two weeks ago","2024-W07")]),
    ("Moscow said on Saturday it had captured two villages.", NOV20, [("Saturday","2024-11-16")]),
    ("Biden authorised the use of long-range missiles last weekend.", NOV20, [("last weekend","2024-W46")]),
    ("The strike, the largest since August, hit energy sites.", NOV20, [("August","2024-08")]),
    ("Scholz spoke with Putin on Nov. 15 for the first time in nearly two years.", NOV20, [("Nov. 15","2024-11-15")]),
    ("The G20 summit ended on Tuesday in Rio de Janeiro.", NOV20, [("Tuesday","2024-11-19")]),
    ("Trump will be inaugurated on January 20.", NOV20, [("January 20","2025-01-20")]),
    ("The war began 1,000 days ago.", NOV20, [("1,000 days ago","2022-02-24")]),
    ("Casualties rose in the autumn.", NOV20, [("autumn","2024")]),
    ("Fighting continued through December.", JAN1, [("December","2024-12")]),
    ("The new year began with air raids on Kyiv.", JAN1, []),
    ("North Korean troops arrived in Kursk in October, officials said last week.", NOV20, [("October","2024-10"),("last week","2024-W46")]),
    ("Gas transit through Ukraine stopped today.", JAN1, [("today","2025-01-01")]),
    ("The contract signed in 2019 expired at midnight.", JAN1, [("2019","2019")]),
    ("Talks may resume next spring.", NOV20, [("next spring","2025")]),
    ("For three days, the city had no power.", NOV20, []),
    ("The sanctions package adopted on 24 June targets shipping.", NOV20, [("24 June","2024-06-24")]),
    ("Zelenskiy will address parliament on Thursday.", NOV20, [("Thursday","2024-11-21")]),
    ("Polls last month showed support falling.", JAN1, [("last month","2024-12")]),
    ("The reactor was shut in the spring of 2022.", NOV20, [("the spring of 2022","2022")]),
    ("He was detained in March 2023 and sentenced in July.", NOV20, [("March 2023","2023-03"),("July","2024-07")]),
]


@pytest.mark.parametrize("text, published, expected", VALUE_CASES, ids=[f"{i}:{c[0][:40]}" for i, c in enumerate(VALUE_CASES)])
def test_resolves_value(spacy_nlp, text, published, expected):
    got = [(r.text, r.value) for r in extract_dates(spacy_nlp(text), published)]
    assert got == expected


def _extract(nlp, text, published):
    return [(r.text, r.value, r.anchor, r.granularity) for r in extract_dates(nlp(text), published)]


@pytest.mark.parametrize("text, published, expected", CASES, ids=[f"{i}:{c[0][:40]}" for i, c in enumerate(CASES)])
def test_resolves(spacy_nlp, text, published, expected):
    assert _extract(spacy_nlp, text, published) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_date(spacy_nlp, text):
    assert _extract(spacy_nlp, text, SUN) == []


def test_without_publication_date(spacy_nlp):
    text = "The town fell last month, two years after the siege began in 2022 and on March 3, 2023."
    got = _extract(spacy_nlp, text, None)
    assert got == [
        ("last month", None, "unknown", "month"),
        ("2022", "2022", "explicit", "year"),
        ("March 3, 2023", "2023-03-03", "explicit", "day"),
    ]


def test_relative_weekday_without_publication_date(spacy_nlp):
    assert _extract(spacy_nlp, "They met on Saturday.", None) == [("Saturday", None, "unknown", "day")]


def test_spans_point_into_text(spacy_nlp):
    doc = spacy_nlp("Trump won last month's US election and met Zelenskiy on Saturday.")
    records = extract_dates(doc, SUN)
    assert [doc.text[a:b] for a, b in (r.span for r in records)] == ["last month", "Saturday"]


def test_no_overlapping_spans(spacy_nlp):
    doc = spacy_nlp("On Sunday, December 8, 2024, early last year and June of this year were all mentioned.")
    spans = sorted(r.span for r in extract_dates(doc, WED))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert ("Sunday, December 8, 2024") in [doc.text[a:b] for a, b in spans]


def test_accepts_datetime(spacy_nlp):
    got = extract_dates(spacy_nlp("They met yesterday."), dt.datetime(2024, 12, 8, 23, 0))
    assert [r.value for r in got] == ["2024-12-07"]


def test_ceasefire_example(spacy_nlp, shared_dir):
    """The five date facts of the worked example, on the real article."""
    example = shared_dir / "examples" / "ceasefire"
    if not (example / "article.txt").is_file():
        pytest.skip("the worked example is absent")
    text = (example / "article.txt").read_text(encoding="utf-8")
    records = extract_dates(spacy_nlp(text), dt.date(2024, 12, 8))
    by_text = {}
    for record in records:
        by_text.setdefault(record.text, set()).add(record.value)

    assert by_text["Sunday"] == {"2024-12-08"}
    assert by_text["Saturday"] == {"2024-12-07"}
    assert by_text["last month"] == {"2024-11"}
    assert by_text["June of this year"] == {"2024-06"}
    assert by_text["2022"] == {"2022"}
    june = next(r for r in records if r.text == "June of this year")
    assert text[june.span[0] : june.span[1]] == "June of this year"
    assert next(r for r in records if r.text == "2022").anchor == "explicit"
    # "just hours", "about an hour", "the early days", "the first weeks" are not dates.
    assert set(by_text) == {"Sunday", "Saturday", "last month", "June of this year", "2022"}
