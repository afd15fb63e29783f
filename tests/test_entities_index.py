"""Resolving names to entities: countries, organisations, people, places (bot/entities/index.py)."""
from __future__ import annotations

import pytest

from bot.entities import Entity, EntityIndex


@pytest.fixture(scope="module")
def idx() -> EntityIndex:
    return EntityIndex.default()


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("the Americans", "United States", id="the-americans"),
    pytest.param("American", "United States", id="american"),
    pytest.param("the American side", "United States", id="american-side"),
    pytest.param("U.S.", "United States", id="u.s."),
    pytest.param("US", "United States", id="us-capitals"),
    pytest.param("USA", "United States", id="usa"),
    pytest.param("United States of America", "United States", id="usa-long"),
    pytest.param("UK", "United Kingdom", id="uk"),
    pytest.param("Britain", "United Kingdom", id="britain"),
    pytest.param("British", "United Kingdom", id="british"),
    pytest.param("Canadian", "Canada", id="canadian"),
    pytest.param("Canadians", "Canada", id="canadians"),
    pytest.param("French", "France", id="french"),
    pytest.param("German", "Germany", id="german"),
    pytest.param("Turkish", "Türkiye", id="turkish"),
    pytest.param("Turkey", "Türkiye", id="turkey"),
    pytest.param("turkey", "Türkiye", id="turkey-lowercase"),
    pytest.param("Japanese", "Japan", id="japanese"),
    pytest.param("Dutch", "Netherlands", id="dutch"),
    pytest.param("the Netherlands", "Netherlands", id="the-netherlands"),
    pytest.param("Czechia", "Czech Republic", id="czechia"),
    pytest.param("Russian Federation", "Russia", id="russian-federation"),
    pytest.param("Republic of Korea", "South Korea", id="republic-of-korea"),
    pytest.param("Iran, Islamic Republic of", "Iran", id="pycountry-iran"),
    pytest.param("Viet Nam", "Vietnam", id="viet-nam"),
    pytest.param("Moldova, Republic of", "Moldova", id="pycountry-moldova"),
    pytest.param("Niger", "Niger", id="niger"),
    pytest.param("Nigeria", "Nigeria", id="nigeria"),
    pytest.param("Канада", "Canada", id="uk-canada"),
    pytest.param("Канади", "Canada", id="uk-canada-genitive"),
    pytest.param("Туреччини", "Türkiye", id="uk-turkiye-genitive"),
    pytest.param("Німеччини", "Germany", id="uk-germany-genitive"),
    pytest.param("Франції", "France", id="uk-france-genitive"),
    pytest.param("Британії", "United Kingdom", id="uk-britain-genitive"),
    pytest.param("Великої Британії", "United Kingdom", id="uk-great-britain-genitive"),
    pytest.param("США", "United States", id="uk-usa"),
    pytest.param("Сполучених Штатів", "United States", id="uk-united-states-genitive"),
    pytest.param("Нігерії", "Nigeria", id="uk-nigeria-genitive"),
    pytest.param("Нігер", "Niger", id="uk-niger"),
    pytest.param("Україною", "Ukraine", id="uk-ukraine-instrumental"),
    pytest.param("Естонія", "Estonia", id="uk-from-pycountry-locale"),
    pytest.param("французький", "France", id="uk-adjective"),
    pytest.param("Germny", "Germany", id="typo"),
])
def test_country(idx: EntityIndex, text: str, expected: str) -> None:
    assert idx.country(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("us", id="pronoun-us"), pytest.param("it", id="pronoun-it"),
    pytest.param("in", id="preposition-in"), pytest.param("no", id="no"),
    pytest.param("can", id="verb-can"), pytest.param("arm", id="noun-arm"),
    pytest.param("Atlantis", id="not-a-country"), pytest.param("", id="empty"),
])
def test_not_a_country(idx: EntityIndex, text: str) -> None:
    assert idx.country(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("European Commission", "European Commission", id="commission"),
    pytest.param("Єврокомісія", "European Commission", id="uk-commission"),
    pytest.param("НАТО", "NATO", id="uk-nato"),
    pytest.param("nato", "NATO", id="nato-lowercase"),
    pytest.param("EU", "European Union", id="eu"),
    pytest.param("the EU", "European Union", id="the-eu"),
    pytest.param("ЄС", "European Union", id="uk-eu"),
    pytest.param("UN", "United Nations", id="un"),
    pytest.param("G-7", "G7", id="g-7"),
    pytest.param("Ramstein format", "Ukraine Defense Contact Group", id="ramstein-format"),
    pytest.param("UDCG", "Ukraine Defense Contact Group", id="udcg"),
    pytest.param("Коаліції охочих", "Coalition of the Willing", id="uk-coalition"),
    pytest.param("US Congress", "U.S. Congress", id="congress"),
    pytest.param("International Monetary Fund", "IMF", id="imf"),
])
def test_org(idx: EntityIndex, text: str, expected: str) -> None:
    assert idx.org(text) == expected


