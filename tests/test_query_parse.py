"""Question parsing: intent, names (typos, Cyrillic, case endings, demonyms), roles with dates."""
from __future__ import annotations

import pytest

from bot.entities import Entity, EntityIndex, Role
from bot.query.dates import DateRange, parse_date_range
from bot.query.intent import detect_intent
from bot.query.parse import parse_question


@pytest.fixture(scope="module")
def index() -> EntityIndex:
    return EntityIndex.default()


@pytest.mark.parametrize(("question", "intent"), [
    pytest.param("who attended from Canada", "attendance", id="attended-from"),
    pytest.param("did Japan take part?", "attendance", id="take-part"),
    pytest.param("who represented the US", "attendance", id="represented"),
    pytest.param("which US generals were in paris", "attendance", id="were-in"),
    pytest.param("хто був від Канади?", "attendance", id="uk-who-was"),
    pytest.param("what did Merz say", "statement", id="say"),
    pytest.param("who talked about the shadow fleet", "statement", id="talked-about"),
    pytest.param("що сказав Макрон?", "statement", id="uk-said"),
    pytest.param("what did the UK commit to", "commitment", id="commit"),
    pytest.param("how much did France pledge in March 2025", "commitment", id="how-much"),
    pytest.param("що пообіцяла Данія?", "commitment", id="uk-promised"),
    pytest.param("what did Germany pledge when Zelensky signed the deal", "commitment",
                 id="earliest-cue-wins"),
    pytest.param("what did Macron say when Zelenskyy signed the agreement", "statement",
                 id="say-before-sign"),
    pytest.param("who signed the trilateral declaration", "agreement", id="signed"),
    pytest.param("хто підписав угоду?", "agreement", id="uk-signed"),
    pytest.param("when was the London summit", "meeting", id="when"),
    pytest.param("which meetings did Rutte attend", "meeting", id="which-meetings"),
    pytest.param("де зустрілася коаліція?", "meeting", id="uk-where"),
    pytest.param("shadow fleet tankers", "search", id="keywords"),
    pytest.param("who was in the cabinet room with Starmer", "attendance", id="who-was-in"),
    pytest.param("what did Biden tell Scholz at dinner", "statement", id="tell"),
    pytest.param("can you tell me who represented Spain", "attendance", id="tell-me-is-polite"),
    pytest.param("what happened at the Riyadh talks", "search", id="talks-is-an-event"),
    pytest.param("what document came out of the Vilnius summit", "agreement", id="document"),
    pytest.param("which documents mention air defence", "search", id="documents-mention"),
    pytest.param("was Keir Starmer at the summit in Oslo?", "attendance", id="was-x-at"),
    pytest.param("чи був Стармер на саміті в Осло?", "attendance", id="uk-chy-buv"),
    pytest.param("was the deal signed in Oslo?", "agreement", id="was-signed-is-no-attendance"),
    pytest.param("who accompanied Starmer at his meeting with Merz", "attendance", id="accompanied"),
    pytest.param("хто супроводжував Стармера на зустрічі з Мерцом?", "attendance", id="uk-accompanied"),
    pytest.param("who chaired the summit in Oslo", "attendance", id="chaired"),
    pytest.param("what did the chair say", "statement", id="chair-noun-is-no-cue"),
])
def test_intent(question: str, intent: str) -> None:
    assert detect_intent(question) == intent


