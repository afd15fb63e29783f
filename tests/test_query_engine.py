"""Answers over a small store of our own example readouts, ingested with the real extraction."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.ingest.pipeline import ingest_document
from bot.query.engine import QueryEngine, engine_for
from bot.wiring import open_store
from storage.records import SourceDocument
from storage.store import Store
from tests.test_query_parse import HOSTILE

DOCS = [
    SourceDocument(
        url="https://example.org/oslo-ministers", title="Defence ministers meet in Oslo",
        publisher="Example Wire (example.org)", published="2025-09-04", language="en",
        text=("Defence ministers meet in Oslo\n\n"
              "Defence ministers of the Nordic countries met in Oslo on 4 September 2025 to discuss support "
              "for Ukraine. The meeting was attended by Norwegian Defence Minister Tore Sandvik, Danish "
              "Defence Minister Troels Lund Poulsen and Ukrainian Defence Minister Denys Shmyhal.\n"
              "\"We will deliver more air defence before winter,\" Troels Lund Poulsen said.\n"
              "Norway pledged 2 billion kroner for naval drones, Sandvik told reporters.\n"
              "He added that the coastal radar programme would start next spring.")),
    SourceDocument(
        url="https://example.org/lisbon-compact", title="Lisbon compact on grain corridors signed",
        publisher="Harbour Post", published="2025-10-20", language="en",
        text=("Lisbon compact on grain corridors signed\n\n"
              "Ukraine and Portugal signed the Lisbon Compact on Grain Corridors in Lisbon "
              "on 20 October 2025. "
              "Prime Minister Luis Montenegro said the compact would keep Black Sea shipping insured. "
              "The shadow fleet was not discussed, officials said.")),
    SourceDocument(
        url="https://example.org/tallinn-grid", title="Energy ministers meet in Tallinn",
        publisher="Baltic Desk", published="2025-12-03", language="en",
        text=("Energy ministers meet in Tallinn\n\n"
              "Energy ministers met in Tallinn on 3 December 2025. Deputy minister Arvo Kallasmaa said the "
              "grid link to Ukraine would be finished in spring. Officials said transformer deliveries "
              "were delayed by winter storms.")),
    SourceDocument(
        url="https://example.org/uk-kyiv", title="Зустріч у Києві", publisher="Приклад",
        published="2025-11-02", language="uk",
        text=("Зустріч у Києві\n\n"
              "Прем'єр-міністр Канади Марк Карні взяв участь у зустрічі в Києві 2 листопада 2025 року. "
              "Карні заявив, що Канада передасть Україні нові бронемашини.")),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> QueryEngine:
    store = open_store(Path(tmp_path_factory.mktemp("query")) / "q.db")
    for doc in DOCS:
        ingest_document(store, doc)
    return QueryEngine(store)


@pytest.mark.parametrize(("question", "intent", "wanted"), [
    pytest.param("who attended from Denmark?", "attendance", ["Poulsen"], id="attendance-country"),
    pytest.param("who was at the oslo meeting", "attendance", ["Sandvik", "Shmyhal"], id="attendance-place"),
    pytest.param("what did poulsen say", "statement", ["air defence", "\"We will deliver"], id="quote"),
    pytest.param("what did sandvik say about radar", "statement", ["radar"], id="pronoun-carries-speaker"),
    pytest.param("how much did norway pledge", "commitment", ["2 billion kroner"], id="amount"),
    pytest.param("who pledged naval drones?", "commitment", ["Norway"], id="who-pledged"),
    pytest.param("what was signed in lisbon", "agreement", ["Lisbon Compact"], id="signed-in-place"),
    pytest.param("when was the lisbon compact signed", "meeting", ["20 October 2025"], id="when"),
    pytest.param("where did the defence ministers meet in september 2025", "meeting", ["Oslo"], id="where"),
    pytest.param("what did the portuguese pm say about shipping", "statement", ["insured"], id="role"),
    pytest.param("what did the defense ministers say about air defense", "statement", ["air defence"],
                 id="spelling-variant"),
    pytest.param("what did poulsen say about the wintr", "statement", ["winter"], id="topic-typo"),
    pytest.param("list the meetings in 2025", "meeting", ["Oslo", "Lisbon"], id="meetings-of-a-year"),
    pytest.param("who spoke in oslo?", "statement", ["Sandvik", "Troels Lund Poulsen"], id="who-spoke"),
    pytest.param("what did Kallasmaa say", "statement", ["grid link"], id="name-no-gazetteer-knows"),
    pytest.param("what did kalasmaa say", "statement", ["grid link"], id="misspelt-unlisted-name"),
])
def test_answers_carry_the_evidence(engine: QueryEngine, question: str, intent: str,
                                    wanted: list[str]) -> None:
    answer = engine.answer(question)
    assert (answer.found, answer.intent) == (True, intent)
    for text in wanted:
        assert text in answer.text[:1500]


def test_cyrillic_names_keep_their_letters(engine: QueryEngine) -> None:
    # The FTS5 tokenizer keeps "й" and "ї", so a search must keep them too.
    answer = engine.answer("хто був на зустрічі в Києві?")
    assert answer.found and "Карні" in answer.text


def test_ukrainian_question_gets_ukrainian_frame(engine: QueryEngine) -> None:
    answer = engine.answer("хто був від Канади?")
    assert answer.found and answer.language == "uk"
    assert answer.text.startswith("Від Канади:") and "Карні" in answer.text


@pytest.mark.parametrize(("question", "said"), [
    pytest.param("who attended from Brazil?", "No document says that Brazil attended.", id="country"),
    pytest.param("what did the pope say", "No document says that pope said anything.", id="unknown-title"),
    pytest.param("хто був від Бразилії?", "Жоден документ не каже, що хтось був від Бразилії.", id="uk"),
])
def test_nothing_known_is_said_plainly(engine: QueryEngine, question: str, said: str) -> None:
    answer = engine.answer(question)
    assert (answer.found, answer.text.split("?")[0].split(" Did you")[0]) == (False, said)
    assert "did not" not in answer.text


def test_a_known_name_without_facts_is_not_found_even_when_topic_words_match(engine: QueryEngine) -> None:
    assert engine.answer("what did Xi Jinping say about air defence?").found is False


@pytest.mark.parametrize("question", [
    pytest.param("what did Arvo Nakamura say", id="first-name-of-another"),
    pytest.param("what did Tore Bakken say?", id="first-name-of-a-speaker"),
    pytest.param("what did Lee Grid Un say?", id="a-topic-word-inside"),
])
def test_one_word_of_an_unknown_longer_name_names_nobody(engine: QueryEngine, question: str) -> None:
    answer = engine.answer(question)
    assert (answer.found, answer.results) == (False, [])
    assert "Kallasmaa" not in answer.text and "Poulsen" not in answer.text


def test_an_unknown_name_found_whole_answers_in_any_order(engine: QueryEngine) -> None:
    for question in ("what did Arvo Kallasmaa say?", "what did Kallasmaa Arvo say about the grid?"):
        answer = engine.answer(question)
        assert answer.found and "grid link" in answer.text and "Poulsen" not in answer.text


def test_results_follow_the_answer_contract(engine: QueryEngine) -> None:
    answer = engine.answer("what did poulsen say")
    first = answer.results[0]
    assert {"type", "text", "doc_id", "sentence", "evidence", "source"} <= set(first)
    assert first["text"] in answer.text and first["evidence"] in engine.store.sentence(
        first["doc_id"], first["sentence"])["text"]
    assert first["source"] == {"title": "Defence ministers meet in Oslo",
                               "publisher": "Example Wire (example.org)", "published": "2025-09-04",
                               "url": "https://example.org/oslo-ministers"}
    assert "Example Wire, 4 September 2025" in first["text"]
    assert "https://example.org/oslo-ministers" in answer.text


@pytest.mark.parametrize("question", HOSTILE)
def test_hostile_questions_get_a_reply(engine: QueryEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.text and len(answer.text) < 4000
    assert engine.store.db.execute("select count(*) from sentences").fetchone()[0] > 0


def test_engine_is_built_once_per_store(engine: QueryEngine) -> None:
    assert engine_for(engine.store) is engine_for(engine.store)


def test_a_typo_as_close_to_two_stored_names_searches_both(tmp_path: Path) -> None:
    # "Varnesko" is one swap from "Varensko" and one dropped letter from "Varnesk": both are
    # plausible, so both speakers are shown rather than a silent guess at one.
    store = open_store(tmp_path / "q.db")
    for name, topic, url in (("Varensko", "demining", "a"), ("Varnesk", "grain corridors", "b")):
        text = f"Readout\n\nMinister {name} said that {topic} would stay the first priority."
        ingest_document(store, SourceDocument(url=f"https://example.org/{url}", title="Readout", text=text,
                                              publisher="Wire", published="2025-03-01", language="en"))
    text = QueryEngine(store).answer("what did Varnesko say?").text
    assert "Varensko" in text and "Varnesk" in text


def test_a_name_two_edits_from_a_stored_word_is_not_taken_for_it(tmp_path: Path) -> None:
    store = open_store(tmp_path / "q.db")
    text = "Readout\n\nMinister Biloric said that demining would stay the first priority."
    ingest_document(store, SourceDocument(url="https://example.org/a", title="Readout", text=text,
                                          publisher="Wire", published="2025-03-01", language="en"))
    engine = QueryEngine(store)
    assert not engine.answer("what did Boric say about demining?").found  # not a slip of the finger
    assert "Biloric" in engine.answer("what did Bilorc say about demining?").text  # one letter dropped


def _readout(store: Store, slug: str, day: str, body: str) -> None:
    text = f"Ministers meet in {slug.title()}\n\n{body}"
    ingest_document(store, SourceDocument(url=f"https://example.org/{slug}-{day}", title=f"Ministers meet in "
                                          f"{slug.title()}", text=text, publisher="Wire", published=day,
                                          language="en"))


_RIGA = ("riga", "2025-10-10", "Ministers met in Riga on 10 October 2025. "
         "Norway pledged 300 million euros for air defence.")


@pytest.mark.parametrize(("readouts", "question", "absent"), [
    # The day's report names Norway: a pledge of another time is no answer to it.
    pytest.param([("oslo", "2025-09-04", "Ministers met in Oslo on 4 September 2025. "
                   "Norway pledged 2 billion kroner for naval drones."), _RIGA],
                 "what did Norway pledge on 10 October 2025?", "naval drones", id="the-day-names-it"),
    # The day's report never names Norway: a date the question got wrong still finds the pledge.
    pytest.param([_RIGA, ("vilnius", "2025-10-12", "Ministers met in Vilnius on 12 October 2025. "
                          "Lithuania pledged 40 million euros for demining.")],
                 "what did Norway pledge on 12 October 2025?", "demining", id="the-day-never-names-it"),
])
def test_a_dated_question_answers_from_that_day_when_it_names_the_actor(
        tmp_path: Path, readouts: list[tuple[str, str, str]], question: str, absent: str) -> None:
    store = open_store(tmp_path / "q.db")
    for slug, day, body in readouts:
        _readout(store, slug, day, body)
    answer = QueryEngine(store).answer(question)
    assert answer.found and "air defence" in answer.text and absent not in answer.text


def test_a_meeting_held_in_three_cities_that_day_lists_them_all(tmp_path: Path) -> None:
    store = open_store(tmp_path / "q.db")
    for city, day in (("Vienna", 1), ("Sofia", 1), ("Warsaw", 1), ("Lisbon", 2)):
        body = (f"Representatives of the demining coalition met in {city} on {day} July 2024 to discuss "
                "mine clearance. The coalition also reviewed border crossings.")
        text = f"Demining coalition meets in {city}\n\n{body}"
        ingest_document(store, SourceDocument(url=f"https://example.org/{city}", text=text, publisher="Wire",
                                              title=f"Demining coalition meets in {city}", language="en",
                                              published=f"2024-07-0{day}"))
    # More reports that day than are matched sentence by sentence (twelve).
    for city in ("riga", "tallinn", "vilnius", "gdansk", "krakow", "brno", "graz", "split", "turku", "bergen",
                 "aarhus", "ghent", "porto"):
        _readout(store, city, "2024-07-01", f"Energy ministers met in {city.title()} on 1 July 2024.")
    # Asked with a typo no name in the index matches: the meetings whose names hold its words.
    answer = QueryEngine(store).answer("where did the demining coailtion meet on 1 July 2024?")
    assert all(city in answer.text for city in ("Vienna", "Sofia", "Warsaw")), answer.text
    assert "Riga" not in answer.text and "Lisbon" not in answer.text


def test_a_misspelt_place_respelt_to_a_known_one_is_asked_about_as_that_place(engine: QueryEngine) -> None:
    from bot.query.parse import parse_question

    query = parse_question("what was signed in Lisbn on 20 October 2025?", index=engine.index)
    respelt = engine._respelt_places(replace(query, concepts=tuple(
        engine._respell(c) if c[0] == "lisbn" else c for c in query.concepts)))
    assert "Lisbon" in respelt.places and all(c[0] != "lisbn" for c in respelt.concepts)
    assert "Lisbon Compact" in engine.answer("what was signed in Lisbn on 20 October 2025?").text


def _valletta(tmp_path: Path, extra: str = "") -> QueryEngine:
    store = open_store(tmp_path / "q.db")
    text = ("Leaders meet in Valletta\n\nThe leaders of Malta, Cyprus and Greece met in Valletta on "
            "2 May 2025 to discuss port security. Prime Minister Robert Abela said the ports would "
            "stay open through the summer." + extra)
    ingest_document(store, SourceDocument(url="https://example.org/valletta", title=text.split("\n")[0],
                                          text=text, publisher="Wire", published="2025-05-02", language="en"))
    return QueryEngine(store)


def test_a_target_named_only_in_a_list_of_leaders_is_not_found(tmp_path: Path) -> None:
    answer = _valletta(tmp_path).answer("what did Cyprus commit to?")
    assert (answer.found, answer.results) == (False, [])
    assert "Malta, Cyprus and Greece" not in answer.text and "ports" not in answer.text


def test_a_target_named_outside_a_list_is_still_shown_as_a_mention(tmp_path: Path) -> None:
    engine = _valletta(tmp_path, " The harbour talks with Cyprus ran late into the night.")
    answer = engine.answer("what did Cyprus commit to?")
    assert answer.found and "harbour talks with Cyprus" in answer.text
    assert "Malta, Cyprus and Greece" not in answer.text


def test_an_office_spelt_as_no_report_spelt_it_before_is_found_after_a_save(tmp_path: Path) -> None:
    # The engine searches only the spellings of an office that stored sentences hold; one that
    # a later report brings ("Defence Secretary") must be searched by the next question.
    store = open_store(tmp_path / "office.db")
    engine = QueryEngine(store)
    first = SourceDocument(
        url="https://example.org/tallinn-radars", title="Radars for the coast", publisher="Baltic Desk",
        published="2025-05-02", language="en",
        text="Radars for the coast\n\nThe Estonian Defence Minister said the coastal radars would "
             "arrive in May.")
    ingest_document(store, first)
    assert "radars" in engine.answer("what did the estonian defence minister say?").text
    later = replace(first, url="https://example.org/tallinn-boats", title="Boats for the coast",
                    text="Boats for the coast\n\nThe Estonian Defence Secretary said the patrol boats "
                         "would arrive in June.")
    ingest_document(store, later)
    assert "patrol boats" in engine.answer("what did the estonian defence minister say?").text
    store.close()
