"""Entity resolution: people, countries, organisations and places across spellings and scripts.

    idx = EntityIndex.default()
    idx.person("Зеленського").name  -> "Volodymyr Zelenskyy"
    idx.country("the Americans")     -> "United States"
    idx.find_mentions("What did mertz say in Paris?")
"""
from __future__ import annotations

from bot.entities.index import EntityIndex
from bot.entities.model import Entity, Mention, Role
from bot.entities.text import normalize

__all__ = ["Entity", "EntityIndex", "Mention", "Role", "normalize"]
