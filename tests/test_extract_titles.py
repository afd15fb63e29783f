"""Office titles: tidy singular forms, plural detection."""
from __future__ import annotations

import pytest

from bot.extract.titles import ROLE_RE, is_plural_role, tidy_role


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("prime ministers", "Prime Minister", id="plural-lower"),
    pytest.param("Secretaries General", "Secretaries General", id="inner-plural-kept"),
    pytest.param("secretary-general", "Secretary-General", id="hyphen"),
    pytest.param("Chief of the Defense Staff", "Chief of the Defense Staff", id="of-the"),
    pytest.param("прем'єр-міністри", "прем'єр-міністр", id="ukrainian-plural"),
])
def test_tidy_role(text: str, expected: str) -> None:
    assert tidy_role(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Prime Ministers", True, id="english"),
    pytest.param("President", False, id="singular"),
    pytest.param("лідери", True, id="ukrainian"),
])
def test_is_plural_role(text: str, expected: bool) -> None:
    assert is_plural_role(text) is expected


def test_role_words_are_found_in_any_case() -> None:
    assert [m.group() for m in ROLE_RE.finditer("the Nato secretary-general and Turkish vice-president")] == [
        "secretary-general", "vice-president"]
