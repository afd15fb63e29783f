"""Titles and dated roles: who held which office on a given day."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from bot.entities.model import Entity, Role
from bot.entities.text import normalize, phrase_key

_MEMO_KEPT = 65_536  # spellings whose title is remembered (a few MB at most)


class Titles:
    """Map any spelling of an office ("Federal Chancellor", "Прем'єр-міністра") to one title.

    Titles match by word keys, so Ukrainian case forms and English plurals ("Prime Ministers")
    find the same office.
    """

    def __init__(self, synonyms: dict[str, list[str]]) -> None:
        self._canonical: dict[str, str] = {}
        self._memo: dict[str, str] = {}
        self._held: dict[str, tuple[str, str, str | None]] = {}  # a few dozen titles, asked often
        for title, names in synonyms.items():
            for name in (title, *names):
                self._canonical[_title_key(name)] = title

    def canonical(self, title: str) -> str:
        """Return the canonical title for ``title`` (itself, normalised, when unknown)."""
        known = self._memo.get(title)
        if known is None:
            if len(self._memo) >= _MEMO_KEPT:  # every phrase of every question about an office
                self._memo.clear()
            known = self._memo[title] = self._lookup(title)
        return known

    def held(self, title: str) -> tuple[str, str, str | None]:
        """Return a held title bare ("the" dropped), its canonical title and, when that is not
        known, the known title it starts with ("Ambassador to France" -> "Ambassador")."""
        known = self._held.get(title)
        if known is None:
            office = self.canonical(title)
            starts = self.prefix(title) if office == normalize(title) else None
            known = self._held[title] = (_bare(title), office, starts)
        return known

    def _lookup(self, title: str) -> str:
        found = self._canonical.get(_title_key(title))
        norm = normalize(title)
        if found is None and norm.startswith("the "):
            found = self._canonical.get(_title_key(norm[4:]))
        return found or norm

    def find(self, text: str) -> str | None:
        """Return the canonical title of the longest known title phrase in ``text``."""
        words = _title_key(text).split()
        for n in range(min(len(words), 8), 0, -1):
            for i in range(len(words) - n + 1):
                found = self._canonical.get(" ".join(words[i:i + n]))
                if found:
                    return found
        return None

    def prefix(self, text: str) -> str | None:
        """Return the canonical title ``text`` starts with ("Ambassador to France" -> "Ambassador")."""
        words = _title_key(text).split()
        for n in range(min(len(words), 8), 0, -1):
            found = self._canonical.get(" ".join(words[:n]))
            if found:
                return found
        return None


def _title_key(text: str) -> str:
    # English plurals fold to the singular: "heads of state", "foreign ministers".
    return " ".join(w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2] not in "su" and w.isascii()
                    else w for w in phrase_key(text).split())


def iso_day(on: str | dt.date | None) -> str:
    """Return ``on`` as YYYY-MM-DD (today when None)."""
    if on is None:
        return dt.date.today().isoformat()
    if isinstance(on, dt.datetime):
        return on.date().isoformat()
    if isinstance(on, dt.date):
        return on.isoformat()
    return str(on).strip()[:10]


def _bounds(role: Role) -> tuple[str, str]:
    # Month or year precision widens to the whole month or year.
    start = role.start or "0000"
    end = role.end or "9999"
    start = start + "-01-01"[len(start) - 4:] if len(start) < 10 else start
    end = end + "-12-31"[len(end) - 4:] if len(end) < 10 else end
    return start, end


def holders(people: Iterable[Entity], titles: Titles, title: str, *, country: str | None,
            org: str | None, on: str) -> list[tuple[Role, Entity]]:
    """Return (role, person) pairs matching the title, country/org and day.

    Roles with the very title asked ("Ambassador to France") come first, then the newest.
    """
    wanted = titles.find(title) or titles.canonical(title)
    exact = _bare(title)
    found = []
    # Hundreds of people share a few dozen titles: each is compared once a call, and its forms
    # are kept by ``titles`` (8 ms a question about "foreign ministers" at 20k documents).
    same: dict[str, bool] = {}
    for person in people:
        for role in person.roles:
            held = role.title
            if held not in same:
                same[held] = _same_office(titles, held, wanted, exact, org)
            if not same[held]:
                continue
            if (country and role.country != country) or (org and role.org != org):
                continue
            start, end = _bounds(role)
            if start <= on <= end:
                found.append((role, person))
    return sorted(found, key=lambda pair: (_bare(pair[0].title) == exact, _bounds(pair[0])[0]),
                  reverse=True)


def _bare(title: str) -> str:
    norm = normalize(title)
    return norm[4:] if norm.startswith("the ") else norm


def _same_office(titles: Titles, held: str, wanted: str, exact: str, org: str | None) -> bool:
    bare, office, starts = titles.held(held)
    if bare == exact:
        return True
    if office != wanted and starts:  # "Ambassador to France" -> "Ambassador"
        office = starts
    # "President" of an organisation: "President of the European Commission".
    return office == wanted or bool(org and office.casefold().startswith(wanted.casefold() + " of "))
