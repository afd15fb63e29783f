"""Deterministic synthetic readouts: meetings, attendees, statements, commitments, agreements.

Document ``i`` depends only on the seed and ``i``, so a corpus of 1,000 documents is the first
1,000 of a corpus of 20,000 and one store can grow through every size. The pool of people grows
by one person every two documents; each document spells some names in a variant transliteration.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from bench.vocab import (
    AGREEMENTS,
    AID,
    BACKGROUND,
    CITIES,
    COUNTRIES,
    FIRST_NAMES,
    FORMATS,
    OTHER_ROLES,
    PUBLISHERS,
    SPELLING_RULES,
    SURNAME_HEADS,
    SURNAME_MIDS,
    SURNAME_TAILS,
    TOPICS,
)
from storage.records import SourceDocument

CORE_PEOPLE = 40  # the well-known leaders present from the first document on
MIN_CHARS, MAX_CHARS = 1500, 3000
FIRST_DAY = dt.date(2022, 3, 1)
_SURNAMES = len(SURNAME_HEADS) * len(SURNAME_MIDS) * len(SURNAME_TAILS)
_NAME_SPACE = _SURNAMES * len(FIRST_NAMES)


@dataclass(frozen=True)
class Person:
    """One person of the pool, with every spelling of the surname."""

    id: str
    given: str
    surnames: tuple[str, ...]  # canonical spelling first
    country: str
    role: str

    @property
    def name(self) -> str:
        """Return the canonical full name."""
        return f"{self.given} {self.surnames[0]}"


@dataclass(frozen=True)
class SyntheticDoc:
    """A generated document and the facts it states (the ground truth for questions)."""

    index: int
    doc: SourceDocument
    facts: dict[str, Any] = field(default_factory=dict)


def pool_size(index: int) -> int:
    """Return how many people exist when document ``index`` is written."""
    return CORE_PEOPLE + index // 2


def make_person(index: int, *, seed: int) -> Person:
    """Return person ``index`` of the pool; names are unique until the name space wraps."""
    rng = random.Random(f"{seed}:person:{index}")
    # A multiplicative permutation spreads consecutive people over the whole name space.
    code = (index * 7919 + 13) % _NAME_SPACE
    code, tail = divmod(code, len(SURNAME_TAILS))
    code, mid = divmod(code, len(SURNAME_MIDS))
    code, head = divmod(code, len(SURNAME_HEADS))
    given = FIRST_NAMES[code % len(FIRST_NAMES)]
    surname = SURNAME_HEADS[head] + SURNAME_MIDS[mid] + SURNAME_TAILS[tail]
    variants = [surname.replace(old, new, 1) for old, new in SPELLING_RULES if old in surname]
    spellings = tuple(dict.fromkeys([surname, *variants]))
    if index < len(COUNTRIES):
        country, _demonym, role = COUNTRIES[index]
    else:
        country, role = rng.choice(COUNTRIES)[0], rng.choice(OTHER_ROLES)
    return Person(id=f"p{index}", given=given, surnames=spellings, country=country, role=role)


def generate(count: int, *, seed: int = 7, start: int = 0) -> list[SyntheticDoc]:
    """Return documents ``start`` .. ``count - 1`` of the corpus for ``seed``."""
    people: dict[int, Person] = {}
    return [generate_document(i, seed=seed, people=people) for i in range(start, count)]


def generate_document(index: int, *, seed: int = 7, people: dict[int, Person] | None = None) -> SyntheticDoc:
    """Return document ``index``: a dated readout of 1.5-3k characters and its facts."""
    rng = random.Random(f"{seed}:doc:{index}")
    cache = people if people is not None else {}
    attendees = [_person(i, seed, cache) for i in _pick_attendees(rng, index)]
    spelled = {p.id: _spell(rng, p) for p in attendees}
    date = FIRST_DAY + dt.timedelta(days=rng.randrange(0, 1460))
    meeting = {"format": rng.choice(FORMATS), "place": rng.choice(CITIES), "date": date.isoformat()}
    topics = rng.sample(TOPICS, 5)
    writer = _Writer(rng=rng, spelled=spelled, meeting=meeting, topics=topics)
    text = writer.write(attendees)
    published = date + dt.timedelta(days=rng.randrange(0, 3))
    title = f"{meeting['format']} meets in {meeting['place']}: {topics[0]} and {topics[1]} on the agenda"
    doc = SourceDocument(
        text=text, url=f"https://bench.example/{seed}/{index}", title=title,
        publisher=rng.choice(PUBLISHERS), published=published.isoformat(), language="en",
    )
    facts = {"meeting": meeting, "attendees": writer.attendees, "statements": writer.statements,
             "commitments": writer.commitments, "agreements": writer.agreements}
    return SyntheticDoc(index=index, doc=doc, facts=facts)


def _person(index: int, seed: int, cache: dict[int, Person]) -> Person:
    if index not in cache:
        cache[index] = make_person(index, seed=seed)
    return cache[index]


def _pick_attendees(rng: random.Random, index: int) -> list[int]:
    pool = pool_size(index)
    chosen: list[int] = [pool - 1] if index % 2 == 0 and pool > CORE_PEOPLE else []
    while len(chosen) < rng.randint(4, 7):
        # Most meetings gather well-known leaders; the rest are drawn from everyone known so far.
        pick = rng.randrange(CORE_PEOPLE) if rng.random() < 0.6 else rng.randrange(pool)
        if pick not in chosen:
            chosen.append(pick)
    return chosen


def _spell(rng: random.Random, person: Person) -> str:
    # Most documents use the usual spelling; about a third use a variant transliteration.
    if len(person.surnames) > 1 and rng.random() < 0.35:
        return rng.choice(person.surnames[1:])
    return person.surnames[0]


def long_date(value: str) -> str:
    """Return an ISO date as "6 January 2026"."""
    day = dt.date.fromisoformat(value)
    return f"{day.day} {day.strftime('%B')} {day.year}"


class _Writer:
    """Write one readout paragraph by paragraph, recording each fact it states."""

    def __init__(self, *, rng: random.Random, spelled: dict[str, str], meeting: dict[str, str],
                 topics: list[str]) -> None:
        self.rng, self.spelled, self.meeting, self.topics = rng, spelled, meeting, topics
        self.attendees: list[dict[str, Any]] = []
        self.statements: list[dict[str, Any]] = []
        self.commitments: list[dict[str, Any]] = []
        self.agreements: list[dict[str, Any]] = []

    def full(self, p: Person) -> str:
        return f"{p.given} {self.spelled[p.id]}"

    def write(self, people: list[Person]) -> str:
        m = self.meeting
        parts = [
            f"{m['place']} — Representatives of the {m['format']} met in {m['place']} on "
            f"{long_date(m['date'])} to discuss {self.topics[0]} and {self.topics[1]}.",
            self._attendance(people),
        ]
        speakers = self.rng.sample(people, min(len(people), self.rng.randint(2, 5)))
        parts += [self._statement(p, i) for i, p in enumerate(speakers)]
        parts += [self._commitment(p) for p in self.rng.sample(people, self.rng.randint(1, 3))]
        parts += [self._agreement(p) for p in self.rng.sample(people, self.rng.randint(0, 2))]
        fillers = self.rng.sample(BACKGROUND, len(BACKGROUND)) + [
            f"The {m['format']} also reviewed {t}, which several delegations called urgent."
            for t in self.topics[2:]]
        while len(" ".join(parts)) < MIN_CHARS + self.rng.randrange(300, 1200) and fillers:
            parts.insert(self.rng.randrange(2, len(parts) + 1), fillers.pop())
        text = "\n".join(parts)
        return text if len(text) <= MAX_CHARS else text[: text.rfind(".", 0, MAX_CHARS) + 1]

    def _attendance(self, people: list[Person]) -> str:
        mentions = []
        for p in people:
            mode = "by video" if self.rng.random() < 0.15 else None
            self.attendees.append({"person": p.id, "name": self.full(p), "surname": self.spelled[p.id],
                                   "country": p.country, "role": p.role, "mode": mode})
            mention = f"{p.role} {self.full(p)} of {p.country}"
            mentions.append(mention + (", who joined by video link" if mode else ""))
        return "Among those attending were " + ", ".join(mentions[:-1]) + " and " + mentions[-1] + "."

    def _statement(self, p: Person, turn: int) -> str:
        topic = self.topics[turn % len(self.topics)]
        surname, quote = self.spelled[p.id], self.rng.random() < 0.6
        if quote:
            body = self.rng.choice((
                f"We will not slow down our work on {topic}, and our partners know it",
                f"Progress on {topic} is the real test of our credibility this year",
                f"Without decisions on {topic}, every promise made here stays on paper",
            ))
            text = f"“{body},” {p.role} {surname} told reporters."
        else:
            body = self.rng.choice((
                f"the allies had to move faster on {topic}",
                f"{topic} would remain the first priority for {p.country}",
                f"the talks on {topic} had produced concrete results",
            ))
            text = f"{surname} said that {body}."
        self.statements.append({"person": p.id, "surname": surname, "topic": topic, "quote": quote,
                                "text": body})
        return text

    def _commitment(self, p: Person) -> str:
        item = self.rng.choice(AID)
        if self.rng.random() < 0.5:
            amount = f"{self.rng.choice('€$£')}{self.rng.randrange(20, 990)} million"
            text = f"{p.country} pledged {amount} for {item}, {self.spelled[p.id]} announced."
        else:
            amount = f"{self.rng.randrange(3, 400)} {item}"
            text = (f"{self.full(p)} said {p.country} will deliver {amount} by the end of "
                    f"{self.rng.choice(('the month', 'the year', 'the summer', 'next spring'))}.")
        self.commitments.append({"person": p.id, "country": p.country, "amount": amount, "item": item})
        return text

    def _agreement(self, p: Person) -> str:
        title, signed = self.rng.choice(AGREEMENTS), self.rng.random() < 0.7
        partner = p.country if p.country != "Ukraine" else "European Union"
        self.agreements.append({"title": title, "parties": [partner, "Ukraine"], "signed": signed})
        article = "an" if title[0] in "aeiou" else "a"
        lead = ("The " if partner == "European Union" else "") + partner + " and Ukraine"
        if signed:
            return f"{lead} signed {article} {title} on the sidelines of the meeting."
        return f"{lead} agreed to sign {article} {title} at the next meeting."
