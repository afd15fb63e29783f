"""Titles in every spelling, and role dates (bot/entities/roles.py)."""
from __future__ import annotations

import pytest

from bot.entities import EntityIndex, Role
from bot.entities.roles import Titles, holders, iso_day


@pytest.fixture(scope="module")
def titles() -> Titles:
    return EntityIndex.default().titles


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Federal Chancellor", "Chancellor", id="federal-chancellor"),
    pytest.param("PM", "Prime Minister", id="pm"),
    pytest.param("Prime Ministers", "Prime Minister", id="plural"),
    pytest.param("Secretary of State", "Foreign Minister", id="us-secretary-of-state"),
    pytest.param("Foreign Secretary", "Foreign Minister", id="uk-foreign-secretary"),
    pytest.param("Secretary of War", "Defence Minister", id="us-secretary-of-war"),
    pytest.param("Chancellor of the Exchequer", "Finance Minister", id="exchequer"),
    pytest.param("Прем'єр-міністр", "Prime Minister", id="uk-prime-minister"),
    pytest.param("Прем'єр-міністра", "Prime Minister", id="uk-prime-minister-genitive"),
    pytest.param("Міністра закордонних справ", "Foreign Minister", id="uk-foreign-minister-genitive"),
    pytest.param("Генерального секретаря НАТО", "Secretary General", id="uk-secretary-general"),
    pytest.param("the Head of State", "President", id="head-of-state"),
    pytest.param("Grand Vizier", "grand vizier", id="unknown-is-normalised"),
])
def test_canonical(titles: Titles, text: str, expected: str) -> None:
    assert titles.canonical(text) == expected


def test_canonical_keeps_a_bounded_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.entities import roles

    monkeypatch.setattr(roles, "_MEMO_KEPT", 4)
    fresh = Titles({"Prime Minister": ["PM", "Premier"]})
    asked = [f"deputy word{n} of the realm" for n in range(10)]
    assert [fresh.canonical(a) for a in asked] == asked  # unknown spellings come back normalised
    assert fresh.canonical("PM") == "Prime Minister"
    assert len(fresh._memo) <= 4


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("What did the Canadian PM say?", "Prime Minister", id="pm-in-question"),
    pytest.param("the heads of state and government met", "President", id="heads-of-state"),
    pytest.param("NATO Secretary-General Mark Rutte", "Secretary General", id="apposition"),
    pytest.param("Chancellor of the Exchequer Rachel Reeves", "Finance Minister", id="longest-title"),
    pytest.param("Що сказав Президент Франції?", "President", id="uk-president"),
    pytest.param("Nothing here", None, id="none"),
])
def test_find(titles: Titles, text: str, expected: str | None) -> None:
    assert titles.find(text) == expected


@pytest.mark.parametrize(("on", "expected"), [
    pytest.param("2023-12-31", [], id="before-month-precision-start"),
    pytest.param("2024-01-01", ["old"], id="first-day-of-start-month"),
    pytest.param("2024-06-14", ["old"], id="before-the-successor"),
    pytest.param("2024-06-30", ["new", "old"], id="end-month-covers-the-whole-month-newest-first"),
    pytest.param("2024-07-01", ["new"], id="after-the-end-month"),
    pytest.param("2030-01-01", ["new"], id="open-end"),
])
def test_holders_by_date(titles: Titles, on: str, expected: list[str]) -> None:
    from bot.entities import Entity

    old = Entity(id="old", kind="person", name="Old",
                 roles=(Role(title="Prime Minister", country="Ruritania", start="2024-01", end="2024-06"),))
    new = Entity(id="new", kind="person", name="New",
                 roles=(Role(title="PM", country="Ruritania", start="2024-06-15"),))
    found = holders([old, new], titles, "Premier", country="Ruritania", org=None, on=on)
    assert [person.id for _, person in found] == expected


def test_iso_day_accepts_dates_and_strings() -> None:
    import datetime as dt

    assert iso_day(dt.date(2025, 3, 2)) == "2025-03-02"
    assert iso_day(dt.datetime(2025, 3, 2, 14, 0)) == "2025-03-02"
    assert iso_day("2025-03-02T10:00:00Z") == "2025-03-02"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Ambassador to France", "Ambassador", id="posting"),
    pytest.param("Deputy Secretary of State", None, id="deputy-is-not-the-office"),
    pytest.param("Prime Minister of Canada", "Prime Minister", id="of-country"),
])
def test_prefix(titles: Titles, text: str, expected: str | None) -> None:
    assert titles.prefix(text) == expected
