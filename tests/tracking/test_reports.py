"""Whether meeting reports are the same meeting: two at a time, and one against an indexed many."""
from __future__ import annotations

import itertools

import pytest

from bot.tracking.reports import Reach, report, same_meeting


def _row(date: str | None, place: str | None = None, format_: str | None = None,
         name: str | None = None) -> dict[str, str | None]:
    return {"date": date, "place": place, "format": format_, "name": name}


@pytest.mark.parametrize(("a", "b", "same"), [
    pytest.param(_row("2025-03-02", "London"), _row("2025-03-03", "Lancaster House, London"), True,
                 id="next-day-same-city"),
    pytest.param(_row("2025-03-02", "London"), _row("2025-03-04", "London"), False, id="two-days-apart"),
    pytest.param(_row("2025-03-15", None, "Coalition of the Willing"),
                 _row("2025-03-15", None, "coalition of the willing"), True, id="same-format"),
    pytest.param(_row("2025-07-10", "Rome"), _row("2025-07-10", "Paris"), False, id="other-city"),
    pytest.param(_row(None, "Rome"), _row(None, "Rome"), False, id="undated"),
    pytest.param(_row("2025-07-10", name="Ukraine Recovery Conference 2025"),
                 _row("2025-07-10", name="ukraine recovery conference"), True, id="similar-names"),
])
def test_same_meeting(a: dict[str, str | None], b: dict[str, str | None], same: bool) -> None:
    assert same_meeting(a, b) is same


_REPORTS = [  # dates a day or two apart, places sharing a city, formats, similar and other names
    _row(date, place, format_, name)
    for date, place, format_, name in itertools.product(
        ("2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", None),
        (None, "London", "Lancaster House, London", "Paris"),
        (None, "Coalition of the Willing", "E3"),
        (None, "Ukraine Recovery Conference 2025", "ukraine recovery conference", "London summit"))
]


@pytest.mark.parametrize("indexed", [
    pytest.param([], id="none"),
    pytest.param(_REPORTS[100:101], id="one"),
    pytest.param(_REPORTS[5::37], id="a-few"),
    pytest.param(_REPORTS[3::7], id="many"),
])
def test_reach_joins_exactly_when_some_pair_is_the_same_meeting(indexed: list[dict[str, str | None]]) -> None:
    reach = Reach(report(r) for r in indexed)
    expected = [any(same_meeting(row, other) for other in indexed) for row in _REPORTS]
    assert [reach.joins(report(row)) for row in _REPORTS] == expected
    assert len(set(expected)) == (2 if indexed else 1)  # the table tells joins from misses


def test_same_meeting_is_symmetric() -> None:
    # Name similarity is remembered for one order of each pair: either order must agree.
    rows = _REPORTS[::11]
    assert all(same_meeting(a, b) is same_meeting(b, a) for a in rows for b in rows)