@pytest.mark.parametrize(("text", "expected_id"), [
    pytest.param("Zelensky", "volodymyr-zelenskyy", id="zelensky"),
    pytest.param("Zelenskyy", "volodymyr-zelenskyy", id="zelenskyy"),
    pytest.param("Zelenskiy", "volodymyr-zelenskyy", id="zelenskiy"),
    pytest.param("Volodomyr Zelenskyy", "volodymyr-zelenskyy", id="volodomyr"),
    pytest.param("Зеленський", "volodymyr-zelenskyy", id="uk-zelenskyy"),
    pytest.param("Зеленського", "volodymyr-zelenskyy", id="uk-zelenskyy-genitive"),
    pytest.param("zelenksy", "volodymyr-zelenskyy", id="typo-zelenksy"),
    pytest.param("Merz", "friedrich-merz", id="merz"),
    pytest.param("mertz", "friedrich-merz", id="typo-mertz"),
    pytest.param("Мерц", "friedrich-merz", id="uk-merz"),
    pytest.param("Мерцем", "friedrich-merz", id="uk-merz-instrumental"),
    pytest.param("Støre", "jonas-gahr-store", id="store-o-slash"),
    pytest.param("Jonas Gahr Store", "jonas-gahr-store", id="store-ascii"),
    pytest.param("Erdogan", "recep-tayyip-erdogan", id="erdogan"),
    pytest.param("Sybiga", "andrii-sybiha", id="sybiga"),
    pytest.param("Свириденко", "yulia-svyrydenko", id="uk-svyrydenko"),
    pytest.param("von der Leyen", "ursula-von-der-leyen", id="von-der-leyen"),
    pytest.param("Tony Radakin", "tony-radakin", id="radakin"),
    pytest.param("Lindsey Graham", "lindsey-graham", id="graham"),
    pytest.param("Witkoff", "steve-witkoff", id="witkoff"),
    pytest.param("Rutte", "mark-rutte", id="rutte"),
    pytest.param("Grynkewich", "alexus-grynkewich", id="grynkewich"),
])
def test_person(idx: EntityIndex, text: str, expected_id: str) -> None:
    person = idx.person(text)
    assert person is not None and person.id == expected_id


@pytest.mark.parametrize("text", [
    pytest.param("John Nobody", id="unknown-name"), pytest.param("store", id="common-word"),
    pytest.param("said", id="verb"), pytest.param("", id="empty"),
    pytest.param("Canada", id="a-country-is-no-person"),
])
def test_not_a_person(idx: EntityIndex, text: str) -> None:
    assert idx.person(text) is None


def test_ambiguous_surname_lists_every_candidate(idx: EntityIndex) -> None:
    assert {p.name for p in idx.people_named("Kushner")} == {"Jared Kushner", "Charles Kushner"}
    assert [p.name for p in idx.people_named("Charles Kushner")] == ["Charles Kushner"]


