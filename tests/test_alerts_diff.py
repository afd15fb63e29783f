"""What counts as new between two versions of a document's facts, and what is minor."""

from __future__ import annotations

from typing import Any

import pytest

from bot.alerts.diff import diff_facts, fold, is_minor

MEETING = {"name": "Nordic leaders' meeting", "date": "2026-02-03", "place": "Oslo", "format": None}


def commitment(kind: str = "pledge", actor: str = "Norway") -> dict[str, Any]:
    return {
        "actor": actor,
        "action": "200 million euros for energy repairs",
        "kind": kind,
        "actor_country": actor,
        "actor_org": None,
        "person_id": None,
        "amount": "200 million euros",
        "timeframe": None,
        "conditional": 0,
        "condition": None,
    }


def statement(
    text: str = "We stand with Ukraine",
    quote: int = 1,
    attribution: str = "name",
    speaker: str | None = "Jonas Gahr Store",
) -> dict[str, Any]:
    return {
        "speaker": speaker,
        "text": text,
        "quote": quote,
        "attribution": attribution,
        "person_id": None,
        "speaker_country": "Norway",
        "speaker_org": None,
    }


def facts(**tables: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return {
        "meetings": [MEETING],
        "attendances": [],
        "statements": [],
        "commitments": [],
        "agreements": [],
        **tables,
    }


def kinds(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(i["kind"], i.get("change") or i.get("strength") or "") for i in items]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        pytest.param(
            {}, facts(commitments=[commitment()]), [("meeting", ""), ("commitment", "new")], id="new-document"
        ),
        pytest.param(
            facts(commitments=[commitment()]), facts(commitments=[commitment()]), [], id="same-facts"
        ),
        pytest.param(
            facts(commitments=[commitment("intent")]),
            facts(commitments=[commitment("pledge")]),
            [("commitment", "stronger")],
            id="intent-became-pledge",
        ),
        pytest.param(
            facts(commitments=[commitment("pledge")]),
            facts(commitments=[commitment("intent")]),
            [],
            id="weaker-is-not-news",
        ),
        pytest.param(
            facts(),
            facts(agreements=[{"title": "Oslo Accord", "signed": 1, "parties": ["Finland"]}]),
            [("agreement", "")],
            id="new-signature",
        ),
        pytest.param(
            facts(agreements=[{"title": "Oslo Accord", "signed": 0, "parties": []}]),
            facts(agreements=[{"title": "Oslo Accord", "signed": 1, "parties": []}]),
            [("agreement", "")],
            id="announced-then-signed",
        ),
        pytest.param(
            facts(),
            facts(agreements=[{"title": "Oslo Accord", "signed": 0, "parties": []}]),
            [],
            id="unsigned-agreement",
        ),
        pytest.param(facts(), facts(statements=[statement()]), [("statement", "")], id="new-quote"),
        pytest.param(
            facts(statements=[statement()]),
            facts(statements=[statement("we  stand with UKRAINE!")]),
            [],
            id="same-quote-respelled",
        ),
        pytest.param(
            facts(),
            facts(statements=[statement(quote=0, attribution="pronoun")]),
            [],
            id="unresolved-speech-is-not-notable",
        ),
        pytest.param(facts(), facts(statements=[statement(speaker=None)]), [], id="no-speaker"),
        pytest.param(
            facts(), facts(meetings=[{**MEETING, "place": "Bergen"}]), [("meeting", "")], id="meeting-moved"
        ),
    ],
)
def test_diff_reports_only_what_is_new(
    before: dict[str, Any], after: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert kinds(diff_facts(before, after)) == expected


def test_new_commitment_item_carries_the_structured_fields() -> None:
    [_, item] = diff_facts({}, facts(commitments=[commitment()]))
    assert item == {
        "kind": "commitment",
        "change": "new",
        "actor": "Norway",
        "action": "200 million euros for energy repairs",
        "strength": "pledge",
        "amount": "200 million euros",
        "timeframe": None,
        "conditional": False,
        "condition": None,
        "person_id": None,
        "country": "Norway",
        "org": None,
        "actors": ["Norway"],
        "sentence": None,
    }


def test_a_commitment_of_listed_countries_names_each_of_them() -> None:
    listed = {**commitment(actor="Latvia, Estonia and Norway"), "actor_country": None}
    [_, item] = diff_facts({}, facts(commitments=[listed]))
    assert item["actors"] == ["Latvia", "Estonia", "Norway"]


@pytest.mark.parametrize(
    ("items", "status", "minor"),
    [
        pytest.param([{"kind": "statement"}], "new", False, id="new-document-is-loud"),
        pytest.param([{"kind": "statement"}], "updated", True, id="new-quote-in-update-is-minor"),
        pytest.param(
            [{"kind": "commitment", "strength": "intent"}], "updated", True, id="new-intent-is-minor"
        ),
        pytest.param(
            [{"kind": "commitment", "strength": "pledge"}], "updated", False, id="new-pledge-is-loud"
        ),
        pytest.param([{"kind": "agreement"}], "updated", False, id="signature-is-loud"),
    ],
)
def test_minor_changes(items: list[dict[str, Any]], status: str, minor: bool) -> None:
    assert is_minor(items, status=status) is minor


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("  Café «Zelenskyy’s»  ") == "cafe zelenskyy s"
