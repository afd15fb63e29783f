"""The command line: run, chat, ingest, ask, export. Logs go to stderr, never stdout."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.commands.options import DB_OPTION, configured_fetch_limits, db_path, open_store
from bot.errors import PledgebotError

if TYPE_CHECKING:  # extraction is imported lazily, for a fast start
    from bot.extract.kinds import Extractors

log = logging.getLogger("pledgebot")


def configure_logging(level: str = "INFO") -> None:
    """Send logs to stderr; keep httpx quiet because its INFO lines carry the bot token."""
    logging.basicConfig(stream=sys.stderr, level=level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


@click.group()
@click.option("--log-level", default="WARNING", show_default=True, help="Log level for stderr.")
@click.version_option(package_name="pledgebot")
def main(log_level: str) -> None:
    """pledgebot: who attended, who said what, who committed to what."""
    configure_logging(log_level)


@main.command()
@click.argument("sources", nargs=-1)
@DB_OPTION
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON Lines: one document a line with path or url, and title, published, ...")
@click.option("--url", help="Source URL of a single file given as SOURCES.")
@click.option("--title", help="Title of a single document.")
@click.option("--published", help="Publication date of a single document.")
@click.option("--publisher", help="Publisher of a single document.")
@click.option("--language", help="Language of a single document (en, uk).")
@click.option("--no-alerts", is_flag=True, help="Queue no alerts for these documents.")
@click.option("--extractor", "swapped", multiple=True, metavar="KIND=MODULE:FUNCTION",
              help="Extract one kind of fact (statements, agreements, commitments, attendees) "
                   "with another function, to compare it with the rules.")
def ingest(sources: tuple[str, ...], db: str | None, manifest: Path | None, url: str | None,
           title: str | None, published: str | None, publisher: str | None,
           language: str | None, no_alerts: bool, swapped: tuple[str, ...]) -> None:
    """Ingest files, URLs or a manifest; re-ingesting the same document changes nothing.

    More than BULK_INGEST documents are an archive import: their alerts go out as one silent
    digest, not one each.
    """
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
    mode = _alert_mode(len(inputs), no_alerts=no_alerts)
    store = open_store(db, alerts=mode)
    fetches = any(isinstance(i, DocumentInput) and not i.path for i in inputs)
    limits = configured_fetch_limits() if fetches else None
    tally = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
    facts = 0
    for item in inputs:
        try:
            if isinstance(item, PledgebotError):
                raise item
            doc = load_input(item, limits=limits)
            result = ingest_document(store, doc, extractors=extractors)
        except PledgebotError as err:
            tally["failed"] += 1
            click.echo(f"error: {err}", err=True)
            continue
        tally[result.status] += 1
        facts += sum(result.counts.values())
        note = f"; {doc.note}" if doc.note else ""
        click.echo(f"{result.status}: {item.label} ({_describe(result.counts)}){note}")
    if mode == "archive":
        from bot.alerts.archive import archive_ready

        with store.db.atomic():
            archive_ready(store.db)
    click.echo("documents: {new} new, {updated} updated, {unchanged} unchanged, {failed} failed; "
               .format(**tally) + f"{facts} facts")
    if tally["failed"]:
        sys.exit(1)


BULK_INGEST = 10  # documents in one ingest beyond which it is an archive import, not news


def _alert_mode(count: int, *, no_alerts: bool) -> str:
    if no_alerts:
        return "none"
    return "archive" if count > BULK_INGEST else "each"
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
@DB_OPTION
def export(db: str | None) -> None:
    """Print every document with its facts as one JSON object."""
    store = open_store(db, create=False)
    json.dump(store.export(), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


@main.command()
@click.argument("question", required=False)
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line per question.")
def ask(question: str | None, db: str | None, as_json: bool) -> None:
    """Answer QUESTION, or one question a line from standard input."""
    from bot.cli_ask import answer_lines, stdin_questions

    store = open_store(db, create=False)
    questions = [(1, question)] if question is not None else stdin_questions(sys.stdin.buffer)
    for line in answer_lines(questions, store=store, as_json=as_json):
        # Bytes, not text: the output is UTF-8 whatever the locale's encoding or error handler.
        sys.stdout.buffer.write(line.encode("utf-8", "replace"))
        sys.stdout.buffer.flush()


@main.command()
@DB_OPTION
def chat(db: str | None) -> None:
    """Ask questions in an interactive console session, without Telegram."""
    from bot.ask import answer_question
    from bot.conversation.console import ConsoleChat
    from bot.entities import EntityIndex

    store = open_store(db)
    session = ConsoleChat(lambda q: answer_question(q, store=store), index=EntityIndex.default())
    click.echo("pledgebot console. Ask a question (\"and France?\" follows up, \"more\" shows more);"
               " an empty line or Ctrl-D quits.")
    while True:
        try:
            q = input("> ")
        except (EOFError, KeyboardInterrupt):
            break
        if not q.strip():
            break
        click.echo(session.reply(q) + "\n")


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
@DB_OPTION
def run(webhook_url: str | None, listen: str, port: int, db: str | None) -> None:
    """Run the Telegram bot: long polling, or a webhook with --webhook URL."""
    from telegram import Update

    from bot.app import build_application, protect_token
    from bot.config import ensure_webhook_secret, load_settings

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
        # Telegram echoes the secret in a header, so forged updates are refused; one kept secret
        # (WEBHOOK_SECRET, else generated once into .env) serves restarts and replicas alike.
        app.run_webhook(listen=listen, port=port, url_path=path, webhook_url=settings.webhook_url,
                        secret_token=ensure_webhook_secret(settings), allowed_updates=Update.ALL_TYPES)
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES)


from bot.commands.alerts import alerts_group  # noqa: E402 - feature groups attach once main exists
from bot.commands.feeds import feeds_group  # noqa: E402

main.add_command(feeds_group)
main.add_command(alerts_group)


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, help="Port to listen on.")
def browse(db: str | None, host: str, port: int) -> None:
    """Browse the store in Datasette, with titles, facets and canned queries."""
    from bot.tracking.browse import prepare, serve

    path = Path(db_path(db))
    store = open_store(str(path))  # migrated and refreshed before Datasette reads it
    try:
        metadata = prepare(store.db, path)
    finally:
        store.close()
    sys.exit(serve(db=path, metadata=metadata, host=host, port=port))
