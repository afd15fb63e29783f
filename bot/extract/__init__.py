"""Text -> facts: meeting, attendees, statements, commitments and agreements (pure functions)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot.extract.sentences import split_sentences
from storage.records import Extraction, SourceDocument

if TYPE_CHECKING:
    from bot.entities import EntityIndex


def extract_document(doc: SourceDocument, *, index: EntityIndex | None = None) -> Extraction:
    """Extract every fact of ``doc``, each with its sentence and character offsets."""
    from bot.extract.agents import Discourse
    from bot.extract.agreements import extract_agreements, signed_commitments
    from bot.extract.attendees import extract_attendees
    from bot.extract.commitments import extract_commitments
    from bot.extract.context import Context
    from bot.extract.language import detect_language
    from bot.extract.meeting import extract_meeting
    from bot.extract.statements import extract_statements, written_names
    from bot.extract.transcript import is_transcript, title_speaker, transcript_statements

    if index is None:
        from bot.entities import EntityIndex

        index = EntityIndex.default()
    sentences = tuple(split_sentences(doc.text))
    ctx = Context(doc=doc, sentences=sentences, index=index,
                  language=doc.language or detect_language(doc.text))
    meeting = extract_meeting(ctx)
    ctx.date, ctx.meeting_format = meeting.date, meeting.format
    disc = Discourse()
    statements = extract_statements(ctx, disc)
    transcript = is_transcript(ctx)
    host = title_speaker(ctx) if transcript else None
    if transcript:
        statements = transcript_statements(ctx, host)
    attendees = extract_attendees(ctx, host=host, transcript=transcript)
    if ctx.language != "en":
        attendees = written_names(disc, attendees)
    commitments = extract_commitments(ctx, disc, statements)
    agreements = extract_agreements(ctx, disc)
    commitments += signed_commitments(agreements, commitments)
    return Extraction(sentences=sentences, meeting=meeting, statements=tuple(statements),
                      attendees=tuple(attendees), commitments=tuple(commitments),
                      agreements=tuple(agreements))


__all__ = ["extract_document"]
