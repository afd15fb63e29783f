"""Commitments across meetings and sources: meeting clusters, commitment threads, status answers.

Pure functions over the store. Triggers (storage/tracking_schema.py) mark what each write changed;
``refresh_after_save`` refreshes tracking inside every save (``bot.wiring`` installs it),
``ensure_fresh(db)`` after deletions.
"""
from __future__ import annotations

from bot.tracking.refresh import ensure_fresh, refresh, refresh_after_save

__all__ = ["ensure_fresh", "refresh", "refresh_after_save"]
