"""The command line: run, chat, ingest, ask, export. Logs go to stderr, never stdout."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.errors import PledgebotError

if TYPE_CHECKING:  # the store is imported lazily, for a fast start
    from bot.extract.kinds import Extractors
    from storage.store import Store

log = logging.getLogger("pledgebot")


def configure_logging(level: str = "INFO") -> None:
    """Send logs to stderr; keep httpx quiet because its INFO lines carry the bot token."""
    logging.basicConfig(stream=sys.stderr, level=level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


def open_store(db: str | None) -> Store:
    """Open the store named by ``--db``, or by the settings."""
    from storage.store import Store

    if db is None:
        from bot.config import load_settings

        try:
            db = str(load_settings().db)
        except PledgebotError as err:  # bad settings: one clear line, not a traceback
            raise click.ClickException(str(err)) from None
    from bot.alerts.outbox import install  # every save queues its alerts in the same transaction

    return install(Store.open(db))


@click.group()
@click.option("--log-level", default="WARNING", show_default=True, help="Log level for stderr.")
@click.version_option(package_name="pledgebot")
def main(log_level: str) -> None:
    """pledgebot: who attended, who said what, who committed to what."""
    configure_logging(log_level)


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite file (default: PLEDGEBOT_DB).")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON Lines: one document a line with path or url, and title, published, ...")
@click.option("--url", help="Source URL of a single file given as SOURCES.")
@click.option("--title", help="Title of a single document.")
@click.option("--published", help="Publication date of a single document.")
@click.option("--publisher", help="Publisher of a single document.")
@click.option("--language", help="Language of a single document (en, uk).")
@click.option("--extractor", "swapped", multiple=True, metavar="KIND=MODULE:FUNCTION",
              help="Extract one kind of fact (statements, agreements, commitments, attendees) "
                   "with another function, to compare it with the rules.")
def ingest(sources: tuple[str, ...], db: str | None, manifest: Path | None, url: str | None,
           title: str | None, published: str | None, publisher: str | None,
           language: str | None, swapped: tuple[str, ...]) -> None:
    """Ingest files, URLs or a manifest; re-ingesting the same document changes nothing."""
    from bot.ingest.pipeline import DocumentInput, ingest_document, load_input, read_manifest

    inputs: list[DocumentInput | PledgebotError] = []
    for source in sources:
        is_url = source.startswith(("http://", "https://"))
        inputs.append(DocumentInput(
            path=None if is_url else source, url=source if is_url else url, title=title,
            published=published, publisher=publisher, language=language))
    if manifest:
        inputs.extend(read_manifest(manifest))
    if not inputs:
        raise click.UsageError("give at least one PATH or URL, or --manifest")
    extractors = _extractors(swapped)
    store = open_store(db)
    tally = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
    facts = 0
    for item in inputs:
        try:
            if isinstance(item, PledgebotError):
                raise item
            result = ingest_document(store, load_input(item), extractors=extractors)
        except PledgebotError as err:
            tally["failed"] += 1
            click.echo(f"error: {err}", err=True)
            continue
        tally[result.status] += 1
        facts += sum(result.counts.values())
        click.echo(f"{result.status}: {item.label} ({_describe(result.counts)})")
    click.echo("documents: {new} new, {updated} updated, {unchanged} unchanged, {failed} failed; "
               .format(**tally) + f"{facts} facts")
    if tally["failed"]:
        sys.exit(1)


def _extractors(swapped: tuple[str, ...]) -> Extractors | None:
    """Return the extractors with the kinds named as KIND=MODULE:FUNCTION swapped, or None."""
    if not swapped:
        return None
    from bot.extract.kinds import load_extractors

    pairs = [one.partition("=") for one in swapped]
    try:
        return load_extractors({kind: target for kind, _, target in pairs})
    except (ValueError, ImportError, AttributeError) as err:
        raise click.BadParameter(str(err), param_hint="--extractor") from err


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite file (default: PLEDGEBOT_DB).")
def export(db: str | None) -> None:
    """Print every document with its facts as one JSON object."""
    store = open_store(db)
    json.dump(store.export(), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


@main.command()
@click.argument("question", required=False)
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite file (default: PLEDGEBOT_DB).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line per question.")
def ask(question: str | None, db: str | None, as_json: bool) -> None:
    """Answer QUESTION, or one question a line from standard input."""
    from bot.query import answer_question

    store = open_store(db)
    questions = [question] if question is not None else (line.rstrip("\n") for line in sys.stdin)
    for q in questions:
        reply = answer_question(q, store=store)
        if as_json:
            click.echo(json.dumps(reply.as_json(), ensure_ascii=False))
        else:
            click.echo(reply.text + "\n")
        sys.stdout.flush()


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite file (default: PLEDGEBOT_DB).")
def chat(db: str | None) -> None:
    """Ask questions in an interactive console session, without Telegram."""
    from bot.query import answer_question

    store = open_store(db)
    click.echo("pledgebot console. Ask a question; an empty line or Ctrl-D quits.")
    while True:
        try:
            q = input("> ")
        except (EOFError, KeyboardInterrupt):
            break
        if not q.strip():
            break
        click.echo(answer_question(q, store=store).text + "\n")


NO_TOKEN = """No Telegram bot token: TELEGRAM_BOT_TOKEN is not set.

