"""/start and /help; /help is built from the registered commands, so it never drifts."""
from __future__ import annotations

from telegram import BotCommand, Update
from telegram.ext import CommandHandler

from bot.handlers.access import command_entries
from bot.handlers.services import App, Context, Services, services
from bot.render import render_help

INTRO = ("I keep track of diplomatic meetings: who attended, who said what and who committed to "
         "what, each with the sentence and source it came from. In a private chat, just ask{example}. "
         "In a group, mention me or reply to me. Commands:")


async def start(update: Update, context: Context) -> None:
    """Introduce the bot and list what it can do."""
    await help_command(update, context)


async def help_command(update: Update, context: Context) -> None:
    """List the commands."""
    assert update.effective_message is not None
    entries = [(name, doc) for name, doc, admin in command_entries(context.application) if not admin]
    admin = [(name, f"{doc} (admins)") for name, doc, is_admin in command_entries(context.application)
             if is_admin]
    text = render_help([*entries, *admin], intro=await intro(services(context)))
    await update.effective_message.reply_text(text)


async def intro(found: Services) -> str:
    """Return the introduction, with an example question that answers on this store."""
    example = await found.first_example("intro", question_of=lambda q: q)
    return INTRO.format(example=f', e.g. "{example}"' if example else "")


def register(app: App) -> None:
    """Add /start and /help."""
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("help", help_command))


async def startup(app: App) -> None:
    """Set the bot's command menu (setMyCommands) from the public commands."""
    commands = [BotCommand(name, doc[:256] or name) for name, doc, admin in command_entries(app)
                if not admin]
    await app.bot.set_my_commands(commands)
