"""Fixtures of the end-to-end suite: one emulator per session, one bot token per test.

Other feature suites reuse them: put tests under tests/e2e/ (or import ``tests.e2e.harness``),
take ``emulator`` (an ``Emulator`` bound to the running launcher) and ``emulator_url``, and start
the bot with ``running_bot(emulator_url, token=new_token(), db=tmp_path / "bot.db")``.
See tests/e2e/README.md.
"""
from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from tests.e2e.harness import Emulator, EmulatorUnavailable, start_emulator, stop_emulator


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in this folder ``e2e``."""
    for item in items:
        if "tests/e2e/" in item.nodeid.replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def emulator_url() -> Iterator[str]:
    """Start the patched emulator once for the session; fail clearly when it cannot start."""
    try:
        proc, url = start_emulator()
    except EmulatorUnavailable as err:
        pytest.fail(str(err), pytrace=False)
    try:
        yield url
    finally:
        stop_emulator(proc)


@pytest.fixture
async def emulator(emulator_url: str) -> AsyncIterator[Emulator]:
    """The user's side of the emulator."""
    emu = Emulator(emulator_url)
    try:
        yield emu
    finally:
        await emu.aclose()
