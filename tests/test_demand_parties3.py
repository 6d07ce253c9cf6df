"""The party's own side is never a demand's addressee (issue 5, third round), with sentences
written for these tests.

- a speaker introduced as "Country's minister, Name," speaks for that country, so a condition
  they set answers the other side, not their own state;
- the active subject of a refusal is the party's own side; a passive subject ("Iran could not
  be allowed to ...") is the one refused;
- the body named in the speaker's title (the IAEA for its director general) is their own side;
- insurgents of a country are not on its state's side;
- "other countries" are a class, not one actor.
"""

from __future__ import annotations

from tests.pipeline_helpers import only_demand as _only


def test_appositive_role_gives_an_unknown_speaker_his_country(parley_nlp):
    text = ("Uganda moved troops to the border on Monday, and Uganda said the deployment was routine.\n\n"
            "Kenya's interior minister, Joseph Ndirangu Wekesa, told reporters in Nairobi the move was hostile.\n\n"
            "\"There will be no talks while a single soldier of Kenya is held in a foreign camp,\" Wekesa said.")
    d = _only(parley_nlp, text, "no talks")
    assert d.addressee != "KEN"
    assert d.addressee == "UGA"


def test_envoy_named_in_apposition_speaks_for_the_country_of_the_role(parley_nlp):
    text = ("Georgia arrested 40 protesters overnight.\n\n"
            "The US envoy, Mark Tolleson, said Washington was ready to ease its travel ban on Georgian "
            "officials if the arrests stopped.")
    d = _only(parley_nlp, text, "arrests stopped")
    assert d.addressee != "USA"


def test_passive_subject_of_a_refusal_is_the_one_refused(parley_nlp):
    # Near miss of the rule above: a passive subject is not the refuser's side.
    text = "Trump said Iran could not be allowed to build a nuclear weapon."
    d = _only(parley_nlp, text, "nuclear weapon")
    assert d.addressee == "IRN"


def test_body_in_the_speakers_title_is_not_addressed(parley_nlp):
    text = ("The International Atomic Energy Agency sent a team to the plant, and the International Atomic "
            "Energy Agency said its experts were safe. Russia controls the site.\n\n"
            "Rafael Grossi said any attack on a nuclear power plant was unacceptable.")
    d = _only(parley_nlp, text, "unacceptable")
    assert d.addressee != "iaea"


def test_insurgents_are_not_on_their_states_side(parley_nlp):
    text = "Khawaja Asif said talks would not resume unless the TTP laid down its weapons."
    d = _only(parley_nlp, text, "laid down")
    assert d.addressee == "ttp"


def test_other_countries_are_no_one_actor(parley_nlp):
    text = ("Kosovo hosted a donor meeting on Monday.\n\n"
            "Ukrainian President Volodymyr Zelenskiy urged other countries to send more air defence systems.")
    d = _only(parley_nlp, text, "air defence")
    assert d.addressee is None
