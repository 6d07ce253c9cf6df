"""Event types, senses and modality (issue 4, precision): an announced act told once, a
promised hostile act as a threat, an announced protest as a threat only against someone,
readiness that is no offer, legal appeals, occupied posts, scenarios, and background years
that describe things or bound spans rather than time the narration.

Coder rules run the coder alone; check rules run the whole pipeline with its checks."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.pipeline_helpers import coded_events, parsed

PUBLISHED = dt.date(2025, 10, 8)


@pytest.fixture(scope="module")
def code(parley_nlp):
    def run(text: str):
        _, events = coded_events(parley_nlp, text, PUBLISHED)
        return [(e.cameo, e.plover.type, e.modality) for e in events]
    return run


@pytest.fixture(scope="module")
def checked(parley_nlp):
    def run(text: str, published=PUBLISHED):
        doc = parsed(parley_nlp, text, published)
        return [(e.cameo, e.plover.type, e.modality) for e in doc._.events]
    return run


def _types(found):
    return [t for _, t, _ in found]


# -- an announced act told once ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The French foreign minister will visit Algiers next week.",
    "Prime Minister Anwar Ibrahim plans to travel to Jakarta in March.",
])
def test_a_planned_visit_is_a_future_meeting_and_no_intent(code, text):
    found = code(text)
    assert ("CONSULT", "future") in [(t, m) for _, t, m in found]
    assert "AGREE" not in _types(found)


def test_announced_cooperation_is_the_intent_alone(code):
    found = code("Russia would continue to cooperate with the IAEA, the foreign ministry said.")
    assert "AGREE" in _types(found)
    assert "COOPERATE" not in _types(found)


def test_a_named_joint_act_keeps_its_future_act(code):
    found = code("Spain will hold joint naval patrols with Morocco from January.")
    assert ("COOPERATE", "future") in [(t, m) for _, t, m in found]


# -- promised hostile acts are threats ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "The European Union pledged to impose further sanctions on Belarus.",
    "Iraq's interim government announced that it is prepared to impose martial law.",
])
def test_a_promised_hostile_act_is_a_threat(code, text):
    types = _types(code(text))
    assert "THREATEN" in types
    assert "AGREE" not in types


def test_a_promise_of_help_stays_an_intent_to_cooperate(code):
    assert "AGREE" in _types(code("Japan pledged to send emergency aid to the Philippines."))


# -- an announced protest threatens only someone it is aimed at ----------------------------

def test_an_announced_strike_with_no_one_pressed_is_a_future_protest(code):
    found = code("The teachers' union said it would stage a general strike next month.")
    assert ("PROTEST", "future") in [(t, m) for _, t, m in found]
    assert "THREATEN" not in _types(found)


# -- senses ------------------------------------------------------------------------------------

def test_not_prepared_for_operations_is_no_offer(code):
    assert code("United Nations peacekeepers are not prepared for counterterrorism operations, officials said.") == []


def test_ready_for_talks_is_still_an_offer(code):
    assert "AGREE" in _types(code("Iran is ready for talks with the United States, Araghchi said."))


def test_an_appeal_to_a_court_is_no_plea(checked):
    assert "REQUEST" not in _types(checked("The Justice Department said it would appeal to the Supreme Court."))


def test_an_appeal_to_the_parties_is_a_plea(checked):
    assert "REQUEST" in _types(checked("The Red Cross appealed to both sides to spare civilians."))


def test_occupying_one_of_the_key_posts_is_holding_office(checked):
    found = checked("Loretta Lynch occupies one of the key positions of power in Washington as attorney general.")
    assert "COERCE" not in _types(found) and "ASSAULT" not in _types(found)


# -- modality ---------------------------------------------------------------------------------

def test_a_scenario_opened_by_say_is_hypothetical(checked):
    found = checked("Say Mexico demanded that the United States prove that a migrant was Mexican before it "
                    "would accept her back into the country.")
    assert found and all(m == "hypothetical" for _, _, m in found)


def test_a_year_that_describes_a_thing_does_not_date_the_next_sentence(checked):
    text = ("Turnout was about 38%, well below the 2021 primaries, according to the council. "
            "The Organization of American States urged Honduras to open an investigation into the delays.")
    found = checked(text, dt.date(2025, 3, 10))
    assert ("REQUEST", "asserted") in [(t, m) for _, t, m in found]


def test_a_year_that_bounds_a_span_does_not_date_the_next_sentence(checked):
    text = ("Manila has filed more than 60 diplomatic protests over Chinese actions since 2023. "
            "Defence Secretary Gilberto Teodoro called on China to respect the arbitral ruling.")
    found = checked(text, dt.date(2025, 9, 16))
    assert ("REQUEST", "asserted") in [(t, m) for _, t, m in found]


def test_a_year_in_the_sentence_before_still_dates_a_narrated_act(checked):
    text = "In 2014, John Kerry travelled to Beijing. He met Chinese President Xi Jinping to discuss climate policy."
    found = checked(text, dt.date(2016, 9, 20))
    assert ("CONSULT", "historical") in [(t, m) for _, t, m in found]


# -- background counted from, told in a date's clause, or described (round 2) -----------------

@pytest.mark.parametrize("text", [
    "Six months after Mali quit the Economic Community of West African States, the two blocs are still negotiating.",
    "Two years after Hamas attacked Israel, the hostages are home.",
    "Since Washington imposed tariffs on Canada, Ottawa has looked to Europe for trade.",
])
def test_an_act_a_later_time_is_counted_from_is_historical(checked, text):
    found = checked(text)
    assert found and found[0][2] == "historical"


def test_a_bare_after_keeps_the_news_current(checked):
    found = checked("Hungary summoned the Ukrainian ambassador on Monday after Kyiv imposed tariffs on Hungarian goods.")
    assert ("ACCUSE", "asserted") in [(t, m) for _, t, m in found]


def test_an_act_in_a_clause_on_an_earlier_date_is_historical(checked):
    text = ("The talks with the ELN have been frozen since January, when Gustavo Petro suspended "
            "talks after the guerrillas launched an offensive in the north.")
    found = checked(text)
    assert ("ASSAULT", "historical") in [(t, m) for _, t, m in found]


def test_a_relative_clause_inside_a_condition_is_told_as_fact(checked):
    text = ("ECOWAS has offered to keep the three countries inside its free-trade area, but only if the "
            "juntas commit to a timetable for elections, a condition Burkina Faso has rejected.")
    assert ("REJECT", "asserted") in [(t, m) for _, t, m in checked(text)]


def test_a_threat_with_a_condition_is_made_now(checked):
    found = checked("Prime Minister Benjamin Netanyahu has threatened to strike Iran again if Tehran tries to rebuild.")
    assert ("THREATEN", "asserted") in [(t, m) for _, t, m in found]


def test_a_year_in_a_relative_clause_does_not_date_the_next_sentence(checked):
    text = ("Washington blames Bogota for record coca cultivation, which reached 253,000 hectares in 2023. "
            "Gustavo Petro called the decertification an insult to the police.")
    found = checked(text)
    assert found and all(m == "asserted" for _, _, m in found)


# -- coercion, sanctions and property (GSR recall) -----------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Kenya ordered the Dadaab camp closed on Monday.", "COERCE"),
    ("Nicaragua's government ordered the opposition newspaper La Prensa to suspend publication.", "COERCE"),
    ("Turkish police prevented a demonstration by students in Sivas on Monday.", "COERCE"),
    ("Israel reimposed a blockade on the West Bank on Friday.", "COERCE"),
    ("Israeli army bulldozers demolished Palestinian homes in southern Gaza on Sunday.", "COERCE"),
    ("Italy announced a suspension of air links with Serbia on Wednesday.", "SANCTION"),
    ("Hungary denied entry to two Ukrainian officials on Tuesday.", "SANCTION"),
])
def test_coercion_and_sanction_wordings(checked, text, expected):
    assert _types(checked(text))[:1] == [expected]


def test_troops_ordered_somewhere_are_not_expelled(checked):
    assert "SANCTION" not in _types(checked("The Pentagon ordered 300 troops to Poland on Monday."))


# -- round 3: withheld statements, standing by a cause, senses, the doer's kind of act ------

def test_refusing_to_say_is_a_withheld_statement_not_a_rejection(checked):
    found = checked("Russian officials refused to say how many soldiers had been killed.")
    assert ("STATEMENT", "negated") in [(t, m) for _, t, m in found]
    assert "REJECT" not in _types(found)


def test_declining_to_comment_stays_an_asserted_statement(checked):
    assert ("STATEMENT", "asserted") in [(t, m) for _, t, m in checked("China's delegation declined to comment.")]


def test_commitment_to_a_countrys_sovereignty_is_support(checked):
    found = checked("The European Union remains committed to the sovereignty and territorial integrity of Guyana.")
    assert _types(found) == ["SUPPORT"]


@pytest.mark.parametrize("text", [
    "Israel's ambassador then feeds a copy of the UN Charter into a small shredder at the podium.",
])
def test_feeding_a_machine_is_no_aid(checked, text):
    assert "AID" not in _types(checked(text))


def test_an_apology_to_ones_own_supporters_is_no_act(checked):
    found = checked("Gantz conceded defeat and apologised to his supporters.")
    assert "CONCEDE" in _types(found)
    assert "SUPPORT" not in _types(found)


def test_a_crowds_violence_is_a_riot(checked):
    found = checked("Hundreds of protesters attacked the embassies of Rwanda, France and the United States in Kinshasa.")
    assert [(c, t) for c, t, _ in found] == [("145", "PROTEST")]


def test_a_states_obstruction_is_a_blockade_and_a_peoples_a_protest(checked):
    assert "COERCE" in _types(checked("Chinese ships began blocking access to the lagoon."))
    assert "PROTEST" in _types(checked("Young Algerians blocked roads leading to the city centre on Sunday."))


def test_an_attack_the_accused_side_denies_is_a_claim(checked):
    text = "Russia said Ukrainian forces had shelled Belgorod overnight. Ukraine denied it."
    assert ("ASSAULT", "hypothetical") in [(t, m) for _, t, m in checked(text)]


def test_an_attack_with_no_denial_keeps_its_modality(checked):
    text = ("Armenia's defence ministry says Azerbaijani forces opened fire on its positions near Sotk "
            "late on Sunday. Azerbaijan's defence ministry said its troops were on alert.")
    assert ("ASSAULT", "asserted") in [(t, m) for _, t, m in checked(text)]
    denied = text.replace("said its troops were on alert", "rejected the accusation")
    assert ("ASSAULT", "hypothetical") in [(t, m) for _, t, m in checked(denied)]