@pytest.mark.parametrize(("question", "persons", "countries", "orgs"), [
    pytest.param("what did mertz say", ["Friedrich Merz"], [], [], id="typo"),
    pytest.param("що сказав Мерц?", ["Friedrich Merz"], [], [], id="cyrillic"),
    pytest.param("хто був від Канади?", [], ["Canada"], [], id="case-ending"),
    pytest.param("хто від Туреччини був на саміті?", [], ["Türkiye"], [], id="case-ending-turkey"),
    pytest.param("who represented the americans", [], ["United States"], [], id="demonym"),
    pytest.param("which turkish official took part", [], ["Türkiye"], [], id="adjective"),
    pytest.param("what did the uk commit to", [], ["United Kingdom"], [], id="lowercase-code"),
    pytest.param("who was present from the EU", [], [], ["European Union"], id="org-from"),
    pytest.param("what did orban say about ukraine", ["Viktor Orbán"], [], [], id="about-is-topic"),
    pytest.param("what did Trump say after meeting Zelensky", ["Donald Trump"], [], [],
                 id="met-is-context"),
    pytest.param("що заявив Трамп після зустрічі з Зеленським?", ["Donald Trump"], [], [],
                 id="uk-with-is-context"),
    pytest.param("what did France promise to Ukraine", [], ["France"], [], id="recipient-is-context"),
    pytest.param("what did Macron tell Scholz", ["Emmanuel Macron"], [], [], id="listener-is-context"),
    pytest.param("who attended the NATO summit", [], [], [], id="org-names-the-meeting"),
    pytest.param("which leaders came to Vilnius for the NATO summit", [], [], [],
                 id="for-org-summit-names-the-meeting"),
])
def test_names(index: EntityIndex, question: str, persons: list[str], countries: list[str],
               orgs: list[str]) -> None:
    query = parse_question(question, index=index)
    assert ([p.name for p in query.persons], list(query.countries), list(query.orgs)) == (
        persons, countries, orgs)


@pytest.mark.parametrize(("question", "holders"), [
    pytest.param("what did the German chancellor say in 2024", ["Olaf Scholz"], id="chancellor-2024"),
    pytest.param("what did the German chancellor say in 2026", ["Friedrich Merz"], id="chancellor-2026"),
    pytest.param("what did the canadian pm say at the g7 in june 2025", ["Mark Carney"], id="pm-demonym"),
])
def test_roles_with_dates(index: EntityIndex, question: str, holders: list[str]) -> None:
    query = parse_question(question, index=index)
    assert [p.name for p in query.role_persons] == holders
    assert not any("chancellor" in c or "pm" in c for c in query.concepts)


def test_an_undated_office_is_held_by_the_people_of_the_index_asked(index: EntityIndex) -> None:
    question = "what did the Estonian finance minister say?"
    assert parse_question(question, index=index).role_persons == ()
    extended = index.copy()
    extended.add(Entity(id="aino-sarvik", kind="person", name="Aino Sarvik",
                        roles=(Role(title="Finance Minister", country="Estonia", start="2031-01-01"),)))
    assert [p.name for p in parse_question(question, index=extended).role_persons] == ["Aino Sarvik"]


@pytest.mark.parametrize(("question", "concepts"), [
    pytest.param("anything new on frozen Russian assets?", [("frozen",), ("assets",)],
                 id="name-breaks-phrase"),
    pytest.param("скільки військової допомоги?", [("військової допомоги", "military aid", "military support",
                                                   "військова допомога")], id="inflected-synonym"),
])
def test_topic_concepts(index: EntityIndex, question: str, concepts: list[tuple[str, ...]]) -> None:
    assert list(parse_question(question, index=index).concepts) == concepts


def test_ambiguous_surname_keeps_every_candidate(index: EntityIndex) -> None:
    query = parse_question("what did Kushner say", index=index)
    (words, ids), = query.ambiguous
    assert words == "Kushner" and {p.name for p in query.persons if p.id in ids} >= {
        "Jared Kushner", "Charles Kushner"}


@pytest.mark.parametrize(("question", "subjects"), [
    pytest.param("what did the pope say", ("pope",), id="unknown-title"),
    pytest.param("did Lulu pledge anything?", ("lulu",), id="unknown-name"),
    pytest.param("what did the leaders say", (), id="group-is-no-name"),
    pytest.param("what did Merz say", (), id="known-name"),
    pytest.param("was Lulu at the London summit?", ("lulu",), id="was-at"),
    pytest.param("what Lulu said about the war", ("lulu",), id="what-x-said"),
])
def test_unknown_subjects(index: EntityIndex, question: str, subjects: tuple[str, ...]) -> None:
    assert parse_question(question, index=index).subjects == subjects


