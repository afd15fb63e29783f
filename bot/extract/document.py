"""One document through every rule, in the order the rules depend on each other."""
from __future__ import annotations

from bot.entities import EntityIndex
from bot.extract.agents import Discourse
from bot.extract.agreements import extract_agreements, signed_commitments
from bot.extract.attendees import active_people, extract_attendees
from bot.extract.commitments import extract_commitments
from bot.extract.context import Context
from bot.extract.language import detect_language
from bot.extract.meeting import extract_meeting
from bot.extract.sentences import split_sentences
from bot.extract.statements import extract_statements, written_names
from bot.extract.transcript import is_transcript, title_speaker, transcript_statements
from storage.records import Extraction, SourceDocument


def extract(doc: SourceDocument, index: EntityIndex) -> Extraction:
    """Extract the meeting first (its date resolves roles), then who spoke, attended, committed."""
    sentences = tuple(split_sentences(doc.text))
    ctx = Context(doc=doc, sentences=sentences, index=index,
                  language=doc.language or detect_language(doc.text))
    meeting = extract_meeting(ctx)
    ctx.date, ctx.meeting_format = meeting.date, meeting.format
    disc = Discourse()
    statements = extract_statements(ctx, disc)
    transcript = is_transcript(ctx)
    host = title_speaker(ctx) if transcript else None
    if transcript:  # a speech: its speaker is in the title, and its body is what they said
        statements = transcript_statements(ctx, host)
    commitments = extract_commitments(ctx, disc, statements)
    agreements = extract_agreements(ctx, disc)
    commitments += signed_commitments(agreements, commitments)
    attendees = extract_attendees(ctx, host=host, transcript=transcript,
                                  speakers=active_people(statements, commitments))
    if ctx.language != "en":
        attendees = written_names(disc, attendees, index)
    return Extraction(sentences=sentences, meeting=meeting, statements=tuple(statements),
                      attendees=tuple(attendees), commitments=tuple(commitments),
                      agreements=tuple(agreements))
