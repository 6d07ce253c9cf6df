"""A possessive pronoun before a body noun ("Its water ministry") names that state's body; a
person pronoun never takes back an organisation. Sentences are invented for these tests."""

import datetime as dt

from parley.model import Article


def _analyse(analyzer, text: str):
    return analyzer.analyse_one(Article(id="t", text=text, published=dt.date(2025, 5, 6)))


def _speaker(result, words: str):
    quote = next(q for q in result.quotes if words in q.text)
    actors = {a.id: a for a in result.actors}
    return quote.speaker, actors.get(quote.speaker.actor_id)


def test_possessive_pronoun_body_belongs_to_the_pronouns_state(analyzer):
    text = ("Egypt's water ministry said the release was reckless.\n\n"
            "Sudan has been more cautious. Its irrigation ministry said 3,000 people had been affected.")
    speaker, actor = _speaker(_analyse(analyzer, text), "3,000 people")
    assert actor is not None and actor.country == "SDN"


def test_he_never_takes_back_an_agency(analyzer):
    text = ("The Secretary-General, Antonio Guterres, said the talks had stalled.\n\n"
            "The World Food Programme has warned that it will cut rations by 30 percent. "
            "He urged donors to step up their support.")
    speaker, actor = _speaker(_analyse(analyzer, text), "donors to step up")
    assert actor is None or actor.type == "person"