@pytest.mark.parametrize(("question", "person", "said"), [
    pytest.param("what did von der leyn say about tariffs", "Ursula von der Leyen", "von der leyn",
                 id="a-letter-left-out"),
    pytest.param("what did macorn promise", "Emmanuel Macron", "macorn", id="two-letters-swapped"),
    pytest.param("what did stoltenbreg say", "Jens Stoltenberg", "stoltenbreg", id="swapped-in-a-long-name"),
])
def test_a_slip_of_the_finger_names_the_person(index: EntityIndex, question: str, person: str,
                                                said: str) -> None:
    query = parse_question(question, index=index)
    assert [p.name for p in query.persons] == [person]
    assert query.subjects == () and query.said_as[person] == said
    assert not any(said.split()[-1] in c for c in query.concepts)  # the name is no topic word


def test_a_slip_of_the_finger_names_a_person_added_to_a_copy_of_the_index(index: EntityIndex) -> None:
    extended = index.copy()
    extended.add_person("Maret Kivistik", country="Estonia")
    query = parse_question("what did kivisitk say about drones", index=extended)
    assert [p.name for p in query.persons] == ["Maret Kivistik"]
    assert parse_question("what did kivisitk say about drones", index=index).subjects == ("kivisitk",)


def test_a_name_two_slips_away_stays_unknown(index: EntityIndex) -> None:
    query = parse_question("what did marcorn say", index=index)
    assert query.persons == () and query.subjects == ("marcorn",)


@pytest.mark.parametrize(("question", "expected"), [
    pytest.param("in january 2026", DateRange("2026-01-01", "2026-01-31"), id="month-year"),
    pytest.param("in jan 2026", DateRange("2026-01-01", "2026-01-31"), id="abbreviated"),
    pytest.param("on 10 july 2025", DateRange("2025-07-10", "2025-07-10", exact=True), id="day-month-year"),
    pytest.param("on May 10", DateRange("2000-05-10", "2000-05-10", exact=True, has_year=False),
                 id="no-year"),
    pytest.param("in 2024", DateRange("2024-01-01", "2024-12-31"), id="year"),
    pytest.param("10 травня 2025", DateRange("2025-05-10", "2025-05-10", exact=True), id="ukrainian"),
    pytest.param("what may happen next", None, id="may-is-a-verb"),
    pytest.param("червоні лінії", None, id="not-a-month"),
])
def test_dates(question: str, expected: DateRange | None) -> None:
    assert parse_date_range(question) == expected


def test_month_day_without_year_matches_any_year() -> None:
    span = parse_date_range("on May 10")
    assert span is not None and span.contains("2025-05-10") and not span.contains("2025-05-11")


@pytest.mark.parametrize(("question", "narrow"), [
    ("on 10 july 2025", True), ("in january 2026", True), ("in 2024", False), ("on May 10", False)])
def test_a_day_or_month_of_a_known_year_is_narrow(question: str, narrow: bool) -> None:
    span = parse_date_range(question)
    assert span is not None and span.narrow is narrow


HOSTILE = [
    pytest.param('" OR 1=1; DROP TABLE sentences; --', id="sql"),
    pytest.param('NEAR(merz* ceasefire) "unbalanced', id="fts-syntax"),
    pytest.param("air defence " * 400, id="very-long"),
    pytest.param("🙂🙂🙂 \u200b\u202e merz \u2066", id="emoji-and-controls"),
    pytest.param("   ", id="blank"),
]


@pytest.mark.parametrize("question", HOSTILE)
def test_hostile_text_parses(index: EntityIndex, question: str) -> None:
    query = parse_question(question, index=index)
    assert len(query.text) <= 600 and query.intent


@pytest.mark.parametrize("question", [
    pytest.param("what did Norway pledge at the first NATO summit", id="first"),
    pytest.param("what did Norway pledge at the 15th NATO summit", id="ordinal-number"),
])
def test_a_format_after_at_and_an_ordinal_says_where(index: EntityIndex, question: str) -> None:
    query = parse_question(question, index=index)
    assert query.places == ("NATO",) and query.orgs == ()
