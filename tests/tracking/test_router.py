"""Status, scorecard and what's-new questions, answered from our own fixture readouts."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.tracking.router import try_answer
from storage.records import Meeting
from storage.store import Store
from tests.tracking.conftest import Save

TODAY = dt.date(2025, 12, 1)
FORCE = "lead a multinational force for Ukraine's skies and seas"


@pytest.fixture
def tracked(store: Store, save: Save) -> Store:
    """Return a store with three promises followed across several readouts."""
    save(url="https://wire.example/backstop", published="2025-08-18", publisher="Wire",
         text="Washington offered a security backstop for a European force in Ukraine.",
         commitments=[{"country": "United States", "action": "a security backstop for a European force",
                       "kind": "intent"}])
    save(url="https://daily.example/stalled", published="2025-11-02", publisher="Daily",
         text="The US backstop for the European force stalled in Congress.",
         commitments=[{"country": "United States", "action": "the backstop for the European force stalled",
                       "kind": "other"}])
    save(url="https://wire.example/force", published="2025-03-27", publisher="Wire",
         text="France is ready to lead a multinational force for Ukraine's skies and seas.",
         meeting=Meeting(date="2025-03-27", place="Paris", name="Paris summit"),
         commitments=[{"country": "France", "action": FORCE,
                       "kind": "ready"}])
    save(url="https://wire.example/aid", published="2025-03-27", publisher="Wire",
         text="France pledged a military aid package of €2bn.",
         meeting=Meeting(date="2025-03-27", place="Paris", name="Paris summit"),
         commitments=[{"country": "France", "action": "a military aid package", "amount": "€2bn"}])
    return store


def test_what_happened_to_a_promise_shows_its_dated_sourced_timeline(tracked: Store) -> None:
    answer = try_answer("what happened to the US backstop?", tracked, today=TODAY)
    assert answer is not None and answer.found and answer.intent == "status"
    assert answer.text.splitlines() == [
        "United States: a security backstop for a European force — stalled (last update 2025-11-02) "
        "[2 sources, 29 days ago]",
        "2025-11-02 stalled: the backstop for the European force stalled — Daily",
        "2025-08-18 intent: a security backstop for a European force — Wire",
    ]
    assert answer.results[0]["source"]["url"] == "https://daily.example/stalled"


def test_a_promise_nobody_reported_on_again_is_not_yet_assessed(tracked: Store) -> None:
    answer = try_answer("status of the multinational force", tracked, today=TODAY)
    assert answer is not None
    assert answer.header == (f"France: {FORCE} — ready 2025-03-27; "
                             "status: not yet assessed [1 source, 249 days ago]")


def test_scorecard_lists_every_commitment_of_a_country(tracked: Store) -> None:
    answer = try_answer("/scorecard France", tracked, today=TODAY)
    assert answer is not None and answer.intent == "scorecard"
    assert answer.header == "Scorecard of France as of 2025-12-01: 2 commitments, 0 with a later report"
    assert {r["action"] for r in answer.results} == {FORCE,
                                                     "a military aid package"}
    assert all(r["days_since_update"] == 249 for r in answer.results)


def test_whats_new_since_a_date_lists_only_later_updates(tracked: Store) -> None:
    answer = try_answer("what's new since 1 October 2025?", tracked, today=TODAY)
    assert answer is not None and answer.intent == "new_since"
    assert answer.text.splitlines() == [
        "New since 2025-10-01:",
        "United States — 2025-11-02 stalled: the backstop for the European force stalled — Daily",
    ]


@pytest.mark.parametrize("question", [
    pytest.param("what did the US commit to?", id="commitment-question"),
    pytest.param("what did zelenskyy say about the US backstop", id="statement-question"),
    pytest.param("who attended the Paris summit?", id="attendance-question"),
])
def test_other_questions_are_left_to_the_engine(tracked: Store, question: str) -> None:
    assert try_answer(question, tracked, today=TODAY) is None


def test_an_untracked_promise_is_left_to_the_engine(tracked: Store) -> None:
    assert try_answer("what happened to the Canadian tank pledge?", tracked, today=TODAY) is None


BACKSTOP = "a security backstop for a European force"


@pytest.mark.parametrize(("question", "action"), [
    pytest.param("has the US delivered the backstop?", BACKSTOP, id="has-delivered"),
    pytest.param("did France deliver the aid package?", "a military aid package", id="did-deliver"),
    pytest.param("status of the backstop deal", BACKSTOP, id="status-of-deal"),
    pytest.param("what happened to the French aid package", "a military aid package", id="what-happened"),
])
def test_status_questions_reach_the_promise_they_name(tracked: Store, question: str, action: str) -> None:
    answer = try_answer(question, tracked, today=TODAY)
    assert answer is not None and answer.intent == "status"
    assert answer.results[0]["action"] != "" and answer.header.split(": ", 1)[1].startswith(action)


def test_has_a_country_delivered_shows_its_scorecard(tracked: Store) -> None:
    answer = try_answer("has France delivered?", tracked, today=TODAY)
    assert answer is not None and answer.intent == "scorecard"
    assert answer.header.startswith("Scorecard of France")


def test_a_party_to_a_joint_agreement_sees_it_on_its_scorecard(tracked: Store, save: Save) -> None:
    save(url="https://wire.example/accord", published="2025-06-02", publisher="Wire",
         text="Norway and France signed a ten-year maritime security accord.",
         commitments=[{"actor": "Norway and France", "action": "a ten-year maritime security accord",
                       "kind": "signed"}])
    answer = try_answer("/scorecard France", tracked, today=TODAY)
    assert answer is not None
    assert answer.header == "Scorecard of France as of 2025-12-01: 3 commitments, 0 with a later report"
    assert answer.results[0]["text"].startswith("Norway and France: a ten-year maritime security accord")
    norway = try_answer("/scorecard Norway", tracked, today=TODAY)
    assert norway is not None and norway.results[0]["actor"] == "Norway and France"