def test_person_entity_carries_country_and_aliases(idx: EntityIndex) -> None:
    person = idx.person("Зеленський")
    assert person is not None
    assert (person.kind, person.name, person.country) == ("person", "Volodymyr Zelenskyy", "Ukraine")
    assert "Zelenskiy" in person.aliases


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Римі", "Rome", id="uk-rome-locative"),
    pytest.param("the White House", "Washington", id="white-house"),
    pytest.param("Білому домі", "Washington", id="uk-white-house-locative"),
    pytest.param("Lancaster House", "London", id="lancaster-house"),
    pytest.param("Downing Street", "London", id="downing-street"),
    pytest.param("Лондоні", "London", id="uk-london-locative"),
    pytest.param("Élysée", "Paris", id="elysee"),
    pytest.param("Парижі", "Paris", id="uk-paris-locative"),
    pytest.param("Kiev", "Kyiv", id="kiev"),
    pytest.param("Києві", "Kyiv", id="uk-kyiv-locative"),
    pytest.param("Hague", "The Hague", id="hague"),
    pytest.param("Гаага", "The Hague", id="uk-hague"),
    pytest.param("Brussels", "Brussels", id="brussels"),
    pytest.param("Рамштайн", "Ramstein", id="uk-ramstein"),
    pytest.param("Anchorage", "Anchorage", id="anchorage"),
    pytest.param("Mar-a-Lago", "Mar-a-Lago", id="mar-a-lago"),
    pytest.param("Kananaskis", "Kananaskis", id="kananaskis"),
])
def test_place(idx: EntityIndex, text: str, expected: str) -> None:
    assert idx.place(text) == expected


def test_place_knows_its_country(idx: EntityIndex) -> None:
    place = idx.resolve("Lancaster House", "place")
    assert place is not None and place.country == "United Kingdom"


@pytest.mark.parametrize(("title", "scope", "on", "expected"), [
    pytest.param("President", {"country": "France"}, "2026-01-06", "Emmanuel Macron", id="fr-president"),
    pytest.param("Chancellor", {"country": "Germany"}, "2024-02-16", "Olaf Scholz", id="de-scholz"),
    pytest.param("Federal Chancellor", {"country": "Germany"}, "2025-08-18", "Friedrich Merz",
                 id="de-merz"),
    pytest.param("Chancellor", {"country": "Germany"}, "2025-05-06", "Friedrich Merz",
                 id="de-handover-day-newest-wins"),
    pytest.param("Prime Minister", {"country": "United Kingdom"}, "2024-02-16", "Rishi Sunak",
                 id="uk-sunak"),
    pytest.param("PM", {"country": "UK"}, "2025-03-02", "Keir Starmer", id="uk-starmer-codes"),
    pytest.param("Secretary General", {"org": "NATO"}, "2025-08-22", "Mark Rutte", id="nato-rutte"),
    pytest.param("Secretary-General", {"org": "NATO"}, "2023-07-11", "Jens Stoltenberg",
                 id="nato-stoltenberg"),
    pytest.param("President", {"country": "United States"}, "2024-06-01", "Joe Biden", id="us-biden"),
    pytest.param("President", {"country": "United States"}, "2025-08-18", "Donald Trump",
                 id="us-trump"),
    pytest.param("Secretary of State", {"country": "United States"}, "2025-08-18", "Marco Rubio",
                 id="us-rubio"),
    pytest.param("Foreign Secretary", {"country": "United Kingdom"}, "2025-03-02", "David Lammy",
                 id="uk-lammy"),
    pytest.param("Defence Secretary", {"country": "United Kingdom"}, "2025-03-02", "John Healey",
                 id="uk-healey"),
    pytest.param("Chief of the Defence Staff", {"country": "United Kingdom"}, "2025-03-15",
                 "Tony Radakin", id="uk-radakin"),
    pytest.param("Prime Minister", {"country": "Ukraine"}, "2025-03-02", "Denys Shmyhal",
                 id="ua-shmyhal"),
    pytest.param("Прем'єр-міністр", {"country": "Україна"}, "2025-08-01", "Yulia Svyrydenko",
                 id="ua-svyrydenko-in-ukrainian"),
    pytest.param("Prime Minister", {"country": "Canada"}, "2025-06-17", "Mark Carney", id="ca-carney"),
    pytest.param("President", {"country": "Poland"}, "2025-09-01", "Karol Nawrocki",
                 id="pl-nawrocki"),
    pytest.param("President", {"org": "European Commission"}, "2025-03-06", "Ursula von der Leyen",
                 id="eu-commission"),
    pytest.param("High Representative", {"org": "European Union"}, "2024-06-01", "Josep Borrell",
                 id="eu-borrell"),
    pytest.param("SACEUR", {"org": "NATO"}, "2025-08-22", "Alexus Grynkewich", id="saceur"),
])
def test_person_by_role(idx: EntityIndex, title: str, scope: dict[str, str], on: str,
                        expected: str) -> None:
    person = idx.person_by_role(title, on=on, **scope)
    assert person is not None and person.name == expected


