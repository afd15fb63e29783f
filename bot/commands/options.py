"""The ``--db`` option and the store it names, shared by every command of the CLI."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from bot.errors import PledgebotError

if TYPE_CHECKING:  # the store is imported lazily, for a fast start
    from bot.ingest.fetch import FetchLimits
    from storage.store import Store

DB_OPTION = click.option("--db", type=click.Path(dir_okay=False), help="SQLite file (default: PLEDGEBOT_DB).")


def db_path(db: str | None) -> str:
    """Return ``--db``, or else the settings' database; bad settings are one clear line."""
    if db is not None:
        return db
    from bot.config import load_settings

    try:
        return str(load_settings().db)
    except PledgebotError as err:  # not a traceback
        raise click.ClickException(str(err)) from None


def open_store(db: str | None, *, create: bool = True, alerts: str = "each") -> Store:
    """Open the store named by ``--db``, or by the settings, with every save hook;
    ``create=False`` for reading commands, which must never create a store; ``alerts`` as in
    ``bot.wiring.ALERT_MODES``."""
    from bot.wiring import open_store as open_wired
    from storage.db import StoreError

    try:
        return open_wired(db_path(db), create=create, alerts=alerts)
    except StoreError as err:  # not SQLite, missing for a reader: one line, not a traceback
        raise click.ClickException(str(err)) from None


def configured_fetch_limits() -> FetchLimits:
    """Return the fetch limits of the settings (ALLOW_PRIVATE_FETCH, FETCH_TIMEOUT_SECONDS)."""
    from bot.config import load_settings
    from bot.ingest.fetch import fetch_limits

    try:
        return fetch_limits(load_settings())
    except PledgebotError as err:
        raise click.ClickException(str(err)) from None
