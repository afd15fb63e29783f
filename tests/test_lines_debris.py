"""Lines that read as facts about their actor, and the debris that alerts and scorecards drop."""
from __future__ import annotations

import pytest

from bot.alerts.render import render_alert
from bot.lines.debris import (
    clean_amount,
    clean_timeframe,
    condition_clause,
    is_fragment,
    is_headline,
    is_reported_speech,
)


@pytest.mark.parametrize(("amount", "kept"), [
    pytest.param("€2bn", "€2bn", id="currency"),
    pytest.param("12 million euros", "12 million euros", id="figure"),
    pytest.param("half a billion dollars", "half a billion dollars", id="number-word"),
    pytest.param("on Wednesday", None, id="weekday"),
    pytest.param("next spring", None, id="season"),
])
def test_an_amount_names_a_number(amount: str, kept: str | None) -> None:
    assert clean_amount(amount) == kept


@pytest.mark.parametrize(("action", "fragment"), [
    pytest.param("has sent to Moldova since the floods began.", True, id="giving-verb-lost-its-object"),
    pytest.param("supplied by the Nordic states.", True, id="passive-without-subject"),
    pytest.param("announced a new fund and said both sides have", True, id="dangling-end"),
    pytest.param("has sent 40 generators to Moldova", False, id="object-present"),
    pytest.param("agreed to train pilots in the spring", False, id="agreed-to"),
    pytest.param("12 million euros for generators", False, id="object-only"),
])
def test_is_fragment(action: str, fragment: bool) -> None:
    assert is_fragment(action) is fragment


def test_headline_and_reported_speech() -> None:
    assert is_headline("Estonia pledges €40m for demining", "Estonia pledges €40m for demining")
    title = "Estonia pledges €40m for demining"
    assert not is_headline("Estonia pledged €40m for demining on Monday.", title)
    assert is_reported_speech("said", quote=False) and is_reported_speech("welcomed", quote=True)
    assert not is_reported_speech("welcomed", quote=False)


def pledge(actor: str, strength: str, action: str, amount: str | None = None, **extra: object) -> dict:
    return {"kind": "commitment", "actor": actor, "strength": strength, "action": action, "amount": amount,
            **extra}


def said(text: str, verb: str) -> dict:
    return {"kind": "statement", "speaker": "Kaja Kallas", "text": text, "quote": False, "verb": verb}


def test_an_alert_leads_with_the_largest_signing_and_drops_debris() -> None:
    items = [
        pledge("Latvia", "intent", "will keep supporting Kyiv"),
        pledge("Estonia", "pledge", "40 million euros for demining", "40 million euros"),
        pledge("Norway", "pledge", "2 billion euros for energy", "2 billion euros"),
        pledge("Lithuania", "signed", "a border memorandum", "on Wednesday"),
        pledge("Finland", "delivered", "has given to Kyiv since May."),
        pledge("Sweden", "pledge", "pledges €1bn as allies meet", "€1bn", headline=True),
        said("The two leaders shook hands as Kallas welcomed Nauseda.", "welcomed"),
        said("Kallas said the border would stay open.", "said"),
    ]
    payload = {"doc": {"title": "Baltic ministers meet", "url": None}, "status": "new", "items": items}
    assert render_alert(payload).splitlines() == [
        "<b>New: Baltic ministers meet</b>",
        "<b>Commitments</b>",
        "• <b>Lithuania</b> [signed]: a border memorandum",
        "• <b>Norway</b> [pledge]: 2 billion euros for energy (2 billion euros)",
        "• <b>Estonia</b> [pledge]: 40 million euros for demining (40 million euros)",
        "• <b>Latvia</b> [intent]: will keep supporting Kyiv",
        "<b>Statements</b>",
        "• <b>Kaja Kallas</b>: Kallas said the border would stay open.",
        "Source: Baltic ministers meet",
    ]


@pytest.mark.parametrize(("amount", "kept"), [
    pytest.param("з понеділка, 12 травня", None, id="date-with-a-number"),
    pytest.param("понад 10 мільярдів євро", "понад 10 мільярдів євро", id="ukrainian-amount"),
])
def test_a_date_is_no_amount(amount: str, kept: str | None) -> None:
    assert clean_amount(amount) == kept


@pytest.mark.parametrize(("timeframe", "kept"), [
    pytest.param("on Friday", None, id="weekday"),
    pytest.param("on 5 July", None, id="day-it-happened"),
    pytest.param("this month", None, id="this-month"),
    pytest.param("by 24 February", "by 24 February", id="deadline"),
    pytest.param("in the coming years", "in the coming years", id="period"),
    pytest.param("in 2027", "in 2027", id="year"),
])
def test_a_timeframe_says_by_when(timeframe: str, kept: str | None) -> None:
    assert clean_timeframe(timeframe) == kept


def test_a_condition_keeps_its_own_conjunction() -> None:
    assert condition_clause("if Congress approves it") == "if Congress approves it"
    assert condition_clause("Congress approves it") == "if Congress approves it"


def test_an_alert_keeps_deadlines_and_names_an_unnamed_meeting_by_its_place() -> None:
    items = [
        {"kind": "meeting", "name": "Baltic ministers meet", "place": "Riga", "date": "2026-03-04"},
        pledge("Estonia", "pledge", "40 million euros for demining", "40 million euros",
               timeframe="on Wednesday"),
        pledge("Latvia", "pledge", "two field hospitals", timeframe="by the end of May", conditional=True,
               condition="if the parliament approves the budget"),
    ]
    payload = {"doc": {"title": "Baltic ministers meet", "url": None}, "status": "new", "items": items}
    assert render_alert(payload).splitlines()[1:5] == [
        "Meeting in Riga, 2026-03-04",
        "<b>Commitments</b>",
        "• <b>Estonia</b> [pledge]: 40 million euros for demining (40 million euros)",
        "• <b>Latvia</b> [pledge]: two field hospitals (by the end of May) <i>if the parliament approves the "
        "budget</i>",
    ]
