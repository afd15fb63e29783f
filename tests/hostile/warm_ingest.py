"""Imported by the crash test's fork server: load the gazetteer and extraction caches once.

Every forked ingest then starts warm, so a run's time goes to ingesting, not to loading.
"""
from __future__ import annotations

from bot.extract import extract_document
from storage.records import SourceDocument
from tests.hostile.readouts import readout

extract_document(SourceDocument(text=readout(0, repeats=1), language="en"))
