"""Questions shaped like real users' ones, filled from the facts of the synthetic documents.

Real questions are typed in a hurry: lower case, no question mark, a greeting, a misspelt name
or word, an office or a nationality instead of a name ("what did the polish pm say"), a short
date ("in jan 2024", "on may 10"), a topic with no name, or Ukrainian. Each shape below is a
handful of templates written for the benchmark; the names, places, dates and topics come from
one random document of the store, so the question has an answer there.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from bench.generator import generate_document, make_person
from bench.vocab import COUNTRIES, ROLE_SHORT, UK_COUNTRIES, UK_MONTHS_IN, UK_TOPICS

SHAPES = ("casual", "misspelt", "role", "demonym", "short_date", "topic", "ukrainian")
DEMONYMS = {country: demonym for country, demonym, _role in COUNTRIES}

Facts = dict[str, Any]
Shaped = tuple[str, tuple[str, ...]] | None  # question, what the answer should contain


def shaped_question(shape: str, rng: random.Random, docs: int, seed: int,
                    misspell: Callable[[str, random.Random], str]) -> tuple[str, tuple[str, ...]]:
    """Return a question of ``shape`` about a random document of 0..docs-1, and its expectation."""
    while True:  # a document may lack what a template needs (e.g. a speaker on a Ukrainian topic)
        facts = generate_document(rng.randrange(docs), seed=seed).facts
        made = _SHAPES[shape](facts, rng, seed, misspell)
        if made:
            return made


def _month(iso: str, *, short: bool = False) -> tuple[str, str]:
    day = dt.date.fromisoformat(iso)
    return (day.strftime("%b" if short else "%B").lower(), str(day.year))


def _casual(facts: Facts, rng: random.Random, seed: int, misspell: Any) -> Shaped:
    m, a = facts["meeting"], rng.choice(facts["attendees"])
    month, year = _month(m["date"])
    return rng.choice((
        (f"hey who was at the {m['place'].lower()} meeting in {month} {year}", (a["surname"],)),
        (f"who came from {a['country'].lower()} to {m['place'].lower()} in {year}", (a["surname"],)),
        (f"what did {a['surname'].lower()} say", (a["surname"],)),
        (f"so what happened in {m['place'].lower()} in {month} {year}?", (m["place"],)),
    ))


def _misspelt(facts: Facts, rng: random.Random, seed: int, misspell: Any) -> Shaped:
    m = facts["meeting"]
    s, c = rng.choice(facts["statements"]), rng.choice(facts["commitments"])
    return rng.choice((
        (f"wat did {misspell(s['surname'].lower(), rng)} say abot {s['topic']}", (s["surname"],)),
        (f"who atended from {misspell(c['country'], rng)} in {m['place']}", (c["country"],)),
        (f"what did {c['country'].lower()} pledg in {misspell(m['place'], rng)}", (c["amount"],)),
    ))


def _role(facts: Facts, rng: random.Random, seed: int, misspell: Any) -> Shaped:
    s = rng.choice(facts["statements"])
    person = make_person(int(s["person"][1:]), seed=seed)
    role = ROLE_SHORT.get(person.role, person.role.lower()) if rng.random() < 0.5 else person.role
    if rng.random() < 0.5:
        return (f"what did the {DEMONYMS[person.country].lower()} {role} say about {s['topic']}",
                person.surnames)
    return f"what did {person.country}'s {role} say?", person.surnames


def _demonym(facts: Facts, rng: random.Random, seed: int, misspell: Any) -> Shaped:
    m = facts["meeting"]
    a, c = rng.choice(facts["attendees"]), rng.choice(facts["commitments"])
    if rng.random() < 0.5:
        return (f"which {DEMONYMS[a['country']].lower()} official took part in the {m['format']} "
                f"talks in {m['place']}?", (a["surname"],))
    year = m["date"][:4]
    return (f"how much did the {DEMONYMS[c['country']]} government pledge in {m['place']} in {year}",
            (c["amount"],))


def _short_date(facts: Facts, rng: random.Random, seed: int, misspell: Any) -> Shaped:
    m, a = facts["meeting"], rng.choice(facts["attendees"])
    short, year = _month(m["date"], short=True)
    month = _month(m["date"])[0]
    day = int(m["date"][8:])
    if facts["agreements"] and rng.random() < 0.34:
        return f"what was signed in {m['place']} on {month} {day}", (facts["agreements"][0]["title"],)
    return rng.choice((
        (f"who attended the {m['place']} meeting in {short} {year}", (a["surname"],)),
        (f"where did the {m['format']} meet in {month} {year}", (m["place"],)),
    ))


def _topic(facts: Facts, rng: random.Random, seed: int, misspell: Any) -> Shaped:
    m = facts["meeting"]
    s, c = rng.choice(facts["statements"]), rng.choice(facts["commitments"])
    month, year = _month(m["date"])
    return rng.choice((
        (f"who pledged {c['item']} in {year}?", (c["item"],)),
        (f"any news on {s['topic']} from {m['place']}?", (s["topic"],)),
        (f"what was said about {s['topic']} in {month} {year}", (s["topic"],)),
    ))


def _ukrainian(facts: Facts, rng: random.Random, seed: int, misspell: Any) -> Shaped:
    m = facts["meeting"]
    month = UK_MONTHS_IN[int(m["date"][5:7]) - 1]
    year = m["date"][:4]
    a, c = rng.choice(facts["attendees"]), rng.choice(facts["commitments"])
    spoken = [s for s in facts["statements"] if s["topic"] in UK_TOPICS]
    choices = [
        (f"хто з {UK_COUNTRIES[a['country']][1]} був на зустрічі у {month} {year}?", (a["surname"],)),
        (f"що пообіцяла {UK_COUNTRIES[c['country']][0]} у {month} {year}?", (c["amount"],)),
    ]
    if spoken:
        s = rng.choice(spoken)
        choices.append((f"що сказав {s['surname']} про {UK_TOPICS[s['topic']]}?", (s["surname"],)))
    return rng.choice(choices)


_SHAPES = {"casual": _casual, "misspelt": _misspelt, "role": _role, "demonym": _demonym,
           "short_date": _short_date, "topic": _topic, "ukrainian": _ukrainian}
