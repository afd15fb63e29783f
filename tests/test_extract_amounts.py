"""Amounts, timeframes and conditions as the text writes them."""
from __future__ import annotations

import pytest

from bot.extract.amounts import find_amount, find_condition, find_timeframe


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("pledged €2bn in aid", "€2bn", id="euro-bn"),
    pytest.param("an additional 450 million pounds ($585 million) in support",
                 "450 million pounds ($585 million)", id="pounds-with-conversion"),
    pytest.param("committed almost $2 billion in aid", "almost $2 billion", id="almost-dollars"),
    pytest.param("to buy 5,000 missiles", "5,000 missiles", id="materiel-thousands"),
    pytest.param("four new IRIS-T systems and 36 howitzers", "36 howitzers", id="materiel-count"),
    pytest.param("виділити понад 10 мільярдів євро", "понад 10 мільярдів євро", id="ukrainian"),
    pytest.param("support for Ukraine in 2025", None, id="a-year-is-no-amount"),
])
def test_find_amount(text: str, expected: str | None) -> None:
    assert find_amount(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("at least €40 billion in 2025", "in 2025", id="in-year"),
    pytest.param("by the end of the year", "by the end of the year", id="end-of-year"),
    pytest.param("a package this year", "this year", id="this-year"),
    pytest.param("з понеділка, 12 травня, має бути", "з понеділка, 12 травня", id="ukrainian"),
    pytest.param("more support soon", None, id="none"),
])
def test_find_timeframe(text: str, expected: str | None) -> None:
    assert find_timeframe(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("troops will deploy once a ceasefire is agreed.", "once a ceasefire is agreed",
                 id="once"),
    pytest.param("If Russia rejects the truce, sanctions follow.", "If Russia rejects the truce",
                 id="if"),
    pytest.param("Aid will keep flowing.", None, id="unconditional"),
])
def test_find_condition(text: str, expected: str | None) -> None:
    assert find_condition(text) == expected
