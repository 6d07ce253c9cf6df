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