@pytest.mark.parametrize(("title", "on", "expected"), [
    pytest.param("the French President", "2026-01-06", "Emmanuel Macron", id="french-president"),
    pytest.param("German Chancellor", "2024-02-16", "Olaf Scholz", id="german-chancellor"),
    pytest.param("NATO Secretary General", "2025-08-22", "Mark Rutte", id="nato-sg"),
    pytest.param("British Prime Minister", "2025-03-02", "Keir Starmer", id="british-pm"),
])
def test_person_by_role_reads_the_scope_from_the_title(idx: EntityIndex, title: str, on: str,
                                                       expected: str) -> None:
    person = idx.person_by_role(title, on=on)
    assert person is not None and person.name == expected


def test_person_by_role_before_anyone_known_is_none(idx: EntityIndex) -> None:
    assert idx.person_by_role("Chancellor", country="Germany", on="1950-01-01") is None
    assert idx.person_by_role("Grand Vizier", country="France", on="2025-01-01") is None
    assert idx.person_by_role("President", country="Ruritania", on="2025-01-01") is None


def test_person_by_role_finds_a_holder_added_after_asking(idx: EntityIndex) -> None:
    from bot.entities.model import Role

    copy = idx.copy()
    assert copy.person_by_role("Prime Minister", country="Ruritania", on="2025-01-01") is None
    copy.add(Entity(id="ola-testrud", kind="person", name="Ola Testrud",
                    roles=(Role("Prime Minister", country="Ruritania", start="2024-05-01"),)))
    found = copy.person_by_role("Prime Minister", country="Ruritania", on="2025-01-01")
    assert found is not None and found.name == "Ola Testrud"
    assert copy.person_by_role("Prime Minister", country="Ruritania", on="2024-01-01") is None


def test_add_person_registers_a_new_name_in_a_copy(idx: EntityIndex) -> None:
    extended = idx.with_people(["Ivana Testenko"])
    found = extended.person("Testenko")
    assert found is not None and found.name == "Ivana Testenko" and found.id == "ivana-testenko"
    assert idx.person("Ivana Testenko") is None  # the shared default index is untouched


def test_add_person_returns_the_known_entity(idx: EntityIndex) -> None:
    copy = idx.copy()
    assert copy.add_person("Zelenskyy").id == "volodymyr-zelenskyy"


def test_add_person_surname_does_not_shadow_the_gazetteer(idx: EntityIndex) -> None:
    copy = idx.copy()
    copy.add_person("Hans Merz", country="Germany")
    assert copy.person("Merz").id == "friedrich-merz"  # type: ignore[union-attr]
    assert copy.person("Hans Merz").country == "Germany"  # type: ignore[union-attr]


def test_suggest_offers_close_names(idx: EntityIndex) -> None:
    names = [e.name for e in idx.suggest("Zelenskky Volodymir")]
    assert names[0] == "Volodymyr Zelenskyy"


