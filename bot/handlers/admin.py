"""Admins feed the store: a URL, a .txt/.md/.html file or a forwarded channel post; /delete."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from telegram import Message, MessageOriginChannel, Update
from telegram.constants import ChatAction
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.errors import InputError, PledgebotError
from bot.handlers.access import admin_only
from bot.handlers.services import App, Context, services
from bot.ingest.fetch import fetch_limits
from bot.ingest.loaders import HTML_SUFFIXES, MAX_DOCUMENT_BYTES, TEXT_SUFFIXES, text_to_loaded
from bot.ingest.pipeline import DocumentInput, build_document, load_input
from bot.render import render_ingest, render_text
from storage.records import SourceDocument

URL_ONLY = r"^\s*https?://\S+\s*$"
SUFFIXES = (TEXT_SUFFIXES | HTML_SUFFIXES) - {""}


class _ChannelForward(filters.MessageFilter):
    """Messages forwarded from a channel."""

    def filter(self, message: Message) -> bool:
        return isinstance(message.forward_origin, MessageOriginChannel)


async def _ingest(message: Message, context: Context, label: str,
                  load: Any) -> None:
    """Load, extract and save a document off the event loop; reply with what it found."""
    await message.chat.send_action(ChatAction.TYPING)
    try:
        doc: SourceDocument = await asyncio.to_thread(load)
        saved = await services(context).ingester.ingest(doc)
    except PledgebotError as err:
        await message.reply_text(render_text(f"Could not ingest {label}: {err}")[0])
        return
    result = saved.result
    await message.reply_text(render_ingest(label=doc.title or label, status=result.status,
                                           counts=result.counts, doc_id=result.doc_id,
                                           meeting=saved.meeting, note=doc.note))


@admin_only
async def ingest_url(update: Update, context: Context) -> None:
    """Fetch and ingest the page at a URL."""
    message = update.effective_message
    assert message is not None and message.text is not None
    url = message.text.strip()
    limits = fetch_limits(services(context).settings)
    await _ingest(message, context, url, lambda: load_input(DocumentInput(url=url), limits=limits))


@admin_only
async def ingest_file(update: Update, context: Context) -> None:
    """Ingest a .txt, .md or .html document."""
    message = update.effective_message
    assert message is not None and message.document is not None
    document = message.document
    name = document.file_name or "document.txt"
    if Path(name).suffix.lower() not in SUFFIXES:
        await message.reply_text(render_text(f"{name}: only .txt, .md and .html files can be ingested.")[0])
        return
    if (document.file_size or 0) > MAX_DOCUMENT_BYTES:
        await message.reply_text(render_text(f"{name}: too large; a readout is a few KB.")[0])
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    source = DocumentInput(title=message.caption or None)

    def load() -> SourceDocument:
        from bot.ingest.loaders import load_bytes

        return build_document(source, load_bytes(data, name=name, content_type=document.mime_type))

    await _ingest(message, context, name, load)


@admin_only
async def ingest_forward(update: Update, context: Context) -> None:
    """Ingest a post forwarded from a channel, with the channel as its publisher."""
    message = update.effective_message
    assert message is not None and isinstance(message.forward_origin, MessageOriginChannel)
    origin = message.forward_origin
    text = message.text or message.caption or ""
    channel = origin.chat
    url = f"https://t.me/{channel.username}/{origin.message_id}" if channel.username else None
    source = DocumentInput(url=url, publisher=channel.title, published=origin.date.date().isoformat())
    label = url or f"a post from {channel.title or 'a channel'}"

    def load() -> SourceDocument:
        if not text.strip():
            raise InputError("the post has no text")
        return build_document(source, text_to_loaded(text))

    await _ingest(message, context, label, load)


@admin_only
async def delete_document(update: Update, context: Context) -> None:
    """Delete a document and its facts: /delete <id, URL or title>."""
    message = update.effective_message
    assert message is not None
    wanted = " ".join(context.args or [])
    store = services(context).store
    found = store.find_documents(wanted) if wanted else []
    exact = [d for d in found if wanted in (d["id"], d["url"])]
    chosen = exact or found
    if len(chosen) != 1:
        listed = "\n".join(f"{d['id']}  {d['title'] or d['url'] or ''}" for d in chosen[:10])
        note = ("Which document? Give its id:\n" + listed) if chosen else \
            "No document matches that. Give a document id, URL or part of its title: /delete <document>"
        await message.reply_text(render_text(note)[0])
        return
    store.delete_document(chosen[0]["id"])
    name = chosen[0]["title"] or chosen[0]["id"]
    await message.reply_text(render_text(f"Deleted {name} and its facts.")[0])


def register(app: App) -> None:
    """Add ingest of URLs, files and forwarded channel posts (private chats), and /delete."""
    private = filters.ChatType.PRIVATE
    app.add_handler(CommandHandler("delete", delete_document))
    app.add_handler(MessageHandler(private & filters.Document.ALL, ingest_file))
    app.add_handler(MessageHandler(private & _ChannelForward() & (filters.TEXT | filters.CAPTION),
                                   ingest_forward))
    app.add_handler(MessageHandler(private & filters.Regex(URL_ONLY) & ~filters.FORWARDED, ingest_url))
