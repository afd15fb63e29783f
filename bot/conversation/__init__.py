"""A conversation with the bot, beyond one question: small talk, follow-ups, what buttons need.

No Telegram types here: the Telegram handlers and the console chat both use these.
"""
