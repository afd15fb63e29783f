"""One document through every kind's extractor, in the order the kinds depend on each other."""
from __future__ import annotations

from bot.entities import EntityIndex
from bot.extract.context import Context
from bot.extract.kinds import RULES, Extractors, Found
from bot.extract.language import detect_language
from bot.extract.meeting import extract_meeting
from bot.extract.sentences import split_sentences
from storage.records import Extraction, SourceDocument


def extract(doc: SourceDocument, index: EntityIndex, extractors: Extractors = RULES) -> Extraction:
    """Extract the meeting first (its date resolves roles), then who spoke, what was signed,
    who committed and who attended."""
    sentences = tuple(split_sentences(doc.text))
    ctx = Context(doc=doc, sentences=sentences, index=index,
                  language=doc.language or detect_language(doc.text))
    meeting = extract_meeting(ctx)
    ctx.date, ctx.meeting_format = meeting.date, meeting.format
    found = Found()
    found.statements = extractors.statements(ctx, found)
    found.agreements = extractors.agreements(ctx, found)
    found.commitments = extractors.commitments(ctx, found)
    attendees = extractors.attendees(ctx, found)
    return Extraction(sentences=sentences, meeting=meeting, statements=found.statements,
                      attendees=attendees, commitments=found.commitments,
                      agreements=found.agreements)
