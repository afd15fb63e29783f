"""Exit 0 when a Telegram token is configured; otherwise say how to get one and exit 1.

``make run`` uses this to choose between the bot and the console chat.
"""
from __future__ import annotations

import sys

HOW_TO_GET_A_TOKEN = """\
No TELEGRAM_BOT_TOKEN is configured, so pledgebot opens its console chat instead.
To run the Telegram bot:
  1. In Telegram, talk to @BotFather, send /newbot and follow the steps; copy the token.
  2. cp .env.example .env and set TELEGRAM_BOT_TOKEN=<the token> (and ADMIN_IDS=<your user id>).
  3. make run
"""


def main() -> int:
    """Return 0 when a token is set, else print the instructions to stderr and return 1."""
    from bot.config import load_settings

    if load_settings().telegram_bot_token:
        return 0
    sys.stderr.write(HOW_TO_GET_A_TOKEN)
    return 1


if __name__ == "__main__":
    sys.exit(main())
