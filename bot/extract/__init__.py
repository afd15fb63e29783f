"""Text -> facts: meeting, attendees, statements, commitments and agreements (pure functions)."""
from __future__ import annotations

from bot.extract.sentences import split_sentences
from storage.records import Extraction, SourceDocument


def extract_document(doc: SourceDocument) -> Extraction:
    """Extract every fact of ``doc``, each with its sentence and character offsets."""
    return Extraction(sentences=tuple(split_sentences(doc.text)))