To create a bot:
  1. In Telegram, open a chat with @BotFather and send /newbot.
  2. Choose a display name, then a username that ends in "bot" (e.g. my_pledge_bot).
  3. BotFather replies with a token like 123456789:AAH...; keep it secret.
  4. Copy .env.example to .env and set TELEGRAM_BOT_TOKEN=<that token>
     (and ADMIN_IDS=<your numeric user id> to ingest documents from Telegram).
  5. Run `pledgebot run` again.

Without a token, `pledgebot chat` answers questions in the console."""


@main.command()
@click.option("--webhook", "webhook_url", metavar="URL",
              help="Public HTTPS URL to receive updates by webhook (default: WEBHOOK_URL; "
                   "without either, long polling).")
@click.option("--listen", default="0.0.0.0", show_default=True, help="Webhook: address to listen on.")
@click.option("--port", default=8443, show_default=True, help="Webhook: port to listen on.")
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite file (default: PLEDGEBOT_DB).")
def run(webhook_url: str | None, listen: str, port: int, db: str | None) -> None:
    """Run the Telegram bot: long polling, or a webhook with --webhook URL."""
    import secrets

    from telegram import Update

    from bot.app import build_application, protect_token
    from bot.config import load_settings

    try:
        settings = load_settings(PLEDGEBOT_DB=db, WEBHOOK_URL=webhook_url)
    except PledgebotError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)
    if settings.telegram_bot_token is None:
        click.echo(NO_TOKEN, err=True)
        sys.exit(2)
    logging.getLogger().setLevel(settings.log_level)
    protect_token(settings)
    app = build_application(settings)
    if settings.webhook_url:
        path = settings.webhook_url.rstrip("/").rsplit("/", 1)[-1] or "telegram"
        # A fresh secret per start: Telegram echoes it in a header, so forged updates are refused.
        app.run_webhook(listen=listen, port=port, url_path=path, webhook_url=settings.webhook_url,
                        secret_token=secrets.token_urlsafe(32), allowed_updates=Update.ALL_TYPES)
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)


from bot.alerts.cli import alerts_group  # noqa: E402 - feature groups attach once main exists
from bot.feeds.cli import feeds_group  # noqa: E402

main.add_command(feeds_group)
main.add_command(alerts_group)


@main.command()
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite file (default: PLEDGEBOT_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, help="Port to listen on.")
def browse(db: str | None, host: str, port: int) -> None:
    """Browse the store in Datasette, with titles, facets and canned queries."""
    from bot.tracking.browse import serve

    if db is None:
        from bot.config import load_settings

        db = str(load_settings().db)
    sys.exit(serve(db=Path(db), host=host, port=port))
