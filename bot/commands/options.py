"""The ``--db`` option and the store it names, shared by every command of the CLI."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from bot.errors import PledgebotError

if TYPE_CHECKING:  # the store is imported lazily, for a fast start
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


def open_store(db: str | None) -> Store:
    """Open the store named by ``--db``, or by the settings, with every save hook."""
    from bot.wiring import open_store as open_wired

    return open_wired(db_path(db))
