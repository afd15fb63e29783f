"""Tables of the chat state a bot process must not keep to itself: the answers behind buttons,
the last question asked in each chat, and each user's recent questions (the rate limit).

Every row carries its expiry, so any process serving the bot (after a restart, or a second
webhook replica) can turn a page, show a source or continue a conversation, and old rows are
deleted as new ones come.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

chat = Migrations("pledgebot.chat")


@chat()
def m001_chat_state(db: Database) -> None:
    """Kept answers (by key and by the message that shows them), chat contexts, rate windows."""
    db.table("kept_answers").create(
        {"key": str, "chat_id": int, "message_id": int, "payload": str, "created_at": str,
         "expires_at": str},
        pk="key",
        not_null={"payload", "created_at", "expires_at"},
    )
    db.table("kept_answers").create_index(["chat_id", "message_id"])
    db.table("kept_answers").create_index(["expires_at"])
    db.table("chat_contexts").create(
        {"chat_id": int, "user_id": int, "question": str, "expires_at": str},
        pk=("chat_id", "user_id"),
        not_null={"question", "expires_at"},
    )
    db.table("chat_contexts").create_index(["expires_at"])
    db.table("rate_windows").create(
        {"user_id": int, "stamps": str, "expires_at": str},
        pk="user_id",
        not_null={"stamps", "expires_at"},
    )
    db.table("rate_windows").create_index(["expires_at"])