def test_entities_cover_every_kind(idx: EntityIndex) -> None:
    kinds = {e.kind for e in idx.entities()}
    assert kinds == {"person", "country", "org", "place"}
    assert sum(1 for _ in idx.entities("country")) >= 249
    assert sum(1 for _ in idx.entities("person")) >= 120
    assert isinstance(idx.get("volodymyr-zelenskyy"), Entity)


@pytest.mark.parametrize(("name", "expected_id"), [
    pytest.param("Carsten Beuer", "carsten-breuer", id="surname-typo-same-first-name"),
    pytest.param("Charles Kushner", "charles-kushner", id="ambiguous-surname-full-name"),
    pytest.param("Healey", "john-healey", id="surname-only"),
    pytest.param("Karl Merz", "karl-merz", id="same-surname-other-first-name-is-new"),
])
def test_add_person_recognises_known_people(idx: EntityIndex, name: str, expected_id: str) -> None:
    assert idx.copy().add_person(name).id == expected_id


def test_add_person_ids_stay_unique(idx: EntityIndex) -> None:
    copy = idx.copy()
    copy.add(Entity(id="ivan-testov", kind="place", name="Testov"))
    assert copy.add_person("Ivan Testov").id == "ivan-testov-2"


def test_the_shared_default_index_is_read_only(idx: EntityIndex) -> None:
    with pytest.raises(ValueError, match="read-only"):
        idx.add_person("Ivana Testenko")
    assert idx.copy().add_person("Ivana Testenko").name == "Ivana Testenko"


@pytest.mark.parametrize(("title", "expected"), [
    pytest.param("Ambassador to France", "Charles Kushner", id="the-very-title"),
    pytest.param("U.S. Ambassador to France", "Charles Kushner", id="scope-in-title"),
    pytest.param("Ambassador to NATO", "Matthew Whitaker", id="another-posting"),
])
def test_person_by_role_prefers_the_very_title(idx: EntityIndex, title: str, expected: str) -> None:
    person = idx.person_by_role(title, country="United States", on="2025-08-22")
    assert person is not None and person.name == expected


@pytest.mark.parametrize(("text", "kind", "expected"), [
    pytest.param("Untied Kingdom", "country", "United Kingdom", id="country-typo"),
    pytest.param("Coalition of the Wiling", "org", "Coalition of the Willing", id="org-typo"),
    pytest.param("Ursula von der Leyn", "person", "Ursula von der Leyen", id="person-typo"),
    pytest.param("prime minister said", None, None, id="no-name-at-all"),
])
def test_resolve_a_whole_name_with_a_typo(idx: EntityIndex, text: str, kind: str | None,
                                          expected: str | None) -> None:
    found = idx.resolve(text, kind)
    assert (found.name if found else None) == expected


def test_suggest_keeps_to_the_script_of_the_name(idx: EntityIndex) -> None:
    # A Latin spelling is compared with Latin names only; a Cyrillic one with every name.
    assert idx.suggest("Zelenskky")[0].name == "Volodymyr Zelenskyy"
    assert idx.suggest("Зеленськии")[0].name == "Volodymyr Zelenskyy"


def test_a_suggestion_asked_again_is_the_same_and_its_own_list(idx: EntityIndex) -> None:
    first = idx.suggest("Aregntina", limit=3)
    first.clear()  # a caller's list: what is kept for the next asking stays whole
    again = idx.suggest("Aregntina", limit=3)
    assert again[0].name == "Argentina"
    assert [e.name for e in idx.suggest("Aregntina", limit=1)] == [again[0].name]



def test_suggest_follows_people_added_to_a_copy(idx: EntityIndex) -> None:
    copy = idx.copy()
    assert "Jonas Makstromas" not in [e.name for e in copy.suggest("Makstromas")]
    copy.add_person("Jonas Makstromas", country="Lithuania")
    assert copy.suggest("Makstromas")[0].name == "Jonas Makstromas"
