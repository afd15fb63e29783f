"""Thin Telegram callbacks: parse the update, call pure code, render, reply.

Each module exposes ``register(app)``, which adds its handlers, and may expose
``async startup(app)`` / ``async shutdown(app)``, run after the services open and before they
close. ``bot.app.HANDLER_MODULES`` lists the modules in the order their handlers are tried.
Long-lived services are in ``context.bot_data.services`` (typed: see ``bot.handlers.services``).
"""
