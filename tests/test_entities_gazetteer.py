"""The reviewable gazetteer files in data/gazetteer are well formed and consistent."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.entities import EntityIndex
from bot.entities.gazetteer import PEOPLE_FILES, read
from bot.entities.text import is_cyrillic

PEOPLE = [person for file in PEOPLE_FILES for person in read(file)]
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def idx() -> EntityIndex:
    return EntityIndex.default()


def test_people_ids_are_unique_slugs() -> None:
    ids = [p["id"] for p in PEOPLE]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


@pytest.mark.parametrize("person", PEOPLE, ids=[p["id"] for p in PEOPLE])
def test_person_record(person: dict, idx: EntityIndex) -> None:
    assert idx.country(person["country"]) == person["country"], "country must be canonical"
    assert any(is_cyrillic(a) for a in person["aliases"]), "needs a Ukrainian spelling"
    for role in person["roles"]:
        assert bool(role.get("country")) != bool(role.get("org")), role
        if role.get("country"):
            assert idx.country(role["country"]) == role["country"]
        else:
            assert idx.org(role["org"]) == role["org"]
        for day in (role.get("start"), role.get("end")):
            assert day is None or _DATE.match(day), day
            if day and len(day) == 10:
                dt.date.fromisoformat(day)
        if role.get("start") and role.get("end"):
            assert role["start"] <= role["end"]


@pytest.mark.parametrize("file", ["places.json"])
def test_places_have_canonical_countries(file: str, idx: EntityIndex) -> None:
    for place in read(file):
        assert idx.country(place["country"]) == place["country"], place["name"]


def test_titles_do_not_share_synonyms() -> None:
    seen: dict[str, str] = {}
    for title, names in read("titles.json").items():
        for name in (title, *names):
            assert seen.setdefault(name.casefold(), title) == title, name


def test_every_pycountry_country_is_known(idx: EntityIndex) -> None:
    names = {e.name for e in idx.entities("country")}
    assert {"United Kingdom", "United States", "Russia", "South Korea", "North Korea", "Iran",
            "Syria", "Moldova", "Czech Republic", "Türkiye", "Vietnam", "Bolivia", "Venezuela",
            "Tanzania", "Taiwan", "Laos", "Ukraine", "Niger", "Nigeria"} <= names
    assert not [n for n in names if "," in n or "(" in n]


def test_no_word_mixes_latin_and_cyrillic_letters(idx: EntityIndex) -> None:
    # A Latin "o" inside a Cyrillic name looks right to a reviewer and never matches.
    mixed = [a for e in idx.entities() for a in e.aliases
             if any(is_cyrillic(w) and re.search("[A-Za-z]", w) for w in a.split())]
    assert mixed == []


def test_every_country_has_a_ukrainian_name(idx: EntityIndex) -> None:
    # pycountry's "uk" locale covers every ISO country; the Ukrainian names come from there.
    missing = [e.name for e in idx.entities("country") if not any(is_cyrillic(a) for a in e.aliases)]
    assert missing == []


def test_only_known_homonyms_share_a_key(idx: EntityIndex) -> None:
    # Two entities behind one key is an ambiguity every reader of the index must handle:
    # keep it to real homonyms, not to stems that happen to collide.
    shared = {k: sorted(v) for k, v in idx._table.exact.items() if len(v) > 1}
    assert shared == {
        "kushner": ["charles-kushner", "jared-kushner"],
        "luxembourg": ["country:luxembourg", "place:luxembourg"],
        "люксембург": ["country:luxembourg", "place:luxembourg"],
        "vatican city": ["country:vatican-city", "place:vatican-city"],
        "ватикан": ["country:vatican-city", "place:vatican-city"],
    }


LEADERS = read("leaders.json")


@pytest.mark.parametrize("person", LEADERS, ids=[p["id"] for p in LEADERS])
def test_leader_roles_are_known_titles_and_dated(person: dict, idx: EntityIndex) -> None:
    """Every office in leaders.json is a title the gazetteer knows, held from a known day."""
    known = set(read("titles.json"))
    for role in person["roles"]:
        assert idx.titles.canonical(role["title"]) in known, role["title"]
        assert role.get("start"), "a leader's role says when it began"


@pytest.mark.parametrize(("title", "country", "on", "expected"), [
    pytest.param("President", "Indonesia", "2023-06-01", "Joko Widodo", id="before-handover"),
    pytest.param("President", "Indonesia", "2025-06-01", "Prabowo Subianto", id="after-handover"),
    pytest.param("Prime Minister", "Thailand", "2024-01-10", "Srettha Thavisin", id="thai-pm-2024"),
    pytest.param("Emir", "Qatar", "2025-10-13", "Tamim bin Hamad Al Thani", id="emir"),
    pytest.param("прем'єр-міністр", "Singapore", "2025-01-01", "Lawrence Wong", id="ukrainian-title"),
])
def test_a_role_without_a_name_resolves_by_date(idx: EntityIndex, title: str, country: str,
                                                on: str, expected: str) -> None:
    person = idx.person_by_role(title, country=country, on=on)
    assert person is not None and person.name == expected


@pytest.mark.parametrize(("text", "country"), [
    pytest.param("Timorese", "Timor-Leste", id="timorese"),
    pytest.param("East Timor", "Timor-Leste", id="east-timor"),
    pytest.param("Pakistani", "Pakistan", id="pakistani"),
])
def test_a_demonym_names_its_country(idx: EntityIndex, text: str, country: str) -> None:
    assert idx.country(text) == country
