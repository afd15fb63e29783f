"""Fixtures of the hostile suite: the Bot API emulator, shared with tests/e2e."""
from __future__ import annotations

from tests.e2e.conftest import emulator, emulator_url  # noqa: F401 - fixtures the bot tests take
