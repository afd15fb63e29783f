"""``pledgebot feeds add|remove|list|poll``: manage feeds, and poll them from cron."""

from __future__ import annotations

import click

from bot.commands.options import DB_OPTION, configured_fetch_limits, open_store


@click.group("feeds")
def feeds_group() -> None:
    """Manage the RSS and Atom feeds that are polled for new documents."""


@feeds_group.command("add")
@click.argument("url")
@DB_OPTION
def add(url: str, db: str | None) -> None:
    """Add the feed at URL."""
    from bot.errors import PledgebotError
    from bot.feeds.store import add_feed

    try:
        added = add_feed(open_store(db).db, url=url)
    except PledgebotError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"{'added' if added else 'already there'}: {url.strip()}")


@feeds_group.command("remove")
@click.argument("url")
@DB_OPTION
def remove(url: str, db: str | None) -> None:
    """Remove the feed at URL (its documents stay)."""
    from bot.errors import PledgebotError
    from bot.feeds.store import remove_feed

    try:
        remove_feed(open_store(db).db, url=url)
    except PledgebotError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"removed: {url.strip()}")


@feeds_group.command("list")
@DB_OPTION
def list_(db: str | None) -> None:
    """List the feeds and how their polling stands."""
    from bot.feeds.store import describe_feed, list_feeds

    for feed in list_feeds(open_store(db).db):
        click.echo(describe_feed(feed))


@feeds_group.command("poll")
@DB_OPTION
@click.option("--force", is_flag=True, help="Poll every feed, even those backing off after failures.")
def poll(db: str | None, force: bool) -> None:
    """Poll the feeds that are due and ingest their new items (for cron)."""
    from bot.feeds.poll import poll_due

    for outcome in poll_due(open_store(db), force=force, limits=configured_fetch_limits()):
        click.echo(outcome.describe())
