"""Event targets, round 4 on PLOVER's records: kinds of error, each with its own sentences
(not the records'): a titled subject named in apposition, helpers who are no target,
shelter sought in a state, a verdict before the deed, and abuse of people as an assault."""

import pytest

from parley.model import Article, Section


def _events(analyzer, text):
    article = Article(id="x", text=text, language="en", sections=[Section(kind="body", span=(0, len(text)))])
    result = analyzer.analyse_one(article)
    names = {a.id: a.name for a in result.actors}

    def named(ref):
        ids = ref if isinstance(ref, list) else [ref] if ref else []
        return [names[i] for i in ids if i in names]

    return [(e.plover.type, named(e.source), named(e.target)) for e in result.events]


def test_capitalised_title_takes_the_name_in_apposition(analyzer):
    events = _events(analyzer, "The Federal Minister for Interior Aftab Ahmad Khan Sherpao allowed opposition "
                               "leader Maulana Fazl-ur-Rehman to hold a rally in Karachi.")
    assert ("CONCEDE", ["Aftab Ahmad Khan Sherpao"], ["Maulana Fazl-ur-Rehman"]) in events


def test_helper_is_no_target_and_blockade_is_of_its_patient(analyzer):
    events = _events(analyzer, "NATO said it would tighten the naval blockade of Serbia with Greece's help.")
    targets = [t for _, _, t in events]
    assert targets and all(t == ["Serbia"] for t in targets), events


def test_shelter_sought_in_a_state(analyzer):
    events = _events(analyzer, "Thousands of Syrian refugees sought asylum in Sweden last year.")
    assert any(kind == "REQUEST" and t == ["Sweden"] for kind, _, t in events), events


def test_verdict_before_the_deed(analyzer):
    events = _events(analyzer, "Greece condemned as a grave provocation Turkey's violation of its airspace.")
    assert any(kind == "ACCUSE" and t == ["Turkey"] for kind, _, t in events), events


@pytest.mark.parametrize("text, want", [
    ("Zimbabwean police officers abused Congolese migrants, Amnesty International said.", True),
    ("The governor of Kano abused his office, the opposition said.", False),
])
def test_abuse_of_people_is_an_assault(analyzer, text, want):
    assert any(kind == "ASSAULT" for kind, _, _ in _events(analyzer, text)) is want
