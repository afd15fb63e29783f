"""Commitments across meetings and sources: meeting clusters, commitment threads, status answers.

Pure functions over the store. Triggers (storage/tracking_schema.py) mark what each write changed;
``install(store)`` refreshes tracking inside every save, ``ensure_fresh(db)`` after deletions.
"""
from __future__ import annotations

from bot.tracking.refresh import ensure_fresh, install, refresh

__all__ = ["ensure_fresh", "install", "refresh"]
