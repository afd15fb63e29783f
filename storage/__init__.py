"""The SQLite store: schema and migrations, transactional writes, typed read queries.

Nothing here imports ``telegram``: the store serves the command line, the console chat and the
bot alike.
"""
from __future__ import annotations

from storage.db import open_database
from storage.store import SaveResult, Store

__all__ = ["SaveResult", "Store", "open_database"]
