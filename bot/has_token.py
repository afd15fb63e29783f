"""Exit 0 when a Telegram token is configured; otherwise say how to get one and exit 1.

``make run`` uses this to choose between the bot and the console chat.
"""
from __future__ import annotations

import sys


def main() -> int:
    """Return 0 when a token is set, else print the @BotFather steps to stderr and return 1."""
    from bot.cli import NO_TOKEN
    from bot.config import load_settings

    if load_settings().telegram_bot_token:
        return 0
    sys.stderr.write(NO_TOKEN + "\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
