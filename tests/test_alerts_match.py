"""What users follow, resolved with the entity index, and which alert items concern it."""

from __future__ import annotations

from typing import Any

import pytest

from bot.alerts.match import Subject, matches, resolve_subject
from bot.alerts.subscriptions import follow, following, interested_chats, unfollow
from bot.errors import NotFoundError
from storage.store import Store

NORWAY_PLEDGE = {
    "kind": "commitment",
    "actor": "Norway",
    "action": "air defence systems for Kyiv",
    "strength": "pledge",
    "country": "Norway",
    "org": None,
    "person_id": None,
}
MACRON_QUOTE = {
    "kind": "statement",
    "speaker": "President Macron",
    "text": "Europe must buy more drones",
    "quote": True,
    "person_id": None,
    "country": "France",
    "org": None,
}
RUTTE_BY_ID = {
    "kind": "statement",
    "speaker": "the Secretary General",
    "text": "NATO stands ready",
    "quote": False,
    "person_id": "mark-rutte",
    "country": None,
    "org": "NATO",
}
ACCORD = {"kind": "agreement", "title": "Oslo Accord", "parties": ["Finland", "Ukraine"]}

COUNTRY = Subject(kind="country", value="Norway", label="Norway")
FINLAND = Subject(kind="country", value="Finland", label="Finland")
MACRON = Subject(kind="person", value="emmanuel-macron", label="Emmanuel Macron")
RUTTE = Subject(kind="person", value="mark-rutte", label="Mark Rutte")
NATO = Subject(kind="org", value="NATO", label="NATO")
DRONE = Subject(kind="topic", value="drone", label="drone")
AIR_DEFENCE = Subject(kind="topic", value="air defences", label="air defences")


@pytest.mark.parametrize(
    ("subject", "item", "expected"),
    [
        pytest.param(COUNTRY, NORWAY_PLEDGE, True, id="country-of-actor"),
        pytest.param(COUNTRY, MACRON_QUOTE, False, id="other-country"),
        pytest.param(FINLAND, ACCORD, True, id="country-among-parties"),
        pytest.param(MACRON, MACRON_QUOTE, True, id="unresolved-speaker-by-surname"),
        pytest.param(RUTTE, RUTTE_BY_ID, True, id="person-id"),
        pytest.param(MACRON, RUTTE_BY_ID, False, id="person-id-differs"),
        pytest.param(NATO, RUTTE_BY_ID, True, id="organisation"),
        pytest.param(DRONE, MACRON_QUOTE, True, id="topic-word-prefix"),
        pytest.param(AIR_DEFENCE, NORWAY_PLEDGE, True, id="topic-plural-and-all-words"),
        pytest.param(
            Subject(kind="topic", value="air power", label="air power"),
            NORWAY_PLEDGE,
            False,
            id="topic-needs-every-word",
        ),
    ],
)
def test_matches(subject: Subject, item: dict[str, Any], expected: bool) -> None:
    assert matches(subject, item) is expected


class FakeIndex:
    """Stands in for bot.entities.EntityIndex: knows Macron, Germany and NATO."""

    def find_mentions(self, text: str, kinds: tuple[str, ...]) -> list[Any]:
        from bot.entities import Entity, Mention

        known = {
            "macron": Entity(id="emmanuel-macron", kind="person", name="Emmanuel Macron"),
            "germany": Entity(id="germany", kind="country", name="Germany"),
            "nato": Entity(id="nato", kind="org", name="NATO"),
        }
        found = []
        for word, entity in known.items():
            start = text.lower().find(word)
            if start >= 0:
                found.append(
                    Mention(entity=entity, start=start, end=start + len(word), text=word, score=100.0)
                )
        return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Macron", MACRON, id="person"),
        pytest.param("  germany ", Subject(kind="country", value="Germany", label="Germany"), id="country"),
        pytest.param("the NATO", NATO, id="leading-article"),
        pytest.param(
            "Macron drones",
            Subject(kind="topic", value="macron drones", label="Macron drones"),
            id="name-inside-topic",
        ),
        pytest.param(
            "Air  Defence", Subject(kind="topic", value="air defence", label="Air Defence"), id="topic"
        ),
    ],
)
def test_resolve_subject(text: str, expected: Subject) -> None:
    assert resolve_subject(text, index=FakeIndex()) == expected


def test_resolve_subject_refuses_empty_text() -> None:
    with pytest.raises(ValueError, match="say what to follow"):
        resolve_subject(" ?! ", index=FakeIndex())


def test_follow_unfollow_following(store: Store) -> None:
    db = store.db
    assert follow(db, chat_id=1, subject=MACRON) is True
    assert follow(db, chat_id=1, subject=MACRON) is False
    follow(db, chat_id=1, subject=DRONE)
    follow(db, chat_id=2, subject=COUNTRY)
    assert following(db, chat_id=1) == [MACRON, DRONE]
    assert unfollow(db, chat_id=1, text="emmanuel macron") == [MACRON]
    with pytest.raises(NotFoundError, match="you do not follow Macron"):
        unfollow(db, chat_id=1, text="Macron")
    assert following(db, chat_id=1) == [DRONE]
    follow(db, chat_id=1, subject=MACRON)
    assert unfollow(db, chat_id=1, text="macron", subject=MACRON) == [MACRON]  # as /follow resolved it


def test_interested_chats_collects_items_and_reasons_per_chat(store: Store) -> None:
    for chat, subject in ((1, MACRON), (1, DRONE), (2, COUNTRY), (3, NATO)):
        follow(store.db, chat_id=chat, subject=subject)
    found = interested_chats(store.db, [NORWAY_PLEDGE, MACRON_QUOTE, ACCORD])
    assert found == {1: ([1], ["Emmanuel Macron", "drone"]), 2: ([0], ["Norway"])}


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        pytest.param("Macron", "person", "emmanuel-macron", id="surname"),
        pytest.param("Germany", "country", "Germany", id="country"),
        pytest.param("НАТО", "org", "NATO", id="cyrillic-org"),
        pytest.param("drones", "topic", "drones", id="topic"),
    ],
)
def test_resolve_subject_with_the_real_entity_index(text: str, kind: str, value: str) -> None:
    subject = resolve_subject(text)
    assert (subject.kind, subject.value) == (kind, value)
