"""Command groups of the CLI beyond the core commands of ``bot.cli``, and their shared ``--db``
option. Commands sit above the composition root (``bot.wiring``), never inside a feature package.
"""
