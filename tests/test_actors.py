"""Actor resolution on sentences the team wrote (the KB is the bundled one)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.actors import ActorResolver
from parley.kb import Entry, KnowledgeBase, Role

DAY = dt.date(2024, 12, 8)


@pytest.fixture(scope="module")
def resolve(spacy_nlp, kb):
    resolver = ActorResolver(kb)

    def run(text: str, published=DAY):
        return resolver.resolve(spacy_nlp(text), published)

    return run


def _by_text(resolved):
    return {m.text: (m.actor_id, m.how) for m in resolved.mentions}


def test_full_name_and_later_surname_resolve_to_one_actor(resolve):
    found = resolve("Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov said talks were possible.")
    ids = {m.actor_id for m in found.mentions if m.text in ("Dmitry Peskov", "Peskov")}
    assert ids == {"dmitry-peskov"}
    assert found.actors["dmitry-peskov"].role
    assert found.actors["dmitry-peskov"].country == "RUS"


def test_transliterations_and_typos_reach_the_same_person(resolve):
    for text in (
        "Ukrainian President Volodymyr Zelensky arrived.",
        "Ukrainian President Volodymyr Zelenskyy arrived.",
        "Ukrainian President Volodymr Zelenskiy arrived.",
    ):
        found = resolve(text)
        assert "volodymyr-zelenskiy" in found.actors, text


def test_role_follows_the_publication_date(resolve):
    text = "Donald Trump spoke to reporters."
    assert "President-elect" in resolve(text, dt.date(2024, 12, 8)).actors["donald-trump"].role
    assert resolve(text, dt.date(2025, 3, 1)).actors["donald-trump"].role.startswith("President of")
    assert resolve(text, dt.date(2019, 3, 1)).actors["donald-trump"].role.startswith("President of")
    former = resolve(text, dt.date(2022, 3, 1)).actors["donald-trump"]
    assert former.sector == "ELI" and (former.role is None or former.role.startswith("Former"))


def test_capital_as_government_is_a_metonym_but_as_a_place_is_not(resolve):
    found = resolve("Kyiv said it had lost soldiers. Officials met in Kyiv on Friday.")
    kyiv = [m for m in found.mentions if m.text == "Kyiv"]
    assert len(kyiv) == 1 and kyiv[0].actor_id == "UKR" and kyiv[0].how == "metonym"
    assert found.metonym_spans == [(kyiv[0].start, kyiv[0].end)]


def test_platform_x_only_in_context(resolve):
    found = resolve("He said on X. Malcolm X was mentioned, as was factor X in the report.")
    x = [m for m in found.mentions if m.text == "X"]
    assert len(x) == 1 and found.actors[x[0].actor_id].type == "media"
    assert not any(a.name.startswith("X") and a.type == "person" for a in found.actors.values())


def test_truth_social_is_a_platform_not_a_place(resolve):
    found = resolve("Trump wrote on his social media platform Truth Social that talks must begin.")
    ts = [m for m in found.mentions if m.text == "Truth Social"]
    assert ts and found.actors[ts[0].actor_id].type == "media"


def test_kremlin_and_ministry_are_russian_government(resolve):
    found = resolve("The Kremlin said the Russian Foreign Ministry would respond.")
    kremlin = [a for a in found.actors.values() if a.name == "Kremlin"]
    assert kremlin and kremlin[0].country == "RUS" and kremlin[0].sector == "GOV"
    ministry = [a for a in found.actors.values() if "Foreign" in a.name]
    assert ministry and ministry[0].country == "RUS" and ministry[0].sector == "GOV"


def test_country_agents_and_demonyms(resolve):
    found = resolve("Russian forces pushed forward, while Ukrainians waited.")
    assert found.actors["agent:RUS:MIL"].country == "RUS"
    assert found.actors["agent:RUS:MIL"].sector == "MIL"
    assert any(m.how == "demonym" and m.actor_id == "UKR" for m in found.mentions)


def test_unknown_person_gets_country_and_role_from_context(resolve):
    found = resolve("Ukrainian lawmaker Oksana Hrytsenko-Baranets said the bill would pass. Hrytsenko-Baranets added more.")
    new = [a for a in found.actors.values() if a.id.startswith("new:person")]
    assert len(new) == 1
    assert new[0].country == "UKR"
    assert len(new[0].mentions) == 2


def test_common_capitalised_word_is_not_an_organisation(resolve):
    found = resolve("China can help. The World is waiting!")
    assert not any(a.name == "World" for a in found.actors.values())


def test_first_name_of_a_person_named_in_the_article(resolve):
    found = resolve("Russian President Vladimir Putin was silent. \"I know Vladimir well,\" Trump said.")
    vladimir = [m for m in found.mentions if m.text == "Vladimir"]
    assert vladimir and vladimir[0].actor_id == "vladimir-putin"


def test_a_user_kb_overrides_and_extends(spacy_nlp):
    kb = KnowledgeBase([
        Entry(id="ann-smithers", name="Ann Smithers", type="person", country="GBR",
              roles=[Role(title="Mayor of Testford", country="GBR", sector="GOV", start=dt.date(2020, 1, 1))]),
    ])
    found = ActorResolver(kb).resolve(spacy_nlp("Ann Smithers opened the bridge. Smithers was pleased."), DAY)
    assert found.actors["ann-smithers"].role == "Mayor of Testford"
    assert len(found.actors["ann-smithers"].mentions) == 2


def test_a_later_folder_merges_by_wikidata_id(tmp_path):
    import yaml

    from parley.kb import DATA_DIR

    (tmp_path / "people.yaml").write_text(yaml.safe_dump([
        {"id": "Q22686", "name": "Donald Trump", "type": "person", "wikidata": "Q22686", "aliases": ["The Donald"]},
        {"id": "UKR", "name": "Ukraine", "type": "country", "aliases": ["Ukraina"]},
    ]))
    kb = KnowledgeBase.from_dirs([DATA_DIR, tmp_path])
    assert "Q22686" not in kb
    assert kb.lookup("The Donald") == {"donald-trump"}
    assert kb.get("donald-trump").roles  # kept from the bundled entry
    assert kb.lookup("Ukraina") == {"UKR"} and "Kyiv" in kb.get("UKR").metonyms


# -- names that look like a KB person's but are someone else -------------------------------
@pytest.mark.parametrize("text, name, kb_id", [
    ("Activist Keron Blair said the march would go ahead.", "Keron Blair", "bill-blair"),
    ("Local farmer John Zelensky said the harvest was poor.", "John Zelensky", "volodymyr-zelenskiy"),
    ("Analyst Sarah Biden said markets were calm.", "Sarah Biden", "joe-biden"),
])
def test_another_given_name_makes_a_new_person(resolve, text, name, kb_id):
    found = resolve(text, dt.date(2024, 5, 1))
    mention = next(m for m in found.mentions if name.split()[-1] in m.text)
    assert mention.actor_id.startswith("new:person:"), mention
    assert name in mention.text
    assert kb_id not in found.actors


def test_a_transliterated_given_name_still_fits(resolve):
    # "Dmytri" is in no KB form of Dmitry Peskov, but is one letter off "Dmitri".
    found = resolve("Kremlin spokesman Dmytri Peskov said Moscow was ready.", dt.date(2024, 5, 1))
    assert any(m.actor_id == "dmitry-peskov" for m in found.mentions), found.mentions


def test_half_of_a_hyphenated_given_name_is_not_a_surname(resolve):
    found = resolve("The head of the ruling party, Han Dong-hoon, called the decree wrong.")
    assert "dong-jun" not in found.actors
    assert any(m.text == "Han Dong-hoon" and m.how == "new" for m in found.mentions)


def test_surname_alone_follows_the_full_name_written_in_the_article(resolve):
    found = resolve("Aid worker Fatima Hassan Ali said food was scarce. Ms Ali added that the crossings were shut.")
    ids = {m.actor_id for m in found.mentions if m.text in ("Fatima Hassan Ali", "Ali")}
    assert ids == {"new:person:fatima-hassan-ali"}


# -- short forms of a person named in full earlier ----------------------------------------
def test_honorific_and_given_name_is_the_person_named_in_full(resolve):
    found = resolve("Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, announced the deal. "
                    '"This is the last page," Sheikh Mohammed said.', dt.date(2025, 1, 15))
    later = [m for m in found.mentions if m.start > 90 and "Mohammed" in m.text]
    assert later and later[0].actor_id == "mohammed-bin-abdulrahman-al-thani", later
    assert not any(a.startswith("new:person:mohammed") for a in found.actors)


def test_given_name_or_surname_alone_of_an_unknown_person(resolve):
    found = resolve("Protest leader Amina Yusuf spoke first. Amina said the crowd would stay. "
                    "\"We are not leaving,\" Yusuf said.")
    assert {m.actor_id for m in found.mentions} == {"new:person:amina-yusuf"}
    assert len(found.mentions) == 3


def test_surname_the_model_did_not_tag_still_links(resolve):
    found = resolve('Burkinabe junta leader Captain Ibrahim Traore spoke. "That time is over," Traore said.')
    traore = [m for m in found.mentions if m.text == "Traore"]
    assert traore and traore[0].actor_id.endswith("ibrahim-traore")


# -- datelines, titles, possessives ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "CARACAS (Reuters) - Venezuela's opposition said on Monday it had won the vote.",
    "DOHA, Qatar (AP) - Mediators said on Wednesday a deal had been reached.",
    "KYIV, Ukraine (AP) - Russia launched drones overnight, officials said.",
])
def test_dateline_place_is_not_an_actor(resolve, text):
    found = resolve(text)
    place_end = text.index("(")
    assert not [m for m in found.mentions if m.start < place_end], found.mentions


def test_capitalised_title_before_a_name_is_no_actor(resolve):
    for text in ("Far-right National Security Minister Itamar Ben-Gvir threatened to quit.",
                 "Veteran Foreign Affairs Minister Ahmed Bello said the border was open."):
        found = resolve(text, dt.date(2025, 1, 15))
        assert not any("Minister" in m.text for m in found.mentions), found.mentions


def test_a_place_possessive_inside_a_body_name(resolve):
    found = resolve("Gaza's Health Ministry said 40 people were killed.")
    assert [m.actor_id for m in found.mentions] == ["gaza-health-ministry"]
    # A person's possessive is not part of a name: the person stays.
    found = resolve("Benjamin Netanyahu's office said the talks would go on.")
    assert any(m.actor_id == "benjamin-netanyahu" for m in found.mentions)


def test_demonym_inside_a_named_body_makes_no_agent(resolve):
    found = resolve("The Palestinian Health Ministry in Gaza says more than 46,000 people have been killed.")
    assert "agent:PSE:GOV" not in found.actors
    assert "gaza-health-ministry" in found.actors


def test_possessive_owner_gives_the_country_of_an_unknown_office(resolve):
    found = resolve("China's Taiwan Affairs Office said the vote changed nothing.")
    office = next(a for a in found.actors.values() if a.name == "Taiwan Affairs Office")
    assert office.country == "CHN"


@pytest.mark.parametrize("text, actor_id", [
    ("North Korean soldiers were seen near the front.", "agent:PRK:MIL"),
    ("The South Sudanese army said ten people died.", "agent:SSD:MIL"),
])
def test_two_word_demonyms_name_their_own_country(resolve, text, actor_id):
    assert actor_id in resolve(text).actors


def test_demonym_inside_a_wider_people_name_is_not_the_country(resolve):
    found = resolve("Several Latin American governments have also demanded a full count.")
    assert not any(a.startswith("agent:USA") or a == "USA" for a in found.actors), found.actors


@pytest.mark.parametrize("text, name, country", [
    ("The Syrian Observatory for Human Rights, a war monitor, said 89 people were killed.",
     "Syrian Observatory for Human Rights", "SYR"),
    ("The Kyiv School of Economics said the damage had reached $155 billion.", "Kyiv School of Economics", "UKR"),
])
def test_an_institution_named_after_a_place_is_its_own_actor(resolve, text, name, country):
    found = resolve(text)
    by_name = {actor.name: actor for actor in found.actors.values()}
    assert name in by_name, sorted(by_name)
    assert by_name[name].country == country
    assert not any(actor.type == "country" and actor.country == country for actor in found.actors.values())


def test_two_overlapping_names_of_one_body_are_one_mention(resolve):
    found = resolve("The Palestinian Health Ministry in Gaza says 40 people were killed.")
    assert _by_text(found)["Palestinian Health Ministry in Gaza"][0] == "gaza-health-ministry"


@pytest.mark.parametrize("text, country", [
    ("Turkey condemned the attack on Monday.", "TUR"),
    ("Officials said Chad had closed its border with Sudan.", "TCD"),
    ("Jordan said it would host the talks.", "JOR"),
])
def test_a_country_name_that_is_also_a_word_counts_when_it_stands_alone(resolve, text, country):
    assert country in {m.actor_id for m in resolve(text).mentions}


@pytest.mark.parametrize("text, word", [
    ("Michael Jordan said the turkey was cold.", "Jordan"),
    ("Chad Smith, a senator, said he would vote no. Chad later apologised.", "Chad"),
    ("Georgia's ruling party won the vote in Atlanta.", "Georgia"),
    ("Paris Hilton arrived late.", "Paris"),
    ("Lima Barreto, a writer, said the strike was illegal.", "Lima"),
])
def test_given_names_and_us_states_are_not_countries(resolve, text, word):
    found = resolve(text)
    assert all(not (m.text == word and len(m.actor_id) == 3 and m.actor_id.isupper()) for m in found.mentions), \
        [(m.text, m.actor_id) for m in found.mentions]


def test_an_acronym_in_brackets_names_the_same_actor(resolve):
    found = resolve("The Kachin Independence Organisation (KIO) seized a town. The KIO said its fighters held it.")
    ids = {m.actor_id for m in found.mentions if m.text in ("Kachin Independence Organisation", "KIO")}
    assert len(ids) == 1 and len([m for m in found.mentions if m.text == "KIO"]) == 2


@pytest.mark.parametrize("text, name, sector", [
    ("European steelmakers' association Eurofer welcomed the move.", "Eurofer", "BUS"),
    ("Rights group Memorial said the trial was political.", "Memorial", "NGO"),
])
def test_a_name_a_common_noun_calls_a_body_is_an_organisation(resolve, text, name, sector):
    actors = {a.name: a for a in resolve(text).actors.values()}
    assert actors[name].type == "organisation" and actors[name].sector == sector
