"""The unmodified emulator still breaks python-telegram-bot: when this fails, upstream fixed it."""
from __future__ import annotations

import pytest
from telegram import Bot
from telegram.request import HTTPXRequest

from tests.e2e.harness import new_token, start_emulator, stop_emulator

pytestmark = pytest.mark.e2e


async def test_plain_emulator_getme_lacks_is_bot() -> None:
    proc, url = start_emulator(plain=True)
    request = HTTPXRequest()
    try:
        bot = Bot(new_token(), base_url=f"{url}/bot", request=request)
        # getMe answers without is_bot, so PTB cannot build the bot's User; the launcher adds it.
        # If this stops raising, telegram-test-api was fixed: re-check what the launcher patches.
        with pytest.raises(TypeError, match="is_bot"):
            await bot.initialize()
    finally:
        await request.shutdown()
        stop_emulator(proc)
