"""Text -> facts: meeting, attendees, statements, commitments and agreements (pure functions)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from storage.records import Extraction, SourceDocument

if TYPE_CHECKING:
    from bot.entities import EntityIndex
    from bot.extract.kinds import Extractors


def extract_document(doc: SourceDocument, *, index: EntityIndex | None = None,
                     extractors: Extractors | None = None) -> Extraction:
    """Extract every fact of ``doc``, each with its sentence and character offsets; by the rules,
    or with the ``extractors`` of some kinds swapped (bot.extract.kinds)."""
    # Imported here: the rules compile many patterns, and most commands never extract.
    from bot.entities import EntityIndex
    from bot.extract.document import extract
    from bot.extract.kinds import RULES

    return extract(doc, index or EntityIndex.default(), extractors or RULES)


__all__ = ["extract_document"]
