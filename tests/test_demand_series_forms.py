"""Demand forms of the "dem" session (new writers): one demand per act of a series the parser
joined to the wrong word, lists opened by a bare "to:", a wish that ends where a clause of its
own begins, and "refused to give up".

- a bare verb joined by the parser to a noun, an adjective or a participle inside the first
  act's phrase ("stop blaming X ... and return", "stop shelling and clear"), or a "to"
  infinitive joined to a finite verb of a relative clause ("any attack that could reignite
  the war, and to settle ...") is one more act of the series: one demand each (writers of
  four sets list each act apart);
- "to A, to B, and to C": the parser hangs "to B" as an adverbial of "to A"; all three are
  acts, and the last keeps its words (it was cut to nothing when the first was shortened);
- "calls upon X to:" closing its paragraph opens a list of acts, one demand per item;
- "wants X to stay but that Y must take over": the joined clause with its own subject is a
  demand of its own, not part of the wish (it was swallowed by the wish's span);
- "refused to give up X": "give" is no refusal ("declined to give details"), "give up" is;
- precision: a purpose clause ("in order to help families ... rebuild and return") is no
  series, and a plain two-act series stays two.

Each case is one short text written for this suite. Run on its own:
.venv/bin/pytest -q tests/test_dem_forms.py
"""

from __future__ import annotations

from tests.test_demands_coverage import demands_of, nlp  # noqa: F401 (fixture)


def _texts(nlp, text):  # noqa: F811
    return [d.text for d in demands_of(nlp, text)]


def test_infinitive_joined_to_a_relative_clause_is_a_second_act(nlp):  # noqa: F811
    texts = _texts(nlp, "Antonio Guterres urged the armed groups to refrain from any attack that could reignite "
                        "the war, and to settle their disputes through talks.")
    assert len(texts) == 2, texts
    assert texts[1] == "to settle their disputes through talks", texts
    assert "settle" not in texts[0], texts


def test_infinitive_joined_to_a_noun_is_a_second_act(nlp):  # noqa: F811
    texts = _texts(nlp, "The ministry asks the protesters to limit the blockade to trucks carrying farm goods "
                        "and to respect the rulings of the courts.")
    assert texts == ["the protesters to limit the blockade to trucks carrying farm goods",
                     "to respect the rulings of the courts"], texts


def test_bare_verb_joined_to_a_participle_is_a_second_act(nlp):  # noqa: F811
    found = demands_of(nlp, "Zelenskiy said Russia should stop blaming Kyiv for its own failures and return "
                            "the deported children.")
    assert [d.text for d in found] == ["Russia should stop blaming Kyiv for its own failures",
                                       "return the deported children"], [d.text for d in found]
    assert all(d.addressee == "RUS" for d in found), [d.addressee for d in found]


def test_bare_verb_after_a_gerund_in_a_quote(nlp):  # noqa: F811
    texts = _texts(nlp, '"If Moscow wants talks, it must first stop shelling and clear the mines it has laid," '
                        'Zelenskiy said.')
    assert texts == ["it must first stop shelling", "clear the mines it has laid"], texts


def test_three_infinitives_in_a_comma_series(nlp):  # noqa: F811
    texts = _texts(nlp, "The African Union calls on the Government of Sudan to guarantee a fair trial, to grant "
                        "lawyers access to the detainees, and to consider their release.")
    assert texts == ["the Government of Sudan to guarantee a fair trial", "to grant lawyers access to the detainees",
                     "to consider their release"], texts


def test_list_opened_by_a_bare_to(nlp):  # noqa: F811
    found = demands_of(nlp, "The Government of Kenya calls upon the Government of Uganda to:\n\n"
                            "1. return the seized lorries without delay;\n\n2. compensate the drivers; and\n\n"
                            "3. reopen the border post at Busia.")
    assert [d.text for d in found] == ["return the seized lorries without delay", "compensate the drivers",
                                       "reopen the border post at Busia"], [d.text for d in found]
    assert len({d.party for d in found}) == 1 and found[0].party is not None, [d.party for d in found]


def test_purpose_clause_is_not_a_series(nlp):  # noqa: F811
    texts = _texts(nlp, "Antonio Guterres urged Israel to allow aid into Gaza in order to help families who fled "
                        "rebuild and return.")
    assert len(texts) == 1, texts


def test_plain_two_act_series_stays_two(nlp):  # noqa: F811
    texts = _texts(nlp, "The European Union urged Serbia to respect the agreement and to stop escalating on the ground.")
    assert texts == ["Serbia to respect the agreement", "to stop escalating on the ground"], texts


def test_wish_ends_where_a_clause_of_its_own_begins(nlp):  # noqa: F811
    texts = _texts(nlp, "Ilham Aliyev has said he wants Russia's peacekeepers to stay but that Azerbaijan's own army "
                        "must take over \"step by step\".")
    assert len(texts) == 2 and texts[0] == "Russia's peacekeepers to stay", texts
    assert texts[1].startswith("Azerbaijan's own army must take over"), texts


def test_refused_to_give_up_is_a_refusal(nlp):  # noqa: F811
    found = demands_of(nlp, "Turkey has repeatedly refused to give up its guarantor role, Recep Tayyip Erdogan said.")
    assert [(d.stance, d.text) for d in found] == [("refusal", "refused to give up its guarantor role")], found


def test_declined_to_give_details_is_no_refusal(nlp):  # noqa: F811
    assert _texts(nlp, "Recep Tayyip Erdogan declined to give details of the talks.") == []
